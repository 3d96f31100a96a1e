#include "tests/support/synthetic.h"

#include <algorithm>
#include <deque>

namespace rdv::testing {
namespace {

using sim::BlockReason;
using sim::Event;
using sim::EventKind;

// SplitMix64: small, fast and the same everywhere (std distributions are not).
struct Rng {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

struct Slot {
  sim::Seq seq;
  std::string val;
  sim::TaskId sender;
};
struct Chan {
  sim::ObjId id;
  std::size_t cap;
  std::deque<Slot> buf;
  std::deque<std::pair<sim::TaskId, std::string>> sendq;
  std::deque<sim::TaskId> recvq;
};
enum class St { Runnable, Blocked, Sleeping };
struct Task {
  sim::TaskId id;
  St st = St::Runnable;
  sim::Nanos wake = 0;
};

class Gen {
 public:
  explicit Gen(const SyntheticOptions& o) : o_(o), rng_{o.seed} {}

  trace::Trace run(SyntheticTruth* truth) {
    t_.header.scenario = "synthetic";
    t_.header.mode = "controlled";
    t_.header.seed = o_.seed;
    tasks_.push_back(Task{1});
    emit(ev(EventKind::TaskSpawn, 1), "main");
    emit(ev(EventKind::TaskRun, 1));
    running_ = 1;
    for (std::uint32_t i = 0; i < o_.channels; ++i) {
      Event e = ev(EventKind::ChanMake, 1);
      e.obj = next_obj_++;
      e.arg = i % 4;
      e.line = 3;
      emit(e, "ch" + std::to_string(i + 1));
      chans_.push_back(Chan{e.obj, static_cast<std::size_t>(e.arg), {}, {}, {}});
    }
    wg_ = next_obj_++;
    {
      Event e = ev(EventKind::WgMake, 1);
      e.obj = wg_;
      emit(e, "wg");
    }
    for (std::uint32_t i = 0; i < o_.workers; ++i) {
      const auto id = static_cast<sim::TaskId>(i + 2);
      Event e = ev(EventKind::TaskSpawn, id);
      e.peer = 1;
      e.line = 5;
      emit(e, "worker-" + std::to_string(i + 1));
      tasks_.push_back(Task{id});
    }
    while (t_.events.size() + 8 < o_.events) step();
    Event end = ev(EventKind::RunEnd, 0);
    end.arg = static_cast<std::int64_t>(sim::Outcome::Aborted);
    emit(end, "stopped");
    t_.footer.outcome = sim::Outcome::Aborted;
    t_.footer.message = "stopped";
    t_.footer.events = t_.events.size();
    if (truth) fill(truth);
    return std::move(t_);
  }

 private:
  Event ev(EventKind k, sim::TaskId task) {
    Event e;
    e.kind = k;
    e.task = task;
    return e;
  }
  sim::Seq emit(Event e, std::string_view text = {}) {
    e.seq = t_.events.size();
    now_ += 100;
    e.t = now_;
    e.text = t_.strings.intern(text);
    t_.events.push_back(e);
    if (e.kind == EventKind::Print) t_.footer.output.emplace_back(text);
    return e.seq;
  }
  Task& task(sim::TaskId id) { return tasks_[id - 1]; }

  void step() {
    std::vector<sim::TaskId> runnable;
    std::size_t sleepers = 0;
    for (const Task& t : tasks_) {
      if (t.st == St::Runnable) runnable.push_back(t.id);
      if (t.st == St::Sleeping) ++sleepers;
    }
    if (runnable.empty()) {
      // Nobody can run: the virtual clock jumps to the earliest sleeper, as synctest does.
      Task* first = nullptr;
      for (Task& t : tasks_) {
        if (t.st == St::Sleeping && (!first || t.wake < first->wake)) first = &t;
      }
      now_ = std::max(now_, first->wake);
      first->st = St::Runnable;
      emit(ev(EventKind::TaskUnblock, first->id));
      return;
    }
    const sim::TaskId r = runnable[rng_.below(runnable.size())];
    if (r != running_) {
      if (running_ && task(running_).st == St::Runnable) emit(ev(EventKind::TaskYield, running_));
      emit(ev(EventKind::TaskRun, r));
      running_ = r;
    }
    // A task must not block when that would leave nobody to wake anybody: it sleeps instead.
    const bool may_block = runnable.size() > 1 || sleepers > 0;
    const std::size_t op = rng_.below(100);
    Chan& c = chans_[rng_.below(chans_.size())];
    if (op < 40) {
      send(r, c, may_block);
    } else if (op < 80) {
      recv(r, c, may_block);
    } else if (op < 88) {
      sleep(r);
    } else if (op < 94) {
      Event e = ev(EventKind::Print, r);
      e.line = 20;
      emit(e, "tick " + std::to_string(counter_++));
    } else if (op < 97) {
      Event e = ev(EventKind::Note, r);
      e.line = 21;
      emit(e, "note " + std::to_string(counter_++));
    } else {
      Event e = ev(EventKind::WgAdd, r);
      e.obj = wg_;
      e.arg = 1;
      e.aux = ++wg_count_;
      e.line = 22;
      emit(e);
    }
  }

