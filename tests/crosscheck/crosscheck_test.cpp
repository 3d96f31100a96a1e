// Go itself as the oracle: each tests/crosscheck/NAME.go has a NAME.lua twin. When `go` is on
// PATH, the Go program is built and run, and its output must be one our Lua version can produce:
// the Lua twin runs in controlled mode over many seeds, and the set of its outputs must contain
// Go's (for deterministic programs that set has one element). Exit status is compared too:
// Go's deadlock ("fatal error: all goroutines are asleep") and panics exit 2, as ours do.
// Without `go`, the test prints a visible skip notice and passes.
//
// A program whose outputs depend on the schedule has a NAME.allowed next to it: every (exit
// status, output) Go may give, recorded from 400 runs at GOMAXPROCS=1 and 400 at GOMAXPROCS=2 by
// record.sh (an order Go allows but did not show may be added by hand, with count 0+0):
//   # a comment
//   ! text         a diagnostic line Go's stderr and ours (when the run fails) both contain
//   == exit 0, go 400+398
//   received 1     the output of that outcome, one line per line
// Then the Lua twin, over many seeds with every policy and both preemption modes and a few live
// runs, must print only allowed outputs and reach every one Go showed; Go itself, run a few
// times at each GOMAXPROCS, must too. The recorded half runs without `go` as well.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "script/run.h"
#include "sim/policy.h"
#include "tests/support/go_tool.h"
#include "tests/support/read_file.h"
#include "tests/support/scratch.h"
#include "tests/support/seed_runs.h"
#include "tests/support/skipped.h"

namespace {

namespace fs = std::filesystem;

using namespace rdv::test;  // read_file, and Go as the oracle (go_tool.h)

// One allowed (exit status, output) of a NAME.allowed file.
struct Allowed {
  int exit = 0;
  std::vector<std::string> output;
  int go_runs = 0;  // how often Go gave it when recorded (0: allowed by hand)
  friend bool operator<(const Allowed& a, const Allowed& b) {
    return std::tie(a.exit, a.output) < std::tie(b.exit, b.output);
  }
};

struct AllowedFile {
  std::vector<Allowed> outcomes;
  std::vector<std::string> diagnostics;  // the "! " lines
  bool allows(int exit, const std::vector<std::string>& out) const {
    for (const Allowed& a : outcomes) {
      if (a.exit == exit && a.output == out) return true;
    }
    return false;
  }
};

AllowedFile parse_allowed(const fs::path& p) {
  AllowedFile f;
  for (const std::string& line : lines_of(read_file(p))) {
    if (line.rfind("#", 0) == 0) continue;
    if (line.rfind("! ", 0) == 0) {
      f.diagnostics.push_back(line.substr(2));
    } else if (line.rfind("== exit ", 0) == 0) {
      Allowed a;
      int n1 = 0;
      int n2 = 0;
      REQUIRE(std::sscanf(line.c_str(), "== exit %d, go %d+%d", &a.exit, &n1, &n2) == 3);
      a.go_runs = n1 + n2;
      f.outcomes.push_back(a);
    } else {
      REQUIRE_MESSAGE(!f.outcomes.empty(), p.string() << ": output before the first == line");
      f.outcomes.back().output.push_back(line);
    }
  }
  return f;
}

std::string show(int exit, const std::vector<std::string>& out) {
  std::string s = "exit " + std::to_string(exit) + "\n";
  for (const auto& l : out) s += "  | " + l + "\n";
  return s;
}

}  // namespace

