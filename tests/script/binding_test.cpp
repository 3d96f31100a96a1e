// The script layer as a library: sandbox, limits, abort, errors, determinism, display.
#include <doctest/doctest.h>

#include <cmath>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "script/display.h"
#include "script/run.h"
#include "sim/policy.h"
#include "tests/support/read_file.h"

namespace {

using rdv::script::RunOptions;
using rdv::script::RunReport;
using rdv::sim::Mode;
using rdv::sim::Outcome;

RunReport run(std::string_view source, RunOptions opt = {}) {
  rdv::sim::EventLog log;
  return rdv::script::run_source("t.lua", source, opt, log);
}

RunOptions live() {
  RunOptions opt;
  opt.config.mode = Mode::Live;
  return opt;
}

bool contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

// Every event of a run as text (seq, time, task, kind, obj, peer, line, arg, aux, text, val).
std::vector<std::string> event_lines(const rdv::sim::EventLog& log) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < log.committed(); ++i) {
    const rdv::sim::Event& e = log.at(i);
    out.push_back(
        std::to_string(e.seq) + " " + std::to_string(e.t) + " " + std::to_string(e.task) + " " +
        rdv::sim::to_string(e.kind) + " " + std::to_string(static_cast<int>(e.reason)) + " " +
        std::to_string(e.obj) + " " + std::to_string(e.peer) + " " + std::to_string(e.line) + " " +
        std::to_string(e.arg) + " " + std::to_string(e.aux) + " " + std::to_string(e.peer_seq) +
        " " + std::string(log.str(e.text)) + " " + std::string(e.val.view()));
  }
  return out;
}

// A run of `source` under `opt` that a limit ends: it ends in an error. `took` gets how long it
// took on the wall clock.
RunReport run_to_limit(std::string_view source, const RunOptions& opt,
                       std::chrono::steady_clock::duration& took) {
  const auto t0 = std::chrono::steady_clock::now();
  RunReport r = run(source, opt);
  took = std::chrono::steady_clock::now() - t0;
  INFO(r.diagnostics);
  CHECK(r.result.outcome == Outcome::Error);
  return r;
}

// A run ended by a limit of 1 s: the limit was reached, and not long after.
void check_ended_after_a_second(std::chrono::steady_clock::duration took) {
  CHECK(took >= std::chrono::seconds(1));
  CHECK(took < std::chrono::seconds(30));
}

// One task works (a 1 MiB search per round) and reaches a sync point every round, so the step
// budget restarts; main (line 7) only receives. The worker sends at line 4.
constexpr std::string_view kBusySender =
    "local s = string.rep('a', 1 << 20)\nlocal ch = chan(1)\n"
    "go(function()\n  while true do ch:send(s:find('x') or 0) end\nend)\n"
    "while true do\n  ch:recv()\nend\n";

// kBusySender under `opt` (with room for 64 million events), which has a limit of 1 s that
// ends it: it ends in an error, after a second and not long after.
RunReport run_busy_sender_to_limit(RunOptions opt) {
  opt.config.max_events = 64'000'000;
  std::chrono::steady_clock::duration took{};
  RunReport r = run_to_limit(kBusySender, opt, took);
  check_ended_after_a_second(took);  // a second of CPU takes at least a second
  return r;
}

// A run of `source` under `opt` that ends well, having printed `output`.
void check_runs_ok(std::string_view source, const RunOptions& opt,
                   const std::vector<std::string>& output) {
  const RunReport r = run(source, opt);
  INFO(r.diagnostics);
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(r.output == output);
}

}  // namespace

// ---- sandbox ------------------------------------------------------------------------------------

TEST_CASE("sandbox: os, io, package, require, debug are absent") {
  for (const char* name : {"os", "io", "package", "debug", "require"}) {
    const RunReport r = run(std::string("print(type(") + name + "))");
    INFO(name);
    CHECK(r.result.outcome == Outcome::Ok);
    REQUIRE(r.output.size() == 1);
    CHECK(r.output[0] == "nil");
  }
}

