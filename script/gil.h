// script/gil.h — the global interpreter lock of a run's Lua universe.
//
// One lua_State serves every task of a run; each task drives its own Lua thread from its own OS
// thread. Lua is not thread-safe, so exactly one task executes Lua at a time: the one holding the
// Gil. A task releases it whenever it parks in the runtime (TaskHooks) and, in live mode, every
// so often while it runs Lua (the count hook), so a task looping in Lua cannot starve the others.
//
// Fairness: waiters queue FIFO and unlock() hands the lock directly to the first waiter (it never
// becomes free in between), so a task that releases and immediately re-locks goes to the back of
// the queue. In controlled mode only one task runs at a time, so the Gil is never contended.
//
// Wake on release (live mode): a task that readies another while it runs (a send to a waiting
// receiver) does not post it at once; the woken task could only wait here for the Gil the
// waker holds, and be woken a second time when it is released. The universe keeps such wake-ups
// (TaskHooks::defer_wake) and posts them right after the waker releases the Gil, so each message
// costs one wake-up, to a free lock (universe.cpp, release_gil).
//
// Example:
//   Gil gil;
//   gil.lock();   ... run Lua ...   gil.unlock();
#pragma once

#include <atomic>
#include <cstddef>
#include <deque>
#include <mutex>
#include <semaphore>

namespace rdv::script {

class Gil {
 public:
  Gil() = default;
  Gil(const Gil&) = delete;
  Gil& operator=(const Gil&) = delete;

  // - Blocks until the calling thread holds the lock (FIFO behind earlier waiters).
  void lock() {
    std::unique_lock lk(mu_);
    if (!held_) {
      held_ = true;
      return;
    }
    Waiter w;
    queue_.push_back(&w);
    waiting_.fetch_add(1, std::memory_order_relaxed);
    lk.unlock();
    w.sem.acquire();  // unlock() handed the lock over: held_ stayed true
  }

  // - Releases the lock, handing it to the longest waiter if there is one.
  void unlock() {
    std::unique_lock lk(mu_);
    if (queue_.empty()) {
      held_ = false;
      return;
    }
    Waiter* w = queue_.front();
    queue_.pop_front();
    waiting_.fetch_sub(1, std::memory_order_relaxed);
    lk.unlock();
    w->sem.release();
  }

  // - True when some thread waits for the lock (a hint: read without the mutex).
  bool contended() const noexcept { return waiting_.load(std::memory_order_relaxed) > 0; }

 private:
  struct Waiter {
    std::binary_semaphore sem{0};
  };

  std::mutex mu_;                        // protects held_ and queue_
  bool held_ = false;                    // some thread holds the lock (or is being handed it)
  std::deque<Waiter*> queue_;            // threads blocked in lock(), FIFO
  std::atomic<std::size_t> waiting_{0};  // queue_.size(), readable without mu_
};

}  // namespace rdv::script
