// ui/timeline_panel.cpp — the draw phase: walks the lists timeline_layout.cpp prepared.
#include "ui/timeline_panel.h"

#include "ui/state_style.h"
#include "ui/theme.h"
#include "ui/view_model.h"

#include <imgui.h>

#include <algorithm>
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
}

void TimelinePanel::draw_view_menu() {
  bool by_events = view_.axis == Axis::EventOrder;
  if (ImGui::MenuItem("Timeline: event order axis", nullptr, &by_events)) {
    set_axis(by_events ? Axis::EventOrder : Axis::Time);
  }
  if (ImGui::MenuItem("Timeline: fit all")) view_.fitted = true;
}

void TimelinePanel::draw() {
  Controller& c = controller_;
  const model::Model& m = c.model();
  ViewState& shared = c.view();
  const model::State& head = m.head();
  if (view_.seen_model != &m || m.size() < view_.seen_size) {
    view_.fitted = true;  // a new run or a reset
    view_.first_lane = 0;
  }
  view_.seen_model = &m;
  view_.seen_size = m.size();

  // The bar: axis toggle and fit-all.
  if (ImGui::RadioButton("time", view_.axis == Axis::Time)) set_axis(Axis::Time);
  ImGui::SameLine();
  if (ImGui::RadioButton("event order", view_.axis == Axis::EventOrder)) {
    set_axis(Axis::EventOrder);
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("fit all")) view_.fitted = true;
  ImGui::SameLine();
  ImGui::TextDisabled("wheel: zoom  drag: pan  click: go to event");
  if (m.size() == 0 || head.tasks.empty()) {
    ImGui::TextDisabled("No events yet.");
    return;
  }
  if (view_.fitted) view_.window = timeline::fit_all(m, view_.axis);

  const float em = ImGui::GetFontSize();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float label_w = std::min(em * 8.0f, avail.x * 0.3f);
  const float axis_h = ImGui::GetTextLineHeight() + 4.0f;
  const float lane_h = std::round(em * 1.35f);
  const float x0 = origin.x + label_w;
  const float width = avail.x - label_w;
  const float lanes_top = origin.y + axis_h;
  if (width < 20.0f || avail.y < axis_h + lane_h) return;

  // Which lanes fit vertically.
  const std::size_t n_tasks = std::min(m.task_count(), head.tasks.size());
  const auto fit_lanes = static_cast<std::size_t>(std::max(1.0f, (avail.y - axis_h) / lane_h));
  view_.first_lane = std::min(view_.first_lane, n_tasks > fit_lanes ? n_tasks - fit_lanes : 0);
  std::vector<std::size_t> lanes;
  for (std::size_t i = view_.first_lane; i < n_tasks && lanes.size() < fit_lanes; ++i) {
    lanes.push_back(i);
  }

  // Input over the drawing area (a button so dragging does not move the window).
  ImGui::SetCursorScreenPos(origin);
  const bool released = ImGui::InvisibleButton("##timeline", ImVec2(avail.x, avail.y));
  if (ImGui::IsItemActivated()) view_.dragged = false;
  const bool hovered = ImGui::IsItemHovered();
  const ImGuiIO& io = ImGui::GetIO();
  timeline::Params p{view_.axis, view_.window, width, 3.0f};
  const float mx = io.MousePos.x - x0;
  if (hovered && io.MouseWheel != 0.0f) {
    if (mx < 0) {  // over the lane names: scroll the lanes
      const auto step = static_cast<std::ptrdiff_t>(io.MouseWheel > 0 ? -1 : 1) * 2;
      const auto next = static_cast<std::ptrdiff_t>(view_.first_lane) + step;
      view_.first_lane = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, next));
    } else {
      view_.window = timeline::zoom(view_.window, std::clamp(mx / width, 0.0f, 1.0f),
                                    std::pow(0.85, io.MouseWheel), min_span(view_.axis));
      view_.fitted = false;
    }
  }
  const bool dragging = ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2);
  if (dragging && io.MouseDelta.x != 0.0f) {
    view_.dragged = true;
    view_.window = timeline::pan(view_.window, -io.MouseDelta.x / width);
    view_.fitted = false;
  }
  if (hovered) {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) {
      view_.window = timeline::pan(view_.window, -0.1), view_.fitted = false;
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) {
      view_.window = timeline::pan(view_.window, 0.1), view_.fitted = false;
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) {
      view_.window = timeline::zoom(view_.window, 0.5, 0.8, min_span(view_.axis));
      view_.fitted = false;
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) {
      view_.window = timeline::zoom(view_.window, 0.5, 1.25, min_span(view_.axis));
      view_.fitted = false;
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home))) view_.fitted = true;
  }
  if (view_.fitted) view_.window = timeline::fit_all(m, view_.axis);
  p.window = view_.window;

  // Prepare, then draw.
  arrows_.update(m);
  const timeline::Prepared prep = timeline::prepare(m, p, lanes, arrows_);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 clip_max(origin.x + avail.x, origin.y + avail.y);
  dl->PushClipRect(origin, clip_max, true);
  const float lanes_bottom = lanes_top + lane_h * static_cast<float>(lanes.size());

  // Axis ticks and grid.
  for (const timeline::Tick& t : timeline::ticks(p, em * 6.0f)) {
    const float x = x0 + t.x;
    dl->AddLine(ImVec2(x, origin.y + axis_h - 4), ImVec2(x, lanes_bottom), kGrid);
    dl->AddText(ImVec2(x + 3, origin.y), palette::kTextDim, t.label.c_str());
  }

  // Lanes: names, then the items.
  auto lane_y = [&](std::size_t l) { return lanes_top + lane_h * static_cast<float>(l); };
  const model::Segment* hovered_seg = nullptr;
  const timeline::Item* hovered_item = nullptr;
  std::size_t hovered_lane = 0;
  for (std::size_t l = 0; l < prep.lanes.size(); ++l) {
    const timeline::Lane& lane = prep.lanes[l];
    const model::TaskInfo& task = head.tasks[lane.task_index];
    const float y = lane_y(l);
    if (l % 2 == 0) dl->AddRectFilled(ImVec2(origin.x, y), ImVec2(clip_max.x, y + lane_h), kLaneBg);
    if (shared.focus == task.id) {
      dl->AddRectFilled(ImVec2(origin.x, y), ImVec2(clip_max.x, y + lane_h), kFocusBg);
    }
    dl->AddRectFilled(ImVec2(origin.x, y + 2), ImVec2(origin.x + 4, y + lane_h - 2),
                      task_colour(lane.task_index));
    const std::string_view name = m.str(task.name);
    dl->PushClipRect(ImVec2(origin.x, y), ImVec2(x0 - 4, y + lane_h), true);
    dl->AddText(ImVec2(origin.x + 8, y + (lane_h - em) / 2), palette::kText, name.data(),
                name.data() + name.size());
    dl->PopClipRect();

    const auto segs = m.segments(lane.task_index);
    const float top = y + 2, bottom = y + lane_h - 2;
    for (const timeline::Item& it : lane.items) {
      const float a = x0 + it.x0, b = x0 + std::max(it.x1, it.x0 + 1.0f);
      if (it.folded()) {
        dl->AddRectFilled(ImVec2(a, top + 2), ImVec2(b, bottom - 2), kFolded);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%u events", it.count);
        if (ImGui::CalcTextSize(buf).x + 6 < b - a) {
          dl->AddText(ImVec2(a + 3, y + (lane_h - em) / 2), palette::kText, buf);
        }
      } else {
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
            const float r = (bottom - top) * 0.32f;
            dl->AddCircleFilled(ImVec2(a + r + 3, (top + bottom) / 2), r + 1.5f,
                                IM_COL32(0, 0, 0, 90));
            draw_state_icon(dl, ImVec2(a + r + 3, (top + bottom) / 2), r, v);
            if (sg.state == model::TaskState::Blocked && sg.obj != 0) {
              const std::string label = object_label(m, sg.obj);
              if (ImGui::CalcTextSize(label.c_str()).x + 2 * r + 10 < b - a) {
                dl->AddText(ImVec2(a + 2 * r + 7, y + (lane_h - em) / 2), IM_COL32(0, 0, 0, 230),
                            label.c_str());
              }
            }
          }
        }
      }
      if (hovered && io.MousePos.y >= y && io.MousePos.y < y + lane_h && mx >= it.x0 &&
          mx <= std::max(it.x1, it.x0 + 1.0f) && hovered_item == nullptr) {
        hovered_item = &it;
        hovered_lane = l;
        if (!it.folded()) hovered_seg = &segs[it.first];
      }
    }
  }

  // Arrows between surviving items.
  for (const timeline::PreparedArrow& a : prep.arrows) {
    const float ya = lane_y(a.from_lane) + lane_h / 2, yb = lane_y(a.to_lane) + lane_h / 2;
    const bool spawn = a.kind == model::ArrowKind::Spawn;
    draw_arrow(dl, ImVec2(x0 + a.x0, ya), ImVec2(x0 + a.x1, yb), arrow_colour(a.kind), !spawn);
  }

  // Markers: notes (a flag at the lane's top), panics (a cross), the deadlock (a line across).
  for (const timeline::Marker& mk : prep.markers) {
    const float x = x0 + mk.x;
    if (mk.lane < 0) {  // about the whole run: the deadlock in red, the run's end dim
      const bool dead = mk.kind == timeline::MarkerKind::Deadlock;
      const ImU32 col = dead ? palette::kError : palette::kTextDim;
      dl->AddLine(ImVec2(x, lanes_top), ImVec2(x, lanes_bottom), col, dead ? 2.0f : 1.0f);
      dl->AddText(ImVec2(x + 3, lanes_bottom - em - 2), col, dead ? "deadlock" : "end");
      continue;
    }
    const float y = lane_y(static_cast<std::size_t>(mk.lane));
    switch (mk.kind) {
      case timeline::MarkerKind::Note:
        dl->AddTriangleFilled(ImVec2(x - 4, y), ImVec2(x + 4, y), ImVec2(x, y + 6), kNote);
        break;
      case timeline::MarkerKind::Panic:
        dl->AddLine(ImVec2(x - 4, y + 3), ImVec2(x + 4, y + lane_h - 3), palette::kError, 2.5f);
        dl->AddLine(ImVec2(x + 4, y + 3), ImVec2(x - 4, y + lane_h - 3), palette::kError, 2.5f);
        break;
      case timeline::MarkerKind::Deadlock:
      case timeline::MarkerKind::Other:
        dl->AddCircle(ImVec2(x, y + lane_h / 2), 3.5f, palette::kTextDim);
        break;
    }
  }

  // The cursor: after the first `cursor` events.
  if (shared.cursor > 0) {
    const double v = view_.axis == Axis::EventOrder
                         ? static_cast<double>(shared.cursor)
                         : timeline::axis_value(m, Axis::Time, shared.cursor - 1);
    const float x = x0 + timeline::to_x(p, v);
    dl->AddLine(ImVec2(x, origin.y), ImVec2(x, lanes_bottom), kCursor, 1.5f);
  }
  dl->AddLine(ImVec2(x0 - 1, origin.y), ImVec2(x0 - 1, lanes_bottom), kGrid);
  dl->PopClipRect();

  // Hover and click.
  if (hovered_item != nullptr && !dragging) {
    const model::TaskInfo& task = head.tasks[prep.lanes[hovered_lane].task_index];
    ImGui::BeginTooltip();
    if (hovered_seg != nullptr) {
      const model::Segment& sg = *hovered_seg;
      const VisualState v = visual_state(sg.state, sg.reason);
      const sim::Event& e = m.events()[sg.seq];
      ImGui::Text("%.*s: %s", static_cast<int>(m.str(task.name).size()), m.str(task.name).data(),
                  state_label(v));
      if (sg.obj != 0) ImGui::Text("on %s", object_label(m, sg.obj).c_str());
      const std::uint32_t end = hovered_item->seq_end;
      ImGui::Text("from %s", where(m, sg.seq).c_str());
      if (end < m.size()) {
        ImGui::Text("to %s (%s)", where(m, end).c_str(),
                    format_time(m.events()[end].t - e.t).c_str());
      }
      ImGui::Text("event: %s", sim::to_string(e.kind));
      if (e.line != 0) {
        const std::string_view src = source_line(c.script(), e.line);
        ImGui::Text("line %u: %.*s", e.line, static_cast<int>(src.size()), src.data());
      }
      ImGui::TextDisabled("click: go to this event");
    } else {
      ImGui::Text("%u spans folded (#%u .. #%u)", hovered_item->count, hovered_item->seq_begin,
                  hovered_item->seq_end);
      ImGui::TextDisabled("click: zoom in");
    }
    ImGui::EndTooltip();
    if (released && !view_.dragged) {
      if (hovered_seg != nullptr) {
        c.request_seek(static_cast<std::size_t>(hovered_seg->seq) + 1);
        shared.focus = task.id;
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
