// ui/tasks_panel.h — every task with its state (colour + shape), what it waits on by name, its
// line and the time it has spent blocked; the state legend on top. Clicking a task focuses it
// in every panel; in the interactive policy a runnable task's ▶ button picks it.
// Tasks left parked by a deadlock (or leaked at the end) are highlighted.
#pragma once

#include "session/controller.h"
#include "ui/shell.h"

namespace rdv::ui {

class TasksPanel : public ControllerPanel {
 public:
  explicit TasksPanel(session::Controller& controller)
      : ControllerPanel(controller, "Tasks", Slot::Tasks) {}
  void draw() override;
  void draw_view_menu() override;
};

}  // namespace rdv::ui
