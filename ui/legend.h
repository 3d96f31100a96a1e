// ui/legend.h — the legend of task-state colours and shapes (design.md §8): one entry per
// VisualState, each a shape in its colour and a word, with the meaning in a tooltip.
#pragma once

#include <span>

namespace rdv::ui {

// Draws the legend in the current window as a wrapping row of entries, each state's shape and
// word. Where the words would take more than `max_height`, the shapes alone, each one's tooltip
// naming its state: a short pane (the Tasks pane at 1280x720) keeps its room for its rows.
void draw_state_legend(float max_height = 1e9f);

// The wrapping row a legend's entries are laid out in (the state legend, the Plots bars'):
// call next(width) before drawing each entry.
class LegendRow {
 public:
  // - `gap`: the space between two entries on a line. The row ends at the right edge of the
  //   content region where it starts.
  explicit LegendRow(float gap);
  // - Puts the next entry, `width` wide, after the previous one, or on a new line when it would
  //   pass the right edge.
  void next(float width);
  // - How many lines entries of `widths` take, `gap` apart, in a row `room` wide.
  static int lines(std::span<const float> widths, float gap, float room);

 private:
  float gap_;
  float right_;
  bool first_ = true;
};

}  // namespace rdv::ui
