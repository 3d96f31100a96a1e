// Every scenario of scenarios/, run for real and checked against tests/scenarios/expectations.json,
// and every example of scenarios/seed/ (the seed text's Go snippets) against
// tests/scenarios/seed.json:
//  - controlled mode over RDV_SCENARIO_SEEDS seeds (default 200): every run's outcome and output
//    are allowed, and across the seeds every outcome, line or alternative that must be seen is;
//  - the same seed twice gives the same run;
//  - live mode a few times (all scenarios at once: they mostly sleep), checked against the live
//    expectations, which never depend on timing for their verdict;
//  - --preempt line where a scenario asks for it (the lost update), and teacher's toggles;
//  - a live run reset midway (what the UI's Reset does) ends promptly, whatever it was doing.
// Runs are in-process (rdv::script::run_source), one Lua universe and runtime each.
#include <chrono>
#include <cstdlib>
#include <future>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "gofront/gofront.h"
#include "script/run.h"
#include "sim/event_log.h"
#include "sim/runtime.h"
#include "tests/scenarios/expectations.h"

using namespace rdv::scenarios_test;
using rdv::sim::Mode;
using rdv::sim::Preempt;

namespace {

const std::string kRoot = RDV_SOURCE_DIR;
constexpr int kLiveRuns = 3;

int seed_count() {
  const char* env = std::getenv("RDV_SCENARIO_SEEDS");
  const int n = env != nullptr ? std::atoi(env) : 0;
  return n > 0 ? n : 200;
}

std::vector<Expectation> expectations() {
  std::vector<Expectation> all;
  for (const char* name : {"expectations.json", "seed.json"}) {
    std::string error;
    auto e = load_expectations(kRoot + "/tests/scenarios/" + name, &error);
    REQUIRE_MESSAGE(e.has_value(), error);
    all.insert(all.end(), e->begin(), e->end());
  }
  return all;
}

// What the runtime runs: a Lua scenario's text, or the chunk a Go program lowers to (as `run`
// does); a Go program that does not compile fails the test with gc's errors.
std::string source_of(const std::string& file) {
  rdv::Result<std::string> text = rdv::script::read_script(kRoot + "/scenarios/" + file);
  REQUIRE_MESSAGE(text, text.error());
  if (!file.ends_with(".go")) return std::move(*text);
  const auto name = file.substr(file.rfind('/') + 1);
  rdv::gofront::Prepared p = rdv::gofront::prepare(name, *text);
  REQUIRE_MESSAGE(p.ok, p.error);
  return std::move(p.chunk);
}

struct Run {
  std::string outcome;
  Lines output;
  std::string diagnostics;
  std::size_t events = 0;
  int exit_code = 0;  // what `rendezvous run` would exit with
};

Run run(const std::string& file, const std::string& source, Mode mode, std::uint64_t seed,
        Preempt preempt = Preempt::Sync) {
  rdv::sim::EventLog log;
  rdv::script::RunOptions opt;
  opt.config.mode = mode;
  opt.config.seed = seed;
  opt.preempt = preempt;
  auto report = rdv::script::run_source(file, source, opt, log);
  const int code = report.exit_code();
  return {rdv::sim::to_string(report.result.outcome), std::move(report.output),
          std::move(report.diagnostics), log.committed(), code};
}

bool contains(const Lines& xs, const std::string& x) {
  return std::find(xs.begin(), xs.end(), x) != xs.end();
}

// What is wrong with one run (empty if nothing).
std::string judge(const Run& r, const Lines& outcomes, const OutputSpec& spec, bool ordered,
                  const std::string& message) {
  std::ostringstream why;
  if (!contains(outcomes, r.outcome)) why << "outcome " << r.outcome << " is not allowed\n";
  // design.md §5: 0 ran to completion (a leak is a warning), 2 the scenario failed.
  const int want_code = r.outcome == "ok" || r.outcome == "leak" ? 0 : 2;
  if (r.exit_code != want_code) {
    why << "exit code " << r.exit_code << " for outcome " << r.outcome << ", want " << want_code
        << "\n";
  }
  for (const auto& p : check_output(spec, r.output, ordered)) why << p << "\n";
  if (!message.empty() && r.diagnostics.find(message) == std::string::npos) {
    why << "the diagnostics lack \"" << message << "\"\n";
  }
  if (why.str().empty()) return {};
  why << "output:\n" << show(r.output) << "diagnostics:\n" << r.diagnostics;
  return why.str();
}

// Runs `source` controlled over seeds 1..n; every run must pass judge(); then the must-see
// lists must have been seen. Returns the problems (stops at the first bad seed).
std::string sweep(const std::string& file, const std::string& source, Preempt preempt,
                  const Lines& outcomes, const OutputSpec& spec, const Expectation* e,
                  const Lines& must_see_lines, int n) {
  std::set<std::string> seen_outcomes;
  std::vector<bool> seen_line(must_see_lines.size(), false);
  std::vector<bool> seen_alt(spec.one_of.size(), false);
  std::vector<std::regex> res(must_see_lines.begin(), must_see_lines.end());
  for (int seed = 1; seed <= n; ++seed) {
    const Run r = run(file, source, Mode::Controlled, static_cast<std::uint64_t>(seed), preempt);
    const std::string message = e != nullptr ? e->message_for(r.outcome) : std::string{};
    const std::string bad = judge(r, outcomes, spec, /*ordered=*/true, message);
    if (!bad.empty()) return "seed " + std::to_string(seed) + ": " + bad;
    seen_outcomes.insert(r.outcome);
    for (std::size_t i = 0; i < res.size(); ++i) {
      for (const auto& line : r.output)
        seen_line[i] = seen_line[i] || std::regex_search(line, res[i]);
    }
    const int alt = alternative_of(spec, r.output, true);
    if (alt >= 0) seen_alt[static_cast<std::size_t>(alt)] = true;
  }
  std::ostringstream why;
  if (e != nullptr) {
    for (const auto& o : e->must_see_outcomes) {
      if (!seen_outcomes.count(o)) why << "no seed in 1.." << n << " ended with " << o << "\n";
    }
    if (e->all_alternatives) {
      for (std::size_t i = 0; i < seen_alt.size(); ++i) {
        if (!seen_alt[i]) why << "no seed produced alternative:\n" << show(spec.one_of[i]);
      }
    }
  }
  for (std::size_t i = 0; i < res.size(); ++i) {
    if (!seen_line[i]) why << "no seed printed a line matching " << must_see_lines[i] << "\n";
  }
  return why.str();
}

}  // namespace

