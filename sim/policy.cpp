#include "sim/policy.h"

#include "sim/enum_table.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <string>
#include <unordered_map>

namespace rdv::sim {
namespace {

class RandomPolicy final : public Policy {
 public:
  explicit RandomPolicy(std::uint64_t seed) : rng_(seed) {}
  TaskId pick_task(std::span<const TaskId> c, TaskId) override {
    return c.size() == 1 ? c[0] : c[rng_.below(c.size())];
  }
  std::uint32_t pick_case(std::span<const std::uint32_t> r) override {
    return r[rng_.below(r.size())];
  }
  const char* name() const noexcept override { return "random"; }

 private:
  Rng rng_;
};

// PCT. Priorities: initial ones are drawn in [depth, 2^62) (distinct in practice; ties broken by
// task id), change point i lowers the running task to depth-1-i, below every initial one.
class PctPolicy final : public Policy {
 public:
  PctPolicy(std::uint64_t seed, int depth, std::uint64_t expected_steps)
      : rng_(seed), depth_(depth < 1 ? 1 : depth) {
    const std::uint64_t k = expected_steps < 1 ? 1 : expected_steps;
    for (int i = 0; i + 1 < depth_; ++i) change_points_.push_back(1 + rng_.below(k));
  }
  void on_spawn(TaskId t) override {
    prio_[t] = static_cast<std::uint64_t>(depth_) + (rng_.next() >> 2);
  }
  TaskId pick_task(std::span<const TaskId> c, TaskId current) override {
    ++step_;
    for (std::size_t i = 0; i < change_points_.size(); ++i) {
      if (change_points_[i] == step_ && current != 0) {
        prio_[current] = static_cast<std::uint64_t>(depth_) - 1 - i;
      }
    }
    TaskId best = c[0];
    std::uint64_t best_p = prio(best);
    for (TaskId t : c.subspan(1)) {
      if (const std::uint64_t p = prio(t); p > best_p) best = t, best_p = p;
    }
    return best;
  }
  std::uint32_t pick_case(std::span<const std::uint32_t> r) override {
    return r[rng_.below(r.size())];
  }
  const char* name() const noexcept override { return "pct"; }

 private:
  std::uint64_t prio(TaskId t) const {
    auto it = prio_.find(t);
    return it == prio_.end() ? 0 : it->second;
  }
  Rng rng_;
  int depth_;
  std::vector<std::uint64_t> change_points_;
  std::unordered_map<TaskId, std::uint64_t> prio_;
  std::uint64_t step_ = 0;
};

class RoundRobinPolicy final : public Policy {
 public:
  explicit RoundRobinPolicy(std::uint64_t seed) : rng_(seed) {}
  TaskId pick_task(std::span<const TaskId> c, TaskId current) override {
    const TaskId after = current != 0 ? current : last_;
    auto it = std::upper_bound(c.begin(), c.end(), after);
    last_ = it == c.end() ? c[0] : *it;
    return last_;
  }
  // Go's select picks uniformly among the ready cases whatever the scheduler does.
  std::uint32_t pick_case(std::span<const std::uint32_t> r) override {
    return r[rng_.below(r.size())];
  }
  const char* name() const noexcept override { return "rr"; }

 private:
  TaskId last_ = 0;
  Rng rng_;
};

class ReplayPolicy final : public Policy {
 public:
  explicit ReplayPolicy(std::vector<std::uint32_t> s) : schedule_(std::move(s)) {}
  TaskId pick_task(std::span<const TaskId> c, TaskId) override {
    if (c.size() == 1) return c[0];  // not a recorded choice
    const std::uint32_t want = next("task");
    if (!std::binary_search(c.begin(), c.end(), want)) {
      throw PolicyError("replay diverged at choice " + std::to_string(pos_ - 1) + ": task " +
                        std::to_string(want) + " is not runnable");
    }
    return want;
  }
  std::uint32_t pick_case(std::span<const std::uint32_t> r) override {
    const std::uint32_t want = next("select case");
    if (!std::binary_search(r.begin(), r.end(), want)) {
      throw PolicyError("replay diverged at choice " + std::to_string(pos_ - 1) + ": select case " +
                        std::to_string(want) + " is not ready");
    }
    return want;
  }
  const char* name() const noexcept override { return "replay"; }

