// sim/event_log.h — one run's event stream: an append-only log of Events plus a string table.
//
// Writers are the run's task threads and its timer context; readers (the UI thread, the trace
// recorder) read while the run goes on.
//  - append() is lock-free: the seq is a fetch_add on one counter, the event is written into a
//    slot of a chunked array (chunks allocated on demand, installed with a CAS in a fixed-size
//    directory), then published by the slot's ready flag (release).
//  - committed() is the length of the fully published prefix; at(i) for i < committed() is
//    stable forever (slots never move).
//  - close(last) appends the run's final event (RunEnd); every later append is dropped, so the
//    final event is always the last one (no events after RunEnd) and seq stays dense.
//  - intern()/str(): the string table, guarded by a mutex (only rare events carry text).
//    StrId 0 is the empty string.
//  - set_budget(): the log charges its chunks of events and its texts to a run's MemoryBudget
//    (Use::Events) for as long as it holds them; past the cap every further text is cut short
//    (the run itself ends at its next API call, script/universe.cpp).
//
// Example (a reader polling a live run):
//   for (std::size_t n = log.committed(); seen < n; ++seen) model.apply(log.at(seen));
//   if (log.closed() && seen == log.committed()) done();
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include "sim/event.h"
#include "sim/lock.h"
#include "sim/memory_budget.h"

namespace rdv::sim {

class EventLog {
 public:
  static constexpr std::size_t kChunkBits = 12;  // 4096 events (~420 KiB) per chunk
  static constexpr std::size_t kChunkSize = std::size_t{1} << kChunkBits;
  static constexpr std::size_t kMaxChunks = 16384;  // capacity: 67,108,864 events
  static constexpr std::size_t kCapacity = kChunkSize * kMaxChunks;
  // Chunks the process keeps from ended logs for the next ones (~29 MiB at most): a new chunk's
  // pages are faulted in and cleared by the kernel as the events reach them, a sixth of a long
  // controlled run's time (issue 20, docs/performance.md); a kept chunk's pages are there.
  // None under AddressSanitizer, so that a read of an ended log's events is still caught.
#if defined(__SANITIZE_ADDRESS__)
  static constexpr std::size_t kKeptChunks = 0;
#else
  static constexpr std::size_t kKeptChunks = 64;
#endif

  EventLog();
  ~EventLog();
  EventLog(const EventLog&) = delete;
  EventLog& operator=(const EventLog&) = delete;

  // Appends `e` with e.seq set to its position; returns that seq, or kNoSeq when the log is
  // closed or full (the event is dropped). Thread-safe, lock-free.
  Seq append(Event e) noexcept;
  // Appends the final event and closes the log; returns its seq (kNoSeq if closed already).
  Seq close(Event last) noexcept;
  bool closed() const noexcept;
  // Events handed a seq so far (published or in flight); a cheap load, for limits.
  std::size_t appended() const noexcept {
    return static_cast<std::size_t>(next_.load(std::memory_order_relaxed) & ~kClosedBit);
  }

  // Number of events in the fully published prefix [0, committed()). Thread-safe.
  std::size_t committed() const noexcept;
  // The i-th event; i < committed().
  const Event& at(std::size_t i) const noexcept;

  // Texts longer than kMaxText bytes (names, notes, printed lines: they come from scripts) are
  // kept shortened, ending in "… (N bytes)"; past kMaxTextTotal bytes of text in the log, every
  // text is cut to kMaxTextLate bytes.
  static constexpr std::size_t kMaxText = std::size_t{64} << 10;
  static constexpr std::size_t kMaxTextTotal = std::size_t{256} << 20;
  static constexpr std::size_t kMaxTextLate = 256;
  StrId intern(std::string_view s);
  // Text of an id from this log; the view stays valid as long as the log.
  std::string_view str(StrId id) const;

  // Charges what the log holds now and everything it takes from now on to `budget` (released
  // when the log is destroyed). Call before the first append, once.
  void set_budget(std::shared_ptr<MemoryBudget> budget);

 private:
  struct Chunk;
  Chunk* chunk_for(std::size_t index) noexcept;  // allocates on demand
  // A chunk from the process's shelf of chunks that ended logs gave back, else a new one; and
  // back onto the shelf (at most kKeptChunks; more are freed).
  static Chunk* take_chunk();
  static void give_chunk(Chunk* c) noexcept;
  void publish(Seq seq, const Event& e) noexcept;
  void charge(std::size_t n) noexcept;  // to budget_, if any

  static constexpr Seq kClosedBit = Seq{1} << 63;
  std::atomic<Seq> next_{0};                       // next seq to hand out; kClosedBit once closed
  mutable std::atomic<std::size_t> committed_{0};  // a lower bound of the published prefix
  std::array<std::atomic<Chunk*>, kMaxChunks> dir_{};

  mutable HostMutex str_mu_;  // a leaf: taken under any of the runtime's locks
  std::deque<std::string> strs_ RDV_GUARDED_BY(str_mu_);  // [0] == ""; elements never move
  std::size_t text_bytes_ RDV_GUARDED_BY(str_mu_) = 0;    // total size of strs_
  std::shared_ptr<MemoryBudget> budget_;  // set before the run; null: nothing is charged
  std::atomic<std::size_t> charged_{0};   // bytes charged to budget_
};

}  // namespace rdv::sim
