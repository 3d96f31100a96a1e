// The scheduler: controlled-mode policies and schedules, detection (deadlock, leak, panic,
// errors, limits), hooks, live mode basics.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "sim/channel.h"
#include "sim/event_log.h"
#include "sim/policy.h"
#include "sim/runtime.h"
#include "tests/sim/sync_testing.h"

namespace rdv::sim {
namespace {

using testing::printed;
using testing::Ran;
using testing::run;

RunConfig controlled(std::uint64_t seed, std::shared_ptr<Policy> p = nullptr) {
  RunConfig c;
  c.mode = Mode::Controlled;
  c.seed = seed;
  c.policy = std::move(p);
  return c;
}

RunConfig live(std::uint64_t seed = 1) {
  RunConfig c;
  c.mode = Mode::Live;
  c.seed = seed;
  return c;
}

std::vector<EventKind> kinds(const EventLog& log) {
  std::vector<EventKind> out;
  for (std::size_t i = 0; i < log.committed(); ++i) out.push_back(log.at(i).kind);
  return out;
}

// Three workers each print three lines, yielding between them.
void interleave(Runtime& rt) {
  auto done = std::make_shared<Channel>(rt, 3, "done");
  for (int w = 0; w < 3; ++w) {
    rt.go("w" + std::to_string(w), [&rt, done, w] {
      for (int i = 0; i < 3; ++i) {
        rt.print("w" + std::to_string(w) + ":" + std::to_string(i));
        rt.sched_point();
      }
      done->send(Value{1}, Val("1"));
    });
  }
  for (int i = 0; i < 3; ++i) done->recv();
}

// Lets other tasks run until `n` committed events match `pred` (bounded).
template <class Pred>
void wait_events(Runtime& rt, std::size_t n, Pred pred, const char* what) {
  for (int i = 0; i < 100'000; ++i) {
    std::size_t seen = 0;
    for (std::size_t k = 0; k < rt.log().committed(); ++k) seen += pred(rt.log().at(k)) ? 1u : 0u;
    if (seen >= n) return;
    rt.sched_point();
    std::this_thread::yield();
  }
  FAIL("never saw " << what);
}

// Lets other tasks run until `n` TaskBlock events on `obj` were emitted (bounded).
void wait_blocked(Runtime& rt, ObjId obj, std::size_t n = 1) {
  wait_events(
      rt, n, [obj](const Event& e) { return e.kind == EventKind::TaskBlock && e.obj == obj; },
      "a task blocked on the object");
}

// Lets other tasks run until task `id` has exited (bounded).
void wait_exited(Runtime& rt, TaskId id) {
  wait_events(
      rt, 1, [id](const Event& e) { return e.kind == EventKind::TaskExit && e.task == id; },
      "the task exit");
}

}  // namespace

TEST_CASE("scheduler: main returning with nothing left is Ok, the stream is well formed") {
  auto r = run(controlled(1), [](Runtime& rt) {
    rt.set_line(2);
    rt.print("hello");
    rt.note("mark");
  });
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(r.result.message.empty());
  CHECK(kinds(*r.log) == std::vector<EventKind>{EventKind::TaskSpawn, EventKind::TaskRun,
                                                EventKind::Print, EventKind::Note,
                                                EventKind::TaskExit, EventKind::RunEnd});
  const Event& p = r.log->at(2);
  CHECK(p.task == 1);
  CHECK(p.line == 2);
  CHECK(r.log->str(p.text) == "hello");
  CHECK(r.log->at(5).arg == static_cast<std::int64_t>(Outcome::Ok));
  CHECK(r.log->str(r.log->at(0).text) == "main");
}

TEST_CASE("scheduler: round robin switches at every sched point, in id order") {
  auto r = run(controlled(1, make_round_robin(1)), interleave);
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(printed(*r.log) == std::vector<std::string>{"w0:0", "w1:0", "w2:0", "w0:1", "w1:1", "w2:1",
                                                    "w0:2", "w1:2", "w2:2"});
}

TEST_CASE("scheduler: a random schedule replays exactly, event for event") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    CAPTURE(seed);
    auto a = run(controlled(seed), interleave);
    REQUIRE(a.result.outcome == Outcome::Ok);
    CHECK(a.result.decisions > 0);
    auto b = run(controlled(seed, make_replay(a.result.schedule)), interleave);
    CHECK(b.result.outcome == Outcome::Ok);
    CHECK(b.result.schedule == a.result.schedule);
    REQUIRE(b.log->committed() == a.log->committed());
    for (std::size_t i = 0; i < a.log->committed(); ++i) CHECK(a.log->at(i) == b.log->at(i));
  }
}

