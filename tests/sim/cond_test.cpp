// tests/sim/cond_test.cpp — sync.Cond: Wait releases and retakes its mutex, Signal wakes the
// longest waiter, Broadcast wakes all, no wake-up is lost between unlock and park, everyone
// waiting is a deadlock, misuse is a fatal error; controlled mode over many seeds and live mode.
#include "sim/cond.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <deque>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/event_log.h"
#include "sim/mutex.h"
#include "sim/runtime.h"
#include "sim/wait_group.h"
#include "tests/sim/sync_testing.h"

namespace rdv::sim {

using namespace testing;

namespace {

// Whether some task of the run parked in a Cond's Wait (a waiter notified in the window
// between its ticket and its sleep never parks).
bool parked_on_cond(const Ran& r) {
  for (const Event& e : r.events_of(EventKind::TaskBlock))
    if (e.reason == BlockReason::CondWait) return true;
  return false;
}

}  // namespace

TEST_CASE("cond: a queue with Wait in a loop delivers every item exactly once") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    std::vector<int> got;  // guarded by mu
    bool held_after_wait = true;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      Mutex mu(rt, "queue");
      Cond ready(rt, mu, "ready");
      WaitGroup wg(rt);
      std::deque<int> items;  // guarded by mu
      bool closed = false;    // guarded by mu
      wg.add(3);
      go_each(rt, wg, 3, "consumer", [&] {
        mu.lock();
        for (;;) {
          while (items.empty() && !closed) {
            ready.wait();
            if (!mu.locked()) held_after_wait = false;
          }
          if (items.empty()) break;
          got.push_back(items.front());
          items.pop_front();
        }
        mu.unlock();
      });
      for (int i = 1; i <= 10; ++i) {
        mu.lock();
        items.push_back(i);
        ready.signal();
        mu.unlock();
      }
      mu.lock();
      closed = true;
      ready.broadcast();
      mu.unlock();
      wg.wait();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(held_after_wait);
    std::vector<int> sorted = got;
    std::sort(sorted.begin(), sorted.end());
    CHECK(sorted == std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  });
}

TEST_CASE("cond: signal wakes the longest waiter first") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    ObjId id = 0;
    std::vector<TaskId> woke;  // guarded by mu
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      Mutex mu(rt);
      Cond c(rt, mu);
      WaitGroup wg(rt);
      id = c.id();
      wg.add(3);
      go_each(rt, wg, 3, "waiter", [&] {
        mu.lock();
        c.wait();
        woke.push_back(rt.current_id());
        mu.unlock();
      });
      await_blocked(rt, id, 3);
      CHECK(c.waiters() == 3);
      for (int i = 0; i < 3; ++i) c.signal();
      wg.wait();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    const auto blocks = r.events(EventKind::TaskBlock, id);
    REQUIRE(blocks.size() == 3);
    for (const Event& b : blocks) CHECK(b.reason == BlockReason::CondWait);
    // The queue's order is the order of the CondWait events (each emitted as its waiter is
    // queued, Go's ticket). The parks may come in another order in live mode: a waiter unlocks
    // L between the two, and another may queue and park meanwhile.
    const auto waits = r.events(EventKind::CondWait, id);
    REQUIRE(waits.size() == 3);
    const auto signals = r.events(EventKind::CondSignal, id);
    REQUIRE(signals.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
      CHECK(signals[i].peer == waits[i].task);  // FIFO: the i-th to queue, the i-th notified
      CHECK(signals[i].aux == static_cast<std::int64_t>(2 - i));
    }
  });
}

TEST_CASE("cond: broadcast wakes every waiter, and each returns holding the mutex in turn") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    ObjId id = 0;
    int inside = 0;  // guarded by mu
    int overlaps = 0;
    int woke = 0;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      Mutex mu(rt);
      Cond c(rt, mu, "go");
      WaitGroup wg(rt);
      id = c.id();
      wg.add(4);
      go_each(rt, wg, 4, "waiter", [&] {
        mu.lock();
        c.wait();
        if (++inside != 1) ++overlaps;
        rt.sched_point();
        ++woke;
        --inside;
        mu.unlock();
      });
      await_blocked(rt, id, 4);
      mu.lock();
      c.broadcast();
      mu.unlock();
      wg.wait();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(woke == 4);
    CHECK(overlaps == 0);
    const auto bc = r.events(EventKind::CondBroadcast, id);
    REQUIRE(bc.size() == 1);
    CHECK(bc[0].arg == 4);
  });
}

TEST_CASE("cond: signal and broadcast with nobody waiting do nothing") {
  const Ran r = run(Mode::Controlled, 1, [](Runtime& rt) {
    Mutex mu(rt);
    Cond c(rt, mu);
    c.signal();
    c.broadcast();
    CHECK(c.waiters() == 0);
  });
  CHECK(r.result.outcome == Outcome::Ok);
  const auto s = r.events_of(EventKind::CondSignal);
  REQUIRE(s.size() == 1);
  CHECK(s[0].peer == 0);
  const auto b = r.events_of(EventKind::CondBroadcast);
  REQUIRE(b.size() == 1);
  CHECK(b[0].arg == 0);
}

