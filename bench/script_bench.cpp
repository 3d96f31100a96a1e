// The Lua binding's cost: a controlled-mode ping-pong over an unbuffered channel, in Lua and the
// same program written against the sim API in C++. Counter `decisions/s`: scheduling decisions
// per second (issue 4's target: Lua at least half the C++ figure). Needs rdv_script.
#include <benchmark/benchmark.h>

#include <string>

#include "script/run.h"
#include "sim/channel.h"
#include "sim/event_log.h"
#include "sim/runtime.h"

namespace {

constexpr int kRounds = 20'000;

const std::string kLuaPingPong = R"(
local ping, pong = chan(0, "ping"), chan(0, "pong")
local n = )" + std::to_string(kRounds) +
                                 R"(
go("ponger", function()
  for i = 1, n do pong:send(ping:recv()) end
end)
for i = 1, n do
  ping:send(i)
  pong:recv()
end
)";

void BM_LuaPingPong(benchmark::State& state) {
  std::uint64_t decisions = 0;
  for (auto _ : state) {
    rdv::sim::EventLog log;
    rdv::script::RunOptions opt;
    const auto r = rdv::script::run_source("pingpong.lua", kLuaPingPong, opt, log);
    if (r.result.outcome != rdv::sim::Outcome::Ok) state.SkipWithError("run failed");
    decisions += r.result.decisions;
  }
  state.counters["decisions/s"] =
      benchmark::Counter(static_cast<double>(decisions), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_LuaPingPong)->Unit(benchmark::kMillisecond)->UseRealTime();

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
