// Teardown: aborting or ending a run with thousands of parked tasks wakes and joins them all
// promptly and leaks nothing (this file also runs under ASan/LSan and TSan).
#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "sim/channel.h"
#include "sim/event_log.h"
#include "sim/runtime.h"
#include "sim/select.h"
#include "sim/task.h"

namespace rdv::sim {
namespace {

// 10,000 tasks are measured by bench/ (start + teardown); the tests keep to a few thousand so
// the suite stays quick on a loaded 2-core machine (and under TSan's 8k-thread cap).
#if defined(__SANITIZE_THREAD__)
constexpr int kMany = 300;  // a thread costs milliseconds to start under TSan
#elif defined(__SANITIZE_ADDRESS__)
constexpr int kMany = 1'000;
#else
constexpr int kMany = 2'000;
#endif

// Spawns kMany tasks that all park (channel receive, select, sleep, nil channel), and parks
// main once every one of them is parked.
void park_many(Runtime& rt) {
  auto never = std::make_shared<Channel>(rt, 0, "never");
  auto parked = std::make_shared<Channel>(rt, static_cast<std::size_t>(kMany), "parked");
  for (int i = 0; i < kMany; ++i) {
    rt.go("t" + std::to_string(i), [&rt, never, parked, i] {
      parked->send(Value{1}, Val("1"));
      switch (i % 4) {
        case 0:
          never->recv();
          break;
        case 1: {
          SelectCase cs[] = {SelectCase::recv(never.get()), SelectCase::recv(nullptr)};
          select(rt, cs, false);
          break;
        }
        case 2:
          rt.sleep(Nanos{1'000'000} * 3600 * 1000);
          break;
        default:
          chan_send(rt, nullptr, Value{1}, Val("1"));
          break;
      }
    });
  }
  for (int i = 0; i < kMany; ++i) parked->recv();
}

// A run in `mode` with room for kMany tasks and main.
RunConfig room_for_many(Mode mode) {
  RunConfig cfg;
  cfg.mode = mode;
  cfg.max_tasks = kMany + 1;
  return cfg;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST_CASE("teardown: abort() wakes and joins thousands of parked tasks") {
  for (Mode mode : {Mode::Controlled, Mode::Live}) {
    CAPTURE(std::string(to_string(mode)));
    const auto t0 = std::chrono::steady_clock::now();
    EventLog log;
    RunConfig cfg = room_for_many(mode);
    cfg.max_time = Nanos{1'000'000} * 3600 * 10'000;
    Runtime rt(cfg, log);
    rt.start("main", [&] {
      park_many(rt);
      // Main stays runnable: parking it too would end the run by itself (controlled mode
      // jumps the virtual clock past the sleepers, then reports a deadlock).
      for (;;) rt.sched_point();
    });
    // Wait until every task but main is parked.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    std::size_t seen = 0;
    std::size_t blocked = 0;
    while (blocked < static_cast<std::size_t>(kMany) &&
           std::chrono::steady_clock::now() < give_up && !rt.finished()) {
      for (const std::size_t n = log.committed(); seen < n; ++seen) {
        blocked += log.at(seen).kind == EventKind::TaskBlock &&
                           log.at(seen).reason != BlockReason::ChanSend
                       ? 1u
                       : 0u;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    REQUIRE(blocked >= static_cast<std::size_t>(kMany));
    const auto t1 = std::chrono::steady_clock::now();
    rt.abort();
    REQUIRE(rt.wait_for(std::chrono::seconds(60)));
    const RunResult r = rt.wait();
    MESSAGE(kMany << " tasks: started in " << std::chrono::duration<double>(t1 - t0).count()
                  << " s, torn down in " << seconds_since(t1) << " s");
    CHECK(r.outcome == Outcome::Aborted);
    CHECK(log.closed());
    CHECK(log.at(log.committed() - 1).kind == EventKind::RunEnd);
  }
}

TEST_CASE("teardown: main returning with thousands blocked reports them and joins them") {
  for (Mode mode : {Mode::Controlled, Mode::Live}) {
    CAPTURE(std::string(to_string(mode)));
    EventLog log;
    Runtime rt(room_for_many(mode), log);
    rt.start("main", [&] { park_many(rt); });
    REQUIRE(rt.wait_for(std::chrono::seconds(60)));
    const RunResult r = rt.wait();
    CHECK(r.outcome == Outcome::Leak);
    CHECK(r.leaked.size() == static_cast<std::size_t>(kMany));
    CHECK(r.message.rfind("leak: main returned with " + std::to_string(kMany) + " goroutine(s)",
                          0) == 0);
  }
}

TEST_CASE("teardown: destroying a running Runtime aborts it and joins every task") {
  for (Mode mode : {Mode::Controlled, Mode::Live}) {
    CAPTURE(std::string(to_string(mode)));
    EventLog log;
    {
      Runtime rt(room_for_many(mode), log);
      rt.start("main", [&] {
        for (int i = 0; i < 100; ++i) {
          rt.go("spin", [&rt] {
            for (;;) rt.sched_point();
          });
        }
        for (;;) rt.sleep(1'000'000);
      });
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(log.closed());
    CHECK(log.at(log.committed() - 1).kind == EventKind::RunEnd);
  }
}

TEST_CASE("teardown: the thread pool is reused across runs") {
  auto one_run = [] {
    EventLog log;
    RunConfig cfg;
    Runtime rt(cfg, log);
    rt.start("main", [&] {
      auto c = std::make_shared<Channel>(rt, 0, "c");
      for (int i = 0; i < 20; ++i) rt.go("w", [c] { c->send(Value{1}, Val("1")); });
      for (int i = 0; i < 20; ++i) c->recv();
    });
    REQUIRE(rt.wait_for(std::chrono::seconds(20)));
    CHECK(rt.wait().outcome == Outcome::Ok);
  };
  one_run();
  const std::size_t after_first = pool::threads();
  for (int i = 0; i < 20; ++i) one_run();
  // Without reuse the 20 runs would make 420 more threads. A thread that has ended its task
  // may not be back in the pool when the next run starts (ASan under a loaded machine saw 22),
  // so one run's worth of stragglers is allowed.
  CHECK(pool::threads() <= std::max<std::size_t>(after_first, 21) + 21);
}

}  // namespace rdv::sim
