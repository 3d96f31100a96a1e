// The lexer and the recursive-descent parser (see parser.h). The grammar is the Go
// specification's; precedence levels as in go/parser (binary operators 1..5).
#include "gofront/parser.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <utility>

namespace rdv::gofront {
namespace {

enum class Tok {
  Eof,
  Semi,
  Ident,
  Int,
  Float,
  Imag,
  Char,
  String,
  Op,
  Keyword,
};

struct Token {
  Tok kind = Tok::Eof;
  Pos pos;
  std::string text;        // identifier, literal source, operator or keyword spelling
  bool auto_semi = false;  // a semicolon the lexer inserted at a newline or EOF
};

// Thrown inside the parser to stop at the first error; caught by parse().
struct Stop {};

constexpr int kMaxDepth = 200;

const char* const kKeywords[] = {"break",     "case",   "chan",    "const",       "continue",
                                 "default",   "defer",  "else",    "fallthrough", "for",
                                 "func",      "go",     "goto",    "if",          "import",
                                 "interface", "map",    "package", "range",       "return",
                                 "select",    "struct", "switch",  "type",        "var"};

bool is_keyword(const std::string& s) {
  for (const char* k : kKeywords) {
    if (s == k) return true;
  }
  return false;
}

// Operators, longest first.
const char* const kOps[] = {
    "<<=", ">>=", "&^=", "...", "&&", "||", "<-", "++", "--", "==", "!=", "<=",
    ">=",  ":=",  "+=",  "-=",  "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>",
    "&^",  "+",   "-",   "*",   "/",  "%",  "&",  "|",  "^",  "<",  ">",  "=",
    "!",   "(",   ")",   "[",   "]",  "{",  "}",  ",",  ";",  ".",  ":",  "~"};

// The length of the UTF-8 sequence that starts at s[i] (1 to 4), or 0 when the bytes there are
// not valid UTF-8 (a stray continuation byte, an overlong form, a surrogate, past U+10FFFF, cut).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || c > 0xF4 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  }
  if (c == 0xE0 && b(i + 1) < 0xA0) return 0;   // overlong
  if (c == 0xED && b(i + 1) >= 0xA0) return 0;  // surrogates
  if (c == 0xF0 && b(i + 1) < 0x90) return 0;   // overlong
  if (c == 0xF4 && b(i + 1) >= 0x90) return 0;  // past U+10FFFF
  return n;
}

class Lexer {
 public:
  Lexer(std::string_view src, std::vector<Diagnostic>* diags) : src_(src), diags_(diags) {}

