// sim/cond.cpp — sync.Cond.
//
// Go's Cond is a notifyList: Wait takes a ticket (notifyListAdd), unlocks L, then sleeps unless
// its ticket was notified meanwhile (notifyListWait); Signal/Broadcast notify the oldest ticket
// / every ticket. Here too: tickets are numbers, handed out in order by add(); notify_ is the
// first ticket not notified yet, so a ticket t is notified iff t < notify_.
//
// Invariants (under mu_):
//  - queued_ holds the tickets in [notify_, next_) in order, each with the task that took it
//    (a torn-down sleeper removes its own);
//  - sleepers_ holds the tasks parked in sleep() on a ticket >= notify_; notifying a ticket
//    readies its sleeper (mark_ready under mu_, so its TaskUnblock follows the CondSignal /
//    CondBroadcast that notified it) and takes it off sleepers_. A waiter that has not parked
//    yet sees t < notify_ when it takes mu_ in sleep(), and does not park. So no wake-up is lost
//    in the window between add() and sleep(), whatever runs there (L's Unlock is a scheduling
//    point; a Program L's Unlock runs the program's code).
#include "sim/cond.h"

#include <algorithm>
#include <stdexcept>
#include <utility>
#include <vector>

#include "sim/task.h"

namespace rdv::sim {

ObjId CondLocker::obj() const noexcept {
  if (mu) return mu->id();
  if (rw) return rw->id();
  return 0;
}

void CondLocker::lock() const {
  if (kind == Kind::RLock) {
    rw->rlock();
  } else if (mu) {
    mu->lock();
  } else {
    rw->lock();
  }
}

void CondLocker::unlock() const {
  if (kind == Kind::RLock) {
    rw->runlock();
  } else if (mu) {
    mu->unlock();
  } else {
    rw->unlock();
  }
}

Cond::Cond(Runtime& rt, Mutex& l, std::string name)
    : Cond(rt, CondLocker::of(l), std::move(name)) {}

Cond::Cond(Runtime& rt, CondLocker l, std::string name) : NamedObject(rt, std::move(name), "cond") {
  Event e =
      Runtime::object_event(EventKind::CondMake, id_, static_cast<std::int64_t>(l.kind), l.obj());
  e.text = rt_.intern(name_);
  if (l.kind == CondLocker::Kind::Program) e.val = Val(l.label);
  HostLock lk(mu_);
  l_ = std::move(l);
  rt_.emit(e);
}

CondLocker Cond::locker() const {
  HostLock lk(mu_);
  return l_;
}

void Cond::set_locker(CondLocker l) {
  HostLock lk(mu_);
  l_ = std::move(l);
}

std::size_t Cond::waiters() const {
  HostLock lk(mu_);
  return queued_.size();
}

Cond::Ticket Cond::add() {
  rt_.sched_point();
  HostLock lk(mu_);
  const Ticket t = next_++;
  queued_.push_back({t, Runtime::current_task()->id()});
  rt_.emit_op(EventKind::CondWait, id_, 0, static_cast<std::int64_t>(queued_.size()));
  return t;
}

void Cond::sleep(Ticket t) {
  HostLock lk(mu_);
  if (t < notify_) return;  // notified while it unlocked L
  Sleeper s{t, Runtime::current_task()};
  sleepers_.push_back(&s);
  rt_.park_queued(lk, BlockReason::CondWait, id_, [&]() RDV_REQUIRES(mu_) {
    // Torn down: neither parked nor queued any more.
    std::erase(sleepers_, &s);
    std::erase_if(queued_, [&](const Queued& q) { return q.ticket == t; });
  });
}

void Cond::wait() {
  const CondLocker l = locker();
  if (l.kind == CondLocker::Kind::Program)
    throw std::logic_error("Cond::wait(): a Locker of the program needs wait(unlock, lock)");
  if (l.kind == CondLocker::Kind::Nil) {
    add();  // Go's Wait takes its ticket, then c.L.Unlock() dereferences the nil L
    throw Panic("runtime error: invalid memory address or nil pointer dereference");
  }
  // Go reads c.L for Unlock and again for Lock: a `c.L = l` meanwhile (set_locker) is the L
  // that is locked again.
  wait([&] { l.unlock(); }, [&] { relock(locker()); });
}

void Cond::relock(const CondLocker& l) {
  if (l.kind == CondLocker::Kind::Program)
    throw std::logic_error("Cond::wait(): a Locker of the program needs wait(unlock, lock)");
  if (l.kind == CondLocker::Kind::Nil)
    throw Panic("runtime error: invalid memory address or nil pointer dereference");
  l.lock();
}

void Cond::wait(const std::function<void()>& unlock, const std::function<void()>& lock) {
  const Ticket t = add();
  // Go: c.L.Unlock(). Throws on an unlocked L (fatal) or on teardown; the ticket stays queued
  // then, as in Go.
  unlock();
  sleep(t);  // Go: runtime_notifyListWait
  lock();    // Go: c.L.Lock(): parks on L like any Lock when it is held
}

Task* Cond::notify_front() {
  const Queued q = queued_.front();
  queued_.pop_front();
  notify_ = q.ticket + 1;
  const auto it = std::find_if(sleepers_.begin(), sleepers_.end(),
                               [&](const Sleeper* s) { return s->ticket == q.ticket; });
  if (it == sleepers_.end()) return nullptr;  // still unlocking L: it will not park
  Task* t = (*it)->task;
  sleepers_.erase(it);
  rt_.mark_ready(t, id_);
  return t;
}

void Cond::signal() {
  rt_.sched_point();
  HostLock lk(mu_);
  const bool any = !queued_.empty();
  Event e = Runtime::object_event(EventKind::CondSignal, id_, 0,
                                  static_cast<std::int64_t>(queued_.size()) - (any ? 1 : 0));
  e.peer = any ? queued_.front().task : 0;
  rt_.emit(e);
  Task* woken = any ? notify_front() : nullptr;
  lk.unlock();
  if (woken) rt_.wake(woken);
}

void Cond::broadcast() {
  rt_.sched_point();
  HostLock lk(mu_);
  rt_.emit_op(EventKind::CondBroadcast, id_, static_cast<std::int64_t>(queued_.size()), 0);
  std::vector<Task*> woken;
  while (!queued_.empty()) {
    if (Task* t = notify_front()) woken.push_back(t);
  }
  notify_ = next_;
  lk.unlock();
  for (Task* t : woken) rt_.wake(t);
}

}  // namespace rdv::sim
