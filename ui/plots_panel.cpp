// ui/plots_panel.cpp — draws the series of model/series.h with ImDrawList: step plots as one
// filled rectangle per pixel column (min..max in that column, so nothing vanishes when a long
// run is squeezed into a few hundred pixels), and stacked bars per task.
#include "ui/plots_panel.h"
#include "ui/text.h"

#include "session/timeline_layout.h"
#include "session/view_model.h"
#include "ui/legend.h"
#include "ui/state_style.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>

namespace rdv::ui {

namespace timeline = session::timeline;
using session::format_time;
using session::object_label;
using session::state_label;
using session::state_meaning;
using session::ViewState;
using session::visual_state;
using session::VisualState;

namespace {

using model::Column;
using model::XAxis;

constexpr ImU32 kPlotBg = IM_COL32(255, 255, 255, 10);
constexpr ImU32 kGrid = IM_COL32(255, 255, 255, 24);
constexpr ImU32 kCursor = IM_COL32(255, 255, 255, 220);
constexpr ImU32 kLenFill = IM_COL32(97, 175, 239, 80);
constexpr ImU32 kCap = IM_COL32(200, 204, 212, 170);
constexpr ImU32 kSenders = IM_COL32(229, 192, 123, 255);
constexpr ImU32 kReceivers = IM_COL32(198, 120, 221, 255);

// The states a bar is split into, in drawing order (Done and Panicked are not time "spent").
constexpr std::array<VisualState, 6> kBarStates = {
    VisualState::Running,       VisualState::Runnable,    VisualState::BlockedChan,
    VisualState::BlockedSelect, VisualState::BlockedSync, VisualState::Sleeping};

XAxis x_axis(bool events) {
  return events ? XAxis::Events : XAxis::Time;
}

timeline::Axis tl_axis(bool events) {
  return events ? timeline::Axis::EventOrder : timeline::Axis::Time;
}

// A duration on the chosen axis, for people: "12 events" or "1.5 s".
std::string amount(double v, bool events) {
  if (events) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f event%s", v, std::llround(v) == 1 ? "" : "s");
    return buf;
  }
  return format_time(static_cast<sim::Nanos>(std::llround(v)));
}

// A step series in the rectangle [a, b]: one rectangle per column from its min to its max,
// `thick` pixels tall at least; with `fill`, the area under the column's max too.
void draw_steps(ImDrawList* dl, const std::vector<Column>& cols, ImVec2 a, ImVec2 b, float ymax,
                ImU32 colour, float thick, ImU32 fill = 0) {
  const float h = b.y - a.y;
  const auto y = [&](float v) { return b.y - h * std::clamp(v / ymax, 0.0f, 1.0f); };
  for (std::size_t c = 0; c < cols.size(); ++c) {
    const Column& col = cols[c];
    if (!col.defined) continue;
    const float x = a.x + static_cast<float>(c);
    const float yhi = y(col.hi), ylo = y(col.lo);
    if (fill != 0 && col.hi > 0) dl->AddRectFilled(ImVec2(x, yhi), ImVec2(x + 1, b.y), fill);
    dl->AddRectFilled(ImVec2(x, yhi - thick / 2), ImVec2(x + 1, ylo + thick / 2), colour);
  }
}

// "chan results" → "results"; unnamed channels keep "chan #3".
std::string channel_name(const model::Model& m, const model::ChannelInfo& c) {
  std::string s = object_label(m, c.id);
  if (s.rfind("chan ", 0) == 0 && s.size() > 5 && s[5] != '#') s = s.substr(5);
  return s;
}

// Text fitted to `w` pixels (fit_text: an ellipsis where cut, a goroutine's number kept).
void clipped_text(ImDrawList* dl, ImVec2 p, float w, ImU32 colour, const std::string& text) {
  dl->AddText(p, colour, fit_text(text, w).c_str());
}

// A 1-2-5 step at least `min_px` apart for a scale of `max` over `w` pixels.
double nice_step(double max, float w, float min_px) {
  const double raw = max * static_cast<double>(min_px) / std::max(1.0, static_cast<double>(w));
  const double p10 = std::pow(10.0, std::floor(std::log10(std::max(raw, 1e-9))));
  for (const double m : {1.0, 2.0, 5.0, 10.0}) {
    if (p10 * m >= raw) return p10 * m;
  }
  return p10 * 10;
}

}  // namespace

