// tests/sim/wait_group_test.cpp — sync.WaitGroup: Go's contract case by case, misuse as misuse,
// in controlled mode over many seeds and in live mode.
#include "sim/wait_group.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim/event_log.h"
#include "sim/runtime.h"
#include "tests/sim/sync_testing.h"

namespace rdv::sim {

using namespace testing;

using namespace std::chrono_literals;

TEST_CASE("wait_group: wait returns once every task has called done") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    int seen = -1;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      WaitGroup wg(rt, "workers");
      std::atomic<int> finished{0};
      wg.add(4);
      go_each(rt, wg, 4, "worker", [&] { finished.fetch_add(1); });
      wg.wait();
      seen = finished.load();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(seen == 4);
  });
}

TEST_CASE("wait_group: wait on a zero counter returns without blocking") {
  const Ran r = run(Mode::Controlled, 1, [](Runtime& rt) {
    WaitGroup wg(rt);
    wg.wait();
    wg.add(2);
    wg.add(-2);
    wg.wait();
  });
  CHECK(r.result.outcome == Outcome::Ok);
  const auto makes = r.events(EventKind::WgMake, 1);
  REQUIRE(makes.size() == 1);
  CHECK(r.log->str(makes[0].text) == "wg1");  // generated name: kind + object id
  CHECK(r.events(EventKind::TaskBlock, 1).empty());
  const auto waits = r.events(EventKind::WgWait, 1);
  REQUIRE(waits.size() == 2);
  CHECK(waits[0].aux == 0);
  const auto adds = r.events(EventKind::WgAdd, 1);
  REQUIRE(adds.size() == 2);
  CHECK((adds[0].arg == 2 && adds[0].aux == 2));
  CHECK((adds[1].arg == -2 && adds[1].aux == 0));
}

TEST_CASE("wait_group: a counter below zero panics with Go's message") {
  SUBCASE("recovered in the task, the counter unchanged") {
    std::string message;
    std::int64_t counter = -1;
    const Ran r = run(Mode::Controlled, 1, [&](Runtime& rt) {
      WaitGroup wg(rt);
      wg.add(1);
      wg.done();
      try {
        wg.done();
      } catch (const Panic& p) {
        message = p.what();
      }
      counter = wg.counter();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(message == "sync: negative WaitGroup counter");
    CHECK(counter == 0);
  }
  SUBCASE("uncaught, it ends the run") {
    const Ran r = run(Mode::Live, 1, [](Runtime& rt) {
      WaitGroup wg(rt);
      wg.add(-1);
    });
    CHECK(r.result.outcome == Outcome::Panic);
    CHECK(r.result.message.find("sync: negative WaitGroup counter") != std::string::npos);
  }
}

TEST_CASE("wait_group: every waiter is released at zero, in the order they waited") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    ObjId id = 0;
    int returned = 0;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      WaitGroup wg(rt);
      WaitGroup finished(rt);
      id = wg.id();
      std::atomic<int> back{0};
      wg.add(1);
      finished.add(3);
      go_each(rt, finished, 3, "waiter", [&] {
        wg.wait();
        back.fetch_add(1);
      });
      await_blocked(rt, id, 3);
      wg.done();
      finished.wait();
      returned = back.load();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(returned == 3);
    const auto blocks = r.events(EventKind::TaskBlock, id);
    const auto unblocks = r.events(EventKind::TaskUnblock, id);
    REQUIRE(blocks.size() == 3);
    REQUIRE(unblocks.size() == 3);
    const auto zero = r.events(EventKind::WgAdd, id).back();
    CHECK(zero.aux == 0);
    for (std::size_t i = 0; i < 3; ++i) {
      CHECK(unblocks[i].task == blocks[i].task);  // FIFO
      CHECK(unblocks[i].peer == zero.task);       // woken by the task whose done() hit zero
      CHECK(unblocks[i].seq > zero.seq);
    }
  });
}

