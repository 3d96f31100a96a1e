// sim/future.h — Promise/Future (a value that will be known later), Promise.all, allSettled.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "sim/channel.h"  // Value
#include "sim/event.h"    // Val
#include "sim/runtime.h"

namespace rdv::sim {

// How a future ended: ok with a value, or failed with an error. Both are Values: the script
// layer decides what their bits mean (the error of fail(err) may be any script value).
struct Settlement {
  bool ok = false;
  Value value;  // when ok
  Value error;  // when !ok
};

// What all() returns.
struct AllResult {
  bool ok = true;
  std::vector<Value> values;  // when ok, in the order of the input
  Value error;                // when !ok
  std::size_t failed = 0;     // when !ok: index in the input of the rejected future
};

namespace detail {
struct FutureState;
}

class Future;

// Promise.all: waits until every future is fulfilled (then ok, with the values in order) or any
// is rejected (then returns at once with that error — the first to be rejected in the run's
// order, even if futures before it in the list are still pending). Empty input: ok, no values.
// A sync point; parks with BlockReason::Future on the first pending future of the list.
AllResult all(Runtime& rt, std::span<const Future> futures);

// Promise.allSettled: waits until every future is resolved; one Settlement each, in order.
// A sync point; parks like all().
std::vector<Settlement> all_settled(Runtime& rt, std::span<const Future> futures);

// Future: the read side. A cheap copyable handle; all copies name the same object.
//
// States: Pending, Fulfilled (set), Rejected (failed). Pending → Fulfilled | Rejected, once.
//
//  - get(): a sync point; returns at once when resolved, else parks (BlockReason::Future) until
//    the promise is set or failed. Waiters are woken in the order they arrived.
//  - a default-constructed Future is invalid (valid() == false); get() on it is a bug (assert).
//  - handles may outlive their Runtime only to be destroyed.
//
// Example:
//   Promise p(rt, "answer");
//   Future f = p.future();
//   rt.go("worker", [p]() mutable { p.set(Value{42}, Val("42")); });
//   Settlement s = f.get();  // s.ok, s.value
class Future {
 public:
  Future() = default;

  Settlement get();
  bool valid() const noexcept { return state_ != nullptr; }
  bool resolved() const;  // a snapshot; no sync point
  ObjId id() const noexcept;
  const std::string& name() const noexcept;

 private:
  friend class Promise;
  friend AllResult all(Runtime& rt, std::span<const Future> futures);
  friend std::vector<Settlement> all_settled(Runtime& rt, std::span<const Future> futures);
  explicit Future(std::shared_ptr<detail::FutureState> s) : state_(std::move(s)) {}
  std::shared_ptr<detail::FutureState> state_;
};

// Promise: the write side. A copyable handle (copies resolve the same future).
//
//  - set(v, display) / fail(err, display): a sync point; resolves the future, emits FutureSet /
//    FutureFail (val = display) and readies every task waiting on it. Resolving twice is the
//    scenario's mistake: raises the panic "promise: set of resolved promise" or "promise: fail
//    of resolved promise" (Runtime::raise_panic); the first resolution stands.
//  - future(): the read side (no event, no sync point).
//  - construct from a task of `rt`: emits FutureMake; an empty name becomes "future<id>".
class Promise {
 public:
  explicit Promise(Runtime& rt, std::string name = {});

  void set(const Value& v, const Val& display);
  void fail(const Value& err, const Val& display);
  Future future() const { return Future(state_); }
  ObjId id() const noexcept;
  const std::string& name() const noexcept;

 private:
  void resolve(bool ok, const Value& v, const Val& display);
  std::shared_ptr<detail::FutureState> state_;
};

}  // namespace rdv::sim
