// The app's frame-time reports (label `ui`): `--benchmark-frames N` draws N frames of the real
// window's loop and two baselines, `--screenshot --frame-stats` times the off-screen frames.
// The numbers are checked for sanity and consistency, never against a time limit.
#include "tests/support/app_run.h"
#include "tests/support/process.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

using rdv::test::run_process;
using rdv::test::temp_folder;
namespace fs = std::filesystem;

namespace {

// Runs rendezvous with `args`, apart from tests/ui's Xvfb servers (those start at 100).
rdv::test::ProcessResult run_app(const std::vector<std::string>& args,
                                 const std::vector<std::string>& env = {}) {
  rdv::test::AppRun how;
  how.display_base = 1000;
  how.env = env;
  return rdv::test::run_app(args, how);
}

struct Stats {
  bool found = false;
  double mean = 0, p95 = 0, max = 0;
  int frames = 0;
};

// Reads "<label>: mean A ms, p95 B ms, max C ms over N frames" from `out`.
Stats find_stats(const std::string& out, const std::string& label) {
  const std::regex re(label + R"(: mean ([0-9.]+) ms, p95 ([0-9.]+) ms, max ([0-9.]+) ms over )" +
                      R"((\d+) frames)");
  std::smatch m;
  Stats s;
  if (!std::regex_search(out, m, re)) return s;
  s.found = true;
  s.mean = std::stod(m[1]);
  s.p95 = std::stod(m[2]);
  s.max = std::stod(m[3]);
  s.frames = std::stoi(m[4]);
  return s;
}

// A frame time that a real measurement can give: positive, ordered, under a minute.
void check_sane(const Stats& s, int frames) {
  REQUIRE(s.found);
  CHECK(s.frames == frames);
  CHECK(s.mean > 0);
  CHECK(s.p95 > 0);
  CHECK(s.p95 <= s.max);
  CHECK(s.mean <= s.max);
  CHECK(s.max < 60000);
}

double find_number(const std::string& out, const std::string& pattern) {
  std::smatch m;
  if (!std::regex_search(out, m, std::regex(pattern))) return -1;
  return std::stod(m[1]);
}

}  // namespace

TEST_CASE("frames: --benchmark-frames times the window's loop against two baselines") {
  const std::string dir = temp_folder("bench");
  const auto r = run_app(
      {"scenarios/2.1-unbuffered-rendezvous.lua", "--size", "640x400", "--benchmark-frames", "12"},
      {"XDG_CONFIG_HOME=" + dir + "/config"});
  INFO(r.out);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("framebuffer 640x400") != std::string::npos);
  const Stats swap = find_stats(r.out, "baseline clear\\+swap");
  const Stats empty = find_stats(r.out, "baseline empty window");
  const Stats frame = find_stats(r.out, "frame");
  check_sane(swap, 12);
  check_sane(empty, 12);
  check_sane(frame, 12);
  // The UI's share is a part of the frame; the run is shown at its end, with what it drew.
  const double ui = find_number(r.out, R"(UI \(model, panels, ImGui\) mean ([0-9.]+) ms)");
  CHECK(ui > 0);
  CHECK(ui <= frame.mean);
  CHECK(find_number(r.out, R"(\((\d+) events)") > 10);
  CHECK(find_number(r.out, R"((\d+) vertices)") > 100);
  CHECK(find_number(r.out, R"((\d+) draw calls)") > 10);
  // The ratios are those of the printed means (to their rounding).
  const double ratio = find_number(r.out, R"(frame / clear\+swap ([0-9.]+)x)");
  CHECK(ratio == doctest::Approx(frame.mean / swap.mean).epsilon(0.05));
  CHECK(find_number(r.out, R"(frame / empty window ([0-9.]+)x)") ==
        doctest::Approx(frame.mean / empty.mean).epsilon(0.05));
  // Like a screenshot, a benchmark neither reads nor writes the user's layout.
  CHECK_FALSE(fs::exists(dir + "/config"));
  fs::remove_all(dir);
}

TEST_CASE("frames: --screenshot --frame-stats times 30 off-screen frames") {
  const std::string dir = temp_folder("shotstats");
  const auto r = run_app({"scenarios/2.1-unbuffered-rendezvous.lua", "--size", "640x400",
                          "--screenshot", dir + "/s.png", "--frame-stats"});
  INFO(r.out);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  check_sane(find_stats(r.out, "frame"), 30);
  CHECK(fs::file_size(dir + "/s.png") > 1000);
  fs::remove_all(dir);
}

TEST_CASE("frames: --benchmark-frames needs a positive count") {
  for (const char* bad : {"0", "-3", "many"}) {
    CAPTURE(bad);
    // A usage error is found before any window opens: no display needed.
    const auto r = run_process({RDV_EXE, "--benchmark-frames", bad});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("--benchmark-frames") != std::string::npos);
  }
}
