// session/explorer_state.cpp — the Explorer tab's logic: histograms, progress, verdict, what a
// row opens, and the exploration's thread.
#include "session/explorer_state.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <filesystem>

namespace rdv::session {

namespace {

using explore::Kind;

std::string join_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& l : lines) text += (text.empty() ? "" : " / ") + l;
  return text.empty() ? "(no output)" : text;
}

}  // namespace

sim::Outcome outcome_of(Kind k) {
  switch (k) {
    case Kind::Ok:
      return sim::Outcome::Ok;
    case Kind::Deadlock:
      return sim::Outcome::Deadlock;
    case Kind::Panic:
      return sim::Outcome::Panic;
    case Kind::Leak:
      return sim::Outcome::Leak;
    case Kind::Error:
      return sim::Outcome::Error;
  }
  return sim::Outcome::Error;
}

// 12345 -> "12,345".
std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), ",");
  }
  return digits;
}

// ---- ExplorerState ----------------------------------------------------------------------------

void ExplorerState::begin(std::string scenario, std::string expect,
                          const ExplorerSettings& settings) {
  phase_ = ExplorerPhase::Running;
  scenario_ = std::move(scenario);
  expect_ = std::move(expect);
  settings_ = settings;
  tally_ = {};
  tally_.total = static_cast<std::uint64_t>(std::max(1, settings.schedules));
  seconds_ = 0;
  summary_.reset();
  verdict_.reset();
  selected_outcome = -1;
  selected_output = -1;
}

void ExplorerState::feed(const explore::Tally& tally, double seconds) {
  if (phase_ != ExplorerPhase::Running) return;
  tally_ = tally;
  seconds_ = seconds;
}

void ExplorerState::finish(explore::Summary summary) {
  tally_.done = summary.schedules;
  tally_.outcomes = summary.outcomes;
  tally_.outputs = summary.outputs;
  tally_.distinct_outputs = summary.outputs.size();
  seconds_ = summary.seconds;
  phase_ = summary.stopped ? ExplorerPhase::Stopped : ExplorerPhase::Done;
  verdict_ = explore::judge(expect_, summary);
  summary_ = std::move(summary);
}

double ExplorerState::fraction() const {
  if (phase_ == ExplorerPhase::Done) return 1.0;
  if (tally_.total == 0) return 0.0;
  return std::min(1.0, static_cast<double>(tally_.done) / static_cast<double>(tally_.total));
}

double ExplorerState::schedules_per_second() const {
  return seconds_ > 0 ? static_cast<double>(tally_.done) / seconds_ : 0.0;
}

std::vector<HistogramRow> ExplorerState::outcome_rows() const {
  std::vector<HistogramRow> rows;
  const bool ended = summary_.has_value();
  for (std::size_t k = 0; k < explore::kKinds; ++k) {
    const Kind kind = static_cast<Kind>(k);
    HistogramRow r;
    r.label = explore::to_string(kind);
    r.count = tally_.outcomes[k];
    r.fraction =
        tally_.done > 0 ? static_cast<double>(r.count) / static_cast<double>(tally_.done) : 0.0;
    r.kind = kind;
    r.can_open = ended && r.count > 0 && outcome_target(kind).has_value();
    rows.push_back(std::move(r));
  }
  return rows;
}

std::vector<const explore::OutputClass*> ExplorerState::sorted_outputs() const {
  std::vector<const explore::OutputClass*> out;
  for (const explore::OutputClass& c : tally_.outputs) out.push_back(&c);
  std::stable_sort(out.begin(), out.end(),
                   [](const auto* a, const auto* b) { return a->count > b->count; });
  return out;
}

std::vector<HistogramRow> ExplorerState::output_rows() const {
  std::vector<HistogramRow> rows;
  const bool ended = summary_.has_value();
  for (const explore::OutputClass* c : sorted_outputs()) {
    HistogramRow r;
    r.label = join_lines(c->lines);
    r.count = c->count;
    r.fraction =
        tally_.done > 0 ? static_cast<double>(c->count) / static_cast<double>(tally_.done) : 0.0;
    r.kind = c->kind;
    r.can_open = ended;
    rows.push_back(std::move(r));
  }
  return rows;
}

