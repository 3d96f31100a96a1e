// ui/text.h — text the user's program controls, drawn within what ImGui can draw.
//
// ImGui 1.86 (Debian 12's libimgui, built with 16-bit draw indices) reserves four vertices per
// byte of one text call, and a wrapped text draws every glyph from its start down to the pane's
// bottom: one call past ~16,000 glyphs overflows the draw list and aborts the app (a 16 KiB
// error message and a printed 16 MiB line did, in the console). Every text whose length the
// program decides (output, notes, messages, values, names) is drawn through these.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rdv::ui {

// The most bytes one text call draws: 8 KiB, 32,768 vertices at most, half of what a draw list
// can index.
constexpr std::size_t kMaxTextRun = std::size_t{8} << 10;

// `s` itself when it has at most kMaxTextRun bytes; else its first bytes (up to a UTF-8
// boundary) and "… (N more bytes)", made in *scratch.
std::string_view text_run(std::string_view s, std::string* scratch);

// ImGui::TextUnformatted of text_run(s).
void text(std::string_view s);
// The same, wrapped at the window's right edge.
void text_wrapped(std::string_view s);

// `s` cut to at most `width` pixels with "…" where cut (on a UTF-8 boundary). A task name
// numbered where names repeat ("main.main.func1 (goroutine 3)") keeps its number and is cut
// before it: the number is what tells those tasks apart.
std::string fit_text(std::string_view s, float width);

// `s` broken into lines of at most `width` pixels at its spaces ('\n' between them), never
// inside a word: a word wider than a line alone is cut to it by fit_text. ImGui's own wrapping
// breaks such a word anywhere ("runnin" / "g").
std::string wrap_words(std::string_view s, float width);

}  // namespace rdv::ui
