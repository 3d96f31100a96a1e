// sim/runtime.h — a run: tasks on pooled OS threads, a scheduler (live or controlled), the
// virtual clock, detection (deadlock, leak, panic) and teardown.
//
// Go's runtime is the model: a task that must wait parks on its own semaphore (gopark) after
// putting itself on the wait queue of the object it waits on; whoever makes the condition true
// takes it off that queue and readies it (goready). Primitives (channel.h, select.h, ...) are
// written against the small "parking API" at the bottom of this file and nothing else, so they
// work unchanged in both modes:
//
//  - live:       tasks run in parallel; park = wait on the task's semaphore (spin briefly first);
//                ready = post it. Objects protect their state with their own mutex.
//  - controlled: exactly one task runs at a time. Before each sync operation the task calls
//                sched_point(); the policy picks who runs next among the runnable tasks (the
//                current one included) and the baton is handed over. park = hand the baton to
//                the next runnable task; ready = put the task back in the runnable set. When no
//                task can run, the virtual clock jumps to the earliest timer; with no timer
//                either, the run deadlocks.
//
// Errors, three kinds (style.md §7):
//  - a scenario's mistake (send on closed channel, negative WaitGroup counter, ...) throws
//    rdv::sim::Panic from the operation, in the task that made it. The script layer may recover
//    it (pcall); if it escapes the task function the run ends with Outcome::Panic.
//  - teardown throws rdv::sim::Aborted from any blocking point of a task; it must not be caught
//    for good (the script layer rethrows it); the task unwinds and its thread returns to the pool.
//  - an internal bug is an assert.
//
// Locks (sim/lock.h). Every field a lock guards is marked RDV_GUARDED_BY at its declaration and
// Clang checks the marks (the `tsa` preset, run by tools/test.sh). They are taken in this order
// and never the other way round:
//  0. the script layer's interpreter lock (script/gil.h): held while a task runs Lua; TaskHooks
//     release it around every wait.
//  1. one object's own lock: a Channel, Mutex, RWMutex, WaitGroup, future, context tree, Ticker,
//     Group or Atomic (or sleep()'s hand-shake). One at a time, except select (its channels, by
//     object id) and all()/all_settled() (their futures, by address of their state).
//  2. the scheduler lock (Runtime::Impl::mu): taken under an object lock by park(),
//     mark_ready(), ready(), add_timer(), cancel_timer(), choose_case(). Timer callbacks take
//     object locks, so they run with it released (the scheduler drops it to fire them).
//  3. InteractivePolicy's lock: pick_task() waits for the person with the scheduler lock held.
//  4. the lock of the run's end (done_mu: the task threads still busy, RunEnd seen).
//  5. leaves, under any of the above: object names, the event log's string table, the pool.
// A task holds none of 1-5 across a sched point, and parks holding only the object lock(s) it
// passes to park(), which releases them once the task is marked parked (gopark's unlockf): a
// waker that takes the lock afterwards finds the task parked, so no wake-up is lost between.
//
// The stream obeys the invariants written at the top of event.h. Primitives keep them by
// emitting their events with their own lock held, and a waker's events for the woken task
// right after that task's TaskUnblock (mark_ready() then emit_for(), both under the lock).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sim/event.h"
#include "sim/event_log.h"
#include "sim/lock.h"
#include "sim/memory_budget.h"
#include "sim/policy.h"