  // The next token; false after a lexical error (reported).
  bool next(Token* t) {
    if (pending_semi_) {
      pending_semi_ = false;
      *t = {};
      t->kind = Tok::Semi;
      t->pos = semi_pos_;
      t->text = "newline";
      t->auto_semi = true;
      last_ = Tok::Semi;
      last_text_ = ";";
      return true;
    }
    for (;;) {
      // Skip blanks; a newline (or a comment containing one) may insert a semicolon.
      bool newline = false;
      Pos nl_pos;
      while (i_ < src_.size()) {
        const char c = src_[i_];
        if (c == '\n') {
          if (!newline) nl_pos = here();
          newline = true;
          advance();
        } else if (c == ' ' || c == '\t' || c == '\r') {
          advance();
        } else if (c == '/' && i_ + 1 < src_.size() && src_[i_ + 1] == '/') {
          while (i_ < src_.size() && src_[i_] != '\n') advance();
        } else if (c == '/' && i_ + 1 < src_.size() && src_[i_ + 1] == '*') {
          const Pos start = here();
          advance();
          advance();
          bool closed = false;
          while (i_ < src_.size()) {
            if (src_[i_] == '*' && i_ + 1 < src_.size() && src_[i_ + 1] == '/') {
              advance();
              advance();
              closed = true;
              break;
            }
            if (src_[i_] == '\n' && !newline) {
              nl_pos = here();
              newline = true;
            }
            advance();
          }
          if (!closed) return error(start, "comment not terminated");
        } else {
          break;
        }
      }
      if ((newline || i_ >= src_.size()) && needs_semi()) {
        *t = {};
        t->kind = Tok::Semi;
        t->pos = newline ? nl_pos : here();
        t->text = newline ? "newline" : "EOF";
        t->auto_semi = true;
        last_ = Tok::Semi;
        last_text_ = ";";
        return true;
      }
      if (i_ >= src_.size()) {
        *t = {};
        t->kind = Tok::Eof;
        t->pos = here();
        t->text = "EOF";
        return true;
      }
      break;
    }
    *t = {};
    t->pos = here();
    const char c = src_[i_];
    if (is_letter(c)) {
      const std::size_t b = i_;
      while (i_ < src_.size() && (is_letter(src_[i_]) || is_digit(src_[i_]))) advance();
      t->text = std::string(src_.substr(b, i_ - b));
      t->kind = is_keyword(t->text) ? Tok::Keyword : Tok::Ident;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      // Go allows Unicode letters in identifiers; the lowered chunk's names are Lua's (ASCII),
      // so such a name is refused by name rather than turned into something else.
      const std::size_t b = i_;
      while (i_ < src_.size() && (is_letter(src_[i_]) || is_digit(src_[i_]) ||
                                  static_cast<unsigned char>(src_[i_]) >= 0x80)) {
        const std::size_t n = utf8_length(src_, i_);
        if (n == 0) return error(here(), "invalid UTF-8 encoding");
        for (std::size_t k = 0; k < n; ++k) advance();
      }
      diags_->push_back({t->pos,
                         "the identifier " + std::string(src_.substr(b, i_ - b)) +
                             ": identifiers with letters outside ASCII are not supported",
                         true});
      return false;
    } else if (is_digit(c) || (c == '.' && i_ + 1 < src_.size() && is_digit(src_[i_ + 1]))) {
      if (!number(t)) return false;
    } else if (c == '"') {
      if (!quoted(t, Tok::String, "string")) return false;
    } else if (c == '`') {
      const std::size_t b = i_;
      advance();
      while (i_ < src_.size() && src_[i_] != '`') advance();
      if (i_ >= src_.size()) return error(t->pos, "raw string literal not terminated");
      advance();
      t->kind = Tok::String;
      t->text = std::string(src_.substr(b, i_ - b));
    } else if (c == '\'') {
      if (!quoted(t, Tok::Char, "rune")) return false;
    } else {
      bool found = false;
      for (const char* op : kOps) {
        const std::size_t n = std::strlen(op);
        if (src_.substr(i_, n) == op) {
          for (std::size_t k = 0; k < n; ++k) advance();
          t->kind = Tok::Op;
          t->text = op;
          found = true;
          break;
        }
      }
      if (!found) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "invalid character U+%04X", static_cast<unsigned char>(c));
        return error(t->pos, buf);
      }
      if (t->text == ";") {
        t->kind = Tok::Semi;
        t->text = "semicolon";
      }
    }
    last_ = t->kind;
    last_text_ = t->text;
    return true;
  }

 private:
  static bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  Pos here() const { return {line_, col_}; }
  void advance() {
    if (src_[i_] == '\n') {
      ++line_;
      col_ = 1;
    } else {
      ++col_;
    }
    ++i_;
  }
  bool error(Pos p, std::string msg) {
    diags_->push_back({p, std::move(msg)});
    return false;
  }
  // An interpreted string or rune literal (`kind`), from the quote at i_ to the same quote again,
  // escapes skipped; it may not cross a line ("string literal not terminated", `what` "string").
  bool quoted(Token* t, Tok kind, const char* what) {
    const std::size_t b = i_;
    const char quote = src_[i_];
    advance();
    for (;;) {
      if (i_ >= src_.size() || src_[i_] == '\n')
        return error(t->pos, std::string(what) + " literal not terminated");
      if (src_[i_] == '\\') {
        advance();
        if (i_ < src_.size()) advance();
        continue;
      }
      if (src_[i_] == quote) break;
      advance();
    }
    advance();
    t->kind = kind;
    t->text = std::string(src_.substr(b, i_ - b));
    return true;
  }
  bool needs_semi() const {
    switch (last_) {
      case Tok::Ident:
      case Tok::Int:
      case Tok::Float:
      case Tok::Imag:
      case Tok::Char:
      case Tok::String:
        return true;
      case Tok::Keyword:
        return last_text_ == "break" || last_text_ == "continue" || last_text_ == "fallthrough" ||
               last_text_ == "return";
      case Tok::Op:
        return last_text_ == "++" || last_text_ == "--" || last_text_ == ")" || last_text_ == "]" ||
               last_text_ == "}";
      default:
        return false;
    }
  }
  bool number(Token* t) {
    const std::size_t b = i_;
    bool is_float = false;
    auto digits = [&](bool hex) {
      while (i_ < src_.size() && (is_digit(src_[i_]) || src_[i_] == '_' ||
                                  (hex && ((src_[i_] >= 'a' && src_[i_] <= 'f') ||
                                           (src_[i_] >= 'A' && src_[i_] <= 'F'))))) {
        advance();
      }
    };
    if (src_[i_] == '0' && i_ + 1 < src_.size() &&
        (src_[i_ + 1] == 'x' || src_[i_ + 1] == 'X' || src_[i_ + 1] == 'b' || src_[i_ + 1] == 'B' ||
         src_[i_ + 1] == 'o' || src_[i_ + 1] == 'O')) {
      const bool hex = src_[i_ + 1] == 'x' || src_[i_ + 1] == 'X';
      advance();
      advance();
      digits(true);
      if (hex && i_ < src_.size() && src_[i_] == '.') {  // a hexadecimal float: 0x1.8p3
        is_float = true;
        advance();
        digits(true);
      }
      if (hex && i_ < src_.size() && (src_[i_] == 'p' || src_[i_] == 'P')) {
        is_float = true;
        advance();
        if (i_ < src_.size() && (src_[i_] == '+' || src_[i_] == '-')) advance();
        digits(false);
      } else if (is_float) {
        error(here(), "hexadecimal mantissa requires a 'p' exponent");  // gc: at its end
      }
    } else {
      digits(false);
      if (i_ < src_.size() && src_[i_] == '.') {
        is_float = true;
        advance();
        digits(false);
      }
      if (i_ < src_.size() && (src_[i_] == 'e' || src_[i_] == 'E')) {
        is_float = true;
        advance();
        if (i_ < src_.size() && (src_[i_] == '+' || src_[i_] == '-')) advance();
        digits(false);
      }
    }
    t->kind = is_float ? Tok::Float : Tok::Int;
    if (i_ < src_.size() && src_[i_] == 'i') {
      advance();
      t->kind = Tok::Imag;
    }
    t->text = std::string(src_.substr(b, i_ - b));
    return true;
  }

  std::string_view src_;
  std::vector<Diagnostic>* diags_;
  std::size_t i_ = 0;
  std::uint32_t line_ = 1, col_ = 1;
  Tok last_ = Tok::Eof;
  std::string last_text_;
  bool pending_semi_ = false;
  Pos semi_pos_;
};

// The branch statements of one function body checked as gc's syntax package does
// (cmd/compile/internal/syntax/branches.go, Go 1.19), in its words and at its positions: labels
// defined once and used; goto neither into a block nor forward over a variable declaration of
// the label's block; break and continue inside what they leave, a label naming an enclosing
// statement of the right kind. gc reports these before type checking, and alone.
class BranchCheck {
 public:
  explicit BranchCheck(std::vector<Diagnostic>* diags) : diags_(diags) {}

  void function(const Block& body) {
    const std::vector<const Stmt*> fwd =
        block(nullptr, Targets{}, nullptr, body.pos, ptrs(body.stmts));
    for (const Stmt* g : fwd) {
      auto it = labels_.find(g->op);
      if (it != labels_.end()) {
        it->second.used = true;  // no "defined and not used" besides
        err(g->label_pos, "goto " + g->op + " jumps into block starting", it->second.parent->start);
      } else {
        err(g->label_pos, "label " + g->op + " not defined");
      }
    }
    for (const auto& [name, l] : labels_)
      if (!l.used) err(l.lstmt->pos, "label " + name + " defined and not used");
  }

 private:
  struct Blk {
    const Blk* parent;
    Pos start;
    const Stmt* lstmt;  // the labelled statement this block belongs to
  };
  struct Label {
    const Blk* parent;
    const Stmt* lstmt;
    bool used = false;
  };
  struct Targets {
    bool breaks = false, continues = false;
  };

  void err(Pos p, std::string msg, Pos at = {}) {
    Diagnostic d{p, std::move(msg)};
    d.at = at;
    diags_->push_back(std::move(d));
  }

  // The statement a label names if it encloses b; nullptr if no such label; `invalid` if it
  // exists but does not enclose b.
  const Stmt* enclosing(const Blk* b, const std::string& name) {
    auto it = labels_.find(name);
    if (it == labels_.end()) return nullptr;
    it->second.used = true;
    for (; b != nullptr; b = b->parent)
      if (b->lstmt == it->second.lstmt) return it->second.lstmt;
    return &invalid_;
  }

