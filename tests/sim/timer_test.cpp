// Time: virtual clock jumps (controlled), sleep, after, ticker, limits, live time scale.
#include "sim/timer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim/event_log.h"
#include "sim/runtime.h"
#include "sim/select.h"
#include "tests/sim/sync_testing.h"

namespace rdv::sim {
namespace {

using testing::printed;
using testing::Ran;
using testing::run;

RunConfig controlled(std::uint64_t seed) {
  RunConfig c;
  c.seed = seed;
  return c;
}

RunConfig live(double scale) {
  RunConfig c;
  c.mode = Mode::Live;
  c.time_scale = scale;
  return c;
}

}  // namespace

TEST_CASE("timer: durations print as Go prints them") {
  CHECK(format_duration(0) == "0s");
  CHECK(format_duration(2 * kSecond) == "2s");
  CHECK(format_duration(1500 * kMillisecond) == "1.5s");
  CHECK(format_duration(300 * kMillisecond) == "300ms");
  CHECK(format_duration(20'000) == "20\xC2\xB5s");
  CHECK(format_duration(5) == "5ns");
  CHECK(format_duration(90 * kSecond) == "1m30s");
  CHECK(format_duration(3600 * kSecond) == "1h0m0s");
}

TEST_CASE("timer: the virtual clock jumps to the earliest timer only when nobody can run") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    CAPTURE(seed);
    auto r = run(controlled(seed), [](Runtime& rt) {
      auto done = std::make_shared<Channel>(rt, 4, "done");
      for (int d : {3, 1, 2, 2}) {
        rt.go("s" + std::to_string(d), [&rt, done, d] {
          rt.sleep(d * kSecond);
          rt.print(std::to_string(d) + "@" + format_duration(rt.now()));
          done->send(Value{1}, Val("1"));
        });
      }
      CHECK(rt.now() == 0);
      for (int i = 0; i < 4; ++i) done->recv();
      CHECK(rt.now() == 3 * kSecond);
    });
    CHECK(r.result.outcome == Outcome::Ok);
    const auto p = printed(*r.log);
    REQUIRE(p.size() == 4);
    CHECK(p[0] == "1@1s");
    CHECK(p[3] == "3@3s");
    // Times never decrease along the stream in controlled mode.
    for (std::size_t i = 1; i < r.log->committed(); ++i) {
      CHECK(r.log->at(i).t >= r.log->at(i - 1).t);
    }
  }
}

TEST_CASE("timer: timers due at the same time fire in creation order") {
  auto r = run(controlled(1), [](Runtime& rt) {
    auto done = std::make_shared<Channel>(rt, 3, "done");
    std::vector<std::shared_ptr<Channel>> chans;
    for (int i = 0; i < 3; ++i) chans.push_back(after(rt, kSecond));
    for (int i = 2; i >= 0; --i) {
      rt.go("w" + std::to_string(i), [&rt, c = chans[static_cast<std::size_t>(i)], done, i] {
        c->recv();
        rt.print(std::to_string(i));
        done->send(Value{1}, Val("1"));
      });
    }
    for (int i = 0; i < 3; ++i) done->recv();
  });
  CHECK(r.result.outcome == Outcome::Ok);
  std::vector<ObjId> fired;
  for (std::size_t i = 0; i < r.log->committed(); ++i) {
    if (r.log->at(i).kind == EventKind::TimerFire) fired.push_back(r.log->at(i).obj);
  }
  REQUIRE(fired.size() == 3);
  CHECK(fired[0] < fired[1]);
  CHECK(fired[1] < fired[2]);
}

TEST_CASE("timer: after() as a select timeout, the slow worker loses") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    CAPTURE(seed);
    auto r = run(controlled(seed), [](Runtime& rt) {
      auto res = std::make_shared<Channel>(rt, 1, "res");
      rt.go("slow", [&rt, res] {
        rt.sleep(5 * kSecond);
        res->send(Value{1}, Val("1"));
      });
      auto timeout = after(rt, 2 * kSecond);
      CHECK(timeout->name() == "after(2s)");
      CHECK(timeout->cap() == 1);
      SelectCase cs[] = {SelectCase::recv(res.get()), SelectCase::recv(timeout.get())};
      SelectResult x = select(rt, cs, false);
      CHECK(x.index == 1);
      CHECK(x.value.kind == ValueKind::Time);
      CHECK(x.value.bits == static_cast<std::uint64_t>(2 * kSecond));
      CHECK(x.display.view() == "2s");
      CHECK(rt.now() == 2 * kSecond);
      res->recv();  // the worker finishes at 5s
      CHECK(rt.now() == 5 * kSecond);
    });
    CHECK_MESSAGE(r.result.outcome == Outcome::Ok, r.result.message);
  }
}

