// ui/controls_toolbar.cpp — buttons, combos and shortcuts that send requests to the controller.
#include "ui/controls_toolbar.h"

#include "ui/state_style.h"
#include "ui/theme.h"
#include "ui/view_model.h"

#include <imgui.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>

namespace rdv::ui {

namespace {

void tooltip(const char* text) {
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", text);
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

}  // namespace

void ControlsToolbar::handle_shortcuts() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  // GLFW key codes of letters are their ASCII capitals, which the backend uses as key indexes.
  if (io.KeyCtrl) {
    if (ImGui::IsKeyPressed('O', false)) files_.request_open();
    if (ImGui::IsKeyPressed('S', false)) files_.request_save();
    return;
  }
  if (ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false))
    controller_.request_toggle_run();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow), true))
    controller_.request_step();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow), true) &&
      controller_.view().cursor > 0)
    controller_.request_seek(controller_.view().cursor - 1);
  if (ImGui::IsKeyPressed('R', false)) controller_.request_reset();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_End), false))
    controller_.request_run_to_end();
}

void ControlsToolbar::draw_run_menu() {
  Controller& c = controller_;
  const bool playing = c.view().playing || (c.view().follow && !c.run_ended());
  if (ImGui::MenuItem(playing ? "Pause" : "Run", "Space")) c.request_toggle_run();
  if (ImGui::MenuItem("Step", "Right")) c.request_step();
  if (ImGui::MenuItem("Step back", "Left", false, c.view().cursor > 0))
    c.request_seek(c.view().cursor - 1);
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
  ImGui::SetNextItemWidth(em * 6.5f);
  if (live) {
    float scale = s.time_scale;
    if (ImGui::SliderFloat("##scale", &scale, 0.01f, 2.0f, "time \xC3\x97%.2f",
                           ImGuiSliderFlags_Logarithmic)) {
      s.time_scale = scale;
    }
    if (ImGui::IsItemDeactivatedAfterEdit()) changed = true;
    tooltip("Live time scale: virtual ms per wall ms (0.1 = ten times slower); restarts the run");
  } else {
    ImGui::SliderFloat("##speed", &c.view().speed, 0.5f, 200.0f, "%.1f ev/s",
                       ImGuiSliderFlags_Logarithmic);
    tooltip("Playback speed when running: events (or choices) per second");
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
  if (changed) c.apply_settings(s);

  separator();
  ImGui::AlignTextToFramePadding();
  const std::size_t size = c.model().size();
  ImGui::Text("event %zu / %zu%s", c.view().cursor, size, c.run_ended() ? "" : "+");
  tooltip("Events shown / events recorded so far");
  ImGui::SameLine();
  ImGui::TextDisabled("t = %s", format_time(c.state().now).c_str());

  // The outcome badge, right-aligned.
  const model::State& st = c.state();
  const sim::Outcome o = c.at_end() ? c.model().head().outcome : st.outcome;
  const char* label = c.at_end() || o != sim::Outcome::Running ? outcome_headline(o)
                      : !c.run_ended()                         ? "Running"
                      : c.view().playing                       ? "Playing"
                                                               : "Paused";
  const float w = ImGui::CalcTextSize(label).x + em * 1.4f;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetFrameHeight();
  ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + w, p.y + h), outcome_colour(o),
                                            ImGui::GetStyle().FrameRounding);
  ImGui::SetCursorScreenPos(ImVec2(p.x + em * 0.7f, p.y + (h - ImGui::GetTextLineHeight()) / 2));
  ImGui::TextUnformatted(label);
  ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, p.y + h));
  ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y * 0.5f));
}

}  // namespace rdv::ui