  const Stmt* goto_target(const Blk* b, const std::string& name) {
    auto it = labels_.find(name);
    if (it == labels_.end()) return nullptr;
    it->second.used = true;  // even if it's not a valid target
    for (; b != nullptr; b = b->parent)
      if (it->second.parent == b) return it->second.lstmt;
    return nullptr;
  }

  static bool is_loop(const Stmt& s) {
    return s.kind == StmtKind::For || s.kind == StmtKind::Range;
  }

  std::vector<const Stmt*> block(const Blk* parent, Targets ctxt, const Stmt* lstmt, Pos start,
                                 const std::vector<const Stmt*>& body) {
    auto owned = std::make_unique<Blk>(Blk{parent, start, lstmt});
    const Blk* b = owned.get();
    blocks_.push_back(std::move(owned));
    Pos var_pos{};
    std::string var_name;
    std::vector<const Stmt*> fwd, bad;
    auto record_var = [&](Pos p, std::string name) {
      var_pos = p;
      var_name = std::move(name);
      bad = fwd;
    };
    auto inner = [&](Targets t, Pos s, const std::vector<const Stmt*>& list) {
      std::vector<const Stmt*> f = block(b, t, lstmt, s, list);
      fwd.insert(fwd.end(), f.begin(), f.end());
    };
    for (const Stmt* s : body) {
      lstmt = nullptr;
      while (s->kind == StmtKind::Labeled) {
        if (s->op != "_") {
          auto [it, fresh] = labels_.try_emplace(s->op, Label{b, s});
          if (!fresh) err(s->pos, "label " + s->op + " already defined", it->second.lstmt->pos);
          Label& l = it->second;
          std::vector<const Stmt*> rest;
          for (const Stmt* g : fwd) {
            if (g->op != s->op) {
              rest.push_back(g);
              continue;
            }
            l.used = true;
            if (var_pos.line > 0 && std::find(bad.begin(), bad.end(), g) != bad.end())
              err(g->label_pos, "goto " + s->op + " jumps over declaration of " + var_name,
                  var_pos);
          }
          fwd = std::move(rest);
          lstmt = s;
        }
        s = s->labeled.get();
      }
      switch (s->kind) {
        case StmtKind::VarDecl:
          if (!s->specs.empty() && !s->specs[0].names.empty())
            record_var(s->specs[0].pos, s->specs[0].names[0]);
          break;
        case StmtKind::Define: {
          std::string names;
          for (const ExprP& e : s->lhs)
            names += (names.empty() ? "" : ", ") + (e->kind == ExprKind::Ident ? e->name : "_");
          record_var(s->op_pos, names);
          break;
        }
        case StmtKind::Break:
        case StmtKind::Continue: {
          const bool brk = s->kind == StmtKind::Break;
          if (s->op.empty()) {
            if (brk && !ctxt.breaks) err(s->pos, "break is not in a loop, switch, or select");
            if (!brk && !ctxt.continues) err(s->pos, "continue is not in a loop");
            break;
          }
          const Stmt* t = enclosing(b, s->op);
          const char* what = brk ? "break" : "continue";
          if (t == nullptr) {
            err(s->label_pos, std::string(what) + " label not defined: " + s->op);
          } else {
            bool ok = false;
            if (t != &invalid_) {
              const StmtKind k = t->labeled->kind;
              ok = is_loop(*t->labeled) ||
                   (brk &&
                    (k == StmtKind::Switch || k == StmtKind::TypeSwitch || k == StmtKind::Select));
            }
            if (!ok) err(s->label_pos, std::string("invalid ") + what + " label " + s->op);
          }
          break;
        }
        case StmtKind::Goto:
          if (goto_target(b, s->op) == nullptr) fwd.push_back(s);
          break;
        case StmtKind::Block:
          inner(ctxt, s->body->pos, ptrs(s->body->stmts));
          break;
        case StmtKind::If:
          inner(ctxt, s->body->pos, ptrs(s->body->stmts));
          // gc's else block holds the else statement (a block, or an if), starting where it does.
          if (s->els) inner(ctxt, s->els->pos, {s->els.get()});
          break;
        case StmtKind::For:
        case StmtKind::Range:
          inner(Targets{true, true}, s->body->pos, ptrs(s->body->stmts));
          break;
        case StmtKind::Switch:
        case StmtKind::TypeSwitch:
        case StmtKind::Select:
          for (const CaseClause& c : s->clauses)
            inner(Targets{true, ctxt.continues}, c.pos, ptrs(c.body));
          break;
        default:
          break;
      }
    }
    return fwd;
  }

  static std::vector<const Stmt*> ptrs(const std::vector<StmtP>& list) {
    std::vector<const Stmt*> out;
    for (const StmtP& s : list) out.push_back(s.get());
    return out;
  }

  std::vector<Diagnostic>* diags_;
  std::map<std::string, Label> labels_;
  std::vector<std::unique_ptr<Blk>> blocks_;
  Stmt invalid_{};
};

class Parser {
 public:
  Parser(std::string_view src, std::vector<Diagnostic>* diags) : lex_(src, diags), diags_(diags) {}

  void file(File* f) {
    next();
    expect_kw("package");
    f->package_pos = tok_.pos;
    f->package = ident();
    semi();
    while (is_kw("import")) {
      next();
      if (is_op("(")) {
        next();
        while (!is_op(")")) {
          import_spec(f);
          if (!is_op(")")) semi();
        }
        next();
      } else {
        import_spec(f);
      }
      semi();
    }
    while (tok_.kind != Tok::Eof) {
      const bool after_bodyless = !f->decls.empty() && f->decls.back().kind == Decl::Kind::Func &&
                                  f->decls.back().func->body == nullptr;
      f->decls.push_back(top_decl(after_bodyless));
      if (tok_.kind != Tok::Eof) semi();
    }
    f->last_line = tok_.pos.line;
  }

