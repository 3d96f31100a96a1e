// The scenario header fuzzer's seed corpus, read on every test run with any compiler (the fuzzer
// itself needs clang): `ok-*` files must load with a title, `bad-*` files must fail with an error
// naming a line, the rest must simply not crash. Every shipped scenario must load too.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "script/scenario_header.h"
#include "tests/support/read_file.h"

namespace {

using rdv::test::read_file;

}  // namespace

TEST_CASE("header fuzz corpus: ok files load, bad files fail with a line, none crash") {
  int ok = 0, bad = 0, other = 0;
  for (const auto& e : std::filesystem::directory_iterator(RDV_HEADER_CORPUS)) {
    const std::string name = e.path().filename().string();
    const std::string text = read_file(e.path());
    const auto r = rdv::script::parse_scenario_header(text, name);
    CAPTURE(name);
    if (name.starts_with("ok-")) {
      REQUIRE(r);
      CHECK_FALSE(r->title.empty());
      ++ok;
    } else if (name.starts_with("bad-")) {
      REQUIRE_FALSE(r);
      CHECK(r.error_line() >= 1);
      CHECK(r.error().starts_with(name + ":"));
      ++bad;
    } else {
      ++other;
    }
    std::size_t pos = 0;
    for (const auto& t : rdv::script::tokenize_lua(text)) {
      CHECK(t.begin == pos);
      pos += t.size;
    }
    CHECK(pos == text.size());
  }
  CHECK(ok >= 3);
  CHECK(bad >= 5);
  MESSAGE(ok << " ok, " << bad << " bad, " << other << " other inputs");
}

TEST_CASE("header fuzz corpus: every shipped scenario's header loads") {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(RDV_SCENARIOS_DIR)) {
    if (e.path().extension() != ".lua") continue;
    const auto r = rdv::script::read_scenario_header(e.path().string());
    CAPTURE(e.path().string());
    CHECK(r);
    ++n;
  }
  CHECK(n > 0);
}
