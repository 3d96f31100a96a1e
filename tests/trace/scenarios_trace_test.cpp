// Traces of real runs: every shipped scenario, run by the script layer under a few seeds, is
// recorded, written, read back (so the reader's validation accepts what the runtime emits),
// rebuilt as a model whose invariants are checked at every event, exported to Perfetto, and
// replayed: the same seed reproduces the stream exactly, an edited script diverges.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "model/model.h"
#include "script/run.h"
#include "sim/policy.h"
#include "tests/support/files_in.h"
#include "trace/compare.h"
#include "trace/perfetto.h"
#include "trace/recorder.h"
#include "trace/sha256.h"

namespace rdv::trace {
namespace {

struct Run {
  Trace trace;
  script::RunReport report;
};

// The Lua scenarios shipped in scenarios/, in name order (there must be some).
std::vector<std::filesystem::path> lua_scenarios() {
  const auto files = rdv::test::files_in(RDV_SOURCE_DIR "/scenarios", ".lua");
  REQUIRE(!files.empty());
  return files;
}

// The scenario at `path`, read as the app reads a script (it must read).
std::string read_scenario(const std::filesystem::path& path) {
  const Result<std::string> file = script::read_script(path.string());
  REQUIRE_MESSAGE(file, file.error());
  return *file;
}

Run record(const std::string& name, const std::string& source, std::uint64_t seed) {
  sim::EventLog log;
  script::RunOptions opt;
  opt.config.mode = sim::Mode::Controlled;
  opt.config.seed = seed;
  Run r;
  r.report = script::run_source(name, source, opt, log);
  Header h;
  h.scenario = name;
  h.script = source;
  h.sha256 = sha256_hex(source);
  h.seed = seed;
  h.schedule = r.report.result.schedule;
  h.decisions = r.report.result.decisions;
  Footer f;
  f.outcome = r.report.result.outcome;
  f.message = r.report.result.message;
  f.output = r.report.output;
  Recorder rec;
  rec.poll(log);
  r.trace = std::move(rec).finish(std::move(h), std::move(f));
  return r;
}

// Invariants of the model at every event of a real run.
void check_model(const model::Model& m) {
  model::Cursor c(m);
  for (std::size_t n = 1; n <= m.size(); ++n) {
    const model::State& s = c.seek(n);
    for (const model::ChannelInfo& ch : s.channels) {
      // At least one of sendq and recvq is empty (runtime/chan.go), once the event settled.
      const sim::Event& e = m.events()[n - 1];
      if (e.kind == sim::EventKind::TaskBlock) {
        CHECK_MESSAGE((ch.sendq.empty() || ch.recvq.empty()), "event " << n - 1);
      }
      // Never more than cap values in the buffer, at any event (sim/event.h, invariant 6).
      CHECK_MESSAGE(ch.buffer.size() <= static_cast<std::size_t>(std::max<std::int64_t>(ch.cap, 0)),
                    "event " << n - 1 << " channel " << m.str(ch.name));
    }
    std::uint32_t blocked = 0;
    for (const model::TaskInfo& t : s.tasks) blocked += t.state == model::TaskState::Blocked;
    CHECK(blocked == s.count_of(model::TaskState::Blocked));
  }
  // A sender parked on a channel holds a value the model knows (filled in when its send
  // completes, if the runtime did not report it when it parked).
  for (const sim::Event& e : m.events()) {
    if (e.kind != sim::EventKind::TaskBlock || e.reason != sim::BlockReason::ChanSend) continue;
    const auto later =
        std::find_if(m.events().begin() + static_cast<std::ptrdiff_t>(e.seq) + 1, m.events().end(),
                     [&](const sim::Event& x) {
                       return x.task == e.task && (x.kind == sim::EventKind::ChanSend ||
                                                   x.kind == sim::EventKind::TaskBlock);
                     });
    if (later != m.events().end() && later->kind == sim::EventKind::ChanSend) {
      CHECK_MESSAGE(!e.val.empty(), "TaskBlock #" << e.seq);
    }
  }
  for (const model::Arrow& a : m.arrows()) {
    if (a.kind != model::ArrowKind::Send) continue;
    CHECK(m.events()[a.from_seq].kind == sim::EventKind::ChanSend);
    CHECK(m.events()[a.to_seq].kind == sim::EventKind::ChanRecv);
    CHECK(m.events()[a.from_seq].obj == m.events()[a.to_seq].obj);
  }
}

TEST_CASE("scenario traces: record, read back, model, export and replay every scenario") {
  for (const auto& path : lua_scenarios()) {
    const std::string source = read_scenario(path);
    for (const std::uint64_t seed : {std::uint64_t{1}, std::uint64_t{2}}) {
      const std::string name = path.filename().string();
      INFO(name << " seed " << seed);
      Run run = record(name, source, seed);
      REQUIRE(!run.trace.events.empty());
      const std::string text = format_trace(run.trace);
      auto back = parse_trace(text, name);
      REQUIRE_MESSAGE(back.ok(), (back.ok() ? "" : back.error()));
      CHECK(!compare_streams(run.trace, *back));
      const model::Model m(std::move(*back));
      CHECK(m.head().outcome == run.report.result.outcome);
      check_model(m);
      const auto doc = nlohmann::json::parse(format_perfetto(run.trace));
      CHECK(doc.at("traceEvents").size() > run.trace.events.size() / 2);
      // Replay: the same seed (the policy is deterministic) gives the same stream.
      Run again = record(name, source, seed);
      const auto d = compare_streams(run.trace, again.trace);
      CHECK_MESSAGE(!d, (d ? d->expected + " / " + d->actual : std::string()));
    }
  }
}

TEST_CASE("scenario traces: replaying the recorded schedule reproduces every scenario exactly") {
  // What `rendezvous replay` does: the recorded choices drive a replay policy (the seed still
  // feeds rand()), and the new stream must equal the recorded one event for event.
  std::size_t replayed = 0;
  const std::vector<std::filesystem::path> files = lua_scenarios();
  for (const auto& path : files) {
    const std::string source = read_scenario(path);
    const std::string name = path.filename().string();
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
      INFO(name << " seed " << seed);
      const Run run = record(name, source, seed);
      sim::EventLog log;
      script::RunOptions opt;
      opt.config.mode = sim::Mode::Controlled;
      opt.config.seed = seed;
      opt.config.policy = sim::make_replay(run.report.result.schedule);
      const script::RunReport again = script::run_source(name, source, opt, log);
      Recorder rec;
      rec.poll(log);
      const Trace replay = std::move(rec).finish(Header{}, Footer{});
      const auto d = compare_streams(run.trace, replay);
      CHECK_MESSAGE(!d, (d ? d->expected + " / " + d->actual : std::string()));
      CHECK(again.result.outcome == run.report.result.outcome);
      CHECK(again.output == run.report.output);
      ++replayed;
    }
  }
  CHECK(replayed == files.size() * 20);
}

TEST_CASE("scenario traces: an edited script diverges, and the divergence names the event") {
  const Result<std::string> text =
      script::read_script(RDV_SOURCE_DIR "/scenarios/2.1-unbuffered-rendezvous.lua");
  REQUIRE_MESSAGE(text, text.error());
  const std::string& source = *text;
  const Run original = record("2.1", source, 1);
  std::string edited = source;
  const auto at = edited.find("ch:send(42)");
  REQUIRE(at != std::string::npos);
  edited.replace(at, 11, "ch:send(43)");
  const Run changed = record("2.1", edited, 1);
  const auto d = compare_streams(original.trace, changed.trace);
  REQUIRE(d);
  CHECK(original.trace.events[d->seq].kind == sim::EventKind::ChanSend);
  CHECK(d->expected.find("val=42") != std::string::npos);
  CHECK(d->actual.find("val=43") != std::string::npos);
}

}  // namespace
}  // namespace rdv::trace
