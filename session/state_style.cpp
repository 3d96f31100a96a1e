// session/state_style.cpp — colours, shapes and words for task states and outcomes.
#include "session/state_style.h"

#include "assets/theme.h"

#include <cmath>

namespace rdv::session {

namespace {
Rgba rgba(assets::Colour c) noexcept {
  return Rgba{c.r, c.g, c.b, c.a};
}
}  // namespace

VisualState visual_state(model::TaskState state, sim::BlockReason reason) noexcept {
  using model::TaskState;
  switch (state) {
    case TaskState::Running:
      return VisualState::Running;
    case TaskState::Runnable:
      return VisualState::Runnable;
    case TaskState::Sleeping:
      return VisualState::Sleeping;
    case TaskState::Done:
      return VisualState::Done;
    case TaskState::Panicked:
      return VisualState::Panicked;
    case TaskState::Blocked:
      break;
  }
  switch (reason) {
    case sim::BlockReason::Select:
    case sim::BlockReason::SelectNoCases:
      return VisualState::BlockedSelect;
    case sim::BlockReason::WaitGroup:
      return VisualState::BlockedWaitGroup;
    case sim::BlockReason::Mutex:
    case sim::BlockReason::RLock:
      return VisualState::BlockedMutex;
    case sim::BlockReason::Future:
      return VisualState::BlockedFuture;
    case sim::BlockReason::Sleep:
      return VisualState::Sleeping;
    case sim::BlockReason::ChanSend:
    case sim::BlockReason::ChanRecv:
    case sim::BlockReason::Forever:
    case sim::BlockReason::ChanSendNil:
    case sim::BlockReason::ChanRecvNil:
    case sim::BlockReason::None:
      break;
  }
  return VisualState::BlockedChan;
}

Rgba state_rgba(VisualState v) noexcept {
  // Okabe & Ito's palette, lightened where it would sink into the dark background
  // (assets/theme.json, "states").
  switch (v) {
    case VisualState::Running:
      return rgba(assets::kStateRunning);
    case VisualState::Runnable:
      return rgba(assets::kStateRunnable);
    case VisualState::BlockedChan:
      return rgba(assets::kStateBlockedChan);
    case VisualState::BlockedSelect:
      return rgba(assets::kStateBlockedSelect);
    case VisualState::BlockedWaitGroup:
      return rgba(assets::kStateBlockedWaitGroup);
    case VisualState::BlockedMutex:
      return rgba(assets::kStateBlockedMutex);
    case VisualState::BlockedFuture:
      return rgba(assets::kStateBlockedFuture);
    case VisualState::Sleeping:
      return rgba(assets::kStateSleeping);
    case VisualState::Done:
      return rgba(assets::kStateDone);
    case VisualState::Panicked:
      return rgba(assets::kStatePanicked);
  }
  return Rgba{255, 255, 255, 255};
}

StateShape state_shape(VisualState v) noexcept {
  switch (v) {
    case VisualState::Running:
      return StateShape::Play;
    case VisualState::Runnable:
      return StateShape::Ring;
    case VisualState::BlockedChan:
      return StateShape::Square;
    case VisualState::BlockedSelect:
      return StateShape::Diamond;
    case VisualState::BlockedWaitGroup:
      return StateShape::Bar;
    case VisualState::BlockedMutex:
      return StateShape::Lock;
    case VisualState::BlockedFuture:
      return StateShape::Hourglass;
    case VisualState::Sleeping:
      return StateShape::Moon;
    case VisualState::Done:
      return StateShape::Check;
    case VisualState::Panicked:
      return StateShape::Cross;
  }
  return StateShape::Ring;
}

const char* state_label(VisualState v) noexcept {
  switch (v) {
    case VisualState::Running:
      return "running";
    case VisualState::Runnable:
      return "runnable";
    case VisualState::BlockedChan:
      return "blocked: channel";
    case VisualState::BlockedSelect:
      return "blocked: select";
    case VisualState::BlockedWaitGroup:
      return "blocked: WaitGroup";
    case VisualState::BlockedMutex:
      return "blocked: lock";
    case VisualState::BlockedFuture:
      return "blocked: future";
    case VisualState::Sleeping:
      return "sleeping";
    case VisualState::Done:
      return "done";
    case VisualState::Panicked:
      return "panicked";
  }
  return "?";
}

const char* state_meaning(VisualState v) noexcept {
  switch (v) {
    case VisualState::Running:
      return "Has the CPU: executing its code right now.";
    case VisualState::Runnable:
      return "Ready to go on, waiting for the scheduler to pick it.";
    case VisualState::BlockedChan:
      return "Parked in send or recv until another task meets it on that channel.";
    case VisualState::BlockedSelect:
      return "Parked in select until one of its cases is ready.";
    case VisualState::BlockedWaitGroup:
      return "Parked in a WaitGroup's wait() until its counter drops to zero.";
    case VisualState::BlockedMutex:
      return "Parked in lock / rlock until the task holding the lock unlocks it.";
    case VisualState::BlockedFuture:
      return "Parked in a future's get until another task resolves or fails it.";
    case VisualState::Sleeping:
      return "Parked in sleep until its timer fires.";
    case VisualState::Done:
      return "Returned: the task is over.";
    case VisualState::Panicked:
      return "Ended by a panic nobody recovered.";
  }
  return "";
}

namespace {
// Dear ImGui's ColorConvertHSVtoRGB and ColorConvertFloat4ToU32 (1.86), so the identity colours
// are the same bytes they were when the panels computed them with ImGui.
std::uint8_t to_byte(float v) noexcept {
  const float sat = v < 0.0f ? 0.0f : (v > 1.0f ? 1.0f : v);
  return static_cast<std::uint8_t>(static_cast<int>(sat * 255.0f + 0.5f));
}

Rgba hsv_rgba(float h, float s, float v) noexcept {
  h = std::fmod(h, 1.0f) / (60.0f / 360.0f);
  const int i = static_cast<int>(h);
  const float f = h - static_cast<float>(i);
  const float p = v * (1.0f - s);
  const float q = v * (1.0f - s * f);
  const float t = v * (1.0f - s * (1.0f - f));
  float r = v, g = p, b = q;  // case 5
  switch (i) {
    case 0:
      r = v;
      g = t;
      b = p;
      break;
    case 1:
      r = q;
      g = v;
      b = p;
      break;
    case 2:
      r = p;
      g = v;
      b = t;
      break;
    case 3:
      r = p;
      g = q;
      b = v;
      break;
    case 4:
      r = t;
      g = p;
      b = v;
      break;
    default:
      break;
  }
  return Rgba{to_byte(r), to_byte(g), to_byte(b), 255};
}
}  // namespace

Rgba task_rgba(std::size_t index) noexcept {
  // Hues around the wheel by the golden angle: neighbours in spawn order never look alike.
  const float h =
      std::fmod(assets::kTaskHue_first + assets::kTaskHue_step * static_cast<float>(index), 1.0f);
  return hsv_rgba(h, assets::kTaskHue_saturation, assets::kTaskHue_value);
}

Rgba outcome_rgba(sim::Outcome o) noexcept {
  switch (o) {
    case sim::Outcome::Running:
      return rgba(assets::kOutcomeRunning);
    case sim::Outcome::Ok:
      return rgba(assets::kOutcomeOk);
    case sim::Outcome::Leak:
      return rgba(assets::kOutcomeLeak);
    case sim::Outcome::Deadlock:
    case sim::Outcome::Panic:
    case sim::Outcome::Error:
      return rgba(assets::kOutcomeFailed);
    case sim::Outcome::Aborted:
      return rgba(assets::kOutcomeAborted);
  }
  return rgba(assets::kOutcomeAborted);
}

const char* outcome_headline(sim::Outcome o) noexcept {
  switch (o) {
    case sim::Outcome::Running:
      return "Running";
    case sim::Outcome::Ok:
      return "Completed";
    case sim::Outcome::Leak:
      return "Completed with leaked tasks";
    case sim::Outcome::Deadlock:
      return "Deadlock";
    case sim::Outcome::Panic:
      return "Panic";
    case sim::Outcome::Error:
      return "Error";
    case sim::Outcome::Aborted:
      return "Aborted";
  }
  return "?";
}

}  // namespace rdv::session
