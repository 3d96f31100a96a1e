// sim/future.cpp — Promise/Future, all, all_settled.
//
// Own wait queues rather than a done channel per future: a future's waiter is then blocked with
// BlockReason::Future on the future itself (what the Sync panel shows), and all() needs no select
// machinery. The one multi-object wait — all() and all_settled() over many futures — is done as
// Go's select does it:
//   1. lock every distinct future, in a fixed order (address of its state), so two waits over
//      overlapping sets cannot deadlock;
//   2. decide from their states; if the wait is over, dequeue and return;
//   3. else enqueue one Waiter on every pending future and park (Runtime::park_queued), which
//      releases all the locks;
//   4. the first future to resolve wins the Waiter's `fired` flag (a CAS, like selectDone) and
//      readies the task; the others skip it. Woken, the task goes back to 1 and also dequeues
//      itself from the futures that did not resolve.
// A future resolving wakes every waiter queued on it, in arrival order.
//
// FutureState invariants (under mu): waiters is empty unless state == Pending; state changes at
// most once; resolved_seq is the seq of the FutureSet/FutureFail event (orders rejections for
// all()).
#include "sim/future.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <utility>

#include "sim/lock.h"

namespace rdv::sim {
namespace detail {

struct FutureWaiter {
  Task* task = nullptr;
  std::atomic<bool> fired{false};  // set by the first future to wake this waiter
};

struct FutureState {
  enum class State : std::uint8_t { Pending, Fulfilled, Rejected };

  FutureState(Runtime& r, ObjId i, std::string n) : rt(r), id(i), name(std::move(n)) {}