TEST_CASE("cond: a signal between the waiter's unlock and its park is not lost") {
  // The waiter is queued before it unlocks L (a scheduling point): a signal in that window
  // notifies it though it has not parked yet, and it must not park then. The signaller keeps
  // signalling (without L, as Go allows) until the waiter is through; over many seeds some
  // schedule signals in the window.
  int in_window = 0;  // runs where the waiter was notified before it parked
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    CAPTURE(seed);
    const Ran r = run(Mode::Controlled, seed, [](Runtime& rt) {
      Mutex mu(rt);
      Cond c(rt, mu);
      std::atomic<bool> through{false};
      WaitGroup wg(rt);
      wg.add(1);
      rt.go("signaller", [&] {
        while (!through.load()) c.signal();
        wg.done();
      });
      mu.lock();
      c.wait();
      mu.unlock();
      through.store(true);
      wg.wait();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    if (!parked_on_cond(r)) ++in_window;
  }
  CHECK(in_window > 0);
}

TEST_CASE("cond: everybody waiting on a cond is Go's deadlock") {
  // Outside main's frame: teardown unwinds every task at once, and "other" takes the cond's
  // lock to leave its queue while main's frame may already be gone.
  std::unique_ptr<Mutex> mu;
  std::unique_ptr<Cond> c;
  const Ran r = run(Mode::Controlled, 1, [&](Runtime& rt) {
    mu = std::make_unique<Mutex>(rt);
    c = std::make_unique<Cond>(rt, *mu, "ready");
    rt.go("other", [&] {
      mu->lock();
      c->wait();
    });
    mu->lock();
    c->wait();
  });
  CHECK(r.result.outcome == Outcome::Deadlock);
  CHECK(r.result.message.rfind("fatal error: all goroutines are asleep - deadlock!", 0) == 0);
  CHECK(r.result.message.find("[sync.Cond.Wait]") != std::string::npos);
  CHECK(r.result.message.find("waiting on ready") != std::string::npos);
}

TEST_CASE("cond: wait without holding the mutex is Go's fatal unlock error") {
  const Ran r = run(Mode::Controlled, 1, [](Runtime& rt) {
    Mutex mu(rt);
    Cond c(rt, mu);
    c.wait();
  });
  CHECK(r.result.outcome == Outcome::Error);
  CHECK(r.result.message.find("sync: unlock of unlocked mutex") != std::string::npos);
}

TEST_CASE("cond: a waiter left when main returns is a leak, torn down cleanly") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    // Outside main's frame: they outlive it while the leaked waiter is torn down.
    std::unique_ptr<Mutex> mu;
    std::unique_ptr<Cond> c;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      mu = std::make_unique<Mutex>(rt);
      c = std::make_unique<Cond>(rt, *mu);
      rt.go("stuck", [&] {
        mu->lock();
        c->wait();
      });
      await_blocks(rt, 1, [](const Event& e) { return e.reason == BlockReason::CondWait; });
      CHECK(c->waiters() == 1);
    });
    CHECK(r.result.outcome == Outcome::Leak);
    CHECK(r.events_of(EventKind::Leak).size() == 1);
  });
}

TEST_CASE("cond: over an RWMutex's write side, Wait unlocks and relocks the writer's lock") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    ObjId rw_id = 0;
    ObjId id = 0;
    bool written_after_wait = true;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      RWMutex rw(rt, "table");
      Cond c(rt, CondLocker::of(rw), "changed");
      rw_id = rw.id();
      id = c.id();
      WaitGroup wg(rt);
      int version = 0;  // guarded by rw
      wg.add(2);
      go_each(rt, wg, 2, "writer", [&] {
        rw.lock();
        while (version == 0) c.wait();
        // Holding the writer's lock again: no reader can get in.
        if (rw.try_rlock()) {
          written_after_wait = false;
          rw.runlock();
        }
        ++version;
        rw.unlock();
      });
      await_blocked(rt, id, 2);
      rw.lock();
      version = 1;
      c.broadcast();
      rw.unlock();
      wg.wait();
      CHECK(version == 3);
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(written_after_wait);
    const auto makes = r.events_of(EventKind::CondMake);
    REQUIRE(makes.size() == 1);
    CHECK(makes[0].arg == 0);
    CHECK(makes[0].aux == rw_id);
  });
}