TEST_CASE("sandbox: dofile, loadfile, string.dump, collectgarbage are refused with a message") {
  const RunReport a = run("dofile('/etc/passwd')");
  CHECK(a.result.outcome == Outcome::Panic);
  CHECK(contains(a.diagnostics, "dofile is not available in scenarios"));
  const RunReport b = run("loadfile('x.lua')");
  CHECK(contains(b.diagnostics, "loadfile is not available"));
  const RunReport c = run("string.dump(print)");
  CHECK(contains(c.diagnostics, "string.dump is not available"));
  const RunReport d = run("collectgarbage('collect')");
  CHECK(contains(d.diagnostics, "only \"count\""));
  const RunReport e = run("print(type(collectgarbage('count')))");
  CHECK(e.output == std::vector<std::string>{"number"});
}

TEST_CASE("sandbox: load takes text only, binary chunks are refused") {
  const RunReport a = run("print(load('return 1 + 1')())");
  CHECK(a.output == std::vector<std::string>{"2"});
  const RunReport b = run("print(load('\\27Lua', 'x', 'b'))");
  CHECK(contains(b.diagnostics, "binary chunks are not allowed"));
  const RunReport c = run("print(load('\\27LuaT\\0', 'x'))");
  REQUIRE(c.output.size() == 1);
  CHECK(contains(c.output[0], "attempt to load a binary chunk"));
}

TEST_CASE("sandbox: no addresses: %p and __gc are refused, tostring is deterministic") {
  CHECK(contains(run("print(string.format('%p', {}))").diagnostics, "%p is not available"));
  CHECK(contains(run("setmetatable({}, {__gc = print})").diagnostics, "__gc"));
  const RunReport r = run("print(tostring({}), tostring(coroutine.create(print)))");
  CHECK(r.output == std::vector<std::string>{"{}\tthread: 1"});
}

// ---- limits -------------------------------------------------------------------------------------

TEST_CASE("limits: the memory cap ends the run with a clear error, not a crash") {
  RunOptions opt;
  opt.memory_cap = std::size_t{16} << 20;
  const RunReport r =
      run("local t = {}\nfor i = 1, 1e8 do t[i] = string.rep('x', 100) .. i end", opt);
  CHECK(r.result.outcome == Outcome::Error);
  CHECK(contains(r.diagnostics, "memory limit exceeded"));
  CHECK(contains(r.diagnostics, "16 MiB"));
  CHECK(contains(r.diagnostics, "t.lua:2"));
  CHECK(r.exit_code() == 2);
}

TEST_CASE("limits: pcall cannot swallow the memory cap") {
  RunOptions opt;
  opt.memory_cap = std::size_t{16} << 20;
  const RunReport r = run(
      "while true do pcall(function() local s = {} for i = 1, 1e8 do s[i] = i end end) end", opt);
  CHECK(r.result.outcome == Outcome::Error);
  CHECK(contains(r.diagnostics, "memory limit exceeded"));
}

TEST_CASE("limits: one huge allocation is refused too") {
  RunOptions opt;
  opt.memory_cap = std::size_t{16} << 20;
  const RunReport r = run("local s = string.rep('x', 1 << 30)", opt);
  CHECK(r.result.outcome == Outcome::Error);
  CHECK(contains(r.diagnostics, "memory limit exceeded"));
}

TEST_CASE("limits: the task cap ends the run naming file:line") {
  RunOptions opt;
  opt.config.max_tasks = 50;
  const RunReport r =
      run("local ch = chan(0)\nfor i = 1, 100 do\n  go(function() ch:recv() end)\nend", opt);
  CHECK(r.result.outcome == Outcome::Error);
  CHECK(contains(r.diagnostics, "t.lua:3"));
  CHECK(contains(r.diagnostics, "too many tasks"));
}

TEST_CASE("limits: the step budget stops a task that never reaches a sync point") {
  RunOptions opt;
  opt.step_budget = 2'000'000;
  const RunReport r = run("go(function() end)\nlocal x = 0\nwhile true do\n  x = x + 1\nend", opt);
  CHECK(r.result.outcome == Outcome::Error);
  CHECK(contains(r.diagnostics,
                 "task 1 ran 2,000,000 instructions without reaching a synchronization point at "
                 "t.lua:"));
  // in a task other than main, and through pcall
  const RunReport t =
      run("go('spin', function() pcall(function() while true do end end) end)\nsleep(10)", opt);
  CHECK(t.result.outcome == Outcome::Error);
  CHECK(contains(t.diagnostics, "task 2 ran 2,000,000 instructions"));
}

TEST_CASE("limits: the step budget holds in live mode too") {
  RunOptions opt = live();
  opt.step_budget = 2'000'000;
  const RunReport r = run("go('spin', function() while true do end end)\nsleep(1e6)", opt);
  CHECK(r.result.outcome == Outcome::Error);
  CHECK(contains(r.diagnostics, "task 2 ran 2,000,000 instructions"));
  CHECK(contains(r.diagnostics, "at t.lua:1"));
}

