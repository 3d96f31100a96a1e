#include "gofront/types.h"

#include <cstddef>
#include <iterator>

namespace rdv::gofront {
namespace {

// What each kind is, one row per K in K's order (the static_assert below keeps it so).
struct KindFacts {
  K k;
  const char* go;    // Go's name for the kind's types ("int", "untyped rune"); null: spelt
                     // from their parts by type_string
  const char* desc;  // the `k` of the type's Lua descriptor (G.def in the lowered chunk)
  bool untyped;      // an untyped constant's type
  bool integer;      // an integer type, the untyped int and rune included
  int size;          // bytes a value takes in Go on a 64-bit machine (unsafe.Sizeof); a
                     // struct's or array's depends on its parts (0 here)
};

constexpr KindFacts kKinds[] = {
    {K::Invalid, "invalid type", "invalid", false, false, 8},
    {K::Bool, "bool", "bool", false, false, 1},
    {K::Int, "int", "int", false, true, 8},
    {K::Int8, "int8", "int8", false, true, 1},
    {K::Int16, "int16", "int16", false, true, 2},
    {K::Int32, "int32", "int32", false, true, 4},
    {K::Int64, "int64", "int64", false, true, 8},
    {K::Uint8, "uint8", "uint8", false, true, 1},
    {K::Uint16, "uint16", "uint16", false, true, 2},
    {K::Uint32, "uint32", "uint32", false, true, 4},
    {K::Uint, "uint", "uint", false, true, 8},
    {K::Uint64, "uint64", "uint64", false, true, 8},
    {K::Uintptr, "uintptr", "uintptr", false, true, 8},
    {K::Float32, "float32", "float32", false, false, 4},
    {K::Float64, "float64", "float64", false, false, 8},
    {K::String, "string", "string", false, false, 16},
    {K::UntypedBool, "untyped bool", "invalid", true, false, 8},
    {K::UntypedInt, "untyped int", "invalid", true, true, 8},
    {K::UntypedRune, "untyped rune", "invalid", true, true, 8},
    {K::UntypedFloat, "untyped float", "invalid", true, false, 8},
    {K::UntypedString, "untyped string", "invalid", true, false, 8},
    {K::UntypedNil, "untyped nil", "invalid", true, false, 8},
    {K::Slice, nullptr, "slice", false, false, 24},
    {K::Array, nullptr, "array", false, false, 0},
    {K::Map, nullptr, "map", false, false, 8},
    {K::Chan, nullptr, "chan", false, false, 8},
    {K::Func, nullptr, "func", false, false, 8},
    {K::Struct, nullptr, "struct", false, false, 0},
    {K::Pointer, nullptr, "ptr", false, false, 8},
    {K::Interface, nullptr, "iface", false, false, 16},
    {K::Named, nullptr, "invalid", false, false, 8},
    {K::Tuple, nullptr, "invalid", false, false, 8},
    {K::Foreign, nullptr, "foreign", false, false, 8},
};

constexpr bool rows_in_kind_order() {
  for (std::size_t i = 0; i < std::size(kKinds); ++i)
    if (kKinds[i].k != static_cast<K>(i)) return false;
  return true;
}
static_assert(std::size(kKinds) == static_cast<std::size_t>(K::Foreign) + 1 && rows_in_kind_order(),
              "kKinds: one row per K, in K's order");

const KindFacts& kind_facts(K k) {
  return kKinds[static_cast<std::size_t>(k)];
}

}  // namespace

const char* descriptor_kind(K k) {
  return kind_facts(k).desc;
}

int kind_size(K k) {
  return kind_facts(k).size;
}

const Type* underlying(const Type* t) {
  while (t != nullptr && t->k == K::Named && t->under != nullptr) t = t->under;
  return t;
}

Type* underlying(Type* t) {
  while (t != nullptr && t->k == K::Named && t->under != nullptr) t = t->under;
  return t;
}

bool is_untyped(const Type* t) {
  return t != nullptr && kind_facts(t->k).untyped;
}

bool is_integer(const Type* t) {
  t = underlying(t);
  return t != nullptr && kind_facts(t->k).integer;
}

bool is_u64(const Type* t) {
  t = underlying(t);
  return t != nullptr && (t->k == K::Uint || t->k == K::Uint64 || t->k == K::Uintptr);
}

bool is_unsigned(const Type* t) {
  t = underlying(t);
  return t != nullptr && (t->k == K::Uint8 || t->k == K::Uint16 || t->k == K::Uint32 || is_u64(t));
}

bool is_float(const Type* t) {
  t = underlying(t);
  return t != nullptr && (t->k == K::Float32 || t->k == K::Float64 || t->k == K::UntypedFloat);
}

bool is_f32(const Type* t) {
  t = underlying(t);
  return t != nullptr && t->k == K::Float32;
}

bool is_numeric(const Type* t) {
  return is_integer(t) || is_float(t);
}

bool is_string(const Type* t) {
  t = underlying(t);
  return t != nullptr && (t->k == K::String || t->k == K::UntypedString);
}

bool is_boolean(const Type* t) {
  t = underlying(t);
  return t != nullptr && (t->k == K::Bool || t->k == K::UntypedBool);
}

bool is_aggregate(const Type* t) {
  t = underlying(t);
  return t != nullptr && (t->k == K::Struct || t->k == K::Array);
}

bool identical(const Type* a, const Type* b) {
  if (a == b) return true;
  if (a == nullptr || b == nullptr) return false;
  if (a->k != b->k) return false;
  switch (a->k) {
    case K::Named:
    case K::Foreign:
      return a->name == b->name;
    case K::Slice:
    case K::Pointer:
      return identical(a->elem, b->elem);
    case K::Array:
      return a->len == b->len && identical(a->elem, b->elem);
    case K::Chan:
      return a->dir == b->dir && identical(a->elem, b->elem);
    case K::Map:
      return identical(a->key, b->key) && identical(a->elem, b->elem);
    case K::Func:
    case K::Tuple:
      if (a->params.size() != b->params.size() || a->results.size() != b->results.size() ||
          a->variadic != b->variadic)
        return false;
      for (std::size_t i = 0; i < a->params.size(); ++i)
        if (!identical(a->params[i], b->params[i])) return false;
      for (std::size_t i = 0; i < a->results.size(); ++i)
        if (!identical(a->results[i], b->results[i])) return false;
      return true;
    case K::Struct:
    case K::Interface:
      if (a->fields.size() != b->fields.size()) return false;
      for (std::size_t i = 0; i < a->fields.size(); ++i) {
        if (a->fields[i].name != b->fields[i].name) return false;
        if (!identical(a->fields[i].type, b->fields[i].type)) return false;
      }
      return true;
    default:
      return true;  // basic kinds
  }
}

namespace {

std::string tuple_string(const std::vector<Type*>& ts, bool q, bool variadic) {
  std::string s = "(";
  for (std::size_t i = 0; i < ts.size(); ++i) {
    if (i > 0) s += ", ";
    if (variadic && i + 1 == ts.size() && ts[i]->k == K::Slice) {
      s += "..." + type_string(ts[i]->elem, q);
    } else {
      s += type_string(ts[i], q);
    }
  }
  return s + ")";
}

}  // namespace

std::string type_string(const Type* t, bool q) {
  if (t == nullptr) return "invalid type";
  if (t->k == K::Int32 && t->name == "rune") return "rune";
  if (t->k == K::Uint8 && t->name == "byte") return "byte";
  if (const char* basic = kind_facts(t->k).go) return basic;
  switch (t->k) {
    case K::Slice:
      return "[]" + type_string(t->elem, q);
    case K::Array:
      return "[" + std::to_string(t->len) + "]" + type_string(t->elem, q);
    case K::Pointer:
      return "*" + type_string(t->elem, q);
    case K::Map:
      return "map[" + type_string(t->key, q) + "]" + type_string(t->elem, q);
    case K::Chan:
      return std::string(t->dir == ChanDir::Recv   ? "<-chan "
                         : t->dir == ChanDir::Send ? "chan<- "
                                                   : "chan ") +
             type_string(t->elem, q);
    case K::Func: {
      std::string s = "func" + tuple_string(t->params, q, t->variadic);
      if (t->results.size() == 1) s += " " + type_string(t->results[0], q);
      if (t->results.size() > 1) s += " " + tuple_string(t->results, q, false);
      return s;
    }
    case K::Tuple:
      return tuple_string(t->results, q, false);
    case K::Struct: {
      std::string s = "struct{";
      for (std::size_t i = 0; i < t->fields.size(); ++i) {
        if (i > 0) s += "; ";
        s += t->fields[i].name + " " + type_string(t->fields[i].type, q);
      }
      return s + "}";
    }
    case K::Interface: {
      if (!t->name.empty()) return t->name;  // error, any
      if (t->fields.empty()) return "interface{}";
      std::string s = "interface {";
      for (std::size_t i = 0; i < t->fields.size(); ++i) {
        s += i > 0 ? "; " : " ";
        s += t->fields[i].name + type_string(t->fields[i].type, q).substr(4);
      }
      return s + (t->fields.empty() ? "}" : " }");
    }
    case K::Named:
      if (t->name.rfind("main.", 0) == 0 && !q) return t->local;
      return t->name;
    case K::Foreign:
      return t->name;
    default:  // the kinds with a name of their own, above
      return "?";
  }
}

}  // namespace rdv::gofront
