// tests/sim/mutex_test.cpp — sync.Mutex and sync.RWMutex: exclusion, FIFO hand-off, writer
// preference, misuse as fatal errors; controlled mode over many seeds and live mode.
#include "sim/mutex.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "sim/event_log.h"
#include "sim/runtime.h"
#include "sim/wait_group.h"
#include "tests/sim/sync_testing.h"

namespace rdv::sim {

using namespace testing;

using namespace std::chrono_literals;

TEST_CASE("mutex: lock excludes every other task") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    int counter = -1;
    int overlaps = -1;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      Mutex mu(rt, "counter");
      WaitGroup wg(rt);
      int shared = 0;              // guarded by mu
      std::atomic<int> inside{0};  // tasks between lock and unlock
      std::atomic<int> overlap{0};
      wg.add(4);
      go_each(rt, wg, 4, "incr", [&] {
        for (int i = 0; i < 10; ++i) {
          mu.lock();
          if (inside.fetch_add(1) != 0) overlap.fetch_add(1);
          const int v = shared;
          rt.sched_point();  // a chance for another task to run inside the section
          shared = v + 1;
          inside.fetch_sub(1);
          mu.unlock();
        }
      });
      wg.wait();
      counter = shared;
      overlaps = overlap.load();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(counter == 40);
    CHECK(overlaps == 0);
  });
}

TEST_CASE("mutex: waiters get the lock in the order they blocked") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    ObjId id = 0;
    std::vector<TaskId> order;  // guarded by the mutex under test
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      Mutex mu(rt);
      WaitGroup wg(rt);
      id = mu.id();
      mu.lock();
      wg.add(3);
      go_each(rt, wg, 3, "locker", [&] {
        mu.lock();
        order.push_back(rt.current_id());
        mu.unlock();
      });
      await_blocked(rt, id, 3);
      mu.unlock();
      wg.wait();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    const auto blocks = r.events(EventKind::TaskBlock, id);
    REQUIRE(blocks.size() == 3);
    REQUIRE(order.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
      CHECK(blocks[i].reason == BlockReason::Mutex);
      CHECK(order[i] == blocks[i].task);
    }
    // Four locks and four unlocks, alternating: the lock was handed over, never shared.
    std::vector<EventKind> kinds;
    for (std::size_t i = 0; i < r.log->committed(); ++i) {
      const Event& e = r.log->at(i);
      if (e.obj == id && (e.kind == EventKind::MutexLock || e.kind == EventKind::MutexUnlock))
        kinds.push_back(e.kind);
    }
    REQUIRE(kinds.size() == 8);
    for (std::size_t i = 0; i < kinds.size(); ++i)
      CHECK(kinds[i] == (i % 2 == 0 ? EventKind::MutexLock : EventKind::MutexUnlock));
  });
}

TEST_CASE("mutex: try_lock takes a free mutex and never blocks") {
  bool first = false;
  bool second = true;
  bool third = false;
  const Ran r = run(Mode::Controlled, 1, [&](Runtime& rt) {
    Mutex mu(rt);
    first = mu.try_lock();
    second = mu.try_lock();
    mu.unlock();
    third = mu.try_lock();
    mu.unlock();
  });
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(first);
  CHECK_FALSE(second);
  CHECK(third);
  CHECK(r.events(EventKind::MutexLock, 1).size() == 2);
}

TEST_CASE("mutex: unlock of an unlocked mutex is a fatal error") {
  SUBCASE("in the task: a RunError, not a Panic that recover could catch") {
    std::string message;
    bool was_panic = false;
    run(Mode::Controlled, 1, [&](Runtime& rt) {
      Mutex mu(rt);
      try {
        mu.unlock();
      } catch (const Panic&) {
        was_panic = true;
      } catch (const RunError& e) {
        message = e.what();
      }
    });
    CHECK_FALSE(was_panic);
    CHECK(message == "fatal error: sync: unlock of unlocked mutex");
  }
  SUBCASE("uncaught, it ends the run") {
    const Ran r = run(Mode::Controlled, 1, [](Runtime& rt) {
      Mutex mu(rt);
      mu.lock();
      mu.unlock();
      mu.unlock();
    });
    CHECK(r.result.outcome == Outcome::Error);
    CHECK(r.result.message.find("sync: unlock of unlocked mutex") != std::string::npos);
  }
}

TEST_CASE("rwmutex: readers share the lock") {
  bool shared = false;
  std::int64_t readers = 0;
  const Ran r = run(Mode::Controlled, 1, [&](Runtime& rt) {
    RWMutex rw(rt);
    WaitGroup wg(rt);
    rw.rlock();
    wg.add(1);
    rt.go("reader", [&] {
      shared = rw.try_rlock();
      readers = rw.readers();
      rw.runlock();
      wg.done();
    });
    wg.wait();
    rw.runlock();
  });
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(shared);
  CHECK(readers == 2);
  const auto makes = r.events(EventKind::MutexMake, 1);
  REQUIRE(makes.size() == 1);
  CHECK(makes[0].arg == 1);
  const auto locks = r.events(EventKind::MutexLock, 1);
  REQUIRE(locks.size() == 2);
  CHECK((locks[0].arg == 1 && locks[0].aux == 1));
  CHECK((locks[1].arg == 1 && locks[1].aux == 2));
}

