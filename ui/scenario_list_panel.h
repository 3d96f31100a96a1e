// ui/scenario_list_panel.h — the scenario browser's list: chapter, title and concept per file.
//
// - Clicking a row (or Up/Down while the list has focus) selects that scenario in the Browser.
// - The filter matches title, chapter, concept and file name, case-insensitively.
#pragma once

#include "session/scenario_catalog.h"
#include "ui/shell.h"

#include <string>

namespace rdv::ui {

struct ScenarioListViewState {
  std::string filter;              // the search box's text
  bool scroll_to_selected = true;  // bring the selection into view on the next frame
};

class ScenarioListPanel : public PlacedPanel {
 public:
  explicit ScenarioListPanel(session::Browser& browser)
      : PlacedPanel("Scenarios", Slot::Scenarios), browser_(browser) {}
  void draw() override;

 private:
  session::Browser& browser_;
  ScenarioListViewState view_;
};

// True when `entry` matches the filter text (empty matches everything).
bool matches_filter(const session::ScenarioEntry& entry, const std::string& filter);

}  // namespace rdv::ui
