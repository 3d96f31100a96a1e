// Tests of script/go_funcs.h: reading gofront's go-funcs trailer and naming a frame's function.
#include <doctest/doctest.h>

#include <string>

#include "script/go_funcs.h"

using rdv::script::GoFuncs;

namespace {

// A chunk as gofront ends it: main (lines 5-20) holds a literal (8-12) and a go statement that
// starts another on its own line (14-16); worker (22-25) has arguments.
const std::string kChunk =
    "local G = load(...)\n\n\nP.main() G.flush()\n--[==[go-funcs\n"
    "5 20 main.main()\n8 12 main.main.func1()\n14 16 main.main.func2()\n"
    "22 25 main.worker(...)\n]==]\n";

}  // namespace

TEST_CASE("go funcs: a frame is named by the Go function whose body ends where its Lua one ends") {
  const GoFuncs f(kChunk);
  REQUIRE(!f.empty());
  CHECK(f.frame(22, 25, 24) == "main.worker(...)");
  CHECK(f.frame(5, 20, 9) == "main.main()");
  CHECK(f.frame(8, 12, 9) == "main.main.func1()");
  // A body run by G.run begins where its function begins, or (a wrapper) later on that line.
  CHECK(f.frame(14, 16, 15) == "main.main.func2()");
  CHECK(f.frame(15, 16, 15) == "main.main.func2()");
}

TEST_CASE("go funcs: code the lowering made is no frame of the program's") {
  const GoFuncs f(kChunk);
  CHECK(f.frame(0, 4, 4).empty());     // the chunk's call of main
  CHECK(f.frame(9, 9, 9).empty());     // a one-line helper inside main.main.func1
  CHECK(f.frame(30, 31, 30).empty());  // past every function
}

TEST_CASE("go funcs: a go statement's function is the innermost that began before its line") {
  const GoFuncs f(kChunk);
  CHECK(f.enclosing(10) == "main.main.func1");
  CHECK(f.enclosing(13) == "main.main");
  CHECK(f.enclosing(14) == "main.main");  // go func() { on line 14 is in main, not in func2
  CHECK(f.enclosing(15) == "main.main.func2");
  CHECK(f.enclosing(22) == "main.worker");  // only one begins there: a one-line function
  CHECK(f.enclosing(21).empty());
}

TEST_CASE("go funcs: a chunk without the trailer, or with a malformed one, names nothing") {
  CHECK(GoFuncs("P.main() G.flush()\n").empty());
  CHECK(GoFuncs("--[==[go-funcs\n5 main.main()\n]==]\n").empty());
  CHECK(GoFuncs("--[==[go-funcs\n9 5 main.main()\n]==]\n").empty());  // ends before it begins
  CHECK(GoFuncs("--[==[go-funcs\n5 9 \n]==]\n").empty());             // no name
  CHECK(GoFuncs("--[==[go-funcs\n5 9 main.main()").empty());          // cut off
  CHECK(GoFuncs("").enclosing(3).empty());
}
