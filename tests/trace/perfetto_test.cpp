// Tests of the Perfetto export: the JSON parses, every task has a named track, state slices
// nest properly, and every flow pairs a send with the receive that took its value.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tests/support/synthetic.h"
#include "trace/perfetto.h"

namespace rdv::trace {
namespace {

using nlohmann::json;

// ts/dur in ns (rounded), from the µs the format uses.
std::int64_t ns(const json& v) {
  return std::llround(v.get<double>() * 1000.0);
}

struct Flow {
  int out = 0, in = 0;
  std::int64_t out_tid = -1, in_tid = -1;
  std::string out_name, in_name;
};

void check_export(const Trace& t, PerfettoOptions o) {
  const json doc = json::parse(format_perfetto(t, o));
  const json& evs = doc.at("traceEvents");
  std::map<std::int64_t, std::string> threads;
  std::map<std::string, Flow> flows;
  std::map<std::int64_t, std::vector<std::pair<std::int64_t, std::int64_t>>> slices;
  std::size_t counters = 0, notes = 0;
  for (const json& e : evs) {
    const std::string ph = e.at("ph");
    if (ph == "M" && e.at("name") == "thread_name") threads[e.at("tid")] = e.at("args").at("name");
    if (ph == "C") ++counters;
    if (ph == "i" && e.at("name").get<std::string>().rfind("note: ", 0) == 0) ++notes;
    if (ph != "X") continue;
    const std::int64_t tid = e.at("tid");
    slices[tid].emplace_back(ns(e.at("ts")), ns(e.at("ts")) + ns(e.at("dur")));
    if (!e.contains("bind_id")) continue;
    Flow& f = flows[e.at("bind_id")];
    if (e.value("flow_out", false)) {
      ++f.out;
      f.out_tid = tid;
      f.out_name = e.at("name");
    }
    if (e.value("flow_in", false)) {
      ++f.in;
      f.in_tid = tid;
      f.in_name = e.at("name");
    }
  }
  // Every task has a track named after it.
  std::size_t recvs = 0, spawns = 0, note_events = 0;
  for (const sim::Event& e : t.events) {
    if (e.kind == sim::EventKind::TaskSpawn) {
      ++spawns;
      CHECK(threads[e.task] == t.text(e));
    }
    if (e.kind == sim::EventKind::ChanRecv && e.peer_seq != sim::kNoSeq) ++recvs;
    if (e.kind == sim::EventKind::Note) ++note_events;
  }
  CHECK(threads.size() >= spawns);
  CHECK(notes == note_events);
  CHECK(counters > 0);
  // One flow per receive that took a sent value, each from the sender's send slice to the
  // receiver's receive slice.
  CHECK(flows.size() == recvs);
  for (const auto& [id, f] : flows) {
    INFO("flow " << id);
    CHECK(f.out == 1);
    CHECK(f.in == 1);
    const auto send_seq = static_cast<std::size_t>(std::stoull(id.substr(2), nullptr, 16));
    REQUIRE(send_seq < t.events.size());
    const sim::Event& send = t.events[send_seq];
    CHECK(send.kind == sim::EventKind::ChanSend);
    CHECK(f.out_tid == send.task);
    CHECK(f.out_name.rfind("send ", 0) == 0);
    CHECK(f.in_name.rfind("recv ", 0) == 0);
  }
  // Slices on one track nest or are disjoint (Perfetto drops improperly nested ones).
  for (auto& [tid, v] : slices) {
    std::sort(v.begin(), v.end(), [](auto a, auto b) {
      return a.first < b.first || (a.first == b.first && a.second > b.second);
    });
    std::vector<std::int64_t> stack;
    for (const auto& [b, e] : v) {
      while (!stack.empty() && stack.back() <= b) stack.pop_back();
      if (!stack.empty())
        CHECK_MESSAGE(e <= stack.back(),
                      "tid " << tid << " slice [" << b << "," << e << ") overlaps its parent");
      stack.push_back(e);
    }
  }
}

TEST_CASE("perfetto: a synthetic run exports with every flow pairing a send and its receive") {
  testing::SyntheticOptions o;
  o.events = 5000;
  const Trace t = testing::synthetic_trace(o);
  check_export(t, {TimeAxis::Steps});
  check_export(t, {TimeAxis::Time});
}

TEST_CASE("perfetto: a Cond's wait, signal, broadcast and its sleepers are named after it") {
  Trace t;
  auto add = [&](sim::Event e, std::string_view text = {}) {
    e.seq = t.events.size();
    e.t = static_cast<sim::Nanos>(e.seq) * 1000;
    e.text = t.strings.intern(text);
    t.events.push_back(e);
  };
  using sim::EventKind;
  add({.task = 1, .kind = EventKind::TaskSpawn, .val = {}}, "main");
  add({.task = 2, .kind = EventKind::TaskSpawn, .peer = 1, .val = {}}, "waiter");
  add({.task = 1, .kind = EventKind::MutexMake, .obj = 1, .val = {}}, "queue");
  add({.task = 1, .kind = EventKind::CondMake, .obj = 2, .aux = 1, .val = {}}, "ready");
  add({.task = 2, .kind = EventKind::TaskRun, .val = {}});
  add({.task = 2, .kind = EventKind::MutexLock, .obj = 1, .val = {}});
  add({.task = 2, .kind = EventKind::CondWait, .obj = 2, .aux = 1, .val = {}});
  add({.task = 2, .kind = EventKind::MutexUnlock, .obj = 1, .val = {}});
  add({.task = 2,
       .kind = EventKind::TaskBlock,
       .reason = sim::BlockReason::CondWait,
       .obj = 2,
       .val = {}});
  add({.task = 1, .kind = EventKind::TaskRun, .val = {}});
  add({.task = 1, .kind = EventKind::CondSignal, .obj = 2, .peer = 2, .val = {}});
  add({.task = 2, .kind = EventKind::TaskUnblock, .obj = 2, .peer = 1, .val = {}});
  add({.task = 1, .kind = EventKind::CondBroadcast, .obj = 2, .val = {}});
  add({.kind = EventKind::RunEnd, .arg = static_cast<std::int64_t>(sim::Outcome::Ok), .val = {}});
  t.footer.outcome = sim::Outcome::Ok;
  t.footer.events = t.events.size();
  const json doc = json::parse(format_perfetto(t, {TimeAxis::Steps}));
  std::set<std::string> names;
  for (const json& e : doc.at("traceEvents"))
    if (e.contains("name")) names.insert(e.at("name").get<std::string>());
  for (const char* want : {"cond.wait ready", "cond.signal ready", "cond.broadcast ready",
                           "blocked: sync.Cond.Wait ready"}) {
    CAPTURE(want);
    CHECK(names.count(want) == 1);
  }
}

TEST_CASE("perfetto: the export is deterministic and written atomically") {
  testing::SyntheticOptions o;
  o.events = 1000;
  const Trace t = testing::synthetic_trace(o);
  CHECK(format_perfetto(t) == format_perfetto(t));
  auto bad = export_perfetto(t, "/nonexistent-dir/out.json");
  REQUIRE(!bad.ok());
  CHECK(bad.error().find("/nonexistent-dir/out.json") == 0);
}

}  // namespace
}  // namespace rdv::trace
