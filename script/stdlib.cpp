// The sandboxed standard library of a scenario (design.md §4, "Scripts run sandboxed").
//
// Opened: base, coroutine, table, string, math, utf8. Not opened: io, os, package (require),
// debug. Removed or narrowed: dofile, loadfile, load of binary chunks (load is text-only),
// string.dump, collectgarbage (only "count"), math.randomseed, string.format("%p"), __gc
// metamethods (finalizers would run in whichever task happens to trigger the collector).
//
// Replaced so that a run is deterministic (same seed, same output and events):
//  - pairs visits keys in a fixed order: numbers ascending, then strings (bytewise), booleans,
//    then other keys in the order the run first met them. (next keeps Lua's hash order.)
//  - tostring/print never show addresses (display.h); print is tab-separated, one line a call.
//  - math.random and rand() draw from the run's RNG (Runtime::rand_u64), seeded by --seed.
//
// pcall/xpcall are Go's recover: they catch panics (and emit Panic/Recover events) but re-raise
// the stop of the run (abort, limits), as do coroutine.resume and coroutine.close.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "script/api.h"
#include "script/chunk_cache.h"
#include "script/display.h"
#include "script/patterns.h"
#include "script/universe.h"

namespace rdv::script::api {
namespace {

// ---- output ---------------------------------------------------------------------------------

// A string argument is printed whole — within the output and memory limits, checked before it
// is copied — and any other value as its display (at most 4,096 bytes, saying when it is cut).
// eprint(...) is the same line on the error stream (a Go program's os.Stderr).
template <bool ToStderr>
int l_print(lua_State* L) {
  const int n = lua_gettop(L);
  Universe& u = Universe::of(L);
  std::size_t size = 0;
  for (int i = 1; i <= n; ++i) size += lua_type(L, i) == LUA_TSTRING ? lua_rawlen(L, i) + 1 : 0;
  u.check_output(size);
  std::string line;
  for (int i = 1; i <= n; ++i) {
    if (i > 1) line += '\t';
    if (lua_type(L, i) == LUA_TSTRING) {
      std::size_t len = 0;
      const char* s = lua_tolstring(L, i, &len);
      line.append(s, len);
    } else {
      line += display_value(L, i);
    }
  }
  u.print(line, ToStderr);
  return 0;
}

// exit([status]): ends the run at once with that status (Go's os.Exit), in [0, 255].
int l_exit(lua_State* L) {
  const lua_Integer status = luaL_optinteger(L, 1, 0);
  luaL_argcheck(L, status >= 0 && status <= 255, 1, "exit status out of range [0, 255]");
  Universe::of(L).exit_run(L, static_cast<int>(status));
}

// goexit(): Go's runtime.Goexit (see Universe::raise_goexit).
int l_goexit(lua_State* L) {
  Universe::raise_goexit(L);
}

// ntasks(): the tasks started and not yet finished, main included (runtime.NumGoroutine).
int l_ntasks(lua_State* L) {
  lua_pushinteger(L, static_cast<lua_Integer>(Universe::of(L).rt().alive_tasks()));
  return 1;
}

// tostring(s) is s itself, as in Lua (never copied, never cut); other values give their display.
int l_tostring(lua_State* L) {
  luaL_checkany(L, 1);
  if (lua_type(L, 1) == LUA_TSTRING) {
    lua_settop(L, 1);
    return 1;
  }
  const std::string s = display_value(L, 1);
  lua_pushlstring(L, s.data(), s.size());
  return 1;
}

int l_note(lua_State* L) {
  luaL_checkany(L, 1);
  // A string is kept up to the event log's limit for one text (the log cuts it, saying how long
  // it was); it is not copied before: it stays on this stack, so the view stays valid while the
  // Gil is released.
  std::size_t len = 0;
  const char* s = lua_type(L, 1) == LUA_TSTRING ? lua_tolstring(L, 1, &len) : nullptr;
  const std::string shown = s != nullptr ? std::string() : display_value(L, 1);
  const std::string_view text = s != nullptr ? std::string_view(s, len) : std::string_view(shown);
  sim::Runtime& rt = Universe::of(L).rt();
  Universe::Released r;  // note() is a scheduling point
  rt.note(text);
  return 0;
}

int l_panic(lua_State* L) {
  luaL_checkany(L, 1);
  lua_settop(L, 1);
  return lua_error(L);  // the value itself, exactly: no file:line prefix
}

int l_callers(lua_State* L) {
  return Universe::push_callers(L);
}

int l_scenario(lua_State* L) {
  // The header is read as data by scenario_header.h; at run time it only has to be a table.
  luaL_checktype(L, 1, LUA_TTABLE);
  return 0;
}

// ---- deterministic pairs --------------------------------------------------------------------

int pairs_next(lua_State* L) {
  // upvalue 1: the sorted keys, upvalue 2: the position of the next key; arg 1: the table.
  lua_Integer i = lua_tointeger(L, lua_upvalueindex(2));
  const auto n = static_cast<lua_Integer>(lua_rawlen(L, lua_upvalueindex(1)));
  while (i < n) {
    ++i;
    lua_rawgeti(L, lua_upvalueindex(1), i);  // key
    lua_pushvalue(L, -1);
    if (lua_rawget(L, 1) != LUA_TNIL) {  // skip keys removed since the snapshot
      lua_pushinteger(L, i);
      lua_replace(L, lua_upvalueindex(2));
      return 2;
    }
    lua_pop(L, 2);
  }
  lua_pushinteger(L, i);
  lua_replace(L, lua_upvalueindex(2));
  lua_pushnil(L);
  return 1;
}

// What sorting n items costs against the step budget: n log2 n comparisons, a step each
// (measured: table.sort of 200,000 integers takes about what as many VM instructions take).
std::uint64_t sort_steps(std::uint64_t n) {
  std::uint64_t log2 = 1;
  while ((std::uint64_t{1} << log2) < n && log2 < 63) ++log2;
  return n * log2;
}

int l_pairs(lua_State* L) {
  luaL_checkany(L, 1);
  if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
    lua_pushvalue(L, 1);
    lua_call(L, 1, 3);
    return 3;
  }
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_newtable(L);  // all keys, at index 2
  lua_Integer count = 0;
  lua_pushnil(L);
  while (lua_next(L, 1) != 0) {
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_rawseti(L, 2, ++count);
  }
  std::vector<lua_Integer> order(static_cast<std::size_t>(count));
  for (lua_Integer i = 0; i < count; ++i) order[static_cast<std::size_t>(i)] = i + 1;
  std::sort(order.begin(), order.end(), [L](lua_Integer a, lua_Integer b) {
    lua_rawgeti(L, 2, a);
    lua_rawgeti(L, 2, b);
    const bool less = key_less(L, -2, -1);
    lua_pop(L, 2);
    return less;
  });
  lua_createtable(L, static_cast<int>(count), 0);  // sorted keys, at index 3
  for (lua_Integer i = 0; i < count; ++i) {
    lua_rawgeti(L, 2, order[static_cast<std::size_t>(i)]);
    lua_rawseti(L, 3, i + 1);
  }
  // Sorting the keys is work no hook sees: a loop of pairs() over a big table is charged for it.
  // Its comparisons read both keys from a table: four steps each.
  Universe::of(L).charge_steps(L, 4 * sort_steps(static_cast<std::uint64_t>(count)), "pairs");
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, &pairs_next, 2);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

// ---- recover --------------------------------------------------------------------------------

// Message handler of pcall: runs where the error was raised; a panic is recorded there.
int pcall_msgh(lua_State* L) {
  Universe& u = Universe::of(L);
  if (Universe::is_stop(L, 1) || u.stopping() || Universe::is_goexit(L, 1) ||
      Universe::go_stack_overflow(L))
    return 1;
  Universe::note_go_stack(L);
  const std::uint32_t line = Universe::raise_line(L, 1);
  if (line > 0) u.rt().set_line(line);
  if (Universe::take_reported_panic(L, 1)) return 1;
  sim::Event e;
  e.kind = sim::EventKind::Panic;
  e.text = u.rt().intern(display_value(L, 1));
  u.rt().emit(e);
  return 1;
}

// xpcall's handler: pcall_msgh, then the script's handler (upvalue 1).
int xpcall_msgh(lua_State* L) {
  Universe& u = Universe::of(L);
  if (Universe::is_stop(L, 1) || u.stopping()) return 1;
  pcall_msgh(L);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, 1);
  lua_call(L, 1, 1);
  return 1;
}

