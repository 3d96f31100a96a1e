// script/scenario_header.h — reading a scenario's `scenario { ... }` header without running it.
//
// The browser, the trace library and the CLI need a scenario's title, chapter, concept and watch
// text before (or without) running the script. The header is parsed here as data: a Lua table
// constructor whose values are literals (strings, numbers, booleans, nested tables of literals,
// and strings joined with `..`). Nothing is executed; anything else is a load error.
//
// Also here: the Lua lexer the parser runs on, which the source view reuses for colouring.
//
// Example:
//   auto r = rdv::script::read_scenario_header("scenarios/2.1-unbuffered-rendezvous.lua");
//   if (r) std::puts(r.header->title.c_str());
//   else   std::puts(r.error.text().c_str());   // "file:line: message"
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rdv::script {

// ---------------------------------------------------------------------------------------------
// Lua tokens
// ---------------------------------------------------------------------------------------------

enum class TokenKind : std::uint8_t {
  Whitespace,  // spaces, tabs and newlines between tokens
  Comment,     // `-- ...` to end of line, or a long comment `--[[ ... ]]`, `--[==[ ... ]==]`
  Keyword,     // and break do else elseif end false for function goto if in local nil not or
               // repeat return then true until while
  Name,        // identifiers
  String,      // "...", '...', or a long string [[ ... ]], [=[ ... ]=]
  Number,      // 42, 3.5, 0x1F, 1e-3, 0x1p4
  Symbol,      // operators and punctuation: + - * / .. == ~= <= { } ( ) [ ] ; , . : :: ...
  Invalid,     // a byte that starts no Lua token (e.g. `$`, or a stray byte >= 0x80 outside
               // strings and comments)
};

// One token: a slice of the source. Tokens tile the text exactly (no gaps, no overlaps).
struct Token {
  TokenKind kind = TokenKind::Invalid;
  std::size_t begin = 0;      // byte offset into the source
  std::size_t size = 0;       // bytes
  int line = 1;               // 1-based line of the first byte
  bool unterminated = false;  // a string or long comment that runs off the end of its line/file
};

// Pull lexer over a source text (which must outlive it). Never fails: malformed input yields
// `Invalid` or `unterminated` tokens, so a highlighter can still colour a broken file.
class Lexer {
 public:
  explicit Lexer(std::string_view source) : src_(source) {}
  // - Returns the next token; std::nullopt at the end of the text.
  std::optional<Token> next();

 private:
  std::string_view src_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

// All tokens of `source`, in order.
std::vector<Token> tokenize_lua(std::string_view source);

// ---------------------------------------------------------------------------------------------
// The scenario header
// ---------------------------------------------------------------------------------------------

struct ScenarioHeader {
  std::string title;         // required, non-empty
  std::string chapter;       // e.g. "2.1" (may be empty)
  std::string concept_text;  // `concept`: one sentence: what the scenario teaches (may be empty)
  std::string watch;         // what to look at while it runs (may be empty)
  int line = 1;              // line of the `scenario` keyword
  // Every top-level field with a scalar value, in source order, as text (numbers as written,
  // booleans as true/false), including the four above. Nested tables are validated, not kept.
  std::vector<std::pair<std::string, std::string>> fields;
};

// A load failure that names the place: "file:line: message".
struct HeaderError {
  std::string file;
  int line = 0;
  std::string message;
  std::string text() const;
};

struct HeaderResult {
  std::optional<ScenarioHeader> header;  // set on success
  HeaderError error;                     // set on failure
  explicit operator bool() const { return header.has_value(); }
};

// Limits that keep hostile input harmless.
inline constexpr std::size_t kMaxScenarioFileBytes = 4u << 20;  // larger files are refused
inline constexpr int kMaxHeaderTableDepth = 16;                 // nested `{` in the header

// Parses the header of a scenario's source text. `file` is only used in error messages.
// - The header must be the first statement: `scenario { ... }` or `scenario({ ... })`, with only
//   comments and whitespace (and a `#!` line) before it.
// - Keys are names or ["strings"]; values are literals as described at the top of this file.
// - `title` is required; `chapter`, `concept`, `watch` must be strings when present.
// - Never throws, never runs code; errors name the line where the problem is.
HeaderResult parse_scenario_header(std::string_view source, std::string_view file);

// Reads `path` (at most kMaxScenarioFileBytes) and parses its header. I/O errors are results too.
HeaderResult read_scenario_header(const std::string& path);

// The title in `source`'s header; empty when the header is missing or does not parse.
std::string scenario_title(std::string_view source, std::string_view file);

}  // namespace rdv::script
