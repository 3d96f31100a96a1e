// ui/state_style.h — how a task's state looks, the same in every panel, the timeline and the
// legend (design.md §8).
//
// - Ten visual states: the model's six TaskStates with Blocked split by what the task waits on
//   (a channel, a select, a WaitGroup, a lock, a future), because "blocked on what" is the
//   question a student asks first.
// - Each has one colour (Okabe–Ito based, distinguishable for the common colour blindnesses) and
//   one shape, so state never depends on colour alone.
// - Each task also has an identity colour (its lane, its line marker in the source), taken from
//   its spawn order; identity colours are bright hues that never mean a state.
//
// Example:
//   const VisualState v = visual_state(task);
//   draw_state_icon(dl, centre, radius, v);  ImGui::Text("%s", state_label(v));
#pragma once

#include "ui/model/model.h"

#include <imgui.h>

#include <array>
#include <cstddef>

namespace rdv::ui {

enum class VisualState : std::uint8_t {
  Running,
  Runnable,          // waiting for the scheduler
  BlockedChan,       // parked in send or recv (a nil channel's "forever" too)
  BlockedSelect,     // parked in select
  BlockedWaitGroup,  // parked in a WaitGroup's wait()
  Sleeping,
  Done,
  Panicked,
  BlockedMutex,   // parked in lock / rlock
  BlockedFuture,  // parked in a future's get (all / all_settled too)
  // Any sync object (WaitGroup, lock, future) where one colour stands for all of them (the Sync
  // panel's "waiting" mark); never returned by visual_state().
  BlockedSync = BlockedWaitGroup,
};
inline constexpr std::size_t kVisualStateCount = 10;
// In legend order: the task's life, then what it can be blocked on, then its end.
inline constexpr std::array<VisualState, kVisualStateCount> kVisualStates = {
    VisualState::Running,       VisualState::Runnable,         VisualState::BlockedChan,
    VisualState::BlockedSelect, VisualState::BlockedWaitGroup, VisualState::BlockedMutex,
    VisualState::BlockedFuture, VisualState::Sleeping,         VisualState::Done,
    VisualState::Panicked};

enum class StateShape : std::uint8_t {
  Play,       // ▶ running
  Ring,       // ○ runnable
  Square,     // ■ blocked on a channel
  Diamond,    // ◆ blocked in select
  Bar,        // ▬ blocked on a WaitGroup
  Lock,       // a padlock: blocked on a mutex
  Hourglass,  // ⧗ blocked on a future
  Moon,       // ◐ sleeping (a half-filled circle)
  Check,      // ✓ done
  Cross,      // ✗ panicked
};

// The visual state of a task (Blocked split by its reason).
VisualState visual_state(model::TaskState state, sim::BlockReason reason) noexcept;
inline VisualState visual_state(const model::TaskInfo& t) noexcept {
  return visual_state(t.state, t.reason);
}

ImU32 state_colour(VisualState v) noexcept;
StateShape state_shape(VisualState v) noexcept;
// Short label for the legend and the Tasks panel: "running", "blocked: channel", ...
const char* state_label(VisualState v) noexcept;
// One sentence for a tooltip: what the state means.
const char* state_meaning(VisualState v) noexcept;

// Identity colour of the task with dense index `index` (spawn order; main = 0).
ImU32 task_colour(std::size_t index) noexcept;

// Banner colour and headline of a run's outcome ("Running", "Deadlock", ...).
ImU32 outcome_colour(sim::Outcome o) noexcept;
const char* outcome_headline(sim::Outcome o) noexcept;

// Draws the state's shape in its colour, centred at `c`, fitting a circle of `r` pixels.
void draw_state_icon(ImDrawList* dl, ImVec2 c, float r, VisualState v);

}  // namespace rdv::ui