TEST_CASE("preempt line: lost updates on a shared variable become visible") {
  // Two tasks add 20 each to a shared counter without a lock (the script cli_test runs too).
  const std::string src = rdv::test::read_file("tests/cli/racy.lua");
  REQUIRE(!src.empty());
  const std::vector<std::string> all = {"counter\t40"};
  int lost = 0;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    RunOptions sync;
    sync.config.seed = seed;
    CHECK(run(src, sync).output == all);  // no sched point inside
    RunOptions line = sync;
    line.preempt = rdv::sim::Preempt::Line;
    const RunReport r = run(src, line);
    REQUIRE(r.result.outcome == Outcome::Ok);
    if (r.output != all) ++lost;
  }
  CHECK(lost > 0);
}

TEST_CASE("limits: --limit-wall ends a run that keeps reaching sync points, at its line") {
  RunOptions opt;
  opt.config.max_wall = rdv::sim::Nanos{1'000'000'000};
  opt.config.max_events = 64'000'000;
  opt.output_cap = 0;
  std::chrono::steady_clock::duration took{};
  const RunReport r =
      run_to_limit("local ch = chan(1)\nwhile true do\n  ch:send(1); ch:recv()\nend\n", opt, took);
  INFO(r.diagnostics);
  CHECK(contains(r.diagnostics, "t.lua:3: time limit exceeded: the run took more than 1 s"));
  check_ended_after_a_second(took);
}

TEST_CASE("limits: a live run whose tasks all wait past --limit-wall ends at once, not later") {
  RunOptions opt = live();
  opt.config.max_wall = rdv::sim::Nanos{5} * 1'000'000'000;
  std::chrono::steady_clock::duration took{};
  const RunReport r =
      run_to_limit("go(function() sleep(60 * second) end)\nsleep(3600 * second)\n", opt, took);
  INFO(r.diagnostics);
  CHECK(contains(r.diagnostics, "every task waits for a timer that fires after the run's limit"));
  CHECK(took < std::chrono::seconds(4));  // not the 5 s limit, let alone the hour
  // A timer past the limit is no reason to end while another one will wake a task before it.
  check_runs_ok(
      "local ch = chan()\n"
      "go(function() sleep(50) ch:send('in time') end)\n"
      "select { on_recv(ch, function(v) print(v) end), on_recv(after(3600 * second)) }\n",
      opt, {"in time"});
}

TEST_CASE("limits: --limit-cpu ends a run that works between sync points, naming its task") {
  RunOptions opt;
  opt.config.max_cpu = rdv::sim::Nanos{1'000'000'000};
  // The limit counts both tasks of kBusySender, and names the task whose check found it passed:
  // either, at its own line.
  const RunReport r = run_busy_sender_to_limit(opt);
  INFO(r.diagnostics);
  const bool worker = contains(r.diagnostics,
                               "t.lua:4: CPU time limit exceeded: the run's tasks "
                               "used more than 1 s of CPU time (--limit-cpu); "
                               "task 2 was running");
  const bool main = contains(r.diagnostics,
                             "t.lua:7: CPU time limit exceeded: the run's tasks "
                             "used more than 1 s of CPU time (--limit-cpu); "
                             "task 1 was running");
  CHECK((worker || main));
  // A run that ends before its CPU limit is not touched by it.
  check_runs_ok("local t = 0\nfor i = 1, 100000 do t = t + i end\nprint(t)\n", opt, {"5000050000"});
}

TEST_CASE("limits: --limit-task-cpu ends the task that used its CPU time, not the idle one") {
  // The worker searches 1 MiB between sends, so it reaches a sync point every round (the step
  // budget restarts) and passes 1 s of its own CPU; main only receives. The run's --limit-cpu
  // (default 300 s) is far off: the limit per task ends the run, naming the worker at its line.
  for (const Mode mode : {Mode::Controlled, Mode::Live}) {
    RunOptions opt;
    opt.config.mode = mode;
    opt.config.max_task_cpu = rdv::sim::Nanos{1'000'000'000};
    const RunReport r = run_busy_sender_to_limit(opt);
    INFO(r.diagnostics);
    CHECK(contains(r.diagnostics,
                   "t.lua:4: CPU time limit exceeded: task 2 used more than 1 s "
                   "of CPU time (--limit-task-cpu)"));
  }
  // Tasks that each stay under it are not touched, however many there are together.
  RunOptions opt;
  opt.config.max_task_cpu = rdv::sim::Nanos{1'000'000'000};
  check_runs_ok(
      "local wg = waitgroup()\nfor i = 1, 4 do\n  wg:add(1)\n  go(function()\n"
      "    local t = 0\n    for j = 1, 100000 do t = t + j end\n    wg:done()\n  end)\n"
      "end\nwg:wait()\nprint('done')\n",
      opt, {"done"});
}

TEST_CASE("limits: sync points reset the step budget") {
  RunOptions opt;
  opt.step_budget = 1'000'000;
  const RunReport r =
      run("local ch = chan(1)\nfor i = 1, 300 do\n  for j = 1, 1000 do end\n"
          "  ch:send(i); ch:recv()\nend\nprint('done')",
          opt);
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(r.output == std::vector<std::string>{"done"});
}

// ---- abort --------------------------------------------------------------------------------------

void check_abort(Mode mode, const std::string& src) {
  RunOptions opt;
  opt.config.mode = mode;
  opt.step_budget = 0;  // no budget: only the abort can stop these
  rdv::sim::EventLog log;
  rdv::script::ScriptRun r("t.lua", src, opt, log);
  r.start();
  CHECK_FALSE(r.wait_for(std::chrono::milliseconds(50)));
  r.abort();
  REQUIRE(r.wait_for(std::chrono::seconds(20)));
  const RunReport rep = r.finish();
  INFO(src);
  CHECK(rep.result.outcome == Outcome::Aborted);
  CHECK(rep.output.empty());
}

TEST_CASE("abort: pcall cannot catch the abort of a run (parked, and looping in Lua)") {
  // parked (live: a sleeping task is not a deadlock, so only the abort ends it)
  check_abort(Mode::Live, "while true do pcall(function() sleep(100 * second) end) end");
  for (const Mode mode : {Mode::Controlled, Mode::Live}) {
    // looping in Lua, in main and in another task, through pcall, xpcall and coroutines
    check_abort(mode,
                "go(function() while true do pcall(function() while true do end end) end end)\n"
                "while true do pcall(function() local x = 0 while true do x = x + 1 end end) end");
    check_abort(mode,
                "while true do print(xpcall(function() local t = {} while true do "
                "t[#t % 10 + 1] = 1 end end, function(e) return e end)) end");
    check_abort(mode,
                "while true do print(coroutine.resume(coroutine.create(function() while true do "
                "end end))) end");
  }
}

TEST_CASE("abort: destroying a ScriptRun with parked tasks joins them") {
  rdv::sim::EventLog log;
  {
    rdv::script::ScriptRun r(
        "t.lua",
        "local ch = chan(0)\nfor i = 1, 200 do go(function() ch:recv() end) end\n"
        "sleep(1e9)",
        live(), log);
    r.start();
    r.wait_for(std::chrono::milliseconds(20));
  }
  CHECK(log.closed());
}

// ---- errors -------------------------------------------------------------------------------------

TEST_CASE("names: a long task or channel name is shortened, saying how much was left out") {
  rdv::sim::EventLog log;
  const RunReport r =
      rdv::script::run_source("t.lua",
                              "local ch = chan(1, string.rep('c', 1000))\n"
                              "go(string.rep('t', 250), function() ch:send(1) end)\nch:recv()\n",
                              {}, log);
  REQUIRE(r.result.outcome == Outcome::Ok);
  bool task = false, chan = false;
  for (std::size_t i = 0; i < log.committed(); ++i) {
    const std::string_view text = log.str(log.at(i).text);
    if (text == std::string(200, 't') + "\u2026 (50 more bytes)") task = true;
    if (text == std::string(200, 'c') + "\u2026 (800 more bytes)") chan = true;
  }
  CHECK(task);
  CHECK(chan);
}

TEST_CASE("errors: a syntax error names file:line and ends the run as an error") {
  const RunReport r = run("local x = 1\nlocal y = = 2\n");
  CHECK(r.result.outcome == Outcome::Error);
  CHECK(contains(r.diagnostics, "t.lua:2:"));
  CHECK(contains(r.diagnostics, "unexpected symbol near '='"));
  CHECK(r.exit_code() == 2);
  const RunReport u = run("print('unterminated)");
  CHECK(contains(u.diagnostics, "t.lua:1: unfinished string"));
  const RunReport b = run(std::string("\x1bLua\x54\x00junk", 10));
  CHECK(b.result.outcome == Outcome::Error);
  CHECK(contains(b.diagnostics, "binary chunk"));
}

TEST_CASE("errors: a panic value whose __tostring fails is reported, never a crash") {
  const char* bad = "setmetatable({}, {__tostring = function() error('no display', 0) end})";
  const RunReport r = run(std::string("panic(") + bad + ")");
  CHECK(r.result.outcome == Outcome::Panic);
  const RunReport g =
      run(std::string("local g = group()\ng:go(function() return ") + bad + " end)\ng:wait()");
  CHECK(g.result.outcome == Outcome::Panic);
  CHECK(contains(g.diagnostics, "no display"));
  const RunReport c =
      run(std::string("local ch = chan(1)\nprint(pcall(ch.send, ch, ") + bad + "))");
  CHECK(c.output == std::vector<std::string>{"false\tno display"});
}

TEST_CASE("errors: run_file reports a missing file as an I/O error (exit 1)") {
  rdv::sim::EventLog log;
  const RunReport r = rdv::script::run_file("/nonexistent/x.lua", {}, log);
  CHECK(r.io_error);
  CHECK(r.exit_code() == 1);
  CHECK(contains(r.diagnostics, "/nonexistent/x.lua: cannot open: No such file or directory"));
}

TEST_CASE("errors: events carry the script line of each API call") {
  rdv::sim::EventLog log;
  const RunReport r =
      rdv::script::run_source("t.lua", "local ch = chan(1)\n\nch:send(1)\nch:recv()\n", {}, log);
  REQUIRE(r.result.outcome == Outcome::Ok);
  std::uint32_t send_line = 0;
  std::uint32_t recv_line = 0;
  std::uint32_t make_line = 0;
  for (std::size_t i = 0; i < log.committed(); ++i) {
    const auto& e = log.at(i);
    if (e.kind == rdv::sim::EventKind::ChanMake) make_line = e.line;
    if (e.kind == rdv::sim::EventKind::ChanSend) send_line = e.line;
    if (e.kind == rdv::sim::EventKind::ChanRecv) recv_line = e.line;
  }
  CHECK(make_line == 1);
  CHECK(send_line == 3);
  CHECK(recv_line == 4);
}

TEST_CASE("errors: panic and recover are events") {
  rdv::sim::EventLog log;
  const RunReport r = rdv::script::run_source(
      "t.lua", "print(pcall(panic, 'p1'))\nlocal c = chan(0) c:close()\nprint(pcall(c.close, c))",
      {}, log);
  REQUIRE(r.result.outcome == Outcome::Ok);
  std::vector<std::string> seen;
  for (std::size_t i = 0; i < log.committed(); ++i) {
    const auto& e = log.at(i);
    if (e.kind == rdv::sim::EventKind::Panic || e.kind == rdv::sim::EventKind::Recover) {
      seen.push_back(std::string(rdv::sim::to_string(e.kind)) + " " + std::string(log.str(e.text)));
    }
  }
  CHECK(seen == std::vector<std::string>{"Panic p1", "Recover p1", "Panic close of closed channel",
                                         "Recover close of closed channel"});
}

TEST_CASE("errors: goexit ends a task without a panic, pcall catches it without events") {
  rdv::sim::EventLog log;
  const RunReport r = rdv::script::run_source("t.lua", R"(
local ok, e = pcall(goexit)
print(ok, e)
local done = chan(0)
go("quitter", function()
  pcall(function() goexit() end)   -- caught: the task goes on
  print("cleanup ran")
  done:send(1)
  goexit()                         -- uncaught: the task ends as if it returned
  print("never")
end)
done:recv()
sleep(ms)
print(ntasks())
)",
                                              {}, log);
  REQUIRE_MESSAGE(r.result.outcome == Outcome::Ok, r.result.message);
  CHECK(r.output == std::vector<std::string>{"false\truntime.Goexit", "cleanup ran", "1"});
  std::size_t exits = 0;
  for (std::size_t i = 0; i < log.committed(); ++i) {
    const auto& e = log.at(i);
    CHECK(e.kind != rdv::sim::EventKind::Panic);
    CHECK(e.kind != rdv::sim::EventKind::Recover);
    if (e.kind == rdv::sim::EventKind::TaskExit && e.task == 2) {
      ++exits;
      CHECK(e.arg == 0);  // returned, not panicked
    }
  }
  CHECK(exits == 1);
}

// ---- determinism --------------------------------------------------------------------------------

TEST_CASE("determinism: same seed, same events byte for byte (100 seeds)") {
  const char* src = R"(
local results = chan(3, "results")
local wg = waitgroup("wg")
local mu = mutex("mu")
local shared = {}
for i = 1, 3 do
  wg:add(1)
  go("worker " .. i, function()
    sleep(rand(5) * ms)
    mu:lock()
    shared["k" .. rand(100)] = { i, rand() }
    mu:unlock()
    select {
      on_send(results, i, function() end),
      on_recv(after(2 * ms), function() note("timeout " .. i) end),
    }
    wg:done()
  end)
end
wg:wait()
local keys = {}
for k, v in pairs(shared) do keys[#keys + 1] = k .. "=" .. tostring(v) end
print(table.concat(keys, ","), results:len(), math.random(1000))
)";
  std::size_t distinct_outputs = 0;
  std::string last;
  for (std::uint64_t seed = 1; seed <= 100; ++seed) {
    RunOptions opt;
    opt.config.seed = seed;
    rdv::sim::EventLog a;
    rdv::sim::EventLog b;
    const RunReport ra = rdv::script::run_source("d.lua", src, opt, a);
    const RunReport rb = rdv::script::run_source("d.lua", src, opt, b);
    REQUIRE(ra.result.outcome == Outcome::Ok);
    CHECK(ra.output == rb.output);
    CHECK(ra.result.schedule == rb.result.schedule);
    CHECK(event_lines(a) == event_lines(b));
    if (ra.output[0] != last) ++distinct_outputs;
    last = ra.output[0];
  }
  CHECK(distinct_outputs > 10);  // the seed matters
}

TEST_CASE("determinism: rand() of consecutive seeds gives unrelated sequences") {
  // The data RNG's start is mixed from the seed: seed s+1 is not seed s shifted by one draw, so
  // consecutive explored schedules get independent random inputs.
  std::vector<std::vector<std::string>> seqs;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    RunOptions opt;
    opt.config.seed = seed;
    const RunReport r = run("for i = 1, 4 do print(rand(1000000)) end", opt);
    REQUIRE(r.output.size() == 4);
    seqs.push_back(r.output);
  }
  int shared = 0;
  for (std::size_t a = 0; a < seqs.size(); ++a) {
    for (std::size_t b = 0; b < seqs.size(); ++b) {
      if (a == b) continue;
      for (const auto& x : seqs[a]) {
        for (const auto& y : seqs[b]) shared += x == y ? 1 : 0;
      }
    }
  }
  CHECK(shared == 0);
}

TEST_CASE("determinism: pairs visits keys in a fixed order") {
  const RunReport r = run(
      "local t = {}\nfor i = 1, 50 do t['k' .. i] = i end\nt[3] = 1 t[1] = 1 t[-2] = 1 t[2.5] = 1\n"
      "local ks = {}\nfor k in pairs(t) do ks[#ks + 1] = tostring(k) end\n"
      "print(table.concat(ks, ' ', 1, 8))");
  CHECK(r.output == std::vector<std::string>{"-2 1 2.5 3 k1 k10 k11 k12"});
}

// ---- live mode ----------------------------------------------------------------------------------

TEST_CASE("live: a task looping in Lua does not starve the others (the lock is handed over)") {
  RunOptions opt = live();
  const RunReport r = run(R"(
stop = false
local done = chan(1)
go("spinner", function()
  local x = 0
  while not stop do x = x + 1 end -- pure Lua: only the count hook lets main in
  done:send(x > 0)
end)
for i = 1, 5 do sleep(1) end
stop = true
print((done:recv()))
)",
                          opt);
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(r.output == std::vector<std::string>{"true"});
}

TEST_CASE("live: a task readied by one that then loops in Lua still wakes (wake on release)") {
  // main's send readies the receiver, but its wake-up waits until main releases the lock
  // (Gil: wake on release). main then loops in pure Lua without releasing it at a sync point:
  // the count hook's slice must post the deferred wake-up, or the receiver never runs and the
  // loop ends at the step budget.
  const RunReport r = run(R"(
local got = false
local ch = chan(0)
go("receiver", function() got = ch:recv() end)
sleep(1) -- the receiver is parked in recv
ch:send(true)
while not got do end
print(got)
)",
                          live());
  CHECK(r.result.outcome == Outcome::Ok);
  // No limit was reached. The receiver may still be on its way out when main returns (it has
  // stored `got` and not yet ended), as a goroutine may be: then it is named, runnable.
  INFO(r.result.message);
  CHECK((r.result.message.empty() ||
         r.result.message.starts_with("warning: main returned with 1 goroutine(s) still alive")));
  CHECK(r.output == std::vector<std::string>{"true"});
}

