// Tasks and the sync primitives of design.md §4: go, waitgroup, mutex, rwmutex, cond, atomic,
// promise, futures, async, all, all_settled. Each Lua object is a userdata owning the sim object;
// the userdata lives as long as the script can reach it, and every task parked on an object holds
// it on its Lua stack, so an object is never destroyed while someone waits on it.
#include <memory>
#include <string>
#include <vector>

#include "script/api.h"
#include "script/chunk_cache.h"
#include "script/display.h"
#include "script/universe.h"
#include "sim/atomic.h"
#include "sim/channel.h"
#include "sim/cond.h"
#include "sim/context.h"
#include "sim/future.h"
#include "sim/group.h"
#include "sim/mutex.h"
#include "sim/wait_group.h"

namespace rdv::script::api {
namespace {

// The metatables' names, which tostring() also starts with ("mutex balance"). Arrays, so that
// the method templates below can take them as arguments.
constexpr char kTask[] = "task";
constexpr char kWaitGroup[] = "waitgroup";
constexpr char kMutex[] = "mutex";
constexpr char kRWMutex[] = "rwmutex";
constexpr char kCond[] = "cond";
constexpr char kRLocker[] = "rlocker";
constexpr char kAtomic[] = "atomic";
constexpr char kPromise[] = "promise";
constexpr char kFuture[] = "future";
constexpr char kContext[] = "context";
constexpr char kCancel[] = "cancel func";
constexpr char kStop[] = "stop func";
constexpr char kGroup[] = "group";

template <class T>
T& obj(lua_State* L, const char* tname) {
  return *check_object<std::unique_ptr<T>>(L, 1, tname)->get();
}

void push_string(lua_State* L, const std::string& s) {
  lua_pushlstring(L, s.data(), s.size());
}

// The bindings alike for every object a std::unique_ptr<T> box (metatable kName) holds:
// - new_named: waitgroup(name), mutex(name), rwmutex(name): a new T with the optional name;
// - blocking: obj:lock(), obj:wait(), ...: `Op` with the Gil released (it may park), no result;
// - trying: obj:try_lock(), ...: `Op`, polled (it never parks), its boolean;
// - named_tostring: "<kName> <the object's name>".
template <class T, const char* kName>
int new_named(lua_State* L) {
  auto o = std::make_unique<T>(Universe::of(L).rt(), opt_name(L, 1));
  push_object<std::unique_ptr<T>>(L, kName, std::move(o));
  return 1;
}

template <class T, const char* kName, void (T::*Op)()>
int blocking(lua_State* L) {
  T& o = obj<T>(L, kName);
  released([&] { (o.*Op)(); });
  return 0;
}

template <class T, const char* kName, bool (T::*Op)()>
int trying(lua_State* L) {
  T& o = obj<T>(L, kName);
  lua_pushboolean(L, polled([&] { return (o.*Op)(); }));
  return 1;
}

template <class T, const char* kName>
int named_tostring(lua_State* L) {
  push_string(L, std::string(kName) + " " + obj<T>(L, kName).name());
  return 1;
}

// ---- go -------------------------------------------------------------------------------------

struct TaskHandle {
  sim::TaskId id;
  std::string name;
};

int l_go(lua_State* L) {
  Universe& u = Universe::of(L);
  int fn = 1;
  std::string name;
  if (lua_type(L, 1) == LUA_TSTRING) {
    std::size_t n = 0;
    const char* s = lua_tolstring(L, 1, &n);
    name = short_name({s, n});
    fn = 2;
  }
  luaL_checktype(L, fn, LUA_TFUNCTION);
  if (name.empty()) {
    lua_Debug ar;
    lua_pushvalue(L, fn);
    lua_getinfo(L, ">S", &ar);
    // A C function (go(ch.close, ch)) has no line of its own: name it after the go() call.
    name = "go@" + std::to_string(ar.linedefined > 0 ? ar.linedefined
                                                     : static_cast<int>(Universe::current_line(L)));
  }
  const sim::TaskId id = u.spawn(L, name, fn, lua_gettop(L) - fn);
  push_object<TaskHandle>(L, kTask, TaskHandle{id, std::move(name)});
  return 1;
}

int task_id(lua_State* L) {
  lua_pushinteger(L, check_object<TaskHandle>(L, 1, kTask)->id);
  return 1;
}
int task_name(lua_State* L) {
  push_string(L, check_object<TaskHandle>(L, 1, kTask)->name);
  return 1;
}
int task_tostring(lua_State* L) {
  const auto* t = check_object<TaskHandle>(L, 1, kTask);
  push_string(L, "task " + std::to_string(t->id) + " " + t->name);
  return 1;
}

// ---- WaitGroup ------------------------------------------------------------------------------

using WaitGroupBox = std::unique_ptr<sim::WaitGroup>;

int wg_add(lua_State* L) {
  sim::WaitGroup& wg = obj<sim::WaitGroup>(L, kWaitGroup);
  const lua_Integer n = luaL_checkinteger(L, 2);
  released([&] { wg.add(n); });
  return 0;
}

// ---- Mutex, RWMutex: new_named, blocking, trying and named_tostring (above) -------------------

using MutexBox = std::unique_ptr<sim::Mutex>;
using RWMutexBox = std::unique_ptr<sim::RWMutex>;

// ---- Cond -----------------------------------------------------------------------------------
// cond(l [, name]): a sync.Cond whose L (Go's c.L) is l — a mutex, an rwmutex (its lock/unlock,
// the writer's), rw:rlocker() (its rlock/runlock), any other value with lock and unlock methods
// (a locker of the script's own, named in the views by its metatable's __name, else "locker"),
// or nil (wait panics, as Go's Wait on a nil L). The userdata keeps l in its user value, so the
// sim lock the sim::Cond refers to lives at least as long as the cond; c:locker() returns it
// (Go's field c.L), c:set_locker(l) replaces it (Go's `c.L = l`).
// rw:rlocker(): Go's RLocker, a value whose lock/unlock are rw's rlock/runlock; it keeps rw in its
// user value.

using CondBox = std::unique_ptr<sim::Cond>;
struct RLocker {
  sim::RWMutex* rw;
};

// The CondLocker of the Lua value at idx (see cond() above).
sim::CondLocker check_locker(lua_State* L, int idx) {
  if (lua_isnoneornil(L, idx)) return sim::CondLocker::nil();
  if (auto* m = static_cast<MutexBox*>(luaL_testudata(L, idx, kMutex)))
    return sim::CondLocker::of(**m);
  if (auto* rw = static_cast<RWMutexBox*>(luaL_testudata(L, idx, kRWMutex)))
    return sim::CondLocker::of(**rw);
  if (auto* r = static_cast<RLocker*>(luaL_testudata(L, idx, kRLocker)))
    return sim::CondLocker::reader(*r->rw);
  const int t = lua_type(L, idx);
  bool ok = t == LUA_TTABLE || t == LUA_TUSERDATA;
  for (const char* m : {"lock", "unlock"}) {
    if (!ok) break;
    ok = lua_getfield(L, idx, m) != LUA_TNIL;
    lua_pop(L, 1);
  }
  if (!ok) {
    luaL_argerror(L, idx,
                  "a mutex, rwmutex, rlocker, nil or a locker with lock and unlock methods "
                  "expected");
  }
  std::string label = "locker";
  const int name_type = luaL_getmetafield(L, idx, "__name");
  if (name_type == LUA_TSTRING) label = lua_tostring(L, -1);
  if (name_type != LUA_TNIL) lua_pop(L, 1);
  return sim::CondLocker::program(std::move(label));
}

int l_cond(lua_State* L) {
  sim::CondLocker l = check_locker(L, 1);
  auto c = std::make_unique<sim::Cond>(Universe::of(L).rt(), std::move(l), opt_name(L, 2));
  void* p = lua_newuserdatauv(L, sizeof(CondBox), 1);
  new (p) CondBox(std::move(c));
  luaL_setmetatable(L, kCond);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 1);
  return 1;
}

// Runs L's unlock or lock (`op`): the sim lock's, released, or a locker of the script's own's
// method, called here in the waiting task. `idx` holds L's Lua value, which keeps its sim lock
// alive meanwhile.
void locker_op(lua_State* L, int idx, const sim::CondLocker& l, bool lock) {
  if (l.kind == sim::CondLocker::Kind::Nil)
    throw sim::Panic("runtime error: invalid memory address or nil pointer dereference");
  if (l.kind != sim::CondLocker::Kind::Program) {
    released([&] { lock ? l.lock() : l.unlock(); });
    return;
  }
  lua_getfield(L, idx, lock ? "lock" : "unlock");
  lua_pushvalue(L, idx);
  lua_call(L, 1, 0);
}

// c:wait(): Go's Wait — take a ticket (sim::Cond::add), unlock L, sleep unless notified
// (sim::Cond::sleep), lock L. Whatever unlocking L does (a locker of the script's own runs its
// unlock here, in the waiting task), a signal meanwhile takes the ticket and is not lost. As
// Go's, it reads L for the unlock and again for the lock (c:set_locker meanwhile: the new L). A
// nil L, or an error in unlock, leaves the ticket queued, as a panic in Go's does.
int cond_wait(lua_State* L) {
  sim::Cond& c = obj<sim::Cond>(L, kCond);
  lua_settop(L, 1);
  lua_getiuservalue(L, 1, 1);  // 2: L for the unlock
  const sim::CondLocker l = c.locker();
  const sim::Cond::Ticket t = released([&] { return c.add(); });
  locker_op(L, 2, l, false);
  released([&] { c.sleep(t); });
  lua_getiuservalue(L, 1, 1);  // 3: L for the lock
  locker_op(L, 3, c.locker(), true);
  return 0;
}

// c:locker(): L (Go's c.L).
int cond_locker(lua_State* L) {
  check_object<CondBox>(L, 1, kCond);
  lua_getiuservalue(L, 1, 1);
  return 1;
}

// c:set_locker(l): Go's `c.L = l`; the views keep showing the L the cond was made with.
int cond_set_locker(lua_State* L) {
  sim::Cond& c = obj<sim::Cond>(L, kCond);
  sim::CondLocker l = check_locker(L, 2);
  c.set_locker(std::move(l));
  lua_settop(L, 2);
  lua_setiuservalue(L, 1, 1);
  return 0;
}

int l_rlocker(lua_State* L) {
  sim::RWMutex& rw = obj<sim::RWMutex>(L, kRWMutex);
  void* p = lua_newuserdatauv(L, sizeof(RLocker), 1);
  new (p) RLocker{&rw};
  luaL_setmetatable(L, kRLocker);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 1);
  return 1;
}

