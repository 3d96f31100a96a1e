// gofront/gofront.h — Go programs to what the script runtime runs (design.md §4b).
//
// compile() parses a Go file (parser.h), type-checks it and lowers it to a Lua 5.4 chunk for
// script/run.h. The chunk keeps every statement on its Go line (line 1 also carries the Go
// support library and the program's type descriptors), so line hooks, --preempt line, events,
// errors and traces all point at Go lines when the chunk runs under the Go file's name.
//
//  - Never throws and never crashes for any input: a program outside the subset is refused
//    ("file:line:col: generic type parameters are not supported"), a wrong one gets Go's compile
//    errors in Go's words ("file:line:col: undefined: x"), at most 10 of them, sorted by position,
//    as gc does.
//  - The lowered program runs on the script layer's API only (go, chan, select, waitgroup,
//    mutex, sleep, context...), so a Go program can do nothing a Lua scenario cannot.
//
// Example:
//   auto r = rdv::gofront::compile("prog.go", text);
//   if (!r.ok) { std::fputs(r.message().c_str(), stderr); return 2; }
//   rdv::script::run_source("prog.go", r.lua, options, log);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gofront/parser.h"

namespace rdv::gofront {

struct CompileResult {
  bool ok = false;
  std::string lua;                 // the chunk to run (when ok)
  std::vector<Diagnostic> errors;  // sorted by position (when !ok)
  std::string filename;
  // "prog.go:3:2: undefined: x\n..." — what `go build` prints, without its "./" prefix.
  std::string message() const;
};

// A `_test.go` file (is_test_path) may be of any package, imports "testing", and runs its
// tests — func TestXxx(t *testing.T) — as the program's main, as `go test -v` does: all of
// them in the file's order, or only the one named `run` (an error names the file's tests when
// it has none of that name; `run` on any other file is an error).
CompileResult compile(std::string_view filename, std::string_view source,
                      std::string_view run = {});

bool is_test_path(std::string_view path);  // "x_test.go"
bool is_test_name(std::string_view name);  // "TestX", "Test", not "Testx"
// The tests of a _test.go file, in its order (parsed only; none when it does not parse).
std::vector<std::string> test_names(std::string_view filename, std::string_view source);

// True for a path naming a Go source file ("x.go", "x_test.go").
bool is_go_path(std::string_view path);

// What the script layer runs for the file `filename` (named as in messages) with text `source`:
// a Go file's lowered chunk, any other file's text as it is. For a Go file that does not
// compile, ok is false and `error` holds Go's compile errors, one per line.
struct Prepared {
  bool ok = true;
  std::string chunk;
  std::string error;
};
Prepared prepare(std::string_view filename, std::string_view source, std::string_view run = {});

}  // namespace rdv::gofront
