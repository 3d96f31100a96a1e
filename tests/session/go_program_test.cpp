// Go programs in the app's controller, without a window: a .go file opened as written runs as
// its lowered chunk (every event at Go lines, goroutines named as Go names them), and one that
// does not compile ends as a Lua file that fails to load does, with gc's errors as its message.
#include "session/controller.h"
#include "session/view_model.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

using namespace rdv::session;

namespace {

// Opens the Go program `src` as /tmp/`name` in `c` and runs it to its end, which is `outcome`.
void run_to_end(Controller& c, const std::string& name, const std::string& src,
                rdv::sim::Outcome outcome) {
  c.open_script("/tmp/" + name, name, src);
  REQUIRE(c.finish_blocking(std::chrono::seconds(30)));
  CHECK(c.model().head().outcome == outcome);
}

}  // namespace

TEST_CASE("controller: a Go program opened as written runs, its events at Go lines") {
  const std::string src = R"(package main

import (
	"fmt"
	"time"
)

func asyncTask(ch chan int) {
	time.Sleep(2 * time.Second)
	ch <- 42
}

func main() {
	resultCh := make(chan int)
	go asyncTask(resultCh)
	result := <-resultCh
	fmt.Println("result:", result)
}
)";
  Controller c;
  run_to_end(c, "async.go", src, rdv::sim::Outcome::Ok);
  const rdv::model::Model& m = c.model();
  bool sent_at_10 = false, named = false;
  for (std::size_t i = 0; i < m.size(); ++i) {
    const rdv::sim::Event& e = m.events()[i];
    if (e.kind == rdv::sim::EventKind::ChanSend && e.line == 10) sent_at_10 = true;
    if (e.kind == rdv::sim::EventKind::TaskSpawn && m.task_name(e.task) == "asyncTask")
      named = true;
  }
  CHECK(sent_at_10);  // `ch <- 42` is line 10 of the Go file
  CHECK(named);
  CHECK(c.diagnostics().empty());
}

TEST_CASE("controller: a Go program's goroutines, timers and contexts have Go's names") {
  const std::string src = R"(package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int)
	for i := 0; i < 2; i++ {
		go func() { done <- 1 }()
	}
	<-done
	<-done
	select {
	case <-time.After(1500 * time.Millisecond):
		fmt.Println("timeout")
	case <-ctx.Done():
	}
}
)";
  Controller c;
  run_to_end(c, "names.go", src, rdv::sim::Outcome::Ok);
  const rdv::model::Model& m = c.model();
  std::vector<std::string> tasks, objects;
  for (std::size_t i = 0; i < m.size(); ++i) {
    const rdv::sim::Event& e = m.events()[i];
    if (e.kind == rdv::sim::EventKind::TaskSpawn) tasks.emplace_back(m.task_name(e.task));
    if (e.obj != 0 && !m.object_name(e.obj).empty()) objects.emplace_back(m.object_name(e.obj));
  }
  // Both goroutines run main.main.func1: each is told apart by its number.
  CHECK(tasks == std::vector<std::string>{"main", "main.main.func1 (goroutine 2)",
                                          "main.main.func1 (goroutine 3)"});
  const auto has = [&](const std::string& name) {
    return std::find(objects.begin(), objects.end(), name) != objects.end();
  };
  std::vector<std::string> contexts;
  for (const rdv::model::ContextInfo& x : m.head().contexts) contexts.push_back(context_name(m, x));
  CHECK(contexts == std::vector<std::string>{"context.Background", "ctx"});
  CHECK(has("time.After(1.5s)"));
  CHECK(has("done"));
}

TEST_CASE("controller: a Go program that does not compile ends with gc's errors, nothing runs") {
  const std::string src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tx := 3\n"
      "\tfmt.Println(y)\n}\n";
  Controller c;
  run_to_end(c, "bad.go", src, rdv::sim::Outcome::Error);
  const std::string& d = c.diagnostics();
  INFO(d);
  CHECK(d.find("bad.go:5:2: imported and not used: \"os\"") != std::string::npos);
  CHECK(d.find("bad.go:9:2: x declared but not used") != std::string::npos);
  CHECK(d.find("bad.go:10:14: undefined: y") != std::string::npos);
  CHECK(c.error_line() == 5);
}

TEST_CASE("controller: a Go test file lists its tests, and the one picked is the one that runs") {
  const std::string src = R"(package p

import "testing"

func TestOne(t *testing.T) { t.Log("one") }

func TestTwo(t *testing.T) { t.Error("two fails") }
)";
  Controller c;
  c.open_script("/tmp/p_test.go", "p_test.go", src);
  CHECK(c.tests() == std::vector<std::string>{"TestOne", "TestTwo"});
  REQUIRE(c.finish_blocking(std::chrono::seconds(30)));
  // All of them first, as go test -v: the second fails, so the run does.
  CHECK(c.model().head().outcome == rdv::sim::Outcome::Error);
  CHECK(c.diagnostics().find("exit status 1") != std::string::npos);
  RunSettings s = c.settings();
  s.test = "TestOne";
  c.apply_settings(s);
  REQUIRE(c.finish_blocking(std::chrono::seconds(30)));
  CHECK(c.model().head().outcome == rdv::sim::Outcome::Ok);
  CHECK(c.model().header().run == "TestOne");  // what a saved trace records
  // Another file without that test: the pick is dropped, all of its tests run.
  c.open_script("/tmp/q_test.go", "q_test.go",
                "package q\n\nimport \"testing\"\n\nfunc TestThree(t *testing.T) {}\n");
  CHECK(c.settings().test.empty());
  CHECK(c.tests() == std::vector<std::string>{"TestThree"});
  REQUIRE(c.finish_blocking(std::chrono::seconds(30)));
  CHECK(c.model().head().outcome == rdv::sim::Outcome::Ok);
  // A program has no tests.
  c.open_script("/tmp/async.go", "async.go", "package main\n\nfunc main() {}\n");
  CHECK(c.tests().empty());
}
