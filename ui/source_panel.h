// ui/source_panel.h — the selected scenario's source, with line numbers and Lua syntax colours.
//
// - Colouring runs on script/lua_lexer.h, so long strings and long comments
//   (`[[ ]]`, `--[==[ ]==]`) and unfinished strings are coloured as Lua reads them.
// - The scenario API of design.md §4 (go, chan, select, ...) and method calls (`ch:send`) get
//   their own colours: they are what a reader of a scenario looks for.
// - While a run is shown, each live task's current line is marked in the task's identity colour
//   with its name after the line's code (clicking the name focuses the task; in the interactive
//   policy it picks it); names that do not fit are shortened or counted in a "+N" chip, never
//   drawn over the code (session/line_chips.h); a syntax or runtime error is shown at its line.
// - Edit: the script can be edited in place, re-run, and saved to its file. An unsaved edit is
//   never lost (session/autosave.h): it is autosaved, quitting or opening something else asks
//   first, and an edit left unsaved by a crash is offered back when the scenario is opened again.
// - Hovering a call of the scenario API (`ch:send`, `select`, `wg:wait`) shows what it does and
//   its Go equivalent (session/api_help.h).
#pragma once

#include "session/autosave.h"
#include "session/controller.h"
#include "session/scenario_catalog.h"
#include "ui/shell.h"

#include <cstddef>
#include <optional>
#include <string>
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

// Splits `source` into lines of coloured spans: Lua, Go, or by the file's extension.
HighlightedSource highlight_lua(std::string_view source);
HighlightedSource highlight_go(std::string_view source);
HighlightedSource highlight_source(std::string_view path, std::string_view source);

// What the source view remembers between frames (none of it is part of the document).
struct SourceViewState {
  std::string source;  // the text the cache below was built for
  std::string path;    // and the file it came from (its extension picks the colouring)
  HighlightedSource text;
  bool line_numbers = true;
  bool editing = false;
  std::string edit;  // the text being edited
  std::uint32_t scrolled_to_error = 0;
  // Following the tasks: the cursor and focus the view last scrolled for (it scrolls again only
  // when they change, so the person can scroll away between steps).
  std::size_t followed_cursor = SIZE_MAX;
  sim::TaskId followed_focus = 0;
  std::string save_error;   // the last failed save, shown in the editor
  std::string offered_for;  // the script path an autosaved edit was last looked up for
  std::optional<session::RestoreOffer> restore;  // an autosaved edit found for the open scenario
  // The Go / Lua tabs of a scenario written both ways: the tab last shown as selected, and
  // whether the tab bar is still being told to select the browser's (as after File ▸ Open of
  // the Lua file); until it has, the tab bar's own selection is not taken as the user's choice.
  bool tab_lua = false;
  bool tab_pending = false;
};

class SourcePanel : public Panel {
 public:
  SourcePanel(session::Browser& browser, session::Controller& controller,
              session::UnsavedWork& unsaved)
      : browser_(browser), controller_(controller), unsaved_(unsaved) {}
  const char* title() const override { return "Source"; }
  Slot slot() const override { return Slot::Source; }
  void draw() override;
  void draw_view_menu() override;

 private:
  void draw_editor();
  // Starts editing `text` as the script at controller_.path().
  void start_editing(const std::string* text);
  // Looks for an autosaved edit when a new script is shown.
  void check_restore();
  // The API call under the mouse in the code view, as a tooltip.
  void api_tooltip(const std::string& src, int line, float x0, float advance);

  // The Go and Lua tabs of a scenario written both ways (its entry has a Lua twin): choosing one
  // shows that file in the browser, and the app opens and runs it.
  void draw_language_tabs();

  session::Browser& browser_;
  session::Controller& controller_;
  session::UnsavedWork& unsaved_;
  SourceViewState view_;
};

}  // namespace rdv::ui
