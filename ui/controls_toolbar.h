// ui/controls_toolbar.h — the run controls under the menu bar (design.md §8), the Run menu and
// the keyboard shortcuts.
//
//   ▶ Run  → Step  Step task  ⇥ Run to end  ↺ Reset │ mode │ policy │ seed [42] ⚄ │ speed │
//   preemption │ event 12 / 40 │ outcome
//
// - Every button has a tooltip naming its shortcut: Space run/pause, → step, R reset,
//   Ctrl+O open, Ctrl+S save trace. Shortcuts are ignored while a text field has the keyboard.
// - Changing mode, policy, seed or preemption restarts the run (the seed is kept by Reset).
#pragma once

#include "ui/controller.h"
#include "ui/file_actions.h"

namespace rdv::ui {

class ControlsToolbar {
 public:
  ControlsToolbar(Controller& controller, FileActions& files)
      : controller_(controller), files_(files) {}
  // - The toolbar row (call inside the shell's window, under the menu bar).
  void draw();
  // - Items of the Run menu.
  void draw_run_menu();
  // - Space, →, R, Ctrl+O, Ctrl+S. Call once per frame.
  void handle_shortcuts();

 private:
  Controller& controller_;
  FileActions& files_;
};

}  // namespace rdv::ui
