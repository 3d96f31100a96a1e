// explore/explore.h — the explorer: one scenario run under many schedules, the outcomes they
// lead to, and a recorded trace of the first failure of each kind. No UI; the CLI (`rendezvous
// explore`) and the window both drive it.
//
// Invariants:
//  - Every run is isolated: its own Lua universe, its own sim::Runtime and EventLog (run_source).
//    `jobs` runs go at once on their own threads; each run's tasks are pinned to one CPU
//    (RunConfig::cpu = job % CPUs), so a controlled run's baton never crosses CPUs.
//  - Deterministic: random/pct schedule i (0-based) uses seed `seed + i`; the exhaustive search
//    visits prefixes in a fixed order in fixed-size batches. The Summary is the same for any
//    `jobs` (only `seconds` differs).
//  - "First failure of a kind" is the failing schedule with the lowest index, not the first to
//    finish.
//
// Policies:
//  - Random: sim::make_random(seed + i).
//  - Pct: sim::make_pct(seed + i, depth, expected_steps); expected_steps is learned from three
//    calibration runs (random, seeds seed..seed+2, not counted): the most decisions they took.
//  - Exhaustive: every schedule with at most `preemptions` preemptions (CHESS, Musuvathi et al.
//    2008). A preemption is switching away from a task that is still runnable at a sched point;
//    choosing among tasks after the running one blocked or exited is free, and so is a select's
//    choice among ready cases. Depth-first over choice prefixes: each run replays its prefix,
//    then continues without preempting (the running task goes on; after a block, the runnable
//    task with the lowest id; a select takes its first ready case). `schedules` caps the count;
//    Summary::exhausted says whether the whole space was visited. All runs use seed `seed`.
//
// Example:
//   rdv::explore::Options opt;
//   opt.schedules = 1000;
//   opt.jobs = 2;
//   auto s = rdv::explore::explore("scenarios/4.2c-deadlock-lock-order.lua", text, opt);
//   if (s.outcomes[kind_index(Kind::Deadlock)] > 0) puts(s.failures[0].replay_command.c_str());
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/event.h"
#include "sim/memory_budget.h"
#include "sim/policy.h"
#include "sim/result.h"
#include "sim/runtime.h"

