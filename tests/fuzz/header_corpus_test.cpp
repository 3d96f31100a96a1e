// The scenario header fuzzer's seeds, read on every test run with any compiler (the fuzzer itself
// needs clang): the corpus's `ok-*` files and every shipped scenario (the fuzzer's other seeds,
// tests/fuzz/CMakeLists.txt) must load with a title, `bad-*` files must fail with an error naming
// a line, the rest must simply not crash; the lexer's tokens tile each of them.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "script/scenario_header.h"
#include "tests/support/read_file.h"

namespace {

using rdv::test::read_file;

enum class Expect { load, fail, anything };

// Reads one seed and checks what its kind promises; tokens must tile every seed exactly.
void check_seed(const std::filesystem::path& path, Expect expect) {
  const std::string name = path.filename().string();
  const std::string text = read_file(path);
  const auto r = rdv::script::parse_scenario_header(text, name);
  CAPTURE(name);
  if (expect == Expect::load) {
    REQUIRE(r);
    CHECK_FALSE(r->title.empty());
  } else if (expect == Expect::fail) {
    REQUIRE_FALSE(r);
    CHECK(r.error_line() >= 1);
    CHECK(r.error().starts_with(name + ":"));
  }
  std::size_t pos = 0;
  for (const auto& t : rdv::script::tokenize_lua(text)) {
    CHECK(t.begin == pos);
    pos += t.size;
  }
  CHECK(pos == text.size());
}

}  // namespace

TEST_CASE("header fuzz corpus: ok files load, bad files fail with a line, none crash") {
  int ok = 0, bad = 0, other = 0;
  for (const auto& e : std::filesystem::directory_iterator(RDV_HEADER_CORPUS)) {
    const std::string name = e.path().filename().string();
    if (name.starts_with("ok-")) {
      check_seed(e.path(), Expect::load);
      ++ok;
    } else if (name.starts_with("bad-")) {
      check_seed(e.path(), Expect::fail);
      ++bad;
    } else {
      check_seed(e.path(), Expect::anything);
      ++other;
    }
  }
  CHECK(ok >= 1);
  CHECK(bad >= 5);
  MESSAGE(ok << " ok, " << bad << " bad, " << other << " other inputs");
}

TEST_CASE("header fuzz corpus: every shipped scenario's header loads") {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(RDV_SCENARIOS_DIR)) {
    if (e.path().extension() != ".lua") continue;
    check_seed(e.path(), Expect::load);
    const auto r = rdv::script::read_scenario_header(e.path().string());
    CAPTURE(e.path().string());
    CHECK(r);
    ++n;
  }
  CHECK(n >= 3);
}
