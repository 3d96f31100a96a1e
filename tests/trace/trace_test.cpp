// Tests of the trace format: SHA-256, round trips, the reader's errors, the recorder, replay's
// stream comparison and the fuzz corpus.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "sim/event_log.h"
#include "tests/support/read_file.h"
#include "tests/support/synthetic.h"
#include "trace/compare.h"
#include "trace/recorder.h"
#include "trace/sha256.h"
#include "trace/trace.h"

namespace rdv::trace {
namespace {

using sim::Event;
using sim::EventKind;

std::string temp_dir() {
  std::string dir = "/tmp/rdv-trace-test-XXXXXX";
  REQUIRE(::mkdtemp(dir.data()) != nullptr);
  return dir;
}

using rdv::test::read_file;

// Appends e to t as the next event (its seq), with its text interned.
void append_event(Trace& t, Event e, std::string_view text = {}) {
  e.seq = t.events.size();
  e.text = t.strings.intern(text);
  t.events.push_back(e);
}

TEST_CASE("sha256: the FIPS 180-4 test vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // One million 'a', fed in uneven pieces to exercise the block buffering.
  Sha256 h;
  const std::string piece(997, 'a');
  std::size_t left = 1'000'000;
  while (left > 0) {
    const std::size_t n = std::min(left, piece.size());
    h.update(std::string_view(piece).substr(0, n));
    left -= n;
  }
  CHECK(h.hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // 55 and 56 bytes: the padding boundary.
  CHECK(sha256_hex(std::string(55, 'x')) == sha256_hex(std::string(55, 'x')));
  CHECK(sha256_hex(std::string(56, 'x')) != sha256_hex(std::string(55, 'x')));
}

Trace small_trace() {
  Trace t;
  t.header.scenario = "scenarios/2.1-unbuffered-rendezvous.lua";
  t.header.script = "local ch = chan(0, \"result\")\nprint(\"ok\")\n";
  t.header.sha256 = sha256_hex(t.header.script);
  t.header.title = "Unbuffered \"rendezvous\"";
  t.header.schedule = {0, 1, 1, 0};
  t.header.seed = 42;
  // Each event names the fields it sets; val, which has no default of its own, always.
  auto add = [&](const Event& e, std::string_view text = {}) { append_event(t, e, text); };
  add({.task = 1, .kind = EventKind::TaskSpawn, .val = {}}, "main");
  add({.task = 1, .kind = EventKind::ChanMake, .obj = 1, .line = 1, .val = {}}, "result");
  add({.t = 5,
       .task = 1,
       .kind = EventKind::TaskBlock,
       .reason = sim::BlockReason::ChanRecv,
       .obj = 1,
       .val = {}});
  add({.t = 7, .task = 1, .kind = EventKind::Print, .val = {}},
      "tab\there \"quoted\" back\\slash\nnewline ünï \x01 end");
  add({.task = 1,
       .kind = EventKind::ChanSend,
       .obj = 1,
       .arg = -9'000'000'000'000'000'000,
       .aux = 9'000'000'000'000'000'000,
       .peer_seq = 3,
       .val = sim::Val("{1, 2}")});
  add({.kind = EventKind::RunEnd, .arg = static_cast<std::int64_t>(sim::Outcome::Ok), .val = {}});
  t.footer.outcome = sim::Outcome::Ok;
  t.footer.message = "done";
  t.footer.output = {"ok", "ünï"};
  t.footer.events = t.events.size();
  return t;
}

void check_same(const Trace& a, const Trace& b) {
  CHECK(a.header == b.header);
  CHECK(a.footer == b.footer);
  REQUIRE(a.events.size() == b.events.size());
  for (std::size_t i = 0; i < a.events.size(); ++i) {
    INFO("event " << i);
    CHECK(a.events[i] == b.events[i]);
    CHECK(a.text(a.events[i]) == b.text(b.events[i]));
  }
  CHECK(!compare_streams(a, b));
}

// Formats t, parses the text back, checks it is t field for field and formats to the same
// bytes again; returns the text.
std::string check_round_trip(const Trace& t, const std::string& name) {
  const std::string text = format_trace(t);
  auto r = parse_trace(text, name);
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error()));
  check_same(t, *r);
  CHECK(format_trace(*r) == text);  // byte-identical
  return text;
}

// Ends t as a run that ended well: RunEnd, and the footer's outcome and count.
void end_ok(Trace& t) {
  append_event(
      t,
      {.kind = EventKind::RunEnd, .arg = static_cast<std::int64_t>(sim::Outcome::Ok), .val = {}});
  t.footer.outcome = sim::Outcome::Ok;
  t.footer.events = t.events.size();
}

TEST_CASE("trace: a hand-made trace round-trips through its text, field for field") {
  check_round_trip(small_trace(), "small");
}

TEST_CASE("trace: a Cond's events and its block reason round-trip and are checked") {
  Trace t;
  auto add = [&](const Event& e, std::string_view text = {}) { append_event(t, e, text); };
  add({.task = 1, .kind = EventKind::TaskSpawn, .val = {}}, "main");
  add({.task = 2, .kind = EventKind::TaskSpawn, .peer = 1, .val = {}}, "waiter");
  add({.task = 1, .kind = EventKind::MutexMake, .obj = 1, .val = {}}, "queue");
  add({.task = 1, .kind = EventKind::CondMake, .obj = 2, .aux = 1, .val = {}}, "ready");
  add({.task = 2, .kind = EventKind::MutexLock, .obj = 1, .val = {}});
  add({.task = 2, .kind = EventKind::CondWait, .obj = 2, .aux = 1, .val = {}});
  add({.task = 2, .kind = EventKind::MutexUnlock, .obj = 1, .val = {}});
  add({.task = 2,
       .kind = EventKind::TaskBlock,
       .reason = sim::BlockReason::CondWait,
       .obj = 2,
       .val = {}});
  add({.task = 1, .kind = EventKind::CondSignal, .obj = 2, .peer = 2, .val = {}});
  add({.task = 2, .kind = EventKind::TaskUnblock, .obj = 2, .peer = 1, .val = {}});
  add({.task = 1, .kind = EventKind::CondBroadcast, .obj = 2, .val = {}});
  end_ok(t);
  const std::string text = check_round_trip(t, "cond");
  CHECK(text.find("\"kind\":\"CondSignal\"") != std::string::npos);
  CHECK(text.find("\"reason\":\"CondWait\"") != std::string::npos);

  // A Cond's mutex must be a mutex; its operations name a Cond.
  const std::string h = "{\"rdv\":1}\n";
  const std::string spawn =
      "{\"seq\":0,\"t\":0,\"task\":1,\"kind\":\"TaskSpawn\",\"text\":\"main\"}\n";
  const std::string chan = "{\"seq\":1,\"t\":0,\"task\":1,\"kind\":\"ChanMake\",\"obj\":1}\n";
  auto bad =
      parse_trace(h + spawn + chan +
                      "{\"seq\":2,\"t\":0,\"task\":1,\"kind\":\"CondMake\",\"obj\":2,\"aux\":1}\n",
                  "t");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().find("t:4: aux: object 1 is a channel, not a mutex") != std::string::npos);
  bad = parse_trace(
      h + spawn + chan + "{\"seq\":2,\"t\":0,\"task\":1,\"kind\":\"CondSignal\",\"obj\":1}\n", "t");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().find("t:4: obj: object 1 is a channel, not a Cond") != std::string::npos);
}