namespace rdv::explore {

// Outcome classes of design.md §5. A run that completed with tasks still blocked is a Leak; a
// script error, a limit or anything else that is not ok/deadlock/panic/leak is an Error.
enum class Kind : std::uint8_t { Ok, Deadlock, Panic, Leak, Error };
inline constexpr std::size_t kKinds = 5;
const char* to_string(Kind) noexcept;  // "ok", "deadlock", "panic", "leak", "error"
Kind classify(sim::Outcome) noexcept;
constexpr std::size_t kind_index(Kind k) noexcept {
  return static_cast<std::size_t>(k);
}

// One distinct output (the run's print lines), how often it came, and its first schedule.
struct OutputClass {
  std::uint64_t hash = 0;
  std::uint64_t count = 0;
  std::uint64_t first_index = 0;
  std::vector<std::string> lines;
  // The first schedule (lowest index) that printed it: its outcome, seed and choices, enough to
  // record its trace (record_trace).
  Kind kind = Kind::Ok;
  std::uint64_t seed = 0;
  std::vector<std::uint32_t> schedule;
};

// The counts of the runs finished so far, in finishing order (not yet folded by index, so a
// tally taken mid-way may differ from the final Summary in which schedule came first; the
// counts of the finished runs are exact). `outputs` holds at most kTallyOutputs classes (those
// seen first), without their schedules; `distinct_outputs` counts them all.
inline constexpr std::size_t kTallyOutputs = 32;
struct Tally {
  std::uint64_t done = 0;
  std::uint64_t total = 0;  // schedules asked for (the cap for an exhaustive search)
  std::array<std::uint64_t, kKinds> outcomes{};
  std::vector<OutputClass> outputs;
  std::uint64_t distinct_outputs = 0;
};

struct Options {
  sim::PolicyKind policy = sim::PolicyKind::Random;  // Random, Pct or Exhaustive
  std::uint64_t schedules = 100;  // random/pct: how many runs; exhaustive: the cap
  std::uint64_t seed = 1;         // base seed (see the top of this file)
  int depth = 2;                  // pct
  int preemptions = 2;            // exhaustive
  unsigned jobs = 1;              // runs at once (>= 1)
  // One memory cap for the whole exploration (`--limit-memory`): every run, of every job,
  // charges the same budget (sim/memory_budget.h), so `--jobs 8` does not take eight caps.
  // Null: explore() makes one of memory_cap bytes.
  std::size_t memory_cap = sim::MemoryBudget::kDefaultCap;
  std::shared_ptr<sim::MemoryBudget> budget;
  sim::Preempt preempt = sim::Preempt::Sync;
  // A _test.go file: the test every run runs (--run TestX); empty: all of its tests in order.
  std::string run;
  std::uint64_t max_events = sim::RunConfig::kDefaultMaxEvents;  // per run (`--max-events`)
  sim::Nanos max_wall = sim::RunConfig::kDefaultMaxWall;         // per run (`--limit-wall`)
  sim::Nanos max_cpu = sim::RunConfig::kDefaultMaxCpu;           // per run (`--limit-cpu`)
  sim::Nanos max_task_cpu = 0;  // per task of each run (`--limit-task-cpu`; 0: none)
  // Where the first failure of each kind is written as `<file>.<kind>.seed<S>.rdv.jsonl`;
  // empty: no traces written.
  std::string trace_dir;
  // random/pct: replace each first failure by one of the same kind with as few preemptions as
  // an exhaustive search (bounds 0, 1, ... up to shrink_preemptions, shrink_cap schedules each,
  // the failure's seed) finds; Failure::preemptions says how many it needs.
  bool shrink = false;
  int shrink_preemptions = 3;
  std::uint64_t shrink_cap = 2000;
  // Called after runs finish with (done, total), at most ~200 times per exploration, from a
  // worker thread, serialised. `total` is the cap for an exhaustive search.
  std::function<void(std::uint64_t, std::uint64_t)> on_progress;
  // Polled between runs from any thread: true stops the exploration early (Summary::stopped).
  std::function<bool()> should_stop;
  // Called with the counts so far, at the same moments as on_progress (from a worker thread,
  // serialised): what a live histogram draws. See Tally.
  std::function<void(const Tally&)> on_tally;
};

// The first failing schedule of one kind.
struct Failure {
  Kind kind = Kind::Error;
  std::uint64_t index = 0;              // which schedule (0-based)
  std::uint64_t seed = 0;               // the run's seed
  std::vector<std::uint32_t> schedule;  // its choices (RunResult::schedule)
  std::string message;                  // Go's words (deadlock, panic, ...)
  std::vector<std::string> output;      // its print lines
  std::string trace_path;               // "" when no trace was written
  std::string replay_command;           // "rendezvous replay <trace>" or "rendezvous run ..."
  std::string trace_error;              // why the trace could not be written, else ""
  int preemptions = -1;                 // in `schedule` (counted when shrinking), else -1
  int original_preemptions = -1;        // before shrinking; -1 when not shrunk
};

struct Summary {
  sim::PolicyKind policy = sim::PolicyKind::Random;
  std::uint64_t schedules = 0;  // runs made
  std::array<std::uint64_t, kKinds> outcomes{};
  std::vector<OutputClass> outputs;  // by first_index
  std::vector<Failure> failures;     // the first failure of each kind that occurred, kind order
  std::optional<Failure> first_ok;   // the lowest-index ok schedule (its trace is not written)
  std::uint64_t expected_steps = 0;  // pct: learned from the calibration runs
  bool exhausted = false;            // exhaustive: the whole bounded space was visited
  bool stopped = false;              // should_stop ended it early
  double seconds = 0;                // wall time of the runs

