// ui/channels_panel.cpp — channel cards drawn with the window's draw list, clipped by rows.
#include "ui/channels_panel.h"

#include "session/view_model.h"
#include "ui/state_style.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

namespace rdv::ui {

using session::Controller;
using session::is_stuck;
using session::object_label;
using session::VisualState;

namespace {

constexpr ImU32 kCardBg = IM_COL32(40, 45, 54, 255);
constexpr ImU32 kSlotEmpty = IM_COL32(50, 56, 66, 255);
constexpr ImU32 kSlotFull = IM_COL32(70, 62, 40, 255);
constexpr ImU32 kHandoff = IM_COL32(255, 214, 90, 255);

std::string task_name(const model::Model& m, sim::TaskId id) {
  if (id == 0) return "the timer";  // task 0 sends on a channel only when a timer fires
  const std::string_view n = m.task_name(id);
  return n.empty() ? "task " + std::to_string(id) : std::string(n);
}

// A box with its text centred (left-aligned and clipped only when the box is narrower than the
// text: a value wider than the whole card; its tooltip shows it in full).
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

// One box of a card: a waiting task ("job 5: true") or a buffer slot.
struct Piece {
  std::string text;
  ImU32 fill = 0, border = 0;
  float border_w = 1.0f;
  float w = 0;
  ImVec2 at;  // top-left, relative to the card, set by the layout
};

// A card draws at most this many tasks of each wait queue and this many buffered values, then
// one piece "+N more": a channel with millions of buffered values (or 10,000 senders) drew a
// box for each, every frame (5 GB and 44 s for one screenshot), and no one reads past a few
// dozen.
constexpr std::size_t kMaxPieces = 48;

Piece more_piece(std::size_t n) {
  const std::string t = "+" + std::to_string(n) + " more";
  return Piece{t,
               kSlotEmpty,
               IM_COL32(70, 77, 90, 255),
               1.0f,
               ImGui::CalcTextSize(t.c_str()).x + ImGui::GetFontSize(),
               {}};
}

// The pieces of a wait queue, in queue order (the first is served first): its first kMaxPieces
// tasks, then "+N more".
std::vector<Piece> waiter_pieces(const model::Model& m, const model::State& s,
                                 const std::vector<model::Waiter>& q, bool with_value,
                                 sim::TaskId focus, float max_w) {
  const float em = ImGui::GetFontSize();
  std::vector<Piece> out;
  const std::size_t shown = std::min(q.size(), kMaxPieces);
  out.reserve(shown + 1);
  for (std::size_t i = 0; i < shown; ++i) {
    const model::Waiter& w = q[i];
    Piece p;
    p.text = task_name(m, w.task);
    if (with_value && !w.val.empty()) p.text += ": " + std::string(w.val.view());
    const model::TaskInfo* t = s.task(w.task);
    const std::size_t idx = t != nullptr ? t->colour : 0;
    const bool stuck = t != nullptr && is_stuck(s, *t);
    p.fill = stuck ? palette::kStuckFill : IM_COL32(55, 50, 40, 255);
    p.border = focus == w.task ? palette::kAccent : task_colour(idx);
    p.border_w = focus == w.task ? 2.5f : 1.5f;
    p.w = std::min(max_w, ImGui::CalcTextSize(p.text.c_str()).x + em);
    out.push_back(std::move(p));
  }
  if (q.size() > shown) out.push_back(more_piece(q.size() - shown));
  return out;
}

// Places `pieces` left to right from x0, wrapping at x1; returns the y below the last row.
float flow(std::vector<Piece>& pieces, float x0, float x1, float y, float h, float gap) {
  float x = x0;
  for (Piece& p : pieces) {
    if (x > x0 && x + p.w > x1) {
      x = x0;
      y += h + gap;
    }
    p.at = ImVec2(x, y);
    x += p.w + gap;
  }
  return pieces.empty() ? y : y + h;
}

// The whole card laid out for a width: every waiting task and every buffered value, the
// senders -> buffer -> receivers flow on one row when it fits, else a row each that wraps.
struct CardLayout {
  std::vector<Piece> senders, slots, receivers;
  bool one_row = true;
  bool counts_below = false;  // "N sent, N received" on a line of their own, under the name
  float flow_y = 0;           // top of the flow (one_row) or of the senders' row
  float buffer_x0 = 0;        // one_row: the buffer's left and right edges
  float buffer_x1 = 0;
  float senders_y = 0, slots_y = 0, receivers_y = 0;  // stacked: each row's top
  float label_w = 0;                                  // stacked: the rows' label column
  float text_y = 0;                                   // the wrapped line of words below
  float height = 0;
};

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
  ImGui::BeginChild("##channels", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float w = ImGui::GetContentRegionAvail().x;
  const float pad = em * 0.6f;
  const float bh = line * 1.3f;  // a box's height
  const float gap = 4.0f;
  const float arrow = em * 1.6f;
  for (const std::uint32_t index : shown) {
    const model::ChannelInfo& ch = s.channels[index];
    const std::string action = last_action(m, c.view().cursor, ch.id);
    const bool touched = !action.empty();
    const bool handoff = action.rfind("hand-off", 0) == 0;

    // ---- layout (relative to the card's top-left) ----
    CardLayout L;
    const float max_piece = std::max(em * 3, w - 2 * pad);
    L.senders = waiter_pieces(m, s, ch.sendq, true, focus, max_piece);
    L.receivers = waiter_pieces(m, s, ch.recvq, false, focus, max_piece);
    // Buffer: one slot per value (buffer.front() is received next: drawn rightmost; past
    // kMaxPieces, the rest as one box "+N more" on the left), then the empty slots, as one box
    // "N free" when there are more than a few.
    const std::size_t values_shown = std::min(ch.buffer.size(), kMaxPieces);
    float slot_w = em * 3.2f;
    for (std::size_t k = 0; k < values_shown; ++k)
      slot_w = std::max(slot_w, ImGui::CalcTextSize(ch.buffer[k].val.s).x + em);
    slot_w = std::min(slot_w, max_piece);
    const auto free_slots = static_cast<std::size_t>(
        std::max<std::int64_t>(0, ch.cap - static_cast<std::int64_t>(ch.buffer.size())));
    const bool free_as_boxes = free_slots <= 8;
    if (ch.cap > 0) {
      if (free_as_boxes) {
        for (std::size_t k = 0; k < free_slots; ++k)
          L.slots.push_back(Piece{"", kSlotEmpty, IM_COL32(70, 77, 90, 255), 1.0f, slot_w, {}});
      } else {
        const std::string t = std::to_string(free_slots) + " free";
        L.slots.push_back(Piece{t,
                                kSlotEmpty,
                                IM_COL32(70, 77, 90, 255),
                                1.0f,
                                ImGui::CalcTextSize(t.c_str()).x + em,
                                {}});
      }
      if (ch.buffer.size() > values_shown)
        L.slots.push_back(more_piece(ch.buffer.size() - values_shown));
      for (std::size_t k = values_shown; k-- > 0;)
        L.slots.push_back(Piece{std::string(ch.buffer[k].val.view()),
                                kSlotFull,
                                state_colour(VisualState::BlockedChan),
                                1.0f,
                                slot_w,
                                {}});
    }
    const auto row_w = [gap](const std::vector<Piece>& v) {
      float t = 0;
      for (const Piece& p : v) t += p.w + gap;
      return v.empty() ? 0.0f : t - gap;
    };
    const char* no_sender = "no sender waiting";
    const char* no_receiver = "no receiver waiting";
    const float left_w = L.senders.empty() ? ImGui::CalcTextSize(no_sender).x : row_w(L.senders);
    const float right_w =
        L.receivers.empty() ? ImGui::CalcTextSize(no_receiver).x : row_w(L.receivers);
    const float buf_w = ch.cap == 0 ? em * 3.0f : row_w(L.slots);
    // Line 1: name, capacity, len, open/closed, counts; the counts go to a line of their own
    // when the name is too long for them all.
    const std::string name = object_label(m, ch.id);
    const std::string info = ch.cap == 0 ? std::string("unbuffered")
                                         : "len " + std::to_string(ch.buffer.size()) + " / cap " +
                                               std::to_string(ch.cap);
    const char* oc = ch.closed ? "closed" : "open";
    const std::string counts =
        std::to_string(ch.sends) + " sent, " + std::to_string(ch.recvs) + " received";
    const auto tw = [](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x; };
    L.counts_below = pad + tw(name) + tw(info) + tw(oc) + tw(counts) + 3 * em + pad > w;
    L.flow_y = line * (L.counts_below ? 2.15f : 1.15f) + 4;
    L.one_row = pad + left_w + arrow + buf_w + arrow + right_w + pad <= w;
    float y = L.flow_y;
    if (L.one_row) {
      // Centred buffer when there is room for both sides, else pushed by the wider one.
      const float mid = std::clamp(w / 2, pad + left_w + arrow + buf_w / 2,
                                   w - pad - right_w - arrow - buf_w / 2);
      L.buffer_x0 = mid - buf_w / 2;
      L.buffer_x1 = mid + buf_w / 2;
      float x = L.buffer_x0 - arrow;  // senders leftwards from the buffer, first one nearest
      for (Piece& p : L.senders) {
        p.at = ImVec2(x - p.w, y);
        x -= p.w + gap;
      }
      x = L.buffer_x0;
      for (Piece& p : L.slots) {
        p.at = ImVec2(x, y);
        x += p.w + gap;
      }
      x = L.buffer_x1 + arrow;
      for (Piece& p : L.receivers) {
        p.at = ImVec2(x, y);
        x += p.w + gap;
      }
      y += bh;
    } else {
      // A row each: "senders", "buffer", "receivers", wrapping; the first waiter comes first.
      L.label_w = std::max({ImGui::CalcTextSize("waiting to send").x,
                            ImGui::CalcTextSize("buffer, next out first").x,
                            ImGui::CalcTextSize("waiting to receive").x}) +
                  em;
      if (L.label_w > w * 0.35f) L.label_w = 0;  // too narrow: labels above their rows
      const float x0 = pad + L.label_w;
      const float x1 = std::max(x0 + em * 3, w - pad);
      auto row = [&](std::vector<Piece>& v, float& row_y) {
        if (L.label_w == 0) y += line;
        row_y = y;
        y = (v.empty() ? y + line : flow(v, x0, x1, y, bh, gap)) + gap;
      };
      row(L.senders, L.senders_y);
      // Read top to bottom here: the value received next comes first.
      std::reverse(L.slots.begin(), L.slots.end());
      if (ch.cap > 0) {
        row(L.slots, L.slots_y);
      } else {
        if (L.label_w == 0) y += line;  // its label above it, as for the other rows
        L.slots_y = y;
        y += line + gap;
      }
      row(L.receivers, L.receivers_y);
    }
    // The words: what the event at the cursor did, and every task in a select on it, each a
    // paragraph wrapped to the card.
    std::string selects;
    if (!ch.selects.empty()) {
      selects = "in select on it: ";
      for (std::size_t k = 0; k < ch.selects.size(); ++k) {
        const model::Waiter& wt = ch.selects[k];
        if (k > 0) selects += ", ";
        selects += task_name(m, wt.task) + (wt.dir == sim::BlockReason::ChanSend
                                                ? " (send " + std::string(wt.val.view()) + ")"
                                                : " (recv)");
      }
    }
    const float wrap = std::max(em * 4, w - 2 * pad);
    const auto para_h = [wrap](const std::string& t) {
      return t.empty() ? 0.0f : ImGui::CalcTextSize(t.c_str(), nullptr, false, wrap).y;
    };
    L.text_y = y + line * 0.3f;
    const float action_h = para_h(action);
    L.height = L.text_y + std::max(action_h + para_h(selects), line * 0.4f) + line * 0.3f;

    // ---- drawing, only when the card is in view ----
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (ImGui::IsRectVisible(p, ImVec2(p.x + w, p.y + L.height))) {
      const ImVec2 card_max(p.x + w, p.y + L.height);
      dl->AddRectFilled(p, card_max, kCardBg, 4.0f);
      if (touched) dl->AddRect(p, card_max, handoff ? kHandoff : palette::kAccent, 4.0f, 0, 2.0f);
      const float x0 = p.x + pad;
      const float ly = p.y + 4;
      dl->AddText(ImVec2(x0, ly), palette::kAccent, name.c_str());
      float x = x0 + tw(name) + em;
      dl->AddText(ImVec2(x, ly), palette::kText, info.c_str());
      x += tw(info) + em;
      const ImU32 occ = ch.closed ? palette::kError : state_colour(VisualState::Running);
      dl->AddText(ImVec2(x, ly), occ, oc);
      x += ImGui::CalcTextSize(oc).x + em;
      const ImVec2 counts_at = L.counts_below ? ImVec2(x0, ly + line) : ImVec2(x, ly);
      dl->AddText(counts_at, palette::kTextDim, counts.c_str());

      const auto draw_pieces = [&](const std::vector<Piece>& v) {
        for (const Piece& pc : v) {
          const ImVec2 a(p.x + pc.at.x, p.y + pc.at.y);
          const ImVec2 b(a.x + pc.w, a.y + bh);
          box(dl, a, b, pc.fill, pc.border, pc.text, palette::kText, pc.border_w);
          if (ImGui::IsMouseHoveringRect(a, b) && ImGui::IsWindowHovered() && !pc.text.empty())
            ImGui::SetTooltip("%s", pc.text.c_str());
        }
      };
      const float text_dy = (bh - ImGui::GetTextLineHeight()) / 2;
      if (L.one_row) {
        const float fy = p.y + L.flow_y;
        const float bx0 = p.x + L.buffer_x0, bx1 = p.x + L.buffer_x1;
        if (ch.cap == 0) {
          // No buffer: the meeting point of a rendezvous.
          dl->AddRect(ImVec2(bx0, fy), ImVec2(bx1, fy + bh), handoff ? kHandoff : palette::kTextDim,
                      3.0f, 0, handoff ? 2.5f : 1.0f);
          const char* meet = "\xE2\x87\x84";  // ⇄
          const ImVec2 ts = ImGui::CalcTextSize(meet);
          dl->AddText(ImVec2((bx0 + bx1 - ts.x) / 2, fy + (bh - ts.y) / 2),
                      handoff ? kHandoff : palette::kTextDim, meet);
        }
        // Arrows showing the direction values flow.
        const float ay = fy + bh / 2;
        dl->AddLine(ImVec2(bx0 - em * 1.4f, ay), ImVec2(bx0 - 3, ay), palette::kTextDim, 1.5f);
        dl->AddTriangleFilled(ImVec2(bx0 - 3, ay), ImVec2(bx0 - 9, ay - 4), ImVec2(bx0 - 9, ay + 4),
                              palette::kTextDim);
        dl->AddLine(ImVec2(bx1 + 3, ay), ImVec2(bx1 + em * 1.4f, ay), palette::kTextDim, 1.5f);
        dl->AddTriangleFilled(ImVec2(bx1 + em * 1.4f, ay), ImVec2(bx1 + em * 1.4f - 6, ay - 4),
                              ImVec2(bx1 + em * 1.4f - 6, ay + 4), palette::kTextDim);
        if (L.senders.empty())
          dl->AddText(ImVec2(bx0 - arrow - ImGui::CalcTextSize(no_sender).x, fy + text_dy),
                      palette::kTextDim, no_sender);
        if (L.receivers.empty())
          dl->AddText(ImVec2(bx1 + arrow, fy + text_dy), palette::kTextDim, no_receiver);
      } else {
        const auto label = [&](const char* t, float row_y, bool empty, const char* none) {
          const float ty = L.label_w == 0 ? row_y - line : row_y + text_dy;
          dl->AddText(ImVec2(x0, p.y + ty), palette::kTextDim, t);
          if (empty)
            dl->AddText(ImVec2(x0 + L.label_w, p.y + row_y + (L.label_w == 0 ? 0 : text_dy)),
                        palette::kTextDim, none);
        };
        label("waiting to send", L.senders_y, L.senders.empty(), "none");
        label("buffer, next out first", L.slots_y, ch.cap == 0, "none: unbuffered, a hand-off");
        label("waiting to receive", L.receivers_y, L.receivers.empty(), "none");
      }
      draw_pieces(L.senders);
      draw_pieces(L.slots);
      draw_pieces(L.receivers);
      const ImVec2 tp(x0, p.y + L.text_y);
      if (!action.empty())
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), tp,
                    handoff ? kHandoff : palette::kAccent, action.c_str(), nullptr, wrap);
      if (!selects.empty())
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(tp.x, tp.y + action_h),
                    state_colour(VisualState::BlockedSelect), selects.c_str(), nullptr, wrap);
    }
    ImGui::Dummy(ImVec2(w, L.height + 6));
  }
  ImGui::EndChild();
}

}  // namespace rdv::ui
