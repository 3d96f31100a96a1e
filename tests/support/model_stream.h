// tests/support/model_stream.h — a model fed by hand, event by event, as the runtime would emit
// them: for the tests of the model and of what the views make of it. Header-only.
#pragma once

#include "model/model.h"
#include "sim/event.h"

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <utility>

namespace rdv::test {

// Builds a stream event by event, as the runtime would emit it.
//
// Example:
//   Stream s;
//   s.add(sim::EventKind::TaskSpawn, 1, {}, "main");
//   s.add(sim::EventKind::ChanMake, 1, {{"obj", 1}, {"line", 6}}, "result");
//   CHECK(s.model.size() == 2);
class Stream {
 public:
  // Appends an event of `kind` by `task` with the fields named in `f` (obj, peer, peer_seq, arg,
  // aux, line, reason, t: a time that later events keep), its text and value; returns its seq.
  sim::Seq add(sim::EventKind kind, sim::TaskId task,
               std::initializer_list<std::pair<const char*, std::int64_t>> f = {},
               std::string_view text = {}, std::string_view val = {}) {
    sim::Event e;
    e.kind = kind;
    e.task = task;
    e.t = t_;
    for (const auto& [name, v] : f) {
      const std::string_view n = name;
      if (n == "obj") e.obj = static_cast<sim::ObjId>(v);
      if (n == "peer") e.peer = static_cast<sim::TaskId>(v);
      if (n == "peer_seq") e.peer_seq = static_cast<sim::Seq>(v);
      if (n == "arg") e.arg = v;
      if (n == "aux") e.aux = v;
      if (n == "line") e.line = static_cast<std::uint32_t>(v);
      if (n == "reason") e.reason = static_cast<sim::BlockReason>(v);
      if (n == "t") e.t = t_ = v;
    }
    if (!val.empty()) e.val.set(val);  // Val::set(empty view) memcpy-s from null (UBSan)
    model.append(e, text);
    return model.size() - 1;
  }
  model::Model model;

 private:
  sim::Nanos t_ = 0;
};

// The hand-made run of an async result (scenario 1.1's shape): where its events stand.
struct AsyncResult {
  std::uint32_t recv_line = 0;   // main's receive
  std::uint32_t sleep_line = 0;  // the worker's sleep
  std::uint32_t send_line = 0;   // the worker's send
  std::uint32_t print_line = 0;  // main's print
  sim::Nanos sleep = 0;          // how long the worker sleeps
};

// The events of it the tests look at.
struct AsyncResultSeqs {
  sim::Seq block = 0;  // main blocks receiving
  sim::Seq sleep = 0;  // the worker blocks sleeping
  sim::Seq send = 0;
  sim::Seq recv = 0;
  sim::Seq print = 0;
};

// Adds the run up to main's print: main makes chan result (line 6) and starts asyncTask (line 7),
// then blocks receiving; asyncTask sleeps, sends 42 to main and exits; main prints "result:\t42".
// What comes after the print is the caller's.
inline AsyncResultSeqs add_async_result(Stream& s, const AsyncResult& at) {
  using sim::BlockReason;
  using sim::EventKind;
  const auto reason = [](BlockReason r) { return static_cast<std::int64_t>(r); };
  AsyncResultSeqs seq;
  s.add(EventKind::TaskSpawn, 1, {}, "main");
  s.add(EventKind::TaskRun, 1);
  s.add(EventKind::ChanMake, 1, {{"obj", 1}, {"line", 6}}, "result");
  s.add(EventKind::TaskSpawn, 2, {{"peer", 1}, {"line", 7}}, "asyncTask");
  seq.block =
      s.add(EventKind::TaskBlock, 1,
            {{"reason", reason(BlockReason::ChanRecv)}, {"obj", 1}, {"line", at.recv_line}});
  s.add(EventKind::TaskRun, 2);
  seq.sleep =
      s.add(EventKind::TaskBlock, 2,
            {{"reason", reason(BlockReason::Sleep)}, {"arg", at.sleep}, {"line", at.sleep_line}});
  s.add(EventKind::TaskUnblock, 2, {{"t", at.sleep}});
  s.add(EventKind::TaskRun, 2);
  seq.send =
      s.add(EventKind::ChanSend, 2, {{"obj", 1}, {"peer", 1}, {"line", at.send_line}}, {}, "42");
  seq.recv = s.add(
      EventKind::ChanRecv, 1,
      {{"obj", 1}, {"peer", 2}, {"peer_seq", static_cast<std::int64_t>(seq.send)}, {"arg", 1}}, {},
      "42");
  s.add(EventKind::TaskUnblock, 1, {{"obj", 1}, {"peer", 2}});
  s.add(EventKind::TaskExit, 2);
  s.add(EventKind::TaskRun, 1);
  seq.print = s.add(EventKind::Print, 1, {{"line", at.print_line}}, "result:\t42");
  return seq;
}

}  // namespace rdv::test