TEST_CASE("live: 20,000 ping-pong round trips between two Lua tasks lose no wake-up") {
  const RunReport r = run(R"(
local ping, pong = chan(0), chan(0)
go("ponger", function()
  for v in ping:range() do pong:send(v + 1) end
end)
local sum = 0
for i = 1, 20000 do
  ping:send(i)
  sum = sum + pong:recv() - i
end
ping:close()
print(sum)
)",
                          live());
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(r.output == std::vector<std::string>{"20000"});
}
TEST_CASE("live: many tasks run and finish") {
  const RunReport r = run(R"(
local wg = waitgroup()
local n = atomic(0)
for i = 1, 300 do
  wg:add(1)
  go(function() n:add(1); wg:done() end)
end
wg:wait()
print(n:load())
)",
                          live());
  CHECK(r.result.outcome == Outcome::Ok);
  CHECK(r.output == std::vector<std::string>{"300"});
}

// ---- display ------------------------------------------------------------------------------------

TEST_CASE("display: floats as Go prints a float64") {
  using rdv::script::format_float;
  CHECK(format_float(2.0) == "2");
  CHECK(format_float(0.1) == "0.1");
  CHECK(format_float(1e6) == "1e+06");
  CHECK(format_float(123456.0) == "123456");
  CHECK(format_float(1234567.0) == "1.234567e+06");
  CHECK(format_float(0.0001) == "0.0001");
  CHECK(format_float(0.00001) == "1e-05");
  CHECK(format_float(-2.5) == "-2.5");
  CHECK(format_float(1e100) == "1e+100");
  CHECK(format_float(1.0 / 3) == "0.3333333333333333");
  // Next to a power of 2 (here 2^-1017), the shortest decimal that reads back is above the
  // value; the nearest 16-digit one does not read back.
  CHECK(format_float(std::ldexp(1.0, -1017)) == "7.120236347223045e-307");
}

