// ui/state_style.cpp — the state shapes, drawn.
#include "ui/state_style.h"

#include <algorithm>

namespace rdv::ui {

using session::state_shape;
using session::StateShape;
using session::VisualState;

namespace {
constexpr float kPi = 3.14159265f;
}  // namespace

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
