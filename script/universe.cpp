#include "script/universe.h"

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <utility>
#include <vector>

#include "script/api.h"
#include "script/chunk_cache.h"
#include "script/display.h"
#include "sim/channel.h"

namespace rdv::script {

// Per task, on its OS thread: what the hooks need without a lookup.
struct Universe::TaskCtx {
  Universe* u = nullptr;
  lua_State* thread = nullptr;  // the task's Lua thread (for the line of a refused allocation)
  bool holds_gil = false;       // this thread holds the Gil
  bool parked = false;          // released the Gil in before_park, retakes it in after_unpark
  std::uint64_t steps = 0;      // VM instructions since the task last reached a sync point
  bool polled = false;          // it called sleep(0), try_lock, ctx:err()... since then
  std::uint64_t slice = 0;      // VM instructions since it last took the Gil (live mode)
  // Live mode: tasks this one readied whose wake-up waits until it releases the Gil
  // (TaskHooks::defer_wake): then each wakes once, to a free Gil. Posted by release_gil().
  std::vector<sim::Task*> deferred;
  std::string traceback;  // of the error that ended the task
  // A Go program's: the panic whose traceback was kept where it was raised (note_go_stack).
  const void* go_panic = nullptr;
  std::string go_traceback;
  std::string message;  // its text (task_msgh), when it could be made
  bool has_message = false;
  const OnReturn* on_return = nullptr;  // for call_on_return
  std::string reported;                 // message of a primitive's panic whose event is out already
  bool has_reported = false;
  bool ended_reported = false;  // the error that ended the task was such a panic
  // goreraise: the value a Go program's deferred calls re-raise and the line its panic began at.
  const void* reraised = nullptr;
  std::uint32_t reraised_line = 0;
  // Variables: lines that assign, entered but not yet finished, innermost last. A line is
  // finished when its frame reaches another line or returns.
  struct PendingWrite {
    const void* frame = nullptr;  // lua_Debug::i_ci of the frame running it
    std::uint32_t line = 0;
    const std::vector<std::string>* names = nullptr;  // in Universe::assigns_
  };
  std::vector<PendingWrite> pending;
  std::uint64_t quiet_lines = 0;                       // lines run since the last one that assigns
  lua_State* ret_hooked = nullptr;                     // the thread whose hook also has LUA_MASKRET
  std::unordered_map<std::string, std::string> shown;  // locals: name -> value last emitted
  // The task's C stack: where run_task began (stacks grow down) and its charge to the budget.
  std::uintptr_t stack_base = 0;
  StackCharge* stack = nullptr;
  // CPU time (options_.config.max_cpu, max_task_cpu): the thread's CPU clock when last read,
  // when to read it again (it costs a system call, so at most every kCpuEvery of wall time), and
  // the CPU time this task has used so far.
  sim::Nanos cpu_mark = 0;
  sim::Nanos cpu_task = 0;
  std::chrono::steady_clock::time_point cpu_next{};
};

struct Universe::StackCharge {
  StackCharge(std::shared_ptr<sim::MemoryBudget> b, std::size_t n) noexcept
      : budget(std::move(b)), bytes(n) {}
  ~StackCharge() { budget->release(bytes, sim::MemoryBudget::Use::Stacks); }
  StackCharge(const StackCharge&) = delete;
  StackCharge& operator=(const StackCharge&) = delete;
  std::shared_ptr<sim::MemoryBudget> budget;
  std::size_t bytes;  // charged; grows on the task's own thread only
};

namespace {

thread_local Universe::TaskCtx* tls_task = nullptr;  // NOLINT: one per task thread

// f32round(x): x rounded to the nearest float32 (ties to even; ±Inf from halfway past
// MaxFloat32 on), as a float. A Go program's float32 arithmetic rounds every result with it
// (gofront/prelude.lua, G.f32): one C call, where the same in Lua costs a string (string.pack)
// or some twenty VM instructions, each counted against the step budget.
int l_f32round(lua_State* L) {
  const double v = lua_tonumber(L, 1);
  constexpr double kInfFrom = 0x1.ffffffp127;  // halfway from MaxFloat32 to 2^128
  double r = 0;                                // a NaN fails both comparisons and casts to NaN
  if (std::fabs(v) >= kInfFrom) {
    r = v > 0 ? HUGE_VAL : -HUGE_VAL;
  } else if (std::fabs(v) > static_cast<double>(FLT_MAX)) {
    r = v > 0 ? FLT_MAX : -FLT_MAX;  // rounds down to MaxFloat32 (a cast out of range is UB)
  } else {
    r = static_cast<double>(static_cast<float>(v));
  }
  lua_pushnumber(L, r);
  return 1;
}

// gopanicline(): the line the runtime holds, read by a Go program's G.run right after the pcall
// of a function's body failed: its message handler set it where the panic began.
int l_gopanicline(lua_State* L) {
  lua_pushinteger(L, Universe::of(L).rt().line());
  return 1;
}

// goreraise(v, line): raises v again once a function's deferred calls have run (G.run), noting
// that its line is `line`, where the panic began, not where the function ends (raise_line).
int l_goreraise(lua_State* L) {
  lua_settop(L, 2);
  if (tls_task != nullptr && lua_isinteger(L, 2) != 0) {
    tls_task->reraised = lua_topointer(L, 1);
    tls_task->reraised_line = static_cast<std::uint32_t>(lua_tointeger(L, 2));
  }
  lua_settop(L, 1);
  return lua_error(L);
}

// Releases the Gil if `t` holds it, then posts the tasks whose wake-up was deferred to this
// moment. Every place a task lets go of the Gil goes through here.
void release_gil(Universe::TaskCtx* t, Gil& gil, sim::Runtime& rt) {
  if (t->holds_gil) {
    t->holds_gil = false;
    gil.unlock();
  }
  if (t->deferred.empty()) return;
  for (sim::Task* w : t->deferred) rt.wake_now(w);
  t->deferred.clear();
}

char kStopKey;    // its address is the light userdata raised as the uncatchable stop
char kGoexitKey;  // its address is the light userdata raised by goexit()

// How often the count hook runs, in VM instructions.
constexpr int kHookEvery = 1000;
// How often a task running Lua reads its thread's CPU clock for --limit-cpu.
constexpr std::chrono::milliseconds kCpuEvery{5};

// The CPU time the calling thread has used.
sim::Nanos thread_cpu() noexcept {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return sim::Nanos{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}
// Variables: a task that runs this many lines without one that assigns is no longer watched.
constexpr std::uint64_t kQuietLines = 1'000'000;
// Live mode: instructions a task runs before it hands the Gil to a waiting task (~1 ms).
constexpr std::uint64_t kLiveSlice = 200'000;
// Past the cap, allocations still succeed up to this much more, so that the task that hit the
// cap can unwind (and its traceback be built) before the stop is raised at its next hook.
constexpr std::size_t kMemHeadroom = std::size_t{64} << 20;
// Lua's heap is charged to the shared budget in steps of this much (one atomic operation per
// step, not per allocation); more than kReserveSlack reserved and unused is given back.
constexpr std::size_t kReserveStep = std::size_t{256} << 10;
constexpr std::size_t kReserveSlack = std::size_t{1} << 20;
// A task's stack is charged in steps of this much; kStackAbove is what the thread uses above
// run_task (the pool's loop, std::function).
constexpr std::size_t kStackStep = std::size_t{16} << 10;
constexpr std::size_t kStackAbove = std::size_t{8} << 10;

std::size_t round_up(std::size_t n, std::size_t step) {
  return (n + step - 1) / step * step;
}

std::string with_commas(std::uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) {
    s.insert(static_cast<std::size_t>(i), ",");
  }
  return s;
}

std::string mib(std::size_t bytes) {
  return std::to_string(bytes >> 20) + " MiB";
}

}  // namespace

Universe::Universe(const RunOptions& options, std::string chunkname, sim::Runtime& rt)
    : options_(options),
      chunkname_(std::move(chunkname)),
      chunk_source_("@" + chunkname_),
      rt_(rt),
      budget_(options.budget ? options.budget
                             : std::make_shared<sim::MemoryBudget>(options.memory_cap)) {
  wall_deadline_ = std::chrono::steady_clock::now() +
                   std::chrono::nanoseconds(std::max<sim::Nanos>(options_.config.max_wall, 0));
  L_ = lua_newstate(&Universe::alloc, this);
  if (L_ == nullptr) throw std::bad_alloc();
  *static_cast<Universe**>(lua_getextraspace(L_)) = this;  // copied into every new thread
  api::open_stdlib(L_);
  api::open_chan(L_);
  api::open_sync(L_);
  if (chunkname_.ends_with(".go")) {
    set_go_values(L_);
    lua_pushcfunction(L_, &l_f32round);
    lua_setglobal(L_, "f32round");
    lua_pushcfunction(L_, &l_gopanicline);
    lua_setglobal(L_, "gopanicline");
    lua_pushcfunction(L_, &l_goreraise);
    lua_setglobal(L_, "goreraise");
  }
  if (options_.track_vars) {
    lua_pushglobaltable(L_);
    lua_pushnil(L_);
    while (lua_next(L_, -2) != 0) {
      if (lua_type(L_, -2) == LUA_TSTRING) builtin_globals_.emplace(lua_tostring(L_, -2));
      lua_pop(L_, 1);
    }
    lua_pop(L_, 1);
  }
  install_hooks();
  rt_.set_hooks(sim::TaskHooks{
      .before_park =
          [] {
            TaskCtx* t = tls_task;
            if (t == nullptr) return;
            if (!t->holds_gil) return release_gil(t, t->u->gil_, t->u->rt_);
            note_stack(t);  // a task parked deep (in gsub, sort...) keeps that stack
            t->parked = true;
            release_gil(t, t->u->gil_, t->u->rt_);
          },
      .after_unpark =
          [] {
            TaskCtx* t = tls_task;
            if (t == nullptr || !t->parked) return;
            t->u->gil_.lock();
            t->parked = false;
            t->holds_gil = true;
            t->slice = 0;
          },
      .defer_wake =
          [](sim::Task* woken) {
            // Only a task thread of this run defers (a timer's wake-ups are posted at once);
            // it posts them when it next releases the Gil (release_gil), at the latest when it
            // parks or ends, or after a live slice (hook).
            TaskCtx* t = tls_task;
            if (t == nullptr) return false;
            try {
              t->deferred.push_back(woken);
            } catch (const std::bad_alloc&) {
              return false;
            }
            return true;
          },
  });
}

Universe::~Universe() {
  if (L_ != nullptr) lua_close(L_);
  budget_->release(mem_reserved_, sim::MemoryBudget::Use::Lua);
  budget_->release(output_bytes_, sim::MemoryBudget::Use::Output);
}

Universe& Universe::of(lua_State* L) noexcept {
  return **static_cast<Universe**>(lua_getextraspace(L));
}

void Universe::install_hooks() {
  // Threads made by lua_newthread inherit the hook of L_, so every task and every coroutine
  // runs with it.
  int mask = LUA_MASKCOUNT;
  if ((options_.config.mode == sim::Mode::Controlled && options_.preempt == sim::Preempt::Line) ||
      options_.track_vars) {
    mask |= LUA_MASKLINE;
  }
  lua_sethook(L_, &Universe::hook, mask, kHookEvery);
}

// ---- memory ---------------------------------------------------------------------------------

bool Universe::charge(std::size_t old, std::size_t nsize) noexcept {
  if (nsize <= old) return true;
  const std::size_t after = mem_used_ + (nsize - old);
  if (after <= mem_reserved_) return true;
  // Charged to the run's budget, which its stacks, events and output share (and, in explore,
  // the other jobs).
  const std::size_t need = after - mem_reserved_;
  const std::size_t step = round_up(need, kReserveStep);
  if (budget_->try_charge(step, sim::MemoryBudget::Use::Lua)) {
    mem_reserved_ += step;
    return true;
  }
  mem_exceeded_ = true;
  if (!budget_->try_charge(need, sim::MemoryBudget::Use::Lua, kMemHeadroom)) {
    // LUA_ERRMEM: no message handler runs for it, so remember the line now (reading the stack
    // allocates nothing).
    if (mem_line_ == 0 && tls_task != nullptr && tls_task->thread != nullptr) {
      mem_line_ = current_line(tls_task->thread);
    }
    return false;
  }
  mem_reserved_ += need;
  return true;
}

void Universe::uncharge(std::size_t old) noexcept {
  mem_used_ -= old;
  if (mem_reserved_ - mem_used_ > kReserveSlack) {
    const std::size_t back = mem_reserved_ - mem_used_ - kReserveStep;
    budget_->release(back, sim::MemoryBudget::Use::Lua);
    mem_reserved_ -= back;
  }
}

void* Universe::take_small(std::size_t nsize) noexcept {
  if (void* p = pool_.take(nsize)) return p;
  // A new chunk: charged whole, so the budget counts what the pool holds.
  if (!charge(0, LuaPool::kChunk) || !pool_.add_chunk()) return nullptr;
  mem_used_ += LuaPool::kChunk;
  return pool_.take(nsize);
}

void* Universe::alloc(void* ud, void* ptr, std::size_t osize, std::size_t nsize) noexcept {
  auto* u = static_cast<Universe*>(ud);
  const std::size_t old = ptr != nullptr ? osize : 0;
  if (tls_task != nullptr) note_stack(tls_task);
  const bool old_small = LuaPool::small(old);
  // Small blocks: the pool's (charged by chunk, see take_small); the rest: malloc's.
  if (LuaPool::small(nsize)) {
    if (old_small && LuaPool::same_block(old, nsize)) return ptr;
    void* p = u->take_small(nsize);
    if (p == nullptr) return nullptr;
    if (ptr != nullptr) {
      std::memcpy(p, ptr, std::min(old, nsize));
      old_small ? u->pool_.give(ptr, old) : (std::free(ptr), u->uncharge(old));
    }
    return p;
  }
  if (nsize == 0) {
    old_small ? u->pool_.give(ptr, old) : (std::free(ptr), u->uncharge(old));
    return nullptr;
  }
  const std::size_t big_old = old_small ? 0 : old;
  if (!u->charge(big_old, nsize)) return nullptr;
  void* p = std::realloc(old_small ? nullptr : ptr, nsize);
  if (p == nullptr) return nullptr;
  if (old_small) {
    std::memcpy(p, ptr, old);
    u->pool_.give(ptr, old);
  }
  u->mem_used_ = u->mem_used_ - big_old + nsize;
  return p;
}

Universe::Released::Released(bool sync_point) noexcept : task_(tls_task) {
  // A runtime operation: the task reached a synchronization point (its step budget restarts).
  // A call that never blocks is none: a loop of them is a busy-wait.
  if (task_ != nullptr) {
    if (sync_point) {
      task_->steps = 0;
      task_->polled = false;
    } else {
      task_->polled = true;
    }
  }
  if (task_ == nullptr) return;
  if (!task_->holds_gil) {
    release_gil(task_, task_->u->gil_, task_->u->rt_);
    task_ = nullptr;
    return;
  }
  release_gil(task_, task_->u->gil_, task_->u->rt_);
}

Universe::Released::~Released() {
  if (task_ == nullptr) return;
  task_->u->gil_.lock();
  task_->holds_gil = true;
  task_->slice = 0;
}

// ---- stops ----------------------------------------------------------------------------------

namespace {
std::string exit_message(int status) {
  return "exit status " + std::to_string(status);
}
}  // namespace

bool Universe::stopping() const noexcept {
  return !stop_message_.empty() || memory_exceeded() || rt_.aborting();
}

bool Universe::memory_exceeded() const noexcept {
  return mem_exceeded_ || budget_->over();
}

std::string Universe::memory_message(const std::string& at) const {
  return at + ": memory limit exceeded: the script uses more than " + mib(budget_->cap()) + " (" +
         budget_->breakdown() + ")";
}

void Universe::note_stack(TaskCtx* t) noexcept {
  if (t->stack == nullptr) return;
  const auto here = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
  if (here >= t->stack_base) return;
  const std::size_t need = t->stack_base - here + kStackAbove;
  if (need <= t->stack->bytes) return;
  const std::size_t add = round_up(need - t->stack->bytes, kStackStep);
  t->u->budget_->charge(add, sim::MemoryBudget::Use::Stacks);
  t->stack->bytes += add;
}

std::shared_ptr<Universe::StackCharge> Universe::charge_stack(lua_State* L) {
  if (!budget_->try_charge(kStackBase, sim::MemoryBudget::Use::Stacks)) {
    mem_exceeded_ = true;
    raise_stop(L, {});
  }
  return std::make_shared<StackCharge>(budget_, kStackBase);
}

bool Universe::is_stop(lua_State* L, int idx) {
  return lua_touserdata(L, idx) == &kStopKey && lua_islightuserdata(L, idx);
}

bool Universe::is_goexit(lua_State* L, int idx) {
  return lua_touserdata(L, idx) == &kGoexitKey && lua_islightuserdata(L, idx);
}

void Universe::raise_goexit(lua_State* L) {
  lua_pushlightuserdata(L, &kGoexitKey);
  lua_error(L);
  std::abort();  // not reached: lua_error throws
}

void Universe::raise_stop(lua_State* L, std::string message) {
  if (memory_exceeded() && stop_message_.empty()) {
    // A refused allocation unwound the stack already: its line was noted by alloc().
    const std::string at = mem_line_ != 0 ? chunkname_ + ":" + std::to_string(mem_line_) : where(L);
    stop_message_ = memory_message(at);
  }
  if (!message.empty() && stop_message_.empty()) stop_message_ = std::move(message);
  message = {};
  lua_pushlightuserdata(L, &kStopKey);
  lua_error(L);
  std::abort();  // not reached: lua_error throws
}

void Universe::exit_run(lua_State* L, int status) {
  if (stop_message_.empty()) exit_status_ = status;
  raise_stop(L, exit_message(status));
}

void Universe::note_reported_panic(std::string message) {
  if (tls_task == nullptr) return;
  tls_task->reported = std::move(message);
  tls_task->has_reported = true;
}

bool Universe::take_reported_panic(lua_State* L, int idx) {
  TaskCtx* t = tls_task;
  if (t == nullptr || !t->has_reported) return false;
  t->has_reported = false;
  std::size_t n = 0;
  const char* s = lua_type(L, idx) == LUA_TSTRING ? lua_tolstring(L, idx, &n) : nullptr;
  return s != nullptr && std::string_view(s, n) == t->reported;
}

// ---- lines ----------------------------------------------------------------------------------

std::uint32_t Universe::current_line(lua_State* L) {
  // The innermost frame of the scenario itself: frames of load()ed chunks and of the API's own
  // Lua helpers ("=[rdv]") are skipped, so events point at the script's lines.
  const std::string& source = of(L).chunk_source_;
  lua_Debug ar;
  for (int level = 0; lua_getstack(L, level, &ar) != 0; ++level) {
    lua_getinfo(L, "Sl", &ar);
    if (ar.currentline > 0 && source == ar.source) {
      return static_cast<std::uint32_t>(ar.currentline);
    }
  }
  return 0;
}

int Universe::push_callers(lua_State* L) {
  const std::string& source = of(L).chunk_source_;
  lua_Debug ar;
  lua_createtable(L, 8, 0);
  lua_Integer n = 0;
  for (int level = 0; lua_getstack(L, level, &ar) != 0 && n < 200; ++level) {
    lua_getinfo(L, "Sl", &ar);
    if (ar.currentline > 0 && source == ar.source) {
      lua_pushinteger(L, ar.currentline);
      lua_rawseti(L, -2, ++n);
      lua_pushinteger(L, ar.linedefined);
      lua_rawseti(L, -2, ++n);
    }
  }
  return 1;
}

std::string Universe::where(lua_State* L) const {
  const std::uint32_t line = current_line(L);
  return line > 0 ? chunkname_ + ":" + std::to_string(line) : chunkname_;
}

void Universe::check_time(lua_State* L) {
  const auto now = std::chrono::steady_clock::now();
  if (options_.config.max_wall > 0 && now >= wall_deadline_) {
    raise_stop(L, where(L) + ": " + sim::wall_limit_message(options_.config.max_wall) + running());
  }
  TaskCtx* t = tls_task;
  const sim::Nanos max_cpu = options_.config.max_cpu;
  const sim::Nanos max_task_cpu = options_.config.max_task_cpu;
  if ((max_cpu <= 0 && max_task_cpu <= 0) || t == nullptr || now < t->cpu_next) return;
  t->cpu_next = now + kCpuEvery;
  add_cpu(*t);
  std::string message;
  if (max_task_cpu > 0 && t->cpu_task > max_task_cpu) {
    message = sim::task_cpu_limit_message(rt_.current_id(), max_task_cpu);
  } else if (max_cpu > 0 && cpu_used_ > max_cpu) {
    message = sim::cpu_limit_message(max_cpu) + running();
  } else {
    return;
  }
  raise_stop(L, where(L) + ": " + message + (t->polled ? busy_wait_hint() : ""));
}

const char* Universe::busy_wait_hint() const {
  return speaks_go()
             ? "; it looks like a busy-wait: time.Sleep(0), TryLock, TryRLock and ctx.Err() never "
               "block (wait on a channel, a WaitGroup, Lock() or <-ctx.Done() instead)"
             : "; it looks like a busy-wait: sleep(0), try_lock, try_rlock and ctx:err() never "
               "block (wait on a channel, a WaitGroup, lock() or ctx:done() instead)";
}

void Universe::add_cpu(TaskCtx& t) {
  const sim::Nanos now = thread_cpu();
  cpu_used_ += now - t.cpu_mark;
  t.cpu_task += now - t.cpu_mark;
  t.cpu_mark = now;
}

std::string Universe::running() const {
  return "; task " + std::to_string(rt_.current_id()) + " was running";
}

void Universe::charge_steps(lua_State* L, std::uint64_t n, const char* inside) {
  TaskCtx* t = tls_task;
  if (t == nullptr) return;
  // Work inside a C function (a pattern match, string.rep) charges here too: an abort or a stop
  // must reach it between two charges, as it reaches a Lua loop at its hook.
  if (inside != nullptr) {
    if (stopping()) raise_stop(L, {});
    check_time(L);
  }
  t->steps += n;
  if (options_.step_budget != 0 && t->steps >= options_.step_budget) {
    rt_.set_line(current_line(L));
    raise_stop(L, "task " + std::to_string(rt_.current_id()) + " ran " +
                      with_commas(options_.step_budget) +
                      " instructions without reaching a synchronization point at " + where(L) +
                      (inside != nullptr ? std::string(" (in ") + inside + ")" : std::string()) +
                      (t->polled ? busy_wait_hint() : ""));
  }
}

void Universe::enter(lua_State* L) {
  // The step budget is not reset here: calls that never reach the runtime (len, cap, now, rand)
  // are not synchronization points, and a loop of them must still hit the budget.
  // Released (every runtime operation) resets it. Such a call costs far more than a VM
  // instruction, so it is charged as kCallSteps of them: a loop of them hits the budget about
  // as soon, in seconds, as a plain loop does.
  if (stopping()) raise_stop(L, {});
  check_time(L);
  charge_steps(L, kCallSteps);
  const std::uint32_t line = current_line(L);
  if (line > 0) rt_.set_line(line);
}

// ---- hooks ----------------------------------------------------------------------------------

void Universe::hook(lua_State* L, lua_Debug* ar) {
  TaskCtx* t = tls_task;
  if (t == nullptr) return;
  note_stack(t);
  Universe& u = *t->u;
  if (u.stopping()) u.raise_stop(L, {});
  if (ar->event == LUA_HOOKRET) {
    u.watch_writes(L, ar, *t);
    return;
  }
  if (ar->event == LUA_HOOKLINE) {
    const bool preempt_line =
        u.options_.config.mode == sim::Mode::Controlled && u.options_.preempt == sim::Preempt::Line;
    if (u.options_.track_vars) {
      if ((u.var_events_ >= RunOptions::kMaxVarEvents || t->quiet_lines >= kQuietLines) &&
          !preempt_line) {
        // Nothing more is recorded, or this task loops without assigning anything (a runaway
        // loop would otherwise reach its step budget many times slower): its lines go back to
        // full speed.
        t->pending.clear();
        t->ret_hooked = nullptr;
        lua_sethook(L, &Universe::hook, LUA_MASKCOUNT, kHookEvery);
        return;
      }
      u.watch_writes(L, ar, *t);
    }
    if (!preempt_line) return;
    // --preempt line: a scheduling point at every line of the scenario's own chunk (controlled
    // mode only). Lines of other chunks (a Go program's support library, "=[go]") are not the
    // program's: a goroutine is never preempted inside fmt.Println or an atomic operation.
    lua_getinfo(L, "S", ar);
    if (u.chunk_source_ != ar->source) return;
    t->steps = 0;
    u.rt_.set_line(static_cast<std::uint32_t>(ar->currentline));
    std::string failure;
    bool aborted = false;
    try {
      Released r;
      u.rt_.sched_point();
    } catch (const sim::Aborted&) {
      aborted = true;
    } catch (const std::exception& e) {
      failure = u.where(L) + ": " + e.what();
    }
    if (aborted || !failure.empty()) u.raise_stop(L, std::move(failure));
    return;
  }
  // The step budget holds in both modes: in live mode too a task that never reaches the API
  // would otherwise only end at the run's time limit.
  u.check_time(L);
  u.charge_steps(L, kHookEvery);
  if (u.options_.config.mode == sim::Mode::Controlled) return;
  t->slice += kHookEvery;
  if (t->slice >= kLiveSlice && (u.gil_.contended() || !t->deferred.empty())) {
    // Live mode: let a waiting task in (and wake the ones this task readied), then queue
    // behind them.
    t->slice = 0;
    release_gil(t, u.gil_, u.rt_);
    u.gil_.lock();
    t->holds_gil = true;
  }
}

// ---- variables --------------------------------------------------------------------------------

namespace {

// The display of the value at index 1 (run protected: a __tostring may fail, memory may run out).
int display_thunk(lua_State* L) {
  // A big table is not walked: its display sorts every key, and a loop growing a table would
  // pay for the whole table at every line.
  constexpr int kWalkUpTo = 64;
  if (lua_type(L, 1) == LUA_TTABLE) {
    int n = 0;
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
      lua_pop(L, 1);
      if (++n > kWalkUpTo) {
        lua_pop(L, 1);
        const std::string big = "{… #" + std::to_string(lua_rawlen(L, 1)) + "}";
        lua_pushlstring(L, big.data(), big.size());
        return 1;
      }
    }
  }
  const std::string s = display_value(L, 1, /*quoted=*/true);
  lua_pushlstring(L, s.data(), s.size());
  return 1;
}

// Variables holding these are not shown: functions are code, the API's objects (userdata) have
// panes of their own, coroutines have no value to show.
bool watchable(int type) {
  return type != LUA_TFUNCTION && type != LUA_TUSERDATA && type != LUA_TLIGHTUSERDATA &&
         type != LUA_TTHREAD && type != LUA_TNONE;
}

// The upvalues of the function at `fn` and of the Lua functions it captures, `depth` deep.
struct Upvalue {
  const void* id;
  std::string name;
};
void collect_upvalues(lua_State* L, int fn, int depth, std::vector<Upvalue>& out) {
  if (lua_iscfunction(L, fn) != 0 || lua_checkstack(L, 2) == 0) return;
  for (int n = 1;; ++n) {
    const char* name = lua_getupvalue(L, fn, n);
    if (name == nullptr) break;
    const void* id = lua_upvalueid(L, fn, n);
    if (std::strcmp(name, "_ENV") != 0 &&
        std::none_of(out.begin(), out.end(), [&](const Upvalue& u) { return u.id == id; })) {
      out.push_back({id, name});
      if (lua_type(L, -1) == LUA_TFUNCTION && depth > 0) {
        collect_upvalues(L, lua_gettop(L), depth - 1, out);
      }
    }
    lua_pop(L, 1);
  }
}

}  // namespace

