// The hostile-script corpus (tests/hostile/scripts/, issue #10): broken and malicious scenarios.
// Every script must end with a clear message naming its file and line, exit code 2, within 5 s,
// leaving no task thread behind — run in-process through script/run.h, and as
// `rendezvous run FILE` in a child process.
//
// "Within 5 s" is checked as CPU time (user + system): the machines that run the suite are
// shared and loaded, and wall time there says little about the program. Wall time is printed
// beside it, and a run still going after 60 s wall is a hang.
//
// Each script states what it expects, in comments:
//   --! diag: <text>     must appear in the diagnostics (stderr); repeatable
//   --@                  at the end of the line the message must name ("file.lua:N");
//   --! line: any        instead: the message names some line of the file ("file.lua:N", N > 0)
//   --! noline           instead: the message names the file only (a binary chunk has no lines)
//   --! args: <flags>    extra flags for `run` (only --mode live, --limit-memory N,
//                        --limit-wall S, --limit-cpu S and --limit-task-cpu S are understood
//                        in-process)
//   --! quiet            run with --quiet (the script prints too much to keep)
//   --! max-stderr: <N>  the diagnostics (stderr) hold at most N bytes
//   --! threads, heavy   thousands of threads, hundreds of MiB: a larger sanitizer factor
//
// Peak memory (issue #21): a `run` child's peak RSS stays within 3x its memory cap (256 MiB, or
// the script's --limit-memory; plain builds only: sanitizers' shadow memory counts too).
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "script/run.h"
#include "sim/task.h"
#include "tests/hostile/child.h"
#include "tests/support/files_in.h"
#include "tests/support/scratch.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr double kSlowdown = 3.0;  // sanitizers slow every allocation and thread start
// ASan maps and faults in shadow and allocator caches for every thread it starts: 10,000 task
// threads cost 4-8 s of system time alone (0.6 s without it), 18 s with ctest -j2 beside it.
// Attacks marked "--! threads" start thousands of threads and get this factor instead.
constexpr double kThreadSlowdown = 6.0;
#else
constexpr double kSlowdown = 1.0;
constexpr double kThreadSlowdown = 1.0;
#endif
constexpr double kLimitSeconds = 5.0;  // issue #10: each must end within 5 s

struct Script {
  std::string path, name;
  std::vector<std::string> diag;
  int line = 0;           // the --@ line
  bool any_line = false;  // --! line: any
  bool no_line = false;   // --! noline
  std::vector<std::string> args;
  bool live = false;
  bool quiet = false;
  std::size_t cap_mib = 256;   // --limit-memory
  long wall_s = 0;             // --limit-wall (0: the default)
  long cpu_s = 0;              // --limit-cpu (0: the default)
  long task_cpu_s = 0;         // --limit-task-cpu (0: none)
  std::size_t max_stderr = 0;  // --! max-stderr (0: no bound)
  bool threads = false;        // --! threads: starts thousands of threads
  // --! heavy: moves hundreds of MiB; ASan's shadow and quarantine work makes it as slow as a
  // thread-heavy one (huge_strings_through_channels: 11.2 s CPU under asan, 1.7 s without; it
  // failed the 15 s bound once, in stop 24's CI).
  bool heavy = false;
  double slowdown() const { return threads || heavy ? kThreadSlowdown : kSlowdown; }
};

