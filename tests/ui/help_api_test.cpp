// The API table of Help ▸ API cheat sheet and of the source view's tooltips (session/api_help.h):
// it covers exactly what the Lua binding registers, and the lookup under the mouse finds the
// right entry, all without a window.
#include "session/api_help.h"
#include "session/go_help.h"
#include "ui/help_window.h"

#include "script/api.h"

#include <doctest/doctest.h>

#include <lua.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using rdv::session::api_at;
using rdv::session::api_at_offset;
using rdv::session::api_entries;
using rdv::session::ApiEntry;
using rdv::session::ApiKind;

namespace {

// Every string key of the table on top of the stack, as `prefix` + key, into `out`.
void add_keys(lua_State* L, const std::string& prefix, std::set<std::string>& out) {
  lua_pushnil(L);
  while (lua_next(L, -2) != 0) {
    if (lua_type(L, -2) == LUA_TSTRING) out.insert(prefix + lua_tostring(L, -2));
    lua_pop(L, 1);
  }
}

// Every name the binding adds: "go" (global), "context.with_cancel" (a global table's
// function), "channel:send" (a method of the object type whose metatable is "channel").
std::set<std::string> registered_names() {
  // The plain Lua globals, to tell the API's own from Lua's.
  std::set<std::string> plain;
  {
    lua_State* L = luaL_newstate();
    luaL_openlibs(L);
    lua_pushglobaltable(L);
    add_keys(L, "", plain);
    lua_close(L);
  }
  std::set<std::string> names;
  lua_State* L = luaL_newstate();
  rdv::script::api::open_stdlib(L);
  rdv::script::api::open_chan(L);
  rdv::script::api::open_sync(L);
  lua_pushglobaltable(L);
  lua_pushnil(L);
  while (lua_next(L, -2) != 0) {
    if (lua_type(L, -2) == LUA_TSTRING) {
      const std::string key = lua_tostring(L, -2);
      if (!plain.contains(key)) {
        names.insert(key);
        if (lua_istable(L, -1)) add_keys(L, key + ".", names);
      }
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  // Object types: the registry's metatables (luaL_newmetatable gives them __name) with methods.
  lua_pushnil(L);
  while (lua_next(L, LUA_REGISTRYINDEX) != 0) {
    if (lua_istable(L, -1)) {
      lua_getfield(L, -1, "__name");
      lua_getfield(L, -2, "__index");
      if (lua_type(L, -2) == LUA_TSTRING && lua_istable(L, -1)) {
        add_keys(L, std::string(lua_tostring(L, -2)) + ":", names);
      }
      lua_pop(L, 2);
    }
    lua_pop(L, 1);
  }
  lua_close(L);
  return names;
}

std::string key_of(const ApiEntry& e) {
  switch (e.kind) {
    case ApiKind::Global:
      return std::string(e.name);
    case ApiKind::Field:
      return std::string(e.owner) + "." + std::string(e.name);
    case ApiKind::Method:
      return std::string(e.owner) + ":" + std::string(e.name);
    case ApiKind::Other:
      break;
  }
  return {};
}

// The calls found at `needle`'s first byte (+ `skip` bytes) in `src`, as "owner:name" keys.
std::vector<std::string> keys_at(const std::string& src, const std::string& needle,
                                 std::size_t skip = 0) {
  const std::size_t at = src.find(needle);
  REQUIRE(at != std::string::npos);
  std::vector<std::string> out;
  for (const ApiEntry* e : api_at_offset(src, at + skip)) out.push_back(key_of(*e));
  return out;
}

}  // namespace

TEST_CASE("api table: covers every function the Lua binding registers, and nothing else") {
  const std::set<std::string> registered = registered_names();
  // Sanity: the walk found the binding (a broken walk must not pass vacuously).
  REQUIRE(registered.contains("go"));
  REQUIRE(registered.contains("channel:send"));
  REQUIRE(registered.contains("context.with_cancel"));
  REQUIRE(registered.size() > 50);

  std::set<std::string> documented;
  for (const ApiEntry& e : api_entries()) {
    CAPTURE(e.call);
    CHECK_FALSE(e.text.empty());
    CHECK_FALSE(e.go.empty());
    CHECK_FALSE(e.section.empty());
    if (e.kind != ApiKind::Other) documented.insert(key_of(e));
  }
  for (const std::string& name : registered) {
    CAPTURE(name);
    CHECK(documented.contains(name));
  }
  // Every documented name exists: the API's own, or a Lua global §4 names (print, pcall, ...).
  for (const std::string& name : documented) {
    CAPTURE(name);
    const bool lua_global =
        name == "print" || name == "pcall" || name == "error" || name == "select";
    CHECK((registered.contains(name) || lua_global));
  }
}

TEST_CASE("api lookup: globals, library fields and methods under a line and column") {
  const std::string src =
      "local ch = chan(0, \"result\")\n"                                 // 1
      "local wg = waitgroup()\n"                                         // 2
      "local ctx, cancel = context.with_cancel(context.background())\n"  // 3
      "go(\"w\", function()\n"                                           // 4
      "\tch:send(42)  -- go: not a call here\n"                          // 5: a tab is 4 columns
      "  wg:done()\n"                                                    // 6
      "end)\n"                                                           // 7
      "wg:wait()\n"                                                      // 8
      "local g = group(ctx)\n"                                           // 9
      "g:wait()\n"                                                       // 10
      "select { on_recv(ctx:done(), function() end), default = function() end }\n"  // 11
      "local s = \"ch:send\"\n";                                                    // 12
  auto keys = [&](int line, int column) {
    std::vector<std::string> out;
    for (const ApiEntry* e : api_at(src, line, column)) out.push_back(key_of(*e));
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(keys(1, 11) == V{"chan"});                 // `chan`
  CHECK(keys(1, 14) == V{"chan"});                 // its last letter
  CHECK(keys(1, 15) == V{});                       // `(`
  CHECK(keys(1, 6) == V{});                        // `ch`: a local
  CHECK(keys(3, 20) == V{"context"});              // the table itself
  CHECK(keys(3, 28) == V{"context.with_cancel"});  // a field
  CHECK(keys(3, 48) == V{"context.background"});
  CHECK(keys(4, 0) == V{"go"});
  CHECK(keys(5, 4) == V{});                  // `ch` after the tab (columns 4-5)
  CHECK(keys(5, 7) == V{"channel:send"});    // `send`: columns 7-10
  CHECK(keys(5, 20) == V{});                 // `go` inside a comment
  CHECK(keys(6, 5) == V{"waitgroup:done"});  // made by waitgroup()
  CHECK(keys(8, 4) == V{"waitgroup:wait"});
  CHECK(keys(10, 3) == V{"group:wait"});     // made by group(): not the WaitGroup's
  CHECK(keys(11, 22) == V{"context:done"});  // ctx from context.with_cancel
  const auto def = api_at(src, 11, 47);      // `default =`: select's default case
  REQUIRE(def.size() == 1);
  CHECK(def.front()->kind == ApiKind::Other);
  CHECK(def.front()->name == "default");
  CHECK(keys(12, 12) == V{});  // inside a string
  CHECK(keys(99, 0) == V{});
  CHECK(keys(1, 999) == V{});
}

TEST_CASE("api lookup: a shared method name is resolved from the receiver's name, else all") {
  const std::string src = "local function f(wg, ctx, x)\n  wg:done(); ctx:done(); x:done()\nend\n";
  CHECK(keys_at(src, "done(); ctx") == std::vector<std::string>{"waitgroup:done"});
  CHECK(keys_at(src, "done(); x") == std::vector<std::string>{"context:done"});
  const auto all = keys_at(src, "done()\nend");
  CHECK(all.size() == 2);  // WaitGroup's and context's: nothing tells which
  CHECK(std::find(all.begin(), all.end(), "waitgroup:done") != all.end());
  CHECK(std::find(all.begin(), all.end(), "context:done") != all.end());
  // A method only one type has needs no inference.
  CHECK(keys_at("q:send(1)", "send") == std::vector<std::string>{"channel:send"});
}

TEST_CASE("help: every shortcut and licence entry is filled in") {
  CHECK(rdv::ui::shortcuts().size() >= 15);
  for (const auto& s : rdv::ui::shortcuts()) {
    CHECK_FALSE(s.keys.empty());
    CHECK_FALSE(s.what.empty());
  }
  std::set<std::string> libs;
  for (const auto& l : rdv::ui::licences()) {
    CHECK_FALSE(l.licence.empty());
    CHECK(l.text.size() > 100);
    libs.insert(std::string(l.library.substr(0, l.library.find(' '))));
  }
  for (const char* lib : {"Dear", "GLFW", "glad", "Lua", "stb_image_write", "giflib",
                          "libimagequant", "nlohmann/json", "CLI11", "DejaVu"})
    CHECK(libs.contains(lib));
}

// ---- Go programs (session/go_help.h) ------------------------------------------------------------

namespace {

constexpr std::string_view kGo = R"(package main

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"
)

func worker(ctx context.Context, jobs <-chan int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		select {
		case results <- j * 2:
		case <-ctx.Done():
			return
		}
	}
}

func main() {
	var mu sync.Mutex
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	jobs := make(chan int, 3)
	results := make(chan int)
	var wg sync.WaitGroup
	wg.Add(1)
	go worker(ctx, jobs, results, &wg)
	jobs <- 1
	close(jobs)
	mu.Lock()
	fmt.Println(<-results, ctx.Err())
	mu.Unlock()
	wg.Wait()
	time.Sleep(10 * time.Millisecond)
	runtime.Gosched()
	println("done", runtime.NumGoroutine())
}
)";

// The Go help entries at the `nth` (0-based) occurrence of `what` in kGo, plus `skip` bytes.
std::vector<const rdv::session::GoHelp*> go_at(std::string_view what, int nth = 0,
                                               std::size_t skip = 0) {
  std::size_t at = kGo.find(what);
  for (int i = 0; i < nth && at != std::string_view::npos; ++i) at = kGo.find(what, at + 1);
  REQUIRE(at != std::string_view::npos);
  return rdv::session::go_help_at_offset(kGo, at + skip);
}

std::string go_call(const std::vector<const rdv::session::GoHelp*>& v) {
  std::string s;
  for (const auto* e : v) s += (s.empty() ? "" : " | ") + std::string(e->call);
  return s;
}

// The help entries' calls for the word `skip` bytes into the first `what` in `src`.
std::string go_call_in(std::string_view src, std::string_view what, std::size_t skip) {
  const std::size_t at = src.find(what);
  REQUIRE(at != std::string_view::npos);
  return go_call(rdv::session::go_help_at_offset(src, at + skip));
}

}  // namespace

