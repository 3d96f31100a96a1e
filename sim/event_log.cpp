#include "sim/event_log.h"

#include <algorithm>
#include <cassert>
#include <new>
#include <string>
#include <vector>

#include "sim/lock.h"

namespace rdv::sim {

namespace {

// The chunks kept for the next logs (EventLog::kKeptChunks). Never destroyed: a log may end on
// another thread while the process exits. Held as void*: EventLog::Chunk is private.
struct Shelf {
  HostMutex mu;
  std::vector<void*> kept RDV_GUARDED_BY(mu);
  Shelf() { kept.reserve(EventLog::kKeptChunks); }
};

Shelf& the_shelf() {
  static Shelf* s = new Shelf();
  return *s;
}

}  // namespace

// A chunk is written once per slot and never moves, so at(i) can hand out references. The ready
// flags are separate bytes so that publishing one slot is a single release store. The slots are
// raw storage (Event is trivially copyable): constructing 4096 Events up front would touch the
// chunk's 450 KiB twice.
struct EventLog::Chunk {
  alignas(Event) unsigned char raw[kChunkSize * sizeof(Event)];
  std::atomic<std::uint8_t> ready[kChunkSize];  // value-initialised (0) by atomic's constructor

  Event* slot(std::size_t k) noexcept {
    return std::launder(reinterpret_cast<Event*>(raw + k * sizeof(Event)));
  }
  const Event* slot(std::size_t k) const noexcept {
    return std::launder(reinterpret_cast<const Event*>(raw + k * sizeof(Event)));
  }
};

EventLog::Chunk* EventLog::take_chunk() {
  Shelf& shelf = the_shelf();
  {
    HostLock lk(shelf.mu);
    if (!shelf.kept.empty()) {
      auto* c = static_cast<Chunk*>(shelf.kept.back());
      shelf.kept.pop_back();
      return c;
    }
  }
  return new Chunk;
}

void EventLog::give_chunk(Chunk* c) noexcept {
  if (c == nullptr) return;
  Shelf& shelf = the_shelf();
  {
    HostLock lk(shelf.mu);
    if (shelf.kept.size() < kKeptChunks) {
      // Reserved up to kKeptChunks when the shelf was made: this push never allocates.
      for (auto& r : c->ready) r.store(0, std::memory_order_relaxed);
      shelf.kept.push_back(c);
      return;
    }
  }
  delete c;
}

EventLog::EventLog() {
  dir_[0].store(take_chunk(), std::memory_order_relaxed);
  strs_.emplace_back();
}

namespace {

// Chunks a log that has handed out seqs [0, next) can hold: chunk_for() installs only the chunk
// of a published seq (< kCapacity), and chunk 0 exists from the start. close() publishes at seq
// `next` itself without advancing it, so that slot counts too: when it opens a new chunk (a run
// that ended after exactly 4,096 events), missing it leaked the chunk (LSan, stop 24's CI).
// Walking only these, not all kMaxChunks slots of the directory (128 KiB), is what keeps a short
// run's log cheap to set up and destroy: explore makes one per schedule.
std::size_t chunks_in_use(std::uint64_t next) noexcept {
  const std::uint64_t n = std::min<std::uint64_t>(next + 1, EventLog::kCapacity);
  return std::max<std::size_t>(
      1, static_cast<std::size_t>((n + EventLog::kChunkSize - 1) >> EventLog::kChunkBits));
}

}  // namespace

EventLog::~EventLog() {
  // No append runs any more: every seq handed out is published.
  const std::size_t used = chunks_in_use(next_.load(std::memory_order_acquire) & ~kClosedBit);
  for (std::size_t i = 0; i < used; ++i) give_chunk(dir_[i].load(std::memory_order_relaxed));
  if (budget_) budget_->release(charged_.load(), MemoryBudget::Use::Events);
}

void EventLog::set_budget(std::shared_ptr<MemoryBudget> budget) {
  if (budget_ || !budget) return;
  std::size_t held = 0;
  const std::size_t used = chunks_in_use(next_.load(std::memory_order_acquire) & ~kClosedBit);
  for (std::size_t i = 0; i < used; ++i) {
    if (dir_[i].load(std::memory_order_relaxed) != nullptr) held += sizeof(Chunk);
  }
  {
    HostLock lk(str_mu_);
    held += text_bytes_;
  }
  budget_ = std::move(budget);
  budget_->charge(held, MemoryBudget::Use::Events);
  charged_.fetch_add(held);
}

void EventLog::charge(std::size_t n) noexcept {
  if (!budget_) return;
  budget_->charge(n, MemoryBudget::Use::Events);
  charged_.fetch_add(n, std::memory_order_relaxed);
}

EventLog::Chunk* EventLog::chunk_for(std::size_t index) noexcept {
  auto& slot = dir_[index >> kChunkBits];
  Chunk* c = slot.load(std::memory_order_acquire);
  if (c != nullptr) return c;
  // Several appenders may race to install the chunk; the loser frees its copy.
  Chunk* fresh = take_chunk();
  if (slot.compare_exchange_strong(c, fresh, std::memory_order_acq_rel)) {
    charge(sizeof(Chunk));
    return fresh;
  }
  give_chunk(fresh);
  return c;
}

void EventLog::publish(Seq seq, const Event& e) noexcept {
  const auto i = static_cast<std::size_t>(seq);
  Chunk* c = chunk_for(i);
  const std::size_t k = i & (kChunkSize - 1);
  Event* slot = new (c->raw + k * sizeof(Event)) Event(e);
  slot->seq = seq;
  c->ready[k].store(1, std::memory_order_release);
}

Seq EventLog::append(Event e) noexcept {
  const Seq s = next_.fetch_add(1, std::memory_order_relaxed);
  if ((s & kClosedBit) != 0 || s >= kCapacity - 1) return kNoSeq;  // keep one slot for close()
  publish(s, e);
  return s;
}

Seq EventLog::close(Event last) noexcept {
  // Setting the closed bit hands out the final seq: every append that got a smaller seq is
  // already in flight and will publish its slot; every later one sees the bit and drops.
  const Seq s = next_.fetch_or(kClosedBit, std::memory_order_acq_rel);
  if ((s & kClosedBit) != 0) return kNoSeq;
  const Seq seq = s < kCapacity ? s : kCapacity - 1;
  publish(seq, last);
  return seq;
}

bool EventLog::closed() const noexcept {
  return (next_.load(std::memory_order_acquire) & kClosedBit) != 0;
}

std::size_t EventLog::committed() const noexcept {
  std::size_t c = committed_.load(std::memory_order_acquire);
  const std::size_t start = c;
  for (;;) {
    if (c >= kCapacity) break;
    const Chunk* ch = dir_[c >> kChunkBits].load(std::memory_order_acquire);
    if (ch == nullptr || ch->ready[c & (kChunkSize - 1)].load(std::memory_order_acquire) == 0) {
      break;
    }
    ++c;
  }
  if (c != start) {
    std::size_t cur = start;
    while (cur < c && !committed_.compare_exchange_weak(cur, c, std::memory_order_acq_rel)) {
    }
  }
  return c;
}

const Event& EventLog::at(std::size_t i) const noexcept {
  assert(i < kCapacity && "EventLog::at: index out of range");
  const Chunk* ch = dir_[i >> kChunkBits].load(std::memory_order_acquire);
  assert(ch != nullptr && "EventLog::at: index past committed()");
  return *ch->slot(i & (kChunkSize - 1));
}

StrId EventLog::intern(std::string_view s) {
  if (s.empty()) return 0;
  HostLock lk(str_mu_);
  // Names, notes and printed lines come from scripts: a 100 MiB task name or print, repeated,
  // would fill memory outside Lua's cap (and no trace could hold it). Long texts are cut at a
  // UTF-8 character boundary, saying how long they were; once the log holds kMaxTextTotal bytes
  // of text, every further text is cut short.
  const std::size_t max =
      text_bytes_ > kMaxTextTotal || (budget_ && budget_->over()) ? kMaxTextLate : kMaxText;
  if (s.size() <= max) {
    strs_.emplace_back(s);
  } else {
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    std::string shortened(s.substr(0, cut));
    shortened += "\u2026 (" + std::to_string(s.size()) + " bytes)";
    strs_.push_back(std::move(shortened));
  }
  text_bytes_ += strs_.back().size();
  charge(strs_.back().size());
  return static_cast<StrId>(strs_.size() - 1);
}

std::string_view EventLog::str(StrId id) const {
  HostLock lk(str_mu_);
  if (id >= strs_.size()) return {};
  return strs_[id];
}

}  // namespace rdv::sim
