// The runtime: tasks, both schedulers, the clock and timers, detection and teardown.
//
// Controlled mode. Exactly one task thread holds the baton. The scheduler state (runnable set,
// timers, virtual clock, task states) is guarded by Impl::mu; only the baton holder changes it
// while the run goes on, other threads (abort) only after taking mu. A switch is: pick the next
// task (choose()), post its parker, wait on our own. All of a run's task threads are pinned to
// one CPU so a handoff is a same-CPU futex wake (~1 µs) instead of a cross-CPU one (7-15 µs).
//
// Live mode. Tasks run in parallel. park() waits on the task's parker (spin, then futex);
// ready() posts it. Global deadlock: `running` counts tasks that are neither parked nor exited,
// `timers_pending` timers not yet fired (a firing timer still counts until its callback
// returned). Both are seq_cst; whoever brings the pair to (0, 0) sees it (Dekker) and reports.
//
// Teardown. end_run() closes the log with RunEnd (so nothing can follow it), sets `aborting`
// and posts every live task's parker. Each task then throws Aborted from its blocking point (or
// the next one), unwinds, and gives its thread back to the pool; wait() returns when the last
// one did. Task records live until the Runtime is destroyed, so a late post is harmless.
#include "sim/runtime.h"

#include <sched.h>

#include <algorithm>
#include <cassert>
#include <condition_variable>
#include <map>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>

#include "sim/lock.h"
#include "sim/task.h"

namespace rdv::sim {
namespace {

thread_local Runtime* tl_runtime = nullptr;
thread_local Task* tl_task = nullptr;

// Live park: spin this many rounds (a pause is ~40-140 cycles: a few microseconds in all)
// before sleeping on the futex. A ping-pong partner running on the other CPU usually answers
// within that, so neither side pays a futex syscall; spinning longer only burns a time slice
// the partner may need when the machine is busy.
constexpr int kLiveSpin = 16;
constexpr int kLiveYields = 8;
// ... except when the task it last woke (the partner likely to answer) last ran on another CPU:
// then it spins up to this long. Waking a sleeping thread on the other, idle CPU costs 10-30 µs
// on these machines, far more than the partner's answer takes; two threads that both spin on
// their own CPUs pass a message in well under a microsecond. A partner on our CPU needs our CPU,
// so there the spin stays short (issue 20: a long spin for every park was 12x slower when both
// shared one CPU, docs/performance.md).
constexpr std::chrono::microseconds kLiveFarSpin{50};
// Controlled mode neither spins nor yields: the baton's next holder shares our CPU (spinning
// only delays it) and yielding measured twice as slow as sleeping on the futex at once.

enum class ExitHow { Returned, Panicked, Failed, Aborted, Exited };  // Exited: message = status

}  // namespace

const char* to_string(Mode m) noexcept {
  return m == Mode::Live ? "live" : "controlled";
}

const char* to_string(Preempt p) noexcept {
  return p == Preempt::Line ? "line" : "sync";
}

bool parse_mode(std::string_view s, Mode* out) noexcept {
  if (s != "live" && s != "controlled") return false;
  *out = s == "live" ? Mode::Live : Mode::Controlled;
  return true;
}

bool parse_preempt(std::string_view s, Preempt* out) noexcept {
  if (s != "line" && s != "sync") return false;
  *out = s == "line" ? Preempt::Line : Preempt::Sync;
  return true;
}

struct Runtime::Impl {
  explicit Impl(Runtime& r) : rt(r), cfg(r.config_), log(r.log_) {}

  Runtime& rt;
  const RunConfig& cfg;
  EventLog& log;
  bool controlled = true;
  std::shared_ptr<Policy> policy;
  TaskHooks hooks;
  int cpu = -1;  // controlled: the CPU every task thread of the run is pinned to
  std::chrono::steady_clock::time_point t0;
  bool started = false;

  // The scheduler lock (lock order: runtime.h). Controlled mode: only the baton holder changes
  // what it guards while the run goes on; other threads (abort) only after taking it.
  mutable HostMutex mu;
  std::vector<std::unique_ptr<Task>> tasks RDV_GUARDED_BY(mu);  // tasks[id - 1]
  std::vector<TaskId> runnable RDV_GUARDED_BY(mu);  // controlled: sorted; with the baton holder
  std::map<std::pair<Nanos, TimerId>, std::function<void()>> timers
      RDV_GUARDED_BY(mu);                                            // by (when, creation)
  std::unordered_map<TimerId, Nanos> timer_when RDV_GUARDED_BY(mu);  // pending timer -> when
  TimerId next_timer RDV_GUARDED_BY(mu) = 1;
  bool ended RDV_GUARDED_BY(mu) = false;        // end_run() ran: RunEnd is in the log
  bool main_exited RDV_GUARDED_BY(mu) = false;  // task 1 returned: the program ended
  RunResult result RDV_GUARDED_BY(mu);
  std::condition_variable timer_cv;  // live: wakes the timer thread (new timer, end); with mu
  std::thread timer_thread;          // live only; started by start(), joined by wait()

