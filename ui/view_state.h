// ui/view_state.h — what the window shows, apart from the model (style.md §3): which event the
// panels are at, whether the cursor moves by itself, which task is focused, the filters.
//
// - `cursor` counts events: the panels draw the state after the first `cursor` events (0: before
//   the first). It never exceeds the model's size.
// - Panels read and write it; the controller moves it (Step, Run, follow the head).
#pragma once

#include "sim/event.h"

#include <cstddef>

namespace rdv::ui {

struct ViewState {
  std::size_t cursor = 0;      // events shown
  bool playing = false;        // Run: the cursor advances by itself at `speed`
  bool follow = false;         // the cursor stays at the newest event (live, interactive, end)
  float speed = 6.0f;          // controlled playback: events per second
  double carry = 0;            // fraction of an event owed to the next frame while playing
  sim::TaskId focus = 0;       // the task selected everywhere; 0 = none
  bool hide_done = false;      // Tasks: hide tasks that returned
  bool show_idle_sync = true;  // Sync: also show objects nobody waits on
};

}  // namespace rdv::ui
