// Lua's string patterns as Rendezvous matches them (script/patterns.cpp): the same results and
// messages as Lua's own string library over thousands of random subjects and patterns, and
// work that used to run for ever inside one C call now ended by the step budget or a Stop.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include <lua.hpp>

#include "script/run.h"

namespace {

using rdv::script::RunOptions;
using rdv::script::RunReport;
using rdv::sim::Outcome;

// Prints, with out(line), what find, match, gmatch and gsub give for random subjects and
// patterns (pieces of every kind, malformed ones included); the generator is the script's own,
// so both sides see the same cases.
std::string differential_script(int cases, int seed) {
  return "local seed = " + std::to_string(seed) + R"lua(
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n + 1 end
local pieces = {"a", "b", "c", ".", "%a", "%d", "%s", "%w", "%A", "%S", "[ab]", "[^a]", "[a-c]",
  "[%d_]", "[]]", "[^]a]", "[a-]", "%%", "%(", "(", ")", "()", "%1", "%2", "%b()", "%f[%w]",
  "%f[%W]", "x", "1", "_", " ", "-", "*", "+", "?", "$", "^", "[", "%", "%0", "%g", "%p", "%c",
  "%x", "%u", "%l", "%]", "[%]]", "\0", "%z", "(%a+)", "(.-)"}
local quants = {"", "", "", "*", "+", "-", "?"}
local chars = {"a", "b", "c", "1", "2", " ", "(", ")", "_", "x", "A", "%", "]", "\0", "\255"}
local function pattern()
  local t = {}
  if rnd(4) == 1 then t[#t + 1] = "^" end
  for _ = 1, rnd(5) - 1 do t[#t + 1] = pieces[rnd(#pieces)] .. quants[rnd(#quants)] end
  if rnd(5) == 1 then t[#t + 1] = "$" end
  return table.concat(t)
end
local function subject()
  local t = {}
  for _ = 1, rnd(13) - 1 do t[#t + 1] = chars[rnd(#chars)] end
  return table.concat(t)
end
local function show(ok, ...)
  local t = {ok and "ok" or "err"}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    t[#t + 1] = type(v) == "string" and string.format("%q", v) or tostring(v)
  end
  return table.concat(t, " ")
end
local function all(s, p, init)
  local r = {}
  for a, b in string.gmatch(s, p, init) do
    r[#r + 1] = tostring(a) .. "|" .. tostring(b)
    if #r > 40 then break end
  end
  return table.concat(r, ",")
end
for _ = 1, )lua" +
         std::to_string(cases) + R"lua( do
  local s, p = subject(), pattern()
  local init = rnd(9) - 5
  out(string.format("subject %q pattern %q init %d", s, p, init))
  out(show(pcall(string.find, s, p)))
  out(show(pcall(string.find, s, p, init)))
  out(show(pcall(string.find, s, p, init, true)))
  out(show(pcall(string.match, s, p, init)))
  out(show(pcall(all, s, p, init)))
  out(show(pcall(string.gsub, s, p, "<%0>")))
  out(show(pcall(string.gsub, s, p, "[%1%%]", rnd(3) - 1)))
  out(show(pcall(string.gsub, s, p, function(a, b) return b and (tostring(a) .. tostring(b)) end)))
  out(show(pcall(string.gsub, s, p, {a = "A", [""] = false, x = 7})))
  out(show(pcall(string.rep, s, rnd(4) - 2, p)))
end
)lua";
}

// The same script under Lua's own string library.
std::vector<std::string> run_in_plain_lua(const std::string& script) {
  lua_State* L = luaL_newstate();
  luaL_openlibs(L);
  lua_newtable(L);
  lua_setglobal(L, "lines");
  // One line before the script, as in the run below, and the same chunk name: messages with a
  // position must be equal too.
  const std::string with_out =
      "local lines = lines; function out(s) lines[#lines + 1] = s end\n" + script;
  std::vector<std::string> out;
  if (luaL_loadbuffer(L, with_out.data(), with_out.size(), "@t.lua") != LUA_OK ||
      lua_pcall(L, 0, 0, 0) != LUA_OK) {
    out.push_back(std::string("lua error: ") + lua_tostring(L, -1));
  } else {
    lua_getglobal(L, "lines");
    const auto n = static_cast<lua_Integer>(luaL_len(L, -1));
    for (lua_Integer i = 1; i <= n; ++i) {
      lua_geti(L, -1, i);
      std::size_t len = 0;
      const char* s = lua_tolstring(L, -1, &len);
      out.emplace_back(s, len);
      lua_pop(L, 1);
    }
  }
  lua_close(L);
  return out;
}

RunReport run(const std::string& source, RunOptions opt = {}) {
  rdv::sim::EventLog log;
  return rdv::script::run_source("t.lua", source, opt, log);
}

bool contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("patterns: find, match, gmatch, gsub and rep give what Lua's own give, errors too") {
  for (int seed : {1, 2, 3}) {
    const std::string script = differential_script(700, seed);
    const std::vector<std::string> want = run_in_plain_lua(script);
    RunOptions opt;
    opt.config.max_events = 200'000;
    const RunReport got = run("local out = print\n" + script, opt);
    INFO("seed " << seed << ": " << got.diagnostics);
    REQUIRE(got.result.outcome == Outcome::Ok);
    REQUIRE(want.size() == 700 * 11);
    REQUIRE(got.output.size() == want.size());
    int errors = 0;
    for (std::size_t i = 0; i < want.size(); ++i) {
      if (want[i].rfind("err", 0) == 0) ++errors;
      if (got.output[i] != want[i]) {
        FAIL_CHECK(want[i - i % 11] << ", call " << i % 11 << ": lua " << want[i] << " / ours "
                                    << got.output[i]);
        break;
      }
    }
    CHECK(errors > 100);  // the malformed patterns were exercised, not only matches
  }
}

TEST_CASE("patterns: a pattern that backtracks for ever ends at the step budget, at its line") {
  const auto t0 = std::chrono::steady_clock::now();
  const RunReport r = run("local s = string.rep('a', 100000)\nprint(s:find('.-.-.-.-x'))\n");
  const auto took = std::chrono::steady_clock::now() - t0;
  INFO(r.diagnostics);
  CHECK(r.result.outcome == Outcome::Error);
  CHECK(contains(r.diagnostics, "t.lua:2"));
  CHECK(contains(r.diagnostics, "without reaching a synchronization point"));
  CHECK(contains(r.diagnostics, "(in string.find)"));
  CHECK(took < std::chrono::seconds(30));
}

TEST_CASE("patterns: with no step budget, an abort still ends a match in progress") {
  RunOptions opt;
  opt.step_budget = 0;
  rdv::sim::EventLog log;
  rdv::script::ScriptRun r("t.lua",
                           "local s = string.rep('a', 100000)\n"
                           "s:gsub('.-.-.-.-x', '')\n",
                           opt, log);
  r.start();
  CHECK_FALSE(r.wait_for(std::chrono::milliseconds(200)));
  const auto t0 = std::chrono::steady_clock::now();
  r.abort();
  CHECK(r.wait_for(std::chrono::seconds(10)));
  const auto took = std::chrono::steady_clock::now() - t0;
  CHECK(took < std::chrono::seconds(10));
  CHECK(r.finish().result.outcome == Outcome::Aborted);
}

TEST_CASE("patterns: string.rep of empty copies is made at once, big ones are charged") {
  const RunReport quick =
      run("local s = string.rep('', math.maxinteger)\n"
          "print(#s, #string.rep('', 1 << 40, ''), string.rep('ab', 3, ','))\n");
  INFO(quick.diagnostics);
  REQUIRE(quick.result.outcome == Outcome::Ok);
  REQUIRE(quick.output.size() == 1);
  CHECK(quick.output[0] == "0\t0\tab,ab,ab");
  // 1 MiB copies of one byte each, over and over, without a synchronization point.
  const RunReport loop = run("while true do\n  local s = string.rep('a', 1 << 20)\nend\n");
  INFO(loop.diagnostics);
  CHECK(loop.result.outcome == Outcome::Error);
  CHECK(contains(loop.diagnostics, "t.lua:2"));
}
