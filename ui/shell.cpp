// ui/shell.cpp — pane layout, splitters, menu bar and the [Rendezvous] sections of imgui.ini.
#include "ui/shell.h"

#include "sim/enum_table.h"
#include "ui/autosave_modals.h"
#include "ui/theme.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImGuiSettingsHandler: 1.86 has no public API for custom sections

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace rdv::ui {

namespace {

constexpr float kMinFraction = 0.08f;
constexpr float kMaxFraction = 0.85f;

constexpr auto kSlotIds = enum_table<Slot, const char*, kSlotCount>(
    {"##pane_scenarios", "##pane_source", "##pane_center", "##pane_tasks", "##pane_sync",
     "##pane_timeline", "##pane_console"});

const char* slot_id(Slot s) {
  return kSlotIds.at(s, "##pane");
}

float clamp_fraction(float f) {
  return std::clamp(f, kMinFraction, kMaxFraction);
}

// Keeps two column widths from squeezing the middle column out of existence.
void keep_center_room(LayoutState& l) {
  l.left = clamp_fraction(l.left);
  l.right = clamp_fraction(l.right);
  const float over = l.left + l.right - 0.8f;
  if (over > 0) {
    l.left -= over / 2;
    l.right -= over / 2;
  }
}

// The settings handler's entries: which [Rendezvous][...] section a line belongs to.
char g_layout_entry;
char g_state_entry;

}  // namespace

void Shell::set_zoom(float zoom) {
  zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
  if (std::fabs(zoom - 1.0f) < 0.02f) zoom = 1.0f;  // steps back land on exactly 100 %
  if (zoom == zoom_) return;
  zoom_ = zoom;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(zoom));
  set_setting("zoom", buf);
}

// The hidden panes are the setting "hidden_panes": one character per slot, '1' when hidden.
bool Shell::pane_hidden(Slot s) const {
  const std::string& h = setting("hidden_panes");
  const auto i = static_cast<std::size_t>(s);
  return i < h.size() && h[i] == '1';
}

void Shell::set_pane_hidden(Slot s, bool hidden) {
  std::string h = setting("hidden_panes");
  h.resize(kSlotCount, '0');
  h[static_cast<std::size_t>(s)] = hidden ? '1' : '0';
  set_setting("hidden_panes", h);
}

SavedLayout SavedLayout::factory(LayoutPreset p) {
  SavedLayout l;
  if (p == LayoutPreset::Lecture) {
    l.zoom = kLectureZoom;
    l.hidden = std::string(kSlotCount, '0');
    l.hidden[static_cast<std::size_t>(Slot::Scenarios)] = '1';
    l.hidden[static_cast<std::size_t>(Slot::Tasks)] = '1';
    // The Source column and the bottom row get more of the room; the console stays readable.
    l.sizes.left = 0.36f;
    l.sizes.right = 0.26f;
    l.sizes.bottom = 0.36f;
    l.sizes.console = 0.32f;
  }
  return l;
}

std::string SavedLayout::format() const {
  char buf[160];
  const LayoutState& s = sizes;
  std::snprintf(buf, sizeof buf, "%.3f %s %.4f %.4f %.4f %.4f %.4f %.4f", static_cast<double>(zoom),
                hidden.empty() ? "-" : hidden.c_str(), static_cast<double>(s.left),
                static_cast<double>(s.right), static_cast<double>(s.bottom),
                static_cast<double>(s.scenarios), static_cast<double>(s.tasks),
                static_cast<double>(s.console));
  return buf;
}

std::optional<SavedLayout> SavedLayout::parse(const std::string& text) {
  SavedLayout l;
  char hidden[16] = {};
  LayoutState& s = l.sizes;
  if (std::sscanf(text.c_str(), "%f %15s %f %f %f %f %f %f", &l.zoom, hidden, &s.left, &s.right,
                  &s.bottom, &s.scenarios, &s.tasks, &s.console) != 8)
    return std::nullopt;
  if (!(l.zoom >= kMinZoom && l.zoom <= kMaxZoom)) return std::nullopt;
  l.hidden = std::strcmp(hidden, "-") == 0 ? "" : hidden;
  if (l.hidden.find_first_not_of("01") != std::string::npos) return std::nullopt;
  for (float* f : {&s.left, &s.right, &s.bottom, &s.scenarios, &s.tasks, &s.console}) {
    if (!(*f >= 0.0f && *f <= 1.0f)) return std::nullopt;
    *f = clamp_fraction(*f);
  }
  return l;
}