void Universe::note_captures(lua_State* L, int fn) {
  if (!options_.track_vars || var_events_ >= RunOptions::kMaxVarEvents) return;
  std::vector<Upvalue> ups;
  collect_upvalues(L, lua_absindex(L, fn), 2, ups);
  // The spawning frame: the innermost of the scenario's own (go() itself is level 0).
  lua_Debug ar;
  bool has_frame = false;
  for (int level = 1; level < 4 && lua_getstack(L, level, &ar) != 0; ++level) {
    lua_getinfo(L, "S", &ar);
    if (chunk_source_ == ar.source) {
      has_frame = true;
      break;
    }
  }
  for (const Upvalue& up : ups) {
    const auto [it, fresh] =
        captures_.try_emplace(up.id, static_cast<std::uint32_t>(captures_.size() + 1));
    if (!fresh || !has_frame || lua_checkstack(L, 4) == 0) continue;
    // A local of the spawning frame by that name holding the same value is the captured one.
    bool found = false;
    for (int n = 1;; ++n) {
      const char* local = lua_getlocal(L, &ar, n);
      if (local == nullptr) break;
      if (up.name == local) {
        if (found) lua_remove(L, -2);
        found = true;
      } else {
        lua_pop(L, 1);
      }
    }
    if (!found) continue;
    if (!watchable(lua_type(L, -1))) {
      lua_pop(L, 1);
      continue;
    }
    Alias alias{rt_.current_id(), ar.i_ci, up.name, it->second};
    const auto same = std::find_if(aliases_.begin(), aliases_.end(), [&](const Alias& a) {
      return a.task == alias.task && a.frame == alias.frame && a.name == alias.name;
    });
    if (same != aliases_.end()) {
      *same = std::move(alias);
    } else {
      aliases_.push_back(std::move(alias));
    }
    emit_var(L, tls_task, up.name, sim::VarScope::Shared, it->second, current_line(L));
  }
}