// After pcall/xpcall: results on success; on failure re-raise a stop, or record the recover.
int finish_pcall(lua_State* L, int status, lua_KContext extra) {
  if (status == LUA_OK || status == LUA_YIELD) return lua_gettop(L) - static_cast<int>(extra);
  Universe& u = Universe::of(L);
  if (status == LUA_ERRMEM || Universe::is_stop(L, -1) || u.stopping()) u.raise_stop(L, {});
  if (!Universe::is_goexit(L, -1)) {  // a Goexit is caught without being a recovered panic
    sim::Event e;
    e.kind = sim::EventKind::Recover;
    e.text = u.rt().intern(display_value(L, -1));
    u.rt().emit(e);
  }
  lua_pushboolean(L, 0);
  lua_pushvalue(L, -2);
  return 2;
}

int l_pcall(lua_State* L) {
  // Not a synchronization point: a loop of pcalls (each a Panic and a Recover event when it
  // fails) must still hit the step budget.
  Universe::of(L).charge_steps(L, Universe::kCallSteps);
  luaL_checkany(L, 1);
  lua_pushcfunction(L, &pcall_msgh);
  lua_insert(L, 1);
  lua_pushboolean(L, 1);  // first result on success
  lua_insert(L, 2);
  const int status = lua_pcallk(L, lua_gettop(L) - 3, LUA_MULTRET, 1, 1, &finish_pcall);
  return finish_pcall(L, status, 1);
}