  std::atomic<Nanos> vclock{0};  // controlled: written by the baton holder under mu
  std::atomic<bool> aborting{false};
  std::atomic<std::size_t> alive{0};            // tasks not exited
  std::atomic<std::int64_t> running{0};         // live: tasks neither parked nor exited
  std::atomic<std::int64_t> timers_pending{0};  // live: added, not yet fired or cancelled
  std::atomic<ObjId> next_obj{1};
  std::atomic<std::uint64_t> data_rng{0};

  mutable HostMutex names_mu;  // a leaf: taken by emit_as() under any other lock
  std::unordered_map<ObjId, StrId> names RDV_GUARDED_BY(names_mu);  // object -> *Make's text

  mutable HostMutex done_mu;        // taken under mu (end_run) or alone, never the other way round
  std::condition_variable done_cv;  // with done_mu: busy or end_seen changed
  std::size_t busy RDV_GUARDED_BY(done_mu) = 0;   // task threads not yet given back to the pool
  bool end_seen RDV_GUARDED_BY(done_mu) = false;  // end_run() ran
  bool joined RDV_GUARDED_BY(done_mu) = false;    // wait() joined the timer thread

  Task* task(TaskId id) const RDV_REQUIRES(mu) { return tasks[id - 1].get(); }

  Nanos now() const noexcept {
    if (controlled) return vclock.load(std::memory_order_relaxed);
    const auto wall = std::chrono::steady_clock::now() - t0;
    const double ns =
        static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(wall).count());
    return static_cast<Nanos>(ns * cfg.time_scale);
  }

  Seq emit_as(Task* t, Event e) {
    e.task = t != nullptr ? t->id() : 0;
    if (e.line == 0 && t != nullptr) e.line = t->line.load(std::memory_order_relaxed);
    if (t != nullptr && e.kind != EventKind::VarSet) {
      // What a reader of the stream takes as the task's line (event.h, "Lines").
      if (e.kind == EventKind::TaskSpawn) {
        if (e.aux != 0) t->reported_line.store(static_cast<std::uint32_t>(e.aux));
      } else if (e.line != 0) {
        t->reported_line.store(e.line, std::memory_order_relaxed);
      }
    }
    e.t = now();
    if (e.text != 0 && makes_object(e.kind)) {
      HostLock lk(names_mu);
      names[e.obj] = e.text;
    }
    return log.append(e);
  }

  void runnable_insert(TaskId id) RDV_REQUIRES(mu) {
    runnable.insert(std::lower_bound(runnable.begin(), runnable.end(), id), id);
  }
  void runnable_erase(TaskId id) RDV_REQUIRES(mu) {
    auto it = std::lower_bound(runnable.begin(), runnable.end(), id);
    if (it != runnable.end() && *it == id) runnable.erase(it);
  }

  // ---- ending a run (mu held) ------------------------------------------------------------

  void end_run(Outcome o, std::string message, TaskId t = 0, std::uint32_t line = 0)
      RDV_REQUIRES(mu) {
    if (ended) return;
    ended = true;
    result.outcome = o;
    result.message = std::move(message);
    result.task = t;
    result.line = line;
    Event e;
    e.kind = EventKind::RunEnd;
    e.arg = static_cast<std::int64_t>(o);
    e.text = log.intern(result.message);
    e.t = now();
    log.close(e);
    aborting.store(true);
    for (auto& task : tasks) {
      if (task->state.load() != Task::State::Exited) task->parker.post();
    }
    timer_cv.notify_all();
    HostLock lk(done_mu);
    end_seen = true;
    done_cv.notify_all();
  }

  std::string describe(const Task* t) const {
    std::string s = "goroutine " + std::to_string(t->id()) + " [";
    const BlockReason r = t->reason.load();
    s += r == BlockReason::None ? "runnable" : to_string(r);
    s += "]:\n\t" + t->name() + " at line " + std::to_string(t->line.load());
    if (const ObjId obj = t->obj.load(); obj != 0) {
      const std::string name = rt.object_name(obj);
      s += ", waiting on " + (name.empty() ? "#" + std::to_string(obj) : name);
    }
    return s;
  }

  void end_deadlock() RDV_REQUIRES(mu) {
    Event e;
    e.kind = EventKind::Deadlock;
    emit_as(nullptr, e);
    std::string msg = "fatal error: all goroutines are asleep - deadlock!";
    for (auto& t : tasks) {
      if (t->state.load() != Task::State::Exited) {
        msg += "\n\n";
        msg += describe(t.get());
      }
    }
    end_run(Outcome::Deadlock, std::move(msg));
  }

