// Select: ready cases, default, nil cases, blocking and waking, losers dequeued, closed
// channels, fairness, and contention across channels in live mode.
#include "sim/select.h"

#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "sim/event_log.h"
#include "sim/runtime.h"
#include "tests/sim/sync_testing.h"

namespace rdv::sim {
namespace {

using testing::Ran;

Ran run(Mode mode, std::uint64_t seed, const std::function<void(Runtime&)>& body,
        std::shared_ptr<Policy> policy = nullptr) {
  RunConfig cfg;
  cfg.mode = mode;
  cfg.seed = seed;
  cfg.policy = std::move(policy);
  return testing::run(cfg, body);
}

Val show(std::uint64_t v) {
  return Val(std::to_string(v));
}

std::size_t count(const EventLog& log, EventKind k) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < log.committed(); ++i) n += log.at(i).kind == k ? 1u : 0u;
  return n;
}

void wait_blocked(Runtime& rt, ObjId obj, std::size_t n = 1) {
  for (int i = 0; i < 100'000; ++i) {
    std::size_t blocked = 0;
    for (std::size_t k = 0; k < rt.log().committed(); ++k) {
      const Event& e = rt.log().at(k);
      blocked += (e.kind == EventKind::TaskBlock && e.obj == obj) ||
                         (e.kind == EventKind::SelectCase && e.obj == obj)
                     ? 1
                     : 0;
    }
    if (blocked >= n) return;
    rt.sched_point();
    std::this_thread::yield();
  }
  FAIL("nobody blocked on object " << obj);
}

const Mode kModes[] = {Mode::Controlled, Mode::Live};

// Runs `body` in each mode with seeds 1 to 10: every run must end well.
void check_ok_over_ten_seeds(const std::function<void(Runtime&)>& body) {
  for (Mode mode : kModes) {
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
      CAPTURE(std::string(to_string(mode)));
      CAPTURE(seed);
      auto r = run(mode, seed, body);
      CHECK_MESSAGE(r.result.outcome == Outcome::Ok, r.result.message);
    }
  }
}

}  // namespace

