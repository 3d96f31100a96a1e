// Screenshots for the classroom (issue 19): the Source pane follows the tasks to lines that used
// to be off screen, the timeline hides the future while stepping, and the Variables tab shows
// the lost update. Each picture is checked for colours only the expected content can put in a
// region of the default layout at 1600x900 (ui/shell.h).
#include "session/controller.h"
#include "tests/support/app_shot.h"
#include "tests/support/process.h"
#include "tests/support/scenario.h"
#include "ui/state_style.h"
#include "ui/theme.h"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace rdv::session;
using namespace rdv::test;  // Image, read_file, temp_folder
using namespace rdv::ui;

namespace {

Image shoot(const std::string& dir, const std::string& file, const std::string& at,
            const std::vector<std::string>& extra = {}) {
  return shoot_in(dir, scenario_path(file), at, {.extra = extra, .display_offset = 600});
}

// The Source pane's gutter, where each task at a visible line has a bar in its colour.
constexpr float kGutterX0 = 0.004f, kGutterX1 = 0.02f, kSourceY0 = 0.38f, kSourceY1 = 0.70f;
// The timeline's lanes, right of the names (the bottom row, left of the Console).
constexpr float kLanesX0 = 0.12f, kLanesX1 = 0.68f, kLanesY0 = 0.80f, kLanesY1 = 0.97f;
constexpr float kCenterX0 = 0.41f, kCenterX1 = 0.70f, kCenterY0 = 0.10f, kCenterY1 = 0.70f;

}  // namespace

TEST_CASE("classroom: the Source shows the line of the task that moved, where it was off screen") {
  struct Case {
    const char* file;
    std::size_t at;
  };
  const std::string dir = temp_folder("classroom-source");
  for (const Case& k :
       {Case{"2.5-error-cancel-cascade.lua", 38}, Case{"2.5-error-cancel-cascade.lua", 60},
        Case{"2.3-fanin-timeout-leak.lua", 21}, Case{"2.3-fanin-timeout-leak.lua", 45},
        Case{"2.3-fanin-timeout-leak.lua", 56}}) {
    CAPTURE(k.file);
    CAPTURE(k.at);
    // Which task moved last, and is it at a line? Ask the same run in-process.
    Controller c;
    REQUIRE(rdv::test::run_scenario(c, k.file));
    REQUIRE(k.at <= c.model().size());
    const rdv::model::State s = c.model().state_at(k.at);
    const rdv::sim::TaskId latest = c.model().events()[k.at - 1].task;
    const rdv::model::TaskInfo* t = s.task(latest);
    // The follow rule: the latest mover when not every line fits; every line otherwise. Either
    // way some task's bar is in view; the latest mover's when it is alive at a line.
    const Image img = shoot(dir, k.file, std::to_string(k.at));
    int any = 0;
    for (std::size_t i = 0; i < s.tasks.size(); ++i) {
      any += img.count_colour(task_colour(i), kGutterX0, kSourceY0, kGutterX1, kSourceY1, 12);
    }
    CHECK(any > 20);
    if (t != nullptr && t->alive() && t->line != 0) {
      CAPTURE(t->line);
      CHECK(img.count_colour(task_colour(t->colour), kGutterX0, kSourceY0, kGutterX1, kSourceY1,
                             12) > 10);
    }
  }
}

TEST_CASE("classroom: while stepping the timeline draws nothing right of the cursor") {
  const std::string dir = temp_folder("classroom-future");
  const ImU32 running = state_colour(VisualState::Running);
  const ImU32 sleeping = state_colour(VisualState::Sleeping);
  // 2.1 at event 3: main has just started; the rest of the run is the future.
  const Image early = shoot(dir, "2.1-unbuffered-rendezvous.lua", "3");
  const Image end = shoot(dir, "2.1-unbuffered-rendezvous.lua", "end");
  // The right half of the lanes: empty early, full at the end.
  const float mid = (kLanesX0 + kLanesX1) / 2;
  CHECK(early.count_colour(running, mid, kLanesY0, kLanesX1, kLanesY1) == 0);
  CHECK(early.count_colour(sleeping, mid, kLanesY0, kLanesX1, kLanesY1) == 0);
  CHECK(end.count_colour(running, kLanesX0, kLanesY0, kLanesX1, kLanesY1) +
            end.count_colour(sleeping, kLanesX0, kLanesY0, kLanesX1, kLanesY1) >
        100);
}

