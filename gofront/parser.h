// gofront/parser.h — Go source text to a syntax tree (ast.h).
//
// The lexer follows the Go specification's lexical rules, including automatic semicolon
// insertion; the parser follows its grammar (go/parser and cmd/compile/internal/syntax were the
// references) for the whole language, so that a construct outside gofront's subset is recognised
// and refused by name ("generic type parameters are not supported") rather than met as a
// syntax error. Never throws for any input; nesting is bounded (kMaxDepth) so hostile input
// cannot overflow the stack.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gofront/ast.h"

namespace rdv::gofront {

struct Diagnostic {
  Pos pos;
  std::string message;   // Go's words, without the position
  bool refusal = false;  // a construct outside the subset ("... is not supported")
  // gc's second line for a redeclaration: "\tprog.go:3:6: other declaration of x".
  Pos other{};
  std::string other_message{};
  // A message ending "at ./prog.go:5:4" (gc's branch errors name a position in the file).
  Pos at{};
};

// Parses `src`. Returns false (with at least one diagnostic) on a syntax error or a refused
// construct; stops at the first syntax error, as gc reports one per line at most.
bool parse(std::string_view src, File* out, std::vector<Diagnostic>* diags);

}  // namespace rdv::gofront
