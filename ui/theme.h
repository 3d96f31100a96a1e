// ui/theme.h — the app's look: a calm dark theme, its palette, and the fonts.
//
// - Colours are named for what they mean (syntax, text roles), so every panel uses the same
//   colour for the same thing. Task-state colours join this palette when runs are drawn.
// - The colours and the fonts are data: assets/theme.json (a generated header, assets/theme.h).
// - Fonts: DejaVu Sans (interface), DejaVu Sans Mono (source, values), DejaVu Sans Bold
//   (headings), found at run time in the font folders theme.json lists; when a file is missing its
//   role falls back to ImGui's built-in font, so the app always starts.
#pragma once

#include "assets/theme.h"

#include <imgui.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace rdv::ui {

namespace palette {
// The colours of assets/theme.json ("palette").
constexpr ImU32 col(assets::Colour c) {
  return IM_COL32(c.r, c.g, c.b, c.a);
}
// Text roles.
inline constexpr ImU32 kText = col(assets::kPaletteText);
inline constexpr ImU32 kTextDim = col(assets::kPaletteTextDim);
inline constexpr ImU32 kAccent = col(assets::kPaletteAccent);  // titles, selection
inline constexpr ImU32 kError = col(assets::kPaletteError);
inline constexpr ImU32 kSplitterHover = col(assets::kPaletteSplitterHover);
// A task left blocked (deadlock, leak): its row in Tasks, its piece in a channel's queue. The
// console's banner names the panes that draw these (ui/layout_check.h checks that they do).
inline constexpr ImU32 kStuckRowBg = IM_COL32(190, 40, 40, 70);
inline constexpr ImU32 kStuckFill = IM_COL32(120, 30, 30, 255);

// Lua syntax (source view).
inline constexpr ImU32 kKeyword = col(assets::kPaletteKeyword);  // purple
inline constexpr ImU32 kString = col(assets::kPaletteString);    // green
inline constexpr ImU32 kComment = col(assets::kPaletteComment);  // grey
inline constexpr ImU32 kNumber = col(assets::kPaletteNumber);    // orange
inline constexpr ImU32 kApi = col(assets::kPaletteApi);          // go, chan, select, ...
inline constexpr ImU32 kMethod = col(assets::kPaletteMethod);    // :send, :recv, ...
inline constexpr ImU32 kSymbol = col(assets::kPaletteSymbol);    // operators, punctuation
inline constexpr ImU32 kLineNumber = col(assets::kPaletteLineNumber);
}  // namespace palette

struct Fonts {
  ImFont* ui = nullptr;       // interface text
  ImFont* mono = nullptr;     // source code, values
  ImFont* heading = nullptr;  // panel headings, the scenario title
  std::string missing;        // font files that were not found ("" when all were)
  bool cjk = false;           // Chinese glyphs are merged in (kFont_cjk was found)
};

// The fonts loaded by load_fonts() (all null before).
const Fonts& fonts();

// Looks for a font file (e.g. "DejaVuSansMono.ttf") in the system and user font folders.
// Returns an empty path when it is not installed.
std::filesystem::path find_font(const std::string& file_name);

// Adds the fonts to the current ImGui context's atlas, sized for `scale` (the monitor's content
// scale), and makes `ui` the default. Call before the first frame.
//
// Chinese (the seed text's titles and comments) comes from assets' kFont_cjk, merged into each
// font: ImGui's 2,500 common simplified ideographs, CJK punctuation and full-width forms, and
// every other character of `extra_text` (the catalogue's headers). Without that font installed,
// such characters show as "?" and fonts().missing names it.
void load_fonts(float scale, std::string_view extra_text = {});

// The characters of `text` (UTF-8) from CJK on (U+2E80..U+FFFF) that the loaded fonts lack,
// each once, as UTF-8: give them to load_fonts' `extra_text` to draw them. Empty when none is
// missing or no Chinese font is installed (loading again would not help).
std::string missing_glyphs(std::string_view text);

// Applies the dark theme to the current ImGui context, with sizes multiplied by `scale`.
void apply_theme(float scale);

}  // namespace rdv::ui
