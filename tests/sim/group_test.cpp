// tests/sim/group_test.cpp — errgroup: the first error cancels the group's context and is what
// wait() returns; siblings see the cancel; the objects it is made of appear in the stream.
#include "sim/group.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/atomic.h"
#include "sim/channel.h"
#include "sim/cond.h"
#include "sim/event_log.h"
#include "sim/future.h"
#include "sim/mutex.h"
#include "sim/runtime.h"
#include "tests/sim/sync_testing.h"

namespace rdv::sim {

using namespace testing;

namespace {

using namespace std::chrono_literals;

std::optional<GroupFailure> failure(std::uint64_t bits, std::string_view text) {
  return GroupFailure{Value{bits}, Val(text)};
}

}  // namespace

TEST_CASE("group: wait returns no error when every function succeeds, and cancels the context") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    bool had_error = true;
    int ran = 0;
    std::string err_before = "?";
    std::string err_after;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      auto g = Group::make(rt, nullptr, "fetch");
      std::atomic<int> count{0};
      for (int i = 0; i < 3; ++i) {
        g->go([&]() -> std::optional<GroupFailure> {
          count.fetch_add(1);
          return std::nullopt;
        });
      }
      err_before = g->context()->err();
      had_error = g->wait().has_value();
      ran = count.load();
      err_after = g->context()->err();  // errgroup's Wait cancels the derived context
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK_FALSE(had_error);
    CHECK(ran == 3);
    CHECK(err_before.empty());
    CHECK(err_after == "context canceled");
    CHECK(r.events_of(EventKind::GroupError).empty());
  });
}

TEST_CASE("group: the first error cancels the siblings and is what wait returns") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    std::optional<GroupFailure> got;
    std::string sibling_saw;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      auto g = Group::make(rt);
      const Context::Ptr ctx = g->context();
      g->go(
          [&]() -> std::optional<GroupFailure> {
            // A long job that watches the group's context.
            chan_recv(rt, ctx->done().get());
            sibling_saw = ctx->err();
            return std::nullopt;
          },
          "watcher");
      g->go([&]() -> std::optional<GroupFailure> {
        rt.sleep(10 * kMs);
        return failure(1, "boom");
      });
      g->go([&]() -> std::optional<GroupFailure> {
        chan_recv(rt, ctx->done().get());  // strictly after the first error
        return failure(2, "late");         // a second error is dropped
      });
      got = g->wait();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    REQUIRE(got.has_value());
    CHECK(got->error.bits == 1);
    CHECK(got->display.view() == "boom");
    CHECK(sibling_saw == "context canceled");
    const auto errors = r.events_of(EventKind::GroupError);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].val.view() == "boom");
    // The group's context was cancelled by the task that failed, right after GroupError.
    const auto cancels = r.events_of(EventKind::CtxCancel);
    REQUIRE(cancels.size() == 1);
    CHECK(cancels[0].task == errors[0].task);
    CHECK(cancels[0].seq > errors[0].seq);
  });
}

TEST_CASE("group: objects are introduced before use, with the group's names") {
  const Ran r = run(Mode::Controlled, 1, [&](Runtime& rt) {
    auto g = Group::make(rt, nullptr, "crawl");
    g->go([]() -> std::optional<GroupFailure> { return std::nullopt; });
    g->wait();
  });
  CHECK(r.result.outcome == Outcome::Ok);
  const auto groups = r.events_of(EventKind::GroupMake);
  REQUIRE(groups.size() == 1);
  CHECK(r.log->str(groups[0].text) == "crawl");
  const auto ctxs = r.events(EventKind::CtxMake, static_cast<ObjId>(groups[0].aux));
  REQUIRE(ctxs.size() == 1);
  CHECK(ctxs[0].seq < groups[0].seq);
  const auto wgs = r.events_of(EventKind::WgMake);
  REQUIRE(wgs.size() == 1);
  CHECK(r.log->str(wgs[0].text) == "crawl.wg");
  const auto spawns = r.events_of(EventKind::TaskSpawn);
  REQUIRE(spawns.size() == 2);
  CHECK(r.log->str(spawns[1].text) == "crawl#1");
}

TEST_CASE("group: cancelling the parent context cancels the group's") {
  std::string saw;
  const Ran r = run(Mode::Controlled, 1, [&](Runtime& rt) {
    auto [parent, cancel] = Context::with_cancel(Context::background(rt), "request");
    auto g = Group::make(rt, parent);
    const Context::Ptr ctx = g->context();
    CHECK(ctx->parent_id() == parent->id());
    g->go([&]() -> std::optional<GroupFailure> {
      chan_recv(rt, ctx->done().get());
      saw = ctx->err();
      return std::nullopt;
    });
    cancel();
    CHECK_FALSE(g->wait().has_value());
  });
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(saw == "context canceled");
}