void Shell::use_layout(LayoutPreset p) {
  const LayoutPreset current = layout_preset();
  const char* key = current == LayoutPreset::Lecture ? "layout_lecture" : "layout_default";
  SavedLayout now{layout_, zoom_, setting("hidden_panes")};
  set_setting(key, now.format());
  if (p == current) return;
  const char* next_key = p == LayoutPreset::Lecture ? "layout_lecture" : "layout_default";
  const SavedLayout next = SavedLayout::parse(setting(next_key)).value_or(SavedLayout::factory(p));
  set_setting("layout", p == LayoutPreset::Lecture ? "lecture" : "default");
  layout_ = next.sizes;
  set_setting("hidden_panes", next.hidden);
  set_zoom(next.zoom);
  ImGui::MarkIniSettingsDirty();
}

void Shell::reset_layout() {
  const SavedLayout l = SavedLayout::factory(layout_preset());
  layout_ = l.sizes;
  set_setting("hidden_panes", l.hidden);
  set_zoom(l.zoom);
  ImGui::MarkIniSettingsDirty();
}

bool Shell::panel_shown(const char* title) const {
  for (const auto* list : {&drawn_now_, &drawn_last_}) {
    for (const Panel* p : *list)
      if (std::strcmp(p->title(), title) == 0) return true;
  }
  return false;
}

void Shell::request_quit() {
  unsaved_.run_or_ask([this] { quit_ = true; });
}

void Shell::add(std::unique_ptr<Panel> panel) {
  slots_[static_cast<std::size_t>(panel->slot())].push_back(panel.get());
  panels_.push_back(std::move(panel));
}

bool Shell::select_tab(const std::string& title) {
  for (const auto& p : panels_) {
    if (title == p->title()) {
      if (slots_[static_cast<std::size_t>(p->slot())].size() > 1) pending_tabs_.push_back(title);
      return true;
    }
  }
  for (int i = 0; i < kHelpPageCount; ++i) {
    if (title == help_page_title(static_cast<HelpPage>(i))) {
      help_.open(static_cast<HelpPage>(i));
      return true;
    }
  }
  return false;
}

std::vector<std::string> Shell::tab_titles() const {
  std::vector<std::string> out;
  for (const auto& p : panels_) out.emplace_back(p->title());
  for (int i = 0; i < kHelpPageCount; ++i)
    out.emplace_back(help_page_title(static_cast<HelpPage>(i)));
  return out;
}

bool Shell::select_tabs(const std::vector<std::string>& titles, std::string* error) {
  for (const std::string& t : titles) {
    if (select_tab(t)) continue;
    if (error != nullptr) {
      *error = "--tab: no tab named '" + t + "'; the tabs are:";
      for (const std::string& name : tab_titles()) *error += " '" + name + "'";
    }
    return false;
  }
  return true;
}

const std::string& Shell::setting(const std::string& key) const {
  static const std::string empty;
  const auto it = settings_.find(key);
  return it == settings_.end() ? empty : it->second;
}

void Shell::set_setting(const std::string& key, std::string value) {
  // One line per entry in imgui.ini: a newline would start a new (bogus) entry.
  std::replace(value.begin(), value.end(), '\n', ' ');
  if (setting(key) == value) return;
  settings_[key] = std::move(value);
  ImGui::MarkIniSettingsDirty();
}

