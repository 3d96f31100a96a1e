// Tasks and their threads: the parker, the pool, CPU pinning in controlled mode, live spinning.
#include "sim/task.h"

#include <doctest/doctest.h>
#include <sched.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "sim/channel.h"
#include "sim/event_log.h"
#include "sim/runtime.h"

namespace rdv::sim {

TEST_CASE("task: a parker remembers a post made before the wait") {
  Parker p;
  p.post();
  p.wait(0, 0);  // returns at once
  p.post();
  p.post();  // binary: two posts are one
  p.wait(100, 2);
  std::atomic<bool> woke{false};
  std::thread t([&] {
    p.wait(0, 0);
    woke = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  p.post();
  t.join();
  CHECK(woke.load());
}

TEST_CASE("task: a parker's timed spin takes a post made during it, before it or after it") {
  using std::chrono::microseconds;
  using std::chrono::milliseconds;
  Parker p;
  p.post();
  p.wait_spinning(microseconds(50), 0);  // posted before: returns at once
  // Posted while the waiter spins (a spin of 10 s: only the post can end it in time).
  std::atomic<bool> spinning{false};
  std::thread t([&] {
    spinning = true;
    p.wait_spinning(std::chrono::seconds(10), 0);
  });
  while (!spinning.load()) std::this_thread::yield();
  const auto t0 = std::chrono::steady_clock::now();
  p.post();
  t.join();
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
  // Posted long after a short spin ended: the waiter sleeps on the futex and is woken.
  std::atomic<bool> woke{false};
  std::thread u([&] {
    p.wait_spinning(microseconds(10), 2);
    woke = true;
  });
  std::this_thread::sleep_for(milliseconds(20));
  CHECK_FALSE(woke.load());
  p.post();
  u.join();
  CHECK(woke.load());
}

TEST_CASE("task: a live task records the CPU it resumes on and the task it woke, for its spin") {
  // Runtime::park spins long only when the task it woke last ran on another CPU.
  EventLog log;
  RunConfig cfg;
  cfg.mode = Mode::Live;
  std::atomic<int> main_recorded{-3};
  std::atomic<Task*> worker{nullptr};
  std::atomic<bool> woke_worker{false};
  Runtime rt(cfg, log);
  rt.start("main", [&] {
    auto ping = std::make_shared<Channel>(rt, 0, "ping");
    auto pong = std::make_shared<Channel>(rt, 0, "pong");
    rt.go("w", [&, ping, pong] {
      worker = Runtime::current_task();
      pong->send(ping->recv().value, Val("1"));
    });
    // Once w waits in ping->recv(), the send readies it: main woke w.
    while (worker.load() == nullptr || worker.load()->state.load() != Task::State::Parked) {
      std::this_thread::yield();
    }
    ping->send(Value{1}, Val("1"));
    woke_worker = Runtime::current_task()->woke == worker.load();
    pong->recv();
    main_recorded = Runtime::current_task()->cpu.load();
  });
  REQUIRE(rt.wait_for(std::chrono::seconds(20)));
  CHECK(rt.wait().outcome == Outcome::Ok);
  CHECK(woke_worker.load());
  CHECK(main_recorded.load() >= 0);
  CHECK(worker.load()->cpu.load() >= 0);
}

TEST_CASE("task: the pool runs jobs on reused threads") {
  std::atomic<int> ran{0};
  for (int round = 0; round < 3; ++round) {
    Parker done;
    std::atomic<int> left{8};
    for (int i = 0; i < 8; ++i) {
      pool::submit(
          [&] {
            ++ran;
            if (--left == 0) done.post();
          },
          -1);
    }
    done.wait(0, 0);
  }
  CHECK(ran.load() == 24);
  CHECK(pool::cpu_count() >= 1);
  const int c = pool::pick_cpu();
  CHECK(c >= 0);
}

TEST_CASE("task: a controlled run keeps all its task threads on one CPU") {
  EventLog log;
  RunConfig cfg;
  cfg.seed = 3;
  std::mutex mu;
  std::set<int> cpus;
  Runtime rt(cfg, log);
  rt.start("main", [&] {
    auto done = std::make_shared<Channel>(rt, 8, "done");
    for (int i = 0; i < 8; ++i) {
      rt.go("w", [&, done] {
        for (int k = 0; k < 20; ++k) {
          {
            std::lock_guard lk(mu);
            cpus.insert(sched_getcpu());
          }
          rt.sched_point();
        }
        done->send(Value{1}, Val("1"));
      });
    }
    for (int i = 0; i < 8; ++i) done->recv();
  });
  REQUIRE(rt.wait_for(std::chrono::seconds(20)));
  CHECK(rt.wait().outcome == Outcome::Ok);
  CHECK(cpus.size() == 1);
}

}  // namespace rdv::sim