template <void (sim::RWMutex::*Op)()>
int rlocker_op(lua_State* L) {
  sim::RWMutex& rw = *check_object<RLocker>(L, 1, kRLocker)->rw;
  released([&] { (rw.*Op)(); });
  return 0;
}

int rlocker_tostring(lua_State* L) {
  push_string(L, std::string(kRLocker) + " " + check_object<RLocker>(L, 1, kRLocker)->rw->name());
  return 1;
}

// ---- Atomic ---------------------------------------------------------------------------------

using AtomicBox = std::unique_ptr<sim::Atomic>;

int l_atomic(lua_State* L) {
  const lua_Integer initial = luaL_optinteger(L, 1, 0);
  auto a = std::make_unique<sim::Atomic>(Universe::of(L).rt(), initial, opt_name(L, 2));
  push_object<AtomicBox>(L, kAtomic, std::move(a));
  return 1;
}
// a:add(d), a:swap(v): `Op` with the integer argument, the Gil released; its integer result.
template <std::int64_t (sim::Atomic::*Op)(std::int64_t)>
int atomic_update(lua_State* L) {
  sim::Atomic& a = obj<sim::Atomic>(L, kAtomic);
  const lua_Integer v = luaL_checkinteger(L, 2);
  lua_pushinteger(L, released([&] { return (a.*Op)(v); }));
  return 1;
}
int atomic_load(lua_State* L) {
  sim::Atomic& a = obj<sim::Atomic>(L, kAtomic);
  lua_pushinteger(L, released([&] { return a.load(); }));
  return 1;
}
int atomic_store(lua_State* L) {
  sim::Atomic& a = obj<sim::Atomic>(L, kAtomic);
  const lua_Integer v = luaL_checkinteger(L, 2);
  released([&] { a.store(v); });
  return 0;
}
int atomic_compare_and_swap(lua_State* L) {
  sim::Atomic& a = obj<sim::Atomic>(L, kAtomic);
  const lua_Integer old = luaL_checkinteger(L, 2);
  const lua_Integer v = luaL_checkinteger(L, 3);
  lua_pushboolean(L, released([&] { return a.compare_and_swap(old, v); }));
  return 1;
}

