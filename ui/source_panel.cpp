// ui/source_panel.cpp — Lua colouring and a clipped, monospaced source view.
#include "ui/source_panel.h"

#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace rdv::ui {

namespace {

// The scenario API (design.md §4) plus the Lua functions a scenario commonly calls.
constexpr std::array<std::string_view, 33> kApiNames = {
    "scenario", "chan",    "nilchan", "go",       "select",    "on_recv", "on_send",
    "sleep",    "after",   "now",     "ticker",   "waitgroup", "mutex",   "rwmutex",
    "atomic",   "context", "promise", "async",    "group",     "all",     "all_settled",
    "rand",     "print",   "note",    "panic",    "error",     "pcall",   "ms",
    "second",   "ipairs",  "pairs",   "tostring", "string"};

bool is_api(std::string_view name) {
  return std::find(kApiNames.begin(), kApiNames.end(), name) != kApiNames.end();
}

Syntax syntax_of(script::TokenKind kind) {
  using K = script::TokenKind;
  switch (kind) {
    case K::Comment:
      return Syntax::Comment;
    case K::Keyword:
      return Syntax::Keyword;
    case K::String:
      return Syntax::String;
    case K::Number:
      return Syntax::Number;
    case K::Symbol:
      return Syntax::Symbol;
    case K::Invalid:
      return Syntax::Invalid;
    case K::Name:
    case K::Whitespace:
      return Syntax::Plain;
  }
  return Syntax::Plain;
}

ImU32 colour_of(Syntax s) {
  switch (s) {
    case Syntax::Keyword:
      return palette::kKeyword;
    case Syntax::String:
      return palette::kString;
    case Syntax::Comment:
      return palette::kComment;
    case Syntax::Number:
      return palette::kNumber;
    case Syntax::Api:
      return palette::kApi;
    case Syntax::Method:
      return palette::kMethod;
    case Syntax::Symbol:
      return palette::kSymbol;
    case Syntax::Invalid:
      return palette::kError;
    case Syntax::Plain:
      return palette::kText;
  }
  return palette::kText;
}

}  // namespace

HighlightedSource highlight_lua(std::string_view source) {
  HighlightedSource out;
  out.lines.emplace_back();
  int column = 0;
  std::string_view prev;  // text of the previous significant token
  for (const auto& t : script::tokenize_lua(source)) {
    const std::string_view text = source.substr(t.begin, t.size);
    Syntax syntax = syntax_of(t.kind);
    if (t.kind == script::TokenKind::Name) {
      if (prev == ":") {
        syntax = Syntax::Method;
      } else if (is_api(text)) {
        syntax = Syntax::Api;
      }
    }
    // Cut the token at newlines; advance the column over every byte.
    std::size_t run = t.begin;
    int run_column = column;
    auto flush = [&](std::size_t end) {
      if (end > run && t.kind != script::TokenKind::Whitespace)
        out.lines.back().push_back(SyntaxSpan{run, end, syntax, run_column});
    };
    for (std::size_t i = t.begin; i < t.begin + t.size; ++i) {
      const auto byte = static_cast<unsigned char>(source[i]);
      if (byte == '\n') {
        flush(i);
        out.max_columns = std::max(out.max_columns, column);
        out.lines.emplace_back();
        column = 0;
        run = i + 1;
        run_column = 0;
      } else if (byte == '\t') {
        column += 4;  // ImGui draws a tab as four spaces
      } else if ((byte & 0xC0) != 0x80) {
        ++column;  // one column per code point: continuation bytes do not count
      }
    }
    flush(t.begin + t.size);
    if (t.kind != script::TokenKind::Whitespace && t.kind != script::TokenKind::Comment)
      prev = text;
  }
  out.max_columns = std::max(out.max_columns, column);
  return out;
}

void SourcePanel::draw_view_menu() {
  ImGui::MenuItem("Line numbers", nullptr, &view_.line_numbers);
}

void SourcePanel::draw() {
  if (browser_.selected_entry() == nullptr) {
    ImGui::TextDisabled("Select a scenario to see its source.");
    return;
  }
  if (!browser_.source_error().empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
    ImGui::TextWrapped("%s", browser_.source_error().c_str());
    ImGui::PopStyleColor();
    return;
  }
  if (view_.revision != browser_.revision()) {
    view_.text = highlight_lua(browser_.source());
    view_.revision = browser_.revision();
  }
  const std::string& src = browser_.source();
  const auto& lines = view_.text.lines;

  ImGui::PushFont(fonts().mono);
  ImGui::BeginChild("##code", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const float advance = font->CalcTextSizeA(size, 1e9f, 0, "0").x;
  const float line_h = std::floor(size * 1.35f);
  char number[16];
  const int digits = std::snprintf(number, sizeof number, "%zu", lines.size());
  const float gutter = view_.line_numbers ? advance * static_cast<float>(digits + 2) : 0;
  const float width = gutter + advance * static_cast<float>(view_.text.max_columns + 1);
  const float text_dy = std::floor((line_h - size) / 2);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(lines.size()), line_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float y = p.y + text_dy;
      if (view_.line_numbers) {
        const int n = std::snprintf(number, sizeof number, "%d", i + 1);
        dl->AddText(font, size, ImVec2(p.x + advance * static_cast<float>(digits - n), y),
                    palette::kLineNumber, number, number + n);
      }
      for (const SyntaxSpan& s : lines[static_cast<std::size_t>(i)]) {
        dl->AddText(font, size, ImVec2(p.x + gutter + advance * static_cast<float>(s.column), y),
                    colour_of(s.syntax), src.data() + s.begin, src.data() + s.end);
      }
      ImGui::Dummy(ImVec2(width, line_h));
    }
  }
  ImGui::PopStyleVar();
  ImGui::EndChild();
  ImGui::PopFont();
}

}  // namespace rdv::ui
