// sim/wait_group.h — Go's sync.WaitGroup on the runtime's parking API.
#pragma once

#include <cstdint>
#include <deque>
#include <string>

#include "sim/lock.h"
#include "sim/named_object.h"
#include "sim/runtime.h"

namespace rdv::sim {

// WaitGroup: a counter of outstanding work and a FIFO queue of tasks waiting for it to be zero.
//
// States: Idle (counter 0, nobody waits), Busy (counter > 0, waiters may be queued). When the
// counter returns to zero every queued waiter is released at once (they all leave together).
//
//  - add(n): counter += n; below zero raises the panic "sync: negative WaitGroup counter"
//    (Runtime::raise_panic: a Panic event, then a Panic exception) and leaves the counter as it
//    was. Reaching zero readies every waiter (FIFO order).
//  - done(): add(-1).
//  - wait(): returns at once when the counter is zero, else parks (BlockReason::WaitGroup).
//    A released waiter that finds the group busy again when it resumes (add() called before its
//    wait() returned) raises the panic "sync: WaitGroup is reused before previous Wait has
//    returned", as Go does.
//  - every operation is a sync point (Runtime::sched_point) and emits WgAdd / WgWait.
//  - construct and use it from task threads of `rt`; it must not outlive `rt`.
//
// Example:
//   WaitGroup wg(rt);  // "wg<id>"
//   wg.add(2);
//   rt.go("a", [&] { work(); wg.done(); });
//   rt.go("b", [&] { work(); wg.done(); });
//   wg.wait();
class WaitGroup : public NamedObject {
 public:
  // Emits WgMake. An empty name becomes "wg<id>".
  explicit WaitGroup(Runtime& rt, std::string name = {});

  void add(std::int64_t delta);
  void done() { add(-1); }
  void wait();

  std::int64_t counter() const;  // a snapshot (for tests and the debugger)

 private:
  struct Waiter {
    Task* task;
  };

  mutable HostMutex mu_;  // needed in live mode; uncontended in controlled mode
  std::int64_t counter_ RDV_GUARDED_BY(mu_) = 0;     // outstanding work, >= 0
  std::deque<Waiter*> waiters_ RDV_GUARDED_BY(mu_);  // parked in wait(), FIFO; only if counter_
};

}  // namespace rdv::sim
