// sim/channel.h — Go's channel (runtime/chan.go's hchan), on the runtime's parking API.
//
// A channel has a ring buffer of `cap` slots and two FIFO queues of parked tasks, sendq and
// recvq (their "sudogs" are Waiters living on the parked tasks' stacks).
// Invariants (under the channel's mutex):
//  - at least one of sendq and recvq is empty, except because of select (as in Go): a select
//    with both a send and a receive case on this channel waits on both queues at once (no other
//    task can then be waiting on it, or the select would have met it instead of parking); and
//    the waiters of a select already won on another channel stay queued until its task wakes and
//    dequeues them (dequeue() skips them);
//  - for a buffered channel: len > 0 implies recvq is empty; len < cap implies sendq is empty
//    (with the same exception for waiters of selects already won);
//  - once closed, both queues are empty and stay so;
//  - len never exceeds cap, in the state and in the stream (event.h, invariant 6).
// Operations (Go's semantics, design.md §3):
//  - send: hands the value directly to the first waiting receiver; else puts it in the buffer;
//    else parks on sendq until a receiver takes it. Unbuffered: both leave together.
//  - recv: takes from the first waiting sender (unbuffered), or the buffer head, refilling the
//    buffer from the first waiting sender; else, if closed, the zero value with ok = false; else
//    parks on recvq.
//  - close: wakes every receiver (zero value, ok = false) and every sender (they panic).
//  - Panics, in Go's words: "send on closed channel", "close of closed channel",
//    "close of nil channel". A nil channel (a null Channel*, see chan_* below) blocks forever.
// Events: ChanMake at construction; ChanSend when a value leaves the sender (peer = receiver
// when handed directly); ChanRecv when it arrives, with peer_seq = that ChanSend's seq (through
// the buffer too). A waker emits the woken task's events on its behalf, right after its
// TaskUnblock, so a rendezvous reads: ChanSend, TaskUnblock, ChanRecv. A receive from a full
// buffer with a sender waiting reads: ChanRecv (the head), TaskUnblock (the sender), ChanSend
// (its value into the freed slot), so the stream never shows cap + 1 values.
//
// Example (in a task):
//   auto ch = std::make_shared<Channel>(rt, 0, "result");
//   rt.go("worker", [&] { ch->send(Value{42}, Val("42")); });
//   Received r = ch->recv();  // r.value.bits == 42, r.ok
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/event.h"
#include "sim/lock.h"
#include "sim/runtime.h"

namespace rdv::sim {

class Task;

enum class ValueKind : std::uint8_t {
  Script,  // opaque to the runtime (the Lua layer keeps registry references in bits)
  Time,    // a time sent by a timer (after, ticker): bits = Nanos since the run started
};

// What a channel carries. bits == 0 with kind Script is nil, the zero value.
struct Value {
  std::uint64_t bits = 0;
  ValueKind kind = ValueKind::Script;
  friend bool operator==(const Value&, const Value&) = default;
};

struct Received {
  Value value;  // the zero value when !ok
  Val display;  // the sender's display of it
  bool ok = false;
};

struct SelectState;  // select.cpp

// A parked task's entry in sendq/recvq (Go's sudog). Written by the waker under the channel
// lock, read by its task after it wakes.
struct Waiter {
  Task* task = nullptr;
  Value value;                   // send: the value to hand over; recv: the value received
  Val display;                   // its display
  bool ok = false;               // recv: got a value (false: woken by close)
  bool closed = false;           // send: woken by close (the sender panics)
  std::int32_t case_index = -1;  // select: which case this waiter stands for
  SelectState* sel = nullptr;    // select: shared by all the select's waiters
  Waiter* prev = nullptr;        // queue links
  Waiter* next = nullptr;
  bool queued = false;
};

// A select's shared state: the first waker to claim `done` wins the whole select.
struct SelectState {
  std::atomic<bool> done{false};
  std::int32_t winner = -1;  // written by the winning waker under its channel's lock
};

// FIFO of waiters; O(1) removal from the middle (select losers, teardown).
class WaitQueue {
 public:
  void push_back(Waiter* w) noexcept;
  void remove(Waiter* w) noexcept;  // no-op when not queued
  // Pops the first waiter that can still be woken, claiming its select; skips the waiters of
  // selects already won elsewhere (like Go's dequeue).
  Waiter* dequeue() noexcept;
  // True when dequeue() would return a waiter (does not claim).
  bool has_ready() const noexcept;
  bool empty() const noexcept { return head_ == nullptr; }