std::vector<Script> load_corpus() {
  std::vector<Script> all;
  for (const fs::path& path : rdv::test::files_in("tests/hostile/scripts", ".lua")) {
    Script s;
    s.path = path.string();
    s.name = path.filename().string();
    std::ifstream in(s.path, std::ios::binary);
    std::string text;
    int n = 0;
    while (std::getline(in, text)) {
      ++n;
      if (text.find("--@") != std::string::npos) s.line = n;
      if (text.rfind("--! ", 0) != 0) continue;
      const std::string rest = text.substr(4);
      if (rest.rfind("diag: ", 0) == 0) s.diag.push_back(rest.substr(6));
      if (rest == "line: any") s.any_line = true;
      if (rest == "noline") s.no_line = true;
      if (rest == "quiet") s.quiet = true;
      if (rest == "threads") s.threads = true;
      if (rest == "heavy") s.heavy = true;
      if (rest.rfind("max-stderr: ", 0) == 0) s.max_stderr = std::stoul(rest.substr(12));
      if (rest.rfind("args: ", 0) == 0) {
        std::istringstream words(rest.substr(6));
        for (std::string w; words >> w;) s.args.push_back(w);
      }
    }
    for (std::size_t i = 0; i + 1 < s.args.size(); ++i) {
      if (s.args[i] == "--mode" && s.args[i + 1] == "live") s.live = true;
      if (s.args[i] == "--limit-memory") s.cap_mib = std::stoul(s.args[i + 1]);
      if (s.args[i] == "--limit-wall") s.wall_s = std::stol(s.args[i + 1]);
      if (s.args[i] == "--limit-cpu") s.cpu_s = std::stol(s.args[i + 1]);
      if (s.args[i] == "--limit-task-cpu") s.task_cpu_s = std::stol(s.args[i + 1]);
    }
    all.push_back(std::move(s));
  }
  return all;  // in name order, as files_in gives them
}

// The corpus is well formed: each script says what it expects.
void check_expectations_written(const Script& s) {
  INFO(s.name);
  CHECK_FALSE(s.diag.empty());
  CHECK(((s.line > 0 ? 1 : 0) + (s.any_line ? 1 : 0) + (s.no_line ? 1 : 0)) == 1);
}

// What the message must say about where: "name.lua:N".
void check_where(const Script& s, const std::string& text) {
  INFO(s.name << "\n" << text);
  if (s.no_line) {
    CHECK(text.find(s.name) != std::string::npos);
  } else if (s.any_line) {
    CHECK(std::regex_search(
        text,
        std::regex(std::regex_replace(s.name, std::regex(R"([.])"), R"(\.)") + ":[1-9][0-9]*")));
  } else {
    CHECK(text.find(s.name + ":" + std::to_string(s.line)) != std::string::npos);
  }
  for (const std::string& d : s.diag) CHECK(text.find(d) != std::string::npos);
}

