// script/api.h — helpers shared by the files that bind the API of design.md §4 (internal).
//
// The Lua API is design.md §4. Where §4 leaves a choice open, this is what scripts get:
//  - go([name,] fn, ...) → a task handle: h:id(), h:name(), tostring "task 2 worker"; an unnamed
//    task is called "go@<line where fn is defined>".
//  - v, ok = ch:recv(); for v in ch:range() stops at close (and at a nil value: Lua's for).
//    ch:stop() only on a ticker's channel. tostring(ch) is "chan <name>" ("chan nil").
//  - select{...} returns what the chosen branch returns; on_recv's branch gets (v, ok),
//    on_send's none; a case's function may be omitted.
//  - after(d):recv() and a ticker's values are the time in ms (as now()).
//  - mutex(name) :lock :unlock :try_lock; rwmutex(name) adds :rlock :runlock :try_rlock;
//    atomic(n, name) :add(d) → new value, :load(), :store(v).
//  - context.with_cancel(parent [, name]) / with_timeout(parent, d [, name]) → ctx, cancel;
//    ctx:err() is nil, "context canceled" or "context deadline exceeded"; ctx:done() of
//    context.background() is a nil channel (Go's).
//  - promise(name) :set(v) :fail(err) :future(); f:get() → v, nil or nil, err; async(fn, ...)
//    → a future fulfilled with fn's first result, rejected with the error fn raised.
//  - all(futures) → values, nil or nil, err (the first rejection); all_settled(futures) →
//    { {ok=true, value=v} | {ok=false, err=e}, ... } in input order.
//  - group([ctx] [, name]) :go(fn [, task name]) runs fn(group's ctx); a value fn returns other
//    than nil/false is its error; :wait() → the first error or nil; :context(). A Lua error in
//    fn is a panic (errgroup does not recover panics either).
//  - rand(n) integer in [1, n], rand() float in [0, 1); math.random the same RNG.
//
// Every function the script can call is registered as api::wrap<F>: it records the caller's
// line, and turns the C++ errors of the runtime into Lua errors at the C boundary (an exception
// must never cross Lua frames other than Lua's own):
//  - sim::Panic        → a Lua error whose value is Go's message (pcall recovers it);
//  - sim::RunError     → the uncatchable stop with "file:line: message" (Outcome::Error; a
//                         Go program's fatal error in Go's words, Universe::stop_message);
//  - sim::Aborted      → the uncatchable stop (the task unwinds; Outcome::Aborted);
//  - std::bad_alloc    → the stop with a memory message.
// Lua errors raised inside F (luaL_check*, luaL_error) unwind through it as usual.
#pragma once

#include <memory>
#include <new>
#include <string>
#include <utility>

#include <lua.hpp>

#include "script/universe.h"
#include "sim/runtime.h"

namespace rdv::sim {
class Channel;
}

namespace rdv::script::api {

template <int (*F)(lua_State*)>
int wrap(lua_State* L) {
  Universe& u = Universe::of(L);
  u.enter(L);
  enum class Fail { Panic, Stop, Abort } fail = Fail::Abort;
  std::string message;
  try {
    return F(L);
  } catch (const sim::Panic& p) {
    fail = Fail::Panic;
    message = p.what();
    if (p.reported) Universe::note_reported_panic(message);
  } catch (const sim::RunError& e) {
    fail = Fail::Stop;
    message = u.stop_message(L, e.what());
  } catch (const sim::Aborted&) {
    fail = Fail::Abort;
  } catch (const std::bad_alloc&) {
    fail = Fail::Stop;
    message = u.where(L) + ": out of memory";
  } catch (const std::exception& e) {
    fail = Fail::Stop;
    message = u.where(L) + ": " + e.what();
  }
  // Raised outside the handlers: lua_error throws, and the exception above is gone by now.
  if (fail == Fail::Panic) {
    lua_pushlstring(L, message.data(), message.size());
    message = {};
    lua_error(L);
  }
  u.raise_stop(L, std::move(message));
}

// Runs `op` — a runtime operation that may park or hand the CPU over — with the Gil released
// (Universe::Released). Read every Lua argument before, push results after.
template <class Op>
decltype(auto) released(Op&& op) {
  Universe::Released r;
  return op();
}

// The same for an operation that never blocks (try_lock, sleep(0), ctx:err()): no
// synchronization point, so a loop polling it is charged to the step budget like any loop.
template <class Op>
decltype(auto) polled(Op&& op) {
  Universe::Released r(/*sync_point=*/false);
  return op();
}

// A C++ object living in a full userdata, destroyed by __gc. `tname` is the metatable created by
// new_class().
template <class T, class... A>
T* push_object(lua_State* L, const char* tname, A&&... args) {
  void* p = lua_newuserdatauv(L, sizeof(T), 0);
  T* obj = new (p) T(std::forward<A>(args)...);
  luaL_setmetatable(L, tname);
  return obj;
}

template <class T>
T* check_object(lua_State* L, int idx, const char* tname) {
  return static_cast<T*>(luaL_checkudata(L, idx, tname));
}

template <class T>
int gc_object(lua_State* L) {
  static_cast<T*>(lua_touserdata(L, 1))->~T();
  return 0;
}

// Hides the metatable at the top of the stack from scripts: getmetatable(obj) returns `tname`
// instead of the table, and setmetatable refuses to replace it. Without this a script could
// call a runtime object's __gc by hand (destroying it while in use) or swap its __index.
inline void protect_metatable(lua_State* L, const char* tname) {
  lua_pushstring(L, tname);
  lua_setfield(L, -2, "__metatable");
}

// Creates the metatable `tname` (methods as __index, __gc destroying a T, __tostring) and
// leaves it on the stack... popped: the stack is unchanged.
template <class T>
void new_class(lua_State* L, const char* tname, const luaL_Reg* methods, lua_CFunction tostring) {
  luaL_newmetatable(L, tname);
  lua_newtable(L);
  luaL_setfuncs(L, methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, &gc_object<T>);
  lua_setfield(L, -2, "__gc");
  lua_pushcfunction(L, tostring);
  lua_setfield(L, -2, "__tostring");
  protect_metatable(L, tname);
  lua_pop(L, 1);
}

// A duration argument in milliseconds (a number; negative ones are passed on, Go's callers treat
// them as zero or, for a ticker, panic), as nanoseconds.
std::int64_t check_duration(lua_State* L, int idx);
// An optional display name argument, shortened to kMaxNameBytes (short_name).
std::string opt_name(lua_State* L, int idx);
// A name as objects and tasks keep it: its first kMaxNameBytes bytes at most (cut at a UTF-8
// boundary, then "… (N more bytes)", display.h's cut_text), so an 8 MiB name is not copied into
// every event, handle and message.
inline constexpr std::size_t kMaxNameBytes = 200;
std::string short_name(std::string_view s);

// The parts of the API, each registering its globals (stdlib.cpp, chan.cpp, ...).
void open_stdlib(lua_State* L);  // sandboxed base library, print, pairs, pcall, rand, select, ...
void open_chan(lua_State* L);    // chan, nilchan, select cases, after, ticker, sleep, now
void open_sync(lua_State* L);    // go, waitgroup, mutex, rwmutex, atomic, context, futures, group

// Go's select for select{...} (chan.cpp); Lua's select is kept by stdlib.cpp in front of it.
int go_select(lua_State* L);
// Pushes a channel userdata for `ch` (null: the nil channel) (chan.cpp).
void push_channel(lua_State* L, std::shared_ptr<sim::Channel> ch);

}  // namespace rdv::script::api