TEST_CASE("go help: keywords, the arrow, builtins and package members under the mouse") {
  CHECK(go_call(go_at("go worker")) == "go f(x)");
  CHECK(go_call(go_at("select")) == "select { case …: … default: … }");
  CHECK(go_call(go_at("defer wg")) == "defer f()");
  CHECK(go_call(go_at("range jobs")) == "for v := range ch");
  // The arrow: a send after an operand, a receive where an operand starts, a direction in a type.
  CHECK(go_call(go_at("results <- j", 0, 8)) == "ch <- v");
  CHECK(go_call(go_at("jobs <- 1", 0, 5)) == "ch <- v");
  CHECK(go_call(go_at("<-ctx.Done")) == "v, ok := <-ch");
  CHECK(go_call(go_at("(<-results")) == "");  // the parenthesis itself
  CHECK(go_call(go_at("(<-results", 0, 1)) == "v, ok := <-ch");
  CHECK(go_call(go_at("<-chan int")) == "chan T, chan<- T, <-chan T");
  CHECK(go_call(go_at("chan<- int", 0, 4)) == "chan T, chan<- T, <-chan T");
  CHECK(go_call(go_at("make(chan int, 3)")) == "make(chan T, n)");
  CHECK(go_call(go_at("close(jobs)")) == "close(ch)");
  CHECK(go_call(go_at("time.Sleep", 0, 5)) == "time.Sleep(d)");
  CHECK(go_call(go_at("time.Millisecond", 0, 6)) == "time.Millisecond");
  CHECK(go_call(go_at("context.WithTimeout", 0, 9)) ==
        "ctx, cancel := context.WithTimeout(parent, d)");
  CHECK(go_call(go_at("sync.WaitGroup\n", 0, 5)) == "var wg sync.WaitGroup");
  CHECK(go_call(go_at("fmt.Println", 0, 4)) == "fmt.Println(a, b)");
  CHECK(go_call(go_at("runtime.Gosched", 0, 8)) == "runtime.Gosched()");
  CHECK(go_call(go_at("runtime.NumGoroutine", 0, 8)) == "runtime.NumGoroutine()");
  CHECK(go_call(go_at("println(\"done\"")) == "println(a, b)");
  // Not the API: a package name, a local, a string, a comment.
  CHECK(go_at("time.Sleep").empty());
  CHECK(go_at("jobs := make").empty());
  CHECK(go_at("\"sync\"", 0, 1).empty());
  // Every entry says what it does and its Lua equivalent.
  for (const rdv::session::GoHelp& e : rdv::session::go_help_entries()) {
    INFO(e.call);
    CHECK(!e.text.empty());
    CHECK(!e.lua.empty());
  }
}

