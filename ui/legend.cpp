// ui/legend.cpp — shape + colour + word for each task state.
#include "ui/legend.h"

#include "ui/state_style.h"

#include <imgui.h>

#include <array>

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

int LegendRow::lines(std::span<const float> widths, float gap, float room) {
  int n = 0;
  float x = 0;  // where the line's next entry starts
  for (const float w : widths) {
    if (n == 0 || x + w > room) {
      ++n;
      x = 0;
    }
    x += w + gap;
  }
  return n;
}

void draw_state_legend(float max_height) {
  const float h = ImGui::GetTextLineHeight();
  const float gap = ImGui::GetStyle().ItemSpacing.x * 2;
  std::array<float, session::kVisualStateCount> widths{};
  for (std::size_t i = 0; i < kVisualStates.size(); ++i)
    widths[i] = h + 4 + ImGui::CalcTextSize(state_label(kVisualStates[i])).x;
  const int lines = LegendRow::lines(widths, gap, ImGui::GetContentRegionAvail().x);
  const bool words =
      static_cast<float>(lines) * ImGui::GetTextLineHeightWithSpacing() <= max_height;
  LegendRow row(words ? gap : ImGui::GetStyle().ItemSpacing.x);
  for (std::size_t i = 0; i < kVisualStates.size(); ++i) {
    const VisualState v = kVisualStates[i];
    const char* label = state_label(v);
    row.next(words ? widths[i] : h);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(h, h));
    draw_state_icon(ImGui::GetWindowDrawList(), ImVec2(p.x + h / 2, p.y + h / 2), h * 0.36f, v);
    if (words) {
      ImGui::SameLine(0, 4);
      ImGui::PushStyleColor(ImGuiCol_Text, state_colour(v));
      ImGui::TextUnformatted(label);
      ImGui::PopStyleColor();
    }
    ImGui::EndGroup();
    if (!ImGui::IsItemHovered()) continue;
    if (words) {
      ImGui::SetTooltip("%s", state_meaning(v));
    } else {
      ImGui::SetTooltip("%s: %s", label, state_meaning(v));
    }
  }
}

}  // namespace rdv::ui
