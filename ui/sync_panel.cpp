// ui/sync_panel.cpp — one section per kind of object, each object one or two lines.
#include "ui/sync_panel.h"

#include "ui/state_style.h"
#include "ui/theme.h"
#include "ui/view_model.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace rdv::ui {

namespace {

// Task names in their identity colour, separated by commas, on the current line.
void task_list(const model::Model& m, const model::State& s, const std::vector<sim::TaskId>& ids,
               sim::TaskId focus) {
  for (std::size_t k = 0; k < ids.size(); ++k) {
    const model::TaskInfo* t = s.task(ids[k]);
    ImGui::SameLine(0, k == 0 ? -1.0f : 0.0f);
    const std::string_view n = m.task_name(ids[k]);
    const std::string label = (k > 0 ? ", " : "") + std::string(n);
    ImGui::PushStyleColor(ImGuiCol_Text, t == nullptr      ? palette::kText
                                         : focus == ids[k] ? palette::kAccent
                                                           : task_colour(t->colour));
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopStyleColor();
    if (k >= 12 && ids.size() > 14) {
      ImGui::SameLine(0, 0);
      ImGui::TextDisabled(", … %zu in all", ids.size());
      break;
    }
  }
}

std::vector<sim::TaskId> waiter_ids(const std::vector<model::Waiter>& q) {
  std::vector<sim::TaskId> out;
  out.reserve(q.size());
  for (const auto& w : q) out.push_back(w.task);
  return out;
}

bool touched(const model::Model& m, std::size_t cursor, sim::ObjId id) {
  return cursor > 0 && cursor <= m.size() && m.events()[cursor - 1].obj == id;
}

// The object's name, highlighted when the event at the cursor touched it.
void name_cell(const model::Model& m, std::size_t cursor, sim::ObjId id, const char* fallback) {
  std::string n(m.object_name(id));
  if (n.empty()) n = std::string(fallback) + " #" + std::to_string(id);
  ImGui::PushStyleColor(ImGuiCol_Text,
                        touched(m, cursor, id) ? IM_COL32(255, 214, 90, 255) : palette::kAccent);
  ImGui::TextUnformatted(n.c_str());
  ImGui::PopStyleColor();
}

}  // namespace

