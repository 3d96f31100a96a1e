// ui/variables_panel.h — the script's variables at the cursor (VarSet events; the app runs
// scripts with script::RunOptions::track_vars).
//
// - Shared: variables captured by tasks' functions (upvalues; in Go, what goroutine closures
//   capture), with the task and line of the last write; a lost update (a task storing the number
//   another task had just stored) is spelled out under the variable, in red.
// - Globals the script made.
// - Locals: the focused task's, or every task's when none is focused.
// - A dot marks a value written since the previous step, with the value it had before.
// - "mark writes on the timeline" puts a tick on the timeline at each write (ViewState).
// Clicking a variable selects its last write and shows its line in the Source pane.
#pragma once

#include "session/controller.h"
#include "ui/shell.h"

#include <cstddef>

namespace rdv::ui {

class VariablesPanel : public ControllerPanel {
 public:
  explicit VariablesPanel(session::Controller& controller)
      : ControllerPanel(controller, "Variables", Slot::Center) {}
  void draw() override;
  void draw_view_menu() override;

 private:
  std::size_t last_cursor_ = 0;  // the cursor at the previous frame
  std::size_t since_ = 0;        // the cursor before the last move: writes after it are new
};

}  // namespace rdv::ui
