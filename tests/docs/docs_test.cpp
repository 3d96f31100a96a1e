// The guides cannot rot: docs/scenario-guide.md and docs/teaching.md are checked against the
// program they describe (see CMakeLists.txt for the list of checks).
//
// Conventions the documents follow, which this test relies on:
//  - ```lua and ```go blocks (guide): each is exactly the text of one docs/examples/*.lua or
//    *.go file;
//  - ```console blocks (guide, teaching, README): lines starting with "$ " are commands for `sh`
//  run from the source
//    folder (`rendezvous` is rendezvous-cli); the lines after a command are exactly what it
//    prints (stdout and stderr together). A line holding only "[...]" stands for any lines.
//  - an exercise (teaching): `<!-- exercise FILE outcome=KIND -->`, then a Markdown table whose
//    rows are the questions of the interactive policy in order: the second column lists the
//    offered tasks as `name` (line N) or `name` (not started), the third the task to click as
//    `name`. The printed output
//    follows in the next ```text block.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "gofront/gofront.h"
#include "model/model.h"
#include "script/run.h"
#include "sim/policy.h"
#include "tests/support/read_file.h"
#include "tests/support/scratch.h"

namespace {

namespace fs = std::filesystem;

const fs::path kSource = RDV_SOURCE_DIR;

using rdv::test::read_file;

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream ss(text);
  std::string line;
  while (std::getline(ss, line)) lines.push_back(line);
  return lines;
}

struct Block {
  std::string info;  // the fence's info string ("lua", "console", ...)
  std::string text;  // the lines between the fences, each ending in '\n'
  int line = 0;      // line of the opening fence (1-based)
};

std::vector<Block> fenced_blocks(const std::string& markdown) {
  std::vector<Block> blocks;
  const std::vector<std::string> lines = split_lines(markdown);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("```", 0) != 0) continue;
    Block b;
    b.info = lines[i].substr(3);
    b.line = static_cast<int>(i) + 1;
    std::size_t j = i + 1;
    for (; j < lines.size() && lines[j].rfind("```", 0) != 0; ++j) b.text += lines[j] + "\n";
    blocks.push_back(std::move(b));
    i = j;
  }
  return blocks;
}

std::map<std::string, std::string> example_files() {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::directory_iterator(kSource / "docs/examples"))
    if (e.path().extension() == ".lua" || e.path().extension() == ".go")
      files[e.path().filename().string()] = read_file(e.path());
  return files;
}

// A folder whose `rendezvous` is rendezvous-cli, for the guides' command lines.
fs::path bin_dir() {
  static const fs::path dir = [] {
    const fs::path d = rdv::test::fresh_dir("docs");
    fs::create_directories(d / "bin");
    fs::create_symlink(RDV_CLI, d / "bin/rendezvous");
    return d;
  }();
  return dir;
}

// Runs `command` with sh from the source folder; stdout and stderr together, as a terminal
// shows them (the CLI flushes the script's output line by line, diagnostics come last).
std::string shell(const std::string& command) {
  const fs::path out = bin_dir() / "out";
  const std::string cmd = "cd '" + kSource.string() + "' && PATH='" + (bin_dir() / "bin").string() +
                          ":'\"$PATH\" TMPDIR=/tmp timeout 120 sh -c '" +
                          std::regex_replace(command, std::regex("'"), "'\\''") + "' >'" +
                          out.string() + "' 2>&1";
  const int rc = std::system(cmd.c_str());
  CHECK_MESSAGE(WIFEXITED(rc), command);
  return read_file(out);
}

// One line: "[...]" inside a line matches any characters (a time, a rate).
bool line_matches(const std::string& expected, const std::string& actual) {
  const std::size_t star = expected.find("[...]");
  if (star == std::string::npos) return expected == actual;
  std::string pattern;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (expected.compare(i, 5, "[...]") == 0) {
      pattern += ".*";
      i += 4;
    } else if (std::string_view("\\^$.|?*+()[]{}").find(expected[i]) != std::string_view::npos) {
      pattern += std::string("\\") + expected[i];
    } else {
      pattern += expected[i];
    }
  }
  return std::regex_match(actual, std::regex(pattern));
}

// `expected` lines against `actual` lines; a "[...]" line matches any run of lines (shortest).
bool matches(const std::vector<std::string>& expected, std::size_t ei,
             const std::vector<std::string>& actual, std::size_t ai) {
  if (ei == expected.size()) return ai == actual.size();
  if (expected[ei] == "[...]") {
    for (std::size_t k = ai; k <= actual.size(); ++k)
      if (matches(expected, ei + 1, actual, k)) return true;
    return false;
  }
  return ai < actual.size() && line_matches(expected[ei], actual[ai]) &&
         matches(expected, ei + 1, actual, ai + 1);
}