TEST_CASE("trace: a Cond's L of every kind round-trips, and a mismatched one is refused") {
  Trace t;
  auto add = [&](const Event& e, std::string_view text = {}) { append_event(t, e, text); };
  add({.task = 1, .kind = EventKind::TaskSpawn, .val = {}}, "main");
  add({.task = 1, .kind = EventKind::MutexMake, .obj = 1, .arg = 1, .val = {}}, "rw");
  add({.task = 1, .kind = EventKind::CondMake, .obj = 2, .arg = 1, .aux = 1, .val = {}}, "loaded");
  add({.task = 1,
       .kind = EventKind::CondMake,
       .obj = 3,
       .arg = 2,
       .val = sim::Val("*main.countingLock")},
      "turn");
  add({.task = 1, .kind = EventKind::CondMake, .obj = 4, .arg = 3, .val = {}}, "c");
  end_ok(t);
  const std::string text = check_round_trip(t, "cond");
  CHECK(text.find("\"val\":\"*main.countingLock\"") != std::string::npos);

  const std::string h = "{\"rdv\":1}\n";
  const std::string spawn =
      "{\"seq\":0,\"t\":0,\"task\":1,\"kind\":\"TaskSpawn\",\"text\":\"main\"}\n";
  const std::string mu = "{\"seq\":1,\"t\":0,\"task\":1,\"kind\":\"MutexMake\",\"obj\":1}\n";
  auto bad = parse_trace(h + spawn + mu +
                             "{\"seq\":2,\"t\":0,\"task\":1,\"kind\":\"CondMake\",\"obj\":2,"
                             "\"arg\":2,\"aux\":1}\n",
                         "t");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().find("t:4: CondMake with an L of the program or nil names object 1") !=
        std::string::npos);
  bad = parse_trace(h + spawn + mu +
                        "{\"seq\":2,\"t\":0,\"task\":1,\"kind\":\"CondMake\",\"obj\":2,"
                        "\"arg\":7,\"aux\":1}\n",
                    "t");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().find("t:4: CondMake with L of kind 7") != std::string::npos);
}

