// ui/sync_panel.cpp — one section per kind of object, each object one or two lines.
#include "ui/sync_panel.h"
#include "ui/text.h"

#include "session/view_model.h"
#include "ui/state_style.h"
#include "ui/theme.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace rdv::ui {

using session::context_name;
using session::context_status;
using session::context_tree;
using session::ContextRow;
using session::Controller;
using session::VisualState;

namespace {

// Pieces of text laid out one after another, a new line starting when the next piece would
// cross the pane's right edge (and a piece wider than the pane wrapping), so nothing is cut.
//
// Example:
//   Flow f;
//   f.text("mu", kAccent);
//   f.text("held by", kText);
//   f.text("worker", task_colour(1));
class Flow {
 public:
  void text(const std::string& t, ImU32 colour, bool glued = false) {
    const float gap = glued ? 0.0f : ImGui::GetStyle().ItemSpacing.x;
    if (started_) {
      const float right =
          ImGui::GetWindowPos().x - ImGui::GetScrollX() + ImGui::GetWindowContentRegionMax().x;
      const float w = ImGui::CalcTextSize(t.c_str()).x;
      if (ImGui::GetItemRectMax().x + gap + w <= right) ImGui::SameLine(0, gap);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(0.0f);
    ui::text(t);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    started_ = true;
  }
  // - After an item drawn by the caller (an icon), so the next piece follows it.
  void item() { started_ = true; }

 private:
  bool started_ = false;
};

// Task names in their identity colour, separated by commas: every one of them.
void task_list(Flow& f, const model::Model& m, const model::State& s,
               const std::vector<sim::TaskId>& ids, sim::TaskId focus) {
  for (std::size_t k = 0; k < ids.size(); ++k) {
    const model::TaskInfo* t = s.task(ids[k]);
    const std::string_view n = m.task_name(ids[k]);
    const std::string label = (n.empty() ? "task " + std::to_string(ids[k]) : std::string(n)) +
                              (k + 1 < ids.size() ? "," : "");
    f.text(label, t == nullptr      ? palette::kText
                  : focus == ids[k] ? palette::kAccent
                                    : task_colour(t->colour));
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
void name_cell(Flow& f, const model::Model& m, std::size_t cursor, sim::ObjId id,
               const char* fallback) {
  std::string n(m.object_name(id));
  if (n.empty()) n = std::string(fallback) + " #" + std::to_string(id);
  f.text(n, touched(m, cursor, id) ? IM_COL32(255, 214, 90, 255) : palette::kAccent);
}

// A section of one kind of object, open by default and left out when there are none: a line per
// object, which `row(flow, object)` fills.
template <class Info, class Row>
void section(const char* heading, const std::vector<Info>& objects, const Row& row) {
  if (objects.empty() || !ImGui::CollapsingHeader(heading, ImGuiTreeNodeFlags_DefaultOpen)) return;
  for (const Info& object : objects) {
    Flow f;
    row(f, object);
  }
}

}  // namespace

void SyncPanel::draw() {
  Controller& c = controller_;
  const model::Model& m = c.model();
  const model::State& s = c.state();
  const std::size_t cursor = c.view().cursor;
  const sim::TaskId focus = c.view().focus;
  const bool any = !s.waitgroups.empty() || !s.mutexes.empty() || !s.conds.empty() ||
                   !s.atomics.empty() || !s.futures.empty() || !s.contexts.empty() ||
                   !s.groups.empty();
  if (!any) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("No WaitGroup, lock, Cond, atomic, future or context made yet.");
    ImGui::PopStyleColor();
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
      Flow f;
      f.item();
      const std::string n = context_name(m, ctx);
      const bool just = ctx.cancelled && ctx.cancelled_at + 1 == cursor;
      f.text(n, just ? IM_COL32(255, 214, 90, 255) : palette::kAccent);
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s context, made at event %llu", std::string(m.str(ctx.kind)).c_str(),
                          static_cast<unsigned long long>(ctx.made));
      f.text(context_status(m, s, ctx), ctx.cancelled ? palette::kError : palette::kTextDim);
      ImGui::Unindent(static_cast<float>(row.depth) * ImGui::GetFontSize() * 1.2f + 1);
    }
  }
  // The tasks waiting on an object, after `label`; nothing when none waits.
  const auto waiting_cell = [&](Flow& f, const char* label, const std::vector<sim::TaskId>& ids) {
    if (ids.empty()) return;
    f.text(label, waiting);
    task_list(f, m, s, ids, focus);
  };
  section("WaitGroups", s.waitgroups, [&](Flow& f, const model::WaitGroupInfo& wg) {
    name_cell(f, m, cursor, wg.id, "WaitGroup");
    f.text("counter " + std::to_string(wg.counter), palette::kText);
    waiting_cell(f, "  waiting:", wg.waiters);
  });
  section("Locks", s.mutexes, [&](Flow& f, const model::MutexInfo& mx) {
    name_cell(f, m, cursor, mx.id, mx.rw ? "RWMutex" : "Mutex");
    if (mx.owner != 0) {
      f.text("held by", palette::kText);
      task_list(f, m, s, {mx.owner}, focus);
    } else if (!mx.readers.empty()) {
      f.text("read-locked by " + std::to_string(mx.readers.size()) + ":", palette::kText);
      task_list(f, m, s, mx.readers, focus);
    } else {
      f.text("not held", palette::kTextDim);
    }
    waiting_cell(f, "  waiting to lock:", waiter_ids(mx.waiters));
  });
  section("Conds", s.conds, [&](Flow& f, const model::CondInfo& cd) {
    name_cell(f, m, cursor, cd.id, "Cond");
    f.text("L = " + m.cond_locker(cd), palette::kTextDim);
    if (cd.waiters.empty()) f.text("nobody waiting", palette::kTextDim);
    waiting_cell(f, "  waiting:", cd.waiters);
    f.text(
        "signals " + std::to_string(cd.signals) + ", broadcasts " + std::to_string(cd.broadcasts),
        palette::kTextDim);
  });
  section("Futures", s.futures, [&](Flow& f, const model::FutureInfo& fu) {
    name_cell(f, m, cursor, fu.id, "future");
    const ImU32 col = fu.state == model::FutureState::Resolved ? state_colour(VisualState::Running)
                      : fu.state == model::FutureState::Failed ? palette::kError
                                                               : palette::kTextDim;
    f.text(fu.state == model::FutureState::Pending
               ? std::string("pending")
               : std::string(model::to_string(fu.state)) + ": " + fu.value.s,
           col);
    waiting_cell(f, "  waiting:", fu.waiters);
  });
  section("Task groups", s.groups, [&](Flow& f, const model::GroupInfo& g) {
    name_cell(f, m, cursor, g.id, "group");
    if (g.failed)
      f.text(std::string("failed: ") + g.error.s, palette::kError);
    else
      f.text("no error", palette::kTextDim);
  });
  section("Atomics", s.atomics, [&](Flow& f, const model::AtomicInfo& a) {
    name_cell(f, m, cursor, a.id, "atomic");
    f.text("= " + std::to_string(a.value), palette::kText);
  });
}

}  // namespace rdv::ui
