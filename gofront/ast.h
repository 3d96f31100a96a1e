// gofront/ast.h — the syntax tree of one Go source file (the subset gofront accepts).
//
// Produced by parse() (parser.h), read by the compiler (compile.cpp), which type-checks it and
// lowers it to Lua. Every node carries its position (line, column; both 1-based, columns in
// bytes as Go counts them). Nodes are owned by the File through unique_ptr; the compiler
// annotates nothing in place (its results live in its own tables).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rdv::gofront {

struct Pos {
  std::uint32_t line = 0;
  std::uint32_t col = 0;
};

struct Expr;
struct Stmt;
struct Block;
using ExprP = std::unique_ptr<Expr>;
using StmtP = std::unique_ptr<Stmt>;

// A type as written: also an Expr (Go's grammar mixes them: conversions, composite literals).
enum class ExprKind {
  Ident,         // name
  BasicLit,      // lit_kind, text
  CompositeLit,  // type (may be null inside another literal), elems (KeyValue or plain)
  FuncLit,       // func_type, body
  Paren,         // x
  Selector,      // x.name
  Index,         // x[index]
  Slice,         // x[lo:hi]
  TypeAssert,    // x.(type_) ; type_ null for x.(type) in a type switch
  Call,          // fun(args...) ; ellipsis: last arg followed by ...
  Star,          // *x (dereference or pointer type)
  Unary,         // op x  (+ - ! ^ & <-)
  Binary,        // x op y
  KeyValue,      // key: value (in composite literals)
  // Types.
  ArrayType,      // [len]elem or []elem (len null: slice), [...] refused
  MapType,        // map[key]elem
  ChanType,       // chan elem, chan<- elem, <-chan elem (dir)
  FuncType,       // params, results
  StructType,     // fields
  InterfaceType,  // methods (fields with FuncType), embeds
  Ellipsis,       // ...elem in a parameter list
};

enum class LitKind { Int, Float, Imag, Char, String };
enum class ChanDir { Both, Send, Recv };

struct Field {
  Pos pos;
  std::vector<std::string> names;  // empty: anonymous (parameter without name, embedded field)
  std::vector<Pos> name_pos;
  ExprP type;
};

struct Expr {
  ExprKind kind;
  Pos pos;
  std::string name;  // Ident, Selector (the selected name), op for Unary/Binary
  LitKind lit_kind = LitKind::Int;
  std::string text;  // BasicLit source text
  ExprP x, y, z;     // operands: Paren/Selector/Index/Slice/TypeAssert/Star/Unary x;
                     // Binary x, y; Slice x[y:z]; KeyValue x: y; ArrayType y = len, x = elem;
                     // MapType x = key, y = elem; ChanType x = elem; CompositeLit x = type
  std::vector<ExprP> args;              // Call args, CompositeLit elems
  bool ellipsis = false;                // Call: f(xs...)
  bool has_lo = false, has_hi = false;  // Slice
  ChanDir dir = ChanDir::Both;
  std::vector<Field> params, results, fields;  // FuncType, StructType, InterfaceType (methods)
  std::unique_ptr<Block> body;                 // FuncLit
  std::uint32_t end_line = 0;                  // FuncLit: the line of its closing brace
  Pos rparen;                                  // Call: the closing parenthesis
  Pos op_pos;                                  // Binary: the operator (gc's place for overflow)
};

enum class StmtKind {
  Empty,
  Expr,
  Send,
  IncDec,
  Assign,
  Define,
  VarDecl,
  ConstDecl,
  TypeDecl,
  Go,
  Defer,
  Return,
  Break,
  Continue,
  Goto,
  Fallthrough,
  Block,
  If,
  Switch,
  TypeSwitch,
  Select,
  For,
  Range,
  Labeled,
};

struct CaseClause {
  Pos pos;
  std::vector<ExprP> exprs;  // empty: default (Switch, TypeSwitch)
  bool is_default = false;
  StmtP comm;  // Select: the send/recv statement (null: default)
  std::vector<StmtP> body;
  std::uint32_t end_line = 0;
};

struct ValueSpec {
  Pos pos;
  std::vector<std::string> names;
  std::vector<Pos> name_pos;
  ExprP type;                 // may be null
  std::vector<ExprP> values;  // may be empty
  int iota = 0;
};

struct TypeSpec {
  Pos pos;
  std::string name;
  ExprP type;
  bool alias = false;
  bool has_type_params = false;
};

struct Stmt {
  StmtKind kind;
  Pos pos;
  std::string op;  // Assign: "=", "+=", ...; IncDec: "++"/"--"; Labeled/Break/Continue label
  std::vector<ExprP> lhs,
      rhs;  // Assign/Define; Expr uses lhs[0]; Send lhs[0] <- rhs[0]; Return rhs
  std::vector<ValueSpec> specs;  // VarDecl/ConstDecl
  std::vector<TypeSpec> types;   // TypeDecl
  ExprP call;                    // Go/Defer
  StmtP init, post;              // If/Switch/For init, For post
  ExprP cond;                    // If/For cond, Switch tag, TypeSwitch: the x of x.(type)
  std::string bind;              // TypeSwitch: v in v := x.(type)
  Pos bind_pos;
  Pos label_pos;                // Goto/Break/Continue: the label (gc places branch errors there)
  Pos op_pos;                   // Assign/Define: the operator (gc places "no new variables" there)
  std::unique_ptr<Block> body;  // If then, For body, Block, Range body
  StmtP els;                    // If else (Block or If)
  std::vector<CaseClause> clauses;
  // Range: key, value (lhs, may be null), define (:=), x (rhs[0]).
  bool define = false;
  StmtP labeled;  // Labeled: the statement
};

struct Block {
  Pos pos;                     // the '{'
  std::uint32_t end_line = 0;  // the '}'
  std::uint32_t end_col = 0;
  std::vector<StmtP> stmts;
};

struct FuncDecl {
  Pos pos;
  std::string name;
  Pos name_pos;
  std::unique_ptr<Field> recv;  // method receiver (null for a function)
  ExprP type;                   // FuncType
  std::unique_ptr<Block> body;  // null: declared without body (refused)
  bool has_type_params = false;
};

struct ImportSpec {
  Pos pos;
  std::string path;
  std::string name;  // explicit name ("" if none)
};

struct Decl {
  enum class Kind { Func, Var, Const, Type } kind;
  std::unique_ptr<FuncDecl> func;
  StmtP gen;  // VarDecl / ConstDecl / TypeDecl
};

struct File {
  std::string package;
  Pos package_pos;
  std::vector<ImportSpec> imports;
  std::vector<Decl> decls;
  std::uint32_t last_line = 1;
};

}  // namespace rdv::gofront
