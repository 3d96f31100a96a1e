#include "sim/task.h"

#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cassert>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/lock.h"

namespace rdv::sim {
namespace {

void futex_wait(std::atomic<std::uint32_t>* a, std::uint32_t expected) noexcept {
  syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(a), FUTEX_WAIT_PRIVATE, expected, nullptr,
          nullptr, 0);
}

void futex_wake(std::atomic<std::uint32_t>* a) noexcept {
  syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(a), FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr,
          0);
}

inline void cpu_relax() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

}  // namespace

void Parker::wait(int spin, int yields) noexcept {
  // Spinning first turns a wake-up that arrives within a few microseconds into no syscall at
  // all on either side (the poster sees no sleeper); Go's runtime does the same before futexsleep.
  const auto try_take = [&] {
    std::uint32_t one = 1;
    return state_.load(std::memory_order_relaxed) == 1 &&
           state_.compare_exchange_strong(one, 0, std::memory_order_acquire);
  };
  for (int i = 0; i < spin; ++i) {
    if (try_take()) return;
    cpu_relax();
  }
  // Then a few yields: on a busy machine the poster may be waiting for this very CPU.
  for (int i = 0; i < yields; ++i) {
    if (try_take()) return;
    sched_yield();
  }
  for (;;) {
    std::uint32_t s = state_.load(std::memory_order_relaxed);
    if (s == 1) {
      if (state_.compare_exchange_weak(s, 0, std::memory_order_acquire)) return;
      continue;
    }
    if (s == 0 && !state_.compare_exchange_weak(s, 2, std::memory_order_relaxed)) continue;
    futex_wait(&state_, 2);
  }
}

void Parker::wait_spinning(std::chrono::nanoseconds spin_for, int yields) noexcept {
  const auto until = std::chrono::steady_clock::now() + spin_for;
  for (;;) {
    for (int i = 0; i < 32; ++i) {
      const std::uint32_t s = state_.load(std::memory_order_relaxed);
      if (s == 1) {
        std::uint32_t one = 1;
        if (state_.compare_exchange_strong(one, 0, std::memory_order_acquire)) return;
      }
      cpu_relax();
    }
    if (std::chrono::steady_clock::now() >= until) break;
  }
  wait(0, yields);
}

void Parker::post() noexcept {
  if (state_.exchange(1, std::memory_order_release) == 2) futex_wake(&state_);
}

