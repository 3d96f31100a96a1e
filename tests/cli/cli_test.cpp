// rendezvous-cli as a user runs it: exit codes 0/1/2, output on stdout, diagnostics on stderr.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/read_file.h"
#include "tests/support/scratch.h"
#include "trace/trace.h"

namespace {

namespace fs = std::filesystem;

struct Ran {
  int code = -1;
  std::string out;
  std::string err;
};

using rdv::test::read_file;

fs::path scratch() {
  static const fs::path d = rdv::test::fresh_dir("cli");
  return d;
}

// Runs `rendezvous-cli <args>` (a shell word list) with a 60 s timeout.
Ran cli(const std::string& args) {
  const fs::path d = scratch();
  const std::string cmd = "timeout 60 " + std::string(RDV_CLI) + " " + args + " >" +
                          (d / "out").string() + " 2>" + (d / "err").string();
  const int rc = std::system(cmd.c_str());
  Ran r;
  r.code = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = read_file(d / "out");
  r.err = read_file(d / "err");
  return r;
}

bool has(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

// Writes `text` to the file `name` in `d`; its path.
std::string write_script(const fs::path& d, const std::string& name, const std::string& text) {
  std::ofstream(d / name) << text;
  return (d / name).string();
}

// A run of a script written for the test, with a trace.
struct Traced {
  Ran ran;
  std::string trace;  // the trace's path
};

// Writes `text` to `name`.lua in the scratch folder and runs it with --trace to `name`.rdv.jsonl
// there.
Traced run_traced(const std::string& name, const std::string& text) {
  const fs::path d = scratch();
  Traced t;
  t.trace = (d / (name + ".rdv.jsonl")).string();
  t.ran = cli("run " + write_script(d, name + ".lua", text) + " --trace " + t.trace);
  return t;
}

// The trace at `path`, read back: it must read.
rdv::trace::Trace read_ok(const std::string& path) {
  auto t = rdv::trace::read_trace(path);
  REQUIRE(t.ok());
  return std::move(*t);
}

const std::string kDir = "tests/cli/";
const std::string kLua = "tests/script/lua/";

}  // namespace

TEST_CASE("cli run: a scenario that completes: output on stdout, nothing on stderr, exit 0") {
  const Ran r = cli("run " + kDir + "ok.lua");
  CHECK(r.code == 0);
  CHECK(r.out == "result:\t42\ttrue\n");
  CHECK(r.err.empty());
}

TEST_CASE("cli run: deadlock: exit 2, Go's message and every blocked task with file:line") {
  const Ran r = cli("run " + kLua + "chan_nil_send_blocks.lua");
  CHECK(r.code == 2);
  CHECK(has(r.err, "fatal error: all goroutines are asleep - deadlock!"));
  CHECK(has(r.err,
            "goroutine 1 [WaitGroup.Wait]:\n\tmain at chan_nil_send_blocks.lua:11, "
            "waiting on WaitGroup wg"));
  CHECK(has(r.err, "goroutine 2 [chan send (nil chan)]:\n\tstuck at chan_nil_send_blocks.lua:8"));
}

TEST_CASE("cli run: panic: exit 2, the message, the task, its line and the traceback") {
  const Ran r = cli("run " + kLua + "waitgroup_negative_panic.lua");
  CHECK(r.code == 2);
  CHECK(has(r.err, "panic: sync: negative WaitGroup counter"));
  CHECK(has(r.err, "goroutine 2 [running]:\n\textra at waitgroup_negative_panic.lua:9"));
  CHECK(has(r.err, "stack traceback:"));
}

TEST_CASE("cli run: a leak is a warning on stderr with exit 0") {
  const Ran r = cli("run " + kLua + "leak.lua");
  CHECK(r.code == 0);
  CHECK(r.out == "main returns\n");
  CHECK(has(r.err, "warning: main returned with 1 goroutine(s) still alive"));
  CHECK(has(r.err, "orphan at leak.lua:9, waiting on chan replies"));
}

TEST_CASE("cli run: script errors and limits: exit 2 naming file:line") {
  const fs::path d = scratch();
  const Ran s = cli("run " + write_script(d, "syntax.lua", "local x = 1\nif x then\n"));
  CHECK(s.code == 2);
  CHECK(has(s.err, "syntax.lua:3:"));
  const Ran l =
      cli("run " + write_script(d, "spin.lua", "local x = 0\nwhile true do\n  x = x + 1\nend\n"));
  CHECK(l.code == 2);
  CHECK(has(l.err,
            "task 1 ran 50,000,000 instructions without reaching a synchronization point "
            "at spin.lua:"));
}

TEST_CASE("cli run: escape sequences in task names and errors never reach the terminal") {
  const fs::path d = rdv::test::fresh_dir("escape");
  const Ran r = cli("run " + write_script(d, "esc.lua",
                                          "go('\\27]0;owned\\7', function() "
                                          "error('\\27[2J\\rcleared') end)\n"
                                          "sleep(1)\n"));
  CHECK(r.code == 2);
  CHECK(r.err.find('\x1b') == std::string::npos);
  CHECK(r.err.find('\r') == std::string::npos);
  CHECK(has(r.err, "\\x1b[2J\\x0dcleared"));
  CHECK(has(r.err, "\\x1b]0;owned\\x07"));
  fs::remove_all(d);
}

TEST_CASE("cli run: usage and I/O errors exit 1") {
  CHECK(cli("run /nonexistent/x.lua").code == 1);
  CHECK(has(cli("run /nonexistent/x.lua").err, "cannot open"));
  CHECK(cli("run " + kDir + "ok.lua --mode fast").code == 1);
  CHECK(cli("run " + kDir + "ok.lua --policy best").code == 1);
  CHECK(cli("run").code == 1);
  CHECK(cli("frobnicate").code == 1);
  CHECK(cli("run " + kDir + "ok.lua --trace /nonexistent/dir/x.rdv.jsonl").code == 1);
}

TEST_CASE("cli run: --quiet, --seed, --policy, --preempt, --mode live") {
  const Ran q = cli("run " + kDir + "ok.lua --quiet");
  CHECK(q.code == 0);
  CHECK(q.out.empty());
  for (const char* opt : {"--seed 7", "--policy pct", "--policy rr", "--preempt line",
                          "--mode live", "--mode controlled --policy pct --depth 2 --seed 3"}) {
    INFO(opt);
    const Ran r = cli("run " + kDir + "ok.lua " + opt);
    CHECK(r.code == 0);
    CHECK(r.out == "result:\t42\ttrue\n");
  }
  // the same seed gives the same output; --preempt line exposes lost updates for some seed
  CHECK(cli("run " + kDir + "racy.lua --seed 5").out ==
        cli("run " + kDir + "racy.lua --seed 5").out);
  bool lost = false;
  for (int seed = 1; seed <= 10 && !lost; ++seed) {
    lost = cli("run " + kDir + "racy.lua --preempt line --seed " + std::to_string(seed)).out !=
           "counter\t40\n";
  }
  CHECK(lost);
  CHECK(cli("run " + kDir + "racy.lua --seed 3").out == "counter\t40\n");
}

TEST_CASE("cli run --trace, then replay reproduces it exactly") {
  const fs::path d = scratch();
  const std::string trace = (d / "run.rdv.jsonl").string();
  const Ran r = cli("run " + kLua + "select_random.lua --seed 9 --trace " + trace);
  REQUIRE(r.code == 0);
  const auto t = read_ok(trace);
  CHECK(t.header.seed == 9);
  CHECK(t.header.scenario == kLua + "select_random.lua");
  CHECK(t.footer.outcome == rdv::sim::Outcome::Ok);
  CHECK(t.footer.output == std::vector<std::string>{"true\ttrue\t200"});
  CHECK(!t.events.empty());
  const Ran rep = cli("replay " + trace);
  CHECK(rep.code == 0);
  CHECK(has(rep.err, "reproduced exactly"));
  CHECK(rep.out == r.out);
  CHECK(cli("replay /nonexistent.rdv.jsonl").code == 1);
  // the script, edited, diverges from the recorded run
  std::string text = read_file(kLua + "select_random.lua");
  const std::string from = "for i = 1, 200 do";
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), "for i = 1, 201 do");
  const Ran div =
      cli("replay " + trace + " --quiet --script " + write_script(d, "select_random.lua", text));
  CHECK(div.code == 2);
  CHECK(has(div.err, "replay diverged at event"));
  CHECK(div.out.empty());
}

