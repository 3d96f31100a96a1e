// script/lua_lexer.cpp — the Lua lexer: Lua 5.4's tokens, never failing on malformed input.
#include "script/lua_lexer.h"

#include <algorithm>
#include <array>
#include <string>

namespace rdv::script {
namespace {

using lua::is_digit;
using lua::is_hex;
using lua::is_name_char;
using lua::is_name_start;
using lua::is_space;
using lua::long_bracket_level;

constexpr std::array<std::string_view, 22> kKeywords = {
    "and",      "break",  "do",   "else", "elseif", "end",  "false", "for",
    "function", "goto",   "if",   "in",   "local",  "nil",  "not",   "or",
    "repeat",   "return", "then", "true", "until",  "while"};

bool is_keyword(std::string_view s) {
  return std::find(kKeywords.begin(), kKeywords.end(), s) != kKeywords.end();
}

// Symbols longest first, so the first prefix match is the right one.
constexpr std::array<std::string_view, 10> kLongSymbols = {
    "...", "..", "==", "~=", "<=", ">=", "//", "::", "<<", ">>"};
constexpr std::string_view kShortSymbols = "+-*/%^#&~|<>=(){}[];:,.";

}  // namespace

std::optional<Token> Lexer::next() {
  if (pos_ >= src_.size()) return std::nullopt;
  Token t;
  t.begin = pos_;
  t.line = line_;
  const char c = src_[pos_];

  // Advances to `end`, counting the newlines passed.
  auto take_until = [this](std::size_t end) {
    end = std::min(end, src_.size());
    line_ += static_cast<int>(std::count(src_.begin() + static_cast<std::ptrdiff_t>(pos_),
                                         src_.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
    pos_ = end;
  };
  // Consumes a long bracket body after an opener of `level` at the current position; returns
  // false if the closer is missing (the token then runs to the end of the text).
  auto take_long = [this, &take_until](int level) {
    const std::size_t open = static_cast<std::size_t>(level) + 2;
    std::string closer = "]" + std::string(static_cast<std::size_t>(level), '=') + "]";
    const std::size_t end = src_.find(closer, pos_ + open);
    if (end == std::string_view::npos) {
      take_until(src_.size());
      return false;
    }
    take_until(end + closer.size());
    return true;
  };

  if (is_space(c)) {
    std::size_t end = pos_;
    while (end < src_.size() && is_space(src_[end])) ++end;
    t.kind = TokenKind::Whitespace;
    take_until(end);
  } else if (c == '-' && pos_ + 1 < src_.size() && src_[pos_ + 1] == '-') {
    t.kind = TokenKind::Comment;
    const int level = long_bracket_level(src_, pos_ + 2);
    if (level >= 0) {
      pos_ += 2;
      t.unterminated = !take_long(level);
    } else {
      const std::size_t nl = src_.find('\n', pos_);
      take_until(nl == std::string_view::npos ? src_.size() : nl);
    }
  } else if (c == '[' && long_bracket_level(src_, pos_) >= 0) {
    t.kind = TokenKind::String;
    t.unterminated = !take_long(long_bracket_level(src_, pos_));
  } else if (c == '"' || c == '\'') {
    t.kind = TokenKind::String;
    std::size_t i = pos_ + 1;
    t.unterminated = true;
    while (i < src_.size()) {
      if (src_[i] == c) {
        ++i;
        t.unterminated = false;
        break;
      }
      if (src_[i] == '\n') break;  // an unescaped newline ends a short string: unfinished
      if (src_[i] == '\\' && i + 1 < src_.size() && src_[i + 1] == 'z') {
        i += 2;  // `\z` skips the whitespace after it, newlines included
        while (i < src_.size() && is_space(src_[i])) ++i;
        continue;
      }
      if (src_[i] == '\\' && i + 1 < src_.size()) {
        i += 2;  // the escaped byte (may be a newline: a line continuation inside the string)
        continue;
      }
      ++i;
    }
    take_until(i);
  } else if (is_digit(c) || (c == '.' && pos_ + 1 < src_.size() && is_digit(src_[pos_ + 1]))) {
    t.kind = TokenKind::Number;
    const bool hex = c == '0' && pos_ + 1 < src_.size() && (src_[pos_ + 1] | 0x20) == 'x';
    std::size_t i = pos_ + (hex ? 2 : 0);
    while (i < src_.size()) {
      const char d = src_[i];
      const char lower = static_cast<char>(d | 0x20);
      if ((lower == (hex ? 'p' : 'e')) && i + 1 < src_.size() &&
          (src_[i + 1] == '+' || src_[i + 1] == '-')) {
        i += 2;  // exponent with a sign
      } else if (is_name_char(d) || d == '.') {
        ++i;  // digits, '.', exponent letters; junk like `3abc` stays one (malformed) number
      } else {
        break;
      }
    }
    take_until(i);
  } else if (is_name_start(c)) {
    std::size_t i = pos_;
    while (i < src_.size() && is_name_char(src_[i])) ++i;
    t.kind = is_keyword(src_.substr(pos_, i - pos_)) ? TokenKind::Keyword : TokenKind::Name;
    take_until(i);
  } else {
    t.kind = TokenKind::Invalid;
    std::size_t len = 0;
    for (std::string_view s : kLongSymbols) {
      if (src_.substr(pos_, s.size()) == s) {
        len = s.size();
        break;
      }
    }
    if (len == 0 && kShortSymbols.find(c) != std::string_view::npos) len = 1;
    if (len > 0) {
      t.kind = TokenKind::Symbol;
    } else {
      // One invalid character; a UTF-8 sequence stays whole so it renders as one glyph.
      len = 1;
      while (pos_ + len < src_.size() &&
             (static_cast<unsigned char>(src_[pos_ + len]) & 0xC0) == 0x80)
        ++len;
    }
    take_until(pos_ + len);
  }
  t.size = pos_ - t.begin;
  return t;
}

std::vector<Token> tokenize_lua(std::string_view source) {
  std::vector<Token> out;
  Lexer lex(source);
  while (auto t = lex.next()) out.push_back(*t);
  return out;
}

}  // namespace rdv::script
