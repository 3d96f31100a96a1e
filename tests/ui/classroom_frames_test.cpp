// The classroom's window pieces in real ImGui frames without a window (#19): File ▸ Open's
// browser opens what is typed and what is double-clicked; View ▸ Layout ▸ Lecture draws only its
// panes at its zoom, and each layout keeps its own arrangement across a restart; the layout
// check (ui/layout_check.h) finds a cut label, an overlap and a banner naming an empty pane.
#include "session/controller.h"
#include "session/scenario_catalog.h"
#include "tests/support/scratch.h"
#include "tests/ui/imgui_frames.h"
#include "ui/file_actions.h"
#include "ui/layout_check.h"
#include "ui/shell.h"
#include "ui/theme.h"

#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>  // the windows ImGui drew this frame

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>

namespace fs = std::filesystem;
using namespace rdv::session;
using namespace rdv::ui;
using rdv::test::HeadlessImGui;
using rdv::test::shell_frame;

namespace {

struct DialogApp {
  Browser browser;
  Shell shell;
  Controller controller;
  FileActions files{controller, browser, shell};

  DialogApp() {
    browser.scan(RDV_SOURCE_DIR "/scenarios");
    shell.set_toolbar([this] { files.draw(); });
    shell.set_file_menu([this] { files.draw_file_menu(); });
  }
  void frame() {
    controller.update(1.0 / 60);
    shell_frame(shell);
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }
};

// The Open dialog's listing (a child window "…/##listing_…").
ImGuiWindow* listing_window() {
  for (ImGuiWindow* w : GImGui->Windows) {
    if (w->Active && std::strstr(w->Name, "/##listing") != nullptr) return w;
  }
  return nullptr;
}

fs::path make_course() {
  const fs::path d = rdv::test::fresh_dir("classroom");
  fs::create_directories(d / "week 1");
  fs::copy_file(RDV_SOURCE_DIR "/scenarios/2.1-unbuffered-rendezvous.lua", d / "rendezvous.lua");
  fs::copy_file(RDV_SOURCE_DIR "/scenarios/4.2c-deadlock-lock-order.lua",
                d / "week 1" / "locks.lua");
  std::ofstream(d / "notes.txt") << "not a scenario\n";
  return d;
}

}  // namespace

TEST_CASE("file dialog: a typed path and a double-clicked file open, a folder is browsed") {
  const fs::path d = make_course();
  ::setenv("XDG_STATE_HOME", (d / "state").c_str(), 1);
  HeadlessImGui imgui;
  DialogApp app;
  app.files.request_browse(d);
  app.frames(2);
  REQUIRE(app.files.open_dialog_shown());
  CHECK(app.files.file_browser().dir() == d);
  // Folders first, then the scenario; notes.txt is left out by the filter.
  REQUIRE(app.files.file_browser().entries().size() == 2);
  CHECK(app.files.file_browser().entries()[0].name == "week 1");

  SUBCASE("typing a path relative to the folder shown, then Enter") {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = true;  // select what the field holds, so typing replaces it
    io.KeysDown['A'] = true;
    app.frame();
    io.KeysDown['A'] = false;
    io.KeyCtrl = false;
    app.frame();
    io.AddInputCharactersUTF8("week 1/locks.lua");
    app.frame();
    io.KeysDown[rdv::test::kEnter] = true;
    app.frame();
    io.KeysDown[rdv::test::kEnter] = false;
    app.frames(2);
    CHECK_FALSE(app.files.open_dialog_shown());
    REQUIRE(app.browser.selected_entry() != nullptr);
    CHECK(app.browser.selected_entry()->path == d / "week 1" / "locks.lua");
    REQUIRE_FALSE(app.files.recent().empty());
    CHECK(app.files.recent().front() == (d / "week 1" / "locks.lua").string());
  }

  SUBCASE("double-clicking a folder browses it; double-clicking a file opens it") {
    ImGuiIO& io = ImGui::GetIO();
    const auto click_row = [&](int row) {
      ImGuiWindow* w = listing_window();
      REQUIRE(w != nullptr);
      const float h = ImGui::GetTextLineHeightWithSpacing();
      io.MousePos = ImVec2(w->DC.CursorStartPos.x + 20,
                           w->DC.CursorStartPos.y + h * static_cast<float>(row) + h / 2);
      app.frames(30);  // half a second after the last click: a new double click, not a third
      app.frame();     // hover first
      for (int i = 0; i < 2; ++i) {
        io.MouseDown[0] = true;
        app.frame();
        io.MouseDown[0] = false;
        app.frame();
      }
    };
    click_row(0);  // "week 1/"
    CHECK(app.files.file_browser().dir() == d / "week 1");
    CHECK(app.files.open_dialog_shown());
    app.frames(2);
    click_row(0);  // "locks.lua"
    app.frames(2);
    CHECK_FALSE(app.files.open_dialog_shown());
    REQUIRE(app.browser.selected_entry() != nullptr);
    CHECK(app.browser.selected_entry()->path == d / "week 1" / "locks.lua");
  }

  SUBCASE("a folder that does not exist is an error in the dialog, which stays open") {
    app.files.request_browse(d / "nowhere");
    app.frames(2);
    CHECK(app.files.open_dialog_shown());
    CHECK(app.files.file_browser().error() == (d / "nowhere").string() + ": no such folder");
  }
  fs::remove_all(d);
}

