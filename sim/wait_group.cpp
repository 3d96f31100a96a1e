// sim/wait_group.cpp — sync.WaitGroup.
//
// Invariants (under mu_):
//  - counter_ >= 0;
//  - waiters_ is empty whenever counter_ == 0: the add() that brings the counter to zero
//    dequeues and readies every waiter before it releases mu_.
//
// Go keeps counter and waiter count in one atomic word and checks, in a released waiter, that
// the word is still zero ("reused before previous Wait has returned"). Here the same check runs
// under mu_ when the waiter resumes: counter_ != 0 or a new waiter queued means somebody reused
// the group before this wait() returned.
#include "sim/wait_group.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace rdv::sim {

WaitGroup::WaitGroup(Runtime& rt, std::string name) : NamedObject(rt, std::move(name), "wg") {
  rt_.emit_make(EventKind::WgMake, id_, name_);
}

std::int64_t WaitGroup::counter() const {
  HostLock lk(mu_);
  return counter_;
}

void WaitGroup::add(std::int64_t delta) {
  rt_.sched_point();
  HostLock lk(mu_);
  std::int64_t after = 0;
  if (__builtin_add_overflow(counter_, delta, &after)) {
    // Signed overflow is undefined in C++; Go's 32-bit counter would wrap and panic.
    lk.unlock();
    rt_.raise_panic("sync: WaitGroup counter overflow");
  }
  if (after < 0) {
    lk.unlock();
    rt_.raise_panic("sync: negative WaitGroup counter");
  }
  counter_ = after;
  rt_.emit_op(EventKind::WgAdd, id_, delta, after);
  if (after != 0 || waiters_.empty()) return;
  // Zero: release everybody, first come first readied. mark_ready under mu_ so the TaskUnblock
  // events follow this WgAdd; the posts after unlocking, so the woken do not contend for mu_.
  std::vector<Task*> woken;
  woken.reserve(waiters_.size());
  for (Waiter* w : waiters_) {
    rt_.mark_ready(w->task, id_);
    woken.push_back(w->task);
  }
  waiters_.clear();
  lk.unlock();
  for (Task* t : woken) rt_.wake(t);
}

void WaitGroup::wait() {
  rt_.sched_point();
  HostLock lk(mu_);
  rt_.emit_op(EventKind::WgWait, id_, 0, counter_);
  if (counter_ == 0) return;

  Waiter w{Runtime::current_task()};
  waiters_.push_back(&w);
  // On teardown nobody readied us (or the waiter would not be queued any more): unqueue it.
  rt_.park_queued(lk, BlockReason::WaitGroup, id_,
                  [&]() RDV_REQUIRES(mu_) { std::erase(waiters_, &w); });
  lk.lock();
  if (counter_ != 0 || !waiters_.empty()) {
    lk.unlock();
    rt_.raise_panic("sync: WaitGroup is reused before previous Wait has returned");
  }
}

}  // namespace rdv::sim
