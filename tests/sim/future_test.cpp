// tests/sim/future_test.cpp — Promise/Future, all, all_settled: blocking get, errors, double
// resolution as a panic, FIFO wake-up, Promise.all's early rejection vs allSettled.
#include "sim/future.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/event_log.h"
#include "sim/runtime.h"
#include "sim/wait_group.h"
#include "tests/sim/sync_testing.h"

namespace rdv::sim {

using namespace testing;

namespace {

using namespace std::chrono_literals;

void set(Promise& p, std::uint64_t bits) {
  p.set(Value{bits}, Val(std::to_string(bits)));
}
void fail(Promise& p, std::uint64_t bits, std::string_view text = "error") {
  p.fail(Value{bits}, Val(text));
}

}  // namespace

TEST_CASE("future: get blocks until the promise is set, then returns its value") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    Settlement got;
    ObjId id = 0;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      Promise p(rt, "answer");
      id = p.id();
      rt.go("setter", [&rt, p]() mutable {
        await_blocked(rt, p.id(), 1);  // main is waiting in get()
        set(p, 42);
      });
      got = p.future().get();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(got.ok);
    CHECK(got.value.bits == 42);
    const auto blocks = r.events(EventKind::TaskBlock, id);
    REQUIRE(blocks.size() == 1);  // main waited: the setter sets only then
    CHECK(blocks[0].reason == BlockReason::Future);
    const auto sets = r.events(EventKind::FutureSet, id);
    REQUIRE(sets.size() == 1);
    CHECK(sets[0].val.view() == "42");
    CHECK(r.log->str(r.events(EventKind::FutureMake, id).at(0).text) == "answer");
  });
}

TEST_CASE("future: a failed promise gives its error, a resolved future does not block") {
  Settlement first;
  Settlement again;
  ObjId id = 0;
  const Ran r = run(Mode::Controlled, 3, [&](Runtime& rt) {
    Promise p(rt);
    id = p.id();
    fail(p, 7, "disk full");
    first = p.future().get();
    again = p.future().get();
  });
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK_FALSE(first.ok);
  CHECK(first.error.bits == 7);
  CHECK_FALSE(again.ok);
  CHECK(again.error.bits == 7);
  CHECK(r.events(EventKind::TaskBlock, id).empty());
  const auto fails = r.events(EventKind::FutureFail, id);
  REQUIRE(fails.size() == 1);
  CHECK(fails[0].val.view() == "disk full");
}

TEST_CASE("future: resolving twice panics") {
  std::vector<std::string> messages;
  Settlement got;
  run(Mode::Controlled, 1, [&](Runtime& rt) {
    Promise p(rt);
    set(p, 1);
    try {
      set(p, 2);
    } catch (const Panic& e) {
      messages.emplace_back(e.what());
    }
    try {
      fail(p, 3);
    } catch (const Panic& e) {
      messages.emplace_back(e.what());
    }
    got = p.future().get();
  });
  CHECK(messages == std::vector<std::string>{"promise: set of resolved promise",
                                             "promise: fail of resolved promise"});
  CHECK(got.ok);
  CHECK(got.value.bits == 1);  // the first resolution stands
}

TEST_CASE("future: every waiter is woken, in the order they waited") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    ObjId id = 0;
    std::atomic<std::uint64_t> sum{0};
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      Promise p(rt);
      WaitGroup wg(rt);
      id = p.id();
      wg.add(3);
      go_each(rt, wg, 3, "getter", [&] { sum.fetch_add(p.future().get().value.bits); });
      await_blocked(rt, id, 3);
      set(p, 5);
      wg.wait();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(sum.load() == 15);
    const auto blocks = r.events(EventKind::TaskBlock, id);
    const auto unblocks = r.events(EventKind::TaskUnblock, id);
    REQUIRE(blocks.size() == 3);
    REQUIRE(unblocks.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(unblocks[i].task == blocks[i].task);
  });
}

// Sets promise i to i + 1 after `delays[i]` ms.
// `n` fresh promises.
std::vector<Promise> promises(Runtime& rt, int n) {
  std::vector<Promise> ps;
  for (int i = 0; i < n; ++i) ps.emplace_back(rt);
  return ps;
}

// The future of each promise, in order.
std::vector<Future> futures_of(const std::vector<Promise>& ps) {
  std::vector<Future> fs;
  for (const Promise& p : ps) fs.push_back(p.future());
  return fs;
}

static void resolve_later(Runtime& rt, std::vector<Promise>& promises, std::vector<int> delays) {
  for (std::size_t i = 0; i < promises.size(); ++i) {
    rt.go("resolver", [&rt, p = promises[i], d = delays[i], i]() mutable {
      rt.sleep(d * kMs);
      set(p, i + 1);
    });
  }
}

