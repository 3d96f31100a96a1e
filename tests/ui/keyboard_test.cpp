// The run's keys in real ImGui frames without a window (#19 item 6): Right, Left, Space, Home
// and End step or play the run and never move a focus ring through the toolbar, open a combo or
// press a button; keyboard navigation happens only when the View menu turns it on.
#include "session/controller.h"
#include "session/scenario_catalog.h"
#include "tests/support/read_file.h"
#include "tests/ui/imgui_frames.h"
#include "ui/controls_toolbar.h"
#include "ui/file_actions.h"
#include "ui/shell.h"

#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>  // GImGui->NavId: the item keyboard navigation has focused

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

using namespace rdv::session;
using namespace rdv::ui;

namespace {

using namespace rdv::test;  // HeadlessImGui, CountingPanel, the key codes, read_file

struct App {
  Browser browser;
  Shell shell;
  Controller controller;
  FileActions files{controller, browser, shell};
  ControlsToolbar toolbar{controller, files};

  App() {
    shell.set_toolbar([this] {
      toolbar.handle_shortcuts();
      toolbar.draw();
    });
  }
  void frame(bool focus_window = false) {
    controller.update(1.0 / 60);
    ImGui::NewFrame();
    if (focus_window) ImGui::SetWindowFocus("##shell");  // as a click in the window does
    shell.draw();
    ImGui::Render();
  }
  // One frame with `key` down, then one with it up (a tap).
  void tap(int key) {
    ImGui::GetIO().KeysDown[key] = true;
    frame();
    ImGui::GetIO().KeysDown[key] = false;
    frame();
  }
};

// A focus ring is drawn on the item keyboard navigation focused.
bool focus_ring_shown() {
  return GImGui->NavId != 0 && !GImGui->NavDisableHighlight;
}

bool any_popup_open() {
  return ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId);
}

}  // namespace

TEST_CASE("keyboard: the run's keys step the run and leave the toolbar's widgets alone") {
  const auto tmp = use_state_home("rdv_keyboard_test");
  HeadlessImGui imgui;
  App app;
  const std::string path = RDV_SOURCE_DIR "/scenarios/2.1-unbuffered-rendezvous.lua";
  app.controller.open_script(path, "2.1-unbuffered-rendezvous.lua", read_file(path));
  REQUIRE(app.controller.finish_blocking(std::chrono::seconds(20)));
  app.controller.request_seek(0);
  for (int i = 0; i < 3; ++i) app.frame();
  REQUIRE(app.controller.view().cursor == 0);

  for (int i = 1; i <= 4; ++i) {
    app.tap(kRight);
    CHECK(app.controller.view().cursor == static_cast<std::size_t>(i));
    CHECK_FALSE(focus_ring_shown());  // no focus ring moved through the toolbar
    CHECK_FALSE(any_popup_open());
  }
  app.tap(kLeft);
  CHECK(app.controller.view().cursor == 3);
  app.tap(kEnd);
  CHECK(app.controller.view().cursor == app.controller.model().size());
  app.tap(kHome);
  CHECK(app.controller.view().cursor == 0);
  app.tap(kSpace);  // plays the run; opens no dropdown
  CHECK(app.controller.view().playing);
  CHECK_FALSE(any_popup_open());
  CHECK_FALSE(focus_ring_shown());
  app.tap(kSpace);
  CHECK_FALSE(app.controller.view().playing);
  app.tap(kTab);
  CHECK_FALSE(focus_ring_shown());

  SUBCASE("with keyboard navigation turned on, the keys belong to the controls") {
    app.shell.set_setting("keyboard_nav", "1");
    app.frame(true);
    const std::size_t before = app.controller.view().cursor;
    app.tap(kTab);
    app.tap(kRight);
    CHECK(app.controller.view().cursor == before);  // the run did not step as well
    CHECK((ImGui::GetIO().ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard) != 0);
  }
  std::filesystem::remove_all(tmp);
}

TEST_CASE("shell: a hidden pane is not drawn and its neighbours take its room") {
  const auto tmp = use_state_home("rdv_panes_test");
  HeadlessImGui imgui;
  Shell shell;
  auto list = std::make_unique<CountingPanel>("Scenarios", Slot::Scenarios);
  auto source = std::make_unique<CountingPanel>("Source", Slot::Source);
  CountingPanel& l = *list;
  CountingPanel& src = *source;
  shell.add(std::move(list));
  shell.add(std::move(source));
  const auto frame = [&] { shell_frame(shell); };
  frame();
  CHECK(l.draws == 1);
  CHECK(src.draws == 1);
  shell.set_pane_hidden(Slot::Scenarios, true);
  CHECK(shell.pane_hidden(Slot::Scenarios));
  CHECK_FALSE(shell.pane_hidden(Slot::Source));
  frame();
  CHECK(l.draws == 1);  // hidden: not drawn again
  CHECK(src.draws == 2);
  shell.set_pane_hidden(Slot::Scenarios, false);
  frame();
  CHECK(l.draws == 2);
  std::filesystem::remove_all(tmp);
}
