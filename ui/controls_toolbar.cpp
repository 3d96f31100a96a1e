// ui/controls_toolbar.cpp — buttons, combos and shortcuts that send requests to the controller.
#include "ui/controls_toolbar.h"

#include "session/view_model.h"
#include "ui/state_style.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <span>
#include <string>

namespace rdv::ui {

using session::Controller;
using session::event_kind_label;
using session::format_time;
using session::object_label;
using session::outcome_headline;
using session::PolicyKind;
using session::RunSettings;
using session::Source;

namespace {

void tooltip(const char* text) {
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", text);
}

constexpr const char* kEventLimitHelp =
    "Events a run may record before it ends with \"event limit exceeded\" (Enter restarts the "
    "run). Each event takes ~280 bytes (the run's log and the views): 1,000,000 events take "
    "~270 MiB, 10,000,000 ~2.7 GB. The run's memory cap grows with the limit.";

constexpr const char* kTimeLimitHelp =
    "Seconds of wall-clock time a run may take before it ends with \"time limit exceeded\" "
    "(Enter restarts the run; --limit-wall on the command line). Not counted while you are the "
    "scheduler. A live run whose tasks all sleep past the limit ends at once.";
constexpr const char* kCpuLimitHelp =
    "Seconds of CPU time the run's tasks may use together before it ends with \"CPU time limit "
    "exceeded\" (Enter restarts the run; --limit-cpu on the command line). Two tasks running at "
    "once in live mode use it twice as fast as the clock.";
constexpr const char* kTaskCpuLimitHelp =
    "Seconds of CPU time any one task may use before the run ends with \"CPU time limit exceeded: "
    "task N used more than …\" at that task's line (Enter restarts the run; --limit-task-cpu on "
    "the command line). 0: no limit per task (the CPU limit above still bounds them together).";

// A Run menu row: a label and a number field that takes its value on Enter, with its help.
bool limit_row(const char* label, const char* id, ImGuiDataType type, void* value,
               const char* format, const char* help) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
  const bool entered = ImGui::InputScalar(id, type, value, nullptr, nullptr, format,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
  tooltip(help);
  return entered;
}

void separator() {
  ImGui::SameLine();
  ImGui::TextDisabled("|");
  ImGui::SameLine();
}

// A die showing five, drawn with the draw list (the fonts have no dice glyph).
bool dice_button(const char* id) {
  const float h = ImGui::GetFrameHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton(id, ImVec2(h, h));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 bg = ImGui::GetColorU32(ImGui::IsItemActive()    ? ImGuiCol_ButtonActive
                                      : ImGui::IsItemHovered() ? ImGuiCol_ButtonHovered
                                                               : ImGuiCol_Button);
  dl->AddRectFilled(p, ImVec2(p.x + h, p.y + h), bg, ImGui::GetStyle().FrameRounding);
  const float m = h * 0.2f, s = h - 2 * m;
  dl->AddRect(ImVec2(p.x + m, p.y + m), ImVec2(p.x + m + s, p.y + m + s), palette::kText, 2.0f, 0,
              1.5f);
  const float r = std::max(1.2f, h * 0.06f);
  const float a = p.x + m + s * 0.27f, b = p.x + m + s * 0.73f;
  const float c = p.y + m + s * 0.27f, d = p.y + m + s * 0.73f;
  for (const ImVec2 dot : {ImVec2(a, c), ImVec2(b, c), ImVec2(a, d), ImVec2(b, d),
                           ImVec2(p.x + m + s / 2, p.y + m + s / 2)})
    dl->AddCircleFilled(dot, r, palette::kText);
  return pressed;
}

// "#12 ChanRecv · main · chan result · line 9": an event for the scrubber.
std::string describe_event(const model::Model& m, std::size_t seq) {
  const sim::Event& e = m.events()[seq];
  std::string s = "#" + std::to_string(seq) + " " + event_kind_label(e);
  if (const std::string_view task = m.task_name(e.task); !task.empty())
    s += " \xC2\xB7 " + std::string(task);
  if (e.obj != 0 && m.object(e.obj).type != model::ObjType::None)
    s += " \xC2\xB7 " + object_label(m, e.obj);
  if (e.line != 0)
    s += (e.kind == sim::EventKind::TaskAt ? " \xC2\xB7 next line " : " \xC2\xB7 line ") +
         std::to_string(e.line);
  return s;
}

}  // namespace

void ControlsToolbar::handle_shortcuts() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  // GLFW key codes of letters are their ASCII capitals, which the backend uses as key indexes.
  if (io.KeyCtrl) {
    if (ImGui::IsKeyPressed('O', false)) files_.request_open();
    if (ImGui::IsKeyPressed('S', false)) files_.request_save();
    if (ImGui::IsKeyPressed('E', false) && controller_.model().size() > 0) files_.request_export();
    return;
  }
  if (ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return;
  // With keyboard navigation on (View menu) these keys move between and press the controls.
  if ((io.ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard) != 0) return;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false))
    controller_.request_toggle_run();
  // Shift+Left / Shift+Right pan the timeline instead (ui/timeline_panel.cpp).
  if (!io.KeyShift && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow), true))
    controller_.request_step();
  if (!io.KeyShift && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow), true))
    controller_.request_step_back();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home), false)) controller_.request_seek(0);
  if (ImGui::IsKeyPressed('G', false)) controller_.request_go_to_selected();
  if (ImGui::IsKeyPressed('R', false)) controller_.request_reset();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_End), false))
    controller_.request_run_to_end();
}

