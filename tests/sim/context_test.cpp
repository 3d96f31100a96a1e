// tests/sim/context_test.cpp — the context tree: cancel cascades (order, origin, errors), first
// cancellation wins, children born cancelled, deadlines on virtual time, tasks woken by done.
#include "sim/context.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "sim/channel.h"
#include "sim/event_log.h"
#include "sim/runtime.h"
#include "sim/wait_group.h"
#include "tests/sim/sync_testing.h"

namespace rdv::sim {

using namespace testing;

namespace {

using namespace std::chrono_literals;

std::pair<Context::Ptr, Context::CancelFunc> to_pair(Context::WithCancel w) {
  return {std::move(w.ctx), std::move(w.cancel)};
}

// background -> a -> {b -> d, c}; returns the contexts and a's cancel.
struct Tree {
  Context::Ptr bg, a, b, c, d;
  Context::CancelFunc cancel_a, cancel_b, cancel_c, cancel_d;
};

Tree make_tree(Runtime& rt) {
  Tree t;
  t.bg = Context::background(rt);
  std::tie(t.a, t.cancel_a) = to_pair(Context::with_cancel(t.bg, "a"));
  std::tie(t.b, t.cancel_b) = to_pair(Context::with_cancel(t.a, "b"));
  std::tie(t.c, t.cancel_c) = to_pair(Context::with_cancel(t.a, "c"));
  std::tie(t.d, t.cancel_d) = to_pair(Context::with_cancel(t.b, "d"));
  return t;
}

// Blocks until ctx's done channel is closed (a receive that returns !ok).
bool wait_done(Runtime& rt, const Context::Ptr& ctx) {
  return !chan_recv(rt, ctx->done().get()).ok;
}

}  // namespace

TEST_CASE("context: background is never cancelled and its done is the nil channel") {
  std::string err = "?";
  const Ran r = run(Mode::Controlled, 1, [&](Runtime& rt) {
    const Context::Ptr bg = Context::background(rt);
    CHECK(bg->done() == nullptr);
    CHECK_FALSE(bg->deadline().has_value());
    err = bg->err();
  });
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(err.empty());
  const auto makes = r.events(EventKind::CtxMake, 1);
  REQUIRE(makes.size() == 1);
  CHECK(r.log->str(makes[0].text) == "background");
  CHECK(makes[0].val.view() == "background");
  CHECK(makes[0].aux == 0);
  CHECK(makes[0].arg == -1);
}

TEST_CASE("context: cancel reaches every descendant, parent first, children in creation order") {
  std::vector<std::string> errs;
  std::vector<ObjId> ids;
  const Ran r = run(Mode::Controlled, 1, [&](Runtime& rt) {
    Tree t = make_tree(rt);
    ids = {t.a->id(), t.b->id(), t.c->id(), t.d->id()};
    CHECK(t.a->err().empty());
    t.cancel_a();
    t.cancel_a();  // idempotent
    for (const auto& ctx : {t.a, t.b, t.c, t.d}) {
      CHECK(wait_done(rt, ctx));  // closed: returns at once
      errs.push_back(ctx->err());
    }
    CHECK(t.bg->err().empty());
  });
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(errs == std::vector<std::string>(4, "context canceled"));
  // Each CtxMake names its kind (text) and the context (val); its done channel follows.
  const auto makes = r.events_of(EventKind::CtxMake);
  REQUIRE(makes.size() == 5);
  CHECK(r.log->str(makes[1].text) == "with_cancel");
  CHECK(makes[1].val.view() == "a");
  CHECK(makes[1].aux == makes[0].obj);
  const auto done_of_a = r.events(EventKind::ChanMake, ids[0] + 1);
  REQUIRE(done_of_a.size() == 1);
  CHECK(r.log->str(done_of_a[0].text) == "a.done");
  CHECK(done_of_a[0].aux == ids[0]);
  // One CtxCancel per context, depth first: a, b, d, c; each names a as the origin.
  std::vector<ObjId> cancelled;
  std::vector<ObjId> closed;
  for (std::size_t i = 0; i < r.log->committed(); ++i) {
    const Event& e = r.log->at(i);
    if (e.kind == EventKind::CtxCancel) {
      cancelled.push_back(e.obj);
      CHECK(e.aux == ids[0]);
      CHECK(r.log->str(e.text) == "context canceled");
      CHECK(e.task == 1);
    }
    if (e.kind == EventKind::ChanClose) closed.push_back(e.obj);
  }
  CHECK(cancelled == std::vector<ObjId>{ids[0], ids[1], ids[3], ids[2]});
  // Each done channel is made right after its context (ChanMake aux = the context) and closed
  // in the same order as the contexts were cancelled.
  std::vector<ObjId> done_of_cancelled;
  for (ObjId ctx : cancelled) {
    for (std::size_t i = 0; i < r.log->committed(); ++i) {
      const Event& e = r.log->at(i);
      if (e.kind == EventKind::ChanMake && e.aux == static_cast<std::int64_t>(ctx))
        done_of_cancelled.push_back(e.obj);
    }
  }
  CHECK(closed == done_of_cancelled);
}

TEST_CASE("context: cancelling a child leaves its parent alone") {
  std::string a_err = "?";
  std::string b_err;
  std::string d_err;
  const Ran r = run(Mode::Controlled, 1, [&](Runtime& rt) {
    Tree t = make_tree(rt);
    t.cancel_b();
    a_err = t.a->err();
    CHECK(t.c->err().empty());
    t.cancel_a();  // b and d are cancelled already: only a and c now
    b_err = t.b->err();
    d_err = t.d->err();
  });
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(a_err.empty());
  CHECK(b_err == "context canceled");
  CHECK(d_err == "context canceled");
  std::vector<std::pair<ObjId, std::int64_t>> cancels;  // (ctx, origin)
  for (const Event& e : r.events_of(EventKind::CtxCancel)) cancels.emplace_back(e.obj, e.aux);
  // ids: bg 1, a 2 (done 3), b 4 (5), c 6 (7), d 8 (9)
  CHECK(cancels == std::vector<std::pair<ObjId, std::int64_t>>{{4, 4}, {8, 4}, {2, 2}, {6, 2}});
}

TEST_CASE("context: a child of a cancelled parent is born cancelled") {
  std::string err;
  bool closed = false;
  const Ran r = run(Mode::Controlled, 1, [&](Runtime& rt) {
    Tree t = make_tree(rt);
    t.cancel_a();
    auto [late, cancel_late] = Context::with_cancel(t.d, "late");
    closed = wait_done(rt, late);
    err = late->err();
    cancel_late();
  });
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(closed);
  CHECK(err == "context canceled");
  const auto cancels = r.events_of(EventKind::CtxCancel);
  REQUIRE(cancels.size() == 5);
  CHECK(cancels.back().aux == 2);  // the cascade that started at a reached it at birth
}

TEST_CASE("context: a cause travels with its cascade, the first cancellation keeps its own") {
  std::vector<std::int64_t> causes;
  const Ran r = run(Mode::Controlled, 1, [&](Runtime& rt) {
    const auto bg = Context::background(rt);
    Context::WithCancelCause a = Context::with_cancel_cause(bg, "a");
    Context::WithCancel b = Context::with_cancel(a.ctx, "b");
    Context::WithCancelCause c = Context::with_cancel_cause(a.ctx, "c");
    causes.push_back(a.ctx->cause());  // live: none
    c.cancel(0);                       // c first, without a cause
    a.cancel(7);                       // reaches b; c is cancelled already
    a.cancel(8);                       // the first cancellation won
    Context::WithCancel late = Context::with_cancel(b.ctx, "late");  // born of a's cascade
    Context::WithCancelCause t = Context::with_timeout_cause(bg, 5 * kMs, "t");
    CHECK(wait_done(rt, t.ctx));
    t.cancel(9);  // after its deadline: no cause
    for (const auto& x : {a.ctx, b.ctx, c.ctx, late.ctx, t.ctx}) causes.push_back(x->cause());
    b.cancel();
    late.cancel();
  });
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(causes == std::vector<std::int64_t>{0, 7, 7, 0, 7, 0});
}

TEST_CASE("context: the deadline fires on virtual time in controlled mode") {
  Nanos woke_at = -1;
  std::string err;
  const auto wall0 = std::chrono::steady_clock::now();
  const Ran r = run(Mode::Controlled, 1, [&](Runtime& rt) {
    auto [ctx, cancel] = Context::with_timeout(Context::background(rt), 600 * 1000 * kMs);
    CHECK(ctx->deadline() == std::optional<Nanos>(600 * 1000 * kMs));
    CHECK(wait_done(rt, ctx));
    woke_at = rt.now();
    err = ctx->err();
    cancel();  // after the deadline: changes nothing
  });
  CHECK(std::chrono::steady_clock::now() - wall0 < 10s);  // ten minutes of virtual time
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(woke_at == 600 * 1000 * kMs);
  CHECK(err == "context deadline exceeded");
  const auto cancels = r.events_of(EventKind::CtxCancel);
  REQUIRE(cancels.size() == 1);
  CHECK(cancels[0].task == 0);  // the timer did it
  CHECK(cancels[0].t == 600 * 1000 * kMs);
  CHECK(r.log->str(cancels[0].text) == "context deadline exceeded");
}

TEST_CASE("context: the first cancellation wins") {
  for (const auto& [mode, seeds] : kModes) {
    CAPTURE(std::string(to_string(mode)));
    std::string cancelled_first;
    std::string timed_out_first;
    const Ran r = run(mode, 1, [&](Runtime& rt) {
      const auto bg = Context::background(rt);
      auto [x, cancel_x] = Context::with_timeout(bg, 20 * kMs);
      cancel_x();
      rt.sleep(40 * kMs);  // past x's deadline
      cancelled_first = x->err();
      auto [y, cancel_y] = Context::with_timeout(bg, 5 * kMs);
      CHECK(wait_done(rt, y));
      cancel_y();
      timed_out_first = y->err();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    // x: in controlled mode cancel() certainly runs before the deadline (virtual time does not
    // pass while a task can run); in live mode a loaded machine could let the timer win, so the
    // verdict there is only that exactly one of them counted, and err() tells which.
    const auto cancels = r.events_of(EventKind::CtxCancel);
    REQUIRE(cancels.size() == 2);
    CHECK(cancelled_first == r.log->str(cancels[0].text));
    if (mode == Mode::Controlled) CHECK(cancelled_first == "context canceled");
    CHECK(timed_out_first == "context deadline exceeded");  // causal: we waited for done first
  }
}

TEST_CASE("context: deadlines inherit the parent's when earlier, past deadlines are born done") {
  std::string child_err;
  std::string past_err;
  const Ran r = run(Mode::Controlled, 1, [&](Runtime& rt) {
    const auto bg = Context::background(rt);
    auto [parent, cancel_parent] = Context::with_timeout(bg, 10 * kMs, "parent");
    auto [child, cancel_child] = Context::with_timeout(parent, 1000 * kMs, "child");
    CHECK(child->deadline() == parent->deadline());
    CHECK(wait_done(rt, child));
    CHECK(rt.now() == 10 * kMs);
    child_err = child->err();
    auto [past, cancel_past] = Context::with_deadline(bg, rt.now() - 1, "past");
    CHECK(wait_done(rt, past));
    past_err = past->err();
    cancel_parent();
    cancel_child();
    cancel_past();
  });
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(child_err == "context deadline exceeded");
  CHECK(past_err == "context deadline exceeded");
  const auto cancels = r.events_of(EventKind::CtxCancel);
  REQUIRE(cancels.size() == 3);
  CHECK(cancels[1].aux == cancels[0].obj);  // the parent's timer started the child's cancel
  CHECK(cancels[2].aux == cancels[2].obj);
}

TEST_CASE("context: cancel wakes every task blocked on done") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    std::atomic<int> saw_cancel{0};
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      auto [ctx, cancel] = Context::with_cancel(Context::background(rt));
      auto [child, cancel_child] = Context::with_cancel(ctx);
      WaitGroup wg(rt);
      wg.add(4);
      for (int i = 0; i < 4; ++i) {
        const Context::Ptr watched = i % 2 == 0 ? ctx : child;
        rt.go("watcher", [&, watched] {
          if (wait_done(rt, watched) && watched->err() == "context canceled")
            saw_cancel.fetch_add(1);
          wg.done();
        });
      }
      await_blocked_on_recv(rt, 4);
      cancel();
      wg.wait();
      cancel_child();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(saw_cancel.load() == 4);
  });
}