TEST_CASE("cli run --trace, then replay: bytes that are not UTF-8 round-trip exactly") {
  // Output, notes, task and channel names and an error message, each with bytes that are no
  // UTF-8 (a lone 0xff, a cut sequence, a NUL, an overlong form) and with a real U+00FF (ÿ),
  // which must stay apart from the byte 0xff.
  const Traced b = run_traced("bytes",
                              "local ch = chan(1, 'ch\\xfe')\n"
                              "go('w\\xff\\xc3', function() ch:send('v\\x80\\0') end)\n"
                              "print('\\xff', ch:recv())\n"
                              "print('\\xc3\\xbf', '\\xc0\\xaf', '\\xed\\xa0\\x80')\n"
                              "note('n\\xfe\\xff')\n"
                              "error('e\\xff')\n");
  const std::string& trace = b.trace;
  const Ran& r = b.ran;
  REQUIRE(r.code == 2);
  CHECK(r.out ==
        "\xff\tv\x80" + std::string(1, '\0') + "\ttrue\n\xc3\xbf\t\xc0\xaf\t\xed\xa0\x80\n");
  // the file is valid UTF-8 JSON: the bytes are written as \udcXX (docs/traces.md)
  const std::string text = read_file(trace);
  CHECK(has(text, "\\udcff"));
  CHECK(!has(text, "\xff"));
  const auto t = read_ok(trace);
  REQUIRE(t.footer.output.size() == 2);
  CHECK(t.footer.output[0] == "\xff\tv\x80" + std::string(1, '\0') + "\ttrue");
  CHECK(t.footer.output[1] == "\xc3\xbf\t\xc0\xaf\t\xed\xa0\x80");
  CHECK(has(t.footer.message, "e\xff"));
  const Ran rep = cli("replay " + trace);
  CHECK(rep.code == 0);  // reproduced (the recorded run's panic included)
  CHECK(has(rep.err, "reproduced exactly"));
  CHECK(!has(rep.err, "diverged"));
  CHECK(rep.out == r.out);
}