// ---- context --------------------------------------------------------------------------------

using ContextBox = sim::Context::Ptr;
using CancelBox = sim::Context::CancelCauseFunc;

// cancel(cause): the causes given, kept in a registry table under the key the runtime carries
// through the cascade (sim::Context::cause); ctx:cause() maps it back.
const char kCausesKey = 0;

// Pushes the causes table (made on first use).
void push_causes(lua_State* L) {
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &kCausesKey) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &kCausesKey);
  }
}

sim::Context::Ptr& check_context(lua_State* L, int idx) {
  return *check_object<ContextBox>(L, idx, kContext);
}

int call_cancel(lua_State* L) {
  auto* f = static_cast<CancelBox*>(lua_touserdata(L, lua_upvalueindex(1)));
  std::int64_t cause = 0;
  if (!lua_isnoneornil(L, 1)) {  // kept even if this call loses: it is then never looked up
    push_causes(L);
    cause = static_cast<std::int64_t>(lua_rawlen(L, -1)) + 1;
    lua_pushvalue(L, 1);
    lua_rawseti(L, -2, cause);
    lua_pop(L, 1);
  }
  released([&] { (*f)(cause); });
  return 0;
}

// Pushes ctx, cancel.
int push_with_cancel(lua_State* L, sim::Context::WithCancelCause wc) {
  push_object<ContextBox>(L, kContext, std::move(wc.ctx));
  push_object<CancelBox>(L, kCancel, std::move(wc.cancel));
  lua_pushcclosure(L, &wrap<call_cancel>, 1);
  return 2;
}

