// ui/legend.cpp — shape + colour + word for each task state.
#include "ui/legend.h"

#include "ui/state_style.h"

#include <imgui.h>

namespace rdv::ui {

using session::kVisualStates;
using session::state_label;
using session::state_meaning;
using session::VisualState;

LegendRow::LegendRow(float gap)
    : gap_(gap), right_(ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x) {}

void LegendRow::next(float width) {
  if (!first_) {
    ImGui::SameLine(0, gap_);
    if (ImGui::GetCursorScreenPos().x + width > right_) ImGui::NewLine();
  }
  first_ = false;
}

void draw_state_legend() {
  const float h = ImGui::GetTextLineHeight();
  LegendRow row(ImGui::GetStyle().ItemSpacing.x * 2);
  for (const VisualState v : kVisualStates) {
    const char* label = state_label(v);
    row.next(h + 4 + ImGui::CalcTextSize(label).x);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(h, h));
    draw_state_icon(ImGui::GetWindowDrawList(), ImVec2(p.x + h / 2, p.y + h / 2), h * 0.36f, v);
    ImGui::SameLine(0, 4);
    ImGui::PushStyleColor(ImGuiCol_Text, state_colour(v));
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
    ImGui::EndGroup();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", state_meaning(v));
  }
}

}  // namespace rdv::ui
