// Tests of script/scenario_header.h: the Lua lexer and the literal-only header parser.
#include "script/scenario_header.h"
#include "tests/support/scratch.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

using rdv::script::parse_scenario_header;
using rdv::script::tokenize_lua;
using rdv::script::TokenKind;

namespace {

// Kinds and texts of the significant tokens (whitespace dropped) of `src`.
std::vector<std::pair<TokenKind, std::string>> significant(std::string_view src) {
  std::vector<std::pair<TokenKind, std::string>> out;
  for (const auto& t : tokenize_lua(src)) {
    if (t.kind != TokenKind::Whitespace)
      out.emplace_back(t.kind, std::string(src.substr(t.begin, t.size)));
  }
  return out;
}

std::string error_of(std::string_view src) {
  auto r = parse_scenario_header(src, "s.lua");
  REQUIRE_FALSE(r);
  return r.error();
}

}  // namespace

TEST_CASE("lua lexer: tokens tile the source exactly and carry their line") {
  const std::string src = "local x = 1 -- one\nprint(\"a\\\"b\", [[x\ny]])\n$";
  const auto toks = tokenize_lua(src);
  std::size_t pos = 0;
  for (const auto& t : toks) {
    CHECK(t.begin == pos);
    CHECK(t.size > 0);
    pos += t.size;
  }
  CHECK(pos == src.size());
  CHECK(toks.back().kind == TokenKind::Invalid);
  CHECK(toks.back().line == 4);
}

TEST_CASE("lua lexer: keywords, names, numbers, strings, symbols") {
  const auto toks = significant("local function f(a, ...) return a .. 0x1Fp-2 ~= 3e+4 end");
  using K = TokenKind;
  const std::vector<std::pair<K, std::string>> want = {
      {K::Keyword, "local"},  {K::Keyword, "function"}, {K::Name, "f"},     {K::Symbol, "("},
      {K::Name, "a"},         {K::Symbol, ","},         {K::Symbol, "..."}, {K::Symbol, ")"},
      {K::Keyword, "return"}, {K::Name, "a"},           {K::Symbol, ".."},  {K::Number, "0x1Fp-2"},
      {K::Symbol, "~="},      {K::Number, "3e+4"},      {K::Keyword, "end"}};
  CHECK(toks == want);
}

TEST_CASE("lua lexer: long strings and long comments with levels") {
  const std::string src = "--[==[ a ]] still comment ]==] x = [=[ has ]] inside ]=] -- tail";
  const auto toks = significant(src);
  REQUIRE(toks.size() == 5);
  CHECK(toks[0] == std::pair{TokenKind::Comment, std::string("--[==[ a ]] still comment ]==]")});
  CHECK(toks[1].second == "x");
  CHECK(toks[3] == std::pair{TokenKind::String, std::string("[=[ has ]] inside ]=]")});
  CHECK(toks[4] == std::pair{TokenKind::Comment, std::string("-- tail")});
}

TEST_CASE("lua lexer: a lone opening bracket is a symbol, not a long string") {
  const auto toks = significant("t[=1] t[ [[s]] ]");
  CHECK(toks[1] == std::pair{TokenKind::Symbol, std::string("[")});
  CHECK(toks[2].first == TokenKind::Symbol);
  CHECK(toks[6] == std::pair{TokenKind::Symbol, std::string("[")});
  CHECK(toks[7] == std::pair{TokenKind::String, std::string("[[s]]")});
}

TEST_CASE("lua lexer: unfinished strings and comments are marked, never overrun") {
  auto toks = tokenize_lua("x = \"abc\ny = 1");
  CHECK(toks[4].kind == TokenKind::String);
  CHECK(toks[4].unterminated);
  CHECK(toks[4].size == 4);  // stops before the newline
  CHECK(toks[6].line == 2);

  toks = tokenize_lua("--[[ never closed\nline 2");
  REQUIRE(toks.size() == 1);
  CHECK(toks[0].kind == TokenKind::Comment);
  CHECK(toks[0].unterminated);

  toks = tokenize_lua("s = 'a\\");  // backslash at the very end
  CHECK(toks.back().kind == TokenKind::String);
  CHECK(toks.back().unterminated);

  toks = tokenize_lua("[==[");
  CHECK(toks.back().unterminated);
}

TEST_CASE("lua lexer: multi-line tokens advance the line count") {
  const auto toks = tokenize_lua("a = [[\n\n]] b --[[\n]] c");
  CHECK(toks.back().line == 4);
}

TEST_CASE("scenario header: the first scenario of the catalogue") {
  const auto r = rdv::script::read_scenario_header("scenarios/2.1-unbuffered-rendezvous.lua");
  REQUIRE_MESSAGE(r, r.error());
  CHECK(r->title == "Unbuffered rendezvous");
  CHECK(r->chapter == "2.1");
  CHECK(r->concept_text == "An unbuffered channel hands over a value only when both sides meet.");
  CHECK(r->watch == "The sender stays blocked at send until main reaches recv.");
  CHECK(r->line == 1);
}