int l_ctx_background(lua_State* L) {
  Universe& u = Universe::of(L);
  push_object<ContextBox>(
      L, kContext,
      sim::Context::background(u.rt(), u.speaks_go() ? "context.Background" : "background"));
  return 1;
}
int l_ctx_with_cancel(lua_State* L) {
  return push_with_cancel(L, sim::Context::with_cancel_cause(check_context(L, 1), opt_name(L, 2)));
}
int l_ctx_with_timeout(lua_State* L) {
  const sim::Context::Ptr& parent = check_context(L, 1);
  const std::int64_t d = check_duration(L, 2);
  return push_with_cancel(L, sim::Context::with_timeout_cause(parent, d, opt_name(L, 3)));
}
int ctx_done(lua_State* L) {
  push_channel(L, check_context(L, 1)->done());
  return 1;
}
int ctx_err(lua_State* L) {
  const sim::Context::Ptr& c = check_context(L, 1);
  const std::string err = polled([&] { return c->err(); });
  if (err.empty()) {
    lua_pushnil(L);
  } else {
    push_string(L, err);
  }
  return 1;
}
// ctx:cause(): nil while the context is live, then the value given to the cancel(cause) whose
// cancellation reached it, or its err() when that had none (Go's context.Cause).
int ctx_cause(lua_State* L) {
  const sim::Context::Ptr& c = check_context(L, 1);
  std::int64_t cause = 0;
  const std::string err = polled([&] {
    std::string e = c->err();
    cause = c->cause();
    return e;
  });
  if (err.empty()) {
    lua_pushnil(L);
  } else if (cause != 0) {
    push_causes(L);
    lua_rawgeti(L, -1, cause);
    lua_remove(L, -2);
  } else {
    push_string(L, err);
  }
  return 1;
}
int ctx_tostring(lua_State* L) {
  const sim::Context::Ptr& c = check_context(L, 1);
  push_string(L, "context " + (c->name().empty() ? "#" + std::to_string(c->id()) : c->name()));
  return 1;
}
int cancel_tostring(lua_State* L) {
  push_string(L, "cancel func");
  return 1;
}

