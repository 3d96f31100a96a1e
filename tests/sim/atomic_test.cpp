// tests/sim/atomic_test.cpp — the atomic counter: values, events, no lost update, event order.
#include "sim/atomic.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim/event_log.h"
#include "sim/runtime.h"
#include "sim/wait_group.h"
#include "tests/sim/sync_testing.h"

namespace rdv::sim {

using namespace testing;

using namespace std::chrono_literals;

TEST_CASE("atomic: add returns the new value, load and store report it") {
  std::vector<std::int64_t> got;
  const Ran r = run(Mode::Controlled, 1, [&](Runtime& rt) {
    Atomic a(rt, 5, "hits");
    got.push_back(a.add(3));    // 8
    got.push_back(a.add(-10));  // -2
    got.push_back(a.load());    // -2
    a.store(40);
    got.push_back(a.load());  // 40
  });
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(got == std::vector<std::int64_t>{8, -2, -2, 40});
  const auto makes = r.events(EventKind::AtomicMake, 1);
  REQUIRE(makes.size() == 1);
  CHECK(makes[0].aux == 5);
  CHECK(r.log->str(makes[0].text) == "hits");
  const auto adds = r.events(EventKind::AtomicAdd, 1);
  REQUIRE(adds.size() == 3);  // store is reported as the add that gets there
  CHECK((adds[0].arg == 3 && adds[0].aux == 8));
  CHECK((adds[1].arg == -10 && adds[1].aux == -2));
  CHECK((adds[2].arg == 42 && adds[2].aux == 40));
  const auto loads = r.events(EventKind::AtomicLoad, 1);
  REQUIRE(loads.size() == 2);
  CHECK(loads[0].aux == -2);
  CHECK(loads[1].aux == 40);
}

TEST_CASE("atomic: wraps around like Go's two's complement") {
  std::int64_t v = 0;
  run(Mode::Controlled, 1, [&](Runtime& rt) {
    Atomic a(rt, INT64_MAX);
    v = a.add(1);
  });
  CHECK(v == INT64_MIN);
}

TEST_CASE("atomic: concurrent adds lose nothing and are reported in the order they happened") {
  for_each_mode_seed([&](Mode mode, std::uint64_t seed) {
    std::int64_t final_value = -1;
    ObjId id = 0;
    const Ran r = run(mode, seed, [&](Runtime& rt) {
      Atomic a(rt);
      WaitGroup wg(rt);
      id = a.id();
      wg.add(4);
      go_each(rt, wg, 4, "adder", [&] {
        for (int i = 0; i < 25; ++i) a.add(1);
      });
      wg.wait();
      final_value = a.load();
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(final_value == 100);
    // A viewer rebuilding the value from the stream sees 1, 2, ..., 100.
    const auto adds = r.events(EventKind::AtomicAdd, id);
    REQUIRE(adds.size() == 100);
    for (std::size_t i = 0; i < adds.size(); ++i) CHECK(adds[i].aux == std::int64_t(i) + 1);
  });
}

}  // namespace rdv::sim