  std::uint64_t count(Kind k) const noexcept { return outcomes[kind_index(k)]; }
  const Failure* first_failure() const noexcept;  // lowest index among failures, or null
};

// Runs the exploration. `path` names the scenario (chunkname = its file name; traces record it).
// Never throws for anything a script does.
Summary explore(const std::string& path, std::string_view source, const Options& options);

// Replays one schedule of an exploration (its seed and choices, as kept in a Failure or an
// OutputClass) once more, recording it, and writes the trace to
// `options.trace_dir/<file>.<label>.seed<S>[.schedule<i>].rdv.jsonl`. Returns the file, or the
// write's Error. This is how the first failure of each kind is written; the UI uses it to
// record the trace of any outcome or output on demand.
Result<std::string> record_trace(const std::string& path, std::string_view source,
                                 const Options& options, std::uint64_t index, std::uint64_t seed,
                                 const std::vector<std::uint32_t>& schedule,
                                 const std::string& label);

// The exhaustive search's policy: replays `prefix` (one entry per choice with >= 2 options,
// as RunResult::schedule), then continues without preempting. Records every choice point, so
// the search can branch on its alternatives. Throws sim::PolicyError when the prefix does not
// fit the run (a scenario that is not deterministic under a fixed schedule).
class PrefixPolicy final : public sim::Policy {
 public:
  struct Point {
    std::vector<std::uint32_t> options;  // candidate task ids or ready case indexes
    std::uint32_t chosen = 0;
    sim::TaskId current = 0;  // task choice: the running task when still runnable, else 0
    bool task = true;         // false: a select's case choice
    int preemptions_before = 0;
  };
  explicit PrefixPolicy(std::vector<std::uint32_t> prefix) : prefix_(std::move(prefix)) {}
  sim::TaskId pick_task(std::span<const sim::TaskId> candidates, sim::TaskId current) override;
  std::uint32_t pick_case(std::span<const std::uint32_t> ready) override;
  const char* name() const noexcept override { return "replay"; }
  const std::vector<Point>& points() const noexcept { return points_; }
  int preemptions() const noexcept { return preemptions_; }  // made so far

 private:
  std::uint32_t choose(std::vector<std::uint32_t> options, std::uint32_t fallback,
                       sim::TaskId current, bool task);
  std::vector<std::uint32_t> prefix_;
  std::vector<Point> points_;
  int preemptions_ = 0;
};

// The children of a run of `prefix_size` replayed choices: for every later choice point, each
// other option whose preemptions stay within `bound`, as a new prefix. In search order.
std::vector<std::vector<std::uint32_t>> branch(const std::vector<PrefixPolicy::Point>& points,
                                               std::size_t prefix_size, int bound);

// ---- expectations ---------------------------------------------------------------------------
//
// A scenario's header may say what exploring it must show: `expect = "..."`:
//   "never deadlocks" / "never panics" / "never leaks"  no schedule ends that way
//   "deadlocks" / "panics" / "leaks"                    every schedule ends that way
//   "may deadlock" / "may panic" / "may leak"           some schedule ends that way
//   "may return early"                                  some schedule leaves tasks behind (a leak)
// Without `expect`, the explorer expects what `run` does: no deadlock, panic or error.
struct Verdict {
  std::string expect;       // as declared ("" when none)
  bool understood = true;   // false: an expectation this explorer does not know
  bool broken = false;      // the exploration contradicts it
  std::string explanation;  // one sentence, e.g. "expected never deadlocks: 12 of 1000 deadlocked"
};

// The `expect` field of a scenario's header ("" when absent or when the header does not parse).
std::string read_expectation(std::string_view source, std::string_view file);
// The scenario header's `preempt` field ("sync" or "line") into *out; false (and *out unchanged)
// when the header has none.
bool read_preempt(std::string_view source, std::string_view file, sim::Preempt* out);
Verdict judge(std::string_view expect, const Summary& summary);

}  // namespace rdv::explore
