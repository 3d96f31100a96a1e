// session/controller.h — the current run and the commands that drive it (design.md §1).
//
// The controller owns one run at a time: the script is started through the script layer's
// in-process API (script/run.h) on the runtime's own threads, writing into a sim::EventLog.
// Every frame, update() appends the newly committed events to the Model and moves the view's
// cursor. The UI thread never waits on the runtime and never reads a primitive.
//
// Modes of watching:
//  - controlled (random / pct / rr): the run executes ahead at full speed; Step and Run move
//    the cursor through the recorded events; Step this task moves it to that task's next event.
//  - interactive ("you are the scheduler"): the run waits at each choice; candidates() lists the
//    runnable tasks and pick() answers. The cursor follows the newest event.
//  - live: tasks run in parallel in real time (slowed by the time scale); the cursor follows.
//  - a loaded trace: the same model, no run behind it.
//
// Requests (Request… in style.md §4) may be made at any time; those that change how a run is
// made (mode, policy, seed, preemption, the script) take effect by restarting the run.
//
// Example (UI thread):
//   Controller c;
//   c.open_script("2.1.lua", source);          // starts a run
//   each frame: c.update(dt); draw(c.model(), c.state(), c.view());
//   on Space: c.request_toggle_run();
#pragma once

#include "model/model.h"
#include "session/view_state.h"
#include "sim/runtime.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace rdv::script {
class ScriptRun;
}  // namespace rdv::script

namespace rdv::session {

using sim::PolicyKind;

// How the next run is made.
struct RunSettings {
  sim::Mode mode = sim::Mode::Controlled;
  PolicyKind policy = PolicyKind::Random;  // Random, Pct, RoundRobin or Interactive
  std::uint64_t seed = 1;
  sim::Preempt preempt = sim::Preempt::Sync;
  float time_scale = 0.25f;  // live: virtual ms per wall ms
  int pct_depth = 3;
  // A Go _test.go file: the test the run runs (one of Controller::tests()); "" runs them all,
  // in the file's order, as go test -v.
  std::string test;
  // The run's event limit (`--max-events`); its memory cap grows with it
  // (sim::default_memory_cap).
  std::uint64_t max_events = sim::RunConfig::kDefaultMaxEvents;
  // The wall-clock time a run may take, in seconds (`--limit-wall`, Run > Time limit). Not
  // applied while you are the scheduler: a run waiting for your pick is not running.
  std::int64_t wall_limit_s = sim::RunConfig::kDefaultMaxWall / 1'000'000'000;
  static constexpr std::int64_t kMaxWallLimitS = std::int64_t{30} * 24 * 3600;
  // The CPU time a run's tasks may use together, in seconds (`--limit-cpu`, Run > CPU limit).
  // Applied in every mode: a run waiting for your pick uses none.
  std::int64_t cpu_limit_s = sim::RunConfig::kDefaultMaxCpu / 1'000'000'000;
  // The CPU time any one task may use, in seconds (`--limit-task-cpu`, Run > Task CPU limit);
  // 0: no limit per task.
  std::int64_t task_cpu_limit_s = 0;
};

// Where the current model came from.
enum class Source : std::uint8_t { None, Script, Trace };

class Controller {
 public:
  Controller();
  ~Controller();  // aborts the run and joins its threads
  Controller(const Controller&) = delete;
  Controller& operator=(const Controller&) = delete;

  // ---- documents ----------------------------------------------------------------------------
  // - Runs `source` (named `chunkname` in messages) with settings(); the previous run is
  //   aborted. `path` is remembered for traces and the window title.
  void open_script(std::string path, std::string chunkname, std::string source);
  // - Loads a recorded trace (false with "file:line: why" in `error`).
  bool open_trace(const std::string& path, std::string* error);
  // - Writes the current run's events as a .rdv.jsonl trace (false with the reason).
  bool save_trace(const std::string& path, std::string* error) const;
  // - Calls `fn` on the UI thread after each open_script / open_trace (e.g. the explorer stops
  //   exploring the scenario that was open). Called only from those two functions.
  void add_open_listener(std::function<void()> fn) { open_listeners_.push_back(std::move(fn)); }