TEST_CASE("all: the values in input order once every future is set") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    AllResult got;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      std::vector<Promise> ps = promises(rt, 3);
      const std::vector<Future> fs = futures_of(ps);
      resolve_later(rt, ps, {30, 20, 10});  // resolved in reverse (in controlled mode)
      got = all(rt, fs);
    });
    CHECK(r.result.outcome == Outcome::Ok);
    REQUIRE(got.ok);
    REQUIRE(got.values.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(got.values[i].bits == i + 1);
  });
}

TEST_CASE("all: returns the first rejection at once, all_settled waits for every outcome") {
  // Future 1 fails first; future 2 fails only after it; future 0 is set only after all() has
  // returned. Causal, not timed, so the verdict is the same in live mode.
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    AllResult all_got;
    bool zero_pending_at_all = false;
    std::vector<Settlement> settled;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      std::vector<Promise> ps = promises(rt, 3);
      const std::vector<Future> fs = futures_of(ps);
      Promise go_ahead(rt, "go ahead");
      rt.go("resolver0", [p = ps[0], go = go_ahead.future()]() mutable {
        go.get();
        set(p, 1);
      });
      rt.go("resolver1", [p = ps[1]]() mutable { fail(p, 2, "err2"); });
      rt.go("resolver2", [p = ps[2], before = fs[1]]() mutable {
        before.get();
        fail(p, 3, "err3");
      });
      all_got = all(rt, fs);
      zero_pending_at_all = !fs[0].resolved();
      set(go_ahead, 0);
      settled = all_settled(rt, fs);
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK_FALSE(all_got.ok);
    CHECK(all_got.failed == 1);
    CHECK(all_got.error.bits == 2);
    CHECK(zero_pending_at_all);
    REQUIRE(settled.size() == 3);
    CHECK((settled[0].ok && settled[0].value.bits == 1));
    CHECK((!settled[1].ok && settled[1].error.bits == 2));
    CHECK((!settled[2].ok && settled[2].error.bits == 3));
  });
}

TEST_CASE("all: many tasks waiting on overlapping sets while the futures resolve") {
  // Each waiter's Waiter is queued on several futures; whichever resolves first wakes it, the
  // others must skip it (the fired flag) and none may be lost.
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    std::atomic<int> correct{0};
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      constexpr std::size_t kFutures = 8;
      constexpr int kWaiters = 8;
      std::vector<Promise> ps;
      for (std::size_t i = 0; i < kFutures; ++i) ps.emplace_back(rt);
      WaitGroup wg(rt);
      wg.add(kWaiters);
      for (int w = 0; w < kWaiters; ++w) {
        // Waiter w waits on futures w, w+1, w+3 (mod 8), in that order.
        std::vector<Future> fs;
        for (std::size_t k : {0u, 1u, 3u}) {
          fs.push_back(ps[(static_cast<std::size_t>(w) + k) % kFutures].future());
        }
        rt.go("all", [&, fs, w] {
          const AllResult got = all(rt, fs);
          bool ok = got.ok && got.values.size() == 3;
          std::size_t j = 0;
          for (std::size_t k : {0u, 1u, 3u}) {
            const auto want = (static_cast<std::size_t>(w) + k) % kFutures + 100;
            ok = ok && got.values[j++].bits == want;
          }
          if (ok) correct.fetch_add(1);
          wg.done();
        });
      }
      for (std::size_t i = 0; i < kFutures; ++i) {
        rt.go("set", [p = ps[i], i]() mutable { set(p, i + 100); });
      }
      wg.wait();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(correct.load() == 8);
  });
}

TEST_CASE("all: the earliest rejection wins, not the earliest in the list") {
  AllResult got;
  const Ran r = run(Mode::Controlled, 1, [&](Runtime& rt) {
    std::vector<Promise> ps = promises(rt, 2);
    const std::vector<Future> fs = futures_of(ps);
    fail(ps[1], 20);
    fail(ps[0], 10);
    got = all(rt, fs);
  });
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK_FALSE(got.ok);
  CHECK(got.failed == 1);
  CHECK(got.error.bits == 20);
}

TEST_CASE("all and all_settled: empty input and repeated futures") {
  AllResult empty_all;
  std::vector<Settlement> empty_settled{Settlement{}};
  AllResult twice;
  const Ran r = run(Mode::Controlled, 1, [&](Runtime& rt) {
    empty_all = all(rt, {});
    empty_settled = all_settled(rt, {});
    Promise p(rt);
    rt.go("setter", [p]() mutable { set(p, 9); });
    const std::vector<Future> fs{p.future(), p.future()};
    twice = all(rt, fs);
  });
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(empty_all.ok);
  CHECK(empty_all.values.empty());
  CHECK(empty_settled.empty());
  REQUIRE(twice.ok);
  REQUIRE(twice.values.size() == 2);
  CHECK(twice.values[0].bits == 9);
  CHECK(twice.values[1].bits == 9);
}

}  // namespace rdv::sim