void check_console_blocks(const fs::path& doc) {
  const std::string text = read_file(kSource / doc);
  REQUIRE_MESSAGE(!text.empty(), doc.string() << " is missing");
  int checked = 0;
  for (const Block& b : fenced_blocks(text)) {
    if (b.info != "console") continue;
    const std::vector<std::string> lines = split_lines(b.text);
    for (std::size_t i = 0; i < lines.size();) {
      INFO(doc.string() << ":" << b.line + 1 + static_cast<int>(i));
      REQUIRE_MESSAGE(lines[i].rfind("$ ", 0) == 0, "a console block must start with a command");
      const std::string command = lines[i].substr(2);
      // Headless commands only (a window would wait for a person): every `rendezvous` in the
      // command line is followed by run, explore, replay or export.
      const std::regex word(R"((^|[\s;(])rendezvous(\s+(\S+))?)");
      int uses = 0;
      bool headless = true;
      for (auto it = std::sregex_iterator(command.begin(), command.end(), word);
           it != std::sregex_iterator(); ++it) {
        ++uses;
        const std::string sub = (*it)[3];
        if (sub != "run" && sub != "explore" && sub != "replay" && sub != "export")
          headless = false;
      }
      headless = headless && uses > 0;
      CHECK_MESSAGE(headless,
                    "console blocks hold headless commands only (use ```sh): " << command);
      std::vector<std::string> expected;
      std::size_t j = i + 1;
      for (; j < lines.size() && lines[j].rfind("$ ", 0) != 0; ++j) expected.push_back(lines[j]);
      if (headless) {
        const std::string got = shell(command);
        CHECK_MESSAGE(
            matches(expected, 0, split_lines(got), 0), "$ " << command
                                                            << "\n--- the document shows:\n"
                                                            <<
                                                           [&] {
                                                             std::string s;
                                                             for (const auto& l : expected)
                                                               s += l + "\n";
                                                             return s;
                                                           }()
                                                            << "--- it prints:\n"
                                                            << got);
        ++checked;
      }
      i = j;
    }
  }
  CHECK_MESSAGE(checked > 0, doc.string() << " has no console block");
}

// ---- the interactive policy, driven by a list of picks --------------------------------------

struct Question {
  std::vector<std::string> offered;  // "name (line N)", or "name" before it reported a line
  std::string pick;                  // a task name
};

struct Exercise {
  std::string file;
  std::string outcome;
  std::vector<Question> questions;
  std::string output;  // the ```text block after the table
  int line = 0;
};

std::vector<Exercise> exercises(const std::string& markdown) {
  std::vector<Exercise> all;
  const std::vector<std::string> lines = split_lines(markdown);
  const std::regex marker(R"(<!-- exercise (\S+) outcome=(\w+) -->)");
  const std::regex item(R"(`([^`]+)`( \(line \d+\))?)");
  const std::regex pick(R"(`([^`]+)`)");
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    if (!std::regex_search(lines[i], m, marker)) continue;
    Exercise ex;
    ex.file = m[1];
    ex.outcome = m[2];
    ex.line = static_cast<int>(i) + 1;
    std::size_t j = i + 1;
    while (j < lines.size() && lines[j].rfind('|', 0) != 0) ++j;
    for (j += 2; j < lines.size() && lines[j].rfind('|', 0) == 0; ++j) {  // skip head + rule
      std::vector<std::string> cells;
      std::stringstream ss(lines[j].substr(1));
      std::string cell;
      while (std::getline(ss, cell, '|')) cells.push_back(cell);
      REQUIRE_MESSAGE(cells.size() >= 3, "exercise table row: " << lines[j]);
      Question q;
      for (auto it = std::sregex_iterator(cells[1].begin(), cells[1].end(), item);
           it != std::sregex_iterator(); ++it)
        q.offered.push_back((*it)[1].str() + (*it)[2].str());
      std::smatch pm;
      REQUIRE_MESSAGE(std::regex_search(cells[2], pm, pick), "no pick in: " << lines[j]);
      q.pick = pm[1];
      ex.questions.push_back(q);
    }
    // The output: the next ```text block before the next exercise or section (none: nothing).
    while (j < lines.size() && lines[j] != "```text" && lines[j].rfind("<!-- exercise", 0) != 0 &&
           lines[j].rfind("## ", 0) != 0)
      ++j;
    if (j < lines.size() && lines[j] == "```text")
      for (++j; j < lines.size() && lines[j] != "```"; ++j) ex.output += lines[j] + "\n";
    all.push_back(std::move(ex));
    i = j - 1;
  }
  return all;
}

