// ui/source_panel.cpp — Lua colouring and a clipped, monospaced source view.
#include "ui/source_panel.h"
#include "ui/text.h"

#include "gofront/gofront.h"
#include "gofront/tokens.h"
#include "session/api_help.h"
#include "session/go_help.h"
#include "session/line_chips.h"
#include "session/view_model.h"
#include "sim/enum_table.h"
#include "ui/autosave_modals.h"
#include "ui/state_style.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>
#include <string>
#include <vector>

#include "script/lua_lexer.h"
#include "script/read_file.h"
#include "script/scenario_header.h"

namespace rdv::ui {

using session::api_at;
using session::ApiEntry;
using session::chip_texts;
using session::ChipTask;
using session::display_columns;
using session::follow_lines;
using session::go_help_at;
using session::GoHelp;
using session::just_ran_mark;
using session::layout_line_chips;
using session::line_marks;
using session::LineChips;
using session::LineGeometry;
using session::LineMark;
using session::LineRange;
using session::PlacedChip;
using session::RestoreOffer;
using session::ScenarioEntry;
using session::Source;
using session::ViewState;

namespace {

// The scenario API (design.md §4) plus the Lua functions a scenario commonly calls.
constexpr std::array<std::string_view, 34> kApiNames = {
    "scenario",    "chan",   "nilchan", "go",      "select",   "on_recv",   "on_send",
    "sleep",       "after",  "now",     "ticker",  "timer",    "waitgroup", "mutex",
    "rwmutex",     "atomic", "context", "promise", "async",    "group",     "all",
    "all_settled", "rand",   "print",   "note",    "panic",    "error",     "pcall",
    "ms",          "second", "ipairs",  "pairs",   "tostring", "string"};

bool is_api(std::string_view name) {
  return std::find(kApiNames.begin(), kApiNames.end(), name) != kApiNames.end();
}

// The colour class of a token: the Lua and the Go lexers name their token kinds alike.
template <class K>
Syntax syntax_of(K kind) {
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

// The colour of each colour class, in Syntax's order.
constexpr auto kSyntaxColours =
    enum_table<Syntax, ImU32, static_cast<std::size_t>(Syntax::Invalid) + 1>(
        {palette::kText, palette::kKeyword, palette::kString, palette::kComment, palette::kNumber,
         palette::kApi, palette::kMethod, palette::kSymbol, palette::kError});

ImU32 colour_of(Syntax s) {
  return kSyntaxColours.at(s, palette::kText);
}

}  // namespace

namespace {

// Cuts coloured tokens into per-line spans, advancing the display column over every byte.
class SpanBuilder {
 public:
  explicit SpanBuilder(std::string_view source) : source_(source) { out_.lines.emplace_back(); }

  void add(std::size_t begin, std::size_t size, Syntax syntax, bool whitespace) {
    std::size_t run = begin;
    int run_column = column_;
    auto flush = [&](std::size_t end) {
      if (end > run && !whitespace)
        out_.lines.back().push_back(SyntaxSpan{run, end, syntax, run_column});
    };
    for (std::size_t i = begin; i < begin + size; ++i) {
      const auto byte = static_cast<unsigned char>(source_[i]);
      if (byte == '\n') {
        flush(i);
        out_.max_columns = std::max(out_.max_columns, column_);
        out_.lines.emplace_back();
        column_ = 0;
        run = i + 1;
        run_column = 0;
      } else {
        // A tab is four columns, a Chinese character two, a continuation byte none.
        column_ += display_columns(source_, i);
      }
    }
    flush(begin + size);
  }

  HighlightedSource finish() {
    out_.max_columns = std::max(out_.max_columns, column_);
    return std::move(out_);
  }

