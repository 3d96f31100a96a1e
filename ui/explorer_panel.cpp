// ui/explorer_panel.cpp — the Explorer tab: settings, Explore/Stop, progress, the two
// histograms, and opening a row's trace.
#include "ui/explorer_panel.h"
#include "ui/text.h"

#include "session/controller.h"
#include "ui/file_actions.h"
#include "ui/state_style.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <system_error>
#include <thread>

namespace rdv::ui {

using session::Controller;
using session::ExplorationJob;
using session::ExplorerPhase;
using session::ExplorerSettings;
using session::ExplorerState;
using session::grouped;
using session::HistogramRow;
using session::outcome_of;
using session::Source;

namespace {

using explore::Kind;

std::string file_name(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

// `label`, then an integer field `width` wide (`step` per +/- click; 0: no buttons) whose value
// is kept within [lo, hi].
void int_field(const char* label, const char* id, int* value, int step, int lo, int hi,
               float width) {
  ImGui::TextUnformatted(label);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(width);
  ImGui::InputInt(id, value, step);
  *value = std::clamp(*value, lo, hi);
}

}  // namespace

// ---- ExplorerPanel ----------------------------------------------------------------------------

ExplorerPanel::ExplorerPanel(Controller& controller, FileActions& files)
    : controller_(controller), files_(files) {
  settings_.jobs = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 2u));
  // Another scenario (or trace) opened: an exploration of the previous one is of no use.
  controller_.add_open_listener([this] {
    if (opening_ || !job_ || job_->finished()) return;
    job_->stop();
    message_ = "stopped: another file was opened";
  });
}

ExplorerPanel::~ExplorerPanel() = default;

std::string ExplorerPanel::trace_dir() {
  std::error_code ec;
  return (std::filesystem::temp_directory_path(ec) / "rendezvous").string();
}

bool ExplorerPanel::start(const ExplorerSettings& settings) {
  if (controller_.source_kind() == Source::None || controller_.script().empty()) {
    message_ = "open a scenario first";
    return false;
  }
  job_.reset();  // stops and joins a previous one
  path_ = controller_.source_kind() == Source::Trace ? controller_.chunkname() : controller_.path();
  source_ = controller_.script();
  options_ = {};
  options_.policy = settings.policy;
  options_.schedules = static_cast<std::uint64_t>(std::max(1, settings.schedules));
  options_.depth = std::max(1, settings.depth);
  options_.preemptions = std::max(0, settings.preemptions);
  options_.jobs = static_cast<unsigned>(std::clamp(settings.jobs, 1, 64));
  options_.seed = static_cast<std::uint64_t>(std::max(0, settings.seed));
  options_.trace_dir = trace_dir();
  // The toolbar's preemption mode: "per line" explores line switches too (a lost update).
  ExplorerSettings used = settings;
  used.preempt = controller_.settings().preempt;
  options_.preempt = used.preempt;
  // A Go test file: the toolbar's test (a trace's: the one it recorded).
  options_.run = controller_.source_kind() == Source::Trace ? controller_.model().header().run
                                                            : controller_.settings().test;
  state_.begin(path_, explore::read_expectation(source_, file_name(path_)), used);
  message_.clear();
  job_ = std::make_unique<ExplorationJob>(path_, source_, options_);
  return true;
}

void ExplorerPanel::stop() {
  if (job_ && !job_->finished()) {
    job_->stop();
    message_ = "stopping…";
  }
}

void ExplorerPanel::poll() {
  if (!job_) return;
  if (auto t = job_->take_tally()) state_.feed(*t, job_->seconds());
  if (job_->finished()) {
    if (auto s = job_->take_summary()) {
      state_.finish(std::move(*s));
      if (message_ == "stopping…") message_.clear();
    }
  }
}

void ExplorerPanel::wait() {
  if (job_) job_->wait();
  poll();
}

bool ExplorerPanel::open_target(const ExplorerState::Target& t, std::string* error) {
  std::string path = t.trace;
  if (path.empty()) {
    Result<std::string> file =
        explore::record_trace(path_, source_, options_, t.index, t.seed, t.schedule, t.label);
    if (!file) {
      if (error != nullptr) *error = "cannot write the trace: " + file.error();
      return false;
    }
    path = std::move(*file);
  }
  opening_ = true;
  const bool ok = files_.open(path, error);
  opening_ = false;
  return ok;
}

bool ExplorerPanel::open_outcome(Kind kind, std::string* error) {
  const auto t = state_.outcome_target(kind);
  if (!t) {
    if (error != nullptr) *error = std::string("no ") + explore::to_string(kind) + " schedule";
    return false;
  }
  return open_target(*t, error);
}

bool ExplorerPanel::open_output(std::size_t row, std::string* error) {
  const auto t = state_.output_target(row);
  if (!t) {
    if (error != nullptr) *error = "no such output";
    return false;
  }
  return open_target(*t, error);
}

