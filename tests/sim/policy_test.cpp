// Policies on their own (no runtime): what each picks, replay's divergence reports, PCT's
// priorities and change points, the interactive policy's question and answer.
#include "sim/policy.h"

#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace rdv::sim {

TEST_CASE("policy: random picks every candidate about equally often, reproducibly") {
  auto a = make_random(42);
  auto b = make_random(42);
  const std::vector<TaskId> c = {1, 2, 5, 9};
  std::vector<int> hits(10, 0);
  for (int i = 0; i < 4000; ++i) {
    const TaskId x = a->pick_task(c, 1);
    CHECK(x == b->pick_task(c, 1));
    ++hits[x];
  }
  for (TaskId t : c) {
    CHECK(hits[t] > 850);
    CHECK(hits[t] < 1150);
  }
  const std::vector<std::uint32_t> ready = {0, 3};
  const std::uint32_t k = a->pick_case(ready);
  CHECK((k == 0 || k == 3));
}

TEST_CASE("policy: round robin takes the next task after the current one, wrapping") {
  auto rr = make_round_robin(1);
  const std::vector<TaskId> c = {1, 2, 4};
  CHECK(rr->pick_task(c, 1) == 2);
  CHECK(rr->pick_task(c, 2) == 4);
  CHECK(rr->pick_task(c, 4) == 1);
  // The current task blocked (0): continue after the last one chosen.
  CHECK(rr->pick_task(std::vector<TaskId>{2, 4}, 0) == 2);
}

TEST_CASE("policy: round robin's select picks uniformly among ready cases, not in turn") {
  // Go's select is random whatever the scheduler: a strict alternation would be wrong.
  auto rr = make_round_robin(7);
  const std::vector<std::uint32_t> ready = {1, 2, 5};
  std::map<std::uint32_t, int> hits;
  int repeats = 0;
  std::uint32_t last = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::uint32_t k = rr->pick_case(ready);
    ++hits[k];
    if (k == last) ++repeats;
    last = k;
  }
  CHECK(hits.size() == 3);
  for (const auto& [k, n] : hits) {
    CHECK(n > 850);
    CHECK(n < 1150);
  }
  CHECK(repeats > 800);  // a rotation would never repeat
}

TEST_CASE("policy: replay returns the recorded choices and reports divergence") {
  auto p = make_replay({2, 1, 3});
  const std::vector<TaskId> c = {1, 2, 3};
  CHECK(p->pick_task(std::vector<TaskId>{7}, 0) == 7);  // a single option is not recorded
  CHECK(p->pick_task(c, 0) == 2);
  const std::vector<std::uint32_t> ready = {0, 1};
  CHECK(p->pick_case(ready) == 1);
  CHECK_THROWS_AS(p->pick_task(std::vector<TaskId>{1, 2}, 0), PolicyError);  // 3 not runnable
  auto q = make_replay({});
  CHECK_THROWS_WITH_AS(q->pick_task(c, 0),
                       "replay diverged: the schedule has 0 choices, the run asks for another task",
                       PolicyError);
}

TEST_CASE("policy: pct runs the highest priority task and demotes at change points") {
  // Without change points (depth 1) the same task keeps running while it is runnable.
  auto p = make_pct(5, 1, 100);
  for (TaskId t = 1; t <= 4; ++t) p->on_spawn(t);
  const std::vector<TaskId> c = {1, 2, 3, 4};
  const TaskId top = p->pick_task(c, 0);
  for (int i = 0; i < 50; ++i) CHECK(p->pick_task(c, top) == top);
  // With depth d there are d-1 change points in [1, k]: over k steps the top task is demoted
  // below all the others at least once, across seeds.
  int demoted = 0;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    auto q = make_pct(seed, 3, 10);
    for (TaskId t = 1; t <= 4; ++t) q->on_spawn(t);
    const TaskId first = q->pick_task(c, 0);
    TaskId cur = first;
    for (int i = 0; i < 10; ++i) cur = q->pick_task(c, cur);
    demoted += cur != first ? 1 : 0;
  }
  CHECK(demoted == 20);
}

TEST_CASE("policy: interactive asks, the UI answers from another thread") {
  InteractivePolicy p(1);
  const std::vector<TaskId> single = {3};
  CHECK(p.pick_task(single, 3) == 3);  // one option: no question asked
  CHECK(p.requests() == 0);
  TaskId picked = 0;
  std::thread run([&] { picked = p.pick_task(std::vector<TaskId>{1, 2, 3}, 2); });
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (p.candidates().empty() && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::microseconds(50));
  }
  CHECK(p.candidates() == std::vector<TaskId>{1, 2, 3});
  CHECK(p.current() == 2);
  CHECK_FALSE(p.choose(7));
  CHECK(p.choose(3));
  run.join();
  CHECK(picked == 3);
  CHECK(p.requests() == 1);
  // Cancelling makes a waiting (and every later) question return 0.
  std::thread run2([&] { picked = p.pick_task(std::vector<TaskId>{1, 2}, 0); });
  while (p.candidates().empty() && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::microseconds(50));
  }
  p.cancel();
  run2.join();
  CHECK(picked == 0);
  CHECK(p.pick_task(std::vector<TaskId>{1, 2}, 0) == 0);
}

TEST_CASE("policy: one name per kind, parsed back, make_policy makes the seeded ones") {
  for (const PolicyKind k : {PolicyKind::Random, PolicyKind::Pct, PolicyKind::RoundRobin,
                             PolicyKind::Interactive, PolicyKind::Replay, PolicyKind::Exhaustive}) {
    PolicyKind back = PolicyKind::Random;
    CHECK(parse_policy(to_string(k), &back));
    CHECK(back == k);
  }
  PolicyKind untouched = PolicyKind::Pct;
  CHECK_FALSE(parse_policy("round-robin", &untouched));
  CHECK(untouched == PolicyKind::Pct);
  CHECK(std::string(make_policy(PolicyKind::Random, 1, 3)->name()) == "random");
  CHECK(std::string(make_policy(PolicyKind::Pct, 1, 3)->name()) == "pct");
  CHECK(std::string(make_policy(PolicyKind::RoundRobin, 1, 3)->name()) == "rr");
  CHECK(make_policy(PolicyKind::Replay, 1, 3) == nullptr);
  CHECK(make_policy(PolicyKind::Exhaustive, 1, 3) == nullptr);
}

}  // namespace rdv::sim
