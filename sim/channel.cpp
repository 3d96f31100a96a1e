#include "sim/channel.h"

#include <algorithm>
#include <cassert>

#include "sim/task.h"

namespace rdv::sim {

// ---- WaitQueue -------------------------------------------------------------------------------

void WaitQueue::push_back(Waiter* w) noexcept {
  assert(!w->queued);
  w->prev = tail_;
  w->next = nullptr;
  if (tail_ != nullptr) {
    tail_->next = w;
  } else {
    head_ = w;
  }
  tail_ = w;
  w->queued = true;
}

void WaitQueue::remove(Waiter* w) noexcept {
  if (!w->queued) return;
  if (w->prev != nullptr) {
    w->prev->next = w->next;
  } else {
    head_ = w->next;
  }
  if (w->next != nullptr) {
    w->next->prev = w->prev;
  } else {
    tail_ = w->prev;
  }
  w->prev = w->next = nullptr;
  w->queued = false;
}

Waiter* WaitQueue::dequeue() noexcept {
  while (Waiter* w = head_) {
    remove(w);
    if (w->sel != nullptr) {
      // A select waits on several channels; the first waker to claim it wins, the others skip
      // its waiters (the select task dequeues them itself when it wakes).
      bool expected = false;
      if (!w->sel->done.compare_exchange_strong(expected, true)) continue;
      w->sel->winner = w->case_index;
    }
    return w;
  }
  return nullptr;
}

bool WaitQueue::has_ready() const noexcept {
  for (const Waiter* w = head_; w != nullptr; w = w->next) {
    if (w->sel == nullptr || !w->sel->done.load()) return true;
  }
  return false;
}

// ---- Channel ---------------------------------------------------------------------------------

Channel::Channel(Runtime& rt, std::size_t cap, std::string_view name, ObjId owner)
    : rt_(rt), id_(rt.new_object_id()), cap_(cap), name_(name) {
  rt.emit_make(EventKind::ChanMake, id_, name_, static_cast<std::int64_t>(cap), owner);
}

std::size_t Channel::len() const {
  HostLock lk(mu_);
  return count_;
}

bool Channel::closed() const {
  HostLock lk(mu_);
  return closed_;
}

bool Channel::send_ready_locked() const noexcept {
  return closed_ || recvq_.has_ready() || count_ < cap_;
}

bool Channel::recv_ready_locked() const noexcept {
  return sendq_.has_ready() || count_ > 0 || closed_;
}

Channel::Op Channel::send_locked(Value v, const Val& display, Task** wake) {
  if (closed_) return Op::Closed;
  const TaskId me = rt_.current_id();
  if (Waiter* r = recvq_.dequeue()) {
    // Direct hand-off to the first waiting receiver (Go: send -> sendDirect).
    Event s;
    s.kind = EventKind::ChanSend;
    s.obj = id_;
    s.val = display;
    s.peer = r->task->id();
    const Seq seq = rt_.emit(s);
    rt_.mark_ready(r->task, id_);
    r->value = v;
    r->display = display;
    r->ok = true;
    Event e;
    e.kind = EventKind::ChanRecv;
    e.obj = id_;
    e.val = display;
    e.peer = me;
    e.peer_seq = seq;
    e.arg = 1;
    rt_.emit_for(r->task, e);
    *wake = r->task;
    return Op::Done;
  }
  if (count_ < cap_) {
    Event s;
    s.kind = EventKind::ChanSend;
    s.obj = id_;
    s.val = display;
    const Seq seq = rt_.emit(s);
    if (count_ == buf_.size()) grow();
    buf_[(head_ + count_) % buf_.size()] = Slot{v, display, seq, me};
    ++count_;
    return Op::Done;
  }
  return Op::WouldBlock;
}

// The ring grows as values arrive (doubling, up to cap_), so chan(1 << 24) costs nothing until
// it is filled: a script cannot make the runtime allocate gigabytes outside Lua's memory cap by
// making a few large channels.
void Channel::grow() {
  const std::size_t size = std::min(cap_, std::max<std::size_t>(8, buf_.size() * 2));
  std::vector<Slot> bigger(size);
  for (std::size_t i = 0; i < count_; ++i) bigger[i] = buf_[(head_ + i) % buf_.size()];
  buf_.swap(bigger);
  head_ = 0;
}

Channel::Op Channel::recv_locked(Received* out, Task** wake) {
  const TaskId me = rt_.current_id();
  Event e;
  e.kind = EventKind::ChanRecv;
  e.obj = id_;
  if (Waiter* s = sendq_.dequeue()) {
    Task* st = s->task;
    if (cap_ == 0) {
      // Unbuffered: take the value straight from the sender; both leave together.
      rt_.mark_ready(st, id_);
      Event se;
      se.kind = EventKind::ChanSend;
      se.obj = id_;
      se.val = s->display;
      se.peer = me;
      e.peer_seq = rt_.emit_for(st, se);
      *out = Received{s->value, s->display, true};
      e.peer = st->id();
    } else {
      // The buffer is full: take its head and move the first waiting sender's value into
      // the freed slot at the tail (Go: recv, "queue is full").
      // The receive is emitted before the sender's send, so a reader of the stream never sees
      // the buffer hold cap + 1 values.
      Slot& h = buf_[head_];
      *out = Received{h.value, h.display, true};
      e.peer = h.sender;
      e.peer_seq = h.send_seq;
      e.val = out->display;
      e.arg = 1;
      rt_.emit(e);
      rt_.mark_ready(st, id_);
      Event se;
      se.kind = EventKind::ChanSend;
      se.obj = id_;
      se.val = s->display;
      const Seq seq = rt_.emit_for(st, se);
      h = Slot{s->value, s->display, seq, st->id()};
      head_ = (head_ + 1) % buf_.size();
      s->ok = true;
      *wake = st;
      return Op::Done;
    }
    s->ok = true;
    e.val = out->display;
    e.arg = 1;
    rt_.emit(e);
    *wake = st;
    return Op::Done;
  }
  if (count_ > 0) {
    Slot& h = buf_[head_];
    *out = Received{h.value, h.display, true};
    e.peer = h.sender;
    e.peer_seq = h.send_seq;
    e.val = h.display;
    e.arg = 1;
    h = Slot{};
    head_ = (head_ + 1) % buf_.size();
    --count_;
    rt_.emit(e);
    return Op::Done;
  }
  if (closed_) {
    *out = Received{};
    rt_.emit(e);  // arg = 0: ok = false; peer_seq = kNoSeq
    return Op::Done;
  }
  return Op::WouldBlock;
}

void Channel::send(Value v, const Val& display) {
  rt_.sched_point();
  HostLock lk(mu_);
  Task* wake = nullptr;
  switch (send_locked(v, display, &wake)) {
    case Op::Done:
      lk.unlock();
      if (wake != nullptr) rt_.wake(wake);
      return;
    case Op::Closed:
      lk.unlock();
      rt_.raise_panic("send on closed channel");
    case Op::WouldBlock:
      break;
  }
  Waiter w;
  w.task = Runtime::current_task();
  w.value = v;
  w.display = display;
  sendq_.push_back(&w);
  rt_.park_queued(lk, BlockReason::ChanSend, id_, [&]() RDV_REQUIRES(mu_) { sendq_.remove(&w); });
  if (w.closed) rt_.raise_panic("send on closed channel");
}

Received Channel::recv() {
  rt_.sched_point();
  HostLock lk(mu_);
  Received out;
  Task* wake = nullptr;
  if (recv_locked(&out, &wake) == Op::Done) {
    lk.unlock();
    if (wake != nullptr) rt_.wake(wake);
    return out;
  }
  Waiter w;
  w.task = Runtime::current_task();
  recvq_.push_back(&w);
  rt_.park_queued(lk, BlockReason::ChanRecv, id_, [&]() RDV_REQUIRES(mu_) { recvq_.remove(&w); });
  return Received{w.value, w.display, w.ok};
}

void Channel::close() {
  rt_.sched_point();
  HostLock lk(mu_);
  if (closed_) {
    lk.unlock();
    rt_.raise_panic("close of closed channel");
  }
  closed_ = true;
  rt_.emit_op(EventKind::ChanClose, id_);
  // Release every waiter (Go: closechan). Receivers get the zero value, senders will panic.
  std::vector<Task*> woken;
  while (Waiter* r = recvq_.dequeue()) {
    rt_.mark_ready(r->task, id_);
    r->value = Value{};
    r->display = Val{};
    r->ok = false;
    Event e;
    e.kind = EventKind::ChanRecv;
    e.obj = id_;
    rt_.emit_for(r->task, e);
    woken.push_back(r->task);
  }
  while (Waiter* s = sendq_.dequeue()) {
    rt_.mark_ready(s->task, id_);
    s->closed = true;
    woken.push_back(s->task);
  }
  lk.unlock();
  for (Task* t : woken) rt_.wake(t);
}

bool Channel::try_send_from_timer(Value v, const Val& display) {
  HostLock lk(mu_);
  if (closed_) return false;
  Task* wake = nullptr;
  if (send_locked(v, display, &wake) != Op::Done) return false;
  lk.unlock();
  if (wake != nullptr) rt_.wake(wake);
  return true;
}

// ---- nil channels ----------------------------------------------------------------------------

namespace {
[[noreturn]] void block_forever(Runtime& rt, BlockReason reason) {
  rt.sched_point();
  rt.park(reason, 0, [] {});
  // Nothing readies a task parked forever; park() only leaves by throwing Aborted.
  assert(false && "a task blocked forever was readied");
  throw Aborted{};
}
}  // namespace

void chan_send(Runtime& rt, Channel* ch, Value v, const Val& display) {
  if (ch == nullptr) block_forever(rt, BlockReason::ChanSendNil);
  ch->send(v, display);
}

Received chan_recv(Runtime& rt, Channel* ch) {
  if (ch == nullptr) block_forever(rt, BlockReason::ChanRecvNil);
  return ch->recv();
}

void chan_close(Runtime& rt, Channel* ch) {
  if (ch == nullptr) {
    rt.sched_point();
    rt.raise_panic("close of nil channel");
  }
  ch->close();
}

}  // namespace rdv::sim
