// sim/task.h — a task's record, its parking semaphore, and the process-wide pool of OS threads
// that tasks run on.
//
// Primitives see a Task only as a pointer to hand to Runtime::ready() and to read id() from;
// the fields are the runtime's (runtime.cpp), guarded as commented.
//
// Threads: created with pthread and a 512 KiB stack (Lua runs on them, so not smaller), reused
// across runs; when a job ends the thread waits for the next one, and idle threads beyond
// kKeepIdle exit. A worker pins itself to the CPU its job asks for (controlled mode keeps a run's
// baton handoffs on one CPU) and unpins for jobs that do not.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "sim/event.h"

namespace rdv::sim {

// A binary semaphore that parks on a futex; post() before wait() is remembered.
// States: 0 empty, 1 posted, 2 a waiter sleeps (post must wake it).
class Parker {
 public:
  // Spins `spin` rounds, then yields the CPU up to `yields` times, before sleeping.
  void wait(int spin, int yields) noexcept;
  // Spins for up to `spin_for` of wall time (the clock read every few rounds), then as wait().
  void wait_spinning(std::chrono::nanoseconds spin_for, int yields) noexcept;
  void post() noexcept;

 private:
  std::atomic<std::uint32_t> state_{0};
};

class Runtime;

class Task {
 public:
  enum class State : std::uint8_t { Runnable, Parked, Exited };

  Task(TaskId id, std::string name, std::function<void()> body)
      : id_(id), name_(std::move(name)), fn(std::move(body)) {}
  TaskId id() const noexcept { return id_; }
  const std::string& name() const noexcept { return name_; }

  // ---- the runtime's fields (runtime.cpp); primitives must not touch them ----
  const TaskId id_;
  const std::string name_;
  std::function<void()> fn;  // the task's body; cleared on its thread when it ends
  Parker parker;             // the task waits here: baton (controlled) or ready (live)
  // Runtime state. Controlled mode: guarded by the scheduler mutex. Live mode: written by the
  // task itself before it parks, read by the detector once every task is parked (seq_cst).
  std::atomic<State> state{State::Runnable};
  std::atomic<BlockReason> reason{BlockReason::None};
  std::atomic<ObjId> obj{0};
  std::atomic<std::uint32_t> line{0};  // the script line the task is at (set_line)
  // The line the stream last gave this task (event.h, "Lines"): when a sched point finds
  // `line` different, the task reports it with TaskAt.
  std::atomic<std::uint32_t> reported_line{0};
  bool announce_run = true;  // controlled: emit TaskRun when it next gets the CPU
  std::uint64_t rng = 0;     // live: this task's select RNG state
  // Live: the CPU this task last resumed on (-1: not yet), written by its own thread, read by
  // tasks deciding how long to spin (Runtime::park); and the task it last woke, its own field.
  std::atomic<int> cpu{-1};
  Task* woke = nullptr;
};

namespace pool {
inline constexpr std::size_t kStackSize = 512 * 1024;
inline constexpr std::size_t kKeepIdle = 64;
// Runs `job` on a pooled thread pinned to `cpu` (-1: any CPU). Throws std::runtime_error when
// no thread can be created.
void submit(std::function<void()> job, int cpu);
// Lets the calling pool thread run on every allowed CPU again (a controlled run's tasks do
// this when torn down, so thousands of them unwind on all CPUs, not on the run's one).
void unpin_self();
// Threads currently alive in the pool (busy + idle); for tests.
std::size_t threads();
// Of those, the threads waiting for a job (a run that ended leaves only idle ones); for tests.
std::size_t idle_threads();
// CPUs this process may run on (sched_getaffinity at first use).
int cpu_count();
// A CPU for a controlled run: rotates over the allowed ones so parallel runs spread out.
int pick_cpu();
// The k-th allowed CPU (k modulo cpu_count()): the explorer gives job k this one.
int nth_cpu(unsigned k);
// Pins the calling thread (not a task thread) to `cpu`, or unpins it (-1): an explorer job
// waits for its runs on the CPU their tasks are pinned to, so that starting a run and learning
// its end are same-CPU handoffs.
void pin_caller(int cpu);
}  // namespace pool

}  // namespace rdv::sim
