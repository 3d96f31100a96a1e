// The Go front end's costs (issue 17's performance targets), each beside a same-run baseline:
//  - compiling a generated 1,000-line Go program (target: at most 50 ms), beside Lua's own parse
//    of the chunk it lowers to (BM_LuaLoadOfChunk);
//  - a controlled-mode ping-pong of 20,000 round trips over unbuffered channels written in Go,
//    beside the same program as a Lua scenario (target: the Go program within 1.5x the Lua
//    one's time per event). bench/gofront.sh prints the ratios.
#include <benchmark/benchmark.h>

extern "C" {
#include <lauxlib.h>
#include <lua.h>
}

#include <string>

#include "bench/pingpong.h"
#include "gofront/gofront.h"
#include "script/run.h"
#include "sim/event_log.h"

namespace {

// A program of `funcs` functions of 21 lines each (loops, maps, slices, defer, select, errors,
// methods, closures) and a main calling them: 41 make 1,006 lines.
std::string generated_program(int funcs) {
  std::string s =
      "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n)\n\ntype acc struct {\n\tn    int\n\t"
      "name string\n}\n\nfunc (a *acc) add(d int) { a.n += d }\n\n";
  for (int f = 0; f < funcs; ++f) {
    const std::string n = std::to_string(f);
    s += "func f" + n + "(xs []int, m map[string]int, ch chan int, a *acc) (int, error) {\n";
    s += "\ttotal := " + n + "\n";
    s += "\tdefer func() { a.add(total) }()\n";
    s += "\tfor i, x := range xs {\n";
    s += "\t\tif x%3 == " + std::to_string(f % 3) + " {\n";
    s += "\t\t\ttotal += x * i\n";
    s += "\t\t} else {\n";
    s += "\t\t\ttotal -= x\n";
    s += "\t\t}\n";
    s += "\t\tm[fmt.Sprint(\"k\", i)] = total\n";
    s += "\t}\n";
    s += "\tselect {\n\tcase ch <- total:\n\tdefault:\n\t}\n";
    s += "\tif total < -1000 {\n\t\treturn 0, errors.New(\"too small\")\n\t}\n";
    s += "\treturn total, nil\n}\n\n";
  }
  s += "func main() {\n\tm := map[string]int{}\n\tch := make(chan int, 100)\n\ta := &acc{name: "
       "\"a\"}\n\txs := []int{1, 2, 3, 4, 5}\n";
  for (int f = 0; f < funcs; ++f) {
    s += "\tif _, err := f" + std::to_string(f) +
         "(xs, m, ch, a); err != nil {\n\t\tfmt.Println(err)\n\t}\n";
  }
  s += "\tfmt.Println(a.n, len(m), len(ch))\n}\n";
  return s;
}

constexpr int kFuncs = 41;

void BM_GoCompile(benchmark::State& state) {
  const std::string src = generated_program(kFuncs);
  std::size_t lines = 0;
  for (const char c : src) lines += c == '\n' ? 1 : 0;
  for (auto _ : state) {
    const auto r = rdv::gofront::compile("big.go", src);
    if (!r.ok) state.SkipWithError(r.message().c_str());
    benchmark::DoNotOptimize(r.lua.data());
  }
  state.counters["lines"] = static_cast<double>(lines);
}
BENCHMARK(BM_GoCompile)->Unit(benchmark::kMillisecond);

// Baseline: Lua parsing the chunk the program lowers to (a fresh state each time).
void BM_LuaLoadOfChunk(benchmark::State& state) {
  const auto r = rdv::gofront::compile("big.go", generated_program(kFuncs));
  if (!r.ok) {
    state.SkipWithError(r.message().c_str());
    return;
  }
  for (auto _ : state) {
    lua_State* L = luaL_newstate();
    if (luaL_loadbufferx(L, r.lua.data(), r.lua.size(), "=big.go", "t") != LUA_OK)
      state.SkipWithError("the chunk does not load");
    lua_close(L);
  }
}
BENCHMARK(BM_LuaLoadOfChunk)->Unit(benchmark::kMillisecond);

constexpr int kRounds = 20'000;

const std::string kGoPingPong = R"(package main

func main() {
	ping, pong := make(chan int), make(chan int)
	n := )" + std::to_string(kRounds) +
                                R"(
	go func() {
		for i := 1; i <= n; i++ {
			pong <- <-ping
		}
	}()
	for i := 1; i <= n; i++ {
		ping <- i
		<-pong
	}
}
)";

const std::string kLuaPingPong = rdv::bench::lua_pingpong(kRounds);

// Arg 0: the Lua scenario (the baseline), Arg 1: the Go program. Counter `events/s`.
void BM_PingPong(benchmark::State& state) {
  const bool go = state.range(0) != 0;
  std::string chunk = kLuaPingPong;
  if (go) {
    const auto r = rdv::gofront::compile("pingpong.go", kGoPingPong);
    if (!r.ok) {
      state.SkipWithError(r.message().c_str());
      return;
    }
    chunk = r.lua;
  }
  std::uint64_t events = 0;
  for (auto _ : state) {
    rdv::sim::EventLog log;
    rdv::script::RunOptions opt;
    const auto r = rdv::script::run_source(go ? "pingpong.go" : "pingpong.lua", chunk, opt, log);
    if (r.result.outcome != rdv::sim::Outcome::Ok) state.SkipWithError("run failed");
    events += log.committed();
  }
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["events/run"] =
      benchmark::Counter(static_cast<double>(events) / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_PingPong)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