void Shell::install_settings() {
  ImGuiSettingsHandler h;
  h.TypeName = "Rendezvous";
  h.TypeHash = ImHashStr("Rendezvous");
  h.UserData = this;
  h.ReadOpenFn = [](ImGuiContext*, ImGuiSettingsHandler*, const char* name) -> void* {
    if (std::strcmp(name, "Layout") == 0) return &g_layout_entry;
    if (std::strcmp(name, "State") == 0) return &g_state_entry;
    return nullptr;  // an unknown section (a newer version's) is skipped
  };
  h.ReadLineFn = [](ImGuiContext*, ImGuiSettingsHandler* handler, void* entry, const char* line) {
    auto* self = static_cast<Shell*>(handler->UserData);
    const char* eq = std::strchr(line, '=');
    if (eq == nullptr) return;
    const std::string key(line, static_cast<std::size_t>(eq - line));
    const char* value = eq + 1;
    if (entry == &g_state_entry) {
      self->settings_[key] = value;
      if (key == "zoom") {
        float z = 1.0f;
        if (std::sscanf(value, "%f", &z) == 1 && z >= kMinZoom && z <= kMaxZoom) self->zoom_ = z;
      }
      return;
    }
    float f = 0;
    if (std::sscanf(value, "%f", &f) != 1 || !(f >= 0.0f && f <= 1.0f)) return;
    LayoutState& l = self->layout_;
    for (auto [name, field] : {std::pair{"left", &l.left}, std::pair{"right", &l.right},
                               std::pair{"bottom", &l.bottom}, std::pair{"scenarios", &l.scenarios},
                               std::pair{"tasks", &l.tasks}, std::pair{"console", &l.console}}) {
      if (key == name) *field = clamp_fraction(f);
    }
  };
  h.WriteAllFn = [](ImGuiContext*, ImGuiSettingsHandler* handler, ImGuiTextBuffer* out) {
    const auto* self = static_cast<const Shell*>(handler->UserData);
    const LayoutState& l = self->layout_;
    out->appendf(
        "[Rendezvous][Layout]\nleft=%.4f\nright=%.4f\nbottom=%.4f\nscenarios=%.4f\ntasks=%.4f\n"
        "console=%.4f\n\n",
        static_cast<double>(l.left), static_cast<double>(l.right), static_cast<double>(l.bottom),
        static_cast<double>(l.scenarios), static_cast<double>(l.tasks),
        static_cast<double>(l.console));
    out->appendf("[Rendezvous][State]\n");
    for (const auto& [key, value] : self->settings_)
      out->appendf("%s=%s\n", key.c_str(), value.c_str());
    out->appendf("\n");
  };
  ImGui::GetCurrentContext()->SettingsHandlers.push_back(h);
}

void Shell::splitter(const char* id, bool vertical, float x, float y, float w, float h,
                     float& fraction, float extent, bool invert) {
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  ImGui::InvisibleButton(id, ImVec2(std::max(w, 1.0f), std::max(h, 1.0f)));
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  if (hovered || active)
    ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
  if (active && extent > 0) {
    const ImVec2 d = ImGui::GetIO().MouseDelta;
    const float delta = (vertical ? d.x : d.y) / extent;
    if (delta != 0) {
      fraction = clamp_fraction(fraction + (invert ? -delta : delta));
      keep_center_room(layout_);
      ImGui::MarkIniSettingsDirty();
    }
  }
  if (hovered || active) {
    const float t = 2.0f;  // the highlight is a thin line centred in the gap
    const ImVec2 a = vertical ? ImVec2(x + w / 2 - t / 2, y) : ImVec2(x, y + h / 2 - t / 2);
    const ImVec2 b = vertical ? ImVec2(a.x + t, y + h) : ImVec2(x + w, a.y + t);
    ImGui::GetWindowDrawList()->AddRectFilled(a, b, palette::kSplitterHover);
  }
}

std::optional<Shell::PaneRect> Shell::pane_rect(Slot s) const {
  return pane_rects_[static_cast<std::size_t>(s)];
}

std::optional<Slot> Shell::slot_of(const std::string& title) const {
  for (const auto& p : panels_)
    if (title == p->title()) return p->slot();
  return std::nullopt;
}

std::string Shell::pane_name(Slot s) const {
  std::string name;
  for (const Panel* p : slots_[static_cast<std::size_t>(s)])
    name += (name.empty() ? "" : ", ") + std::string(p->title());
  return name;
}

