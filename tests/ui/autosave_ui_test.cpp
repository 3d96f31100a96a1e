// Unsaved work in the real window (label `ui`, Xvfb): an autosaved edit left by a crash is
// offered back when its scenario is opened again, and showing the offer does not delete it.
#include "session/autosave.h"
#include "tests/support/app_shot.h"
#include "tests/support/process.h"

#include <doctest/doctest.h>

#include <filesystem>

using rdv::test::Image;
using rdv::test::temp_folder;
namespace fs = std::filesystem;

TEST_CASE("autosave: reopening a scenario with an autosaved edit offers to restore it") {
  const std::string dir = temp_folder("restore");
  const std::string scenario = dir + "/edited.lua";
  fs::copy_file(std::string(RDV_SOURCE_DIR) + "/scenarios/2.1-unbuffered-rendezvous.lua", scenario);
  rdv::test::AppRun how;
  how.env = {"XDG_STATE_HOME=" + dir + "/state", "XDG_CONFIG_HOME=" + dir + "/config"};
  const rdv::session::Autosave autosave(dir + "/state/rendezvous/autosave");

  // Without an autosave: no offer.
  const Image a =
      rdv::test::take_picture({scenario, "--screenshot", dir + "/plain.png", "--size", "1200x800"},
                              dir + "/plain.png", 1200, 800, how);

  // As a crash leaves it: the edit in the autosave folder, the file on disk unchanged.
  std::string error;
  REQUIRE(autosave.write(scenario, "print('my unsaved edit')\n", &error));
  const Image b =
      rdv::test::take_picture({scenario, "--screenshot", dir + "/offer.png", "--size", "1200x800"},
                              dir + "/offer.png", 1200, 800, how);
  CHECK(fs::exists(autosave.file_for(scenario)));  // shown, not consumed

  // The modal sits in the middle of the window; the two pictures differ there.
  const int w1 = a.width, h1 = a.height;
  int differing = 0;
  for (int y = h1 * 2 / 5; y < h1 * 3 / 5; ++y)
    for (int x = w1 * 3 / 10; x < w1 * 7 / 10; ++x) differing += !a.same_at(b, x, y);
  CHECK(differing > 5000);
  fs::remove_all(dir);
}
