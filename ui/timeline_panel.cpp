// ui/timeline_panel.cpp — the draw phase: walks the lists timeline_layout.cpp prepared.
#include "ui/timeline_panel.h"
#include "ui/text.h"

#include "session/view_model.h"
#include "ui/state_style.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace rdv::ui {

namespace timeline = session::timeline;
using session::event_kind_label;
using session::format_time;
using session::next_line;
using session::object_label;
using session::source_line;
using session::state_label;
using session::ViewState;
using session::visual_state;
using session::VisualState;

namespace {

using timeline::Axis;

constexpr ImU32 kFolded = IM_COL32(110, 116, 128, 255);
constexpr ImU32 kGrid = IM_COL32(255, 255, 255, 22);
constexpr ImU32 kLaneBg = IM_COL32(255, 255, 255, 8);
constexpr ImU32 kFocusBg = IM_COL32(97, 175, 239, 40);
constexpr ImU32 kCursor = IM_COL32(255, 255, 255, 220);
constexpr ImU32 kSendArrow = IM_COL32(235, 235, 235, 230);
constexpr ImU32 kCloseArrow = IM_COL32(209, 154, 102, 230);
constexpr ImU32 kCancelArrow = IM_COL32(224, 108, 117, 230);
constexpr ImU32 kSpawnArrow = IM_COL32(140, 148, 160, 160);
constexpr ImU32 kNote = IM_COL32(229, 192, 123, 255);
constexpr ImU32 kVarWrite = IM_COL32(198, 120, 221, 255);  // a variable written
constexpr ImU32 kTimer = IM_COL32(229, 192, 123, 255);     // a timer firing
constexpr ImU32 kLabelBg = IM_COL32(30, 20, 22, 255);      // opaque: words never sit on a bar

// The smallest window the zoom allows: 10 ns, or 4 events.
double min_span(Axis a) {
  return a == Axis::Time ? 10.0 : 4.0;
}

ImU32 arrow_colour(model::ArrowKind k) {
  switch (k) {
    case model::ArrowKind::Send:
      return kSendArrow;
    case model::ArrowKind::Close:
      return kCloseArrow;
    case model::ArrowKind::Cancel:
      return kCancelArrow;
    case model::ArrowKind::Spawn:
      return kSpawnArrow;
  }
  return kSendArrow;
}

void draw_arrow(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, bool head) {
  dl->AddLine(a, b, col, 1.5f);
  if (!head) return;
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 1.0f) return;
  const float ux = dx / len, uy = dy / len, s = 6.0f;
  dl->AddTriangleFilled(b, ImVec2(b.x - ux * s - uy * s * 0.5f, b.y - uy * s + ux * s * 0.5f),
                        ImVec2(b.x - ux * s + uy * s * 0.5f, b.y - uy * s - ux * s * 0.5f), col);
}

// A folded block's colour: what its task did most there, dimmed (grey where it had finished).
ImU32 folded_colour(const model::Segment& dom) {
  if (dom.state == model::TaskState::Done) return kFolded;
  const ImU32 sc = state_colour(visual_state(dom.state, dom.reason));
  return IM_COL32(((sc >> IM_COL32_R_SHIFT) & 0xff) * 3 / 4,
                  ((sc >> IM_COL32_G_SHIFT) & 0xff) * 3 / 4,
                  ((sc >> IM_COL32_B_SHIFT) & 0xff) * 3 / 4, 255);
}

// A timer's label over its receiver's lane: "after(2.5s) fired" (its channel's name names it).
std::string timer_label(const model::Model& m, const timeline::PreparedArrow& a) {
  std::string fired = object_label(m, a.obj);
  if (fired.rfind("chan ", 0) == 0) fired.erase(0, 5);
  return fired + " fired";
}

// A cancel's label beside its bar: "cancel <context>".
std::string cancel_label(const model::Model& m, const sim::Event& e) {
  return "cancel " + object_label(m, e.obj);
}

// Time and event of a span's start, for the tooltip.
std::string where(const model::Model& m, std::uint32_t seq) {
  return "#" + std::to_string(seq) + " at " + format_time(m.events()[seq].t);
}

}  // namespace

// The last run-wide word drawn ("deadlock", "end"): the next one keeps clear of it.
struct TimelinePanel::RunWord {
  float end = -FLT_MAX;  // its right edge
};

void TimelinePanel::set_axis(Axis axis) {
  if (axis == view_.axis) return;
  view_.window = timeline::convert(controller_.model(), view_.window, view_.axis, axis);
  view_.axis = axis;
  controller_.view().event_axis = axis == Axis::EventOrder;
}

void TimelinePanel::draw_view_menu() {
  bool by_events = view_.axis == Axis::EventOrder;
  if (ImGui::MenuItem("Timeline: event order axis", nullptr, &by_events)) {
    set_axis(by_events ? Axis::EventOrder : Axis::Time);
  }
  if (ImGui::MenuItem("Timeline: fit all", "F")) view_.fitted = true;
  ImGui::MenuItem("Show the whole run (the future too)", nullptr,
                  &controller_.view().reveal_future);
  if (ImGui::MenuItem("Timeline: expand all groups")) rows_.set_all_expanded(true);
  if (ImGui::MenuItem("Timeline: collapse all groups")) rows_.set_all_expanded(false);
}