TEST_CASE("context: after_func starts no task until cancel, then one that sees the context done") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    std::size_t before = 0, after_register = 0;
    std::string seen_err;
    TaskId canceller = 0;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      auto [ctx, cancel] = Context::with_cancel(Context::background(rt), "ctx");
      WaitGroup wg(rt);
      before = rt.alive_tasks();
      const Context::StopFunc stop = Context::after_func(ctx, "main.main.func1", [&, c = ctx] {
        seen_err = c->err();
        wg.done();
      });
      after_register = rt.alive_tasks();
      wg.add(1);
      canceller = rt.current_id();
      cancel();
      wg.wait();
      CHECK_FALSE(stop());  // started already
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(before == 1);
    CHECK(after_register == 1);  // Go: no goroutine before the context is done
    CHECK(seen_err == "context canceled");
    const auto spawns = r.events_of(EventKind::TaskSpawn);
    REQUIRE(spawns.size() == 2);
    CHECK(r.log->str(spawns[1].text) == "main.main.func1");
    CHECK(spawns[1].peer == canceller);
    // Spawned after the cancel's CtxCancel.
    const auto cancels = r.events_of(EventKind::CtxCancel);
    REQUIRE(cancels.size() == 1);
    CHECK(cancels[0].seq < spawns[1].seq);
  });
}

