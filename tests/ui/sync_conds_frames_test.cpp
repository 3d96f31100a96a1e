// The Sync panel's Conds section in real ImGui frames without a window, read back as text runs:
// each Cond shows its L by kind — an RWMutex's read side as "rw (read)", a Locker of the
// program by its type, a Cond value by the mutex set by hand into its L — after a Go program
// ran to its end.
#include "session/controller.h"
#include "tests/support/read_file.h"
#include "tests/ui/imgui_frames.h"
#include "ui/layout_check.h"
#include "ui/shell.h"
#include "ui/sync_panel.h"
#include "ui/theme.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <chrono>
#include <memory>
#include <string>

using namespace rdv::session;
using namespace rdv::ui;

namespace {

// The Sync panel's text after `program` (in tests/gofront/programs) ran to its end, seed 1.
std::string sync_text(const std::string& program) {
  const std::string path = RDV_SOURCE_DIR "/tests/gofront/programs/" + program;
  Shell shell;
  Controller controller;
  shell.add(std::make_unique<SyncPanel>(controller));
  shell.install_settings();
  controller.open_script(path, program, rdv::test::read_file(path));
  REQUIRE(controller.finish_blocking(std::chrono::seconds(60)));
  controller.update(1.0 / 60);
  controller.request_seek(controller.model().size());
  std::string out;
  for (int i = 0; i < 3; ++i) {
    controller.update(1.0 / 60);
    rdv::test::shell_frame(shell);
  }
  for (const TextRun& r : text_runs(*ImGui::GetDrawData()))
    if (r.window.find("Sync") != std::string::npos) out += r.text + "\n";
  return out;
}

void app_fonts() {
  load_fonts(1.0f);
  unsigned char* px = nullptr;
  int w = 0, h = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&px, &w, &h);
}

}  // namespace

TEST_CASE("sync conds frames: a Cond's L is shown by kind") {
  rdv::test::use_state_home("rdv-sync-conds-frames");
  rdv::test::HeadlessImGui imgui(ImVec2(900, 1400));
  app_fonts();
  SUBCASE("RLocker and an RWMutex's write side") {
    const std::string text = sync_text("cond_rwmutex_deadlock.go");
    INFO(text);
    CHECK(text.find("L = rw (read)") != std::string::npos);
  }
  SUBCASE("Lockers of the program, by their types") {
    const std::string text = sync_text("cond_locker_type.go");
    INFO(text);
    CHECK(text.find("L = main.semaphore") != std::string::npos);
    CHECK(text.find("L = *main.countingLock") != std::string::npos);
  }
  SUBCASE("a sync.Cond value whose L was set by hand") {
    const std::string text = sync_text("cond_value.go");
    INFO(text);
    CHECK(text.find("L = mu") != std::string::npos);
    CHECK(text.find("L = nil") == std::string::npos);
  }
}