 private:
  std::string_view source_;
  HighlightedSource out_;
  int column_ = 0;
};

// Go: the packages and builtins a concurrency program calls are coloured as the API.
constexpr std::array<std::string_view, 10> kGoPackages = {
    "fmt", "time", "sync", "context", "atomic", "errgroup", "errors", "rand", "log", "strings"};
constexpr std::array<std::string_view, 12> kGoBuiltins = {"make",   "close",  "len",     "cap",
                                                          "append", "panic",  "recover", "new",
                                                          "copy",   "delete", "min",     "max"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

HighlightedSource highlight_lua(std::string_view source) {
  SpanBuilder b(source);
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
    b.add(t.begin, t.size, syntax, t.kind == script::TokenKind::Whitespace);
    if (t.kind != script::TokenKind::Whitespace && t.kind != script::TokenKind::Comment)
      prev = text;
  }
  return b.finish();
}

HighlightedSource highlight_go(std::string_view source) {
  using K = gofront::GoTokenKind;
  SpanBuilder b(source);
  std::string_view prev, prev2;  // the two previous significant tokens
  for (const auto& t : gofront::tokenize_go(source)) {
    const std::string_view text = source.substr(t.begin, t.size);
    Syntax syntax = syntax_of(t.kind);
    if (t.kind == K::Name) {
      if (prev == "." && one_of(kGoPackages, prev2)) {
        syntax = Syntax::Api;  // time.Sleep, wg's sync.WaitGroup, context.WithCancel
      } else if (prev == ".") {
        syntax = Syntax::Method;  // wg.Wait, mu.Lock
      } else if (one_of(kGoBuiltins, text)) {
        syntax = Syntax::Api;
      }
    }
    b.add(t.begin, t.size, syntax, t.kind == K::Whitespace);
    if (t.kind != K::Whitespace && t.kind != K::Comment) {
      prev2 = prev;
      prev = text;
    }
  }
  return b.finish();
}

HighlightedSource highlight_source(std::string_view path, std::string_view source) {
  return gofront::is_go_path(path) ? highlight_go(source) : highlight_lua(source);
}

void SourcePanel::draw_view_menu() {
  ImGui::MenuItem("Line numbers", nullptr, &view_.line_numbers);
  ImGui::MenuItem("Source follows the tasks", nullptr, &controller_.view().follow_source);
}

namespace {

std::string read_file(const std::string& path) {
  Result<std::string> text = script::read_regular_file(path, script::kMaxScenarioFileBytes);
  return text ? std::move(*text) : std::string();
}

}  // namespace

void SourcePanel::start_editing(const std::string* text) {
  const std::string& path = controller_.path();
  if (!unsaved_.active() || unsaved_.path() != path) unsaved_.begin(path, read_file(path));
  if (text != nullptr) unsaved_.set_text(*text);
  view_.edit = unsaved_.text();
  view_.editing = true;
  view_.save_error.clear();
}

void SourcePanel::check_restore() {
  if (controller_.source_kind() != Source::Script || controller_.path() == view_.offered_for)
    return;
  view_.offered_for = controller_.path();
  view_.restore.reset();
  if (unsaved_.active() && unsaved_.path() == controller_.path()) return;  // being edited
  std::error_code ec;
  if (!std::filesystem::is_regular_file(controller_.path(), ec)) return;
  if (auto text = unsaved_.restorable(controller_.path(), read_file(controller_.path())))
    view_.restore = RestoreOffer{controller_.path(), std::move(*text)};
}

void SourcePanel::draw_editor() {
  const bool dirty = unsaved_.dirty();
  if (ImGui::SmallButton("\xE2\x96\xB6 Run edited")) {
    controller_.open_script(controller_.path(), controller_.chunkname(), view_.edit);
    view_.editing = false;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Run the edited script (it stays unsaved)");
  ImGui::SameLine();
  const bool ctrl_s = ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed('S', false) &&
                      ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
  if (ImGui::SmallButton("Save") || (ctrl_s && dirty)) {
    if (unsaved_.save(&view_.save_error)) view_.save_error.clear();
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Write the script to %s (Ctrl+S while editing)", controller_.path().c_str());
  ImGui::SameLine();
  if (ImGui::SmallButton("Close editor")) {
    unsaved_.run_or_ask([this] {
      view_.editing = false;
      unsaved_.close();
    });
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Asks first when the edit is not saved");
  ImGui::SameLine();
  if (!view_.save_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
    text(view_.save_error);
    ImGui::PopStyleColor();
  } else if (dirty) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kAccent);
    ImGui::TextUnformatted(unsaved_.autosave_error().empty() ? "\xE2\x97\x8F not saved (autosaved)"
                                                             : "\xE2\x97\x8F not saved");
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", unsaved_.autosave_error().empty()
                                  ? unsaved_.autosave().file_for(unsaved_.path()).c_str()
                                  : unsaved_.autosave_error().c_str());
  } else {
    ImGui::TextDisabled("saved");
  }
  ImGui::PushFont(fonts().mono);
  auto resize = [](ImGuiInputTextCallbackData* data) -> int {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
      auto* str = static_cast<std::string*>(data->UserData);
      str->resize(static_cast<std::size_t>(data->BufTextLen));
      data->Buf = str->data();
    }
    return 0;
  };
  if (ImGui::InputTextMultiline(
          "##edit", view_.edit.data(), view_.edit.capacity() + 1, ImVec2(-1, -1),
          ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_AllowTabInput, resize,
          &view_.edit))
    unsaved_.set_text(view_.edit);
  ImGui::PopFont();
}

void SourcePanel::api_tooltip(const std::string& src, int line, float x0, float advance) {
  const float mx = ImGui::GetIO().MousePos.x - x0;
  if (mx < 0 || advance <= 0) return;
  const int column = static_cast<int>(mx / advance);
  // A Go program: Go's calls in Go's words with the scenario API's equivalent; a Lua scenario:
  // the API's calls with Go's.
  struct Row {
    std::string_view call, text, other;
  };
  std::vector<Row> rows;
  const bool go = gofront::is_go_path(controller_.chunkname());
  if (go) {
    for (const GoHelp* e : go_help_at(src, line, column))
      rows.push_back({e->call, e->text, e->lua});
  } else {
    for (const ApiEntry* e : api_at(src, line, column)) rows.push_back({e->call, e->text, e->go});
  }
  if (rows.empty()) return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
  bool first = true;
  for (const Row& r : rows) {
    if (!first) ImGui::Separator();
    first = false;
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kApi);
    text(r.call);
    ImGui::PopStyleColor();
    ImGui::PushFont(fonts().ui);
    text(r.text);
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kString);
    ImGui::Text("%s: %.*s", go ? "Lua" : "Go", static_cast<int>(r.other.size()), r.other.data());
    ImGui::PopStyleColor();
  }
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void SourcePanel::draw_language_tabs() {
  const bool lua = browser_.showing_twin();
  if (lua != view_.tab_lua) {
    view_.tab_lua = lua;
    view_.tab_pending = true;
  }
  if (!ImGui::BeginTabBar("##language")) return;
  bool chosen_lua = lua;
  for (const bool tab_is_lua : {false, true}) {
    const bool target = view_.tab_pending && tab_is_lua == lua;
    if (ImGui::BeginTabItem(tab_is_lua ? "Lua" : "Go", nullptr,
                            target ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None)) {
      chosen_lua = tab_is_lua;
      if (target) view_.tab_pending = false;
      ImGui::EndTabItem();
    }
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip(tab_is_lua ? "The same scenario written with Rendezvous's Lua API: choose "
                                     "it to open and run it"
                                   : "The scenario as a Go program (go build accepts it)");
    }
  }
  ImGui::EndTabBar();
  if (!view_.tab_pending && chosen_lua != lua) {
    browser_.show_twin(chosen_lua);
    view_.tab_lua = chosen_lua;
  }
}

