// sim/cond.h — Go's sync.Cond on the runtime's parking API.
#pragma once

#include <cstdint>
#include <deque>
#include <string>

#include "sim/lock.h"
#include "sim/mutex.h"
#include "sim/named_object.h"
#include "sim/runtime.h"

namespace rdv::sim {

// Cond: Go's sync.Cond — a FIFO queue of tasks waiting for a condition guarded by a Mutex (its
// L). A waiter is in one of 3 states: Queued (in wait(), not parked yet: it is unlocking L),
// Parked (asleep on the queue, BlockReason::CondWait), Notified (taken off the queue by
// signal()/broadcast(); it re-locks L before wait() returns).
//
//  - wait(): queues the task, unlocks L, parks until notified, then locks L again (parking on
//    L as any lock() does) — Go's notifyListAdd, L.Unlock, notifyListWait, L.Lock. A waiter
//    notified between queueing and parking does not park (Go's ticket check). L must be held
//    (by anyone: a Go mutex has no owner); unlocking an unlocked L is Go's fatal error "sync:
//    unlock of unlocked mutex" (RunError), as in Go.
//  - signal(): takes the longest waiter off the queue and readies it; none: does nothing.
//  - broadcast(): takes every waiter off the queue and readies them, FIFO.
//  - signal and broadcast need not hold L.
//  - every operation is a sync point; events: CondMake (aux = L), CondWait (aux = waiters
//    queued after), CondSignal (peer = the task notified, 0 none; aux = waiters left),
//    CondBroadcast (arg = tasks notified).
//  - construct and use it from task threads of `rt`; L must outlive it, and it must not
//    outlive `rt`.
//
// Example:
//   Mutex mu(rt, "queue");
//   Cond ready(rt, mu, "ready");
//   mu.lock(); while (items.empty()) ready.wait(); take(); mu.unlock();
//   mu.lock(); items.push_back(x); ready.signal(); mu.unlock();
class Cond : public NamedObject {
 public:
  Cond(Runtime& rt, Mutex& l, std::string name = {});  // emits CondMake; "cond<id>"

  void wait();
  void signal();
  void broadcast();

  Mutex& locker() const noexcept { return l_; }  // Go's c.L
  std::size_t waiters() const;                   // a snapshot: tasks queued in wait()

 private:
  struct Waiter {
    Task* task;
    bool parked = false;    // asleep in park_queued: a notifier must ready it
    bool notified = false;  // taken off waiters_ by signal()/broadcast()
  };

  // Takes w off the queue (it is its front, or any one for broadcast) and readies it if it is
  // parked; returns the task to wake() after unlocking, or null.
  Task* notify(Waiter* w) RDV_REQUIRES(mu_);

  Mutex& l_;              // Go's L: unlocked by wait() while parked, relocked before it returns
  mutable HostMutex mu_;  // protects waiters_ and the Waiters in it
  std::deque<Waiter*> waiters_ RDV_GUARDED_BY(mu_);  // queued in wait(), not yet notified, FIFO
};

}  // namespace rdv::sim
