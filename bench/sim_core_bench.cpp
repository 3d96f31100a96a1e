// Benchmarks of the runtime core against the OS's handoff floor (bench/run.sh prints ratios).
//
//  - Baton: two threads pass a baton through std::binary_semaphore (the OS handoff limit).
//  - CondvarRendezvous: a naive unbuffered channel (mutex + condition variable) ping-pong.
//  - LivePingPong: two live-mode tasks ping-pong over two unbuffered Channels.
//  - ControlledDecisions: scheduling decisions per second in controlled mode (random policy).
//  - EmitEvent / RuntimeEmit: the cost of appending one event (log only / via Runtime::emit).
//  - ParkedTasks: start N tasks that all park, then tear the run down.
// Times of runtime benchmarks are measured inside the run (manual time), so starting and
// joining the run's threads is not counted, except in ParkedTasks where it is the point.
#include <benchmark/benchmark.h>

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <memory>
#include <mutex>
#include <semaphore>
#include <thread>

#include "sim/channel.h"
#include "sim/event_log.h"
#include "sim/runtime.h"

namespace rdv::sim {
namespace {

constexpr int kRounds = 20'000;

double seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// ---- baselines ---------------------------------------------------------------------------------

void BM_Baton(benchmark::State& state) {
  for (auto _ : state) {
    std::binary_semaphore ping(0);
    std::binary_semaphore pong(0);
    std::thread other([&] {
      for (int i = 0; i < kRounds; ++i) {
        ping.acquire();
        pong.release();
      }
    });
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < kRounds; ++i) {
      ping.release();
      pong.acquire();
    }
    state.SetIterationTime(seconds(std::chrono::steady_clock::now() - t0));
    other.join();
  }
  state.SetItemsProcessed(state.iterations() * kRounds);
}
BENCHMARK(BM_Baton)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(5);

// An unbuffered channel the textbook way: one mutex, one condition variable, the sender waits
// until its value was taken.
class CondvarChan {
 public:
  void send(int v) {
    std::unique_lock lk(mu_);
    cv_.wait(lk, [&] { return !full_; });
    value_ = v;
    full_ = true;
    cv_.notify_all();
    cv_.wait(lk, [&] { return !full_; });
  }
  int recv() {
    std::unique_lock lk(mu_);
    cv_.wait(lk, [&] { return full_; });
    full_ = false;
    cv_.notify_all();
    return value_;
  }

 private:
  std::mutex mu_;  // protects value_, full_
  std::condition_variable cv_;
  int value_ = 0;
  bool full_ = false;
};

void BM_CondvarRendezvous(benchmark::State& state) {
  for (auto _ : state) {
    CondvarChan ping;
    CondvarChan pong;
    std::thread other([&] {
      for (int i = 0; i < kRounds; ++i) pong.send(ping.recv());
    });
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < kRounds; ++i) {
      ping.send(i);
      benchmark::DoNotOptimize(pong.recv());
    }
    state.SetIterationTime(seconds(std::chrono::steady_clock::now() - t0));
    other.join();
  }
  state.SetItemsProcessed(state.iterations() * kRounds);
}
BENCHMARK(BM_CondvarRendezvous)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(5);

// ---- the runtime -------------------------------------------------------------------------------

