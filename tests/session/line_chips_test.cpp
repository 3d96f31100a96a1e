// Tests of the Source pane's task chips placed without a window (session/line_chips.h): a wide
// pane keeps the full names after the code; a narrow one shortens them, then shows the chips
// that fit and "+N"; no chip ever starts over the code, whatever the geometry.
#include "session/line_chips.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

namespace {

using namespace rdv::session;

// A monospaced font: 10 units a code point.
float measure(std::string_view s) {
  float w = 0;
  for (const char c : s) w += (static_cast<unsigned char>(c) & 0xC0) == 0x80 ? 0 : 10;
  return w;
}

constexpr float kGap = 20;  // two columns

// cond.go line 43, "\t\tq.notEmpty.Wait()": 27 columns with the tabs (x 0 is the code's left).
LineGeometry line43(float right) {
  return {270, 270, right, kGap};
}

std::vector<ChipTask> goroutines(std::initializer_list<int> numbers) {
  std::vector<ChipTask> out;
  for (int n : numbers) out.push_back({"main.main.func1 (goroutine " + std::to_string(n) + ")"});
  return out;
}

std::vector<std::string> texts(const LineChips& lc) {
  std::vector<std::string> out;
  for (const PlacedChip& c : lc.chips) out.push_back(c.text);
  return out;
}

}  // namespace

TEST_CASE("line chips: a chip's text at each length") {
  CHECK(chip_texts({"main.main.func1 (goroutine 2)"}) ==
        std::array<std::string, 3>{"\xE2\x97\x80 main.main.func1 (goroutine 2)",
                                   "\xE2\x97\x80 goroutine 2", "\xE2\x97\x80 #2"});
  CHECK(chip_texts({"worker", true}) ==
        std::array<std::string, 3>{"\xE2\x96\xB6 worker (pick)", "\xE2\x96\xB6 worker",
                                   "\xE2\x96\xB6 work\xE2\x80\xA6"});
  // A name with no goroutine number is cut to 12, then 5 code points, "…" counted.
  CHECK(chip_texts({"producer_of_jobs"})[1] == "\xE2\x97\x80 producer_of\xE2\x80\xA6");
  CHECK(chip_texts({"producer_of_jobs"})[2] == "\xE2\x97\x80 prod\xE2\x80\xA6");
  // "(goroutine x)" that is not a number is part of the name.
  CHECK(chip_texts({"f (goroutine x)"})[2] == "\xE2\x97\x80 f (g\xE2\x80\xA6");
}

TEST_CASE("line chips: a wide pane shows every full name right after the code, as before") {
  const auto tasks = goroutines({2, 3});
  const LineChips lc = layout_line_chips(tasks, line43(2000), measure);
  REQUIRE(lc.chips.size() == 2);
  CHECK(lc.shown == 2);
  CHECK_FALSE(lc.shortened);
  CHECK(lc.chips[0].x == 290);               // two columns after the code
  CHECK(lc.chips[1].x == 290 + 310 + kGap);  // "◀ main.main.func1 (goroutine 2)": 31 columns
  CHECK(lc.chips[1].task == 1);
  CHECK(texts(lc)[1] == "\xE2\x97\x80 main.main.func1 (goroutine 3)");
  CHECK(std::isinf(lc.text_clip));
  CHECK(lc.end == 290 + 310 + kGap + 310 + kGap);
}

TEST_CASE("line chips: no tasks, no chips, and more text two columns after the code") {
  const LineChips lc = layout_line_chips({}, line43(600), measure);
  CHECK(lc.chips.empty());
  CHECK(lc.end == 290);
  CHECK(std::isinf(lc.text_clip));
}

TEST_CASE("line chips: where full names do not fit, the goroutine numbers do") {
  const auto tasks = goroutines({2, 3});
  // 600 - 290 = 310: one full name fits, two "◀ goroutine N" (13 columns) do.
  const LineChips lc = layout_line_chips(tasks, line43(600), measure);
  CHECK(texts(lc) ==
        std::vector<std::string>{"\xE2\x97\x80 goroutine 2", "\xE2\x97\x80 goroutine 3"});
  CHECK(lc.shown == 2);
  CHECK(lc.shortened);
  CHECK(lc.chips[0].x == 290);  // still right after the code: there is room
  CHECK(std::isinf(lc.text_clip));
  // Three need the shortest: "◀ #N".
  const auto three = goroutines({2, 3, 4});
  CHECK(texts(layout_line_chips(three, line43(600), measure)) ==
        std::vector<std::string>{"\xE2\x97\x80 #2", "\xE2\x97\x80 #3", "\xE2\x97\x80 #4"});
}

