// sim/cond.cpp — sync.Cond.
//
// Go's Cond is a notifyList: Wait takes a ticket (notifyListAdd), unlocks L, then sleeps unless
// its ticket was notified meanwhile (notifyListWait); Signal/Broadcast notify the oldest ticket
// / every ticket. Here the ticket is the Waiter on the waiting task's stack, queued in waiters_.
//
// Invariants (under mu_):
//  - a Waiter is in waiters_ exactly while it is neither notified nor torn down;
//  - a notified Waiter that was parked has been readied (mark_ready under mu_, so its
//    TaskUnblock follows the CondSignal / CondBroadcast that notified it); one that was not
//    parked yet sees `notified` when it takes mu_ to park, and does not park. So no wake-up is
//    lost in the window between L.Unlock and parking — which is a scheduling point, since
//    Mutex::unlock is one.
#include "sim/cond.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "sim/task.h"

namespace rdv::sim {

Cond::Cond(Runtime& rt, Mutex& l, std::string name)
    : NamedObject(rt, std::move(name), "cond"), l_(l) {
  rt_.emit_make(EventKind::CondMake, id_, name_, 0, l.id());
}

std::size_t Cond::waiters() const {
  HostLock lk(mu_);
  return waiters_.size();
}

Task* Cond::notify(Waiter* w) {
  w->notified = true;
  std::erase(waiters_, w);
  if (!w->parked) return nullptr;  // still unlocking L: it will see `notified` and not park
  rt_.mark_ready(w->task, id_);
  return w->task;
}

void Cond::wait() {
  rt_.sched_point();
  Waiter w{Runtime::current_task()};
  {
    HostLock lk(mu_);
    waiters_.push_back(&w);
    rt_.emit_op(EventKind::CondWait, id_, 0, static_cast<std::int64_t>(waiters_.size()));
  }
  // 1. Unlock L (Go: c.L.Unlock()). Throws on an unlocked L (fatal) or on teardown; w lives on
  //    this stack, so it must not stay queued.
  try {
    l_.unlock();
  } catch (...) {
    HostLock lk(mu_);
    std::erase(waiters_, &w);
    throw;
  }
  // 2. Sleep unless notified meanwhile (Go: runtime_notifyListWait).
  HostLock lk(mu_);
  if (w.notified) {
    lk.unlock();
  } else {
    w.parked = true;
    rt_.park_queued(lk, BlockReason::CondWait, id_,
                    [&]() RDV_REQUIRES(mu_) { std::erase(waiters_, &w); });
  }
  // 3. Lock L again (Go: c.L.Lock()): parks on L like any Lock when it is held.
  l_.lock();
}

void Cond::signal() {
  rt_.sched_point();
  HostLock lk(mu_);
  Waiter* w = waiters_.empty() ? nullptr : waiters_.front();
  Event e = Runtime::object_event(EventKind::CondSignal, id_, 0,
                                  static_cast<std::int64_t>(waiters_.size()) - (w ? 1 : 0));
  e.peer = w ? w->task->id() : 0;
  rt_.emit(e);
  Task* woken = w ? notify(w) : nullptr;
  lk.unlock();
  if (woken) rt_.wake(woken);
}

void Cond::broadcast() {
  rt_.sched_point();
  HostLock lk(mu_);
  rt_.emit_op(EventKind::CondBroadcast, id_, static_cast<std::int64_t>(waiters_.size()), 0);
  std::vector<Task*> woken;
  while (!waiters_.empty()) {
    if (Task* t = notify(waiters_.front())) woken.push_back(t);
  }
  lk.unlock();
  for (Task* t : woken) rt_.wake(t);
}

}  // namespace rdv::sim