TEST_CASE("cli run: print and tostring never cut a string silently") {
  const Traced l = run_traced("long",
                              "local s = string.rep('a', 5000)\n"
                              "print(s)\n"
                              "print(#tostring(s), tostring(s) == s)\n"
                              "print(tostring({string.rep('b', 5000)}))\n"
                              "note(string.rep('c', 70000))\n");
  const Ran& r = l.ran;
  REQUIRE(r.code == 0);
  // a string is printed whole; a display past 4,096 bytes says how much it left out
  CHECK(r.out == std::string(5000, 'a') + "\n5000\ttrue\n{\"" + std::string(4093, 'b') +
                     "\"}\u2026 (907 more bytes)\n");
  const auto t = read_ok(l.trace);
  bool note_cut = false;  // a note is kept up to 64 KiB, saying how long it was
  for (const auto& e : t.events) {
    if (e.kind == rdv::sim::EventKind::Note) {
      note_cut = t.text(e) == std::string(65536, 'c') + "\u2026 (70000 bytes)";
    }
  }
  CHECK(note_cut);
}

TEST_CASE("cli run --perfetto and export --perfetto write Chrome Trace Event JSON") {
  const fs::path d = scratch();
  const std::string trace = (d / "p.rdv.jsonl").string();
  const std::string json1 = (d / "run.json").string();
  const std::string json2 = (d / "export.json").string();
  REQUIRE(cli("run " + kDir + "ok.lua --trace " + trace + " --perfetto " + json1).code == 0);
  REQUIRE(cli("export " + trace + " --perfetto " + json2).code == 0);
  const std::string a = read_file(json1);
  CHECK(has(a, "traceEvents"));
  CHECK(has(a, "worker"));
  CHECK(a == read_file(json2));
  CHECK(cli("export " + trace).code == 1);  // --perfetto is required
  CHECK(cli("export /nonexistent.rdv.jsonl --perfetto " + json2).code == 1);
}

TEST_CASE("cli explore --json counts outcomes over schedules") {
  const Ran r = cli("explore " + kDir + "ok.lua --schedules 20 --json --jobs 2");
  CHECK(r.code == 0);
  CHECK(has(r.out, "\"schedules\": 20"));
  CHECK(has(r.out, "\"ok\": 20"));
  CHECK(has(r.out, "\"distinct_outputs\": 1"));
  const Ran d = cli("explore " + kLua + "chan_nil_blocks.lua --schedules 5 --json");
  CHECK(has(d.out, "\"deadlock\": 5"));
  CHECK(has(d.out, "\"first_failure\": {\"seed\": 1"));
}