TEST_CASE("line chips: the chips that fit and +N for the others") {
  const auto tasks = goroutines({2, 3, 4, 5, 6});
  // 290..420: room for 130 units: "◀ #2 ◀ #3" (40 + 20 + 40) and "+3" (20) needs 140; one
  // chip and "+4": 40 + 20 + 20.
  const LineChips lc = layout_line_chips(tasks, line43(420), measure);
  CHECK(texts(lc) == std::vector<std::string>{"\xE2\x97\x80 #2", "+4"});
  CHECK(lc.shown == 1);
  REQUIRE(lc.chips.size() == 2);
  CHECK(lc.chips[1].more);
  CHECK(lc.chips[1].task == 1);  // the first task the chip stands for
  CHECK(lc.chips[0].x >= 290);
  CHECK(lc.chips[1].x + lc.chips[1].width <= 420);
  // Only "+5" fits.
  CHECK(texts(layout_line_chips(tasks, line43(320), measure)) == std::vector<std::string>{"+5"});
  // "+5" fits only half a gap after the code.
  const LineChips close = layout_line_chips(tasks, line43(300), measure);
  CHECK(texts(close) == std::vector<std::string>{"+5"});
  CHECK(close.chips[0].x == 280);
  CHECK(std::isinf(close.text_clip));  // it ends where the code does
  // Not even so: the chips go after the code, past the edge.
  CHECK(layout_line_chips(tasks, line43(299), measure).chips.size() == 5);
}

TEST_CASE("line chips: chips may cover a trailing comment, never the code before it") {
  // "\tx := f() // a long comment": code ends at column 9, the text at 30.
  const LineGeometry g{300, 90, 450, kGap};
  const auto tasks = goroutines({7});
  const LineChips lc = layout_line_chips(tasks, g, measure);
  REQUIRE(lc.chips.size() == 1);
  // Full name (310) fits between the code and the edge: it ends at the edge, over the comment.
  CHECK_FALSE(lc.shortened);
  CHECK(lc.chips[0].x == 450 - 310);
  CHECK(lc.chips[0].x >= 90 + kGap);
  CHECK(lc.text_clip == lc.chips[0].x - kGap / 2);
  CHECK(lc.text_clip >= 90);
}

TEST_CASE("line chips: code up to the edge puts the chips after the text, off the edge") {
  // A long line of code: nothing fits between it and the visible edge.
  const LineGeometry g{900, 900, 600, kGap};
  const auto tasks = goroutines({2, 3});
  const LineChips lc = layout_line_chips(tasks, g, measure);
  REQUIRE(lc.chips.size() == 2);
  CHECK_FALSE(lc.shortened);
  CHECK(lc.chips[0].x == 920);
  CHECK(std::isinf(lc.text_clip));
}

TEST_CASE("line chips: over random geometries no chip covers code or another chip") {
  std::mt19937 rng(7);
  const std::vector<std::string> names = {"main",
                                          "main.main.func1 (goroutine 12)",
                                          "worker",
                                          "a_very_long_task_name_indeed",
                                          "main.consumer (goroutine 3)",
                                          "\xE4\xB8\xAD\xE6\x96\x87\xE5\x90\x8D\xE5\xAD\x97"};
  for (int round = 0; round < 2000; ++round) {
    std::vector<ChipTask> tasks;
    const int n = static_cast<int>(rng() % 6);
    for (int i = 0; i < n; ++i) tasks.push_back({names[rng() % names.size()], rng() % 3 == 0});
    const float code_end = static_cast<float>(rng() % 800);
    const float text_end = code_end + static_cast<float>(rng() % 3 == 0 ? rng() % 400 : 0);
    const float right = static_cast<float>(100 + rng() % 1200);
    const LineChips lc = layout_line_chips(tasks, {text_end, code_end, right, kGap}, measure);
    CAPTURE(round);
    CAPTURE(code_end);
    CAPTURE(text_end);
    CAPTURE(right);
    CHECK(lc.text_clip >= code_end);
    if (tasks.empty()) continue;
    // Every task has a chip of its own or is counted by "+N".
    std::size_t held = 0;
    for (const PlacedChip& c : lc.chips) held += c.more ? tasks.size() - c.task : 1;
    CHECK(held == tasks.size());
    const bool in_view = lc.chips.back().x + lc.chips.back().width <= right;
    if (!in_view) {
      // Off the edge: the full chips after the text.
      CHECK(lc.chips.front().x == text_end + kGap);
      CHECK(lc.shown == tasks.size());
    }
    // The first chip a gap after the code, or "+N" alone half a gap after it.
    float x = code_end + (lc.shown == 0 ? kGap / 2 : kGap);
    for (const PlacedChip& c : lc.chips) {
      CHECK(c.x >= x);
      CHECK(c.width == measure(c.text));
      x = c.x + c.width + kGap;
    }
  }
}
