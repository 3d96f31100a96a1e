// ui/help_window.cpp — the Help window's pages.
#include "ui/help_window.h"

#include "session/api_help.h"
#include "session/go_help.h"
#include "ui/legend.h"
#include "ui/text.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <iterator>
#include <string>

namespace rdv::ui {

using session::api_entries;
using session::ApiEntry;
using session::go_help_entries;
using session::GoHelp;

namespace {

// Every key the app answers to. Kept in step with the code that reads them (grep
// IsKeyPressed and the menus' shortcut strings).
constexpr std::array kShortcuts = {
    Shortcut{"Anywhere", "Ctrl+O",
             "Open a scenario (.lua, .go) or a recorded trace (.rdv.jsonl): a file browser"},
    Shortcut{"Anywhere", "Ctrl+S", "Save the run's trace (.rdv.jsonl)"},
    Shortcut{"Anywhere", "Ctrl+E", "Export the run to Perfetto (Chrome Trace Event JSON)"},
    Shortcut{"Anywhere", "Ctrl+Q", "Quit (asks first when an edited script is not saved)"},
    Shortcut{"Anywhere", "F1", "This help"},
    Shortcut{"Anywhere", "Ctrl + / Ctrl - / Ctrl 0", "Zoom the whole UI in / out / back to 100 %"},
    Shortcut{"Anywhere", "F11", "Full screen (and back)"},
    Shortcut{"Anywhere", "Ctrl+L",
             "Lecture layout (zoomed, the panes a class follows) and back to the default"},
    Shortcut{"Run (no text field focused)", "Space", "Run / pause"},
    Shortcut{"Run (no text field focused)", "Right", "Step: the next event"},
    Shortcut{"Run (no text field focused)", "Left", "Step back one event"},
    Shortcut{"Run (no text field focused)", "Home", "Go to the start of the run"},
    Shortcut{"Run (no text field focused)", "End", "Run to the end"},
    Shortcut{"Run (no text field focused)", "G", "Go to the selected event"},
    Shortcut{"Run (no text field focused)", "R", "Reset the run (same seed)"},
    Shortcut{"View \xE2\x96\xB8 Keyboard navigation (off by default)", "Tab, arrows, Space",
             "Move between and press the controls; the run's keys above are off meanwhile"},
    Shortcut{"Scenarios list (focused)", "Up / Down", "Previous / next scenario"},
    Shortcut{"Timeline (mouse over it)", "Mouse wheel", "Zoom around the mouse"},
    Shortcut{"Timeline (mouse over it)", "Wheel over the names", "Scroll the lanes"},
    Shortcut{"Timeline (mouse over it)", "Drag", "Pan"},
    Shortcut{"Timeline (mouse over it)", "Shift+drag, or right-drag", "Zoom to the dragged range"},
    Shortcut{"Timeline (mouse over it)", "Click", "Select an event"},
    Shortcut{"Timeline (mouse over it)", "Shift+Left / Shift+Right", "Pan"},
    Shortcut{"Timeline (mouse over it)", "Up / Down, + / -", "Zoom in / out"},
    Shortcut{"Timeline (mouse over it)", "F", "Fit the whole run"},
    Shortcut{"Source", "Click a task's name", "Focus the task (pick it, as the scheduler)"},
    Shortcut{"Source", "Mouse over a call",
             "What the API call does, and its Go equivalent (in a Go program: what the Go call "
             "does, and the scenario API's equivalent)"},
    Shortcut{"Source, editing", "Ctrl+S", "Save the script to its file"},
    Shortcut{"Source, editing", "Ctrl+Z / Ctrl+Y", "Undo / redo"},
    Shortcut{"Source, editing", "Ctrl+A, Ctrl+C, Ctrl+X, Ctrl+V", "Select all, copy, cut, paste"},
    Shortcut{"Source, editing", "Tab", "Insert a tab"},
    Shortcut{"Dialogs", "Enter", "Confirm (Open, Save)"},
    Shortcut{"Dialogs", "Escape", "Cancel, close this help"},
};

constexpr std::array<const char*, kHelpPageCount> kTitles = {"Keyboard shortcuts", "Colour legend",
                                                             "API cheat sheet", "About"};

bool contains_ci(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  const auto it =
      std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) ==
               std::tolower(static_cast<unsigned char>(b));
      });
  return it != hay.end();
}

void heading(const char* s) {
  ImGui::Spacing();
  ImGui::PushFont(fonts().heading);
  ImGui::TextUnformatted(s);
  ImGui::PopFont();
}