  // Main returned: the program ends at once, as Go's does (no other task runs again). Every task
  // still alive is reported as goleak would (design.md §4b). The outcome is Leak when one of
  // them is blocked or sleeping (goleak, after its retries, would still find it); tasks that are
  // merely runnable are listed but leave the outcome Ok: given more time they might have ended,
  // and running them to find out would print output Go never shows.
  void end_main_returned() RDV_REQUIRES(mu) {
    std::vector<Task*> left;
    bool stuck = false;
    for (auto& t : tasks) {
      if (t->state.load() == Task::State::Exited) continue;
      left.push_back(t.get());
      if (t->reason.load() != BlockReason::None) stuck = true;
    }
    if (left.empty()) return end_run(Outcome::Ok, "");
    std::string msg = (stuck ? "leak: " : "warning: ") + std::string("main returned with ") +
                      std::to_string(left.size()) + " goroutine(s) still alive";
    for (Task* t : left) {
      LeakedTask lt{t->id(), t->reason.load(), t->obj.load(), t->line.load()};
      result.leaked.push_back(lt);
      Event e;
      e.kind = EventKind::Leak;
      e.reason = lt.reason;
      e.obj = lt.obj;
      e.line = lt.line;
      emit_as(t, e);
      msg += '\n';  // (not "\n" + describe(): GCC 12 -Wrestrict false positive at -O3)
      msg += describe(t);
    }
    end_run(stuck ? Outcome::Leak : Outcome::Ok, std::move(msg));
  }

  void check_event_limit() RDV_REQUIRES(mu) {
    if (log.appended() >= cfg.max_events) {
      end_run(Outcome::Error,
              "event limit exceeded: more than " + std::to_string(cfg.max_events) + " events");
    }
  }

  // ---- controlled scheduling (mu held) -----------------------------------------------------

  // Fires every timer due at the current virtual time, in (when, creation) order. The callbacks
  // run in timer context (no current task) with mu released: they ready tasks.
  void fire_due() RDV_REQUIRES(mu) {
    while (!ended && !timers.empty() && timers.begin()->first.first <= vclock.load()) {
      auto node = timers.extract(timers.begin());
      timer_when.erase(node.key().second);
      HostUnlock unlocked(mu);
      Task* saved = tl_task;
      tl_task = nullptr;
      node.mapped()();
      tl_task = saved;
    }
  }

  // The next task to get the baton, or nullptr when the run ended (deadlock, limit, policy).
  // `current` is the calling task when it is still runnable (a sched point), else 0.
  Task* choose(TaskId current) RDV_REQUIRES(mu) {
    for (;;) {
      if (ended) return nullptr;
      fire_due();
      if (ended) return nullptr;
      if (!runnable.empty()) break;
      if (timers.empty()) {
        end_deadlock();
        return nullptr;
      }
      // Nobody can run: the clock jumps to the earliest timer (testing/synctest's rule).
      const Nanos when = timers.begin()->first.first;
      if (when > cfg.max_time) {
        end_run(Outcome::Error, "time limit exceeded: the run passed " +
                                    std::to_string(cfg.max_time / 1'000'000) + " ms");
        return nullptr;
      }
      vclock.store(when);
    }
    ++result.decisions;
    TaskId pick = 0;
    try {
      pick = policy->pick_task(runnable, current);
    } catch (const PolicyError& e) {
      end_run(Outcome::Error, e.what());
      return nullptr;
    }
    if (pick == 0) {
      end_run(Outcome::Aborted, "aborted by the scheduler");
      return nullptr;
    }
    assert(std::binary_search(runnable.begin(), runnable.end(), pick) &&
           "policy picked a task that is not runnable");
    if (runnable.size() >= 2) result.schedule.push_back(pick);
    return task(pick);
  }

  // Gives the baton to `next` (announcing it with TaskRun when it was blocked, new or
  // preempted), releasing `lk` (mu). When `self` must wait for the baton again, waits and
  // returns when it has it.
  void handoff(HostLock& lk, Task* self, Task* next, bool self_waits) RDV_RELEASE(lk) {
    if (next->announce_run) {
      next->announce_run = false;
      Event e;
      e.kind = EventKind::TaskRun;
      emit_as(next, e);
    }
    lk.unlock();
    if (next == self) return;
    next->parker.post();
    if (self_waits) wait_baton(self);
  }

  void wait_baton(Task* self) {
    if (hooks.before_park) hooks.before_park();
    self->parker.wait(0, 0);
    // Torn down: leave the run's one CPU before taking the script's lock in after_unpark, so
    // thousands of woken tasks queue for it from every CPU, not behind each other on one.
    const bool torn_down = aborting.load();
    if (torn_down) pool::unpin_self();
    if (hooks.after_unpark) hooks.after_unpark();
    if (torn_down || aborting.load()) throw Aborted{};
  }