// One frame's geometry and input: layout() measures it, handle_input() adds what the mouse did,
// and every drawing step reads it.
struct TimelinePanel::Frame {
  Frame(const model::Model& model, ViewState& view) : m(model), shared(view) {}
  const model::Model& m;
  ViewState& shared;
  float em = 0;
  ImVec2 origin, avail, clip_max;  // the drawing area (screen) and its bottom right corner
  float axis_h = 0, lane_h = 0;    // the axis labels' height, a row's height
  float x0 = 0, width = 0;         // where the lanes start (right of the names), their width
  float lanes_top = 0, lanes_bottom = 0;
  std::size_t limit = SIZE_MAX;  // events drawn: the cursor, or all with the whole run shown
  timeline::Params p;            // what prepare() and the axis mapping take
  bool hovered = false;          // the mouse is over the drawing area
  bool released = false;         // a click (or the end of a drag) on it this frame
  bool dragging = false;         // a left drag is panning
  float mx = 0;                  // the mouse's x from the lanes' left edge
  ImDrawList* dl = nullptr;

  // Where a line of text centred in the row at y starts.
  float text_y(float y) const { return y + (lane_h - em) / 2; }
  // Whether the mouse is over the drawing area, in the row at y.
  bool hovering_row(float y) const {
    const float my = ImGui::GetIO().MousePos.y;
    return hovered && my >= y && my < y + lane_h;
  }
};

// What the mouse is over, found while drawing (the first item or marker under it).
struct TimelinePanel::Hover {
  const timeline::Item* item = nullptr;
  const model::Segment* seg = nullptr;  // the item's span, null for a folded block
  std::size_t lane = 0;                 // index into prep_.lanes
  const timeline::Marker* marker = nullptr;
};

void TimelinePanel::draw() {
  follow_model();
  draw_toolbar();
  const model::Model& m = controller_.model();
  if (m.size() == 0 || m.head().tasks.empty()) {
    ImGui::TextDisabled("No events yet.");
    return;
  }
  if (view_.fitted) view_.window = timeline::fit_all(m, view_.axis);
  Frame f = layout();
  if (f.width < 20.0f || f.avail.y < f.axis_h + f.lane_h) return;
  choose_rows(f);
  handle_input(f);

  // Prepare, then draw.
  arrows_.update(m);
  timeline::prepare(m, f.p, lane_tasks_, arrows_, prep_);
  f.dl = ImGui::GetWindowDrawList();
  f.dl->PushClipRect(f.origin, f.clip_max, true);
  f.lanes_bottom = f.lanes_top + f.lane_h * static_cast<float>(row_lane_.size());
  draw_axis(f);
  Hover hover;
  place_labels(f);
  draw_rows(f, hover);
  draw_arrows(f);
  draw_markers(f, hover);
  draw_cursor(f);
  f.dl->PopClipRect();

  // Hover and click.
  if (f.dragging || view_.selecting) return;
  if (hover.marker != nullptr) {
    draw_marker_tooltip(f, *hover.marker);
  } else if (hover.item != nullptr) {
    draw_item_tooltip(f, hover);
    if (f.released && !view_.dragged) click(f, hover);
  }
}

// A new run or a reset refits; the axis follows the plots'.
void TimelinePanel::follow_model() {
  const model::Model& m = controller_.model();
  if (view_.seen_model != &m || m.size() < view_.seen_size) {
    view_.fitted = true;  // a new run or a reset
    view_.first_lane = 0;
    view_.names_measured = 0;  // its tasks are measured again
    view_.widest_name = 0;
  }
  view_.seen_model = &m;
  view_.seen_size = m.size();
  // The axis is shared with the plots: follow it when another panel changed it.
  const ViewState& shared = controller_.view();
  if (const Axis want = shared.event_axis ? Axis::EventOrder : Axis::Time; want != view_.axis) {
    set_axis(want);
  }
}

// The bar: axis toggle and fit-all.
void TimelinePanel::draw_toolbar() {
  const bool live = controller_.model().header().mode == "live";
  if (ImGui::RadioButton(live ? "wall time" : "virtual time", view_.axis == Axis::Time)) {
    set_axis(Axis::Time);
  }
  ImGui::SameLine();
  if (ImGui::RadioButton("event order", view_.axis == Axis::EventOrder)) {
    set_axis(Axis::EventOrder);
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("fit all")) view_.fitted = true;
  ImGui::SameLine();
  ImGui::Checkbox("whole run", &controller_.view().reveal_future);
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "Off: draw only what has happened up to the cursor (predict, then step).\n"
        "On: draw the whole recorded run, the future included.");
  }
  // The mouse hints when they fit on the bar; else a "?" that shows them on hover.
  static constexpr const char* kHints =
      "wheel: zoom  drag: pan  shift/right-drag: zoom to range  +/- F  click: select event";
  ImGui::SameLine();
  if (ImGui::CalcTextSize(kHints).x <= ImGui::GetContentRegionAvail().x) {
    ImGui::TextDisabled("%s", kHints);
  } else {
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", kHints);
  }
}

