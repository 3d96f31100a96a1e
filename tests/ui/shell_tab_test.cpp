// The --tab option (label `ui`): a screenshot can show a chosen tab of a pane; an unknown title
// is a usage error naming the tabs there are.
#include "tests/support/app_shot.h"
#include "tests/support/process.h"

#include <doctest/doctest.h>

#include <filesystem>

using rdv::test::Image;
using rdv::test::temp_folder;
namespace fs = std::filesystem;

namespace {

rdv::test::ProcessResult run_app(const std::vector<std::string>& args) {
  return rdv::test::run_app(args, rdv::test::AppRun{});
}

}  // namespace

TEST_CASE("--tab brings the named tab to the front, an unknown one lists the tabs") {
  const std::string dir = temp_folder("tab");
  const std::string scenario = "scenarios/2.1-unbuffered-rendezvous.lua";
  const auto bad = run_app({scenario, "--screenshot", dir + "/x.png", "--tab", "Nope"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("no tab named 'Nope'") != std::string::npos);
  CHECK(bad.err.find("'Channels'") != std::string::npos);
  CHECK(bad.err.find("'Scenario'") != std::string::npos);
  CHECK_FALSE(fs::exists(dir + "/x.png"));

  // The centre pane holds Channels and Scenario: the two pictures differ there, and only
  // there (the other panes draw the same run).
  const Image pa = rdv::test::take_picture(
      {scenario, "--screenshot", dir + "/a.png", "--size", "1000x700", "--tab", "Channels"},
      dir + "/a.png", 1000, 700, {});
  const Image pb = rdv::test::take_picture({scenario, "--screenshot", dir + "/b.png", "--size",
                                            "1000x700", "--tab", "Scenario", "--tab", "Console"},
                                           dir + "/b.png", 1000, 700, {});
  const int w1 = pa.width, h1 = pa.height;
  int centre = 0, left = 0;
  for (int y = h1 / 10; y < h1 / 2; ++y) {
    for (int x = 0; x < w1; ++x) {
      if (pa.same_at(pb, x, y)) continue;
      if (x > w1 * 45 / 100 && x < w1 * 70 / 100) ++centre;
      if (x < w1 * 35 / 100) ++left;
    }
  }
  CHECK(centre > 2000);
  CHECK(left == 0);
  fs::remove_all(dir);
}
