// script/scenario_header.cpp — a literal-only parser for the scenario header.
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

using lua::hex_value;
using lua::is_digit;
using lua::is_hex;
using lua::is_space;
using lua::long_bracket_level;

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
    file_ = std::string(file);
    advance();
  }

  Result<ScenarioHeader> parse() {
    ScenarioHeader h;
    if (!parse_header(h)) {
      return Error{file_ + ":" + std::to_string(error_line_) + ": " + error_message_, error_line_};
    }
    return h;
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
      error_line_ = line;
      error_message_ = std::move(message);
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
    if (key == "preempt") {
      if (v.kind != ValueKind::String || (v.text != "sync" && v.text != "line"))
        return set_error(line, "scenario header: field 'preempt' must be \"sync\" or \"line\"");
      h.preempt = v.text;
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
  std::string file_;    // names the source in the error
  int error_line_ = 0;  // the first error's line and message
  std::string error_message_;
  std::unordered_set<std::string> keys_;  // the header's fields so far
};

}  // namespace

namespace {

bool is_go_file(std::string_view file) {
  return file.size() > 3 && file.substr(file.size() - 3) == ".go";
}

// A Go program's header: the comment block before `package`, as `// key: value` lines; a line
// `//   more` (three or more spaces after //) continues the previous value. Keys are lower-case
// names (title, chapter, concept, watch, expect, preempt, ...); other comment lines are prose
// and are skipped. A program with no such line has no header and is titled by its file name;
// one with fields needs a title. Never runs anything.
Result<ScenarioHeader> parse_go_header(std::string_view source, std::string_view file) {
  ScenarioHeader h;
  int line = 0;
  int title_line = 0;
  std::size_t pos = 0;
  std::string* last = nullptr;
  while (pos < source.size()) {
    const std::size_t end = std::min(source.find('\n', pos), source.size());
    std::string_view text = source.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    while (!text.empty() && (text.back() == '\r' || text.back() == ' ' || text.back() == '\t'))
      text.remove_suffix(1);
    if (text.empty()) {
      last = nullptr;
      continue;
    }
    if (!text.starts_with("//")) break;  // the block ends at the first line of code
    text.remove_prefix(2);
    if (text.starts_with("   ") && last != nullptr) {  // a continuation
      while (text.starts_with(' ')) text.remove_prefix(1);
      *last += " ";
      *last += text;
      continue;
    }
    while (text.starts_with(' ')) text.remove_prefix(1);
    const std::size_t colon = text.find(':');
    last = nullptr;
    if (colon == std::string_view::npos || colon == 0) continue;
    const std::string_view key = text.substr(0, colon);
    if (!std::all_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
      continue;  // prose, or a "Note: ..." sentence
    std::string_view value = text.substr(colon + 1);
    while (value.starts_with(' ')) value.remove_prefix(1);
    for (const auto& [k, v] : h.fields) {
      if (k == key) {
        return Error{std::string(file) + ":" + std::to_string(line) + ": duplicate header field '" +
                         std::string(key) + "'",
                     line};
      }
    }
    h.fields.emplace_back(std::string(key), std::string(value));
    last = &h.fields.back().second;
    if (key == "title") title_line = line;
  }
  for (const auto& [k, v] : h.fields) {
    if (k == "title") h.title = v;
    if (k == "chapter") h.chapter = v;
    if (k == "concept") h.concept_text = v;
    if (k == "watch") h.watch = v;
    if (k == "preempt") {
      if (v != "sync" && v != "line")
        return Error{
            std::string(file) + ": scenario header: field 'preempt' must be \"sync\" or \"line\"",
            0};
      h.preempt = v;
    }
  }
  if (title_line == 0 && h.fields.empty()) {
    // A Go program as written, with no header: it is run as it is, titled by its file name.
    const std::size_t slash = file.find_last_of('/');
    h.title = std::string(slash == std::string_view::npos ? file : file.substr(slash + 1));
    h.line = 1;
    return h;
  }
  if (title_line == 0 || h.title.empty()) {
    return Error{std::string(file) +
                     ":1: the header has no title: add a line \"// title: ...\" to its comment "
                     "block",
                 1};
  }
  h.line = title_line;
  return h;
}

}  // namespace

Result<ScenarioHeader> parse_scenario_header(std::string_view source, std::string_view file) {
  if (is_go_file(file)) return parse_go_header(source, file);
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
  Result<ScenarioHeader> r = parse_scenario_header(source, file);
  return r ? std::move(r->title) : std::string();
}

Result<ScenarioHeader> read_scenario_header(const std::string& path) {
  Result<std::string> text = read_regular_file(path, kMaxScenarioFileBytes);
  if (!text) return Error{text.error()};
  return parse_scenario_header(*text, path);
}

}  // namespace rdv::script
