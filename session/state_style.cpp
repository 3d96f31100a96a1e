// session/state_style.cpp — colours, shapes and words for task states and outcomes.
#include "session/state_style.h"

#include "assets/theme.h"
#include "sim/enum_table.h"

#include <cmath>

namespace rdv::session {

namespace {
Rgba rgba(assets::Colour c) noexcept {
  return Rgba{c.r, c.g, c.b, c.a};
}

using VS = VisualState;
using Shape = StateShape;

// How each visual state looks, in VisualState's order. The colours are Okabe & Ito's palette,
// lightened where it would sink into the dark background (assets/theme.json, "states").
struct StateLook {
  VisualState key;
  assets::Colour colour;
  StateShape shape;
  const char* label;  // state_label
};
constexpr auto kStateLooks = enum_table<VisualState, StateLook, kVisualStateCount>({
    {VS::Running, assets::kStateRunning, Shape::Play, "running"},
    {VS::Runnable, assets::kStateRunnable, Shape::Ring, "runnable"},
    {VS::BlockedChan, assets::kStateBlockedChan, Shape::Square, "blocked: channel"},
    {VS::BlockedSelect, assets::kStateBlockedSelect, Shape::Diamond, "blocked: select"},
    {VS::BlockedWaitGroup, assets::kStateBlockedWaitGroup, Shape::Bar, "blocked: WaitGroup / Cond"},
    {VS::Sleeping, assets::kStateSleeping, Shape::Moon, "sleeping"},
    {VS::Done, assets::kStateDone, Shape::Check, "done"},
    {VS::Panicked, assets::kStatePanicked, Shape::Cross, "panicked"},
    {VS::BlockedMutex, assets::kStateBlockedMutex, Shape::Lock, "blocked: lock"},
    {VS::BlockedFuture, assets::kStateBlockedFuture, Shape::Hourglass, "blocked: future"},
});

// What each visual state means (state_meaning: a tooltip's sentence).
struct StateMeaning {
  VisualState key;
  const char* text;
};
constexpr auto kStateMeanings = enum_table<VisualState, StateMeaning, kVisualStateCount>({
    {VS::Running, "Has the CPU: executing its code right now."},
    {VS::Runnable, "Ready to go on, waiting for the scheduler to pick it."},
    {VS::BlockedChan, "Parked in send or recv until another task meets it on that channel."},
    {VS::BlockedSelect, "Parked in select until one of its cases is ready."},
    {VS::BlockedWaitGroup,
     "Parked in a WaitGroup's wait() until its counter drops to zero, or in a Cond's wait() "
     "until signalled."},
    {VS::Sleeping, "Parked in sleep until its timer fires."},
    {VS::Done, "Returned: the task is over."},
    {VS::Panicked, "Ended by a panic nobody recovered."},
    {VS::BlockedMutex, "Parked in lock / rlock until the task holding the lock unlocks it."},
    {VS::BlockedFuture, "Parked in a future's get until another task resolves or fails it."},
});

StateLook look(VisualState v) noexcept {
  return kStateLooks.at(v, StateLook{v, {255, 255, 255, 255}, StateShape::Ring, "?"});
}

// The banner of each outcome, in sim::Outcome's order.
struct OutcomeLook {
  sim::Outcome key;
  assets::Colour colour;
  const char* headline;
};
constexpr auto kOutcomeLooks = enum_table<sim::Outcome, OutcomeLook, sim::kOutcomeCount>({
    {sim::Outcome::Running, assets::kOutcomeRunning, "Running"},
    {sim::Outcome::Ok, assets::kOutcomeOk, "Completed"},
    {sim::Outcome::Deadlock, assets::kOutcomeFailed, "Deadlock"},
    {sim::Outcome::Panic, assets::kOutcomeFailed, "Panic"},
    {sim::Outcome::Leak, assets::kOutcomeLeak, "Completed with leaked tasks"},
    {sim::Outcome::Error, assets::kOutcomeFailed, "Error"},
    {sim::Outcome::Aborted, assets::kOutcomeAborted, "Aborted"},
});
constexpr OutcomeLook kUnknownOutcome{sim::Outcome::Aborted, assets::kOutcomeAborted, "?"};
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
    case sim::BlockReason::CondWait:  // waits for others' progress, as a WaitGroup's wait does
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
  return rgba(look(v).colour);
}

StateShape state_shape(VisualState v) noexcept {
  return look(v).shape;
}

const char* state_label(VisualState v) noexcept {
  return look(v).label;
}

const char* state_meaning(VisualState v) noexcept {
  return kStateMeanings.at(v, StateMeaning{v, ""}).text;
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
  return rgba(kOutcomeLooks.at(o, kUnknownOutcome).colour);
}

const char* outcome_headline(sim::Outcome o) noexcept {
  return kOutcomeLooks.at(o, kUnknownOutcome).headline;
}

}  // namespace rdv::session
