// Trace benchmarks: writing and reading a 1,000,000-event trace, the recorder's cost per event,
// and the Perfetto export. Figures: docs/traces.md.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "script/run.h"
#include "tests/support/synthetic.h"
#include "trace/perfetto.h"
#include "trace/recorder.h"
#include "trace/trace.h"

namespace {

using namespace rdv;

constexpr std::size_t kEvents = testing::kBenchRun.events;

const trace::Trace& big_trace() {
  static const trace::Trace t = testing::synthetic_trace(testing::kBenchRun);
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

// Recording a real run: a ping-pong of kRounds round trips over an unbuffered channel, run by
// the script layer, without and with recording. Controlled runs are recorded after the run (the
// log keeps every event, so recording cannot slow the run down: the cost is the copy afterwards);
// live runs are recorded by a thread polling the log every millisecond while the run goes on, as
// the UI does, so that cost is the interference with the run.
constexpr int kRounds = 20'000;
const std::string kPingPong =
    "local ch = chan(0, 'ping')\n"
    "go('ponger', function() for i = 1, " +
    std::to_string(kRounds) +
    " do ch:recv() end end)\n"
    "for i = 1, " +
    std::to_string(kRounds) + " do ch:send(i) end\n";

script::RunOptions run_options(sim::Mode mode) {
  script::RunOptions o;
  o.config.mode = mode;
  o.config.seed = 1;
  return o;
}

void run_pingpong(benchmark::State& state, sim::Mode mode, bool record) {
  std::size_t events = 0;
  for (auto _ : state) {
    sim::EventLog log;
    trace::Recorder rec;
    if (mode == sim::Mode::Live && record) {
      script::ScriptRun run("pingpong.lua", kPingPong, run_options(mode), log);
      run.start();
      while (!run.wait_for(std::chrono::milliseconds(1))) rec.poll(log);
      run.finish();
    } else {
      script::run_source("pingpong.lua", kPingPong, run_options(mode), log);
    }
    if (record) rec.poll(log);
    events = log.committed();
    benchmark::DoNotOptimize(rec.size());
  }
  state.counters["events"] = static_cast<double>(events);
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(events),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}

void BM_RunControlled(benchmark::State& s) {
  run_pingpong(s, sim::Mode::Controlled, false);
}
void BM_RunControlledRecorded(benchmark::State& s) {
  run_pingpong(s, sim::Mode::Controlled, true);
}
void BM_RunLive(benchmark::State& s) {
  run_pingpong(s, sim::Mode::Live, false);
}
void BM_RunLiveRecorded(benchmark::State& s) {
  run_pingpong(s, sim::Mode::Live, true);
}
BENCHMARK(BM_RunControlled)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_RunControlledRecorded)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_RunLive)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_RunLiveRecorded)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