void draw_shortcuts() {
  std::string_view where;
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_PadOuterX;
  bool open = false;
  for (const Shortcut& s : kShortcuts) {
    if (s.where != where) {
      if (open) ImGui::EndTable();
      where = s.where;
      heading(std::string(where).c_str());
      open = ImGui::BeginTable(std::string(where).c_str(), 2, kFlags);
      if (open) {
        ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::GetFontSize() * 16);
        ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
      }
    }
    if (!open) continue;
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kAccent);
    text(s.keys);
    ImGui::PopStyleColor();
    ImGui::TableSetColumnIndex(1);
    text_wrapped(s.what);
  }
  if (open) ImGui::EndTable();
}

void draw_colours() {
  heading("Task states");
  text_wrapped(
      "Every panel, the timeline and the source view draw a task's state in the same colour and "
      "shape (hover an entry for its meaning):");
  ImGui::Spacing();
  draw_state_legend();
  ImGui::Spacing();
  heading("Task identity");
  text_wrapped(
      "Each task also has a colour of its own: its timeline lane, its row in Tasks, and the band "
      "and name marking in the source the line it executes next (a blocked task: the line it "
      "waits at). A thin outline in its colour marks the line the task that just acted ran last.");
  heading("Source");
  constexpr std::array<std::pair<const char*, ImU32>, 7> kSyntax = {{
      {"go, chan, select, …  the scenario API", palette::kApi},
      {":send, :recv, …  methods", palette::kMethod},
      {"local, function, end  Lua keywords", palette::kKeyword},
      {"\"text\"  strings", palette::kString},
      {"42  numbers", palette::kNumber},
      {"-- comments", palette::kComment},
      {"the line an error points at", palette::kError},
  }};
  ImGui::PushFont(fonts().mono);
  for (const auto& [label, colour] : kSyntax) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
  }
  ImGui::PopFont();
}

constexpr ImGuiTableFlags kApiTableFlags =
    ImGuiTableFlags_RowBg | ImGuiTableFlags_PadOuterX | ImGuiTableFlags_BordersInnerV;

// One cheat-sheet table's header: the call's language, what it does, the other language.
bool begin_api_table(const char* id, const char* call, const char* other) {
  if (!ImGui::BeginTable(id, 3, kApiTableFlags)) return false;
  const float em = ImGui::GetFontSize();
  ImGui::TableSetupColumn(call, ImGuiTableColumnFlags_WidthFixed, em * 19);
  ImGui::TableSetupColumn("what it does", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(other, ImGuiTableColumnFlags_WidthFixed, em * 15);
  return true;
}

// One row: the call as written, what it does, its equivalent in the other language.
void api_row(std::string_view call, std::string_view what, std::string_view other) {
  const auto code = [](std::string_view s, ImU32 colour) {
    ImGui::PushFont(fonts().mono);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text_wrapped(s);
    ImGui::PopStyleColor();
    ImGui::PopFont();
  };
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  code(call, palette::kApi);
  ImGui::TableSetColumnIndex(1);
  text_wrapped(what);
  ImGui::TableSetColumnIndex(2);
  code(other, palette::kString);
}

// The scenario API, section by section, with each call's Go equivalent.
void draw_lua_api(const char* filter) {
  std::string_view section;
  bool open = false;
  for (const ApiEntry& e : api_entries()) {
    if (!contains_ci(e.call, filter) && !contains_ci(e.text, filter) &&
        !contains_ci(e.go, filter) && !contains_ci(e.section, filter))
      continue;
    if (e.section != section) {
      if (open) ImGui::EndTable();
      section = e.section;
      heading(std::string(section).c_str());
      open = begin_api_table(std::string(section).c_str(), "Lua", "Go");
    }
    if (open) api_row(e.call, e.text, e.go);
  }
  if (open) ImGui::EndTable();
}

// What a Go program's calls do, as the source view's tooltips say it, with the Lua equivalent.
void draw_go_api(const char* filter) {
  bool open = false;
  bool headed = false;
  for (const GoHelp& e : go_help_entries()) {
    if (!contains_ci(e.call, filter) && !contains_ci(e.text, filter) && !contains_ci(e.lua, filter))
      continue;
    if (!headed) {
      heading("In a Go program");
      headed = true;
      open = begin_api_table("go", "Go", "Lua");
    }
    if (open) api_row(e.call, e.text, e.lua);
  }
  if (open) ImGui::EndTable();
}

void draw_api(char* filter, std::size_t filter_size, bool go_first) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  ImGui::InputTextWithHint("##filter", "filter: e.g. wait, ctx, <-", filter, filter_size);
  ImGui::SameLine();
  ImGui::TextDisabled(go_first ? "Go's durations are time.Duration, the scenario API's ms; every "
                                 "blocking call is a point where goroutines switch."
                               : "Durations are in ms; every blocking call is a point where tasks "
                                 "switch.");
  ImGui::Separator();
  ImGui::BeginChild("##api", ImVec2(0, 0), false);
  if (go_first) draw_go_api(filter);
  draw_lua_api(filter);
  if (!go_first) draw_go_api(filter);
  ImGui::EndChild();
}

