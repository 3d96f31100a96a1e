// Tasks and their threads: the parker, the pool, CPU pinning in controlled mode.
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
