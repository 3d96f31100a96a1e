// ui/console_panel.cpp — banner, then the lines, clipped.
#include "ui/console_panel.h"
#include "ui/text.h"

#include "ui/state_style.h"
#include "ui/theme.h"

#include <imgui.h>

namespace rdv::ui {

using session::console_lines;
using session::ConsoleKind;
using session::ConsoleLine;
using session::Controller;
using session::error_line;
using session::outcome_headline;
using session::report_after_console;
using session::ShownPanes;
using session::stuck_banner;
using session::VisualState;

namespace {

ImU32 line_colour(ConsoleKind k) {
  switch (k) {
    case ConsoleKind::Print:
      return palette::kText;
    case ConsoleKind::Stderr:
      return state_colour(VisualState::BlockedChan);
    case ConsoleKind::Note:
      return palette::kAccent;
    case ConsoleKind::Panic:
    case ConsoleKind::Deadlock:
      return palette::kError;
    case ConsoleKind::Recover:
      return state_colour(VisualState::BlockedSelect);
    case ConsoleKind::Leak:
      return state_colour(VisualState::BlockedChan);
    case ConsoleKind::End:
      return palette::kTextDim;
  }
  return palette::kText;
}

}  // namespace

void ConsolePanel::draw() {
  Controller& c = controller_;
  const model::Model& m = c.model();
  const model::State& s = c.state();
  const std::size_t cursor = c.view().cursor;
  if (cached_model_ != &m || cached_size_ != m.size() || cached_cursor_ != cursor) {
    lines_ = console_lines(m, cursor);
    cached_model_ = &m;
    cached_size_ = m.size();
    cached_cursor_ = cursor;
  }
  // The banner: how the run ended, once the cursor has reached the end.
  const bool ended_here = s.outcome != sim::Outcome::Running;
  // A script error (a syntax error in an edited script, a limit) is said at once, wherever the
  // cursor is: the run it ends may have nothing else to show.
  if (!ended_here && c.run_ended() && c.model().head().outcome == sim::Outcome::Error &&
      !c.diagnostics().empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
    ImGui::TextWrapped("The run ends at event %zu \xE2\x80\x94 %s", c.model().size(),
                       c.diagnostics().c_str());
    ImGui::PopStyleColor();
  }
  if (ended_here) {
    const float em = ImGui::GetFontSize();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = ImGui::GetTextLineHeightWithSpacing() * 1.6f;
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + w, p.y + h),
                                              outcome_colour(s.outcome), 4.0f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + em * 0.6f, p.y + (h - ImGui::GetFontSize()) / 2 - 1));
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(outcome_headline(s.outcome));
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + 4));
    // The stuck tasks are highlighted in every panel; say so.
    if (s.outcome == sim::Outcome::Deadlock || s.outcome == sim::Outcome::Leak) {
      ShownPanes shown;
      if (shown_) shown = {.tasks = shown_("Tasks"), .channels = shown_("Channels")};
      if (const std::string banner = stuck_banner(s, shown); !banner.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette::kTextDim);
        text_wrapped(banner);
        ImGui::PopStyleColor();
      }
    }
  }
  ImGui::BeginChild("##console_lines", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
  ImGui::PushFont(fonts().mono);
  const bool at_bottom = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 2;
  if (lines_.empty() && !ended_here) {
    ImGui::TextDisabled(cursor == 0 ? "Output appears here as the run goes on (Space to run)."
                                    : "No output yet.");
  }
  // Lines wrap at the pane's edge, so a report keeps its file:line in view. A very long output
  // is clipped to the visible lines instead, one row each (wider lines then scroll).
  constexpr std::size_t kWrapLines = 2000;
  const bool wrap = lines_.size() <= kWrapLines;
  const auto draw_line = [&](const ConsoleLine& l) {
    ImGui::PushStyleColor(ImGuiCol_Text, line_colour(l.kind));
    if (wrap) ImGui::PushTextWrapPos(0.0f);
    if (l.kind == ConsoleKind::Note) {
      ImGui::Text("note: %s", l.text.c_str());
    } else {
      text(l.text);
    }
    if (wrap) ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    if (l.line != 0 && ImGui::IsItemHovered()) {
      ImGui::SetTooltip("line %u (click: show it in Source and select this event)", l.line);
    }
    if (l.line != 0 && ImGui::IsItemClicked()) {
      c.view().show_line = l.line;
      c.view().selected = l.seq;
      if (l.task != 0) c.view().focus = l.task;
    }
  };
  if (wrap) {
    for (const ConsoleLine& l : lines_) draw_line(l);
  } else {
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(lines_.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
        draw_line(lines_[static_cast<std::size_t>(i)]);
  }
  // The full report (every blocked task with its line, the panic's traceback) at the end,
  // without the line the console printed already.
  if (ended_here && c.at_end() && !c.diagnostics().empty()) {
    const std::string report = report_after_console(c.diagnostics(), lines_);
    ImGui::Separator();
    // Main returning with tasks alive is a warning (Leak, or Ok when they were all runnable).
    const bool warning = s.outcome == sim::Outcome::Leak || s.outcome == sim::Outcome::Ok;
    ImGui::PushStyleColor(ImGuiCol_Text,
                          warning ? state_colour(VisualState::BlockedChan) : palette::kError);
    // Line by line (each wrapped), so that a click on a task's report takes the Source to its
    // line.
    std::string_view rest = report;
    ImGui::PushTextWrapPos(0.0f);
    while (!rest.empty()) {
      const std::string_view one = rest.substr(0, rest.find('\n'));
      rest.remove_prefix(std::min(rest.size(), one.size() + 1));
      text(one);
      const std::uint32_t line = error_line(one, c.chunkname());
      if (line != 0 && ImGui::IsItemHovered()) {
        ImGui::SetTooltip("click: show line %u in Source", line);
      }
      if (line != 0 && ImGui::IsItemClicked()) c.view().show_line = line;
    }
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  if (at_bottom || c.view().follow || c.view().playing) ImGui::SetScrollHereY(1.0f);
  ImGui::PopFont();
  ImGui::EndChild();
}

}  // namespace rdv::ui
