// The Source pane draws each task on the line it executes next (issue 16 item 3): right after
// main takes a lock, the scheduler's next decision finds it about to run the line after
// lock(), and that is where its band is, one line below where it was while taking the lock. A
// version 1 trace (no such reports) still opens in the app. Checked on the window's pixels at
// 1600x900 (ui/shell.h's default layout).
#include "session/controller.h"
#include "tests/ui/process.h"
#include "ui/state_style.h"
#include "ui/theme.h"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

using rdv::test::run_process;
using rdv::test::temp_folder;
using namespace rdv::ui;

namespace {

rdv::test::ProcessResult run_app(const std::vector<std::string>& args) {
  std::vector<std::string> argv;
  const char* display = std::getenv("DISPLAY");
  if (display == nullptr || display[0] == '\0') {
    for (std::string a : {"xvfb-run", "-a", "-n"}) argv.push_back(a);
    argv.push_back(std::to_string(100 + (::getpid() + 300) % 800));
    argv.emplace_back("-s");
    argv.emplace_back("-screen 0 1920x1080x24");
  }
  argv.emplace_back(RDV_EXE);
  argv.insert(argv.end(), args.begin(), args.end());
#ifdef RDV_APP_ENV
  return run_process(argv, {RDV_APP_ENV});
#else
  return run_process(argv);
#endif
}

struct Image {
  int width = 0;
  int height = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> pixels{nullptr, stbi_image_free};

  bool near(int x, int y, ImU32 colour, int tolerance) const {
    const unsigned char* p =
        pixels.get() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                        static_cast<std::size_t>(x)) *
                           3;
    const int r = static_cast<int>(colour & 0xff), g = static_cast<int>((colour >> 8) & 0xff),
              b = static_cast<int>((colour >> 16) & 0xff);
    return std::abs(p[0] - r) + std::abs(p[1] - g) + std::abs(p[2] - b) <= tolerance;
  }
  // The pixel rows of the box (fractions of the image) holding `colour`: [first, last], or
  // {-1, -1} when none does.
  std::pair<int, int> rows_with(ImU32 colour, float x0, float y0, float x1, float y1) const {
    std::pair<int, int> out{-1, -1};
    for (int y = static_cast<int>(y0 * static_cast<float>(height));
         y < static_cast<int>(y1 * static_cast<float>(height)); ++y) {
      for (int x = static_cast<int>(x0 * static_cast<float>(width));
           x < static_cast<int>(x1 * static_cast<float>(width)); ++x) {
        if (!near(x, y, colour, 12)) continue;
        if (out.first < 0) out.first = y;
        out.second = y;
        break;
      }
    }
    return out;
  }
};

const std::string kScenario = RDV_SOURCE_DIR "/tests/trace/v1/lock_handoff.lua";
const std::string kV1Trace = RDV_SOURCE_DIR "/tests/trace/v1/lock_handoff.v1.rdv.jsonl";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Image shoot(const std::string& png, const std::string& file, const std::string& at) {
  const auto r =
      run_app({file, "--screenshot", png, "--size", "1600x900", "--at", at, "--seed", "1"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  Image img;
  int channels = 0;
  img.pixels.reset(stbi_load(png.c_str(), &img.width, &img.height, &channels, 3));
  REQUIRE(img.pixels);
  return img;
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