 private:
  // ---- tokens ---------------------------------------------------------------------------------
  void next() {
    if (!lex_.next(&tok_)) throw Stop{};
  }
  bool is_op(const char* s) const { return tok_.kind == Tok::Op && tok_.text == s; }
  bool is_kw(const char* s) const { return tok_.kind == Tok::Keyword && tok_.text == s; }
  std::string describe() const {
    switch (tok_.kind) {
      case Tok::Eof:
        return "EOF";
      case Tok::Semi:
        return tok_.text;
      case Tok::Ident:
        return "name " + tok_.text;
      case Tok::Keyword:
        return "keyword " + tok_.text;
      case Tok::Op:
        return tok_.text;
      default:
        return "literal " + tok_.text;
    }
  }
  [[noreturn]] void fail(Pos p, std::string msg) {
    diags_->push_back({p, std::move(msg)});
    throw Stop{};
  }
  [[noreturn]] void unexpected(const std::string& expecting) {
    fail(tok_.pos, "syntax error: unexpected " + describe() +
                       (expecting.empty() ? "" : ", expecting " + expecting));
  }
  [[noreturn]] void refuse(Pos p, const std::string& what) {
    const bool plural = what.size() > 2 && what.back() == 's' && what[what.size() - 2] != 's';
    fail(p, what + (plural ? " are" : " is") + " not supported");
  }
  void expect_op(const char* s) {
    if (!is_op(s)) unexpected(s);
    next();
  }
  void expect_kw(const char* s) {
    if (!is_kw(s)) unexpected(s);
    next();
  }
  std::string ident() {
    if (tok_.kind != Tok::Ident) unexpected("name");
    std::string s = tok_.text;
    next();
    return s;
  }
  void semi() {
    if (tok_.kind == Tok::Semi) {
      next();
      return;
    }
    if (is_op(")") || is_op("}")) return;  // a semicolon may be omitted before a closing ) or }
    unexpected("semicolon or newline");
  }
  struct Depth {
    explicit Depth(Parser* p) : p_(p) {
      if (++p_->depth_ > kMaxDepth) p_->fail(p_->tok_.pos, "program too deeply nested");
    }
    ~Depth() { --p_->depth_; }
    Parser* p_;
  };
  // no_lit_ for a scope, then as it was: 0 inside parentheses, brackets and braces, where `T{`
  // is a composite literal again; 1 in a control clause's header, where `{` opens the body.
  struct NoLit {
    NoLit(Parser* p, int no_lit) : p_(p), saved_(std::exchange(p->no_lit_, no_lit)) {}
    ~NoLit() { p_->no_lit_ = saved_; }
    Parser* p_;
    int saved_;
  };

  // A node of kind k at p; `x`, its operand where it has one (*x, ...T).
  ExprP node(ExprKind k, Pos p, ExprP x = nullptr) {
    auto e = std::make_unique<Expr>();
    e->kind = k;
    e->pos = p;
    e->x = std::move(x);
    return e;
  }
  StmtP stmt_node(StmtKind k, Pos p) {
    auto s = std::make_unique<Stmt>();
    s->kind = k;
    s->pos = p;
    return s;
  }

  // ---- declarations ---------------------------------------------------------------------------
  void import_spec(File* f) {
    ImportSpec spec;
    spec.pos = tok_.pos;
    if (tok_.kind == Tok::Ident) {
      spec.name = tok_.text;
      next();
    } else if (is_op(".")) {
      refuse(tok_.pos, "dot import");
    }
    if (tok_.kind != Tok::String) unexpected("import path");
    spec.path = tok_.text.substr(1, tok_.text.size() - 2);
    next();
    f->imports.push_back(std::move(spec));
  }

  // `after_bodyless`: the declaration before is a func without a body (its { on the next line).
  Decl top_decl(bool after_bodyless) {
    Decl d;
    if (is_kw("func")) {
      d.kind = Decl::Kind::Func;
      d.func = func_decl();
      return d;
    }
    if (is_kw("var") || is_kw("const") || is_kw("type")) {
      d.kind = is_kw("var")     ? Decl::Kind::Var
               : is_kw("const") ? Decl::Kind::Const
                                : Decl::Kind::Type;
      d.gen = gen_decl();
      return d;
    }
    if (is_kw("import"))
      fail(tok_.pos, "syntax error: imports must appear before other declarations");
    // gc's words (syntax/parser.go): a statement, or a function's { on the line after its name.
    if (is_op("{") && after_bodyless)
      fail(tok_.pos, "syntax error: unexpected semicolon or newline before {");
    fail(tok_.pos, "syntax error: non-declaration statement outside function body");
  }

  std::unique_ptr<FuncDecl> func_decl() {
    auto f = std::make_unique<FuncDecl>();
    f->pos = tok_.pos;
    next();
    if (is_op("(")) {
      const Pos rp = tok_.pos;
      std::vector<Field> recv = params();
      if (recv.size() != 1 || recv[0].names.size() > 1) fail(rp, "method has multiple receivers");
      f->recv = std::make_unique<Field>(std::move(recv[0]));
    }
    f->name_pos = tok_.pos;
    f->name = ident();
    if (is_op("[")) refuse(tok_.pos, "generic type parameters");
    f->type = node(ExprKind::FuncType, f->pos);
    signature(f->type.get());
    if (is_op("{")) {
      f->body = block();
      check_branches(*f->body, &branch_diags_);
    }
    return f;
  }

  StmtP gen_decl() {
    const std::string kw = tok_.text;
    StmtP s = stmt_node(kw == "var"     ? StmtKind::VarDecl
                        : kw == "const" ? StmtKind::ConstDecl
                                        : StmtKind::TypeDecl,
                        tok_.pos);
    next();
    auto one = [&](int iota) {
      if (s->kind == StmtKind::TypeDecl) {
        TypeSpec ts;
        ts.pos = tok_.pos;
        ts.name = ident();
        // `type T [N]E` is an array type; `type T[P any] ...` has type parameters, which the
        // array type's parser tells by the name after P (refused there).
        if (is_op("=")) {
          ts.alias = true;
          next();
        }
        ts.type = type();
        s->types.push_back(std::move(ts));
        return;
      }
      ValueSpec vs;
      vs.pos = tok_.pos;
      vs.iota = iota;
      vs.name_pos.push_back(tok_.pos);
      vs.names.push_back(ident());
      while (is_op(",")) {
        next();
        vs.name_pos.push_back(tok_.pos);
        vs.names.push_back(ident());
      }
      if (!is_op("=") && tok_.kind != Tok::Semi && !is_op(")")) vs.type = type();
      if (is_op("=")) {
        next();
        vs.values = expr_list();
      }
      s->specs.push_back(std::move(vs));
    };
    if (is_op("(")) {
      next();
      int iota = 0;
      while (!is_op(")")) {
        one(iota++);
        if (!is_op(")")) semi();
      }
      next();
    } else {
      one(0);
    }
    return s;
  }

