// ui/help_window.h — Help ▸ Keyboard shortcuts, Colour legend, API cheat sheet, About: one
// window with a tab per page, centred over the panes (not a pane of its own), closed by its ✕
// or Escape. F1 opens it.
//
// - Shortcuts: kShortcuts below, every key the app answers to (kept beside the code that reads
//   them: controls_toolbar, file_actions, shell, scenario_list_panel, timeline_panel, source).
// - Colours: the task-state legend (ui/legend.h) and the source view's syntax colours.
// - API: session/api_help.h's table, filterable.
// - About: version, and the licence of every library the app links or loads (texts embedded,
//   help_licences.cpp).
#pragma once

#include <span>
#include <string_view>

namespace rdv::ui {

enum class HelpPage { Shortcuts, Colours, Api, About };
inline constexpr int kHelpPageCount = 4;
const char* help_page_title(HelpPage p);  // "Keyboard shortcuts", "Colour legend", ...

struct Shortcut {
  std::string_view where;  // "Anywhere", "Run", "Timeline (mouse over it)", ...
  std::string_view keys;   // "Ctrl+O"
  std::string_view what;
};
std::span<const Shortcut> shortcuts();

struct Licence {
  std::string_view library;  // "Dear ImGui 1.86"
  std::string_view use;      // what the app uses it for, and how (linked, loaded, built in)
  std::string_view licence;  // "MIT"
  std::string_view text;     // the licence text with its copyright lines
};
std::span<const Licence> licences();

class HelpWindow {
 public:
  void open(HelpPage page);
  bool is_open() const { return open_; }
  // - The Help menu's items.
  void draw_menu();
  // - The window, when open; call once per frame after the panes. F1 opens it.
  void draw();
  // - A Go program is open: the API cheat sheet lists Go's calls first.
  void set_go_first(bool go_first) { go_first_ = go_first; }

 private:
  bool open_ = false;
  bool select_ = false;  // select page_'s tab on the next frame
  HelpPage page_ = HelpPage::Shortcuts;
  char filter_[64] = {};
  bool go_first_ = false;
};

}  // namespace rdv::ui
