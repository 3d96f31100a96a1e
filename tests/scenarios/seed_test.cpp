// The seed text's Go snippets as runnable examples (scenarios/seed/, issue 18), without running
// them: each example has a complete header that names its section of the seed text, is filed
// under its chapter, has an entry in seed.json, and keeps its snippet's lines verbatim, in order
// and together (tests/scenarios/seed_snippets/<example>.txt holds each snippet as the seed text
// gives it; only the indentation may differ, the seed text having lost it). The runs are
// scenario_run_tests' (Rendezvous) and go_versions' (real Go).
#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "script/scenario_header.h"
#include "tests/scenarios/expectations.h"
#include "tests/support/files_in.h"
#include "tests/support/read_file.h"

namespace fs = std::filesystem;
using namespace rdv::scenarios_test;

namespace {

const fs::path kRoot = RDV_SOURCE_DIR;
const fs::path kExamples = kRoot / "scenarios" / "seed";
const fs::path kSnippets = kRoot / "tests" / "scenarios" / "seed_snippets";

std::vector<std::string> stems(const fs::path& dir, const std::string& ext) {
  std::vector<std::string> out;
  for (const fs::path& p : rdv::test::files_in(dir, ext)) out.push_back(p.stem().string());
  return out;
}

using rdv::test::read_file;

// The non-blank lines of `text`, without their indentation and trailing blanks.
std::vector<std::string> code_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    const auto b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos) continue;
    const auto e = line.find_last_not_of(" \t\r");
    out.push_back(line.substr(b, e + 1 - b));
  }
  return out;
}

// Where `snippet` occurs as consecutive lines of `program`, or -1.
long find_block(const std::vector<std::string>& program, const std::vector<std::string>& snippet) {
  if (snippet.empty() || snippet.size() > program.size()) return -1;
  for (std::size_t i = 0; i + snippet.size() <= program.size(); ++i) {
    if (std::equal(snippet.begin(), snippet.end(), program.begin() + static_cast<long>(i)))
      return static_cast<long>(i);
  }
  return -1;
}

std::string field(const rdv::script::ScenarioHeader& h, const std::string& name) {
  for (const auto& [k, v] : h.fields) {
    if (k == name) return v;
  }
  return {};
}

}  // namespace

TEST_CASE("seed examples: every Go snippet of the seed text has its example, and nothing else") {
  const auto examples = stems(kExamples, ".go");
  const auto snippets = stems(kSnippets, ".txt");
  // Chapters 1, 2.1, 2.2, 2.4, 2.5, 3.1, 3.3, 4.1 (two) and 4.3 have Go snippets; 2.3, 3.2, 4.2
  // and 4.4 are in Python, JavaScript, Rust and C++.
  CHECK(snippets.size() == 10);
  CHECK(examples == snippets);
}

TEST_CASE("seed examples: each keeps its snippet's lines verbatim, in order and together") {
  for (const auto& stem : stems(kSnippets, ".txt")) {
    CAPTURE(stem);
    const auto snippet = code_lines(read_file(kSnippets / (stem + ".txt")));
    const auto program = code_lines(read_file(kExamples / (stem + ".go")));
    REQUIRE(snippet.size() >= 5);
    CHECK_MESSAGE(find_block(program, snippet) >= 0, stem << ".go does not contain its snippet's "
                                                          << snippet.size()
                                                          << " lines as one block");
  }
}

TEST_CASE("seed examples: the verbatim check catches a changed, moved or missing line") {
  const std::vector<std::string> program = {"package main", "func main() {",  "a := 1",
                                            "b := a",       "fmt.Println(b)", "}"};
  CHECK(find_block(program, {"a := 1", "b := a"}) == 2);
  CHECK(find_block(program, {"a := 1", "fmt.Println(b)"}) == -1);  // a line between
  CHECK(find_block(program, {"b := a", "a := 1"}) == -1);          // out of order
  CHECK(find_block(program, {"a := 2", "b := a"}) == -1);          // changed
  CHECK(code_lines("\t x := 1  \n\n  y\n") == std::vector<std::string>{"x := 1", "y"});
}

TEST_CASE("seed examples: a complete header, filed under the chapter of their section") {
  for (const auto& stem : stems(kExamples, ".go")) {
    CAPTURE(stem);
    auto h = rdv::script::read_scenario_header((kExamples / (stem + ".go")).string());
    REQUIRE_MESSAGE(h, h.error());
    CHECK(h->title.starts_with("From the text: "));
    // "2.1-seed-channel-sync" and "4.1b-seed-..." are filed under 2.1 and 4.1.
    std::string chapter = stem.substr(0, stem.find('-'));
    while (!chapter.empty() && chapter.back() >= 'a' && chapter.back() <= 'z') chapter.pop_back();
    CHECK(h->chapter == chapter);
    CHECK(stem.find("-seed-") != std::string::npos);
    CHECK_FALSE(h->concept_text.empty());
    CHECK_FALSE(h->watch.empty());
    CHECK(field(*h, "expect") == "never deadlocks");
    // The section of the seed text it comes from, by its number (or 第一章) and heading.
    const std::string seed = field(*h, "seed");
    CHECK((seed.starts_with(chapter + " \"") || (chapter == "1" && seed.starts_with("第一章 \""))));
  }
}

TEST_CASE("seed examples: each has its expectations in seed.json") {
  std::string error;
  auto all = load_expectations((kRoot / "tests" / "scenarios" / "seed.json").string(), &error);
  REQUIRE_MESSAGE(all.has_value(), error);
  std::set<std::string> files;
  for (const auto& e : *all) {
    CHECK_MESSAGE(fs::exists(kRoot / "scenarios" / e.file), e.file);
    CHECK(e.file.starts_with("seed/"));
    files.insert(e.file);
  }
  for (const auto& stem : stems(kExamples, ".go")) CHECK(files.count("seed/" + stem + ".go") == 1);
  CHECK(files.size() == all->size());
}
