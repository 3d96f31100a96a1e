// ui/console_panel.h — the run's output up to the cursor: print lines, notes, panics (with the
// traceback once the run has ended), the deadlock report, leak warnings, and an outcome banner
// in the outcome's colour. Follows the newest line unless scrolled up.
#pragma once

#include "session/controller.h"
#include "session/view_model.h"
#include "ui/shell.h"

#include <functional>
#include <vector>

namespace rdv::ui {

class ConsolePanel : public ControllerPanel {
 public:
  // - `shown(title)`: whether the panel `title` is on screen (Shell::panel_shown), so the
  //   banner names only panes that show the highlight; without it every pane counts as shown.
  explicit ConsolePanel(session::Controller& controller,
                        std::function<bool(const char* title)> shown = {})
      : ControllerPanel(controller, "Console", Slot::Console), shown_(std::move(shown)) {}
  void draw() override;

 private:
  std::function<bool(const char*)> shown_;
  // Cache: the lines for (model, cursor) as last built.
  const model::Model* cached_model_ = nullptr;
  std::size_t cached_size_ = ~std::size_t{0};
  std::size_t cached_cursor_ = ~std::size_t{0};
  std::vector<session::ConsoleLine> lines_;
};

}  // namespace rdv::ui