void ControlsToolbar::draw_run_menu() {
  Controller& c = controller_;
  const bool playing = c.view().playing || (c.view().follow && !c.run_ended());
  if (ImGui::MenuItem(playing ? "Pause" : "Run", "Space")) c.request_toggle_run();
  if (ImGui::MenuItem("Step", "Right")) c.request_step();
  if (ImGui::MenuItem("Step back", "Left", false, c.view().cursor > 0)) c.request_step_back();
  if (ImGui::MenuItem("Go to start", "Home", false, c.view().cursor > 0)) c.request_seek(0);
  if (ImGui::MenuItem("Go to selected event", "G", false,
                      c.view().selected != sim::kNoSeq && c.view().selected < c.model().size()))
    c.request_go_to_selected();
  if (ImGui::MenuItem("Step the focused task", nullptr, false, c.view().focus != 0))
    c.request_step_task(c.view().focus);
  if (ImGui::MenuItem("Run to end", "End")) c.request_run_to_end();
  if (ImGui::MenuItem("Reset (same seed)", "R")) c.request_reset();
  if (ImGui::MenuItem("New random seed")) c.request_roll_seed();
  ImGui::Separator();
  RunSettings s = c.settings();
  bool changed = false;
  if (ImGui::MenuItem("Controlled mode", nullptr, s.mode == sim::Mode::Controlled)) {
    s.mode = sim::Mode::Controlled;
    changed = true;
  }
  if (ImGui::MenuItem("Live mode", nullptr, s.mode == sim::Mode::Live)) {
    s.mode = sim::Mode::Live;
    changed = true;
  }
  if (ImGui::MenuItem("You are the scheduler", nullptr, s.policy == PolicyKind::Interactive)) {
    s.mode = sim::Mode::Controlled;
    s.policy = PolicyKind::Interactive;
    changed = true;
  }
  ImGui::Separator();
  changed |= limit_row("Event limit", "##max_events", ImGuiDataType_U64, &s.max_events, "%" PRIu64,
                       kEventLimitHelp);
  changed |= limit_row("Time limit (s)", "##wall_limit", ImGuiDataType_S64, &s.wall_limit_s,
                       "%" PRId64, kTimeLimitHelp);
  changed |= limit_row("CPU limit (s)", "##cpu_limit", ImGuiDataType_S64, &s.cpu_limit_s,
                       "%" PRId64, kCpuLimitHelp);
  changed |= limit_row("Task CPU limit (s)", "##task_cpu_limit", ImGuiDataType_S64,
                       &s.task_cpu_limit_s, "%" PRId64, kTaskCpuLimitHelp);
  if (changed) c.apply_settings(s);
}

