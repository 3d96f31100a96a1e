// ui/source_panel.h — the selected scenario's source, with line numbers and Lua syntax colours.
//
// - Colouring runs on script/scenario_header.h's lexer, so long strings and long comments
//   (`[[ ]]`, `--[==[ ]==]`) and unfinished strings are coloured as Lua reads them.
// - The scenario API of design.md §4 (go, chan, select, ...) and method calls (`ch:send`) get
//   their own colours: they are what a reader of a scenario looks for.
#pragma once

#include "ui/scenario_catalog.h"
#include "ui/shell.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace rdv::ui {

enum class Syntax { Plain, Keyword, String, Comment, Number, Api, Method, Symbol, Invalid };

// A coloured run of bytes within one line (never containing a newline).
struct SyntaxSpan {
  std::size_t begin = 0;  // byte offsets into the whole source
  std::size_t end = 0;
  Syntax syntax = Syntax::Plain;
  int column = 0;  // display column of `begin` (code points; a tab is 4 columns wide)
};

struct HighlightedSource {
  std::vector<std::vector<SyntaxSpan>> lines;  // one entry per line; whitespace has no span
  int max_columns = 0;                         // widest line, for the horizontal scroll extent
};

// Splits `source` into lines of coloured spans.
HighlightedSource highlight_lua(std::string_view source);

// What the source view remembers between frames (none of it is part of the document).
struct SourceViewState {
  unsigned revision = ~0u;  // Browser::revision() the cache below was built for
  HighlightedSource text;
  bool line_numbers = true;
};

class SourcePanel : public Panel {
 public:
  explicit SourcePanel(const Browser& browser) : browser_(browser) {}
  const char* title() const override { return "Source"; }
  Slot slot() const override { return Slot::Source; }
  void draw() override;
  void draw_view_menu() override;

 private:
  const Browser& browser_;
  SourceViewState view_;
};

}  // namespace rdv::ui
