// tests/support/synthetic.h — synthetic, semantically valid event streams for tests and benchmarks.
//
// A tiny controlled "runtime" in a loop: main makes channels and a WaitGroup and spawns
// workers; then a random runnable task does a random operation (send, recv, sleep, print, note,
// wg add) with Go's channel semantics (direct hand-off to a waiting receiver, buffer, refill
// from the first waiting sender, FIFO queues), so the stream looks like a real run's and the
// generator knows the true final state to check a model against.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "trace/trace.h"

namespace rdv::testing {

struct SyntheticOptions {
  std::size_t events = 10'000;  // approximate; the stream ends with RunEnd
  std::uint32_t workers = 8;
  std::uint32_t channels = 4;  // capacities 0..3, cycling
  std::uint64_t seed = 1;
};

// The final state, as the generator knows it.
struct SyntheticTruth {
  std::map<sim::ObjId, std::vector<std::string>> buffers;  // values, next to receive first
  std::map<sim::ObjId, std::vector<sim::TaskId>> sendq, recvq;
  std::vector<sim::TaskId> blocked, sleeping;  // sorted
  std::size_t handoffs = 0;                    // ChanRecv events that took a sent value
};

// The run the trace and model benchmarks measure (docs/traces.md's figures): a million events,
// 64 workers, 16 channels.
inline constexpr SyntheticOptions kBenchRun{1'000'000, 64, 16, 1};

trace::Trace synthetic_trace(const SyntheticOptions& options, SyntheticTruth* truth = nullptr);

}  // namespace rdv::testing
