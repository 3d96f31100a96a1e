// session/controller.cpp — one run at a time, polled each frame; the cursor over its events.
//
// Why the run executes ahead in controlled mode: a controlled run is deterministic (same seed,
// same events), so executing it at full speed and stepping through its record shows exactly
// what stepping the runtime itself would, while Step stays instant and the UI thread never
// waits. Only the interactive policy makes the runtime wait, because there the person's choice
// is what decides the next event.
#include "session/controller.h"

#include "gofront/gofront.h"
#include "script/scenario_header.h"
#include "session/view_model.h"
#include "sim/event_log.h"
#include "sim/policy.h"
#include "trace/recorder.h"
#include "trace/trace.h"

#include "script/run.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <random>
#include <thread>

namespace rdv::session {

namespace {

// Events ingested per frame at most: a run of millions of events fills the model over a few
// frames instead of freezing one.
constexpr std::size_t kMaxIngestPerFrame = 200'000;
constexpr std::chrono::milliseconds kMaxIngestTime{12};

std::string file_name(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

}  // namespace

Controller::Controller()
    : model_(std::make_unique<model::Model>()), cursor_(std::make_unique<model::Cursor>(*model_)) {}

Controller::~Controller() {
  stop_run();
}

void Controller::reset_model() {
  cursor_.reset();
  model_ = std::make_unique<model::Model>();
  cursor_ = std::make_unique<model::Cursor>(*model_);
  const sim::TaskId focus = view_.focus;
  const float speed = view_.speed;
  const bool hide_done = view_.hide_done;
  const bool event_axis = view_.event_axis;
  view_ = ViewState{};
  view_.focus = focus;
  view_.speed = speed;
  view_.hide_done = hide_done;
  view_.event_axis = event_axis;
  diagnostics_.clear();
  error_line_ = 0;
  step_task_ = 0;
  ended_ = false;
}

struct Controller::Reaper {
  std::thread thread;
  std::atomic<bool> done{false};
  script::RunReport report;
  ~Reaper() {
    if (thread.joinable()) thread.join();
  }
};

void Controller::stop_run() {
  reaper_.reset();  // joins the thread finishing the last run (it reads log_)
  if (run_) {
    run_->abort();  // also interrupts an interactive policy waiting for a pick
    run_.reset();   // joins every task thread
  }
  interactive_.reset();
  log_.reset();
}

void Controller::open_script(std::string path, std::string chunkname, std::string source) {
  path_ = std::move(path);
  chunkname_ = std::move(chunkname);
  script_ = std::move(source);
  source_kind_ = Source::Script;
  view_.reveal_future = false;  // a run is stepped: predict, then step
  // The scenario's header may set its default preemption (the lost update asks for "line");
  // the toolbar shows it and can change it.
  if (const Result<script::ScenarioHeader> h = script::parse_scenario_header(script_, path_);
      h && !h->preempt.empty())
    sim::parse_preempt(h->preempt, &settings_.preempt);
  // A Go test file lists its tests; the one picked stays picked while the file has it.
  tests_ = gofront::test_names(chunkname_, script_);
  if (std::find(tests_.begin(), tests_.end(), settings_.test) == tests_.end())
    settings_.test.clear();
  start_run();
  for (const auto& fn : open_listeners_) fn();
}

void Controller::start_run() {
  stop_run();
  reset_model();
  if (source_kind_ != Source::Script) return;
  trace::Header h = trace::run_header(path_, script_, script::scenario_title(script_, chunkname_),
                                      settings_.mode, settings_.policy, settings_.seed,
                                      settings_.preempt, settings_.pct_depth, settings_.test);
  h.time_scale = settings_.time_scale;
  h.vars = true;
  h.max_events = settings_.max_events;
  model_->set_header(std::move(h));
  view_.follow = settings_.mode == sim::Mode::Live || settings_.policy == PolicyKind::Interactive;
  log_ = std::make_unique<sim::EventLog>();
  script::RunOptions opt;
  opt.config.mode = settings_.mode;
  opt.config.seed = settings_.seed;
  opt.config.time_scale = static_cast<double>(settings_.time_scale);
  opt.preempt = settings_.preempt;
  opt.track_vars = true;  // the Variables pane
  opt.config.max_events = settings_.max_events;
  opt.memory_cap = sim::default_memory_cap(settings_.max_events);
  opt.config.max_wall = sim::Nanos{settings_.wall_limit_s} * 1'000'000'000;
  opt.config.max_cpu = sim::Nanos{settings_.cpu_limit_s} * 1'000'000'000;
  opt.config.max_task_cpu = sim::Nanos{settings_.task_cpu_limit_s} * 1'000'000'000;
  if (settings_.policy == PolicyKind::Interactive && settings_.mode == sim::Mode::Controlled) {
    opt.config.max_wall = sim::Nanos{RunSettings::kMaxWallLimitS} * 1'000'000'000;
  }
  if (settings_.policy == PolicyKind::Interactive) {
    interactive_ = std::make_shared<sim::InteractivePolicy>(settings_.seed);
    opt.config.policy = interactive_;
  } else {
    opt.config.policy = sim::make_policy(settings_.policy, settings_.seed, settings_.pct_depth);
  }
  // A Go program runs as the chunk gofront lowers it to; one that does not compile (or leaves
  // the subset) ends at once as a Lua file that fails to load does, with gc's errors at
  // file:line:col as its message, so every view shows it the same way.
  gofront::Prepared prepared = gofront::prepare(chunkname_, script_, settings_.test);
  if (!prepared.ok) {
    opt.load_error = prepared.error;
    while (!opt.load_error.empty() && opt.load_error.back() == '\n') opt.load_error.pop_back();
  }
  run_ = std::make_shared<script::ScriptRun>(chunkname_, std::move(prepared.chunk), std::move(opt),
                                             *log_);
  run_->start();
  status_ = "running " + chunkname_ + " (" + sim::to_string(settings_.mode) + ", " +
            to_string(settings_.policy) + ", seed " + std::to_string(settings_.seed) + ")";
}

bool Controller::open_trace(const std::string& path, std::string* error) {
  auto r = trace::read_trace(path);
  if (!r) {
    if (error != nullptr) *error = r.error();
    return false;
  }
  stop_run();
  reset_model();
  trace::Trace t = std::move(r).value();
  path_ = path;
  script_ = t.header.script;
  tests_.clear();
  chunkname_ = file_name(t.header.scenario.empty() ? path : t.header.scenario);
  const std::string message = t.footer.message;
  cursor_.reset();
  model_ = std::make_unique<model::Model>(std::move(t));
  cursor_ = std::make_unique<model::Cursor>(*model_);
  source_kind_ = Source::Trace;
  view_.reveal_future = true;  // a recorded run is opened to be examined whole
  ended_ = true;
  diagnostics_ = message;
  error_line_ = session::error_line(message, chunkname_);
  status_ = "opened trace " + file_name(path) + " (" + std::to_string(model_->size()) + " events)";
  for (const auto& fn : open_listeners_) fn();
  return true;
}

bool Controller::save_trace(const std::string& path, std::string* error) const {
  trace::Footer footer;
  const model::State& head = model_->head();
  footer.outcome = head.outcome;
  footer.message = std::string(model_->str(head.message));
  const trace::Trace t = trace::make_trace(
      model_->header(), model_->events(), [&](sim::StrId id) { return model_->str(id); }, footer);
  if (auto s = trace::write_trace(path, t); !s) {
    if (error != nullptr) *error = s.error();
    return false;
  }
  return true;
}

bool Controller::interactive() const {
  return interactive_ != nullptr;
}

bool Controller::run_active() const {
  return (run_ != nullptr || reaper_ != nullptr) && !ended_;
}

bool Controller::run_ended() const {
  if (source_kind_ == Source::Trace) return true;
  return ended_ && (!log_ || model_->size() >= log_->committed());
}

std::vector<sim::TaskId> Controller::candidates() const {
  if (!interactive_ || !log_) return {};
  // Only once the model has every event before the question: the panels then show the state
  // the choice is made in.
  if (model_->size() < log_->committed()) return {};
  return interactive_->candidates();
}

sim::TaskId Controller::current_task() const {
  return interactive_ ? interactive_->current() : 0;
}

void Controller::request_reset() {
  if (source_kind_ == Source::Trace) {
    request_seek(0);
    return;
  }
  start_run();
}

void Controller::request_run() {
  if (interactive()) {
    view_.playing = true;  // picks on the person's behalf, at `speed` decisions per second
    view_.follow = true;   // and shows each choice, also after going back
    return;
  }
  if (settings_.mode == sim::Mode::Live && run_active()) {
    view_.follow = true;
    return;
  }
  if (at_end()) view_.cursor = 0;  // play again from the start
  view_.follow = false;
  view_.playing = true;
  view_.carry = 0;
}

void Controller::request_pause() {
  view_.playing = false;
  view_.follow = false;
}

void Controller::request_toggle_run() {
  if (view_.playing || (view_.follow && !run_ended() && !interactive()))
    request_pause();
  else
    request_run();
}

void Controller::request_step() {
  view_.playing = false;
  if (!view_.follow && view_.cursor < model_->size()) {
    // Reviewing what is recorded (after going back): forward one event; at the newest one a
    // live or interactive run is followed again.
    request_seek(view_.cursor + 1);
    if (view_.cursor >= model_->size() && (interactive() || settings_.mode == sim::Mode::Live) &&
        !run_ended())
      view_.follow = true;
    return;
  }
  if (interactive()) {
    const auto c = candidates();
    if (c.empty()) return;
    const sim::TaskId cur = current_task();
    interactive_->choose(std::find(c.begin(), c.end(), cur) != c.end() ? cur : c.front());
    return;
  }
  view_.follow = false;
  if (view_.cursor < model_->size()) request_seek(view_.cursor + 1);
}

void Controller::request_step_task(sim::TaskId task) {
  view_.playing = false;
  view_.focus = task;
  if (interactive()) {
    request_pick(task);
    return;
  }
  view_.follow = false;
  step_task_ = task;  // found in update(), possibly once the run has recorded it
}

bool Controller::request_pick(sim::TaskId task) {
  if (!interactive_) return false;
  const auto c = candidates();
  if (std::find(c.begin(), c.end(), task) == c.end()) return false;
  return interactive_->choose(task);
}

void Controller::request_run_to_end() {
  view_.playing = interactive();  // interactive: keep picking until the run ends
  view_.follow = true;
  if (interactive()) view_.speed = std::max(view_.speed, 60.0f);
}

void Controller::request_seek(std::size_t n) {
  view_.playing = false;
  view_.follow = false;
  step_task_ = 0;
  view_.cursor = std::min(n, model_->size());
  cursor_->seek(view_.cursor);  // state() is the new one at once, not only after update()
}

void Controller::request_step_back() {
  request_seek(view_.cursor > 0 ? view_.cursor - 1 : 0);
}

bool Controller::request_go_to_selected() {
  if (view_.selected == sim::kNoSeq || view_.selected >= model_->size()) return false;
  request_seek(static_cast<std::size_t>(view_.selected) + 1);
  return true;
}

void Controller::request_roll_seed() {
  std::random_device rd;
  RunSettings s = settings_;
  s.seed = 1 + (static_cast<std::uint64_t>(rd()) % 999'999);
  apply_settings(s);
}

void Controller::apply_settings(const RunSettings& s) {
  settings_ = s;
  settings_.time_scale = std::clamp(settings_.time_scale, 0.001f, 10.0f);
  settings_.pct_depth = std::clamp(settings_.pct_depth, 1, 10);
  settings_.max_events =
      std::clamp<std::uint64_t>(settings_.max_events, 1, sim::RunConfig::kMaxMaxEvents);
  settings_.wall_limit_s =
      std::clamp<std::int64_t>(settings_.wall_limit_s, 1, RunSettings::kMaxWallLimitS);
  settings_.cpu_limit_s =
      std::clamp<std::int64_t>(settings_.cpu_limit_s, 1, RunSettings::kMaxWallLimitS);
  settings_.task_cpu_limit_s =
      std::clamp<std::int64_t>(settings_.task_cpu_limit_s, 0, RunSettings::kMaxWallLimitS);
  if (source_kind_ == Source::Script) start_run();
}

void Controller::on_run_ended() {
  script::RunReport report;
  if (reaper_) {
    reaper_->thread.join();
    report = std::move(reaper_->report);
    reaper_.reset();
  } else {
    report = run_->finish();
  }
  diagnostics_ = report.diagnostics;
  error_line_ = report.result.line;
  if (error_line_ == 0) error_line_ = session::error_line(diagnostics_, chunkname_);
  if (report.result.outcome != sim::Outcome::Error && report.result.outcome != sim::Outcome::Panic)
    error_line_ = 0;  // a deadlock's line belongs to each blocked task, shown by its marker
  run_.reset();
  interactive_.reset();
  status_ = chunkname_ + ": " + sim::to_string(report.result.outcome);
  ended_ = true;
}

void Controller::update(double dt) {
  if (log_) {
    const std::size_t n = std::min(log_->committed(), model_->size() + kMaxIngestPerFrame);
    // Also bounded in time, so a run racing ahead (a million events) never stalls a frame.
    const auto deadline = std::chrono::steady_clock::now() + kMaxIngestTime;
    for (std::size_t i = model_->size(); i < n; ++i) {
      const sim::Event& e = log_->at(i);
      model_->append(e, e.text != 0 ? log_->str(e.text) : std::string_view());
      if ((i & 1023) == 1023 && std::chrono::steady_clock::now() > deadline) break;
    }
    if (run_ && !ended_ && !reaper_ && run_->wait_for(std::chrono::milliseconds(0))) {
      reaper_ = std::make_shared<Reaper>();
      reaper_->thread = std::thread([r = reaper_.get(), run = std::move(run_)]() mutable {
        r->report = run->finish();
        run.reset();
        r->done.store(true);
      });
    }
    if (reaper_ && reaper_->done.load()) on_run_ended();
  }
  const std::size_t size = model_->size();
  if (interactive() && view_.playing) {
    // Automatic picks at `speed` per second (Run), or one per frame (Run to end).
    view_.carry += dt * static_cast<double>(view_.speed);
    if (view_.carry >= 1.0) {
      view_.carry = 0;
      if (const auto c = candidates(); !c.empty()) {
        const sim::TaskId cur = current_task();
        interactive_->choose(std::find(c.begin(), c.end(), cur) != c.end() ? cur : c.front());
      }
    }
  }
  if (step_task_ != 0) {
    const auto& ev = model_->events();
    std::size_t i = view_.cursor;
    while (i < size && ev[i].task != step_task_) ++i;
    if (i < size) {
      view_.cursor = i + 1;
      step_task_ = 0;
    } else if (run_ended()) {
      status_ = std::string(model_->task_name(step_task_)) + " has no more events";
      step_task_ = 0;
    }
  } else if (view_.follow) {
    view_.cursor = size;
    if (run_ended() && !interactive()) view_.follow = false;
  } else if (view_.playing && !interactive()) {
    view_.carry += dt * static_cast<double>(view_.speed);
    const double whole = std::floor(view_.carry);
    view_.carry -= whole;
    view_.cursor = std::min(size, view_.cursor + static_cast<std::size_t>(whole));
    if (view_.cursor >= size && run_ended()) view_.playing = false;
  }
  if (interactive() == false && run_ended() && view_.playing == false) view_.carry = 0;
  view_.cursor = std::min(view_.cursor, size);
  cursor_->seek(view_.cursor);
}

bool Controller::finish_blocking(std::chrono::milliseconds timeout) {
  if (run_ && !ended_) {
    if (!run_->wait_for(timeout)) return false;
  }
  (void)timeout;
  if (log_) {
    for (std::size_t i = model_->size(); i < log_->committed(); ++i) {
      const sim::Event& e = log_->at(i);
      model_->append(e, e.text != 0 ? log_->str(e.text) : std::string_view());
    }
  }
  if ((run_ || reaper_) && !ended_) on_run_ended();
  cursor_->seek(view_.cursor);
  return run_ended();
}

}  // namespace rdv::session