TEST_CASE("go help: a method is resolved from how its receiver was declared") {
  // wg.Done() is the WaitGroup's (a *sync.WaitGroup parameter); ctx.Done() the Context's.
  CHECK(go_call(go_at("wg.Done", 0, 3)) == "wg.Done()");
  CHECK(go_call(go_at("ctx.Done", 0, 4)) == "<-ctx.Done()");
  CHECK(go_call(go_at("wg.Wait", 0, 3)) == "wg.Wait()");
  CHECK(go_call(go_at("wg.Add", 0, 3)) == "wg.Add(n)");
  CHECK(go_call(go_at("ctx.Err", 0, 4)) == "ctx.Err()");
  CHECK(go_call(go_at("mu.Lock", 0, 3)) == "mu.Lock()");
  CHECK(go_call(go_at("mu.Unlock", 0, 3)) == "mu.Unlock()");
  // From the declaration, whatever the names: `g, c := errgroup.WithContext(…)`.
  constexpr std::string_view src =
      "package main\nfunc main() {\n\tgrp, c := errgroup.WithContext(context.Background())\n"
      "\tgrp.Go(f)\n\t<-c.Done()\n\tgrp.Wait()\n\tvar counter "
      "sync.WaitGroup\n\tcounter.Wait()\n}\n";
  CHECK(go_call_in(src, "grp.Go", 4) == "g.Go(func() error { … })");
  CHECK(go_call_in(src, "c.Done", 2) == "<-ctx.Done()");
  CHECK(go_call_in(src, "grp.Wait", 4) == "err := g.Wait()");
  CHECK(go_call_in(src, "counter.Wait", 8) == "wg.Wait()");
  // Line and column, as the source view counts them (a tab is 4 columns).
  CHECK(go_call(rdv::session::go_help_at(src, 4, 8)) == "g.Go(func() error { … })");
}

