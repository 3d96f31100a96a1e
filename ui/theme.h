// ui/theme.h — the app's look: a calm dark theme, its palette, and the fonts.
//
// - Colours are named for what they mean (syntax, text roles), so every panel uses the same
//   colour for the same thing. Task-state colours join this palette when runs are drawn.
// - Fonts: DejaVu Sans (interface), DejaVu Sans Mono (source, values), DejaVu Sans Bold
//   (headings), found at run time in the system's font folders; when a file is missing its role
//   falls back to ImGui's built-in font, so the app always starts.
#pragma once

#include <imgui.h>

#include <filesystem>
#include <string>

namespace rdv::ui {

namespace palette {
// Text roles.
inline constexpr ImU32 kText = IM_COL32(215, 218, 224, 255);
inline constexpr ImU32 kTextDim = IM_COL32(140, 148, 160, 255);
inline constexpr ImU32 kAccent = IM_COL32(97, 175, 239, 255);  // titles, selection
inline constexpr ImU32 kError = IM_COL32(224, 108, 117, 255);
inline constexpr ImU32 kSplitterHover = IM_COL32(97, 175, 239, 140);

// Lua syntax (source view).
inline constexpr ImU32 kKeyword = IM_COL32(198, 120, 221, 255);  // purple
inline constexpr ImU32 kString = IM_COL32(152, 195, 121, 255);   // green
inline constexpr ImU32 kComment = IM_COL32(127, 140, 152, 255);  // grey
inline constexpr ImU32 kNumber = IM_COL32(209, 154, 102, 255);   // orange
inline constexpr ImU32 kApi = IM_COL32(97, 175, 239, 255);       // go, chan, select, ...
inline constexpr ImU32 kMethod = IM_COL32(86, 182, 194, 255);    // :send, :recv, ...
inline constexpr ImU32 kSymbol = IM_COL32(171, 178, 191, 255);   // operators, punctuation
inline constexpr ImU32 kLineNumber = IM_COL32(92, 99, 112, 255);
}  // namespace palette

struct Fonts {
  ImFont* ui = nullptr;       // interface text
  ImFont* mono = nullptr;     // source code, values
  ImFont* heading = nullptr;  // panel headings, the scenario title
  std::string missing;        // font files that were not found ("" when all were)
};

// The fonts loaded by load_fonts() (all null before).
const Fonts& fonts();

// Looks for a font file (e.g. "DejaVuSansMono.ttf") in the system and user font folders.
// Returns an empty path when it is not installed.
std::filesystem::path find_font(const std::string& file_name);

// Adds the fonts to the current ImGui context's atlas, sized for `scale` (the monitor's content
// scale), and makes `ui` the default. Call before the first frame.
void load_fonts(float scale);

// Applies the dark theme to the current ImGui context, with sizes multiplied by `scale`.
void apply_theme(float scale);

}  // namespace rdv::ui
