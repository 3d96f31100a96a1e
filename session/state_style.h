// session/state_style.h — how a task's state looks, the same in every panel, the timeline and the
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
// - Colours are plain RGBA here (no ImGui): ui/state_style.h turns them into ImU32 and draws the
//   shapes.
//
// Example:
//   const VisualState v = visual_state(task);
//   const Rgba c = state_rgba(v);  const char* words = state_label(v);
#pragma once

#include "model/model.h"

#include <array>
#include <cstddef>
#include <cstdint>

namespace rdv::session {

// A colour as 8-bit red, green, blue, alpha (the panels convert it to ImGui's ImU32).
struct Rgba {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
  std::uint8_t a = 255;
  friend bool operator==(const Rgba&, const Rgba&) = default;
};

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

Rgba state_rgba(VisualState v) noexcept;
StateShape state_shape(VisualState v) noexcept;
// Short label for the legend and the Tasks panel: "running", "blocked: channel", ...
const char* state_label(VisualState v) noexcept;
// One sentence for a tooltip: what the state means.
const char* state_meaning(VisualState v) noexcept;

// Identity colour of the task with dense index `index` (spawn order; main = 0).
Rgba task_rgba(std::size_t index) noexcept;

// Banner colour and headline of a run's outcome ("Running", "Deadlock", ...).
Rgba outcome_rgba(sim::Outcome o) noexcept;
const char* outcome_headline(sim::Outcome o) noexcept;

}  // namespace rdv::session