  Runtime& rt;
  const ObjId id;
  const std::string name;
  HostMutex mu;
  State state RDV_GUARDED_BY(mu) = State::Pending;
  Value value RDV_GUARDED_BY(mu);                // the value (Fulfilled) or the error (Rejected)
  Seq resolved_seq RDV_GUARDED_BY(mu) = kNoSeq;  // seq of the FutureSet / FutureFail event
  std::vector<FutureWaiter*> waiters RDV_GUARDED_BY(mu);  // tasks parked on it, arrival order
};

}  // namespace detail

namespace {

using detail::FutureState;
using detail::FutureWaiter;
using State = FutureState::State;

// The distinct states of `futures`, in lock order.
std::vector<FutureState*> lock_order(std::span<const std::shared_ptr<FutureState>> states) {
  std::vector<FutureState*> v;
  v.reserve(states.size());
  for (const auto& s : states) v.push_back(s.get());
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

// The locks of a set of futures, taken in lock order and released in reverse (released on
// destruction when held). The analysis cannot name a run-time set: it is not checked.
class FutureLocks {
 public:
  explicit FutureLocks(const std::vector<FutureState*>& order) : order_(order) {}
  ~FutureLocks() {
    if (held_) unlock();
  }
  FutureLocks(const FutureLocks&) = delete;
  FutureLocks& operator=(const FutureLocks&) = delete;
  void lock() RDV_NO_THREAD_SAFETY_ANALYSIS {
    for (FutureState* s : order_) s->mu.lock();
    held_ = true;
  }
  void unlock() RDV_NO_THREAD_SAFETY_ANALYSIS {
    for (auto it = order_.rbegin(); it != order_.rend(); ++it) (*it)->mu.unlock();
    held_ = false;
  }

 private:
  const std::vector<FutureState*>& order_;
  bool held_ = false;
};

// Waits until `done()` — evaluated with every future's lock held — is true. One sync point on
// entry; then steps 1–4 of the file comment. Not checked by the analysis (FutureLocks).
template <typename Done>
void wait_until(Runtime& rt, std::span<const std::shared_ptr<FutureState>> states,
                Done done) RDV_NO_THREAD_SAFETY_ANALYSIS {
  rt.sched_point();
  const std::vector<FutureState*> order = lock_order(states);
  FutureLocks locks(order);
  FutureWaiter w;
  w.task = Runtime::current_task();
  auto dequeue = [&]() RDV_NO_THREAD_SAFETY_ANALYSIS {  // with every lock held
    for (FutureState* s : order) std::erase(s->waiters, &w);
  };
  for (;;) {
    locks.lock();  // 1
    dequeue();
    if (done()) return;  // 2 (the locks are released on return)
    ObjId on = 0;        // 3: blocked "on" the first pending future of the input
    for (const auto& s : states) {
      if (s->state == State::Pending) {
        on = s->id;
        break;
      }
    }
    assert(on != 0 && "wait_until: not done but nothing pending");
    w.fired.store(false, std::memory_order_relaxed);
    for (FutureState* s : order) {
      if (s->state == State::Pending) s->waiters.push_back(&w);
    }
    rt.park_queued(locks, BlockReason::Future, on, dequeue);  // 4: woken, back to 1
  }
}

Settlement settlement_of(const FutureState& s) RDV_REQUIRES(s.mu) {
  Settlement r;
  r.ok = s.state == State::Fulfilled;
  (r.ok ? r.value : r.error) = s.value;
  return r;
}

std::shared_ptr<FutureState> make_state(Runtime& rt, std::string name) {
  const ObjId id = rt.new_object_id();
  auto s = std::make_shared<FutureState>(
      rt, id, name.empty() ? "future" + std::to_string(id) : std::move(name));
  rt.emit_make(EventKind::FutureMake, id, s->name);
  return s;
}

std::vector<std::shared_ptr<FutureState>> states_of(std::span<const Future> futures,
                                                    auto state_of) {
  std::vector<std::shared_ptr<FutureState>> v;
  v.reserve(futures.size());
  for (const Future& f : futures) {
    assert(f.valid() && "all/all_settled: invalid future");
    v.push_back(state_of(f));
  }
  return v;
}

}  // namespace

// ---- Future -----------------------------------------------------------------------------------

Settlement Future::get() {
  assert(valid() && "Future::get on an invalid future");
  Settlement r;
  const std::shared_ptr<FutureState> one[] = {state_};
  wait_until(state_->rt, one, [&]() RDV_REQUIRES(state_->mu) {
    if (state_->state == State::Pending) return false;
    r = settlement_of(*state_);
    return true;
  });
  return r;
}

bool Future::resolved() const {
  HostLock lk(state_->mu);
  return state_->state != State::Pending;
}

ObjId Future::id() const noexcept {
  return state_ ? state_->id : 0;
}

const std::string& Future::name() const noexcept {
  static const std::string none;
  return state_ ? state_->name : none;
}

// ---- Promise ----------------------------------------------------------------------------------

Promise::Promise(Runtime& rt, std::string name) : state_(make_state(rt, std::move(name))) {}

ObjId Promise::id() const noexcept {
  return state_->id;
}
const std::string& Promise::name() const noexcept {
  return state_->name;
}

void Promise::set(const Value& v, const Val& display) {
  resolve(true, v, display);
}
void Promise::fail(const Value& err, const Val& display) {
  resolve(false, err, display);
}

void Promise::resolve(bool ok, const Value& v, const Val& display) {
  FutureState& s = *state_;
  s.rt.sched_point();
  HostLock lk(s.mu);
  if (s.state != State::Pending) {
    lk.unlock();
    s.rt.raise_panic(ok ? "promise: set of resolved promise" : "promise: fail of resolved promise");
  }
  s.state = ok ? State::Fulfilled : State::Rejected;
  s.value = v;
  Event e;
  e.kind = ok ? EventKind::FutureSet : EventKind::FutureFail;
  e.obj = s.id;
  e.val = display;
  s.resolved_seq = s.rt.emit(e);
  std::vector<Task*> woken;
  for (FutureWaiter* w : s.waiters) {
    if (w->fired.exchange(true)) continue;  // woken by another future of its all()
    s.rt.mark_ready(w->task, s.id);
    woken.push_back(w->task);
  }
  s.waiters.clear();
  lk.unlock();
  for (Task* t : woken) s.rt.wake(t);
}

// ---- all, all_settled -------------------------------------------------------------------------

AllResult all(Runtime& rt, std::span<const Future> futures) {
  AllResult r;
  if (futures.empty()) {
    rt.sched_point();
    return r;
  }
  const auto states = states_of(futures, [](const Future& f) { return f.state_; });
  // With every future's lock held (wait_until): a run-time set, not checked.
  wait_until(rt, states, [&]() RDV_NO_THREAD_SAFETY_ANALYSIS {
    // The rejection that happened first wins, whatever its place in the list.
    std::size_t first = states.size();
    bool pending = false;
    for (std::size_t i = 0; i < states.size(); ++i) {
      const FutureState& s = *states[i];
      if (s.state == State::Pending) pending = true;
      if (s.state == State::Rejected &&
          (first == states.size() || s.resolved_seq < states[first]->resolved_seq))
        first = i;
    }
    if (first != states.size()) {
      r.ok = false;
      r.failed = first;
      r.error = states[first]->value;
      return true;
    }
    if (pending) return false;
    r.values.reserve(states.size());
    for (const auto& s : states) r.values.push_back(s->value);
    return true;
  });
  return r;
}

std::vector<Settlement> all_settled(Runtime& rt, std::span<const Future> futures) {
  std::vector<Settlement> r;
  if (futures.empty()) {
    rt.sched_point();
    return r;
  }
  const auto states = states_of(futures, [](const Future& f) { return f.state_; });
  // With every future's lock held (wait_until): a run-time set, not checked.
  wait_until(rt, states, [&]() RDV_NO_THREAD_SAFETY_ANALYSIS {
    for (const auto& s : states) {
      if (s->state == State::Pending) return false;
    }
    r.reserve(states.size());
    for (const auto& s : states) r.push_back(settlement_of(*s));
    return true;
  });
  return r;
}

}  // namespace rdv::sim