TEST_CASE("timer: a ticker ticks every period, drops untaken ticks, and stops") {
  auto r = run(controlled(1), [](Runtime& rt) {
    auto t = ticker(rt, kSecond);
    for (int i = 1; i <= 3; ++i) {
      Received x = t->channel()->recv();
      CHECK(x.value.bits == static_cast<std::uint64_t>(i * kSecond));
    }
    rt.sleep(5 * kSecond + kMillisecond);  // ticks at 4..8s: only one fits in the buffer
    CHECK(t->channel()->len() == 1);
    CHECK(t->channel()->recv().value.bits == static_cast<std::uint64_t>(4 * kSecond));
    t->stop();
    t->stop();
    rt.sleep(10 * kSecond);
    CHECK(t->channel()->len() == 0);
  });
  CHECK_MESSAGE(r.result.outcome == Outcome::Ok, r.result.message);
  std::size_t stops = 0;
  for (std::size_t i = 0; i < r.log->committed(); ++i) {
    stops += r.log->at(i).kind == EventKind::TimerStop ? 1u : 0u;
  }
  CHECK(stops == 1);
  auto bad = run(controlled(1), [](Runtime& rt) { ticker(rt, 0); });
  CHECK(bad.result.outcome == Outcome::Panic);
  CHECK(bad.result.message.rfind("panic: non-positive interval for NewTicker\n", 0) == 0);
}

TEST_CASE("timer: a one-shot timer fires once, stop and reset say whether it was pending") {
  auto r = run(controlled(1), [](Runtime& rt) {
    auto t = timer(rt, 2 * kSecond);
    CHECK(t->stop());        // stopped before it fired
    CHECK_FALSE(t->stop());  // already stopped
    rt.sleep(3 * kSecond);
    CHECK(t->channel()->len() == 0);  // a stopped timer never sends
    CHECK_FALSE(t->reset(kSecond));   // it was not pending
    CHECK(t->channel()->recv().value.bits == static_cast<std::uint64_t>(4 * kSecond));
    CHECK_FALSE(t->stop());              // it fired
    CHECK_FALSE(t->reset(5 * kSecond));  // it had fired: re-armed for 9 s ...
    CHECK(t->reset(kSecond));            // ... so this reset finds it pending and moves it to 5 s
    CHECK(t->channel()->recv().value.bits == static_cast<std::uint64_t>(5 * kSecond));
    CHECK_FALSE(t->reset(0));  // fires at once, on the same channel
    CHECK(t->channel()->recv().value.bits == static_cast<std::uint64_t>(5 * kSecond));
  });
  CHECK_MESSAGE(r.result.outcome == Outcome::Ok, r.result.message);
  // Each arming is a timer of its own: 5 made, 2 stopped (the first stop, and the reset of a
  // pending one), 3 fired; every stop and fire names an arming made before it.
  std::size_t made = 0, stops = 0, fires = 0;
  std::vector<ObjId> armed;
  for (std::size_t i = 0; i < r.log->committed(); ++i) {
    const Event& e = r.log->at(i);
    if (e.kind == EventKind::TimerMake) {
      ++made;
      armed.push_back(e.obj);
      CHECK(r.log->str(e.text) == "timer");
    }
    if (e.kind == EventKind::TimerStop || e.kind == EventKind::TimerFire) {
      (e.kind == EventKind::TimerStop ? stops : fires)++;
      CHECK(std::find(armed.begin(), armed.end(), e.obj) != armed.end());
    }
  }
  CHECK(made == 5);
  CHECK(stops == 2);
  CHECK(fires == 3);
}

TEST_CASE("timer: a pending timer is not a deadlock, the time limit ends an endless run") {
  auto r = run(controlled(1), [](Runtime& rt) {
    auto t = ticker(rt, kSecond);
    chan_recv(rt, nullptr);
  });
  CHECK(r.result.outcome == Outcome::Error);
  CHECK(r.result.message.rfind("time limit exceeded", 0) == 0);

  auto d = run(controlled(1), [](Runtime& rt) {
    rt.sleep(kSecond);
    chan_recv(rt, nullptr);
  });
  CHECK(d.result.outcome == Outcome::Deadlock);
}

TEST_CASE("timer: live mode sleeps on the scaled wall clock") {
  auto r = run(live(10.0), [](Runtime& rt) {
    const Nanos t0 = rt.now();
    rt.sleep(200 * kMillisecond);  // 20 ms of wall time at x10
    CHECK(rt.now() - t0 >= 200 * kMillisecond);
    auto a = after(rt, 100 * kMillisecond);
    CHECK(a->recv().value.kind == ValueKind::Time);
    auto t = ticker(rt, 50 * kMillisecond);
    t->channel()->recv();
    t->channel()->recv();
    t->stop();
  });
  CHECK_MESSAGE(r.result.outcome == Outcome::Ok, r.result.message);

  auto d = run(live(10.0), [](Runtime& rt) {
    rt.sleep(10 * kMillisecond);
    chan_recv(rt, nullptr);
  });
  CHECK(d.result.outcome == Outcome::Deadlock);
}

}  // namespace rdv::sim