void Universe::watch_writes(lua_State* L, lua_Debug* ar, TaskCtx& t) {
  // 1. The lines this frame was running are finished: it reached another line or returns.
  const void* frame = ar->i_ci;
  for (std::size_t i = t.pending.size(); i-- > 0;) {
    if (t.pending[i].frame != frame) continue;
    const TaskCtx::PendingWrite p = t.pending[i];
    t.pending.erase(t.pending.begin() + static_cast<std::ptrdiff_t>(i));
    report_writes(L, ar, t, p.line, *p.names);
  }
  // 2. This line assigns: read the names once it has run.
  if (ar->event == LUA_HOOKLINE) ++t.quiet_lines;
  if (ar->event == LUA_HOOKLINE && var_events_ < RunOptions::kMaxVarEvents) {
    // The line number first (the hook has it): most lines assign nothing, and asking for the
    // frame's source costs more than the lookup.
    const auto it = assigns_.find(static_cast<std::uint32_t>(ar->currentline));
    if (it != assigns_.end()) {
      lua_getinfo(L, "S", ar);
      const bool defines_init = go_init_lines_.count(static_cast<std::uint32_t>(ar->currentline)) &&
                                std::string_view(ar->what) == "main";
      if (chunk_source_ == ar->source && !defines_init) {
        // A frame left by an error never returned: drop what it left behind.
        if (t.pending.size() >= 64) t.pending.erase(t.pending.begin());
        t.pending.push_back({frame, static_cast<std::uint32_t>(ar->currentline), &it->second});
        t.quiet_lines = 0;
      }
    }
  }
  // 3. The return hook is on only while a line waits for its frame to return.
  const int mask = LUA_MASKCOUNT | LUA_MASKLINE;
  if (!t.pending.empty() && t.ret_hooked != L) {
    lua_sethook(L, &Universe::hook, mask | LUA_MASKRET, kHookEvery);
    t.ret_hooked = L;
  } else if (t.pending.empty() && t.ret_hooked == L) {
    lua_sethook(L, &Universe::hook, mask, kHookEvery);
    t.ret_hooked = nullptr;
  }
}