TEST_CASE("scenarios: controlled runs over many seeds give only the expected outcomes") {
  const int n = seed_count();
  for (const auto& e : expectations()) {
    CAPTURE(e.file);
    const std::string src = source_of(e.file);
    const std::string bad =
        sweep(e.file, src, Preempt::Sync, e.outcome, e.output, &e, e.must_see_lines, n);
    CHECK_MESSAGE(bad.empty(), e.file << ": " << bad);
  }
}

TEST_CASE("scenarios: the same seed gives the same run") {
  for (const auto& e : expectations()) {
    CAPTURE(e.file);
    const std::string src = source_of(e.file);
    for (std::uint64_t seed : {3u, 42u}) {
      const Run a = run(e.file, src, Mode::Controlled, seed);
      const Run b = run(e.file, src, Mode::Controlled, seed);
      CHECK(a.outcome == b.outcome);
      CHECK(a.output == b.output);
      CHECK(a.events == b.events);
    }
  }
}

TEST_CASE("scenarios: live runs give only the expected outcomes") {
  // All scenarios at once (each run is isolated): the wall time is that of the slowest.
  const auto all = expectations();
  std::vector<std::future<std::string>> jobs;
  for (const auto& e : all) {
    const std::string src = source_of(e.file);
    jobs.push_back(std::async(std::launch::async, [e, src] {
      std::string problems;
      for (int i = 0; i < kLiveRuns; ++i) {
        const Run r = run(e.file, src, Mode::Live, static_cast<std::uint64_t>(i + 1));
        const std::string bad =
            judge(r, e.live_outcome, e.live_output, e.live_order, e.message_for(r.outcome));
        if (!bad.empty()) problems += "live run " + std::to_string(i + 1) + ": " + bad;
      }
      return problems;
    }));
  }
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::string bad = jobs[i].get();
    CHECK_MESSAGE(bad.empty(), all[i].file << ": " << bad);
  }
}

TEST_CASE("scenarios: preemption at every line shows what it should") {
  const int n = seed_count();
  int checked = 0;
  for (const auto& e : expectations()) {
    if (!e.preempt_line) continue;
    ++checked;
    const std::string src = source_of(e.file);
    const std::string bad = sweep(e.file, src, Preempt::Line, e.outcome, e.preempt_line->output,
                                  nullptr, e.preempt_line->must_see_lines, n);
    CHECK_MESSAGE(bad.empty(), e.file << " (--preempt line): " << bad);
  }
  CHECK(checked > 0);
}