// ctx:after_func(fn [, name]): Go 1.21's context.AfterFunc. fn runs in a task of its own once
// ctx is done (no task exists before); returns stop(), true when it kept fn from starting.
// The task's Lua thread is prepared now (its memory charged to Lua's budget), so the
// cancellation that starts it needs no interpreter; its stack is charged when it starts. Named
// "after_func@<fn's line>".
struct StopBox {
  sim::Context::StopFunc stop;
  int ref = 0;  // the prepared task's Lua thread, released when stop() keeps it from starting
};

int call_stop(lua_State* L) {
  auto* box = static_cast<StopBox*>(lua_touserdata(L, lua_upvalueindex(1)));
  const bool stopped = released([&] { return box->stop(); });
  if (stopped) Universe::of(L).discard(L, Universe::Body{{}, box->ref, 0});
  lua_pushboolean(L, stopped);
  return 1;
}

int ctx_after_func(lua_State* L) {
  const sim::Context::Ptr ctx = check_context(L, 1);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  std::string name = opt_name(L, 3);
  if (name.empty()) {
    lua_Debug ar;
    lua_pushvalue(L, 2);
    lua_getinfo(L, ">S", &ar);
    name = "after_func@" + std::to_string(ar.linedefined > 0
                                              ? ar.linedefined
                                              : static_cast<int>(Universe::current_line(L)));
  }
  lua_settop(L, 2);
  Universe& u = Universe::of(L);
  Universe::Body body = u.task_body(L, 2, 0, {}, /*stack_at_start=*/true);
  sim::Context::StopFunc stop;
  try {
    stop = released([&] {
      return sim::Context::after_func(ctx, std::move(name), std::move(body.fn), body.first_line);
    });
  } catch (...) {
    u.discard(L, body);
    throw;
  }
  push_object<StopBox>(L, kStop, StopBox{std::move(stop), body.ref});
  lua_pushcclosure(L, &wrap<call_stop>, 1);
  return 1;
}
int stop_tostring(lua_State* L) {
  push_string(L, "stop func");
  return 1;
}

// ---- group ----------------------------------------------------------------------------------
// g:go(fn) runs fn(ctx) in a task; a value it returns other than nil/false is its error. The
// first error cancels the group's context and is what g:wait() returns.

using GroupBox = std::shared_ptr<sim::Group>;

std::shared_ptr<sim::Group>& check_group(lua_State* L) {
  return *check_object<GroupBox>(L, 1, kGroup);
}

int l_group(lua_State* L) {
  sim::Context::Ptr parent;
  int name_arg = 1;  // group([ctx] [, name]) or group(name)
  if (lua_isnil(L, 1)) name_arg = 2;
  if (luaL_testudata(L, 1, kContext) != nullptr) {
    parent = check_context(L, 1);
    name_arg = 2;
  }
  push_object<GroupBox>(L, kGroup,
                        sim::Group::make(Universe::of(L).rt(), parent, opt_name(L, name_arg)));
  return 1;
}

int group_go(lua_State* L) {
  std::shared_ptr<sim::Group> g = check_group(L);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  std::string name = opt_name(L, 3);
  Universe& u = Universe::of(L);
  lua_settop(L, 2);
  push_object<ContextBox>(L, kContext, g->context());  // fn's argument
  auto failure = std::make_shared<std::optional<sim::GroupFailure>>();
  Universe::Body body = u.task_body(L, 2, 1, [&u, failure](lua_State* T, int first, int n) {
    if (n == 0 || !lua_toboolean(T, first)) return;
    sim::GroupFailure f;
    f.error = u.to_value(T, first, &f.display);
    *failure = f;
  });
  try {
    released([&] {
      g->go(
          [fn = std::move(body.fn), failure]() -> std::optional<sim::GroupFailure> {
            fn();
            return *failure;
          },
          std::move(name), body.first_line);
    });
  } catch (...) {
    u.discard(L, body);
    throw;
  }
  return 0;
}

