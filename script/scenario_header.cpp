// script/scenario_header.cpp — a Lua lexer and a literal-only parser for the scenario header.
//
// Why not hand the header to Lua in an empty environment? Because even an empty environment runs
// code: `title = (function() while true do end end)()` would need an instruction budget, and a
// runaway string concatenation a memory cap. Parsing the table constructor as data cannot run
// anything by construction, gives error lines for free, and costs a page of code. The grammar
// accepted is a strict subset of Lua's, so a header that loads here also loads in Lua.
#include "script/scenario_header.h"

#include "script/read_file.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unordered_set>

namespace rdv::script {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
unsigned hex_value(char c) {
  return is_digit(c) ? static_cast<unsigned>(c - '0')
                     : static_cast<unsigned>((c | 0x20) - 'a' + 10);
}
bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_name_char(char c) {
  return is_name_start(c) || is_digit(c);
}

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

// Level of a long bracket `[==[` starting at `pos` (number of '='), or -1 if there is none.
int long_bracket_level(std::string_view s, std::size_t pos) {
  if (pos >= s.size() || s[pos] != '[') return -1;
  std::size_t i = pos + 1;
  while (i < s.size() && s[i] == '=') ++i;
  if (i < s.size() && s[i] == '[') return static_cast<int>(i - pos - 1);
  return -1;
}

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

std::string HeaderError::text() const {
  if (line > 0) return file + ":" + std::to_string(line) + ": " + message;
  return file + ": " + message;
}

namespace {

// Appends code point `cp` as UTF-8 (Lua 5.4 allows up to 2^31 - 1, in up to 6 bytes).
void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
    return;
  }
  std::array<char, 6> buf{};
  int n = 0;
  std::uint32_t limit = 0x3f;  // largest value that fits in the first byte's free bits
  while (cp > limit) {
    buf[static_cast<std::size_t>(n++)] = static_cast<char>(0x80 | (cp & 0x3f));
    cp >>= 6;
    limit >>= 1;
  }
  const auto lead = static_cast<std::uint32_t>((~limit << 1) & 0xff) | cp;
  out += static_cast<char>(lead);
  while (n > 0) out += buf[static_cast<std::size_t>(--n)];
}

// The literal-only header parser. One instance per parse; stops at the first error.
class HeaderParser {
 public:
  HeaderParser(std::string_view source, std::string_view file) : src_(source), lex_(source) {
    error_.file = std::string(file);
    advance();
  }

  HeaderResult parse() {
    HeaderResult r;
    ScenarioHeader h;
    if (!parse_header(h)) {
      r.error = error_;
      return r;
    }
    r.header = std::move(h);
    return r;
  }

 private:
  enum class ValueKind { String, Number, Boolean, Nil, Table };
  struct Value {
    ValueKind kind = ValueKind::Nil;
    std::string text;  // decoded string, number as written, true/false/nil
  };

  std::string_view text(const Token& t) const { return src_.substr(t.begin, t.size); }

  // Moves to the next significant token (comments and whitespace skipped); records lexical
  // errors that make the rest meaningless.
  void advance() {
    cur_.reset();
    while (auto t = lex_.next()) {
      if (t->kind == TokenKind::Whitespace) continue;
      if (t->kind == TokenKind::Comment) {
        if (t->unterminated && !lex_error_) {
          lex_error_ = true;
          set_error(t->line, "unfinished long comment");
        }
        continue;
      }
      cur_ = t;
      last_line_ = t->line;
      return;
    }
  }

  bool at_symbol(std::string_view s) const {
    return cur_ && cur_->kind == TokenKind::Symbol && text(*cur_) == s;
  }

  bool set_error(int line, std::string message) {
    if (!failed_) {
      failed_ = true;
      error_.line = line;
      error_.message = std::move(message);
    }
    return false;
  }

  // "near 'x'" for messages, shortened so a huge token does not make a huge message.
  std::string near() const {
    if (!cur_) return "at the end of the file";
    std::string_view s = text(*cur_);
    const std::size_t nl = s.find('\n');
    if (nl != std::string_view::npos) s = s.substr(0, nl);
    if (s.size() > 24) return "near '" + std::string(s.substr(0, 24)) + "...'";
    return "near '" + std::string(s) + "'";
  }

  bool fail_here(std::string_view what) {
    return set_error(cur_ ? cur_->line : last_line_, std::string(what) + " " + near());
  }

  bool expect_symbol(std::string_view s) {
    if (failed_) return false;
    if (!at_symbol(s)) return fail_here("scenario header: expected '" + std::string(s) + "'");
    advance();
    return !failed_;
  }

