// ui/explorer_panel.h — the Explorer tab (Center slot): run the open scenario under many
// schedules (explore/), watch the outcomes pile up, and open the recorded trace of any outcome or
// output in the timeline to step through it.
//
//   ┌ Explorer ─────────────────────────────────────────────────────────────────┐
//   │ 4.2c-deadlock-lock-order.lua   expects "may deadlock"                     │
//   │ Policy [random v] Schedules [1000] Jobs [2] Seed [1]   [ Explore ]        │
//   │ [##############################          ] 734 / 1000 · 2,210 schedules/s  │
//   │ Outcomes                                                                  │
//   │   ok        ██████████████           448  61%                             │
//   │   deadlock  █████████                286  39%   [Open first deadlock]     │
//   │ Distinct outputs (2)                                                      │
//   │   ███████  448  "a then b"                                    [Open]      │
//   └───────────────────────────────────────────────────────────────────────────┘
//
// Threads: an exploration runs on its own thread (ExplorationJob), which runs explore::explore
// with `jobs` worker threads of its own; the UI thread only copies the latest Tally under a
// mutex each frame, so a frame never waits on a run. Stop (the button, or any scenario or trace
// being opened: Controller::add_open_listener) sets a flag explore polls between runs.
//
// Where traces go: the first failure of each kind is written by the exploration itself to
// `<tmp>/rendezvous` (as `rendezvous explore` does); the trace of an ok outcome or of a
// distinct output is recorded on demand (one replay of its schedule) when it is opened.
// Opening goes through FileActions::open, the same path as File ▸ Open.
//
// ExplorerState is the panel's logic without ImGui or threads (tested headless): feed it
// tallies and the final summary; it gives the histogram rows and what each row opens.
#pragma once

#include "explore/explore.h"
#include "ui/shell.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace rdv::ui {

class Controller;
class FileActions;

struct ExplorerSettings {
  sim::PolicyKind policy = sim::PolicyKind::Random;
  int schedules = 1000;  // random/pct: runs; exhaustive: the cap
  int depth = 2;         // pct
  int preemptions = 2;   // exhaustive
  int jobs = 2;
  int seed = 1;
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

class ExplorerPanel : public Panel {
 public:
  ExplorerPanel(Controller& controller, FileActions& files);
  ~ExplorerPanel() override;
  const char* title() const override { return "Explorer"; }
  Slot slot() const override { return Slot::Center; }
  void draw() override;

  // - Starts exploring the open scenario (or the open trace's script) with `settings`; false
  //   when nothing is open.
  bool start(const ExplorerSettings& settings);
  void stop();
  // - Folds in what the job reported; called by draw() each frame it is visible.
  void poll();
  // - For --screenshot and tests: waits for the exploration to end and folds it in.
  void wait();
  // - Opens the trace of an outcome / an output row (recording it first when needed) through
  //   File ▸ Open's path. False with `error` set when there is none or it cannot be written.
  bool open_outcome(explore::Kind kind, std::string* error);
  bool open_output(std::size_t row, std::string* error);
  // - For --explore N with --screenshot and tests: explores `schedules` random schedules of the
  //   open scenario to the end, opens the first failure's trace (if any), and returns one line:
  //   "explorer: <file>: N schedules: ok A, deadlock B, ...; D distinct outputs; opened TRACE
  //   (outcome deadlock)".
  std::string explore_and_open(int schedules);

  const ExplorerState& state() const { return state_; }
  ExplorerSettings& settings() { return settings_; }
  // Where traces go: <tmp>/rendezvous, as for `rendezvous explore`.
  static std::string trace_dir();

 private:
  bool open_target(const ExplorerState::Target& t, std::string* error);
  void draw_controls();
  void draw_histogram(const char* id, const std::vector<HistogramRow>& rows, bool outputs);

  Controller& controller_;
  FileActions& files_;
  ExplorerSettings settings_;
  ExplorerState state_;
  std::unique_ptr<ExplorationJob> job_;
  // What was explored (kept for recording traces on demand after another file is opened).
  std::string path_, source_;
  explore::Options options_;
  bool opening_ = false;  // our own open_trace: do not count it as "another file was opened"
  std::string message_;   // last open error or stop reason
};

}  // namespace rdv::ui
