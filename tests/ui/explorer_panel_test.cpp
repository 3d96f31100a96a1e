// The Explorer tab's logic without a window: the histogram rows from fed tallies and the final
// summary, what each row opens, the exploration job off the UI thread (polled, never waited on),
// stopping when asked or when another scenario is opened, and opening a failure's trace through
// File ▸ Open's path into the controller's model.
#include "ui/explorer_panel.h"
#include "session/controller.h"
#include "session/scenario_catalog.h"
#include "tests/support/read_file.h"
#include "ui/file_actions.h"
#include "ui/shell.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

using rdv::explore::Kind;
using namespace rdv::session;
using namespace rdv::ui;

namespace {

std::string slurp(const std::string& path) {
  REQUIRE_MESSAGE(std::ifstream(path), "cannot read " << path);
  return rdv::test::read_file(path);
}

std::string scenario(const std::string& name) {
  return std::string(RDV_SOURCE_DIR) + "/scenarios/" + name;
}

rdv::explore::OutputClass output(std::uint64_t hash, std::uint64_t count, std::uint64_t first,
                                 std::string line, Kind kind = Kind::Ok) {
  rdv::explore::OutputClass c;
  c.hash = hash;
  c.count = count;
  c.first_index = first;
  c.lines = {std::move(line)};
  c.kind = kind;
  c.seed = 1 + first;
  c.schedule = {1, 2};
  return c;
}

// File ▸ Open remembers the file in the shell's settings, which live in an ImGui context.
struct ImGuiContextScope {
  ImGuiContextScope() { ImGui::CreateContext(); }
  ~ImGuiContextScope() { ImGui::DestroyContext(); }
  ImGuiContextScope(const ImGuiContextScope&) = delete;
  ImGuiContextScope& operator=(const ImGuiContextScope&) = delete;
};

// The Explorer panel in the app's shell, without a window.
struct ExplorerApp {
  Shell shell;
  ImGuiContextScope imgui;
  Browser browser;
  Controller controller;
  FileActions files{controller, browser, shell};
  ExplorerPanel panel{controller, files};