TEST_CASE("context: after_func's stop before cancel returns true once, and fn never runs") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    std::atomic<int> ran{0};
    bool first = false, second = true;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      auto [ctx, cancel] = Context::with_cancel(Context::background(rt));
      const Context::StopFunc stop = Context::after_func(ctx, "f", [&] { ran.fetch_add(1); });
      first = stop();
      second = stop();
      cancel();
      rt.sleep(10 * kMs);
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(first);
    CHECK_FALSE(second);
    CHECK(ran.load() == 0);
    CHECK(r.events_of(EventKind::TaskSpawn).size() == 1);
  });
}

TEST_CASE("context: after_func registrations are independent, a cascade starts them in order") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    std::atomic<int> ran{0};
    bool stopped_b = false;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      auto [root, cancel] = Context::with_cancel(Context::background(rt), "root");
      auto child = Context::with_cancel(root, "child");
      WaitGroup wg(rt);
      const auto f = [&] {
        ran.fetch_add(1);
        wg.done();
      };
      Context::after_func(root, "a", f);
      const Context::StopFunc stop_b = Context::after_func(root, "b", f);
      Context::after_func(child.ctx, "c", f);
      Context::after_func(root, "d", f);
      stopped_b = stop_b();
      wg.add(3);
      cancel();  // reaches child by the cascade
      wg.wait();
      child.cancel();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(stopped_b);
    CHECK(ran.load() == 3);
    std::vector<std::string> names;
    for (const Event& e : r.events_of(EventKind::TaskSpawn)) names.emplace_back(r.log->str(e.text));
    // The cascade's order: root's registrations in order, then its child's.
    CHECK(names == std::vector<std::string>{"main", "a", "d", "c"});
  });
}

