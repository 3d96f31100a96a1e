// ui/scenario_panel.h — the selected scenario at a glance: title, chapter, what it teaches, what
// to watch, and how to run it from a terminal. Shown in the centre until a run is open.
#pragma once

#include "session/scenario_catalog.h"
#include "ui/shell.h"

namespace rdv::ui {

class ScenarioPanel : public PlacedPanel {
 public:
  explicit ScenarioPanel(const session::Browser& browser)
      : PlacedPanel("Scenario", Slot::Center), browser_(browser) {}
  void draw() override;

 private:
  const session::Browser& browser_;
};

}  // namespace rdv::ui
