// gofront/tokens.h — Go source text as coloured tokens, for the source view.
//
// Not the parser's lexer (parser.cpp): that one inserts semicolons and drops comments; this one
// tiles the text exactly (whitespace and comments included) and never fails, so a half-typed
// program in the editor still colours. It follows the specification's lexical elements:
// comments, identifiers and the 25 keywords, integer/float/imaginary literals, rune, string
// and raw string literals, operators and punctuation.
//
// Example:
//   for (const GoToken& t : tokenize_go(text)) colour(t.kind, text.substr(t.begin, t.size));
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace rdv::gofront {

enum class GoTokenKind : std::uint8_t {
  Whitespace,
  Comment,  // `// ...` or `/* ... */`
  Keyword,  // break case chan const continue default defer else fallthrough for func go goto
            // if import interface map package range return select struct switch type var
  Name,     // identifiers (predeclared ones too: int, len, nil, true, ...)
  String,   // "...", `...`, and rune literals '...'
  Number,
  Symbol,   // operators and punctuation
  Invalid,  // a byte that starts no token
};

struct GoToken {
  GoTokenKind kind = GoTokenKind::Invalid;
  std::size_t begin = 0;  // byte offset
  std::size_t size = 0;   // bytes (at least 1)
};

// All tokens of `source`, in order, tiling it exactly. Unterminated comments and literals run
// to the end of their line (raw strings and /* */ comments to the end of the text).
std::vector<GoToken> tokenize_go(std::string_view source);

}  // namespace rdv::gofront
