// session/go_help.h — the Go calls a concurrency program uses, described once for the source
// view's tooltips in a Go file: what it does in Go's words (what blocks, what panics) and the
// scenario API's equivalent. The Lua side is session/api_help.h.
//
// - tests/ui/help_api_test.cpp checks the lookup: keywords (`go`, `select`, `chan`, `defer`,
//   `range`), the arrow (`ch <- v` sends, `<-ch` receives), builtins (`make`, `close`, ...),
//   package members (`time.Sleep`, `context.WithCancel`) and methods resolved from the
//   receiver's declaration (`var wg sync.WaitGroup` makes `wg.Done` the WaitGroup's, while
//   `ctx.Done` is the Context's).
// - No ImGui here: the lookup is tested without a window.
//
// Example:
//   for (const GoHelp* e : go_help_at(source, 12, 8)) tooltip(e->call, e->text, e->lua);
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace rdv::session {

enum class GoHelpKind {
  Keyword,  // go, select, chan, defer, range
  Arrow,    // <-: name "send" or "recv"
  Builtin,  // make, close, len, cap, panic, recover
  Member,   // a package's function, variable or type: owner "time", name "Sleep"
  Method,   // a method: owner the type ("WaitGroup"), name "Done"
};

struct GoHelp {
  GoHelpKind kind = GoHelpKind::Keyword;
  std::string_view owner;  // Member: the package; Method: the receiver's type
  std::string_view name;
  std::string_view call;  // as a program writes it: "wg.Wait()"
  std::string_view text;  // one or two lines, in Go's words
  std::string_view lua;   // the scenario API's equivalent: "wg:wait()"
};

// - Every entry.
std::span<const GoHelp> go_help_entries();

// - The entries a Go program may mean at byte `offset` of `source`. Empty when the byte is in no
//   such name (a local, a string, a comment).
std::vector<const GoHelp*> go_help_at_offset(std::string_view source, std::size_t offset);

// - The same at a 1-based `line` and a 0-based display `column` (as api_at counts them).
std::vector<const GoHelp*> go_help_at(std::string_view source, int line, int column);

}  // namespace rdv::session
