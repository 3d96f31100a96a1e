// Time travel in the window (label `ui`): screenshots of one run at different events show
// different panels — tasks, channel buffers, source lines, console — and a recorded trace shown
// at event N looks exactly like the run at N. Regions are fractions of the default layout at
// 1600x900 (see panels_screenshot_test.cpp).
#include "tests/ui/time_travel_screenshot.h"
#include "session/controller.h"
#include "tests/support/scenario.h"

using namespace rdv::test::shots;
using rdv::test::temp_folder;
namespace fs = std::filesystem;

namespace {

struct Box {
  const char* name;
  float x0, y0, x1, y1;
};
// Panes of the default layout below the toolbar and scrubber.
constexpr Box kTasks{"Tasks", 0.72f, 0.15f, 1.0f, 0.40f};
constexpr Box kChannels{"Channels", 0.41f, 0.15f, 0.70f, 0.70f};
constexpr Box kSource{"Source", 0.0f, 0.36f, 0.40f, 0.70f};
constexpr Box kConsole{"Console", 0.70f, 0.76f, 1.0f, 1.0f};
constexpr Box kScrubber{"scrubber", 0.0f, 0.065f, 0.76f, 0.095f};

int diff(const Image& a, const Image& b, const Box& r) {
  return a.count_different(b, r.x0, r.y0, r.x1, r.y1);
}

}  // namespace

TEST_CASE("time travel: screenshots at different events show different panels") {
  const std::string dir = temp_folder("time-travel");
  const std::string file = "scenarios/2.3-fanin-timeout-leak.lua";
  const Image early = shoot(dir, file, "6");
  const Image middle = shoot(dir, file, "30");
  const Image end = shoot(dir, file, "end");
  for (const Box& r : {kTasks, kChannels, kSource, kScrubber}) {
    CAPTURE(r.name);
    CHECK(diff(early, middle, r) > 50);
    CHECK(diff(middle, end, r) > 50);
  }
  // Output appears only later in the run.
  CHECK(diff(early, end, kConsole) > 200);
  // The same event twice gives the same picture (the differences above are the run's, not noise).
  const Image again = shoot(dir, file, "30", {}, "again");
  for (const Box& r : {kTasks, kChannels, kSource, kConsole, kScrubber}) {
    CAPTURE(r.name);
    CHECK(diff(middle, again, r) == 0);
  }
  fs::remove_all(dir);
}

TEST_CASE("time travel: a recorded trace at event N looks like the run at N") {
  const std::string dir = temp_folder("time-travel-trace");
  const std::string file = "2.5-error-cancel-cascade.lua";
  rdv::session::Controller c;
  REQUIRE(rdv::test::run_scenario(c, file));
  const std::string trace = dir + "/cascade.rdv.jsonl";
  std::string error;
  REQUIRE_MESSAGE(c.save_trace(trace, &error), error);
  const std::string n = std::to_string(c.model().size() / 2);
  const Image run = shoot(dir, "scenarios/" + file, n);
  const Image loaded = shoot(dir, trace, n);
  const Image later = shoot(dir, trace, "end");
  for (const Box& r : {kTasks, kChannels}) {
    CAPTURE(r.name);
    CHECK(diff(run, loaded, r) == 0);
    CHECK(diff(loaded, later, r) > 50);
  }
  fs::remove_all(dir);
}
