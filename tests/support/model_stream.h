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

}  // namespace rdv::test
