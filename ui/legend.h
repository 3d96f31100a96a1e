// ui/legend.h — the legend of task-state colours and shapes (design.md §8): one entry per
// VisualState, each a shape in its colour and a word, with the meaning in a tooltip.
#pragma once

namespace rdv::ui {

// Draws the legend as a wrapping row of entries in the current window.
void draw_state_legend();

}  // namespace rdv::ui