void Shell::draw_pane(Slot slot, float x, float y, float w, float h) {
  const auto& panels = slots_[static_cast<std::size_t>(slot)];
  pane_rects_[static_cast<std::size_t>(slot)] = PaneRect{x, y, w, h};
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  // The pane's background is cleared by the app before ImGui draws (clear_pane_backgrounds in
  // app.cpp: a memset for a software renderer, where a window-sized quad costs milliseconds).
  ImGui::BeginChild(slot_id(slot), ImVec2(w, h), true,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
  if (panels.size() == 1) {
    ImGui::PushFont(fonts().ui);
    ImGui::TextDisabled("%s", panels.front()->title());
    ImGui::PopFont();
    ImGui::Separator();
    // No background for the panel's own child: the pane painted the same colour just before
    // (every window-sized layer costs a software renderer milliseconds: docs/performance.md).
    ImGui::BeginChild(panels.front()->title(), ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    drawn_now_.push_back(panels.front());
    panels.front()->draw();
    ImGui::EndChild();
  } else if (ImGui::BeginTabBar("##tabs")) {
    for (Panel* p : panels) {
      // A requested tab keeps asking until it is drawn selected (the first frame of a tab bar
      // may not honour it yet).
      const auto pending = std::find(pending_tabs_.begin(), pending_tabs_.end(), p->title());
      const ImGuiTabItemFlags flags =
          pending != pending_tabs_.end() ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
      if (ImGui::BeginTabItem(p->title(), nullptr, flags)) {
        if (pending != pending_tabs_.end()) pending_tabs_.erase(pending);
        ImGui::BeginChild(p->title(), ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
        drawn_now_.push_back(p);
        p->draw();
        ImGui::EndChild();
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
  ImGui::EndChild();
}

void Shell::draw_menu_bar() {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (file_menu_) {
      file_menu_();
      ImGui::Separator();
    }
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) request_quit();
    ImGui::EndMenu();
  }
  if (run_menu_ && ImGui::BeginMenu("Run")) {
    run_menu_();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    for (auto& p : panels_) p->draw_view_menu();
    ImGui::Separator();
    if (ImGui::MenuItem("Zoom in", "Ctrl +", false, zoom_ < kMaxZoom)) set_zoom(zoom_ * kZoomStep);
    if (ImGui::MenuItem("Zoom out", "Ctrl -", false, zoom_ > kMinZoom)) set_zoom(zoom_ / kZoomStep);
    if (ImGui::MenuItem("Actual size", "Ctrl 0", false, zoom_ != 1.0f)) set_zoom(1.0f);
    ImGui::TextDisabled("  zoom %.0f %%", static_cast<double>(zoom_) * 100.0);
    if (ImGui::MenuItem("Full screen", "F11", full_screen_)) full_screen_toggle_ = true;
    if (ImGui::BeginMenu("Panes")) {
      // One toggle per pane, named by its tabs.
      for (int i = 0; i < kSlotCount; ++i) {
        const auto slot = static_cast<Slot>(i);
        if (slots_[static_cast<std::size_t>(i)].empty()) continue;
        const std::string name = pane_name(slot);
        bool shown = !pane_hidden(slot);
        if (ImGui::MenuItem(name.c_str(), nullptr, &shown)) set_pane_hidden(slot, !shown);
      }
      ImGui::EndMenu();
    }
    ImGui::Separator();
    bool nav = setting("keyboard_nav") == "1";
    if (ImGui::MenuItem("Keyboard navigation", nullptr, &nav))
      set_setting("keyboard_nav", nav ? "1" : "0");
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "Tab, arrows, Space and Enter move between and press the controls; the run's keys\n"
          "(arrows, Space, Home, End) then belong to the controls until this is off");
    if (ImGui::BeginMenu("Layout")) {
      const LayoutPreset p = layout_preset();
      if (ImGui::MenuItem("Default", p == LayoutPreset::Default ? "" : "Ctrl+L",
                          p == LayoutPreset::Default))
        use_layout(LayoutPreset::Default);
      if (ImGui::MenuItem("Lecture", p == LayoutPreset::Lecture ? "" : "Ctrl+L",
                          p == LayoutPreset::Lecture))
        use_layout(LayoutPreset::Lecture);
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "For a projector: zoomed to %.0f %%, showing Source, Channels, Sync, Timeline and\n"
            "Console only. Each layout keeps its own changes.",
            static_cast<double>(kLectureZoom) * 100.0);
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Reset layout")) reset_layout();
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Puts the layout in use (%s) back as it first was",
                        layout_preset() == LayoutPreset::Lecture ? "Lecture" : "Default");
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    help_.draw_menu();
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
}

void Shell::draw() {
  drawn_last_.swap(drawn_now_);
  drawn_now_.clear();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus |
                                      ImGuiWindowFlags_NoScrollWithMouse |
                                      // the app clears the framebuffer to WindowBg already
                                      ImGuiWindowFlags_NoBackground;
  // Keyboard navigation only when the user asked for it (View menu; saved).
  ImGuiIO& io = ImGui::GetIO();
  if (setting("keyboard_nav") == "1")
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  else
    io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
  pane_rects_.fill(std::nullopt);  // draw_pane() records the panes drawn this frame
  ImGui::Begin("##shell", nullptr, kFlags);
  draw_menu_bar();
  // GLFW key codes are the letters' ASCII codes; the backend stores them as ImGui key indexes.
  if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed('Q', false)) request_quit();
  // Zoom and full screen. GLFW codes: '=' (+ with Shift) 61, '-' 45, '0' 48, keypad + 334,
  // keypad - 333, keypad 0 320, F11 300.
  if (io.KeyCtrl && !io.WantTextInput) {
    if (ImGui::IsKeyPressed(61) || ImGui::IsKeyPressed(334)) set_zoom(zoom_ * kZoomStep);
    if (ImGui::IsKeyPressed(45) || ImGui::IsKeyPressed(333)) set_zoom(zoom_ / kZoomStep);
    if (ImGui::IsKeyPressed(48, false) || ImGui::IsKeyPressed(320, false)) set_zoom(1.0f);
    if (ImGui::IsKeyPressed('L', false))
      use_layout(layout_preset() == LayoutPreset::Lecture ? LayoutPreset::Default
                                                          : LayoutPreset::Lecture);
  }
  if (ImGui::IsKeyPressed(300, false)) full_screen_toggle_ = true;
  if (toolbar_) toolbar_();

  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  LayoutState& l = layout_;
  keep_center_room(l);
  l.bottom = clamp_fraction(l.bottom);

  const bool left = slot_used(Slot::Scenarios) || slot_used(Slot::Source);
  const bool center = slot_used(Slot::Center);
  const bool right = slot_used(Slot::Tasks) || slot_used(Slot::Sync);
  const bool bottom = slot_used(Slot::Timeline) || slot_used(Slot::Console);

  // Rows: the top row holds the columns; the bottom row (if any) the timeline and console.
  const float top_h = bottom ? std::floor((avail.y - gap) * (1 - l.bottom)) : avail.y;
  const float bottom_y = origin.y + top_h + gap;
  const float bottom_h = avail.y - top_h - gap;

  // Columns: the centre takes what the fixed-fraction columns leave; without a centre, the
  // rightmost column present does.
  enum Col { kLeft, kCenter, kRight };
  std::vector<Col> cols;
  if (left) cols.push_back(kLeft);
  if (center) cols.push_back(kCenter);
  if (right) cols.push_back(kRight);
  const Col flex = center ? kCenter : (right ? kRight : kLeft);
  const float gaps = gap * static_cast<float>(cols.empty() ? 0 : cols.size() - 1);
  auto width = [&](Col c) {
    if (c == flex) {
      float rest = avail.x - gaps;
      for (Col o : cols)
        if (o != flex) rest -= std::floor((o == kLeft ? l.left : l.right) * avail.x);
      return rest;
    }
    return std::floor((c == kLeft ? l.left : l.right) * avail.x);
  };

  float x = origin.x;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const Col c = cols[i];
    const float w = width(c);
    auto column = [&](Slot upper, Slot lower, float& split, const char* split_id) {
      const bool u = slot_used(upper), d = slot_used(lower);
      if (u && d) {
        const float uh = std::floor((top_h - gap) * split);
        draw_pane(upper, x, origin.y, w, uh);
        draw_pane(lower, x, origin.y + uh + gap, w, top_h - uh - gap);
        splitter(split_id, false, x, origin.y + uh, w, gap, split, top_h - gap, false);
      } else {
        draw_pane(u ? upper : lower, x, origin.y, w, top_h);
      }
    };
    if (c == kLeft) column(Slot::Scenarios, Slot::Source, l.scenarios, "##split_scenarios");
    if (c == kCenter) draw_pane(Slot::Center, x, origin.y, w, top_h);
    if (c == kRight) column(Slot::Tasks, Slot::Sync, l.tasks, "##split_tasks");
    if (i + 1 < cols.size()) {
      // The splitter drags the fixed column next to it: the left one, unless that is the flex.
      const bool drag_next = c == flex;
      float& f = (drag_next ? cols[i + 1] : c) == kLeft ? l.left : l.right;
      splitter(drag_next ? "##split_col_b" : "##split_col_a", true, x + w, origin.y, gap, top_h, f,
               avail.x, drag_next);
    }
    x += w + gap;
  }

  if (bottom) {
    splitter("##split_bottom", false, origin.x, origin.y + top_h, avail.x, gap, l.bottom,
             avail.y - gap, true);
    const bool t = slot_used(Slot::Timeline), k = slot_used(Slot::Console);
    if (t && k) {
      const float kw = std::floor(avail.x * l.console);
      const float tw = avail.x - kw - gap;
      draw_pane(Slot::Timeline, origin.x, bottom_y, tw, bottom_h);
      draw_pane(Slot::Console, origin.x + tw + gap, bottom_y, kw, bottom_h);
      splitter("##split_console", true, origin.x + tw, bottom_y, gap, bottom_h, l.console, avail.x,
               true);
    } else {
      draw_pane(t ? Slot::Timeline : Slot::Console, origin.x, bottom_y, avail.x, bottom_h);
    }
  }

  unsaved_.tick();
  draw_unsaved_modal(unsaved_);
  ImGui::End();
  help_.draw();
}

}  // namespace rdv::ui