  // ---- types ----------------------------------------------------------------------------------
  std::vector<Field> params() {
    expect_op("(");
    // Go's parameter lists: either all named ("a, b int, c string") or none ("int, string").
    struct Item {
      Pos pos;
      ExprP e;
      ExprP type;
    };
    std::vector<Item> items;
    while (!is_op(")")) {
      Item it;
      it.pos = tok_.pos;
      it.e = param_type();
      if (!is_op(",") && !is_op(")")) it.type = param_type();  // "name Type"
      items.push_back(std::move(it));
      if (!is_op(")")) expect_op(",");
    }
    next();
    bool named = false;
    for (auto& it : items) named = named || it.type != nullptr;
    std::vector<Field> out;
    if (!named) {
      for (auto& it : items) {
        Field f;
        f.pos = it.pos;
        f.type = std::move(it.e);
        out.push_back(std::move(f));
      }
      return out;
    }
    // Named: group names until a type.
    Field cur;
    for (auto& it : items) {
      if (it.e->kind != ExprKind::Ident)
        fail(it.pos, "syntax error: mixed named and unnamed parameters");
      if (cur.names.empty()) cur.pos = it.pos;
      cur.names.push_back(it.e->name);
      cur.name_pos.push_back(it.pos);
      if (it.type) {
        cur.type = std::move(it.type);
        out.push_back(std::move(cur));
        cur = Field{};
      }
    }
    if (!cur.names.empty()) fail(cur.pos, "syntax error: mixed named and unnamed parameters");
    return out;
  }

  // A parameter's type, or what may be its name: T, or ...T (variadic) as an Ellipsis node.
  ExprP param_type() {
    if (!is_op("...")) return type();
    const Pos p = tok_.pos;
    next();
    return node(ExprKind::Ellipsis, p, type());
  }

  void signature(Expr* ft) {
    ft->params = params();
    if (is_op("(")) {
      ft->results = params();
    } else if (starts_type()) {
      Field f;
      f.pos = tok_.pos;
      f.type = type();
      ft->results.push_back(std::move(f));
    }
  }

  bool starts_type() const {
    if (tok_.kind == Tok::Ident) return true;
    if (tok_.kind == Tok::Keyword)
      return tok_.text == "func" || tok_.text == "map" || tok_.text == "chan" ||
             tok_.text == "struct" || tok_.text == "interface";
    return is_op("[") || is_op("*") || is_op("<-") || is_op("(");
  }

  ExprP type() {
    Depth d(this);
    const Pos p = tok_.pos;
    if (tok_.kind == Tok::Ident) return type_name(p, ident());
    if (is_op("(")) {
      next();
      ExprP t = type();
      expect_op(")");
      return t;
    }
    if (is_op("*")) {
      next();
      return node(ExprKind::Star, p, type());
    }
    if (is_op("[")) {
      next();
      ExprP e = node(ExprKind::ArrayType, p);
      if (!is_op("]")) {
        if (is_op("...")) {  // [...]T: only a composite literal's type (the checker says so)
          e->y = node(ExprKind::Ellipsis, tok_.pos);
          next();
        } else {
          e->y = expr();
        }
        if (tok_.kind == Tok::Ident || is_op(",")) refuse(p, "generic type parameters");
      }
      expect_op("]");
      e->x = type();
      return e;
    }
    if (is_op("<-")) {
      next();
      expect_kw("chan");
      return chan_type(p, ChanDir::Recv);
    }
    if (is_kw("chan")) {
      next();
      if (!is_op("<-")) return chan_type(p, ChanDir::Both);
      next();
      return chan_type(p, ChanDir::Send);
    }
    if (is_kw("map")) {
      next();
      ExprP e = node(ExprKind::MapType, p);
      expect_op("[");
      e->x = type();
      expect_op("]");
      e->y = type();
      return e;
    }
    if (is_kw("func")) {
      next();
      ExprP e = node(ExprKind::FuncType, p);
      signature(e.get());
      return e;
    }
    if (is_kw("struct")) {
      next();
      ExprP e = node(ExprKind::StructType, p);
      braced(&e->fields, [&](Field& f) {
        if (is_op("*")) {
          f.type = type();  // embedded *T
        } else {
          const Pos np = tok_.pos;
          std::string first = ident();
          if (is_op(".") || tok_.kind == Tok::Semi || is_op("}") || tok_.kind == Tok::String) {
            f.type = type_name(np, std::move(first));  // embedded T or pkg.T
          } else {
            f.names.push_back(first);
            f.name_pos.push_back(np);
            while (is_op(",")) {
              next();
              f.name_pos.push_back(tok_.pos);
              f.names.push_back(ident());
            }
            f.type = type();
          }
        }
        if (tok_.kind == Tok::String) next();  // tag
        if (!is_op("}")) semi();
      });
      return e;
    }
    if (is_kw("interface")) {
      next();
      ExprP e = node(ExprKind::InterfaceType, p);
      braced(&e->fields, [&](Field& f) {
        if (is_op("~")) refuse(tok_.pos, "type constraint");
        std::string name = ident();
        if (is_op("(")) {
          f.names.push_back(name);
          f.name_pos.push_back(f.pos);
          f.type = node(ExprKind::FuncType, f.pos);
          signature(f.type.get());
        } else {
          if (is_op("|")) refuse(tok_.pos, "type constraint");
          f.type = type_name(f.pos, std::move(name));  // embedded interface
        }
        if (!is_op("}")) semi();
      });
      return e;
    }
    unexpected("type");
  }

  // A channel type at p, `chan`, `<-chan` or `chan<-` read: its element type.
  ExprP chan_type(Pos p, ChanDir dir) {
    ExprP e = node(ExprKind::ChanType, p);
    e->dir = dir;
    e->x = type();
    return e;
  }

  // A type's name at `p`, its first identifier `first` read: T, or pkg.T when a dot follows.
  ExprP type_name(Pos p, std::string first) {
    ExprP t = node(ExprKind::Ident, p);
    t->name = std::move(first);
    if (is_op(".")) {
      next();
      ExprP s = node(ExprKind::Selector, p);
      s->x = std::move(t);
      s->name = ident();
      t = std::move(s);
    }
    // A package's type followed by `[` is an instantiation (atomic.Pointer[T]). (A plain name
    // followed by `[` may be a parameter's name and an array type, `a [3]int`; a generic type
    // of the file is refused at its declaration.)
    if (t->kind == ExprKind::Selector && is_op("["))
      refuse(tok_.pos, "generic type instantiation " + t->x->name + "." + t->name + "[...]");
    return t;
  }

