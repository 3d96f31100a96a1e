// session/view_state.h — what the window shows, apart from the model (style.md §3): which event the
// panels are at, whether the cursor moves by itself, which task is focused, the filters.
//
// - `cursor` counts events: the panels draw the state after the first `cursor` events (0: before
//   the first). It never exceeds the model's size.
// - Panels read and write it; the controller moves it (Step, Run, follow the head, seek).
// - `selected` is an event index (< the model's size) or sim::kNoSeq; a reset clears it.
#pragma once

#include "sim/event.h"

#include <cstddef>

namespace rdv::session {

struct ViewState {
  std::size_t cursor = 0;      // events shown
  bool playing = false;        // Run: the cursor advances by itself at `speed`
  bool follow = false;         // the cursor stays at the newest event (live, interactive, end)
  float speed = 6.0f;          // controlled playback: events per second
  double carry = 0;            // fraction of an event owed to the next frame while playing
  sim::TaskId focus = 0;       // the task selected everywhere; 0 = none
  bool hide_done = false;      // Tasks: hide tasks that returned
  bool show_idle_sync = true;  // Sync: also show objects nobody waits on
  // The event selected (a click in the timeline or a plot), highlighted in every panel;
  // "Go to selected event" moves the cursor just after it. kNoSeq = none.
  sim::Seq selected = sim::kNoSeq;
  // The x axis of the timeline and the plots: event order (true) or time (false).
  bool event_axis = true;
  // The timeline, plots and scrubber marks draw only what happened up to the cursor ("predict,
  // then step"), unless this reveals the whole recorded run. Off for a run, on for an opened
  // trace (docs/teaching.md); View > Show the whole run toggles it.
  bool reveal_future = false;
  // The Source pane scrolls to the focused task's line (else keeps every task's line in view)
  // whenever the cursor or the focus moves. Off: it stays where the person scrolled it.
  bool follow_source = true;
  // The timeline marks each write of a variable (a lost update in red).
  bool var_markers = false;
  // A line the Source pane is asked to show once (a click on a task, an event, a report); 0 none.
  std::uint32_t show_line = 0;
};

}  // namespace rdv::session