const std::string& dejavu_text() {
  static const std::string text = [] {
    std::ifstream in("/usr/share/doc/fonts-dejavu-core/copyright");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  return text;
}

void draw_about() {
  ImGui::PushFont(fonts().heading);
  ImGui::TextUnformatted("Rendezvous " RDV_VERSION);
  ImGui::PopFont();
  text_wrapped(
      "Concurrency you can watch: Go's channels, select and friends, run for real on OS threads "
      "and drawn as they happen.");
  heading("Libraries and licences");
  text_wrapped("Rendezvous is built with these; open one to read its licence.");
  ImGui::Spacing();
  for (const Licence& l : licences()) {
    ImGui::PushID(l.library.data());
    const std::string label = std::string(l.library) + "  \xE2\x80\x94  " + std::string(l.licence);
    if (ImGui::CollapsingHeader(label.c_str())) {
      ImGui::Indent();
      ImGui::TextDisabled("%.*s", static_cast<int>(l.use.size()), l.use.data());
      text_wrapped(l.text);
      if (l.library.starts_with("DejaVu") && !dejavu_text().empty()) {
        ImGui::Separator();
        ImGui::PushFont(fonts().mono);
        text_wrapped(dejavu_text());
        ImGui::PopFont();
      }
      ImGui::Unindent();
    }
    ImGui::PopID();
  }
}

}  // namespace

const char* help_page_title(HelpPage p) {
  return kTitles[static_cast<std::size_t>(p)];
}

std::span<const Shortcut> shortcuts() {
  return kShortcuts;
}

void HelpWindow::open(HelpPage page) {
  open_ = true;
  select_ = true;
  page_ = page;
}

void HelpWindow::draw_menu() {
  for (int i = 0; i < kHelpPageCount; ++i) {
    const auto p = static_cast<HelpPage>(i);
    if (p == HelpPage::About) ImGui::Separator();
    if (ImGui::MenuItem(help_page_title(p), p == HelpPage::Shortcuts ? "F1" : nullptr)) open(p);
  }
}

void HelpWindow::draw() {
  // ImGui 1.86's GLFW backend indexes keys by GLFW key code; GLFW_KEY_F1 is 290.
  constexpr int kKeyF1 = 290;
  if (!open_ && ImGui::IsKeyPressed(kKeyF1, false)) open(HelpPage::Shortcuts);
  if (!open_) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const ImVec2 size(std::min(vp->WorkSize.x * 0.9f, ImGui::GetFontSize() * 62),
                    vp->WorkSize.y * 0.8f);
  ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2),
      ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (select_) ImGui::SetNextWindowFocus();
  if (ImGui::Begin("Help###rdv_help", &open_,
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
        !ImGui::GetIO().WantTextInput &&
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
      open_ = false;
    if (ImGui::BeginTabBar("##help_pages")) {
      for (int i = 0; i < kHelpPageCount; ++i) {
        const auto p = static_cast<HelpPage>(i);
        const ImGuiTabItemFlags flags =
            select_ && p == page_ ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
        if (ImGui::BeginTabItem(help_page_title(p), nullptr, flags)) {
          if (select_ && p == page_) select_ = false;
          ImGui::BeginChild("##page", ImVec2(0, 0), false);
          switch (p) {
            case HelpPage::Shortcuts:
              draw_shortcuts();
              break;
            case HelpPage::Colours:
              draw_colours();
              break;
            case HelpPage::Api:
              draw_api(filter_, sizeof filter_, go_first_);
              break;
            case HelpPage::About:
              draw_about();
              break;
          }
          ImGui::EndChild();
          ImGui::EndTabItem();
        }
      }
      ImGui::EndTabBar();
    }
  }
  ImGui::End();
}

}  // namespace rdv::ui
