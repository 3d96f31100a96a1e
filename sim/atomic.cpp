// sim/atomic.cpp — the atomic counter.
//
// Why a mutex and not std::atomic: the event of an operation must enter the stream in the same
// order as the operation itself, or a viewer rebuilding the value from AtomicAdd events would
// see it go backwards in live mode. A lock-free fetch_add followed by emit() cannot promise that.
// The critical section is a few instructions plus one emit, and the scenarios that use atomics
// are teaching examples, not hot loops.
#include "sim/atomic.h"

#include <utility>

namespace rdv::sim {
namespace {

// Go's atomics wrap around; signed overflow is undefined in C++, so add in unsigned.
std::int64_t wrap_add(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}

std::int64_t wrap_sub(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b));
}

}  // namespace

Atomic::Atomic(Runtime& rt, std::int64_t initial, std::string name)
    : rt_(rt),
      id_(rt.new_object_id()),
      name_(name.empty() ? "atomic" + std::to_string(id_) : std::move(name)),
      value_(initial) {
  Event e;
  e.kind = EventKind::AtomicMake;
  e.obj = id_;
  e.aux = initial;
  e.text = rt_.intern(name_);
  rt_.emit(e);
}

std::int64_t Atomic::add(std::int64_t delta) {
  rt_.sched_point();
  HostLock lk(mu_);
  value_ = wrap_add(value_, delta);
  Event e;
  e.kind = EventKind::AtomicAdd;
  e.obj = id_;
  e.arg = delta;
  e.aux = value_;
  rt_.emit(e);
  return value_;
}

std::int64_t Atomic::load() {
  rt_.sched_point();
  HostLock lk(mu_);
  Event e;
  e.kind = EventKind::AtomicLoad;
  e.obj = id_;
  e.aux = value_;
  rt_.emit(e);
  return value_;
}

void Atomic::store(std::int64_t value) {
  swap(value);
}

std::int64_t Atomic::swap(std::int64_t value) {
  rt_.sched_point();
  HostLock lk(mu_);
  const std::int64_t old = value_;
  Event e;
  e.kind = EventKind::AtomicAdd;
  e.obj = id_;
  e.arg = wrap_sub(value, old);
  e.aux = value;
  value_ = value;
  rt_.emit(e);
  return old;
}

bool Atomic::compare_and_swap(std::int64_t old, std::int64_t value) {
  rt_.sched_point();
  HostLock lk(mu_);
  Event e;
  e.obj = id_;
  const bool swapped = value_ == old;
  if (swapped) {
    e.kind = EventKind::AtomicAdd;
    e.arg = wrap_sub(value, old);
    value_ = value;
  } else {
    e.kind = EventKind::AtomicLoad;
  }
  e.aux = value_;
  rt_.emit(e);
  return swapped;
}

}  // namespace rdv::sim