void Universe::report_writes(lua_State* L, lua_Debug* ar, TaskCtx& t, std::uint32_t line,
                             const std::vector<std::string>& names) {
  if (lua_checkstack(L, 6) == 0) return;
  for (const std::string& written : names) {
    if (var_events_ >= RunOptions::kMaxVarEvents) return;
    // "P.x": a Go program's package variable x, a field of the local table P (go_assignments).
    const std::size_t dot = written.find('.');
    const std::string name = dot == std::string::npos ? written : written.substr(0, dot);
    auto scope = sim::VarScope::Local;
    std::uint32_t key = 0;
    bool found = false;
    // 1. The frame's locals: the innermost one of that name still in scope.
    for (int n = 1;; ++n) {
      const char* local = lua_getlocal(L, ar, n);
      if (local == nullptr) break;
      if (name == local) {
        if (found) lua_remove(L, -2);
        found = true;
      } else {
        lua_pop(L, 1);
      }
    }
    if (found) {
      // A local a task captured is that shared variable.
      for (const Alias& a : aliases_) {
        if (a.frame == ar->i_ci && a.name == name && a.task == rt_.current_id()) {
          scope = sim::VarScope::Shared;
          key = a.key;
        }
      }
    }
    // 2. Its function's upvalues: shared when a task's function captured it.
    if (!found && lua_getinfo(L, "f", ar) != 0) {
      const int fn = lua_gettop(L);
      for (int n = 1;; ++n) {
        const char* up = lua_getupvalue(L, fn, n);
        if (up == nullptr) break;
        if (name == up) {
          const auto it = captures_.find(lua_upvalueid(L, fn, n));
          if (it != captures_.end()) {
            scope = sim::VarScope::Shared;
            key = it->second;
          }
          found = true;
          break;
        }
        lua_pop(L, 1);
      }
      lua_remove(L, fn);
    }
    // 3. A global the script made. A nil one is more likely a local whose block has ended.
    if (!found && builtin_globals_.count(name) == 0) {
      lua_pushglobaltable(L);
      lua_pushlstring(L, name.data(), name.size());
      lua_rawget(L, -2);
      lua_remove(L, -2);
      if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
      } else {
        scope = sim::VarScope::Global;
        found = true;
      }
    }
    if (!found) continue;
    if (dot != std::string::npos) {
      if (lua_type(L, -1) != LUA_TTABLE) {
        lua_pop(L, 1);
        continue;
      }
      lua_pushlstring(L, written.data() + dot + 1, written.size() - dot - 1);
      lua_rawget(L, -2);
      lua_remove(L, -2);
      scope = sim::VarScope::Global;  // every goroutine sees a package variable
      key = 0;
    }
    if (!watchable(lua_type(L, -1))) {
      lua_pop(L, 1);
      continue;
    }
    emit_var(L, &t, dot == std::string::npos ? name : written.substr(dot + 1), scope, key, line);
  }
}

