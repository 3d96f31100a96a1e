// Tests of the view logic without a window: state colours and shapes, the words panels show for
// a task, line markers, the context tree, console lines, error lines and exercise goals; and the
// controller driving real runs of shipped scenarios (Step, Step this task, seek, the
// interactive policy) when this build has the script runner.
#include "session/view_model.h"
#include "session/controller.h"
#include "session/state_style.h"
#include "tests/support/controller_run.h"
#include "tests/support/model_stream.h"
#include "tests/support/read_file.h"
#include "tests/support/scenario.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

namespace {

using rdv::model::Model;
using rdv::model::TaskState;
using rdv::sim::BlockReason;
using rdv::sim::Event;
using rdv::sim::EventKind;
using namespace rdv::session;

using rdv::test::Stream;

constexpr std::int64_t R(BlockReason r) {
  return static_cast<std::int64_t>(r);
}

}  // namespace

TEST_CASE("state style: eight states, each its own colour and its own shape") {
  std::set<std::uint32_t> colours;  // packed RGBA
  std::set<StateShape> shapes;
  std::set<std::string> labels;
  for (const VisualState v : kVisualStates) {
    const Rgba c = state_rgba(v);
    colours.insert(std::uint32_t{c.r} << 24 | std::uint32_t{c.g} << 16 | std::uint32_t{c.b} << 8 |
                   c.a);
    shapes.insert(state_shape(v));
    labels.insert(state_label(v));
  }
  CHECK(colours.size() == kVisualStateCount);
  CHECK(shapes.size() == kVisualStateCount);
  CHECK(labels.size() == kVisualStateCount);
  CHECK(visual_state(TaskState::Blocked, BlockReason::ChanSend) == VisualState::BlockedChan);
  CHECK(visual_state(TaskState::Blocked, BlockReason::Select) == VisualState::BlockedSelect);
  CHECK(visual_state(TaskState::Blocked, BlockReason::WaitGroup) == VisualState::BlockedWaitGroup);
  CHECK(visual_state(TaskState::Blocked, BlockReason::Mutex) == VisualState::BlockedMutex);
  CHECK(visual_state(TaskState::Blocked, BlockReason::CondWait) == VisualState::BlockedWaitGroup);
  CHECK(visual_state(TaskState::Blocked, BlockReason::Future) == VisualState::BlockedFuture);
  CHECK(visual_state(TaskState::Sleeping, BlockReason::Sleep) == VisualState::Sleeping);
  CHECK(visual_state(TaskState::Panicked, BlockReason::None) == VisualState::Panicked);
  // Identity colours of neighbours differ; outcome colours separate good from bad.
  CHECK(task_rgba(0) != task_rgba(1));
  CHECK(outcome_rgba(rdv::sim::Outcome::Ok) != outcome_rgba(rdv::sim::Outcome::Deadlock));
}

