#include "sim/select.h"

#include <algorithm>
#include <cassert>
#include <vector>

#include "sim/task.h"

namespace rdv::sim {

// Channel's private steps, driven across several channels at once. Each needs its channel's
// lock; select() holds them all (a set known only at run time, which the analysis cannot name).
struct SelectOps {
  using Op = Channel::Op;
  static HostMutex& mu(Channel* c) { return c->mu_; }
  static bool ready(const SelectCase& k) RDV_REQUIRES(k.ch->mu_) {
    return k.dir == SelectCase::Dir::Send ? k.ch->send_ready_locked() : k.ch->recv_ready_locked();
  }
  static Op send(Channel* c, Value v, const Val& d, Task** wake) RDV_REQUIRES(c->mu_) {
    return c->send_locked(v, d, wake);
  }
  static Op recv(Channel* c, Received* out, Task** wake) RDV_REQUIRES(c->mu_) {
    return c->recv_locked(out, wake);
  }
  static WaitQueue& queue(const SelectCase& k) RDV_REQUIRES(k.ch->mu_) {
    return k.dir == SelectCase::Dir::Send ? k.ch->sendq_ : k.ch->recvq_;
  }
};

namespace {

// The distinct channels of the cases, in the global lock order.
class LockSet {
 public:
  explicit LockSet(std::span<const SelectCase> cases) {
    for (const auto& k : cases) {
      if (k.ch != nullptr) chans_.push_back(k.ch);
    }
    std::sort(chans_.begin(), chans_.end(),
              [](Channel* a, Channel* b) { return a->id() < b->id(); });
    chans_.erase(std::unique(chans_.begin(), chans_.end()), chans_.end());
  }
  void lock() RDV_NO_THREAD_SAFETY_ANALYSIS {
    for (Channel* c : chans_) SelectOps::mu(c).lock();
  }
  void unlock() RDV_NO_THREAD_SAFETY_ANALYSIS {
    for (auto it = chans_.rbegin(); it != chans_.rend(); ++it) SelectOps::mu(*it).unlock();
  }

 private:
  std::vector<Channel*> chans_;
};

void emit_choose(Runtime& rt, int index, const SelectCase* k) {
  Event e;
  e.kind = EventKind::SelectChoose;
  e.arg = index;
  e.obj = k != nullptr && k->ch != nullptr ? k->ch->id() : 0;
  rt.emit(e);
}

}  // namespace

// The steps are numbered as in select.h. Not checked by the analysis: it holds the LockSet.
SelectResult select(Runtime& rt, std::span<const SelectCase> cases,
                    bool has_default) RDV_NO_THREAD_SAFETY_ANALYSIS {
  rt.sched_point();
  // 1. Lock every channel, in the global order.
  LockSet locks(cases);
  locks.lock();

  // 2. Poll. Collect the ready cases and take one at random; in live mode a case may stop
  // being ready between the check and the operation (its waiter's select was won elsewhere),
  // then it is dropped and another is drawn.
  std::vector<std::uint32_t> ready;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (cases[i].ch != nullptr && SelectOps::ready(cases[i])) {
      ready.push_back(static_cast<std::uint32_t>(i));
    }
  }
  while (!ready.empty()) {
    const std::uint32_t i = rt.choose_case(ready);
    const SelectCase& k = cases[i];
    Task* wake = nullptr;
    SelectResult res;
    res.index = static_cast<int>(i);
    SelectOps::Op op;
    if (k.dir == SelectCase::Dir::Send) {
      op = SelectOps::send(k.ch, k.value, k.display, &wake);
      if (op == SelectOps::Op::Closed) {
        locks.unlock();
        rt.raise_panic("send on closed channel");
      }
    } else {
      Received got;
      op = SelectOps::recv(k.ch, &got, &wake);
      res.value = got.value;
      res.display = got.display;
      res.ok = got.ok;
    }
    if (op == SelectOps::Op::Done) {
      emit_choose(rt, res.index, &k);
      locks.unlock();
      if (wake != nullptr) rt.wake(wake);
      return res;
    }
    ready.erase(std::find(ready.begin(), ready.end(), i));
  }

  // 3. Default.
  if (has_default) {
    locks.unlock();
    emit_choose(rt, -1, nullptr);
    return {};
  }

  // 4. Enqueue a waiter on every channel and park; the first waker claims the whole select.
  if (cases.empty()) {
    locks.unlock();
    rt.park(BlockReason::SelectNoCases, 0, [] {});
    assert(false && "an empty select was readied");
    throw Aborted{};
  }
  SelectState st;
  std::vector<Waiter> waiters(cases.size());
  Task* self = Runtime::current_task();
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const SelectCase& k = cases[i];
    Event e;
    e.kind = EventKind::SelectCase;
    e.obj = k.ch != nullptr ? k.ch->id() : 0;
    e.reason = k.dir == SelectCase::Dir::Send ? BlockReason::ChanSend : BlockReason::ChanRecv;
    e.arg = static_cast<std::int64_t>(i);
    if (k.dir == SelectCase::Dir::Send) e.val = k.display;
    rt.emit(e);
    if (k.ch == nullptr) continue;
    Waiter& w = waiters[i];
    w.task = self;
    w.sel = &st;
    w.case_index = static_cast<std::int32_t>(i);
    if (k.dir == SelectCase::Dir::Send) {
      w.value = k.value;
      w.display = k.display;
    }
    SelectOps::queue(k).push_back(&w);
  }
  const auto dequeue_all = [&]() RDV_NO_THREAD_SAFETY_ANALYSIS {  // with the locks held
    for (std::size_t i = 0; i < cases.size(); ++i) {
      if (cases[i].ch != nullptr) SelectOps::queue(cases[i]).remove(&waiters[i]);
    }
  };
  rt.park_queued(locks, BlockReason::Select, 0, dequeue_all);
  // 5. Woken: lock all again and dequeue the losers (the winner was dequeued by its waker).
  locks.lock();
  dequeue_all();
  locks.unlock();
  assert(st.winner >= 0 && "a select woke without a winner");
  const auto i = static_cast<std::size_t>(st.winner);
  const Waiter& w = waiters[i];
  if (cases[i].dir == SelectCase::Dir::Send && w.closed) rt.raise_panic("send on closed channel");
  SelectResult res;
  res.index = st.winner;
  if (cases[i].dir == SelectCase::Dir::Recv) {
    res.value = w.value;
    res.display = w.display;
    res.ok = w.ok;
  }
  emit_choose(rt, res.index, &cases[i]);
  return res;
}

}  // namespace rdv::sim