void ControlsToolbar::draw() {
  Controller& c = controller_;
  RunSettings s = c.settings();
  bool changed = false;
  const float em = ImGui::GetFontSize();
  const bool live = s.mode == sim::Mode::Live;
  const bool interactive = s.policy == PolicyKind::Interactive && !live;
  const bool playing = c.view().playing || (c.view().follow && !c.run_ended() && !interactive);

  ImGui::BeginDisabled(c.source_kind() == Source::None);
  if (ImGui::Button(playing ? "\xE2\x96\xA0 Pause" : "\xE2\x96\xB6 Run", ImVec2(em * 5.2f, 0)))
    c.request_toggle_run();
  tooltip(interactive ? "Let the scheduler pick for you, one choice after another (Space)"
                      : "Play the run event by event at the chosen speed (Space)");
  ImGui::SameLine();
  if (ImGui::Button("Step \xE2\x86\x92")) c.request_step();
  tooltip(interactive ? "Let the task that was running take the next step (Right arrow)"
                      : "Show the next event (Right arrow; Left arrow goes back)");
  ImGui::SameLine();
  ImGui::BeginDisabled(c.view().focus == 0);
  if (ImGui::Button("Step task")) c.request_step_task(c.view().focus);
  ImGui::EndDisabled();
  tooltip("Advance to the focused task's next event (click a task to focus it)");
  ImGui::SameLine();
  if (ImGui::Button("Run to end \xE2\x87\xA5")) c.request_run_to_end();
  tooltip("Show the state at the end of the run (End)");
  ImGui::SameLine();
  if (ImGui::Button("\xE2\x86\xBA Reset")) c.request_reset();
  tooltip("Abort the run and start it again with the same seed (R)");
  ImGui::EndDisabled();

  separator();
  if (c.source_kind() == Source::Trace) {
    // A loaded trace: how it was recorded, not the settings of the next run.
    const trace::Header& h = c.model().header();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("trace, recorded %s \xC2\xB7 %s \xC2\xB7 seed %llu", h.mode.c_str(),
                h.policy.c_str(), static_cast<unsigned long long>(h.seed));
    tooltip("A recorded run: step and travel through it; open a scenario to make a new run");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 4.5f);
    ImGui::SliderFloat("##speed", &c.view().speed, 0.5f, 200.0f, "", ImGuiSliderFlags_Logarithmic);
    tooltip("Playback speed when running: events per second");
    ImGui::SameLine(0, 4);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%.1f ev/s", static_cast<double>(c.view().speed));
  } else {
    ImGui::SetNextItemWidth(em * 7.5f);
    if (ImGui::BeginCombo("##mode", live ? "live" : "controlled")) {
      if (ImGui::Selectable("controlled", !live)) {
        s.mode = sim::Mode::Controlled;
        changed = true;
      }
      tooltip("One task at a time, virtual time: the same seed gives the same run");
      if (ImGui::Selectable("live", live)) {
        s.mode = sim::Mode::Live;
        changed = true;
      }
      tooltip("Tasks run in parallel on real threads in (scaled) wall time");
      ImGui::EndCombo();
    }
    tooltip("Mode: controlled (one task at a time, reproducible) or live (parallel, real time)");
    ImGui::SameLine();
    ImGui::BeginDisabled(live);
    ImGui::SetNextItemWidth(em * 7.5f);
    if (ImGui::BeginCombo("##policy", to_string(s.policy))) {
      for (const PolicyKind p :
           {PolicyKind::Random, PolicyKind::Pct, PolicyKind::RoundRobin, PolicyKind::Interactive}) {
        if (ImGui::Selectable(to_string(p), s.policy == p)) {
          s.policy = p;
          changed = true;
        }
      }
      ImGui::EndCombo();
    }
    ImGui::EndDisabled();
    tooltip(
        "Who runs next: random, pct (priority changes), rr (round robin), or interactive: you are "
        "the scheduler");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("seed");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 5.5f);
    std::uint64_t seed = s.seed;
    if (ImGui::InputScalar("##seed", ImGuiDataType_U64, &seed, nullptr, nullptr, "%" PRIu64,
                           ImGuiInputTextFlags_EnterReturnsTrue)) {
      s.seed = std::max<std::uint64_t>(seed, 1);
      changed = true;
    }
    tooltip("The run's seed: same scenario + policy + seed = the same run (Enter to apply)");
    ImGui::SameLine(0, 2);
    if (dice_button("##dice")) c.request_roll_seed();
    tooltip("Roll a new random seed and run again");
    ImGui::SameLine();
    // The slider's number is written beside it, where the handle cannot cover it.
    ImGui::SetNextItemWidth(em * 4.5f);
    if (live) {
      float scale = s.time_scale;
      if (ImGui::SliderFloat("##scale", &scale, 0.01f, 2.0f, "", ImGuiSliderFlags_Logarithmic)) {
        s.time_scale = scale;
      }
      if (ImGui::IsItemDeactivatedAfterEdit()) changed = true;
      tooltip("Live time scale: virtual ms per wall ms (0.1 = ten times slower); restarts the run");
      ImGui::SameLine(0, 4);
      ImGui::AlignTextToFramePadding();
      ImGui::Text("time \xC3\x97%.2f", static_cast<double>(scale));
    } else {
      ImGui::SliderFloat("##speed", &c.view().speed, 0.5f, 200.0f, "",
                         ImGuiSliderFlags_Logarithmic);
      tooltip("Playback speed when running: events (or choices) per second");
      ImGui::SameLine(0, 4);
      ImGui::AlignTextToFramePadding();
      ImGui::Text("%.1f ev/s", static_cast<double>(c.view().speed));
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 6.2f);
    const bool line = s.preempt == sim::Preempt::Line;
    if (ImGui::BeginCombo("##preempt", line ? "per line" : "per sync")) {
      if (ImGui::Selectable("per sync", !line)) {
        s.preempt = sim::Preempt::Sync;
        changed = true;
      }
      if (ImGui::Selectable("per line", line)) {
        s.preempt = sim::Preempt::Line;
        changed = true;
      }
      ImGui::EndCombo();
    }
    tooltip(
        "Preemption: switch tasks only at sync points, or also at every Lua line (shows lost "
        "updates on shared variables)");
    // A Go test file: which of its tests runs (all of them, in order, as go test -v).
    if (!c.tests().empty()) {
      ImGui::SameLine();
      ImGui::SetNextItemWidth(em * 9.0f);
      if (ImGui::BeginCombo("##test", s.test.empty() ? "all tests" : s.test.c_str())) {
        if (ImGui::Selectable("all tests", s.test.empty())) {
          s.test.clear();
          changed = true;
        }
        for (const std::string& t : c.tests()) {
          if (ImGui::Selectable(t.c_str(), s.test == t)) {
            s.test = t;
            changed = true;
          }
        }
        ImGui::EndCombo();
      }
      tooltip("The test of this _test.go file that runs (go test -run); restarts the run");
    }
    if (changed) c.apply_settings(s);
  }
  // The event counter and the time: after the controls, or on the next row when the toolbar
  // has no room left (a narrow window, a big zoom) rather than past the window's edge.
  const std::size_t size = c.model().size();
  char counter[64];
  std::snprintf(counter, sizeof counter, "event %zu / %zu%s", c.view().cursor, size,
                c.run_ended() ? "" : "+");
  const std::string when = "t = " + format_time(c.state().now);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float need = ImGui::CalcTextSize("|").x + ImGui::CalcTextSize(counter).x +
                     ImGui::CalcTextSize(when.c_str()).x + style.ItemSpacing.x * 4;
  const float left = ImGui::GetItemRectMax().x;  // the last control's right edge
  if (left + need <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) separator();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(counter);
  tooltip("Events shown / events recorded so far");
  ImGui::SameLine();
  ImGui::TextDisabled("%s", when.c_str());
  const float text_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;

  // The outcome badge, right-aligned.
  const model::State& st = c.state();
  const sim::Outcome o = c.at_end() ? c.model().head().outcome : st.outcome;
  const char* label = c.at_end() || o != sim::Outcome::Running ? outcome_headline(o)
                      : !c.run_ended()                         ? "Running"
                      : c.view().playing                       ? "Playing"
                                                               : "Paused";
  const float w = ImGui::CalcTextSize(label).x + em * 1.4f;
  // Right-aligned after the event counter; on a row of its own when the toolbar has no room
  // left (a narrow window, a big zoom), never over the counter.
  const float badge_x = ImGui::GetWindowContentRegionMax().x - w;
  if (badge_x >= text_end + ImGui::GetStyle().ItemSpacing.x) {
    ImGui::SameLine(badge_x);
  } else {
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), badge_x));
  }
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetFrameHeight();
  ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + w, p.y + h), outcome_colour(o),
                                            ImGui::GetStyle().FrameRounding);
  ImGui::SetCursorScreenPos(ImVec2(p.x + em * 0.7f, p.y + (h - ImGui::GetTextLineHeight()) / 2));
  ImGui::TextUnformatted(label);
  ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, p.y + h));
  ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y * 0.5f));
  draw_scrubber();
}