namespace rdv::sim {

// A Go panic raised by a scenario's mistake or by the script (panic(v), error(msg)).
struct Panic : std::runtime_error {
  explicit Panic(const std::string& message, std::string traceback_ = {})
      : std::runtime_error(message), traceback(std::move(traceback_)) {}
  std::string traceback;  // filled by the script layer when it has one
  bool reported = false;  // its Panic event was emitted already (Runtime::raise_panic)
};

// Thrown at a task's blocking points when the run is torn down. Not a panic: never recovered.
struct Aborted {};

// A script error or a limit that ends the run with Outcome::Error (thrown out of a task function).
struct RunError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Thrown out of a task function to end the whole run at once (Go's os.Exit): no other task runs
// again, nothing is reported as leaked. Status 0 ends it as Outcome::Ok, any other as
// Outcome::Error with Go's "exit status N"; RunResult::exit_status keeps the status.
struct Exit {
  int status = 0;
};

enum class Mode : std::uint8_t { Live, Controlled };
enum class Preempt : std::uint8_t { Sync, Line };

const char* to_string(Mode) noexcept;     // "live", "controlled"
const char* to_string(Preempt) noexcept;  // "sync", "line"
bool parse_mode(std::string_view, Mode*) noexcept;
bool parse_preempt(std::string_view, Preempt*) noexcept;

struct RunConfig {
  Mode mode = Mode::Controlled;
  std::shared_ptr<Policy> policy;  // controlled mode; default random(seed)
  std::uint64_t seed = 1;          // seeds the policy, select choices in live mode, rand()
  double time_scale = 1.0;         // live: virtual ms per wall ms (0.1 = ten times slower)
  std::size_t max_tasks = 10'000;  // live + ever spawned concurrently; exceeding it is a RunError
  // Events a run may emit; then it ends with Outcome::Error "event limit exceeded"
  // (`--max-events`). The log charges kEventBytes per event (and its texts) to the memory budget,
  // which still caps the run (default_memory_cap below).
  static constexpr std::uint64_t kDefaultMaxEvents = 1'000'000;
  static constexpr std::uint64_t kMaxMaxEvents = 64'000'000;  // under EventLog::kCapacity
  static constexpr std::size_t kEventBytes = sizeof(Event);
  std::uint64_t max_events = kDefaultMaxEvents;
  Nanos max_time = Nanos{3600} * 1'000'000'000;  // virtual/wall time limit, then Outcome::Error
  // Wall-clock time a run may take, in either mode (`--limit-wall`), then Outcome::Error "time
  // limit exceeded". Live mode: when every task waits for a timer that fires after it (a
  // sleep(3500 * second)), the run ends at once instead of waiting for the limit to pass. The
  // script layer checks it while Lua runs (script/run.h).
  static constexpr Nanos kDefaultMaxWall = Nanos{600} * 1'000'000'000;
  Nanos max_wall = kDefaultMaxWall;
  // CPU time the run's tasks may use together, in either mode (`--limit-cpu`), then
  // Outcome::Error "CPU time limit exceeded": a backstop for work that keeps reaching sync points
  // (so the step budget restarts) without emitting enough events to reach the event limit. The
  // script layer measures each task's thread CPU time while Lua runs (script/universe.h).
  static constexpr Nanos kDefaultMaxCpu = Nanos{300} * 1'000'000'000;
  Nanos max_cpu = kDefaultMaxCpu;
  // CPU time any one task may use (`--limit-task-cpu`), then Outcome::Error "CPU time limit
  // exceeded: task N used more than …", naming the task and its line. 0: no limit per task
  // (max_cpu still bounds them all). Measured as max_cpu is, from the task's own thread clock,
  // so in live mode too, where tasks run in parallel and max_cpu cannot tell them apart.
  Nanos max_task_cpu = 0;
  int cpu = -1;  // controlled: the CPU all task threads are pinned to (-1: choose one)
  // Report each task's next line (event.h, "Lines"): TaskAt events and TaskSpawn's aux, as
  // trace format 2 has them. Off only to re-execute a v1 trace, whose stream has neither.
  bool task_lines = true;
};

// The memory cap of a run that may emit `max_events` events when none is given (--limit-memory):
// MemoryBudget::kDefaultCap, plus the log's slots for the events above kDefaultMaxEvents, so a
// longer recording is not stopped by the cap sized for the default one.
// The messages of the time limits, one text for every layer that enforces them (the runtime's
// live timers, the script layer's checks while Lua runs). E.g. wall_limit_message(2 s):
// "time limit exceeded: the run took more than 2 s of wall time (--limit-wall)".
std::string wall_limit_message(Nanos max_wall);
std::string cpu_limit_message(Nanos max_cpu);
// E.g. task_cpu_limit_message(3, 1 s): "CPU time limit exceeded: task 3 used more than 1 s of CPU
// time (--limit-task-cpu)".
std::string task_cpu_limit_message(TaskId task, Nanos max_task_cpu);

constexpr std::size_t default_memory_cap(std::uint64_t max_events) noexcept {
  return MemoryBudget::kDefaultCap +
         (max_events > RunConfig::kDefaultMaxEvents
              ? static_cast<std::size_t>(max_events - RunConfig::kDefaultMaxEvents) *
                    RunConfig::kEventBytes
              : 0);
}

struct LeakedTask {
  TaskId task = 0;
  BlockReason reason = BlockReason::None;
  ObjId obj = 0;
  std::uint32_t line = 0;
};

struct RunResult {
  Outcome outcome = Outcome::Running;
  std::string message;  // Go's words: "fatal error: all goroutines are asleep - deadlock!\n\n..."
  TaskId task = 0;      // the task that panicked / failed, 0 otherwise
  std::uint32_t line = 0;
  std::vector<LeakedTask> leaked;       // Outcome::Leak
  std::vector<std::uint32_t> schedule;  // every choice made with >= 2 options (see policy.h)
  std::uint64_t decisions = 0;          // sched points where the policy was asked
  int exit_status = -1;                 // the status a task exited the run with (Exit); -1 none
};

class Task;  // opaque to primitives but for the parking API below

// Hooks the script layer installs (e.g. release/reacquire the Lua lock around every wait).
struct TaskHooks {
  std::function<void()> before_park;   // called on the task thread before it waits
  std::function<void()> after_unpark;  // called on the task thread after it wakes (also on abort)
  // Live mode: asked by wake() on the waker's thread before it posts a task. Returning true
  // means the hook posts it later with Runtime::wake_now() (the script layer does so when the
  // waker next releases its interpreter lock, so the woken task wakes once, to a free lock,
  // instead of waking to a held one and again when it is released). The hook must post every
  // task it took before its thread waits or gives its task up.
  std::function<bool(Task*)> defer_wake;
};

using TaskFn = std::function<void()>;

class Runtime {
 public:
  Runtime(RunConfig config, EventLog& log);
  ~Runtime();  // aborts if still running, joins every task
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  void set_hooks(TaskHooks hooks);  // before start()

  // Starts task 1 (`main`) running `fn`. Returns at once; the run goes on on pool threads.
  void start(std::string main_name, TaskFn fn);
  // Blocks until the run has ended (RunEnd emitted and every task thread released).
  RunResult wait();
  // Waits at most `d`; true when the run has ended.
  bool wait_for(std::chrono::milliseconds d);
  bool finished() const noexcept;
  // Ends the run from any thread (Outcome::Aborted unless it ended already); wakes and joins
  // every task promptly. Idempotent.
  void abort();
  // Ends the run with Outcome::Error and `message` (unless it ended already), as a RunError
  // escaping a task does: for a limit reached in timer context, where no task can throw it (a
  // context's deadline starting its AfterFunc tasks past max_tasks).
  void fail(std::string message);

  const RunConfig& config() const noexcept { return config_; }
  EventLog& log() noexcept { return log_; }

  // ---- called from task threads (the current task) ------------------------------------------
  static Runtime* current() noexcept;  // the run the calling thread's task belongs to, or null
  static Task* current_task() noexcept;
  TaskId current_id() const noexcept;

  // Spawns; RunError past max_tasks. Not a sched point. `first_line`: the line the new task
  // starts at (its function's first line, 0 unknown), reported in TaskSpawn's aux.
  TaskId go(std::string name, TaskFn fn, std::uint32_t first_line = 0);
  void sched_point();          // controlled: a decision; live: checks abort
  Nanos now() const noexcept;  // virtual (controlled) or scaled wall (live)
  void sleep(Nanos d);
  // Output is visible, so it is a scheduling point (design.md §2): sched_point(), then the
  // Print / Note event. Every order of outputs Go allows can then be reached.
  void print(std::string_view line);
  void note(std::string_view text);
  // The Print event alone, for a caller that made the scheduling point itself (the script layer
  // makes it with its interpreter lock released, then records the line). `to_stderr`: a line of
  // the error stream (flags = kPrintStderr).
  void emit_print(std::string_view line, bool to_stderr = false);
  // Tasks started and not yet exited, main included (Go's runtime.NumGoroutine). Not a sched
  // point.
  std::size_t alive_tasks() const noexcept;
  void set_line(std::uint32_t line) noexcept;  // the current task's script line
  std::uint32_t line() const noexcept;
  std::uint64_t rand_u64() noexcept;  // the run's data RNG (seeded from seed; deterministic)
  bool aborting() const noexcept;

  // Emits the Panic event (text = message) for the current task and throws Panic{message}
  // with reported = true. Primitives use it for Go's runtime panics.
  [[noreturn]] void raise_panic(const std::string& message);

  // Emits an event for the current task (task, t, seq and line filled in). Cheap; lock-free.
  // Outside a task (timer context) task = 0. Line is kept when e.line != 0.
  Seq emit(Event e);
  // Emits on behalf of another task (its last line is used).
  Seq emit_for(Task* t, Event e);
  ObjId new_object_id() noexcept;
  StrId intern(std::string_view s);
  // Emits `kind` about object `obj` with the kind's arg and aux (sim/event.h): what most
  // operations of the primitives emit.
  Seq emit_op(EventKind kind, ObjId obj, std::int64_t arg = 0, std::int64_t aux = 0) {
    return emit(object_event(kind, obj, arg, aux));
  }
  // Introduces object `obj` to the stream, as each is before any event names it: its make event
  // `kind` with `name` as its text, and the kind's arg and aux.
  Seq emit_make(EventKind kind, ObjId obj, std::string_view name, std::int64_t arg = 0,
                std::int64_t aux = 0) {
    Event e = object_event(kind, obj, arg, aux);
    e.text = intern(name);
    return emit(e);
  }
  // The event emit_op and emit_make start from.
  static Event object_event(EventKind kind, ObjId obj, std::int64_t arg, std::int64_t aux) {
    Event e;
    e.kind = kind;
    e.obj = obj;
    e.arg = arg;
    e.aux = aux;
    return e;
  }

  // ---- the parking API (for primitives) ------------------------------------------------------
  // Park the current task. `unlock` is called after the task is marked parked and the
  // TaskBlock event emitted, and must release the object lock the caller holds (like gopark's
  // unlockf): then a waker may ready it. Returns when readied. Throws Aborted on teardown.
  // A primitive that queued a waiter parks with park_queued() below, not with this.
  void park(BlockReason reason, ObjId obj, const std::function<void()>& unlock, Nanos arg = 0);
  // Make a parked task runnable; `via` is the object through which. Emits TaskUnblock with
  // peer = the current task (0 from a timer). Safe from any task thread or the timer context.
  void ready(Task* t, ObjId via);
  // ready() in two steps, so a waker can emit events on the woken task's behalf after its
  // TaskUnblock while still holding the object lock, and post only after unlocking:
  //   mark_ready(t, via) under the lock (emits TaskUnblock), then wake(t) after unlocking.
  // A task woken by teardown is not parked any more: mark_ready is then a no-op.
  void mark_ready(Task* t, ObjId via);
  void wake(Task* t);
  // wake() without asking TaskHooks::defer_wake: what that hook calls for the tasks it deferred.
  void wake_now(Task* t);

  // Park, and unqueue if aborted: what every primitive does once it has put its waiter(s) on
  // its wait queue(s) with its lock(s) held. Parks (park() releases `locks` once the task is
  // parked); woken, returns with `locks` released (the waker took the waiter off its queue).
  // Torn down, park() throws Aborted: then the waiter, which lives on this task's unwinding
  // stack, must not stay queued, so `locks` are taken again, `unqueue()` runs with them held,
  // they are released and Aborted is rethrown. `locks` is anything with lock()/unlock(): a
  // HostLock (checked by the analysis: the caller's lock is released on return), or a set of
  // objects' locks (select, all()).
  template <typename Unqueue>
  void park_queued(HostLock& lk, BlockReason reason, ObjId obj, Unqueue&& unqueue, Nanos arg = 0)
      RDV_RELEASE(lk) RDV_NO_THREAD_SAFETY_ANALYSIS {
    park_queued_impl(lk, reason, obj, unqueue, arg);
  }
  template <typename Locks, typename Unqueue>
  void park_queued(Locks& locks, BlockReason reason, ObjId obj, Unqueue&& unqueue, Nanos arg = 0) {
    park_queued_impl(locks, reason, obj, unqueue, arg);
  }

  // Timers (sleep, after, ticker, context deadlines). `fire` runs in timer context (no current
  // task; it must not park): in controlled mode on the scheduler when the clock reaches `when`,
  // in live mode on the timer thread.
  using TimerId = std::uint64_t;
  TimerId add_timer(Nanos when, std::function<void()> fire);
  bool cancel_timer(TimerId id);  // false if it fired already

  // The policy's RNG for select in controlled mode (recorded in the schedule); a per-run RNG
  // in live mode. Returns an index in [0, n).
  std::size_t choose_case(std::size_t n);
  // Same, choosing among the given case indexes (increasing); returns one of them. This is
  // what select uses: the schedule records the case index itself.
  std::uint32_t choose_case(std::span<const std::uint32_t> ready);

  // Name of an object from its *Make event's text ("" when it had none).
  std::string object_name(ObjId obj) const;

 private:
  template <typename Locks, typename Unqueue>
  void park_queued_impl(Locks& locks, BlockReason reason, ObjId obj, Unqueue& unqueue,
                        Nanos arg) RDV_NO_THREAD_SAFETY_ANALYSIS {
    bool released = false;  // park() released the locks (it does before it can throw Aborted)
    try {
      park(
          reason, obj,
          [&]() RDV_NO_THREAD_SAFETY_ANALYSIS {
            locks.unlock();
            released = true;
          },
          arg);
    } catch (const Aborted&) {
      if (released) locks.lock();
      unqueue();
      locks.unlock();
      throw;
    }
  }

  void report_line(Task* self);  // TaskAt when self's line is not the stream's (event.h)

  struct Impl;
  RunConfig config_;
  EventLog& log_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rdv::sim
