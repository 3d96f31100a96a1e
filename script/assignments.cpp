// script/assignments.cpp — finding assignment statements with the scenario header's Lua lexer.
//
// Three passes over the significant tokens (comments and whitespace dropped):
//  1. find each `=` that is an assignment: outside brackets of the function body it is in
//     (the `=` of a table constructor field is inside braces);
//  2. walk back from it over the target list (names, `.name`, `[...]`, commas, `<attrib>`) to
//     the token before the statement: `local` makes it a declaration, `for` a loop (skipped);
//  3. walk forward over the expression list to the statement's last token, whose line is the
//     one recorded.
#include "script/assignments.h"

#include <algorithm>
#include <array>

#include "script/lua_lexer.h"

namespace rdv::script {
namespace {

struct Tok {
  TokenKind kind;
  std::string_view text;
  std::uint32_t line;      // of its first byte
  std::uint32_t end_line;  // of its last byte (long strings span lines)
};

bool is(const Tok& t, std::string_view s) {
  return (t.kind == TokenKind::Symbol || t.kind == TokenKind::Keyword) && t.text == s;
}

// A token that cannot end an expression: the expression goes on after it.
bool continues_after(const Tok& t) {
  static constexpr std::array<std::string_view, 26> kOps = {
      "+",  "-", "*", "/", "//", "%",  "^", "..", "==", "~=", "<", "<=",  ">",
      ">=", "&", "|", "~", "<<", ">>", ",", "=",  "(",  "{",  "[", "and", "or"};
  if (t.kind == TokenKind::Keyword) return t.text == "and" || t.text == "or" || t.text == "not";
  if (t.kind != TokenKind::Symbol) return false;
  return std::find(kOps.begin(), kOps.end(), t.text) != kOps.end() || t.text == "." ||
         t.text == ":";
}

// A token that cannot start a statement: the expression before it goes on.
bool continues_before(const Tok& t) {
  if (t.kind == TokenKind::Keyword) return t.text == "and" || t.text == "or";
  if (t.kind != TokenKind::Symbol) return false;
  return t.text != "(" && t.text != ";" && t.text != "::" && t.text != "-" && t.text != "#" &&
         t.text != "~" && t.text != "{" && t.text != "}" && t.text != ")" && t.text != "]";
}

// A keyword that starts or ends a statement or block: an expression never contains one.
bool ends_expression(const Tok& t) {
  static constexpr std::array<std::string_view, 15> kWords = {
      "end",   "else", "elseif", "until", "local", "return", "if", "for",
      "while", "do",   "repeat", "goto",  "break", "then",   "in"};
  return t.kind == TokenKind::Keyword &&
         std::find(kWords.begin(), kWords.end(), t.text) != kWords.end();
}

std::vector<Tok> significant_tokens(std::string_view source) {
  std::vector<Tok> out;
  for (const Token& t : tokenize_lua(source)) {
    if (t.kind == TokenKind::Whitespace || t.kind == TokenKind::Comment) continue;
    const std::string_view text = source.substr(t.begin, t.size);
    const auto newlines = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n'));
    out.push_back({t.kind, text, static_cast<std::uint32_t>(t.line),
                   static_cast<std::uint32_t>(t.line) + newlines});
  }
  return out;
}

// Pass 1: the indexes of assignment `=` tokens.
std::vector<std::size_t> assignment_signs(const std::vector<Tok>& toks) {
  std::vector<std::size_t> signs;
  // One entry per open function body: its bracket depth; and one per open block, whether it
  // is a function body (closed by `end`) or another block.
  std::vector<int> depth{0};
  std::vector<bool> blocks;  // true: a function body
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const Tok& t = toks[i];
    if (t.kind == TokenKind::Keyword) {
      if (t.text == "function") {
        blocks.push_back(true);
        depth.push_back(0);
      } else if (t.text == "if" || t.text == "do" || t.text == "repeat") {
        blocks.push_back(false);
      } else if ((t.text == "end" || t.text == "until") && !blocks.empty()) {
        if (blocks.back() && depth.size() > 1) depth.pop_back();
        blocks.pop_back();
      }
      continue;
    }
    if (t.kind != TokenKind::Symbol) continue;
    if (t.text == "(" || t.text == "[" || t.text == "{") {
      ++depth.back();
    } else if (t.text == ")" || t.text == "]" || t.text == "}") {
      depth.back() = std::max(0, depth.back() - 1);
    } else if (t.text == "=" && depth.back() == 0) {
      signs.push_back(i);
    }
  }
  return signs;
}

// Pass 2: the base names of the targets before the `=` at `sign`; empty for a `for` loop or
// something that is not a target list.
std::vector<std::string> targets(const std::vector<Tok>& toks, std::size_t sign) {
  std::vector<std::string> names;
  std::size_t i = sign;
  bool want_name = true;  // going backwards: the token before must be a name or a `]`
  std::size_t item_first = sign;
  const auto take_item = [&] {
    if (item_first < sign && toks[item_first].kind == TokenKind::Name) {
      names.emplace_back(toks[item_first].text);
    }
  };
  while (i > 0) {
    const Tok& t = toks[i - 1];
    if (want_name) {
      if (t.kind == TokenKind::Name) {
        --i;
        item_first = i;
        want_name = false;
        continue;
      }
      if (is(t, ">")) {  // `local x <const> =`: skip the attribute
        if (i >= 3 && toks[i - 2].kind == TokenKind::Name && is(toks[i - 3], "<")) {
          i -= 3;
          continue;
        }
        return {};
      }
      if (is(t, "]")) {  // `u[k] =`: skip the index to its `[`
        int d = 0;
        std::size_t j = i - 1;
        for (;; --j) {
          if (is(toks[j], "]")) ++d;
          if (is(toks[j], "[") && --d == 0) break;
          if (j == 0) return {};
        }
        i = j;
        continue;  // still wants the name being indexed
      }
      return {};
    }
    // After a name: a suffix separator, a comma between targets, or the statement's start.
    if (is(t, ".") || is(t, ":")) {
      --i;
      want_name = true;
      continue;
    }
    if (is(t, ",")) {
      take_item();
      --i;
      want_name = true;
      continue;
    }
    if (is(t, "for")) return {};
    break;
  }
  if (want_name) return {};
  take_item();
  return names;
}

// Pass 3: the line of the last token of the expression list after the `=` at `sign`.
std::uint32_t statement_end_line(const std::vector<Tok>& toks, std::size_t sign) {
  int depth = 0;   // brackets
  int blocks = 0;  // function bodies and the blocks inside them
  std::size_t last = sign;
  for (std::size_t i = sign + 1; i < toks.size(); ++i) {
    const Tok& t = toks[i];
    if (depth == 0 && blocks == 0 && i > sign + 1) {
      const Tok& prev = toks[i - 1];
      if (ends_expression(t) || is(t, ";")) break;
      if (t.line > prev.end_line && !continues_after(prev) && !continues_before(t)) break;
      if (is(t, "=")) {
        // The next statement's `=`: its targets began after the last token of this one.
        break;
      }
    }
    if (t.kind == TokenKind::Keyword) {
      if (t.text == "function" ||
          (blocks > 0 && (t.text == "if" || t.text == "do" || t.text == "repeat"))) {
        ++blocks;
      } else if ((t.text == "end" || t.text == "until") && blocks > 0) {
        --blocks;
      }
    } else if (is(t, "(") || is(t, "[") || is(t, "{")) {
      ++depth;
    } else if (is(t, ")") || is(t, "]") || is(t, "}")) {
      if (depth == 0) break;  // the `)` of a call this statement is inside: not possible here
      --depth;
    }
    last = i;
  }
  return toks[last].end_line;
}

}  // namespace

AssignmentsByLine find_assignments(std::string_view source) {
  AssignmentsByLine out;
  const std::vector<Tok> toks = significant_tokens(source);
  for (const std::size_t sign : assignment_signs(toks)) {
    std::vector<std::string> names = targets(toks, sign);
    if (names.empty()) continue;
    std::vector<std::string>& at = out[statement_end_line(toks, sign)];
    for (std::string& n : names) {
      if (std::find(at.begin(), at.end(), n) == at.end()) at.push_back(std::move(n));
    }
  }
  return out;
}

}  // namespace rdv::script
