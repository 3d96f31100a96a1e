// sim/memory_budget.h — one memory cap for everything a run (or an explore of many runs) holds.
//
// A script controls how much memory its run takes in several places: Lua's heap, the C stacks
// of its task threads, the event log (events and their texts: names, notes, printed lines) and
// the output kept for the report and the trace. Each is charged here, against one cap
// (`--limit-memory`, default 256 MiB); `explore` hands the same budget to every job, so eight
// jobs share one cap instead of taking eight.
//  - try_charge(n): takes n bytes if they fit under the cap, else takes nothing and says so —
//    for memory not yet taken (a Lua allocation, a new task's stack, a printed line);
//  - charge(n): takes n bytes whatever the cap — for memory already taken (an event chunk, a
//    stack that grew); the run then sees over() at its next API call or hook and ends with
//    "memory limit exceeded";
//  - release(n): gives back what was charged, under the same use.
// Thread-safe and lock-free (relaxed atomics: the figures guard a limit, they order nothing).
//
// Example:
//   auto budget = std::make_shared<MemoryBudget>(std::size_t{64} << 20);
//   if (!budget->try_charge(4096, MemoryBudget::Use::Output)) fail("memory limit exceeded");
//   ...
//   budget->release(4096, MemoryBudget::Use::Output);
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <string>

namespace rdv::sim {

class MemoryBudget {
 public:
  enum class Use { Lua, Stacks, Events, Output };
  static constexpr std::size_t kUses = 4;
  static constexpr std::size_t kDefaultCap = std::size_t{256} << 20;

  explicit MemoryBudget(std::size_t cap = kDefaultCap) noexcept : cap_(cap) {}
  MemoryBudget(const MemoryBudget&) = delete;
  MemoryBudget& operator=(const MemoryBudget&) = delete;

  std::size_t cap() const noexcept { return cap_; }
  std::size_t used() const noexcept { return used_.load(std::memory_order_relaxed); }
  std::size_t used(Use u) const noexcept {
    return by_use_[static_cast<std::size_t>(u)].load(std::memory_order_relaxed);
  }
  // The highest used() so far.
  std::size_t peak() const noexcept { return peak_.load(std::memory_order_relaxed); }
  bool over() const noexcept { return used() > cap_; }

  // Takes n bytes if used() + n <= cap() + slack; false (and nothing taken) otherwise.
  bool try_charge(std::size_t n, Use u, std::size_t slack = 0) noexcept {
    std::size_t cur = used_.load(std::memory_order_relaxed);
    do {
      if (n > cap_ + slack || cur > cap_ + slack - n) return false;
    } while (!used_.compare_exchange_weak(cur, cur + n, std::memory_order_relaxed));
    note(cur + n, n, u);
    return true;
  }
  void charge(std::size_t n, Use u) noexcept {
    note(used_.fetch_add(n, std::memory_order_relaxed) + n, n, u);
  }
  void release(std::size_t n, Use u) noexcept {
    used_.fetch_sub(n, std::memory_order_relaxed);
    by_use_[static_cast<std::size_t>(u)].fetch_sub(n, std::memory_order_relaxed);
  }

  // "Lua 200 MiB, task stacks 3 MiB, events 50 MiB, output 1 MiB" (what is charged now).
  std::string breakdown() const {
    static constexpr const char* kNames[kUses] = {"Lua", "task stacks", "events", "output"};
    std::string s;
    for (std::size_t i = 0; i < kUses; ++i) {
      if (i > 0) s += ", ";
      s += kNames[i];
      s += ' ';
      s += std::to_string((by_use_[i].load(std::memory_order_relaxed) + (1 << 19)) >> 20);
      s += " MiB";
    }
    return s;
  }

 private:
  void note(std::size_t now, std::size_t n, Use u) noexcept {
    by_use_[static_cast<std::size_t>(u)].fetch_add(n, std::memory_order_relaxed);
    std::size_t p = peak_.load(std::memory_order_relaxed);
    while (now > p && !peak_.compare_exchange_weak(p, now, std::memory_order_relaxed)) {
    }
  }

  const std::size_t cap_;
  std::atomic<std::size_t> used_{0};
  std::atomic<std::size_t> peak_{0};
  std::array<std::atomic<std::size_t>, kUses> by_use_{};
};

}  // namespace rdv::sim