TEST_CASE("scheduler: replay reports divergence as an error") {
  auto r = run(controlled(1, make_replay({7, 7, 7})), interleave);
  CHECK(r.result.outcome == Outcome::Error);
  CHECK(r.result.message.find("replay diverged") != std::string::npos);
  auto r2 = run(controlled(1, make_replay({})), interleave);
  CHECK(r2.result.outcome == Outcome::Error);
  CHECK(r2.result.message.find("replay diverged") != std::string::npos);
}

TEST_CASE("scheduler: pct runs every schedule to completion and is reproducible") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    CAPTURE(seed);
    auto a = run(controlled(seed, make_pct(seed, 3, 40)), interleave);
    auto b = run(controlled(seed, make_pct(seed, 3, 40)), interleave);
    CHECK(a.result.outcome == Outcome::Ok);
    CHECK(printed(*a.log) == printed(*b.log));
    CHECK(a.result.schedule == b.result.schedule);
  }
}

TEST_CASE("scheduler: different seeds explore different interleavings") {
  std::vector<std::vector<std::string>> seen;
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    auto r = run(controlled(seed), interleave);
    auto p = printed(*r.log);
    if (std::find(seen.begin(), seen.end(), p) == seen.end()) seen.push_back(p);
  }
  CHECK(seen.size() >= 10);
}

TEST_CASE("scheduler: the interactive policy waits for the person's choice") {
  auto policy = std::make_shared<InteractivePolicy>(1);
  for (int round = 0; round < 2; ++round) {  // the same policy serves a second run
    CAPTURE(round);
    auto log = std::make_unique<EventLog>();
    Runtime rt(controlled(1, policy), *log);
    rt.start("main", [&] { interleave(rt); });
    std::vector<TaskId> picks;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!rt.finished() && std::chrono::steady_clock::now() < give_up) {
      auto c = policy->candidates();
      if (c.empty()) {
        std::this_thread::sleep_for(std::chrono::microseconds(50));
        continue;
      }
      CHECK_FALSE(policy->choose(999));  // not a candidate
      const TaskId pick = c.back();      // always the highest id
      picks.push_back(pick);
      CHECK(policy->choose(pick));
    }
    REQUIRE(rt.wait_for(std::chrono::seconds(20)));
    auto res = rt.wait();
    CHECK(res.outcome == Outcome::Ok);
    CHECK(res.schedule == std::vector<std::uint32_t>(picks.begin(), picks.end()));
    CHECK(printed(*log).front() == "w2:0");
  }
}

TEST_CASE("scheduler: aborting an interactive run that waits for a choice") {
  auto policy = std::make_shared<InteractivePolicy>(1);
  auto log = std::make_unique<EventLog>();
  Runtime rt(controlled(1, policy), *log);
  rt.start("main", [&] { interleave(rt); });
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (policy->candidates().empty() && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::microseconds(50));
  }
  rt.abort();
  REQUIRE(rt.wait_for(std::chrono::seconds(20)));
  CHECK(rt.wait().outcome == Outcome::Aborted);
  CHECK(log->at(log->committed() - 1).kind == EventKind::RunEnd);
}

