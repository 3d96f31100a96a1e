// ui/tasks_panel.cpp — a clipped table of task rows built by view_model.h.
#include "ui/tasks_panel.h"
#include "ui/text.h"

#include "session/view_model.h"
#include "ui/legend.h"
#include "ui/state_style.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace rdv::ui {

using session::Controller;
using session::format_time;
using session::Source;
using session::state_label;
using session::state_meaning;
using session::task_row;
using session::TaskRow;
using session::ViewState;
using session::visual_state;

namespace {

constexpr ImU32 kFocusBg = IM_COL32(97, 175, 239, 60);

// " (goroutine N)" for a tooltip, unless the name already ends with it (names that repeat do).
std::string numbered(const std::string& name, sim::TaskId id) {
  const std::string suffix = " (goroutine " + std::to_string(id) + ")";
  return name.ends_with(suffix) ? std::string() : suffix;
}

}  // namespace

void TasksPanel::draw_view_menu() {
  ImGui::MenuItem("Hide finished tasks", nullptr, &controller_.view().hide_done);
}

void TasksPanel::draw() {
  Controller& c = controller_;
  const model::Model& m = c.model();
  const model::State& s = c.state();
  ViewState& view = c.view();
  // The legend's words where they take at most a third of the pane, else its shapes.
  draw_state_legend(ImGui::GetContentRegionAvail().y / 3);
  ImGui::Separator();
  if (s.tasks.empty()) {
    ImGui::TextDisabled(c.source_kind() == Source::None ? "No run yet."
                                                        : "No task has started yet: press Step.");
    return;
  }
  // Which rows to show (filtering keeps the clipper exact).
  std::vector<std::uint32_t> rows;
  rows.reserve(s.tasks.size());
  for (std::size_t i = 0; i < s.tasks.size(); ++i) {
    if (view.hide_done && s.tasks[i].state == model::TaskState::Done) continue;
    rows.push_back(static_cast<std::uint32_t>(i));
  }
  const auto cands = c.candidates();
  const float em = ImGui::GetFontSize();
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                     ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV |
                                     ImGuiTableFlags_SizingStretchProp;
  // What a task's state column says: what it waits on while parked, else its state's word.
  const auto state_text = [](const model::TaskInfo& t, const TaskRow& row) {
    const bool parked =
        t.state == model::TaskState::Blocked || t.state == model::TaskState::Sleeping;
    return parked ? std::string_view(row.doing) : std::string_view(state_label(row.visual));
  };
  // The widest word of `text` and, in *whole, all of it.
  const auto widest_word_of = [](std::string_view text, float* whole) {
    float widest = 0;
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t end = std::min(text.find(' ', at), text.size());
      widest = std::max(widest, ImGui::CalcTextSize(text.data() + at, text.data() + end).x);
      at = end + 1;
    }
    if (whole != nullptr)
      *whole = std::max(*whole, ImGui::CalcTextSize(text.data(), text.data() + text.size()).x);
    return widest;
  };
  // The name column takes what the longest name needs (Go's "main.main.func1 (goroutine 3)"),
  // up to 75% of the table; the state, which wraps, the rest. Where a whole name would take
  // more than half of it, names wrap between words (as "main.main.func1" over "(goroutine 3)")
  // and the column takes what the longest word needs, leaving the state room to be read. The
  // state keeps at least the longest word of its states' names ("runnable"), so that a narrow
  // pane (1280x720) shows "runnable", not "runn…": the name gives way first, down to 35%.
  // Measured over the first rows (a run with thousands of tasks is scrolled, not read whole).
  // The split is part of the table's id, in steps of 2.5%, so that a wider name gets a new
  // split but a drag within one stays.
  float widest = 0;
  float widest_word = 0;
  std::array<bool, session::kVisualStateCount> seen{};  // the states shown, by VisualState
  for (std::size_t i = 0; i < rows.size() && i < 300; ++i) {
    const model::TaskInfo& t = s.tasks[rows[i]];
    widest_word = std::max(widest_word, widest_word_of(m.task_name(t.id), &widest));
    seen[static_cast<std::size_t>(visual_state(t))] = true;
  }
  float widest_state_word = 0;
  for (const session::VisualState v : session::kVisualStates) {
    if (seen[static_cast<std::size_t>(v)])
      widest_state_word = std::max(widest_state_word, widest_word_of(state_label(v), nullptr));
  }
  // The fixed columns, and every column's padding and inner border.
  const float pad = 2 * ImGui::GetStyle().CellPadding.x + 1;
  // The two narrow columns take what their header or widest value needs: "line" over 5
  // digits, "waiting" over "9999 ev" (their headers' tooltips say what they count).
  const float line_w = std::max(ImGui::CalcTextSize("line").x, ImGui::CalcTextSize("00000").x);
  const float waiting_w =
      std::max(ImGui::CalcTextSize("waiting").x, ImGui::CalcTextSize("9999 ev").x);
  const float fixed = line_w + waiting_w + 4 * pad;
  const float room = std::max(ImGui::GetContentRegionAvail().x - fixed, em * 8.0f);
  // Icon, name, and the pick button when tasks can be picked.
  const float extra = ImGui::GetTextLineHeight() + em * (cands.empty() ? 1.5f : 5.5f);
  // Up to a few hundred rows are all laid out, so a row can be as tall as its wrapped text;
  // beyond that the clipper lays out only the visible rows, each one line high: names cannot
  // wrap there, and the column takes what the whole of the longest needs (within 75%), or
  // "worker number 432" would read "worker …".
  constexpr std::size_t kWrapRows = 300;
  const bool wrap = rows.size() <= kWrapRows;
  const float need = wrap && widest + extra > room * 0.5f ? widest_word + extra : widest + extra;
  const float share = std::clamp(need / room, 0.35f, 0.75f);
  // Rounded up for the name (never less than it needs), then down for the state's word.
  constexpr int kSteps = 40;
  const int state_keeps =
      static_cast<int>(std::ceil((widest_state_word + pad) / room * static_cast<float>(kSteps)));
  const int split = std::max(
      kSteps * 35 / 100,
      std::min(static_cast<int>(std::ceil(share * kSteps)), kSteps - std::max(state_keeps, 1)));
  const std::string id = "##tasks" + std::to_string(split);
  if (!ImGui::BeginTable(id.c_str(), 4, kFlags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("task", ImGuiTableColumnFlags_WidthStretch, static_cast<float>(split));
  ImGui::TableSetupColumn("state / waiting on", ImGuiTableColumnFlags_WidthStretch,
                          static_cast<float>(kSteps - split));
  // The line each task executes next (a blocked task: the line it waits at).
  ImGui::TableSetupColumn("line", ImGuiTableColumnFlags_WidthFixed, line_w);
  ImGui::TableSetupColumn("waiting", ImGuiTableColumnFlags_WidthFixed, waiting_w);
  static constexpr const char* kHeaderTips[] = {
      "The task's name: Go's for a goroutine (main.main.func1), with its number when several "
      "share it",
      "What the task is doing: its state, or what it waits on and who holds it",
      "The line the task executes next; a parked task: the line it waits at",
      "How many events the task has been parked for (hover a row for the time)",
  };
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int col = 0; col < 4; ++col) {
    if (!ImGui::TableSetColumnIndex(col)) continue;
    // A narrow state column is headed "state" rather than "state / wai…".
    const char* name = ImGui::TableGetColumnName(col);
    if (col == 1 && ImGui::CalcTextSize(name).x > ImGui::GetContentRegionAvail().x) name = "state";
    ImGui::TableHeader(name);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", kHeaderTips[col]);
  }
  const auto draw_row = [&](int r) {
    const model::TaskInfo& t = s.tasks[rows[static_cast<std::size_t>(r)]];
    const TaskRow row = task_row(m, s, t);
    ImGui::TableNextRow();
    if (row.stuck) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, palette::kStuckRowBg);
    if (view.focus == row.id) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, kFocusBg);
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(row.id));
    // Identity colour bar, then the state icon, then the name.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(p.x, p.y), ImVec2(p.x + 3, p.y + h), task_colour(row.index));
    draw_state_icon(dl, ImVec2(p.x + 6 + h / 2, p.y + h / 2), h * 0.36f, row.visual);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 9 + h, p.y));
    const bool pickable = std::find(cands.begin(), cands.end(), row.id) != cands.end();
    // A numbered name that does not fit goes on two lines, its number below: the number is what
    // tells the goroutines of one function apart, so it is not the part to cut.
    // Any other name that does not fit wraps between its words ("fetch" over "gamma"), or, one
    // line high past kWrapRows rows, is cut with "…"; a word wider than the column is cut with
    // "…", never clipped mid-letter.
    std::string shown = row.name;
    const float name_w = ImGui::GetContentRegionAvail().x - (pickable ? em * 4.5f : 0.0f);
    if (ImGui::CalcTextSize(shown.c_str()).x > name_w) {
      const std::size_t number = shown.rfind(" (goroutine ");
      if (!wrap) {
        shown = fit_text(shown, name_w);
      } else if (number != std::string::npos) {
        shown = wrap_words(std::string_view(shown).substr(0, number), name_w) + "\n" +
                wrap_words(std::string_view(shown).substr(number + 1), name_w);
      } else {
        shown = wrap_words(shown, name_w);
      }
    }
    if (ImGui::Selectable(
            shown.c_str(), view.focus == row.id,
            ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap)) {
      view.focus = view.focus == row.id ? 0 : row.id;
      if (view.focus != 0 && row.line != 0) view.show_line = row.line;
    }
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s%s\n%s\nClick to focus it everywhere; Step task advances it.",
                        row.name.c_str(), numbered(row.name, row.id).c_str(),
                        state_meaning(row.visual));
    if (pickable) {
      ImGui::SameLine();
      if (ImGui::SmallButton("\xE2\x96\xB6 pick")) c.request_pick(row.id);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Let this task take the next step");
    }
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text, state_colour(row.visual));
    const bool parked =
        t.state == model::TaskState::Blocked || t.state == model::TaskState::Sleeping;
    // Wrapped in full (the diagnosis is in it) unless there are so many rows that the
    // clipper needs them one line high; then the tooltip has it. Lines break between words: a
    // word wider than the column (one the split could not make room for) is cut with "…".
    const std::string_view shown_state = state_text(t, row);
    const float state_w = ImGui::GetContentRegionAvail().x;
    text(wrap ? wrap_words(shown_state, state_w) : fit_text(shown_state, state_w));
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.doing.c_str());
    ImGui::TableNextColumn();
    if (row.line != 0)
      ImGui::Text("%u", row.line);
    else
      ImGui::TextDisabled("-");
    ImGui::TableNextColumn();
    // One unit in this column: how many events the task has been parked for (its time, and
    // its total, in the tooltip). A task that runs, is runnable or is done waits for nothing.
    if (parked) {
      ImGui::Text("%llu ev", static_cast<unsigned long long>(row.blocked_steps));
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "Parked for the last %llu events (%s); blocked or asleep %s in all so far",
            static_cast<unsigned long long>(row.blocked_steps),
            format_time(s.now > t.since_t ? s.now - t.since_t : 0).c_str(),
            format_time(row.blocked_time).c_str());
    }
    ImGui::PopID();
  };
  if (wrap) {
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) draw_row(r);
  } else {
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step())
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) draw_row(r);
  }
  ImGui::EndTable();
}

}  // namespace rdv::ui