TEST_CASE("crosscheck: Lua twins print only what Go allows, and all Go was seen to print") {
  const fs::path dir = "tests/crosscheck";
  const bool go = have_go();
  const fs::path work = rdv::test::fresh_dir("allowed");
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".allowed") continue;
    const std::string name = entry.path().stem().string();
    INFO(name);
    const AllowedFile allowed = parse_allowed(entry.path());
    REQUIRE(!allowed.outcomes.empty());
    const std::string source = read_file(dir / (name + ".lua"));
    REQUIRE(!source.empty());

    std::set<Allowed> ours;
    const auto check_run = [&](const rdv::script::RunOptions& opt, const std::string& how) {
      rdv::sim::EventLog log;
      const rdv::script::RunReport r = rdv::script::run_source(name + ".lua", source, opt, log);
      INFO(how << "\n" << show(r.exit_code(), r.output) << r.diagnostics);
      CHECK(allowed.allows(r.exit_code(), r.output));
      if (r.exit_code() != 0) {
        for (const std::string& d : allowed.diagnostics)
          CHECK(r.diagnostics.find(d) != std::string::npos);
      }
      ours.insert(Allowed{r.exit_code(), r.output, 0});
    };
    for (const rdv::sim::Preempt preempt : {rdv::sim::Preempt::Sync, rdv::sim::Preempt::Line}) {
      for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        for (int policy = 0; policy < 3; ++policy) {
          rdv::script::RunOptions opt;
          opt.preempt = preempt;
          opt.config.seed = seed;
          if (policy == 1) opt.config.policy = rdv::sim::make_pct(seed, 3, 100);
          if (policy == 2) opt.config.policy = rdv::sim::make_round_robin(seed);
          check_run(opt, "seed " + std::to_string(seed) + " policy " + std::to_string(policy) +
                             (preempt == rdv::sim::Preempt::Line ? " preempt line" : ""));
        }
      }
    }
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
      rdv::script::RunOptions opt;
      opt.config.mode = rdv::sim::Mode::Live;
      opt.config.seed = seed;
      check_run(opt, "live seed " + std::to_string(seed));
    }
    for (const Allowed& a : allowed.outcomes) {
      INFO("Go gave it " << a.go_runs << " times in 800:\n" << show(a.exit, a.output));
      if (a.go_runs > 0) CHECK(ours.count(a) == 1);
    }

    if (go) {
      const fs::path bin = go_build(work, dir / (name + ".go"), name);
      for (int i = 0; i < 10; ++i) {
        const std::string procs = i % 2 == 0 ? "1" : "2";
        const rdv::test::GoRun g = run_go(work, "GOMAXPROCS=" + procs + " " + bin.string());
        INFO("Go at GOMAXPROCS=" << procs << ":\n" << show(g.exit_code, g.out) << g.err);
        CHECK(allowed.allows(g.exit_code, g.out));
        for (const std::string& d : allowed.diagnostics) CHECK(g.err.find(d) != std::string::npos);
      }
    }
    ++checked;
  }
  if (!go) rdv::test::skipped("the Go side: `go` is not on PATH; checked against recorded outputs");
  CHECK(checked >= 5);
  fs::remove_all(work);
}

TEST_CASE("crosscheck: Go and Lua versions of the same programs agree") {
  if (!have_go()) {
    rdv::test::skipped("crosscheck: `go` is not on PATH (apt install golang-go to run it)");
    return;
  }
  const fs::path dir = "tests/crosscheck";
  const fs::path work = rdv::test::fresh_dir("twins");
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".go") continue;
    const std::string name = entry.path().stem().string();
    if (fs::exists(dir / (name + ".allowed"))) continue;  // checked by the test above
    const fs::path lua = dir / (name + ".lua");
    INFO(name);
    REQUIRE(fs::exists(lua));
    const rdv::test::GoRun g = run_go(work, go_build(work, entry.path(), name).string());
    const int go_rc = g.exit_code;
    const std::vector<std::string>& go_out = g.out;
    const std::string& go_err = g.err;

    const SeedRuns ours = run_seeds(name + ".lua", read_file(lua), 40);
    INFO("Go printed:\n"
         << joined_lines(go_out) << go_err << "our diagnostics:\n"
         << ours.diagnostics);
    CHECK(ours.outputs.count(go_out) == 1);
    CHECK(ours.codes == std::set<int>{go_rc});
    if (go_err.find("all goroutines are asleep") != std::string::npos) {
      CHECK(ours.diagnostics.find("fatal error: all goroutines are asleep - deadlock!") !=
            std::string::npos);
    }
    ++checked;
  }
  CHECK(checked >= 6);
  fs::remove_all(work);
}
