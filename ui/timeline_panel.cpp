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

// Time and event of a span's start, for the tooltip.
std::string where(const model::Model& m, std::uint32_t seq) {
  return "#" + std::to_string(seq) + " at " + format_time(m.events()[seq].t);
}

}  // namespace

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

void TimelinePanel::draw() {
  Controller& c = controller_;
  const model::Model& m = c.model();
  ViewState& shared = c.view();
  const model::State& head = m.head();
  if (view_.seen_model != &m || m.size() < view_.seen_size) {
    view_.fitted = true;  // a new run or a reset
    view_.first_lane = 0;
    view_.names_measured = 0;  // its tasks are measured again
    view_.widest_name = 0;
  }
  view_.seen_model = &m;
  view_.seen_size = m.size();
  // The axis is shared with the plots: follow it when another panel changed it.
  if (const Axis want = shared.event_axis ? Axis::EventOrder : Axis::Time; want != view_.axis) {
    set_axis(want);
  }

  // The bar: axis toggle and fit-all.
  const bool live = m.header().mode == "live";
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
  ImGui::Checkbox("whole run", &shared.reveal_future);
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
  if (m.size() == 0 || head.tasks.empty()) {
    ImGui::TextDisabled("No events yet.");
    return;
  }
  if (view_.fitted) view_.window = timeline::fit_all(m, view_.axis);

  const float em = ImGui::GetFontSize();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (head.tasks.size() < view_.names_measured) {  // back in time: fewer tasks exist
    view_.names_measured = 0;
    view_.widest_name = 0;
  }
  for (std::size_t i = view_.names_measured; i < head.tasks.size(); ++i) {
    const std::string_view name = m.task_name(head.tasks[i].id);
    view_.widest_name = std::max(
        view_.widest_name, ImGui::CalcTextSize(name.data(), name.data() + name.size()).x / em);
  }
  view_.names_measured = head.tasks.size();
  // The names, after a group's indent and the colour bar (a group's "stem ×N" after its
  // triangle takes about as much), in em; at least 8, at most 16 em and 30% of the pane (a longer
  // name is cut there; its tooltip has it whole).
  const float label_w =
      std::min(em * std::clamp(view_.widest_name + 2.6f, 8.0f, 16.0f), avail.x * 0.3f);
  const float axis_h = ImGui::GetTextLineHeight() + 4.0f;
  const float lane_h = std::round(em * 1.35f);
  const float x0 = origin.x + label_w;
  const float width = avail.x - label_w;
  const float lanes_top = origin.y + axis_h;
  if (width < 20.0f || avail.y < axis_h + lane_h) return;

  // Which rows fit vertically: with the future hidden, only tasks spawned before the cursor.
  rows_.update(m);
  const std::vector<timeline::Row>& rows = rows_.rows();
  const std::size_t limit = shared.reveal_future ? SIZE_MAX : shared.cursor;
  shown_rows_.clear();
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (limit >= m.size() || head.tasks[rows[r].task_index].spawned < limit) {
      shown_rows_.push_back(r);
    }
  }
  const auto fit_rows = static_cast<std::size_t>(std::max(1.0f, (avail.y - axis_h) / lane_h));
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

  // Input over the drawing area (a button so dragging does not move the window).
  ImGui::SetCursorScreenPos(origin);
  const bool released =
      ImGui::InvisibleButton("##timeline", ImVec2(avail.x, avail.y),
                             ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  if (ImGui::IsItemActivated()) view_.dragged = false;
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  const ImGuiIO& io = ImGui::GetIO();
  timeline::Params p{view_.axis, view_.window, width, 3.0f, 12.0f, limit, shared.var_markers};
  const float mx = io.MousePos.x - x0;
  auto zoom_by = [&](double anchor, double factor) {
    view_.window = timeline::zoom(view_.window, anchor, factor, min_span(view_.axis));
    view_.fitted = false;
  };
  if (hovered && io.MouseWheel != 0.0f) {
    if (mx < 0) {  // over the lane names: scroll the rows
      const auto step = static_cast<std::ptrdiff_t>(io.MouseWheel > 0 ? -1 : 1) * 2;
      const auto next = static_cast<std::ptrdiff_t>(view_.first_lane) + step;
      view_.first_lane = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, next));
    } else {
      zoom_by(std::clamp(mx / width, 0.0f, 1.0f), std::pow(0.85, io.MouseWheel));
    }
  }
  // Zoom to a selection: shift + left drag, or right drag.
  const bool right_down = active && ImGui::IsMouseDown(ImGuiMouseButton_Right);
  if (active && ImGui::IsItemActivated() && (io.KeyShift || right_down)) {
    view_.selecting = true;
    view_.select_from = std::clamp(mx, 0.0f, width);
  }
  const bool dragging =
      active && !view_.selecting && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2);
  if (dragging && io.MouseDelta.x != 0.0f) {
    view_.dragged = true;
    view_.window = timeline::pan(view_.window, -io.MouseDelta.x / width);
    view_.fitted = false;
  }
  if (view_.selecting && !active) {  // released: zoom to the range (a mere click does nothing)
    view_.selecting = false;
    const float to = std::clamp(mx, 0.0f, width);
    if (std::fabs(to - view_.select_from) >= 3.0f) {
      view_.window = timeline::selection_window(p, view_.select_from, to, min_span(view_.axis));
      view_.fitted = false;
    }
    view_.dragged = true;  // not a click
  }
  if (hovered) {
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
  if (view_.fitted) view_.window = timeline::fit_all(m, view_.axis);
  p.window = view_.window;

  // Prepare, then draw.
  arrows_.update(m);
  timeline::prepare(m, p, lane_tasks_, arrows_, prep_);
  const timeline::Prepared& prep = prep_;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 clip_max(origin.x + avail.x, origin.y + avail.y);
  dl->PushClipRect(origin, clip_max, true);
  const float lanes_bottom = lanes_top + lane_h * static_cast<float>(row_lane_.size());

  // Axis ticks and grid.
  for (const timeline::Tick& t : timeline::ticks(p, em * 6.0f)) {
    const float x = x0 + t.x;
    dl->AddLine(ImVec2(x, origin.y + axis_h - 4), ImVec2(x, lanes_bottom), kGrid);
    // A label that would run past the pane's edge is left out (its grid line stays).
    if (x + 3 + ImGui::CalcTextSize(t.label.c_str()).x <= clip_max.x)
      dl->AddText(ImVec2(x + 3, origin.y), palette::kTextDim, t.label.c_str());
  }

  // Rows: names, then the items.
  std::vector<float>& lane_y_of = lane_y_;
  lane_y_of.assign(prep.lanes.size(), 0.0f);
  auto row_y = [&](std::size_t r) { return lanes_top + lane_h * static_cast<float>(r); };
  for (std::size_t r = 0; r < row_lane_.size(); ++r) {
    if (row_lane_[r] >= 0) lane_y_of[static_cast<std::size_t>(row_lane_[r])] = row_y(r);
  }
  const model::Segment* hovered_seg = nullptr;
  const timeline::Item* hovered_item = nullptr;
  std::size_t hovered_lane = 0;
  // Where the drawn run ends: the cursor when the future is hidden.
  const double end_v =
      limit < m.size() && limit > 0
          ? (view_.axis == Axis::EventOrder ? static_cast<double>(limit)
                                            : timeline::axis_value(m, Axis::Time, limit - 1))
          : timeline::fit_all(m, view_.axis).end;
  for (std::size_t r = 0; r < row_lane_.size(); ++r) {
    const timeline::Row& row = rows[shown_rows_[view_.first_lane + r]];
    const float y = row_y(r);
    if (r % 2 == 0) dl->AddRectFilled(ImVec2(origin.x, y), ImVec2(clip_max.x, y + lane_h), kLaneBg);
    const float indent = row.group >= 0 && !row.header ? em * 0.8f : 0.0f;
    if (row.header) {
      // A group: a triangle, "stem ×N", and over the lanes its tasks' lifetime as a thin bar.
      const timeline::Group& g = rows_.groups()[static_cast<std::size_t>(row.group)];
      const float cy = y + lane_h / 2, s = em * 0.3f, tx = origin.x + 6 + s;
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
      std::snprintf(label, sizeof label, "%.*s \xC3\x97%zu", static_cast<int>(stem.size()),
                    stem.data(), g.members.size());
      dl->PushClipRect(ImVec2(origin.x, y), ImVec2(x0 - 4, y + lane_h), true);
      dl->AddText(ImVec2(tx + s + 4, y + (lane_h - em) / 2), palette::kText, label);
      dl->PopClipRect();
      double first = end_v, last = 0;
      std::size_t alive = 0;
      for (const std::size_t t : g.members) {
        const auto segs = m.segments(t);
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
        const float a = x0 + std::max(0.0f, timeline::to_x(p, first));
        const float b = x0 + std::min(width, timeline::to_x(p, last));
        if (b > a) dl->AddRectFilled(ImVec2(a, cy - 2), ImVec2(b, cy + 2), kFolded);
        char buf[64];
        std::snprintf(buf, sizeof buf, "%zu tasks, %zu alive at the end (click the name)",
                      g.members.size(), alive);
        dl->AddText(ImVec2(std::max(a, x0) + 4, y + (lane_h - em) / 2 - 1), palette::kTextDim, buf);
      }
      if (hovered && io.MousePos.y >= y && io.MousePos.y < y + lane_h && mx < 0 && released &&
          !view_.dragged) {
        rows_.toggle(static_cast<std::size_t>(row.group));
      }
      continue;
    }
    const std::size_t l = static_cast<std::size_t>(row_lane_[r]);
    const timeline::Lane& lane = prep.lanes[l];
    const model::TaskInfo& task = head.tasks[lane.task_index];
    if (shared.focus == task.id) {
      dl->AddRectFilled(ImVec2(origin.x, y), ImVec2(clip_max.x, y + lane_h), kFocusBg);
    }
    dl->AddRectFilled(ImVec2(origin.x + indent, y + 2),
                      ImVec2(origin.x + indent + 4, y + lane_h - 2), task_colour(lane.task_index));
    // Cut with "…" (a goroutine's number kept) where the column is narrower than the name.
    const std::string name = fit_text(m.task_name(task.id), x0 - 4 - (origin.x + indent + 8));
    dl->AddText(ImVec2(origin.x + indent + 8, y + (lane_h - em) / 2), palette::kText, name.c_str());

    const auto segs = m.segments(lane.task_index);
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
      const float a = x0 + it.x0, b = x0 + std::max(it.x1, it.x0 + 1.0f);
      if (it.folded()) {
        // Many spans in a few pixels: what the task did most there, dimmed, so a zoomed-out
        // lane still reads as "mostly blocked" or "mostly running".
        const model::Segment& dom = segs[it.dominant];
        ImU32 col = kFolded;
        if (dom.state != model::TaskState::Done) {
          const ImU32 sc = state_colour(visual_state(dom.state, dom.reason));
          col = IM_COL32(((sc >> IM_COL32_R_SHIFT) & 0xff) * 3 / 4,
                         ((sc >> IM_COL32_G_SHIFT) & 0xff) * 3 / 4,
                         ((sc >> IM_COL32_B_SHIFT) & 0xff) * 3 / 4, 255);
        }
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
            dl->AddText(ImVec2(a + 3, y + (lane_h - em) / 2), IM_COL32(0, 0, 0, 200), buf);
          }
        }
      } else {
        flush();
        const model::Segment& sg = segs[it.first];
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
            dl->AddCircleFilled(ImVec2(a + rr + 3, (top + bottom) / 2), rr + 1.5f,
                                IM_COL32(0, 0, 0, 90));
            draw_state_icon(dl, ImVec2(a + rr + 3, (top + bottom) / 2), rr, v);
            std::string label;
            if (sg.state == model::TaskState::Blocked && sg.obj != 0) {
              label = object_label(m, sg.obj);
            } else if (v == VisualState::BlockedSelect) {
              label = "select";
            }
            if (!label.empty() && ImGui::CalcTextSize(label.c_str()).x + 2 * rr + 10 < b - a) {
              dl->AddText(ImVec2(a + 2 * rr + 7, y + (lane_h - em) / 2), IM_COL32(0, 0, 0, 230),
                          label.c_str());
            }
          }
        }
        if (shared.selected == sg.seq) {
          dl->AddRect(ImVec2(a - 1, top - 1), ImVec2(b + 1, bottom + 1), palette::kAccent, 0, 0,
                      2.0f);
        }
      }
      if (hovered && io.MousePos.y >= y && io.MousePos.y < y + lane_h && mx >= it.x0 &&
          mx <= std::max(it.x1, it.x0 + 1.0f) && hovered_item == nullptr) {
        hovered_item = &it;
        hovered_lane = l;
        if (!it.folded()) hovered_seg = &segs[it.first];
      }
    }
    flush();
  }

  // Arrows between surviving items. A close of a context's done() channel is the cancel
  // reaching the tasks that waited on it: drawn in the cancel colour.
  for (const timeline::PreparedArrow& a : prep.arrows) {
    const float ya = lane_y_of[a.from_lane] + lane_h / 2, yb = lane_y_of[a.to_lane] + lane_h / 2;
    if (a.from_lane == a.to_lane && a.kind != model::ArrowKind::Send) continue;  // no length
    if (a.from_timer) {
      // A timer fired: a clock at the top of the receiver's lane, its channel's name, and an
      // arrow down to the receive that took its value.
      const float r = lane_h * 0.3f, cx = x0 + a.x0, cy = lane_y_of[a.to_lane] + r + 1;
      dl->AddCircleFilled(ImVec2(cx, cy), r, kTimer);
      dl->AddLine(ImVec2(cx, cy), ImVec2(cx, cy - r * 0.7f), IM_COL32(30, 30, 30, 255), 1.5f);
      dl->AddLine(ImVec2(cx, cy), ImVec2(cx + r * 0.6f, cy), IM_COL32(30, 30, 30, 255), 1.5f);
      std::string fired = object_label(m, a.obj);
      if (fired.rfind("chan ", 0) == 0) fired.erase(0, 5);  // "after(2.5s)": it names the timer
      fired += " fired";
      const ImVec2 sz = ImGui::CalcTextSize(fired.c_str());
      const ImVec2 at(cx - sz.x - r - 4, cy - sz.y / 2);
      dl->AddRectFilled(ImVec2(at.x - 2, at.y), ImVec2(at.x + sz.x + 2, at.y + sz.y),
                        IM_COL32(30, 32, 38, 220));
      dl->AddText(at, kTimer, fired.c_str());
      draw_arrow(dl, ImVec2(cx + r, cy), ImVec2(x0 + a.x1, yb), kTimer, true);
      continue;
    }
    const bool spawn = a.kind == model::ArrowKind::Spawn;
    ImU32 col = arrow_colour(a.kind);
    if (a.kind == model::ArrowKind::Close) {
      if (const model::ChannelInfo* ch = head.channel(a.obj); ch != nullptr && ch->owner != 0) {
        col = kCancelArrow;
      }
    }
    draw_arrow(dl, ImVec2(x0 + a.x0, ya), ImVec2(x0 + a.x1, yb), col, !spawn);
  }

  // Markers: notes (a flag at the lane's top), panics (a cross), cancels (a red bar with the
  // context's name), the deadlock (a line across).
  const timeline::Marker* hovered_marker = nullptr;
  float label_end = -FLT_MAX;     // right edge of the last cancel label (labels never overlap)
  float run_word_end = -FLT_MAX;  // right edge and top of the last "deadlock" / "end" word
  float run_word_top = FLT_MAX;
  constexpr ImU32 kLabelBg = IM_COL32(30, 20, 22, 255);  // opaque: words never sit on a bar
  // Small shapes, many of them on a long trace: no anti-aliasing fringe (a third the triangles).
  const ImDrawListFlags aa_flags = dl->Flags;
  dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
  for (const timeline::Marker& mk : prep.markers) {
    const float x = x0 + mk.x;
    const sim::Event& e = m.events()[mk.seq];
    if (mk.lane < 0) {  // about the whole run: the deadlock in red, the run's end dim
      const bool dead = mk.kind == timeline::MarkerKind::Deadlock;
      const ImU32 col = dead ? palette::kError : palette::kTextDim;
      dl->AddLine(ImVec2(x, lanes_top), ImVec2(x, lanes_bottom), col, dead ? 2.0f : 1.0f);
      // The word right of its line, or left of it where the plot ends. Under the lanes when
      // the pane has room there (over the last lane it would hide that lane's label), else
      // over the last lane; one line further from the lanes when the previous run-wide word
      // (the deadlock's, just before the end) is in the way.
      const char* word = dead ? "deadlock" : "end";
      const float tw = ImGui::CalcTextSize(word).x;
      float tx = x + 3;
      if (tx + tw + 2 > x0 + width) tx = x - 3 - tw;  // not flush with the edge: it reads as cut
      const bool below = lanes_bottom + 2 * (em + 2) <= clip_max.y;
      float ty = below ? lanes_bottom + 2 : lanes_bottom - em - 2;
      if (tx < run_word_end && ty + em > run_word_top && ty < run_word_top + em + 1)
        ty = below ? run_word_top + em + 1 : run_word_top - em - 1;
      dl->AddRectFilled(ImVec2(tx - 1, ty), ImVec2(tx + tw + 1, ty + em + 1), kLabelBg);
      dl->AddText(ImVec2(tx, ty), col, word);
      run_word_end = tx + tw + 3;
      run_word_top = ty;
      if (hovered && std::fabs(io.MousePos.x - x) < 4) hovered_marker = &mk;
      continue;
    }
    const float y = lane_y_of[static_cast<std::size_t>(mk.lane)];
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
          if (x > label_end) {
            const std::string what = "cancel " + object_label(m, e.obj);
            const ImVec2 sz = ImGui::CalcTextSize(what.c_str());
            const ImVec2 at(x + 3, y + (lane_h - em) / 2);
            dl->AddRectFilled(ImVec2(at.x - 1, at.y), ImVec2(at.x + sz.x + 2, at.y + sz.y),
                              kLabelBg);
            dl->AddText(at, kCancelArrow, what.c_str());
            label_end = at.x + sz.x + 4;
          }
        } else {
          dl->AddCircle(ImVec2(x, y + lane_h / 2), 3.5f, palette::kTextDim);
        }
        break;
    }
    if (hovered && std::fabs(io.MousePos.x - x) < 4 && io.MousePos.y >= y &&
        io.MousePos.y < y + lane_h) {
      hovered_marker = &mk;
    }
  }

  dl->Flags = aa_flags;

  // The selected event and the cursor (after the first `cursor` events).
  if (shared.selected < m.size()) {
    const float x = x0 + timeline::to_x(p, timeline::axis_value(m, view_.axis, shared.selected));
    dl->AddLine(ImVec2(x, lanes_top), ImVec2(x, lanes_bottom), palette::kAccent, 1.0f);
  }
  if (shared.cursor > 0) {
    const double v = view_.axis == Axis::EventOrder
                         ? static_cast<double>(shared.cursor)
                         : timeline::axis_value(m, Axis::Time, shared.cursor - 1);
    const float x = x0 + timeline::to_x(p, v);
    dl->AddLine(ImVec2(x, origin.y), ImVec2(x, lanes_bottom), kCursor, 1.5f);
  }
  // The range being selected for a zoom.
  if (view_.selecting) {
    const float a = x0 + view_.select_from, b = x0 + std::clamp(mx, 0.0f, width);
    dl->AddRectFilled(ImVec2(std::min(a, b), lanes_top), ImVec2(std::max(a, b), lanes_bottom),
                      IM_COL32(97, 175, 239, 50));
    dl->AddRect(ImVec2(std::min(a, b), lanes_top), ImVec2(std::max(a, b), lanes_bottom),
                palette::kAccent);
  }
  dl->AddLine(ImVec2(x0 - 1, origin.y), ImVec2(x0 - 1, lanes_bottom), kGrid);
  dl->PopClipRect();

  // Hover and click.
  if (hovered_marker != nullptr && !dragging && !view_.selecting) {
    const sim::Event& e = m.events()[hovered_marker->seq];
    ImGui::BeginTooltip();
    if (e.kind == sim::EventKind::VarSet) {
      const std::string_view name = m.text(e);
      ImGui::Text("%.*s = %s (%s)", static_cast<int>(name.size()), name.data(), e.val.s,
                  where(m, hovered_marker->seq).c_str());
      if (hovered_marker->kind == timeline::MarkerKind::LostWrite) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
        ImGui::TextUnformatted("lost update: the same number another task had just stored");
        ImGui::PopStyleColor();
      }
    } else {
      ImGui::Text("%s (%s)", event_kind_label(e), where(m, hovered_marker->seq).c_str());
    }
    if (const std::string_view text = m.text(e);
        !text.empty() && e.kind != sim::EventKind::VarSet) {
      ui::text(text);
    }
    if (e.kind == sim::EventKind::CtxCancel) {
      ImGui::Text("context %s", object_label(m, e.obj).c_str());
    }
    if (hovered_marker->count > 1)
      ImGui::TextDisabled("and %u more here", hovered_marker->count - 1);
    if (e.line != 0) {
      const std::string_view src = source_line(c.script(), e.line);
      ImGui::Text("line %u: %.*s", e.line, static_cast<int>(src.size()), src.data());
    }
    ImGui::EndTooltip();
  } else if (hovered_item != nullptr && !dragging && !view_.selecting) {
    const model::TaskInfo& task = head.tasks[prep.lanes[hovered_lane].task_index];
    ImGui::BeginTooltip();
    if (hovered_seg != nullptr) {
      const model::Segment& sg = *hovered_seg;
      const VisualState v = visual_state(sg.state, sg.reason);
      const sim::Event& e = m.events()[sg.seq];
      ImGui::Text("%.*s: %s", static_cast<int>(m.task_name(task.id).size()),
                  m.task_name(task.id).data(), state_label(v));
      if (sg.obj != 0) ImGui::Text("on %s", object_label(m, sg.obj).c_str());
      const std::uint32_t end = hovered_item->seq_end;
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
        const std::string_view src = source_line(c.script(), line);
        ImGui::Text("%s line %u: %.*s",
                    sg.state == model::TaskState::Blocked || sg.state == model::TaskState::Sleeping
                        ? "waits at"
                        : "next",
                    line, static_cast<int>(src.size()), src.data());
      }
      ImGui::TextDisabled("click: select this event and go to it");
    } else {
      const model::Segment& dom =
          m.segments(prep.lanes[hovered_lane].task_index)[hovered_item->dominant];
      ImGui::Text("%u spans folded (#%u .. #%u), mostly %s", hovered_item->count,
                  hovered_item->seq_begin, hovered_item->seq_end,
                  state_label(visual_state(dom.state, dom.reason)));
      ImGui::TextDisabled("click: zoom in");
    }
    ImGui::EndTooltip();
    if (released && !view_.dragged) {
      if (hovered_seg != nullptr) {
        shared.selected = hovered_seg->seq;
        c.request_seek(static_cast<std::size_t>(hovered_seg->seq) + 1);
        shared.focus = task.id;
        if (const std::uint32_t line = next_line(m.events()[hovered_seg->seq]); line != 0) {
          shared.show_line = line;
        }
      } else {
        const double pad = 0.05 * (hovered_item->x1 - hovered_item->x0);
        view_.window = {timeline::from_x(p, hovered_item->x0 - static_cast<float>(pad)),
                        timeline::from_x(p, hovered_item->x1 + static_cast<float>(pad))};
        if (view_.window.span() < min_span(view_.axis)) {
          view_.window = timeline::zoom(view_.window, 0.5, 1.0, min_span(view_.axis));
        }
        view_.fitted = false;
      }
    }
  }
}

}  // namespace rdv::ui
