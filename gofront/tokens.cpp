#include "gofront/tokens.h"

#include <algorithm>
#include <array>

namespace rdv::gofront {
namespace {

constexpr std::array<std::string_view, 25> kKeywords = {
    "break",  "case",        "chan", "const",   "continue", "default", "defer",
    "else",   "fallthrough", "for",  "func",    "go",       "goto",    "if",
    "import", "interface",   "map",  "package", "range",    "return",  "select",
    "struct", "switch",      "type", "var"};

bool letter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool digit(unsigned char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::vector<GoToken> tokenize_go(std::string_view s) {
  std::vector<GoToken> out;
  std::size_t i = 0;
  const std::size_t n = s.size();
  auto at = [&](std::size_t k) -> unsigned char {
    return k < n ? static_cast<unsigned char>(s[k]) : 0;
  };
  auto line_end = [&](std::size_t from) { return std::min(s.find('\n', from), n); };
  while (i < n) {
    const std::size_t start = i;
    const unsigned char c = at(i);
    GoTokenKind kind = GoTokenKind::Symbol;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      while (i < n && (at(i) == ' ' || at(i) == '\t' || at(i) == '\r' || at(i) == '\n')) ++i;
      kind = GoTokenKind::Whitespace;
    } else if (c == '/' && at(i + 1) == '/') {
      i = line_end(i);
      kind = GoTokenKind::Comment;
    } else if (c == '/' && at(i + 1) == '*') {
      const std::size_t e = s.find("*/", i + 2);
      i = e == std::string_view::npos ? n : e + 2;
      kind = GoTokenKind::Comment;
    } else if (letter(c)) {
      while (i < n && (letter(at(i)) || digit(at(i)))) ++i;
      const std::string_view word = s.substr(start, i - start);
      kind = std::find(kKeywords.begin(), kKeywords.end(), word) != kKeywords.end()
                 ? GoTokenKind::Keyword
                 : GoTokenKind::Name;
    } else if (digit(c) || (c == '.' && digit(at(i + 1)))) {
      // Digits, letters (0x, e, p, i suffix), '_' separators, '.', and a sign after an exponent.
      ++i;
      while (i < n) {
        const unsigned char d = at(i);
        const unsigned char p = at(i - 1);
        const bool exp_sign =
            (d == '+' || d == '-') && (p == 'e' || p == 'E' || p == 'p' || p == 'P');
        if (!(digit(d) || letter(d) || d == '.' || exp_sign)) break;
        ++i;
      }
      kind = GoTokenKind::Number;
    } else if (c == '"' || c == '\'') {
      const std::size_t e = line_end(i);
      ++i;
      while (i < e && at(i) != c) i += at(i) == '\\' ? std::size_t{2} : std::size_t{1};
      i = std::min(i + 1, e);
      kind = GoTokenKind::String;
    } else if (c == '`') {
      const std::size_t e = s.find('`', i + 1);
      i = e == std::string_view::npos ? n : e + 1;
      kind = GoTokenKind::String;
    } else if (std::string_view("+-*/%&|^<>=!:.,;()[]{}~").find(static_cast<char>(c)) !=
               std::string_view::npos) {
      // The longest operator: &^= <<= >>= ... then two-byte ones, else one byte.
      static constexpr std::array<std::string_view, 3> kThree = {"&^=", "<<=", ">>="};
      static constexpr std::array<std::string_view, 21> kTwo = {
          "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "&^",
          "&&", "||", "<-", "++", "--", "==", "!=", "<=", ">=", ":="};
      const std::string_view rest = s.substr(i);
      if (rest.starts_with("...")) {
        i += 3;
      } else if (std::any_of(kThree.begin(), kThree.end(),
                             [&](std::string_view op) { return rest.starts_with(op); })) {
        i += 3;
      } else if (std::any_of(kTwo.begin(), kTwo.end(),
                             [&](std::string_view op) { return rest.starts_with(op); })) {
        i += 2;
      } else {
        ++i;
      }
    } else {
      ++i;
      kind = GoTokenKind::Invalid;
    }
    out.push_back(GoToken{kind, start, i - start});
  }
  return out;
}

}  // namespace rdv::gofront
