// gofront/types.h — Go types as the compiler sees them (internal to gofront).
//
// Types are allocated by a TypeTable and live as long as it; compare them with identical(),
// never by pointer (composite types are built afresh where they are written).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "gofront/ast.h"

namespace rdv::gofront {

enum class K {
  Invalid,
  Bool,
  Int,
  Int8,
  Int16,
  Int32,
  Int64,
  Uint8,
  Uint16,
  Uint32,
  Uint,  // 64-bit unsigned, as uint64 and uintptr (distinct types, one representation)
  Uint64,
  Uintptr,
  Float32,  // held as a Lua float that is always a float32's value (rounded after each operation)
  Float64,
  String,
  UntypedBool,
  UntypedInt,
  UntypedRune,
  UntypedFloat,
  UntypedString,
  UntypedNil,
  Slice,
  Array,  // [len]elem: a value, copied as a struct is
  Map,
  Chan,
  Func,
  Struct,
  Pointer,
  Interface,
  Named,
  Tuple,
  Foreign,  // an opaque runtime object: sync.WaitGroup, context.Context, time.Time, ...
};

struct Type;

struct Member {
  std::string name;
  Type* type = nullptr;
  bool embedded =
      false;  // a struct's embedded field (its name is its type's: Mutex for sync.Mutex)
};

struct FuncDecl;

struct Method {
  std::string name;
  Type* sig = nullptr;  // without the receiver
  bool ptr_recv = false;
  bool foreign = false;  // implemented by the runtime (lower.cpp knows how)
};

struct Type {
  K k = K::Invalid;
  Type* elem = nullptr;  // Slice, Array, Map (value), Chan, Pointer
  std::int64_t len = 0;  // Array: its length
  Type* key = nullptr;   // Map
  ChanDir dir = ChanDir::Both;
  std::vector<Member> fields;  // Struct fields; Interface methods (type = signature), sorted
  std::vector<Type*> params, results;  // Func; Tuple uses results
  bool variadic = false;
  // Named and Foreign
  std::string name;       // "main.Point", "sync.WaitGroup", "time.Duration"
  std::string local;      // "Point" (as written in the program)
  Type* under = nullptr;  // Named: the underlying type (null until resolved)
  std::vector<Method> methods;
  int desc = 0;  // index of its Lua descriptor (0: none yet)
};

bool is_untyped(const Type* t);
bool is_integer(const Type* t);  // of the underlying type, untyped rune/int included
bool is_float(const Type* t);    // float32, float64, untyped float
bool is_f32(const Type* t);      // of underlying type float32
// uint, uint64, uintptr: 64-bit unsigned, held in a Lua integer's bits (division, ordering,
// conversion to float and printing need unsigned operations).
bool is_u64(const Type* t);
bool is_unsigned(const Type* t);  // uint8/16/32 and the 64-bit ones
bool is_numeric(const Type* t);
bool is_string(const Type* t);
bool is_boolean(const Type* t);
const Type* underlying(const Type* t);
Type* underlying(Type* t);
bool identical(const Type* a, const Type* b);
// A struct or an array: a value held in a Lua table, copied where Go copies it (assignment,
// argument, result, storing, sending) and changed in place through an element or field.
bool is_aggregate(const Type* t);
// Go's spelling of a type in messages: "int", "[]string", "main.T" as "T"? gc prints
// package-local names unqualified in errors; fmt's %T qualifies them ("main.T").
std::string type_string(const Type* t, bool qualified = false);
// The `k` of a type of kind `k`'s Lua descriptor: "int", "slice", "ptr", "iface", ... ("invalid"
// for the kinds no value has at run time).
const char* descriptor_kind(K k);
// The bytes a value of kind k takes in Go (unsafe.Sizeof on a 64-bit machine); 0 for a struct,
// whose size depends on its fields.
int kind_size(K k);

}  // namespace rdv::gofront
