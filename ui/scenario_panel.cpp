// ui/scenario_panel.cpp — a readable card built from the scenario's header.
#include "ui/scenario_panel.h"
#include "ui/text.h"

#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <system_error>

namespace rdv::ui {

using session::ScenarioEntry;

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
  text(e->display_title());
  ImGui::PopFont();
  const std::string file = shown_path(e->path);
  if (e->header && !e->header->chapter.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kAccent);
    ImGui::Text("Chapter %s", e->header->chapter.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
  }
  // The file's path on the chapter's line when it fits, else on its own (never broken).
  if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(file.c_str()).x > wrap) ImGui::NewLine();
  ImGui::PushTextWrapPos(-1.0f);
  ImGui::TextDisabled("%s", file.c_str());
  ImGui::PopTextWrapPos();

  if (!e->header) {
    section("This scenario's header does not load");
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
    text_wrapped(e->error);
    ImGui::PopStyleColor();
  } else {
    const auto& h = *e->header;
    if (!h.concept_text.empty()) {
      section("CONCEPT");
      text_wrapped(h.concept_text);
    }
    if (!h.watch.empty()) {
      section("WHAT TO WATCH");
      text_wrapped(h.watch);
    }
    bool others = false;
    for (const auto& [key, value] : h.fields) {
      if (key == "title" || key == "chapter" || key == "concept" || key == "watch") continue;
      if (!others) section("ALSO IN THE HEADER");
      others = true;
      ImGui::TextDisabled("%s", key.c_str());
      ImGui::SameLine();
      text_wrapped(value);
    }
  }

  section("RUN IT FROM A TERMINAL");
  ImGui::PushFont(fonts().mono);
  ImGui::PushStyleColor(ImGuiCol_Text, palette::kString);
  const std::string run = "rendezvous run " + file;
  const std::string explore = "rendezvous explore " + file + " --schedules 1000";
  ImGui::PopTextWrapPos();
  // A command breaks only between its words, never inside a file name; a continued line is
  // indented.
  const auto command = [&](const std::string& cmd) {
    const float x0 = ImGui::GetCursorPosX();
    const float space = ImGui::CalcTextSize(" ").x;
    bool first = true;
    std::size_t at = 0;
    while (at < cmd.size()) {
      std::size_t end = cmd.find(' ', at);
      if (end == std::string::npos) end = cmd.size();
      std::string word = cmd.substr(at, end - at);
      at = end + 1;
      // A path wider than a whole line breaks after a '/', the only place it can.
      const float line_w = wrap - x0 - space * 4;
      if (ImGui::CalcTextSize(word.c_str()).x > line_w) {
        const std::size_t slash = word.rfind('/', word.size() - 2);
        if (slash != std::string::npos && slash + 1 < word.size()) {
          at = at - (word.size() - slash - 1) - 1;
          word.resize(slash + 1);
        }
      }
      if (!first) {
        const float x = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX();
        if (x + space + ImGui::CalcTextSize(word.c_str()).x <= wrap) {
          ImGui::SameLine(0, space);
        } else {
          ImGui::SetCursorPosX(x0 + space * 4);
        }
      }
      ImGui::TextUnformatted(word.c_str());
      first = false;
    }
  };
  command(run);
  command(explore);
  ImGui::PushTextWrapPos(wrap);
  ImGui::PopStyleColor();
  ImGui::PopFont();

  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

}  // namespace rdv::ui
