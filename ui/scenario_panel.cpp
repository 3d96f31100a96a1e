// ui/scenario_panel.cpp — a readable card built from the scenario's header.
#include "ui/scenario_panel.h"

#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <system_error>

namespace rdv::ui {

namespace {

// A section label above a paragraph, in the dim colour.
void section(const char* label) {
  ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight() * 0.6f));
  ImGui::PushStyleColor(ImGuiCol_Text, palette::kTextDim);
  ImGui::TextUnformatted(label);
  ImGui::PopStyleColor();
}

// `path` as the user would type it: relative to the working directory when inside it.
std::string shown_path(const std::filesystem::path& path) {
  std::error_code ec;
  const auto rel = std::filesystem::relative(path, ec);
  if (!ec && !rel.empty() && *rel.begin() != "..") return rel.string();
  return path.string();
}

}  // namespace

void ScenarioPanel::draw() {
  const ScenarioEntry* e = browser_.selected_entry();
  if (e == nullptr) {
    ImGui::TextDisabled("No scenario selected.");
    return;
  }
  const float pad = ImGui::GetFontSize();
  ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + pad, ImGui::GetCursorPosY() + pad * 0.5f));
  ImGui::BeginGroup();
  const float wrap = ImGui::GetCursorPosX() +
                     std::min(ImGui::GetContentRegionAvail().x - pad, ImGui::GetFontSize() * 40);
  ImGui::PushTextWrapPos(wrap);

  ImGui::PushFont(fonts().heading);
  ImGui::TextUnformatted(e->display_title().c_str());
  ImGui::PopFont();
  const std::string file = shown_path(e->path);
  if (e->header && !e->header->chapter.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kAccent);
    ImGui::Text("Chapter %s", e->header->chapter.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
  }
  ImGui::TextDisabled("%s", file.c_str());

  if (!e->header) {
    section("This scenario's header does not load");
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
    ImGui::TextWrapped("%s", e->error.c_str());
    ImGui::PopStyleColor();
  } else {
    const auto& h = *e->header;
    if (!h.concept_text.empty()) {
      section("CONCEPT");
      ImGui::TextWrapped("%s", h.concept_text.c_str());
    }
    if (!h.watch.empty()) {
      section("WHAT TO WATCH");
      ImGui::TextWrapped("%s", h.watch.c_str());
    }
    bool others = false;
    for (const auto& [key, value] : h.fields) {
      if (key == "title" || key == "chapter" || key == "concept" || key == "watch") continue;
      if (!others) section("ALSO IN THE HEADER");
      others = true;
      ImGui::TextDisabled("%s", key.c_str());
      ImGui::SameLine();
      ImGui::TextWrapped("%s", value.c_str());
    }
  }

  section("RUN IT FROM A TERMINAL");
  ImGui::PushFont(fonts().mono);
  ImGui::PushStyleColor(ImGuiCol_Text, palette::kString);
  const std::string run = "rendezvous run " + file;
  const std::string explore = "rendezvous explore " + file + " --schedules 1000";
  ImGui::TextWrapped("%s", run.c_str());
  ImGui::TextWrapped("%s", explore.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();

  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

}  // namespace rdv::ui