void SourcePanel::draw() {
  const bool has_run = controller_.source_kind() != Source::None;
  if (!has_run && browser_.selected_entry() == nullptr) {
    ImGui::TextDisabled("Select a scenario to see its source.");
    return;
  }
  if (!has_run && !browser_.source_error().empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
    text_wrapped(browser_.source_error());
    ImGui::PopStyleColor();
    return;
  }
  check_restore();
  draw_restore_modal(view_.restore, unsaved_,
                     [this](const std::string& text) { start_editing(&text); });
  if (view_.editing && controller_.path() != unsaved_.path()) view_.editing = false;
  if (view_.editing) {
    draw_editor();
    return;
  }
  const ScenarioEntry* picked = browser_.selected_entry();
  if (picked != nullptr && !picked->lua_twin.empty()) draw_language_tabs();
  const std::string& src = has_run ? controller_.script() : browser_.source();
  // The file the text came from picks its colouring (by its extension): a trace's, or a run the
  // explorer opened, is the scenario it recorded, its chunk name.
  const std::string path = has_run ? controller_.chunkname() : browser_.shown_path().string();
  if (view_.source != src || view_.path != path) {
    view_.text = highlight_source(path, src);
    view_.source = src;
    view_.path = path;
  }
  const auto& lines = view_.text.lines;
  const model::State& state = controller_.state();
  const std::vector<LineMark> marks = line_marks(state);
  const auto cands = controller_.candidates();
  const sim::TaskId focus = controller_.view().focus;
  const std::uint32_t err_line = controller_.at_end() ? controller_.error_line() : 0;

  if (controller_.source_kind() == Source::Script) {
    const bool edited = unsaved_.active() && unsaved_.path() == controller_.path();
    if (ImGui::SmallButton("Edit")) start_editing(edited ? nullptr : &src);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Edit the script here, run it, save it");
    ImGui::SameLine();
    if (edited && unsaved_.dirty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, palette::kAccent);
      ImGui::TextUnformatted("\xE2\x97\x8F edited, not saved");
      ImGui::PopStyleColor();
      ImGui::SameLine();
    }
  }
  if (has_run) {
    ImGui::Checkbox("follow", &controller_.view().follow_source);
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip(
          "Scroll to the focused task's line (or keep every task's line in view) "
          "at each step");
    }
    ImGui::SameLine();
  }
  {
    // The file name, and the hint when it fits (else on hover): nothing cut at the pane's edge.
    const std::string hint = "  \xE2\x97\x80 the line each task runs next, in its colour";
    const std::string& name = controller_.chunkname();
    const bool fits =
        ImGui::CalcTextSize((name + hint).c_str()).x <= ImGui::GetContentRegionAvail().x;
    ImGui::TextDisabled("%s%s", name.c_str(), !marks.empty() && fits ? hint.c_str() : "");
    if (!marks.empty() && ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "A band marks the line each task executes next (a blocked task: the line it waits "
          "at).\nA thin outline marks the line the task that just acted ran last.");
  }

  ImGui::PushFont(fonts().mono);
  ImGui::BeginChild("##code", ImVec2(0, 0), false,
                    ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoBackground);
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const float advance = font->CalcTextSizeA(size, 1e9f, 0, "0").x;
  const float line_h = std::floor(size * 1.35f);
  char number[16];
  const int digits = std::snprintf(number, sizeof number, "%zu", lines.size());
  const float gutter = view_.line_numbers ? advance * static_cast<float>(digits + 2) : advance;
  const float width = gutter + advance * static_cast<float>(view_.text.max_columns + 1);
  const float text_dy = std::floor((line_h - size) / 2);
  // Brings lines [first, last] into view, centred, unless they are in view already.
  // The rows in view: the window less its horizontal scrollbar.
  const float view_h = ImGui::GetWindowHeight() - ImGui::GetStyle().ScrollbarSize;
  const auto bring_into_view = [&](std::uint32_t first, std::uint32_t last) {
    const float y0 = line_h * static_cast<float>(first - 1), y1 = line_h * static_cast<float>(last);
    const float top = ImGui::GetScrollY();
    if (y0 >= top && y1 <= top + view_h) return;
    ImGui::SetScrollY(std::max(0.0f, (y0 + y1) / 2 - view_h / 2));
  };
  ViewState& shared = controller_.view();
  if (err_line != 0 && view_.scrolled_to_error != err_line) {
    ImGui::SetScrollY(
        std::max(0.0f, line_h * static_cast<float>(err_line) - ImGui::GetWindowHeight() / 2));
    view_.scrolled_to_error = err_line;
  } else if (shared.show_line != 0) {  // a click on a task, an event or a report
    const std::uint32_t l = std::min<std::uint32_t>(
        shared.show_line, static_cast<std::uint32_t>(std::max<std::size_t>(lines.size(), 1)));
    bring_into_view(l, l);
    shared.show_line = 0;
    view_.followed_cursor = shared.cursor;
    view_.followed_focus = focus;
  } else if (shared.follow_source && has_run &&
             (view_.followed_cursor != shared.cursor || view_.followed_focus != focus)) {
    view_.followed_cursor = shared.cursor;
    view_.followed_focus = focus;
    const model::Model& m = controller_.model();
    const sim::TaskId latest =
        shared.cursor > 0 && shared.cursor <= m.size() ? m.events()[shared.cursor - 1].task : 0;
    const auto rows = static_cast<std::uint32_t>(std::max(1.0f, view_h / line_h - 1));
    if (const LineRange r = follow_lines(marks, focus, latest, rows); r.first != 0) {
      bring_into_view(r.first, r.last);
    }
  }

  // The line the task of the event just shown ran last, when it has moved on (faint).
  const LineMark ran = [&] {
    const model::Model& m = controller_.model();
    if (!has_run || shared.cursor == 0 || shared.cursor > m.size()) return LineMark{};
    return just_ran_mark(controller_.state(), m.events()[shared.cursor - 1].task);
  }();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float full_w = std::max(ImGui::GetContentRegionAvail().x, width);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(lines.size()), line_h);
  while (clipper.Step()) {
    auto mark = std::lower_bound(marks.begin(), marks.end(),
                                 static_cast<std::uint32_t>(clipper.DisplayStart + 1),
                                 [](const LineMark& m, std::uint32_t l) { return m.line < l; });
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const auto line_no = static_cast<std::uint32_t>(i + 1);
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float y = p.y + text_dy;
      // Tasks at this line: a band in the first one's colour, a bar per task in the gutter.
      auto first = mark;
      while (mark != marks.end() && mark->line == line_no) ++mark;
      const auto here = std::span<const LineMark>(marks.data() + (first - marks.begin()),
                                                  static_cast<std::size_t>(mark - first));
      if (!here.empty()) {
        bool focused = false;
        for (const LineMark& lm : here) focused = focused || lm.task == focus;
        const ImU32 c = task_colour(here.front().task_index);
        dl->AddRectFilled(ImVec2(p.x, p.y), ImVec2(p.x + full_w, p.y + line_h),
                          (c & 0x00FFFFFFu) | (focused ? 0x50000000u : 0x2A000000u));
        for (std::size_t k = 0; k < here.size() && k < 4; ++k) {
          const float bx = p.x + static_cast<float>(k) * 4;
          dl->AddRectFilled(ImVec2(bx, p.y), ImVec2(bx + 3, p.y + line_h),
                            task_colour(here[k].task_index));
        }
      }
      if (ran.line == line_no) {
        const ImU32 c = task_colour(ran.task_index);
        dl->AddRect(ImVec2(p.x + 1, p.y + 1), ImVec2(p.x + full_w - 1, p.y + line_h - 1),
                    (c & 0x00FFFFFFu) | 0x90000000u, 0, 0, 1.5f);
      }
      if (line_no == err_line) {
        dl->AddRectFilled(ImVec2(p.x, p.y), ImVec2(p.x + full_w, p.y + line_h),
                          IM_COL32(190, 40, 40, 90));
      }
      if (view_.line_numbers) {
        const int n = std::snprintf(number, sizeof number, "%d", i + 1);
        dl->AddText(font, size, ImVec2(p.x + advance * static_cast<float>(digits - n), y),
                    palette::kLineNumber, number, number + n);
      }
      // Name chips after the code: "◀ worker" in the task's colour; click to focus or pick.
      // session/line_chips.h decides which fit and how shortened; they never cover the code.
      const auto& spans = lines[static_cast<std::size_t>(i)];
      int line_cols = 0, code_cols = 0;
      for (const SyntaxSpan& s : spans) {
        const int end_col = s.column + static_cast<int>(s.end - s.begin);
        line_cols = std::max(line_cols, end_col);
        if (s.syntax != Syntax::Comment) code_cols = std::max(code_cols, end_col);
      }
      std::vector<ChipTask> chip_tasks;
      for (const LineMark& lm : here) {
        chip_tasks.push_back({std::string(controller_.model().task_name(lm.task)),
                              std::find(cands.begin(), cands.end(), lm.task) != cands.end()});
      }
      const float code_x = p.x + gutter;
      const LineGeometry geometry{
          code_x + advance * static_cast<float>(line_cols),
          code_x + advance * static_cast<float>(code_cols),
          // The clip rectangle's edge is what shows (the window's content region reaches under
          // its vertical scrollbar); 3 px short of it: the "+N" chip's outline.
          dl->GetClipRectMax().x - 3, advance * 2};
      const LineChips chips = layout_line_chips(chip_tasks, geometry, [&](std::string_view t) {
        return font->CalcTextSizeA(size, 1e9f, 0, t.data(), t.data() + t.size()).x;
      });
      // Where the chips cover a trailing comment, the text stops short of them (scrolling
      // sideways shows the rest) rather than being drawn underneath.
      const bool covered = chips.text_clip < geometry.text_end;
      if (covered) dl->PushClipRect(ImVec2(p.x, p.y), ImVec2(chips.text_clip, p.y + line_h), true);
      for (const SyntaxSpan& s : spans) {
        dl->AddText(font, size, ImVec2(code_x + advance * static_cast<float>(s.column), y),
                    colour_of(s.syntax), src.data() + s.begin, src.data() + s.end);
      }
      if (covered) dl->PopClipRect();
      ImGui::Dummy(ImVec2(width, line_h));
      if (ImGui::IsItemHovered() && !spans.empty()) api_tooltip(src, i + 1, code_x, advance);
      if (!chips.chips.empty()) {
        dl->AddRectFilled(ImVec2(chips.chips.front().x - advance, p.y),
                          ImVec2(chips.end, p.y + line_h), ImGui::GetColorU32(ImGuiCol_ChildBg));
      }
      const ImVec2 after = ImGui::GetCursorScreenPos();
      // Every task at the line in full, in its colour: the tooltip of chips shortened or left
      // out for "+N".
      const bool compact = chips.shortened || chips.shown < here.size();
      const auto list_tasks = [&] {
        ImGui::PushFont(fonts().ui);
        ImGui::TextDisabled("At line %u:", line_no);
        for (std::size_t k = 0; k < here.size(); ++k) {
          ImGui::PushStyleColor(ImGuiCol_Text, task_colour(here[k].task_index));
          text(chip_texts(chip_tasks[k])[0]);
          ImGui::PopStyleColor();
        }
        ImGui::PopFont();
      };
      for (const PlacedChip& chip : chips.chips) {
        const ImU32 colour = chip.more ? palette::kText : task_colour(here[chip.task].task_index);
        if (chip.more) {
          dl->AddRect(ImVec2(chip.x - 2, p.y + 1),
                      ImVec2(chip.x + chip.width + 2, p.y + line_h - 1), palette::kLineNumber,
                      3.0f);
        }
        dl->AddText(font, size, ImVec2(chip.x, y), colour, chip.text.c_str());
        ImGui::SetCursorScreenPos(ImVec2(chip.x, p.y));
        ImGui::PushID(chip.more ? -1 : static_cast<int>(here[chip.task].task));
        const bool clicked = ImGui::InvisibleButton("##chip", ImVec2(chip.width, line_h));
        const sim::TaskId task = here[chip.task].task;
        const bool pick = chip_tasks[chip.task].pick;
        if (clicked && !chip.more) {
          if (pick)
            controller_.request_pick(task);
          else
            controller_.view().focus = task;
        }
        if (ImGui::IsItemHovered()) {
          const char* action = pick ? "Let this task take the next step" : "Focus this task";
          if (!compact) {
            ImGui::SetTooltip("%s", action);
          } else {
            ImGui::BeginTooltip();
            list_tasks();
            if (!chip.more) {
              ImGui::Separator();
              ImGui::PushFont(fonts().ui);
              ImGui::TextUnformatted(action);
              ImGui::PopFont();
            }
            ImGui::EndTooltip();
          }
        }
        ImGui::PopID();
      }
      const float cx = chips.end;
      if (line_no == err_line && !controller_.diagnostics().empty()) {
        std::string msg = controller_.diagnostics();
        msg = msg.substr(0, msg.find('\n'));
        dl->AddText(font, size, ImVec2(cx, y), palette::kError, msg.c_str());
      }
      ImGui::SetCursorScreenPos(after);
    }
  }
  ImGui::PopStyleVar();
  ImGui::EndChild();
  ImGui::PopFont();
}

}  // namespace rdv::ui