namespace {
using rdv::test::CountingPanel;

struct PanesApp {
  Shell shell;
  std::vector<CountingPanel*> panels;  // one per slot, in Slot order
  PanesApp() {
    const char* titles[] = {"Scenarios", "Source",   "Channels", "Tasks",
                            "Sync",      "Timeline", "Console"};
    for (int i = 0; i < kSlotCount; ++i) {
      auto p = std::make_unique<CountingPanel>(titles[i], static_cast<Slot>(i));
      panels.push_back(p.get());
      shell.add(std::move(p));
    }
    shell.install_settings();
  }
  // The titles of the panels drawn by one frame.
  std::vector<std::string> frame() {
    std::vector<int> before;
    for (auto* p : panels) before.push_back(p->draws);
    shell_frame(shell);
    std::vector<std::string> drawn;
    for (std::size_t i = 0; i < panels.size(); ++i)
      if (panels[i]->draws > before[i]) drawn.emplace_back(panels[i]->title());
    return drawn;
  }
};
}  // namespace

TEST_CASE("lecture layout: only Source, Channels, Sync, Timeline and Console, zoomed, kept") {
  const auto tmp = rdv::test::use_state_home("rdv_lecture_" + std::to_string(::getpid()));
  using V = std::vector<std::string>;
  const V all = {"Scenarios", "Source", "Channels", "Tasks", "Sync", "Timeline", "Console"};
  const V lecture = {"Source", "Channels", "Sync", "Timeline", "Console"};
  std::string ini;
  {
    HeadlessImGui imgui;
    PanesApp app;
    CHECK(app.frame() == all);
    CHECK(app.shell.layout_preset() == LayoutPreset::Default);
    app.shell.use_layout(LayoutPreset::Lecture);
    CHECK(app.frame() == lecture);
    CHECK(app.shell.zoom() == kLectureZoom);
    // A change made in the lecture layout stays with it.
    app.shell.layout().left = 0.5f;
    app.shell.set_zoom(2.0f);
    // Ctrl+L switches back to the default, as it was.
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = true;
    io.KeysDown['L'] = true;
    app.frame();
    io.KeysDown['L'] = false;
    io.KeyCtrl = false;
    CHECK(app.shell.layout_preset() == LayoutPreset::Default);
    CHECK(app.frame() == all);
    CHECK(app.shell.zoom() == 1.0f);
    CHECK(app.shell.layout().left == doctest::Approx(LayoutState{}.left));
    app.shell.use_layout(LayoutPreset::Lecture);
    CHECK(app.frame() == lecture);
    CHECK(app.shell.zoom() == 2.0f);
    CHECK(app.shell.layout().left == doctest::Approx(0.5f));
    // Reset puts the lecture layout back as it first was.
    app.shell.reset_layout();
    CHECK(app.shell.zoom() == kLectureZoom);
    CHECK(app.shell.layout().left ==
          doctest::Approx(SavedLayout::factory(LayoutPreset::Lecture).sizes.left));
    CHECK(app.frame() == lecture);
    ini = ImGui::SaveIniSettingsToMemory();
  }
  // Restarted with the saved imgui.ini: still the lecture layout.
  {
    HeadlessImGui imgui;
    PanesApp app;
    ImGui::LoadIniSettingsFromMemory(ini.c_str(), ini.size());
    CHECK(app.shell.layout_preset() == LayoutPreset::Lecture);
    CHECK(app.shell.zoom() == kLectureZoom);
    CHECK(app.frame() == lecture);
    app.shell.use_layout(LayoutPreset::Default);
    CHECK(app.frame() == all);
  }
  CHECK_FALSE(SavedLayout::parse("garbage").has_value());
  CHECK_FALSE(SavedLayout::parse("9 - 0.4 0.3 0.3 0.3 0.5 0.3").has_value());  // zoom 9
  const SavedLayout l = SavedLayout::factory(LayoutPreset::Lecture);
  const auto back = SavedLayout::parse(l.format());
  REQUIRE(back.has_value());
  CHECK(back->hidden == l.hidden);
  CHECK(back->zoom == l.zoom);
  fs::remove_all(tmp);
}

