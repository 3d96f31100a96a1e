// script/api.h — helpers shared by the files that bind the API of design.md §4 (internal).
//
// Every function the script can call is registered as api::wrap<F>: it records the caller's
// line, and turns the C++ errors of the runtime into Lua errors at the C boundary (an exception
// must never cross Lua frames other than Lua's own):
//  - sim::Panic        → a Lua error whose value is Go's message (pcall recovers it);
//  - sim::RunError     → the uncatchable stop with "file:line: message" (Outcome::Error);
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
    message = u.where(L) + ": " + e.what();
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
  lua_pop(L, 1);
}

// A duration argument in milliseconds (a number >= 0), as nanoseconds.
std::int64_t check_duration(lua_State* L, int idx);
// An optional display name argument.
std::string opt_name(lua_State* L, int idx);

// The parts of the API, each registering its globals (stdlib.cpp, chan.cpp, ...).
void open_stdlib(lua_State* L);  // sandboxed base library, print, pairs, pcall, rand, select, ...
void open_chan(lua_State* L);    // chan, nilchan, select cases, after, ticker, sleep, now
void open_sync(lua_State* L);    // go, waitgroup, mutex, rwmutex, atomic, context, futures, group

// Go's select for select{...} (chan.cpp); Lua's select is kept by stdlib.cpp in front of it.
int go_select(lua_State* L);
// Pushes a channel userdata for `ch` (null: the nil channel) (chan.cpp).
void push_channel(lua_State* L, std::shared_ptr<sim::Channel> ch);

}  // namespace rdv::script::api
