// sim/mutex.h — Go's sync.Mutex and sync.RWMutex on the runtime's parking API.
#pragma once

#include <cstdint>
#include <deque>
#include <string>

#include "sim/lock.h"
#include "sim/named_object.h"
#include "sim/runtime.h"

namespace rdv::sim {

// Mutex: Go's sync.Mutex. States: Unlocked, Locked (waiters may be queued, FIFO).
//
//  - lock(): takes it when Unlocked, else parks (BlockReason::Mutex) until handed the lock.
//  - unlock(): with waiters, hands the lock directly to the first one (it stays Locked: no
//    barging, Go's "starvation mode" behaviour made the rule so runs are easy to read); without,
//    Unlocked. Unlocking an Unlocked mutex is fatal in Go: throws RunError("fatal error: sync:
//    unlock of unlocked mutex"), which the script layer must not let pcall recover.
//  - try_lock(): takes it if Unlocked; never parks; emits MutexLock only on success.
//  - as in Go a mutex has no owner: any task may unlock it.
//  - every operation is a sync point and emits MutexLock / MutexUnlock (arg 0).
//
// Example:
//   Mutex mu(rt, "balance");
//   mu.lock(); balance += 1; mu.unlock();
class Mutex : public NamedObject {
 public:
  explicit Mutex(Runtime& rt, std::string name = {});  // emits MutexMake (arg 0); "mu<id>"

  void lock();
  void unlock();
  bool try_lock();

  bool locked() const;  // a snapshot

 private:
  struct Waiter {
    Task* task;
  };

  mutable HostMutex mu_;
  bool locked_ RDV_GUARDED_BY(mu_) = false;  // held by some task (or being handed to a waiter)
  std::deque<Waiter*> waiters_ RDV_GUARDED_BY(mu_);  // parked in lock(), FIFO; only if locked_
};

// RWMutex: Go's sync.RWMutex — many readers or one writer, with writer preference: once a writer
// has called lock(), new readers block until that writer has unlocked.
//
// States: Free; Read (readers > 0); WriterPending (a writer waits for the readers present when it
// arrived to leave; new readers queue); Written (a writer holds it). Writers queue FIFO among
// themselves; blocked readers queue FIFO.
//
//  - rlock(): parks (BlockReason::RLock) while a writer holds or waits; else readers += 1.
//  - runlock(): readers -= 1; the last reader leaving hands the lock to a pending writer.
//    With no reader: throws RunError("fatal error: sync: RUnlock of unlocked RWMutex").
//  - lock(): parks (BlockReason::Mutex) behind earlier writers, then until current readers
//    leave.
//  - unlock(): first admits every blocked reader, then passes the writer slot to the next
//    writer (which now waits for those readers), as Go does. Without a writer holding it:
//    throws RunError("fatal error: sync: Unlock of unlocked RWMutex").
//  - try_lock() / try_rlock(): Go's TryLock / TryRLock; never park.
//  - events: MutexMake (arg 1), MutexLock / MutexUnlock with arg 0 write, 1 read and
//    aux = readers after.
//
// Example:
//   RWMutex rw(rt, "results");
//   rw.rlock(); read(); rw.runlock();
//   rw.lock(); write(); rw.unlock();
class RWMutex : public NamedObject {
 public:
  explicit RWMutex(Runtime& rt, std::string name = {});  // emits MutexMake (arg 1); "rw<id>"

  void lock();
  void unlock();
  void rlock();
  void runlock();
  bool try_lock();
  bool try_rlock();

  std::int64_t readers() const;  // a snapshot: readers holding it

 private:
  struct Waiter {
    Task* task;
    std::int64_t readers_after = 0;  // readers holding it when this waiter was admitted
  };

  void emit_lock(std::int64_t read, std::int64_t readers_after);
  void emit_unlock(std::int64_t read, std::int64_t readers_after);
  // Parks the current task queued on `queue` (or as pending_writer_ when queue is null);
  // on teardown removes it again. Returns with lk released.
  void park_on(HostLock& lk, std::deque<Waiter*>* queue, Waiter& w, BlockReason reason)
      RDV_REQUIRES(mu_) RDV_RELEASE(lk);

  mutable HostMutex mu_;
  std::int64_t readers_ RDV_GUARDED_BY(mu_) = 0;  // readers holding the lock
  bool writer_slot_ RDV_GUARDED_BY(mu_) = false;  // a writer has announced itself (or holds it)
  bool writer_ RDV_GUARDED_BY(mu_) = false;       // a writer holds the lock (implies writer_slot_)
  Waiter* pending_writer_ RDV_GUARDED_BY(mu_) = nullptr;  // announced; waits for readers_ == 0
  std::deque<Waiter*> writers_ RDV_GUARDED_BY(mu_);       // writers waiting for the slot, FIFO
  std::deque<Waiter*> readers_q_ RDV_GUARDED_BY(mu_);     // readers blocked by a writer, FIFO
};

}  // namespace rdv::sim
