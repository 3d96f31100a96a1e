// ui/channels_panel.cpp — channel cards drawn with the window's draw list, clipped by rows.
#include "ui/channels_panel.h"

#include "ui/state_style.h"
#include "ui/theme.h"
#include "ui/view_model.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

namespace rdv::ui {

namespace {

constexpr ImU32 kCardBg = IM_COL32(40, 45, 54, 255);
constexpr ImU32 kSlotEmpty = IM_COL32(50, 56, 66, 255);
constexpr ImU32 kSlotFull = IM_COL32(70, 62, 40, 255);
constexpr ImU32 kHandoff = IM_COL32(255, 214, 90, 255);
constexpr int kMaxSlotsDrawn = 16;
constexpr std::size_t kMaxWaitersDrawn = 4;

std::string task_name(const model::Model& m, sim::TaskId id) {
  if (id == 0) return "the timer";  // task 0 sends on a channel only when a timer fires
  const std::string_view n = m.task_name(id);
  return n.empty() ? "task " + std::to_string(id) : std::string(n);
}

// A box with centred text clipped to it; returns its width.
void box(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 fill, ImU32 border, const std::string& text,
         ImU32 text_col, float border_w = 1.0f) {
  dl->AddRectFilled(a, b, fill, 3.0f);
  dl->AddRect(a, b, border, 3.0f, 0, border_w);
  const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
  const float x = std::max(a.x + 4, (a.x + b.x - ts.x) / 2);
  const ImVec4 clip(a.x + 2, a.y, b.x - 2, b.y);
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x, (a.y + b.y - ts.y) / 2), text_col,
              text.c_str(), nullptr, 0.0f, &clip);
}

// "worker: 42" boxes for waiters, drawn from `x` rightwards (or leftwards when `leftwards`),
// returns the x after the last box.
float waiter_boxes(ImDrawList* dl, const model::Model& m, const model::State& s,
                   const std::vector<model::Waiter>& q, float x, float y, float h, bool leftwards,
                   bool with_value, sim::TaskId focus) {
  const float em = ImGui::GetFontSize();
  const std::size_t n = std::min(q.size(), kMaxWaitersDrawn);
  for (std::size_t k = 0; k < n; ++k) {
    // Senders: the first in the queue is the one nearest the buffer.
    const model::Waiter& w = q[k];
    std::string label = task_name(m, w.task);
    if (with_value && !w.val.empty()) label += ": " + std::string(w.val.view());
    const float bw = std::min(em * 9, ImGui::CalcTextSize(label.c_str()).x + em);
    const model::TaskInfo* t = s.task(w.task);
    const std::size_t idx = t != nullptr ? t->colour : 0;
    const bool stuck = t != nullptr && is_stuck(s, *t);
    const ImU32 border = focus == w.task ? palette::kAccent : task_colour(idx);
    const float x0 = leftwards ? x - bw : x;
    box(dl, ImVec2(x0, y), ImVec2(x0 + bw, y + h),
        stuck ? IM_COL32(120, 30, 30, 255) : IM_COL32(55, 50, 40, 255), border, label,
        palette::kText, focus == w.task ? 2.5f : 1.5f);
    x = leftwards ? x0 - 4 : x0 + bw + 4;
  }
  if (q.size() > n) {
    const std::string more = "+" + std::to_string(q.size() - n);
    const float tw = ImGui::CalcTextSize(more.c_str()).x;
    const float x0 = leftwards ? x - tw : x;
    dl->AddText(ImVec2(x0, y + (h - ImGui::GetTextLineHeight()) / 2), palette::kTextDim,
                more.c_str());
    x = leftwards ? x0 - 4 : x0 + tw + 4;
  }
  return x;
}

// What the event at the cursor did to channel `id`, or "".
std::string last_action(const model::Model& m, std::size_t cursor, sim::ObjId id) {
  if (cursor == 0 || cursor > m.size()) return {};
  const sim::Event& e = m.events()[cursor - 1];
  if (e.obj != id) return {};
  const std::string who = task_name(m, e.task);
  switch (e.kind) {
    case sim::EventKind::ChanSend:
      if (e.peer != 0)
        return "hand-off: " + who + " sent " + std::string(e.val.view()) + " directly to " +
               task_name(m, e.peer);
      return who + " sent " + std::string(e.val.view()) + " into the buffer";
    case sim::EventKind::ChanRecv:
      if (e.arg == 0) return who + " received nothing: the channel is closed (ok = false)";
      if (e.peer != 0)
        return who + " received " + std::string(e.val.view()) + " from " + task_name(m, e.peer);
      return who + " received " + std::string(e.val.view());
    case sim::EventKind::ChanClose:
      return who + " closed it";
    case sim::EventKind::ChanMake:
      return who + " made it";
    case sim::EventKind::SelectChoose:
      return who + "'s select chose this channel";
    default:
      return {};
  }
}

}  // namespace