  bool parse_header(ScenarioHeader& h) {
    if (failed_) return false;
    if (!cur_) {
      return set_error(last_line_,
                       "no scenario header: the file must start with scenario { title = ... }");
    }
    if (cur_->kind != TokenKind::Name || text(*cur_) != "scenario") {
      return fail_here(
          "the first statement must be the scenario header scenario { title = ... }, found code");
    }
    h.line = cur_->line;
    advance();
    const bool paren = at_symbol("(");
    if (paren) advance();
    if (failed_) return false;
    if (!at_symbol("{")) return fail_here("scenario header: expected '{' after 'scenario'");
    if (!parse_table(1, &h)) return false;
    if (paren && !expect_symbol(")")) return false;

    bool has_title = false;
    for (const auto& [key, value] : h.fields) {
      if (key == "title") has_title = true;
    }
    if (!has_title) return set_error(h.line, "scenario header has no title");
    if (h.title.empty()) return set_error(h.line, "scenario header: title is empty");
    return true;
  }

  // Parses `{ ... }` at the current token. At depth 1 (the header itself) fields are recorded
  // into `h`; deeper tables are only checked.
  bool parse_table(int depth, ScenarioHeader* h) {
    if (depth > kMaxHeaderTableDepth) {
      return fail_here("scenario header: tables nested deeper than " +
                       std::to_string(kMaxHeaderTableDepth));
    }
    const int open_line = cur_->line;
    advance();  // '{'
    while (!failed_) {
      if (!cur_) return set_error(open_line, "scenario header: '{' is never closed");
      if (at_symbol("}")) {
        advance();
        return !failed_;
      }
      const int field_line = cur_->line;
      std::optional<std::string> key;
      if (cur_->kind == TokenKind::Name) {
        key = std::string(text(*cur_));
        advance();
        if (!at_symbol("=")) {
          return set_error(field_line, "scenario header: '" + *key +
                                           "' is not a literal; the header is data and is read "
                                           "without running the script");
        }
        advance();
      } else if (at_symbol("[")) {
        advance();
        Value k;
        if (!parse_value(depth, k)) return false;
        if (k.kind != ValueKind::String && k.kind != ValueKind::Number)
          return set_error(field_line, "scenario header: a key must be a string or a number");
        key = k.text;
        if (!expect_symbol("]") || !expect_symbol("=")) return false;
      } else if (h != nullptr) {
        return fail_here("scenario header: every field needs a name (name = value)");
      }
      Value v;
      if (!parse_value(depth, v)) return false;
      if (h != nullptr && !record(*h, *key, v, field_line)) return false;
      if (at_symbol(",") || at_symbol(";")) {
        advance();
      } else if (!at_symbol("}")) {
        if (!cur_) return set_error(open_line, "scenario header: '{' is never closed");
        return fail_here("scenario header: expected ',' or '}'");
      }
    }
    return false;
  }

  bool record(ScenarioHeader& h, const std::string& key, const Value& v, int line) {
    // A set, not a scan of h.fields: a header of 200,000 fields took quadratic time (33 s).
    if (!keys_.insert(key).second)
      return set_error(line, "scenario header: field '" + key + "' is given twice");
    std::string* known = key == "title"     ? &h.title
                         : key == "chapter" ? &h.chapter
                         : key == "concept" ? &h.concept_text
                         : key == "watch"   ? &h.watch
                                            : nullptr;
    if (known != nullptr) {
      if (v.kind != ValueKind::String)
        return set_error(line, "scenario header: field '" + key + "' must be a string");
      *known = v.text;
    }
    if (v.kind != ValueKind::Table) h.fields.emplace_back(key, v.text);
    return true;
  }

  // value := table | true | false | nil | operand { '..' operand }
  // operand := string | number | '-' number
  bool parse_value(int depth, Value& v) {
    if (failed_) return false;
    if (!cur_) return fail_here("scenario header: expected a value");
    if (at_symbol("{")) {
      v.kind = ValueKind::Table;
      return parse_table(depth + 1, nullptr);
    }
    if (cur_->kind == TokenKind::Keyword) {
      const std::string_view k = text(*cur_);
      if (k == "true" || k == "false" || k == "nil") {
        v.kind = k == "nil" ? ValueKind::Nil : ValueKind::Boolean;
        v.text = std::string(k);
        advance();
        return !failed_;
      }
    }
    if (!parse_operand(v)) return false;
    while (at_symbol("..")) {
      advance();
      Value rhs;
      if (!parse_operand(rhs)) return false;
      v.kind = ValueKind::String;  // Lua converts numbers to strings when concatenating
      v.text += rhs.text;
    }
    return !failed_;
  }

  bool parse_operand(Value& v) {
    if (failed_) return false;
    const bool minus = at_symbol("-");
    if (minus) advance();
    if (!cur_) return fail_here("scenario header: expected a value");
    if (cur_->kind == TokenKind::Number) {
      v.kind = ValueKind::Number;
      v.text = (minus ? "-" : "") + std::string(text(*cur_));
      advance();
      return !failed_;
    }
    if (!minus && cur_->kind == TokenKind::String) {
      if (cur_->unterminated) return set_error(cur_->line, "scenario header: unfinished string");
      v.kind = ValueKind::String;
      if (!decode_string(*cur_, v.text)) return false;
      advance();
      return !failed_;
    }
    if (cur_->kind == TokenKind::Invalid) return fail_here("scenario header: unexpected character");
    return fail_here(
        "scenario header: only literal values (strings, numbers, true, false, nil, tables) are "
        "allowed; the header is read without running the script, found code");
  }

