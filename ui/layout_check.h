// ui/layout_check.h — finds what a frame drew that a person cannot read: text cut off at the
// edge of its pane (or of any clipping rectangle inside it), and text drawn over other text.
//
// It reads the frame's draw lists after ImGui::Render(), so it sees exactly what the panels
// drew, whichever way they drew it (ImGui::Text, a draw list's AddText, a tab, a button):
// - A glyph is a textured quad whose texture coordinates are one of the loaded fonts' glyphs;
//   consecutive glyphs on one baseline make a run, decoded back to its text.
// - Cut: a glyph that crosses its draw command's clip rectangle sideways, or up/down where its
//   window cannot scroll that way (a window that scrolls shows the rest when scrolled); or a
//   run ending right at the clip's right edge (ImGui drops the glyphs wholly past it).
// - Overlap: two runs of one window whose boxes intersect by more than a third of a line's height.
// - A banner naming a pane with nothing highlighted: the console's "… highlighted in red in
//   Tasks and Channels" while that pane draws no stuck task (palette::kStuckRowBg/kStuckFill).
// `rendezvous --screenshot … --check-layout` prints each finding and exits 2 when there is one;
// tests/ui/layout_check_test.cpp runs it over the scenarios and events of issue 19.
//
// Example:
//   ImGui::Render();
//   for (const LayoutFinding& f : check_layout(*ImGui::GetDrawData())) puts(f.message.c_str());
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace rdv::ui {

struct TextRun {
  std::string window;          // the ImGui window (draw list owner) that drew it
  std::string text;            // decoded from the glyphs (spaces where glyphs are a space apart)
  ImVec4 box;                  // x0, y0, x1, y1 of the glyphs drawn
  ImVec4 clip;                 // the clip rectangle it was drawn with
  bool shows = false;          // some glyph is inside the clip rectangle
  bool cut = false;            // a glyph crosses the clip rectangle where its window cannot scroll
  bool touches_right = false;  // its last glyph ends at the clip's right edge (ImGui drops
                               // the glyphs past it, so the text most likely went on)
};

struct LayoutFinding {
  std::string message;  // "Timeline: \"end\" cut at the right edge (x 1203 > 1198)"
};

// The text runs of a rendered frame (the current ImGui context's fonts decode the glyphs).
std::vector<TextRun> text_runs(const ImDrawData& data);

// The cut and overlapping runs of a rendered frame; empty when every text is whole.
std::vector<LayoutFinding> check_layout(const ImDrawData& data);

}  // namespace rdv::ui