void ChannelsPanel::draw_view_menu() {
  ImGui::MenuItem("Show timer and done() channels", nullptr, &show_internal_);
}

void ChannelsPanel::draw() {
  Controller& c = controller_;
  const model::Model& m = c.model();
  const model::State& s = c.state();
  const sim::TaskId focus = c.view().focus;
  std::vector<std::uint32_t> shown;
  std::size_t hidden = 0;
  for (std::size_t i = 0; i < s.channels.size(); ++i) {
    const model::ChannelInfo& ch = s.channels[i];
    bool internal = ch.owner != 0;
    // A timer's channel is shown once it matters: a task waits on it or has received from it.
    const bool matters = !ch.selects.empty() || !ch.recvq.empty() || ch.recvs > 0;
    for (const model::TimerInfo& t : s.timers) internal = internal || (t.chan == ch.id && !matters);
    if (internal && !show_internal_) {
      ++hidden;
      continue;
    }
    shown.push_back(static_cast<std::uint32_t>(i));
  }
  if (shown.empty()) {
    ImGui::TextDisabled(s.channels.empty() ? "No channel made yet."
                                           : "Only timer and done() channels so far.");
    if (hidden > 0) ImGui::Checkbox("Show timer and done() channels", &show_internal_);
    return;
  }
  if (hidden > 0) {
    ImGui::TextDisabled("%zu timer / done() channel%s hidden", hidden, hidden == 1 ? "" : "s");
    ImGui::SameLine();
    ImGui::Checkbox("show", &show_internal_);
  }
  const float em = ImGui::GetFontSize();
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float card_h = line * 4.6f;
  ImGui::BeginChild("##channels", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(shown.size()), card_h);
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const model::ChannelInfo& ch = s.channels[shown[static_cast<std::size_t>(r)]];
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float w = ImGui::GetContentRegionAvail().x;
      const std::string action = last_action(m, c.view().cursor, ch.id);
      const bool touched = !action.empty();
      const bool handoff = action.rfind("hand-off", 0) == 0;
      dl->AddRectFilled(p, ImVec2(p.x + w, p.y + card_h - 6), kCardBg, 4.0f);
      if (touched)
        dl->AddRect(p, ImVec2(p.x + w, p.y + card_h - 6), handoff ? kHandoff : palette::kAccent,
                    4.0f, 0, 2.0f);
      // Line 1: name, capacity, len, open/closed, counts.
      const float x0 = p.x + em * 0.6f;
      float y = p.y + 4;
      const std::string name = object_label(m, ch.id);
      dl->AddText(fonts().heading != nullptr ? fonts().ui : ImGui::GetFont(), ImGui::GetFontSize(),
                  ImVec2(x0, y), palette::kAccent, name.c_str());
      float x = x0 + ImGui::CalcTextSize(name.c_str()).x + em;
      const std::string info = (ch.cap == 0 ? std::string("unbuffered")
                                            : "len " + std::to_string(ch.buffer.size()) +
                                                  " / cap " + std::to_string(ch.cap));
      dl->AddText(ImVec2(x, y), palette::kText, info.c_str());
      x += ImGui::CalcTextSize(info.c_str()).x + em;
      const char* oc = ch.closed ? "closed" : "open";
      const ImU32 occ = ch.closed ? palette::kError : state_colour(VisualState::Running);
      dl->AddText(ImVec2(x, y), occ, oc);
      x += ImGui::CalcTextSize(oc).x + em;
      const std::string counts =
          std::to_string(ch.sends) + " sent, " + std::to_string(ch.recvs) + " received";
      dl->AddText(ImVec2(x, y), palette::kTextDim, counts.c_str());

      // Line 2: senders -> buffer -> receivers.
      y += line * 1.15f;
      const float bh = line * 1.3f;
      const float mid = p.x + w / 2;
      // Slots as wide as their widest value (within limits), as many as fit half the card.
      float slot_w = em * 3.2f;
      for (const model::Slot& v : ch.buffer)
        slot_w = std::max(slot_w, ImGui::CalcTextSize(v.val.s).x + em);
      slot_w = std::min(slot_w, em * 9.0f);
      const int fit = std::max(1, static_cast<int>(w * 0.45f / slot_w));
      const int cap = static_cast<int>(
          std::min<std::int64_t>(ch.cap, std::min<std::int64_t>(kMaxSlotsDrawn, fit)));
      const float buf_w = ch.cap == 0 ? em * 3.0f : slot_w * static_cast<float>(cap);
      const float bx0 = mid - buf_w / 2, bx1 = mid + buf_w / 2;
      if (ch.cap == 0) {
        // No buffer: the meeting point of a rendezvous.
        dl->AddRect(ImVec2(bx0, y), ImVec2(bx1, y + bh), handoff ? kHandoff : palette::kTextDim,
                    3.0f, 0, handoff ? 2.5f : 1.0f);
        const char* meet = "\xE2\x87\x84";  // ⇄
        const ImVec2 ts = ImGui::CalcTextSize(meet);
        dl->AddText(ImVec2(mid - ts.x / 2, y + (bh - ts.y) / 2),
                    handoff ? kHandoff : palette::kTextDim, meet);
      } else {
        // Slot k from the right holds buffer[k] (buffer.front() is received next).
        for (int k = 0; k < cap; ++k) {
          const float sx1 = bx1 - slot_w * static_cast<float>(k);
          const bool full = static_cast<std::size_t>(k) < ch.buffer.size();
          const std::string v =
              full ? std::string(ch.buffer[static_cast<std::size_t>(k)].val.view()) : std::string();
          box(dl, ImVec2(sx1 - slot_w + 1, y), ImVec2(sx1 - 1, y + bh),
              full ? kSlotFull : kSlotEmpty,
              full ? state_colour(VisualState::BlockedChan) : IM_COL32(70, 77, 90, 255), v,
              palette::kText);
        }
        if (ch.cap > cap) {
          const std::string more = "… " + std::to_string(ch.cap - cap) + " more slots (" +
                                   std::to_string(ch.buffer.size()) + " values in all)";
          dl->AddText(ImVec2(bx0, y + bh + 2), palette::kTextDim, more.c_str());
        }
      }
      // Arrows showing the direction values flow.
      const float ay = y + bh / 2;
      dl->AddLine(ImVec2(bx0 - em * 1.4f, ay), ImVec2(bx0 - 3, ay), palette::kTextDim, 1.5f);
      dl->AddTriangleFilled(ImVec2(bx0 - 3, ay), ImVec2(bx0 - 9, ay - 4), ImVec2(bx0 - 9, ay + 4),
                            palette::kTextDim);
      dl->AddLine(ImVec2(bx1 + 3, ay), ImVec2(bx1 + em * 1.4f, ay), palette::kTextDim, 1.5f);
      dl->AddTriangleFilled(ImVec2(bx1 + em * 1.4f, ay), ImVec2(bx1 + em * 1.4f - 6, ay - 4),
                            ImVec2(bx1 + em * 1.4f - 6, ay + 4), palette::kTextDim);
      if (ch.sendq.empty()) {
        const char* t = "no sender waiting";
        dl->AddText(ImVec2(bx0 - em * 1.6f - ImGui::CalcTextSize(t).x, y + (bh - line) / 2 + 2),
                    palette::kTextDim, t);
      } else {
        waiter_boxes(dl, m, s, ch.sendq, bx0 - em * 1.6f, y, bh, true, true, focus);
      }
      if (ch.recvq.empty()) {
        dl->AddText(ImVec2(bx1 + em * 1.6f, y + (bh - line) / 2 + 2), palette::kTextDim,
                    "no receiver waiting");
      } else {
        waiter_boxes(dl, m, s, ch.recvq, bx1 + em * 1.6f, y, bh, false, false, focus);
      }

      // Line 3: select waiters, or what just happened.
      y += bh + line * 0.45f;
      std::string l3;
      if (!ch.selects.empty()) {
        l3 = "in select on it: ";
        for (std::size_t k = 0; k < ch.selects.size() && k < 6; ++k) {
          const model::Waiter& wt = ch.selects[k];
          if (k > 0) l3 += ", ";
          l3 += task_name(m, wt.task) + (wt.dir == sim::BlockReason::ChanSend
                                             ? " (send " + std::string(wt.val.view()) + ")"
                                             : " (recv)");
        }
        if (ch.selects.size() > 6) l3 += ", …";
      }
      if (touched) {
        dl->AddText(ImVec2(x0, y), handoff ? kHandoff : palette::kAccent, action.c_str());
        if (!l3.empty())
          dl->AddText(ImVec2(x0 + ImGui::CalcTextSize(action.c_str()).x + em, y),
                      state_colour(VisualState::BlockedSelect), l3.c_str());
      } else if (!l3.empty()) {
        dl->AddText(ImVec2(x0, y), state_colour(VisualState::BlockedSelect), l3.c_str());
      }
      ImGui::Dummy(ImVec2(w, card_h));
    }
  }
  ImGui::EndChild();
}

}  // namespace rdv::ui
