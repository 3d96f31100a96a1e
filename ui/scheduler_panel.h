// ui/scheduler_panel.h — "You are the scheduler" (the interactive policy), as in The Deadlock
// Empire: a strip under the toolbar listing the runnable tasks; clicking one lets it take the
// next step. Also shows the exercise's goal (from the scenario header's `expect`) and what to
// watch. Draws nothing unless the policy is interactive.
#pragma once

#include "session/controller.h"
#include "session/scenario_catalog.h"

namespace rdv::ui {

class SchedulerStrip {
 public:
  SchedulerStrip(session::Controller& controller, const session::Browser& browser)
      : controller_(controller), browser_(browser) {}
  void draw();

 private:
  session::Controller& controller_;
  const session::Browser& browser_;
};

}  // namespace rdv::ui
