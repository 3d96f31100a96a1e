// EventLog: dense seqs, readable while writers append from several threads, close() is last.
#include "sim/event_log.h"

#include <doctest/doctest.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace rdv::sim {

TEST_CASE("event_log: appends get dense seqs and read back unchanged") {
  EventLog log;
  CHECK(log.committed() == 0);
  for (int i = 0; i < 10'000; ++i) {
    Event e;
    e.kind = EventKind::Note;
    e.arg = i;
    CHECK(log.append(e) == static_cast<Seq>(i));
  }
  REQUIRE(log.committed() == 10'000);
  for (std::size_t i = 0; i < 10'000; ++i) {
    CHECK(log.at(i).seq == i);
    CHECK(log.at(i).arg == static_cast<std::int64_t>(i));
  }
}

TEST_CASE("event_log: a log on chunks an ended log gave back sees only its own events") {
  // Ended logs keep up to kKeptChunks chunks for the next ones (issue 20): their slots still
  // hold the old events, and a slot counts once its ready flag is set, so the flags must be
  // cleared when a chunk is given back.
  const auto fill = [](EventLog& log, int n, std::int64_t base) {
    for (int i = 0; i < n; ++i) {
      Event e;
      e.kind = EventKind::Note;
      e.arg = base + i;
      log.append(e);
    }
  };
  for (int round = 0; round < 3; ++round) {
    {
      EventLog old;
      fill(old, 3 * static_cast<int>(EventLog::kChunkSize), 1'000'000);
    }
    EventLog log;
    fill(log, 3, 0);
    CHECK(log.committed() == 3);
    fill(log, static_cast<int>(EventLog::kChunkSize), 3);  // into a second (given-back) chunk
    REQUIRE(log.committed() == EventLog::kChunkSize + 3);
    for (std::size_t i = 0; i < log.committed(); ++i) {
      CHECK(log.at(i).arg == static_cast<std::int64_t>(i));
    }
  }
}

TEST_CASE("event_log: the string table returns what was interned, id 0 is empty") {
  EventLog log;
  CHECK(log.str(0).empty());
  CHECK(log.intern("") == 0);
  const StrId a = log.intern("hello");
  const StrId b = log.intern("world");
  CHECK(a != b);
  CHECK(log.str(a) == "hello");
  CHECK(log.str(b) == "world");
  CHECK(log.str(999).empty());
}

TEST_CASE("event_log: concurrent writers and a reader see a dense published prefix") {
  EventLog log;
  constexpr int kWriters = 4;
  constexpr int kEach = 20'000;
  std::atomic<bool> stop{false};
  std::size_t max_seen = 0;
  bool ordered = true;
  std::thread reader([&] {
    std::size_t seen = 0;
    while (!stop.load()) {
      const std::size_t n = log.committed();
      for (; seen < n; ++seen) ordered = ordered && log.at(seen).seq == seen;
      max_seen = n;
    }
  });
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&log, w] {
      for (int i = 0; i < kEach; ++i) {
        Event e;
        e.task = static_cast<TaskId>(w + 1);
        e.arg = i;
        log.append(e);
      }
    });
  }
  for (auto& t : writers) t.join();
  stop.store(true);
  reader.join();
  CHECK(ordered);
  CHECK(max_seen <= static_cast<std::size_t>(kWriters * kEach));
  REQUIRE(log.committed() == static_cast<std::size_t>(kWriters * kEach));
  // Each writer's events appear in its own order.
  std::vector<std::int64_t> next(kWriters + 1, 0);
  for (std::size_t i = 0; i < log.committed(); ++i) {
    const Event& e = log.at(i);
    CHECK(e.arg == next[e.task]);
    ++next[e.task];
  }
}

TEST_CASE("event_log: close appends the last event, later appends are dropped") {
  EventLog log;
  Event e;
  log.append(e);
  log.append(e);
  Event end;
  end.kind = EventKind::RunEnd;
  CHECK_FALSE(log.closed());
  CHECK(log.close(end) == 2);
  CHECK(log.closed());
  CHECK(log.append(e) == kNoSeq);
  CHECK(log.close(end) == kNoSeq);
  REQUIRE(log.committed() == 3);
  CHECK(log.at(2).kind == EventKind::RunEnd);
}

TEST_CASE("memory_budget: try_charge refuses past the cap, charge does not, release gives back") {
  MemoryBudget b(1000);
  CHECK(b.try_charge(600, MemoryBudget::Use::Lua));
  CHECK_FALSE(b.try_charge(401, MemoryBudget::Use::Output));  // 1,001 > 1,000: nothing taken
  CHECK(b.used() == 600);
  CHECK(b.try_charge(401, MemoryBudget::Use::Output, 1));  // within the slack
  CHECK(b.over());
  b.release(401, MemoryBudget::Use::Output);
  CHECK_FALSE(b.over());
  b.charge(500, MemoryBudget::Use::Stacks);  // memory already taken: charged anyway
  CHECK(b.over());
  CHECK(b.used(MemoryBudget::Use::Stacks) == 500);
  CHECK(b.peak() == 1100);
  b.release(500, MemoryBudget::Use::Stacks);
  b.release(600, MemoryBudget::Use::Lua);
  CHECK(b.used() == 0);
}

TEST_CASE("event_log: its chunks and texts are charged to the budget until it is destroyed") {
  auto budget = std::make_shared<MemoryBudget>(std::size_t{64} << 20);
  {
    EventLog log;
    log.set_budget(budget);
    const std::size_t first = budget->used(MemoryBudget::Use::Events);
    CHECK(first > 0);  // the first chunk of events
    log.intern(std::string(1000, 'x'));
    CHECK(budget->used(MemoryBudget::Use::Events) == first + 1000);
    for (std::size_t i = 0; i < EventLog::kChunkSize + 1; ++i) log.append(Event{});
    CHECK(budget->used(MemoryBudget::Use::Events) == 2 * (first) + 1000);
    // past the cap, texts are cut short (the run ends at its next API call)
    budget->charge(std::size_t{64} << 20, MemoryBudget::Use::Lua);
    const StrId id = log.intern(std::string(10'000, 'y'));
    CHECK(log.str(id).size() < 300);
    budget->release(std::size_t{64} << 20, MemoryBudget::Use::Lua);
  }
  CHECK(budget->used() == 0);
}

TEST_CASE("event_log: a close that opens a new chunk is counted and freed with the rest") {
  // 4,096 events then close(): the closing event is the first of a second chunk, and close()
  // does not advance the seqs handed out. A budget set afterwards counts what the log holds.
  auto budget = std::make_shared<MemoryBudget>(std::size_t{64} << 20);
  {
    EventLog one;  // one chunk, to learn what a chunk is charged
    one.set_budget(budget);
    const std::size_t chunk = budget->used(MemoryBudget::Use::Events);
    REQUIRE(chunk > 0);
    EventLog log;
    for (std::size_t i = 0; i < EventLog::kChunkSize; ++i) log.append(Event{});
    CHECK(log.close(Event{}) == EventLog::kChunkSize);
    CHECK(log.committed() == EventLog::kChunkSize + 1);
    log.set_budget(budget);
    CHECK(budget->used(MemoryBudget::Use::Events) == 3 * chunk);  // two chunks here, one there
  }
  CHECK(budget->used() == 0);  // and both were released (LSan checks they were freed)
}

}  // namespace rdv::sim