void ControlsToolbar::draw_scrubber() {
  Controller& c = controller_;
  const model::Model& m = c.model();
  const std::size_t size = m.size();
  const std::size_t cursor = c.view().cursor;
  const float em = ImGui::GetFontSize();
  const bool has_selected = c.view().selected != sim::kNoSeq && c.view().selected < size;

  ImGui::BeginDisabled(size == 0);
  if (ImGui::Button("\xE2\x87\xA4##start")) c.request_seek(0);
  tooltip("Go to the start: every panel as before the first event (Home)");
  ImGui::SameLine(0, 2);
  if (ImGui::Button("\xE2\x86\x90##back")) c.request_step_back();
  tooltip("Step back one event (Left arrow)");
  ImGui::SameLine();

  // The track: one position per event recorded so far. It leaves room on its right for → ⇥,
  // Go to selected and the event's words in full.
  const std::string now = cursor == 0 ? std::string("before the first event")
                                      : "after " + describe_event(m, cursor - 1);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float buttons = ImGui::CalcTextSize("\xE2\x86\x92\xE2\x87\xA5Go to selected").x +
                        style.FramePadding.x * 6 + style.ItemSpacing.x * 3 + 2;
  const float right = buttons + ImGui::CalcTextSize(now.c_str()).x + style.ItemSpacing.x;
  const float w = std::max(em * 10.0f, ImGui::GetContentRegionAvail().x - right);
  const float h = ImGui::GetFrameHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##scrubber", ImVec2(w, h));
  const bool hovered = ImGui::IsItemHovered();
  const float pad = h * 0.4f;
  const float x0 = p.x + pad, x1 = p.x + w - pad;
  const auto x_of = [&](std::size_t n) {
    return size == 0 ? x0
                     : x0 + (x1 - x0) * static_cast<float>(static_cast<double>(n) /
                                                           static_cast<double>(size));
  };
  const auto n_at = [&](float x) {
    const float f = std::clamp((x - x0) / std::max(1.0f, x1 - x0), 0.0f, 1.0f);
    return static_cast<std::size_t>(
        std::llround(static_cast<double>(f) * static_cast<double>(size)));
  };
  if (ImGui::IsItemActive() && size > 0) {
    const std::size_t n = n_at(ImGui::GetIO().MousePos.x);
    if (n != cursor || c.view().playing || c.view().follow) c.request_seek(n);
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float cy = p.y + h / 2;
  dl->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + w, p.y + h - 2),
                    ImGui::GetColorU32(hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg),
                    h / 2);
  const float cx = x_of(std::min(cursor, size));
  dl->AddRectFilled(ImVec2(x0, cy - 2), ImVec2(cx, cy + 2),
                    (palette::kAccent & 0x00FFFFFF) | 0x90000000u, 2.0f);
  // Markers: at most one per pixel per list (binary search to the next pixel's events); with
  // the future hidden, only those of events already shown.
  const std::size_t shown = c.view().reveal_future ? size : cursor;
  const auto markers = [&](std::span<const std::uint32_t> seqs, auto colour_of) {
    std::size_t i = 0;
    while (i < seqs.size() && seqs[i] < shown) {
      const float x = x_of(static_cast<std::size_t>(seqs[i]) + 1);
      dl->AddLine(ImVec2(x, p.y + 4), ImVec2(x, p.y + h - 4), colour_of(seqs[i]), 1.5f);
      const double next = static_cast<double>(size) * static_cast<double>(x + 1.0f - x0) /
                          static_cast<double>(std::max(1.0f, x1 - x0));
      const auto it =
          std::lower_bound(seqs.begin() + static_cast<std::ptrdiff_t>(i) + 1, seqs.end(),
                           static_cast<std::uint32_t>(std::max(0.0, next - 1)));
      i = static_cast<std::size_t>(it - seqs.begin());
    }
  };
  markers(m.notes(), [](std::uint32_t) { return palette::kTextDim; });
  markers(m.diagnostics(), [&](std::uint32_t seq) {
    const sim::EventKind k = m.events()[seq].kind;
    return k == sim::EventKind::Panic || k == sim::EventKind::Deadlock ||
                   (k == sim::EventKind::RunEnd && m.head().outcome != sim::Outcome::Ok)
               ? palette::kError
               : IM_COL32(209, 154, 102, 255);
  });
  // The handle at the cursor.
  dl->AddLine(ImVec2(cx, p.y + 1), ImVec2(cx, p.y + h - 1), palette::kAccent, 3.0f);
  dl->AddCircleFilled(ImVec2(cx, cy), h * 0.22f, palette::kAccent);
  if (has_selected) {
    const float sx = x_of(static_cast<std::size_t>(c.view().selected) + 1);
    dl->AddTriangleFilled(ImVec2(sx - 4, p.y), ImVec2(sx + 4, p.y), ImVec2(sx, p.y + 6),
                          palette::kText);
  }
  if (hovered && size > 0) {
    const std::size_t n = n_at(ImGui::GetIO().MousePos.x);
    ImGui::BeginTooltip();
    ImGui::Text("Time travel: click or drag to show every panel after event %zu of %zu%s", n, size,
                c.run_ended() ? "" : " recorded so far");
    if (n > 0) ImGui::TextDisabled("%s", describe_event(m, n - 1).c_str());
    ImGui::TextDisabled(
        "Left/Right step, Home/End jump; marks: notes (grey), panics and the "
        "deadlock (red), cancels and leaks (orange)");
    ImGui::EndTooltip();
  }

  ImGui::SameLine();
  if (ImGui::Button("\xE2\x86\x92##fwd")) c.request_step();
  tooltip("Step forward one event (Right arrow)");
  ImGui::SameLine(0, 2);
  if (ImGui::Button("\xE2\x87\xA5##end")) c.request_run_to_end();
  tooltip("Go to the newest event and follow the run (End)");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!has_selected);
  if (ImGui::Button("Go to selected")) c.request_go_to_selected();
  ImGui::EndDisabled();
  tooltip(has_selected ? "Show every panel just after the selected event (G)"
                       : "Select an event (click it in the timeline or a plot), then come here "
                         "to show every panel just after it (G)");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  const ImVec2 tp = ImGui::GetCursorScreenPos();
  const float avail = ImGui::GetContentRegionAvail().x;
  ImGui::PushClipRect(tp, ImVec2(tp.x + avail, tp.y + h), true);
  ImGui::TextDisabled("%s", now.c_str());
  ImGui::PopClipRect();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", now.c_str());
}

}  // namespace rdv::ui
