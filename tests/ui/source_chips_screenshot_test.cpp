// The Source pane's task chips never hide the code (session/line_chips.h): cond.go with its
// three consumers waiting at line 43 (`q.notEmpty.Wait()`, indented twice), in windows from wide
// to narrow. In each picture of the pane the line's code is whole (as many method-coloured
// pixels, reaching as far right, as line 33's `q.notFull.Wait()` one character shorter), the
// chips are right of it, and the window's layout check finds nothing drawn over other text.
// Before, the chips were pulled in from the pane's edge and the code cut under them
// ("q.notE ◀ main.main.func1 (goroutine 2) ◀ …").
#include "tests/support/app_shot.h"
#include "tests/support/process.h"
#include "ui/state_style.h"
#include "ui/theme.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>

using rdv::test::Image;
using rdv::test::temp_folder;
using namespace rdv::ui;

namespace {

const std::string kProgram = RDV_SOURCE_DIR "/tests/gofront/programs/cond.go";
// After 60 events (seed 1) goroutines 2, 3 and 4 (task indices 1 to 3) wait at line 43.
constexpr const char* kAt = "60";

// The Source pane at `size` ("WxH"), checked by the window's layout check (exit 0: nothing cut
// or drawn over other text).
Image source_pane(const std::string& dir, const std::string& size) {
  const std::string png = dir + "/source-" + size + ".png";
  rdv::test::AppRun how;
  how.display_offset = 500;
  const auto r = rdv::test::run_app({kProgram, "--screenshot", png, "--size", size, "--at", kAt,
                                     "--seed", "1", "--pane", "Source", "--check-layout"},
                                    how);
  INFO(r.out);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  Image img = rdv::test::load_png(png);
  REQUIRE(img.pixels);
  return img;
}

// The rows [first, last] of the gutter's bar in `colour` (a task's line), or {-1, -1}.
std::pair<int, int> bar_rows(const Image& img, ImU32 colour) {
  std::pair<int, int> out{-1, -1};
  for (int y = 0; y < img.height; ++y) {
    for (int x = 0; x < 40 && x < img.width; ++x) {
      if (!img.near(x, y, colour, 12)) continue;
      if (out.first < 0) out.first = y;
      out.second = y;
      break;
    }
  }
  return out;
}

struct Ink {
  int count = 0;   // pixels of the colour in the rows
  int right = -1;  // the rightmost one's x
  int left = -1;   // the leftmost one's x
};
// The pixels near `colour` (antialiased text's cores) in rows [y0, y1] from x `from_x`.
Ink ink(const Image& img, ImU32 colour, int y0, int y1, int from_x = 40) {
  Ink out;
  for (int y = std::max(y0, 0); y <= y1 && y < img.height; ++y) {
    for (int x = from_x; x < img.width; ++x) {
      if (!img.near(x, y, colour, 40)) continue;
      ++out.count;
      out.right = std::max(out.right, x);
      if (out.left < 0 || x < out.left) out.left = x;
    }
  }
  return out;
}

// Line 43 is whole and every chip is right of it; returns where its code ends (x).
int check_code_whole(const Image& img) {
  const auto line43 = bar_rows(img, task_colour(1));  // goroutine 2's bar
  REQUIRE(line43.first >= 0);
  const int line_h = line43.second - line43.first + 1;
  REQUIRE(line_h >= 10);
  const int y33 = line43.first - 10 * line_h;
  REQUIRE(y33 >= 0);
  const Ink code43 = ink(img, palette::kMethod, line43.first, line43.second);
  const Ink code33 = ink(img, palette::kMethod, y33, y33 + line_h - 1);
  CAPTURE(code43.count);
  CAPTURE(code33.count);
  CAPTURE(code43.right);
  CAPTURE(code33.right);
  REQUIRE(code33.count > 20);           // notFull, Wait
  CHECK(code43.count >= code33.count);  // notEmpty, Wait: one letter more
  CHECK(code43.right > code33.right);   // ... and as far right, and one column more
  CHECK(code43.right < code33.right + line_h);
  // No chip left of the code's end: the tasks' colours are all right of it.
  for (std::size_t task = 1; task <= 3; ++task) {
    const Ink chip = ink(img, task_colour(task), line43.first, line43.second, 40);
    CAPTURE(task);
    if (chip.count > 0) CHECK(chip.left > code43.right);
  }
  return code43.right;
}

}  // namespace

TEST_CASE("source chips: three long goroutine names leave line 43's code whole, wide to narrow") {
  const std::string dir = temp_folder("source-chips");
  const auto chips_right_of = [](const Image& img, int code_right) {
    const auto line43 = bar_rows(img, task_colour(1));
    int tasks = 0;
    for (std::size_t task = 1; task <= 3; ++task)
      tasks += ink(img, task_colour(task), line43.first, line43.second, code_right + 1).count > 0;
    return tasks;
  };
  SUBCASE("1600x900: a chip for each task") {
    const Image img = source_pane(dir, "1600x900");
    CHECK(chips_right_of(img, check_code_whole(img)) == 3);
  }
  SUBCASE("1000x1000: a shortened chip for each task") {
    const Image img = source_pane(dir, "1000x1000");
    CHECK(chips_right_of(img, check_code_whole(img)) == 3);
  }
  SUBCASE("700x1000: no room for a name, \"+3\" stands for them") {
    const Image img = source_pane(dir, "700x1000");
    const int code_right = check_code_whole(img);
    CHECK(chips_right_of(img, code_right) == 0);
    const auto line43 = bar_rows(img, task_colour(1));
    CHECK(ink(img, palette::kText, line43.first, line43.second, code_right + 1).count > 2);
  }
}
