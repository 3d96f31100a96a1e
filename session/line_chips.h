// session/line_chips.h — the task labels ("chips") the Source pane draws after a line, placed
// without ImGui: which fit after the code, how shortened, and which tasks a "+N" chip stands for.
//
// - A chip never covers the line's code. Where all the chips fit after the line's text, they
//   are drawn there with the tasks' full names ("◀ main.main.func1 (goroutine 2)"), as in a
//   wide pane. Otherwise they end at the visible right edge and may cover a trailing comment
//   (the panel stops the line's text short of them), never the code before it.
// - When they do not fit so with full names, the names are shortened ("◀ goroutine 2", then
//   "◀ #2"); when not even that fits, the first chips that fit are drawn and one "+N" chip
//   stands for the N tasks left (the panel lists every task of the line in a tooltip).
// - When not even "+N" fits between the code and the visible edge (the code reaches the edge;
//   "+N" may come half the gap after the code), the full chips go after the line's text, where
//   scrolling sideways shows them.
// The panel measures text (its font), this decides; tests/session/line_chips_test.cpp.
//
// Example:
//   const LineChips lc = layout_line_chips(tasks, {text_end, code_end, right, 2 * advance},
//                                          [&](std::string_view s) { return width_of(s); });
//   if (lc.text_clip < text_end) clip the line's text at lc.text_clip;
//   for (const PlacedChip& c : lc.chips) draw c.text at c.x (c.more: the "+N" chip);
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rdv::session {

// A task stopped at the line, in the order its chip comes.
struct ChipTask {
  std::string name;   // as the Tasks pane shows it: "main.main.func1 (goroutine 2)", "worker"
  bool pick = false;  // the interactive policy can let it take the next step: "▶ … (pick)"
};

// A chip's text at each length, longest first: "◀ main.main.func1 (goroutine 2)", "◀ goroutine
// 2", "◀ #2". A name without a goroutine number is cut with "…" instead ("◀ producer_of_…",
// "◀ prod…"). A pick: "▶ worker (pick)", then "▶ worker". (The arrows are UTF-8.)
std::array<std::string, 3> chip_texts(const ChipTask& t);

// Where the line is, in the panel's units (pixels), along x.
struct LineGeometry {
  float text_end = 0;  // just after the line's last character
  float code_end = 0;  // just after its code, before a trailing comment (text_end without one)
  float right = 0;     // the visible right edge of the code view
  float gap = 0;       // the space before the first chip and between chips
};

struct PlacedChip {
  float x = 0;  // left edge
  float width = 0;
  std::string text;
  std::size_t task = 0;  // the task's index in `tasks` (a "+N" chip: the first task it holds)
  bool more = false;     // the "+N" chip: it stands for tasks[task..] (every task not shown)
};

struct LineChips {
  std::vector<PlacedChip> chips;  // left to right; the "+N" chip, if any, last
  std::size_t shown = 0;          // the tasks with a chip of their own: the first `shown`
  bool shortened = false;         // a chip shows less than its task's full name
  float text_clip = INFINITY;     // the line's text is drawn only left of this
  float end = 0;                  // just after the last chip: where more text may go
};

// Measures a text's width, in the units of LineGeometry.
using MeasureText = std::function<float(std::string_view)>;

// Places the chips of `tasks` after one line (see the file's comment for the rules).
LineChips layout_line_chips(std::span<const ChipTask> tasks, const LineGeometry& g,
                            const MeasureText& measure);

}  // namespace rdv::session