void Universe::emit_var(lua_State* L, TaskCtx* t, const std::string& lua_name, sim::VarScope scope,
                        std::uint32_t key, std::uint32_t line) {
  // A Go program's float32 variable is named x__f32 in its chunk (gofront, Compiler::declare):
  // shown as x, its Lua float printed as Go prints a float32.
  constexpr std::string_view kF32 = "__f32";
  const bool f32 = lua_name.size() > kF32.size() && lua_name.ends_with(kF32);
  const std::string name = f32 ? lua_name.substr(0, lua_name.size() - kF32.size()) : lua_name;
  // A Go variable whose address is taken lives in a box (gofront's G.ref): show its value. Raw
  // reads: a scenario's metatable must not run code here, inside a hook no step budget stops.
  if (lua_type(L, -1) == LUA_TTABLE && lua_getmetatable(L, -1) != 0) {
    lua_pushliteral(L, "__gobox");
    const bool box = lua_rawget(L, -2) == LUA_TBOOLEAN;
    lua_pop(L, 2);
    if (box) {
      lua_pushliteral(L, "v");
      lua_rawget(L, -2);
      lua_remove(L, -2);
    }
  }
  std::string shown;
  if (f32 && lua_type(L, -1) == LUA_TNUMBER) {
    shown = format_float32(lua_tonumber(L, -1));
    lua_pop(L, 1);
  } else {
    lua_pushcfunction(L, &display_thunk);
    lua_insert(L, -2);
    shown = lua_pcall(L, 1, 1, 0) == LUA_OK && lua_type(L, -1) == LUA_TSTRING
                ? std::string(lua_tostring(L, -1))
                : std::string("?");
    lua_pop(L, 1);
  }
  if (var_events_ >= RunOptions::kMaxVarEvents) return;
  if (scope == sim::VarScope::Local && t != nullptr) {
    // Locals only when they change: a loop counter would otherwise fill the stream.
    auto [it, fresh] = t->shown.try_emplace(name, shown);
    if (!fresh && it->second == shown) return;
    it->second = shown;
  }
  sim::Event e;
  e.kind = sim::EventKind::VarSet;
  e.text = rt_.intern(name);
  e.val.set(shown);
  e.arg = static_cast<std::int64_t>(scope);
  e.aux = key;
  e.line = line;
  rt_.emit(e);
  if (++var_events_ == RunOptions::kMaxVarEvents) {
    rt_.note("variables: " + with_commas(RunOptions::kMaxVarEvents) +
             " writes recorded; later writes are not shown");
  }
}

// ---- tasks ----------------------------------------------------------------------------------

std::uint32_t Universe::raise_line(lua_State* L, int idx) {
  TaskCtx* t = tls_task;
  if (t != nullptr && t->reraised != nullptr) {
    const bool same = lua_topointer(L, idx) == t->reraised;
    t->reraised = nullptr;
    if (same && t->reraised_line > 0) return t->reraised_line;
  }
  return current_line(L);
}

