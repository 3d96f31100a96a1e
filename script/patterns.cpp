// script/patterns.cpp — Lua's string patterns with a step count (string.find, match, gmatch,
// gsub), and string.rep without its empty loop.
//
// Lua's own matcher runs inside one C call: `string.find(string.rep("a", 1e5), ".-.-.-.-x")`
// backtracks about 10^20 times and no hook, budget or Stop button reaches it (issue #21). This
// matcher has the same language and the same results — every byte of every capture, every
// error message — but charges its work to the task's step budget (Universe::charge_steps) as it
// goes, so a pattern that backtracks for ever ends like a loop that never reaches a
// synchronization point, at the caller's line, "(in string.find)"; and an abort or a stop from
// another task ends it within one charge. The charge is deterministic (a count of match steps,
// not a clock), so a controlled run replays exactly.
//
// The language (Lua 5.4 manual §6.4.1): single character classes (x . %a %c %d %g %l %p %s %u
// %w %x, upper case for the complement, %x for any non-alphanumeric x, [set] and [^set] with
// ranges and classes, and the old %z), items (class followed by * + - ?, %n back-references, %bxy,
// %f[set]), ^ and $ anchors, captures ( ) and position captures (). Character classes use the "C"
// locale, as Lua does in Rendezvous (nothing calls setlocale).
//
// Tested against Lua's own functions on random subjects and patterns (tests/script/
// patterns_test.cpp): results and error messages must be equal.
#include "script/patterns.h"

#include <cstddef>
#include <cstring>

#include "script/universe.h"

namespace rdv::script::api {

namespace {

constexpr char kEsc = '%';
constexpr int kMaxCaptures = 32;  // LUA_MAXCAPTURES
constexpr int kMaxDepth = 200;    // MAXCCALLS of lstrlib.c: "pattern too complex"
constexpr long kUnfinished = -1;  // a capture still open
constexpr long kPosition = -2;    // a position capture ()
// Match steps charged to the budget at a time (and between two checks for a stop).
constexpr std::uint64_t kChargeEvery = 4096;

struct Capture {
  const char* init;
  long len;
};

struct Matcher {
  Matcher(lua_State* l, const char* name, const char* s, std::size_t ls, const char* pe)
      : L(l), fn(name), src_init(s), src_end(s + ls), p_end(pe) {}

  lua_State* L;
  const char* fn;  // "string.find", for the step budget's message
  const char* src_init;
  const char* src_end;
  const char* p_end;
  int level = 0;
  int depth = kMaxDepth;
  std::uint64_t steps = 0;    // match steps so far
  std::uint64_t charged = 0;  // of them, charged to the budget
  Capture capture[kMaxCaptures] = {};

  // The byte at p, or '\0' past the end, as Lua reads the NUL that ends its strings.
  char at(const char* p, const char* end) const { return p < end ? *p : '\0'; }
  char pat(const char* p) const { return at(p, p_end); }
  char subj(const char* s) const { return at(s, src_end); }

  void step() {
    if (++steps - charged >= kChargeEvery) flush();
  }
  void flush() {
    const std::uint64_t n = steps - charged;
    charged = steps;
    Universe::of(L).charge_steps(L, n, fn);
  }

  [[noreturn]] void error(const char* fmt, int arg = 0) {
    luaL_error(L, fmt, arg);
    __builtin_unreachable();
  }

  const char* class_end(const char* p) {
    const char c = *p++;
    if (c == kEsc) {
      if (p >= p_end) error("malformed pattern (ends with '%%')");
      return p + 1;
    }
    if (c == '[') {
      if (pat(p) == '^') ++p;
      do {  // the first byte of a set is never its end: "[]]" is a set of ']'
        if (p >= p_end) error("malformed pattern (missing ']')");
        const char d = *p++;
        if (d == kEsc && p < p_end) ++p;  // "%]" is an escaped ']'
      } while (pat(p) != ']');
      return p + 1;
    }
    return p;
  }

  bool single_match(const char* s, const char* p, const char* ep) {
    if (s >= src_end) return false;
    const auto c = static_cast<unsigned char>(*s);
    switch (*p) {
      case '.':
        return true;
      case kEsc:
        return class_match(c, static_cast<unsigned char>(pat(p + 1)));
      case '[':
        return set_match(c, p, ep - 1);
      default:
        return static_cast<unsigned char>(*p) == c;
    }
  }