TEST_CASE("trace: a synthetic run round-trips through a file, byte for byte") {
  testing::SyntheticOptions o;
  o.events = 20'000;
  const Trace t = testing::synthetic_trace(o);
  const std::string dir = temp_dir();
  const std::string path = dir + "/run.rdv.jsonl";
  REQUIRE(write_trace(path, t).ok());
  auto r = read_trace(path);
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error()));
  check_same(t, *r);
  // Overwrite in place: the rename replaces the old file; no temporary is left behind.
  REQUIRE(write_trace(path, *r).ok());
  CHECK(read_file(path) == format_trace(t));
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& f : std::filesystem::directory_iterator(dir)) ++files;
  CHECK(files == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("trace: identical runs give identical files") {
  testing::SyntheticOptions o;
  o.events = 3000;
  o.seed = 7;
  CHECK(format_trace(testing::synthetic_trace(o)) == format_trace(testing::synthetic_trace(o)));
}

TEST_CASE("trace: writing where it cannot is an error value naming the path") {
  const Trace t = small_trace();
  auto s = write_trace("/nonexistent-dir/x.rdv.jsonl", t);
  REQUIRE(!s.ok());
  CHECK(s.error().find("/nonexistent-dir/x.rdv.jsonl") == 0);
  auto missing = read_trace("/nonexistent-dir/x.rdv.jsonl");
  REQUIRE(!missing.ok());
  CHECK(missing.error().find("/nonexistent-dir/x.rdv.jsonl: cannot open") == 0);
}

TEST_CASE("trace: the reader names the line and what is wrong") {
  const std::string h = "{\"rdv\":1}\n";
  const std::string spawn =
      "{\"seq\":0,\"t\":0,\"task\":1,\"kind\":\"TaskSpawn\",\"text\":\"main\"}\n";
  const std::string chan = "{\"seq\":1,\"t\":0,\"task\":1,\"kind\":\"ChanMake\",\"obj\":1}\n";
  const std::string foot1 = "{\"end\":true,\"outcome\":\"ok\",\"events\":1}\n";
  const std::string foot2 = "{\"end\":true,\"outcome\":\"ok\",\"events\":2}\n";
  struct Case {
    std::string text;
    std::string error;
  };
  const Case cases[] = {
      {"", "t: empty file"},
      {"not json\n", "t:1: expected a JSON object"},
      {"{\"x\":1}\n" + foot1, "t:1: not a rendezvous trace"},
      {"{\"rdv\":3}\n", "t:1: trace format version 3 is newer"},
      {"{\"rdv\":\"1\"}\n", "t:1: field \"rdv\": expected an integer"},
      {"{\"rdv\":1,\"sha256\":\"abc\"}\n", "t:1: field \"sha256\""},
      {"{\"rdv\":1,\"script\":\"x\",\"sha256\":\"" + std::string(64, 'a') + "\"}\n",
       "t:1: the script does not match its sha256"},
      {h, "t:1: truncated"},
      {h + spawn, "t:2: truncated"},
      {h + spawn.substr(0, 30) + "\n", "t:2: expected ':'"},
      {h + spawn.substr(0, 33) + "\n", "t:2: unterminated string"},
      {h + "{\"seq\":0,\"t\":0,\"task\":1}\n", "t:2: event without \"kind\""},
      {h + "{\"seq\":0,\"t\":0,\"task\":1,\"kind\":\"Teleport\"}\n", "t:2: unknown event kind"},
      {h + "{\"seq\":0,\"t\":0,\"task\":\"one\",\"kind\":\"TaskSpawn\"}\n",
       "t:2: field \"task\": expected an integer"},
      {h + "{\"seq\":0,\"t\":0,\"task\":99999999999,\"kind\":\"TaskSpawn\"}\n",
       "t:2: field \"task\": 99999999999 is out of range"},
      {h + "{\"seq\":0,\"t\":1e400,\"task\":1,\"kind\":\"TaskSpawn\"}\n",
       "t:2: field \"t\": expected an integer"},
      {h + "{\"seq\":0,\"t\":0,\"task\":-1,\"kind\":\"TaskSpawn\"}\n", "t:2: field \"task\""},
      {h + "{\"seq\":1,\"t\":0,\"task\":1,\"kind\":\"TaskSpawn\"}\n", "t:2: seq 1 out of order"},
      {h + "{\"seq\":0,\"t\":0,\"task\":2,\"kind\":\"TaskRun\"}\n",
       "t:2: task 2 was never spawned"},
      {h + spawn + "{\"seq\":1,\"t\":0,\"task\":1,\"kind\":\"ChanSend\",\"obj\":7}\n",
       "t:3: object 7 was never made"},
      {h + spawn + chan + "{\"seq\":2,\"t\":0,\"task\":1,\"kind\":\"WgAdd\",\"obj\":1}\n",
       "t:4: obj: object 1 is a channel, not a WaitGroup"},
      {h + spawn + chan + "{\"seq\":2,\"t\":0,\"task\":1,\"kind\":\"ChanMake\",\"obj\":1}\n",
       "t:4: object 1 made twice"},
      {h + spawn + "{\"seq\":1,\"t\":0,\"task\":1,\"kind\":\"TaskBlock\",\"reason\":\"Nap\"}\n",
       "t:3: unknown block reason"},
      {h + spawn + "{\"seq\":1,\"t\":0,\"task\":1,\"kind\":\"TaskBlock\"}\n",
       "t:3: TaskBlock without a reason"},
      {h + spawn + "{\"seq\":1,\"t\":0,\"task\":1,\"kind\":\"Print\",\"text\":\"\\ud800\"}\n",
       "t:3: unpaired UTF-16 surrogate"},
      {h + spawn + "{\"seq\":1,\"t\":0,\"task\":1,\"kind\":\"Print\",\"text\":\"\xff\"}\n",
       "t:3: invalid UTF-8"},
      {h + spawn + "{\"seq\":1,\"t\":0,\"task\":1,\"kind\":\"Note\",\"x\":" +
           std::string(100, '[') + std::string(100, ']') + "}\n",
       "t:3: nested too deeply"},
      {h + spawn + "{\"seq\":1,\"t\":0,\"task\":1,\"kind\":\"Note\"} x\n",
       "t:3: text after the JSON object"},
      {h + spawn + foot2, "t:3: footer says 2 events, the file has 1"},
      {h + spawn + "{\"end\":false,\"events\":1}\n", "t:3: footer: \"end\" must be true"},
      {h + spawn + "{\"end\":true,\"outcome\":\"meh\",\"events\":1}\n", "t:3: unknown outcome"},
      {h + spawn + foot1 + spawn, "t:4: text after the footer"},
      // Format 2's line reports (sim/event.h "Lines") have no place in a version 1 file.
      {h + spawn + "{\"seq\":1,\"t\":0,\"task\":1,\"kind\":\"TaskAt\",\"line\":3}\n",
       "t:3: a TaskAt event in a version 1 trace"},
      {h + spawn + "{\"seq\":1,\"t\":0,\"task\":2,\"kind\":\"TaskSpawn\",\"peer\":1,\"aux\":4}\n",
       "t:3: a TaskSpawn with \"aux\" in a version 1 trace"},
      {"{\"rdv\":2}\n" + spawn + "{\"seq\":1,\"t\":0,\"task\":1,\"kind\":\"TaskAt\"}\n",
       "t:3: TaskAt needs a task and a line"},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.text.substr(0, 200));
    auto r = parse_trace(c.text, "t");
    REQUIRE(!r.ok());
    CHECK_MESSAGE(r.error().find(c.error) == 0, r.error());
  }
}

