// The Source pane's "+N" chip and the Tasks pane's state column in real ImGui frames without a
// window, with the app's fonts, read back through ui/layout_check.h's text runs: hovering "+N"
// lists every task at the line by its full name; at 1280x720 the state column shows
// "runnable" whole, the names keep their words whole, and the legend gives its lines to the rows.
#include "session/controller.h"
#include "session/scenario_catalog.h"
#include "session/view_model.h"
#include "tests/support/read_file.h"
#include "tests/ui/app_panes.h"
#include "tests/ui/imgui_frames.h"
#include "ui/channels_panel.h"
#include "ui/console_panel.h"
#include "ui/layout_check.h"
#include "ui/legend.h"
#include "ui/scenario_panel.h"
#include "ui/shell.h"
#include "ui/source_panel.h"
#include "ui/sync_panel.h"
#include "ui/tasks_panel.h"
#include "ui/theme.h"
#include "ui/timeline_panel.h"
#include "ui/variables_panel.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

using namespace rdv::session;
using namespace rdv::ui;

namespace {

const std::string kProgram = RDV_SOURCE_DIR "/tests/gofront/programs/cond.go";

// The app's panes (app_panes.h) around one Controller: n frames drawn, and their text.
struct Panes : rdv::test::AppPanes {
  void frames(int n) {
    for (int i = 0; i < n; ++i) {
      controller.update(1.0 / 60);
      rdv::test::shell_frame(shell);
    }
  }
  std::vector<TextRun> runs() const { return text_runs(*ImGui::GetDrawData()); }
};

// The panes running cond.go (seed 1) to the first event after which three tasks wait at
// line 43, shown in the Source.
struct App : Panes {
  App() {
    controller.open_script(kProgram, "cond.go", rdv::test::read_file(kProgram));
    REQUIRE(controller.finish_blocking(std::chrono::seconds(60)));
    controller.update(1.0 / 60);
    std::size_t at = 0;
    for (std::size_t i = 1; i <= controller.model().size() && at == 0; ++i) {
      int here = 0;
      for (const LineMark& m : line_marks(controller.model().state_at(i))) here += m.line == 43;
      if (here == 3) at = i;
    }
    REQUIRE(at > 0);
    controller.request_seek(at);
    controller.view().show_line = 43;
  }
};

// The app's fonts in the headless context (the layout depends on their widths).
void app_fonts() {
  load_fonts(1.0f);
  unsigned char* px = nullptr;
  int w = 0, h = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&px, &w, &h);
}

std::string all_text(const std::vector<TextRun>& runs, const std::string& window_part) {
  std::string out;
  for (const TextRun& r : runs)
    if (r.window.find(window_part) != std::string::npos) out += r.window + ": " + r.text + "\n";
  return out;
}

}  // namespace

TEST_CASE("source chips frames: hovering +N lists every task at the line in full") {
  rdv::test::use_state_home("rdv-source-chips-frames");
  rdv::test::HeadlessImGui imgui(ImVec2(700, 1000));
  app_fonts();
  App app;
  app.frames(3);
  auto runs = app.runs();
  INFO(all_text(runs, "Source"));
  // Line 43's run: its code, then "+3" at its end (one baseline is one run).
  const TextRun* line = nullptr;
  for (const TextRun& r : runs)
    if (r.shows && r.text.starts_with("q.notEmpty.Wait()") &&
        r.window.find("Source") != std::string::npos)
      line = &r;
  REQUIRE(line != nullptr);
  CHECK(line->text.ends_with("  +3"));
  ImGui::GetIO().MousePos = ImVec2(line->box.z - 2, (line->box.y + line->box.w) / 2);
  app.frames(2);
  runs = app.runs();
  const std::string tooltip = all_text(runs, "Tooltip");
  INFO(tooltip);
  CHECK(tooltip.find("At line 43") != std::string::npos);
  for (const char* n : {"2", "3", "4"})
    CHECK(tooltip.find(std::string("main.main.func1 (goroutine ") + n + ")") != std::string::npos);
}