std::string ExplorerPanel::explore_and_open(int schedules) {
  settings_.schedules = schedules;
  if (!start(settings_)) return "explorer: " + message_;
  wait();
  std::string line = "explorer: " + file_name(state_.scenario()) + ": " +
                     std::to_string(state_.done()) + " schedules: " + state_.counts_text() + "; " +
                     std::to_string(state_.distinct_outputs()) + " distinct outputs";
  const explore::Failure* f = state_.summary() ? state_.summary()->first_failure() : nullptr;
  if (f == nullptr) return line + "; no failure to open";
  std::string error;
  if (!open_outcome(f->kind, &error)) return line + "; cannot open its trace: " + error;
  state_.selected_outcome = static_cast<int>(explore::kind_index(f->kind));
  message_ = "Opened the first " + std::string(explore::to_string(f->kind)) +
             ": the Timeline, Tasks and Console show it; step with Step →.";
  return line + "; opened " + controller_.path() + " (outcome " +
         explore::to_string(explore::classify(controller_.model().head().outcome)) + ")";
}

void ExplorerPanel::draw_controls() {
  const float em = ImGui::GetFontSize();
  const bool running = job_ && !job_->finished();
  ImGui::BeginDisabled(running);
  static constexpr sim::PolicyKind kPolicies[] = {sim::PolicyKind::Random, sim::PolicyKind::Pct,
                                                  sim::PolicyKind::Exhaustive};
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Policy");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 7);
  if (ImGui::BeginCombo("##policy", sim::to_string(settings_.policy))) {
    for (const sim::PolicyKind p : kPolicies) {
      if (ImGui::Selectable(sim::to_string(p), settings_.policy == p)) settings_.policy = p;
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "random: each schedule picks the next task at random.\n"
        "pct: random priorities with a few change points (finds bugs of small depth).\n"
        "exhaustive: every schedule with at most P preemptions (CHESS).");
  }
  ImGui::SameLine();
  int_field(settings_.policy == sim::PolicyKind::Exhaustive ? "Cap" : "Schedules", "##schedules",
            &settings_.schedules, 0, 1, 10'000'000, em * 6);
  if (settings_.policy == sim::PolicyKind::Pct) {
    ImGui::SameLine();
    int_field("Depth", "##depth", &settings_.depth, 1, 1, 20, em * 5);
  } else if (settings_.policy == sim::PolicyKind::Exhaustive) {
    ImGui::SameLine();
    int_field("Preemptions ≤", "##preemptions", &settings_.preemptions, 1, 0, 20, em * 5);
  }
  ImGui::AlignTextToFramePadding();
  int_field("Jobs", "##jobs", &settings_.jobs, 1, 1, 64, em * 5);
  ImGui::SameLine();
  int_field("Seed", "##seed", &settings_.seed, 0, 0, std::numeric_limits<int>::max(), em * 5);
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (running) {
    if (ImGui::Button("Stop")) stop();
  } else {
    ImGui::BeginDisabled(controller_.source_kind() == Source::None);
    if (ImGui::Button("Explore")) start(settings_);
    ImGui::EndDisabled();
  }
}