namespace {

// A Go program's traceback in Go's words, innermost frame first: each of the program's frames
// as its function's name and the line it is at ("main.at(...)\n\tprog.go:6"), as `go run`
// prints them (without the program counter). Frames of the support library, of C functions
// and of the code the lowering made are not the program's. At most 100 frames, then Go's
// "...additional frames elided...". Empty when no frame is the program's.
std::string go_traceback(lua_State* L, const GoFuncs& funcs, std::string_view chunk_source) {
  constexpr int kMaxFrames = 100;  // Go's runtime prints as many
  std::string out;
  lua_Debug ar;
  int frames = 0;
  int prev_first = -1, prev_last = -1;
  std::string_view prev_name;
  for (int level = 1; lua_getstack(L, level, &ar) != 0; ++level) {
    if (lua_getinfo(L, "Sl", &ar) == 0 || chunk_source != ar.source || ar.currentline <= 0)
      continue;
    const std::string_view name = funcs.frame(static_cast<std::uint32_t>(ar.linedefined),
                                              static_cast<std::uint32_t>(ar.lastlinedefined),
                                              static_cast<std::uint32_t>(ar.currentline));
    if (name.empty()) continue;
    // A function with defers runs its body as a function of its own (gofront's __body), called
    // by G.run from the closing brace's line: the frame below the body's is the same call.
    if (ar.linedefined == prev_first && ar.lastlinedefined == prev_last &&
        ar.currentline == ar.lastlinedefined && name == prev_name)
      continue;
    prev_first = ar.linedefined;
    prev_last = ar.lastlinedefined;
    prev_name = name;
    if (frames++ == kMaxFrames) {
      out += "...additional frames elided...\n";
      break;
    }
    out += name;
    out += "\n\t";
    out += ar.short_src;
    out += ":" + std::to_string(ar.currentline) + "\n";
  }
  if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace

std::string Universe::stop_message(lua_State* L, std::string_view what) const {
  if (speaks_go() && what.starts_with("fatal error: ")) {
    const std::string frames = go_traceback(L, go_funcs_, chunk_source_);
    if (!frames.empty()) {
      return std::string(what) + "\n\ngoroutine " + std::to_string(rt_.current_id()) +
             " [running]:\n" + frames;
    }
  }
  return where(L) + ": " + std::string(what);
}

bool Universe::go_stack_overflow(lua_State* L) {
  Universe& u = of(L);
  if (!u.speaks_go() || lua_type(L, 1) != LUA_TSTRING) return false;
  const std::string_view e = lua_tostring(L, 1);
  std::string report;
  if (e == "C stack overflow") {
    report =
        "fatal error: stack overflow (a limit of Rendezvous, not of Go: at most about 200 calls "
        "of functions with deferred calls can be under way at once in a goroutine)";
  } else if (e.starts_with(u.chunkname_ + ":") && e.ends_with(": stack overflow")) {
    report = "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow";
  } else {
    return false;
  }
  if (!u.stop_message_.empty()) return true;  // the first stop's message stays
  const std::string frames = go_traceback(L, u.go_funcs_, u.chunk_source_);
  u.stop_message_ = report + "\n\ngoroutine " + std::to_string(u.rt_.current_id()) +
                    " [running]:\n" + (frames.empty() ? "\t" + u.where(L) : frames);
  return true;
}

void Universe::note_go_stack(lua_State* L) {
  Universe& u = of(L);
  TaskCtx* t = tls_task;
  if (t == nullptr || !u.speaks_go() || u.go_funcs_.empty()) return;
  const void* v = lua_topointer(L, 1);
  if (v != nullptr && v == t->go_panic && v == t->reraised) return;  // raised again
  t->go_panic = v;
  t->go_traceback = go_traceback(L, u.go_funcs_, u.chunk_source_);
}

// The message handler of a task's outermost pcall: runs where the error was raised, so it can
// record the line and the Lua traceback before the stack unwinds.
int Universe::task_msgh(lua_State* L) {
  Universe& u = of(L);
  if (is_stop(L, 1) || u.stopping() || is_goexit(L, 1) || go_stack_overflow(L)) return 1;
  note_go_stack(L);
  const std::uint32_t line = raise_line(L, 1);
  if (line > 0) u.rt_.set_line(line);
  if (tls_task != nullptr) {
    tls_task->ended_reported = take_reported_panic(L, 1);
    // The panic's text is made here, where an error in a __tostring is still caught (it makes
    // the pcall return LUA_ERRERR), never after the pcall returned.
    if (lua_type(L, 1) == LUA_TSTRING) {
      std::size_t n = 0;
      const char* s = lua_tolstring(L, 1, &n);
      tls_task->message = cut_text({s, n}, kMaxMessage);
    } else {
      tls_task->message = display_value(L, 1);
    }
    tls_task->has_message = true;
    if (u.speaks_go()) {
      tls_task->traceback = std::move(tls_task->go_traceback);  // note_go_stack's
    } else {
      luaL_traceback(L, L, nullptr, 1);
      tls_task->traceback = lua_tostring(L, -1);
      lua_pop(L, 1);
    }
  }
  return 1;
}

// Runs the task's OnReturn on the values its function returned (the arguments), in a
// protected call: it may raise (memory, a __tostring) like any Lua code. A light C function
// (the OnReturn comes through TaskCtx), so pushing it allocates nothing outside protection.
int Universe::call_on_return(lua_State* L) {
  (*tls_task->on_return)(L, 1, lua_gettop(L));
  return 0;
}

void Universe::run_task(lua_State* T, int thread_ref, int nargs, const OnReturn& on_return,
                        StackCharge* stack) {
  TaskCtx ctx;
  ctx.u = this;
  ctx.thread = T;
  ctx.stack_base = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
  ctx.stack = stack;
  ctx.cpu_mark = thread_cpu();
  tls_task = &ctx;
  // Whatever way this function is left, the tasks this one readied must still be woken.
  struct Flush {
    TaskCtx& ctx;
    ~Flush() { release_gil(&ctx, ctx.u->gil_, ctx.u->rt_); }
  } flush{ctx};
  gil_.lock();
  ctx.holds_gil = true;

  lua_pushcfunction(T, &Universe::task_msgh);
  lua_insert(T, 1);
  int status = lua_pcall(T, nargs, on_return ? LUA_MULTRET : 0, 1);
  if (status == LUA_OK && on_return) {
    const int n = lua_gettop(T) - 1;  // the results, above the message handler
    if (lua_checkstack(T, 1) == 0) {
      status = LUA_ERRMEM;
    } else {
      ctx.on_return = &on_return;
      lua_pushcfunction(T, &Universe::call_on_return);
      lua_insert(T, 2);
      status = lua_pcall(T, n, 0, 1);
    }
  }

  // Decide how the task ended while the Gil is still held (reading Lua values needs it).
  enum class End { Returned, Panicked, Stopped } end = End::Returned;
  std::string message;
  if (status != LUA_OK) {
    if (status == LUA_ERRMEM) mem_exceeded_ = true;
    if (memory_exceeded() && stop_message_.empty()) {
      stop_message_ = memory_message(chunkname_ + ":" +
                                     std::to_string(mem_line_ != 0 ? mem_line_ : rt_.line()));
    }
    if (is_stop(T, -1) || stopping()) {
      end = End::Stopped;
      message = stop_message_;
    } else if (is_goexit(T, -1)) {
      end = End::Returned;  // runtime.Goexit: the task ends, and it is no panic
    } else {
      end = End::Panicked;
      if (ctx.has_message) {
        message = std::move(ctx.message);
      } else if (lua_type(T, -1) == LUA_TSTRING) {
        std::size_t n = 0;
        const char* s = lua_tolstring(T, -1, &n);  // e.g. "error in error handling"
        message = cut_text({s, n}, kMaxMessage);
      } else {
        message = std::string("(error object is a ") + luaL_typename(T, -1) + " value)";
      }
    }
  }
  lua_settop(T, 0);
  luaL_unref(L_, LUA_REGISTRYINDEX, thread_ref);
  add_cpu(ctx);  // the Gil guards cpu_used_
  std::string traceback = std::move(ctx.traceback);
  release_gil(&ctx, gil_, rt_);
  tls_task = nullptr;

  switch (end) {
    case End::Returned:
      return;
    case End::Panicked: {
      sim::Panic p(message, traceback);
      p.reported = ctx.ended_reported;
      throw p;
    }
    case End::Stopped:
      if (message.empty()) throw sim::Aborted{};
      if (exit_status_ >= 0 && message == exit_message(exit_status_)) throw sim::Exit{exit_status_};
      throw sim::RunError(message);
  }
}

// The line where loading `source` fails with `message`: the fewest lines that fail the same way
// (a binary search over prefixes; a failure that names no line is one the parser hit while
// reading, so every longer prefix fails the same way). 1 when no prefix reproduces it.
std::uint32_t Universe::load_error_line(lua_State* T, const std::string& source,
                                        const std::string& message) {
  std::vector<std::size_t> ends;  // ends[i]: length of the first i + 1 lines
  for (std::size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\n') ends.push_back(i + 1);
  }
  ends.push_back(source.size());
  const auto fails_same = [&](std::size_t lines) {
    const int top = lua_gettop(T);
    const int st = luaL_loadbufferx(T, source.data(), ends[lines - 1], chunk_source_.c_str(), "t");
    const bool same =
        st != LUA_OK && lua_type(T, -1) == LUA_TSTRING && message == lua_tostring(T, -1);
    lua_settop(T, top);
    return same;
  };
  std::size_t lo = 1, hi = ends.size();  // the answer is in [lo, hi]
  if (!fails_same(hi)) return 1;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (fails_same(mid)) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return static_cast<std::uint32_t>(lo);
}

// A Go program's chunk (gofront) is the program's lines plus the front end's own names: line 1
// holds the support library (G), the type descriptors (TD), the package table (P) and the
// deferred initialisers of package variables (VI), and
// names starting with "__" are its temporaries. Those are not the program's variables and are
// never shown; a package-level variable is P.name, shown as `name` (see report_writes).
void Universe::go_assignments(std::string_view source, AssignmentsByLine& by_line,
                              std::set<std::uint32_t>& init_lines) {
  by_line.erase(1);
  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos <= source.size();) {
    const std::size_t end = std::min(source.find('\n', pos), source.size());
    lines.push_back(source.substr(pos, end - pos));
    pos = end + 1;
  }
  // A write into a map, slice or array (m[k] = v, xs[i]++, delete, clear, copy, a sort) or into
  // a field of a slice's element (xs[i].n = v) is a call of the support library, not a Lua
  // assignment: it writes the variable its first argument starts from (the root of
  // `G.ix(grid, i)`, a package variable's `P.x`). A write through a pointer variable
  // (*p = v, p.X = v: `(p or G.np()).v = v`) shows that pointer's new target.
  static constexpr std::string_view kWriters[] = {
      "G.mset(",     "G.kset(",        "G.six(",       "G.mdel(",      "G.kdel(",
      "G.mclear(",   "G.sclear(",      "G.copy(",      "G.sortslice(", "G.sortslicestable(",
      "G.slsort(",   "G.slsortfunc(",  "G.slreverse(", "G.mcopy(",     "G.mdeletefunc(",
      "G.sortints(", "G.sortstrings(", "G.slinsert(",  "G.sldelete(",  ";G.ix(",
      ";("};
  auto ident_at = [](std::string_view text, std::size_t at) {
    std::size_t e = at;
    while (e < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[e])) != 0 || text[e] == '_'))
      ++e;
    return text.substr(at, e - at);
  };
  for (std::size_t n = 2; n <= lines.size(); ++n) {  // line 1 is the support library's
    const std::string_view text = lines[n - 1];
    if (text.find("G.") == std::string_view::npos) continue;
    for (const std::string_view w : kWriters) {
      for (std::size_t at = text.find(w); at != std::string_view::npos; at = text.find(w, at + 1)) {
        if ((w == ";G.ix(" || w == ";(") && text.find(" = ", at) == std::string_view::npos)
          continue;
        std::size_t arg = at + w.size();
        while (text.substr(arg).starts_with("G.")) {  // G.six(G.ix(grid, i), j, v)
          const std::size_t open = text.find('(', arg);
          if (open == std::string_view::npos) break;
          arg = open + 1;
        }
        std::string root(ident_at(text, arg));
        if (root.empty() || std::isdigit(static_cast<unsigned char>(root[0])) != 0) continue;
        if (root == "P" && arg + 1 < text.size() && text[arg + 1] == '.')
          root += "." + std::string(ident_at(text, arg + 2));
        if (w == ";(" && !text.substr(arg + root.size()).starts_with(" or G.np()).") &&
            !text.substr(arg + root.size()).starts_with(".v or G.np()).")) {
          continue;  // not a write through the pointer `root` (or through the box it lives in)
        }
        auto& names = by_line[static_cast<std::uint32_t>(n)];
        if (std::find(names.begin(), names.end(), root) == names.end()) names.push_back(root);
      }
    }
  }
  for (auto it = by_line.begin(); it != by_line.end();) {
    std::vector<std::string> kept;
    for (const std::string& name : it->second) {
      if (name.starts_with("__") || name == "G" || name == "TD" || name == "VI") continue;
      if (name != "P") {
        kept.push_back(name);
        continue;
      }
      // The package variables this line stores: every `P.x =` (not `P.x ==`) on it.
      const std::string_view text = it->first - 1 < lines.size() ? lines[it->first - 1] : "";
      if (const std::size_t vi = text.find("VI[");
          vi != std::string_view::npos &&
          text.find("] = function() ", vi) != std::string_view::npos)
        init_lines.insert(it->first);
      for (std::size_t at = text.find("P."); at != std::string_view::npos;
           at = text.find("P.", at + 2)) {
        if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) != 0 ||
                       text[at - 1] == '_' || text[at - 1] == '.'))
          continue;
        std::size_t e = at + 2;
        while (e < text.size() &&
               (std::isalnum(static_cast<unsigned char>(text[e])) != 0 || text[e] == '_'))
          ++e;
        std::size_t eq = e;
        while (eq < text.size() && text[eq] == ' ') ++eq;
        if (e == at + 2 || eq >= text.size() || text[eq] != '=' ||
            (eq + 1 < text.size() && text[eq + 1] == '='))
          continue;
        std::size_t rhs = eq + 1;
        while (rhs < text.size() && text[rhs] == ' ') ++rhs;
        if (text.substr(rhs).starts_with("function")) continue;  // a func, not a variable
        const std::string full(text.substr(at, e - at));
        if (std::find(kept.begin(), kept.end(), full) == kept.end()) kept.push_back(full);
      }
    }
    if (kept.empty()) {
      it = by_line.erase(it);
    } else {
      it->second = std::move(kept);
      ++it;
    }
  }
}