  // Opens scenarios/`file`; returns its path.
  std::string open(const std::string& file) {
    const std::string path = scenario(file);
    controller.open_script(path, file, slurp(path));
    return path;
  }
};

// Polls the panel like frames do (every few ms) until the exploration ends, or `limit`.
bool poll_until_done(ExplorerPanel& panel, std::chrono::seconds limit) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    panel.poll();
    if (!panel.state().running()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

}  // namespace

TEST_CASE("explorer state: tallies fill the outcome and output histograms") {
  ExplorerState st;
  CHECK(st.phase() == ExplorerPhase::Idle);
  ExplorerSettings settings;
  settings.schedules = 100;
  st.begin("scenarios/4.1-select-multiplex.lua", "never deadlocks", settings);
  CHECK(st.running());
  CHECK(st.total() == 100);
  CHECK(st.fraction() == 0.0);

  rdv::explore::Tally t;
  t.done = 40;
  t.total = 100;
  t.outcomes = {30, 10, 0, 0, 0};
  t.outputs = {output(7, 12, 0, "a then b"), output(9, 28, 1, "b then a")};
  t.distinct_outputs = 2;
  st.feed(t, 0.02);
  CHECK(st.done() == 40);
  CHECK(st.fraction() == doctest::Approx(0.4));
  CHECK(st.schedules_per_second() == doctest::Approx(2000));
  const auto rows = st.outcome_rows();
  REQUIRE(rows.size() == 5);  // every class, even those with no run
  CHECK(rows[0].label == "ok");
  CHECK(rows[0].count == 30);
  CHECK(rows[0].fraction == doctest::Approx(0.75));
  CHECK(rows[1].label == "deadlock");
  CHECK(rows[1].count == 10);
  CHECK(rows[1].kind == Kind::Deadlock);
  CHECK(rows[2].count == 0);
  for (const auto& r : rows) CHECK_FALSE(r.can_open);  // nothing to open while running
  const auto outs = st.output_rows();
  REQUIRE(outs.size() == 2);
  CHECK(outs[0].label == "b then a");  // most frequent first
  CHECK(outs[0].count == 28);
  CHECK(outs[1].label == "a then b");
  CHECK(st.verdict_text().empty());
  CHECK(st.progress_text().find("40 / 100 schedules") != std::string::npos);
  CHECK(st.progress_text().find("2,000 schedules/s") != std::string::npos);
  CHECK_FALSE(st.outcome_target(Kind::Deadlock).has_value());
}

TEST_CASE("explorer state: the summary gives the verdict and what each row opens") {
  ExplorerState st;
  ExplorerSettings settings;
  settings.schedules = 10;
  st.begin("x/2.1c-deadlock-all-asleep.lua", "never deadlocks", settings);
  st.selected_outcome = 3;

  rdv::explore::Summary s;
  s.schedules = 10;
  s.outcomes = {6, 4, 0, 0, 0};
  s.outputs = {output(5, 6, 0, "done"), output(6, 4, 2, "", Kind::Deadlock)};
  rdv::explore::Failure f;
  f.kind = Kind::Deadlock;
  f.index = 2;
  f.seed = 3;
  f.schedule = {2, 1};
  f.trace_path = "/tmp/x.deadlock.seed3.rdv.jsonl";
  s.failures = {f};
  rdv::explore::Failure ok;
  ok.kind = Kind::Ok;
  ok.index = 0;
  ok.seed = 1;
  s.first_ok = ok;
  s.seconds = 0.5;
  st.finish(s);

  CHECK(st.phase() == ExplorerPhase::Done);
  CHECK(st.fraction() == 1.0);
  CHECK(st.verdict_broken());
  CHECK(st.verdict_text().find("Expectation broken") == 0);
  CHECK(st.verdict_text().find("4 of 10") != std::string::npos);
  CHECK(st.counts_text() == "ok 6, deadlock 4, panic 0, leak 0, error 0");
  const auto rows = st.outcome_rows();
  CHECK(rows[0].can_open);        // the first ok schedule is kept
  CHECK(rows[1].can_open);        // the first deadlock has its trace
  CHECK_FALSE(rows[2].can_open);  // no panic happened
  const auto dl = st.outcome_target(Kind::Deadlock);
  REQUIRE(dl.has_value());
  CHECK(dl->trace == f.trace_path);
  CHECK(dl->schedule == f.schedule);
  const auto okt = st.outcome_target(Kind::Ok);
  REQUIRE(okt.has_value());
  CHECK(okt->trace.empty());  // recorded on demand
  CHECK(okt->label == "ok");
  const auto outs = st.output_rows();
  REQUIRE(outs.size() == 2);
  CHECK(outs[1].label == "(no output)");
  CHECK(outs[1].kind == Kind::Deadlock);
  CHECK(outs[1].can_open);
  const auto ot = st.output_target(1);
  REQUIRE(ot.has_value());
  CHECK(ot->index == 2);
  CHECK(ot->label == "output2");  // second in first-seen order
  CHECK_FALSE(st.output_target(2).has_value());
  // A new exploration clears the results and the selection.
  st.begin("y.lua", "", settings);
  CHECK(st.selected_outcome == -1);
  CHECK_FALSE(st.summary().has_value());
  CHECK(st.count(Kind::Deadlock) == 0);
}

TEST_CASE("explorer state: a stopped exploration says so") {
  ExplorerState st;
  st.begin("a.lua", "", ExplorerSettings{});
  rdv::explore::Summary s;
  s.schedules = 3;
  s.outcomes = {3, 0, 0, 0, 0};
  s.stopped = true;
  s.seconds = 0.1;
  st.finish(s);
  CHECK(st.phase() == ExplorerPhase::Stopped);
  CHECK(st.progress_text().find("stopped") != std::string::npos);
  CHECK(st.fraction() < 1.0);
}

TEST_CASE("explorer panel: explores off the UI thread, finds 4.2c's deadlock, opens its trace") {
  ExplorerApp app;
  ExplorerPanel& panel = app.panel;
  Controller& controller = app.controller;
  const std::string path = app.open("4.2c-deadlock-lock-order.lua");

  ExplorerSettings s;
  s.schedules = 300;
  s.jobs = 2;
  const auto t0 = std::chrono::steady_clock::now();
  REQUIRE(panel.start(s));
  // start() returns at once: the runs happen on the job's threads.
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(200));
  REQUIRE(poll_until_done(panel, std::chrono::seconds(120)));
  const ExplorerState& st = panel.state();
  CHECK(st.phase() == ExplorerPhase::Done);
  CHECK(st.done() == 300);
  CHECK(st.count(Kind::Deadlock) > 0);
  CHECK(st.count(Kind::Ok) > 0);
  CHECK(st.count(Kind::Ok) + st.count(Kind::Deadlock) == 300);
  CHECK_FALSE(st.verdict_broken());  // 4.2c: "may deadlock"