TEST_CASE("select: takes a ready case, with nothing ready takes default without blocking") {
  for (Mode mode : kModes) {
    CAPTURE(std::string(to_string(mode)));
    auto r = run(mode, 1, [](Runtime& rt) {
      auto a = std::make_shared<Channel>(rt, 1, "a");
      auto b = std::make_shared<Channel>(rt, 1, "b");
      SelectCase cs[] = {SelectCase::recv(a.get()), SelectCase::recv(b.get())};
      SelectResult none = select(rt, cs, true);
      CHECK(none.index == -1);
      b->send(Value{5}, show(5));
      SelectResult got = select(rt, cs, true);
      CHECK(got.index == 1);
      CHECK(got.ok);
      CHECK(got.value.bits == 5);
      CHECK(got.display.view() == "5");
      SelectCase sc[] = {SelectCase::send(a.get(), Value{6}, show(6))};
      CHECK(select(rt, sc, false).index == 0);
      CHECK(a->len() == 1);
      CHECK(select(rt, sc, true).index == -1);  // full now
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(count(*r.log, EventKind::SelectChoose) == 4);
    CHECK(count(*r.log, EventKind::SelectCase) == 0);  // never blocked
  }
}

TEST_CASE("select: nil channel cases are never ready") {
  for (Mode mode : kModes) {
    CAPTURE(std::string(to_string(mode)));
    auto r = run(mode, 1, [](Runtime& rt) {
      SelectCase cs[] = {SelectCase::recv(nullptr), SelectCase::send(nullptr, Value{1}, show(1))};
      CHECK(select(rt, cs, true).index == -1);
      rt.set_line(6);
      select(rt, cs, false);  // blocks forever
    });
    CHECK(r.result.outcome == Outcome::Deadlock);
    CHECK(r.result.message ==
          "fatal error: all goroutines are asleep - deadlock!\n\n"
          "goroutine 1 [select]:\n\tmain at line 6");
    CHECK(count(*r.log, EventKind::SelectCase) == 2);
  }
}

TEST_CASE("select: an empty select blocks forever") {
  for (Mode mode : kModes) {
    auto r = run(mode, 1, [](Runtime& rt) { select(rt, {}, false); });
    CHECK(r.result.outcome == Outcome::Deadlock);
    CHECK(r.result.message.find("goroutine 1 [select (no cases)]") != std::string::npos);
  }
}

TEST_CASE("select: a blocked select wakes on the first case, the losers are dequeued") {
  check_ok_over_ten_seeds([](Runtime& rt) {
    auto a = std::make_shared<Channel>(rt, 0, "a");
    auto b = std::make_shared<Channel>(rt, 0, "b");
    auto res = std::make_shared<Channel>(rt, 1, "res");
    rt.go("sel", [&rt, a, b, res] {
      SelectCase cs[] = {SelectCase::recv(a.get()), SelectCase::recv(b.get())};
      SelectResult x = select(rt, cs, false);
      res->send(Value{static_cast<std::uint64_t>(x.index * 100) + x.value.bits}, show(0));
    });
    wait_blocked(rt, b->id());
    b->send(Value{7}, show(7));
    CHECK(res->recv().value.bits == 107);
    // The select's waiter on `a` is gone: a new receiver gets the next send on `a`.
    auto got = std::make_shared<Channel>(rt, 1, "got");
    rt.go("rx", [a, got] { got->send(a->recv().value, show(0)); });
    a->send(Value{9}, show(9));
    CHECK(got->recv().value.bits == 9);
  });
}

TEST_CASE("select: a blocked send case is taken by a receiver, recv case sees close") {
  check_ok_over_ten_seeds([](Runtime& rt) {
    auto out = std::make_shared<Channel>(rt, 0, "out");
    auto quit = std::make_shared<Channel>(rt, 0, "quit");
    auto res = std::make_shared<Channel>(rt, 2, "res");
    rt.go("sel", [&rt, out, quit, res] {
      for (;;) {
        SelectCase cs[] = {SelectCase::send(out.get(), Value{3}, show(3)),
                           SelectCase::recv(quit.get())};
        SelectResult x = select(rt, cs, false);
        if (x.index == 1) {
          res->send(Value{x.ok ? 1u : 0u}, show(0));
          return;
        }
      }
    });
    CHECK(out->recv().value.bits == 3);
    CHECK(out->recv().value.bits == 3);
    quit->close();
    CHECK(res->recv().value.bits == 0);  // ok == false: closed
  });
}

TEST_CASE("select: a send case on a closed channel panics") {
  for (Mode mode : kModes) {
    auto r = run(mode, 1, [](Runtime& rt) {
      auto c = std::make_shared<Channel>(rt, 0, "c");
      c->close();
      SelectCase cs[] = {SelectCase::send(c.get(), Value{1}, show(1))};
      select(rt, cs, true);
    });
    CHECK(r.result.outcome == Outcome::Panic);
    CHECK(r.result.message.rfind("panic: send on closed channel\n", 0) == 0);

    auto r2 = run(mode, 1, [](Runtime& rt) {
      auto c = std::make_shared<Channel>(rt, 0, "c");
      rt.go("closer", [&rt, c] {
        for (int i = 0; i < 5; ++i) rt.sched_point();
        c->close();
      });
      SelectCase cs[] = {SelectCase::send(c.get(), Value{1}, show(1))};
      select(rt, cs, false);
    });
    CHECK(r2.result.outcome == Outcome::Panic);
    CHECK(r2.result.message.rfind("panic: send on closed channel\n", 0) == 0);
  }
}

TEST_CASE("select: chooses uniformly among ready cases (fixed seeds, wide bound)") {
  for (Mode mode : kModes) {
    for (std::uint64_t seed : {1u, 2u, 3u}) {
      CAPTURE(std::string(to_string(mode)));
      CAPTURE(seed);
      std::vector<int> hits(3, 0);
      auto r = run(mode, seed, [&](Runtime& rt) {
        std::vector<std::shared_ptr<Channel>> chans;
        for (int i = 0; i < 3; ++i) chans.push_back(std::make_shared<Channel>(rt, 1, "c"));
        for (auto& c : chans) c->send(Value{1}, show(1));
        SelectCase cs[] = {SelectCase::recv(chans[0].get()), SelectCase::recv(chans[1].get()),
                           SelectCase::recv(chans[2].get())};
        for (int n = 0; n < 3000; ++n) {
          SelectResult x = select(rt, cs, false);
          ++hits[static_cast<std::size_t>(x.index)];
          chans[static_cast<std::size_t>(x.index)]->send(Value{1}, show(1));
        }
      });
      CHECK(r.result.outcome == Outcome::Ok);
      // Expected 1000 each; a binomial sd is ~26, so [850, 1150] is > 5 sd wide.
      for (int h : hits) {
        CHECK(h >= 850);
        CHECK(h <= 1150);
      }
    }
  }
}

TEST_CASE("select: the schedule records case choices, and replay reproduces them") {
  const auto body = [](Runtime& rt) {
    auto a = std::make_shared<Channel>(rt, 1, "a");
    auto b = std::make_shared<Channel>(rt, 1, "b");
    for (int n = 0; n < 20; ++n) {
      a->send(Value{1}, show(1));
      b->send(Value{2}, show(2));
      SelectCase cs[] = {SelectCase::recv(a.get()), SelectCase::recv(b.get())};
      const SelectResult x = select(rt, cs, false);
      rt.print(std::to_string(x.index));
      (x.index == 0 ? b : a)->recv();
    }
  };
  auto first = run(Mode::Controlled, 11, body);
  REQUIRE(first.result.outcome == Outcome::Ok);
  CHECK(first.result.schedule.size() == 20);
  auto again = run(Mode::Controlled, 99, body, make_replay(first.result.schedule));
  CHECK(again.result.outcome == Outcome::Ok);
  REQUIRE(again.log->committed() == first.log->committed());
  for (std::size_t i = 0; i < first.log->committed(); ++i) {
    CHECK(again.log->at(i) == first.log->at(i));
  }
}

TEST_CASE("select: selects over the same channels in opposite orders lose no value") {
  for (Mode mode : kModes) {
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
      CAPTURE(std::string(to_string(mode)));
      CAPTURE(seed);
      std::uint64_t total = 0;
      auto r = run(mode, seed, [&](Runtime& rt) {
        auto a = std::make_shared<Channel>(rt, 0, "a");
        auto b = std::make_shared<Channel>(rt, 0, "b");
        auto sums = std::make_shared<Channel>(rt, 2, "sums");
        rt.go("pa", [a] {
          for (std::uint64_t i = 1; i <= 100; ++i) a->send(Value{i}, show(i));
        });
        rt.go("pb", [b] {
          for (std::uint64_t i = 1; i <= 100; ++i) b->send(Value{i}, show(i));
        });
        for (int c = 0; c < 2; ++c) {
          rt.go("consumer", [&rt, a, b, sums, c] {
            std::uint64_t acc = 0;
            for (int n = 0; n < 100; ++n) {
              SelectCase ab[] = {SelectCase::recv(a.get()), SelectCase::recv(b.get())};
              SelectCase ba[] = {SelectCase::recv(b.get()), SelectCase::recv(a.get())};
              acc += select(rt, c == 0 ? ab : ba, false).value.bits;
            }
            sums->send(Value{acc}, show(acc));
          });
        }
        total = sums->recv().value.bits + sums->recv().value.bits;
      });
      CHECK_MESSAGE(r.result.outcome == Outcome::Ok, r.result.message);
      CHECK(total == 2 * 5050);
    }
  }
}

}  // namespace rdv::sim
