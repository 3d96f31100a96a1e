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
// The panel's logic without ImGui (ExplorerState, ExplorationJob) is in session/explorer_state.h.
#pragma once

#include "session/explorer_state.h"
#include "ui/shell.h"

#include <memory>
#include <string>
#include <vector>

namespace rdv::session {
class Controller;
}

namespace rdv::ui {

class FileActions;

class ExplorerPanel : public Panel {
 public:
  ExplorerPanel(session::Controller& controller, FileActions& files);
  ~ExplorerPanel() override;
  const char* title() const override { return "Explorer"; }
  Slot slot() const override { return Slot::Center; }
  void draw() override;

  // - Starts exploring the open scenario (or the open trace's script) with `settings`; false
  //   when nothing is open.
  bool start(const session::ExplorerSettings& settings);
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

  const session::ExplorerState& state() const { return state_; }
  session::ExplorerSettings& settings() { return settings_; }
  // Where traces go: <tmp>/rendezvous, as for `rendezvous explore`.
  static std::string trace_dir();

 private:
  bool open_target(const session::ExplorerState::Target& t, std::string* error);
  void draw_controls();
  void draw_histogram(const char* id, const std::vector<session::HistogramRow>& rows, bool outputs);

  session::Controller& controller_;
  FileActions& files_;
  session::ExplorerSettings settings_;
  session::ExplorerState state_;
  std::unique_ptr<session::ExplorationJob> job_;
  // What was explored (kept for recording traces on demand after another file is opened).
  std::string path_, source_;
  explore::Options options_;
  bool opening_ = false;  // our own open_trace: do not count it as "another file was opened"
  std::string message_;   // last open error or stop reason
};

}  // namespace rdv::ui