int l_xpcall(lua_State* L) {
  Universe::of(L).charge_steps(L, Universe::kCallSteps);
  const int n = lua_gettop(L);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_pushvalue(L, 2);
  lua_pushcclosure(L, &xpcall_msgh, 1);  // [f, h, args..., msgh]
  lua_replace(L, 2);                     // [f, msgh, args...]
  lua_pushboolean(L, 1);
  lua_pushvalue(L, 1);  // [f, msgh, args..., true, f]
  lua_rotate(L, 3, 2);  // [f, msgh, true, f, args...]
  const int status = lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, &finish_pcall);
  return finish_pcall(L, status, 2);
}

// coroutine.resume / coroutine.close: the original (upvalue 1), then a failure that is a stop
// is raised in the resumer too.
int l_coroutine_guarded(lua_State* L) {
  Universe::of(L).charge_steps(L, Universe::kCallSteps);  // a loop of switches is no sync point
  const int n = lua_gettop(L);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, n, LUA_MULTRET);
  Universe& u = Universe::of(L);
  if (lua_gettop(L) >= 2 && lua_toboolean(L, 1) == 0 && (Universe::is_stop(L, 2) || u.stopping())) {
    u.raise_stop(L, {});
  }
  return lua_gettop(L);
}

// The function coroutine.wrap returns (upvalue 1), charged like a resume.
int l_wrapped_call(lua_State* L) {
  Universe::of(L).charge_steps(L, Universe::kCallSteps);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

// coroutine.wrap: the original (upvalue 1), its result wrapped by l_wrapped_call.
int l_coroutine_wrap(lua_State* L) {
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  lua_pushcclosure(L, &l_wrapped_call, 1);
  return 1;
}

// ---- narrowed functions ---------------------------------------------------------------------

int l_load(lua_State* L) {
  // load(chunk [, chunkname [, mode [, env]]]): text only, whatever mode says.
  const int n = lua_gettop(L);
  if (n >= 3 && !lua_isnil(L, 3)) {
    const char* mode = luaL_checkstring(L, 3);
    if (std::string(mode).find('t') == std::string::npos) {
      return luaL_error(L, "load: binary chunks are not allowed in scenarios");
    }
  }
  lua_settop(L, std::max(n, 3));
  lua_pushliteral(L, "t");
  lua_replace(L, 3);
  // A chunkname "@file.lua" (or "=file.lua") would make the chunk's errors and events pass for
  // lines of a file — of the scenario itself, or of one that does not exist. The chunk is a
  // string: named without the prefix, its lines read [string "file.lua"]:11.
  if (lua_type(L, 2) == LUA_TSTRING) {
    std::size_t len = 0;
    const char* name = lua_tolstring(L, 2, &len);
    std::size_t skip = 0;
    while (skip < len && (name[skip] == '@' || name[skip] == '=')) ++skip;
    if (skip > 0) {
      lua_pushlstring(L, name + skip, len - skip);
      lua_replace(L, 2);
    }
  }
  std::size_t bytes = 0;
  if (lua_type(L, 1) == LUA_TSTRING) lua_tolstring(L, 1, &bytes);
  // Compiling is work in C, about a VM instruction's time per byte: a loop of load() of a big
  // chunk is charged for it.
  Universe::of(L).charge_steps(L, bytes, "load");
  if (lua_type(L, 1) == LUA_TSTRING) {
    // A string chunk goes through the process's compiled chunks (a lowered Go program loads its
    // support library so, at the start of every run); the rest is base load()'s: the chunk
    // name defaults to the text, `env` becomes the function's first upvalue, and a failure
    // returns fail and the message.
    const char* text = lua_tostring(L, 1);
    const char* name = luaL_optstring(L, 2, text);
    const bool has_env = !lua_isnone(L, 4);
    const int status = load_text_chunk(L, std::string_view(text, bytes), name);
    if (status != LUA_OK) {
      luaL_pushfail(L);
      lua_insert(L, -2);
      return 2;
    }
    if (has_env) {
      lua_pushvalue(L, 4);
      if (lua_setupvalue(L, -2, 1) == nullptr) lua_pop(L, 1);
    }
    return 1;
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

int l_collectgarbage(lua_State* L) {
  const char* opt = luaL_optstring(L, 1, "count");
  if (std::string(opt) != "count") {
    return luaL_error(L, "collectgarbage: only \"count\" is available in scenarios");
  }
  const int kb = lua_gc(L, LUA_GCCOUNT);
  const int b = lua_gc(L, LUA_GCCOUNTB);
  lua_pushnumber(L, static_cast<lua_Number>(kb) + static_cast<lua_Number>(b) / 1024.0);
  return 1;
}

int l_setmetatable(lua_State* L) {
  if (lua_type(L, 2) == LUA_TTABLE) {
    lua_pushliteral(L, "__gc");
    if (lua_rawget(L, 2) != LUA_TNIL) {
      return luaL_error(L, "setmetatable: __gc metamethods are not available in scenarios");
    }
    lua_pop(L, 1);
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

int l_format(lua_State* L) {
  // %p would print an address; %s of a table would too (luaL_tolstring): use the display.
  std::size_t len = 0;
  const char* fmt = luaL_checklstring(L, 1, &len);
  int arg = 1;
  for (std::size_t i = 0; i < len; ++i) {
    if (fmt[i] != '%') continue;
    if (++i < len && fmt[i] == '%') continue;
    while (i < len && std::string_view("-+ #0123456789.").find(fmt[i]) != std::string_view::npos) {
      ++i;
    }
    if (i >= len) break;
    ++arg;
    if (fmt[i] == 'p') {
      return luaL_error(L,
                        "string.format: %%p is not available in scenarios (addresses differ "
                        "between runs)");
    }
    if (fmt[i] == 's' && arg <= lua_gettop(L) && lua_type(L, arg) != LUA_TSTRING &&
        lua_type(L, arg) != LUA_TNUMBER) {
      const std::string s = display_value(L, arg);
      lua_pushlstring(L, s.data(), s.size());
      lua_replace(L, arg);
    }
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

// ---- table functions that loop in C ---------------------------------------------------------
// Their loops run inside one C call, where no hook counts them: table.move(t, 1, 1 << 62, 2)
// moved nils for ever. Each is charged to the step budget for the elements it will touch,
// before it runs (the original is upvalue 1).

int call_original(lua_State* L, int results) {
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, results);
  return results == LUA_MULTRET ? lua_gettop(L) : results;
}

// The count of f..e, or 0 when e < f (as unsigned: e - f may not fit in a lua_Integer).
std::uint64_t span_of(lua_Integer f, lua_Integer e) {
  return e < f ? 0 : static_cast<std::uint64_t>(e) - static_cast<std::uint64_t>(f) + 1;
}

int l_table_move(lua_State* L) {
  const lua_Integer f = luaL_checkinteger(L, 2);
  const lua_Integer e = luaL_checkinteger(L, 3);
  const lua_Integer t = luaL_checkinteger(L, 4);
  const std::uint64_t n = span_of(f, e);
  // Charged only when Lua's own checks ("too many elements to move", "destination wrap
  // around") let the move run: those errors come first, as they would.
  const bool runs = n == 0 || ((f > 0 || e < LUA_MAXINTEGER + f) &&
                               n <= static_cast<std::uint64_t>(LUA_MAXINTEGER) &&
                               t <= LUA_MAXINTEGER - static_cast<lua_Integer>(n) + 1);
  if (runs) Universe::of(L).charge_steps(L, n, "table.move");
  return call_original(L, 1);
}

// Charged after it ran: a range past the list's end fails at its first nil at once, and a
// list that is all there is bounded by memory.
int l_table_concat(lua_State* L) {
  const lua_Integer i = luaL_optinteger(L, 3, 1);
  const lua_Integer j = lua_isnoneornil(L, 4) && lua_type(L, 1) == LUA_TTABLE
                            ? static_cast<lua_Integer>(lua_rawlen(L, 1))
                            : luaL_optinteger(L, 4, 0);
  call_original(L, 1);
  std::size_t bytes = 0;
  lua_tolstring(L, -1, &bytes);
  Universe::of(L).charge_steps(L, span_of(i, j) + bytes / 64, "table.concat");
  return 1;
}

int l_table_sort(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  Universe::of(L).charge_steps(L, sort_steps(lua_rawlen(L, 1)), "table.sort");
  return call_original(L, 0);
}

int l_not_available(lua_State* L) {
  return luaL_error(L, "%s is not available in scenarios", lua_tostring(L, lua_upvalueindex(1)));
}

// ---- randomness -----------------------------------------------------------------------------

lua_Number random_float(Universe& u) {
  return static_cast<lua_Number>(u.rt().rand_u64() >> 11) * 0x1.0p-53;
}

lua_Integer random_in(Universe& u, lua_State* L, lua_Integer low, lua_Integer up) {
  luaL_argcheck(L, low <= up, 1, "interval is empty");
  const auto span = static_cast<lua_Unsigned>(up) - static_cast<lua_Unsigned>(low);
  const std::uint64_t r = u.rt().rand_u64();
  const lua_Unsigned off = span == ~lua_Unsigned{0} ? r : r % (span + 1);
  return static_cast<lua_Integer>(static_cast<lua_Unsigned>(low) + off);
}

int l_rand(lua_State* L) {
  Universe& u = Universe::of(L);
  if (lua_isnoneornil(L, 1)) {
    lua_pushnumber(L, random_float(u));
    return 1;
  }
  const lua_Integer n = luaL_checkinteger(L, 1);
  luaL_argcheck(L, n >= 1, 1, "rand(n) needs n >= 1");
  lua_pushinteger(L, random_in(u, L, 1, n));
  return 1;
}

int l_math_random(lua_State* L) {
  Universe& u = Universe::of(L);
  switch (lua_gettop(L)) {
    case 0:
      lua_pushnumber(L, random_float(u));
      return 1;
    case 1:
      lua_pushinteger(L, random_in(u, L, 1, luaL_checkinteger(L, 1)));
      return 1;
    case 2:
      lua_pushinteger(L, random_in(u, L, luaL_checkinteger(L, 1), luaL_checkinteger(L, 2)));
      return 1;
    default:
      return luaL_error(L, "wrong number of arguments");
  }
}

// ---- select: Lua's and Go's -----------------------------------------------------------------

int l_select(lua_State* L) {
  if (lua_type(L, 1) == LUA_TTABLE) return go_select(L);
  lua_pushvalue(L, lua_upvalueindex(1));  // Lua's select
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

void set_guarded(lua_State* L, int table, const char* name, lua_CFunction f) {
  lua_getfield(L, table, name);
  lua_pushcclosure(L, f, 1);
  lua_setfield(L, table, name);
}

void set_unavailable(lua_State* L, int table, const char* name, const char* shown) {
  lua_pushstring(L, shown);
  lua_pushcclosure(L, &l_not_available, 1);
  lua_setfield(L, table, name);
}

}  // namespace

std::int64_t check_duration(lua_State* L, int idx) {
  if (lua_type(L, idx) != LUA_TNUMBER) {
    luaL_typeerror(L, idx, "duration in ms (number)");
  }
  const lua_Number ms = lua_tonumber(L, idx);
  // Negative durations are Go's: sleep returns at once, after fires at once, with_timeout's
  // context is already past its deadline, ticker panics (the callers pass them on as they are).
  luaL_argcheck(L, ms > -1e12 && ms < 1e12, idx, "duration out of range");
  return static_cast<std::int64_t>(std::llround(ms * 1e6));
}

std::string short_name(std::string_view s) {
  return cut_text(s, kMaxNameBytes);
}

std::string opt_name(lua_State* L, int idx) {
  if (lua_isnoneornil(L, idx)) return {};
  std::size_t n = 0;
  const char* s = luaL_checklstring(L, idx, &n);
  return short_name({s, n});
}

void open_stdlib(lua_State* L) {
  luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
  luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 1);
  luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
  luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
  luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
  luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
  lua_settop(L, 0);

  lua_pushglobaltable(L);
  const int g = lua_gettop(L);
  static constexpr luaL_Reg kGlobals[] = {
      {"print", &wrap<l_print<false>>},
      {"eprint", &wrap<l_print<true>>},
      {"ntasks", &wrap<l_ntasks>},
      {"exit", &wrap<l_exit>},
      {"tostring", &l_tostring},
      {"note", &wrap<l_note>},
      {"panic", &wrap<l_panic>},
      {"scenario", &wrap<l_scenario>},
      {"pairs", &l_pairs},
      {"pcall", &l_pcall},
      {"xpcall", &l_xpcall},
      {"collectgarbage", &l_collectgarbage},
      {"rand", &wrap<l_rand>},
      {"callers", &l_callers},
      {"goexit", &l_goexit},
      {nullptr, nullptr},
  };
  luaL_setfuncs(L, kGlobals, 0);
  set_guarded(L, g, "load", &l_load);
  set_guarded(L, g, "setmetatable", &l_setmetatable);
  set_guarded(L, g, "select", &l_select);
  set_unavailable(L, g, "dofile", "dofile");
  set_unavailable(L, g, "loadfile", "loadfile");
  lua_pushinteger(L, 1);
  lua_setfield(L, g, "ms");
  lua_pushinteger(L, 1000);
  lua_setfield(L, g, "second");

  lua_getfield(L, g, LUA_COLIBNAME);
  set_guarded(L, lua_gettop(L), "resume", &l_coroutine_guarded);
  set_guarded(L, lua_gettop(L), "close", &l_coroutine_guarded);
  set_guarded(L, lua_gettop(L), "wrap", &l_coroutine_wrap);
  lua_pop(L, 1);

  lua_getfield(L, g, LUA_TABLIBNAME);
  set_guarded(L, lua_gettop(L), "move", &l_table_move);
  set_guarded(L, lua_gettop(L), "concat", &l_table_concat);
  set_guarded(L, lua_gettop(L), "sort", &l_table_sort);
  lua_pop(L, 1);

  lua_getfield(L, g, LUA_STRLIBNAME);
  open_patterns(L, lua_gettop(L));
  set_guarded(L, lua_gettop(L), "format", &l_format);
  set_unavailable(L, lua_gettop(L), "dump", "string.dump");
  lua_pop(L, 1);

  lua_getfield(L, g, LUA_MATHLIBNAME);
  lua_pushcfunction(L, &wrap<l_math_random>);
  lua_setfield(L, -2, "random");
  set_unavailable(L, lua_gettop(L), "randomseed",
                  "math.randomseed (randomness comes from the run's seed)");
  lua_pop(L, 1);

  lua_pop(L, 1);  // globals
}

}  // namespace rdv::script::api
