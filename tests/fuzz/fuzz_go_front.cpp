// libFuzzer target for the Go front end (gofront/gofront.h, issue 17): any bytes given as a Go
// file must compile to a Lua chunk or be refused with Go-style messages, never a crash, a hang,
// an abort or a sanitizer report. It checks the front end's promises:
//  - a refusal or compile error has 1 to 10 messages (and then gc's "too many errors"), each at
//    a position inside the text ("fuzz.go:LINE:COL: ..."), sorted by position, none empty;
//  - a program it accepts lowers to a chunk that Lua itself parses (a lowering bug would
//    otherwise surface as a Lua syntax error in front of the student).
// Seeds: the Go scenarios and the Go test programs (tests/fuzz/CMakeLists.txt). Build and run:
// docs/reliability.md ("Fuzzing"); the suite runs it briefly (fuzz_go_front_short).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" {
#include <lauxlib.h>
#include <lua.h>
}

#include "gofront/gofront.h"

namespace {

// Lines in the text, counted as the front end counts them (a final line without '\n' counts).
std::uint32_t line_count(std::string_view text) {
  return static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n')) + 1;
}

bool lua_parses(const std::string& chunk) {
  lua_State* L = luaL_newstate();
  if (L == nullptr) return true;  // out of memory is not the front end's fault
  const int rc = luaL_loadbufferx(L, chunk.data(), chunk.size(), "=fuzz.go", "t");
  const bool ok = rc == LUA_OK || rc == LUA_ERRMEM;
  lua_close(L);
  return ok;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const rdv::gofront::CompileResult r = rdv::gofront::compile("fuzz.go", text);
  if (r.ok) {
    if (!r.errors.empty() || r.lua.empty() || !lua_parses(r.lua)) __builtin_trap();
    return 0;
  }
  const bool cut = r.errors.size() == 11 && r.errors.back().message == "too many errors";
  if (r.errors.empty() || (r.errors.size() > 10 && !cut)) __builtin_trap();
  const std::uint32_t lines = line_count(text);
  rdv::gofront::Pos last{};
  for (const rdv::gofront::Diagnostic& d : r.errors) {
    if (d.message.empty() || d.pos.line < 1 || d.pos.col < 1 || d.pos.line > lines) {
      __builtin_trap();
    }
    if (d.pos.line < last.line || (d.pos.line == last.line && d.pos.col < last.col)) {
      __builtin_trap();
    }
    last = d.pos;
  }
  if (!r.message().starts_with("fuzz.go:")) __builtin_trap();
  return 0;
}