  const char* balance(const char* s, const char* p) {
    if (p >= p_end - 1) error("malformed pattern (missing arguments to '%%b')");
    if (subj(s) != *p) return nullptr;
    const char open = *p;
    const char close = p[1];
    int depth_of = 1;
    while (++s < src_end) {
      step();
      if (*s == close) {
        if (--depth_of == 0) return s + 1;
      } else if (*s == open) {
        ++depth_of;
      }
    }
    return nullptr;
  }

  const char* max_expand(const char* s, const char* p, const char* ep) {
    std::ptrdiff_t i = 0;
    while (single_match(s + i, p, ep)) {
      step();
      ++i;
    }
    for (; i >= 0; --i) {  // the longest first, giving back one at a time
      if (const char* r = match(s + i, ep + 1)) return r;
    }
    return nullptr;
  }

  const char* min_expand(const char* s, const char* p, const char* ep) {
    for (;;) {
      if (const char* r = match(s, ep + 1)) return r;
      if (!single_match(s, p, ep)) return nullptr;
      ++s;  // the shortest first, taking one more at a time
    }
  }

  const char* start_capture(const char* s, const char* p, long what) {
    if (level >= kMaxCaptures) error("too many captures");
    capture[level] = {s, what};
    ++level;
    const char* r = match(s, p);
    if (r == nullptr) --level;
    return r;
  }

  const char* end_capture(const char* s, const char* p) {
    int l = level - 1;
    while (l >= 0 && capture[l].len != kUnfinished) --l;
    if (l < 0) error("invalid pattern capture");
    capture[l].len = s - capture[l].init;
    const char* r = match(s, p);
    if (r == nullptr) capture[l].len = kUnfinished;
    return r;
  }

  int check_capture(char digit) {
    const int l = digit - '1';
    if (l < 0 || l >= level || capture[l].len == kUnfinished) {
      error("invalid capture index %%%d", l + 1);
    }
    return l;
  }

  const char* match_capture(const char* s, char digit) {
    const Capture& c = capture[check_capture(digit)];
    if (c.len < 0) return nullptr;  // a position capture matches no text
    const auto len = static_cast<std::size_t>(c.len);
    if (static_cast<std::size_t>(src_end - s) >= len && std::memcmp(c.init, s, len) == 0) {
      return s + len;
    }
    return nullptr;
  }

  // The frontier %f[set]: the position between a byte not in the set and one in it.
  const char* frontier(const char* s, const char* p, const char** next) {
    if (pat(p) != '[') error("missing '[' after '%%f' in pattern");
    const char* ep = class_end(p);
    const auto before = static_cast<unsigned char>(s == src_init ? '\0' : s[-1]);
    const auto here = static_cast<unsigned char>(subj(s));
    *next = ep;
    if (!set_match(before, p, ep - 1) && set_match(here, p, ep - 1)) return s;
    return nullptr;
  }

  const char* match(const char* s, const char* p) {
    if (depth-- == 0) error("pattern too complex");
    while (s != nullptr && p != p_end) {
      step();
      const char c = *p;
      if (c == '(') {
        s = pat(p + 1) == ')' ? start_capture(s, p + 2, kPosition)
                              : start_capture(s, p + 1, kUnfinished);
        break;
      }
      if (c == ')') {
        s = end_capture(s, p + 1);
        break;
      }
      if (c == '$' && p + 1 == p_end) {
        s = s == src_end ? s : nullptr;
        break;
      }
      if (c == kEsc) {
        const char d = pat(p + 1);
        if (d == 'b') {
          s = balance(s, p + 2);
          if (s != nullptr) p += 4;
          continue;
        }
        if (d == 'f') {
          const char* next = nullptr;
          s = frontier(s, p + 2, &next);
          if (s != nullptr) p = next;
          continue;
        }
        if (d >= '0' && d <= '9') {
          s = match_capture(s, d);
          if (s != nullptr) p += 2;
          continue;
        }
      }
      // A single character class, perhaps with a repetition after it.
      const char* ep = class_end(p);
      const char rep = pat(ep);
      if (!single_match(s, p, ep)) {
        if (rep == '*' || rep == '?' || rep == '-') {
          p = ep + 1;  // zero repetitions are allowed
          continue;
        }
        s = nullptr;
        break;
      }
      if (rep == '?') {
        if (const char* r = match(s + 1, ep + 1)) {
          s = r;
        } else {
          p = ep + 1;
          continue;
        }
        break;
      }
      if (rep == '+') {
        s = max_expand(s + 1, p, ep);
        break;
      }
      if (rep == '*') {
        s = max_expand(s, p, ep);
        break;
      }
      if (rep == '-') {
        s = min_expand(s, p, ep);
        break;
      }
      ++s;
      p = ep;
    }
    ++depth;
    return s;
  }

