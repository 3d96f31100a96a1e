// Runs every Lua test script in tests/script/lua/ and checks it against the expectations written
// in the script itself:
//   --! outcome: ok|deadlock|panic|leak|error   (required)
//   --! live: no                                 (skip live mode: virtual-time output)
//   --! diag: <text>                             (must appear in the diagnostics; repeatable)
//   --> <line>                                   (the expected output, in order; \t is a tab)
// Controlled mode runs each script over many seeds, with both preemption settings; live mode a
// few times. Output, outcome and diagnostics must match in every run.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "script/run.h"
#include "sim/policy.h"
#include "tests/support/files_in.h"
#include "tests/support/read_file.h"

namespace {

namespace fs = std::filesystem;
using rdv::script::RunOptions;
using rdv::script::RunReport;
using rdv::sim::Mode;
using rdv::sim::Outcome;

struct Expect {
  std::string path;
  std::string name;
  std::string source;
  std::string outcome;
  bool live = true;
  std::vector<std::string> diag;
  std::vector<std::string> output;
};

std::string unescape(std::string s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 't') {
      out += '\t';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<Expect> load_scripts() {
  std::vector<Expect> all;
  for (const fs::path& path : rdv::test::files_in("tests/script/lua", ".lua")) {
    Expect e;
    e.path = path.string();
    e.name = path.filename().string();
    e.source = rdv::test::read_file(path);
    std::istringstream lines(e.source);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.rfind("--! outcome: ", 0) == 0) e.outcome = line.substr(13);
      if (line == "--! live: no") e.live = false;
      if (line.rfind("--! diag: ", 0) == 0) e.diag.push_back(line.substr(10));
      if (line.rfind("--> ", 0) == 0) e.output.push_back(unescape(line.substr(4)));
      if (line == "-->") e.output.emplace_back();
    }
    all.push_back(std::move(e));
  }
  std::sort(all.begin(), all.end(), [](auto& a, auto& b) { return a.name < b.name; });
  return all;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += "  | " + l + "\n";
  return s;
}

void check(const Expect& e, const RunReport& r, const std::string& how) {
  INFO(e.name << " (" << how << ")\n"
              << r.diagnostics << "output:\n"
              << joined(r.output) << "expected:\n"
              << joined(e.output));
  CHECK(rdv::sim::to_string(r.result.outcome) == e.outcome);
  CHECK(r.output == e.output);
  for (const auto& d : e.diag) {
    INFO("diagnostics should contain: " << d);
    CHECK(r.diagnostics.find(d) != std::string::npos);
  }
  const int want_exit = (e.outcome == "ok" || e.outcome == "leak") ? 0 : 2;
  CHECK(r.exit_code() == want_exit);
}

RunReport run(const Expect& e, RunOptions opt) {
  rdv::sim::EventLog log;
  return rdv::script::run_source(e.name, e.source, opt, log);
}

}  // namespace

TEST_CASE("lua scripts: the test scripts exist and declare their outcome") {
  const auto scripts = load_scripts();
  REQUIRE(scripts.size() >= 20);
  for (const auto& e : scripts) {
    INFO(e.name);
    CHECK(!e.outcome.empty());
  }
}

TEST_CASE("lua scripts: controlled mode, random policy, 12 seeds each") {
  for (const auto& e : load_scripts()) {
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
      RunOptions opt;
      opt.config.seed = seed;
      check(e, run(e, opt), "controlled seed " + std::to_string(seed));
    }
  }
}

TEST_CASE("lua scripts: controlled mode, pct and round-robin policies, --preempt line") {
  for (const auto& e : load_scripts()) {
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
      RunOptions opt;
      opt.config.seed = seed;
      opt.config.policy = rdv::sim::make_pct(seed, 3, 200);
      check(e, run(e, opt), "pct seed " + std::to_string(seed));
      RunOptions line;
      line.config.seed = seed;
      line.preempt = rdv::sim::Preempt::Line;
      check(e, run(e, line), "preempt line seed " + std::to_string(seed));
    }
    RunOptions rr;
    rr.config.policy = rdv::sim::make_round_robin(1);
    check(e, run(e, rr), "round-robin");
  }
}

TEST_CASE("lua scripts: live mode, 3 runs each") {
  for (const auto& e : load_scripts()) {
    if (!e.live) continue;
    for (int i = 0; i < 3; ++i) {
      RunOptions opt;
      opt.config.mode = Mode::Live;
      opt.config.seed = static_cast<std::uint64_t>(i + 1);
      check(e, run(e, opt), "live run " + std::to_string(i));
    }
  }
}