struct Played {
  std::vector<std::vector<std::string>> asked;  // what the policy offered, question by question
  std::string failure;                          // why the picks could not be applied
  rdv::sim::Outcome outcome = rdv::sim::Outcome::Running;
  std::string output;
};

// Runs `file` with the interactive policy and answers its questions with `picks` (task names),
// as a person clicking the scheduler strip's buttons does.
Played play(const std::string& file, const std::vector<std::string>& picks) {
  Played p;
  const rdv::Result<std::string> text = rdv::script::read_script((kSource / file).string());
  REQUIRE_MESSAGE(text, text.error());
  std::string source = *text;
  if (rdv::gofront::is_go_path(file)) {  // a Go program runs as the chunk the front end makes
    rdv::gofront::Prepared go = rdv::gofront::prepare(fs::path(file).filename().string(), source);
    REQUIRE_MESSAGE(go.ok, go.error);
    source = std::move(go.chunk);
  }
  auto policy = std::make_shared<rdv::sim::InteractivePolicy>(1);
  rdv::script::RunOptions opt;
  opt.config.mode = rdv::sim::Mode::Controlled;
  opt.config.seed = 1;
  opt.config.policy = policy;
  rdv::sim::EventLog log;
  rdv::script::ScriptRun run(fs::path(file).filename().string(), source, opt, log);
  rdv::model::Model model;
  run.start();
  std::uint64_t answered = 0;
  std::size_t seen = 0;
  bool auto_pick = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!run.wait_for(std::chrono::milliseconds(1))) {
    if (std::chrono::steady_clock::now() > deadline) {
      p.failure = "the run did not end";
      run.abort();
      break;
    }
    const std::vector<rdv::sim::TaskId> cands = policy->candidates();
    if (cands.empty() || policy->requests() == answered) continue;
    model.poll(log);
    if (std::getenv("RDV_DOCS_DEBUG") != nullptr) {  // what happened since the last question
      for (std::size_t i = seen; i < log.committed(); ++i) {
        const rdv::sim::Event& e = log.at(i);
        std::printf("    %s %s line %u\n", std::string(model.task_name(e.task)).c_str(),
                    rdv::sim::to_string(e.kind), e.line);
      }
      seen = log.committed();
    }
    std::vector<std::string> offered;
    rdv::sim::TaskId chosen = 0;
    const std::size_t k = p.asked.size();
    for (const rdv::sim::TaskId id : cands) {
      const std::string name(model.task_name(id));
      const rdv::model::TaskInfo* t = model.head().task(id);
      const std::uint32_t line = t != nullptr ? t->line : 0;
      offered.push_back(name + (line != 0 ? " (line " + std::to_string(line) + ")" : ""));
      if (k < picks.size() && name == picks[k]) chosen = id;
    }
    // "Run" (the toolbar's button): from here on the app picks, as Controller::update does:
    // the task that was running if it may go on, else the first offered.
    if (auto_pick || (k < picks.size() && picks[k] == "Run")) {
      auto_pick = true;
      const rdv::sim::TaskId cur = policy->current();
      chosen = std::find(cands.begin(), cands.end(), cur) != cands.end() ? cur : cands.front();
    }
    if (!auto_pick) p.asked.push_back(offered);
    if (chosen == 0) {
      p.failure = k < picks.size()
                      ? "question " + std::to_string(k + 1) + ": `" + picks[k] + "` is not offered"
                      : "the run asks more questions than the table answers";
      run.abort();
      break;
    }
    if (std::getenv("RDV_DOCS_DEBUG") != nullptr) {
      std::string o;
      for (const auto& x : offered) o += "  " + x;
      std::printf("question %zu:%s -> %s\n", k + 1, o.c_str(),
                  std::string(model.task_name(chosen)).c_str());
    }
    answered = policy->requests();
    policy->choose(chosen);
  }
  const rdv::script::RunReport report = run.finish();
  p.outcome = report.result.outcome;
  for (const std::string& l : report.output) p.output += l + "\n";
  return p;
}

}  // namespace

