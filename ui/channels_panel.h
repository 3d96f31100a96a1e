// ui/channels_panel.h — every channel drawn as its ring buffer: senders waiting (with the values
// they hold) on the left, the buffer's slots with their values in the middle (the next value to
// be received on the right), receivers waiting on the right; len/cap, open or closed, the tasks
// waiting in a select on it. The channel touched by the event at the cursor is highlighted with
// what happened ("worker sent 42 → main", a hand-off).
#pragma once

#include "session/controller.h"
#include "ui/shell.h"

namespace rdv::ui {

class ChannelsPanel : public ControllerPanel {
 public:
  explicit ChannelsPanel(session::Controller& controller)
      : ControllerPanel(controller, "Channels", Slot::Center) {}
  void draw() override;
  void draw_view_menu() override;

 private:
  bool show_internal_ = false;  // timer channels and contexts' done() channels
};

}  // namespace rdv::ui