// Go's classic WaitGroup mistake: Add inside the goroutine instead of before `go`. Wait may see
// the counter at zero before any worker has added to it. Controlled mode finds such a schedule
// and replays it exactly from its seed.
TEST_CASE("wait_group: add inside the task lets wait return early under some seeds") {
  auto scenario = [](int* started_at_return) {
    return [started_at_return](Runtime& rt) {
      auto wg = std::make_shared<WaitGroup>(rt);
      auto started = std::make_shared<std::atomic<int>>(0);
      for (int i = 0; i < 3; ++i) {
        rt.go("worker", [wg, started] {
          wg->add(1);
          started->fetch_add(1);
          wg->done();
        });
      }
      wg->wait();
      *started_at_return = started->load();
    };
  };
  std::vector<std::uint64_t> early;
  std::vector<std::uint64_t> complete;
  std::vector<std::uint64_t> reused;
  for (std::uint64_t seed = 1; seed <= 64; ++seed) {
    CAPTURE(seed);
    int started = -1;
    const Ran r = run(Mode::Controlled, seed, scenario(&started));
    if (started < 0) {
      // Released at zero, main found the counter raised again by a later worker's add before
      // its wait returned: Go's other WaitGroup panic.
      CHECK(r.result.outcome == Outcome::Panic);
      CHECK(r.result.message.find("sync: WaitGroup is reused before previous Wait has returned") !=
            std::string::npos);
      reused.push_back(seed);
    } else {
      (started < 3 ? early : complete).push_back(seed);
    }
  }
  REQUIRE(!early.empty());
  CHECK(!complete.empty());
  MESSAGE("seeds 1-64: " << early.size() << " return early, " << complete.size()
                         << " wait for all, " << reused.size()
                         << " panic (reused); first early: " << early.front());

  // The schedule is a function of the seed: the early return happens again, event for event.
  int a = -1;
  int b = -1;
  const Ran first = run(Mode::Controlled, early.front(), scenario(&a));
  const Ran again = run(Mode::Controlled, early.front(), scenario(&b));
  CHECK(a < 3);
  CHECK(a == b);
  REQUIRE(first.log->committed() == again.log->committed());
  for (std::size_t i = 0; i < first.log->committed(); ++i) {
    CAPTURE(i);
    CHECK(first.log->at(i) == again.log->at(i));
  }
}

TEST_CASE("wait_group: reuse before the previous wait has returned panics in the waiter") {
  // The waiter is released by done(); if main's add(1) runs before the waiter resumes, the
  // waiter finds the group busy again — Go panics there. Which one goes first is the policy's.
  std::vector<std::uint64_t> panicked;
  for (std::uint64_t seed = 1; seed <= 64; ++seed) {
    CAPTURE(seed);
    std::string message;
    const Ran r = run(Mode::Controlled, seed, [&](Runtime& rt) {
      WaitGroup wg(rt);
      WaitGroup finished(rt);
      wg.add(1);
      finished.add(1);
      rt.go("waiter", [&] {
        try {
          wg.wait();
        } catch (const Panic& p) {
          message = p.what();
        }
        finished.done();
      });
      await_blocked(rt, wg.id(), 1);
      wg.done();
      wg.add(1);  // reuse
      finished.wait();
      wg.done();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    if (!message.empty()) {
      CHECK(message == "sync: WaitGroup is reused before previous Wait has returned");
      panicked.push_back(seed);
    }
  }
  CHECK(!panicked.empty());
  CHECK(panicked.size() < 64);
}

TEST_CASE("wait_group: many workers and several waiters at once (live)") {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    CAPTURE(seed);
    std::int64_t total = -1;
    std::int64_t seen_by_waiters = -1;
    const Ran r = run(Mode::Live, seed, [&](Runtime& rt) {
      constexpr int kWorkers = 8;
      constexpr int kWaiters = 4;
      WaitGroup wg(rt);
      WaitGroup waiters(rt);
      std::atomic<std::int64_t> sum{0};
      std::atomic<std::int64_t> seen{0};
      wg.add(kWorkers);
      waiters.add(kWaiters);
      go_each(rt, waiters, kWaiters, "waiter", [&] {
        wg.wait();
        seen.fetch_add(sum.load());  // every worker's adds happen before wait returns
      });
      go_each(rt, wg, kWorkers, "worker", [&] {
        for (int i = 0; i < 50; ++i) sum.fetch_add(1);
      });
      waiters.wait();
      total = sum.load();
      seen_by_waiters = seen.load();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(total == 8 * 50);
    CHECK(seen_by_waiters == 4 * 8 * 50);
  }
}

}  // namespace rdv::sim
