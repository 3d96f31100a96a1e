// ui/state_style.cpp — colours, shapes and words for task states and outcomes.
#include "ui/state_style.h"

#include <algorithm>
#include <cmath>

namespace rdv::ui {

namespace {
constexpr float kPi = 3.14159265f;
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
    case sim::BlockReason::None:
      break;
  }
  return VisualState::BlockedChan;
}

ImU32 state_colour(VisualState v) noexcept {
  // Okabe & Ito's palette, lightened where it would sink into the dark background.
  switch (v) {
    case VisualState::Running:
      return IM_COL32(0, 190, 130, 255);  // bluish green
    case VisualState::Runnable:
      return IM_COL32(86, 180, 233, 255);  // sky blue
    case VisualState::BlockedChan:
      return IM_COL32(230, 159, 0, 255);  // orange
    case VisualState::BlockedSelect:
      return IM_COL32(204, 121, 167, 255);  // reddish purple
    case VisualState::BlockedWaitGroup:
      return IM_COL32(240, 228, 66, 255);  // yellow
    case VisualState::BlockedMutex:
      return IM_COL32(200, 130, 90, 255);  // brown (a lock's brass)
    case VisualState::BlockedFuture:
      return IM_COL32(175, 160, 255, 255);  // lavender
    case VisualState::Sleeping:
      return IM_COL32(60, 120, 210, 255);  // blue
    case VisualState::Done:
      return IM_COL32(120, 126, 138, 255);  // grey
    case VisualState::Panicked:
      return IM_COL32(235, 80, 40, 255);  // vermillion
  }
  return IM_COL32(255, 255, 255, 255);
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

ImU32 task_colour(std::size_t index) noexcept {
  // Hues around the wheel by the golden angle: neighbours in spawn order never look alike.
  const float h = std::fmod(0.58f + 0.618034f * static_cast<float>(index), 1.0f);
  float r = 0, g = 0, b = 0;
  ImGui::ColorConvertHSVtoRGB(h, 0.55f, 0.95f, r, g, b);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(r, g, b, 1.0f));
}

ImU32 outcome_colour(sim::Outcome o) noexcept {
  switch (o) {
    case sim::Outcome::Running:
      return IM_COL32(52, 101, 164, 255);
    case sim::Outcome::Ok:
      return IM_COL32(30, 130, 76, 255);
    case sim::Outcome::Leak:
      return IM_COL32(190, 120, 0, 255);
    case sim::Outcome::Deadlock:
    case sim::Outcome::Panic:
    case sim::Outcome::Error:
      return IM_COL32(190, 40, 40, 255);
    case sim::Outcome::Aborted:
      return IM_COL32(90, 96, 108, 255);
  }
  return IM_COL32(90, 96, 108, 255);
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

void draw_state_icon(ImDrawList* dl, ImVec2 c, float r, VisualState v) {
  const ImU32 col = state_colour(v);
  const float t = std::max(1.5f, r * 0.3f);  // stroke width
  switch (state_shape(v)) {
    case StateShape::Play:
      dl->AddTriangleFilled(ImVec2(c.x - r * 0.7f, c.y - r), ImVec2(c.x - r * 0.7f, c.y + r),
                            ImVec2(c.x + r, c.y), col);
      break;
    case StateShape::Ring:
      dl->AddCircle(c, r - t / 2, col, 16, t);
      break;
    case StateShape::Square:
      dl->AddRectFilled(ImVec2(c.x - r * 0.8f, c.y - r * 0.8f),
                        ImVec2(c.x + r * 0.8f, c.y + r * 0.8f), col);
      break;
    case StateShape::Diamond:
      dl->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r),
                        ImVec2(c.x - r, c.y), col);
      break;
    case StateShape::Bar:
      dl->AddRectFilled(ImVec2(c.x - r, c.y - r * 0.45f), ImVec2(c.x + r, c.y + r * 0.45f), col);
      break;
    case StateShape::Lock:
      // A padlock: the shackle (an arc) over the body (a square).
      dl->PathArcTo(ImVec2(c.x, c.y - r * 0.15f), r * 0.5f, kPi, 2 * kPi, 10);
      dl->PathStroke(col, 0, t * 0.8f);
      dl->AddRectFilled(ImVec2(c.x - r * 0.8f, c.y - r * 0.15f), ImVec2(c.x + r * 0.8f, c.y + r),
                        col);
      break;
    case StateShape::Hourglass:
      dl->AddTriangleFilled(ImVec2(c.x - r * 0.8f, c.y - r), ImVec2(c.x + r * 0.8f, c.y - r), c,
                            col);
      dl->AddTriangleFilled(ImVec2(c.x - r * 0.8f, c.y + r), c, ImVec2(c.x + r * 0.8f, c.y + r),
                            col);
      break;
    case StateShape::Moon:
      dl->AddCircle(c, r - t / 2, col, 16, t);
      dl->PathArcTo(c, r, kPi * 0.5f, kPi * 1.5f, 12);
      dl->PathFillConvex(col);
      break;
    case StateShape::Check:
      dl->AddLine(ImVec2(c.x - r, c.y), ImVec2(c.x - r * 0.25f, c.y + r * 0.75f), col, t);
      dl->AddLine(ImVec2(c.x - r * 0.25f, c.y + r * 0.75f), ImVec2(c.x + r, c.y - r * 0.8f), col,
                  t);
      break;
    case StateShape::Cross:
      dl->AddLine(ImVec2(c.x - r * 0.8f, c.y - r * 0.8f), ImVec2(c.x + r * 0.8f, c.y + r * 0.8f),
                  col, t);
      dl->AddLine(ImVec2(c.x - r * 0.8f, c.y + r * 0.8f), ImVec2(c.x + r * 0.8f, c.y - r * 0.8f),
                  col, t);
      break;
  }
}

}  // namespace rdv::ui
