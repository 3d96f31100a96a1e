// Screenshots of the Timeline panel (label `ui`) for the rendezvous, the fan-in that leaks and the
// cancel cascade, checked for content: in the timeline's region (the bottom-left pane of the
// default layout at 1600x1000: x < 0.69, y > 0.76), the state colours that tell each story, and
// none that the story does not have.
#include "tests/support/app_shot.h"
#include "tests/support/process.h"
#include "tests/support/scenario.h"
#include "ui/state_style.h"
#include "ui/theme.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace rdv::session;
using namespace rdv::test;  // Image, read_file, temp_folder
using namespace rdv::ui;

// Every picture needs a run, so every case needs the script runner.
namespace {

// The screenshots: 1600x1000, seed 1, the Timeline tab in front.
const Shot kShot{.height = 1000, .extra = {"--tab", "Timeline"}, .display_offset = 400};

// The timeline pane.
constexpr float kX0 = 0.0f, kX1 = 0.69f, kY0 = 0.76f, kY1 = 0.99f;

bool in_timeline(const Image& img, ImU32 colour, int tolerance = 12) {
  return img.has_colour(colour, kX0, kY0, kX1, kY1, tolerance);
}

}  // namespace

TEST_CASE("timeline: the rendezvous shows main blocked on the channel until the sender arrives") {
  const auto dir = temp_folder("rdv-timeline-shot");
  const Image img = shoot_in(dir, scenario_path("2.1-unbuffered-rendezvous.lua"), "end", kShot);
  // asyncTask sleeps (its 2 s of work), main waits on `result`, both run.
  CHECK(in_timeline(img, state_colour(VisualState::Sleeping)));
  CHECK(in_timeline(img, state_colour(VisualState::BlockedChan)));
  CHECK(in_timeline(img, state_colour(VisualState::Running)));
  CHECK(in_timeline(img, task_colour(0)));  // main's identity bar beside its name
  CHECK(in_timeline(img, task_colour(1)));
  // Nobody selects, locks or waits on a WaitGroup here.
  CHECK_FALSE(in_timeline(img, state_colour(VisualState::BlockedSelect)));
  CHECK_FALSE(in_timeline(img, state_colour(VisualState::BlockedWaitGroup)));
  CHECK_FALSE(in_timeline(img, state_colour(VisualState::BlockedMutex)));
}

TEST_CASE("timeline: the fan-in shows main selecting and a late fetch left blocked sending") {
  const auto dir = temp_folder("rdv-timeline-shot");
  const Image img = shoot_in(dir, scenario_path("2.3-fanin-timeout-leak.lua"), "end", kShot);
  CHECK(in_timeline(img, state_colour(VisualState::BlockedSelect)));  // main's select
  CHECK(in_timeline(img, state_colour(VisualState::Sleeping)));       // the fetches' latency
  CHECK(in_timeline(img, state_colour(VisualState::BlockedChan)));    // fetch 2, leaked
  CHECK(in_timeline(img, task_colour(3)));  // the three fetches are in a group, expanded
  CHECK_FALSE(in_timeline(img, state_colour(VisualState::BlockedWaitGroup)));
}

TEST_CASE("timeline: the cancel cascade shows the cancel and the workers it stopped") {
  const auto dir = temp_folder("rdv-timeline-shot");
  const Image img = shoot_in(dir, scenario_path("2.5-error-cancel-cascade.lua"), "end", kShot);
  CHECK(in_timeline(img, state_colour(VisualState::BlockedSelect)));     // workers wait on done()
  CHECK(in_timeline(img, state_colour(VisualState::BlockedWaitGroup)));  // main's wg:wait()
  CHECK(in_timeline(img, palette::kError, 20));  // the cancel marker and its label, its arrows
  CHECK_FALSE(in_timeline(img, state_colour(VisualState::BlockedFuture)));
}