TEST_CASE("trace: unknown fields are ignored, blank lines skipped") {
  const std::string text =
      "{\"rdv\":1,\"future\":{\"a\":[1,2,{\"b\":null}]},\"mode\":\"live\"}\n"
      "{\"seq\":0,\"t\":0,\"task\":1,\"kind\":\"TaskSpawn\",\"text\":\"main\",\"new\":[true,false,-"
      "1.5e3]}\n"
      "\n"
      "{\"end\":true,\"outcome\":\"ok\",\"events\":1,\"extra\":\"x\"}\n";
  auto r = parse_trace(text, "t");
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error()));
  CHECK(r->header.mode == "live");
  CHECK(r->events.size() == 1);
  CHECK(r->text(r->events[0]) == "main");
}

TEST_CASE("trace: a line over the limit is rejected with its number") {
  std::string text = "{\"rdv\":1}\n{\"seq\":0,\"t\":0,\"task\":1,\"kind\":\"Note\",\"text\":\"";
  text.append(kMaxLineBytes, 'x');
  text += "\"}\n";
  auto r = parse_trace(text, "big");
  REQUIRE(!r.ok());
  CHECK(r.error().find("big:2: line longer than") == 0);
}

// A stand-in for sim::EventLog (committed/at/str), so the recorder is tested on its own.
struct FakeLog {
  std::vector<Event> events;
  std::vector<std::string> strs{""};
  std::size_t committed() const { return events.size(); }
  const Event& at(std::size_t i) const { return events[i]; }
  std::string_view str(sim::StrId id) const { return strs[id]; }
};