TEST_CASE("context: after_func on a cancelled context starts fn at once, stop then says false") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    std::size_t alive = 0;
    bool stopped = true;
    std::string seen_err;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      auto [ctx, cancel] = Context::with_cancel(Context::background(rt));
      cancel();
      WaitGroup wg(rt);
      wg.add(1);
      const Context::StopFunc stop = Context::after_func(ctx, "f", [&, c = ctx] {
        seen_err = c->err();
        wg.done();
      });
      alive = rt.alive_tasks();  // 2, unless f ran to its end already (live mode)
      stopped = stop();
      wg.wait();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(alive >= 1);
    if (mode == Mode::Controlled) CHECK(alive == 2);  // no sched point since the spawn
    CHECK_FALSE(stopped);
    CHECK(seen_err == "context canceled");
    CHECK(r.events_of(EventKind::TaskSpawn).size() == 2);
  });
}

TEST_CASE("context: a deadline starts after_func's task from timer context") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    std::string seen_err;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      auto [ctx, cancel] = Context::with_timeout(Context::background(rt), 5 * kMs);
      WaitGroup wg(rt);
      wg.add(1);
      Context::after_func(ctx, "on_timeout", [&, c = ctx] {
        seen_err = c->err();
        wg.done();
      });
      wg.wait();
      cancel();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(seen_err == "context deadline exceeded");
    const auto spawns = r.events_of(EventKind::TaskSpawn);
    REQUIRE(spawns.size() == 2);
    CHECK(spawns[1].peer == 0);  // the timer, no task
  });
}