TEST_CASE("view model: times in readable units") {
  CHECK(format_time(0) == "0 s");
  CHECK(format_time(2'000'000'000) == "2 s");
  CHECK(format_time(1'500'000'000) == "1.5 s");
  CHECK(format_time(250'000'000) == "250 ms");
  CHECK(format_time(40'000) == "40 \xC2\xB5s");
  CHECK(format_time(12) == "12 ns");
}

TEST_CASE("view model: a rendezvous in words, markers and console lines") {
  Stream s;
  const rdv::test::AsyncResultSeqs at = rdv::test::add_async_result(s, {.recv_line = 11,
                                                                        .sleep_line = 9,
                                                                        .send_line = 10,
                                                                        .print_line = 12,
                                                                        .sleep = 2'000'000'000});
  const auto block = at.block;
  const auto sleep = at.sleep;
  const auto send = at.send;
  const auto print = at.print;
  s.add(EventKind::Note, 1, {{"line", 12}}, "done");
  s.add(EventKind::TaskExit, 1);
  s.add(EventKind::RunEnd, 0, {{"arg", static_cast<std::int64_t>(rdv::sim::Outcome::Ok)}});
  const Model& m = s.model;

  CHECK(object_label(m, 1) == "chan result");
  CHECK(object_label(m, 0) == "nil channel");
  CHECK(object_label(m, 77) == "object #77");

  const auto at_sleep = m.state_after(sleep);
  const TaskRow main_row = task_row(m, at_sleep, *at_sleep.task(1));
  CHECK(main_row.name == "main");
  CHECK(main_row.visual == VisualState::BlockedChan);
  CHECK(main_row.doing == "recv on chan result");
  CHECK(main_row.line == 11);
  CHECK(main_row.blocked_steps == sleep - block);
  CHECK_FALSE(main_row.stuck);
  const TaskRow worker = task_row(m, at_sleep, *at_sleep.task(2));
  CHECK(worker.visual == VisualState::Sleeping);
  CHECK(worker.doing == "sleep until 2 s");
  CHECK(worker.index == 1);

  // After the hand-off main has been blocked for the whole sleep.
  const auto at_send = m.state_after(send);
  CHECK(task_row(m, at_send, *at_send.task(1)).blocked_time == 2'000'000'000);

  // Markers: both tasks alive with lines; sorted by line.
  const auto marks = line_marks(at_sleep);
  REQUIRE(marks.size() == 2);
  CHECK(marks[0].line == 9);
  CHECK(marks[0].task == 2);
  CHECK(marks[1].line == 11);
  CHECK(line_marks(m.head()).empty());  // everyone is done
  // A task that has returned runs no next line: the Tasks panel shows none.
  const auto at_end = m.head();
  CHECK(task_row(m, at_end, *at_end.task(1)).line == 0);

  // Console: nothing before the print, then the print, the note and the end.
  CHECK(console_lines(m, print).empty());
  const auto lines = console_lines(m, m.size());
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].kind == ConsoleKind::Print);
  CHECK(lines[0].text == "result:\t42");
  CHECK(lines[1].kind == ConsoleKind::Note);
  CHECK(lines[2].kind == ConsoleKind::End);
  CHECK(lines[2].text == "run ended: ok");
}

TEST_CASE("view model: a task asleep in a Cond's Wait is named with the Cond and its mutex") {
  Stream s;
  s.add(EventKind::TaskSpawn, 1, {}, "main");
  s.add(EventKind::MutexMake, 1, {{"obj", 1}}, "queue");
  s.add(EventKind::CondMake, 1, {{"obj", 2}, {"aux", 1}}, "ready");
  s.add(EventKind::MutexLock, 1, {{"obj", 1}});
  s.add(EventKind::CondWait, 1, {{"obj", 2}, {"aux", 1}});
  s.add(EventKind::MutexUnlock, 1, {{"obj", 1}});
  s.add(EventKind::TaskBlock, 1, {{"reason", R(BlockReason::CondWait)}, {"obj", 2}});
  const Model& m = s.model;
  CHECK(waits_on(m, m.head(), *m.head().task(1)) == "wait on Cond ready (L = queue)");
  CHECK(object_label(m, 2) == "Cond ready");
}

TEST_CASE("view model: a Cond's L is named by kind: RLocker, a program's Locker, nil") {
  Stream s;
  s.add(EventKind::TaskSpawn, 1, {}, "main");
  s.add(EventKind::MutexMake, 1, {{"obj", 1}, {"arg", 1}}, "rw");
  s.add(EventKind::CondMake, 1, {{"obj", 2}, {"aux", 1}, {"arg", 1}}, "loaded");
  s.add(EventKind::CondMake, 1, {{"obj", 3}, {"arg", 2}}, "ready", "main.semaphore");
  s.add(EventKind::CondMake, 1, {{"obj", 4}, {"arg", 3}}, "c");
  s.add(EventKind::CondMake, 1, {{"obj", 5}, {"aux", 1}}, "changed");
  s.add(EventKind::MutexLock, 1, {{"obj", 1}, {"arg", 1}, {"aux", 1}});
  s.add(EventKind::CondWait, 1, {{"obj", 2}, {"aux", 1}});
  s.add(EventKind::MutexUnlock, 1, {{"obj", 1}, {"arg", 1}});
  s.add(EventKind::TaskBlock, 1, {{"reason", R(BlockReason::CondWait)}, {"obj", 2}});
  const Model& m = s.model;
  CHECK(waits_on(m, m.head(), *m.head().task(1)) == "wait on Cond loaded (L = rw (read))");
  const auto& st = m.head();
  CHECK(m.cond_locker(*st.cond(2)) == "rw (read)");
  CHECK(m.cond_locker(*st.cond(3)) == "main.semaphore");
  CHECK(m.cond_locker(*st.cond(4)) == "nil");
  CHECK(m.cond_locker(*st.cond(5)) == "rw");
}

TEST_CASE("view model: a deadlock marks the blocked tasks as stuck, select and sync in words") {
  Stream s;
  s.add(EventKind::TaskSpawn, 1, {}, "main");
  s.add(EventKind::ChanMake, 1, {{"obj", 1}}, "jobs");
  s.add(EventKind::ChanMake, 1, {{"obj", 2}}, "quit");
  s.add(EventKind::WgMake, 1, {{"obj", 3}}, "workers");
  s.add(EventKind::WgAdd, 1, {{"obj", 3}, {"arg", 2}, {"aux", 2}});
  s.add(EventKind::MutexMake, 1, {{"obj", 4}}, "audit");
  s.add(EventKind::TaskSpawn, 2, {{"peer", 1}}, "worker");
  s.add(EventKind::MutexLock, 2, {{"obj", 4}});
  s.add(EventKind::TaskSpawn, 3, {{"peer", 1}}, "picker");
  s.add(EventKind::SelectCase, 3, {{"obj", 1}, {"reason", R(BlockReason::ChanRecv)}, {"arg", 0}});
  s.add(EventKind::SelectCase, 3, {{"obj", 2}, {"reason", R(BlockReason::ChanSend)}, {"arg", 1}},
        {}, "1");
  s.add(EventKind::TaskBlock, 3, {{"reason", R(BlockReason::Select)}, {"line", 20}});
  s.add(EventKind::TaskBlock, 1, {{"reason", R(BlockReason::WaitGroup)}, {"obj", 3}, {"line", 30}});
  s.add(EventKind::TaskSpawn, 4, {{"peer", 1}}, "other");
  s.add(EventKind::TaskBlock, 4, {{"reason", R(BlockReason::Mutex)}, {"obj", 4}, {"line", 40}});
  s.add(EventKind::TaskBlock, 2, {{"reason", R(BlockReason::ChanRecv)}, {"obj", 2}});
  const auto before = s.model.head();
  for (const auto& t : before.tasks) CHECK_FALSE(is_stuck(before, t));
  s.add(EventKind::Deadlock, 0);
  s.add(EventKind::RunEnd, 0, {{"arg", static_cast<std::int64_t>(rdv::sim::Outcome::Deadlock)}},
        "fatal error: all goroutines are asleep - deadlock!");
  const Model& m = s.model;
  const auto& end = m.head();
  CHECK(waits_on(m, end, *end.task(1)) == "wait on WaitGroup workers (counter 2)");
  CHECK(waits_on(m, end, *end.task(3)) == "select: recv on jobs, send on quit");
  CHECK(waits_on(m, end, *end.task(4)) == "lock Mutex audit (held by worker)");
  for (const auto& t : end.tasks) CHECK(is_stuck(end, t));
  const auto lines = console_lines(m, m.size());
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].kind == ConsoleKind::Deadlock);
  CHECK(lines[0].text == "fatal error: all goroutines are asleep - deadlock!");

  // The banner names Channels only because a stuck task waits in a channel's queue here.
  CHECK(stuck_banner(end) == "4 tasks left blocked: highlighted in red in Tasks and Channels");
  // A pane not on screen (hidden, or another tab in front) is not named.
  CHECK(stuck_banner(end, {.tasks = false, .channels = true}) ==
        "4 tasks left blocked: highlighted in red in Channels");
  CHECK(stuck_banner(end, {.tasks = true, .channels = false}) ==
        "4 tasks left blocked: highlighted in red in Tasks");
  CHECK(stuck_banner(end, {.tasks = false, .channels = false}) ==
        "4 tasks left blocked: see the report below");
  // The report below the console does not repeat the "fatal error" line.
  const std::string report =
      "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [WaitGroup.Wait]:\n";
  CHECK(report_after_console(report, lines) == "goroutine 1 [WaitGroup.Wait]:\n");
}

TEST_CASE("view model: a deadlock on a WaitGroup alone names only Tasks (3.1d)") {
  Stream s;
  s.add(EventKind::TaskSpawn, 1, {}, "main");
  s.add(EventKind::WgMake, 1, {{"obj", 1}}, "workers");
  s.add(EventKind::WgAdd, 1, {{"obj", 1}, {"arg", 3}, {"aux", 3}});
  s.add(EventKind::TaskSpawn, 2, {{"peer", 1}}, "worker");
  s.add(EventKind::WgAdd, 2, {{"obj", 1}, {"arg", -1}, {"aux", 2}});
  s.add(EventKind::TaskExit, 2);
  s.add(EventKind::TaskBlock, 1, {{"reason", R(BlockReason::WaitGroup)}, {"obj", 1}, {"line", 17}});
  s.add(EventKind::Deadlock, 0);
  s.add(EventKind::RunEnd, 0, {{"arg", static_cast<std::int64_t>(rdv::sim::Outcome::Deadlock)}},
        "fatal error: all goroutines are asleep - deadlock!");
  const Model& m = s.model;
  CHECK(stuck_banner(m.head()) == "1 task left blocked: highlighted in red in Tasks");
  // wg:done() is Add(-1): labelled with the call's word, not WgAdd.
  CHECK(std::string(event_kind_label(m.events()[4])) == "WgDone");
  CHECK(std::string(event_kind_label(m.events()[2])) == "WgAdd");
}

TEST_CASE("view model: a line's code without its trailing comment (scheduler buttons)") {
  CHECK(code_without_comment("mu:lock()   -- or the other one first", false) == "mu:lock()");
  CHECK(code_without_comment("print(\"a -- b\") -- c", false) == "print(\"a -- b\")");
  CHECK(code_without_comment("print('it\\'s -- x')", false) == "print('it\\'s -- x')");
  CHECK(code_without_comment("x = a // b", false) == "x = a // b");        // Lua's floor division
  CHECK(code_without_comment("counter--  // lost", true) == "counter--");  // Go's decrement
  CHECK(code_without_comment("s := \"http://x\" /* c */", true) == "s := \"http://x\"");
  CHECK(code_without_comment("-- only a comment", false).empty());
}

TEST_CASE("view model: the context tree in depth-first order with the cascade's cause") {
  Stream s;
  s.add(EventKind::TaskSpawn, 1, {}, "main");
  s.add(EventKind::CtxMake, 1, {{"obj", 1}, {"aux", 0}, {"arg", -1}}, "background");
  s.add(EventKind::CtxMake, 1, {{"obj", 2}, {"aux", 1}, {"arg", -1}}, "with_cancel", "request");
  s.add(EventKind::CtxMake, 1, {{"obj", 3}, {"aux", 2}, {"arg", -1}}, "with_cancel", "db");
  s.add(EventKind::CtxMake, 1, {{"obj", 4}, {"aux", 1}, {"arg", 10'000'000'000}}, "with_timeout",
        "other");
  s.add(EventKind::CtxMake, 1, {{"obj", 5}, {"aux", 2}, {"arg", 10'000'000'000}}, "with_timeout",
        "cache");
  const auto before = s.model.head();
  s.add(EventKind::CtxCancel, 1, {{"obj", 2}, {"aux", 2}}, "context canceled");
  s.add(EventKind::CtxCancel, 1, {{"obj", 3}, {"aux", 2}}, "context canceled");
  const Model& m = s.model;
  const auto& end = m.head();
  const auto tree = context_tree(end);
  REQUIRE(tree.size() == 5);
  std::vector<std::pair<rdv::sim::ObjId, int>> order;
  for (const auto& r : tree) order.emplace_back(r.ctx->id, r.depth);
  CHECK(order ==
        std::vector<std::pair<rdv::sim::ObjId, int>>{{1, 0}, {2, 1}, {3, 2}, {5, 2}, {4, 1}});
  CHECK(context_status(m, end, *end.context(2)) == "cancelled: context canceled");
  CHECK(context_status(m, end, *end.context(3)) ==
        "cancelled: context canceled (cascade from request)");
  CHECK(context_name(m, *end.context(2)) == "request");
  CHECK(context_name(m, *end.context(1)) == "background");
  CHECK(context_status(m, before, *before.context(5)).rfind("active, deadline 10 s", 0) == 0);
}

TEST_CASE("view model: error lines, source lines and exercise goals") {
  CHECK(error_line("x.lua:12: attempt to call a nil value", "x.lua") == 12);
  CHECK(error_line("panic: boom\n\tworker at 4.2c-deadlock.lua:7", "4.2c-deadlock.lua") == 7);
  CHECK(error_line("y.lua:3: other file", "x.lua") == 0);
  CHECK(error_line("x.lua: no line", "x.lua") == 0);
  CHECK(source_line("a\n  local x = 1  \nb", 2) == "local x = 1");
  CHECK(source_line("a\nb", 3).empty());
  CHECK(source_line("a\nb", 0).empty());
  CHECK(exercise_goal("may deadlock").find("make it deadlock") != std::string::npos);
  CHECK(exercise_goal("never deadlocks").empty());
  CHECK(exercise_goal("may return early").find("returns early") != std::string::npos);
  CHECK(exercise_goal("").empty());
}

namespace {

using rdv::test::open_interactive;
using rdv::test::read_file;
using rdv::test::until_asked;
using rdv::test::update_until;

// Runs the script `text` (named `name`) to its end within `seconds` under the settings `s`: the
// run must end in an error whose diagnostics say `diag`.
void check_ends_in_error(Controller& c, const RunSettings& s, const std::string& name,
                         const std::string& text, const std::string& diag, int seconds) {
  c.apply_settings(s);
  c.open_script(name, name, text);
  REQUIRE(c.finish_blocking(std::chrono::seconds(seconds)));
  CHECK(c.model().head().outcome == rdv::sim::Outcome::Error);
  INFO(c.diagnostics());
  CHECK(c.diagnostics().find(diag) != std::string::npos);
}

// A limit set out of its range (`limit` of `s` set to `wrong`) is clamped to `clamped`.
void check_clamped(Controller& c, RunSettings s, std::int64_t RunSettings::*limit,
                   std::int64_t wrong, std::int64_t clamped) {
  s.*limit = wrong;
  c.apply_settings(s);
  CHECK(c.settings().*limit == clamped);
}

}  // namespace

TEST_CASE(
    "controller: a controlled run is recorded ahead, Step, Step task and seek move the "
    "cursor") {
  Controller c;
  const std::string file = "2.1-unbuffered-rendezvous.lua";
  rdv::test::open_scenario(c, file);
  REQUIRE(c.finish_blocking(std::chrono::seconds(20)));
  const Model& m = c.model();
  REQUIRE(m.size() > 5);
  CHECK(m.head().outcome == rdv::sim::Outcome::Ok);
  CHECK(c.view().cursor == 0);
  c.request_step();
  c.update(0.0);
  CHECK(c.view().cursor == 1);
  CHECK(c.state().applied == 1);
  // Step this task: to asyncTask's next event.
  const rdv::sim::TaskId worker = 2;
  c.request_step_task(worker);
  c.update(0.0);
  REQUIRE(c.view().cursor >= 2);
  CHECK(m.events()[c.view().cursor - 1].task == worker);
  CHECK(c.view().focus == worker);
  // Playing advances by speed * dt, and stops at the end.
  c.view().speed = 4;
  c.request_run();
  const std::size_t before = c.view().cursor;
  c.update(0.5);
  CHECK(c.view().cursor == before + 2);
  c.request_run_to_end();
  c.update(0.0);
  CHECK(c.at_end());
  CHECK(c.state().outcome == rdv::sim::Outcome::Ok);
  // The same seed gives the same events.
  const std::vector<Event> first(m.events().begin(), m.events().end());
  c.request_reset();
  REQUIRE(c.finish_blocking(std::chrono::seconds(20)));
  CHECK(c.model().size() == first.size());
  CHECK(std::equal(
      first.begin(), first.end(), c.model().events().begin(),
      [](const Event& a, const Event& b) { return a.kind == b.kind && a.task == b.task; }));
  c.request_seek(3);
  c.update(0.0);
  CHECK(c.state().applied == 3);
}

TEST_CASE("controller: you are the scheduler — the run waits for picks") {
  Controller c;
  RunSettings s;
  s.seed = 3;
  open_interactive(c, "4.2c-deadlock-lock-order.lua", s);
  REQUIRE(c.interactive());
  // Pick the first candidate each time until the run ends; every question is seen in a state
  // where each candidate is runnable or running.
  int picks = 0;
  while (!c.run_ended() && picks < 500) {
    REQUIRE(until_asked(c));
    if (c.run_ended()) break;
    const auto cands = c.candidates();
    for (const auto id : cands) {
      const auto* t = c.state().task(id);
      REQUIRE(t != nullptr);
      CHECK((t->state == TaskState::Runnable || t->state == TaskState::Running));
    }
    CHECK_FALSE(c.request_pick(999'999));  // not a candidate
    CHECK(c.request_pick(cands.back()));
    ++picks;
  }
  CHECK(picks > 0);
  CHECK(c.run_ended());
  CHECK(c.model().head().outcome != rdv::sim::Outcome::Running);
}

TEST_CASE("controller: reset while the interactive run waits aborts it promptly") {
  Controller c;
  open_interactive(c, "2.1-unbuffered-rendezvous.lua");
  REQUIRE(until_asked(c));
  c.request_reset();  // aborts the waiting run, starts again
  CHECK(c.model().size() <= 2);
}

TEST_CASE("controller: the event limit setting ends a run there, and is clamped to its range") {
  Controller c;
  RunSettings s;
  s.max_events = 30;
  c.apply_settings(s);
  const std::string file = "2.5-error-cancel-cascade.lua";
  rdv::test::open_scenario(c, file);
  REQUIRE(c.finish_blocking(std::chrono::seconds(20)));
  CHECK(c.model().head().outcome == rdv::sim::Outcome::Error);
  CHECK(c.diagnostics().find("event limit exceeded: more than 30 events") != std::string::npos);
  CHECK(c.model().header().max_events == 30);
  s.max_events = 0;
  c.apply_settings(s);
  CHECK(c.settings().max_events == 1);
  s.max_events = rdv::sim::RunConfig::kDefaultMaxEvents;
  c.apply_settings(s);
  REQUIRE(c.finish_blocking(std::chrono::seconds(20)));
  CHECK(c.model().head().outcome == rdv::sim::Outcome::Ok);
}

TEST_CASE("controller: the time limit ends a run, but not one waiting for your pick") {
  Controller c;
  RunSettings s;
  // A run that keeps reaching synchronization points: only the wall clock ends it. An idle
  // machine makes a million events in under a second of this loop (the default event limit
  // would end it first); ten million take several seconds.
  s.wall_limit_s = 1;
  s.max_events = 10'000'000;
  check_ends_in_error(c, s, "spin.lua",
                      "local ch = chan(1)\nwhile true do ch:send(1) ch:recv() end\n",
                      "spin.lua:2: time limit exceeded: the run took more than 1 s", 30);
  check_clamped(c, s, &RunSettings::wall_limit_s, 0, 1);
  // You are the scheduler: the run waits for you longer than the limit, then goes on.
  open_interactive(c, "2.1-unbuffered-rendezvous.lua", s);
  REQUIRE(until_asked(c));
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  int picks = 0;
  while (!c.run_ended() && picks < 500) {
    REQUIRE(until_asked(c));
    if (c.run_ended()) break;
    CHECK(c.request_pick(c.candidates().front()));
    ++picks;
  }
  CHECK(picks > 0);
  CHECK(c.model().head().outcome == rdv::sim::Outcome::Ok);
}

TEST_CASE("controller: the CPU limit ends a run that keeps reaching sync points") {
  Controller c;
  RunSettings s;
  s.cpu_limit_s = 1;
  // Each round does ~10 ms of work inside string.find, then a sync point: neither the step
  // budget nor (for minutes) the event limit ends it.
  check_ends_in_error(c, s, "work.lua",
                      "local ch = chan(1)\nlocal s = string.rep('a', 1 << 20)\n"
                      "while true do\n  s:find('x')\n  ch:send(1) ch:recv()\nend\n",
                      "CPU time limit exceeded: the run's tasks used more than 1 s of "
                      "CPU time (--limit-cpu)",
                      60);
  check_clamped(c, s, &RunSettings::cpu_limit_s, -5, 1);
}

TEST_CASE("controller: the task CPU limit (Run > Task CPU limit) ends the task that passes it") {
  Controller c;
  RunSettings s;
  s.task_cpu_limit_s = 1;
  check_ends_in_error(c, s, "work.lua",
                      "local ch = chan(1)\nlocal s = string.rep('a', 1 << 20)\n"
                      "go(function()\n  while true do ch:send(s:find('x') or 0) end\nend)\n"
                      "while true do ch:recv() end\n",
                      "work.lua:4: CPU time limit exceeded: task 2 used more than 1 s of "
                      "CPU time (--limit-task-cpu)",
                      60);
  check_clamped(c, s, &RunSettings::task_cpu_limit_s, -5, 0);  // clamped: no limit per task
}

TEST_CASE("controller: a script error is reported at its line") {
  Controller c;
  c.open_script("broken.lua", "broken.lua", "local x = 1\nlocal y = (\n");
  REQUIRE(c.finish_blocking(std::chrono::seconds(20)));
  CHECK(c.model().head().outcome == rdv::sim::Outcome::Error);
  CHECK(c.error_line() >= 2);
  CHECK_FALSE(c.diagnostics().empty());
}

TEST_CASE(
    "view model: the Source follows the focused task, else every line that fits, else the "
    "task that moved") {
  const std::vector<LineMark> marks = {{10, 0, 1}, {12, 1, 2}, {40, 2, 3}};
  CHECK(follow_lines(marks, 3, 1, 20) == LineRange{40, 40});  // focused
  CHECK(follow_lines(marks, 0, 2, 40) == LineRange{10, 40});  // all fit in 40 rows
  CHECK(follow_lines(marks, 0, 2, 20) == LineRange{12, 12});  // they do not: the mover
  CHECK(follow_lines(marks, 9, 0, 20) == LineRange{10, 10});  // focus gone, no mover
  CHECK(follow_lines({}, 1, 1, 20) == LineRange{});
}

TEST_CASE("view model: variables by section, a dot on what the last step wrote, the lost update") {
  Model m;
  auto add = [&](Event e, std::string_view text = {}) {
    e.seq = m.size();
    m.append(e, text);
  };
  Event e;
  e.kind = EventKind::TaskSpawn;
  e.task = 1;
  add(e, "main");
  e.task = 2, e.peer = 1;
  add(e, "a");
  e.task = 3;
  add(e, "b");
  const auto write = [&](rdv::sim::TaskId task, rdv::sim::VarScope scope, const char* name,
                         const char* val, std::int64_t key = 0) {
    Event w;
    w.kind = EventKind::VarSet;
    w.task = task;
    w.arg = static_cast<std::int64_t>(scope);
    w.aux = key;
    w.line = 7;
    w.val.set(val);
    add(w, name);
  };
  write(1, rdv::sim::VarScope::Local, "counter", "0");      // #3: main's local ...
  write(1, rdv::sim::VarScope::Shared, "counter", "0", 1);  // #4: ... captured: the same one
  write(2, rdv::sim::VarScope::Local, "v", "0");
  write(3, rdv::sim::VarScope::Local, "v", "0");
  write(2, rdv::sim::VarScope::Shared, "counter", "1", 1);  // #7
  write(3, rdv::sim::VarScope::Shared, "counter", "1", 1);  // #8: b overwrites a's 1 with 1
  write(1, rdv::sim::VarScope::Global, "total", "2");
  const rdv::model::State s = m.state_at(m.size());
  const VarSections all = variable_rows(s, 0, 8);
  REQUIRE(all.shared.size() == 1);
  CHECK(all.shared[0].changed);  // #8 is in [8, 10)
  CHECK(all.shared[0].var->lost == 1);
  CHECK(all.globals.size() == 1);
  REQUIRE(all.locals.size() == 2);  // main's counter became the shared one
  CHECK(all.locals[0].task == 2);
  CHECK(!all.locals[0].vars[0].changed);
  CHECK(variable_rows(s, 3, 8).locals.size() == 1);
  CHECK(lost_update_text(m, *all.shared[0].var) ==
        "lost update: b stored 1 (line 7, #8) over a's 1 (#7): a's update is gone");
  // The model on the way: before #8 nothing was lost.
  CHECK(m.state_at(8).vars[0].lost == 0);
}