sim::TaskFn Universe::main_task(std::string source) {
  // A first line starting with '#' (`#!/usr/bin/env rendezvous`) is skipped, as the header
  // reader and Lua's own loadfile skip it: blanked, so that line numbers stay the same.
  if (source.starts_with('#')) {
    std::fill(
        source.begin(),
        source.begin() + static_cast<std::ptrdiff_t>(std::min(source.find('\n'), source.size())),
        ' ');
  }
  auto stack = std::make_shared<StackCharge>(budget_, kStackBase);
  budget_->charge(kStackBase, sim::MemoryBudget::Use::Stacks);
  return [this, source = std::move(source), stack = std::move(stack)] {
    if (!options_.load_error.empty()) throw sim::RunError(options_.load_error);
    gil_.lock();
    lua_State* T = lua_newthread(L_);
    const int ref = luaL_ref(L_, LUA_REGISTRYINDEX);
    if (options_.track_vars) {
      assigns_ = find_assignments(source);
      if (chunkname_.ends_with(".go")) go_assignments(source, assigns_, go_init_lines_);
    }
    if (speaks_go()) go_funcs_ = GoFuncs(source);
    const int status = load_text_chunk(T, source, chunk_source_.c_str());
    if (status != LUA_OK) {
      std::string message =
          lua_type(T, -1) == LUA_TSTRING ? lua_tostring(T, -1) : "cannot load " + chunkname_;
      if (status == LUA_ERRMEM) message = chunkname_ + ": not enough memory to load the script";
      if (message.rfind(chunkname_ + ":", 0) != 0) {
        // Some load errors name no place: a binary chunk, the parser's "C stack overflow".
        message =
            chunkname_ + ":" + std::to_string(load_error_line(T, source, message)) + ": " + message;
      }
      lua_settop(T, 0);
      luaL_unref(L_, LUA_REGISTRYINDEX, ref);
      gil_.unlock();
      throw sim::RunError(message);
    }
    gil_.unlock();
    run_task(T, ref, 0, {}, stack.get());
  };
}

