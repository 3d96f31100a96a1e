// ui/shell.h — the window's frame: a menu bar and fixed panes filling the viewport, separated by
// draggable splitters (design.md §8; ImGui 1.86 has no docking).
//
//   ┌ menu ─────────────────────────────────────────────────────────────┐
//   │ Scenarios         │ Center (channels…)           │ Tasks           │
//   │───────────────────│                              │─────────────────│
//   │ Source            │                              │ Sync            │
//   ├───────────────────┴──────────────────────────────┴─────────────────┤
//   │ Timeline                                          │ Console        │
//   └────────────────────────────────────────────────────────────────────┘
//
// - A panel is one class in one file (ui/<name>_panel.{h,cpp}) that says which Slot it lives in
//   and draws its content; it keeps its own view state (selection, scroll, zoom) in a plain
//   struct, apart from any model. Panels sharing a slot become tabs.
// - A slot without panels takes no room: its splitter disappears and its neighbours grow.
// - Pane sizes are fractions of the viewport, saved in imgui.ini ([Rendezvous][Layout]) with a
//   few named strings ([Rendezvous][State]) panels may persist, e.g. the last scenario opened.
//
// Example:
//   Shell shell;
//   shell.add(std::make_unique<SourcePanel>(browser));
//   shell.install_settings();            // before imgui.ini is loaded
//   while (...) { ImGui::NewFrame(); shell.draw(); ImGui::Render(); ... }
#pragma once

#include "session/autosave.h"
#include "session/files.h"
#include "ui/help_window.h"

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rdv::session {
class Controller;
}

namespace rdv::ui {

enum class Slot { Scenarios, Source, Center, Tasks, Sync, Timeline, Console };
inline constexpr int kSlotCount = 7;

class Panel {
 public:
  virtual ~Panel() = default;
  // - Tab and heading text; unique among panels (it is also the panel's ImGui ID).
  virtual const char* title() const = 0;
  virtual Slot slot() const = 0;
  // - Draws the content inside the pane's child window (the heading is drawn by the shell).
  virtual void draw() = 0;
  // - Optional: items for the View menu (e.g. toggles of this panel's view state).
  virtual void draw_view_menu() {}
};

// A panel whose title and slot are fixed when it is made: what most panels derive from, so
// each says its title and pane once, in its constructor.
class PlacedPanel : public Panel {
 public:
  PlacedPanel(const char* title, Slot slot) : title_(title), slot_(slot) {}
  const char* title() const final { return title_; }
  Slot slot() const final { return slot_; }

 private:
  const char* title_;
  Slot slot_;
};

// A panel that draws what the controller exposes (state(), model(), view()) and changes things
// only through its request_… calls: Channels, Tasks, Sync, Timeline, …
class ControllerPanel : public PlacedPanel {
 public:
  ControllerPanel(session::Controller& controller, const char* title, Slot slot)
      : PlacedPanel(title, slot), controller_(controller) {}

 protected:
  session::Controller& controller_;
};

// Zoom limits and step (View ▸ Zoom).
inline constexpr float kMinZoom = 0.5f;
inline constexpr float kMaxZoom = 3.0f;
inline constexpr float kZoomStep = 1.1f;

// Splitter positions as fractions of the viewport (or of their column / row).
struct LayoutState {
  float left = 0.40f;       // width of the left column (Scenarios over Source)
  float right = 0.29f;      // width of the right column (Tasks over Sync)
  float bottom = 0.30f;     // height of the bottom row (Timeline | Console)
  float scenarios = 0.34f;  // height of Scenarios within the left column
  float tasks = 0.55f;      // height of Tasks within the right column
  float console = 0.30f;    // width of Console within the bottom row
};

// View ▸ Layout: two saved arrangements of the window. Default shows every pane at 100 %;
// Lecture is for a projector: the zoom at kLectureZoom and only the panes a class follows
// (Source, the centre's Channels, Sync, Timeline, Console: Scenarios and Tasks hidden). Each
// remembers its own zoom, hidden panes and splitters in imgui.ini; switching keeps the one left.
enum class LayoutPreset { Default, Lecture };
inline constexpr float kLectureZoom = 1.5f;

// The pane sizes, zoom and hidden panes of one preset.
struct SavedLayout {
  LayoutState sizes;
  float zoom = 1.0f;
  std::string hidden;  // the "hidden_panes" setting: '1' per hidden slot
  // - The preset's own arrangement, before any change the person made.
  static SavedLayout factory(LayoutPreset p);
  // - "zoom hidden left right bottom scenarios tasks console"; parse gives nullopt for garbage.
  std::string format() const;
  static std::optional<SavedLayout> parse(const std::string& text);
};

class Shell : public session::SettingsStore {
 public:
  // - Adds a panel; call before the first frame.
  void add(std::unique_ptr<Panel> panel);

  // - Registers the [Rendezvous] sections of imgui.ini with the current ImGui context. The
  //   shell must outlive the context's last settings save (ImGui::DestroyContext).
  void install_settings();

  // - Draws the menu bar and every pane into the whole main viewport. Call once per frame.
  void draw();