  // `{` items `}` into *items (a struct's fields, an interface's methods, a switch's clauses):
  // each made at its first token and read by `read(item)`, until the `}`, which it consumes.
  template <class Item, class Read>
  void braced(std::vector<Item>* items, Read read) {
    expect_op("{");
    while (!is_op("}")) {
      Item item;
      item.pos = tok_.pos;
      read(item);
      items->push_back(std::move(item));
    }
    next();
  }

  // ---- expressions ----------------------------------------------------------------------------
  std::vector<ExprP> expr_list() {
    std::vector<ExprP> v;
    v.push_back(expr());
    while (is_op(",")) {
      next();
      v.push_back(expr());
    }
    return v;
  }

  static int precedence(const std::string& op) {
    if (op == "||") return 1;
    if (op == "&&") return 2;
    if (op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=") return 3;
    if (op == "+" || op == "-" || op == "|" || op == "^") return 4;
    if (op == "*" || op == "/" || op == "%" || op == "<<" || op == ">>" || op == "&" || op == "&^")
      return 5;
    return 0;
  }

  ExprP expr() { return binary(1); }

  ExprP binary(int prec) {
    Depth d(this);
    ExprP x = unary();
    for (;;) {
      if (tok_.kind != Tok::Op) return x;
      const int p = precedence(tok_.text);
      if (p < prec || p == 0) return x;
      // Positioned at its start, as gc reports errors of an operation.
      ExprP b = node(ExprKind::Binary, x->pos);
      b->name = tok_.text;
      b->op_pos = tok_.pos;
      next();
      b->x = std::move(x);
      b->y = binary(p + 1);
      x = std::move(b);
    }
  }

  ExprP unary() {
    Depth d(this);
    const Pos p = tok_.pos;
    if (is_op("+") || is_op("-") || is_op("!") || is_op("^") || is_op("&")) {
      ExprP e = node(ExprKind::Unary, p);
      e->name = tok_.text;
      next();
      e->x = unary();
      return e;
    }
    if (is_op("<-")) {
      next();
      if (is_kw("chan")) {
        // <-chan T: a receive-only channel type (in a conversion or literal).
        next();
        return primary_suffix(chan_type(p, ChanDir::Recv));
      }
      ExprP e = node(ExprKind::Unary, p);
      e->name = "<-";
      e->x = unary();
      return e;
    }
    if (is_op("*")) {
      next();
      return node(ExprKind::Star, p, unary());
    }
    return primary_suffix(operand());
  }

  ExprP operand() {
    const Pos p = tok_.pos;
    switch (tok_.kind) {
      case Tok::Int:
      case Tok::Float:
      case Tok::Imag:
      case Tok::Char:
      case Tok::String: {
        ExprP e = node(ExprKind::BasicLit, p);
        e->lit_kind = tok_.kind == Tok::Int     ? LitKind::Int
                      : tok_.kind == Tok::Float ? LitKind::Float
                      : tok_.kind == Tok::Imag  ? LitKind::Imag
                      : tok_.kind == Tok::Char  ? LitKind::Char
                                                : LitKind::String;
        e->text = tok_.text;
        next();
        return e;
      }
      case Tok::Ident: {
        ExprP e = node(ExprKind::Ident, p);
        e->name = ident();
        return e;
      }
      default:
        break;
    }
    if (is_op("(")) {
      next();
      NoLit inside(this, 0);
      ExprP e = node(ExprKind::Paren, p, expr_or_type());
      expect_op(")");
      return e;
    }
    if (is_kw("func")) {
      next();
      ExprP ft = node(ExprKind::FuncType, p);
      signature(ft.get());
      if (!is_op("{")) return ft;
      ExprP e = node(ExprKind::FuncLit, p);
      e->x = std::move(ft);
      NoLit inside(this, 0);
      e->body = block();
      check_branches(*e->body, &branch_diags_);
      e->end_line = e->body->end_line;
      return e;
    }
    if (is_op("[") || is_kw("map") || is_kw("chan") || is_kw("struct") || is_kw("interface") ||
        is_op("*")) {
      return type();
    }
    unexpected("expression");
  }

  ExprP expr_or_type() {
    if (is_op("[") || is_kw("map") || is_kw("chan") || is_kw("struct") || is_kw("interface"))
      return primary_suffix(type());
    return expr();
  }

  bool literal_type_ok(const Expr* e) const {
    switch (e->kind) {
      case ExprKind::Ident:
      case ExprKind::Selector:
        return no_lit_ == 0;
      case ExprKind::ArrayType:
      case ExprKind::MapType:
      case ExprKind::StructType:
        return true;
      default:
        return false;
    }
  }

  ExprP primary_suffix(ExprP x) {
    for (;;) {
      const Pos p = tok_.pos;
      if (is_op(".")) {
        next();
        if (is_op("(")) {
          next();
          ExprP e = node(ExprKind::TypeAssert, p);
          e->x = std::move(x);
          if (is_kw("type")) {
            next();
          } else {
            e->y = type();
          }
          expect_op(")");
          x = std::move(e);
          continue;
        }
        ExprP e = node(ExprKind::Selector, tok_.pos);  // at the selected name, as gc reports
        e->x = std::move(x);
        e->name = ident();
        x = std::move(e);
        continue;
      }
      if (is_op("[")) {
        next();
        NoLit inside(this, 0);
        ExprP lo;
        if (!is_op(":")) lo = expr_or_type();
        if (is_op(":")) {
          next();
          ExprP e = node(ExprKind::Slice, p);
          e->x = std::move(x);
          e->has_lo = lo != nullptr;
          e->y = std::move(lo);
          if (!is_op("]")) {
            e->has_hi = true;
            e->z = expr();
          }
          if (is_op(":")) refuse(tok_.pos, "full slice expression a[lo:hi:max]");
          expect_op("]");
          x = std::move(e);
          continue;
        }
        if (is_op(",")) refuse(tok_.pos, "generic type instantiation");
        expect_op("]");
        ExprP e = node(ExprKind::Index, p);
        e->x = std::move(x);
        e->y = std::move(lo);
        x = std::move(e);
        continue;
      }
      if (is_op("(")) {
        next();
        NoLit inside(this, 0);
        ExprP e = node(ExprKind::Call, x->pos);  // at its start, as gc reports
        e->x = std::move(x);
        while (!is_op(")")) {
          e->args.push_back(expr_or_type());
          if (is_op("...")) {
            e->ellipsis = true;
            next();
          }
          if (!is_op(")")) expect_op(",");
        }
        e->rparen = tok_.pos;
        next();
        x = std::move(e);
        continue;
      }
      if (is_op("{") && literal_type_ok(x.get())) {
        x = composite(std::move(x));
        continue;
      }
      return x;
    }
  }

  ExprP composite(ExprP type) {
    Depth d(this);
    ExprP e = node(ExprKind::CompositeLit, type ? type->pos : tok_.pos);
    e->x = std::move(type);
    expect_op("{");
    NoLit inside(this, 0);
    while (!is_op("}")) {
      ExprP el = element();
      if (is_op(":")) {
        ExprP kv = node(ExprKind::KeyValue, tok_.pos);
        next();
        kv->x = std::move(el);
        kv->y = element();
        el = std::move(kv);
      }
      e->args.push_back(std::move(el));
      if (!is_op("}")) {
        if (!is_op(",")) unexpected("comma or }");
        next();
      }
    }
    e->end_line = tok_.pos.line;
    next();
    return e;
  }

  ExprP element() {
    if (is_op("{")) return composite(nullptr);  // elided type
    return expr();
  }

  // ---- statements -----------------------------------------------------------------------------
  std::unique_ptr<Block> block() {
    Depth d(this);
    auto b = std::make_unique<Block>();
    b->pos = tok_.pos;
    expect_op("{");
    stmt_list(&b->stmts);
    b->end_line = tok_.pos.line;
    b->end_col = tok_.pos.col;
    expect_op("}");
    return b;
  }

  void stmt_list(std::vector<StmtP>* out) {
    while (!is_op("}") && !is_kw("case") && !is_kw("default") && tok_.kind != Tok::Eof) {
      if (tok_.kind == Tok::Semi) {
        next();
        continue;
      }
      out->push_back(stmt());
      if (!is_op("}") && !is_kw("case") && !is_kw("default")) semi();
    }
  }

  StmtP stmt() {
    Depth d(this);
    const Pos p = tok_.pos;
    if (tok_.kind == Tok::Keyword) {
      const std::string kw = tok_.text;
      if (kw == "var" || kw == "const" || kw == "type") return gen_decl();
      if (kw == "go" || kw == "defer") {
        next();
        StmtP s = stmt_node(kw == "go" ? StmtKind::Go : StmtKind::Defer, p);
        s->call = expr();
        return s;
      }
      if (kw == "return") {
        next();
        StmtP s = stmt_node(StmtKind::Return, p);
        if (tok_.kind != Tok::Semi && !is_op("}")) s->rhs = expr_list();
        return s;
      }
      if (kw == "break" || kw == "continue") {
        next();
        StmtP s = stmt_node(kw == "break" ? StmtKind::Break : StmtKind::Continue, p);
        s->label_pos = tok_.pos;
        if (tok_.kind == Tok::Ident) s->op = ident();
        return s;
      }
      if (kw == "goto") {
        next();
        StmtP s = stmt_node(StmtKind::Goto, p);
        s->label_pos = tok_.pos;
        s->op = ident();
        return s;
      }
      if (kw == "fallthrough") {
        next();
        return stmt_node(StmtKind::Fallthrough, p);
      }
      if (kw == "if") return if_stmt();
      if (kw == "for") return for_stmt();
      if (kw == "switch") return switch_stmt();
      if (kw == "select") return select_stmt();
      if (kw == "func") {
        // A function literal called as a statement: func() { ... }()
        StmtP s = stmt_node(StmtKind::Expr, p);
        s->lhs.push_back(expr());
        return s;
      }
    }
    if (is_op("{")) {
      StmtP s = stmt_node(StmtKind::Block, p);
      s->body = block();
      return s;
    }
    return simple_stmt(false);
  }

  // A simple statement; with range_ok, "k, v := range x" and "range x" give a Range statement.
  StmtP simple_stmt(bool range_ok) {
    const Pos p = tok_.pos;
    if (range_ok && is_kw("range")) {
      next();
      StmtP s = stmt_node(StmtKind::Range, p);
      s->rhs.push_back(expr());
      return s;
    }
    std::vector<ExprP> lhs = expr_list();
    if (tok_.kind == Tok::Op) {
      const std::string op = tok_.text;
      if (op == ":" && lhs.size() == 1 && lhs[0]->kind == ExprKind::Ident && !range_ok) {
        next();
        StmtP s = stmt_node(StmtKind::Labeled, p);
        s->op = lhs[0]->name;
        if (is_op("}")) {
          s->labeled = stmt_node(StmtKind::Empty, tok_.pos);
        } else {
          s->labeled = stmt();
        }
        return s;
      }
      if (op == ":=" || op == "=" || op == "+=" || op == "-=" || op == "*=" || op == "/=" ||
          op == "%=" || op == "&=" || op == "|=" || op == "^=" || op == "<<=" || op == ">>=" ||
          op == "&^=") {
        const Pos op_pos = tok_.pos;
        next();
        if (range_ok && is_kw("range") && (op == ":=" || op == "=")) {
          next();
          StmtP s = stmt_node(StmtKind::Range, p);
          s->define = op == ":=";
          if (lhs.size() > 2)
            fail(lhs[2]->pos, "range clause permits at most two iteration variables");
          s->lhs = std::move(lhs);
          s->rhs.push_back(expr());
          return s;
        }
        StmtP s = stmt_node(op == ":=" ? StmtKind::Define : StmtKind::Assign, op_pos);
        s->op = op;
        s->lhs = std::move(lhs);
        s->rhs = expr_list();
        s->pos = p;
        s->op_pos = op_pos;
        return s;
      }
      if (op == "++" || op == "--") {
        next();
        StmtP s = stmt_node(StmtKind::IncDec, p);
        s->op = op;
        s->lhs = std::move(lhs);
        return s;
      }
      if (op == "<-") {
        next();
        StmtP s = stmt_node(StmtKind::Send, p);
        s->lhs = std::move(lhs);
        s->rhs.push_back(expr());
        return s;
      }
    }
    if (lhs.size() > 1) unexpected(":= or = or comma");
    StmtP s = stmt_node(StmtKind::Expr, p);
    s->lhs = std::move(lhs);
    return s;
  }

  StmtP if_stmt() {
    StmtP s = stmt_node(StmtKind::If, tok_.pos);
    next();
    header(s.get(), false);
    if (!s->cond) fail(s->pos, "missing condition in if statement");
    s->body = block();
    if (is_kw("else")) {
      next();
      if (is_kw("if")) {
        s->els = if_stmt();
      } else if (is_op("{")) {
        StmtP b = stmt_node(StmtKind::Block, tok_.pos);
        b->body = block();
        s->els = std::move(b);
      } else {
        unexpected("if statement or block");
      }
    }
    return s;
  }

  // The header of if/switch: [init ;] [cond]. The cond comes back as an Expr statement.
  void header(Stmt* s, bool is_switch) {
    if (is_op("{")) return;
    NoLit in_header(this, 1);
    StmtP first;
    if (tok_.kind != Tok::Semi) first = simple_stmt(false);
    if (tok_.kind == Tok::Semi) {
      next();
      s->init = std::move(first);
      if (!is_op("{")) first = simple_stmt(false);
    }
    if (!first) return;
    if (is_switch && first->kind == StmtKind::Define && first->lhs.size() == 1 &&
        first->rhs.size() == 1 && first->rhs[0]->kind == ExprKind::TypeAssert &&
        !first->rhs[0]->y) {
      s->kind = StmtKind::TypeSwitch;
      s->bind = first->lhs[0]->name;
      s->bind_pos = first->lhs[0]->pos;
      s->cond = std::move(first->rhs[0]->x);
      return;
    }
    if (first->kind != StmtKind::Expr) {
      fail(first->pos, std::string("cannot use ") + "assignment" + " as value");
    }
    if (is_switch && first->lhs[0]->kind == ExprKind::TypeAssert && !first->lhs[0]->y) {
      s->kind = StmtKind::TypeSwitch;
      s->cond = std::move(first->lhs[0]->x);
      return;
    }
    s->cond = std::move(first->lhs[0]);
  }

  StmtP switch_stmt() {
    StmtP s = stmt_node(StmtKind::Switch, tok_.pos);
    next();
    header(s.get(), true);
    case_clauses(s.get(), [&](CaseClause& c) {
      if (s->kind != StmtKind::TypeSwitch) {
        c.exprs = expr_list();
        return;
      }
      c.exprs.push_back(type_or_nil());
      while (is_op(",")) {
        next();
        c.exprs.push_back(type_or_nil());
      }
    });
    return s;
  }

  // The body of a switch or select: `{` then clauses, each `case` and what `read_case(clause)`
  // reads, or `default`, then `:` and statements; up to the closing `}`, which it consumes.
  template <class ReadCase>
  void case_clauses(Stmt* s, ReadCase read_case) {
    braced(&s->clauses, [&](CaseClause& c) {
      if (is_kw("case")) {
        next();
        read_case(c);
      } else if (is_kw("default")) {
        next();
        c.is_default = true;
      } else {
        unexpected("case or default or }");
      }
      expect_op(":");
      stmt_list(&c.body);
      c.end_line = tok_.pos.line;
    });
  }

  ExprP type_or_nil() {
    if (tok_.kind == Tok::Ident && tok_.text == "nil") {
      ExprP e = node(ExprKind::Ident, tok_.pos);
      e->name = "nil";
      next();
      return e;
    }
    return type();
  }

  StmtP select_stmt() {
    StmtP s = stmt_node(StmtKind::Select, tok_.pos);
    next();
    case_clauses(s.get(), [&](CaseClause& c) { c.comm = simple_stmt(false); });
    return s;
  }

  StmtP for_stmt() {
    StmtP s = stmt_node(StmtKind::For, tok_.pos);
    next();
    if (StmtP range = for_clauses(s.get())) {
      range->pos = s->pos;
      range->body = block();
      return range;
    }
    s->body = block();
    return s;
  }

  // A for statement's clauses, up to its body, into s; a range clause comes back instead, as the
  // statement itself (StmtKind::Range).
  StmtP for_clauses(Stmt* s) {
    NoLit in_header(this, 1);
    if (is_op("{")) return nullptr;
    StmtP first;
    if (tok_.kind != Tok::Semi) first = simple_stmt(true);
    if (first && first->kind == StmtKind::Range) return first;
    if (tok_.kind == Tok::Semi) {
      // 3-clause
      next();
      s->init = std::move(first);
      if (tok_.kind != Tok::Semi) {
        StmtP c = simple_stmt(false);
        if (c->kind != StmtKind::Expr) fail(c->pos, "cannot use assignment as value");
        s->cond = std::move(c->lhs[0]);
      }
      if (tok_.kind != Tok::Semi) unexpected("semicolon");
      next();
      if (!is_op("{")) s->post = simple_stmt(false);
      if (s->post && s->post->kind == StmtKind::Define)
        fail(s->post->pos, "cannot declare in post statement of for loop");
    } else if (first) {
      if (first->kind != StmtKind::Expr) fail(first->pos, "cannot use assignment as value");
      s->cond = std::move(first->lhs[0]);
    }
    return nullptr;
  }

  void check_branches(const Block& body, std::vector<Diagnostic>* out) {
    BranchCheck(out).function(body);
  }

 public:
  // gc's branch errors, in the order of their positions, after the file parsed.
  std::vector<Diagnostic> branch_diags_;

 private:
  Lexer lex_;
  std::vector<Diagnostic>* diags_;
  Token tok_;
  int depth_ = 0;
  int no_lit_ = 0;  // > 0 in a control clause header: T{ is a block, not a literal
};

}  // namespace

// Go source is UTF-8 without NUL bytes; gc's scanner reports the first offence in these words
// (the Lua chunk could not carry such bytes in names either).
bool check_encoding(std::string_view src, std::vector<Diagnostic>* diags) {
  Pos pos{1, 1};
  for (std::size_t i = 0; i < src.size();) {
    const std::size_t n = utf8_length(src, i);
    if (n == 0 || src[i] == '\0') {
      diags->push_back({pos, n == 0 ? "invalid UTF-8 encoding" : "invalid NUL character"});
      return false;
    }
    if (src[i] == '\n') {
      ++pos.line;
      pos.col = 1;
    } else {
      pos.col += static_cast<std::uint32_t>(n);
    }
    i += n;
  }
  return true;
}

bool parse(std::string_view src, File* out, std::vector<Diagnostic>* diags) {
  if (!check_encoding(src, diags)) return false;
  Parser p(src, diags);
  try {
    p.file(out);
  } catch (const Stop&) {
    return false;
  }
  std::stable_sort(
      p.branch_diags_.begin(), p.branch_diags_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.col < b.pos.col;
      });
  diags->insert(diags->end(), p.branch_diags_.begin(), p.branch_diags_.end());
  return diags->empty();
}

}  // namespace rdv::gofront