  void reset() {
    level = 0;
    depth = kMaxDepth;
  }

  // ---- captures to Lua values ----
  // Capture i of the match s..e; the whole match when there are no captures and i is 0.
  void push_one(int i, const char* s, const char* e) {
    if (i >= level) {
      if (i != 0) error("invalid capture index %%%d", i + 1);
      lua_pushlstring(L, s, static_cast<std::size_t>(e - s));
      return;
    }
    const Capture& c = capture[i];
    if (c.len == kUnfinished) error("unfinished capture");
    if (c.len == kPosition) {
      lua_pushinteger(L, c.init - src_init + 1);
    } else {
      lua_pushlstring(L, c.init, static_cast<std::size_t>(c.len));
    }
  }
  int push_all(const char* s, const char* e) {
    const int n = level == 0 && s != nullptr ? 1 : level;
    luaL_checkstack(L, n, "too many captures");
    for (int i = 0; i < n; ++i) push_one(i, s, e);
    return n;
  }

  static bool class_match(unsigned char c, unsigned char cl) {
    bool r = false;
    const auto lower = static_cast<unsigned char>(cl >= 'A' && cl <= 'Z' ? cl + 32 : cl);
    const bool upper_c = c >= 'A' && c <= 'Z';
    const bool lower_c = c >= 'a' && c <= 'z';
    const bool digit = c >= '0' && c <= '9';
    const bool graph = c > 32 && c < 127;
    switch (lower) {
      case 'a':
        r = upper_c || lower_c;
        break;
      case 'c':
        r = c < 32 || c == 127;
        break;
      case 'd':
        r = digit;
        break;
      case 'g':
        r = graph;
        break;
      case 'l':
        r = lower_c;
        break;
      case 'p':
        r = graph && !upper_c && !lower_c && !digit;
        break;
      case 's':
        r = c == ' ' || (c >= '\t' && c <= '\r');
        break;
      case 'u':
        r = upper_c;
        break;
      case 'w':
        r = upper_c || lower_c || digit;
        break;
      case 'x':
        r = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        break;
      case 'z':
        r = c == 0;
        break;  // deprecated in Lua 5.2, still Lua 5.4's
      default:
        return cl == c;  // %x for a non-letter x is x itself
    }
    return cl >= 'A' && cl <= 'Z' ? !r : r;
  }

