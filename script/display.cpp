#include "script/display.h"

#include "script/universe.h"
#include "sim/escape.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace rdv::script {
namespace {

constexpr int kMaxDepth = 3;           // nested tables shown before "{…}"
constexpr int kMaxEntries = 16;        // entries of one table shown before "…"
constexpr std::size_t kMaxLen = 4096;  // a display is cut past this, saying so (cut_marker)
// What may follow a cut string before the display is cut as a whole (closing brackets).
constexpr std::size_t kSlack = 64;
constexpr const char* kEllipsis = "\xE2\x80\xA6";

// Registry keys (addresses of these statics are unique light userdata).
char kIdTableKey;   // weak-keyed table: object -> id
char kIdNextKey;    // next id to give
char kGoValuesKey;  // set: the state runs a lowered Go program (set_go_values)

bool reads_as_other(std::string_view s) {
  if (s.empty() || s == "nil" || s == "true" || s == "false") return true;
  char* end = nullptr;
  std::string tmp(s);
  std::strtod(tmp.c_str(), &end);
  return end == tmp.c_str() + tmp.size();
}

void append_quoted(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    if (const char* esc = short_escape(c)) {
      out += esc;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
}

bool is_identifier(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

int type_rank(int type) {
  switch (type) {
    case LUA_TNUMBER:
      return 0;
    case LUA_TSTRING:
      return 1;
    case LUA_TBOOLEAN:
      return 2;
    default:
      return 3;
  }
}

std::string with_commas(std::uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) {
    s.insert(static_cast<std::size_t>(i), ",");
  }
  return s;
}

// The longest prefix of s of at most max bytes that ends on a UTF-8 character boundary.
std::size_t utf8_cut(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s.size();
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

class Printer {
 public:
  explicit Printer(lua_State* L) : L_(L) {
    go_ = lua_rawgetp(L_, LUA_REGISTRYINDEX, &kGoValuesKey) == LUA_TBOOLEAN;
    lua_pop(L_, 1);
  }

  void value(int idx, bool quoted, int depth) {
    idx = lua_absindex(L_, idx);
    if (out.size() >= kMaxLen) {
      skipped_ = true;
      return;
    }
    switch (lua_type(L_, idx)) {
      case LUA_TNIL:
        out += go_ ? "<nil>" : "nil";
        return;
      case LUA_TBOOLEAN:
        out += lua_toboolean(L_, idx) ? "true" : "false";
        return;
      case LUA_TNUMBER:
        if (lua_isinteger(L_, idx)) {
          out += std::to_string(lua_tointeger(L_, idx));
        } else {
          out += format_float(lua_tonumber(L_, idx));
        }
        return;
      case LUA_TSTRING: {
        std::size_t n = 0;
        const char* s = lua_tolstring(L_, idx, &n);
        text({s, n}, quoted);
        return;
      }
      case LUA_TTABLE:
        if (!go_pointer(idx, quoted, depth) && !metamethod_tostring(idx) &&
            !(go_ && go_value(idx, depth)))
          table(idx, depth);
        return;
      case LUA_TUSERDATA:
        if (!metamethod_tostring(idx)) {
          out += "userdata: ";
          out += std::to_string(object_id(L_, idx));
        }
        return;
      case LUA_TFUNCTION:
        function(idx);
        return;
      case LUA_TLIGHTUSERDATA:
        out += Universe::is_goexit(L_, idx) ? "runtime.Goexit" : "userdata";
        return;
      case LUA_TTHREAD:
        out += "thread: ";
        out += std::to_string(object_id(L_, idx));
        return;
      default:
        out += lua_typename(L_, lua_type(L_, idx));
        return;
    }
  }

  // Cuts `out` to kMaxLen bytes, and says so when anything was left out: "… (N more bytes)"
  // when only the ends of strings were, "… (display cut at 4,096 bytes)" when values were.
  void finish() {
    if (out.size() > kMaxLen + kSlack) {
      out.resize(utf8_cut(out, kMaxLen));
      skipped_ = true;
    }
    if (dropped_ == 0 && !skipped_) return;
    out += kEllipsis;
    out += skipped_ ? " (display cut at " + with_commas(kMaxLen) + " bytes)"
                    : " (" + with_commas(dropped_) + " more bytes)";
  }

  std::string out;

 private:
  // Appends a string's bytes, at most what still fits in kMaxLen: a 150 MiB string is cut
  // before it is copied or quoted, never after (quoting NUL bytes makes them four times larger).
  void text(std::string_view s, bool quoted) {
    std::size_t room = out.size() < kMaxLen ? kMaxLen - out.size() : 0;
    if (quoted) {
      // Quoting makes a byte up to four ("\x00"): count what the quoted prefix will take.
      std::size_t width = 2, n = 0;
      while (n < s.size()) {
        const auto c = static_cast<unsigned char>(s[n]);
        const std::size_t w = c == '"' || c == '\\' || c == '\n' || c == '\t' || c == '\r' ? 2
                              : c < 0x20                                                   ? 4
                                                                                           : 1;
        if (width + w > room) break;
        width += w;
        ++n;
      }
      room = n;
    }
    const std::size_t take = utf8_cut(s, room);
    dropped_ += s.size() - take;
    if (quoted) {
      append_quoted(out, s.substr(0, take));
    } else {
      out.append(s.data(), take);
    }
  }

  std::uint64_t dropped_ = 0;  // bytes of strings left out
  bool skipped_ = false;       // values left out
  // A Go program's pointer to a non-struct value is a box {v = value} marked __gobox
  // (gofront/prelude.lua, G.ref): shown as Go shows a pointer to a struct, "&" and the value
  // ("&11"), not as the Lua table it is. Raw reads: no metamethod of a scenario runs here.
  // A pointer to a field or element is a reference {t = table, k = key} marked __goref
  // (G.fref): shown as "&" and t[k].
  bool go_pointer(int idx, bool quoted, int depth) {
    if (!lua_getmetatable(L_, idx)) return false;
    lua_pushliteral(L_, "__gobox");
    const bool box = lua_rawget(L_, -2) == LUA_TBOOLEAN;
    lua_pop(L_, 1);
    lua_pushliteral(L_, "__goref");
    const bool ref = lua_rawget(L_, -2) == LUA_TBOOLEAN;
    lua_pop(L_, 2);
    if (!box && !ref) return false;
    out += "&";
    if (ref) {
      idx = lua_absindex(L_, idx);
      lua_pushliteral(L_, "t");
      if (lua_rawget(L_, idx) != LUA_TTABLE) {
        lua_pop(L_, 1);
        out += "?";
        return true;
      }
      lua_pushliteral(L_, "k");
      lua_rawget(L_, idx);
      lua_rawget(L_, -2);
      value(-1, quoted, depth + 1);
      lua_pop(L_, 2);
      return true;
    }
    lua_pushliteral(L_, "v");
    lua_rawget(L_, idx);
    value(-1, quoted, depth + 1);
    lua_pop(L_, 1);
    return true;
  }

  // Go's values by their shape (see set_go_values). False: not one of them (shown as a table).
  bool go_value(int idx, int depth) {
    // The table's string keys; any other key means it is not a Go value's table.
    int count = 0;
    bool has_a = false, has_o = false, has_n = false, has_c = false, has_d = false, has_t = false,
         has_v = false, plain = true;
    lua_pushnil(L_);
    while (lua_next(L_, idx) != 0) {
      lua_pop(L_, 1);
      ++count;
      if (lua_type(L_, -1) != LUA_TSTRING) {
        plain = false;
        continue;
      }
      const std::string_view k = lua_tostring(L_, -1);
      has_a |= k == "a";
      has_o |= k == "o";
      has_n |= k == "n";
      has_c |= k == "c";
      has_d |= k == "d";
      has_t |= k == "t";
      has_v |= k == "v";
    }
    auto field_type = [&](const char* k) {
      lua_pushstring(L_, k);
      const int t = lua_rawget(L_, idx);
      lua_pop(L_, 1);
      return t;
    };
    if (count == 4 && has_a && has_o && has_n && has_c && field_type("a") == LUA_TTABLE &&
        field_type("o") == LUA_TNUMBER && field_type("n") == LUA_TNUMBER &&
        field_type("c") == LUA_TNUMBER) {
      go_slice(idx, depth);
      return true;
    }
    if (count == 2 && has_d && has_n && field_type("d") == LUA_TTABLE &&
        field_type("n") == LUA_TNUMBER) {
      go_map(idx, depth);
      return true;
    }
    // A map whose keys are encoded (a struct, array, float, pointer or interface key): k maps
    // each Lua key to the Go key.
    if (count == 3 && has_d && has_n && field_type("d") == LUA_TTABLE &&
        field_type("n") == LUA_TNUMBER && field_type("k") == LUA_TTABLE) {
      go_keyed_map(idx, depth);
      return true;
    }
    if ((count == 2 || count == 1) && has_t && (has_v || count == 1) && is_descriptor(idx)) {
      lua_pushliteral(L_, "v");  // an interface: its dynamic value
      lua_rawget(L_, idx);
      if (lua_type(L_, -1) == LUA_TNUMBER && descriptor_kind(idx) == "float32") {
        out += format_float32(lua_tonumber(L_, -1));
      } else {
        value(-1, false, depth);
      }
      lua_pop(L_, 1);
      return true;
    }
    if (!plain) return false;
    go_struct(idx, depth);
    return true;
  }

  // t of {t, v} is a type descriptor (gofront/prelude.lua): a table with string k and name.
  bool is_descriptor(int idx) {
    lua_pushliteral(L_, "t");
    if (lua_rawget(L_, idx) != LUA_TTABLE) {
      lua_pop(L_, 1);
      return false;
    }
    lua_pushliteral(L_, "k");
    const bool k = lua_rawget(L_, -2) == LUA_TSTRING;
    lua_pushliteral(L_, "name");
    const bool name = lua_rawget(L_, -3) == LUA_TSTRING;
    lua_pop(L_, 3);
    return k && name;
  }

  // The kind ("int", "float32", ...) of the descriptor t of {t, v} (is_descriptor holds).
  std::string descriptor_kind(int idx) {
    lua_pushliteral(L_, "t");
    lua_rawget(L_, idx);
    lua_pushliteral(L_, "k");
    lua_rawget(L_, -2);
    std::size_t n = 0;
    const char* k = lua_tolstring(L_, -1, &n);
    std::string kind(k, n);
    lua_pop(L_, 2);
    return kind;
  }

  bool too_deep(int idx, int depth, const char* open, const char* close) {
    if (depth < kMaxDepth && !on_path(idx)) return false;
    out += open;
    out += kEllipsis;
    out += close;
    return true;
  }

  void go_slice(int idx, int depth) {
    if (too_deep(idx, depth, "[", "]")) return;
    path_.push_back(lua_topointer(L_, idx));
    auto int_field = [&](const char* k) {
      lua_pushstring(L_, k);
      lua_rawget(L_, idx);
      const lua_Integer v = lua_tointeger(L_, -1);
      lua_pop(L_, 1);
      return v;
    };
    const lua_Integer o = int_field("o"), n = int_field("n");
    lua_pushliteral(L_, "a");
    lua_rawget(L_, idx);
    const int a = lua_gettop(L_);
    out += '[';
    for (lua_Integer i = 0; i < n; ++i) {
      if (i > 0) out += ' ';
      if (i == kMaxEntries) {
        out += kEllipsis;
        break;
      }
      lua_rawgeti(L_, a, o + i + 1);
      value(-1, false, depth + 1);
      lua_pop(L_, 1);
    }
    out += ']';
    lua_pop(L_, 1);
    path_.pop_back();
  }

  // Keys in key_less order, then each key and value written by `entry`.
  template <typename Entry>
  void sorted_entries(int idx, Entry entry) {
    lua_newtable(L_);
    const int keys = lua_gettop(L_);
    lua_Integer count = 0;
    lua_pushnil(L_);
    while (lua_next(L_, idx) != 0) {
      lua_pop(L_, 1);
      lua_pushvalue(L_, -1);
      lua_rawseti(L_, keys, ++count);
    }
    std::vector<lua_Integer> order(static_cast<std::size_t>(count));
    for (lua_Integer i = 0; i < count; ++i) order[static_cast<std::size_t>(i)] = i + 1;
    std::sort(order.begin(), order.end(), [&](lua_Integer a, lua_Integer b) {
      lua_rawgeti(L_, keys, a);
      lua_rawgeti(L_, keys, b);
      const bool less = key_less(L_, -2, -1);
      lua_pop(L_, 2);
      return less;
    });
    int shown = 0;
    for (lua_Integer k : order) {
      if (shown > 0) out += ' ';
      if (shown == kMaxEntries) {
        out += kEllipsis;
        break;
      }
      lua_rawgeti(L_, keys, k);
      entry(lua_gettop(L_));
      lua_pop(L_, 1);
      ++shown;
    }
    lua_pop(L_, 1);  // keys
  }

  void go_map(int idx, int depth) {
    if (too_deep(idx, depth, "map[", "]")) return;
    path_.push_back(lua_topointer(L_, idx));
    lua_pushliteral(L_, "d");
    lua_rawget(L_, idx);
    const int d = lua_gettop(L_);
    out += "map[";
    sorted_entries(d, [&](int key) {
      value(key, false, depth + 1);
      out += ':';
      lua_pushvalue(L_, key);
      lua_rawget(L_, d);
      value(-1, false, depth + 1);
      lua_pop(L_, 1);
    });
    out += ']';
    lua_pop(L_, 1);
    path_.pop_back();
  }

  // As go_map, showing k[key] for each key of d, in fmt's order of Go keys (go_key_less).
  void go_keyed_map(int idx, int depth) {
    if (too_deep(idx, depth, "map[", "]")) return;
    path_.push_back(lua_topointer(L_, idx));
    luaL_checkstack(L_, 8, "display");
    lua_pushliteral(L_, "d");
    lua_rawget(L_, idx);
    const int d = lua_gettop(L_);
    lua_pushliteral(L_, "k");
    lua_rawget(L_, idx);
    const int k = lua_gettop(L_);
    lua_newtable(L_);  // the Lua keys of d, 1..count
    const int keys = lua_gettop(L_);
    lua_Integer count = 0;
    lua_pushnil(L_);
    while (lua_next(L_, d) != 0) {
      lua_pop(L_, 1);
      lua_pushvalue(L_, -1);
      lua_rawseti(L_, keys, ++count);
    }
    std::vector<lua_Integer> order(static_cast<std::size_t>(count));
    for (lua_Integer i = 0; i < count; ++i) order[static_cast<std::size_t>(i)] = i + 1;
    auto go_key = [&](lua_Integer i) {  // pushes k[keys[i]]
      lua_rawgeti(L_, keys, i);
      lua_rawget(L_, k);
    };
    std::stable_sort(order.begin(), order.end(), [&](lua_Integer a, lua_Integer b) {
      go_key(a);
      go_key(b);
      const bool less = go_key_less(L_, -2, -1, 0);
      lua_pop(L_, 2);
      return less;
    });
    out += "map[";
    int shown = 0;
    for (lua_Integer i : order) {
      if (shown > 0) out += ' ';
      if (shown == kMaxEntries) {
        out += kEllipsis;
        break;
      }
      go_key(i);
      value(-1, false, depth + 1);
      lua_pop(L_, 1);
      out += ':';
      lua_rawgeti(L_, keys, i);
      lua_rawget(L_, d);
      value(-1, false, depth + 1);
      lua_pop(L_, 1);
      ++shown;
    }
    out += ']';
    lua_pop(L_, 3);  // keys, k, d
    path_.pop_back();
  }

  // The declared order of a Go struct's fields, from the program's struct types (__gostructs,
  // gofront/prelude.lua G.fin): the keys of the one type whose fields the table's keys are, an
  // absent one being a field that may be nil, with how that prints. Empty when no type or
  // types of different orders fit: then the keys go in name order.
  std::vector<std::pair<std::string, std::string>> struct_order(int idx) {
    std::vector<std::pair<std::string, std::string>> best;
    std::set<std::string> present;
    lua_pushnil(L_);
    while (lua_next(L_, idx) != 0) {
      lua_pop(L_, 1);
      if (lua_type(L_, -1) == LUA_TSTRING) present.emplace(lua_tostring(L_, -1));
    }
    lua_rawgeti(L_, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    lua_pushliteral(L_, "__gostructs");
    if (lua_rawget(L_, -2) != LUA_TTABLE) {
      lua_pop(L_, 2);
      return best;
    }
    const lua_Integer types = std::min<lua_Integer>(luaL_len(L_, -1), 4096);
    for (lua_Integer i = 1; i <= types; ++i) {
      if (lua_rawgeti(L_, -1, i) != LUA_TTABLE) {
        lua_pop(L_, 1);
        continue;
      }
      lua_pushliteral(L_, "nils");
      const bool has_nils = lua_rawget(L_, -2) == LUA_TTABLE;  // entry, nils
      std::vector<std::pair<std::string, std::string>> order;
      std::size_t found = 0;
      bool fits = has_nils;
      for (lua_Integer k = 1; fits && lua_rawgeti(L_, -2, k) == LUA_TSTRING; ++k) {
        std::string key = lua_tostring(L_, -1);
        lua_rawget(L_, -2);  // nils[key]
        std::string nil_shown = lua_type(L_, -1) == LUA_TSTRING ? lua_tostring(L_, -1) : "";
        lua_pop(L_, 1);
        if (present.count(key) != 0) {
          ++found;
        } else if (nil_shown.empty()) {
          fits = false;
        }
        order.emplace_back(std::move(key), std::move(nil_shown));
      }
      if (fits) lua_pop(L_, 1);  // the non-string that ended the keys
      lua_pop(L_, 2);            // nils, entry
      if (!fits || found != present.size()) continue;
      if (!best.empty() && best != order) {
        best.clear();  // two types fit in different orders
        break;
      }
      best = std::move(order);
    }
    lua_pop(L_, 2);
    return best;
  }

  void go_struct(int idx, int depth) {
    if (too_deep(idx, depth, "{", "}")) return;
    path_.push_back(lua_topointer(L_, idx));
    out += '{';
    if (const auto order = struct_order(idx); !order.empty()) {
      bool first = true;
      for (const auto& [key, nil_shown] : order) {
        if (!first) out += ' ';
        first = false;
        out += key;
        out += ':';
        lua_pushlstring(L_, key.data(), key.size());
        if (lua_rawget(L_, idx) == LUA_TNIL) {
          out += nil_shown;
        } else {
          value(-1, false, depth + 1);
        }
        lua_pop(L_, 1);
      }
      out += '}';
      path_.pop_back();
      return;
    }
    sorted_entries(idx, [&](int key) {
      value(key, false, depth + 1);
      out += ':';
      lua_pushvalue(L_, key);
      lua_rawget(L_, idx);
      value(-1, false, depth + 1);
      lua_pop(L_, 1);
    });
    out += '}';
    path_.pop_back();
  }

  bool metamethod_tostring(int idx) {
    if (luaL_getmetafield(L_, idx, "__tostring") == LUA_TNIL) return false;
    lua_pushvalue(L_, idx);
    lua_call(L_, 1, 1);
    std::size_t n = 0;
    const char* s = lua_tolstring(L_, -1, &n);
    if (s == nullptr) luaL_error(L_, "'__tostring' must return a string");
    text({s, n}, false);
    lua_pop(L_, 1);
    return true;
  }

  void function(int idx) {
    lua_Debug ar;
    lua_pushvalue(L_, idx);
    lua_getinfo(L_, ">S", &ar);
    if (ar.what[0] == 'C') {
      out += "function: builtin";
    } else {
      out += "function: ";
      out += ar.short_src;
      out += ':';
      out += std::to_string(ar.linedefined);
    }
  }

  void table(int idx, int depth) {
    if (depth >= kMaxDepth || on_path(idx)) {
      out += "{";
      out += kEllipsis;
      out += "}";
      return;
    }
    path_.push_back(lua_topointer(L_, idx));
    luaL_checkstack(L_, 8, "display");
    out += '{';
    int shown = 0;
    const lua_Integer n = static_cast<lua_Integer>(lua_rawlen(L_, idx));
    bool first = true;
    auto sep = [&] {
      if (!first) out += ", ";
      first = false;
    };
    for (lua_Integer i = 1; i <= n; ++i) {
      if (shown == kMaxEntries) {
        sep();
        out += kEllipsis;
        break;
      }
      lua_rawgeti(L_, idx, i);
      sep();
      value(-1, true, depth + 1);
      lua_pop(L_, 1);
      ++shown;
    }
    // The other keys, sorted so the display is the same in every run.
    lua_newtable(L_);  // keys, at index `keys`
    const int keys = lua_gettop(L_);
    lua_Integer count = 0;
    lua_pushnil(L_);
    while (lua_next(L_, idx) != 0) {
      lua_pop(L_, 1);
      if (lua_isinteger(L_, -1) && lua_tointeger(L_, -1) >= 1 && lua_tointeger(L_, -1) <= n) {
        continue;
      }
      lua_pushvalue(L_, -1);
      lua_rawseti(L_, keys, ++count);
    }
    std::vector<lua_Integer> order(static_cast<std::size_t>(count));
    for (lua_Integer i = 0; i < count; ++i) order[static_cast<std::size_t>(i)] = i + 1;
    std::sort(order.begin(), order.end(), [&](lua_Integer a, lua_Integer b) {
      lua_rawgeti(L_, keys, a);
      lua_rawgeti(L_, keys, b);
      const bool less = key_less(L_, -2, -1);
      lua_pop(L_, 2);
      return less;
    });
    for (lua_Integer k : order) {
      sep();
      if (shown == kMaxEntries) {
        out += kEllipsis;
        break;
      }
      lua_rawgeti(L_, keys, k);
      std::size_t len = 0;
      const char* s = lua_type(L_, -1) == LUA_TSTRING ? lua_tolstring(L_, -1, &len) : nullptr;
      if (s != nullptr && is_identifier({s, len})) {
        text({s, len}, false);
      } else {
        out += '[';
        value(-1, true, depth + 1);
        out += ']';
      }
      out += '=';
      lua_rawget(L_, idx);
      value(-1, true, depth + 1);
      lua_pop(L_, 1);
      ++shown;
    }
    lua_pop(L_, 1);  // keys
    out += '}';
    path_.pop_back();
  }

  bool on_path(int idx) const {
    return std::find(path_.begin(), path_.end(), lua_topointer(L_, idx)) != path_.end();
  }

  lua_State* L_;
  bool go_ = false;                // a Go program's values (set_go_values)
  std::vector<const void*> path_;  // tables being printed (cycle detection)
};

}  // namespace

namespace {

// Go's %v of v as a float64, or (f32) of v as the float32 it holds.
std::string format_shortest(double v, bool f32) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  if (v == 0) return std::signbit(v) ? "-0" : "0";
  // The shortest %e form that reads back as v (as v's float32): its digits and exponent.
  auto reads_back = [&](const char* text) {
    return f32 ? std::strtof(text, nullptr) == static_cast<float>(v)
               : std::strtod(text, nullptr) == v;
  };
  char buf[48];
  for (int prec = 0; prec < 17; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*e", prec, v);
    if (reads_back(buf)) break;
    // Next to a power of 2 the values that read back as v reach twice as far above v as below:
    // the nearest decimal of this length may miss them while the next one up (or down) is in.
    const char* at = buf[0] == '-' ? buf + 1 : buf;
    std::string mant;
    for (const char* c = at; *c != 'e'; ++c)
      if (*c != '.') mant += *c;
    const long long m = std::atoll(mant.c_str());
    const int exp10 = std::atoi(std::strchr(buf, 'e') + 1) - prec;
    double best_dist = HUGE_VAL;
    std::string best;
    for (const long long d : {m - 1, m + 1}) {
      if (d <= 0) continue;
      char cand[48];
      std::snprintf(cand, sizeof cand, "%s%llde%d", buf[0] == '-' ? "-" : "", d, exp10);
      if (!reads_back(cand)) continue;
      const double dist = std::fabs(std::strtod(cand, nullptr) - v);
      if (dist >= best_dist) continue;
      best_dist = dist;
      const std::string ds = std::to_string(d);  // prec+1 digits, or prec+2 for 10^(prec+1)
      best = std::string(buf[0] == '-' ? "-" : "") + ds[0] + "." + ds.substr(1) + "e" +
             std::to_string(exp10 + static_cast<int>(ds.size()) - 1);
    }
    if (!best.empty()) {
      std::snprintf(buf, sizeof buf, "%s", best.c_str());
      break;
    }
  }
  std::string_view s(buf);
  std::string out;
  if (s.front() == '-') {
    out += '-';
    s.remove_prefix(1);
  }
  const std::size_t e = s.find('e');
  std::string digits;
  for (char c : s.substr(0, e)) {
    if (c != '.') digits += c;
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int exp = std::atoi(std::string(s.substr(e + 1)).c_str());
  // Go's %v (strconv 'g' with the shortest precision): exponent form when exp < -4 || exp >= 6.
  if (exp < -4 || exp >= 6) {
    out += digits[0];
    if (digits.size() > 1) {
      out += '.';
      out += digits.substr(1);
    }
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += eb;
  } else if (exp < 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-exp - 1), '0');
    out += digits;
  } else {
    const auto int_digits = static_cast<std::size_t>(exp) + 1;
    if (digits.size() <= int_digits) {
      out += digits;
      out.append(int_digits - digits.size(), '0');
    } else {
      out += digits.substr(0, int_digits);
      out += '.';
      out += digits.substr(int_digits);
    }
  }
  return out;
}

}  // namespace

std::string format_float(double v) {
  return format_shortest(v, false);
}

std::string format_float32(double v) {
  return format_shortest(v, true);
}

void set_go_values(lua_State* L) {
  lua_pushboolean(L, 1);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kGoValuesKey);
}