TEST_CASE("a version 1 trace (before TaskAt) still replays exactly and exports") {
  // Recorded by the previous release; its stream has no TaskAt and no TaskSpawn aux.
  const std::string v1 = "tests/trace/v1/lock_handoff.v1.rdv.jsonl";
  const auto old = read_ok(v1);
  CHECK(old.header.version == 1);
  const Ran rep = cli("replay " + v1);
  CHECK(rep.code == 0);
  CHECK(has(rep.err, "reproduced exactly (28 events, outcome ok)"));
  CHECK(rep.out == "main has the lock\ngot\t1\ttrue\n");
  const fs::path d = scratch();
  const std::string json = (d / "v1.json").string();
  REQUIRE(cli("export " + v1 + " --perfetto " + json).code == 0);
  const std::string j = read_file(json);
  CHECK(has(j, "traceEvents"));
  CHECK(has(j, "\"worker\""));
  CHECK(has(j, "\"args\":{\"line\":9}"));  // the worker's runnable span at its send
  // The same run today is a version 2 trace, with the line reports, and replays exactly too.
  const std::string v2 = (d / "v2.rdv.jsonl").string();
  REQUIRE(cli("run tests/trace/v1/lock_handoff.lua --seed 1 --quiet --trace " + v2).code == 0);
  const auto now = read_ok(v2);
  CHECK(now.header.version == 2);
  CHECK(now.header.schedule == old.header.schedule);
  bool task_at = false;
  for (const rdv::sim::Event& e : now.events)
    task_at = task_at || e.kind == rdv::sim::EventKind::TaskAt;
  CHECK(task_at);
  CHECK(now.events.size() > old.events.size());
  CHECK(has(cli("replay " + v2).err, "reproduced exactly"));
}

TEST_CASE("cli --limit-memory: a trace keeps the cap, so replay stops where the run stopped") {
  const fs::path d = scratch();
  // A table that grows until a 32 MiB cap stops it (the default cap of 256 MiB would not).
  const std::string grow = write_script(
      d, "grow.lua", "local t = {}\nfor i = 1, 2000000 do t[i] = {i} end\nprint('done')\n");
  const std::string trace = (d / "capped.rdv.jsonl").string();
  const Ran r = cli("run -q " + grow + " --limit-memory 32 --trace " + trace);
  CHECK(r.code == 2);
  CHECK(has(r.err, "memory limit exceeded"));
  const auto t = read_ok(trace);
  CHECK(t.header.limit_memory == 32);
  const Ran rep = cli("replay -q " + trace);
  INFO(rep.err);
  CHECK(rep.code == 0);
  CHECK(has(rep.err, "reproduced exactly"));
  // Told a cap of its own, the replay runs to the end instead: it diverges, and says so.
  const Ran other = cli("replay -q " + trace + " --limit-memory 512");
  CHECK(other.code == 2);
  CHECK(has(other.err, "replay diverged"));
}

TEST_CASE("cli --max-events: run, explore and replay stop at the limit given, replay keeps it") {
  const fs::path d = scratch();
  // ~2 events per line printed: 3,000 lines are ~6,000 events.
  const std::string many = write_script(d, "many.lua", "for i = 1, 3000 do print(i) end\n");
  CHECK(cli("run -q " + many).code == 0);  // the default limit (1,000,000) is far away
  const Ran small = cli("run -q " + many + " --max-events 500");
  CHECK(small.code == 2);
  CHECK(has(small.err, "event limit exceeded: more than 500 events"));
  CHECK(cli("run -q " + many + " --max-events 0").code == 1);  // out of range: usage
  CHECK(cli("run -q " + many + " --max-events 64000001").code == 1);
  CHECK(has(cli("run --help").out, "--max-events"));

  // The limit goes into the trace; replay applies it, so the run stops where it stopped.
  const std::string trace = (d / "limited.rdv.jsonl").string();
  REQUIRE(cli("run -q " + many + " --max-events 700 --trace " + trace).code == 2);
  const auto t = read_ok(trace);
  CHECK(t.header.max_events == 700);
  CHECK(t.footer.outcome == rdv::sim::Outcome::Error);
  const Ran rep = cli("replay -q " + trace);
  CHECK(rep.code == 0);
  CHECK(has(rep.err, "reproduced exactly"));
  // A replay told another limit runs further than the recording: it diverges, and says so.
  const Ran other = cli("replay -q " + trace + " --max-events 100000");
  CHECK(other.code == 2);
  CHECK(has(other.err, "replay diverged at event"));

  const Ran ex = cli("explore " + many + " --schedules 3 --jobs 1 --json --max-events 500");
  CHECK(has(ex.out, "\"error\": 3"));
}