  // Is c in the set [ ... ] from p (its '[') to ec (its ']')?
  bool set_match(unsigned char c, const char* p, const char* ec) const {
    bool in = true;
    if (p[1] == '^') {
      in = false;
      ++p;
    }
    while (++p < ec) {
      if (*p == kEsc) {
        ++p;
        if (class_match(c, static_cast<unsigned char>(*p))) return in;
      } else if (p[1] == '-' && p + 2 < ec) {
        p += 2;
        if (static_cast<unsigned char>(p[-2]) <= c && c <= static_cast<unsigned char>(*p)) {
          return in;
        }
      } else if (static_cast<unsigned char>(*p) == c) {
        return in;
      }
    }
    return !in;
  }
};

// Lua's posrelatI: an initial position, 1-based, negative from the end, clipped to 1.
std::size_t start_at(lua_Integer pos, std::size_t len) {
  if (pos > 0) return static_cast<std::size_t>(pos);
  if (pos == 0) return 1;
  if (pos < -static_cast<lua_Integer>(len)) return 1;
  return len + static_cast<std::size_t>(pos) + 1;
}

bool has_specials(const char* p, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    if (std::strchr("^$*+?.([%-", p[i]) != nullptr && p[i] != '\0') return true;
  }
  return false;
}

// A plain search, charged one step per candidate position and per 64 bytes compared.
const char* plain_find(Matcher& m, const char* s, std::size_t ls, const char* p, std::size_t lp) {
  if (lp == 0) return s;
  if (lp > ls) return nullptr;
  const char* end = s + (ls - lp) + 1;  // past the last possible start
  while (s < end) {
    const void* hit = std::memchr(s, *p, static_cast<std::size_t>(end - s));
    if (hit == nullptr) {
      m.steps += static_cast<std::uint64_t>(end - s) / 64;
      return nullptr;
    }
    const char* at = static_cast<const char*>(hit);
    m.steps += static_cast<std::uint64_t>(at - s) / 64 + lp / 64;
    m.step();
    if (std::memcmp(at, p, lp) == 0) return at;
    s = at + 1;
  }
  return nullptr;
}

int find_or_match(lua_State* L, bool find) {
  std::size_t ls = 0;
  std::size_t lp = 0;
  const char* s = luaL_checklstring(L, 1, &ls);
  const char* p = luaL_checklstring(L, 2, &lp);
  const std::size_t init = start_at(luaL_optinteger(L, 3, 1), ls) - 1;
  if (init > ls) {
    luaL_pushfail(L);
    return 1;
  }
  Matcher m(L, find ? "string.find" : "string.match", s, ls, p + lp);
  if (find && (lua_toboolean(L, 4) != 0 || !has_specials(p, lp))) {
    const char* hit = plain_find(m, s + init, ls - init, p, lp);
    m.flush();
    if (hit != nullptr) {
      lua_pushinteger(L, hit - s + 1);
      lua_pushinteger(L, static_cast<lua_Integer>(hit - s) + static_cast<lua_Integer>(lp));
      return 2;
    }
    luaL_pushfail(L);
    return 1;
  }
  const bool anchor = lp > 0 && *p == '^';
  if (anchor) ++p;
  const char* s1 = s + init;
  do {
    m.reset();
    if (const char* e = m.match(s1, p)) {
      m.flush();
      if (find) {
        lua_pushinteger(L, s1 - s + 1);
        lua_pushinteger(L, e - s);
        return m.push_all(nullptr, nullptr) + 2;
      }
      return m.push_all(s1, e);
    }
  } while (s1++ < m.src_end && !anchor);
  m.flush();
  luaL_pushfail(L);
  return 1;
}

int l_find(lua_State* L) {
  return find_or_match(L, true);
}
int l_match(lua_State* L) {
  return find_or_match(L, false);
}

// gmatch's state, in a userdata its iterator keeps (upvalue 3; the subject and the pattern are
// upvalues 1 and 2, so their bytes stay alive).
struct GmatchState {
  std::size_t pos;      // where the next search starts
  std::ptrdiff_t last;  // where the last match ended (-1: none yet)
};

int gmatch_next(lua_State* L) {
  std::size_t ls = 0;
  std::size_t lp = 0;
  const char* s = lua_tolstring(L, lua_upvalueindex(1), &ls);
  const char* p = lua_tolstring(L, lua_upvalueindex(2), &lp);
  auto* st = static_cast<GmatchState*>(lua_touserdata(L, lua_upvalueindex(3)));
  Matcher m(L, "string.gmatch", s, ls, p + lp);
  for (const char* src = s + st->pos; src <= m.src_end; ++src) {
    m.reset();
    const char* e = m.match(src, p);
    if (e != nullptr && e - s != st->last) {
      st->pos = static_cast<std::size_t>(e - s);
      st->last = e - s;
      m.flush();
      return m.push_all(src, e);
    }
  }
  m.flush();
  st->pos = ls + 1;
  return 0;
}

int l_gmatch(lua_State* L) {
  std::size_t ls = 0;
  luaL_checklstring(L, 1, &ls);
  luaL_checkstring(L, 2);
  std::size_t init = start_at(luaL_optinteger(L, 3, 1), ls) - 1;
  if (init > ls) init = ls + 1;
  lua_settop(L, 2);
  auto* st = static_cast<GmatchState*>(lua_newuserdatauv(L, sizeof(GmatchState), 0));
  *st = {init, -1};
  lua_pushcclosure(L, &gmatch_next, 3);
  return 1;
}

// gsub's replacement of the match s..e by the string at index 3 (%0-%9 and %%).
void add_string(Matcher& m, luaL_Buffer& b, const char* s, const char* e) {
  lua_State* L = m.L;
  std::size_t l = 0;
  const char* news = lua_tolstring(L, 3, &l);
  const char* end = news + l;
  while (const void* hit = std::memchr(news, kEsc, static_cast<std::size_t>(end - news))) {
    const char* q = static_cast<const char*>(hit);
    luaL_addlstring(&b, news, static_cast<std::size_t>(q - news));
    ++q;
    const char d = m.at(q, end);
    if (d == kEsc) {
      luaL_addchar(&b, kEsc);
    } else if (d == '0') {
      luaL_addlstring(&b, s, static_cast<std::size_t>(e - s));
    } else if (d >= '1' && d <= '9') {
      m.push_one(d - '1', s, e);
      luaL_tolstring(L, -1, nullptr);  // a position capture is an integer
      lua_remove(L, -2);
      luaL_addvalue(&b);
    } else {
      luaL_error(L, "invalid use of '%c' in replacement string", kEsc);
    }
    news = q + 1;
    m.step();
  }
  luaL_addlstring(&b, news, static_cast<std::size_t>(end - news));
}

// Adds the replacement of s..e; false when the text is kept (the function or table gave
// false or nil).
bool add_value(Matcher& m, luaL_Buffer& b, const char* s, const char* e, int kind) {
  lua_State* L = m.L;
  if (kind == LUA_TFUNCTION) {
    lua_pushvalue(L, 3);
    const int n = m.push_all(s, e);
    lua_call(L, n, 1);
  } else if (kind == LUA_TTABLE) {
    m.push_one(0, s, e);
    lua_gettable(L, 3);
  } else {
    add_string(m, b, s, e);
    return true;
  }
  if (lua_toboolean(L, -1) == 0) {
    lua_pop(L, 1);
    luaL_addlstring(&b, s, static_cast<std::size_t>(e - s));
    return false;
  }
  if (lua_isstring(L, -1) == 0) {
    return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1)) != 0;
  }
  luaL_addvalue(&b);
  return true;
}

