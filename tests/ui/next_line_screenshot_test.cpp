// The Source pane draws each task on the line it executes next (issue 16 item 3): right after
// main takes a lock, the scheduler's next decision finds it about to run the line after
// lock(), and that is where its band is, one line below where it was while taking the lock. A
// version 1 trace (no such reports) still opens in the app. Checked on the window's pixels at
// 1600x900 (ui/shell.h's default layout).
#include "session/controller.h"
#include "tests/support/app_shot.h"
#include "tests/support/process.h"
#include "ui/state_style.h"
#include "ui/theme.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>

using rdv::test::temp_folder;
using namespace rdv::session;
using namespace rdv::ui;

namespace {

using rdv::test::Image;
using rdv::test::read_file;

const std::string kScenario = RDV_SOURCE_DIR "/tests/trace/v1/lock_handoff.lua";
const std::string kV1Trace = RDV_SOURCE_DIR "/tests/trace/v1/lock_handoff.v1.rdv.jsonl";

Image shoot(const std::string& png, const std::string& file, const std::string& at) {
  return rdv::test::shoot(png, file, at, {.display_offset = 300});
}

// The Source pane's gutter, where each task at a visible line has a bar in its colour.
constexpr float kGutterX0 = 0.004f, kGutterX1 = 0.02f, kSourceY0 = 0.30f, kSourceY1 = 0.75f;

}  // namespace

TEST_CASE("source: the task that just took a lock is drawn on the line it executes next") {
  // The same run in-process: the event at which main has taken the lock (line 11), and the
  // scheduler's next decision, where main reports its next line (12, print).
  Controller c;
  c.open_script(kScenario, "lock_handoff.lua", read_file(kScenario));
  REQUIRE(c.finish_blocking(std::chrono::seconds(30)));
  const auto& ev = c.model().events();
  std::size_t locked = 0;  // events up to main's MutexLock
  for (std::size_t i = 0; i + 1 < ev.size(); ++i) {
    if (ev[i].task == 1 && ev[i].kind == rdv::sim::EventKind::MutexLock &&
        ev[i + 1].kind == rdv::sim::EventKind::TaskAt && ev[i + 1].task == 1) {
      locked = i + 1;
      break;
    }
  }
  REQUIRE(locked > 0);
  const rdv::model::State before = c.model().state_at(locked);
  const rdv::model::State next = c.model().state_at(locked + 1);
  REQUIRE(before.task(1) != nullptr);
  CHECK(before.task(1)->line == 11);  // inside lock()
  CHECK(next.task(1)->line == 12);    // about to print
  CHECK(next.task(1)->last_op_line == 11);

  const std::string dir = temp_folder("next-line");
  const Image a = shoot(dir + "/locked.png", kScenario, std::to_string(locked));
  const Image b = shoot(dir + "/next.png", kScenario, std::to_string(locked + 1));
  const ImU32 main_colour = task_colour(0);
  const auto bar_a = a.rows_with(main_colour, kGutterX0, kSourceY0, kGutterX1, kSourceY1);
  const auto bar_b = b.rows_with(main_colour, kGutterX0, kSourceY0, kGutterX1, kSourceY1);
  CAPTURE(bar_a.first);
  CAPTURE(bar_a.second);
  CAPTURE(bar_b.first);
  CAPTURE(bar_b.second);
  REQUIRE(bar_a.first >= 0);
  REQUIRE(bar_b.first >= 0);
  // One line down: main's bar moved by exactly its own height (one row of the source).
  const int line_h = bar_a.second - bar_a.first + 1;
  CHECK(line_h >= 10);
  CHECK(bar_b.second - bar_b.first + 1 == line_h);
  CHECK(std::abs(bar_b.first - (bar_a.first + line_h)) <= 1);
}

TEST_CASE("source: a version 1 trace opens, its tasks on the lines of their last events") {
  const std::string dir = temp_folder("next-line-v1");
  const Image img = shoot(dir + "/v1.png", kV1Trace, "12");
  // main's bar (and the worker's) in the gutter: the old trace is drawn, not refused.
  CHECK(img.rows_with(task_colour(0), kGutterX0, kSourceY0, kGutterX1, kSourceY1).first >= 0);
  CHECK(img.rows_with(task_colour(1), kGutterX0, kSourceY0, kGutterX1, kSourceY1).first >= 0);
}