// The geometry: the label column fits the widest task name (measured once per new task).
TimelinePanel::Frame TimelinePanel::layout() {
  const model::Model& m = controller_.model();
  const model::State& head = m.head();
  Frame f(m, controller_.view());
  f.em = ImGui::GetFontSize();
  f.origin = ImGui::GetCursorScreenPos();
  f.avail = ImGui::GetContentRegionAvail();
  f.clip_max = ImVec2(f.origin.x + f.avail.x, f.origin.y + f.avail.y);
  if (head.tasks.size() < view_.names_measured) {  // back in time: fewer tasks exist
    view_.names_measured = 0;
    view_.widest_name = 0;
  }
  for (std::size_t i = view_.names_measured; i < head.tasks.size(); ++i) {
    const std::string_view name = m.task_name(head.tasks[i].id);
    view_.widest_name = std::max(
        view_.widest_name, ImGui::CalcTextSize(name.data(), name.data() + name.size()).x / f.em);
  }
  view_.names_measured = head.tasks.size();
  // The names, after a group's indent and the colour bar (a group's "stem ×N" after its
  // triangle takes about as much), in em; at least 8, at most 16 em and 30% of the pane (a longer
  // name is cut there; its tooltip has it whole).
  const float label_w =
      std::min(f.em * std::clamp(view_.widest_name + 2.6f, 8.0f, 16.0f), f.avail.x * 0.3f);
  f.axis_h = ImGui::GetTextLineHeight() + 4.0f;
  f.lane_h = std::round(f.em * 1.35f);
  f.x0 = f.origin.x + label_w;
  f.width = f.avail.x - label_w;
  f.lanes_top = f.origin.y + f.axis_h;
  f.limit = f.shared.reveal_future ? SIZE_MAX : f.shared.cursor;
  f.p = timeline::Params{view_.axis, view_.window,        f.width, 3.0f, 12.0f,
                         f.limit,    f.shared.var_markers};
  return f;
}

// Which rows fit vertically: with the future hidden, only tasks spawned before the cursor.
void TimelinePanel::choose_rows(const Frame& f) {
  const model::State& head = f.m.head();
  rows_.update(f.m);
  const std::vector<timeline::Row>& rows = rows_.rows();
  shown_rows_.clear();
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (f.limit >= f.m.size() || head.tasks[rows[r].task_index].spawned < f.limit) {
      shown_rows_.push_back(r);
    }
  }
  // Once the run has deadlocked or ended, its word ("deadlock", "end") goes under the lanes: a
  // line is kept free for it, or it would cover the last lane's labels.
  const std::size_t n = std::min(f.m.size(), f.limit);
  const bool run_word =
      head.deadlock < n || (n > 0 && f.m.events()[n - 1].kind == sim::EventKind::RunEnd);
  const float rows_h = f.avail.y - f.axis_h - (run_word ? f.em + 3 : 0.0f);
  const auto fit_rows = static_cast<std::size_t>(std::max(1.0f, rows_h / f.lane_h));
  view_.first_lane =
      std::min(view_.first_lane, shown_rows_.size() > fit_rows ? shown_rows_.size() - fit_rows : 0);
  const std::size_t row_end = std::min(shown_rows_.size(), view_.first_lane + fit_rows);
  lane_tasks_.clear();
  row_lane_.clear();
  for (std::size_t r = view_.first_lane; r < row_end; ++r) {
    if (rows[shown_rows_[r]].header) {
      row_lane_.push_back(-1);
    } else {
      row_lane_.push_back(static_cast<std::int32_t>(lane_tasks_.size()));
      lane_tasks_.push_back(rows[shown_rows_[r]].task_index);
    }
  }
}

void TimelinePanel::zoom_by(double anchor, double factor) {
  view_.window = timeline::zoom(view_.window, anchor, factor, min_span(view_.axis));
  view_.fitted = false;
}

// Input over the drawing area (a button so dragging does not move the window): the wheel, drags
// and the keys change the window; f.p gets the window to draw.
void TimelinePanel::handle_input(Frame& f) {
  ImGui::SetCursorScreenPos(f.origin);
  f.released =
      ImGui::InvisibleButton("##timeline", ImVec2(f.avail.x, f.avail.y),
                             ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  if (ImGui::IsItemActivated()) view_.dragged = false;
  f.hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  const ImGuiIO& io = ImGui::GetIO();
  f.mx = io.MousePos.x - f.x0;
  if (f.hovered && io.MouseWheel != 0.0f) {
    if (f.mx < 0) {  // over the lane names: scroll the rows
      const auto step = static_cast<std::ptrdiff_t>(io.MouseWheel > 0 ? -1 : 1) * 2;
      const auto next = static_cast<std::ptrdiff_t>(view_.first_lane) + step;
      view_.first_lane = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, next));
    } else {
      zoom_by(std::clamp(f.mx / f.width, 0.0f, 1.0f), std::pow(0.85, io.MouseWheel));
    }
  }
  // Zoom to a selection: shift + left drag, or right drag.
  const bool right_down = active && ImGui::IsMouseDown(ImGuiMouseButton_Right);
  if (active && ImGui::IsItemActivated() && (io.KeyShift || right_down)) {
    view_.selecting = true;
    view_.select_from = std::clamp(f.mx, 0.0f, f.width);
  }
  f.dragging = active && !view_.selecting && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2);
  if (f.dragging && io.MouseDelta.x != 0.0f) {
    view_.dragged = true;
    view_.window = timeline::pan(view_.window, -io.MouseDelta.x / f.width);
    view_.fitted = false;
  }
  if (view_.selecting && !active) {  // released: zoom to the range (a mere click does nothing)
    view_.selecting = false;
    const float to = std::clamp(f.mx, 0.0f, f.width);
    if (std::fabs(to - view_.select_from) >= 3.0f) {
      view_.window = timeline::selection_window(f.p, view_.select_from, to, min_span(view_.axis));
      view_.fitted = false;
    }
    view_.dragged = true;  // not a click
  }
  if (f.hovered) handle_keys();
  if (view_.fitted) view_.window = timeline::fit_all(f.m, view_.axis);
  f.p.window = view_.window;
}