std::string display_value(lua_State* L, int idx, bool quoted) {
  Printer p(L);
  p.value(idx, quoted, 0);
  p.finish();
  return std::move(p.out);
}

std::string display_for_event(lua_State* L, int idx) {
  if (lua_type(L, idx) == LUA_TSTRING) {
    std::size_t n = 0;
    const char* s = lua_tolstring(L, idx, &n);
    return display_value(L, idx, reads_as_other({s, n}));
  }
  return display_value(L, idx, false);
}

std::string cut_text(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  const std::size_t n = utf8_cut(s, max);
  std::string out(s.substr(0, n));
  out += kEllipsis;
  out += " (" + with_commas(s.size() - n) + " more bytes)";
  return out;
}

bool go_key_less(lua_State* L, int a, int b, int depth) {
  a = lua_absindex(L, a);
  b = lua_absindex(L, b);
  const int ta = lua_type(L, a);
  const int tb = lua_type(L, b);
  if (ta == LUA_TNUMBER && tb == LUA_TNUMBER && !(lua_isinteger(L, a) && lua_isinteger(L, b))) {
    const lua_Number x = lua_tonumber(L, a);
    const lua_Number y = lua_tonumber(L, b);
    return x < y || (std::isnan(x) && !std::isnan(y));  // NaN first, as fmt's
  }
  const int top = lua_gettop(L);
  const bool meta = ta == LUA_TTABLE && tb == LUA_TTABLE &&
                    (lua_getmetatable(L, a) != 0 || lua_getmetatable(L, b) != 0);
  lua_settop(L, top);
  if (ta != LUA_TTABLE || tb != LUA_TTABLE || depth >= kMaxDepth || meta) return key_less(L, a, b);
  luaL_checkstack(L, 6, "display");
  // An array ({a, o, n, c}) element by element; an interface ({t, v}) by its value; a struct
  // field by field, in the order the pane shows them (by name); a pointer (a table with a
  // metatable, or one of these shapes) is compared as key_less compares tables.
  auto field = [&](int t, const char* name) {
    lua_pushstring(L, name);
    return lua_rawget(L, t);
  };
  const bool arr_a = field(a, "a") == LUA_TTABLE;
  const bool arr_b = field(b, "a") == LUA_TTABLE;
  lua_pop(L, 2);
  if (arr_a && arr_b) {
    field(a, "a");
    field(a, "o");
    field(b, "a");
    field(b, "o");
    field(a, "n");
    const lua_Integer oa = lua_tointeger(L, -4), ob = lua_tointeger(L, -2),
                      n = lua_tointeger(L, -1);
    const int ea = lua_gettop(L) - 4, eb = lua_gettop(L) - 2;
    bool less = false;
    for (lua_Integer i = 1; i <= n; ++i) {
      lua_rawgeti(L, ea, oa + i);
      lua_rawgeti(L, eb, ob + i);
      if (go_key_less(L, -2, -1, depth + 1)) {
        less = true;
      } else if (!go_key_less(L, -1, -2, depth + 1)) {
        lua_pop(L, 2);
        continue;
      }
      lua_pop(L, 2);
      break;
    }
    lua_pop(L, 5);
    return less;
  }
  const bool iface_a = field(a, "t") == LUA_TTABLE;
  const bool iface_b = field(b, "t") == LUA_TTABLE;
  lua_pop(L, 2);
  const bool iface = iface_a && iface_b;
  if (iface) {
    field(a, "v");
    field(b, "v");
    const bool less = go_key_less(L, -2, -1, depth + 1);
    lua_pop(L, 2);
    return less;
  }
  // A struct: its fields by name.
  std::vector<std::string> names;
  lua_pushnil(L);
  while (lua_next(L, a) != 0) {
    lua_pop(L, 1);
    if (lua_type(L, -1) == LUA_TSTRING) names.emplace_back(lua_tostring(L, -1));
  }
  std::sort(names.begin(), names.end());
  for (const std::string& f : names) {
    field(a, f.c_str());
    field(b, f.c_str());
    const bool lt = go_key_less(L, -2, -1, depth + 1);
    const bool gt = !lt && go_key_less(L, -1, -2, depth + 1);
    lua_pop(L, 2);
    if (lt || gt) return lt;
  }
  return false;
}

