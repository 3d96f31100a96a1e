// The --tab option (label `ui`): a screenshot can show a chosen tab of a pane; an unknown title
// is a usage error naming the tabs there are.
#include "tests/support/app_run.h"
#include "tests/support/process.h"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

using rdv::test::run_process;
using rdv::test::temp_folder;
namespace fs = std::filesystem;

namespace {

rdv::test::ProcessResult run_app(const std::vector<std::string>& args) {
  return rdv::test::run_app(args, rdv::test::AppRun{});
}

using Pixels = std::unique_ptr<unsigned char, void (*)(void*)>;

Pixels load(const std::string& path, int& w, int& h) {
  int channels = 0;
  return Pixels(stbi_load(path.c_str(), &w, &h, &channels, 3), stbi_image_free);
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
  const auto a = run_app(
      {scenario, "--screenshot", dir + "/a.png", "--size", "1000x700", "--tab", "Channels"});
  const auto b = run_app({scenario, "--screenshot", dir + "/b.png", "--size", "1000x700", "--tab",
                          "Scenario", "--tab", "Console"});
  INFO(a.err, b.err);
  REQUIRE(a.exit_code == 0);
  REQUIRE(b.exit_code == 0);
  int w1 = 0, h1 = 0, w2 = 0, h2 = 0;
  const Pixels pa = load(dir + "/a.png", w1, h1);
  const Pixels pb = load(dir + "/b.png", w2, h2);
  REQUIRE(pa);
  REQUIRE(pb);
  REQUIRE((w1 == w2 && h1 == h2));
  int centre = 0, left = 0;
  for (int y = h1 / 10; y < h1 / 2; ++y) {
    for (int x = 0; x < w1; ++x) {
      const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(w1) +
                             static_cast<std::size_t>(x)) *
                            3;
      const bool differs = pa.get()[i] != pb.get()[i] || pa.get()[i + 1] != pb.get()[i + 1] ||
                           pa.get()[i + 2] != pb.get()[i + 2];
      if (!differs) continue;
      if (x > w1 * 45 / 100 && x < w1 * 70 / 100) ++centre;
      if (x < w1 * 35 / 100) ++left;
    }
  }
  CHECK(centre > 2000);
  CHECK(left == 0);
  fs::remove_all(dir);
}