  // One click: the first deadlock's trace becomes the controller's model.
  std::string error;
  REQUIRE_MESSAGE(panel.open_outcome(Kind::Deadlock, &error), error);
  CHECK(controller.source_kind() == Source::Trace);
  CHECK(controller.model().head().outcome == rdv::sim::Outcome::Deadlock);
  CHECK(controller.model().size() > 0);
  // Step through it: the cursor moves one event at a time.
  controller.request_seek(0);
  controller.request_step();
  controller.update(0.0);
  CHECK(controller.view().cursor == 1);
  // The results stay after opening their trace, and an ok schedule opens too (recorded now).
  CHECK(panel.state().phase() == ExplorerPhase::Done);
  REQUIRE_MESSAGE(panel.open_outcome(Kind::Ok, &error), error);
  CHECK(controller.model().head().outcome == rdv::sim::Outcome::Ok);
  REQUIRE_MESSAGE(panel.open_output(0, &error), error);
  CHECK(controller.source_kind() == Source::Trace);
  CHECK_FALSE(panel.open_outcome(Kind::Panic, &error));
}

TEST_CASE("explorer panel: the select scenario's two orders are two distinct outputs") {
  ExplorerApp app;
  ExplorerPanel& panel = app.panel;
  const std::string path = app.open("4.1-select-multiplex.lua");
  ExplorerSettings s;
  s.schedules = 200;
  REQUIRE(panel.start(s));
  REQUIRE(poll_until_done(panel, std::chrono::seconds(120)));
  CHECK(panel.state().count(Kind::Ok) == 200);
  CHECK(panel.state().output_rows().size() >= 2);
}

TEST_CASE("explorer panel: stops promptly when asked and when another scenario is opened") {
  ExplorerApp app;
  ExplorerPanel& panel = app.panel;
  const std::string path = app.open("5.3-circuit-breaker.lua");
  ExplorerSettings s;
  s.schedules = 5'000'000;  // far more than can finish within the test
  s.jobs = 1;
  REQUIRE(panel.start(s));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto t0 = std::chrono::steady_clock::now();
  panel.stop();
  REQUIRE(poll_until_done(panel, std::chrono::seconds(10)));
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
  CHECK(panel.state().phase() == ExplorerPhase::Stopped);
  CHECK(panel.state().done() < 5'000'000);

  REQUIRE(panel.start(s));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  t0 = std::chrono::steady_clock::now();
  app.open("2.1-unbuffered-rendezvous.lua");
  REQUIRE(poll_until_done(panel, std::chrono::seconds(10)));
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
  CHECK(panel.state().phase() == ExplorerPhase::Stopped);
  CHECK(panel.state().scenario() == path);  // the results name what they are about
}
