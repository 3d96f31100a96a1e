// session/api_help.h — the scenario API of design.md §4 described once: a one-line description and
// the Go equivalent of every call. The Help ▸ API cheat sheet lists this table, and the source
// view's tooltips look calls up in it (api_at), so the two never disagree.
//
// - tests/ui/help_api_test.cpp checks that the table covers every function the Lua binding
//   registers (globals, library fields such as context.with_cancel, and each object's methods),
//   and that it names nothing the binding lacks.
// - No ImGui here: the lookup is tested without a window.
//
// Example:
//   for (const ApiEntry* e : api_at(source, 12, 8)) tooltip(e->call, e->text, e->go);
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace rdv::session {

enum class ApiKind {
  Global,  // a global function or value: go, chan, ms
  Field,   // a function in a global table: context.with_cancel (owner "context")
  Method,  // a method of a runtime object: ch:send (owner = the object's type, e.g. "channel")
  Other,   // documented syntax that is not a registered name (select's default, cancel())
};

struct ApiEntry {
  std::string_view section;  // heading in the cheat sheet: "Channels", "Time", ...
  ApiKind kind = ApiKind::Global;
  std::string_view owner;  // Field: the table; Method: the object type (the binding's type name)
  std::string_view name;   // the registered name: "send", "with_cancel", "go"
  std::string_view call;   // as a script writes it: "ch:send(v)"
  std::string_view text;   // one line: what it does, what blocks, what panics
  std::string_view go;     // the Go equivalent: "ch <- v"
};

// - Every entry, in cheat-sheet order (grouped by section).
std::span<const ApiEntry> api_entries();

// - The entries a script may mean at byte `offset` of `source`: the call whose name covers that
//   byte (global `go`, field `context.with_cancel`, method `ch:send`). Empty when the byte is
//   not in a name, or the name is not the API's (a local, a string, a comment).
// - A method name several types share (`wg:wait`, `g:wait`) is resolved from the receiver: the
//   call that made it (`local wg = waitgroup()`), else its name (`ctx`, `wg`, `mu`, ...); when
//   neither tells, every type with that method is returned.
std::vector<const ApiEntry*> api_at_offset(std::string_view source, std::size_t offset);

// - The same at a 1-based `line` and a 0-based display `column` (code points; a tab is 4
//   columns, as the source view draws it).
std::vector<const ApiEntry*> api_at(std::string_view source, int line, int column);

// - The byte of `source` at a 1-based `line` and a 0-based display `column`, counted as api_at
//   counts them; nullopt past the line's end. (go_help.h's lookup counts the same way.)
std::optional<std::size_t> offset_at(std::string_view source, int line, int column);

// - Whether the code point is East Asian wide (CJK ideographs, kana, hangul, CJK punctuation,
//   full-width forms): the source view gives it two columns, and the monospaced font draws it
//   two columns wide (ui/theme.cpp).
bool is_wide(char32_t cp);
// - The display columns the byte at `i` of `s` takes in the source view: 0 for a UTF-8
//   continuation byte, 4 for a tab (ImGui draws four spaces), 2 for a wide code point, else 1.
int display_columns(std::string_view s, std::size_t i);

}  // namespace rdv::session
