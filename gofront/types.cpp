#include "gofront/types.h"

namespace rdv::gofront {

const Type* underlying(const Type* t) {
  while (t != nullptr && t->k == K::Named && t->under != nullptr) t = t->under;
  return t;
}

Type* underlying(Type* t) {
  while (t != nullptr && t->k == K::Named && t->under != nullptr) t = t->under;
  return t;
}

bool is_untyped(const Type* t) {
  if (t == nullptr) return false;
  switch (t->k) {
    case K::UntypedBool:
    case K::UntypedInt:
    case K::UntypedRune:
    case K::UntypedFloat:
    case K::UntypedString:
    case K::UntypedNil:
      return true;
    default:
      return false;
  }
}

bool is_integer(const Type* t) {
  t = underlying(t);
  if (t == nullptr) return false;
  switch (t->k) {
    case K::Int:
    case K::Int8:
    case K::Int16:
    case K::Int32:
    case K::Int64:
    case K::Uint8:
    case K::Uint16:
    case K::Uint32:
    case K::Uint:
    case K::Uint64:
    case K::Uintptr:
    case K::UntypedInt:
    case K::UntypedRune:
      return true;
    default:
      return false;
  }
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
  return t != nullptr && (t->k == K::Float64 || t->k == K::UntypedFloat);
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
  switch (t->k) {
    case K::Invalid:
      return "invalid type";
    case K::Bool:
      return "bool";
    case K::Int:
      return "int";
    case K::Int8:
      return "int8";
    case K::Int16:
      return "int16";
    case K::Int32:
      return t->name == "rune" ? "rune" : "int32";
    case K::Int64:
      return "int64";
    case K::Uint8:
      return t->name == "byte" ? "byte" : "uint8";
    case K::Uint16:
      return "uint16";
    case K::Uint32:
      return "uint32";
    case K::Uint:
      return "uint";
    case K::Uint64:
      return "uint64";
    case K::Uintptr:
      return "uintptr";
    case K::Float64:
      return "float64";
    case K::String:
      return "string";
    case K::UntypedBool:
      return "untyped bool";
    case K::UntypedInt:
      return "untyped int";
    case K::UntypedRune:
      return "untyped rune";
    case K::UntypedFloat:
      return "untyped float";
    case K::UntypedString:
      return "untyped string";
    case K::UntypedNil:
      return "untyped nil";
    case K::Slice:
      return "[]" + type_string(t->elem, q);
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
  }
  return "?";
}

}  // namespace rdv::gofront
