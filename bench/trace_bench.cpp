// Trace benchmarks: writing and reading a 1,000,000-event trace, the recorder's cost per event,
// and the Perfetto export. Figures: docs/traces.md.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>

#include "tests/trace/synthetic.h"
#include "trace/perfetto.h"
#include "trace/recorder.h"
#include "trace/trace.h"

namespace {

using namespace rdv;

constexpr std::size_t kEvents = 1'000'000;

const trace::Trace& big_trace() {
  static const trace::Trace t = [] {
    testing::SyntheticOptions o;
    o.events = kEvents;
    o.workers = 64;
    o.channels = 16;
    return testing::synthetic_trace(o);
  }();
  return t;
}

const std::string& big_file() {
  static const std::string path = [] {
    std::string p = "/tmp/rdv-bench-" + std::to_string(::getpid()) + ".rdv.jsonl";
    if (!trace::write_trace(p, big_trace()).ok()) std::abort();
    return p;
  }();
  return path;
}

void BM_WriteTrace(benchmark::State& state) {
  const trace::Trace& t = big_trace();
  const std::string path = big_file() + ".w";
  for (auto _ : state) {
    if (!trace::write_trace(path, t).ok()) state.SkipWithError("write failed");
  }
  std::remove(path.c_str());
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(t.events.size()),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_WriteTrace)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

void BM_ReadTrace(benchmark::State& state) {
  const std::string& path = big_file();
  std::size_t n = 0;
  for (auto _ : state) {
    auto r = trace::read_trace(path);
    if (!r.ok()) state.SkipWithError(r.error().c_str());
    n = r.ok() ? r->events.size() : 0;
  }
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ReadTrace)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

// The recorder's own cost: copying a run's events out of its log with their text.
struct Log {
  const trace::Trace* t;
  std::size_t committed() const { return t->events.size(); }
  const sim::Event& at(std::size_t i) const { return t->events[i]; }
  std::string_view str(sim::StrId id) const { return t->strings.str(id); }
};

void BM_Recorder(benchmark::State& state) {
  const Log log{&big_trace()};
  for (auto _ : state) {
    trace::Recorder rec;
    rec.poll(log);
    benchmark::DoNotOptimize(rec.size());
  }
  state.counters["ns/event"] = benchmark::Counter(
      static_cast<double>(kEvents),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_Recorder)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

void BM_ExportPerfetto(benchmark::State& state) {
  const std::string path = big_file() + ".json";
  for (auto _ : state) {
    if (!trace::export_perfetto(big_trace(), path).ok()) state.SkipWithError("export failed");
  }
  std::remove(path.c_str());
  std::remove(big_file().c_str());
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(kEvents),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ExportPerfetto)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