bool key_less(lua_State* L, int a, int b) {
  a = lua_absindex(L, a);
  b = lua_absindex(L, b);
  const int ta = lua_type(L, a);
  const int tb = lua_type(L, b);
  if (type_rank(ta) != type_rank(tb)) return type_rank(ta) < type_rank(tb);
  switch (ta) {
    case LUA_TNUMBER:
      if (lua_isinteger(L, a) && lua_isinteger(L, b)) {
        return lua_tointeger(L, a) < lua_tointeger(L, b);
      }
      return lua_tonumber(L, a) < lua_tonumber(L, b) ||
             (lua_tonumber(L, a) == lua_tonumber(L, b) && lua_isinteger(L, a) &&
              !lua_isinteger(L, b));
    case LUA_TSTRING: {
      std::size_t na = 0;
      std::size_t nb = 0;
      const char* sa = lua_tolstring(L, a, &na);
      const char* sb = lua_tolstring(L, b, &nb);
      return std::string_view(sa, na) < std::string_view(sb, nb);
    }
    case LUA_TBOOLEAN:
      return !lua_toboolean(L, a) && lua_toboolean(L, b);
    default:
      return object_id(L, a) < object_id(L, b);
  }
}

lua_Integer object_id(lua_State* L, int idx) {
  idx = lua_absindex(L, idx);
  luaL_checkstack(L, 4, "object_id");
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &kIdTableKey) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_newtable(L);  // its metatable: weak keys
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &kIdTableKey);
  }
  lua_pushvalue(L, idx);
  if (lua_rawget(L, -2) == LUA_TNUMBER) {
    const lua_Integer id = lua_tointeger(L, -1);
    lua_pop(L, 2);
    return id;
  }
  lua_pop(L, 1);
  lua_rawgetp(L, LUA_REGISTRYINDEX, &kIdNextKey);
  const lua_Integer id = lua_tointeger(L, -1) + 1;
  lua_pop(L, 1);
  lua_pushinteger(L, id);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kIdNextKey);
  lua_pushvalue(L, idx);
  lua_pushinteger(L, id);
  lua_rawset(L, -3);
  lua_pop(L, 1);
  return id;
}

}  // namespace rdv::script
