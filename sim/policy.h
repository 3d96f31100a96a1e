// sim/policy.h — who runs next in controlled mode, and which ready case a select takes.
//
// Every nondeterministic choice of a controlled run goes through the run's Policy:
//  - pick_task(candidates, current): at each scheduling decision. `candidates` are the runnable
//    tasks sorted by id (never empty); `current` is the task that was running when it is still
//    runnable (a sched point), else 0 (it parked or exited). Return one of the candidates, or 0
//    to stop the run (Outcome::Aborted). Throw PolicyError when the policy cannot go on (replay
//    diverged): the run ends with Outcome::Error and that message.
//  - pick_case(ready): a select with several ready cases; `ready` holds their case indexes in
//    increasing order (size >= 2). Return one of them.
//  - on_spawn(task): a task was created (pct draws its priority here).
//
// The runtime records every choice made among >= 2 options in RunResult::schedule (a task choice
// as the chosen TaskId, a case choice as the case index); replay(schedule) reproduces the run.
// A policy object serves one run at a time (pick_* are called by the run's baton holder only).
//
// Example:
//   RunConfig cfg; cfg.policy = make_pct(/*seed=*/7, /*depth=*/3, /*expected_steps=*/200);
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "sim/event.h"
#include "sim/lock.h"

namespace rdv::sim {

struct PolicyError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Policy {
 public:
  virtual ~Policy() = default;
  virtual TaskId pick_task(std::span<const TaskId> candidates, TaskId current) = 0;
  virtual std::uint32_t pick_case(std::span<const std::uint32_t> ready) = 0;
  virtual void on_spawn(TaskId) {}
  // Called by Runtime::abort() from any thread while the run goes on: a pick_task that waits
  // must return 0 promptly (and every later one too).
  virtual void interrupt() {}
  virtual const char* name() const noexcept = 0;  // "random", "pct", "rr", "replay", "interactive"
};

// splitmix64's finaliser: a bijective mix, so nearby inputs (seeds s and s+1, or a seed and a
// task id) give unrelated outputs. Used to derive independent RNG streams from a run's seed.
constexpr std::uint64_t mix64(std::uint64_t z) noexcept {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// A small deterministic RNG (splitmix64): same seed, same sequence on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed = 1) noexcept : s_(seed) {}
  std::uint64_t next() noexcept {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n), n > 0 (Lemire's multiply-shift; the tiny bias is irrelevant here).
  std::size_t below(std::size_t n) noexcept {
    __extension__ using U128 = unsigned __int128;
    return static_cast<std::size_t>((static_cast<U128>(next()) * n) >> 64);
  }

 private:
  std::uint64_t s_;
};

// The policies by name: what the command line, the app's menus, the explorer and a trace's
// header call them. random, pct and rr are made from a seed (make_policy); interactive is the
// InteractivePolicy below; replay needs a recorded schedule (make_replay); exhaustive is the
// explorer's search (explore/), which replays each schedule it enumerates.
enum class PolicyKind : std::uint8_t { Random, Pct, RoundRobin, Interactive, Replay, Exhaustive };
const char* to_string(PolicyKind) noexcept;  // "random", "pct", "rr", "interactive", "replay",
                                             // "exhaustive" (stable: written in traces)
bool parse_policy(std::string_view, PolicyKind*) noexcept;

// The steps a run is expected to take, which spreads pct's change points when nobody knows
// better (the explorer measures it).
inline constexpr std::uint64_t kPctExpectedSteps = 1000;

// A new policy of `kind` for one run: Random, Pct (`depth`, kPctExpectedSteps) or RoundRobin.
// nullptr for the kinds that need more than a seed (Interactive, Replay, Exhaustive).
std::shared_ptr<Policy> make_policy(PolicyKind kind, std::uint64_t seed, int depth);

// Uniformly random runnable task at each decision, uniformly random ready case.
std::shared_ptr<Policy> make_random(std::uint64_t seed);
// Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): each task gets a random
// priority at spawn; the highest-priority runnable task runs; at depth-1 change points drawn
// uniformly in [1, expected_steps] the running task's priority drops below all initial ones.
// Finds any bug of depth d with probability >= 1/(n * k^(d-1)).
std::shared_ptr<Policy> make_pct(std::uint64_t seed, int depth, std::uint64_t expected_steps);
// The next runnable task after the current one in id order (wrapping): every sched point
// switches when another task can run. Select: a uniformly random ready case (as Go's select,
// whatever the scheduler), drawn from `seed`.
std::shared_ptr<Policy> make_round_robin(std::uint64_t seed);
// Replays a recorded RunResult::schedule; throws PolicyError on divergence.
std::shared_ptr<Policy> make_replay(std::vector<std::uint32_t> schedule);

// The person is the scheduler: the run thread waits in pick_task until the UI calls choose()
// (or interrupt()/cancel()). Thread-safe. Select choices come from a seeded RNG.
//
// Example (UI thread, each frame):
//   if (auto c = policy->candidates(); !c.empty() && clicked) policy->choose(c[row]);
class InteractivePolicy final : public Policy {
 public:
  // ask_when_single: also wait when only one task can run (step mode).
  explicit InteractivePolicy(std::uint64_t seed, bool ask_when_single = false);

  // ---- UI side ----
  std::vector<TaskId> candidates() const;  // empty unless the run waits for a choice
  TaskId current() const;                  // the task that was running (0 if it blocked)
  std::uint64_t requests() const;          // count of decisions asked so far (changes per ask)
  bool choose(TaskId t);                   // false when t is not a candidate (or no question)
  void cancel() { interrupt(); }           // the run ends as Aborted

  // ---- Policy ----
  TaskId pick_task(std::span<const TaskId> candidates, TaskId current) override;
  std::uint32_t pick_case(std::span<const std::uint32_t> ready) override;
  void interrupt() override;
  const char* name() const noexcept override { return "interactive"; }

 private:
  // pick_task waits on cv_ with the runtime's scheduler lock held (runtime.h): mu_ comes after
  // it, and the UI side never takes the scheduler lock while holding mu_.
  mutable HostMutex mu_;
  std::condition_variable cv_;                          // with mu_: a choice was made or cancelled
  std::vector<TaskId> candidates_ RDV_GUARDED_BY(mu_);  // the open question; empty when none
  TaskId current_ RDV_GUARDED_BY(mu_) = 0;
  TaskId chosen_ RDV_GUARDED_BY(mu_) = 0;
  std::uint64_t requests_ RDV_GUARDED_BY(mu_) = 0;
  bool cancelled_ RDV_GUARDED_BY(mu_) = false;
  const bool ask_when_single_;
  Rng rng_ RDV_GUARDED_BY(mu_);
};

}  // namespace rdv::sim