// Keys with the mouse over the timeline.
void TimelinePanel::handle_keys() {
  const ImGuiIO& io = ImGui::GetIO();
  // Left / Right alone step the run (the toolbar); with Shift they pan the timeline.
  if (io.KeyShift && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) {
    view_.window = timeline::pan(view_.window, -0.1), view_.fitted = false;
  }
  if (io.KeyShift && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) {
    view_.window = timeline::pan(view_.window, 0.1), view_.fitted = false;
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) zoom_by(0.5, 0.8);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) zoom_by(0.5, 1.25);
  // Characters (ImGui 1.86 has no key codes for letters and +/-).
  for (const ImWchar ch : io.InputQueueCharacters) {
    if (ch == '+' || ch == '=') zoom_by(0.5, 0.8);
    if (ch == '-' || ch == '_') zoom_by(0.5, 1.25);
    if (ch == 'f' || ch == 'F') view_.fitted = true;
  }
}

// Axis ticks and grid.
void TimelinePanel::draw_axis(const Frame& f) const {
  for (const timeline::Tick& t : timeline::ticks(f.p, f.em * 6.0f)) {
    const float x = f.x0 + t.x;
    f.dl->AddLine(ImVec2(x, f.origin.y + f.axis_h - 4), ImVec2(x, f.lanes_bottom), kGrid);
    // A label that would run past the pane's edge is left out (its grid line stays).
    if (x + 3 + ImGui::CalcTextSize(t.label.c_str()).x <= f.clip_max.x)
      f.dl->AddText(ImVec2(x + 3, f.origin.y), palette::kTextDim, t.label.c_str());
  }
}

// Where the labels over the lanes go, in the order they are drawn: a timer's "fired" left of
// its clock; a cancel's name right of its bar, or left of it where the plot ends (right of it,
// it was cut there). One that would cover a label placed before it is left out.
void TimelinePanel::place_labels(const Frame& f) {
  over_lane_.resize(prep_.lanes.size());
  for (std::vector<Extent>& v : over_lane_) v.clear();
  const auto place = [&](std::size_t lane, float x0, float x1) {
    for (const Extent& o : over_lane_[lane])
      if (o.x0 < x1 && x0 < o.x1) return false;
    over_lane_[lane].push_back({x0, x1});
    return true;
  };
  timer_label_x_.assign(prep_.arrows.size(), NAN);
  for (std::size_t i = 0; i < prep_.arrows.size(); ++i) {
    const timeline::PreparedArrow& a = prep_.arrows[i];
    if (!a.from_timer) continue;
    const float w = ImGui::CalcTextSize(timer_label(f.m, a).c_str()).x;
    const float x = f.x0 + a.x0 - f.lane_h * 0.3f - 4 - w;
    if (place(a.to_lane, x - 2, x + w + 2)) timer_label_x_[i] = x;
  }
  cancel_label_x_.assign(prep_.markers.size(), NAN);
  for (std::size_t i = 0; i < prep_.markers.size(); ++i) {
    const timeline::Marker& mk = prep_.markers[i];
    if (mk.lane < 0) continue;
    const sim::Event& e = f.m.events()[mk.seq];
    if (e.kind != sim::EventKind::CtxCancel) continue;
    const float x = f.x0 + mk.x, w = ImGui::CalcTextSize(cancel_label(f.m, e).c_str()).x;
    const bool left = x + 3 + w + 2 > f.x0 + f.width && x - 3 - w >= f.x0;
    const float at = left ? x - 3 - w : x + 3;
    if (place(static_cast<std::size_t>(mk.lane), at - 1, at + w + 4)) cancel_label_x_[i] = at;
  }
}

// Rows: names, then the items; a group's header row, or a task's lane.
void TimelinePanel::draw_rows(const Frame& f, Hover& hover) {
  const std::vector<timeline::Row>& rows = rows_.rows();
  lane_y_.assign(prep_.lanes.size(), 0.0f);
  auto row_y = [&](std::size_t r) { return f.lanes_top + f.lane_h * static_cast<float>(r); };
  for (std::size_t r = 0; r < row_lane_.size(); ++r) {
    if (row_lane_[r] >= 0) lane_y_[static_cast<std::size_t>(row_lane_[r])] = row_y(r);
  }
  // Where the drawn run ends: the cursor when the future is hidden.
  const double end_v =
      f.limit < f.m.size() && f.limit > 0
          ? (view_.axis == Axis::EventOrder ? static_cast<double>(f.limit)
                                            : timeline::axis_value(f.m, Axis::Time, f.limit - 1))
          : timeline::fit_all(f.m, view_.axis).end;
  for (std::size_t r = 0; r < row_lane_.size(); ++r) {
    const timeline::Row& row = rows[shown_rows_[view_.first_lane + r]];
    const float y = row_y(r);
    if (r % 2 == 0) {
      f.dl->AddRectFilled(ImVec2(f.origin.x, y), ImVec2(f.clip_max.x, y + f.lane_h), kLaneBg);
    }
    if (row.header) {
      draw_group_row(f, row, y, end_v);
    } else {
      const float indent = row.group >= 0 ? f.em * 0.8f : 0.0f;
      draw_lane(f, static_cast<std::size_t>(row_lane_[r]), y, indent, hover);
    }
  }
}

