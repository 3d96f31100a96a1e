// ui/legend.h — the legend of task-state colours and shapes (design.md §8): one entry per
// VisualState, each a shape in its colour and a word, with the meaning in a tooltip.
#pragma once

namespace rdv::ui {

// Draws the legend as a wrapping row of entries in the current window.
void draw_state_legend();

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

 private:
  float gap_;
  float right_;
  bool first_ = true;
};

}  // namespace rdv::ui