void PlotsPanel::draw_view_menu() {
  bool by_events = controller_.view().event_axis;
  if (ImGui::MenuItem("Plots: event order axis", nullptr, &by_events))
    controller_.view().event_axis = by_events;
  ImGui::MenuItem("Plots: timer and done() channels too", nullptr, &show_hidden_);
}

void PlotsPanel::refresh(std::size_t columns) {
  const model::Model& m = controller_.model();
  const bool ev = controller_.view().event_axis;
  if (cache_.model == &m && cache_.size == m.size() && cache_.event_axis == ev &&
      cache_.columns == columns)
    return;
  const XAxis axis = x_axis(ev);
  cache_.totals_cursor = ~std::size_t{0};
  if (cache_.model != &m || m.size() < cache_.size) {
    cache_.names_measured = 0;
    cache_.widest_name = 0;
  }
  cache_.model = &m;
  cache_.size = m.size();
  cache_.event_axis = ev;
  cache_.columns = columns;
  cache_.range = model::full_range(m, axis);
  cache_.blocked = model::count_columns(m, model::CountField::Blocked, axis, cache_.range, columns);
  cache_.sleeping =
      model::count_columns(m, model::CountField::Sleeping, axis, cache_.range, columns);
  cache_.count_max = std::max({1u, model::count_max(m, model::CountField::Blocked),
                               model::count_max(m, model::CountField::Sleeping)});
  const model::State& head = m.head();
  cache_.chans.assign(m.channel_count(), {});
  for (std::size_t i = 0; i < m.channel_count(); ++i) {
    Cache::Chan& c = cache_.chans[i];
    c.len = model::channel_columns(m, i, model::ChanField::Len, axis, cache_.range, columns);
    c.sendq = model::channel_columns(m, i, model::ChanField::SendQ, axis, cache_.range, columns);
    c.recvq = model::channel_columns(m, i, model::ChanField::RecvQ, axis, cache_.range, columns);
    const std::int64_t cap = i < head.channels.size() ? head.channels[i].cap : 0;
    c.max = std::max({1u, static_cast<std::uint32_t>(std::max<std::int64_t>(cap, 0)),
                      model::channel_max(m, i, model::ChanField::Len),
                      model::channel_max(m, i, model::ChanField::SendQ),
                      model::channel_max(m, i, model::ChanField::RecvQ)});
  }
}

void PlotsPanel::draw() {
  const model::Model& m = controller_.model();
  ViewState& view = controller_.view();
  if (m.size() == 0) {
    ImGui::TextDisabled("No events yet: open a scenario or a trace, then press Run or Step.");
    return;
  }
  // The bar: the x axis (shared with the Timeline) and what a click does.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("x axis:");
  ImGui::SameLine();
  if (ImGui::RadioButton("event order", view.event_axis)) view.event_axis = true;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("One step per event, so a controlled run's zero-time steps get room");
  ImGui::SameLine();
  if (ImGui::RadioButton("time", !view.event_axis)) view.event_axis = false;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("The run's clock: virtual time (controlled) or wall time (live)");
  ImGui::SameLine();
  ImGui::TextDisabled("   click or drag in a plot to show every panel at that moment");

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float left_w = std::floor(avail.x * 0.60f);
  ImGui::BeginChild("##plots_series", ImVec2(left_w, avail.y), false);
  draw_series(left_w);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##plots_bars", ImVec2(0, avail.y), false);
  draw_bars(ImGui::GetContentRegionAvail().x);
  ImGui::EndChild();
}