// Outcomes: name | bar | count | button. Outputs: bar | count | button | the printed text (last,
// so it gets whatever width is left and long lines do not push the buttons out of the pane).
void ExplorerPanel::draw_histogram(const char* id, const std::vector<HistogramRow>& rows,
                                   bool outputs) {
  const float em = ImGui::GetFontSize();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float name_w = outputs ? 0.0f : ImGui::CalcTextSize("deadlock").x + em;
  const float count_w = ImGui::CalcTextSize("100,000  100%").x;
  const float open_w = ImGui::CalcTextSize(outputs ? "Open trace" : "Open first deadlock").x +
                       style.FramePadding.x * 2 + em * 0.3f;
  const float spacing = style.CellPadding.x * 2 * 4;
  const float bar_w =
      outputs ? std::clamp(avail * 0.25f, em * 4, em * 10)
              : std::clamp(avail - name_w - count_w - open_w - spacing, em * 4, em * 16);
  const ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable(id, 4, flags)) return;
  if (!outputs) ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthFixed, name_w);
  ImGui::TableSetupColumn("bar", ImGuiTableColumnFlags_WidthFixed, bar_w);
  ImGui::TableSetupColumn("count", ImGuiTableColumnFlags_WidthFixed, count_w);
  ImGui::TableSetupColumn("open", ImGuiTableColumnFlags_WidthFixed, open_w);
  if (outputs) ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
  std::uint64_t most = 1;
  for (const HistogramRow& r : rows) most = std::max(most, r.count);
  int& selected = outputs ? state_.selected_output : state_.selected_outcome;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const HistogramRow& r = rows[i];
    const bool dim = r.count == 0;
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    // The name (outcomes: first column), selectable across the row.
    auto name = [&] {
      ImGui::PushStyleColor(ImGuiCol_Text, dim ? palette::kTextDim : palette::kText);
      if (outputs) ImGui::PushFont(fonts().mono);
      if (ImGui::Selectable(
              r.label.c_str(), selected == static_cast<int>(i),
              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap)) {
        selected = static_cast<int>(i);
      }
      if (outputs && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.label.c_str());
      if (outputs) ImGui::PopFont();
      ImGui::PopStyleColor();
    };
    if (!outputs) {
      ImGui::TableNextColumn();
      name();
    }
    // The bar: length by count relative to the largest row, in the outcome's colour.
    ImGui::TableNextColumn();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    const float w = bar_w * static_cast<float>(r.count) / static_cast<float>(most);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + bar_w, p.y + h - 1),
                      IM_COL32(255, 255, 255, 14), 2.0f);
    if (r.count > 0) {
      dl->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + std::max(w, 2.0f), p.y + h - 1),
                        outcome_colour(outcome_of(r.kind)), 2.0f);
    }
    ImGui::Dummy(ImVec2(bar_w, h));
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text, dim ? palette::kTextDim : palette::kText);
    ImGui::Text("%s  %3.0f%%", grouped(r.count).c_str(), r.fraction * 100.0);
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    if (r.can_open) {
      const std::string label = outputs ? "Open trace" : "Open first " + r.label;
      if (ImGui::SmallButton(label.c_str())) {
        selected = static_cast<int>(i);
        std::string error;
        const bool ok = outputs ? open_output(i, &error) : open_outcome(r.kind, &error);
        message_ =
            ok ? "Opened its trace: the Timeline, Tasks and Console show it; step with Step →."
               : error;
      }
      if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip(
            "Opens this schedule's recorded trace in the Timeline, Tasks and "
            "Console;\nstep through it with the toolbar.");
      }
    }
    if (outputs) {
      ImGui::TableNextColumn();
      name();
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void ExplorerPanel::draw() {
  poll();
  // What is (or would be) explored.
  const std::string open =
      controller_.source_kind() == Source::None
          ? std::string()
          : file_name(controller_.source_kind() == Source::Trace ? controller_.chunkname()
                                                                 : controller_.path());
  const bool has_result = state_.phase() != ExplorerPhase::Idle;
  const std::string shown = has_result ? file_name(state_.scenario()) : open;
  ImGui::PushFont(fonts().heading);
  ImGui::TextUnformatted(shown.empty() ? "No scenario open" : shown.c_str());
  ImGui::PopFont();
  if (!shown.empty()) {
    const std::string expect =
        has_result ? std::string() : explore::read_expectation(controller_.script(), shown);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kTextDim);
    if (has_result) {
      ImGui::Text(
          "— %s%s, %s", sim::to_string(state_.settings().policy),
          state_.settings().preempt == sim::Preempt::Line ? " per line" : "",
          state_.settings().policy == sim::PolicyKind::Pct
              ? ("depth " + std::to_string(state_.settings().depth)).c_str()
          : state_.settings().policy == sim::PolicyKind::Exhaustive
              ? ("≤ " + std::to_string(state_.settings().preemptions) + " preemptions").c_str()
              : ("seed " + std::to_string(state_.settings().seed) + "+i").c_str());
    } else {
      ImGui::TextUnformatted(expect.empty() ? "— runs it under many schedules"
                                            : ("— expects \"" + expect + "\"").c_str());
    }
    ImGui::PopStyleColor();
  }
  if (has_result && !open.empty() && open != shown && file_name(controller_.chunkname()) != shown) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kTextDim);
    ImGui::Text("(these results are for %s; Explore runs %s)", shown.c_str(), open.c_str());
    ImGui::PopStyleColor();
  }
  draw_controls();

  // Progress.
  const std::string progress = state_.progress_text();
  ImGui::ProgressBar(static_cast<float>(state_.fraction()), ImVec2(-1, 0),
                     state_.phase() == ExplorerPhase::Idle ? "" : progress.c_str());
  if (state_.phase() == ExplorerPhase::Idle) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kTextDim);
    ImGui::TextWrapped(
        "Explore runs the scenario again and again, each time with a different order of the "
        "tasks' steps, and counts how the runs end. A rare deadlock shows up here with the exact "
        "schedule that causes it: open it to step through it in the timeline.");
    ImGui::PopStyleColor();
  }
  if (const std::string v = state_.verdict_text(); !v.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text,
                          state_.verdict_broken() ? palette::kError : IM_COL32(120, 200, 140, 255));
    text_wrapped(v);
    ImGui::PopStyleColor();
  }
  if (!message_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kAccent);
    text_wrapped(message_);
    ImGui::PopStyleColor();
  }
  if (!has_result) return;

  ImGui::Spacing();
  ImGui::PushFont(fonts().heading);
  ImGui::TextUnformatted("How the runs ended");
  ImGui::PopFont();
  draw_histogram("##outcomes", state_.outcome_rows(), false);
  ImGui::Spacing();
  ImGui::PushFont(fonts().heading);
  ImGui::Text("What they printed: %s distinct output%s", grouped(state_.distinct_outputs()).c_str(),
              state_.distinct_outputs() == 1 ? "" : "s");
  ImGui::PopFont();
  if (state_.distinct_outputs() > explore::kTallyOutputs && state_.running()) {
    ImGui::TextDisabled("(the first %zu while running)", explore::kTallyOutputs);
  }
  ImGui::BeginChild("##outputs", ImVec2(0, 0), false);
  draw_histogram("##outputs_table", state_.output_rows(), true);
  ImGui::EndChild();
}

}  // namespace rdv::ui