void BM_LivePingPong(benchmark::State& state) {
  for (auto _ : state) {
    EventLog log;
    RunConfig cfg;
    cfg.mode = Mode::Live;
    Runtime rt(cfg, log);
    double elapsed = 0;
    rt.start("main", [&] {
      auto ping = std::make_shared<Channel>(rt, 0, "ping");
      auto pong = std::make_shared<Channel>(rt, 0, "pong");
      rt.go("echo", [ping, pong] {
        for (int i = 0; i < kRounds; ++i) pong->send(ping->recv().value, Val("v"));
      });
      const auto t0 = std::chrono::steady_clock::now();
      for (int i = 0; i < kRounds; ++i) {
        ping->send(Value{static_cast<std::uint64_t>(i)}, Val("v"));
        benchmark::DoNotOptimize(pong->recv());
      }
      elapsed = seconds(std::chrono::steady_clock::now() - t0);
    });
    const RunResult r = rt.wait();
    if (r.outcome != Outcome::Ok) state.SkipWithError(r.message.c_str());
    state.SetIterationTime(elapsed);
  }
  state.SetItemsProcessed(state.iterations() * kRounds);
}
BENCHMARK(BM_LivePingPong)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_ControlledDecisions(benchmark::State& state) {
  const int tasks = static_cast<int>(state.range(0));
  std::uint64_t decisions = 0;
  for (auto _ : state) {
    EventLog log;
    RunConfig cfg;
    cfg.seed = 7;
    Runtime rt(cfg, log);
    double elapsed = 0;
    std::uint64_t at_start = 0;
    rt.start("main", [&] {
      auto done = std::make_shared<Channel>(rt, static_cast<std::size_t>(tasks), "done");
      for (int t = 0; t < tasks; ++t) {
        rt.go("w", [&rt, done] {
          for (int i = 0; i < kRounds; ++i) rt.sched_point();
          done->send(Value{1}, Val("1"));
        });
      }
      const auto t0 = std::chrono::steady_clock::now();
      for (int t = 0; t < tasks; ++t) done->recv();
      elapsed = seconds(std::chrono::steady_clock::now() - t0);
    });
    const RunResult r = rt.wait();
    if (r.outcome != Outcome::Ok) state.SkipWithError(r.message.c_str());
    decisions += r.decisions - at_start;
    state.SetIterationTime(elapsed);
  }
  state.counters["decisions_per_s"] =
      benchmark::Counter(static_cast<double>(decisions), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ControlledDecisions)
    ->Arg(2)
    ->Arg(8)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

void BM_EmitEvent(benchmark::State& state) {
  auto log = std::make_unique<EventLog>();
  std::size_t n = 0;
  Event e;
  e.kind = EventKind::ChanSend;
  e.val.set("42");
  for (auto _ : state) {
    if (++n == 4'000'000) {  // stay far below the capacity; a fresh log costs one chunk
      state.PauseTiming();
      log = std::make_unique<EventLog>();
      n = 0;
      state.ResumeTiming();
    }
    benchmark::DoNotOptimize(log->append(e));
  }
}
BENCHMARK(BM_EmitEvent);

void BM_RuntimeEmit(benchmark::State& state) {
  const bool live = state.range(0) == 1;
  for (auto _ : state) {
    EventLog log;
    RunConfig cfg;
    cfg.mode = live ? Mode::Live : Mode::Controlled;
    Runtime rt(cfg, log);
    double elapsed = 0;
    constexpr int kEvents = 1'000'000;
    rt.start("main", [&] {
      Event e;
      e.kind = EventKind::Note;
      // CPU time of the emitting thread: on a shared machine wall time mostly measures the
      // other processes that preempt it.
      const double t0 = thread_cpu_seconds();
      for (int i = 0; i < kEvents; ++i) rt.emit(e);
      elapsed = thread_cpu_seconds() - t0;
    });
    rt.wait();
    state.SetIterationTime(elapsed / kEvents);
  }
}
BENCHMARK(BM_RuntimeEmit)
    ->Arg(0)
    ->Arg(1)
    ->UseManualTime()
    ->Unit(benchmark::kNanosecond)
    ->Iterations(3);

void BM_ParkedTasks(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const bool live = state.range(1) == 1;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    {
      EventLog log;
      RunConfig cfg;
      cfg.mode = live ? Mode::Live : Mode::Controlled;
      cfg.max_tasks = static_cast<std::size_t>(n) + 1;
      Runtime rt(cfg, log);
      rt.start("main", [&] {
        auto never = std::make_shared<Channel>(rt, 0, "never");
        auto parked = std::make_shared<Channel>(rt, static_cast<std::size_t>(n), "parked");
        for (int i = 0; i < n; ++i) {
          rt.go("t", [never, parked] {
            parked->send(Value{1}, Val("1"));
            never->recv();
          });
        }
        for (int i = 0; i < n; ++i) parked->recv();
        auto block = std::make_shared<Channel>(rt, 0, "block");
        block->recv();  // main parks too: the run is all parked tasks now
      });
      // Abort once all n + 1 tasks are parked (the run cannot end by itself: it deadlocks
      // only when main parks, which the detector reports; either way every task is parked).
      rt.wait_for(std::chrono::seconds(120));
      rt.abort();
      rt.wait();
    }
    state.SetIterationTime(seconds(std::chrono::steady_clock::now() - t0));
  }
}
BENCHMARK(BM_ParkedTasks)
    ->Args({10'000, 0})
    ->Args({10'000, 1})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
}  // namespace rdv::sim

BENCHMARK_MAIN();