namespace {
// One frame of a 300x200 window `name` drawn by `draw`; what the layout check finds in it.
template <typename Draw>
std::vector<std::string> check_one(const char* name, Draw draw, int frames = 2) {
  std::vector<std::string> out;
  for (int f = 0; f < frames; ++f) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(10, 10));
    ImGui::SetNextWindowSize(ImVec2(300, 200));
    ImGui::Begin(name, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    draw();
    ImGui::End();
    ImGui::Render();
  }
  for (const LayoutFinding& f : check_layout(*ImGui::GetDrawData())) out.push_back(f.message);
  return out;
}
constexpr const char* kLong = "a label far too long for a pane three hundred pixels wide, surely";
}  // namespace

TEST_CASE("layout check: a label cut at its pane's edge, two labels drawn over each other") {
  HeadlessImGui imgui;
  CHECK(check_one("pane", [] { ImGui::TextUnformatted("short"); }).empty());
  const auto cut = check_one("pane", [] { ImGui::TextUnformatted(kLong); });
  REQUIRE(cut.size() == 1);
  CHECK(cut[0].find("cut at the right edge") != std::string::npos);
  CHECK(cut[0].find("a label far too long") != std::string::npos);  // decoded from the glyphs
  // Wrapped, or in a window that scrolls sideways: whole.
  CHECK(check_one("pane", [] { ImGui::TextWrapped("%s", kLong); }).empty());
  CHECK(check_one("pane", [] {
          ImGui::BeginChild("code", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
          ImGui::TextUnformatted(kLong);
          ImGui::EndChild();
        }).empty());
  // Shortened on purpose with an ellipsis inside the pane: not cut.
  CHECK(check_one("pane", [] {
          const ImVec2 p = ImGui::GetCursorScreenPos();
          ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), p, ImVec2(p.x + 200, p.y + 20),
                                    p.x + 200, p.x + 200, kLong, nullptr, nullptr);
        }).empty());
  // "deadlock" and "end" at one place.
  const auto over = check_one("pane", [] {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddText(p, IM_COL32_WHITE, "deadlock");
    ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + 20, p.y + 2), IM_COL32_WHITE, "end");
  });
  REQUIRE(over.size() == 1);
  CHECK(over[0].find("\"deadlock\" and \"end\" drawn over each other") != std::string::npos);
}

TEST_CASE("layout check: a banner naming a pane that highlights nothing") {
  HeadlessImGui imgui;
  const char* banner = "highlighted in red in Tasks";
  const auto none = check_one("##pane_tasks", [&] { ImGui::TextUnformatted(banner); });
  REQUIRE(none.size() == 1);
  CHECK(none[0].find("the banner names Tasks, which highlights no task") != std::string::npos);
  CHECK(check_one("##pane_tasks", [&] {
          ImGui::TextUnformatted(banner);
          const ImVec2 p = ImGui::GetCursorScreenPos();
          ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + 50, p.y + 10),
                                                    rdv::ui::palette::kStuckRowBg);
        }).empty());
}