void SyncPanel::draw() {
  Controller& c = controller_;
  const model::Model& m = c.model();
  const model::State& s = c.state();
  const std::size_t cursor = c.view().cursor;
  const sim::TaskId focus = c.view().focus;
  const bool any = !s.waitgroups.empty() || !s.mutexes.empty() || !s.atomics.empty() ||
                   !s.futures.empty() || !s.contexts.empty() || !s.groups.empty();
  if (!any) {
    ImGui::TextDisabled("No WaitGroup, lock, atomic, future or context made yet.");
    return;
  }
  const ImU32 waiting = state_colour(VisualState::BlockedSync);
  if (!s.contexts.empty() && ImGui::CollapsingHeader("Contexts", ImGuiTreeNodeFlags_DefaultOpen)) {
    for (const ContextRow& row : context_tree(s)) {
      const model::ContextInfo& ctx = *row.ctx;
      ImGui::Indent(static_cast<float>(row.depth) * ImGui::GetFontSize() * 1.2f + 1);
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float h = ImGui::GetTextLineHeight();
      ImDrawList* dl = ImGui::GetWindowDrawList();
      if (ctx.cancelled) {
        draw_state_icon(dl, ImVec2(p.x + h / 2, p.y + h / 2), h * 0.36f, VisualState::Panicked);
      } else {
        dl->AddCircleFilled(ImVec2(p.x + h / 2, p.y + h / 2), h * 0.3f,
                            state_colour(VisualState::Running));
      }
      ImGui::Dummy(ImVec2(h, h));
      ImGui::SameLine();
      const std::string n = context_name(m, ctx);
      const bool just = ctx.cancelled && ctx.cancelled_at + 1 == cursor;
      ImGui::PushStyleColor(ImGuiCol_Text, just ? IM_COL32(255, 214, 90, 255) : palette::kAccent);
      ImGui::TextUnformatted(n.c_str());
      ImGui::PopStyleColor();
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s context, made at event %llu", std::string(m.str(ctx.kind)).c_str(),
                          static_cast<unsigned long long>(ctx.made));
      ImGui::SameLine();
      const std::string st = context_status(m, s, ctx);
      ImGui::PushStyleColor(ImGuiCol_Text, ctx.cancelled ? palette::kError : palette::kTextDim);
      ImGui::TextUnformatted(st.c_str());
      ImGui::PopStyleColor();
      ImGui::Unindent(static_cast<float>(row.depth) * ImGui::GetFontSize() * 1.2f + 1);
    }
  }
  if (!s.waitgroups.empty() &&
      ImGui::CollapsingHeader("WaitGroups", ImGuiTreeNodeFlags_DefaultOpen)) {
    for (const model::WaitGroupInfo& wg : s.waitgroups) {
      name_cell(m, cursor, wg.id, "WaitGroup");
      ImGui::SameLine();
      ImGui::Text("counter %lld", static_cast<long long>(wg.counter));
      if (!wg.waiters.empty()) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, waiting);
        ImGui::TextUnformatted("  waiting:");
        ImGui::PopStyleColor();
        task_list(m, s, wg.waiters, focus);
      }
    }
  }
  if (!s.mutexes.empty() && ImGui::CollapsingHeader("Locks", ImGuiTreeNodeFlags_DefaultOpen)) {
    for (const model::MutexInfo& mx : s.mutexes) {
      name_cell(m, cursor, mx.id, mx.rw ? "RWMutex" : "Mutex");
      ImGui::SameLine();
      if (mx.owner != 0) {
        ImGui::TextUnformatted("held by");
        task_list(m, s, {mx.owner}, focus);
      } else if (!mx.readers.empty()) {
        ImGui::Text("read-locked by %zu:", mx.readers.size());
        task_list(m, s, mx.readers, focus);
      } else {
        ImGui::TextDisabled("unlocked");
      }
      if (!mx.waiters.empty()) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, waiting);
        ImGui::TextUnformatted("  waiting:");
        ImGui::PopStyleColor();
        task_list(m, s, waiter_ids(mx.waiters), focus);
      }
    }
  }
  if (!s.futures.empty() && ImGui::CollapsingHeader("Futures", ImGuiTreeNodeFlags_DefaultOpen)) {
    for (const model::FutureInfo& f : s.futures) {
      name_cell(m, cursor, f.id, "future");
      ImGui::SameLine();
      const ImU32 col = f.state == model::FutureState::Resolved ? state_colour(VisualState::Running)
                        : f.state == model::FutureState::Failed ? palette::kError
                                                                : palette::kTextDim;
      ImGui::PushStyleColor(ImGuiCol_Text, col);
      if (f.state == model::FutureState::Pending)
        ImGui::TextUnformatted("pending");
      else
        ImGui::Text("%s: %s", model::to_string(f.state), f.value.s);
      ImGui::PopStyleColor();
      if (!f.waiters.empty()) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, waiting);
        ImGui::TextUnformatted("  waiting:");
        ImGui::PopStyleColor();
        task_list(m, s, f.waiters, focus);
      }
    }
  }
  if (!s.groups.empty() && ImGui::CollapsingHeader("Task groups", ImGuiTreeNodeFlags_DefaultOpen)) {
    for (const model::GroupInfo& g : s.groups) {
      name_cell(m, cursor, g.id, "group");
      ImGui::SameLine();
      if (g.failed) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
        ImGui::Text("failed: %s", g.error.s);
        ImGui::PopStyleColor();
      } else {
        ImGui::TextDisabled("no error");
      }
    }
  }
  if (!s.atomics.empty() && ImGui::CollapsingHeader("Atomics", ImGuiTreeNodeFlags_DefaultOpen)) {
    for (const model::AtomicInfo& a : s.atomics) {
      name_cell(m, cursor, a.id, "atomic");
      ImGui::SameLine();
      ImGui::Text("= %lld", static_cast<long long>(a.value));
    }
  }
}

}  // namespace rdv::ui