TEST_CASE("every lua and go block of the scenario guide is an example file, named in it") {
  const std::string guide = read_file(kSource / "docs/scenario-guide.md");
  REQUIRE(!guide.empty());
  const auto files = example_files();
  REQUIRE(files.size() >= 8);
  int blocks = 0;
  std::map<std::string, int> shown;
  for (const Block& b : fenced_blocks(guide)) {
    if (b.info != "lua" && b.info != "go") continue;
    ++blocks;
    std::string match;
    for (const auto& [name, text] : files)
      if (text == b.text) match = name;
    CHECK_MESSAGE(!match.empty(), "docs/scenario-guide.md:" << b.line << ": this " << b.info
                                                            << " block is no example file "
                                                               "(docs/examples/*.lua, *.go)");
    if (!match.empty()) ++shown[match];
  }
  CHECK(blocks >= 8);
  for (const auto& [name, text] : files) {
    CHECK_MESSAGE(guide.find("docs/examples/" + name) != std::string::npos,
                  "docs/examples/" << name << " is not named in the guide");
    CHECK_MESSAGE(shown.count(name) == 1, "docs/examples/" << name << " is not shown in the guide");
  }
}

TEST_CASE("the scenario guide's command lines print what the guide shows") {
  check_console_blocks("docs/scenario-guide.md");
}

TEST_CASE("the teaching guide's command lines print what it shows") {
  check_console_blocks("docs/teaching.md");
}

TEST_CASE("the README's command lines print what it shows") {
  check_console_blocks("README.md");
}

TEST_CASE("the guide's numbered and API examples print the same whatever the seed") {
  // The guide says so of them: their output does not depend on the schedule. (The pitfalls
  // are racy on purpose, api-output.lua prints random numbers drawn from the seed, and a
  // go-refused-* program never runs.)
  for (const auto& [name, text] : example_files()) {
    if (name.rfind("pitfall-", 0) == 0 || name == "api-output.lua" ||
        name.rfind("go-refused-", 0) == 0)
      continue;
    INFO(name);
    const std::string base = shell("rendezvous run docs/examples/" + name + "; echo \"exit $?\"");
    CHECK_MESSAGE(base.find("exit 0") != std::string::npos, base);
    for (int seed = 2; seed <= 6; ++seed)
      CHECK(shell("rendezvous run docs/examples/" + name + " --seed " + std::to_string(seed) +
                  "; echo \"exit $?\"") == base);
  }
}

TEST_CASE("the teaching exercises' picks reach the outcome they promise") {
  const std::string teaching = read_file(kSource / "docs/teaching.md");
  const std::vector<Exercise> all = exercises(teaching);
  REQUIRE(all.size() >= 2);
  for (const Exercise& ex : all) {
    INFO("docs/teaching.md:" << ex.line << " " << ex.file);
    REQUIRE(!ex.questions.empty());
    std::vector<std::string> picks;
    for (const Question& q : ex.questions) picks.push_back(q.pick);
    const Played p = play(ex.file, picks);
    std::string asked;
    for (std::size_t k = 0; k < p.asked.size(); ++k) {
      asked += std::to_string(k + 1) + ":";
      for (const auto& o : p.asked[k]) {
        const std::size_t paren = o.rfind(" (line ");
        asked += paren == std::string::npos
                     ? " `" + o + "`,"
                     : " `" + o.substr(0, paren) + "`" + o.substr(paren) + ",";
      }
      asked += "\n";
    }
    CHECK_MESSAGE(p.failure.empty(), p.failure << "\nthe policy asked:\n" << asked);
    // A last row `Run` hands the remaining questions to the app; its offers are not listed.
    const std::size_t listed = ex.questions.size() - (picks.back() == "Run" ? 1 : 0);
    CHECK(p.asked.size() == listed);
    for (std::size_t k = 0; k < std::min(p.asked.size(), listed); ++k) {
      INFO("question " << k + 1 << ", the policy asked:\n" << asked);
      CHECK(p.asked[k] == ex.questions[k].offered);
    }
    CHECK(std::string(rdv::sim::to_string(p.outcome)) == ex.outcome);
    CHECK(p.output == ex.output);
  }
}

TEST_CASE("the exercise driver fails when a pick is not offered") {
  // The check above can fail: a task that does not exist is never offered.
  const Played p = play("scenarios/4.2c-deadlock-lock-order.lua", {"nobody"});
  CHECK(p.failure == "question 1: `nobody` is not offered");
  CHECK(p.asked.size() == 1);
}

TEST_CASE("the console matcher can fail") {
  CHECK(matches({"a", "[...]", "d"}, 0, {"a", "b", "c", "d"}, 0));
  CHECK_FALSE(matches({"a", "d"}, 0, {"a", "b", "d"}, 0));
  CHECK_FALSE(matches({"a"}, 0, {"a", "b"}, 0));
  CHECK(matches({"x: 100 schedules, [...] (42/s)"}, 0, {"x: 100 schedules, 1.5 s (42/s)"}, 0));
  CHECK_FALSE(matches({"x: 100 schedules, [...]"}, 0, {"x: 101 schedules, 1.5 s"}, 0));
}
