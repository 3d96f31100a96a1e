// ui/scenario_list_panel.cpp — two-line rows (chapter + title, then concept), a filter box.
#include "ui/scenario_list_panel.h"
#include "ui/text.h"

#include "ui/theme.h"

#include <imgui.h>
#include <imgui_internal.h>  // RenderTextEllipsis: one-line concepts cut with "..."
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <vector>

namespace rdv::ui {

using session::ScenarioEntry;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

bool matches_filter(const ScenarioEntry& entry, const std::string& filter) {
  if (filter.empty()) return true;
  std::string hay = entry.path.filename().string();
  if (entry.header) {
    hay += '\n' + entry.header->title + '\n' + entry.header->chapter + '\n' +
           entry.header->concept_text;
  }
  return lower(hay).find(lower(filter)) != std::string::npos;
}

void ScenarioListPanel::draw() {
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##filter", "Filter scenarios", &view_.filter);
  if (!browser_.error().empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
    text_wrapped(browser_.error());
    ImGui::PopStyleColor();
  } else if (browser_.entries().empty()) {
    ImGui::TextDisabled("No scenarios in %s", browser_.dir().string().c_str());
  }

  ImGui::BeginChild("##rows", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
  std::vector<int> shown;
  for (std::size_t i = 0; i < browser_.entries().size(); ++i) {
    if (matches_filter(browser_.entries()[i], view_.filter)) shown.push_back(static_cast<int>(i));
  }

  // Keyboard: Up/Down move the selection through the filtered rows.
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !shown.empty() &&
      !ImGui::GetIO().WantTextInput) {
    const auto at = std::find(shown.begin(), shown.end(), browser_.selected());
    int step = 0;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) step = 1;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) step = -1;
    if (step != 0) {
      const auto pos = at == shown.end() ? 0 : (at - shown.begin()) + step;
      const auto clamped = std::clamp<std::ptrdiff_t>(pos, 0, std::ssize(shown) - 1);
      browser_.select(shown[static_cast<std::size_t>(clamped)]);
      view_.scroll_to_selected = true;
    }
  }

  const ImGuiStyle& style = ImGui::GetStyle();
  const float line = ImGui::GetTextLineHeight();
  const float row_h = line * 2 + style.ItemSpacing.y;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int i : shown) {
    const ScenarioEntry& e = browser_.entries()[static_cast<std::size_t>(i)];
    ImGui::PushID(i);
    const bool selected = i == browser_.selected();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (ImGui::Selectable("##row", selected, 0, ImVec2(0, row_h))) {
      browser_.select(i);
    }
    if (selected && view_.scroll_to_selected) {
      ImGui::SetScrollHereY(0.5f);
      view_.scroll_to_selected = false;
    }
    if (ImGui::IsItemHovered() && e.header && !e.header->watch.empty()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
      text(e.header->watch);
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
    // The row's right edge, but never past what the list shows (the row reaches under the
    // scrollbar, where "…" would be cut).
    const float right = std::min(p.x + ImGui::GetItemRectSize().x, dl->GetClipRectMax().x - 1);
    float x = p.x + style.FramePadding.x / 2;
    if (e.header && !e.header->chapter.empty()) {
      dl->AddText(fonts().mono, ImGui::GetFontSize(), ImVec2(x, p.y), palette::kAccent,
                  e.header->chapter.c_str());
      x += std::max(
               fonts()
                   .mono->CalcTextSizeA(ImGui::GetFontSize(), 1e9f, 0, e.header->chapter.c_str())
                   .x,
               ImGui::GetFontSize() * 2.0f) +
           style.ItemSpacing.x;
    }
    const std::string title = e.display_title();
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kText);
    ImGui::RenderTextEllipsis(dl, ImVec2(x, p.y), ImVec2(right, p.y + line), right, right,
                              title.c_str(), nullptr, nullptr);
    ImGui::PopStyleColor();
    const std::string& second = e.header ? e.header->concept_text : e.error;
    ImGui::PushStyleColor(ImGuiCol_Text, e.header ? palette::kTextDim : palette::kError);
    ImGui::RenderTextEllipsis(dl, ImVec2(x, p.y + line), ImVec2(right, p.y + 2 * line), right,
                              right, second.c_str(), nullptr, nullptr);
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace rdv::ui
