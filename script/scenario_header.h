// script/scenario_header.h — reading a scenario's `scenario { ... }` header without running it.
//
// The browser, the trace library and the CLI need a scenario's title, chapter, concept and watch
// text before (or without) running the script. The header is parsed here as data: a Lua table
// constructor whose values are literals (strings, numbers, booleans, nested tables of literals,
// and strings joined with `..`). Nothing is executed; anything else is a load error.
//
// A Go program's header is its leading comment block instead (design.md §4b):
//   // title: Unbuffered rendezvous
//   // chapter: 2.1
//   // concept: An unbuffered channel hands over a value only when both sides meet.
//   // watch: The sender stays blocked at send until main reaches the receive.
//   package main
// one `// key: value` per field, continued on lines indented three spaces after `//`. A Go
// file without one is a program as written, titled by its file name.
//
// The parser runs on the Lua lexer of script/lua_lexer.h.
//
// Example:
//   auto r = rdv::script::read_scenario_header("scenarios/2.1-unbuffered-rendezvous.lua");
//   if (r) std::puts(r->title.c_str());
//   else   std::puts(r.error().c_str());   // "file:line: message"
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "script/lua_lexer.h"
#include "sim/result.h"

namespace rdv::script {

// ---------------------------------------------------------------------------------------------
// The scenario header
// ---------------------------------------------------------------------------------------------

struct ScenarioHeader {
  std::string title;         // required, non-empty
  std::string chapter;       // e.g. "2.1" (may be empty)
  std::string concept_text;  // `concept`: one sentence: what the scenario teaches (may be empty)
  std::string watch;         // what to look at while it runs (may be empty)
  // `preempt`: the scenario's default preemption, "sync" or "line" ("" when not given); run,
  // explore and the app use it unless told otherwise (--preempt, the toolbar after opening).
  std::string preempt;
  int line = 1;  // line of the `scenario` keyword
  // Every top-level field with a scalar value, in source order, as text (numbers as written,
  // booleans as true/false), including the four above. Nested tables are validated, not kept.
  std::vector<std::pair<std::string, std::string>> fields;
};

// Limits that keep hostile input harmless.
inline constexpr std::size_t kMaxScenarioFileBytes = 4u << 20;  // larger files are refused
inline constexpr int kMaxHeaderTableDepth = 16;                 // nested `{` in the header

// Parses the header of a scenario's source text. `file` is only used in error messages.
// - The header must be the first statement: `scenario { ... }` or `scenario({ ... })`, with only
//   comments and whitespace (and a `#!` line) before it.
// - Keys are names or ["strings"]; values are literals as described at the top of this file.
// - `title` is required; `chapter`, `concept`, `watch` must be strings when present.
// - Never throws, never runs code; an error is "file:line: message" (error_line() is the line).
Result<ScenarioHeader> parse_scenario_header(std::string_view source, std::string_view file);

// Reads `path` (at most kMaxScenarioFileBytes) and parses its header. I/O errors are results too.
Result<ScenarioHeader> read_scenario_header(const std::string& path);

// The title in `source`'s header; empty when the header is missing or does not parse.
std::string scenario_title(std::string_view source, std::string_view file);

}  // namespace rdv::script