  // ---- requests -------------------------------------------------------------------------------
  void request_reset();  // abort and restart the same script, same settings (seed kept)
  void request_run();    // play: the cursor advances by itself (controlled) / follows (live)
  void request_pause();
  void request_toggle_run();
  void request_step();                  // one event (interactive: let the current task go on)
  void request_step_task(sim::TaskId);  // to that task's next event (interactive: pick it)
  void request_run_to_end();
  bool request_pick(sim::TaskId);  // interactive: this task takes the next step
  // Time travel (every panel draws the state at the cursor, so they all move together):
  // - request_seek: show the state after the first n events (clamped to what is recorded so
  //   far); pauses, and stops following a live or interactive run until End / Run to end.
  // - request_step_back: one event back (pauses).
  // - request_go_to_selected: the state just after view().selected; false when none.
  // Step (request_step) after going back moves the cursor forward through what is recorded,
  // also in interactive mode; at the newest event it follows the run again.
  void request_seek(std::size_t n);
  void request_step_back();
  bool request_go_to_selected();
  void request_roll_seed();  // a new random seed, then reset
  // - Applies changed settings by restarting the run (seed, mode, policy, preemption).
  void apply_settings(const RunSettings& s);

  // ---- each frame -----------------------------------------------------------------------------
  // - Ingests what the run committed since the last call (at most a bounded number of events
  //   per call, so a frame stays short), notices the end of the run, moves the cursor.
  void update(double dt_seconds);

  // ---- queries --------------------------------------------------------------------------------
  const model::Model& model() const { return *model_; }
  const model::State& state() const { return cursor_->state(); }  // at view().cursor
  ViewState& view() { return view_; }
  const ViewState& view() const { return view_; }
  const RunSettings& settings() const { return settings_; }
  Source source_kind() const { return source_kind_; }
  const std::string& path() const { return path_; }
  const std::string& chunkname() const { return chunkname_; }
  const std::string& script() const { return script_; }  // the text being run
  // The tests of the script when it is a Go _test.go file, in its order (settings().test picks
  // one); empty for any other script and for a trace.
  const std::vector<std::string>& tests() const { return tests_; }
  bool run_active() const;  // a run exists and has not ended
  bool run_ended() const;   // the run ended (or a trace is loaded) and every event is in
  bool at_end() const { return run_ended() && view_.cursor >= model_->size(); }
  // Interactive: the runnable tasks the person may pick now (empty otherwise).
  std::vector<sim::TaskId> candidates() const;
  sim::TaskId current_task() const;  // interactive: the task that was running
  bool interactive() const;
  // How the run ended, for people (deadlock report with every blocked task, panic traceback,
  // leak warning, script error); "" while running or after a clean end.
  const std::string& diagnostics() const { return diagnostics_; }
  // Line the run's error points at in the script (syntax error, panic, limit); 0 if none.
  std::uint32_t error_line() const { return error_line_; }
  const std::string& status() const { return status_; }  // last message for the status line

  // ---- for --screenshot and tests -------------------------------------------------------------
  // - Blocks until the run has ended (or `timeout`), ingests every event. True when it ended.
  bool finish_blocking(std::chrono::milliseconds timeout);

 private:
  void start_run();
  void stop_run();
  void reset_model();
  void on_run_ended();

  RunSettings settings_;
  ViewState view_;
  Source source_kind_ = Source::None;
  std::string path_, chunkname_, script_;
  std::vector<std::string> tests_;
  std::unique_ptr<model::Model> model_;
  std::unique_ptr<model::Cursor> cursor_;
  // The run (declared after the log it writes into, so it is destroyed first).
  std::unique_ptr<sim::EventLog> log_;
  std::shared_ptr<sim::InteractivePolicy> interactive_;
  // shared_ptr: its deleter is bound where the run is made, so builds without the script layer
  // (where ScriptRun stays incomplete) can still hold an empty one.
  std::shared_ptr<script::ScriptRun> run_;
  // An ended run is finished (its report) and destroyed (thousands of task threads joined, a
  // large Lua heap freed: seconds for a hostile script) on a thread of its own; update() only
  // polls it, so the frame loop never waits for that. stop_run() joins it.
  struct Reaper;
  std::shared_ptr<Reaper> reaper_;
  bool ended_ = false;  // the run ended and its report was taken
  std::string diagnostics_;
  std::uint32_t error_line_ = 0;
  std::string status_;
  sim::TaskId step_task_ = 0;  // Step this task: waiting for its next event to be recorded
  std::vector<std::function<void()>> open_listeners_;
};

}  // namespace rdv::session
