// tests/ui/hostile_frames_test.cpp — what a hostile script leaves in the model is drawn, in real
// ImGui frames (no window), without aborting the app or stalling its frames: a 16 KiB error
// message and a printed 16 MiB line (one ImGui text call past ~16,000 glyphs overflows a draw
// list: ui/text.h), a channel with a million buffered values (a box each, every frame, took
// 5 GB and 44 s for one screenshot: ui/channels_panel.cpp), and 100,000 panics each recovered
// (their markers alternate on one lane and were never merged: 3.2 million vertices a frame and
// 1.1 GB for one screenshot; session/timeline_layout.cpp).
#include "session/controller.h"
#include "session/scenario_catalog.h"
#include "tests/support/read_file.h"
#include "tests/ui/app_panes.h"
#include "tests/ui/imgui_frames.h"
#include "ui/channels_panel.h"
#include "ui/console_panel.h"
#include "ui/scenario_panel.h"
#include "ui/shell.h"
#include "ui/source_panel.h"
#include "ui/sync_panel.h"
#include "ui/tasks_panel.h"
#include "ui/text.h"
#include "ui/timeline_panel.h"
#include "ui/variables_panel.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>

using namespace rdv::session;
using namespace rdv::ui;
using Clock = std::chrono::steady_clock;

namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr double kSlowdown = 5.0;
#else
constexpr double kSlowdown = 1.0;
#endif

using rdv::test::read_file;
using rdv::test::shell_frame;

// The app's panes (app_panes.h), and their frames timed.
struct PanesApp : rdv::test::AppPanes {
  int vertices = 0;  // drawn by the last frame
  // Draws `n` frames; returns the longest in ms.
  double frames(int n) {
    double worst = 0;
    for (int i = 0; i < n; ++i) {
      const auto t0 = Clock::now();
      controller.update(1.0 / 60);
      shell_frame(shell);
      vertices = ImGui::GetDrawData()->TotalVtxCount;
      worst = std::max(worst, std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    return worst;
  }
};

}  // namespace

TEST_CASE("text: a run longer than a draw list can index is cut, saying how much") {
  std::string scratch;
  const std::string small(100, 'x');
  CHECK(text_run(small, &scratch) == small);
  const std::string big(100'000, 'e');
  const std::string_view cut = text_run(big, &scratch);
  CHECK(cut.size() < kMaxTextRun + 40);
  CHECK(cut.substr(0, 10) == "eeeeeeeeee");
  CHECK(cut.find("(91,808 more bytes)") != std::string_view::npos);
}

TEST_CASE("hostile frames: huge messages, lines and buffers are drawn, each frame short") {
  rdv::test::HeadlessImGui imgui;
  // As the OpenGL 3 backend does on OpenGL >= 3.2: a draw list may pass 65,536 vertices in
  // separate draw calls, so only one text call can overflow it.
  ImGui::GetIO().BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  struct Case {
    const char* script;
    const char* diag;
  };
  for (const Case k : {Case{"mem_error_message_100mib.lua", "more bytes)"},
                       Case{"huge_strings_through_channels.lua", "received 50 strings"},
                       Case{"mem_channel_buffers.lua", "limit exceeded"},
                       Case{"loop_pcall_spin.lua", "synchronization point"}}) {
    INFO(k.script);
    PanesApp app;
    const std::string path = std::string(RDV_SOURCE_DIR) + "/tests/hostile/scripts/" + k.script;
    app.controller.open_script(path, k.script, read_file(path));
    REQUIRE(app.controller.finish_blocking(std::chrono::seconds(120)));
    CHECK(app.controller.diagnostics().find(k.diag) != std::string::npos);
    app.controller.update(1.0 / 60);
    app.controller.request_seek(app.controller.model().size());  // as --at end
    app.frames(2);  // the first frames lay the panes out
    const double worst = app.frames(5);
    MESSAGE(std::string(k.script) << ": longest frame " << worst << " ms, " << app.vertices
                                  << " vertices");
    CHECK(app.vertices > 5000);     // the panes were drawn
    CHECK(app.vertices < 200'000);  // what a window of this size needs, not one shape per event
    CHECK(worst < 1000 * kSlowdown);
  }
}