TEST_CASE("scenario header: every scenario in scenarios/ has a valid header") {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator("scenarios")) {
    if (e.path().extension() != ".lua") continue;
    const auto r = rdv::script::read_scenario_header(e.path().string());
    CHECK_MESSAGE(r, r.error());
    ++n;
  }
  CHECK(n >= 1);
}

TEST_CASE("scenario header: literal forms") {
  const auto r = parse_scenario_header(
      "#!/usr/bin/env rendezvous\n"
      "-- a comment\n--[[ a long\ncomment ]]\n"
      "scenario({ title = 'It' .. \"'s\" .. [[ long]], chapter = \"3.\" .. 2; concept = "
      "\"tab\\tnl\\n\\x41\\65\\u{48}\\u{E9}\\z\n     end\",\n"
      "  ['watch'] = [==[\nwatch ]] this]==], tags = { 'a', 'b', { n = -1.5 } }, live = true,"
      "  seed = 0x2A, extra = nil, })\n"
      "local x = 1\n",
      "s.lua");
  REQUIRE_MESSAGE(r, r.error());
  const auto& h = *r;
  CHECK(h.title == "It's long");
  CHECK(h.chapter == "3.2");
  CHECK(h.concept_text ==
        "tab\tnl\nAAH\xC3\xA9"
        "end");
  CHECK(h.watch == "watch ]] this");
  CHECK(h.line == 5);
  const std::vector<std::pair<std::string, std::string>> want = {{"title", "It's long"},
                                                                 {"chapter", "3.2"},
                                                                 {"concept", h.concept_text},
                                                                 {"watch", "watch ]] this"},
                                                                 {"live", "true"},
                                                                 {"seed", "0x2A"},
                                                                 {"extra", "nil"}};
  CHECK(h.fields == want);
}

TEST_CASE("scenario header: missing or wrongly typed fields") {
  CHECK(error_of("scenario { chapter = '1' }") == "s.lua:1: scenario header has no title");
  CHECK(error_of("\n\nscenario { title = '' }") == "s.lua:3: scenario header: title is empty");
  CHECK(error_of("scenario {\n title = 'a',\n concept = 42 }") ==
        "s.lua:3: scenario header: field 'concept' must be a string");
  CHECK(error_of("scenario { title = 'a', title = 'b' }") ==
        "s.lua:1: scenario header: field 'title' is given twice");
  CHECK(error_of("scenario { 'positional' }").find("every field needs a name") !=
        std::string::npos);
}

TEST_CASE("scenario header: no header, or code before it") {
  CHECK(error_of("") ==
        "s.lua:1: no scenario header: the file must start with scenario { title = ... }");
  CHECK(error_of("-- only a comment\n") ==
        "s.lua:1: no scenario header: the file must start with scenario { title = ... }");
  CHECK(
      error_of("\nlocal ch = chan(0)\nscenario { title = 'x' }").starts_with("s.lua:2: the first"));
  CHECK(error_of("scenario 'x'").starts_with("s.lua:1: scenario header: expected '{'"));
}

TEST_CASE("scenario header: a header that tries to run code is refused, not run") {
  for (const char* src : {
           "scenario { title = os.exit(1) }",
           "scenario { title = (function() while true do end end)() }",
           "scenario { title = string.rep('x', 1e9) }",
           "scenario { title = 'a' .. io.read() }",
           "scenario { title = x }",
           "scenario { title = #'abc' }",
           "scenario { title = 'a', [f()] = 1 }",
       }) {
    CAPTURE(src);
    const std::string e = error_of(src);
    CHECK(e.starts_with("s.lua:1: "));
    CHECK((e.find("without running the script") != std::string::npos ||
           e.find("expected") != std::string::npos));
  }
}

TEST_CASE("scenario header: unterminated and malformed input reports a line") {
  CHECK(error_of("scenario { title = 'abc\n }") == "s.lua:1: scenario header: unfinished string");
  CHECK(error_of("scenario { title = [[abc\n\n") == "s.lua:1: scenario header: unfinished string");
  CHECK(error_of("--[[ never closed\nscenario { title = 'a' }") ==
        "s.lua:1: unfinished long comment");
  CHECK(error_of("scenario {\n title = 'a',\n") == "s.lua:1: scenario header: '{' is never closed");
  CHECK(error_of("scenario { title = 'a' chapter = 'b' }") ==
        "s.lua:1: scenario header: expected ',' or '}' near 'chapter'");
  CHECK(error_of("scenario { title = '\\q' }") == "s.lua:1: scenario header: invalid escape '\\q'");
  CHECK(error_of("scenario { title = '\\300' }") ==
        "s.lua:1: scenario header: decimal escape too large");
  CHECK(error_of("scenario { title = '\\x4' }") ==
        "s.lua:1: scenario header: \\x needs two hexadecimal digits");
  CHECK(error_of("scenario { title = '\\u{110000000}' }") ==
        "s.lua:1: scenario header: malformed \\u{...} escape");
  CHECK(error_of("scenario { title = $ }") ==
        "s.lua:1: scenario header: unexpected character near '$'");
  CHECK(error_of("scenario({ title = 'a' }").starts_with("s.lua:1: scenario header: expected ')'"));
}