  // - True once the user asked to quit (File ▸ Quit, Ctrl+Q, closing the window) and nothing
  //   unsaved stands in the way (request_quit asks first).
  bool quit_requested() const { return quit_; }
  // - Quits, unless an edited script is unsaved: then asks Save / Discard / Cancel first.
  void request_quit();
  // - The edited script (the Source panel edits it; quitting and opening ask through it).
  session::UnsavedWork& unsaved() { return unsaved_; }

  LayoutState& layout() { return layout_; }

  // View ▸ Zoom (Ctrl +, Ctrl -, Ctrl 0): the factor the whole UI is drawn at, on top of the
  // monitor's content scale; saved in imgui.ini. The app re-rasterises the fonts and rescales
  // the style between frames when it changes (zoom_steps gives the allowed values).
  float zoom() const { return zoom_; }
  void set_zoom(float zoom);
  // - F11 / View ▸ Full screen: true once per request (the app switches the window).
  bool take_full_screen_toggle() {
    const bool t = full_screen_toggle_;
    full_screen_toggle_ = false;
    return t;
  }
  void set_full_screen(bool on) { full_screen_ = on; }

  // View ▸ Panes: a hidden pane takes no room (its neighbours grow); saved in imgui.ini.
  bool pane_hidden(Slot s) const;
  void set_pane_hidden(Slot s, bool hidden);
  HelpWindow& help() { return help_; }
  // - Whether the panel `title` is on screen: drawn by this frame so far or by the last one
  //   (its pane shown and, among tabs, its tab in front).
  bool panel_shown(const char* title) const;

  // View ▸ Layout ▸ Default / Lecture (Ctrl+L switches): saves the current arrangement under
  // the preset in use, then restores `p`'s (its factory one the first time).
  LayoutPreset layout_preset() const {
    return setting("layout") == "lecture" ? LayoutPreset::Lecture : LayoutPreset::Default;
  }
  void use_layout(LayoutPreset p);
  // - Puts the preset in use back to its factory arrangement (View ▸ Reset layout).
  void reset_layout();

  // - Brings the tab `title` to the front of its pane on the next frame it is drawn (for
  //   --tab); false when no panel has that title. A panel alone in its pane is always shown.
  //   The Help window's pages count as tabs too: "API cheat sheet" opens Help at that page.
  bool select_tab(const std::string& title);
  // - Every panel's title, in order of add(), then the Help window's pages.
  std::vector<std::string> tab_titles() const;
  // - select_tab() for each title; false with "--tab: no tab named 'X'; the tabs are: …" in
  //   `error` at the first unknown one.
  bool select_tabs(const std::vector<std::string>& titles, std::string* error);

  // Where each pane was drawn in the last frame, in ImGui's coordinates (for exporting one
  // pane as a picture); nullopt when it was not drawn (hidden, or no panel in it).
  struct PaneRect {
    float x = 0, y = 0, w = 0, h = 0;
  };
  std::optional<PaneRect> pane_rect(Slot s) const;
  // - The pane that holds the tab `title` (nullopt when no panel has that title).
  std::optional<Slot> slot_of(const std::string& title) const;
  // - A pane's name for menus: its tabs' titles, e.g. "Channels, Variables, Scenario, Explorer".
  std::string pane_name(Slot s) const;

  // - Optional: drawn across the window under the menu bar, above the panes (the run controls).
  void set_toolbar(std::function<void()> draw) { toolbar_ = std::move(draw); }
  // - Optional: items at the top of the File menu (Open, Save trace, recent files).
  void set_file_menu(std::function<void()> draw) { file_menu_ = std::move(draw); }
  // - Optional: a Run menu after File (run, step, reset with their shortcuts).
  void set_run_menu(std::function<void()> draw) { run_menu_ = std::move(draw); }

  // A named string saved in imgui.ini; "" when never set.
  const std::string& setting(const std::string& key) const override;
  void set_setting(const std::string& key, std::string value) override;

 private:
  void draw_menu_bar();
  void draw_pane(Slot slot, float x, float y, float w, float h);
  // A splitter between two panes; drags `fraction` (of `extent` pixels) and keeps it in range.
  void splitter(const char* id, bool vertical, float x, float y, float w, float h, float& fraction,
                float extent, bool invert);
  bool slot_used(Slot s) const {
    return !slots_[static_cast<std::size_t>(s)].empty() && !pane_hidden(s);
  }

  std::vector<std::unique_ptr<Panel>> panels_;
  std::array<std::vector<Panel*>, kSlotCount> slots_;           // panels by slot, in order of add()
  std::array<std::optional<PaneRect>, kSlotCount> pane_rects_;  // as drawn in the last frame
  LayoutState layout_;
  std::vector<std::string> pending_tabs_;
  std::vector<const Panel*> drawn_now_,
      drawn_last_;  // panels drawn this frame, the last one  // select_tab() requests not yet drawn
                    // selected
  std::map<std::string, std::string> settings_;
  std::function<void()> toolbar_, file_menu_, run_menu_;
  bool quit_ = false;
  float zoom_ = 1.0f;
  bool full_screen_toggle_ = false;
  bool full_screen_ = false;  // as the app last reported it (for the menu's check mark)
  HelpWindow help_;
  session::UnsavedWork unsaved_{session::Autosave(session::autosave_dir())};
};

}  // namespace rdv::ui
