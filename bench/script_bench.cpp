// The Lua binding's cost: a controlled-mode ping-pong over an unbuffered channel, in Lua and the
// same program written against the sim API in C++. Counter `decisions/s`: scheduling decisions
// per second (issue 4's target: Lua at least half the C++ figure). Needs rdv_script.
#include <benchmark/benchmark.h>

#include <pthread.h>
#include <sched.h>

#include <semaphore>
#include <string>
#include <thread>

#include "bench/pingpong.h"
#include "script/run.h"
#include "sim/channel.h"
#include "sim/event_log.h"
#include "sim/runtime.h"

namespace {

constexpr int kRounds = 20'000;

const std::string kLuaPingPong = rdv::bench::lua_pingpong(kRounds);

// Arg 1: as runs are made (trace format 2: each task reports the line it executes next at
// every scheduling point, sim/event.h "Lines"); Arg 0: without those reports, the stream of
// format 1 (RunConfig::task_lines = false) — the same-run baseline of their cost. Counters
// `decisions/s` and `events/s`.
void BM_LuaPingPong(benchmark::State& state) {
  std::uint64_t decisions = 0;
  std::uint64_t events = 0;
  for (auto _ : state) {
    rdv::sim::EventLog log;
    rdv::script::RunOptions opt;
    opt.config.task_lines = state.range(0) != 0;
    const auto r = rdv::script::run_source("pingpong.lua", kLuaPingPong, opt, log);
    if (r.result.outcome != rdv::sim::Outcome::Ok) state.SkipWithError("run failed");
    decisions += r.result.decisions;
    events += log.committed();
  }
  state.counters["decisions/s"] =
      benchmark::Counter(static_cast<double>(decisions), benchmark::Counter::kIsRate);
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["events/run"] =
      benchmark::Counter(static_cast<double>(events) / static_cast<double>(state.iterations()));
  state.counters["round_trips/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * kRounds, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_LuaPingPong)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

// ---- live mode against the OS's handoff (issue 20) ----------------------------------------------
// The same Lua ping-pong in live mode (tasks on OS threads, the interpreter lock between them),
// and its same-run baselines: two C++ threads passing a baton through binary semaphores, free to
// run on any CPU (`/0`) and both pinned to one CPU (`/1`). Items: round trips; bench/speed.sh
// prints the ratios.
void BM_LuaLivePingPong(benchmark::State& state) {
  for (auto _ : state) {
    rdv::sim::EventLog log;
    rdv::script::RunOptions opt;
    opt.config.mode = rdv::sim::Mode::Live;
    const auto r = rdv::script::run_source("pingpong.lua", kLuaPingPong, opt, log);
    if (r.result.outcome != rdv::sim::Outcome::Ok) state.SkipWithError("run failed");
  }
  state.SetItemsProcessed(state.iterations() * kRounds);
}
BENCHMARK(BM_LuaLivePingPong)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

void pin_to(std::size_t cpu) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

void BM_Baton(benchmark::State& state) {
  const bool pinned = state.range(0) != 0;
  for (auto _ : state) {
    std::binary_semaphore ping(0);
    std::binary_semaphore pong(0);
    std::thread other([&] {
      if (pinned) pin_to(0);
      for (int i = 0; i < kRounds; ++i) {
        ping.acquire();
        pong.release();
      }
    });
    std::thread self([&] {
      if (pinned) pin_to(0);
      for (int i = 0; i < kRounds; ++i) {
        ping.release();
        pong.acquire();
      }
    });
    self.join();
    other.join();
  }
  state.SetItemsProcessed(state.iterations() * kRounds);
}
BENCHMARK(BM_Baton)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// The same with the variables recorded (RunOptions::track_vars, as the app runs scripts): a line
// hook on every line, the assigned names read after each assigning line.
void BM_LuaPingPongVars(benchmark::State& state) {
  std::uint64_t decisions = 0;
  for (auto _ : state) {
    rdv::sim::EventLog log;
    rdv::script::RunOptions opt;
    opt.track_vars = true;
    const auto r = rdv::script::run_source("pingpong.lua", kLuaPingPong, opt, log);
    if (r.result.outcome != rdv::sim::Outcome::Ok) state.SkipWithError("run failed");
    decisions += r.result.decisions;
  }
  state.counters["decisions/s"] =
      benchmark::Counter(static_cast<double>(decisions), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_LuaPingPongVars)->Unit(benchmark::kMillisecond)->UseRealTime();

// Plain Lua with no sync point: a million lines, half of them assigning a local that changes
// every time (past RunOptions::kMaxVarEvents writes nothing more is recorded and the line hook
// comes off). Arg 0: variables not recorded; 1: recorded. Counter `lines/s`.
void BM_LuaLinesVars(benchmark::State& state) {
  // Arg 2: the same loop assigning nothing (`if i < 0 then s = i end`): never reaches the cap.
  const std::string loop =
      state.range(0) == 2
          ? "local s = 0\nfor i = 1, 500000 do\n  if i < 0 then s = i end\nend\nprint(s)\n"
          : "local s = 0\nfor i = 1, 500000 do\n  s = s + i\nend\nprint(s)\n";
  std::uint64_t lines = 0;
  for (auto _ : state) {
    rdv::sim::EventLog log;
    rdv::script::RunOptions opt;
    opt.track_vars = state.range(0) != 0;
    const auto r = rdv::script::run_source("loop.lua", loop, opt, log);
    if (r.result.outcome != rdv::sim::Outcome::Ok) state.SkipWithError("run failed");
    lines += 1'000'000;
  }
  state.counters["lines/s"] =
      benchmark::Counter(static_cast<double>(lines), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_LuaLinesVars)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_CppPingPong(benchmark::State& state) {
  std::uint64_t decisions = 0;
  for (auto _ : state) {
    rdv::sim::EventLog log;
    rdv::sim::Runtime rt(rdv::sim::RunConfig{}, log);
    rt.start("main", [&rt] {
      auto ping = std::make_shared<rdv::sim::Channel>(rt, 0, "ping");
      auto pong = std::make_shared<rdv::sim::Channel>(rt, 0, "pong");
      rt.go("ponger", [&rt, ping, pong] {
        for (int i = 0; i < kRounds; ++i) {
          const auto r = ping->recv();
          pong->send(r.value, r.display);
        }
      });
      for (int i = 0; i < kRounds; ++i) {
        ping->send(rdv::sim::Value{static_cast<std::uint64_t>(i + 1)}, rdv::sim::Val("i"));
        pong->recv();
      }
    });
    const auto r = rt.wait();
    if (r.outcome != rdv::sim::Outcome::Ok) state.SkipWithError("run failed");
    decisions += r.decisions;
  }
  state.counters["decisions/s"] =
      benchmark::Counter(static_cast<double>(decisions), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CppPingPong)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