TEST_CASE("scheduler: deadlock lists every blocked task with reason, object and line") {
  for (RunConfig cfg : {controlled(1), live()}) {
    CAPTURE(std::string(to_string(cfg.mode)));
    auto r = run(cfg, [](Runtime& rt) {
      auto a = std::make_shared<Channel>(rt, 0, "a");
      auto b = std::make_shared<Channel>(rt, 0, "b");
      rt.go("worker", [&rt, a] {
        rt.set_line(3);
        a->send(Value{1}, Val("1"));
      });
      rt.set_line(7);
      b->recv();
    });
    CHECK(r.result.outcome == Outcome::Deadlock);
    CHECK(r.result.message ==
          "fatal error: all goroutines are asleep - deadlock!\n\n"
          "goroutine 1 [chan receive]:\n\tmain at line 7, waiting on b\n\n"
          "goroutine 2 [chan send]:\n\tworker at line 3, waiting on a");
    auto k = kinds(*r.log);
    REQUIRE(k.size() >= 2);
    CHECK(k[k.size() - 2] == EventKind::Deadlock);
    CHECK(k.back() == EventKind::RunEnd);
  }
}

TEST_CASE("scheduler: tasks blocked when main returns are leaked, then torn down") {
  for (RunConfig cfg : {controlled(1), live()}) {
    CAPTURE(std::string(to_string(cfg.mode)));
    auto r = run(cfg, [](Runtime& rt) {
      auto c = std::make_shared<Channel>(rt, 0, "never");
      rt.go("stuck", [&rt, c] {
        rt.set_line(5);
        c->recv();
      });
      auto ready = std::make_shared<Channel>(rt, 0, "ready");
      rt.go("helper", [ready] { ready->send(Value{1}, Val("1")); });
      ready->recv();
      wait_blocked(rt, c->id());
      // In live mode the helper may still be on its way out after the hand-off: alive at main's
      // return, it would be listed too (as Go's goleak would).
      wait_exited(rt, 3);
    });
    REQUIRE_MESSAGE(r.result.outcome == Outcome::Leak, r.result.message);
    {
      REQUIRE(r.result.leaked.size() == 1);
      CHECK(r.result.leaked[0].task == 2);
      CHECK(r.result.message ==
            "leak: main returned with 1 goroutine(s) still alive\n"
            "goroutine 2 [chan receive]:\n\tstuck at line 5, waiting on never");
      auto k = kinds(*r.log);
      CHECK(k[k.size() - 2] == EventKind::Leak);
      CHECK(k.back() == EventKind::RunEnd);
    }
  }
}

TEST_CASE("scheduler: when main returns no other task runs again, runnable ones are no leak") {
  // Controlled, with main chosen at every point (its return included): the worker never runs,
  // so it neither prints nor panics; it is listed as runnable and the run is ok.
  struct MainFirst final : Policy {
    TaskId pick_task(std::span<const TaskId> c, TaskId) override { return c[0]; }
    std::uint32_t pick_case(std::span<const std::uint32_t> r) override { return r[0]; }
    const char* name() const noexcept override { return "main first"; }
  };
  auto ran = std::make_shared<std::atomic<bool>>(false);
  auto r = run(controlled(1, std::make_shared<MainFirst>()), [ran](Runtime& rt) {
    rt.go("worker", [&rt, ran] {
      ran->store(true);
      rt.print("worker ran");
      throw Panic("too late");
    });
    rt.set_line(3);
    rt.print("main done");
  });
  CHECK_MESSAGE(r.result.outcome == Outcome::Ok, r.result.message);
  CHECK_FALSE(ran->load());
  REQUIRE(r.result.leaked.size() == 1);
  CHECK(r.result.leaked[0].reason == BlockReason::None);
  CHECK(r.result.message ==
        "warning: main returned with 1 goroutine(s) still alive\n"
        "goroutine 2 [runnable]:\n\tworker at line 0");
  auto k = kinds(*r.log);
  CHECK(std::count(k.begin(), k.end(), EventKind::Print) == 1);
  CHECK(std::count(k.begin(), k.end(), EventKind::Panic) == 0);

  // Live: a task that never blocks is stopped at its next point once main returned; the run
  // ends at once (no waiting for it), and nothing it does afterwards reaches the stream.
  auto spins = std::make_shared<std::atomic<int>>(0);
  auto lr = run(live(), [spins](Runtime& rt) {
    rt.go("spinner", [&rt, spins] {
      for (;;) {
        spins->fetch_add(1);
        rt.sched_point();
      }
    });
    while (spins->load() == 0) std::this_thread::yield();
  });
  CHECK_MESSAGE(lr.result.outcome == Outcome::Ok, lr.result.message);
  REQUIRE(lr.result.leaked.size() == 1);
  CHECK(lr.result.leaked[0].reason == BlockReason::None);
  CHECK(kinds(*lr.log).back() == EventKind::RunEnd);
}