// Every primitive in one scenario: controlled mode must make the event stream a function of the
// seed (design.md §2), whatever the primitives' internal locks do.
TEST_CASE("sync primitives: same seed, same event stream") {
  const auto scenario = [](Runtime& rt) {
    auto [ctx, cancel] = Context::with_timeout(Context::background(rt), 50 * kMs, "request");
    auto g = Group::make(rt, ctx, "workers");
    Mutex mu(rt);
    RWMutex rw(rt);
    Atomic hits(rt);
    Promise first(rt, "first");
    std::vector<Promise> ps;
    std::vector<Future> fs;
    for (int i = 0; i < 4; ++i) {
      ps.emplace_back(rt);
      fs.push_back(ps.back().future());
    }
    for (int i = 0; i < 4; ++i) {
      g->go([&, i]() -> std::optional<GroupFailure> {
        mu.lock();
        hits.add(1);
        mu.unlock();
        rw.rlock();
        rt.sleep((i + 1) * kMs);
        rw.runlock();
        const auto bits = static_cast<std::uint64_t>(i);
        if (i == 2) {
          ps[static_cast<std::size_t>(i)].fail(Value{bits}, Val("bad"));
          return failure(bits, "bad");
        }
        ps[static_cast<std::size_t>(i)].set(Value{bits}, Val("ok"));
        return std::nullopt;
      });
    }
    rw.lock();
    rw.unlock();
    {
      Cond c(rt, mu, "go");
      bool open = false;  // guarded by mu
      rt.go("gate", [&] {
        mu.lock();
        open = true;
        c.broadcast();
        mu.unlock();
      });
      mu.lock();
      while (!open) c.wait();
      mu.unlock();
    }
    all(rt, fs);
    all_settled(rt, fs);
    g->wait();
    cancel();
  };
  for (std::uint64_t seed = 1; seed <= 100; ++seed) {
    CAPTURE(seed);
    const Ran a = run(Mode::Controlled, seed, scenario);
    const Ran b = run(Mode::Controlled, seed, scenario);
    CHECK(a.result.outcome == Outcome::Ok);
    CHECK(a.result.schedule.size() > 10);  // the policy had real choices to make
    CHECK(a.result.schedule == b.result.schedule);
    CHECK(a.log->committed() > 100);
    REQUIRE(a.log->committed() == b.log->committed());
    std::size_t differ = 0;
    for (std::size_t i = 0; i < a.log->committed(); ++i) {
      if (!(a.log->at(i) == b.log->at(i))) ++differ;
    }
    CHECK(differ == 0);
  }
}

// Teardown with every kind of waiter parked: each park() throws Aborted, each primitive takes
// its waiter off its queue, every thread is joined, and (under ASan) nothing leaks.
TEST_CASE("sync primitives: a run ending with tasks parked on each of them leaks nothing") {
  for (const Mode mode : {Mode::Controlled, Mode::Live}) {
    CAPTURE(std::string(to_string(mode)));
    Ran r;
    RunConfig cfg;
    cfg.mode = mode;
    Runtime rt(cfg, *r.log);
    ObjId cond_mu = 0;  // the Cond's waiters may also queue on its mutex, in some schedules
    rt.start("main", [&rt, &cond_mu] {
      auto wg = std::make_shared<WaitGroup>(rt);
      auto mu = std::make_shared<Mutex>(rt);
      auto rw = std::make_shared<RWMutex>(rt);
      Promise p(rt);
      Promise never(rt);
      auto [ctx, cancel] = Context::with_cancel(Context::background(rt));
      auto g = Group::make(rt, ctx);
      auto cmu = std::make_shared<Mutex>(rt);
      auto cond = std::make_shared<Cond>(rt, *cmu);
      cond_mu = cmu->id();
      wg->add(1);
      mu->lock();
      rw->lock();
      for (int i = 0; i < 20; ++i) {
        rt.go("wg", [wg] { wg->wait(); });
        rt.go("mu", [mu] { mu->lock(); });
        rt.go("rlock", [rw] { rw->rlock(); });
        rt.go("lock", [rw] { rw->lock(); });
        rt.go("get", [p] { p.future().get(); });
        rt.go("cond", [cmu, cond] {
          cmu->lock();
          cond->wait();
        });
        rt.go("all", [&rt, p, never] {
          const std::vector<Future> fs{p.future(), never.future()};
          all(rt, fs);
        });
        g->go([&rt, c = ctx]() -> std::optional<GroupFailure> {
          chan_recv(rt, c->done().get());
          return std::nullopt;
        });
      }
      g->wait();  // everybody, main included, is now blocked: a deadlock ends the run
    });
    REQUIRE(rt.wait_for(20s));
    r.result = rt.wait();
    CHECK(r.result.outcome == Outcome::Deadlock);
    std::size_t others = 0, cond_waits = 0;
    for (const Event& e : r.events_of(EventKind::TaskBlock)) {
      if (e.reason == BlockReason::CondWait) {
        ++cond_waits;
      } else if (e.obj != cond_mu) {
        ++others;
      }
    }
    CHECK(others == 141);
    CHECK(cond_waits == 20);
  }
}

}  // namespace rdv::sim
