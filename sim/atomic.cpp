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
    : NamedObject(rt, std::move(name), "atomic"), value_(initial) {
  rt_.emit_make(EventKind::AtomicMake, id_, name_, 0, initial);
}

std::int64_t Atomic::add(std::int64_t delta) {
  rt_.sched_point();
  HostLock lk(mu_);
  value_ = wrap_add(value_, delta);
  rt_.emit_op(EventKind::AtomicAdd, id_, delta, value_);
  return value_;
}

std::int64_t Atomic::load() {
  rt_.sched_point();
  HostLock lk(mu_);
  rt_.emit_op(EventKind::AtomicLoad, id_, 0, value_);
  return value_;
}

void Atomic::store(std::int64_t value) {
  swap(value);
}

std::int64_t Atomic::swap(std::int64_t value) {
  rt_.sched_point();
  HostLock lk(mu_);
  const std::int64_t old = value_;
  value_ = value;
  rt_.emit_op(EventKind::AtomicAdd, id_, wrap_sub(value, old), value);
  return old;
}

bool Atomic::compare_and_swap(std::int64_t old, std::int64_t value) {
  rt_.sched_point();
  HostLock lk(mu_);
  const bool swapped = value_ == old;
  if (swapped) {
    value_ = value;
    rt_.emit_op(EventKind::AtomicAdd, id_, wrap_sub(value, old), value_);
  } else {
    rt_.emit_op(EventKind::AtomicLoad, id_, 0, value_);
  }
  return swapped;
}

}  // namespace rdv::sim