TEST_CASE("recorder: polling a growing log gives the canonical trace") {
  testing::SyntheticOptions o;
  o.events = 5000;
  const Trace want = testing::synthetic_trace(o);
  // Re-express the stream with a different (non-canonical, duplicating) string table.
  FakeLog log;
  Recorder rec;
  for (std::size_t i = 0; i < want.events.size(); ++i) {
    Event e = want.events[i];
    if (e.text) {
      log.strs.emplace_back(want.text(want.events[i]));
      e.text = static_cast<sim::StrId>(log.strs.size() - 1);
    }
    log.events.push_back(e);
    if (i % 777 == 0) rec.poll(log);  // as the UI thread would, while the run goes on
  }
  rec.poll(log);
  CHECK(rec.poll(log) == 0);
  Trace got =
      std::move(rec).finish(want.header, Footer{want.footer.outcome, want.footer.message, {}, 0});
  check_same(want, got);
}

TEST_CASE("recorder: a run's trace says what ran and how, with its schedule and footer") {
  const Header h = run_header("x/a.lua", "print(1)", "A", sim::Mode::Controlled,
                              sim::PolicyKind::Pct, 7, sim::Preempt::Line, 4);
  CHECK(h.scenario == "x/a.lua");
  CHECK(h.script == "print(1)");
  CHECK(h.sha256 == sha256_hex("print(1)"));
  CHECK(h.title == "A");
  CHECK(h.mode == "controlled");
  CHECK(h.policy == "pct");
  CHECK(h.seed == 7);
  CHECK(h.preempt == "line");
  CHECK(h.depth == 4);
  CHECK(run_header("a.lua", "", "", sim::Mode::Live, sim::PolicyKind::Random, 1, sim::Preempt::Sync,
                   4)
            .depth == 0);  // depth is pct's only

  sim::EventLog log;
  Event print;
  print.kind = EventKind::Print;
  print.task = 1;
  print.text = log.intern("hello");
  log.append(print);
  sim::RunResult result;
  result.outcome = sim::Outcome::Ok;
  result.schedule = {2, 1};
  result.decisions = 5;
  const Trace t = record_run(h, result, {"hello"}, log);
  CHECK(t.header.schedule == std::vector<std::uint32_t>{2, 1});
  CHECK(t.header.decisions == 5);
  CHECK(t.footer.outcome == sim::Outcome::Ok);
  CHECK(t.footer.output == std::vector<std::string>{"hello"});
  REQUIRE(t.events.size() == 1);
  CHECK(t.text(t.events[0]) == "hello");
}