TEST_CASE("display: a Go float32 as Go prints a float32") {
  using rdv::script::format_float32;
  CHECK(format_float32(static_cast<double>(0.1F)) == "0.1");
  CHECK(format_float32(static_cast<double>(1.0F / 3)) == "0.33333334");
  CHECK(format_float32(16777216.0) == "1.6777216e+07");
  CHECK(format_float32(std::ldexp(1.0, -96)) == "1.2621775e-29");  // 2^-96, as 2^-1017 above
  CHECK(format_float32(-0.0) == "-0");
  CHECK(format_float32(std::ldexp(1.0, -149)) == "1e-45");
}

TEST_CASE("exit: ends the run at once with its status, pcall cannot catch it, no task is a leak") {
  // A task blocked for ever, a pcall around exit, and lines after it: none of them matters.
  const RunReport r =
      run("local ch = chan(0)\ngo(function() ch:recv() end)\nprint('before')\neprint('oops')\n"
          "local ok = pcall(exit, 3)\nprint('after', ok)\n");
  CHECK(r.output == std::vector<std::string>{"before"});
  CHECK(r.errput == std::vector<std::string>{"oops"});
  CHECK(r.result.outcome == Outcome::Error);
  CHECK(r.result.exit_status == 3);
  CHECK(r.exit_code() == 3);
  CHECK(r.diagnostics == "exit status 3 (t.lua:5, in main)\n");
  const RunReport z = run("local ch = chan(0)\ngo(function() ch:recv() end)\nexit(0)\nprint('no')");
  CHECK(z.result.outcome == Outcome::Ok);
  CHECK(z.output.empty());
  CHECK(z.exit_code() == 0);
  CHECK(z.diagnostics.empty());
  CHECK(contains(run("exit(300)").diagnostics, "exit status out of range"));
  CHECK(run("print(ntasks())\ngo(function() end)\nprint(ntasks())").output ==
        std::vector<std::string>{"1", "2"});
}
