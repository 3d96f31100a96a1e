// ui/controls_toolbar.h — the run controls under the menu bar (design.md §8), the Run menu and
// the keyboard shortcuts.
//
//   ▶ Run  → Step  Step task  ⇥ Run to end  ↺ Reset │ mode │ policy │ seed [42] ⚄ │ speed │
//   preemption │ event 12 / 40 │ outcome
//   ⏮ ← [══════════●───────────── scrubber ──────────────] → ⏭  Go to selected   event 12: …
//
// - The scrubber (time travel): one position per event recorded so far; click or drag to put
//   every panel in the state after that event, backwards as easily as forwards (the model's
//   snapshots). Markers show notes (dim) and panics, deadlock and the end (red); the part not
//   recorded yet while a run goes on is hatched. Hover names the event there.
// - Every button has a tooltip naming its shortcut: Space run/pause, → step, ← step back,
//   Home start, End run to end (follow), G go to the selected event, R reset, Ctrl+O open,
//   Ctrl+S save trace, Ctrl+E export to Perfetto. Shortcuts are ignored while a text field
//   has the keyboard.
// - Changing mode, policy, seed or preemption restarts the run (the seed is kept by Reset).
#pragma once

#include "session/controller.h"
#include "ui/file_actions.h"

namespace rdv::ui {

class ControlsToolbar {
 public:
  ControlsToolbar(session::Controller& controller, FileActions& files)
      : controller_(controller), files_(files) {}
  // - The toolbar row (call inside the shell's window, under the menu bar).
  void draw();
  // - Items of the Run menu.
  void draw_run_menu();
  // - Space, →, ←, Home, End, G, R, Ctrl+O, Ctrl+S, Ctrl+E. Call once per frame.
  void handle_shortcuts();

 private:
  void draw_scrubber();
  session::Controller& controller_;
  FileActions& files_;
};

}  // namespace rdv::ui
