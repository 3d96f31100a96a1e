// ui/timeline_panel.h — one lane per task across time, coloured by state (the Tasks panel's
// colours), arrows from each send to the receive it met, close -> woken receivers, cancel ->
// cancelled contexts, spawn lines, markers for notes, panics and the deadlock, and a line at the
// cursor (design.md §8, the bottom pane).
//
// - Layout comes from timeline_layout.h (prepare: binary search + folding); this file only draws
//   the prepared lists and handles input.
// - Rows: one per task; tasks named alike (worker-1 .. worker-N) are gathered under a header row
//   ("worker- ×N") that a click on its name expands or collapses (timeline_layout.h, Rows).
// - Wheel: zoom around the mouse (over the lane names: scroll the rows). Drag: pan. Shift+drag or
//   right-drag: select a range and zoom to it. Keys (with the mouse over the timeline): + / -
//   zoom, Left/Right pan, Up/Down zoom, F or Home fits all. Hover: the span's state, object,
//   times and source line; a marker's text. Click a span: selects the event that started it
//   (ViewState::selected, highlighted in every panel), moves the cursor there and focuses its
//   task; click a folded block: zoom into it.
// - The axis (time / event order) is ViewState::event_axis, shared with the plots.
// - While nobody has zoomed or panned, the view fits the whole run as it grows.
#pragma once

#include "session/controller.h"
#include "session/timeline_layout.h"
#include "ui/shell.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace rdv::ui {

// The timeline's own view state (apart from the model).
struct TimelineView {
  session::timeline::Axis axis =
      session::timeline::Axis::EventOrder;  // a controlled run's zero-time steps get room
  session::timeline::Window window;
  bool fitted = true;          // follow the whole run until the user zooms or pans
  bool dragged = false;        // the press being released was a drag (pan), not a click
  bool selecting = false;      // a shift / right drag is selecting a range to zoom to
  float select_from = 0;       // where that drag started (pixels from the lanes' left edge)
  std::size_t first_lane = 0;  // lanes scrolled off the top
  std::size_t seen_size = 0;   // model size at the last frame (a reset refits)
  const void* seen_model = nullptr;
  // The widest task name, measured once per number of tasks (the label column fits it, within
  // bounds): Go's goroutine names (main.main.func1) must not be cut to main.main.fun.
  std::size_t names_measured = 0;
  float widest_name = 0;
};

class TimelinePanel : public ControllerPanel {
 public:
  explicit TimelinePanel(session::Controller& controller)
      : ControllerPanel(controller, "Timeline", Slot::Timeline) {}
  void draw() override;
  void draw_view_menu() override;
  // Expands (or collapses) every group of tasks (the benchmark draws one lane per task).
  void set_groups_expanded(bool expanded) { rows_.set_all_expanded(expanded); }

 private:
  struct Frame;    // one frame's geometry and input
  struct Hover;    // what the mouse is over
  struct RunWord;  // the last run-wide word drawn
  void set_axis(session::timeline::Axis axis);
  void zoom_by(double anchor, double factor);
  // The steps of draw(), in order.
  void follow_model();
  void draw_toolbar();
  Frame layout();
  void choose_rows(const Frame& f);
  void handle_input(Frame& f);
  void handle_keys();
  void draw_axis(const Frame& f) const;
  void place_labels(const Frame& f);
  void draw_rows(const Frame& f, Hover& hover);
  void draw_group_row(const Frame& f, const session::timeline::Row& row, float y, double end_v);
  void draw_lane(const Frame& f, std::size_t lane, float y, float indent, Hover& hover) const;
  void draw_span(const Frame& f, const model::Segment& sg, float a, float b, float y,
                 std::size_t lane) const;
  void draw_arrows(const Frame& f) const;
  void draw_timer_arrow(const Frame& f, const session::timeline::PreparedArrow& a, float yb,
                        float label_x) const;
  void draw_markers(const Frame& f, Hover& hover) const;
  void draw_run_marker(const Frame& f, const session::timeline::Marker& mk, RunWord& last) const;
  void draw_cancel_label(const Frame& f, const sim::Event& e, float label_x, float y) const;
  void draw_cursor(const Frame& f) const;
  void draw_marker_tooltip(const Frame& f, const session::timeline::Marker& mk) const;
  void draw_item_tooltip(const Frame& f, const Hover& hover) const;
  void click(const Frame& f, const Hover& hover);

  TimelineView view_;
  session::timeline::ArrowIndex arrows_;
  session::timeline::Rows rows_;
  // Reused every frame (no allocation once the view has been drawn at its size).
  session::timeline::Prepared prep_;
  std::vector<std::size_t> lane_tasks_;  // the visible task rows' tasks
  std::vector<std::int32_t> row_lane_;   // visible row -> index into prep_.lanes, -1 header
  std::vector<std::size_t> shown_rows_;  // rows of tasks spawned before the limit (all: whole run)
  std::vector<float> lane_y_;            // prep_.lanes -> top of its row (screen y)
  // The labels drawn over the lanes ("after(1s) fired", "cancel ctx"), placed by place_labels()
  // before the lanes are drawn: a span's label one of them would cover is left out, and one
  // that would cover another is not drawn (its clock or bar, and its tooltip, stay).
  struct Extent {
    float x0, x1;  // screen x
  };
  std::vector<std::vector<Extent>> over_lane_;  // prep_.lanes -> the labels placed over it
  std::vector<float> timer_label_x_;   // prep_.arrows -> a timer label's left edge, NaN: none
  std::vector<float> cancel_label_x_;  // prep_.markers -> a cancel label's left edge, NaN: none
};

}  // namespace rdv::ui
