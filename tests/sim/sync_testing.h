// tests/sim/sync_testing.h — what the tests of the sync primitives share: run a body as the
// main task of a fresh runtime, read the events it produced, wait until tasks have parked.
//
// Example:
//   for (const auto& [mode, seeds] : testing::kModes)
//     for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
//       const Ran r = run(mode, seed, [&](Runtime& rt) { WaitGroup wg(rt); ... });
//       CHECK(r.result.outcome == Outcome::Ok);
//     }
#pragma once

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "sim/event_log.h"
#include "sim/runtime.h"

namespace rdv::sim::testing {

inline constexpr Nanos kMs = 1'000'000;

// One finished run: its log and result.
struct Ran {
  std::unique_ptr<EventLog> log = std::make_unique<EventLog>();
  RunResult result;

  // - Every event of `kind`, in log order.
  std::vector<Event> events_of(EventKind kind) const {
    return select([kind](const Event& e) { return e.kind == kind; });
  }
  // - Every event of `kind` about object `obj`, in log order.
  std::vector<Event> events(EventKind kind, ObjId obj) const {
    return select([kind, obj](const Event& e) { return e.kind == kind && e.obj == obj; });
  }

 private:
  template <class Pred>
  std::vector<Event> select(Pred pred) const {
    std::vector<Event> v;
    for (std::size_t i = 0; i < log->committed(); ++i)
      if (pred(log->at(i))) v.push_back(log->at(i));
    return v;
  }
};

// Runs `body` as task 1 of a fresh run; fails the test if the run does not end within 20 s.
inline Ran run(Mode mode, std::uint64_t seed, const std::function<void(Runtime&)>& body) {
  using namespace std::chrono_literals;
  Ran r;
  RunConfig cfg;
  cfg.mode = mode;
  cfg.seed = seed;
  Runtime rt(cfg, *r.log);
  rt.start("main", [&rt, &body] { body(rt); });
  REQUIRE(rt.wait_for(20s));
  r.result = rt.wait();
  return r;
}

// Sleeps (virtual or wall time) until `n` TaskBlock events satisfy `pred`. In controlled mode
// the virtual clock only moves when no task can run, so this returns once they really parked.
inline void await_blocks(Runtime& rt, std::size_t n,
                         const std::function<bool(const Event&)>& pred) {
  for (;;) {
    std::size_t blocked = 0;
    const EventLog& log = rt.log();
    for (std::size_t i = 0; i < log.committed(); ++i) {
      const Event& e = log.at(i);
      if (e.kind == EventKind::TaskBlock && pred(e)) ++blocked;
    }
    if (blocked >= n) return;
    rt.sleep(kMs);
  }
}

// - Until `n` tasks have blocked on object `obj`.
inline void await_blocked(Runtime& rt, ObjId obj, std::size_t n) {
  await_blocks(rt, n, [obj](const Event& e) { return e.obj == obj; });
}

// - Until `n` tasks have blocked receiving from a channel.
inline void await_blocked_on_recv(Runtime& rt, std::size_t n) {
  await_blocks(rt, n, [](const Event& e) { return e.reason == BlockReason::ChanRecv; });
}

struct ModeSeeds {
  Mode mode;
  std::uint64_t seeds;
};
// Controlled mode over many seeds; live mode a few times (its interleavings are the machine's).
inline constexpr ModeSeeds kModes[] = {{Mode::Controlled, 100}, {Mode::Live, 10}};

}  // namespace rdv::sim::testing
