// script/go_funcs.h — the functions of a lowered Go program, by line, for tracebacks in Go's
// words.
//
// gofront writes them after the chunk it makes, one line per function body:
//
//   --[==[go-funcs
//   18 21 main.worker(...)
//   23 40 main.main()
//   32 38 main.main.func1()
//   ]==]
//
// FIRST is the line of the `func` keyword, LAST the line of the body's closing brace; the
// lowered chunk keeps Go's lines, so a Lua frame of that function is defined from FIRST (its
// `function(`) to LAST (its `end`). The name is Go's, with its arguments elided as Go's
// traceback elides them: "()" for a function without any, "(...)" otherwise.
//
//  - A frame's function is the one whose LAST is the Lua function's last line (a lowered
//    function's wrapper, as the one that runs a body with defers, ends there too); where several
//    end on that line, the one that begins where the Lua function begins, or else the innermost
//    that holds the frame's line. A Lua function that ends where no Go function ends is code
//    the lowering made (the chunk's own call of main): it is no frame of Go's.
//  - Never fails: a chunk without the trailer, or a malformed one, has no functions.
//
// Example:
//   const GoFuncs f(chunk);
//   f.frame(18, 21, 20);  // "main.worker(...)"
//   f.enclosing(36);      // "main.main.func1" (the function a go statement on line 36 is in)
//   f.enclosing(32);      // "main.main": a go statement starting the literal on line 32
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rdv::script {

class GoFuncs {
 public:
  GoFuncs() = default;
  explicit GoFuncs(std::string_view chunk);

  bool empty() const noexcept { return funcs_.empty(); }
  // The traceback name ("main.(*Stack).Pop(...)") of the Lua function defined from line
  // `first` to `last`, running at `line`; empty when it is none of the program's functions.
  std::string_view frame(std::uint32_t first, std::uint32_t last, std::uint32_t line) const;
  // The name without its arguments ("main.main") of the innermost function holding `line`,
  // preferring one that began before it (the function a go statement is in, not the literal it
  // starts there); empty when none does.
  std::string_view enclosing(std::uint32_t line) const;

 private:
  struct Func {
    std::uint32_t first = 0, last = 0;
    std::string name;  // with "()" or "(...)"
  };
  std::vector<Func> funcs_;
};

}  // namespace rdv::script