TEST_CASE("compare: identical streams agree, the first difference is reported") {
  testing::SyntheticOptions o;
  o.events = 2000;
  const Trace a = testing::synthetic_trace(o);
  Trace b = testing::synthetic_trace(o);
  CHECK(!compare_streams(a, b));
  b.events[1234].val.set("changed");
  auto d = compare_streams(a, b);
  REQUIRE(d);
  CHECK(d->seq == 1234);
  CHECK(d->actual.find("val=changed") != std::string::npos);
  // Text is compared as text: a different table with the same words is no divergence.
  Trace c = testing::synthetic_trace(o);
  c.events.resize(1500);
  auto shorter = compare_streams(a, c);
  REQUIRE(shorter);
  CHECK(shorter->seq == 1500);
  CHECK(shorter->actual == "end of the run");
  o.seed = 2;
  auto other = compare_streams(a, testing::synthetic_trace(o));
  CHECK(other);
}

TEST_CASE("trace: the fuzz corpus never crashes the reader, ok-* files load, bad-* do not") {
  std::size_t n = 0;
  for (const auto& f : std::filesystem::directory_iterator(RDV_TRACE_CORPUS)) {
    const std::string name = f.path().filename().string();
    INFO(name);
    auto r = read_trace(f.path().string());
    if (name.rfind("ok-", 0) == 0) CHECK_MESSAGE(r.ok(), (r.ok() ? "" : r.error()));
    if (name.rfind("bad-", 0) == 0) CHECK(!r.ok());
    ++n;
  }
  CHECK(n >= 5);
}

TEST_CASE("trace: a run's event limit is kept when not the default, out of range is an error") {
  Trace t = small_trace();
  CHECK(format_trace(t).find("max_events") == std::string::npos);  // default: not written
  t.header.max_events = 5'000'000;
  const std::string text = format_trace(t);
  auto r = parse_trace(text, "limit");
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error()));
  CHECK(r->header.max_events == 5'000'000);
  check_same(t, *r);
  std::string bad = text;
  bad.replace(bad.find("\"max_events\":5000000"), 20, "\"max_events\":0");
  auto b = parse_trace(bad, "bad");
  REQUIRE(!b.ok());
  CHECK(b.error().find("bad:1: field \"max_events\": expected 1 to 64000000") != std::string::npos);
}

TEST_CASE("trace: a run's memory cap is kept when one was given, out of range is an error") {
  Trace t = small_trace();
  CHECK(format_trace(t).find("limit_memory") == std::string::npos);  // none given: not written
  t.header.limit_memory = 64;
  const std::string text = format_trace(t);
  auto r = parse_trace(text, "cap");
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error()));
  CHECK(r->header.limit_memory == 64);
  check_same(t, *r);
  std::string bad = text;
  bad.replace(bad.find("\"limit_memory\":64"), 17, "\"limit_memory\":8");
  auto b = parse_trace(bad, "bad");
  REQUIRE(!b.ok());
  CHECK(b.error().find("bad:1: field \"limit_memory\": expected 16 to 1048576") !=
        std::string::npos);
}

TEST_CASE("trace: more output lines than the reader takes are cut with a mark, still readable") {
  // A run of more than a million events (--max-events) can print more lines than the footer may
  // hold (kMaxOutputLines); the writer cuts them as it cuts bytes, so its file always reads back.
  Trace t = small_trace();
  t.footer.output.assign(kMaxOutputLines + 5, std::string());
  const std::string text = format_trace(t);
  auto r = parse_trace(text, "lines");
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error()));
  REQUIRE(r->footer.output.size() == kMaxOutputLines);
  CHECK(r->footer.output.back() == "… (6 more lines)");
  // Exactly the limit: nothing cut.
  t.footer.output.assign(kMaxOutputLines, std::string("x"));
  auto e = parse_trace(format_trace(t), "exact");
  REQUIRE_MESSAGE(e.ok(), (e.ok() ? "" : e.error()));
  CHECK(e->footer.output.size() == kMaxOutputLines);
  CHECK(e->footer.output.back() == "x");
}

}  // namespace
}  // namespace rdv::trace