TEST_CASE("classroom: the Variables tab shows the lost update of 4.2b per line, not per sync") {
  const std::string dir = temp_folder("classroom-vars");
  const Image lost =
      shoot(dir, "4.2b-lost-update.lua", "end", {"--preempt", "line", "--tab", "Variables"});
  // The lost update's row: red text on a red band, in the centre pane.
  CHECK(lost.count_colour(palette::kError, kCenterX0, kCenterY0, kCenterX1, kCenterY1) > 50);
  // Per sync nothing interleaves between the read and the write: no update is lost.
  const Image safe =
      shoot(dir, "4.2b-lost-update.lua", "end", {"--preempt", "sync", "--tab", "Variables"});
  CHECK(safe.count_colour(palette::kError, kCenterX0, kCenterY0, kCenterX1, kCenterY1) == 0);
  // Without a flag the scenario's header asks for line preemption: the app shows the bug.
  const Image own = shoot(dir, "4.2b-lost-update.lua", "end", {"--tab", "Variables"});
  CHECK(own.count_colour(palette::kError, kCenterX0, kCenterY0, kCenterX1, kCenterY1) > 50);
}
TEST_CASE("classroom: the lecture layout shows Source where Scenarios was, and no Tasks pane") {
  const std::string dir = temp_folder("classroom-lecture");
  const Image normal = shoot(dir, "2.1-unbuffered-rendezvous.lua", "9");
  const Image lecture = shoot(dir, "2.1-unbuffered-rendezvous.lua", "9", {"--layout", "lecture"});
  // Top left: the scenario list's chapter numbers (accent colour) only by default; the lecture
  // layout has the Source pane there.
  const int lecture_chapters = lecture.count_colour(palette::kAccent, 0.012f, 0.15f, 0.04f, 0.30f);
  const int normal_chapters = normal.count_colour(palette::kAccent, 0.012f, 0.15f, 0.04f, 0.30f);
  CAPTURE(lecture_chapters);
  CAPTURE(normal_chapters);
  CHECK(normal_chapters > 20);
  CHECK(lecture_chapters == 0);
  // Top right: the Tasks pane's legend ("blocked: select" in its colour) only by default.
  const ImU32 select = state_colour(VisualState::BlockedSelect);
  CHECK(normal.count_colour(select, 0.72f, 0.10f, 1.0f, 0.22f, 12) > 20);
  CHECK(lecture.count_colour(select, 0.72f, 0.10f, 1.0f, 0.22f, 12) == 0);
}

TEST_CASE("classroom: File > Open's browser lists a folder, and says when it cannot") {
  const std::string dir = temp_folder("classroom-browse");
  fs::create_directories(dir + "/course/week 1");
  fs::copy_file(scenario_path("2.1-unbuffered-rendezvous.lua"), dir + "/course/rendezvous.lua");
  const Image listed =
      shoot(dir, "2.1-unbuffered-rendezvous.lua", "end", {"--browse", dir + "/course"});
  // The folder "week 1/" in the accent colour and no error, in the dialog's listing.
  const int folder = listed.count_colour(palette::kAccent, 0.40f, 0.30f, 0.78f, 0.45f);
  CAPTURE(folder);
  CHECK(folder > 5);
  CHECK(listed.count_colour(palette::kError, 0.20f, 0.20f, 0.80f, 0.80f, 12) == 0);
  const Image missing =
      shoot(dir, "2.1-unbuffered-rendezvous.lua", "end", {"--browse", dir + "/nowhere"});
  CHECK(missing.count_colour(palette::kError, 0.20f, 0.20f, 0.80f, 0.80f, 12) > 20);
}