TEST_CASE("scenario header: hostile sizes stay bounded") {
  // Deep nesting is refused before it can exhaust the stack.
  std::string deep = "scenario { title = 'a', t = " + std::string(100000, '{');
  CHECK(error_of(deep).find("nested deeper than 16") != std::string::npos);

  // A huge string literal is fine; a huge token in a message is shortened.
  std::string big = "scenario { title = '" + std::string(1 << 20, 'x') + "' }";
  auto r = parse_scenario_header(big, "s.lua");
  REQUIRE(r);
  CHECK(r->title.size() == (1u << 20));
  const std::string e = error_of("scenario { title = 'a' " + std::string(100000, 'y') + " }");
  CHECK(e.size() < 120);

  // Binary junk: never a crash, always a message with a line.
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 131 + 7) % 256);
  CHECK(error_of(junk).starts_with("s.lua:"));
  CHECK(error_of(std::string("scenario {\0 title", 17)).starts_with("s.lua:1: "));
}

TEST_CASE("scenario header: file errors name the file") {
  namespace fs = std::filesystem;
  auto r = rdv::script::read_scenario_header("no/such/file.lua");
  REQUIRE_FALSE(r);
  CHECK(r.error() == "no/such/file.lua: cannot open: No such file or directory");

  r = rdv::script::read_scenario_header("scenarios");
  REQUIRE_FALSE(r);
  CHECK(r.error() == "scenarios: is a directory");

  // Refused before a byte is read: /dev/zero never ends, a FIFO with no writer blocks the open.
  r = rdv::script::read_scenario_header("/dev/zero");
  REQUIRE_FALSE(r);
  CHECK(r.error() == "/dev/zero: not a regular file (a device)");
  const fs::path fifo = rdv::test::scratch_root() / "fifo.lua";
  fs::remove(fifo);
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  r = rdv::script::read_scenario_header(fifo.string());
  fs::remove(fifo);
  REQUIRE_FALSE(r);
  CHECK(r.error() == fifo.string() + ": not a regular file (a FIFO)");

  const fs::path big = rdv::test::scratch_root() / "big.lua";
  {
    std::ofstream out(big, std::ios::binary);
    out << "scenario { title = 'a' }\n";
    out << std::string(rdv::script::kMaxScenarioFileBytes, '-');
  }
  r = rdv::script::read_scenario_header(big.string());
  fs::remove(big);
  REQUIRE_FALSE(r);
  CHECK(r.error() == big.string() + ": larger than 4 MiB; not a scenario");
}

TEST_CASE("go header: the leading comment block, key: value lines, continued and checked") {
  using rdv::script::parse_scenario_header;
  const std::string src =
      "// title: Fan-in with a timeout\n"
      "// chapter: 2.3\n"
      "// concept: A select waits for whichever comes first:\n"
      "//    a result or the timer.\n"
      "// Prose between fields is skipped.\n"
      "// expect: leaks a worker\n"
      "package main\n"
      "// title: not read: after the block\n";
  auto r = parse_scenario_header(src, "fanin.go");
  REQUIRE(r);
  CHECK(r->title == "Fan-in with a timeout");
  CHECK(r->chapter == "2.3");
  CHECK(r->concept_text == "A select waits for whichever comes first: a result or the timer.");
  CHECK(r->line == 1);
  REQUIRE(r->fields.size() == 4);
  CHECK(r->fields[3] == std::pair<std::string, std::string>{"expect", "leaks a worker"});

  auto plain = parse_scenario_header("package main\n\nfunc main() {}\n", "dir/plain.go");
  REQUIRE(plain);
  CHECK(plain->title == "plain.go");

  auto dup = parse_scenario_header("// title: a\n// title: b\npackage main\n", "d.go");
  REQUIRE_FALSE(dup);
  CHECK(dup.error() == "d.go:2: duplicate header field 'title'");
  auto pre = parse_scenario_header("// title: t\n// preempt: line\npackage main\n", "p.go");
  REQUIRE(pre);
  CHECK(pre->preempt == "line");
  CHECK_FALSE(parse_scenario_header("// title: t\n// preempt: often\npackage main\n", "p.go"));
  auto untitled = parse_scenario_header("// watch: x\npackage main\n", "u.go");
  REQUIRE_FALSE(untitled);
  CHECK(untitled.error_line() == 1);
}
