// Model benchmarks on a 1,000,000-event trace: open (read + build the model), memory per
// event, and jumping to any event k (random k, both directions). Figures: docs/traces.md.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <random>

#include "model/model.h"
#include "tests/support/synthetic.h"
#include "trace/trace.h"

namespace {

using namespace rdv;

const std::string& big_file() {
  static const std::string path = [] {
    std::string p = "/tmp/rdv-model-bench-" + std::to_string(::getpid()) + ".rdv.jsonl";
    if (!trace::write_trace(p, testing::synthetic_trace(testing::kBenchRun)).ok()) std::abort();
    return p;
  }();
  return path;
}

const model::Model& big_model() {
  static const model::Model m(std::move(*trace::read_trace(big_file())));
  return m;
}

std::size_t rss_bytes() {
  std::ifstream f("/proc/self/statm");
  std::size_t pages = 0, resident = 0;
  f >> pages >> resident;
  return resident * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

// Open a trace file: read + validate + build the model with its snapshots and timeline data.
void BM_OpenTrace(benchmark::State& state) {
  const std::string& path = big_file();
  double bytes_per_event = 0, rss_per_event = 0;
  for (auto _ : state) {
    const std::size_t before = rss_bytes();
    auto r = trace::read_trace(path);
    if (!r.ok()) {
      state.SkipWithError(r.error().c_str());
      break;
    }
    model::Model m(std::move(*r));
    bytes_per_event = static_cast<double>(m.memory_bytes()) / static_cast<double>(m.size());
    rss_per_event = static_cast<double>(rss_bytes() - before) / static_cast<double>(m.size());
    benchmark::DoNotOptimize(m.head().applied);
  }
  state.counters["bytes/event"] = bytes_per_event;
  state.counters["rss/event"] = rss_per_event;
}
BENCHMARK(BM_OpenTrace)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

// Reaches the state after k events, `reach(k)`, for a random k each iteration; the k come from
// `seed`, so every run of the benchmark asks for the same ones.
template <class Reach>
void reach_random(benchmark::State& state, std::uint64_t seed, Reach reach) {
  const std::size_t n = big_model().size();
  std::mt19937_64 rng(seed);
  for (auto _ : state) {
    benchmark::DoNotOptimize(reach(rng() % n).applied);
  }
}

// A fresh State after event k, for random k.
void BM_StateAt(benchmark::State& state) {
  const model::Model& m = big_model();
  reach_random(state, 1, [&m](std::size_t k) { return m.state_at(k); });
}
BENCHMARK(BM_StateAt)->Unit(benchmark::kMicrosecond)->Iterations(300);

// One Cursor scrubbing to random k, backwards and forwards.
void BM_CursorJump(benchmark::State& state) {
  model::Cursor c(big_model());
  reach_random(state, 2, [&c](std::size_t k) -> const model::State& { return c.seek(k); });
}
BENCHMARK(BM_CursorJump)->Unit(benchmark::kMicrosecond)->Iterations(300);

// Scrubbing step by step, as a person dragging the scrubber does.
void BM_CursorStep(benchmark::State& state) {
  const model::Model& m = big_model();
  model::Cursor c(m);
  std::size_t k = 0;
  for (auto _ : state) {
    k = (k + 7) % m.size();
    benchmark::DoNotOptimize(c.seek(k).applied);
  }
}
BENCHMARK(BM_CursorStep)->Unit(benchmark::kMicrosecond)->Iterations(10000);

void BM_Cleanup(benchmark::State& state) {
  for (auto _ : state) std::remove(big_file().c_str());
}
BENCHMARK(BM_Cleanup)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