Universe::Body Universe::task_body(lua_State* L, int fn, int nargs, OnReturn on_return,
                                   bool stack_at_start) {
  note_captures(L, fn);
  // The count is the script's (go(f, <60 arguments>)): both stacks must have room for the
  // function, its arguments and what run_task pushes (the message handler), or the copies
  // below write past the end of a Lua stack.
  luaL_checkstack(L, nargs + 2, "too many arguments");
  // The task's stack is charged until its body is destroyed (run or not): past the budget, the
  // go() itself ends the run.
  std::shared_ptr<StackCharge> stack = stack_at_start ? nullptr : charge_stack(L);
  lua_State* T = lua_newthread(L);
  const int ref = luaL_ref(L, LUA_REGISTRYINDEX);
  if (lua_checkstack(T, nargs + 4) == 0) {
    luaL_unref(L, LUA_REGISTRYINDEX, ref);
    luaL_error(L, "too many arguments (%d)", nargs);
  }
  const std::uint32_t first = first_line(L, fn);
  for (int i = 0; i <= nargs; ++i) lua_pushvalue(L, fn + i);
  lua_xmove(L, T, nargs + 1);
  return {[this, T, ref, nargs, on_return = std::move(on_return), stack = std::move(stack)] {
            std::shared_ptr<StackCharge> late;
            if (!stack) {
              budget_->charge(kStackBase, sim::MemoryBudget::Use::Stacks);
              late = std::make_shared<StackCharge>(budget_, kStackBase);
            }
            run_task(T, ref, nargs, on_return, stack ? stack.get() : late.get());
          },
          ref, first};
}

std::uint32_t Universe::first_line(lua_State* L, int fn) const {
  luaL_checkstack(L, 4, "first line");
  lua_Debug ar;
  lua_pushvalue(L, fn);
  lua_getinfo(L, ">S", &ar);
  // Only the chunk's own functions are asked for their lines: Lua 5.4.4 reads a vararg
  // function's line information without checking that it has any, and a Go program's support
  // library is loaded without it (chunk_cache.h).
  if (chunk_source_ != ar.source) return 0;
  lua_pushvalue(L, fn);
  lua_getinfo(L, ">L", &ar);  // pushes the function's active lines (nil for a C function)
  std::uint32_t first = 0;
  if (lua_istable(L, -1)) {
    lua_pushnil(L);
    while (lua_next(L, -2) != 0) {
      const auto line = static_cast<std::uint32_t>(lua_tointeger(L, -2));
      if (line > 0 && (first == 0 || line < first)) first = line;
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
  return first;
}

void Universe::discard(lua_State* L, const Body& body) {
  luaL_unref(L, LUA_REGISTRYINDEX, body.ref);
}

sim::TaskId Universe::spawn(lua_State* L, std::string name, int fn, int nargs) {
  Body body = task_body(L, fn, nargs);
  try {
    return rt_.go(std::move(name), std::move(body.fn), body.first_line);
  } catch (...) {
    discard(L, body);
    throw;
  }
}

// ---- values ---------------------------------------------------------------------------------

sim::Value Universe::to_value(lua_State* L, int idx, sim::Val* display) {
  sim::Value v;
  if (display != nullptr) display->set(display_for_event(L, idx));
  if (lua_isnil(L, idx)) return v;
  lua_pushvalue(L, idx);
  v.bits = static_cast<std::uint64_t>(luaL_ref(L, LUA_REGISTRYINDEX));
  return v;
}

void Universe::push_value(lua_State* L, const sim::Value& v, bool release) {
  if (v.kind == sim::ValueKind::Time) {
    push_millis(L, static_cast<sim::Nanos>(v.bits));
    return;
  }
  if (v.bits == 0) {
    lua_pushnil(L);
    return;
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, static_cast<lua_Integer>(v.bits));
  if (release) luaL_unref(L, LUA_REGISTRYINDEX, static_cast<int>(v.bits));
}

void Universe::push_millis(lua_State* L, sim::Nanos t) {
  if (t % 1'000'000 == 0) {
    lua_pushinteger(L, t / 1'000'000);
  } else {
    lua_pushnumber(L, static_cast<lua_Number>(t) / 1e6);
  }
}

void Universe::release_value(const sim::Value& v) {
  if (v.kind == sim::ValueKind::Script && v.bits != 0)
    luaL_unref(L_, LUA_REGISTRYINDEX, static_cast<int>(v.bits));
}

// ---- output ---------------------------------------------------------------------------------

void Universe::print(std::string_view line, bool to_stderr) {
  // Output is kept for the report and the trace: a script printing without end would fill
  // memory outside Lua's cap. Past the cap the run ends (wrap<> adds file:line).
  if (options_.output_cap != 0 && output_bytes_ + line.size() + 1 > options_.output_cap) {
    throw sim::RunError("output limit exceeded: the script printed more than " +
                        mib(options_.output_cap));
  }
  if (!budget_->try_charge(line.size() + 1, sim::MemoryBudget::Use::Output)) {
    mem_exceeded_ = true;
    throw sim::RunError("memory limit exceeded: the script uses more than " + mib(budget_->cap()) +
                        " (" + budget_->breakdown() + ")");
  }
  output_bytes_ += line.size() + 1;
  // Output is a scheduling point (another task may print first); the line is recorded after it
  // with the lock held, so the report, on_print and the Print events agree on the order.
  {
    Released r;
    rt_.sched_point();
  }
  if (to_stderr) {
    errput_.emplace_back(line);
    if (options_.on_eprint) options_.on_eprint(line);
  } else {
    output_.emplace_back(line);
    if (options_.on_print) options_.on_print(line);
  }
  rt_.emit_print(line, to_stderr);
}

void Universe::check_output(std::size_t bytes) const {
  if (options_.output_cap != 0 && output_bytes_ + bytes > options_.output_cap) {
    throw sim::RunError("output limit exceeded: the script printed more than " +
                        mib(options_.output_cap));
  }
  if (budget_->used() + bytes > budget_->cap()) {
    throw sim::RunError("memory limit exceeded: the script uses more than " + mib(budget_->cap()) +
                        " (" + budget_->breakdown() + ")");
  }
}

std::vector<std::string> Universe::take_output() {
  return std::move(output_);
}

std::vector<std::string> Universe::take_errput() {
  return std::move(errput_);
}

}  // namespace rdv::script