TEST_CASE("scheduler: an uncaught panic in any task ends the run with Go's report") {
  for (RunConfig cfg : {controlled(1), live()}) {
    CAPTURE(std::string(to_string(cfg.mode)));
    auto r = run(cfg, [](Runtime& rt) {
      rt.go("bad", [&rt] {
        rt.set_line(11);
        throw Panic("boom", "traceback here");
      });
      auto c = std::make_shared<Channel>(rt, 0, "wait");
      c->recv();
    });
    CHECK(r.result.outcome == Outcome::Panic);
    CHECK(r.result.task == 2);
    CHECK(r.result.line == 11);
    CHECK(r.result.message ==
          "panic: boom\n\ngoroutine 2 [running]:\n\tbad at line 11\ntraceback here");
    auto k = kinds(*r.log);
    REQUIRE(k.size() >= 3);
    CHECK(k[k.size() - 3] == EventKind::Panic);
    CHECK(k[k.size() - 2] == EventKind::TaskExit);
    CHECK(r.log->at(r.log->committed() - 2).arg == 1);
  }
}

TEST_CASE("scheduler: a RunError out of a task ends the run with Outcome::Error") {
  auto r =
      run(controlled(1), [](Runtime&) { throw RunError("script.lua:3: attempt to call nil"); });
  CHECK(r.result.outcome == Outcome::Error);
  CHECK(r.result.message == "script.lua:3: attempt to call nil");
}

TEST_CASE("scheduler: limits end the run with an error") {
  RunConfig cfg = controlled(1);
  cfg.max_tasks = 3;
  auto r = run(cfg, [](Runtime& rt) {
    for (int i = 0; i < 5; ++i) rt.go("t", [] {});
  });
  CHECK(r.result.outcome == Outcome::Error);
  CHECK(r.result.message == "too many tasks: more than 3 alive at once");

  RunConfig ev = controlled(1);
  ev.max_events = 100;
  auto r2 = run(ev, [](Runtime& rt) {
    for (;;) {
      rt.print("x");
      rt.sched_point();
    }
  });
  CHECK(r2.result.outcome == Outcome::Error);
  CHECK(r2.result.message.rfind("event limit exceeded", 0) == 0);
}

TEST_CASE("scheduler: hooks bracket every wait of a task, also the one that ends in abort") {
  std::atomic<int> parks{0};
  std::atomic<int> unparks{0};
  TaskHooks hooks{[&] { ++parks; }, [&] { ++unparks; }, {}};
  auto r = run(
      controlled(3),
      [](Runtime& rt) {
        interleave(rt);
        auto c = std::make_shared<Channel>(rt, 0, "never");
        rt.go("stuck", [c] { c->recv(); });
        for (int i = 0; i < 10; ++i) rt.sched_point();
      },
      hooks);
  CHECK(r.result.outcome == Outcome::Leak);
  CHECK(parks.load() > 0);
  CHECK(parks.load() == unparks.load());
}

TEST_CASE("scheduler: live mode runs tasks in parallel and completes") {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    auto r = run(live(seed), interleave);
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(printed(*r.log).size() == 9);
  }
}

TEST_CASE("scheduler: object ids are unique, rand is reproducible per seed") {
  std::vector<std::uint64_t> a;
  std::vector<std::uint64_t> b;
  run(controlled(5), [&](Runtime& rt) {
    CHECK(rt.new_object_id() != rt.new_object_id());
    for (int i = 0; i < 4; ++i) a.push_back(rt.rand_u64());
  });
  run(controlled(5), [&](Runtime& rt) {
    for (int i = 0; i < 4; ++i) b.push_back(rt.rand_u64());
  });
  CHECK(a == b);
  CHECK(a[0] != a[1]);
}

}  // namespace rdv::sim