int group_wait(lua_State* L) {
  std::shared_ptr<sim::Group> g = check_group(L);
  const std::optional<sim::GroupFailure> err = released([&] { return g->wait(); });
  if (err) {
    Universe::of(L).push_value(L, err->error, false);
  } else {
    lua_pushnil(L);
  }
  return 1;
}

int group_context(lua_State* L) {
  push_object<ContextBox>(L, kContext, check_group(L)->context());
  return 1;
}

int group_tostring(lua_State* L) {
  const std::shared_ptr<sim::Group>& g = check_group(L);
  push_string(L, "group " + (g->name().empty() ? "#" + std::to_string(g->id()) : g->name()));
  return 1;
}

// ---- Promise and Future ---------------------------------------------------------------------
// A value given to set()/fail() stays referenced for the rest of the run: any number of tasks
// may get() it.

int l_promise(lua_State* L) {
  push_object<sim::Promise>(L, kPromise, Universe::of(L).rt(), opt_name(L, 1));
  return 1;
}
// p:set(v), or p:fail(err) when `reject` (err may not be nil): settles the promise with the
// value at 2; when settling throws, the value is let go again.
int settle_promise(lua_State* L, bool reject) {
  auto* p = check_object<sim::Promise>(L, 1, kPromise);
  if (reject) luaL_checkany(L, 2);
  Universe& u = Universe::of(L);
  sim::Val display;
  const sim::Value v = u.to_value(L, 2, &display);
  try {
    released([&] { reject ? p->fail(v, display) : p->set(v, display); });
  } catch (...) {
    u.release_value(v);
    throw;
  }
  return 0;
}
int promise_set(lua_State* L) {
  return settle_promise(L, false);
}
int promise_fail(lua_State* L) {
  return settle_promise(L, true);
}
void push_future(lua_State* L, sim::Future f) {
  push_object<sim::Future>(L, kFuture, std::move(f));
}
int promise_future(lua_State* L) {
  push_future(L, check_object<sim::Promise>(L, 1, kPromise)->future());
  return 1;
}
int promise_tostring(lua_State* L) {
  push_string(L, "promise " + check_object<sim::Promise>(L, 1, kPromise)->name());
  return 1;
}

int future_get(lua_State* L) {
  auto* f = check_object<sim::Future>(L, 1, kFuture);
  const sim::Settlement s = released([&] { return f->get(); });
  Universe& u = Universe::of(L);
  if (s.ok) {
    u.push_value(L, s.value, false);
    lua_pushnil(L);
  } else {
    lua_pushnil(L);
    u.push_value(L, s.error, false);
  }
  return 2;
}
int future_tostring(lua_State* L) {
  push_string(L, "future " + check_object<sim::Future>(L, 1, kFuture)->name());
  return 1;
}

std::vector<sim::Future> check_futures(lua_State* L, int idx) {
  luaL_checktype(L, idx, LUA_TTABLE);
  std::vector<sim::Future> fs;
  const auto n = static_cast<lua_Integer>(lua_rawlen(L, idx));
  for (lua_Integer i = 1; i <= n; ++i) {
    lua_rawgeti(L, idx, i);
    auto* f = static_cast<sim::Future*>(luaL_testudata(L, -1, kFuture));
    if (f == nullptr) {
      luaL_error(L, "bad argument #%d: element %d is not a future (got %s)", idx,
                 static_cast<int>(i), luaL_typename(L, -1));
    }
    fs.push_back(*f);
    lua_pop(L, 1);
  }
  return fs;
}

// all(futures) → values, nil   or   nil, err (the first rejection; the rest is not awaited).
int l_all(lua_State* L) {
  const std::vector<sim::Future> fs = check_futures(L, 1);
  Universe& u = Universe::of(L);
  const sim::AllResult r = released([&] { return sim::all(u.rt(), fs); });
  if (!r.ok) {
    lua_pushnil(L);
    u.push_value(L, r.error, false);
    return 2;
  }
  lua_createtable(L, static_cast<int>(r.values.size()), 0);
  for (std::size_t i = 0; i < r.values.size(); ++i) {
    u.push_value(L, r.values[i], false);
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
  }
  lua_pushnil(L);
  return 2;
}

