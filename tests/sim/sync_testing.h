// tests/sim/sync_testing.h — what the tests of the runtime and its primitives share: run a body
// as the main task of a fresh runtime, read the events it produced, wait until tasks have parked.
//
// Example:
//   for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
//     const Ran r = run(mode, seed, [&](Runtime& rt) { WaitGroup wg(rt); ... });
//     CHECK(r.result.outcome == Outcome::Ok);
//   });
#pragma once

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "sim/event_log.h"
#include "sim/runtime.h"

namespace rdv::sim::testing {

inline constexpr Nanos kMs = 1'000'000;

// Every event of `kind` in `log`, in log order.
inline std::vector<Event> events_of(const EventLog& log, EventKind kind) {
  std::vector<Event> v;
  for (std::size_t i = 0; i < log.committed(); ++i)
    if (log.at(i).kind == kind) v.push_back(log.at(i));
  return v;
}

// What the run printed (its Print events' texts), in order.
inline std::vector<std::string> printed(const EventLog& log) {
  std::vector<std::string> out;
  for (const Event& e : events_of(log, EventKind::Print)) out.emplace_back(log.str(e.text));
  return out;
}

// One finished run: its log and result.
struct Ran {
  std::unique_ptr<EventLog> log = std::make_unique<EventLog>();
  RunResult result;

  // - Every event of `kind`, in log order.
  std::vector<Event> events_of(EventKind kind) const { return testing::events_of(*log, kind); }
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

// Runs `body` as task 1 of a fresh run configured by `cfg` (with `hooks`); fails the test if the
// run does not end within 20 s.
inline Ran run(const RunConfig& cfg, const std::function<void(Runtime&)>& body,
               TaskHooks hooks = {}) {
  using namespace std::chrono_literals;
  Ran r;
  Runtime rt(cfg, *r.log);
  rt.set_hooks(std::move(hooks));
  rt.start("main", [&rt, &body] { body(rt); });
  REQUIRE(rt.wait_for(20s));
  r.result = rt.wait();
  return r;
}

// - In `mode` with `seed` (and the mode's default policy).
inline Ran run(Mode mode, std::uint64_t seed, const std::function<void(Runtime&)>& body) {
  RunConfig cfg;
  cfg.mode = mode;
  cfg.seed = seed;
  return run(cfg, body);
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

// Starts `n` tasks named `name`, each running body() and then wg.done(): a WaitGroup's workers,
// whose count the caller has added (as Go's wg.Add(n) before the go statements).
template <class WaitGroupT, class Body>
void go_each(Runtime& rt, WaitGroupT& wg, int n, const std::string& name, const Body& body) {
  for (int i = 0; i < n; ++i) {
    rt.go(name, [&wg, body] {
      body();
      wg.done();
    });
  }
}

struct ModeSeeds {
  Mode mode;
  std::uint64_t seeds;
};
// Controlled mode over many seeds; live mode a few times (its interleavings are the machine's).
inline constexpr ModeSeeds kModes[] = {{Mode::Controlled, 100}, {Mode::Live, 10}};

// Calls body(mode, seed) for every mode and each of its seeds (kModes), the mode and the seed
// captured for the report of any check that fails inside.
template <class Body>
void for_each_mode_seed(const Body& body) {
  for (const auto& [mode, seeds] : kModes) {
    for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
      CAPTURE(std::string(to_string(mode)));
      CAPTURE(seed);
      body(mode, seed);
    }
  }
}

}  // namespace rdv::sim::testing