// A group: a triangle, "stem ×N", and over the lanes its tasks' lifetime as a thin bar; a click
// on the name expands or collapses it.
void TimelinePanel::draw_group_row(const Frame& f, const timeline::Row& row, float y,
                                   double end_v) {
  ImDrawList* dl = f.dl;
  const float em = f.em, lane_h = f.lane_h;
  const timeline::Group& g = rows_.groups()[static_cast<std::size_t>(row.group)];
  const float cy = y + lane_h / 2, s = em * 0.3f, tx = f.origin.x + 6 + s;
  if (g.expanded) {
    dl->AddTriangleFilled(ImVec2(tx - s, cy - s * 0.6f), ImVec2(tx + s, cy - s * 0.6f),
                          ImVec2(tx, cy + s * 0.8f), palette::kTextDim);
  } else {
    dl->AddTriangleFilled(ImVec2(tx - s * 0.6f, cy - s), ImVec2(tx - s * 0.6f, cy + s),
                          ImVec2(tx + s * 0.8f, cy), palette::kTextDim);
  }
  char label[96];
  std::string_view stem = g.stem;
  while (!stem.empty() && (stem.back() == ' ' || stem.back() == '-' || stem.back() == '_')) {
    stem.remove_suffix(1);
  }
  std::snprintf(label, sizeof label, "%.*s \xC3\x97%zu", static_cast<int>(stem.size()), stem.data(),
                g.members.size());
  dl->PushClipRect(ImVec2(f.origin.x, y), ImVec2(f.x0 - 4, y + lane_h), true);
  dl->AddText(ImVec2(tx + s + 4, f.text_y(y)), palette::kText, label);
  dl->PopClipRect();
  double first = end_v, last = 0;
  std::size_t alive = 0;
  for (const std::size_t t : g.members) {
    const auto segs = f.m.segments(t);
    if (segs.empty()) continue;
    const auto v = [&](const model::Segment& sg) {
      return view_.axis == Axis::Time ? static_cast<double>(sg.t) : static_cast<double>(sg.seq);
    };
    first = std::min(first, v(segs.front()));
    const bool over = segs.back().state == model::TaskState::Done ||
                      segs.back().state == model::TaskState::Panicked;
    last = std::max(last, over ? v(segs.back()) : end_v);
    if (!over) ++alive;
  }
  last = std::min(last, end_v);
  if (!g.expanded && last > first) {
    const float a = f.x0 + std::max(0.0f, timeline::to_x(f.p, first));
    const float b = f.x0 + std::min(f.width, timeline::to_x(f.p, last));
    if (b > a) dl->AddRectFilled(ImVec2(a, cy - 2), ImVec2(b, cy + 2), kFolded);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%zu tasks, %zu alive at the end (click the name)",
                  g.members.size(), alive);
    dl->AddText(ImVec2(std::max(a, f.x0) + 4, f.text_y(y) - 1), palette::kTextDim, buf);
  }
  if (f.hovering_row(y) && f.mx < 0 && f.released && !view_.dragged) {
    rows_.toggle(static_cast<std::size_t>(row.group));
  }
}

// A task's lane: the focus, its colour and name, then its items (spans and folded blocks).
void TimelinePanel::draw_lane(const Frame& f, std::size_t l, float y, float indent,
                              Hover& hover) const {
  ImDrawList* dl = f.dl;
  const float em = f.em, lane_h = f.lane_h;
  const timeline::Lane& lane = prep_.lanes[l];
  const model::TaskInfo& task = f.m.head().tasks[lane.task_index];
  if (f.shared.focus == task.id) {
    dl->AddRectFilled(ImVec2(f.origin.x, y), ImVec2(f.clip_max.x, y + lane_h), kFocusBg);
  }
  dl->AddRectFilled(ImVec2(f.origin.x + indent, y + 2),
                    ImVec2(f.origin.x + indent + 4, y + lane_h - 2), task_colour(lane.task_index));
  // Cut with "…" (a goroutine's number kept) where the column is narrower than the name.
  const std::string name = fit_text(f.m.task_name(task.id), f.x0 - 4 - (f.origin.x + indent + 8));
  dl->AddText(ImVec2(f.origin.x + indent + 8, f.text_y(y)), palette::kText, name.c_str());

  const auto segs = f.m.segments(lane.task_index);
  const float top = y + 2, bottom = y + lane_h - 2;
  // Neighbouring folded blocks of one colour are drawn as one rectangle (fewer triangles for
  // the software rasterizer; the picture is the same).
  float run_a = 0, run_b = -1;
  ImU32 run_col = 0;
  auto flush = [&] {
    if (run_b > run_a)
      dl->AddRectFilled(ImVec2(run_a, top + 2), ImVec2(run_b, bottom - 2), run_col);
    run_b = -1;
  };
  for (const timeline::Item& it : lane.items) {
    const float a = f.x0 + it.x0, b = f.x0 + std::max(it.x1, it.x0 + 1.0f);
    if (it.folded()) {
      // Many spans in a few pixels: what the task did most there, dimmed, so a zoomed-out
      // lane still reads as "mostly blocked" or "mostly running".
      const ImU32 col = folded_colour(segs[it.dominant]);
      if (run_b >= 0 && col == run_col && a <= run_b + 0.5f) {
        run_b = std::max(run_b, b);
      } else {
        flush();
        run_a = a, run_b = b, run_col = col;
      }
      if (b - a > em * 4.0f) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%u events", it.count);
        if (ImGui::CalcTextSize(buf).x + 6 < b - a) {
          flush();
          dl->AddText(ImVec2(a + 3, f.text_y(y)), IM_COL32(0, 0, 0, 200), buf);
        }
      }
    } else {
      flush();
      draw_span(f, segs[it.first], a, b, y, l);
    }
    if (f.hovering_row(y) && f.mx >= it.x0 && f.mx <= std::max(it.x1, it.x0 + 1.0f) &&
        hover.item == nullptr) {
      hover.item = &it;
      hover.lane = l;
      if (!it.folded()) hover.seg = &segs[it.first];
    }
  }
  flush();
}

