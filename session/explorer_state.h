// session/explorer_state.h — the Explorer tab's logic without ImGui (ui/explorer_panel.h draws
// it): the settings, what the histograms show, what each row opens, and the exploration's thread.
//
// - ExplorerState: feed it tallies and the final summary; it gives the histogram rows, the
//   progress and verdict lines, and what each row opens. No threads (tested headless).
// - ExplorationJob: one exploration (explore::explore) on its own thread; the UI thread only
//   copies the latest Tally under a mutex each frame, so a frame never waits on a run.
#pragma once

#include "explore/explore.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace rdv::session {

struct ExplorerSettings {
  sim::PolicyKind policy = sim::PolicyKind::Random;
  int schedules = 1000;  // random/pct: runs; exhaustive: the cap
  int depth = 2;         // pct
  int preemptions = 2;   // exhaustive
  int jobs = 2;
  int seed = 1;
  // The toolbar's preemption mode when the exploration started (ExplorerPanel::start takes it
  // from the controller's settings): its runs and saved traces use it.
  sim::Preempt preempt = sim::Preempt::Sync;
};

// One bar of a histogram.
struct HistogramRow {
  std::string label;  // "deadlock", or an output's lines joined by " / "
  std::uint64_t count = 0;
  double fraction = 0;                     // of the finished runs
  explore::Kind kind = explore::Kind::Ok;  // its colour (an output: the kind of its first run)
  bool can_open = false;  // a schedule is known (the exploration ended and this row occurred)
};

enum class ExplorerPhase : std::uint8_t { Idle, Running, Done, Stopped };

class ExplorerState {
 public:
  // A new exploration of `scenario` (a path; shown by its file name) with `expect` (may be "").
  void begin(std::string scenario, std::string expect, const ExplorerSettings& settings);
  // Progress: the counts so far and the time since begin().
  void feed(const explore::Tally& tally, double seconds);
  // The exploration ended (completed, or stopped early when summary.stopped).
  void finish(explore::Summary summary);

  ExplorerPhase phase() const { return phase_; }
  bool running() const { return phase_ == ExplorerPhase::Running; }
  const std::string& scenario() const { return scenario_; }
  const ExplorerSettings& settings() const { return settings_; }
  std::uint64_t done() const { return tally_.done; }
  std::uint64_t total() const { return tally_.total; }
  double fraction() const;  // of the schedules asked for, 0..1
  double schedules_per_second() const;
  std::uint64_t count(explore::Kind k) const { return tally_.outcomes[explore::kind_index(k)]; }
  std::uint64_t distinct_outputs() const { return tally_.distinct_outputs; }
  // The five outcome classes, always, in kind order (ok, deadlock, panic, leak, error).
  std::vector<HistogramRow> outcome_rows() const;
  // Distinct outputs, most frequent first (ties: first seen first).
  std::vector<HistogramRow> output_rows() const;
  // One line under the progress bar ("734 / 1000 schedules · 2,210/s · 0.3 s", plus
  // "space exhausted" / "stopped"); and after the end, the verdict on the scenario's expect.
  std::string progress_text() const;
  std::string verdict_text() const;  // "" while running
  std::string counts_text() const;   // "ok 3, deadlock 5, panic 0, leak 0, error 0"
  bool verdict_broken() const { return verdict_ && verdict_->broken; }
  const std::optional<explore::Summary>& summary() const { return summary_; }

  // What a row opens (after the end): the schedule to record and a label for its file, or
  // nullopt. `trace` is set when the exploration already wrote it (first failures).
  struct Target {
    std::uint64_t index = 0;
    std::uint64_t seed = 0;
    std::vector<std::uint32_t> schedule;
    std::string label;  // "deadlock", "ok", "output2"
    std::string trace;  // already written, else ""
    explore::Kind kind = explore::Kind::Ok;
  };
  std::optional<Target> outcome_target(explore::Kind k) const;
  std::optional<Target> output_target(std::size_t row) const;  // row of output_rows()

  // The row the person clicked last (-1: none); kept across frames.
  int selected_outcome = -1;
  int selected_output = -1;

 private:
  std::vector<const explore::OutputClass*> sorted_outputs() const;

  ExplorerPhase phase_ = ExplorerPhase::Idle;
  std::string scenario_;
  std::string expect_;
  ExplorerSettings settings_;
  explore::Tally tally_;
  double seconds_ = 0;
  std::optional<explore::Summary> summary_;
  std::optional<explore::Verdict> verdict_;
};

// One exploration on its own thread. The UI thread polls it; it never blocks on it except in
// the destructor (which stops it first) and in wait().
class ExplorationJob {
 public:
  ExplorationJob(std::string path, std::string source, explore::Options options);
  ~ExplorationJob();  // stops and joins
  ExplorationJob(const ExplorationJob&) = delete;
  ExplorationJob& operator=(const ExplorationJob&) = delete;

  void stop() { stop_ = true; }
  bool finished() const { return finished_.load(); }
  // The latest tally (nullopt when none came since the last call).
  std::optional<explore::Tally> take_tally();
  // The summary, once finished (moved out: once).
  std::optional<explore::Summary> take_summary();
  double seconds() const;  // since the start
  // Blocks until it ends (for --screenshot and tests).
  void wait();

 private:
  std::atomic<bool> stop_{false};
  std::atomic<bool> finished_{false};
  std::mutex mu_;  // protects tally_, summary_
  std::optional<explore::Tally> tally_;
  std::optional<explore::Summary> summary_;
  std::chrono::steady_clock::time_point start_;
  std::thread thread_;  // last: started after everything it uses
};

// The outcome an explore::Kind stands for (its colour in the histograms).
sim::Outcome outcome_of(explore::Kind k);
// 12345 -> "12,345".
std::string grouped(std::uint64_t n);

}  // namespace rdv::session