void PlotsPanel::draw_series(float width) {
  const model::Model& m = controller_.model();
  ViewState& view = controller_.view();
  const XAxis axis = x_axis(view.event_axis);
  const float em = ImGui::GetFontSize();
  const float line = ImGui::GetTextLineHeight();
  const float gutter = std::floor(em * 8.5f);
  const float data_w =
      std::floor(std::max(40.0f, width - gutter - ImGui::GetStyle().ScrollbarSize - 8.0f));
  refresh(static_cast<std::size_t>(data_w));
  const model::XRange range = cache_.range;
  const timeline::Params params{tl_axis(view.event_axis), timeline::Window{range.begin, range.end},
                                data_w, 3.0f};
  const std::vector<timeline::Tick> ticks = timeline::ticks(params, em * 5.5f);
  const std::size_t cursor = view.cursor;
  const auto x_px = [&](double v) {
    return static_cast<float>((v - range.begin) / range.span() * static_cast<double>(data_w));
  };
  ImDrawList* dl = ImGui::GetWindowDrawList();

  // One plot's frame: background, grid, cursor, selection; hover and click. Returns the
  // cursor (events shown) the mouse points at, or npos when it is not over the plot.
  const auto frame = [&](const char* id, ImVec2 a, ImVec2 b) -> std::size_t {
    ImGui::SetCursorScreenPos(a);
    ImGui::InvisibleButton(id, ImVec2(b.x - a.x, b.y - a.y));
    const bool hovered = ImGui::IsItemHovered();
    dl->AddRectFilled(a, b, kPlotBg);
    for (const timeline::Tick& t : ticks)
      dl->AddLine(ImVec2(a.x + t.x, a.y), ImVec2(a.x + t.x, b.y), kGrid);
    dl->AddLine(ImVec2(a.x, b.y), ImVec2(b.x, b.y), kGrid);
    std::size_t at = ~std::size_t{0};
    if (hovered || ImGui::IsItemActive()) {
      const float mx = std::clamp(ImGui::GetIO().MousePos.x, a.x, b.x);
      at = model::cursor_at(m, axis,
                            range.begin + static_cast<double>((mx - a.x) / data_w) * range.span());
    }
    if (ImGui::IsItemActive() && at != ~std::size_t{0}) {
      if (at != view.cursor || view.playing || view.follow) controller_.request_seek(at);
      if (at > 0) view.selected = at - 1;
    }
    return hovered ? at : ~std::size_t{0};
  };
  // The data of a plot, clipped at the cursor unless the whole run is shown (the future hidden).
  const auto past_only = [&](ImVec2 a, ImVec2 b) {
    const float cx = view.reveal_future ? b.x : a.x + x_px(model::x_of_cursor(m, axis, cursor));
    dl->PushClipRect(a, ImVec2(std::clamp(cx + 1, a.x, b.x), b.y), true);
  };
  // The cursor and the selected event over a plot (drawn after the data).
  const auto marks = [&](ImVec2 a, ImVec2 b) {
    const float cx = a.x + x_px(model::x_of_cursor(m, axis, cursor));
    dl->AddLine(ImVec2(cx, a.y), ImVec2(cx, b.y), kCursor, 1.5f);
    if (view.selected != sim::kNoSeq && view.selected < m.size()) {
      const float sx = a.x + x_px(model::x_of_cursor(m, axis, view.selected + 1));
      dl->AddTriangleFilled(ImVec2(sx - 4, a.y), ImVec2(sx + 4, a.y), ImVec2(sx, a.y + 6),
                            palette::kText);
    }
  };
  const auto where = [&](std::size_t n) {
    if (n == 0) return std::string("before the first event");
    return "after event #" + std::to_string(n - 1) + " (t = " + format_time(m.events()[n - 1].t) +
           ")";
  };

  ImVec2 p = ImGui::GetCursorScreenPos();
  const float x0 = p.x + gutter;

  // 1. Blocked and sleeping tasks.
  {
    const float h = std::floor(em * 3.6f);
    const ImVec2 a(x0, p.y + 2), b(x0 + data_w, p.y + 2 + h);
    const std::size_t at = frame("##blocked", a, b);
    const auto ymax = static_cast<float>(cache_.count_max);
    past_only(a, b);
    draw_steps(dl, cache_.sleeping, a, b, ymax, state_colour(VisualState::Sleeping), 1.5f);
    draw_steps(dl, cache_.blocked, a, b, ymax, state_colour(VisualState::BlockedChan), 2.0f);
    dl->PopClipRect();
    marks(a, b);
    dl->AddText(ImVec2(p.x, p.y), palette::kText, "Blocked tasks");
    char buf[64];
    std::snprintf(buf, sizeof buf, "%u blocked",
                  model::count_value_at(m, model::CountField::Blocked, cursor));
    dl->AddText(ImVec2(p.x, p.y + line), state_colour(VisualState::BlockedChan), buf);
    std::snprintf(buf, sizeof buf, "%u sleeping",
                  model::count_value_at(m, model::CountField::Sleeping, cursor));
    dl->AddText(ImVec2(p.x, p.y + 2 * line), state_colour(VisualState::Sleeping), buf);
    std::snprintf(buf, sizeof buf, "%u", cache_.count_max);
    dl->AddText(ImVec2(x0 - ImGui::CalcTextSize(buf).x - 4, a.y - 2), palette::kTextDim, buf);
    dl->AddText(ImVec2(x0 - ImGui::CalcTextSize("0").x - 4, b.y - line + 2), palette::kTextDim,
                "0");
    if (at != ~std::size_t{0}) {
      ImGui::BeginTooltip();
      ImGui::Text("%s", where(at).c_str());
      ImGui::Text("%u tasks blocked, %u sleeping",
                  model::count_value_at(m, model::CountField::Blocked, at),
                  model::count_value_at(m, model::CountField::Sleeping, at));
      ImGui::TextDisabled("Click: show every panel at this moment");
      ImGui::EndTooltip();
    }
    p.y = b.y;
  }
  // 2. The x axis, once, under the first plot.
  {
    for (const timeline::Tick& t : ticks) {
      const float tw = ImGui::CalcTextSize(t.label.c_str()).x;
      const float tx = std::clamp(x0 + t.x - tw / 2, x0, x0 + data_w - tw);
      dl->AddText(ImVec2(tx, p.y + 1), palette::kTextDim, t.label.c_str());
    }
    dl->AddText(ImVec2(p.x, p.y + 1), palette::kTextDim,
                view.event_axis ? "x: event number" : "x: time");
    p.y += line + 6;
  }
  // 3. One plot per channel made so far (in the whole run).
  const model::State& head = m.head();
  {
    dl->AddText(ImVec2(p.x, p.y), palette::kText, "Channels");
    float lx = x0;
    const auto key = [&](ImU32 colour, const char* label, bool box) {
      const float s = line * 0.6f;
      if (box) {
        dl->AddRectFilled(ImVec2(lx, p.y + line * 0.2f), ImVec2(lx + s, p.y + line * 0.2f + s),
                          kLenFill);
        dl->AddLine(ImVec2(lx, p.y + line * 0.2f), ImVec2(lx + s, p.y + line * 0.2f), colour, 2);
      } else {
        dl->AddLine(ImVec2(lx, p.y + line * 0.5f), ImVec2(lx + s, p.y + line * 0.5f), colour, 2);
      }
      dl->AddText(ImVec2(lx + s + 4, p.y), palette::kTextDim, label);
      lx += s + 4 + ImGui::CalcTextSize(label).x + em;
    };
    key(palette::kAccent, "len (values buffered)", true);
    key(kCap, "cap", false);
    key(kSenders, "senders waiting", false);
    key(kReceivers, "receivers waiting", false);
    p.y += line + 4;
  }
  // Timer and done() channels are hidden unless asked for, as in the Channels panel.
  const auto hidden = [&](const model::ChannelInfo& c) {
    if (show_hidden_) return false;
    if (c.owner != 0) return true;
    // A timer's channel that a task received from is shown, as in the Channels panel.
    return c.recvs == 0 && std::any_of(head.timers.begin(), head.timers.end(),
                                       [&](const model::TimerInfo& t) { return t.chan == c.id; });
  };
  const auto n_hidden =
      static_cast<std::size_t>(std::count_if(head.channels.begin(), head.channels.end(), hidden));
  if (head.channels.size() == n_hidden) {
    dl->AddText(ImVec2(p.x, p.y), palette::kTextDim,
                head.channels.empty() ? "(this run makes no channel)"
                                      : "(only timer and done() channels: see View menu)");
    p.y += line;
  }
  const model::State& now = controller_.state();
  const float ch_h = std::floor(std::max(em * 2.6f, line * 2 + 4));
  for (std::size_t i = 0; i < head.channels.size() && i < cache_.chans.size(); ++i) {
    const model::ChannelInfo& info = head.channels[i];
    if (hidden(info)) continue;
    const Cache::Chan& c = cache_.chans[i];
    const ImVec2 a(x0, p.y + 3), b(x0 + data_w, p.y + 3 + ch_h);
    // Only plots in view are drawn (the child scrolls).
    if (ImGui::IsRectVisible(a, b)) {
      ImGui::PushID(static_cast<int>(i));
      const std::size_t at = frame("##chan", a, b);
      ImGui::PopID();
      const auto ymax = static_cast<float>(c.max);
      if (info.cap > 0) {
        const float cy = b.y - (b.y - a.y) * std::min(1.0f, static_cast<float>(info.cap) / ymax);
        for (float x = a.x; x < b.x; x += 8)
          dl->AddLine(ImVec2(x, cy), ImVec2(std::min(x + 4, b.x), cy), kCap, 1.5f);
      }
      past_only(a, b);
      draw_steps(dl, c.len, a, b, ymax, palette::kAccent, 2.0f, kLenFill);
      draw_steps(dl, c.sendq, a, b, ymax, kSenders, 1.2f);
      draw_steps(dl, c.recvq, a, b, ymax, kReceivers, 1.2f);
      dl->PopClipRect();
      marks(a, b);
      clipped_text(dl, ImVec2(p.x, a.y), gutter - em * 1.2f, palette::kText, channel_name(m, info));
      const model::ChannelInfo* cur = now.channel(info.id);
      char buf[64];
      if (cur == nullptr) {
        std::snprintf(buf, sizeof buf, "not made yet");
      } else if (info.cap > 0) {
        std::snprintf(buf, sizeof buf, "len %zu / cap %lld%s", cur->buffer.size(),
                      static_cast<long long>(info.cap), cur->closed ? ", closed" : "");
      } else {
        std::snprintf(buf, sizeof buf, "unbuffered%s", cur->closed ? ", closed" : "");
      }
      clipped_text(dl, ImVec2(p.x, a.y + line), gutter - em * 1.2f, palette::kTextDim, buf);
      std::snprintf(buf, sizeof buf, "%u", c.max);
      dl->AddText(ImVec2(x0 - ImGui::CalcTextSize(buf).x - 4, a.y - 2), palette::kTextDim, buf);
      if (at != ~std::size_t{0}) {
        ImGui::BeginTooltip();
        ImGui::Text("%s: %s", object_label(m, info.id).c_str(), where(at).c_str());
        ImGui::Text("%u in the buffer (cap %lld), %u senders and %u receivers waiting",
                    model::channel_value_at(m, i, model::ChanField::Len, at),
                    static_cast<long long>(info.cap),
                    model::channel_value_at(m, i, model::ChanField::SendQ, at),
                    model::channel_value_at(m, i, model::ChanField::RecvQ, at));
        ImGui::TextDisabled("Click: show every panel at this moment");
        ImGui::EndTooltip();
      }
    }
    p.y = b.y;
  }
  ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + 4));
  ImGui::Dummy(ImVec2(1, 1));
}