// One span from x = a to b in the lane at y: its state's colour, shape and object; a finished
// task's as a thin line; outlined when its event is the selected one.
void TimelinePanel::draw_span(const Frame& f, const model::Segment& sg, float a, float b, float y,
                              std::size_t lane) const {
  ImDrawList* dl = f.dl;
  const float em = f.em, lane_h = f.lane_h;
  const float top = y + 2, bottom = y + lane_h - 2;
  if (sg.state == model::TaskState::Done) {
    // A finished task: a thin line, so the lanes of live tasks stand out.
    const float mid = y + lane_h / 2;
    dl->AddLine(ImVec2(a, mid), ImVec2(b, mid), state_colour(VisualState::Done));
  } else {
    const VisualState v = visual_state(sg.state, sg.reason);
    dl->AddRectFilled(ImVec2(a, top), ImVec2(b, bottom), state_colour(v));
    if (b - a > em * 3.0f) {
      // The state's shape at the start (colour is never the only cue), then the object.
      const float rr = (bottom - top) * 0.32f;
      dl->AddCircleFilled(ImVec2(a + rr + 3, (top + bottom) / 2), rr + 1.5f, IM_COL32(0, 0, 0, 90));
      draw_state_icon(dl, ImVec2(a + rr + 3, (top + bottom) / 2), rr, v);
      std::string label;
      if (sg.state == model::TaskState::Blocked && sg.obj != 0) {
        label = object_label(f.m, sg.obj);
      } else if (v == VisualState::BlockedSelect) {
        label = "select";
      }
      const float lw = label.empty() ? 0.0f : ImGui::CalcTextSize(label.c_str()).x;
      const float lx = a + 2 * rr + 7;
      const auto covered = [&] {
        for (const Extent& o : over_lane_[lane])
          if (o.x0 < lx + lw && lx < o.x1) return true;
        return false;
      };
      if (!label.empty() && lw + 2 * rr + 10 < b - a && !covered()) {
        dl->AddText(ImVec2(lx, f.text_y(y)), IM_COL32(0, 0, 0, 230), label.c_str());
      }
    }
  }
  if (f.shared.selected == sg.seq) {
    dl->AddRect(ImVec2(a - 1, top - 1), ImVec2(b + 1, bottom + 1), palette::kAccent, 0, 0, 2.0f);
  }
}

// Arrows between surviving items. A close of a context's done() channel is the cancel
// reaching the tasks that waited on it: drawn in the cancel colour.
void TimelinePanel::draw_arrows(const Frame& f) const {
  const model::State& head = f.m.head();
  for (std::size_t i = 0; i < prep_.arrows.size(); ++i) {
    const timeline::PreparedArrow& a = prep_.arrows[i];
    const float ya = lane_y_[a.from_lane] + f.lane_h / 2, yb = lane_y_[a.to_lane] + f.lane_h / 2;
    if (a.from_lane == a.to_lane && a.kind != model::ArrowKind::Send) continue;  // no length
    if (a.from_timer) {
      draw_timer_arrow(f, a, yb, timer_label_x_[i]);
      continue;
    }
    const bool spawn = a.kind == model::ArrowKind::Spawn;
    ImU32 col = arrow_colour(a.kind);
    if (a.kind == model::ArrowKind::Close) {
      if (const model::ChannelInfo* ch = head.channel(a.obj); ch != nullptr && ch->owner != 0) {
        col = kCancelArrow;
      }
    }
    draw_arrow(f.dl, ImVec2(f.x0 + a.x0, ya), ImVec2(f.x0 + a.x1, yb), col, !spawn);
  }
}

// A timer fired: a clock at the top of the receiver's lane, its channel's name, and an arrow
// down to the receive (at height yb) that took its value.
void TimelinePanel::draw_timer_arrow(const Frame& f, const timeline::PreparedArrow& a, float yb,
                                     float label_x) const {
  ImDrawList* dl = f.dl;
  const float r = f.lane_h * 0.3f, cx = f.x0 + a.x0, cy = lane_y_[a.to_lane] + r + 1;
  dl->AddCircleFilled(ImVec2(cx, cy), r, kTimer);
  dl->AddLine(ImVec2(cx, cy), ImVec2(cx, cy - r * 0.7f), IM_COL32(30, 30, 30, 255), 1.5f);
  dl->AddLine(ImVec2(cx, cy), ImVec2(cx + r * 0.6f, cy), IM_COL32(30, 30, 30, 255), 1.5f);
  if (!std::isnan(label_x)) {
    const std::string fired = timer_label(f.m, a);
    const ImVec2 sz = ImGui::CalcTextSize(fired.c_str());
    const ImVec2 at(label_x, cy - sz.y / 2);
    dl->AddRectFilled(ImVec2(at.x - 2, at.y), ImVec2(at.x + sz.x + 2, at.y + sz.y),
                      IM_COL32(30, 32, 38, 220));
    dl->AddText(at, kTimer, fired.c_str());
  }
  draw_arrow(dl, ImVec2(cx + r, cy), ImVec2(f.x0 + a.x1, yb), kTimer, true);
}