  void send(sim::TaskId r, Chan& c, bool may_block) {
    const std::string val = "v" + std::to_string(counter_++);
    Event s = ev(EventKind::ChanSend, r);
    s.obj = c.id;
    s.val.set(val);
    s.line = 10;
    if (!c.recvq.empty()) {
      const sim::TaskId rv = c.recvq.front();
      c.recvq.pop_front();
      s.peer = rv;
      handoff(c, s, rv, r);
      return;
    }
    if (c.buf.size() < c.cap) {
      c.buf.push_back(Slot{emit(s), val, r});
      return;
    }
    if (!may_block) return sleep(r);
    Event b = ev(EventKind::TaskBlock, r);
    b.reason = BlockReason::ChanSend;
    b.obj = c.id;
    b.val.set(val);
    b.line = 10;
    emit(b);
    c.sendq.emplace_back(r, val);
    task(r).st = St::Blocked;
    running_ = 0;
  }

  // Emits send `s` handed directly to receiver `rv` and the receive that took it; wakes
  // `wake` (the party that was parked).
  void handoff(Chan& c, Event s, sim::TaskId rv, sim::TaskId waker) {
    const sim::Seq sseq = emit(s);
    Event rcv = ev(EventKind::ChanRecv, rv);
    rcv.obj = c.id;
    rcv.val = s.val;
    rcv.peer = s.task;
    rcv.peer_seq = sseq;
    rcv.arg = 1;
    rcv.line = 12;
    emit(rcv);
    ++handoffs_;
    const sim::TaskId parked = waker == s.task ? rv : s.task;
    Event u = ev(EventKind::TaskUnblock, parked);
    u.peer = waker;
    u.obj = c.id;
    emit(u);
    task(parked).st = St::Runnable;
  }

  // Takes the first sender waiting on `c` off its queue: its send (line 10), not yet emitted.
  Event take_sender(Chan& c) {
    const auto [st, val] = c.sendq.front();
    c.sendq.pop_front();
    Event s = ev(EventKind::ChanSend, st);
    s.obj = c.id;
    s.val.set(val);
    s.line = 10;
    return s;
  }

  void recv(sim::TaskId r, Chan& c, bool may_block) {
    if (!c.buf.empty()) {
      Slot slot = c.buf.front();
      c.buf.pop_front();
      Event rcv = ev(EventKind::ChanRecv, r);
      rcv.obj = c.id;
      rcv.val.set(slot.val);
      rcv.peer = slot.sender;
      rcv.peer_seq = slot.seq;
      rcv.arg = 1;
      rcv.line = 12;
      emit(rcv);
      ++handoffs_;
      if (!c.sendq.empty()) {
        // Refill: the first waiting sender's value moves into the freed slot.
        const sim::TaskId st = c.sendq.front().first;
        const std::string val = c.sendq.front().second;
        c.buf.push_back(Slot{emit(take_sender(c)), val, st});
        Event u = ev(EventKind::TaskUnblock, st);
        u.peer = r;
        u.obj = c.id;
        emit(u);
        task(st).st = St::Runnable;
      }
      return;
    }
    if (!c.sendq.empty()) {
      Event s = take_sender(c);
      s.peer = r;
      handoff(c, s, r, r);
      return;
    }
    if (!may_block) return sleep(r);
    Event b = ev(EventKind::TaskBlock, r);
    b.reason = BlockReason::ChanRecv;
    b.obj = c.id;
    b.line = 12;
    emit(b);
    c.recvq.push_back(r);
    task(r).st = St::Blocked;
    running_ = 0;
  }

  void sleep(sim::TaskId r) {
    Event b = ev(EventKind::TaskBlock, r);
    b.reason = BlockReason::Sleep;
    b.line = 15;
    const auto d = static_cast<sim::Nanos>(1000 + rng_.below(100'000));
    b.arg = now_ + 100 + d;
    task(r).wake = b.arg;
    emit(b);
    task(r).st = St::Sleeping;
    running_ = 0;
  }

  void fill(SyntheticTruth* truth) const {
    for (const Chan& c : chans_) {
      auto& b = truth->buffers[c.id];
      for (const Slot& s : c.buf) b.push_back(s.val);
      for (const auto& [t, v] : c.sendq) truth->sendq[c.id].push_back(t);
      for (const sim::TaskId t : c.recvq) truth->recvq[c.id].push_back(t);
    }
    for (const Task& t : tasks_) {
      if (t.st == St::Blocked) truth->blocked.push_back(t.id);
      if (t.st == St::Sleeping) truth->sleeping.push_back(t.id);
    }
    truth->handoffs = handoffs_;
  }

  SyntheticOptions o_;
  Rng rng_;
  trace::Trace t_;
  sim::Nanos now_ = 0;
  std::vector<Task> tasks_;
  std::vector<Chan> chans_;
  sim::TaskId running_ = 0;
  sim::ObjId next_obj_ = 1;
  sim::ObjId wg_ = 0;
  std::int64_t wg_count_ = 0;
  std::uint64_t counter_ = 0;
  std::size_t handoffs_ = 0;
};

}  // namespace

trace::Trace synthetic_trace(const SyntheticOptions& options, SyntheticTruth* truth) {
  return Gen(options).run(truth);
}

}  // namespace rdv::testing