TEST_CASE("scenarios: a teacher's toggle changes what it should") {
  const int n = std::min(seed_count(), 50);
  int checked = 0;
  for (const auto& e : expectations()) {
    for (const auto& v : e.variants) {
      ++checked;
      std::string src = source_of(e.file);
      const auto at = src.find(v.from);
      REQUIRE_MESSAGE(at != std::string::npos, e.file << ": no \"" << v.from << "\" to replace");
      src.replace(at, v.from.size(), v.to);
      const std::string bad =
          sweep(e.file, src, Preempt::Sync, v.outcome, v.output, nullptr, {}, n);
      CHECK_MESSAGE(bad.empty(), e.file << " (" << v.name << "): " << bad);
    }
  }
  CHECK(checked > 0);
}

namespace {

// The Go version of a scenario (scenarios/<go>.go) as Rendezvous runs it.
std::string go_source_of(const std::string& go) {
  const std::string path = kRoot + "/scenarios/" + go + ".go";
  rdv::Result<std::string> text = rdv::script::read_script(path);
  REQUIRE_MESSAGE(text, text.error());
  rdv::gofront::Prepared p = rdv::gofront::prepare(go + ".go", *text);
  REQUIRE_MESSAGE(p.ok, path << ": " << p.error);
  return std::move(p.chunk);
}

// An output spec for a Go version: Lua's print separates its arguments with tabs where
// fmt.Println uses spaces (as tests/go/scenarios_test.go, real Go's side, reads the same spec).
OutputSpec for_go(OutputSpec spec) {
  if (spec.lines) {
    for (std::string& l : *spec.lines) std::replace(l.begin(), l.end(), '\t', ' ');
  }
  return spec;
}

}  // namespace

// One set of expectations vouches for the Lua scenario, its Go version run by real Go
// (go_versions) and the same Go version run by Rendezvous: here, controlled over the same seeds
// and live, as the Lua scenario is above.
TEST_CASE("scenarios: each Go version in Rendezvous gives only the scenario's expected outcomes") {
  const int n = std::min(seed_count(), 100);
  const auto all = expectations();
  int checked = 0;
  std::vector<std::future<std::string>> live;
  for (const auto& e : all) {
    if (e.go.empty()) continue;
    ++checked;
    CAPTURE(e.go);
    const std::string src = go_source_of(e.go);
    const std::string file = e.go + ".go";
    const std::string bad =
        sweep(file, src, Preempt::Sync, e.outcome, for_go(e.output), &e, e.must_see_lines, n);
    CHECK_MESSAGE(bad.empty(), file << ": " << bad);
    live.push_back(std::async(std::launch::async, [e, src, file] {
      std::string problems;
      for (int i = 0; i < kLiveRuns; ++i) {
        const Run r = run(file, src, Mode::Live, static_cast<std::uint64_t>(i + 1));
        const std::string bad_live =
            judge(r, e.live_outcome, for_go(e.live_output), e.live_order, e.message_for(r.outcome));
        if (!bad_live.empty()) problems += "live run " + std::to_string(i + 1) + ": " + bad_live;
      }
      return problems;
    }));
  }
  for (auto& job : live) {
    const std::string bad = job.get();
    CHECK_MESSAGE(bad.empty(), bad);
  }
  CHECK(checked >= 31);
}

TEST_CASE("scenarios: a live run aborted midway ends promptly") {
  const auto all = expectations();
  std::vector<std::future<std::string>> jobs;
  for (const auto& e : all) {
    std::string src = source_of(e.file);
    jobs.push_back(std::async(std::launch::async, [e, src = std::move(src)] {
      rdv::sim::EventLog log;
      rdv::script::RunOptions opt;
      opt.config.mode = Mode::Live;
      rdv::script::ScriptRun r(e.file, src, opt, log);
      r.start();
      r.wait_for(std::chrono::milliseconds(100));  // most scenarios are asleep or blocked by now
      r.abort();
      const auto report = r.finish();
      const std::string outcome = rdv::sim::to_string(report.result.outcome);
      // Ended by the abort, or finished before it in one of its own live outcomes.
      if (outcome == "aborted" || contains(e.live_outcome, outcome)) return std::string{};
      return "ended as " + outcome + ":\n" + report.diagnostics;
    }));
  }
  for (std::size_t i = 0; i < all.size(); ++i) {
    REQUIRE_MESSAGE(jobs[i].wait_for(std::chrono::seconds(60)) == std::future_status::ready,
                    all[i].file << ": the aborted run did not end within 60 s");
    const std::string bad = jobs[i].get();
    CHECK_MESSAGE(bad.empty(), all[i].file << ": " << bad);
  }
}
