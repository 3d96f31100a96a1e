// ui/layout_check.cpp — cut and overlapping text in a rendered frame; see the header.
//
// Why from the draw lists: panels draw text five different ways (ImGui::Text, TextWrapped,
// widgets' labels, a draw list's AddText under a pushed clip rectangle, tabs). The draw lists
// are where they all end up, with the clip rectangle each was drawn under, so one check covers
// every panel, including ones written later.
#include "ui/layout_check.h"

#include "ui/theme.h"

#include <imgui_internal.h>  // ImGuiWindow: whether the window drawing a run can scroll

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <utility>

namespace rdv::ui {

namespace {

struct GlyphInfo {
  const ImFont* font;
  const ImFontGlyph* glyph;
};

// Every visible glyph of every loaded font, by the top-left texture coordinate of its quad.
std::map<std::pair<float, float>, GlyphInfo> glyph_table() {
  std::map<std::pair<float, float>, GlyphInfo> out;
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  for (const ImFont* f : atlas->Fonts) {
    for (const ImFontGlyph& g : f->Glyphs) {
      if (g.Visible) out.emplace(std::pair{g.U0, g.V0}, GlyphInfo{f, &g});
    }
  }
  return out;
}

void append_utf8(std::string& s, unsigned c) {
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// "##shell/##pane_timeline_1A2B3C4D/Timeline_5E6F7081" → "pane_timeline/Timeline".
std::string short_name(const char* name) {
  std::string out;
  std::string part;
  auto flush = [&] {
    // Drop ImGui's "_XXXXXXXX" child-window suffix and leading "##".
    if (part.size() > 9 && part[part.size() - 9] == '_' &&
        std::all_of(part.end() - 8, part.end(),
                    [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }))
      part.resize(part.size() - 9);
    if (part.starts_with("##")) part.erase(0, 2);
    if (!part.empty() && part != "shell") out += (out.empty() ? "" : "/") + part;
    part.clear();
  };
  for (const char* p = name; *p != '\0'; ++p) {
    if (*p == '/')
      flush();
    else
      part += *p;
  }
  flush();
  return out;
}

// Whether `w` or a window it sits in scrolls along x (axis 0: it shows a horizontal scrollbar)
// or y (axis 1: the wheel or a scrollbar moves it): then what its clip rectangle hides,
// scrolling shows. A window merely wider inside than outside, with no scrollbar, hides it.
bool scrolls(const ImGuiWindow* w, int axis) {
  for (; w != nullptr; w = w->ParentWindow) {
    if (axis == 0 && w->ScrollbarX) return true;
    if (axis == 1 && w->ScrollMax.y > 0.5f &&
        (w->ScrollbarY || (w->Flags & ImGuiWindowFlags_NoScrollWithMouse) == 0))
      return true;
    if ((w->Flags & ImGuiWindowFlags_ChildWindow) == 0) break;
  }
  return false;
}

}  // namespace

std::vector<TextRun> text_runs(const ImDrawData& data) {
  const auto table = glyph_table();
  std::vector<TextRun> runs;
  for (int l = 0; l < data.CmdListsCount; ++l) {
    const ImDrawList* dl = data.CmdLists[l];
    const char* owner = dl->_OwnerName != nullptr ? dl->_OwnerName : "?";
    const ImGuiWindow* window = ImGui::FindWindowByName(owner);
    const bool x_scrolls = scrolls(window, 0), y_scrolls = scrolls(window, 1);
    const std::string name = short_name(owner);
    for (const ImDrawCmd& cmd : dl->CmdBuffer) {
      if (cmd.UserCallback != nullptr) continue;
      const ImVec4 clip = cmd.ClipRect;
      bool open = false;  // a run is being built
      float pen_end = 0, line_y = 0;
      const ImFont* font = nullptr;
      auto vtx = [&](unsigned i) -> const ImDrawVert& {
        return dl->VtxBuffer[static_cast<int>(dl->IdxBuffer[static_cast<int>(i)] + cmd.VtxOffset)];
      };
      const unsigned end = cmd.IdxOffset + cmd.ElemCount;
      for (unsigned i = cmd.IdxOffset; i + 2 < end;) {
        const ImDrawVert& a = vtx(i);
        const auto it = table.find(std::pair{a.uv.x, a.uv.y});
        // A glyph quad (ImDrawList::PrimRectUV): indices a b c, a c d; a top-left, c bottom-right.
        if (it == table.end() || i + 5 >= end ||
            dl->IdxBuffer[static_cast<int>(i + 3)] != dl->IdxBuffer[static_cast<int>(i)] ||
            dl->IdxBuffer[static_cast<int>(i + 4)] != dl->IdxBuffer[static_cast<int>(i + 2)]) {
          i += 3;
          continue;
        }
        const ImDrawVert& c = vtx(i + 2);
        i += 6;
        const ImFontGlyph& g = *it->second.glyph;
        const float gh = g.Y1 - g.Y0;
        const float scale = gh > 0 ? (c.pos.y - a.pos.y) / gh : 1.0f;
        const float pen_x = a.pos.x - g.X0 * scale;
        const float y = a.pos.y - g.Y0 * scale;  // the line's top
        const ImFont* f = it->second.font;
        const ImFontGlyph* space = f->FindGlyphNoFallback(' ');
        const float space_w = (space != nullptr ? space->AdvanceX : f->FontSize * 0.3f) * scale;
        const float gap = pen_x - pen_end;
        if (!open || f != font || std::fabs(y - line_y) > 1.0f || gap < -1.0f ||
            gap > space_w * 2.5f) {
          runs.push_back(TextRun{name, {}, ImVec4(a.pos.x, a.pos.y, c.pos.x, c.pos.y), clip});
          open = true;
          font = f;
          line_y = y;
        } else if (gap > space_w * 0.5f) {
          runs.back().text.append(static_cast<std::size_t>(std::lround(gap / space_w)), ' ');
        }
        TextRun& r = runs.back();
        append_utf8(r.text, g.Codepoint);
        r.box.x = std::min(r.box.x, a.pos.x);
        r.box.y = std::min(r.box.y, a.pos.y);
        r.box.z = std::max(r.box.z, c.pos.x);
        r.box.w = std::max(r.box.w, c.pos.y);
        pen_end = pen_x + g.AdvanceX * scale;
        // Cut: a glyph past the clip rectangle (by more than antialiasing's pixel) in a run of
        // which something shows. ImGui culls by the glyph's advance, so a glyph wholly past the
        // edge may still be here, or not.
        const bool visible =
            c.pos.x > clip.x && a.pos.x < clip.z && c.pos.y > clip.y && a.pos.y < clip.w;
        r.shows = r.shows || visible;
        const bool cut_x = a.pos.x < clip.x - 1.0f || c.pos.x > clip.z + 1.0f;
        const bool cut_y = a.pos.y < clip.y - 1.0f || c.pos.y > clip.w + 1.0f;
        if ((cut_x && !x_scrolls) || (cut_y && !y_scrolls)) r.cut = true;
        // ImGui leaves out the glyphs wholly past the clip rectangle: a run whose last glyph
        // ends within a pixel of the right edge most likely went on.
        // A run ending in "…" was shortened on purpose.
        r.touches_right = visible && !x_scrolls && c.pos.x > clip.z - 1.0f && g.Codepoint != 0x2026;
      }
    }
  }
  return runs;
}

std::vector<LayoutFinding> check_layout(const ImDrawData& data) {
  const std::vector<TextRun> runs = text_runs(data);
  std::vector<LayoutFinding> out;
  char buf[160];
  for (const TextRun& r : runs) {
    if (!r.shows || (!r.cut && !r.touches_right)) continue;
    const char* edge = r.box.z > r.clip.z - 1   ? "right"
                       : r.box.x < r.clip.x - 1 ? "left"
                       : r.box.w > r.clip.w + 1 ? "bottom"
                                                : "top";
    std::snprintf(buf, sizeof buf,
                  " cut at the %s edge (text %.0f..%.0f, %.0f..%.0f; clip %.0f..%.0f, %.0f..%.0f)",
                  edge, static_cast<double>(r.box.x), static_cast<double>(r.box.z),
                  static_cast<double>(r.box.y), static_cast<double>(r.box.w),
                  static_cast<double>(r.clip.x), static_cast<double>(r.clip.z),
                  static_cast<double>(r.clip.y), static_cast<double>(r.clip.w));
    out.push_back(LayoutFinding{r.window + ": \"" + r.text + "\"" + buf});
  }
  // Overlaps: two runs of one window drawn over each other (visible parts only).
  auto visible = [](const TextRun& r) {
    return ImVec4(std::max(r.box.x, r.clip.x), std::max(r.box.y, r.clip.y),
                  std::min(r.box.z, r.clip.z), std::min(r.box.w, r.clip.w));
  };
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const ImVec4 a = visible(runs[i]);
    if (a.z <= a.x || a.w <= a.y) continue;
    for (std::size_t j = i + 1; j < runs.size(); ++j) {
      if (runs[j].window != runs[i].window) continue;
      const ImVec4 b = visible(runs[j]);
      const float w = std::min(a.z, b.z) - std::max(a.x, b.x);
      const float h = std::min(a.w, b.w) - std::max(a.y, b.y);
      const float line = std::min(a.w - a.y, b.w - b.y);
      if (w > 2.0f && h > line / 3) {
        out.push_back(LayoutFinding{runs[i].window + ": \"" + runs[i].text + "\" and \"" +
                                    runs[j].text + "\" drawn over each other"});
      }
    }
  }
  // The stuck banner ("… highlighted in red in Tasks and Channels"): each pane it names must
  // draw a stuck task's highlight this frame.
  for (const TextRun& r : runs) {
    std::string squeezed;
    for (char ch : r.text)
      if (ch != ' ') squeezed += ch;
    const std::size_t at = squeezed.find("highlightedinredin");
    if (at == std::string::npos) continue;
    const std::string named = squeezed.substr(at);
    for (const auto& [pane, owner] :
         {std::pair{"Tasks", "pane_tasks"}, std::pair{"Channels", "/Channels"}}) {
      if (named.find(pane) == std::string::npos) continue;
      bool highlighted = false;
      for (int l = 0; l < data.CmdListsCount && !highlighted; ++l) {
        const ImDrawList* dl = data.CmdLists[l];
        if (dl->_OwnerName == nullptr || std::strstr(dl->_OwnerName, owner) == nullptr) continue;
        for (const ImDrawVert& v : dl->VtxBuffer) {
          if (v.col == palette::kStuckRowBg || v.col == palette::kStuckFill) {
            highlighted = true;
            break;
          }
        }
      }
      if (!highlighted)
        out.push_back(
            LayoutFinding{r.window + ": the banner names " + pane + ", which highlights no task"});
    }
  }
  return out;
}

}  // namespace rdv::ui