// all_settled(futures) → { {ok=true, value=v} | {ok=false, err=e}, ... } in input order.
int l_all_settled(lua_State* L) {
  const std::vector<sim::Future> fs = check_futures(L, 1);
  Universe& u = Universe::of(L);
  const std::vector<sim::Settlement> r = released([&] { return sim::all_settled(u.rt(), fs); });
  lua_createtable(L, static_cast<int>(r.size()), 0);
  for (std::size_t i = 0; i < r.size(); ++i) {
    lua_createtable(L, 0, 2);
    lua_pushboolean(L, r[i].ok);
    lua_setfield(L, -2, "ok");
    if (r[i].ok) {
      u.push_value(L, r[i].value, false);
      lua_setfield(L, -2, "value");
    } else {
      u.push_value(L, r[i].error, false);
      lua_setfield(L, -2, "err");
    }
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
  }
  return 1;
}

// async(fn, ...): runs fn(...) in a new task; its first result fulfils the future, an error
// raised by fn rejects it (the error is the future's err, not a panic of the run).
constexpr const char* kAsyncPrelude = R"lua(
local promise, go, pcall = ...
local type, error = type, error
return function(fn, ...)
  if type(fn) ~= "function" then
    error("bad argument #1 to 'async' (function expected, got " .. type(fn) .. ")", 2)
  end
  local p = promise()
  go("async", function(...)
    local ok, v = pcall(fn, ...)
    if ok then p:set(v) else p:fail(v) end
  end, ...)
  return p:future()
end
)lua";

}  // namespace