TEST_CASE(
    "tasks frames: at 1280x720 the state column shows \"runnable\" whole, and the names "
    "their words whole") {
  // The state column keeps at least the longest word of its states' names and the name
  // column gives way, wrapping "main.main.func1 (goroutine 2)" between words; before, the name
  // kept 70 % and the state read "runn…". A word that still does not fit would be cut with
  // "…", never broken ("runnin" over "g").
  rdv::test::use_state_home("rdv-source-chips-frames");
  rdv::test::HeadlessImGui imgui(ImVec2(1280, 720));
  app_fonts();
  App app;
  app.frames(3);
  const auto runs = app.runs();
  const std::string tasks = all_text(runs, "Tasks");
  INFO(tasks);
  bool saw_runnable = false;
  int whole_names = 0;
  for (const TextRun& r : runs) {
    if (r.window.find("Tasks/tasks") == std::string::npos || !r.shows) continue;
    if (r.text.starts_with("runn")) {  // "runnable" and "running" whole, not "runn…"
      saw_runnable = saw_runnable || r.text == "runnable";
      CHECK((r.text == "runnable" || r.text == "running"));
    }
    if (r.text.starts_with("main.main.func1")) {
      ++whole_names;
      CHECK_FALSE(r.cut);
      CHECK_FALSE(r.text.ends_with("\xE2\x80\xA6"));
    }
    CHECK(r.text != "g");
    CHECK(r.text != "le");
    CHECK(r.text != "ble");
  }
  CHECK(saw_runnable);
  CHECK(whole_names >= 1);
  for (const LayoutFinding& f : check_layout(*ImGui::GetDrawData())) {
    INFO(f.message);
    CHECK(f.message.find("Tasks") == std::string::npos);
  }
}

TEST_CASE(
    "tasks frames: at 1280x720 the legend shows its shapes alone, leaving its rows to the tasks, "
    "and the state column is headed \"state\", at 1600x900 the words whole") {
  // At 1280x720 the legend's words took four lines of a pane eleven lines high, and a deadlock's
  // wrapped states then left one task in view. Where its words would take more than a third of
  // the pane, the legend is its shapes in one line, each one's tooltip naming its state.
  rdv::test::use_state_home("rdv-source-chips-frames");
  for (const bool small : {true, false}) {
    CAPTURE(small);
    rdv::test::HeadlessImGui imgui(small ? ImVec2(1280, 720) : ImVec2(1600, 900));
    app_fonts();
    App app;
    app.frames(3);
    const auto runs = app.runs();
    INFO(all_text(runs, "Tasks"));
    int legend_words = 0, rows = 0;
    std::string state_header;
    for (const TextRun& r : runs) {
      if (r.window.find("Tasks") == std::string::npos || !r.shows) continue;
      legend_words += r.text == "blocked: channel" || r.text == "sleeping" || r.text == "panicked";
      rows += r.text.starts_with("main");
      if (r.text.starts_with("state")) state_header = r.text;
    }
    CHECK(legend_words == (small ? 0 : 3));
    // The state column's header, whole: "state" where "state / waiting on" would be cut.
    CHECK(state_header == (small ? "state" : "state / waiting on"));
    CHECK(rows >= 4);  // main and the three goroutines waiting at line 43
  }
}

TEST_CASE("legend: the lines a wrapping row of entries takes") {
  const float w[] = {50, 50, 50, 50};
  CHECK(LegendRow::lines(w, 10, 1000) == 1);
  CHECK(LegendRow::lines(w, 10, 170) == 2);  // 50 + 10 + 50 + 10 + 50 = 170: three a line
  CHECK(LegendRow::lines(w, 10, 169) == 2);  // two a line
  CHECK(LegendRow::lines(w, 10, 109) == 4);  // one a line
  CHECK(LegendRow::lines(w, 10, 20) == 4);   // one a line, wider than the row
  CHECK(LegendRow::lines({}, 10, 100) == 0);
}

TEST_CASE(
    "tasks frames: past 300 rows, one line each, the name column fits whole names (\"worker "
    "number 17\", not \"worker …\")") {
  // Rows past kWrapRows are one line high, so names cannot wrap there: the column takes what
  // the longest name needs. It was sized as if they wrapped, and the number was cut off.
  rdv::test::use_state_home("rdv-source-chips-frames");
  rdv::test::HeadlessImGui imgui(ImVec2(1280, 720));
  app_fonts();
  Panes app;
  const std::string src =
      "local never = chan(0, 'never')\n"
      "for i = 1, 400 do go('worker number ' .. i, function() never:recv() end) end\n"
      "sleep(1 * second)\n";
  app.controller.open_script("many.lua", "many.lua", src);
  REQUIRE(app.controller.finish_blocking(std::chrono::seconds(60)));
  app.controller.update(1.0 / 60);
  app.controller.request_seek(1000);  // every worker started, parked on `never`
  app.frames(3);
  const auto runs = app.runs();
  INFO(all_text(runs, "Tasks"));
  int workers = 0;
  for (const TextRun& r : runs) {
    if (r.window.find("Tasks/tasks") == std::string::npos || !r.shows) continue;
    if (!r.text.starts_with("worker")) continue;
    ++workers;
    CHECK(r.text.find("worker number ") == 0);
    CHECK_FALSE(r.cut);
  }
  CHECK(workers >= 4);
}