 private:
  Waiter* head_ = nullptr;
  Waiter* tail_ = nullptr;
};

class Channel {
 public:
  // Makes a channel with `cap` buffer slots (0 = unbuffered) and emits ChanMake for the current
  // task. `owner`: the object this channel belongs to (a context's done()), 0 if none.
  Channel(Runtime& rt, std::size_t cap, std::string_view name = {}, ObjId owner = 0);
  Channel(const Channel&) = delete;
  Channel& operator=(const Channel&) = delete;

  ObjId id() const noexcept { return id_; }
  std::size_t cap() const noexcept { return cap_; }
  std::size_t len() const;
  bool closed() const;
  const std::string& name() const noexcept { return name_; }

  // Blocking operations; sched points in controlled mode. Throw Panic / Aborted as above.
  void send(Value v, const Val& display);
  Received recv();
  void close();

  // Timer context (after, ticker): send without blocking. Returns false, dropping the value,
  // when the buffer is full or the channel closed (a ticker drops ticks nobody took, as Go's).
  bool try_send_from_timer(Value v, const Val& display);

 private:
  friend struct SelectOps;  // select.cpp: runs the steps below across several channels

  enum class Op { Done, WouldBlock, Closed };
  // The steps of send/recv with mu_ held. *wake receives a task to wake() after unlocking.
  Op send_locked(Value v, const Val& display, Task** wake) RDV_REQUIRES(mu_);
  Op recv_locked(Received* out, Task** wake) RDV_REQUIRES(mu_);
  void grow() RDV_REQUIRES(mu_);  // makes room for one more value in buf_ (count_ < cap_)
  bool send_ready_locked() const noexcept RDV_REQUIRES(mu_);  // a send would not block (or panic)
  bool recv_ready_locked() const noexcept RDV_REQUIRES(mu_);  // a recv would not block

  struct Slot {
    Value value;
    Val display;
    Seq send_seq = kNoSeq;  // the ChanSend that put it there
    TaskId sender = 0;
  };

  Runtime& rt_;
  const ObjId id_;
  const std::size_t cap_;
  const std::string name_;
  mutable HostMutex mu_;  // Go's hchan.lock; before the runtime's locks (runtime.h)
  std::vector<Slot> buf_ RDV_GUARDED_BY(mu_);  // ring of up to cap_ slots, grown as needed
  std::size_t head_ RDV_GUARDED_BY(mu_) = 0;   // index of the oldest value
  std::size_t count_ RDV_GUARDED_BY(mu_) = 0;  // values in the buffer (len)
  bool closed_ RDV_GUARDED_BY(mu_) = false;
  WaitQueue sendq_ RDV_GUARDED_BY(mu_);  // parked senders, FIFO
  WaitQueue recvq_ RDV_GUARDED_BY(mu_);  // parked receivers, FIFO
};

// Nil-aware operations: a null channel is Go's nil channel.
//  - send/recv on nil block forever (BlockReason::ChanSendNil / ChanRecvNil: Go's "chan send
//    (nil chan)", "chan receive (nil chan)"); close panics "close of nil channel".
void chan_send(Runtime& rt, Channel* ch, Value v, const Val& display);
Received chan_recv(Runtime& rt, Channel* ch);
void chan_close(Runtime& rt, Channel* ch);

}  // namespace rdv::sim