void open_sync(lua_State* L) {
  static constexpr luaL_Reg kTaskMethods[] = {{"id", &task_id}, {"name", &task_name}, {}};
  new_class<TaskHandle>(L, kTask, kTaskMethods, &task_tostring);

  using sim::Mutex, sim::RWMutex, sim::WaitGroup;
  static constexpr luaL_Reg kWgMethods[] = {
      {"add", &wrap<wg_add>},
      {"done", &wrap<blocking<WaitGroup, kWaitGroup, &WaitGroup::done>>},
      {"wait", &wrap<blocking<WaitGroup, kWaitGroup, &WaitGroup::wait>>},
      {}};
  new_class<WaitGroupBox>(L, kWaitGroup, kWgMethods, &named_tostring<WaitGroup, kWaitGroup>);

  static constexpr luaL_Reg kMutexMethods[] = {
      {"lock", &wrap<blocking<Mutex, kMutex, &Mutex::lock>>},
      {"unlock", &wrap<blocking<Mutex, kMutex, &Mutex::unlock>>},
      {"try_lock", &wrap<trying<Mutex, kMutex, &Mutex::try_lock>>},
      {}};
  new_class<MutexBox>(L, kMutex, kMutexMethods, &named_tostring<Mutex, kMutex>);

  static constexpr luaL_Reg kRWMethods[] = {
      {"lock", &wrap<blocking<RWMutex, kRWMutex, &RWMutex::lock>>},
      {"unlock", &wrap<blocking<RWMutex, kRWMutex, &RWMutex::unlock>>},
      {"rlock", &wrap<blocking<RWMutex, kRWMutex, &RWMutex::rlock>>},
      {"runlock", &wrap<blocking<RWMutex, kRWMutex, &RWMutex::runlock>>},
      {"try_lock", &wrap<trying<RWMutex, kRWMutex, &RWMutex::try_lock>>},
      {"try_rlock", &wrap<trying<RWMutex, kRWMutex, &RWMutex::try_rlock>>},
      {"rlocker", &wrap<l_rlocker>},
      {}};
  new_class<RWMutexBox>(L, kRWMutex, kRWMethods, &named_tostring<RWMutex, kRWMutex>);
  static constexpr luaL_Reg kRLockerMethods[] = {{"lock", &wrap<rlocker_op<&RWMutex::rlock>>},
                                                 {"unlock", &wrap<rlocker_op<&RWMutex::runlock>>},
                                                 {}};
  new_class<RLocker>(L, kRLocker, kRLockerMethods, &rlocker_tostring);

  using sim::Cond;
  static constexpr luaL_Reg kCondMethods[] = {
      {"wait", &wrap<cond_wait>},
      {"signal", &wrap<blocking<Cond, kCond, &Cond::signal>>},
      {"broadcast", &wrap<blocking<Cond, kCond, &Cond::broadcast>>},
      {"locker", &wrap<cond_locker>},
      {"set_locker", &wrap<cond_set_locker>},
      {}};
  new_class<CondBox>(L, kCond, kCondMethods, &named_tostring<Cond, kCond>);

  static constexpr luaL_Reg kAtomicMethods[] = {
      {"add", &wrap<atomic_update<&sim::Atomic::add>>},
      {"load", &wrap<atomic_load>},
      {"store", &wrap<atomic_store>},
      {"swap", &wrap<atomic_update<&sim::Atomic::swap>>},
      {"compare_and_swap", &wrap<atomic_compare_and_swap>},
      {}};
  new_class<AtomicBox>(L, kAtomic, kAtomicMethods, &named_tostring<sim::Atomic, kAtomic>);

  static constexpr luaL_Reg kPromiseMethods[] = {{"set", &wrap<promise_set>},
                                                 {"fail", &wrap<promise_fail>},
                                                 {"future", &wrap<promise_future>},
                                                 {}};
  new_class<sim::Promise>(L, kPromise, kPromiseMethods, &promise_tostring);

  static constexpr luaL_Reg kFutureMethods[] = {{"get", &wrap<future_get>}, {}};
  new_class<sim::Future>(L, kFuture, kFutureMethods, &future_tostring);

  static constexpr luaL_Reg kCtxMethods[] = {{"done", &wrap<ctx_done>},
                                             {"err", &wrap<ctx_err>},
                                             {"cause", &wrap<ctx_cause>},
                                             {"after_func", &wrap<ctx_after_func>},
                                             {}};
  new_class<ContextBox>(L, kContext, kCtxMethods, &ctx_tostring);
  static constexpr luaL_Reg kNoMethods[] = {{}};
  new_class<CancelBox>(L, kCancel, kNoMethods, &cancel_tostring);
  new_class<StopBox>(L, kStop, kNoMethods, &stop_tostring);

  static constexpr luaL_Reg kGroupMethods[] = {
      {"go", &wrap<group_go>}, {"wait", &wrap<group_wait>}, {"context", &wrap<group_context>}, {}};
  new_class<GroupBox>(L, kGroup, kGroupMethods, &group_tostring);

  static constexpr luaL_Reg kContextLib[] = {{"background", &wrap<l_ctx_background>},
                                             {"with_cancel", &wrap<l_ctx_with_cancel>},
                                             {"with_timeout", &wrap<l_ctx_with_timeout>},
                                             {}};
  lua_pushglobaltable(L);
  luaL_newlib(L, kContextLib);
  lua_setfield(L, -2, "context");
  lua_pop(L, 1);

  static constexpr luaL_Reg kGlobals[] = {
      {"go", &wrap<l_go>},
      {"waitgroup", &wrap<new_named<WaitGroup, kWaitGroup>>},
      {"mutex", &wrap<new_named<Mutex, kMutex>>},
      {"rwmutex", &wrap<new_named<RWMutex, kRWMutex>>},
      {"cond", &wrap<l_cond>},
      {"atomic", &wrap<l_atomic>},
      {"promise", &wrap<l_promise>},
      {"all", &wrap<l_all>},
      {"all_settled", &wrap<l_all_settled>},
      {"group", &wrap<l_group>},
      {},
  };
  lua_pushglobaltable(L);
  luaL_setfuncs(L, kGlobals, 0);

  load_text_chunk(L, kAsyncPrelude, "=[rdv]");
  lua_getfield(L, -2, "promise");
  lua_getfield(L, -3, "go");
  lua_getfield(L, -4, "pcall");
  lua_call(L, 3, 1);
  lua_setfield(L, -2, "async");
  lua_pop(L, 1);
}

}  // namespace rdv::script::api