  // Decodes a string token's contents (escapes, long brackets) into `out`.
  bool decode_string(const Token& t, std::string& out) {
    const std::string_view s = text(t);
    if (s[0] == '[') {
      const auto level = static_cast<std::size_t>(long_bracket_level(s, 0));
      std::string_view body = s.substr(level + 2, s.size() - 2 * (level + 2));
      // Lua skips a newline right after the opening bracket.
      if (body.starts_with("\r\n") || body.starts_with("\n\r")) {
        body.remove_prefix(2);
      } else if (body.starts_with('\n') || body.starts_with('\r')) {
        body.remove_prefix(1);
      }
      out.assign(body);
      return true;
    }
    const std::string_view body = s.substr(1, s.size() - 2);
    int line = t.line;
    out.clear();
    for (std::size_t i = 0; i < body.size(); ++i) {
      const char c = body[i];
      if (c == '\n') ++line;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (++i >= body.size()) return set_error(line, "scenario header: unfinished string");
      const char e = body[i];
      switch (e) {
        case 'a':
          out += '\a';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'v':
          out += '\v';
          break;
        case '\\':
          out += '\\';
          break;
        case '"':
          out += '"';
          break;
        case '\'':
          out += '\'';
          break;
        case '\n':
          out += '\n';
          ++line;
          break;
        case 'z':  // skip the following whitespace, newlines included
          while (i + 1 < body.size() && is_space(body[i + 1])) {
            if (body[++i] == '\n') ++line;
          }
          break;
        case 'x': {
          if (i + 2 >= body.size() || !is_hex(body[i + 1]) || !is_hex(body[i + 2]))
            return set_error(line, "scenario header: \\x needs two hexadecimal digits");
          out += static_cast<char>(hex_value(body[i + 1]) * 16 + hex_value(body[i + 2]));
          i += 2;
          break;
        }
        case 'u': {
          if (i + 1 >= body.size() || body[i + 1] != '{')
            return set_error(line, "scenario header: \\u needs {hex digits}");
          std::size_t j = i + 2;
          std::uint64_t cp = 0;
          while (j < body.size() && is_hex(body[j]) && cp <= 0x7FFFFFFFu) {
            cp = cp * 16 + hex_value(body[j]);
            ++j;
          }
          if (j == i + 2 || j >= body.size() || body[j] != '}' || cp > 0x7FFFFFFFu)
            return set_error(line, "scenario header: malformed \\u{...} escape");
          append_utf8(out, static_cast<std::uint32_t>(cp));
          i = j;
          break;
        }
        default: {
          if (!is_digit(e))
            return set_error(line, std::string("scenario header: invalid escape '\\") + e + "'");
          int value = 0;
          std::size_t j = i;
          while (j < body.size() && j < i + 3 && is_digit(body[j]))
            value = value * 10 + (body[j++] - '0');
          if (value > 255) return set_error(line, "scenario header: decimal escape too large");
          out += static_cast<char>(value);
          i = j - 1;
          break;
        }
      }
    }
    return true;
  }

  std::string_view src_;
  Lexer lex_;
  std::optional<Token> cur_;  // the current significant token; empty at the end
  int last_line_ = 1;         // line of the last significant token (for errors at the end)
  bool lex_error_ = false;
  bool failed_ = false;
  HeaderError error_;
  std::unordered_set<std::string> keys_;  // the header's fields so far
};

}  // namespace

HeaderResult parse_scenario_header(std::string_view source, std::string_view file) {
  std::string blanked;
  if (source.starts_with('#')) {  // a `#!` line, which Lua skips too; blanked to keep lines
    blanked.assign(source);
    std::fill(
        blanked.begin(),
        blanked.begin() + static_cast<std::ptrdiff_t>(std::min(blanked.find('\n'), blanked.size())),
        ' ');
    source = blanked;
  }
  HeaderParser parser(source, file);
  return parser.parse();
}

std::string scenario_title(std::string_view source, std::string_view file) {
  HeaderResult r = parse_scenario_header(source, file);
  return r ? std::move(r.header->title) : std::string();
}

HeaderResult read_scenario_header(const std::string& path) {
  HeaderResult r;
  r.error.file = path;
  std::string text;
  if (!read_regular_file(path, kMaxScenarioFileBytes, &text, &r.error.message)) {
    // The message names the path already; HeaderError names it again in front.
    const std::string prefix = path + ": ";
    if (r.error.message.rfind(prefix, 0) == 0) r.error.message.erase(0, prefix.size());
    return r;
  }
  return parse_scenario_header(text, path);
}

}  // namespace rdv::script
