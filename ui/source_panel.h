// ui/source_panel.h — the selected scenario's source, with line numbers and Lua syntax colours.
//
// - Colouring runs on script/scenario_header.h's lexer, so long strings and long comments
//   (`[[ ]]`, `--[==[ ]==]`) and unfinished strings are coloured as Lua reads them.
// - The scenario API of design.md §4 (go, chan, select, ...) and method calls (`ch:send`) get
//   their own colours: they are what a reader of a scenario looks for.
// - While a run is shown, each live task's current line is marked in the task's identity colour
//   with its name at the end of the line (clicking the name focuses the task; in the interactive
//   policy it picks it); a syntax or runtime error is shown at its line.
// - Edit: the script can be edited in place and re-run (the file on disk is not changed).
#pragma once

#include "ui/controller.h"
#include "ui/scenario_catalog.h"
#include "ui/shell.h"

#include <string>

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
  std::string source;  // the text the cache below was built for
  HighlightedSource text;
  bool line_numbers = true;
  bool editing = false;
  std::string edit;  // the text being edited
  std::uint32_t scrolled_to_error = 0;
};

class SourcePanel : public Panel {
 public:
  SourcePanel(const Browser& browser, Controller& controller)
      : browser_(browser), controller_(controller) {}
  const char* title() const override { return "Source"; }
  Slot slot() const override { return Slot::Source; }
  void draw() override;
  void draw_view_menu() override;

 private:
  void draw_editor();

  const Browser& browser_;
  Controller& controller_;
  SourceViewState view_;
};

}  // namespace rdv::ui
