// ui/scheduler_panel.cpp — the candidate buttons of the interactive policy.
#include "ui/scheduler_panel.h"
#include "ui/text.h"

#include "session/view_model.h"
#include "ui/state_style.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

namespace rdv::ui {

using session::Browser;
using session::code_without_comment;
using session::Controller;
using session::exercise_goal;
using session::outcome_headline;
using session::PolicyKind;
using session::ScenarioEntry;
using session::Source;
using session::source_line;
using session::VisualState;

namespace {

std::string header_field(const Browser& b, const char* key) {
  const ScenarioEntry* e = b.selected_entry();
  if (e == nullptr || !e->header) return {};
  for (const auto& [k, v] : e->header->fields)
    if (k == key) return v;
  return {};
}

}  // namespace

void SchedulerStrip::draw() {
  Controller& c = controller_;
  if (!c.interactive() &&
      !(c.settings().policy == PolicyKind::Interactive &&
        c.settings().mode == sim::Mode::Controlled && c.source_kind() == Source::Script))
    return;
  // Each runnable task's button: its name and the code of the line it executes next if picked
  // (without the comment): every task's line is its next line at a decision (model.h).
  const auto cands = c.candidates();
  const model::State& s = c.state();
  const sim::TaskId cur = c.current_task();
  const bool go = c.path().ends_with(".go");
  std::vector<std::string> labels;
  for (const sim::TaskId id : cands) {
    const model::TaskInfo* t = s.task(id);
    std::string label(c.model().task_name(id));
    if (t != nullptr && t->line != 0) {
      const std::string code(code_without_comment(source_line(c.script(), t->line), go));
      label += "  next: line " + std::to_string(t->line) + ": " + code;
    }
    if (id == cur) label += "  (was running)";
    labels.push_back(std::move(label));
  }
  // As many rows as the buttons need to show in full at this width.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float avail = ImGui::GetContentRegionAvail().x - style.WindowPadding.x * 2;
  int rows = 1;
  float x = ImGui::CalcTextSize("Who runs next?").x + style.ItemSpacing.x;
  for (const std::string& l : labels) {
    const float bw = ImGui::CalcTextSize(l.c_str()).x + style.FramePadding.x * 2;
    if (x > 0 && x + bw > avail) {
      ++rows;
      x = 0;
    }
    x += bw + style.ItemSpacing.x;
  }
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(44, 40, 60, 255));
  ImGui::BeginChild(
      "##scheduler",
      ImVec2(0, ImGui::GetFrameHeightWithSpacing() * (1.2f + static_cast<float>(rows))), true,
      ImGuiWindowFlags_NoScrollbar);
  ImGui::PushFont(fonts().heading);
  ImGui::TextUnformatted("You are the scheduler");
  ImGui::PopFont();
  ImGui::SameLine();
  const std::string goal = exercise_goal(header_field(browser_, "expect"));
  if (!goal.empty()) {
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, state_colour(VisualState::BlockedChan));
    text(goal);
    ImGui::PopStyleColor();
  } else {
    const std::string watch = header_field(browser_, "watch");
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled(
        "%s", watch.empty() ? "Pick which runnable task takes the next step." : watch.c_str());
  }

  if (c.run_ended()) {
    const sim::Outcome o = c.model().head().outcome;
    ImGui::AlignTextToFramePadding();
    ImGui::Text("The run is over: %s.", outcome_headline(o));
    ImGui::SameLine();
    if (ImGui::SmallButton("Try another schedule (R)")) c.request_reset();
  } else if (cands.empty()) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("The tasks are running up to their next choice point…");
  } else {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Who runs next?");
    for (std::size_t k = 0; k < cands.size(); ++k) {
      const sim::TaskId id = cands[k];
      const model::TaskInfo* t = s.task(id);
      const std::size_t index = t != nullptr ? t->colour : 0;
      const std::string label = labels[k] + "##pick" + std::to_string(id);
      // Next to the previous button when it fits, else on a new row.
      const float bw = ImGui::CalcTextSize(labels[k].c_str()).x + style.FramePadding.x * 2;
      const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
      if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + bw <= right) ImGui::SameLine();
      const ImU32 col = task_colour(index);
      ImGui::PushStyleColor(ImGuiCol_Button, (col & 0x00FFFFFFu) | 0x55000000u);
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered, (col & 0x00FFFFFFu) | 0x99000000u);
      ImGui::PushStyleColor(ImGuiCol_Border, col);
      ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.5f);
      if (ImGui::Button(label.c_str())) c.request_pick(id);
      ImGui::PopStyleVar();
      ImGui::PopStyleColor(3);
      if (ImGui::IsItemHovered()) {
        const std::string_view name = c.model().task_name(id);
        ImGui::SetTooltip("Let %.*s run until its next sync point", static_cast<int>(name.size()),
                          name.data());
      }
    }
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace rdv::ui
