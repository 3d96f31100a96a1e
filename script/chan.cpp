// Channels, select and time for scripts (design.md §4): chan, nilchan, ch:send/recv/close/len/
// cap/range, select{...} with on_recv/on_send/default, sleep, after, now, ticker, timer.
//
// A Lua value sent on a channel is kept in the registry while it sits in the channel
// (Universe::to_value); the receiver takes the reference back. A nil channel is a channel
// userdata without a sim::Channel; a Lua nil where a select case wants a channel is one too.
#include <memory>
#include <string>
#include <vector>

#include "script/api.h"
#include "script/display.h"
#include "script/universe.h"
#include "sim/channel.h"
#include "sim/select.h"
#include "sim/timer.h"

namespace rdv::script::api {
namespace {

constexpr const char* kChan = "channel";
constexpr const char* kCase = "select case";

struct ChanBox {
  std::shared_ptr<sim::Channel> ch;     // null: the nil channel
  std::shared_ptr<sim::Ticker> ticker;  // set for ticker(d): stop() stops it
  std::shared_ptr<sim::Timer> timer;    // set for timer(d): stop() and reset(d)
};

ChanBox& check_chan(lua_State* L, int idx) {
  return *check_object<ChanBox>(L, idx, kChan);
}

void push_chan(lua_State* L, std::shared_ptr<sim::Channel> ch,
               std::shared_ptr<sim::Ticker> ticker = {}, std::shared_ptr<sim::Timer> timer = {}) {
  push_object<ChanBox>(L, kChan, ChanBox{std::move(ch), std::move(ticker), std::move(timer)});
}

// ---- channels -------------------------------------------------------------------------------

int l_chan(lua_State* L) {
  lua_Integer cap = 0;
  if (!lua_isnoneornil(L, 1)) {
    if (!lua_isinteger(L, 1)) luaL_typeerror(L, 1, "capacity (integer)");
    cap = lua_tointeger(L, 1);
  }
  if (cap < 0 || cap > (1 << 24)) {
    // Go: make(chan T, -1) panics "makechan: size out of range".
    // %I: the capacity as given (an int would wrap 1 << 40 to 0 in the message).
    return luaL_error(L, "chan: capacity %I out of range (0 to 16777216)", cap);
  }
  auto ch = std::make_shared<sim::Channel>(Universe::of(L).rt(), static_cast<std::size_t>(cap),
                                           opt_name(L, 2));
  push_chan(L, std::move(ch));
  return 1;
}

int l_nilchan(lua_State* L) {
  push_chan(L, nullptr);
  return 1;
}

int chan_send(lua_State* L) {
  ChanBox& b = check_chan(L, 1);
  luaL_checkany(L, 2);
  Universe& u = Universe::of(L);
  sim::Val display;
  const sim::Value v = u.to_value(L, 2, &display);
  try {
    released([&] { sim::chan_send(u.rt(), b.ch.get(), v, display); });
  } catch (...) {
    u.release_value(v);  // it never left the sender
    throw;
  }
  return 0;
}

int push_received(lua_State* L, const sim::Received& r) {
  Universe::of(L).push_value(L, r.value, true);
  lua_pushboolean(L, r.ok);
  return 2;
}

int chan_recv(lua_State* L) {
  ChanBox& b = check_chan(L, 1);
  sim::Runtime& rt = Universe::of(L).rt();
  return push_received(L, released([&] { return sim::chan_recv(rt, b.ch.get()); }));
}

int chan_close(lua_State* L) {
  ChanBox& b = check_chan(L, 1);
  sim::Runtime& rt = Universe::of(L).rt();
  released([&] { sim::chan_close(rt, b.ch.get()); });
  return 0;
}

int chan_len(lua_State* L) {
  ChanBox& b = check_chan(L, 1);
  lua_pushinteger(L, b.ch ? static_cast<lua_Integer>(b.ch->len()) : 0);
  return 1;
}

int chan_cap(lua_State* L) {
  ChanBox& b = check_chan(L, 1);
  lua_pushinteger(L, b.ch ? static_cast<lua_Integer>(b.ch->cap()) : 0);
  return 1;
}

// for v in ch:range() do ... end: the iterator receives until the channel is closed and
// drained. (A nil value received from an open channel ends the loop too: Lua's for stops at
// nil, so send a non-nil value on a channel you range over.)
int chan_range_next(lua_State* L) {
  ChanBox& b = check_chan(L, 1);
  sim::Runtime& rt = Universe::of(L).rt();
  const sim::Received r = released([&] { return sim::chan_recv(rt, b.ch.get()); });
  Universe::of(L).push_value(L, r.value, true);
  return 1;
}

int chan_range(lua_State* L) {
  check_chan(L, 1);
  lua_pushcfunction(L, &wrap<chan_range_next>);
  lua_pushvalue(L, 1);
  return 2;
}

// ticker:stop(); timer:stop() -> true when it stopped the timer before it fired (Timer.Stop).
int chan_stop(lua_State* L) {
  ChanBox& b = check_chan(L, 1);
  if (b.timer) {
    lua_pushboolean(L, released([&] { return b.timer->stop(); }));
    return 1;
  }
  if (!b.ticker) return luaL_error(L, "stop: this channel is not a ticker or a timer");
  released([&] { b.ticker->stop(); });
  return 0;
}

// timer:reset(d) -> true when the timer was still pending (Timer.Reset).
int chan_reset(lua_State* L) {
  ChanBox& b = check_chan(L, 1);
  if (!b.timer) return luaL_error(L, "reset: this channel is not a timer");
  const std::int64_t d = check_duration(L, 2);
  lua_pushboolean(L, released([&] { return b.timer->reset(d); }));
  return 1;
}

int chan_tostring(lua_State* L) {
  ChanBox& b = check_chan(L, 1);
  std::string s = "chan ";
  if (!b.ch) {
    s += "nil";
  } else if (!b.ch->name().empty()) {
    s += b.ch->name();
  } else {
    s += "#" + std::to_string(b.ch->id());
  }
  lua_pushlstring(L, s.data(), s.size());
  return 1;
}

// ---- time -----------------------------------------------------------------------------------

int l_sleep(lua_State* L) {
  const std::int64_t d = check_duration(L, 1);
  sim::Runtime& rt = Universe::of(L).rt();
  if (d == 0) {
    polled([&] { rt.sleep(d); });  // sleep(0) never blocks: a loop of it is a busy-wait
  } else {
    released([&] { rt.sleep(d); });
  }
  return 0;
}

int l_now(lua_State* L) {
  Universe::push_millis(L, Universe::of(L).rt().now());
  return 1;
}

// after(d), ticker(d), timer(d): `make` (sim::after, sim::ticker, sim::timer) for the duration
// argument, its channel named after the call as the program wrote it ("time.After" in Go).
template <class Make>
auto make_timed(lua_State* L, Make make, const char* go_call, const char* lua_call) {
  const std::int64_t d = check_duration(L, 1);
  Universe& u = Universe::of(L);
  return make(u.rt(), d, u.speaks_go() ? go_call : lua_call);
}

int l_after(lua_State* L) {
  push_chan(L, make_timed(L, &sim::after, "time.After", "after"));
  return 1;
}

int l_ticker(lua_State* L) {
  std::shared_ptr<sim::Ticker> t = make_timed(L, &sim::ticker, "time.Ticker", "ticker");
  push_chan(L, t->channel(), t);
  return 1;
}

int l_timer(lua_State* L) {
  std::shared_ptr<sim::Timer> t = make_timed(L, &sim::timer, "time.Timer", "timer");
  push_chan(L, t->channel(), nullptr, t);
  return 1;
}

// ---- select ---------------------------------------------------------------------------------
// A case is a table {kind, ch, fn, value}, made by on_recv(ch, fn) / on_send(ch, v, fn).

int make_case(lua_State* L, bool send) {
  if (!lua_isnil(L, 1)) check_chan(L, 1);
  if (send) luaL_checkany(L, 2);
  const int fn = send ? 3 : 2;
  lua_settop(L, fn);  // the case function may be left out: it is then nil, not a stack slot
  if (!lua_isnoneornil(L, fn)) luaL_checktype(L, fn, LUA_TFUNCTION);
  if (send) luaL_checkany(L, 2);
  // An omitted function is nil, not whatever is pushed next at its index (the case table).
  lua_settop(L, fn);
  lua_createtable(L, 0, 4);
  lua_pushboolean(L, send);
  lua_setfield(L, -2, "send");
  lua_pushvalue(L, 1);
  lua_setfield(L, -2, "ch");
  lua_pushvalue(L, fn);
  lua_setfield(L, -2, "fn");
  if (send) {
    lua_pushvalue(L, 2);
    lua_setfield(L, -2, "value");
  }
  luaL_setmetatable(L, kCase);
  return 1;
}

int l_on_recv(lua_State* L) {
  return make_case(L, false);
}
int l_on_send(lua_State* L) {
  return make_case(L, true);
}

// Calls the chosen branch's function (at `fn`, may be nil) with `nargs` values on top of the
// stack; returns what it returns.
int call_branch(lua_State* L, int fn, int nargs) {
  const int base = lua_gettop(L) - nargs;
  if (lua_isnil(L, fn)) {
    lua_settop(L, base);
    return 0;
  }
  lua_pushvalue(L, fn);
  lua_insert(L, base + 1);
  lua_call(L, nargs, LUA_MULTRET);
  return lua_gettop(L) - base;
}

int go_select_impl(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  Universe& u = Universe::of(L);
  lua_settop(L, 1);
  const auto n = static_cast<int>(lua_rawlen(L, 1));
  std::vector<sim::SelectCase> cases;
  cases.reserve(static_cast<std::size_t>(n));
  // Stack: 1 = the select table, 2..n+1 = the case tables, n+2 = default, n+3..2n+2 = the
  // cases' functions (read before parking: another task may edit a case table meanwhile).
  if (n > 1'000'000) luaL_error(L, "select: too many cases (%d)", n);
  luaL_checkstack(L, 2 * n + 8, "select");
  for (int i = 1; i <= n; ++i) {
    lua_rawgeti(L, 1, i);
    bool is_case = false;
    if (lua_type(L, -1) == LUA_TTABLE && lua_getmetatable(L, -1) != 0) {
      luaL_getmetatable(L, kCase);
      is_case = lua_rawequal(L, -1, -2) != 0;
      lua_pop(L, 2);
    }
    if (!is_case) luaL_error(L, "select: case %d is not on_recv(...) or on_send(...)", i);
  }
  // default = function() ... end
  lua_getfield(L, 1, "default");
  const int default_fn = lua_gettop(L);
  const bool has_default = !lua_isnil(L, default_fn);
  if (has_default && lua_type(L, default_fn) != LUA_TFUNCTION) {
    luaL_error(L, "select: default must be a function (got %s)", luaL_typename(L, default_fn));
  }

  // The cases point at their channels by raw pointer; the only Lua owner of a channel may be
  // a case table, which the script can edit while this select runs (a __tostring of a send
  // value below, another task while this one is parked). The select owns its channels until
  // it returns.
  std::vector<std::shared_ptr<sim::Channel>> owned;
  owned.reserve(static_cast<std::size_t>(n));
  for (int i = 1; i <= n; ++i) {
    const int c = 1 + i;
    sim::SelectCase sc;
    lua_getfield(L, c, "ch");
    if (!lua_isnil(L, -1)) {
      owned.push_back(check_chan(L, -1).ch);
      sc.ch = owned.back().get();
    }
    lua_pop(L, 1);
    lua_getfield(L, c, "send");
    if (lua_toboolean(L, -1) != 0) {
      sc.dir = sim::SelectCase::Dir::Send;
      lua_getfield(L, c, "value");
      sc.value = u.to_value(L, -1, &sc.display);
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
    lua_getfield(L, c, "fn");
    cases.push_back(sc);
  }
  const auto is_send = [&](std::size_t i) { return cases[i].dir == sim::SelectCase::Dir::Send; };
  sim::SelectResult r;
  try {
    r = released([&] { return sim::select(u.rt(), cases, has_default); });
  } catch (...) {
    for (std::size_t i = 0; i < cases.size(); ++i) {
      if (is_send(i)) u.release_value(cases[i].value);
    }
    throw;
  }
  // Values of send cases that were not chosen never left their sender.
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (is_send(i) && static_cast<int>(i) != r.index) u.release_value(cases[i].value);
  }
  if (r.index < 0) return call_branch(L, default_fn, 0);
  const int fn = default_fn + 1 + r.index;
  if (is_send(static_cast<std::size_t>(r.index))) return call_branch(L, fn, 0);
  u.push_value(L, r.value, true);
  lua_pushboolean(L, r.ok);
  return call_branch(L, fn, 2);
}

}  // namespace

int go_select(lua_State* L) {
  return wrap<go_select_impl>(L);
}

void push_channel(lua_State* L, std::shared_ptr<sim::Channel> ch) {
  push_chan(L, std::move(ch));
}

void open_chan(lua_State* L) {
  static constexpr luaL_Reg kMethods[] = {
      {"send", &wrap<chan_send>}, {"recv", &wrap<chan_recv>},   {"close", &wrap<chan_close>},
      {"len", &wrap<chan_len>},   {"cap", &wrap<chan_cap>},     {"range", &wrap<chan_range>},
      {"stop", &wrap<chan_stop>}, {"reset", &wrap<chan_reset>}, {}};
  new_class<ChanBox>(L, kChan, kMethods, &chan_tostring);
  luaL_newmetatable(L, kCase);
  protect_metatable(L, kCase);
  lua_pop(L, 1);

  static constexpr luaL_Reg kGlobals[] = {
      {"chan", &wrap<l_chan>},       {"nilchan", &wrap<l_nilchan>},
      {"on_recv", &wrap<l_on_recv>}, {"on_send", &wrap<l_on_send>},
      {"sleep", &wrap<l_sleep>},     {"now", &wrap<l_now>},
      {"after", &wrap<l_after>},     {"ticker", &wrap<l_ticker>},
      {"timer", &wrap<l_timer>},     {}};
  lua_pushglobaltable(L);
  luaL_setfuncs(L, kGlobals, 0);
  lua_pop(L, 1);
}

}  // namespace rdv::script::api
