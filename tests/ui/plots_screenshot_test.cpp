// The Plots tab (label `ui`): blocked tasks and channel occupancy over the run, and per task the
// time in each state, drawn in the bottom pane; the cursor's line and the bars move with --at.
#include "tests/ui/time_travel_screenshot.h"
#include "ui/state_style.h"
#include "ui/theme.h"

using namespace rdv::test::shots;
using rdv::session::VisualState;
using rdv::test::temp_folder;
using rdv::ui::state_colour;
namespace fs = std::filesystem;

namespace {
// The bottom pane's left part (the Timeline slot) at 1600x900: series left, bars right.
constexpr float kY0 = 0.76f, kY1 = 1.0f;
constexpr float kSeriesX0 = 0.0f, kSeriesX1 = 0.40f;
constexpr float kBarsX0 = 0.41f, kBarsX1 = 0.69f;
}  // namespace

TEST_CASE("plots: blocked tasks, channel occupancy and time per state are drawn and move") {
  const std::string dir = temp_folder("plots");
  // A buffered channel that fills: its len plot and the blocked producer.
  const std::string file = "scenarios/2.1b-buffered-channel.lua";
  const Image timeline = shoot(dir, file, "end", {"--tab", "Timeline"});
  const Image end = shoot(dir, file, "end", {"--tab", "Plots"});
  const Image early = shoot(dir, file, "8", {"--tab", "Plots"});
  // The tab shows something else than the timeline.
  CHECK(end.count_different(timeline, 0.0f, kY0, kBarsX1, kY1) > 2000);
  // Series: the blocked-task line and the channel's len line (accent).
  CHECK(end.count_colour(state_colour(VisualState::BlockedChan), kSeriesX0, kY0, kSeriesX1, kY1,
                         20) > 30);
  CHECK(end.count_colour(rdv::ui::palette::kAccent, 0.08f, 0.86f, kSeriesX1, kY1, 20) > 30);
  // Bars: running, runnable and blocked time in the state colours.
  for (const VisualState v :
       {VisualState::Running, VisualState::Runnable, VisualState::BlockedChan}) {
    CAPTURE(rdv::session::state_label(v));
    CHECK(end.count_colour(state_colour(v), kBarsX0, 0.86f, kBarsX1, kY1, 20) > 40);
  }
  // At another event the cursor line and the bars differ.
  CHECK(end.count_different(early, kSeriesX0, kY0, kSeriesX1, kY1) > 20);
  CHECK(end.count_different(early, kBarsX0, 0.86f, kBarsX1, kY1) > 200);
  fs::remove_all(dir);
}