TEST_CASE("cond: over an RWMutex's read side (RLocker), waiters hold a read lock each") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    ObjId rw_id = 0;
    std::atomic<int> readers_after{0};  // written by the readers at once, in live mode
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      RWMutex rw(rt, "config");
      Cond c(rt, CondLocker::reader(rw), "loaded");
      rw_id = rw.id();
      WaitGroup wg(rt);
      std::atomic<bool> loaded{false};
      std::atomic<int> inside{0};
      wg.add(3);
      go_each(rt, wg, 3, "reader", [&] {
        rw.rlock();
        while (!loaded.load()) c.wait();
        ++inside;
        while (inside.load() < 3) rt.sched_point();  // all three read-locked together
        readers_after.store(static_cast<int>(rw.readers()));
        rw.runlock();
      });
      await_blocked(rt, c.id(), 3);
      CHECK(rw.readers() == 0);  // each waiter released its read lock
      rw.lock();                 // so the writer gets in
      loaded = true;
      rw.unlock();
      c.broadcast();
      wg.wait();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(readers_after.load() >= 1);
    const auto makes = r.events_of(EventKind::CondMake);
    REQUIRE(makes.size() == 1);
    CHECK(makes[0].arg == 1);
    CHECK(makes[0].aux == rw_id);
  });
}

TEST_CASE("cond: a signal while a program Locker's unlock runs is not lost") {
  // L is the program's: its Unlock (here a mutex's unlock and then more scheduling points, as
  // a Locker's code may have) runs between the ticket and the sleep; a signal there notifies
  // the ticket and the waiter does not park.
  int in_window = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    CAPTURE(seed);
    const Ran r = run(Mode::Controlled, seed, [](Runtime& rt) {
      Mutex mu(rt, "inner");
      Cond c(rt, CondLocker::program("*main.locker"), "ready");
      std::atomic<bool> through{false};
      WaitGroup wg(rt);
      wg.add(1);
      rt.go("signaller", [&] {
        while (!through.load()) c.signal();
        wg.done();
      });
      mu.lock();
      c.wait(
          [&] {
            mu.unlock();
            rt.sched_point();
          },
          [&] { mu.lock(); });
      CHECK(mu.locked());
      mu.unlock();
      through.store(true);
      wg.wait();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    if (!parked_on_cond(r)) ++in_window;
    const auto makes = r.events_of(EventKind::CondMake);
    REQUIRE(makes.size() == 1);
    CHECK(makes[0].arg == 2);
    CHECK(makes[0].aux == 0);
    CHECK(makes[0].val.view() == "*main.locker");
  }
  CHECK(in_window > 0);
}

TEST_CASE("cond: a program Locker needs wait(unlock, lock)") {
  const Ran r = run(Mode::Controlled, 1, [](Runtime& rt) {
    Cond c(rt, CondLocker::program("T"));
    CHECK_THROWS_AS(c.wait(), std::logic_error);
  });
  CHECK(r.result.outcome == Outcome::Ok);
}

TEST_CASE("cond: Wait on a nil L panics as Go's, and its ticket takes the next Signal") {
  const Ran r = run(Mode::Controlled, 1, [](Runtime& rt) {
    Cond c(rt, CondLocker::nil(), "c");
    c.signal();  // no L needed
    CHECK_THROWS_WITH_AS(c.wait(),
                         "runtime error: invalid memory address or nil pointer dereference", Panic);
    CHECK(c.waiters() == 1);  // as Go's notifyList: the ticket was taken before L.Unlock
    c.signal();
    CHECK(c.waiters() == 0);
  });
  CHECK(r.result.outcome == Outcome::Ok);
  const auto makes = r.events_of(EventKind::CondMake);
  REQUIRE(makes.size() == 1);
  CHECK(makes[0].arg == 3);
  CHECK(makes[0].aux == 0);
  const auto s = r.events_of(EventKind::CondSignal);
  REQUIRE(s.size() == 2);
  CHECK(s[0].peer == 0);
  CHECK(s[1].peer == 1);  // main's abandoned ticket
}

TEST_CASE("cond: set_locker gives Wait its new L (Go's c.L = l)") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      Mutex a(rt, "a");
      Mutex b(rt, "b");
      Cond c(rt, CondLocker::nil(), "c");
      c.set_locker(CondLocker::of(b));
      CHECK(c.locker().obj() == b.id());
      bool ready = false;  // guarded by b
      WaitGroup wg(rt);
      wg.add(1);
      rt.go("waiter", [&] {
        b.lock();
        while (!ready) c.wait();
        b.unlock();
        wg.done();
      });
      await_blocked(rt, c.id(), 1);
      CHECK_FALSE(b.locked());  // the waiter unlocked b, not a
      b.lock();
      ready = true;
      c.signal();
      b.unlock();
      wg.wait();
      CHECK_FALSE(a.locked());
    });
    CHECK(r.result.outcome == Outcome::Ok);
  });
}

TEST_CASE("cond: Wait locks the L it finds after the sleep, as Go reads c.L again") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    bool holds_b = false;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      Mutex a(rt, "a");
      Mutex b(rt, "b");
      Cond c(rt, a, "c");
      WaitGroup wg(rt);
      wg.add(1);
      rt.go("waiter", [&] {
        a.lock();
        c.wait();  // unlocks a; after c.L = &b, locks b
        holds_b = b.locked() && !a.locked();
        b.unlock();
        wg.done();
      });
      await_blocked(rt, c.id(), 1);
      c.set_locker(CondLocker::of(b));
      c.signal();
      wg.wait();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(holds_b);
  });
}

}  // namespace rdv::sim