// Markers: notes (a flag at the lane's top), panics (a cross), cancels (a red bar with the
// context's name), the deadlock (a line across).
void TimelinePanel::draw_markers(const Frame& f, Hover& hover) const {
  ImDrawList* dl = f.dl;
  const float lane_h = f.lane_h;
  const ImGuiIO& io = ImGui::GetIO();
  RunWord run_word;
  // Small shapes, many of them on a long trace: no anti-aliasing fringe (a third the triangles).
  const ImDrawListFlags aa_flags = dl->Flags;
  dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
  for (std::size_t i = 0; i < prep_.markers.size(); ++i) {
    const timeline::Marker& mk = prep_.markers[i];
    const float x = f.x0 + mk.x;
    const sim::Event& e = f.m.events()[mk.seq];
    if (mk.lane < 0) {  // about the whole run: the deadlock in red, the run's end dim
      draw_run_marker(f, mk, run_word);
      if (f.hovered && std::fabs(io.MousePos.x - x) < 4) hover.marker = &mk;
      continue;
    }
    const float y = lane_y_[static_cast<std::size_t>(mk.lane)];
    switch (mk.kind) {
      case timeline::MarkerKind::Note:
        dl->AddTriangleFilled(ImVec2(x - 4, y), ImVec2(x + 4, y), ImVec2(x, y + 6), kNote);
        break;
      case timeline::MarkerKind::Write:
      case timeline::MarkerKind::LostWrite: {
        // A diamond at the lane's foot: the value written is in the tooltip.
        const bool lost = mk.kind == timeline::MarkerKind::LostWrite;
        const float s = lost ? 5.0f : 3.5f, cy = y + lane_h - s - 1;
        dl->AddQuadFilled(ImVec2(x, cy - s), ImVec2(x + s, cy), ImVec2(x, cy + s),
                          ImVec2(x - s, cy), lost ? palette::kError : kVarWrite);
        break;
      }
      case timeline::MarkerKind::Panic:
        dl->AddLine(ImVec2(x - 4, y + 3), ImVec2(x + 4, y + lane_h - 3), palette::kError, 2.5f);
        dl->AddLine(ImVec2(x + 4, y + 3), ImVec2(x - 4, y + lane_h - 3), palette::kError, 2.5f);
        break;
      case timeline::MarkerKind::Deadlock:
      case timeline::MarkerKind::Other:
        if (e.kind == sim::EventKind::CtxCancel) {
          dl->AddRectFilled(ImVec2(x - 1.5f, y), ImVec2(x + 1.5f, y + lane_h), kCancelArrow);
          if (!std::isnan(cancel_label_x_[i])) draw_cancel_label(f, e, cancel_label_x_[i], y);
        } else {
          dl->AddCircle(ImVec2(x, y + lane_h / 2), 3.5f, palette::kTextDim);
        }
        break;
    }
    if (f.hovering_row(y) && std::fabs(io.MousePos.x - x) < 4) {
      hover.marker = &mk;
    }
  }
  dl->Flags = aa_flags;
}

// "cancel <context>" from label_x (place_labels() put it) in the lane at y.
void TimelinePanel::draw_cancel_label(const Frame& f, const sim::Event& e, float label_x,
                                      float y) const {
  const std::string what = cancel_label(f.m, e);
  const ImVec2 sz = ImGui::CalcTextSize(what.c_str());
  const ImVec2 at(label_x, f.text_y(y));
  f.dl->AddRectFilled(ImVec2(at.x - 1, at.y), ImVec2(at.x + sz.x + 2, at.y + sz.y), kLabelBg);
  f.dl->AddText(at, kCancelArrow, what.c_str());
}

// The deadlock or the run's end: a line across the lanes and its word.
void TimelinePanel::draw_run_marker(const Frame& f, const timeline::Marker& mk,
                                    RunWord& last) const {
  ImDrawList* dl = f.dl;
  const float em = f.em, x = f.x0 + mk.x;
  const bool dead = mk.kind == timeline::MarkerKind::Deadlock;
  const ImU32 col = dead ? palette::kError : palette::kTextDim;
  dl->AddLine(ImVec2(x, f.lanes_top), ImVec2(x, f.lanes_bottom), col, dead ? 2.0f : 1.0f);
  // The word right of its line, or left of it where the plot ends, in the line choose_rows()
  // keeps free under the lanes (over the last lane only in a pane too low for one lane and the
  // word). When the previous word (the deadlock's, just before the end) is in the way, left of
  // the line if there is room, else the line goes without its word: its tooltip names it.
  const char* word = dead ? "deadlock" : "end";
  const float tw = ImGui::CalcTextSize(word).x;
  float tx = x + 3;
  if (tx + tw + 2 > f.x0 + f.width) tx = x - 3 - tw;  // not flush with the edge: it reads as cut
  if (tx < last.end) {
    if (x - 3 - tw < last.end) return;
    tx = x - 3 - tw;
  }
  const float ty =
      f.lanes_bottom + em + 3 <= f.clip_max.y ? f.lanes_bottom + 2 : f.lanes_bottom - em - 2;
  dl->AddRectFilled(ImVec2(tx - 1, ty), ImVec2(tx + tw + 1, ty + em + 1), kLabelBg);
  dl->AddText(ImVec2(tx, ty), col, word);
  last.end = tx + tw + 3;
}

// The selected event, the cursor (after the first `cursor` events), the range being selected
// for a zoom, and the line between the names and the lanes.
void TimelinePanel::draw_cursor(const Frame& f) const {
  ImDrawList* dl = f.dl;
  const ViewState& shared = f.shared;
  if (shared.selected < f.m.size()) {
    const float x =
        f.x0 + timeline::to_x(f.p, timeline::axis_value(f.m, view_.axis, shared.selected));
    dl->AddLine(ImVec2(x, f.lanes_top), ImVec2(x, f.lanes_bottom), palette::kAccent, 1.0f);
  }
  if (shared.cursor > 0) {
    const double v = view_.axis == Axis::EventOrder
                         ? static_cast<double>(shared.cursor)
                         : timeline::axis_value(f.m, Axis::Time, shared.cursor - 1);
    const float x = f.x0 + timeline::to_x(f.p, v);
    dl->AddLine(ImVec2(x, f.origin.y), ImVec2(x, f.lanes_bottom), kCursor, 1.5f);
  }
  if (view_.selecting) {
    const float a = f.x0 + view_.select_from, b = f.x0 + std::clamp(f.mx, 0.0f, f.width);
    dl->AddRectFilled(ImVec2(std::min(a, b), f.lanes_top), ImVec2(std::max(a, b), f.lanes_bottom),
                      IM_COL32(97, 175, 239, 50));
    dl->AddRect(ImVec2(std::min(a, b), f.lanes_top), ImVec2(std::max(a, b), f.lanes_bottom),
                palette::kAccent);
  }
  dl->AddLine(ImVec2(f.x0 - 1, f.origin.y), ImVec2(f.x0 - 1, f.lanes_bottom), kGrid);
}

