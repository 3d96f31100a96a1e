// ui/variables_panel.cpp — three tables of variables built by view_model.h's variable_rows().
#include "ui/variables_panel.h"
#include "ui/text.h"

#include "session/view_model.h"
#include "ui/state_style.h"
#include "ui/theme.h"

#include <imgui.h>

#include <string>

namespace rdv::ui {

using session::Controller;
using session::lost_update_text;
using session::TaskVars;
using session::variable_rows;
using session::VarRow;
using session::VarSections;
using session::ViewState;

void VariablesPanel::draw_view_menu() {
  ImGui::MenuItem("Mark variable writes on the timeline", nullptr, &controller_.view().var_markers);
}

void VariablesPanel::draw() {
  Controller& c = controller_;
  const model::Model& m = c.model();
  const model::State& s = c.state();
  ViewState& view = c.view();
  if (view.cursor != last_cursor_) {
    // Forward: what the step applied; back: the event just undone.
    since_ = view.cursor > last_cursor_ ? last_cursor_ : (view.cursor > 0 ? view.cursor - 1 : 0);
    last_cursor_ = view.cursor;
  }
  ImGui::Checkbox("mark writes on the timeline", &view.var_markers);
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "A tick on the task's lane at each write of a variable; a lost update "
        "in red");
  }
  ImGui::SameLine();
  ImGui::TextDisabled("\xE2\x97\x8F written by the last step");
  ImGui::Separator();
  if (!m.header().vars && m.size() > 0) {
    ImGui::TextWrapped(
        "This run did not record variables (a trace made without --vars, or by "
        "the explorer). Run the scenario here to see them.");
    return;
  }
  const VarSections sections = variable_rows(s, view.focus, since_);
  if (sections.empty()) {
    ImGui::TextDisabled(view.cursor == 0 ? "Variables appear as the script writes them."
                                         : "No variable written yet.");
    return;
  }
  const float em = ImGui::GetFontSize();
  // One table of variables; `owner` names the writer column.
  const auto table = [&](const char* id, const std::vector<VarRow>& rows) {
    constexpr ImGuiTableFlags kFlags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(id, 3, kFlags)) return;
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("last written by", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableHeadersRow();
    for (const VarRow& r : rows) {
      const model::VarInfo& v = *r.var;
      ImGui::PushID(&v);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const std::string_view name = m.str(v.name);
      const std::string label(name);
      if (ImGui::Selectable(label.c_str(), view.selected == v.last.seq,
                            ImGuiSelectableFlags_SpanAllColumns)) {
        view.selected = v.last.seq;
        if (v.last.line != 0) view.show_line = v.last.line;
      }
      if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%u write%s so far; click: select the last one and show its line",
                          v.writes, v.writes == 1 ? "" : "s");
      }
      ImGui::TableNextColumn();
      if (r.changed) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette::kAccent);
        ImGui::TextUnformatted("\xE2\x97\x8F");
        ImGui::PopStyleColor();
        ImGui::SameLine(0, em * 0.3f);
      }
      // A value wider than its cell (a Go struct or map) wraps, shown in full; what it was
      // goes after it on its line when it fits, else under it.
      const std::string_view value = v.last.val.s;
      const bool one_line = ImGui::CalcTextSize(value.data(), value.data() + value.size()).x <=
                            ImGui::GetContentRegionAvail().x;
      text_wrapped(value);
      if (r.changed && v.before.seq != sim::kNoSeq) {
        if (one_line) ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        text_wrapped("(was " + std::string(v.before.val.s) + ")");
        ImGui::PopStyleColor();
      }
      ImGui::TableNextColumn();
      const std::int64_t ti = m.task_index(v.last.task);
      ImGui::PushStyleColor(ImGuiCol_Text,
                            ti >= 0 ? task_colour(static_cast<std::size_t>(ti)) : palette::kText);
      const std::string_view who = m.task_name(v.last.task);
      text(who);
      ImGui::PopStyleColor();
      ImGui::SameLine();
      if (v.last.line != 0) {
        ImGui::TextDisabled("line %u, #%llu", v.last.line,
                            static_cast<unsigned long long>(v.last.seq));
      } else {
        ImGui::TextDisabled("#%llu", static_cast<unsigned long long>(v.last.seq));
      }
      if (v.lost > 0) {
        // The lost update, across the row, where nobody can miss it.
        ImGui::TableNextRow();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(190, 40, 40, 60));
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
        ImGui::TextUnformatted("!");
        ImGui::TableNextColumn();
        const std::string text = lost_update_text(m, v);
        ImGui::PushTextWrapPos(0.0f);
        ui::text(text);
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        if (ImGui::SmallButton("show")) {
          view.selected = v.lost_by.seq;
          if (v.lost_by.line != 0) view.show_line = v.lost_by.line;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Select the write that lost the update");
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  };
  ImGui::BeginChild("##vars", ImVec2(0, 0), false);
  if (!sections.shared.empty()) {
    ImGui::TextUnformatted("Shared (captured by tasks)");
    table("##shared", sections.shared);
  }
  if (!sections.globals.empty()) {
    ImGui::Spacing();
    ImGui::TextUnformatted("Globals");
    table("##globals", sections.globals);
  }
  ImGui::Spacing();
  if (view.focus != 0 && sections.locals.empty()) {
    const std::string_view name = m.task_name(view.focus);
    ImGui::TextDisabled("%.*s has no local written yet.", static_cast<int>(name.size()),
                        name.data());
  }
  for (const TaskVars& t : sections.locals) {
    const std::string_view name = m.task_name(t.task);
    const std::int64_t ti = m.task_index(t.task);
    ImGui::PushStyleColor(ImGuiCol_Text,
                          ti >= 0 ? task_colour(static_cast<std::size_t>(ti)) : palette::kText);
    ImGui::Text("Locals of %.*s", static_cast<int>(name.size()), name.data());
    ImGui::PopStyleColor();
    ImGui::PushID(static_cast<int>(t.task));
    table("##locals", t.vars);
    ImGui::PopID();
  }
  if (view.focus == 0 && !sections.locals.empty()) {
    ImGui::TextDisabled("Click a task to see only its locals.");
  }
  ImGui::EndChild();
}

}  // namespace rdv::ui
