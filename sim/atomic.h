// sim/atomic.h — an atomic integer counter (Go's atomic.Int64) that reports every access.
#pragma once

#include <cstdint>
#include <string>

#include "sim/lock.h"
#include "sim/named_object.h"
#include "sim/runtime.h"

namespace rdv::sim {

// Atomic: a 64-bit integer whose operations are indivisible and each a sync point.
//
//  - add(d): value += d (wrapping like Go's two's complement); returns the new value; emits
//    AtomicAdd (arg = d, aux = value after).
//  - load(): returns the value; emits AtomicLoad (aux = value read).
//  - store(v): value = v; emits AtomicAdd with arg = v - old (wrapping), aux = v, so a reader of
//    the stream rebuilds the value from AtomicAdd alone.
//  - swap(v): store(v) that returns the old value (AtomicAdd as store's).
//  - compare_and_swap(old, v): when the value is old, stores v (AtomicAdd) and returns true;
//    otherwise only reads it (AtomicLoad) and returns false. Go's CompareAndSwap.
//  - never blocks; in live mode operations on one Atomic are totally ordered and their events
//    appear in that order.
//
// Example:
//   Atomic hits(rt, 0, "hits");
//   rt.go("worker", [&] { hits.add(1); });
class Atomic : public NamedObject {
 public:
  // Emits AtomicMake (aux = initial). An empty name becomes "atomic<id>".
  explicit Atomic(Runtime& rt, std::int64_t initial = 0, std::string name = {});

  std::int64_t add(std::int64_t delta);
  std::int64_t load();
  void store(std::int64_t value);
  std::int64_t swap(std::int64_t value);
  bool compare_and_swap(std::int64_t old, std::int64_t value);

 private:
  HostMutex mu_;  // also keeps the events in the order of the changes (atomic.cpp)
  std::int64_t value_ RDV_GUARDED_BY(mu_) = 0;
};

}  // namespace rdv::sim