 private:
  std::uint32_t next(const char* what) {
    if (pos_ >= schedule_.size()) {
      throw PolicyError("replay diverged: the schedule has " + std::to_string(schedule_.size()) +
                        " choices, the run asks for another " + what);
    }
    return schedule_[pos_++];
  }
  std::vector<std::uint32_t> schedule_;
  std::size_t pos_ = 0;
};

constexpr std::size_t kPolicyKindCount = static_cast<std::size_t>(PolicyKind::Exhaustive) + 1;
// Indexed by PolicyKind. Never rename one: trace headers hold these names.
constexpr auto kPolicyNames = enum_table<PolicyKind, const char*, kPolicyKindCount>(
    {"random", "pct", "rr", "interactive", "replay", "exhaustive"});

}  // namespace

const char* to_string(PolicyKind k) noexcept {
  return kPolicyNames.at(k, "?");
}

bool parse_policy(std::string_view s, PolicyKind* out) noexcept {
  return kPolicyNames.find(s, out);
}

std::shared_ptr<Policy> make_policy(PolicyKind kind, std::uint64_t seed, int depth) {
  switch (kind) {
    case PolicyKind::Random:
      return make_random(seed);
    case PolicyKind::Pct:
      return make_pct(seed, depth, kPctExpectedSteps);
    case PolicyKind::RoundRobin:
      return make_round_robin(seed);
    default:
      return nullptr;
  }
}

std::shared_ptr<Policy> make_random(std::uint64_t seed) {
  return std::make_shared<RandomPolicy>(seed);
}
std::shared_ptr<Policy> make_pct(std::uint64_t seed, int depth, std::uint64_t expected_steps) {
  return std::make_shared<PctPolicy>(seed, depth, expected_steps);
}
std::shared_ptr<Policy> make_round_robin(std::uint64_t seed) {
  return std::make_shared<RoundRobinPolicy>(seed);
}
std::shared_ptr<Policy> make_replay(std::vector<std::uint32_t> schedule) {
  return std::make_shared<ReplayPolicy>(std::move(schedule));
}

InteractivePolicy::InteractivePolicy(std::uint64_t seed, bool ask_when_single)
    : ask_when_single_(ask_when_single), rng_(seed) {}

std::vector<TaskId> InteractivePolicy::candidates() const {
  HostLock lk(mu_);
  return candidates_;
}

TaskId InteractivePolicy::current() const {
  HostLock lk(mu_);
  return current_;
}

std::uint64_t InteractivePolicy::requests() const {
  HostLock lk(mu_);
  return requests_;
}

bool InteractivePolicy::choose(TaskId t) {
  HostLock lk(mu_);
  if (!std::binary_search(candidates_.begin(), candidates_.end(), t)) return false;
  chosen_ = t;
  candidates_.clear();
  cv_.notify_all();
  return true;
}

void InteractivePolicy::interrupt() {
  HostLock lk(mu_);
  cancelled_ = true;
  candidates_.clear();
  cv_.notify_all();
}

TaskId InteractivePolicy::pick_task(std::span<const TaskId> c, TaskId current) {
  HostLock lk(mu_);
  if (cancelled_) return 0;
  if (c.size() == 1 && !ask_when_single_) return c[0];
  candidates_.assign(c.begin(), c.end());
  current_ = current;
  chosen_ = 0;
  ++requests_;
  lk.wait(cv_, [&]() RDV_REQUIRES(mu_) { return chosen_ != 0 || cancelled_; });
  candidates_.clear();
  return cancelled_ ? 0 : chosen_;
}

std::uint32_t InteractivePolicy::pick_case(std::span<const std::uint32_t> r) {
  HostLock lk(mu_);
  return r[rng_.below(r.size())];
}

}  // namespace rdv::sim