  // ---- live mode ---------------------------------------------------------------------------

  void live_maybe_deadlock() {
    HostLock lk(mu);
    if (ended || main_exited) return;
    if (running.load() != 0 || timers_pending.load() != 0) return;
    end_deadlock();
  }

  // Live mode: the wall time a virtual time `when` falls at.
  std::chrono::steady_clock::time_point wall_of(Nanos when) const {
    const double wall_ns = static_cast<double>(when) / cfg.time_scale;
    return t0 + std::chrono::nanoseconds(static_cast<std::int64_t>(wall_ns));
  }
  // Live mode: when the run must end (max_time of virtual time, max_wall of wall time).
  std::chrono::steady_clock::time_point live_limit() const {
    return std::min(wall_of(cfg.max_time), t0 + std::chrono::nanoseconds(cfg.max_wall));
  }
  // `early`: ended before the limit, because every task waits past it.
  void end_time_limit(bool early = false) RDV_REQUIRES(mu) {
    const bool wall = t0 + std::chrono::nanoseconds(cfg.max_wall) <= wall_of(cfg.max_time);
    const std::string limit =
        wall ? std::to_string(cfg.max_wall / 1'000'000'000) + " s of wall time (--limit-wall)"
             : std::to_string(cfg.max_time / 1'000'000) + " ms";
    end_run(Outcome::Error,
            early ? "time limit exceeded: every task waits for a timer that fires after the "
                    "run's limit of " +
                        limit
            : wall ? wall_limit_message(cfg.max_wall)
                   : "time limit exceeded: the run passed " + limit);
  }
  // Live mode, when the last running task parked with timers pending: if every timer fires
  // after the run's limit, nothing can happen before it — end now, not an hour from now.
  void live_maybe_past_limit() {
    HostLock lk(mu);
    if (ended || main_exited || running.load() != 0 || timers.empty()) return;
    // A timer the timer thread has taken out and is firing still counts as pending: it may wake
    // a task before the limit.
    if (timers_pending.load() != static_cast<std::int64_t>(timers.size())) return;
    if (wall_of(timers.begin()->first.first) <= live_limit()) return;
    end_time_limit(/*early=*/true);
  }

  void timer_loop() {
    HostLock lk(mu);
    const auto deadline_of = [&](Nanos when) { return wall_of(when); };
    while (!ended) {
      const auto limit = live_limit();
      if (std::chrono::steady_clock::now() >= limit) {
        end_time_limit();
        break;
      }
      if (timers.empty()) {
        lk.wait_until(timer_cv, limit);
        continue;
      }
      const auto due = deadline_of(timers.begin()->first.first);
      if (std::chrono::steady_clock::now() < due) {
        lk.wait_until(timer_cv, std::min(due, limit));
        continue;
      }
      auto node = timers.extract(timers.begin());
      timer_when.erase(node.key().second);
      lk.unlock();
      node.mapped()();
      const bool last = timers_pending.fetch_sub(1) == 1;
      if (last && running.load() == 0) live_maybe_deadlock();
      lk.lock();
    }
  }

  // ---- a task's thread ---------------------------------------------------------------------

  void run_task(Task* t) {
    tl_runtime = &rt;
    tl_task = t;
    if (controlled) t->parker.wait(0, 0);  // the first baton (no hooks: nothing held yet)
    ExitHow how = ExitHow::Returned;
    std::string message;
    std::string traceback;
    bool reported = false;
    if (aborting.load()) {
      how = ExitHow::Aborted;
    } else {
      try {
        if (!controlled) {
          t->cpu.store(sched_getcpu(), std::memory_order_relaxed);
          Event e;
          e.kind = EventKind::TaskRun;
          emit_as(t, e);
        }
        t->fn();
        // Main's return is a scheduling point (design.md §4b), as output is: another runnable
        // task may run first (Go may print a worker's line before the exit completes). When
        // main has the baton again the program ends (on_exit).
        if (controlled && t->id() == 1) rt.sched_point();
      } catch (const Aborted&) {
        how = ExitHow::Aborted;
      } catch (const Exit& x) {
        how = ExitHow::Exited;
        message = std::to_string(x.status);
      } catch (const Panic& p) {
        how = ExitHow::Panicked;
        message = p.what();
        traceback = p.traceback;
        reported = p.reported;
      } catch (const RunError& e) {
        how = ExitHow::Failed;
        message = e.what();
      } catch (const std::exception& e) {
        how = ExitHow::Failed;
        message = std::string("error: ") + e.what();
      } catch (...) {
        how = ExitHow::Failed;
        message = "error: unknown exception in task " + t->name();
      }
    }
    // The body's captures are released on the task's own thread while it still holds the
    // baton (controlled) or its script lock, before anyone else runs.
    t->fn = nullptr;
    on_exit(t, how, message, traceback, reported);
    tl_task = nullptr;
    tl_runtime = nullptr;
    HostLock lk(done_mu);
    if (--busy == 0) done_cv.notify_all();
  }

  void on_exit(Task* t, ExitHow how, const std::string& message, const std::string& traceback,
               bool reported) {
    if (how == ExitHow::Aborted) {
      // Teardown: thousands of tasks may get here at once; they need no lock (the run ended).
      t->state.store(Task::State::Exited);
      alive.fetch_sub(1);
      return;
    }
    HostLock lk(mu);
    if (ended) {
      t->state.store(Task::State::Exited);
      alive.fetch_sub(1);
      return;
    }
    const std::uint32_t line = t->line.load();
    if (how == ExitHow::Panicked && !reported) {
      Event e;
      e.kind = EventKind::Panic;
      e.text = log.intern(message);
      emit_as(t, e);
    }
    Event x;
    x.kind = EventKind::TaskExit;
    x.arg = how == ExitHow::Panicked ? 1 : 0;
    emit_as(t, x);
    t->state.store(Task::State::Exited);
    t->reason.store(BlockReason::None);
    t->obj.store(0);
    alive.fetch_sub(1);
    if (controlled) runnable_erase(t->id());

    if (how == ExitHow::Panicked) {
      std::string msg = "panic: " + message + "\n\ngoroutine " + std::to_string(t->id()) +
                        " [running]:\n\t" + t->name() + " at line " + std::to_string(line);
      if (!traceback.empty()) msg += "\n" + traceback;
      return end_run(Outcome::Panic, std::move(msg), t->id(), line);
    }
    if (how == ExitHow::Failed) return end_run(Outcome::Error, message, t->id(), line);
    if (how == ExitHow::Exited) {
      result.exit_status = std::stoi(message);
      if (result.exit_status == 0) return end_run(Outcome::Ok, "");
      return end_run(Outcome::Error, "exit status " + message, t->id(), line);
    }

    if (t->id() == 1) {
      // The program ends here. Controlled: main's return was a scheduling point (run_task), so
      // whatever ran before it did; live: the other threads stop at their next point.
      main_exited = true;
      if (!controlled) running.fetch_sub(1);
      return end_main_returned();
    }
    if (controlled) {
      if (Task* next = choose(0)) handoff(lk, nullptr, next, false);
      return;
    }
    lk.unlock();
    if (running.fetch_sub(1) == 1) {
      if (timers_pending.load() == 0) {
        live_maybe_deadlock();
      } else {
        live_maybe_past_limit();
      }
    }
  }
};

// ---- Runtime ---------------------------------------------------------------------------------

Runtime::Runtime(RunConfig config, EventLog& log)
    : config_(std::move(config)), log_(log), impl_(std::make_unique<Impl>(*this)) {
  impl_->controlled = config_.mode == Mode::Controlled;
  impl_->policy = config_.policy ? config_.policy : make_random(config_.seed);
  // Mixed, so the data of seed s+1 is not seed s's sequence shifted by one draw (rand_u64 steps
  // the state by the same constant a plain `seed * constant` start would differ by).
  impl_->data_rng.store(mix64(config_.seed ^ 0x632BE59BD9B4E019ull));
  if (config_.time_scale <= 0) config_.time_scale = 1.0;
}

Runtime::~Runtime() {
  if (impl_->started) {
    abort();
    wait();
  }
}

void Runtime::set_hooks(TaskHooks hooks) {
  impl_->hooks = std::move(hooks);
}

void Runtime::start(std::string main_name, TaskFn fn) {
  Impl& m = *impl_;
  assert(!m.started && "Runtime::start called twice");
  m.started = true;
  m.t0 = std::chrono::steady_clock::now();
  m.cpu = m.controlled ? (config_.cpu >= 0 ? config_.cpu : pool::pick_cpu()) : -1;
  HostLock lk(m.mu);
  m.tasks.push_back(std::make_unique<Task>(1, std::move(main_name), std::move(fn)));
  Task* t = m.tasks.back().get();
  t->rng = mix64(mix64(config_.seed ^ 0xA0761D6478BD642Full) + 1);
  Event e;
  e.kind = EventKind::TaskSpawn;
  e.text = log_.intern(t->name());
  m.emit_as(t, e);
  m.alive.store(1);
  m.running.store(1);
  if (m.controlled) {
    m.policy->on_spawn(1);
    m.runnable.push_back(1);
  }
  {
    HostLock dl(m.done_mu);
    ++m.busy;
  }
  pool::submit([&m, t] { m.run_task(t); }, m.cpu);
  if (m.controlled) {
    if (Task* next = m.choose(0)) m.handoff(lk, nullptr, next, false);
  } else {
    lk.unlock();
    m.timer_thread = std::thread([&m] { m.timer_loop(); });
  }
}

RunResult Runtime::wait() {
  Impl& m = *impl_;
  if (!m.started) return {};
  {
    HostLock lk(m.done_mu);
    lk.wait(m.done_cv, [&]() RDV_REQUIRES(m.done_mu) { return m.end_seen && m.busy == 0; });
    if (!m.joined) {
      m.joined = true;
      if (m.timer_thread.joinable()) {
        lk.unlock();
        m.timer_thread.join();
      }
    }
  }
  HostLock lk(m.mu);
  return m.result;
}

bool Runtime::wait_for(std::chrono::milliseconds d) {
  Impl& m = *impl_;
  HostLock lk(m.done_mu);
  return lk.wait_for(m.done_cv, d,
                     [&]() RDV_REQUIRES(m.done_mu) { return m.end_seen && m.busy == 0; });
}

bool Runtime::finished() const noexcept {
  HostLock lk(impl_->done_mu);
  return impl_->end_seen && impl_->busy == 0;
}

void Runtime::abort() {
  // First release a policy that may be waiting for a person (it waits with mu held). A run
  // that ended already leaves its policy alone, so an interactive policy can serve again.
  if (!impl_->aborting.load()) impl_->policy->interrupt();
  HostLock lk(impl_->mu);
  impl_->end_run(Outcome::Aborted, "aborted");
}

void Runtime::fail(std::string message) {
  HostLock lk(impl_->mu);
  impl_->end_run(Outcome::Error, std::move(message));
}

Runtime* Runtime::current() noexcept {
  return tl_runtime;
}
Task* Runtime::current_task() noexcept {
  return tl_task;
}
TaskId Runtime::current_id() const noexcept {
  return tl_task != nullptr ? tl_task->id() : 0;
}

TaskId Runtime::go(std::string name, TaskFn fn, std::uint32_t first_line) {
  Impl& m = *impl_;
  Task* parent = tl_task;
  HostLock lk(m.mu);
  if (m.aborting.load()) throw Aborted{};
  if (m.alive.load() >= config_.max_tasks) {
    throw RunError("too many tasks: more than " + std::to_string(config_.max_tasks) +
                   " alive at once");
  }
  const auto id = static_cast<TaskId>(m.tasks.size() + 1);
  m.tasks.push_back(std::make_unique<Task>(id, std::move(name), std::move(fn)));
  Task* t = m.tasks.back().get();
  t->rng = mix64(mix64(config_.seed ^ 0xA0761D6478BD642Full) + id);
  Event e;
  e.kind = EventKind::TaskSpawn;
  e.peer = parent != nullptr ? parent->id() : 0;
  e.line = parent != nullptr ? parent->line.load() : 0;
  if (config_.task_lines) e.aux = first_line;
  e.text = log_.intern(t->name());
  m.emit_as(t, e);
  if (parent != nullptr && e.line != 0) parent->reported_line.store(e.line);
  m.alive.fetch_add(1);
  if (m.controlled) {
    m.runnable_insert(id);
    m.policy->on_spawn(id);
  } else {
    m.running.fetch_add(1);
  }
  {
    HostLock dl(m.done_mu);
    ++m.busy;
  }
  lk.unlock();
  try {
    pool::submit([&m, t] { m.run_task(t); }, m.cpu);
  } catch (const std::runtime_error& err) {
    HostLock relk(m.mu);
    t->state.store(Task::State::Exited);
    m.alive.fetch_sub(1);
    if (m.controlled) m.runnable_erase(id);
    HostLock dl(m.done_mu);
    --m.busy;
    throw RunError(err.what());
  }
  return id;
}

void Runtime::sched_point() {
  Impl& m = *impl_;
  Task* self = tl_task;
  if (self == nullptr) return;
  if (!m.controlled) {
    if (m.aborting.load(std::memory_order_relaxed)) throw Aborted{};
    if (log_.appended() >= config_.max_events) {
      HostLock lk(m.mu);
      m.check_event_limit();
      throw Aborted{};
    }
    report_line(self);
    return;
  }
  HostLock lk(m.mu);
  if (m.aborting.load()) throw Aborted{};
  m.check_event_limit();
  // Another task may run from here: the stream must say which line this one executes next.
  // With no other task runnable nobody can run before this task's next event, which carries
  // its line anyway (and a spin under --preempt line then costs no events).
  if (m.runnable.size() >= 2) report_line(self);
  Task* next = m.choose(self->id());
  if (next == nullptr) throw Aborted{};
  if (next != self) {
    Event e;
    e.kind = EventKind::TaskYield;
    m.emit_as(self, e);
    self->announce_run = true;
  }
  m.handoff(lk, self, next, true);
}

void Runtime::report_line(Task* self) {
  if (!config_.task_lines) return;
  const std::uint32_t line = self->line.load(std::memory_order_relaxed);
  if (line == 0 || line == self->reported_line.load(std::memory_order_relaxed)) return;
  Event e;
  e.kind = EventKind::TaskAt;
  e.line = line;
  impl_->emit_as(self, e);
}

Nanos Runtime::now() const noexcept {
  return impl_->now();
}

void Runtime::sleep(Nanos d) {
  Task* self = tl_task;
  assert(self != nullptr && "sleep outside a task");
  sched_point();
  if (d <= 0) return;
  // The timer may fire (live: on the timer thread) before we are parked; `m` makes it wait
  // until park() released it, so TaskUnblock always follows TaskBlock.
  struct State {
    HostMutex m;  // held by the sleeper until it is parked
  };
  auto st = std::make_shared<State>();
  const Nanos when = now() + d;
  HostLock lk(st->m);
  const TimerId id = add_timer(when, [this, st, self] {
    HostLock g(st->m);
    mark_ready(self, 0);
    g.unlock();
    wake(self);
  });
  park_queued(
      lk, BlockReason::Sleep, 0, [&] { cancel_timer(id); }, when);
}

void Runtime::print(std::string_view line) {
  sched_point();
  emit_print(line);
}

void Runtime::emit_print(std::string_view line, bool to_stderr) {
  Event e;
  e.kind = EventKind::Print;
  if (to_stderr) e.flags = kPrintStderr;
  e.text = log_.intern(line);
  emit(e);
}

void Runtime::note(std::string_view text) {
  sched_point();
  Event e;
  e.kind = EventKind::Note;
  e.text = log_.intern(text);
  emit(e);
}

void Runtime::set_line(std::uint32_t line) noexcept {
  if (tl_task != nullptr) tl_task->line.store(line, std::memory_order_relaxed);
}

std::uint32_t Runtime::line() const noexcept {
  return tl_task != nullptr ? tl_task->line.load(std::memory_order_relaxed) : 0;
}

std::uint64_t Runtime::rand_u64() noexcept {
  // splitmix64 over an atomic counter: thread-safe in live mode, deterministic in controlled.
  std::uint64_t z = impl_->data_rng.fetch_add(0x9E3779B97F4A7C15ull, std::memory_order_relaxed) +
                    0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::size_t Runtime::alive_tasks() const noexcept {
  return impl_->alive.load();
}

bool Runtime::aborting() const noexcept {
  return impl_->aborting.load();
}

void Runtime::raise_panic(const std::string& message) {
  Event e;
  e.kind = EventKind::Panic;
  e.text = log_.intern(message);
  emit(e);
  Panic p(message);
  p.reported = true;
  throw p;
}

Seq Runtime::emit(Event e) {
  return impl_->emit_as(tl_task, e);
}
Seq Runtime::emit_for(Task* t, Event e) {
  return impl_->emit_as(t, e);
}
ObjId Runtime::new_object_id() noexcept {
  return impl_->next_obj.fetch_add(1);
}
StrId Runtime::intern(std::string_view s) {
  return log_.intern(s);
}

std::string wall_limit_message(Nanos max_wall) {
  return "time limit exceeded: the run took more than " + std::to_string(max_wall / 1'000'000'000) +
         " s of wall time (--limit-wall)";
}

std::string task_cpu_limit_message(TaskId task, Nanos max_task_cpu) {
  return "CPU time limit exceeded: task " + std::to_string(task) + " used more than " +
         std::to_string(max_task_cpu / 1'000'000'000) + " s of CPU time (--limit-task-cpu)";
}

std::string cpu_limit_message(Nanos max_cpu) {
  return "CPU time limit exceeded: the run's tasks used more than " +
         std::to_string(max_cpu / 1'000'000'000) + " s of CPU time (--limit-cpu)";
}

std::string Runtime::object_name(ObjId obj) const {
  StrId id = 0;
  {
    HostLock lk(impl_->names_mu);
    auto it = impl_->names.find(obj);
    if (it != impl_->names.end()) id = it->second;
  }
  return std::string(log_.str(id));
}

void Runtime::park(BlockReason reason, ObjId obj, const std::function<void()>& unlock, Nanos arg) {
  Impl& m = *impl_;
  Task* self = tl_task;
  assert(self != nullptr && "park outside a task");
  Event e;
  e.kind = EventKind::TaskBlock;
  e.reason = reason;
  e.obj = obj;
  e.arg = arg;
  // Both modes: on teardown let go of the object and unwind; else emit TaskBlock and mark the
  // task parked, still holding the object's lock.
  const auto block = [&] {
    if (m.aborting.load()) {
      unlock();
      throw Aborted{};
    }
    m.emit_as(self, e);
    self->reason.store(reason);
    self->obj.store(obj);
    self->state.store(Task::State::Parked);
  };
  if (m.controlled) {
    HostLock lk(m.mu);
    block();
    m.runnable_erase(self->id());
    unlock();  // lock order: object lock, then mu; releasing under mu is fine
    Task* next = m.choose(0);
    if (next == nullptr) throw Aborted{};
    m.handoff(lk, self, next, true);
    return;
  }
  block();
  unlock();
  if (m.running.fetch_sub(1) == 1) {
    if (m.timers_pending.load() == 0) {
      m.live_maybe_deadlock();
    } else {
      m.live_maybe_past_limit();
    }
  }
  if (m.hooks.before_park) m.hooks.before_park();
  const Task* partner = std::exchange(self->woke, nullptr);
  const int partner_cpu = partner != nullptr ? partner->cpu.load(std::memory_order_relaxed) : -1;
  if (partner_cpu >= 0 && partner_cpu != sched_getcpu()) {
    self->parker.wait_spinning(kLiveFarSpin, kLiveYields);
  } else {
    self->parker.wait(kLiveSpin, kLiveYields);
  }
  self->cpu.store(sched_getcpu(), std::memory_order_relaxed);
  if (m.hooks.after_unpark) m.hooks.after_unpark();
  if (m.aborting.load()) throw Aborted{};
  Event r;
  r.kind = EventKind::TaskRun;
  m.emit_as(self, r);
}

void Runtime::mark_ready(Task* t, ObjId via) {
  Impl& m = *impl_;
  Event e;
  e.kind = EventKind::TaskUnblock;
  e.obj = via;
  e.peer = tl_task != nullptr ? tl_task->id() : 0;
  if (m.controlled) {
    HostLock lk(m.mu);
    if (t->state.load() != Task::State::Parked) return;
    t->state.store(Task::State::Runnable);
    t->reason.store(BlockReason::None);
    t->obj.store(0);
    t->announce_run = true;
    m.runnable_insert(t->id());
    m.emit_as(t, e);
    return;
  }
  auto expected = Task::State::Parked;
  if (!t->state.compare_exchange_strong(expected, Task::State::Runnable)) return;
  t->reason.store(BlockReason::None);
  t->obj.store(0);
  m.running.fetch_add(1);
  m.emit_as(t, e);
}

void Runtime::wake(Task* t) {
  // Controlled: the task runs when the policy hands it the baton, not before.
  if (impl_->controlled) return;
  if (tl_task != nullptr) tl_task->woke = t;  // how long to spin when we park (park)
  if (impl_->hooks.defer_wake && impl_->hooks.defer_wake(t)) return;
  t->parker.post();
}

void Runtime::wake_now(Task* t) {
  if (!impl_->controlled) t->parker.post();
}

void Runtime::ready(Task* t, ObjId via) {
  mark_ready(t, via);
  wake(t);
}

Runtime::TimerId Runtime::add_timer(Nanos when, std::function<void()> fire) {
  Impl& m = *impl_;
  HostLock lk(m.mu);
  const TimerId id = m.next_timer++;
  m.timers.emplace(std::make_pair(when, id), std::move(fire));
  m.timer_when.emplace(id, when);
  if (!m.controlled) {
    m.timers_pending.fetch_add(1);
    m.timer_cv.notify_all();
  }
  return id;
}

bool Runtime::cancel_timer(TimerId id) {
  Impl& m = *impl_;
  HostLock lk(m.mu);
  auto it = m.timer_when.find(id);
  if (it == m.timer_when.end()) return false;
  m.timers.erase(std::make_pair(it->second, id));
  m.timer_when.erase(it);
  if (!m.controlled) m.timers_pending.fetch_sub(1);  // the caller runs: no deadlock check needed
  return true;
}

std::size_t Runtime::choose_case(std::size_t n) {
  assert(n > 0);
  if (n == 1) return 0;
  std::vector<std::uint32_t> all(n);
  for (std::size_t i = 0; i < n; ++i) all[i] = static_cast<std::uint32_t>(i);
  return choose_case(std::span<const std::uint32_t>(all));
}

std::uint32_t Runtime::choose_case(std::span<const std::uint32_t> ready) {
  assert(!ready.empty());
  if (ready.size() == 1) return ready[0];
  Impl& m = *impl_;
  if (m.controlled) {
    HostLock lk(m.mu);
    std::uint32_t c = 0;
    try {
      c = m.policy->pick_case(ready);
    } catch (const PolicyError& e) {
      throw RunError(e.what());
    }
    m.result.schedule.push_back(c);
    return c;
  }
  Task* t = tl_task;
  Rng rng(t != nullptr ? t->rng : rand_u64());
  const std::uint32_t c = ready[rng.below(ready.size())];
  if (t != nullptr) t->rng = rng.next();
  return c;
}

}  // namespace rdv::sim