void PlotsPanel::draw_bars(float width) {
  const model::Model& m = controller_.model();
  const ViewState& view = controller_.view();
  const bool ev = view.event_axis;
  const float em = ImGui::GetFontSize();
  const float line = ImGui::GetTextLineHeight();
  // Walking every segment up to the cursor costs in proportion to the run: only when needed.
  if (cache_.model != &m || cache_.size != m.size() || cache_.event_axis != ev ||
      cache_.totals_cursor != view.cursor) {
    cache_.totals = model::task_totals(m, x_axis(ev), view.cursor);
    cache_.totals_cursor = view.cursor;
  }
  const std::vector<model::TaskTotals>& totals = cache_.totals;
  ImGui::TextUnformatted("Time in each state, per task");
  ImGui::SameLine();
  ImGui::TextDisabled(ev ? "(events while in it, up to the cursor)" : "(up to the cursor)");
  // Legend: the states' colours, as everywhere.
  {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    LegendRow row(em);
    for (const VisualState v : kBarStates) {
      const char* label = state_label(v);
      row.next(line + 4 + ImGui::CalcTextSize(label).x);
      const ImVec2 q = ImGui::GetCursorScreenPos();
      dl->AddRectFilled(ImVec2(q.x, q.y + line * 0.2f),
                        ImVec2(q.x + line * 0.6f, q.y + line * 0.8f), state_colour(v));
      ImGui::Dummy(ImVec2(line * 0.6f + 2, line));
      ImGui::SameLine(0, 2);
      ImGui::TextUnformatted(label);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", state_meaning(v));
    }
  }
  if (totals.empty()) {
    ImGui::TextDisabled("No task has started yet at the cursor.");
    return;
  }
  double max_total = 0;
  for (const model::TaskTotals& t : totals) max_total = std::max(max_total, t.alive());
  if (max_total <= 0) max_total = 1;
  // The names' column: as wide as the longest name, at most 35% of the pane but at least 7 em
  // (a longer name is cut there; its tooltip has it whole).
  const model::State& head = m.head();
  for (std::size_t i = cache_.names_measured; i < head.tasks.size(); ++i) {
    const std::string_view name = m.task_name(head.tasks[i].id);
    cache_.widest_name = std::max(
        cache_.widest_name, ImGui::CalcTextSize(name.data(), name.data() + name.size()).x / em);
  }
  cache_.names_measured = head.tasks.size();
  const float gutter =
      std::floor(std::max(em * 7.0f, std::min((cache_.widest_name + 1.0f) * em, width * 0.35f)));
  const float label_w = ImGui::CalcTextSize(ev ? "00000 events" : "000.0 ms").x + em * 0.5f;
  const float bar_w = std::max(20.0f, width - gutter - label_w - ImGui::GetStyle().ScrollbarSize);
  ImDrawList* dl = ImGui::GetWindowDrawList();

  // The scale: 1-2-5 ticks with units.
  {
    const ImVec2 q = ImGui::GetCursorScreenPos();
    const double step = nice_step(max_total, bar_w, em * 4.0f);
    // When a single tick fits (a narrow pane), the longest bar's end is labelled instead.
    const double last = step > max_total ? max_total : step;
    for (double v = 0; v <= max_total * 1.0001; v += last) {
      const float x = q.x + gutter + static_cast<float>(v / max_total) * bar_w;
      const std::string label = ev ? std::to_string(std::llround(v)) : amount(v, false);
      const float tw = ImGui::CalcTextSize(label.c_str()).x;
      dl->AddText(ImVec2(std::min(x - tw / 2, q.x + gutter + bar_w - tw / 2), q.y),
                  palette::kTextDim, label.c_str());
      dl->AddLine(ImVec2(x, q.y + line), ImVec2(x, q.y + line + 3), palette::kTextDim);
    }
    dl->AddText(ImVec2(q.x, q.y), palette::kTextDim, ev ? "events" : "time");
    ImGui::Dummy(ImVec2(width - ImGui::GetStyle().ScrollbarSize, line + 4));
  }

  ImGui::BeginChild("##bars_rows", ImVec2(0, 0), false);
  const float row_h = line + 4;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(totals.size()), row_h);
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const model::TaskTotals& t = totals[static_cast<std::size_t>(r)];
      const ImVec2 q = ImGui::GetCursorScreenPos();
      ImGui::PushID(r);
      ImGui::InvisibleButton("##row", ImVec2(gutter + bar_w + label_w, row_h));
      ImGui::PopID();
      const bool hovered = ImGui::IsItemHovered();
      const model::TaskInfo& task = head.tasks[t.task_index];
      const bool focused = view.focus == task.id;
      if (hovered || focused)
        dl->AddRectFilled(q, ImVec2(q.x + gutter + bar_w + label_w, q.y + row_h),
                          IM_COL32(97, 175, 239, focused ? 40 : 20));
      clipped_text(dl, ImVec2(q.x, q.y + 2), gutter - 6, task_colour(t.task_index),
                   std::string(m.task_name(task.id)));
      // The stacked bar.
      std::array<double, kBarStates.size()> parts{};
      parts[0] = t.by_state[static_cast<std::size_t>(model::TaskState::Running)];
      parts[1] = t.by_state[static_cast<std::size_t>(model::TaskState::Runnable)];
      parts[5] = t.by_state[static_cast<std::size_t>(model::TaskState::Sleeping)];
      for (std::size_t reason = 0; reason < t.blocked_by.size(); ++reason) {
        const VisualState v =
            visual_state(model::TaskState::Blocked, static_cast<sim::BlockReason>(reason));
        const auto slot = static_cast<std::size_t>(
            std::find(kBarStates.begin(), kBarStates.end(), v) - kBarStates.begin());
        parts[std::min(slot, parts.size() - 1)] += t.blocked_by[reason];
      }
      float x = q.x + gutter;
      for (std::size_t s = 0; s < parts.size(); ++s) {
        const float w = static_cast<float>(parts[s] / max_total) * bar_w;
        if (w <= 0) continue;
        dl->AddRectFilled(ImVec2(x, q.y + 3), ImVec2(x + std::max(w, 1.0f), q.y + row_h - 3),
                          state_colour(kBarStates[s]));
        x += w;
      }
      const std::string total = amount(t.alive(), ev);
      dl->AddText(ImVec2(x + 4, q.y + 2), palette::kTextDim, total.c_str());
      if (hovered) {
        ImGui::BeginTooltip();
        ImGui::Text("%.*s, up to the cursor:", static_cast<int>(m.task_name(task.id).size()),
                    m.task_name(task.id).data());
        const double all = std::max(t.alive(), 1e-12);
        for (std::size_t s = 0; s < parts.size(); ++s) {
          if (parts[s] <= 0) continue;
          ImGui::PushStyleColor(ImGuiCol_Text, state_colour(kBarStates[s]));
          ImGui::Text("%-18s %s (%.0f%%)", state_label(kBarStates[s]), amount(parts[s], ev).c_str(),
                      100.0 * parts[s] / all);
          ImGui::PopStyleColor();
        }
        ImGui::TextDisabled("Click: focus this task in every panel");
        ImGui::EndTooltip();
      }
      if (ImGui::IsItemClicked()) controller_.view().focus = task.id;
    }
  }
  clipper.End();
  ImGui::EndChild();
}

}  // namespace rdv::ui
