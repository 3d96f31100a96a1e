// The scenario library as a whole, without running anything: every scenario has a header a
// teacher can use and an entry in expectations.json, and the header's `expect` agrees with it.
// Also the output checker itself, so that the run tests cannot pass by checking nothing.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "script/scenario_header.h"
#include "tests/scenarios/expectations.h"
#include "tests/support/files_in.h"

namespace fs = std::filesystem;
using namespace rdv::scenarios_test;

namespace {

const std::string kRoot = RDV_SOURCE_DIR;

std::vector<std::string> scenario_files() {
  std::vector<std::string> out;
  for (const fs::path& p : rdv::test::files_in(kRoot + "/scenarios", ".lua"))
    out.push_back(p.filename().string());
  return out;
}

std::vector<Expectation> expectations() {
  std::string error;
  auto e = load_expectations(kRoot + "/tests/scenarios/expectations.json", &error);
  REQUIRE_MESSAGE(e.has_value(), error);
  return *e;
}

std::string field(const rdv::script::ScenarioHeader& h, const std::string& name) {
  for (const auto& [k, v] : h.fields) {
    if (k == name) return v;
  }
  return {};
}

// "2.1b-buffered-channel.lua" -> "2.1b"
std::string file_chapter(const std::string& file) {
  return file.substr(0, file.find('-'));
}

bool has(const Lines& xs, const std::string& x) {
  return std::find(xs.begin(), xs.end(), x) != xs.end();
}

}  // namespace

TEST_CASE("scenarios: every file has a complete header and is named after its chapter") {
  const auto files = scenario_files();
  REQUIRE(files.size() >= 30);
  for (const auto& f : files) {
    CAPTURE(f);
    const auto r = rdv::script::read_scenario_header(kRoot + "/scenarios/" + f);
    REQUIRE_MESSAGE(r, r.error());
    const auto& h = *r;
    CHECK(!h.title.empty());
    CHECK(!h.concept_text.empty());
    CHECK(!h.watch.empty());
    REQUIRE(!h.chapter.empty());
    // The file name starts with the chapter ("2.1", "2.1b") or a section of it ("5.3" in "5").
    const std::string prefix = file_chapter(f);
    const bool named_after =
        prefix.rfind(h.chapter, 0) == 0 &&
        (prefix.size() == h.chapter.size() || prefix[h.chapter.size()] == '.' ||
         std::isalpha(static_cast<unsigned char>(prefix[h.chapter.size()])));
    CHECK_MESSAGE(named_after, "chapter \"" << h.chapter << "\" does not match the file name");
    CHECK_MESSAGE(!field(h, "expect").empty(), "no `expect` field for the explorer");
  }
}

TEST_CASE("scenarios: every scenario has expectations, and every expectation a scenario") {
  const auto files = scenario_files();
  const std::set<std::string> on_disk(files.begin(), files.end());
  std::set<std::string> expected;
  for (const auto& e : expectations()) {
    expected.insert(e.file);
    CHECK_MESSAGE(on_disk.count(e.file),
                  e.file << " is in expectations.json but not in scenarios/");
    if (!e.go.empty()) {
      CHECK_MESSAGE(fs::exists(kRoot + "/scenarios/" + e.go + ".go"),
                    e.file << ": no Go version at scenarios/" << e.go << ".go");
    }
    for (const auto& v : e.variants) {
      CHECK_MESSAGE(!v.from.empty(), e.file << ": variant " << v.name << " replaces nothing");
    }
  }
  for (const auto& f : files) CHECK_MESSAGE(expected.count(f), f << " has no expectations");
}

TEST_CASE("scenarios: the header's expect agrees with the expected outcomes") {
  for (const auto& e : expectations()) {
    CAPTURE(e.file);
    const auto r = rdv::script::read_scenario_header(kRoot + "/scenarios/" + e.file);
    REQUIRE(r);
    const std::string expect = field(*r, "expect");
    const Lines& o = e.outcome;
    if (expect == "never deadlocks") {
      CHECK(o == Lines{"ok"});
    } else if (expect == "deadlocks") {
      CHECK(o == Lines{"deadlock"});
    } else if (expect == "panics") {
      CHECK(o == Lines{"panic"});
    } else if (expect == "leaks") {
      CHECK(o == Lines{"leak"});
    } else if (expect == "may deadlock") {
      CHECK(has(o, "deadlock"));
      CHECK(has(e.must_see_outcomes, "deadlock"));
    } else if (expect == "may return early") {
      CHECK(o.size() > 1);
      CHECK(!e.must_see_lines.empty());
    } else {
      FAIL_CHECK("unknown expect \"" << expect << "\"");
    }
  }
}

TEST_CASE("scenarios: the output checker rejects what it should") {
  OutputSpec lines;
  lines.lines = Lines{"a", "b"};
  CHECK(check_output(lines, {"a", "b"}, true).empty());
  CHECK(!check_output(lines, {"b", "a"}, true).empty());
  CHECK(check_output(lines, {"b", "a"}, false).empty());
  CHECK(!check_output(lines, {"a"}, false).empty());
  CHECK(!check_output(lines, {"a", "b", "b"}, false).empty());

  OutputSpec alts;
  alts.one_of = {{"x", "y"}, {"y", "x"}};
  CHECK(alternative_of(alts, {"y", "x"}, true) == 1);
  CHECK(!check_output(alts, {"x"}, true).empty());

  OutputSpec order;
  order.unordered = Lines{"1", "2", "3"};
  order.in_order = {{"1", "3"}};
  CHECK(check_output(order, {"2", "1", "3"}, true).empty());
  CHECK(!check_output(order, {"3", "2", "1"}, true).empty());

  OutputSpec re;
  re.patterns = {"^counter = [0-9]+$"};
  re.required = {"= 10$"};
  re.count = 1;
  CHECK(check_output(re, {"counter = 10"}, true).empty());
  CHECK(!check_output(re, {"counter = 9"}, true).empty());
  CHECK(!check_output(re, {"counter = 10", "counter = 10"}, true).empty());
  CHECK(!check_output(re, {"total = 10"}, true).empty());
}