// Waits until every pool thread is idle and no other thread was left behind.
bool threads_back_to(int base) {
  // Threads beyond the pool's cap exit on their own after the run; thousands of them take a
  // while to go under a sanitizer (4,711 were still exiting after 2 s under ASan). A leaked
  // thread never goes, so a long wait only delays a failure.
  const auto until = Clock::now() + std::chrono::seconds(30);
  for (;;) {
    const std::size_t pool = rdv::sim::pool::threads();
    const bool idle = rdv::sim::pool::idle_threads() == pool;
    const int others = rdv::test::count_threads() - static_cast<int>(pool);
    if (idle && others == base) return true;
    if (Clock::now() > until) {
      MESSAGE("pool threads " << pool << ", idle " << rdv::sim::pool::idle_threads()
                              << ", other threads " << others << " (expected " << base << ")");
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace

TEST_CASE("hostile: the corpus has at least 40 scripts, each with its expectations") {
  const std::vector<Script> corpus = load_corpus();
  CHECK(corpus.size() >= 40);
  for (const Script& s : corpus) check_expectations_written(s);
}

#ifdef RDV_EXE
TEST_CASE("hostile: rendezvous run exits 2 with the message on stderr, each within 5 s") {
  const std::vector<Script> corpus = load_corpus();
  REQUIRE(!corpus.empty());
  int crashes = 0, hangs = 0;
  double worst_wall = 0, worst_cpu = 0, worst_rss = 0;
  std::string worst_rss_name;
  for (const Script& s : corpus) {
    INFO(s.name);
    std::vector<std::string> argv = {RDV_EXE, "run", s.path};
    argv.insert(argv.end(), s.args.begin(), s.args.end());
    if (s.quiet) argv.push_back("--quiet");
    const auto deadline = std::chrono::seconds(60);
    const rdv::test::ChildResult r = rdv::test::run_child(argv, deadline);
    INFO("stderr: " << r.err.substr(0, 4000));
    if (r.timed_out) ++hangs;
    if (r.signal != 0 && !r.timed_out) ++crashes;
    CHECK_FALSE(r.timed_out);
    CHECK(r.signal == 0);
    CHECK(r.exit_code == 2);
    INFO("wall " << r.seconds << " s, cpu " << r.cpu_seconds << " s");
    CHECK(r.cpu_seconds < kLimitSeconds * s.slowdown());
    worst_wall = std::max(worst_wall, r.seconds);
    worst_cpu = std::max(worst_cpu, r.cpu_seconds);
    if (r.peak_rss_mib > worst_rss) {
      worst_rss = r.peak_rss_mib;
      worst_rss_name = s.name;
    }
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    // Issue #21: peak memory within 3x the cap (sanitizers' shadow memory aside).
    INFO("peak RSS " << r.peak_rss_mib << " MiB, cap " << s.cap_mib << " MiB");
    CHECK(r.peak_rss_mib < 3.0 * static_cast<double>(s.cap_mib));
#endif
    check_where(s, r.err);
    if (s.max_stderr != 0) CHECK(r.err.size() <= s.max_stderr);
  }
  MESSAGE(corpus.size() << " scripts: " << crashes << " crashes, " << hangs
                        << " hangs; longest wall " << worst_wall << " s, most CPU " << worst_cpu
                        << " s; peak RSS " << worst_rss << " MiB (" << worst_rss_name << ")");
  CHECK(crashes == 0);
  CHECK(hangs == 0);
}

// One memory budget for the whole run (issue #21), through explore (its jobs share one cap),
// replay and export of the failure trace explore wrote: each child's peak RSS within 3x the cap,
// and the trace no larger than what the cap let the run hold.
TEST_CASE("hostile: explore shares one memory cap across its jobs, replay and export stay in it") {
  const fs::path dir = rdv::test::fresh_dir("budget");
  struct Attack {
    std::string script;
    std::size_t cap_mib;
    std::string kind;  // what the message names
  };
  for (const Attack& a : {Attack{"mem_notes_until_event_limit.lua", 32, "events"},
                          Attack{"mem_stacks_deep_gsub.lua", 64, "task stacks"}}) {
    INFO(a.script);
    const std::string cap = std::to_string(a.cap_mib);
    const fs::path traces = dir / a.script;
    const rdv::test::ChildResult ex = rdv::test::run_child(
        {RDV_EXE, "explore", "tests/hostile/scripts/" + a.script, "--schedules", "4", "--jobs", "4",
         "--limit-memory", cap, "--trace-dir", traces.string(), "--json"},
        std::chrono::seconds(60));
    INFO("explore: wall " << ex.seconds << " s, peak RSS " << ex.peak_rss_mib << " MiB; "
                          << ex.out.substr(0, 600) << ex.err.substr(0, 600));
    CHECK_FALSE(ex.timed_out);
    CHECK(ex.out.find("\"error\": 4") != std::string::npos);
    // Checked in plain builds only (sanitizers inflate RSS); unused under them.
    [[maybe_unused]] const double bound = 3.0 * static_cast<double>(a.cap_mib);
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    CHECK(ex.peak_rss_mib < bound);
#endif
    fs::path trace;
    for (const auto& e : fs::directory_iterator(traces)) trace = e.path();
    REQUIRE(!trace.empty());
    CHECK(fs::file_size(trace) < (a.cap_mib << 20) * 2);
    const rdv::test::ChildResult rep =
        rdv::test::run_child({RDV_EXE, "replay", trace.string(), "--quiet", "--limit-memory", cap},
                             std::chrono::seconds(60));
    INFO("replay: wall " << rep.seconds << " s, peak RSS " << rep.peak_rss_mib << " MiB; "
                         << rep.err.substr(0, 600));
    CHECK(rep.exit_code == 0);  // reproduced, the memory limit included
    CHECK(rep.err.find("reproduced exactly") != std::string::npos);
    CHECK(rep.err.find("outcome error") != std::string::npos);
    CHECK(ex.out.find("memory limit exceeded: the script uses more than " + cap + " MiB") !=
          std::string::npos);
    CHECK(ex.out.find(a.kind) != std::string::npos);
    const rdv::test::ChildResult exp = rdv::test::run_child(
        {RDV_EXE, "export", trace.string(), "--perfetto", (dir / "out.json").string()},
        std::chrono::seconds(60));
    INFO("export: wall " << exp.seconds << " s, peak RSS " << exp.peak_rss_mib << " MiB");
    CHECK(exp.exit_code == 0);
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    CHECK(rep.peak_rss_mib < bound);
    CHECK(exp.peak_rss_mib < bound);
#endif
  }
  fs::remove_all(dir);
}

// Files that are no scenario and no trace (issue #21): each refused before it is read, with
// exit code 1 and a message naming it — never a hang on a FIFO, never /dev/zero read whole, never
// a directory run as an empty scenario.
TEST_CASE("hostile: directories, FIFOs, devices, oversized files and outputs are refused, exit 1") {
  const fs::path dir = rdv::test::fresh_dir("files");
  fs::create_directories(dir / "dir.lua");
  fs::create_directories(dir / "dir.rdv.jsonl");
  REQUIRE(::mkfifo((dir / "fifo.lua").c_str(), 0600) == 0);
  REQUIRE(::mkfifo((dir / "fifo.rdv.jsonl").c_str(), 0600) == 0);
  {
    std::ofstream big(dir / "big.lua", std::ios::binary);
    big << "print(1)\n" << std::string(std::size_t{5} << 20, '-');
  }
  {
    // A trace whose footer holds 20 million empty output lines (~1 GB once read, before the
    // reader enforced its limit).
    std::ofstream t(dir / "output.rdv.jsonl", std::ios::binary);
    const rdv::test::ChildResult rec =
        rdv::test::run_child({RDV_EXE, "run", "scenarios/1.1-async-result.lua", "--quiet",
                              "--trace", (dir / "small.rdv.jsonl").string()},
                             std::chrono::seconds(30));
    REQUIRE(rec.exit_code == 0);
    std::ifstream in(dir / "small.rdv.jsonl", std::ios::binary);
    std::string line, last;
    while (std::getline(in, line)) {
      if (!last.empty()) t << last << "\n";
      last = line;
    }
    t << last.substr(0, last.find("\"output\":[")) << "\"output\":[\"\"";
    std::string chunk;
    for (std::size_t i = 0; i < (std::size_t{1} << 20) / 3; ++i) chunk += ",\"\"";
    for (std::size_t n = 1; n < 20'000'000; n += (std::size_t{1} << 20) / 3) t << chunk;
    t << "]}\n";
    // A header of 200,000 fields (its duplicate check was quadratic: 33 s).
    std::ofstream h(dir / "fields.lua", std::ios::binary);
    h << "scenario { title = 'fields'";
    for (int i = 0; i < 200'000; ++i) h << ", f" << i << " = " << i;
    h << " }\nprint('fields read')\n";
  }
  const std::string d = dir.string() + "/";
  const std::string out = d + "out.json";
  struct Case {
    std::vector<std::string> args;
    std::string message;
    int exit_code = 1;
  };
  const std::vector<Case> cases = {
      {{"run", d + "dir.lua"}, "dir.lua: is a directory"},
      {{"explore", d + "dir.lua", "--schedules", "2"}, "dir.lua: is a directory"},
      {{"run", d + "fifo.lua"}, "fifo.lua: not a regular file (a FIFO)"},
      {{"explore", d + "fifo.lua", "--schedules", "2"}, "fifo.lua: not a regular file (a FIFO)"},
      {{"run", "/dev/zero"}, "/dev/zero: not a regular file (a device)"},
      {{"run", d + "big.lua"}, "big.lua: larger than 4 MiB; not a scenario"},
      {{"replay", d + "fifo.rdv.jsonl"}, "fifo.rdv.jsonl: not a regular file (a FIFO)"},
      {{"replay", d + "dir.rdv.jsonl"}, "dir.rdv.jsonl: is a directory"},
      {{"replay", "/dev/zero"}, "/dev/zero: not a regular file (a device)"},
      {{"export", "/dev/zero", "--perfetto", out}, "/dev/zero: not a regular file (a device)"},
      {{"export", d + "fifo.rdv.jsonl", "--perfetto", out}, "not a regular file (a FIFO)"},
      {{"replay", d + "output.rdv.jsonl"}, "field \"output\": more than 32 MiB or 1000000 lines"},
      {{"export", d + "output.rdv.jsonl", "--perfetto", out}, "field \"output\": more than"},
      {{"run", d + "fields.lua", "--trace", d + "fields.rdv.jsonl"}, "", 0},
  };
  for (const Case& c : cases) {
    std::vector<std::string> argv = {RDV_EXE};
    argv.insert(argv.end(), c.args.begin(), c.args.end());
    INFO(c.args[0] << " " << c.args[1]);
    // Issue #21's bound is 10 s of work per attack. It is checked as the child's CPU time, which
    // a machine busy with other builds does not inflate (wall time did: the 200,000-field header
    // took 7-24 s of wall for 1.3-2.4 s of CPU at load 15); the wall deadline only kills a hang.
    const rdv::test::ChildResult r = rdv::test::run_child(argv, std::chrono::seconds(60));
    INFO("stderr: " << r.err);
    CHECK_FALSE(r.timed_out);
    INFO("wall " << r.seconds << " s, CPU " << r.cpu_seconds << " s, peak RSS " << r.peak_rss_mib
                 << " MiB");
    CHECK(r.cpu_seconds < 10.0);
    CHECK(r.exit_code == c.exit_code);
    CHECK(r.err.find(c.message) != std::string::npos);
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    // Issue #21: reading a file stays under 256 MiB. ASan's shadow memory and its 256 MiB
    // quarantine of freed blocks add ~50-300 MiB that the product never holds, so the bound is
    // checked in the plain builds only.
    CHECK(r.peak_rss_mib < 256);
#endif
  }
  fs::remove_all(dir);
}
#endif

// Last: the in-process runs leave this process large (pool threads keep the stacks they
// touched), and a child forked after that reports the parent's pages in its ru_maxrss.
TEST_CASE(
    "hostile: in-process, each script fails with its message at file:line in 5 s, no thread left") {
  const std::vector<Script> corpus = load_corpus();
  REQUIRE(!corpus.empty());
  const int base = rdv::test::count_threads() - static_cast<int>(rdv::sim::pool::threads());
  double total = 0, worst = 0;
  std::string worst_name;
  for (const Script& s : corpus) {
    INFO(s.name);
    rdv::script::RunOptions opt;
    if (s.live) opt.config.mode = rdv::sim::Mode::Live;
    opt.memory_cap = s.cap_mib << 20;
    if (s.wall_s > 0) opt.config.max_wall = rdv::sim::Nanos{s.wall_s} * 1'000'000'000;
    if (s.cpu_s > 0) opt.config.max_cpu = rdv::sim::Nanos{s.cpu_s} * 1'000'000'000;
    if (s.task_cpu_s > 0) opt.config.max_task_cpu = rdv::sim::Nanos{s.task_cpu_s} * 1'000'000'000;
    rdv::sim::EventLog log;
    const auto t0 = Clock::now();
    const double cpu0 = rdv::test::process_cpu_seconds();
    const rdv::script::RunReport r = rdv::script::run_file(s.path, opt, log);
    const double cpu = rdv::test::process_cpu_seconds() - cpu0;
    const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    total += secs;
    if (cpu > worst) {
      worst = cpu;
      worst_name = s.name;
    }
    INFO("wall " << secs << " s, cpu " << cpu << " s");
    CHECK(r.exit_code() == 2);
    CHECK(cpu < kLimitSeconds * s.slowdown());
    check_where(s, r.diagnostics);
    if (s.max_stderr != 0) CHECK(r.diagnostics.size() <= s.max_stderr);
    CHECK(threads_back_to(base));
  }
  MESSAGE(corpus.size() << " scripts in " << total << " s wall; most CPU: " << worst_name << " "
                        << worst << " s");
}