std::string ExplorerState::progress_text() const {
  if (phase_ == ExplorerPhase::Idle) return "not explored yet";
  const std::uint64_t total = phase_ == ExplorerPhase::Done ? tally_.done : tally_.total;
  char rate[64];
  std::snprintf(rate, sizeof rate, "%s schedules/s",
                grouped(static_cast<std::uint64_t>(schedules_per_second() + 0.5)).c_str());
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.1f s", seconds_);
  std::string text =
      grouped(tally_.done) + " / " + grouped(total) + " schedules · " + rate + " · " + secs;
  if (summary_ && settings_.policy == sim::PolicyKind::Exhaustive && !summary_->stopped) {
    text += summary_->exhausted
                ? " · every schedule with ≤ " + std::to_string(settings_.preemptions) +
                      " preemptions was explored"
                : " · cap reached: the space was NOT exhausted";
  }
  if (phase_ == ExplorerPhase::Stopped) text += " · stopped";
  return text;
}

std::string ExplorerState::counts_text() const {
  std::string text;
  for (std::size_t k = 0; k < explore::kKinds; ++k) {
    text += (k == 0 ? "" : ", ") + std::string(explore::to_string(static_cast<Kind>(k))) + " " +
            std::to_string(tally_.outcomes[k]);
  }
  return text;
}

std::string ExplorerState::verdict_text() const {
  if (!verdict_) return "";
  return (verdict_->broken ? "Expectation broken: " : "Expectation held: ") + verdict_->explanation;
}

std::optional<ExplorerState::Target> ExplorerState::outcome_target(Kind k) const {
  if (!summary_) return std::nullopt;
  const explore::Failure* f = nullptr;
  if (k == Kind::Ok) {
    if (summary_->first_ok) f = &*summary_->first_ok;
  } else {
    for (const explore::Failure& g : summary_->failures) {
      if (g.kind == k) f = &g;
    }
  }
  if (f == nullptr) return std::nullopt;
  return Target{f->index, f->seed, f->schedule, explore::to_string(k), f->trace_path, k};
}

std::optional<ExplorerState::Target> ExplorerState::output_target(std::size_t row) const {
  if (!summary_) return std::nullopt;
  const auto sorted = sorted_outputs();
  if (row >= sorted.size()) return std::nullopt;
  const explore::OutputClass& c = *sorted[row];
  // Named by its place in first-seen order, which does not depend on the counts.
  std::size_t order = 0;
  for (std::size_t i = 0; i < tally_.outputs.size(); ++i) {
    if (&tally_.outputs[i] == &c) order = i + 1;
  }
  return Target{c.first_index, c.seed, c.schedule, "output" + std::to_string(order), "", c.kind};
}

// ---- ExplorationJob ---------------------------------------------------------------------------

ExplorationJob::ExplorationJob(std::string path, std::string source, explore::Options options)
    : start_(std::chrono::steady_clock::now()) {
  options.should_stop = [this] { return stop_.load(); };
  options.on_tally = [this](const explore::Tally& t) {
    std::lock_guard lk(mu_);
    tally_ = t;
  };
  thread_ = std::thread(
      [this, path = std::move(path), source = std::move(source), options = std::move(options)] {
        explore::Summary s = explore::explore(path, source, options);
        {
          std::lock_guard lk(mu_);
          summary_ = std::move(s);
        }
        finished_ = true;
      });
}

ExplorationJob::~ExplorationJob() {
  stop();
  wait();
}

void ExplorationJob::wait() {
  if (thread_.joinable()) thread_.join();
}

std::optional<explore::Tally> ExplorationJob::take_tally() {
  std::lock_guard lk(mu_);
  std::optional<explore::Tally> t = std::move(tally_);
  tally_.reset();
  return t;
}

std::optional<explore::Summary> ExplorationJob::take_summary() {
  std::lock_guard lk(mu_);
  std::optional<explore::Summary> s = std::move(summary_);
  summary_.reset();
  return s;
}

double ExplorationJob::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

}  // namespace rdv::session