TEST_CASE("go help: a Cond over any Locker: NewCond, a sync.Cond value, RLocker, Wait") {
  constexpr std::string_view src =
      "package main\nfunc main() {\n\tvar rw sync.RWMutex\n\tvar c sync.Cond\n\tc.L = "
      "rw.RLocker()\n\td := sync.NewCond(&rw)\n\tc.Wait()\n\td.Signal()\n}\n";
  CHECK(go_call_in(src, "sync.Cond", 5) == "var c sync.Cond");
  CHECK(go_call_in(src, "rw.RLocker", 3) == "rw.RLocker()");
  CHECK(go_call_in(src, "sync.NewCond", 5) == "c := sync.NewCond(&mu)");
  CHECK(go_call_in(src, "c.Wait", 2) == "c.Wait()");
  CHECK(go_call_in(src, "d.Signal", 2) == "c.Signal()");
}

TEST_CASE("source columns: a Chinese character takes two, a tab four, as the view draws them") {
  using rdv::session::display_columns;
  using rdv::session::offset_at;
  const std::string_view s =
      "a\xE7\xBB\x93"
      "b\tc";  // a结b<tab>c
  CHECK(display_columns(s, 0) == 1);
  CHECK(display_columns(s, 1) == 2);
  CHECK(display_columns(s, 2) == 0);  // continuation bytes
  CHECK(display_columns(s, 5) == 4);
  CHECK(offset_at(s, 1, 0) == 0u);
  CHECK(offset_at(s, 1, 1) == 1u);
  CHECK(offset_at(s, 1, 2) == 1u);  // the character's second column
  CHECK(offset_at(s, 1, 3) == 4u);  // b
  CHECK(offset_at(s, 1, 8) == 6u);  // c, after the tab's four columns
  CHECK_FALSE(offset_at(s, 1, 9).has_value());
  CHECK(display_columns("\xC3\xA9", 0) == 1);      // é: narrow
  CHECK(display_columns("\xEF\xBC\x9A", 0) == 2);  // ：full-width colon
  CHECK(display_columns("\xE2\x86\x92", 0) == 1);  // → stays narrow
  CHECK(display_columns("\xE7\xBB", 0) == 1);      // cut short: one column, no read past
}
