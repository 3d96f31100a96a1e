// sim/mutex.cpp — sync.Mutex and sync.RWMutex.
//
// Mutex invariants (under mu_): waiters_ non-empty ⇒ locked_. unlock() with waiters keeps locked_
// and readies the first waiter, which returns from lock() owning the mutex: the hand-off happens
// under mu_, so no third task can slip in between (FIFO, deterministic in controlled mode).
//
// RWMutex follows Go's rwmutex.go with its atomics replaced by one mutex:
//  - Go's writer first takes the inner Mutex w (here: writer_slot_ and the writers_ queue), then
//    makes readerCount negative so new readers block (here: writer_slot_ itself), then waits for
//    the readers already inside (here: pending_writer_, readied by the last runlock()).
//  - Go's Unlock makes readerCount positive again, wakes every blocked reader, then unlocks w.
//    Here unlock() admits the blocked readers and passes the slot to the next writer in one step,
//    announcing it on that writer's behalf: it becomes pending behind the readers just admitted.
//    (In Go, readers arriving between w.Unlock and the next writer's announcement may also get
//    in; that window is a timing accident, not part of the contract.)
// Invariants: writer_ ⇒ writer_slot_ ∧ readers_ == 0; pending_writer_ ⇒ writer_slot_ ∧ !writer_
// ∧ readers_ > 0; !writer_slot_ ⇒ writers_ and readers_q_ are empty.
//
// A woken task emits its own MutexLock after it resumes (the stream requires a task's
// TaskUnblock before anything else it does); the readers count it reports is taken at hand-off.
#include "sim/mutex.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace rdv::sim {
// ---- Mutex ------------------------------------------------------------------------------------

Mutex::Mutex(Runtime& rt, std::string name) : NamedObject(rt, std::move(name), "mu") {
  rt_.emit_make(EventKind::MutexMake, id_, name_, 0);
}

bool Mutex::locked() const {
  HostLock lk(mu_);
  return locked_;
}

void Mutex::lock() {
  rt_.sched_point();
  HostLock lk(mu_);
  if (!locked_) {
    locked_ = true;
    rt_.emit_op(EventKind::MutexLock, id_);
    return;
  }
  Waiter w{Runtime::current_task()};
  waiters_.push_back(&w);
  rt_.park_queued(lk, BlockReason::Mutex, id_,
                  [&]() RDV_REQUIRES(mu_) { std::erase(waiters_, &w); });
  // unlock() handed the mutex over: locked_ is still true and it is ours.
  rt_.emit_op(EventKind::MutexLock, id_);
}

bool Mutex::try_lock() {
  rt_.sched_point();
  HostLock lk(mu_);
  if (locked_) return false;
  locked_ = true;
  rt_.emit_op(EventKind::MutexLock, id_);
  return true;
}

void Mutex::unlock() {
  rt_.sched_point();
  HostLock lk(mu_);
  if (!locked_) throw RunError("fatal error: sync: unlock of unlocked mutex");
  rt_.emit_op(EventKind::MutexUnlock, id_);
  if (waiters_.empty()) {
    locked_ = false;
    return;
  }
  Task* next = waiters_.front()->task;
  waiters_.pop_front();
  rt_.mark_ready(next, id_);
  lk.unlock();
  rt_.wake(next);
}

// ---- RWMutex ----------------------------------------------------------------------------------

RWMutex::RWMutex(Runtime& rt, std::string name) : NamedObject(rt, std::move(name), "rw") {
  rt_.emit_make(EventKind::MutexMake, id_, name_, 1);
}

std::int64_t RWMutex::readers() const {
  HostLock lk(mu_);
  return readers_;
}

void RWMutex::emit_lock(std::int64_t read, std::int64_t readers_after) {
  rt_.emit_op(EventKind::MutexLock, id_, read, readers_after);
}