TEST_CASE("context: after_func never started is no task and no leak, background never starts it") {
  std::atomic<int> ran{0};
  bool stop_bg = false, stop_bg_again = true;
  const Ran r = run(Mode::Controlled, 1, [&](Runtime& rt) {
    const Context::Ptr bg = Context::background(rt);
    auto [ctx, cancel] = Context::with_cancel(bg);
    Context::after_func(ctx, "never", [&] { ran.fetch_add(1); });
    const Context::StopFunc stop = Context::after_func(bg, "bg", [&] { ran.fetch_add(1); });
    CHECK(rt.alive_tasks() == 1);
    stop_bg = stop();
    stop_bg_again = stop();
  });
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(r.result.leaked.empty());
  CHECK(ran.load() == 0);
  CHECK(stop_bg);
  CHECK_FALSE(stop_bg_again);
  CHECK(r.events_of(EventKind::TaskSpawn).size() == 1);
}

TEST_CASE("context: after_func tasks past max_tasks end the run, from a cancel or a deadline") {
  for (const bool by_deadline : {false, true}) {
    CAPTURE(by_deadline);
    RunConfig cfg;
    cfg.max_tasks = 3;
    const Ran r = run(cfg, [&](Runtime& rt) {
      auto [ctx, cancel] = by_deadline ? Context::with_timeout(Context::background(rt), 5 * kMs)
                                       : Context::with_cancel(Context::background(rt));
      for (int i = 0; i < 5; ++i) Context::after_func(ctx, "f", [&rt] { rt.sleep(kMs * 100); });
      if (by_deadline) {
        rt.sleep(50 * kMs);
      } else {
        cancel();
      }
    });
    CHECK(r.result.outcome == Outcome::Error);
    CHECK(r.result.message.find("too many tasks") != std::string::npos);
  }
}

TEST_CASE("context: a 20,000-deep chain is cancelled and destroyed without recursion") {
  // A task's stack is 512 KiB: a cancel or a destructor recursing once per level overflows it
  // long before 20,000 levels (issue #21).
  std::size_t cancels = 0;
  std::string leaf_err;
  const Ran r = run(Mode::Controlled, 1, [&](Runtime& rt) {
    auto [root, cancel] = Context::with_cancel(Context::background(rt), "root");
    Context::Ptr leaf = root;
    for (int i = 0; i < 20'000; ++i) leaf = Context::with_cancel(leaf).ctx;
    cancel();
    leaf_err = leaf->err();
    // A second chain nobody cancels, dropped root first: its destruction must not recurse.
    auto other = Context::with_cancel(Context::background(rt));
    Context::Ptr last = other.ctx;
    for (int i = 0; i < 20'000; ++i) last = Context::with_cancel(last).ctx;
    last.reset();
    other = {};
  });
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(leaf_err == "context canceled");
  cancels = r.events_of(EventKind::CtxCancel).size();
  CHECK(cancels == 20'001);
}

}  // namespace rdv::sim
