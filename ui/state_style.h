// ui/state_style.h — the state colours of session/state_style.h as ImGui colours, and the state
// shapes drawn with ImDrawList (design.md §8). What each state looks like is decided in session/;
// this file only converts and draws.
//
// Example:
//   const VisualState v = visual_state(task);
//   draw_state_icon(dl, centre, radius, v);  ImGui::Text("%s", state_label(v));
#pragma once

#include "session/state_style.h"

#include <imgui.h>

#include <cstddef>

namespace rdv::ui {

inline ImU32 to_imu32(session::Rgba c) noexcept {
  return IM_COL32(c.r, c.g, c.b, c.a);
}

inline ImU32 state_colour(session::VisualState v) noexcept {
  return to_imu32(session::state_rgba(v));
}
// Identity colour of the task with dense index `index` (spawn order; main = 0).
inline ImU32 task_colour(std::size_t index) noexcept {
  return to_imu32(session::task_rgba(index));
}
// Banner colour of a run's outcome.
inline ImU32 outcome_colour(sim::Outcome o) noexcept {
  return to_imu32(session::outcome_rgba(o));
}

// Draws the state's shape in its colour, centred at `c`, fitting a circle of `r` pixels.
void draw_state_icon(ImDrawList* dl, ImVec2 c, float r, session::VisualState v);

}  // namespace rdv::ui