void RWMutex::emit_unlock(std::int64_t read, std::int64_t readers_after) {
  rt_.emit_op(EventKind::MutexUnlock, id_, read, readers_after);
}

void RWMutex::park_on(HostLock& lk, std::deque<Waiter*>* queue, Waiter& w, BlockReason reason) {
  if (queue) {
    queue->push_back(&w);
  } else {
    pending_writer_ = &w;
  }
  rt_.park_queued(lk, reason, id_, [&]() RDV_REQUIRES(mu_) {
    if (queue) std::erase(*queue, &w);
    if (pending_writer_ == &w) pending_writer_ = nullptr;
  });
}

void RWMutex::lock() {
  rt_.sched_point();
  HostLock lk(mu_);
  Waiter w{Runtime::current_task()};
  if (writer_slot_) {
    // Behind another writer: unlock() passes us the slot, and the lock itself once the readers
    // it admitted have left (see unlock()).
    park_on(lk, &writers_, w, BlockReason::Mutex);
  } else {
    writer_slot_ = true;  // from here on new readers block
    if (readers_ == 0) {
      writer_ = true;
      emit_lock(0, 0);
      return;
    }
    park_on(lk, nullptr, w, BlockReason::Mutex);  // the last runlock() readies us
  }
  // Whoever readied us set writer_ for us.
  emit_lock(0, 0);
}

bool RWMutex::try_lock() {
  rt_.sched_point();
  HostLock lk(mu_);
  if (writer_slot_ || readers_ != 0) return false;
  writer_slot_ = true;
  writer_ = true;
  emit_lock(0, 0);
  return true;
}

void RWMutex::unlock() {
  rt_.sched_point();
  HostLock lk(mu_);
  if (!writer_) throw RunError("fatal error: sync: Unlock of unlocked RWMutex");
  writer_ = false;
  emit_unlock(0, 0);
  std::vector<Task*> woken;
  // 1. Admit every reader that queued behind this writer.
  readers_ += static_cast<std::int64_t>(readers_q_.size());
  for (Waiter* r : readers_q_) {
    r->readers_after = readers_;
    rt_.mark_ready(r->task, id_);
    woken.push_back(r->task);
  }
  readers_q_.clear();
  // 2. Pass the writer slot on, announcing the next writer now.
  if (writers_.empty()) {
    writer_slot_ = false;
  } else {
    Waiter* next = writers_.front();
    writers_.pop_front();
    if (readers_ == 0) {
      writer_ = true;
      rt_.mark_ready(next->task, id_);
      woken.push_back(next->task);
    } else {
      pending_writer_ = next;  // stays parked; the last of the readers just admitted readies it
    }
  }
  lk.unlock();
  for (Task* t : woken) rt_.wake(t);
}

void RWMutex::rlock() {
  rt_.sched_point();
  HostLock lk(mu_);
  if (!writer_slot_) {
    readers_ += 1;
    emit_lock(1, readers_);
    return;
  }
  Waiter w{Runtime::current_task()};
  park_on(lk, &readers_q_, w, BlockReason::RLock);
  emit_lock(1, w.readers_after);  // unlock() admitted us and counted us in readers_
}

bool RWMutex::try_rlock() {
  rt_.sched_point();
  HostLock lk(mu_);
  if (writer_slot_) return false;
  readers_ += 1;
  emit_lock(1, readers_);
  return true;
}

void RWMutex::runlock() {
  rt_.sched_point();
  HostLock lk(mu_);
  if (readers_ == 0) throw RunError("fatal error: sync: RUnlock of unlocked RWMutex");
  readers_ -= 1;
  emit_unlock(1, readers_);
  if (readers_ == 0 && pending_writer_) {
    Task* w = pending_writer_->task;
    pending_writer_ = nullptr;
    writer_ = true;
    rt_.mark_ready(w, id_);
    lk.unlock();
    rt_.wake(w);
  }
}

}  // namespace rdv::sim