// A marker's tooltip: its event, text, context, how many share its place, its source line.
void TimelinePanel::draw_marker_tooltip(const Frame& f, const timeline::Marker& mk) const {
  const model::Model& m = f.m;
  const sim::Event& e = m.events()[mk.seq];
  ImGui::BeginTooltip();
  if (e.kind == sim::EventKind::VarSet) {
    const std::string_view name = m.text(e);
    ImGui::Text("%.*s = %s (%s)", static_cast<int>(name.size()), name.data(), e.val.s,
                where(m, mk.seq).c_str());
    if (mk.kind == timeline::MarkerKind::LostWrite) {
      ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
      ImGui::TextUnformatted("lost update: the same number another task had just stored");
      ImGui::PopStyleColor();
    }
  } else {
    ImGui::Text("%s (%s)", event_kind_label(e), where(m, mk.seq).c_str());
  }
  if (const std::string_view text = m.text(e); !text.empty() && e.kind != sim::EventKind::VarSet) {
    ui::text(text);
  }
  if (e.kind == sim::EventKind::CtxCancel) {
    ImGui::Text("context %s", object_label(m, e.obj).c_str());
  }
  if (mk.count > 1) ImGui::TextDisabled("and %u more here", mk.count - 1);
  if (e.line != 0) {
    const std::string_view src = source_line(controller_.script(), e.line);
    ImGui::Text("line %u: %.*s", e.line, static_cast<int>(src.size()), src.data());
  }
  ImGui::EndTooltip();
}

// An item's tooltip: a span's task, state, object, times, event and line; a folded block's
// count and what its task did most.
void TimelinePanel::draw_item_tooltip(const Frame& f, const Hover& hover) const {
  const model::Model& m = f.m;
  const model::TaskInfo& task = m.head().tasks[prep_.lanes[hover.lane].task_index];
  ImGui::BeginTooltip();
  if (hover.seg != nullptr) {
    const model::Segment& sg = *hover.seg;
    const VisualState v = visual_state(sg.state, sg.reason);
    const sim::Event& e = m.events()[sg.seq];
    ImGui::Text("%.*s: %s", static_cast<int>(m.task_name(task.id).size()),
                m.task_name(task.id).data(), state_label(v));
    if (sg.obj != 0) ImGui::Text("on %s", object_label(m, sg.obj).c_str());
    const std::uint32_t end = hover.item->seq_end;
    ImGui::Text("from %s", where(m, sg.seq).c_str());
    if (end < m.size()) {
      ImGui::Text("to %s (%s)", where(m, end).c_str(),
                  format_time(m.events()[end].t - e.t).c_str());
    }
    ImGui::Text("event: %s", event_kind_label(e));
    if (const std::string_view text = m.text(e); !text.empty() && text.size() < 200) {
      ImGui::Text("  %.*s", static_cast<int>(text.size()), text.data());
    }
    // Where the task stood as the span began: the line it executes next, or waits at.
    if (const std::uint32_t line = next_line(e); line != 0) {
      const std::string_view src = source_line(controller_.script(), line);
      ImGui::Text("%s line %u: %.*s",
                  sg.state == model::TaskState::Blocked || sg.state == model::TaskState::Sleeping
                      ? "waits at"
                      : "next",
                  line, static_cast<int>(src.size()), src.data());
    }
    ImGui::TextDisabled("click: select this event and go to it");
  } else {
    const model::Segment& dom =
        m.segments(prep_.lanes[hover.lane].task_index)[hover.item->dominant];
    ImGui::Text("%u spans folded (#%u .. #%u), mostly %s", hover.item->count, hover.item->seq_begin,
                hover.item->seq_end, state_label(visual_state(dom.state, dom.reason)));
    ImGui::TextDisabled("click: zoom in");
  }
  ImGui::EndTooltip();
}

// A click on a span selects its event, seeks there and focuses its task; on a folded block it
// zooms into the block.
void TimelinePanel::click(const Frame& f, const Hover& hover) {
  ViewState& shared = f.shared;
  if (hover.seg != nullptr) {
    const sim::TaskId task = f.m.head().tasks[prep_.lanes[hover.lane].task_index].id;
    shared.selected = hover.seg->seq;
    controller_.request_seek(static_cast<std::size_t>(hover.seg->seq) + 1);
    shared.focus = task;
    if (const std::uint32_t line = next_line(f.m.events()[hover.seg->seq]); line != 0) {
      shared.show_line = line;
    }
    return;
  }
  const timeline::Item& it = *hover.item;
  const double pad = 0.05 * (it.x1 - it.x0);
  view_.window = {timeline::from_x(f.p, it.x0 - static_cast<float>(pad)),
                  timeline::from_x(f.p, it.x1 + static_cast<float>(pad))};
  if (view_.window.span() < min_span(view_.axis)) {
    view_.window = timeline::zoom(view_.window, 0.5, 1.0, min_span(view_.axis));
  }
  view_.fitted = false;
}

}  // namespace rdv::ui