int l_gsub(lua_State* L) {
  std::size_t srcl = 0;
  std::size_t lp = 0;
  const char* src = luaL_checklstring(L, 1, &srcl);
  const char* p = luaL_checklstring(L, 2, &lp);
  const int kind = lua_type(L, 3);
  const lua_Integer max_n = luaL_optinteger(L, 4, static_cast<lua_Integer>(srcl) + 1);
  luaL_argexpected(
      L, kind == LUA_TNUMBER || kind == LUA_TSTRING || kind == LUA_TFUNCTION || kind == LUA_TTABLE,
      3, "string/function/table");
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  const bool anchor = lp > 0 && *p == '^';
  if (anchor) ++p;
  Matcher m(L, "string.gsub", src, srcl, p + (lp - (anchor ? 1 : 0)));
  const char* last = nullptr;
  lua_Integer n = 0;
  bool changed = false;
  while (n < max_n) {
    m.reset();
    const char* e = m.match(src, p);
    if (e != nullptr && e != last) {
      ++n;
      changed = add_value(m, b, src, e, kind) || changed;
      src = last = e;
    } else if (src < m.src_end) {
      luaL_addchar(&b, *src++);
    } else {
      break;
    }
    if (anchor) break;
  }
  m.flush();
  if (!changed) {
    lua_pushvalue(L, 1);
  } else {
    luaL_addlstring(&b, src, static_cast<std::size_t>(m.src_end - src));
    luaL_pushresult(&b);
  }
  lua_pushinteger(L, n);
  return 2;
}

// string.rep(s, n [, sep]): Lua's copies n times even when each copy is empty, so
// string.rep("", math.maxinteger) ran for ever in one C call. An empty result is made at once.
// Any other is made by Lua's (its size, and so its time, is bounded by the memory cap) and
// charged afterwards, one step per 8 copies and per 64 bytes: a loop of big ones is a loop.
int l_rep(lua_State* L) {
  std::size_t l = 0;
  std::size_t lsep = 0;
  luaL_checklstring(L, 1, &l);
  const lua_Integer n = luaL_checkinteger(L, 2);
  luaL_optlstring(L, 3, "", &lsep);
  if (n > 0 && l + lsep == 0) {
    lua_pushliteral(L, "");
    return 1;
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  std::size_t bytes = 0;
  lua_tolstring(L, -1, &bytes);
  const std::uint64_t copies = n > 0 ? static_cast<std::uint64_t>(n) : 0;
  Universe::of(L).charge_steps(L, copies / 8 + bytes / 64, "string.rep");
  return 1;
}

}  // namespace

void open_patterns(lua_State* L, int string_table) {
  static constexpr luaL_Reg kFunctions[] = {
      {"find", &l_find}, {"match", &l_match}, {"gmatch", &l_gmatch},
      {"gsub", &l_gsub}, {nullptr, nullptr},
  };
  string_table = lua_absindex(L, string_table);
  lua_pushvalue(L, string_table);
  luaL_setfuncs(L, kFunctions, 0);
  lua_pop(L, 1);
  lua_getfield(L, string_table, "rep");
  lua_pushcclosure(L, &l_rep, 1);
  lua_setfield(L, string_table, "rep");
}

}  // namespace rdv::script::api