TEST_CASE("rwmutex: a waiting writer blocks new readers (writer preference)") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    std::vector<std::string> order;  // guarded by the lock under test
    bool reader_admitted_early = true;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      RWMutex rw(rt);
      WaitGroup wg(rt);
      rw.rlock();
      wg.add(2);
      rt.go("writer", [&] {
        rw.lock();
        order.emplace_back("writer");
        rw.unlock();
        wg.done();
      });
      await_blocked(rt, rw.id(), 1);  // the writer has announced itself and waits for us
      reader_admitted_early = rw.try_rlock();
      if (reader_admitted_early) rw.runlock();
      rt.go("reader", [&] {
        rw.rlock();
        order.emplace_back("reader");
        rw.runlock();
        wg.done();
      });
      await_blocked(rt, rw.id(), 2);  // the new reader queues behind the writer
      rw.runlock();
      wg.wait();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK_FALSE(reader_admitted_early);
    CHECK(order == std::vector<std::string>{"writer", "reader"});
  });
}

TEST_CASE("rwmutex: unlock admits the waiting readers before the next writer") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    std::mutex order_mu;
    std::vector<std::string> order;  // guarded by order_mu (readers append concurrently)
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      RWMutex rw(rt);
      WaitGroup wg(rt);
      auto record = [&](const char* who) {
        std::lock_guard lk(order_mu);
        order.emplace_back(who);
      };
      rw.lock();
      wg.add(3);
      go_each(rt, wg, 2, "reader", [&] {
        rw.rlock();
        record("reader");
        rw.runlock();
      });
      await_blocked(rt, rw.id(), 2);
      rt.go("writer", [&] {
        rw.lock();
        record("writer");
        rw.unlock();
        wg.done();
      });
      await_blocked(rt, rw.id(), 3);
      rw.unlock();
      wg.wait();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(order == std::vector<std::string>{"reader", "reader", "writer"});
  });
}

TEST_CASE("rwmutex: writers exclude readers and each other") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    int written = -1;
    int violations = -1;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      RWMutex rw(rt);
      WaitGroup wg(rt);
      int value = 0;                // guarded by rw
      std::atomic<int> writers{0};  // inside lock()..unlock()
      std::atomic<int> readers{0};  // inside rlock()..runlock()
      std::atomic<int> bad{0};
      wg.add(5);
      go_each(rt, wg, 2, "writer", [&] {
        for (int i = 0; i < 10; ++i) {
          rw.lock();
          if (writers.fetch_add(1) != 0 || readers.load() != 0) bad.fetch_add(1);
          const int v = value;
          rt.sched_point();
          value = v + 1;
          writers.fetch_sub(1);
          rw.unlock();
        }
      });
      go_each(rt, wg, 3, "reader", [&] {
        for (int i = 0; i < 10; ++i) {
          rw.rlock();
          readers.fetch_add(1);
          if (writers.load() != 0) bad.fetch_add(1);
          rt.sched_point();
          readers.fetch_sub(1);
          rw.runlock();
        }
      });
      wg.wait();
      written = value;
      violations = bad.load();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(written == 20);
    CHECK(violations == 0);
  });
}

TEST_CASE("rwmutex: unlocking what is not locked is a fatal error") {
  struct Case {
    const char* what;
    std::function<void(RWMutex&)> misuse;
    const char* message;
  };
  const Case cases[] = {
      {"runlock of a free lock", [](RWMutex& rw) { rw.runlock(); },
       "fatal error: sync: RUnlock of unlocked RWMutex"},
      {"runlock while write-locked",
       [](RWMutex& rw) {
         rw.lock();
         rw.runlock();
       },
       "fatal error: sync: RUnlock of unlocked RWMutex"},
      {"unlock of a free lock", [](RWMutex& rw) { rw.unlock(); },
       "fatal error: sync: Unlock of unlocked RWMutex"},
      {"unlock while read-locked",
       [](RWMutex& rw) {
         rw.rlock();
         rw.unlock();
       },
       "fatal error: sync: Unlock of unlocked RWMutex"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    std::string message;
    run(Mode::Controlled, 1, [&](Runtime& rt) {
      RWMutex rw(rt);
      try {
        c.misuse(rw);
      } catch (const RunError& e) {
        message = e.what();
      }
    });
    CHECK(message == c.message);
  }
}

TEST_CASE("rwmutex: try_lock and try_rlock never block") {
  std::vector<bool> got;
  const Ran r = run(Mode::Controlled, 1, [&](Runtime& rt) {
    RWMutex rw(rt);
    got.push_back(rw.try_rlock());  // true
    got.push_back(rw.try_lock());   // false: a reader holds it
    rw.runlock();
    got.push_back(rw.try_lock());   // true
    got.push_back(rw.try_rlock());  // false: a writer holds it
    rw.unlock();
  });
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(got == std::vector<bool>{true, false, true, false});
}

}  // namespace rdv::sim
