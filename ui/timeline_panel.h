// ui/timeline_panel.h — one lane per task across time, coloured by state (the Tasks panel's
// colours), arrows from each send to the receive it met, close -> woken receivers, cancel ->
// cancelled contexts, spawn lines, markers for notes, panics and the deadlock, and a line at the
// cursor (design.md §8, the bottom pane).
//
// - Layout comes from timeline_layout.h (prepare: binary search + folding); this file only draws
//   the prepared lists and handles input.
// - Wheel: zoom around the mouse (over the lane names: scroll the lanes). Drag: pan. Left/Right
//   arrows pan, Up/Down zoom, Home fits all. Hover: the span's state, object, times and source
//   line. Click a span: the cursor goes to the event that started it and its task is focused in
//   every panel; click a folded block: zoom into it.
// - While nobody has zoomed or panned, the view fits the whole run as it grows.
#pragma once

#include "ui/controller.h"
#include "ui/shell.h"
#include "ui/timeline_layout.h"

#include <cstddef>

namespace rdv::ui {

// The timeline's own view state (apart from the model).
struct TimelineView {
  timeline::Axis axis = timeline::Axis::EventOrder;  // a controlled run's zero-time steps get room
  timeline::Window window;
  bool fitted = true;          // follow the whole run until the user zooms or pans
  bool dragged = false;        // the press being released was a drag (pan), not a click
  std::size_t first_lane = 0;  // lanes scrolled off the top
  std::size_t seen_size = 0;   // model size at the last frame (a reset refits)
  const void* seen_model = nullptr;
};

class TimelinePanel : public Panel {
 public:
  explicit TimelinePanel(Controller& controller) : controller_(controller) {}
  const char* title() const override { return "Timeline"; }
  Slot slot() const override { return Slot::Timeline; }
  void draw() override;
  void draw_view_menu() override;

 private:
  void set_axis(timeline::Axis axis);
  Controller& controller_;
  TimelineView view_;
  timeline::ArrowIndex arrows_;
};

}  // namespace rdv::ui
