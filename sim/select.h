// sim/select.h — Go's select (runtime/select.go) over channels.
//
// All case operands are given at entry. The algorithm, as Go's selectgo:
//  1. lock every channel of the cases, once each, in a fixed global order (by object id), so two
//     selects over the same channels cannot deadlock each other in live mode;
//  2. poll: collect the ready cases; if any, take one uniformly at random (the policy's choice
//     in controlled mode, recorded in the schedule) and do its operation;
//  3. else, with a default: take it (index -1);
//  4. else enqueue a waiter on every case's channel (SelectCase event per case, nil cases
//     included with obj 0), park (TaskBlock Select); the first waker claims the whole select;
//  5. on wake, lock all again and dequeue the losing waiters.
// A nil channel's case is never ready. A select with no cases (and no default) blocks forever.
// A send case on a closed channel panics "send on closed channel" when chosen (or on close).
// SelectChoose (arg = chosen index, -1 = default; obj = its channel) ends every select.
//
// Example:
//   SelectCase cases[] = {SelectCase::recv(results.get()), SelectCase::recv(timeout.get())};
//   SelectResult r = select(rt, cases, /*has_default=*/false);
//   if (r.index == 1) rt.print("timed out");
#pragma once

#include <cstdint>
#include <span>

#include "sim/channel.h"

namespace rdv::sim {

struct SelectCase {
  enum class Dir : std::uint8_t { Send, Recv };
  Dir dir = Dir::Recv;
  Channel* ch = nullptr;  // nullptr: a nil channel (never ready)
  Value value;            // send: the value
  Val display;            // send: its display

  static SelectCase recv(Channel* c) { return {Dir::Recv, c, {}, {}}; }
  static SelectCase send(Channel* c, Value v, const Val& d) { return {Dir::Send, c, v, d}; }
};

struct SelectResult {
  int index = -1;  // the chosen case, -1 for default
  Value value;     // recv: the value received (zero value when !ok)
  Val display;
  bool ok = false;  // recv: false when the channel was closed
};

// Runs a select in the current task. A sched point in controlled mode. Throws Panic, Aborted.
SelectResult select(Runtime& rt, std::span<const SelectCase> cases, bool has_default);

}  // namespace rdv::sim
