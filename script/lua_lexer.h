// script/lua_lexer.h — a Lua 5.4 lexer over a source text, for everything that reads Lua without
// running it: the scenario header's parser (scenario_header.h), the assignment finder
// (assignments.h), the source view's colouring and the API tooltips (ui/).
//
// Example:
//   for (const Token& t : tokenize_lua("local x = 1 -- one"))
//     if (t.kind == TokenKind::Name) use(source.substr(t.begin, t.size));  // "x"
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace rdv::script {

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

// ---- Lua's character classes, as the lexer reads them (the header's literal decoder too) ----
namespace lua {

inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
inline bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
inline unsigned hex_value(char c) {
  return is_digit(c) ? static_cast<unsigned>(c - '0')
                     : static_cast<unsigned>((c | 0x20) - 'a' + 10);
}
inline bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
inline bool is_name_char(char c) {
  return is_name_start(c) || is_digit(c);
}

// Level of a long bracket `[==[` starting at `pos` (number of '='), or -1 if there is none.
inline int long_bracket_level(std::string_view s, std::size_t pos) {
  if (pos >= s.size() || s[pos] != '[') return -1;
  std::size_t i = pos + 1;
  while (i < s.size() && s[i] == '=') ++i;
  if (i < s.size() && s[i] == '[') return static_cast<int>(i - pos - 1);
  return -1;
}

}  // namespace lua
}  // namespace rdv::script
