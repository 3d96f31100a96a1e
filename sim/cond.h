// sim/cond.h — Go's sync.Cond on the runtime's parking API.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "sim/lock.h"
#include "sim/mutex.h"
#include "sim/named_object.h"
#include "sim/runtime.h"

namespace rdv::sim {

// Go's c.L as a Cond sees it: what Wait unlocks before it sleeps and locks again after. Go's L
// is any sync.Locker; here one of a Mutex, an RWMutex's write side (its Lock/Unlock), its read
// side (Go's rw.RLocker(): RLock/RUnlock), a Locker of the program (lock/unlock functions the
// caller runs in the waiting task, see Cond::wait(unlock, lock)), or none (a sync.Cond value
// whose L was never set: Wait panics as Go's does on its nil L).
struct CondLocker {
  // The number is CondMake's arg (sim/event.h): 0 is what every Cond was before, a Mutex.
  enum class Kind : std::uint8_t { Lock = 0, RLock = 1, Program = 2, Nil = 3 };
  Kind kind = Kind::Nil;
  Mutex* mu = nullptr;    // Lock of a Mutex
  RWMutex* rw = nullptr;  // Lock (write side) or RLock of an RWMutex
  std::string label;      // Program: what the views call it (Go: the Locker's type)

  static CondLocker of(Mutex& m) { return {Kind::Lock, &m, nullptr, {}}; }
  static CondLocker of(RWMutex& r) { return {Kind::Lock, nullptr, &r, {}}; }
  static CondLocker reader(RWMutex& r) { return {Kind::RLock, nullptr, &r, {}}; }
  static CondLocker program(std::string label) {
    return {Kind::Program, nullptr, nullptr, std::move(label)};
  }
  static CondLocker nil() { return {}; }

  ObjId obj() const noexcept;  // the Mutex's or RWMutex's id; 0 for Program and Nil
  void lock() const;           // Lock and RLock only
  void unlock() const;
};

// Cond: Go's sync.Cond — a FIFO queue of tasks waiting for a condition guarded by its L (a
// CondLocker). As Go's notifyList, it hands out tickets: add() gives the calling task the next
// one and queues it; signal() notifies the oldest queued ticket, broadcast() every one; sleep(t)
// parks unless t was notified already. A waiter is Queued (between add and sleep: it is
// unlocking L), Parked (asleep, BlockReason::CondWait) or Notified (off the queue; it re-locks
// L before Wait returns).
//
//  - wait(): Go's Wait — add(), unlock L, sleep(), lock L again (parking on L as any lock()
//    does). A signal while the waiter unlocks L notifies its ticket, so it does not park: no
//    wake-up is lost whatever L's Unlock does (it may block or run code of the program). L must
//    be held (a Go mutex has no owner): unlocking an unlocked L is Go's fatal error "sync:
//    unlock of unlocked mutex" (RunError). A nil L panics (Go's nil pointer dereference) after
//    add(), as Go's Wait does: that ticket stays queued, and a later Signal spends itself on it.
//    As Go's, it reads L for the Unlock and again for the Lock: after a set_locker meanwhile it
//    locks the new L. A Program L: wait(unlock, lock) with its two functions; wait() throws
//    std::logic_error.
//  - signal(): notifies the oldest ticket and readies its task if parked; none: does nothing.
//  - broadcast(): notifies every ticket, readying the parked tasks FIFO.
//  - signal and broadcast need not hold L.
//  - set_locker(): Go's `c.L = l` after the Cond was made; no event (the views show the L the
//    Cond was made with).
//  - every operation is a sync point; events: CondMake (arg = L's kind, aux = L's lock, val =
//    a Program L's label), CondWait (at add(); aux = waiters queued after), CondSignal (peer =
//    the task notified, 0 none; aux = waiters left), CondBroadcast (arg = tickets notified).
//  - construct and use it from task threads of `rt`; L's lock must outlive it, and it must not
//    outlive `rt`.
//
// Example:
//   Mutex mu(rt, "queue");
//   Cond ready(rt, mu, "ready");
//   mu.lock(); while (items.empty()) ready.wait(); take(); mu.unlock();
//   mu.lock(); items.push_back(x); ready.signal(); mu.unlock();
class Cond : public NamedObject {
 public:
  using Ticket = std::uint64_t;

  Cond(Runtime& rt, Mutex& l, std::string name = {});  // emits CondMake; "cond<id>"
  Cond(Runtime& rt, CondLocker l, std::string name = {});

  void wait();
  // Wait with L's Unlock and Lock given as functions (a Program L's): add(), unlock(),
  // sleep(), lock().
  void wait(const std::function<void()>& unlock, const std::function<void()>& lock);
  void signal();
  void broadcast();

  Ticket add();          // Go's notifyListAdd: queues the calling task (CondWait)
  void sleep(Ticket t);  // Go's notifyListWait: parks until t is notified (at once if it was)

  CondLocker locker() const;      // Go's c.L (a snapshot)
  void set_locker(CondLocker l);  // Go's `c.L = l`
  std::size_t waiters() const;    // a snapshot: tickets queued

 private:
  struct Queued {
    Ticket ticket;
    TaskId task;  // the task that took it (CondSignal's peer; it may have ended since)
  };
  struct Sleeper {
    Ticket ticket;
    Task* task;
  };

  // Locks l after the sleep: Go's c.L.Lock() (a nil L panics).
  static void relock(const CondLocker& l);
  // Notifies the oldest queued ticket; returns the task to wake() after unlocking, or null.
  Task* notify_front() RDV_REQUIRES(mu_);

  mutable HostMutex mu_;                   // protects l_ and the queue
  CondLocker l_ RDV_GUARDED_BY(mu_);       // Go's L: unlocked by wait() while parked, then relocked
  Ticket next_ RDV_GUARDED_BY(mu_) = 0;    // the ticket add() hands out next
  Ticket notify_ RDV_GUARDED_BY(mu_) = 0;  // every ticket below it is notified
  std::deque<Queued> queued_ RDV_GUARDED_BY(mu_);       // tickets in [notify_, next_), FIFO
  std::vector<Sleeper*> sleepers_ RDV_GUARDED_BY(mu_);  // parked in sleep(), not yet readied
};

}  // namespace rdv::sim
