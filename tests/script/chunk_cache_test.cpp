// The process's compiled chunks (script/chunk_cache.h): a run that loads a text compiled before
// behaves exactly as the run that parsed it: the same events, output, errors and lines.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <lua.hpp>

#include "script/chunk_cache.h"
#include "script/run.h"

namespace {

using rdv::script::chunk_cache_stats;
using rdv::script::RunOptions;
using rdv::script::RunReport;
using rdv::sim::Outcome;

struct Run {
  RunReport report;
  std::vector<rdv::sim::Event> events;
  std::vector<std::string> texts;
};

Run run(std::string_view source, std::uint64_t seed = 7) {
  RunOptions opt;
  opt.config.seed = seed;
  rdv::sim::EventLog log;
  Run r{rdv::script::run_source("cached.lua", source, opt, log), {}, {}};
  for (std::size_t i = 0; i < log.committed(); ++i) {
    r.events.push_back(log.at(i));
    r.texts.emplace_back(log.str(log.at(i).text));
  }
  return r;
}

// A text past the cache's threshold: `body` padded with a comment that names the test, so that
// no two tests share an entry.
std::string big(std::string_view tag, std::string_view body) {
  std::string s = "-- " + std::string(tag) + " " + std::string(rdv::script::kMinCachedBytes, '.') +
                  "\n" + std::string(body);
  return s;
}

void check_same(const Run& a, const Run& b) {
  CHECK(a.report.result.outcome == b.report.result.outcome);
  CHECK(a.report.result.message == b.report.result.message);
  CHECK(a.report.result.line == b.report.result.line);
  CHECK(a.report.output == b.report.output);
  CHECK(a.report.diagnostics == b.report.diagnostics);
  CHECK(a.events == b.events);
  CHECK(a.texts == b.texts);
}

}  // namespace

TEST_CASE(
    "chunk cache: a run from the compiled chunk has the events, output and lines of the "
    "run that parsed it") {
  const std::string src = big("events", R"lua(
local ch = chan(0)
go("sender", function()
  for i = 1, 3 do ch:send(i) end
  ch:close()
end)
for v in ch:range() do print("got", v) end
)lua");
  const auto before = chunk_cache_stats();
  const Run cold = run(src);
  const auto mid = chunk_cache_stats();
  const Run warm = run(src);
  const auto after = chunk_cache_stats();
  CHECK(cold.report.result.outcome == Outcome::Ok);
  CHECK(cold.report.output.size() == 3);
  CHECK(mid.misses > before.misses);
  CHECK(after.hits > mid.hits);
  check_same(cold, warm);
}

TEST_CASE("chunk cache: a panic in a cached chunk names the same line and traceback") {
  const std::string src = big("panic", "local function f()\n  error('boom')\nend\nf()\n");
  const Run cold = run(src);
  const Run warm = run(src);
  CHECK(cold.report.result.outcome == Outcome::Panic);
  CHECK(cold.report.diagnostics.find("cached.lua:3") != std::string::npos);
  check_same(cold, warm);
}

TEST_CASE("chunk cache: a syntax error is not kept and fails the same way every time") {
  const std::string src = big("syntax", "local x = = 1\n");
  const Run a = run(src);
  const auto mid = chunk_cache_stats();
  const Run b = run(src);
  const auto after = chunk_cache_stats();
  CHECK(a.report.result.outcome == Outcome::Error);
  CHECK(a.report.result.message.find("cached.lua:2:") != std::string::npos);
  CHECK(after.entries == mid.entries);    // nothing kept
  CHECK(after.misses == mid.misses + 1);  // and parsed again
  check_same(a, b);
}

TEST_CASE("chunk cache: load() of a string keeps its name, its env and its failures") {
  // The chunk given to load() is past the threshold; its second load comes from the cache.
  const std::string inner = big("load-inner", "return x, debug_name()\n");
  std::string quoted;
  for (char c : inner) quoted += c == '\n' ? std::string("\\n") : std::string(1, c);
  const std::string src = "local text = \"" + quoted + R"lua("
for i = 1, 2 do
  local f = load(text, "=inner", "t", { x = 40 + i, debug_name = function() return "env" end })
  print(f())
  local g, err = load(text .. " +", "=inner")
  print(g, err)
  local h = load(text, "=inner")
  print(pcall(h))
end
)lua";
  const Run r = run(src);
  REQUIRE(r.report.output.size() == 6);
  CHECK(r.report.output[0] == "41\tenv");
  CHECK(r.report.output[3] == "42\tenv");
  CHECK(r.report.output[1] == r.report.output[4]);  // the same syntax error, twice
  CHECK(r.report.output[1].find("nil\t[string \"inner\"]:") == 0);
  CHECK(r.report.output[2] == r.report.output[5]);  // no env: the run's globals, the same error
  CHECK(r.report.output[2].find("false\t[string \"inner\"]:2:") == 0);
}

TEST_CASE("chunk cache: long texts alike where their hash samples them load as themselves") {
  // A long text is hashed by samples; texts that differ elsewhere share a bucket, and the whole
  // text decides. Here they differ at byte 6,000 (no sample there), in the string returned.
  std::string a = "return \"" + std::string(20'000, 'a') + "\"";
  std::string b = a;
  b[6'000] = 'b';
  lua_State* L = luaL_newstate();
  REQUIRE(L != nullptr);
  for (int round = 0; round < 2; ++round) {
    for (const std::string* text : {&a, &b}) {
      REQUIRE(rdv::script::load_text_chunk(L, *text, "=alike") == LUA_OK);
      REQUIRE(lua_pcall(L, 0, 1, 0) == LUA_OK);
      std::size_t n = 0;
      const char* got = lua_tolstring(L, -1, &n);
      CHECK(std::string_view(got, n) == std::string_view(*text).substr(8, 20'000));
      lua_pop(L, 1);
    }
  }
  lua_close(L);
}

TEST_CASE(
    "chunk cache: the Go support library is kept without debug information, from its "
    "first load") {
  const std::string text = big("go-support", "local function f() return 1 end\nreturn f\n");
  lua_State* L = luaL_newstate();
  REQUIRE(L != nullptr);
  for (const char* name : {"[go]", "[go]", "[other]"}) {
    INFO(name);
    REQUIRE(rdv::script::load_text_chunk(L, text, name) == LUA_OK);
    lua_Debug ar;
    lua_getinfo(L, ">S", &ar);
    CHECK(std::string(ar.source) == (std::string(name) == "[go]" ? "=?" : name));
  }
  lua_close(L);
}

TEST_CASE("chunk cache: holds at most kMaxCachedEntries texts") {
  for (std::size_t i = 0; i < rdv::script::kMaxCachedEntries + 8; ++i) {
    const Run r = run(big("bound " + std::to_string(i), "print(1)\n"));
    CHECK(r.report.result.outcome == Outcome::Ok);
  }
  const auto s = chunk_cache_stats();
  CHECK(s.entries <= rdv::script::kMaxCachedEntries);
  CHECK(s.bytes <= rdv::script::kMaxCachedBytes);
}