namespace pool {
namespace {

struct Worker {
  Parker wake;                // posted when a job is handed over
  std::function<void()> job;  // written by submit() before wake.post()
  int want_cpu = -1;          // written by submit() before wake.post()
  int cpu = -1;               // the affinity currently applied (-1: all allowed CPUs)
};

struct Pool {
  HostMutex mu;                                  // a leaf lock
  std::vector<Worker*> idle RDV_GUARDED_BY(mu);  // waiting for a job
  std::size_t total RDV_GUARDED_BY(mu) = 0;      // threads alive
  cpu_set_t allowed{};                           // the process's affinity at first use
  int ncpu = 1;
  std::atomic<unsigned> next_cpu{0};
};

// Linux >= 6.16 gives each process a private futex hash, sized for few threads (16 slots
// here). With thousands of parked tasks every futex_wake then walks a chain of hundreds of
// waiters: handing the baton among 10,000 tasks took 16 s instead of 3 s. Ask for a table
// sized for that many (or the global hash). Older kernels reject the call; nothing changes.
void size_futex_hash() {
  constexpr int kPrFutexHash = 78;  // PR_FUTEX_HASH
  constexpr int kSetSlots = 1;      // PR_FUTEX_HASH_SET_SLOTS
  if (prctl(kPrFutexHash, kSetSlots, 16384, 0, 0) != 0) prctl(kPrFutexHash, kSetSlots, 0, 0, 0);
}

thread_local Worker* tl_worker = nullptr;

// Never destroyed: idle threads still reference it while the process exits.
Pool& the_pool() {
  static Pool* p = [] {
    size_futex_hash();
    auto* q = new Pool();
    CPU_ZERO(&q->allowed);
    if (sched_getaffinity(0, sizeof q->allowed, &q->allowed) != 0) CPU_SET(0, &q->allowed);
    q->ncpu = CPU_COUNT(&q->allowed);
    if (q->ncpu < 1) q->ncpu = 1;
    return q;
  }();
  return *p;
}

void apply_affinity(Worker* w) {
  if (w->want_cpu == w->cpu) return;
  Pool& p = the_pool();
  if (w->want_cpu < 0) {
    pthread_setaffinity_np(pthread_self(), sizeof p.allowed, &p.allowed);
  } else {
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(static_cast<std::size_t>(w->want_cpu), &one);
    pthread_setaffinity_np(pthread_self(), sizeof one, &one);
  }
  w->cpu = w->want_cpu;
}

void* worker_main(void* arg) {
  auto* w = static_cast<Worker*>(arg);
  tl_worker = w;
  Pool& p = the_pool();
  for (;;) {
    w->wake.wait(0, 0);
    apply_affinity(w);
    w->job();
    w->job = nullptr;
    HostLock lk(p.mu);
    if (p.idle.size() >= kKeepIdle) {
      --p.total;
      break;
    }
    p.idle.push_back(w);
  }
  delete w;
  return nullptr;
}

}  // namespace

void submit(std::function<void()> job, int cpu) {
  Pool& p = the_pool();
  Worker* w = nullptr;
  {
    // The most recently idle worker already on `cpu`, else the most recently idle one: moving a
    // thread to another CPU is a system call and a migration, which parallel explorer jobs
    // (each on its own CPU) paid at nearly every run when they took each other's workers.
    HostLock lk(p.mu);
    if (!p.idle.empty()) {
      const auto last = p.idle.rbegin() + std::min<std::ptrdiff_t>(8, std::ssize(p.idle));
      auto it =
          std::find_if(p.idle.rbegin(), last, [cpu](const Worker* x) { return x->cpu == cpu; });
      if (it == last) it = p.idle.rbegin();
      w = *it;
      p.idle.erase(std::next(it).base());
    }
  }
  if (w == nullptr) {
    w = new Worker();
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, kStackSize);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t th;
    const int err = pthread_create(&th, &attr, worker_main, w);
    pthread_attr_destroy(&attr);
    if (err != 0) {
      delete w;
      throw std::runtime_error(std::string("cannot create a task thread: ") + std::strerror(err));
    }
    HostLock lk(p.mu);
    ++p.total;
  }
  w->job = std::move(job);
  w->want_cpu = cpu;
  w->wake.post();
}

void unpin_self() {
  Worker* w = tl_worker;
  if (w == nullptr || w->cpu < 0) return;
  w->want_cpu = -1;
  apply_affinity(w);
}

std::size_t threads() {
  Pool& p = the_pool();
  HostLock lk(p.mu);
  return p.total;
}

std::size_t idle_threads() {
  Pool& p = the_pool();
  HostLock lk(p.mu);
  return p.idle.size();
}

int cpu_count() {
  return the_pool().ncpu;
}

int pick_cpu() {
  return nth_cpu(the_pool().next_cpu.fetch_add(1, std::memory_order_relaxed));
}

int nth_cpu(unsigned k) {
  Pool& p = the_pool();
  k %= static_cast<unsigned>(p.ncpu);
  for (int c = 0; c < CPU_SETSIZE; ++c) {
    if (CPU_ISSET(static_cast<std::size_t>(c), &p.allowed) && k-- == 0) return c;
  }
  return 0;
}

void pin_caller(int cpu) {
  Pool& p = the_pool();
  if (cpu < 0) {
    pthread_setaffinity_np(pthread_self(), sizeof p.allowed, &p.allowed);
    return;
  }
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(static_cast<std::size_t>(cpu), &one);
  pthread_setaffinity_np(pthread_self(), sizeof one, &one);
}

}  // namespace pool
}  // namespace rdv::sim
