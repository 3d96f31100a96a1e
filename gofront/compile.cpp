// The Go checker and lowerer (see gofront.h).
//
// One walk over the syntax tree checks each declaration and statement and, when the program is
// free of errors, emits its Lua at the same time: the check decides what each expression is
// (its type, constant value, addressability) and the lowering of the expression follows from
// that. Doing both in one walk keeps the typed facts next to the code that needs them (integer
// or float division, struct copies, interface boxing, map or slice indexing) without a second
// tree; the price is that the walk must not emit anything it may throw away (no expression is
// lowered twice: a function literal's body carries newlines that count Go lines).
//
// Lines: `line_` is the Go line the next emitted character lands on; every statement first pads
// with newlines up to its Go line (pad()). Line 1 is reserved for the support library and the
// type descriptors, which are prepended at the end.
#include "gofront/gofront.h"

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <utility>

#include <gmpxx.h>
#include <mpfr.h>

#include "gofront/prelude.h"
#include "gofront/tokens.h"
#include "gofront/types.h"

namespace rdv::gofront {
namespace {

// "a int" -> "an int": the article for a type's name in a message.
std::string a_or_an(const std::string& word) {
  const bool vowel = !word.empty() && std::string("aeiouAEIOU").find(word[0]) != std::string::npos;
  return (vowel ? "an " : "a ") + word;
}

struct TooMany {};  // thrown past kMaxErrors

constexpr std::size_t kMaxErrors = 10;

// A constant value. A float constant keeps its exact value `q` (Go evaluates constant
// expressions exactly: 0.1 + 0.2 is 3/10, which prints 0.3) and `f`, the float64 nearest to it,
// which is what the lowered code and every check of a float's value use.
//
// An integer constant is exact too (1 << 100 >> 98 is 4): `z` is its value, `i` its low 64 bits
// as an int64 (two's complement), which is what a Lua integer holds: a uint64 constant of 2^63
// and more is negative there. Set both through set_int; whether z fits where the constant is
// used is checked there (int_fits), as gc checks it.
struct CV {
  enum Kind { None, Int, Float, Str, Bool } k = None;
  std::int64_t i = 0;  // Int: z's low 64 bits
  mpz_class z;         // Int: the exact value
  double f = 0;
  mpq_class q;    // Float: the exact value (f is q rounded to nearest, ties to even)
  double qf = 0;  // the f that q was set with: a write to f alone (f = ...) leaves q stale
  std::string s;
  bool b = false;
};

// q rounded to the nearest float64, ties to even, subnormals included (GMP's mpq_get_d
// truncates; MPFR rounds correctly).
double nearest_double(const mpq_class& q) {
  const mpfr_exp_t emin = mpfr_get_emin(), emax = mpfr_get_emax();
  mpfr_set_emin(-1073);  // float64's exponent range, so that rounding to a subnormal is exact
  mpfr_set_emax(1024);
  mpfr_t m;
  mpfr_init2(m, 53);
  const int t = mpfr_set_q(m, q.get_mpq_t(), MPFR_RNDN);
  mpfr_subnormalize(m, t, MPFR_RNDN);
  const double d = mpfr_get_d(m, MPFR_RNDN);
  mpfr_clear(m);
  mpfr_set_emin(emin);
  mpfr_set_emax(emax);
  return d;
}

// A float constant of exact value q.
void set_float(CV& c, const mpq_class& q) {
  c.k = CV::Float;
  c.q = q;
  c.q.canonicalize();
  c.f = nearest_double(c.q);
  c.qf = c.f;
}

// A float constant of value d (a float64 value: exact as it is).
void set_float(CV& c, double d) {
  c.k = CV::Float;
  c.f = d;
  if (std::isfinite(d)) c.q = mpq_class(d);
  c.qf = d;
}

// A float constant as gc shows it in a message (go/constant's String): %.6g of its float64,
// or, out of float64's range, six significant digits and the decimal exponent ("1e+600").
std::string float_const_string(const CV& c) {
  char buf[64];
  if (std::isfinite(c.f) && ((c.f == 0) == (c.q == 0))) {
    std::snprintf(buf, sizeof buf, "%.6g", c.f);
    return buf;
  }
  mpfr_t m;
  mpfr_init2(m, 64);
  mpfr_set_q(m, c.q.get_mpq_t(), MPFR_RNDN);
  mpfr_exp_t e = 0;
  char* digits = mpfr_get_str(nullptr, &e, 10, 6, m, MPFR_RNDN);  // "-123456", 0.123456e<e>
  std::string d = digits;
  mpfr_free_str(digits);
  mpfr_clear(m);
  std::string sign;
  if (!d.empty() && d[0] == '-') {
    sign = "-";
    d.erase(0, 1);
  }
  while (d.size() > 1 && d.back() == '0') d.pop_back();
  std::string mant = d.substr(0, 1);
  if (d.size() > 1) mant += "." + d.substr(1);
  std::snprintf(buf, sizeof buf, "e%+ld", static_cast<long>(e - 1));
  return sign + mant + buf;
}

// An integer constant of exact value z.
void set_int(CV& c, const mpz_class& z) {
  c.k = CV::Int;
  c.z = z;
  if (mpz_fits_slong_p(z.get_mpz_t())) {
    c.i = mpz_get_si(z.get_mpz_t());
  } else {
    mpz_class low;  // z mod 2^64, two's complement (mpz_fdiv_r_2exp rounds toward -inf)
    mpz_fdiv_r_2exp(low.get_mpz_t(), z.get_mpz_t(), 64);
    c.i = static_cast<std::int64_t>(mpz_get_ui(low.get_mpz_t()));
  }
}

// An integer constant of value v.
void set_int(CV& c, std::int64_t v) {
  c.k = CV::Int;
  c.i = v;
  c.z = static_cast<long>(v);
}

// The exact value of an int or float constant.
mpq_class exact(const CV& c) {
  if (c.k == CV::Float) return c.f == c.qf || !std::isfinite(c.f) ? c.q : mpq_class(c.f);
  return mpq_class(c.z);
}

// Whether the integer value z is a value of type t (any integer type; an untyped one holds
// every value, the 512-bit bound on untyped results being checked where they are made).
bool int_fits(const mpz_class& z, const Type* t) {
  auto in = [&](long lo, long hi) { return z >= lo && z <= hi; };
  switch (underlying(t)->k) {
    case K::Int8:
      return in(INT8_MIN, INT8_MAX);
    case K::Int16:
      return in(INT16_MIN, INT16_MAX);
    case K::Int32:
      return in(INT32_MIN, INT32_MAX);
    case K::Int:
    case K::Int64:
      return mpz_fits_slong_p(z.get_mpz_t()) != 0;
    case K::Uint8:
      return in(0, UINT8_MAX);
    case K::Uint16:
      return in(0, UINT16_MAX);
    case K::Uint32:
      return in(0, UINT32_MAX);
    case K::Uint:
    case K::Uint64:
    case K::Uintptr:
      return z >= 0 && mpz_sizeinbase(z.get_mpz_t(), 2) <= 64;
    default:
      return true;
  }
}

// Whether an int constant is a value of integer type t.
bool int_fits(const CV& c, const Type* t) {
  return c.k != CV::Int || int_fits(c.z, t);
}

// An integer constant's decimal value, as gc's messages show it.
std::string int_string(const CV& c) {
  return c.z.get_str(10);
}

// Whether a float constant's exact value is a whole number.
bool integral(const CV& c) {
  return std::isfinite(c.f) && exact(c).get_den() == 1;
}

// A float constant's value made whole, toward zero (exact: 1e30 is 10^30).
mpz_class whole(const CV& c) {
  const mpq_class q = exact(c);
  mpz_class z;
  mpz_tdiv_q(z.get_mpz_t(), q.get_num_mpz_t(), q.get_den_mpz_t());
  return z;
}

// A string constant as gc shows it in a message (go/constant's String): strconv.Quote's form,
// cut to 72 characters with "..." past that.
std::string go_constant_string(const std::string& s) {
  std::string q = "\"";  // the quoted form: valid UTF-8
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool valid = n > 0 && i + n <= s.size();
    for (std::size_t k = 1; valid && k < n; ++k)
      valid = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    static const std::map<char, const char*> kEsc = {{'\a', "\\a"}, {'\b', "\\b"},  {'\f', "\\f"},
                                                     {'\n', "\\n"}, {'\r', "\\r"},  {'\t', "\\t"},
                                                     {'\v', "\\v"}, {'\\', "\\\\"}, {'"', "\\\""}};
    char buf[8];
    if (n == 1 && kEsc.count(static_cast<char>(c))) {
      q += kEsc.at(static_cast<char>(c));
    } else if (!valid || (n == 1 && (c < 0x20 || c == 0x7F))) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);  // a byte strconv.Quote escapes
      q += buf;
      n = 1;
    } else {
      q += s.substr(i, n);
    }
    i += n;
  }
  q += "\"";
  // Past 72 characters (runes, an escape's each counted), the first 69 and "...".
  constexpr std::size_t kMaxLen = 72;
  std::size_t runes = 0, cut = 0;
  for (std::size_t i = 0; i < q.size(); ++i) {
    if ((static_cast<unsigned char>(q[i]) & 0xC0) == 0x80) continue;  // inside a rune
    if (runes == kMaxLen - 3) cut = i;
    ++runes;
  }
  return runes > kMaxLen ? q.substr(0, cut) + "..." : q;
}

// A float literal's exact value: decimal (1.5e-3, .5, 1e6) or hexadecimal (0x1.8p3); `_` removed.
mpq_class float_literal(const std::string& text) {
  std::string s;
  for (char c : text)
    if (c != '_') s += c;
  const bool hex = s.size() > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
  const std::size_t start = hex ? 2 : 0;
  const char exp_mark = hex ? 'p' : 'e';
  std::string digits;
  long frac = 0, exp = 0;
  bool dot = false;
  std::size_t i = start;
  for (; i < s.size(); ++i) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
    if (c == '.') {
      dot = true;
    } else if (c == exp_mark) {
      exp = std::strtol(s.c_str() + i + 1, nullptr, 10);
      break;
    } else {
      digits += c;
      if (dot) ++frac;
    }
  }
  if (digits.empty()) digits = "0";
  mpq_class q(mpz_class(digits, hex ? 16 : 10));
  // hex: each fraction digit is 4 bits, the exponent is of 2; decimal: of 10.
  // An exponent far past float64's range (1e-400 is 0, 1e400 overflows) is capped so that a
  // hostile 1e999999999 costs no more than 1e9999.
  exp = std::clamp(exp, -10000L, 10000L);
  const long e = hex ? exp - 4 * frac : exp - frac;
  mpz_class scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), hex ? 2 : 10, static_cast<unsigned long>(e < 0 ? -e : e));
  if (e < 0)
    q /= scale;
  else
    q *= scale;
  q.canonicalize();
  return q;
}

struct Obj {
  enum Kind { Var, Const, TypeName, Func, Pkg, Builtin, Nil } kind = Var;
  std::string name;
  Type* type = nullptr;
  std::string lua;  // how the lowered code names it
  CV cv;
  bool used = false;
  bool local = false;
  Pos pos;
  std::string pkg;  // Pkg: the import path
  // A variable whose address is taken (&x) and whose value is not a struct: the Lua name of its
  // box, a table {v = value}; `lua` is then "<box>.v" and &x is the box itself.
  std::string box;
};

struct Scope {
  Scope* parent = nullptr;
  std::map<std::string, Obj*> names;
  std::vector<Obj*> order;
};

// The result of checking an expression.
struct X {
  enum Mode { Invalid, NoValue, Value, Const, TypeExpr, BuiltinFn, PkgName, Multi } mode = Invalid;
  Type* t = nullptr;
  std::string code;
  CV cv;
  bool addressable = false;
  bool map_index = false;  // m[k]: gc's "map index expression" in messages
  bool fresh = false;      // a new value (literal, call result): no copy needed to keep it
  Obj* obj = nullptr;      // Ident / qualified ident
  std::string ok_code;     // comma-ok form (map index, receive, type assertion): "v, ok"
  const Expr* e = nullptr;
  // A call is lowered as fn(args...): go and defer evaluate both now and call later.
  std::string call_fn;
  std::vector<std::string> call_args;
  bool pkg_call = false;  // a package function: pkg_call() lowers its calls
  std::string pkg_fn;     // "fmt.Println"
  std::string method_fn;  // a method selector: the Lua function, called with the receiver first
  std::string recv_code;  // ... and the receiver (already converted)
  bool is_method = false;
};

// How a switch or type switch picks its clause, before any runs (Go's order: cases top to
// bottom, left to right): the Lua local k, 0 at first, becomes the number of the first clause
// with a case that holds, else the default's; each clause runs under `if k == its number`.
struct ClausePick {
  explicit ClausePick(std::string local) : k(std::move(local)) {}

  std::string k;          // the Lua local
  std::string chain;      // " if c1 then k = 1 elseif c2 then k = 1 elseif c3 then k = 2 ..."
  int default_index = 0;  // the default clause's number (0: none)

  // A case of clause i (from 0) whose Lua condition is `cond`.
  void add_case(const std::string& cond, std::size_t i) {
    chain += std::string(chain.empty() ? " if " : " elseif ") + cond + " then " + k + " = " +
             std::to_string(i + 1);
  }
  // The code that decides: the chain, then the default when no case held.
  std::string decide() const {
    std::string code;
    if (!chain.empty()) code += chain + " end";
    if (default_index)
      code += " if " + k + " == 0 then " + k + " = " + std::to_string(default_index) + " end";
    return code;
  }
  // The test clause i runs under; its body and " end" follow.
  std::string runs(std::size_t i) const {
    return "if " + k + " == " + std::to_string(i + 1) + " then";
  }
};

// A Go label's Lua label: apart from the b<N>/c<N> labels breaks and continues go to.
std::string go_label(const std::string& name) {
  return "g_" + name;
}

struct Brk {
  enum Kind { Loop, Switch, Select } kind;
  std::string label;  // the Go label, if any
  int id = 0;
  bool brk_goto = false;  // a break that must be a goto (labelled, or of a switch/select)
};

struct FnCtx {
  Type* sig = nullptr;
  std::vector<std::string> results;  // Lua names of the result variables (defer mode / named)
  bool named_results = false;
  bool defer_mode = false;
  std::string name;  // Go's name for literals: "main", "main.func1"
  int lits = 0;
  std::vector<Brk> brk;
  bool has_goto = false;  // statements that declare Lua locals are wrapped in do ... end
};

std::string lua_quote(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 32 || c >= 127) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03u", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

bool is_lua_reserved(const std::string& s) {
  static const std::set<std::string> kReserved = {
      "and",          "break",    "do",      "else",      "elseif",  "end",       "false",
      "for",          "function", "goto",    "if",        "in",      "local",     "nil",
      "not",          "or",       "repeat",  "return",    "then",    "true",      "until",
      "while",        "G",        "P",       "TD",        "VI",      "self",      "_ENV",
      "go",           "chan",     "select",  "print",     "pcall",   "error",     "panic",
      "sleep",        "after",    "now",     "waitgroup", "mutex",   "rwmutex",   "atomic",
      "context",      "on_recv",  "on_send", "string",    "math",    "table",     "type",
      "tostring",     "ipairs",   "pairs",   "utf8",      "nilchan", "note",      "rand",
      "setmetatable", "load",     "next",    "rawget",    "rawset",  "coroutine", "eprint",
      "ntasks",       "exit"};
  return kReserved.count(s) > 0 || s.rfind("__", 0) == 0;
}

// Where gc places an error about a whole expression: its first byte (errors.New("x") starts at
// `errors`, while the parser places a call and a selector at the name after the dot).
// s as Go's strconv.Quote writes it (printable UTF-8 kept as it is).
std::string go_quote(const std::string& s) {
  std::string q = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    char buf[8];
    switch (c) {
      case '"':
        q += "\\\"";
        break;
      case '\\':
        q += "\\\\";
        break;
      case '\n':
        q += "\\n";
        break;
      case '\t':
        q += "\\t";
        break;
      case '\r':
        q += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          q += buf;
        } else {
          q += ch;
        }
    }
  }
  return q + "\"";
}

Pos start_of(const Expr& e) {
  const Expr* x = &e;
  while ((x->kind == ExprKind::Call || x->kind == ExprKind::Selector ||
          x->kind == ExprKind::Binary || x->kind == ExprKind::Index || x->kind == ExprKind::Slice ||
          x->kind == ExprKind::TypeAssert) &&
         x->x != nullptr) {
    x = x->x.get();
  }
  return x->pos;
}

// v rounded to the nearest float32 (ties to even), as Go rounds a float32 value; ±Inf past
// MaxFloat32's rounding range. Range-checked first: a double-to-float cast out of range is
// undefined behaviour in C++.
double round_f32(double v) {
  constexpr double kInfFrom = 0x1.ffffffp127;  // halfway from MaxFloat32 to 2^128: rounds up
  if (std::isnan(v) || std::isinf(v)) return v;
  if (std::fabs(v) >= kInfFrom) return v > 0 ? HUGE_VAL : -HUGE_VAL;
  if (std::fabs(v) > static_cast<double>(FLT_MAX)) return v > 0 ? FLT_MAX : -FLT_MAX;
  return static_cast<double>(static_cast<float>(v));
}

// c made a float32 constant: an int in one rounding (as Go converts it, not twice through a
// float64), a float rounded.
void set_float32(CV& c) {
  if (c.k == CV::Int) {
    mpfr_t m;
    mpfr_init2(m, 24);  // float32's precision; its range is round_f32's
    mpfr_set_z(m, c.z.get_mpz_t(), MPFR_RNDN);
    const double d = mpfr_get_d(m, MPFR_RNDN);  // exact: 24 bits, or ±Inf past float64's range
    mpfr_clear(m);
    set_float(c, round_f32(d));
  } else if (c.k == CV::Float) {
    set_float(c, round_f32(c.f));
  }
}

// A finite constant that no float32 holds (gc: "overflows").
bool overflows_f32(double v) {
  return std::isfinite(v) && std::isinf(round_f32(v));
}

// An integer constant that float type t does not hold (1 << 200 as a float32: gc's
// "overflows").
bool int_overflows_float(const CV& c, const Type* t) {
  if (c.k != CV::Int || !is_float(t) || is_untyped(t)) return false;
  const std::size_t bits = mpz_sizeinbase(c.z.get_mpz_t(), 2);
  if (bits <= 128) return false;  // below 2^128: every float type holds it
  CV f = c;
  if (is_f32(t))
    set_float32(f);
  else
    set_float(f, exact(c));
  return !std::isfinite(f.f);
}

constexpr const char* kF32Suffix = "__f32";  // see Compiler::declare

std::string mangle(const std::string& name) {
  return is_lua_reserved(name) ? name + "_" : name;
}

// The Lua values a value of type t is made of (an array's elements, through nested arrays and
// structs; at least 1, a table or a scalar), saturating at 2^32: what its zero value allocates.
std::int64_t cells(const Type* t) {
  constexpr std::int64_t kMax = std::int64_t{1} << 32;
  const Type* u = underlying(t);
  if (u->k == K::Array) {
    const std::int64_t e = cells(u->elem);
    return std::max<std::int64_t>(1, u->len > kMax / e ? kMax : u->len * e);
  }
  if (u->k != K::Struct) return 1;
  std::int64_t n = 1;
  for (const Member& f : u->fields) n = std::min(kMax, n + cells(f.type));
  return n;
}

class Compiler {
 public:
  Compiler(std::string filename, std::vector<Diagnostic>* errs, std::string run = {})
      : file_(std::move(filename)), errs_(errs), run_(std::move(run)) {}

  bool run(const File& f, std::string* out);
  // The names written as &name anywhere in the file (see boxes()).
  void set_addr_names(std::set<std::string> names) { addr_names_ = std::move(names); }

 private:
  // ---- errors ---------------------------------------------------------------------------------
  void error(Pos p, std::string msg) {
    for (const auto& d : *errs_) {
      if (d.pos.line == p.line && d.pos.col == p.col) return;  // one error per position
    }
    // gc drops an error that repeats the one before it on the same line, as in f(a[1<<70],
    // b[1<<70]).
    if (!errs_->empty() && errs_->back().pos.line == p.line && errs_->back().message == msg) return;
    errs_->push_back({p, std::move(msg)});
  }
  // gc's "x redeclared in this block" and, on the next line, where the other declaration is.
  void redeclared(Pos p, const std::string& name, Pos other) {
    const std::size_t before = errs_->size();
    error(p, name + " redeclared in this block");
    if (errs_->size() > before && other.line > 0) {
      errs_->back().other = other;
      errs_->back().other_message = "other declaration of " + name;
    }
  }
  void refuse(Pos p, const std::string& what) {
    const bool plural = what.size() > 2 && what.back() == 's' && what[what.size() - 2] != 's';
    const std::size_t before = errs_->size();
    error(p, what + (plural ? " are" : " is") + " not supported");
    if (errs_->size() > before) errs_->back().refusal = true;
  }

  // ---- types ----------------------------------------------------------------------------------
  Type* make(K k) {
    types_.push_back(std::make_unique<Type>());
    types_.back()->k = k;
    return types_.back().get();
  }
  Type* basic(K k, const std::string& name = "") {
    Type* t = make(k);
    t->name = name;
    return t;
  }
  Type* slice_of(Type* e) {
    Type* t = make(K::Slice);
    t->elem = e;
    return t;
  }
  Type* array_of(Type* e, std::int64_t n) {
    Type* t = make(K::Array);
    t->elem = e;
    t->len = n;
    return t;
  }
  Type* ptr_to(Type* e) {
    Type* t = make(K::Pointer);
    t->elem = e;
    return t;
  }
  Type* chan_of(Type* e, ChanDir d) {
    Type* t = make(K::Chan);
    t->elem = e;
    t->dir = d;
    return t;
  }
  Type* func_of(std::vector<Type*> params, std::vector<Type*> results, bool variadic = false) {
    Type* t = make(K::Func);
    t->params = std::move(params);
    t->results = std::move(results);
    t->variadic = variadic;
    return t;
  }
  // x as the value of a call of a function of type sig: no value, its one result or a tuple.
  void set_call_result(X& x, const Type* sig) {
    x.fresh = true;
    if (sig->results.empty()) {
      x.mode = X::NoValue;
      x.t = t_invalid_;
    } else if (sig->results.size() == 1) {
      x.mode = X::Value;
      x.t = sig->results[0];
    } else {
      x.mode = X::Multi;
      x.t = tuple_of(sig->results);
    }
  }
  Type* tuple_of(std::vector<Type*> ts) {
    Type* t = make(K::Tuple);
    t->results = std::move(ts);
    return t;
  }
  Type* foreign(const std::string& name) {
    Type* t = make(K::Foreign);
    t->name = name;
    foreign_[name] = t;
    return t;
  }

  void universe();
  Type* resolve_type(const Expr* e);
  // An array type's length: a constant expression of a non-negative integer (-1: reported).
  std::int64_t array_len(const Expr& len);
  // Does e call a function or receive (len/cap of an array is then not a constant)?
  static bool calls_or_receives(const Expr& e);
  // The identifiers e mentions (not selected names, not inside function literals).
  static void mentions(const Expr* e, std::set<std::string>* out);
  Type* default_type(Type* t);
  bool assignable(X& x, Type* to);
  bool implements(Type* t, Type* iface, std::string* missing);
  // Methods a named struct type gets from its embedded fields (Go's promoted methods): each
  // with its signature, whether only the pointer's method set has it, and a Lua function of
  // the receiver that calls it through the embedded field (added to the type's descriptor, so
  // interfaces and fmt's String/Error find it).
  struct Promoted {
    std::string name;
    Type* sig = nullptr;
    bool needs_addr = false;
    std::string fn;
  };
  const std::vector<Promoted>& promoted(Type* named);
  std::map<const Type*, std::vector<Promoted>> promoted_;
  Method* find_method(Type* t, const std::string& name, bool* via_ptr);
  int desc(Type* t);
  std::string desc_code(Type* t);
  std::string td(Type* t) { return "TD[" + std::to_string(desc(t)) + "]"; }
  // The descriptor of a slice's element type when its elements are tables that are their memory
  // (structs and arrays: the prelude moves values into them in place), else nil.
  std::string elem_td(Type* elem) { return is_aggregate(elem) ? td(elem) : "nil"; }
  std::string zero(Type* t, const std::string& name = "");
  std::string convert(X& x, Type* to);  // value of x as a `to` (boxing, copying, constants)
  std::string copy_if_struct(X& x);
  std::string const_code(const CV& cv, Type* t);
  std::string wrap_int(Type* t, const std::string& code);
  int elem_size(Type* t);
  int elem_align(Type* t);

  // ---- scopes ---------------------------------------------------------------------------------
  void push_scope() {
    auto s = std::make_unique<Scope>();
    s->parent = scope_;
    scope_ = s.get();
    scopes_.push_back(std::move(s));
  }
  void pop_scope() {
    for (Obj* o : scope_->order) {
      if (o->kind == Obj::Var && o->local && !o->used && o->name != "_") {
        error(o->pos, o->name + " declared but not used");
      }
    }
    scope_ = scope_->parent;
  }
  // Scopes from the innermost to the package's, then the file's imports, then the universe.
  Obj* lookup(const std::string& name) {
    for (Scope* s = scope_; s != nullptr; s = s->parent) {
      if (s == universe_) {
        auto imp = imports_.find(name);
        if (imp != imports_.end()) return imp->second;
      }
      auto it = s->names.find(name);
      if (it != s->names.end()) return it->second;
    }
    return nullptr;
  }
  Obj* declare(Obj::Kind kind, const std::string& name, Type* t, Pos pos, bool local) {
    objs_.push_back(std::make_unique<Obj>());
    Obj* o = objs_.back().get();
    o->kind = kind;
    o->name = name;
    o->type = t;
    o->pos = pos;
    o->local = local;
    if (name == "_") {
      o->lua = "_";
      return o;
    }
    if (local) {
      o->lua = mangle(name);
    } else {
      o->lua = "P." + mangle(name);  // P.repeat would not be Lua
    }
    // A float32 variable's Lua name says so, for the Variables pane, which sees only a Lua
    // float: it shows `x__f32` as x, printed as Go prints a float32 (script/universe.cpp).
    if (kind == Obj::Var && t != nullptr && is_f32(t)) o->lua += kF32Suffix;
    auto it = scope_->names.find(name);
    if (it != scope_->names.end() && scope_->parent != nullptr) {
      redeclared(pos, name, it->second->pos);
    }
    scope_->names[name] = o;
    scope_->order.push_back(o);
    return o;
  }
  std::string tmp() { return "__t" + std::to_string(++tmp_); }
  // Pointers to non-struct values: a variable of a non-struct type whose name is written as
  // &name somewhere in the file (addr_names_, a conservative set: boxing one that did not need
  // it costs only speed) lives in a box, a table {v = value}, so that &x is the box and *p is
  // p.v. Called just after `objs` were declared and their Lua declaration made; returns the
  // code that boxes them (" x = G.ref(x)") and renames them to "x.v". Variables declared by a
  // for statement's init, range, a type switch, select or as named results are not boxed
  // (their Lua names are used by the loop and return machinery): &x of one is refused.
  std::string boxes(const std::vector<Obj*>& objs) {
    std::string code;
    if (no_box_) return code;
    for (Obj* o : objs) {
      if (o->kind != Obj::Var || o->type == nullptr || o->name == "_" || o->lua == "_" ||
          !o->box.empty() || addr_names_.count(o->name) == 0)
        continue;
      const Type* u = underlying(o->type);
      if (u->k == K::Struct || u->k == K::Array || u->k == K::Foreign || u->k == K::Invalid)
        continue;
      o->box = o->lua;
      o->lua = o->box + ".v";
      code += " " + o->box + " = G.ref(" + o->box + ")";
    }
    return code;
  }
  // Whether t.Run's function may call t.Parallel: a literal or a function of the file whose body
  // does (see calls_parallel).
  bool may_call_parallel(const Expr& fn) const;
  // A call with several results where one value is wanted: gc's "assignment mismatch" (the
  // call is only looked at, not lowered). False when reported.
  bool mismatch_checked(const Expr& rhs, std::size_t nvars, std::size_t nvals) {
    const Expr* e = &rhs;
    while (e->kind == ExprKind::Paren) e = e->x.get();
    if (e->kind != ExprKind::Call || nvals != 1) return true;
    const Expr* f = e->x.get();
    Obj* o = f->kind == ExprKind::Ident ? lookup(f->name) : nullptr;
    if (o == nullptr || o->kind != Obj::Func) return true;
    const std::size_t n = o->type->results.size();
    if (n <= 1 || n == nvars) return true;
    error(rhs.pos, "assignment mismatch: " + std::to_string(nvars) + " variable" +
                       (nvars == 1 ? "" : "s") + " but " + expr_string(f) + " returns " +
                       std::to_string(n) + " values");
    return false;
  }
  // The name a make(chan ...) or a sync object made by `e` gets in the views: the variable or
  // field it is made into.
  void hint_name(const Expr* e, const std::string& name) {
    while (e != nullptr && e->kind == ExprKind::Paren) e = e->x.get();
    hint_expr_ = e;
    hint_ = name;
  }
  std::string take_hint(const Expr* e) {
    if (e != hint_expr_) return "";
    hint_expr_ = nullptr;
    return hint_;
  }
  std::string expr_string(const Expr* e);
  std::string describe_x(const X& x, const Expr& e);
  // An untyped constant operand beside a float32 one that no float32 holds: gc's "1e39 (untyped
  // float constant 1e+39) overflows float32", at the constant. True when reported.
  bool overflow_f32(const X& a, const X& b, const Expr* ea, const Expr* eb) {
    for (int i = 0; i < 2; ++i) {
      const X& c = i == 0 ? a : b;
      const X& other = i == 0 ? b : a;
      const Expr* ce = i == 0 ? ea : eb;
      if (c.mode == X::Const && is_untyped(c.t) && ce != nullptr && !is_untyped(other.t) &&
          is_f32(other.t) &&
          ((c.cv.k == CV::Float && overflows_f32(c.cv.f)) || int_overflows_float(c.cv, other.t))) {
        error(start_of(*ce), describe_x(c, *ce) + " overflows " + type_string(underlying(other.t)));
        return true;
      }
    }
    return false;
  }
  // An untyped numeric constant as an operand beside one of numeric type t, which t does not
  // hold: gc's "300 (untyped int constant) overflows byte" or "1.5 (untyped float constant)
  // truncated to byte", at the constant. True when reported.
  bool const_misfit(const X& c, const Expr* ce, const Type* t) {
    if (c.mode != X::Const || !is_untyped(c.t) || !is_numeric(c.t) || ce == nullptr ||
        t == nullptr || is_untyped(t) || !is_integer(t))
      return false;
    if (c.cv.k == CV::Int && !int_fits(c.cv, t)) {
      error(start_of(*ce), describe_x(c, *ce) + " overflows " + type_string(underlying(t)));
      return true;
    }
    if (c.cv.k == CV::Float && !(integral(c.cv) && int_fits(whole(c.cv), t))) {
      error(start_of(*ce), describe_x(c, *ce) + " truncated to " + type_string(underlying(t)));
      return true;
    }
    return false;
  }
  // gc 1.19's words: an untyped operand (a constant, or a comparison's untyped bool) "as T value
  // in <context>", anything else (a typed constant too) "as type T in <context>".
  std::string cannot_use(const X& x, const Expr& e, const Type* t, const std::string& context) {
    if (is_untyped(x.t) || (x.t != nullptr && x.t->k == K::UntypedNil)) {
      // An integer constant past its type's range (into an interface, its default type's; a
      // negative one for an unsigned type), or a float past float64's or float32's: gc says it
      // overflows.
      const Type* dt = t != nullptr && underlying(t)->k == K::Interface ? default_type(x.t) : t;
      const bool overflows =
          (x.mode == X::Const && x.cv.k == CV::Int && dt != nullptr && is_integer(dt) &&
           !is_untyped(dt) && !int_fits(x.cv, dt)) ||
          (x.mode == X::Const && dt != nullptr && int_overflows_float(x.cv, dt)) ||
          (x.mode == X::Const && x.cv.k == CV::Float && t != nullptr && !std::isfinite(x.cv.f)) ||
          (x.mode == X::Const && x.cv.k == CV::Float && t != nullptr && is_f32(t) &&
           overflows_f32(x.cv.f));
      // An untyped float constant that is no value of the integer type wanted: gc says it is
      // truncated (var i int = 1.5, or 1e19).
      const bool truncated = !overflows && x.mode == X::Const && is_untyped(x.t) &&
                             x.cv.k == CV::Float && dt != nullptr && is_integer(dt) &&
                             !is_untyped(dt) && !(integral(x.cv) && int_fits(whole(x.cv), dt));
      // Into an interface, a constant goes as its default type: gc names that one.
      if (overflows && t != nullptr && underlying(t)->k == K::Interface) t = default_type(x.t);
      return "cannot use " + describe_x(x, e) + " as " + type_string(t) + " value in " + context +
             (overflows   ? " (overflows)"
              : truncated ? " (truncated)"
                          : "");
    }
    return "cannot use " + describe_x(x, e) + " as type " + type_string(t) + " in " + context;
  }

  // ---- lines ----------------------------------------------------------------------------------
  std::string pad(std::uint32_t line) {
    std::string s;
    while (line_ < line) {
      s += '\n';
      ++line_;
    }
    if (s.empty()) s = " ";
    return s;
  }

  // ---- declarations ---------------------------------------------------------------------------
  void collect(const File& f);
  void func_decl(const FuncDecl& fd);
  std::string func_body(const Expr* ftype, Type* sig, const Field* recv, Type* recv_t,
                        const Block& body, const std::string& goname);
  std::string value_spec(const ValueSpec& vs, bool is_const, bool local, const ValueSpec* prev);

  // ---- statements -----------------------------------------------------------------------------
  std::string block(const Block& b, bool new_scope = true);
  std::string stmts(const std::vector<StmtP>& ss);
  std::string stmt(const Stmt& s);
  std::string simple(const Stmt& s);
  std::string assign(const Stmt& s);
  std::string define(const Stmt& s);
  std::string assign_to(const Expr& lhs, X& rhs, const std::string& rhs_code_override = "");
  std::string for_stmt(const Stmt& s, const std::string& label);
  std::string range_stmt(const Stmt& s, const std::string& label);
  std::string switch_stmt(const Stmt& s, const std::string& label);
  std::string type_switch(const Stmt& s, const std::string& label);
  std::string select_stmt(const Stmt& s, const std::string& label);
  std::string go_defer(const Stmt& s);
  std::string ret(const Stmt& s);
  std::string branch(const Stmt& s);
  bool terminates(const Stmt& s);
  bool terminates_list(const std::vector<StmtP>& ss);
  bool has_break(const Stmt& s, const std::string& label, bool top);

  // ---- expressions ----------------------------------------------------------------------------
  X expr(const Expr& e, Type* hint = nullptr);
  X value(const Expr& e, Type* hint = nullptr);  // expr that must be a single value
  X ident(const Expr& e);
  X basic_lit(const Expr& e);
  X composite(const Expr& e, Type* hint);
  X func_lit(const Expr& e);
  X selector(const Expr& e);
  X method_expr(const Expr& e, Type* t);
  X member(const X& b, const Expr& e, bool quiet, int level, int* depth);
  bool member_needs_addr_ = false;  // the method member() found needs an addressable receiver
  X index(const Expr& e);
  X slice_expr(const Expr& e);
  X type_assert(const Expr& e);
  X call(const Expr& e);
  X builtin_call(const Expr& e, const std::string& name);
  // The end of a for, switch or select statement: " end", then the label its breaks jump to
  // when one had to be a goto; pops its break target (fn_->brk).
  std::string close_breakable();
  X conversion(const Expr& e, Type* to);
  X unary(const Expr& e, Type* hint);
  X binary(const Expr& e, Type* hint);
  // x op y; `op_pos` is the operator's place (gc's for an untyped constant's overflow).
  // `assign`: x op= y, as gc names it in a message.
  X binary_of(const Expr& x, const Expr& y, const std::string& op, Pos pos, Pos op_pos,
              Type* hint = nullptr, bool assign = false);
  // An untyped integer constant used as an int (an index, a slice bound, a size for make) must
  // be an int's value: gc's "1 << 70 (untyped int constant 1180591620717411303424) overflows
  // int", at its start. Reported when not.
  bool int_index(const X& i, const Expr& e) {
    if (i.mode != X::Const || i.cv.k != CV::Int || !is_untyped(i.t) || int_fits(i.cv, t_int_))
      return true;
    error(start_of(e), describe_x(i, e) + " overflows int");
    return false;
  }
  // Whether constant x (an operation's result, written `text`, starting at `start`) holds:
  // a typed integer constant must be a value of its type (gc: "c + 1 (constant 256 of type
  // uint8) overflows uint8"), an untyped one at most 512 bits long (gc: "constant shift
  // overflow", at the operator); reported when not.
  bool int_holds(const X& x, const std::string& text, Pos start, const std::string& op, bool unary,
                 Pos op_pos);
  X pkg_member(const Expr& e, const std::string& pkg, const std::string& name);
  std::string args_code(const Expr& call, Type* sig, std::size_t skip = 0);
  std::string callee_name(const Expr& fun);
  X pkg_call(const Expr& call, X& f);
  X generic_call(const Expr& call, const X& f);  // slices.*, maps.*
  bool comparable(const Type* t);
  // A map key of an integer, string or bool type is its own Lua key; any other is encoded
  // (gofront/prelude.lua, "map keys of other comparable types"): G.kset and its kin.
  // Whether t is or holds (in a struct or array) a package's type held by the runtime
  // (sync.Mutex, time.Time, ...): not a map key here, as its parts are not Go values.
  static bool has_foreign(const Type* t) {
    const Type* u = underlying(t);
    if (u->k == K::Foreign) return true;
    if (u->k == K::Array) return has_foreign(u->elem);
    if (u->k == K::Struct)
      return std::any_of(u->fields.begin(), u->fields.end(),
                         [](const Member& m) { return has_foreign(m.type); });
    return false;
  }
  static bool plain_key(const Type* key) {
    return is_integer(key) || is_string(key) || is_boolean(key);
  }
  // os.Stdout, os.Stderr, or a variable holding one (*os.File): fmt.Fprint*'s writers.
  bool std_stream(const Expr& w) {
    const Expr* a = &w;
    while (a->kind == ExprKind::Paren) a = a->x.get();
    if (a->kind == ExprKind::Selector && a->x->kind == ExprKind::Ident) {
      const Obj* o = lookup(a->x->name);
      return o != nullptr && o->kind == Obj::Pkg && o->pkg == "os" &&
             (a->name == "Stdout" || a->name == "Stderr");
    }
    if (a->kind == ExprKind::Ident) {
      const Obj* o = lookup(a->name);
      return o != nullptr && o->kind == Obj::Var && o->type != nullptr &&
             o->type->k == K::Pointer && o->type->elem == foreign_["os.File"];
    }
    return false;
  }
  // &b of a strings.Builder variable, or a variable holding a *strings.Builder: a writer
  // fmt.Fprint* may write to, as it may to os.Stdout.
  bool builder_writer(const Expr& w) {
    const Expr* a = &w;
    while (a->kind == ExprKind::Paren) a = a->x.get();
    Type* sb = foreign_["strings.Builder"];
    if (a->kind == ExprKind::Unary && a->name == "&" && a->x->kind == ExprKind::Ident) {
      const Obj* o = lookup(a->x->name);
      return o != nullptr && o->kind == Obj::Var && o->type == sb;
    }
    if (a->kind == ExprKind::Ident) {
      const Obj* o = lookup(a->name);
      return o != nullptr && o->kind == Obj::Var && o->type != nullptr &&
             o->type->k == K::Pointer && o->type->elem == sb;
    }
    return false;
  }
  X atomic_ptr_call(const Expr& call, X& f);
  X errors_as_call(const Expr& call);
  X sort_slice_call(const Expr& call, const X& f);
  X newcond_call(const Expr& call, const X& f);
  X compare(X& a, X& b, const std::string& op, Pos p, const Expr* ea, const Expr* eb);
  std::string field_lua(const std::string& name) {
    static const std::set<std::string> kw = {
        "and",      "break",  "do",   "else", "elseif", "end",  "false", "for",
        "function", "goto",   "if",   "in",   "local",  "nil",  "not",   "or",
        "repeat",   "return", "then", "true", "until",  "while"};
    return kw.count(name) ? name + "_" : name;
  }
  CV fold(const std::string& op, const CV& a, const CV& b, Pos p, bool integer);
  void need_value(X& x, Pos p);

  std::string file_;
  std::vector<Diagnostic>* errs_;
  std::string run_;  // the test a _test.go file runs ("" : all of them, in order)
  std::vector<std::unique_ptr<Type>> types_;
  std::vector<std::unique_ptr<Obj>> objs_;
  std::vector<std::unique_ptr<Scope>> scopes_;
  Scope* scope_ = nullptr;
  Scope* pkg_scope_ = nullptr;
  Scope* universe_ = nullptr;
  std::map<std::string, Type*> foreign_;
  std::map<std::string, Obj*> imports_;  // by local name
  std::map<std::string, bool> import_used_;
  std::vector<Type*> descs_;            // index - 1 → type
  std::map<std::string, Type*> named_;  // "main.T" → type
  std::uint32_t line_ = 1;
  int tmp_ = 0;
  std::set<std::string> addr_names_;
  // The bodies of the file's functions (not methods), by name: whether one calls t.Parallel.
  std::map<std::string, const Block*> func_bodies_;
  bool no_box_ = false;  // declaring a for statement's init variables
  int label_id_ = 0;
  FnCtx* fn_ = nullptr;
  int iota_ = -1;
  int glob_lits_ = 0;
  std::vector<std::string> last_args_;  // the converted arguments of the last args_code()
  std::string last_lit_name_;  // Go's name of the function literal checked last ("main.func1")
  const Expr* hint_expr_ = nullptr;
  std::string hint_;
  std::string out_;    // the lowered body (from line 1, after the header)
  std::string funcs_;  // the go-funcs trailer's lines: "FIRST LAST NAME" per function body
  // Universe types.
  Type *t_bool_, *t_int_, *t_int8_, *t_int16_, *t_int32_, *t_int64_, *t_uint8_, *t_uint16_,
      *t_uint32_, *t_uint_, *t_uint64_, *t_uintptr_, *t_float32_, *t_float64_, *t_string_,
      *t_ubool_, *t_uint_lit_, *t_urune_, *t_ufloat_, *t_ustring_, *t_nil_, *t_error_, *t_any_,
      *t_invalid_;
};

// ==== universe
// ====================================================================================

void Compiler::universe() {
  push_scope();
  t_bool_ = basic(K::Bool);
  t_int_ = basic(K::Int);
  t_int8_ = basic(K::Int8);
  t_int16_ = basic(K::Int16);
  t_int32_ = basic(K::Int32);
  t_int64_ = basic(K::Int64);
  t_uint8_ = basic(K::Uint8);
  t_uint16_ = basic(K::Uint16);
  t_uint32_ = basic(K::Uint32);
  t_uint_ = basic(K::Uint);
  t_uint64_ = basic(K::Uint64);
  t_uintptr_ = basic(K::Uintptr);
  t_float32_ = basic(K::Float32);
  t_float64_ = basic(K::Float64);
  t_string_ = basic(K::String);
  t_ubool_ = basic(K::UntypedBool);
  t_uint_lit_ = basic(K::UntypedInt);
  t_urune_ = basic(K::UntypedRune);
  t_ufloat_ = basic(K::UntypedFloat);
  t_ustring_ = basic(K::UntypedString);
  t_nil_ = basic(K::UntypedNil);
  t_invalid_ = basic(K::Invalid);
  // error: interface { Error() string }
  t_error_ = make(K::Interface);
  t_error_->name = "error";
  t_error_->fields.push_back({"Error", func_of({}, {t_string_})});
  t_any_ = make(K::Interface);
  t_any_->name = "any";
  auto type_name = [&](const std::string& n, Type* t) {
    Obj* o = declare(Obj::TypeName, n, t, {}, false);
    o->lua = "";
  };
  type_name("bool", t_bool_);
  type_name("int", t_int_);
  type_name("int8", t_int8_);
  type_name("int16", t_int16_);
  type_name("int32", t_int32_);
  type_name("int64", t_int64_);
  type_name("uint8", t_uint8_);
  type_name("uint16", t_uint16_);
  type_name("uint32", t_uint32_);
  type_name("uint", t_uint_);
  type_name("uint64", t_uint64_);
  type_name("uintptr", t_uintptr_);
  type_name("float32", t_float32_);
  type_name("float64", t_float64_);
  type_name("string", t_string_);
  type_name("error", t_error_);
  type_name("any", t_any_);
  Type* byte_t = basic(K::Uint8, "byte");
  type_name("byte", byte_t);
  Type* rune_t = basic(K::Int32, "rune");
  type_name("rune", rune_t);
  for (const char* n : {"complex64", "complex128"}) {
    type_name(n, t_invalid_);
    scope_->names[n]->lua = std::string("!") + n;  // refused where used
  }
  Obj* t = declare(Obj::Const, "true", t_ubool_, {}, false);
  t->cv.k = CV::Bool;
  t->cv.b = true;
  t->lua = "true";
  Obj* f = declare(Obj::Const, "false", t_ubool_, {}, false);
  f->cv.k = CV::Bool;
  f->lua = "false";
  Obj* nil = declare(Obj::Nil, "nil", t_nil_, {}, false);
  nil->lua = "nil";
  Obj* iota = declare(Obj::Const, "iota", t_uint_lit_, {}, false);
  iota->lua = "iota";
  for (const char* b :
       {"len", "cap", "make", "new", "append", "copy", "delete", "close", "panic", "recover",
        "print", "println", "min", "max", "clear", "complex", "real", "imag"}) {
    Obj* o = declare(Obj::Builtin, b, nullptr, {}, false);
    o->lua = b;
  }
  // Foreign types of the packages.
  Type* wg = foreign("sync.WaitGroup");
  Type* mu = foreign("sync.Mutex");
  Type* rw = foreign("sync.RWMutex");
  Type* once = foreign("sync.Once");
  Type* cond = foreign("sync.Cond");
  Type* smap = foreign("sync.Map");
  Type* egroup = foreign("errgroup.Group");
  Type* ctx = foreign("context.Context");
  Type* tm = foreign("time.Time");
  Type* ai = foreign("atomic.Int64");
  Type* ai32 = foreign("atomic.Int32");
  Type* au64 = foreign("atomic.Uint64");
  Type* au32 = foreign("atomic.Uint32");
  Type* abool = foreign("atomic.Bool");
  Type* avalue = foreign("atomic.Value");
  Type* timer = foreign("time.Timer");
  Type* tick = foreign("time.Ticker");
  foreign("os.File");
  Type* builder = foreign("strings.Builder");
  Type* testing_t = foreign("testing.T");
  auto m = [&](Type* on, const char* name, std::vector<Type*> p, std::vector<Type*> r) {
    on->methods.push_back({name, func_of(std::move(p), std::move(r)), true, true});
  };
  Type* fn0 = func_of({}, {});
  Type* dur = make(K::Named);
  dur->name = "time.Duration";
  dur->local = "Duration";
  dur->under = t_int64_;
  foreign_["time.Duration"] = dur;
  // fmt.Stringer: interface { String() string }, as error is for Error.
  Type* stringer = make(K::Interface);
  stringer->name = "fmt.Stringer";
  stringer->fields.push_back({"String", func_of({}, {t_string_})});
  foreign_["fmt.Stringer"] = stringer;
  // sync.Locker: interface { Lock(); Unlock() } — a sync.Cond's L.
  Type* locker = make(K::Interface);
  locker->name = "sync.Locker";
  locker->fields.push_back({"Lock", fn0});
  locker->fields.push_back({"Unlock", fn0});
  foreign_["sync.Locker"] = locker;
  m(wg, "Add", {t_int_}, {});
  m(wg, "Done", {}, {});
  m(wg, "Wait", {}, {});
  m(wg, "Go", {fn0}, {});
  for (Type* t2 : {mu, rw}) {
    m(t2, "Lock", {}, {});
    m(t2, "Unlock", {}, {});
    m(t2, "TryLock", {}, {t_bool_});
  }
  m(rw, "RLock", {}, {});
  m(rw, "RUnlock", {}, {});
  m(rw, "RLocker", {}, {locker});
  // sync.Cond: a field L (a sync.Locker, read and set as any field) and the support library's
  // Cond behind it (G.newcond, G.condv).
  cond->fields.push_back({"L", locker});
  m(cond, "Wait", {}, {});
  m(cond, "Signal", {}, {});
  m(cond, "Broadcast", {}, {});
  m(once, "Do", {fn0}, {});
  Type* errfn = func_of({}, {t_error_});
  m(egroup, "Go", {errfn}, {});
  m(egroup, "TryGo", {errfn}, {t_bool_});
  m(egroup, "Wait", {}, {t_error_});
  m(egroup, "SetLimit", {t_int_}, {});
  m(smap, "Load", {t_any_}, {t_any_, t_bool_});
  m(smap, "Store", {t_any_, t_any_}, {});
  m(smap, "LoadOrStore", {t_any_, t_any_}, {t_any_, t_bool_});
  m(smap, "LoadAndDelete", {t_any_}, {t_any_, t_bool_});
  m(smap, "Delete", {t_any_}, {});
  m(smap, "Range", {func_of({t_any_, t_any_}, {t_bool_})}, {});
  m(ctx, "Done", {}, {chan_of(make(K::Struct), ChanDir::Recv)});
  m(ctx, "Err", {}, {t_error_});
  m(ctx, "Value", {t_any_}, {t_any_});
  m(tm, "Sub", {tm}, {dur});
  m(tm, "Add", {dur}, {tm});
  m(tm, "Before", {tm}, {t_bool_});
  m(tm, "After", {tm}, {t_bool_});
  // time.Timer and time.Ticker: the field C and Stop/Reset (Go 1.19's, Reset without draining).
  for (Type* t2 : {timer, tick}) t2->fields.push_back({"C", chan_of(tm, ChanDir::Recv)});
  m(timer, "Stop", {}, {t_bool_});
  m(timer, "Reset", {dur}, {t_bool_});
  m(tick, "Stop", {}, {});
  // strings.Builder: also a writer for fmt.Fprint* (see builder_writer).
  m(builder, "WriteString", {t_string_}, {t_int_, t_error_});
  m(builder, "WriteByte", {byte_t}, {t_error_});
  m(builder, "WriteRune", {rune_t}, {t_int_, t_error_});
  m(builder, "String", {}, {t_string_});
  m(builder, "Len", {}, {t_int_});
  m(builder, "Reset", {}, {});
  m(builder, "Grow", {t_int_}, {});
  for (Type* a : {ai, ai32, au64, au32, abool, avalue}) {
    Type* v = a == ai      ? t_int64_
              : a == ai32  ? t_int32_
              : a == au64  ? t_uint64_
              : a == au32  ? t_uint32_
              : a == abool ? t_bool_
                           : t_any_;
    if (a != abool && a != avalue) m(a, "Add", {v}, {v});
    m(a, "Load", {}, {v});
    m(a, "Store", {v}, {});
    m(a, "Swap", {v}, {v});
    m(a, "CompareAndSwap", {v, v}, {t_bool_});
  }
  // testing.T (of a _test.go file): the methods of the subset, variadic as Go's.
  Type* any_slice = slice_of(t_any_);
  for (const char* n : {"Log", "Error", "Fatal", "Skip"}) {
    testing_t->methods.push_back({n, func_of({any_slice}, {}, true), true, true});
    testing_t->methods.push_back(
        {std::string(n) + "f", func_of({t_string_, any_slice}, {}, true), true, true});
  }
  for (const char* n : {"Fail", "FailNow", "SkipNow", "Helper"}) m(testing_t, n, {}, {});
  m(testing_t, "Failed", {}, {t_bool_});
  m(testing_t, "Skipped", {}, {t_bool_});
  m(testing_t, "Name", {}, {t_string_});
  m(testing_t, "Cleanup", {fn0}, {});
  m(testing_t, "Run", {t_string_, func_of({ptr_to(testing_t)}, {})}, {t_bool_});
  m(testing_t, "Parallel", {}, {});
  dur->methods.push_back({"String", func_of({}, {t_string_}), false, true});
  dur->methods.push_back({"Seconds", func_of({}, {t_float64_}), false, true});
  dur->methods.push_back({"Milliseconds", func_of({}, {t_int64_}), false, true});
  dur->methods.push_back({"Microseconds", func_of({}, {t_int64_}), false, true});
  dur->methods.push_back({"Nanoseconds", func_of({}, {t_int64_}), false, true});
  dur->methods.push_back({"Minutes", func_of({}, {t_float64_}), false, true});
  dur->methods.push_back({"Hours", func_of({}, {t_float64_}), false, true});
}

// ==== types
// =======================================================================================

Type* Compiler::default_type(Type* t) {
  if (t == nullptr) return t_invalid_;
  switch (t->k) {
    case K::UntypedBool:
      return t_bool_;
    case K::UntypedInt:
      return t_int_;
    case K::UntypedRune:
      return lookup("rune")->type;
    case K::UntypedFloat:
      return t_float64_;
    case K::UntypedString:
      return t_string_;
    default:
      return t;
  }
}

Type* Compiler::resolve_type(const Expr* e) {
  if (e == nullptr) return t_invalid_;
  switch (e->kind) {
    case ExprKind::Ident: {
      Obj* o = lookup(e->name);
      if (o == nullptr) {
        error(e->pos, "undefined: " + e->name);
        return t_invalid_;
      }
      if (o->kind != Obj::TypeName) {
        error(e->pos, e->name + " is not a type");
        return t_invalid_;
      }
      o->used = true;
      if (!o->lua.empty() && o->lua[0] == '!') {
        refuse(e->pos, "type " + e->name);
        return t_invalid_;
      }
      return o->type;
    }
    case ExprKind::Selector: {
      if (e->x->kind != ExprKind::Ident) break;
      auto it = imports_.find(e->x->name);
      if (it == imports_.end()) {
        error(e->x->pos, "undefined: " + e->x->name);
        return t_invalid_;
      }
      import_used_[e->x->name] = true;
      if (it->second->pkg[0] == '!') return t_invalid_;  // a refused import
      const std::string full = it->second->pkg + "." + e->name;
      std::string key = full;
      if (full == "sync/atomic.Int64") key = "atomic.Int64";
      if (full == "sync/atomic.Int32") key = "atomic.Int32";
      if (full == "sync/atomic.Uint64") key = "atomic.Uint64";
      if (full == "sync/atomic.Uint32") key = "atomic.Uint32";
      if (full == "sync/atomic.Value") key = "atomic.Value";
      if (full == "sync/atomic.Bool") key = "atomic.Bool";
      if (full == "golang.org/x/sync/errgroup.Group") key = "errgroup.Group";
      if (full == "context.CancelFunc") return func_of({}, {});
      if (full == "context.CancelCauseFunc") return func_of({t_error_}, {});
      auto f = foreign_.find(key);
      if (f != foreign_.end()) return f->second;
      refuse(e->pos, full);
      return t_invalid_;
    }
    case ExprKind::Paren:
      return resolve_type(e->x.get());
    case ExprKind::Star: {
      // A pointer to a struct is the struct's table; to any other value, a box {v = value}.
      Type* el = resolve_type(e->x.get());
      return ptr_to(el);
    }
    case ExprKind::ArrayType: {
      if (!e->y) return slice_of(resolve_type(e->x.get()));
      if (e->y->kind == ExprKind::Ellipsis) {  // [...]T outside a composite literal
        error(e->pos, "invalid use of [...] array (outside a composite literal)");
        return t_invalid_;
      }
      const std::int64_t n = array_len(*e->y);
      Type* el = resolve_type(e->x.get());
      if (n < 0 || el->k == K::Invalid) return t_invalid_;
      // Its zero value is a Lua table of every element: a bound keeps it allocatable.
      const std::int64_t c = cells(el);
      if (c > (std::int64_t{1} << 24) || n > (std::int64_t{1} << 24) / c) {
        refuse(e->y->pos, "an array of more than 16777216 elements in all");
        return t_invalid_;
      }
      return array_of(el, n);
    }
    case ExprKind::MapType: {
      Type* t = make(K::Map);
      t->key = resolve_type(e->x.get());
      t->elem = resolve_type(e->y.get());
      const Type* ku = underlying(t->key);
      if (ku->k == K::Invalid) return t;
      if (!comparable(t->key)) {
        Pos at = e->x->pos;
        if (e->x->kind == ExprKind::FuncType) at.col += 4;  // gc's func type is at its "("
        error(at, "invalid map key type " + type_string(t->key));
      } else if (has_foreign(t->key)) {
        refuse(e->x->pos, "map key type " + type_string(t->key));
      }
      return t;
    }
    case ExprKind::ChanType:
      return chan_of(resolve_type(e->x.get()), e->dir);
    case ExprKind::FuncType: {
      Type* t = make(K::Func);
      for (const Field& f : e->params) {
        const Expr* te = f.type.get();
        if (te->kind == ExprKind::Ellipsis) {
          t->variadic = true;
          te = te->x.get();
          Type* st = slice_of(resolve_type(te));
          for (std::size_t i = 0; i < std::max<std::size_t>(1, f.names.size()); ++i)
            t->params.push_back(st);
          continue;
        }
        Type* pt = resolve_type(te);
        for (std::size_t i = 0; i < std::max<std::size_t>(1, f.names.size()); ++i)
          t->params.push_back(pt);
      }
      for (const Field& f : e->results) {
        Type* rt = resolve_type(f.type.get());
        for (std::size_t i = 0; i < std::max<std::size_t>(1, f.names.size()); ++i)
          t->results.push_back(rt);
      }
      return t;
    }
    case ExprKind::StructType: {
      Type* t = make(K::Struct);
      for (const Field& f : e->fields) {
        if (f.names.empty()) {
          // An embedded field: T, *T or pkg.T, named after its type.
          const Expr* te = f.type.get();
          if (te->kind == ExprKind::Star) te = te->x.get();
          const std::string name = te->kind == ExprKind::Ident      ? te->name
                                   : te->kind == ExprKind::Selector ? te->name
                                                                    : std::string();
          Type* ft = resolve_type(f.type.get());
          if (name.empty()) {
            error(f.pos, "embedded field type must be a type name");
            continue;
          }
          const Type* named = ft->k == K::Pointer ? ft->elem : ft;
          if (named != nullptr && underlying(named)->k == K::Pointer) {
            error(f.pos, "embedded field type cannot be a pointer to a pointer");
            continue;
          }
          t->fields.push_back({name, ft, true});
          continue;
        }
        Type* ft = resolve_type(f.type.get());
        for (const auto& n : f.names) t->fields.push_back({n, ft});
      }
      return t;
    }
    case ExprKind::InterfaceType: {
      Type* t = make(K::Interface);
      for (const Field& f : e->fields) {
        if (f.names.empty()) {
          Type* emb = resolve_type(f.type.get());
          const Type* u = underlying(emb);
          if (u->k == K::Interface) {
            for (const auto& m : u->fields) t->fields.push_back(m);
          } else if (u->k != K::Invalid) {
            refuse(f.pos, "embedded non-interface type");
          }
          continue;
        }
        t->fields.push_back({f.names[0], resolve_type(f.type.get())});
      }
      std::sort(t->fields.begin(), t->fields.end(),
                [](const Member& a, const Member& b) { return a.name < b.name; });
      return t;
    }
    case ExprKind::Ellipsis:
      error(e->pos, "invalid use of ...");
      return t_invalid_;
    default:
      break;
  }
  error(e->pos, "not a type");
  return t_invalid_;
}

Method* Compiler::find_method(Type* t, const std::string& name, bool* via_ptr) {
  *via_ptr = false;
  if (t == nullptr) return nullptr;
  Type* base = t;
  if (t->k == K::Pointer) {
    base = t->elem;
    *via_ptr = true;
  }
  if (base == nullptr || (base->k != K::Named && base->k != K::Foreign)) return nullptr;
  for (auto& m : base->methods) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

const std::vector<Compiler::Promoted>& Compiler::promoted(Type* named) {
  if (const auto it = promoted_.find(named); it != promoted_.end()) return it->second;
  std::vector<Promoted>& out = promoted_[named];
  const Type* u = underlying(named);
  if (u->k != K::Struct) return out;
  // The candidates: every method name of every embedded type, a few levels down.
  std::set<std::string> names;
  std::vector<std::pair<const Type*, int>> todo = {{u, 0}};
  while (!todo.empty()) {
    const auto [st, level] = todo.back();
    todo.pop_back();
    for (const auto& f : st->fields) {
      if (!f.embedded || level >= 8) continue;
      const Type* ft = f.type->k == K::Pointer ? f.type->elem : f.type;
      if (ft == nullptr) continue;
      for (const auto& m : ft->methods) names.insert(m.name);
      const Type* fu = underlying(ft);
      if (fu->k == K::Interface) {
        for (const auto& m : fu->fields) names.insert(m.name);
      } else if (fu->k == K::Struct) {
        todo.emplace_back(fu, level + 1);
      }
    }
  }
  X recv;
  recv.mode = X::Value;
  recv.t = named;
  recv.code = "r";
  recv.addressable = true;
  for (const std::string& name : names) {
    Expr sel;
    sel.kind = ExprKind::Selector;
    sel.name = name;
    int depth = 0;
    member_needs_addr_ = false;
    const X x = member(recv, sel, true, 0, &depth);
    if (x.mode == X::Invalid || !x.is_method || depth == 0) continue;
    std::string args = x.recv_code;
    for (const auto& a : x.call_args) args += ", " + a;
    out.push_back({name, x.t, member_needs_addr_,
                   "function(r, ...) return " + x.method_fn + "(" + args + ", ...) end"});
  }
  return out;
}

bool Compiler::implements(Type* t, Type* iface, std::string* missing) {
  const Type* iu = underlying(iface);
  for (const auto& m : iu->fields) {
    if (underlying(t)->k == K::Interface) {
      bool found = false;
      for (const auto& m2 : underlying(t)->fields)
        found = found || (m2.name == m.name && identical(m2.type, m.type));
      if (!found) {
        *missing = m.name;
        return false;
      }
      continue;
    }
    bool via_ptr = false;
    Method* mm = find_method(t, m.name, &via_ptr);
    if (mm == nullptr) {
      // A method promoted from an embedded field.
      Type* base = t->k == K::Pointer ? t->elem : t;
      const Promoted* p = nullptr;
      if (base != nullptr && base->k == K::Named) {
        for (const Promoted& q : promoted(base))
          if (q.name == m.name) p = &q;
      }
      if (p != nullptr && identical(p->sig, m.type)) {
        if (p->needs_addr && t->k != K::Pointer) {
          *missing = m.name + " (method " + m.name + " has pointer receiver)";
          return false;
        }
        continue;
      }
    }
    if (mm == nullptr || !identical(mm->sig, m.type)) {
      *missing = m.name;
      return false;
    }
    // A package's methods are taken as value methods but for the locks' (a sync.Mutex value
    // is no sync.Locker: its Lock has a pointer receiver).
    const bool lock_value = t->name == "sync.Mutex" || t->name == "sync.RWMutex";
    if (mm->ptr_recv && !via_ptr && (!mm->foreign || lock_value)) {
      *missing = m.name + " (method " + m.name + " has pointer receiver)";
      return false;
    }
  }
  return true;
}

bool Compiler::assignable(X& x, Type* to) {
  Type* v = x.t;
  if (v == nullptr || to == nullptr) return false;
  if (v->k == K::Invalid || to->k == K::Invalid) return true;
  const Type* tu = underlying(to);
  if (v->k == K::UntypedNil) {
    switch (tu->k) {
      case K::Pointer:
      case K::Slice:
      case K::Map:
      case K::Chan:
      case K::Func:
      case K::Interface:
        return true;
      case K::Foreign:
        return to->name == "context.Context";
      default:
        return false;
    }
  }
  if (is_untyped(v)) {
    if (x.mode == X::Const && x.cv.k == CV::Float && !std::isfinite(x.cv.f))
      return false;  // past float64's range (its default type, or the float type wanted)
    if (x.mode == X::Const && x.cv.k == CV::Int) {
      // An integer constant must be a value of the type, or, into an interface, of its
      // default type (int, or rune's int32).
      const Type* in = tu->k == K::Interface ? default_type(v) : tu;
      if (is_integer(in) && !is_untyped(in) && !int_fits(x.cv, in)) return false;
      if (int_overflows_float(x.cv, in)) return false;
    }
    if (tu->k == K::Interface) return tu->fields.empty() || false;
    if (v->k == K::UntypedBool) return tu->k == K::Bool;
    if (v->k == K::UntypedString) return tu->k == K::String;
    if (x.mode == X::Const && is_integer(tu) && !is_untyped(tu) && is_unsigned(tu) &&
        x.cv.k == CV::Float && x.cv.f < 0)
      return false;  // a negative constant overflows an unsigned type
    if (v->k == K::UntypedFloat) {
      if (is_f32(tu) && x.mode == X::Const && x.cv.k == CV::Float && overflows_f32(x.cv.f))
        return false;
      if (is_float(tu)) return true;
      if (is_integer(tu) && x.mode == X::Const && x.cv.k == CV::Float && integral(x.cv))
        return is_untyped(tu) || int_fits(whole(x.cv), tu);
      return false;
    }
    return is_numeric(tu);
  }
  if (identical(v, to)) return true;
  const Type* vu = underlying(v);
  if (tu->k == K::Interface) {
    std::string missing;
    return implements(v, to, &missing);
  }
  if ((v->k != K::Named || to->k != K::Named) && identical(vu, tu) && v->k != K::Foreign)
    return true;
  if (vu->k == K::Chan && tu->k == K::Chan && vu->dir == ChanDir::Both &&
      identical(vu->elem, tu->elem) && (v->k != K::Named || to->k != K::Named)) {
    return true;
  }
  return false;
}

// The alignment of a value of type t in Go (a 64-bit machine): its widest part's, at most 8.
int Compiler::elem_align(Type* t) {
  const Type* u = underlying(t);
  if (u->k == K::Array) return elem_align(u->elem);
  if (u->k != K::Struct) return std::min(kind_size(u->k), 8);
  int a = 1;
  for (const auto& f : u->fields) a = std::max(a, elem_align(f.type));
  return a;
}

int Compiler::elem_size(Type* t) {
  const Type* u = underlying(t);
  if (u->k == K::Array) return static_cast<int>(u->len) * elem_size(u->elem);
  if (u->k != K::Struct) return kind_size(u->k);
  int n = 0;
  int align = 1;
  for (const auto& f : u->fields) {
    const int s = elem_size(f.type);
    const int a = elem_align(f.type);
    align = std::max(align, a);
    if (a > 0) n = (n + a - 1) / a * a;
    n += s;
  }
  return (n + align - 1) / align * align;
}

// The index of t's Lua descriptor (TD[n]), made on first use.
int Compiler::desc(Type* t) {
  if (t == nullptr) return 0;
  for (std::size_t i = 0; i < descs_.size(); ++i) {
    if (descs_[i] == t || (t->k != K::Named && identical(descs_[i], t)))
      return static_cast<int>(i + 1);
  }
  descs_.push_back(t);
  const int n = static_cast<int>(descs_.size());
  // Make the descriptors of the parts too (they are referenced from this one).
  const Type* u = t;
  if (t->k == K::Named) desc(t->under);
  if (u->elem) desc(u->elem);
  if (u->key) desc(u->key);
  for (const auto& f : u->fields) {
    if (u->k == K::Struct) desc(f.type);
  }
  return n;
}

std::string Compiler::zero(Type* t, const std::string& name) {
  const Type* u = underlying(t);
  if (u == nullptr) return "nil";  // no type: an error was reported, the chunk will not run
  switch (u->k) {
    case K::Bool:
      return "false";
    case K::Float32:
    case K::Float64:
      return "0.0";
    case K::String:
      return "\"\"";
    case K::Struct:
      return "G.z(TD[" + std::to_string(desc(t)) + "], " + lua_quote(name) + ")";
    case K::Array:
      return "G.za(TD[" + std::to_string(desc(t)) + "], " + lua_quote(name) + ")";
    case K::Foreign:
      if (u->name == "sync.WaitGroup") return "waitgroup(" + lua_quote(name) + ")";
      if (u->name == "sync.Mutex") return "mutex(" + lua_quote(name) + ")";
      if (u->name == "sync.RWMutex") return "rwmutex(" + lua_quote(name) + ")";
      if (u->name == "sync.Once") return "G.once()";
      if (u->name == "sync.Cond") return "G.condv(" + lua_quote(name) + ")";
      if (u->name == "strings.Builder") return "G.builder()";
      if (u->name == "sync.Map") return "G.smap()";
      if (u->name == "errgroup.Group") return "G.egroup(" + lua_quote(name) + ")";
      if (u->name == "atomic.Int64" || u->name == "atomic.Int32" || u->name == "atomic.Uint64" ||
          u->name == "atomic.Uint32" || u->name == "atomic.Bool")
        return "atomic(0, " + lua_quote(name) + ")";
      if (u->name == "atomic.Value") return "G.avalue()";
      if (u->name == "time.Time") return "0";
      return "nil";
    default:
      if (is_integer(u)) return "0";
      return "nil";
  }
}

std::string Compiler::const_code(const CV& cv, Type* t) {
  switch (cv.k) {
    case CV::Bool:
      return cv.b ? "true" : "false";
    case CV::Str:
      return lua_quote(cv.s);
    case CV::Int:
      if (t != nullptr && is_f32(t)) {
        CV f = cv;
        set_float32(f);
        return const_code(f, t);
      }
      if (t != nullptr && is_float(t)) {
        CV f;
        set_float(f, exact(cv));
        return const_code(f, t);
      }
      if (cv.i == INT64_MIN) return "math.mininteger";
      return std::to_string(cv.i);
    case CV::Float: {
      if (t != nullptr && is_integer(t)) {  // a whole float as an integer, exactly
        CV n;
        set_int(n, whole(cv));
        return const_code(n, t);
      }
      const double v = t != nullptr && is_f32(t) ? round_f32(cv.f) : cv.f;
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.17g", v);
      std::string s = buf;
      if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
      if (s == "inf") return "math.huge";
      if (s == "-inf") return "(-math.huge)";
      return s;
    }
    default:
      return "nil";
  }
}

std::string Compiler::wrap_int(Type* t, const std::string& code) {
  switch (underlying(t)->k) {
    case K::Int8:
      return "G.w8(" + code + ")";
    case K::Int16:
      return "G.w16(" + code + ")";
    case K::Int32:
      return "G.w32(" + code + ")";
    case K::Uint8:
      return "((" + code + ") & 0xFF)";
    case K::Uint16:
      return "((" + code + ") & 0xFFFF)";
    case K::Uint32:
      return "((" + code + ") & 0xFFFFFFFF)";
    case K::Float32:
      return "G.f32(" + code + ")";
    default:
      return code;
  }
}

std::string Compiler::copy_if_struct(X& x) {
  if (!x.fresh && underlying(x.t)->k == K::Struct)
    return "G.cp(TD[" + std::to_string(desc(x.t)) + "], " + x.code + ")";
  if (!x.fresh && underlying(x.t)->k == K::Array)
    return "G.acp(TD[" + std::to_string(desc(x.t)) + "], " + x.code + ")";
  if (!x.fresh && underlying(x.t)->k == K::Foreign && underlying(x.t)->name == "sync.Cond")
    return "G.condcp(" + x.code + ")";  // go vet's "copies lock value"; Go's copy check
  return x.code;
}

// The value of x as a value of type `to`: constants take their typed form, structs are copied,
// concrete values going into an interface are boxed with their type's descriptor.
std::string Compiler::convert(X& x, Type* to) {
  if (to == nullptr || x.t == nullptr) return x.code;
  const Type* tu = underlying(to);
  if (x.mode == X::Const) {
    Type* ct = is_untyped(x.t) ? default_type(x.t) : x.t;
    if (tu->k == K::Interface) {
      return "G.box(TD[" + std::to_string(desc(ct)) + "], " + const_code(x.cv, ct) + ")";
    }
    return const_code(x.cv, to);
  }
  if (x.t->k == K::UntypedNil) return "nil";
  if (tu->k == K::Interface && underlying(x.t)->k != K::Interface) {
    Type* vt = default_type(x.t);
    return "G.box(TD[" + std::to_string(desc(vt)) + "], " + copy_if_struct(x) + ")";
  }
  return copy_if_struct(x);
}

void Compiler::need_value(X& x, Pos p) {
  if (x.mode == X::TypeExpr) {
    error(p, type_string(x.t) + " (type) is not an expression");
    x.mode = X::Invalid;
  } else if (x.mode == X::NoValue) {
    error(p, (x.e ? "function call" : std::string("expression")) + " (no value) used as value");
    x.mode = X::Invalid;
  } else if (x.mode == X::Multi) {
    error(p, "multiple-value in single-value context");
    x.mode = X::Invalid;
  } else if (x.mode == X::BuiltinFn || x.mode == X::PkgName) {
    error(p, "use of " + std::string(x.mode == X::PkgName ? "package " : "builtin ") + x.code +
                 " without " + (x.mode == X::PkgName ? "selector" : "call"));
    x.mode = X::Invalid;
  }
  if (x.pkg_call && (x.pkg_fn.rfind("slices.", 0) == 0 || x.pkg_fn.rfind("maps.", 0) == 0)) {
    // gc names the expression at its start (the package name).
    const Expr* first = x.e;
    while (first != nullptr && first->kind == ExprKind::Selector) first = first->x.get();
    error(first != nullptr ? first->pos : p,
          "cannot use generic function " + x.pkg_fn + " without instantiation");
    x.mode = X::Invalid;
  }
  if (x.mode == X::Invalid) {
    x.t = t_invalid_;
    if (x.code.empty()) x.code = "nil";
  }
}

// ==== declarations
// ================================================================================

std::string Compiler::value_spec(const ValueSpec& vs, bool is_const, bool local,
                                 const ValueSpec* prev) {
  std::string code;
  Type* declared = vs.type ? resolve_type(vs.type.get()) : nullptr;
  if (is_const) {
    const std::vector<ExprP>& values =
        vs.values.empty() && prev != nullptr ? prev->values : vs.values;
    if (vs.values.empty() && prev != nullptr && prev->type)
      declared = resolve_type(prev->type.get());
    if (values.size() != vs.names.size()) {
      error(vs.pos, values.size() < vs.names.size() ? "missing init expr for const declaration"
                                                    : "extra init expr");
    }
    iota_ = vs.iota;
    for (std::size_t i = 0; i < vs.names.size(); ++i) {
      X x;
      if (i < values.size()) x = value(*values[i], declared);
      if (x.mode != X::Const && x.mode != X::Invalid) {
        error(i < values.size() ? values[i]->pos : vs.pos,
              x.code + " (value of type " + type_string(x.t) + ") is not constant");
        x.mode = X::Invalid;
      }
      Type* t = x.mode == X::Invalid ? nullptr : declared ? declared : x.t;
      if (declared && x.mode == X::Const && !assignable(x, declared)) {
        error(start_of(*values[i]), cannot_use(x, *values[i], declared, "constant declaration"));
      }
      // A typed float constant holds a value of its type: 0.1 as a float64 is rounded.
      if (x.mode == X::Const && declared && is_f32(declared)) {
        set_float32(x.cv);
      } else if (x.mode == X::Const && declared && is_float(declared)) {
        if (x.cv.k == CV::Int) set_float(x.cv, exact(x.cv));
        if (x.cv.k == CV::Float) set_float(x.cv, x.cv.f);
      }
      Obj* o = declare(Obj::Const, vs.names[i], t ? t : t_invalid_, vs.name_pos[i], local);
      o->cv = x.cv;
      o->used = true;
    }
    iota_ = -1;
    return code;
  }
  // var
  std::vector<X> xs;
  bool multi = false;
  if (vs.values.size() == 1 && vs.names.size() > 1) {
    X x = expr(*vs.values[0]);
    if (x.mode == X::Multi || !x.ok_code.empty()) {
      std::vector<Type*> ts;
      if (x.mode == X::Multi) {
        ts = x.t->results;
      } else {
        ts = {x.t, t_bool_};
        x.code = x.ok_code;
      }
      if (ts.size() != vs.names.size()) {
        error(start_of(*vs.values[0]), "assignment mismatch: " + std::to_string(vs.names.size()) +
                                           " variables but " + callee_name(*vs.values[0]) +
                                           " returns " + std::to_string(ts.size()) + " value" +
                                           (ts.size() == 1 ? "" : "s"));
      }
      multi = true;
      std::string names;
      std::vector<Obj*> objs;
      for (std::size_t i = 0; i < vs.names.size(); ++i) {
        Type* t = declared ? declared : (i < ts.size() ? default_type(ts[i]) : t_invalid_);
        Obj* o = declare(Obj::Var, vs.names[i], t, vs.name_pos[i], local);
        if (!local) o->used = true;
        names += (i ? ", " : "") + o->lua;
        objs.push_back(o);
      }
      return (local ? "local " : "") + names + " = " + x.code + boxes(objs);
    }
    xs.push_back(std::move(x));
  } else {
    for (std::size_t i = 0; i < vs.values.size(); ++i) {
      if (!mismatch_checked(*vs.values[i], vs.names.size(), vs.values.size())) return "";
      if (i < vs.names.size()) hint_name(vs.values[i].get(), vs.names[i]);
      xs.push_back(value(*vs.values[i], declared));
    }
  }
  (void)multi;
  if (!vs.values.empty() && xs.size() != vs.names.size()) {
    // gc's words and place: at the first value, naming the function when it is one call.
    const Expr* first = vs.values[0].get();
    while (first->kind == ExprKind::Paren) first = first->x.get();
    const std::string returns = vs.values.size() == 1 && first->kind == ExprKind::Call
                                    ? callee_name(*first) + " returns "
                                    : "";
    error(start_of(*vs.values[0]), "assignment mismatch: " + std::to_string(vs.names.size()) +
                                       " variable" + (vs.names.size() == 1 ? "" : "s") + " but " +
                                       returns + std::to_string(xs.size()) + " value" +
                                       (xs.size() == 1 ? "" : "s"));
  }
  std::vector<std::string> vals;
  std::vector<Obj*> objs;
  for (std::size_t i = 0; i < vs.names.size(); ++i) {
    Type* t = declared;
    std::string v;
    if (i < xs.size()) {
      X& x = xs[i];
      need_value(x, vs.values[i]->pos);
      if (t == nullptr) {
        if (x.t->k == K::UntypedNil) {
          error(vs.values[i]->pos, "use of untyped nil in variable declaration");
        }
        t = default_type(x.t);
        if (!assignable(x, t))  // a constant past its default type's range
          error(start_of(*vs.values[i]), cannot_use(x, *vs.values[i], t, "variable declaration"));
      } else if (!assignable(x, t)) {
        error(start_of(*vs.values[i]), cannot_use(x, *vs.values[i], t, "variable declaration"));
      }
      v = convert(x, t);
    } else {
      // No value and no type: the count mismatch was reported above.
      v = t != nullptr ? zero(t, vs.names[i]) : "nil";
    }
    vals.push_back(v);
    Obj* o = declare(Obj::Var, vs.names[i], t ? t : t_invalid_, vs.name_pos[i], local);
    if (!local) o->used = true;
    objs.push_back(o);
  }
  std::string names, values;
  for (std::size_t i = 0; i < objs.size(); ++i) {
    names += (i ? ", " : "") + objs[i]->lua;
    values += (i ? ", " : "") + vals[i];
  }
  return (local ? "local " : "") + names + " = " + values + boxes(objs);
}

std::string Compiler::expr_string(const Expr* e) {
  if (e == nullptr) return "";
  switch (e->kind) {
    case ExprKind::Ident:
      return e->name;
    case ExprKind::BasicLit:
      return e->text;
    case ExprKind::Paren:
      return "(" + expr_string(e->x.get()) + ")";
    case ExprKind::Selector:
      return expr_string(e->x.get()) + "." + e->name;
    case ExprKind::Index:
      return expr_string(e->x.get()) + "[" + expr_string(e->y.get()) + "]";
    case ExprKind::Slice:
      return expr_string(e->x.get()) + "[" + expr_string(e->y.get()) + ":" +
             expr_string(e->z.get()) + "]";
    case ExprKind::TypeAssert:
      return expr_string(e->x.get()) + ".(" + (e->y ? expr_string(e->y.get()) : "type") + ")";
    case ExprKind::Call: {
      std::string s = expr_string(e->x.get()) + "(";
      for (std::size_t i = 0; i < e->args.size(); ++i)
        s += (i ? ", " : "") + expr_string(e->args[i].get());
      return s + (e->ellipsis ? "...)" : ")");
    }
    case ExprKind::Star:
      return "*" + expr_string(e->x.get());
    case ExprKind::Unary:
      return e->name + expr_string(e->x.get());
    case ExprKind::Binary:
      return expr_string(e->x.get()) + " " + e->name + " " + expr_string(e->y.get());
    case ExprKind::KeyValue:
      return expr_string(e->x.get()) + ": " + expr_string(e->y.get());
    case ExprKind::CompositeLit:
      return expr_string(e->x.get()) + (e->args.empty() ? "{}" : "{…}");
    case ExprKind::FuncLit:
      return "func literal";
    case ExprKind::ArrayType:
      if (e->y && e->y->kind == ExprKind::Ellipsis) return "[...]" + expr_string(e->x.get());
      return "[" + (e->y ? expr_string(e->y.get()) : "") + "]" + expr_string(e->x.get());
    case ExprKind::MapType:
      return "map[" + expr_string(e->x.get()) + "]" + expr_string(e->y.get());
    case ExprKind::ChanType:
      return "chan " + expr_string(e->x.get());
    default:
      return "expression";
  }
}

// Go's description of an operand in messages: `5 (untyped int constant)`, `x (variable of type
// string)`, `f() (value of type int)`.
std::string Compiler::describe_x(const X& x, const Expr& e) {
  const std::string s = expr_string(&e);
  if (x.t != nullptr && x.t->k == K::UntypedNil) return "nil";
  if (x.mode == X::Const) {
    // A constant's value is shown where it is not what is written: 0x1FF (untyped int constant
    // 511), c (constant 300 of type int).
    std::string v;
    if (x.cv.k == CV::Float) v = float_const_string(x.cv);
    if (x.cv.k == CV::Int) v = int_string(x.cv);
    if (x.cv.k == CV::Str) v = go_constant_string(x.cv.s);
    if (x.cv.k == CV::Bool) v = x.cv.b ? "true" : "false";
    const std::string val = v.empty() || v == s ? "" : " " + v;
    if (is_untyped(x.t)) return s + " (" + type_string(x.t) + " constant" + val + ")";
    return s + " (constant" + val + " of type " + type_string(x.t) + ")";
  }
  // A comparison's result before it takes a type: x == y (untyped bool value).
  if (x.t != nullptr && is_untyped(x.t)) return s + " (" + type_string(x.t) + " value)";
  if (x.map_index) return s + " (map index expression of type " + type_string(x.t) + ")";
  // A variable, or a part of one gc counts as a variable (t.n, s[i], *p).
  if ((x.obj != nullptr && x.obj->kind == Obj::Var) || x.addressable)
    return s + " (variable of type " + type_string(x.t) + ")";
  return s + " (value of type " + type_string(x.t) + ")";
}

std::string Compiler::callee_name(const Expr& e) {
  const Expr* f = &e;
  if (f->kind == ExprKind::Call) f = f->x.get();
  return expr_string(f);
}

bool Compiler::has_break(const Stmt& s, const std::string& label, bool top) {
  // Does `s` contain a break that leaves the enclosing statement (for terminating analysis)?
  switch (s.kind) {
    case StmtKind::Break:
      return (s.op.empty() && top) || (!s.op.empty() && s.op == label);
    case StmtKind::Block:
      for (const auto& x : s.body->stmts)
        if (has_break(*x, label, top)) return true;
      return false;
    case StmtKind::If:
      for (const auto& x : s.body->stmts)
        if (has_break(*x, label, top)) return true;
      return s.els && has_break(*s.els, label, top);
    case StmtKind::Labeled:
      return has_break(*s.labeled, label, top);
    case StmtKind::For:
    case StmtKind::Range:
      for (const auto& x : s.body->stmts)
        if (has_break(*x, label, false)) return true;
      return false;
    case StmtKind::Switch:
    case StmtKind::TypeSwitch:
    case StmtKind::Select:
      for (const auto& c : s.clauses)
        for (const auto& x : c.body)
          if (has_break(*x, label, false)) return true;
      return false;
    default:
      return false;
  }
}

bool Compiler::terminates_list(const std::vector<StmtP>& ss) {
  for (auto it = ss.rbegin(); it != ss.rend(); ++it) {
    if ((*it)->kind == StmtKind::Empty) continue;
    return terminates(**it);
  }
  return false;
}

// The specification's "terminating statements".
bool Compiler::terminates(const Stmt& s) {
  switch (s.kind) {
    case StmtKind::Return:
    case StmtKind::Goto:
      return true;
    case StmtKind::Expr: {
      const Expr* e = s.lhs[0].get();
      if (e->kind == ExprKind::Call && e->x->kind == ExprKind::Ident && e->x->name == "panic")
        return true;
      if (e->kind == ExprKind::Call && e->x->kind == ExprKind::Selector &&
          e->x->x->kind == ExprKind::Ident && e->x->x->name == "os" && e->x->name == "Exit")
        return true;
      return false;
    }
    case StmtKind::Block:
      return terminates_list(s.body->stmts);
    case StmtKind::If:
      return s.els && terminates_list(s.body->stmts) && terminates(*s.els);
    case StmtKind::Labeled:
      if (s.labeled->kind == StmtKind::For || s.labeled->kind == StmtKind::Switch ||
          s.labeled->kind == StmtKind::TypeSwitch || s.labeled->kind == StmtKind::Select) {
        const Stmt& l = *s.labeled;
        if (l.kind == StmtKind::For) return !l.cond && !has_break(l, s.op, true);
        bool has_default = l.kind == StmtKind::Select;
        for (const auto& c : l.clauses) {
          if (c.is_default) has_default = true;
          if (!terminates_list(c.body) &&
              !(c.body.size() && c.body.back()->kind == StmtKind::Fallthrough))
            return false;
          for (const auto& x : c.body)
            if (has_break(*x, s.op, true)) return false;
        }
        return has_default;
      }
      return terminates(*s.labeled);
    case StmtKind::For:
      return !s.cond && !has_break(s, "", true);
    case StmtKind::Switch:
    case StmtKind::TypeSwitch:
    case StmtKind::Select: {
      bool has_default = s.kind == StmtKind::Select;
      for (const auto& c : s.clauses) {
        if (c.is_default) has_default = true;
        if (!terminates_list(c.body) &&
            !(c.body.size() && c.body.back()->kind == StmtKind::Fallthrough))
          return false;
        for (const auto& x : c.body)
          if (has_break(*x, "", true)) return false;
      }
      return has_default;
    }
    default:
      return false;
  }
}

namespace {
// Whether a statement of kind k is among ss, nested ones counted (not in function literals).
bool contains_kind(const std::vector<StmtP>& ss, StmtKind k);
bool contains_kind(const Stmt& s, StmtKind k) {
  if (s.kind == k) return true;
  switch (s.kind) {
    case StmtKind::Block:
    case StmtKind::For:
    case StmtKind::Range:
      return contains_kind(s.body->stmts, k);
    case StmtKind::If:
      return contains_kind(s.body->stmts, k) || (s.els && contains_kind(*s.els, k));
    case StmtKind::Labeled:
      return contains_kind(*s.labeled, k);
    case StmtKind::Switch:
    case StmtKind::TypeSwitch:
    case StmtKind::Select:
      for (const auto& c : s.clauses)
        if (contains_kind(c.body, k)) return true;
      return false;
    default:
      return false;
  }
}
bool contains_kind(const std::vector<StmtP>& ss, StmtKind k) {
  for (const auto& s : ss)
    if (contains_kind(*s, k)) return true;
  return false;
}
}  // namespace

std::string Compiler::func_body(const Expr* ftype, Type* sig, const Field* recv, Type* recv_t,
                                const Block& body, const std::string& goname) {
  FnCtx ctx;
  ctx.sig = sig;
  ctx.name = goname;
  FnCtx* saved = fn_;
  fn_ = &ctx;
  push_scope();
  std::string params;
  std::string boxed_params;  // a parameter whose address is taken: copied into a box at entry
  auto add_param = [&](const std::string& name, Type* t, Pos p) {
    Obj* o = declare(Obj::Var, name.empty() ? "_" : name, t, p, true);
    o->used = true;
    std::string lua = o->lua;
    if (lua == "_") lua = tmp();
    params += (params.empty() ? "" : ", ") + lua;
    boxed_params += boxes({o});
  };
  if (recv != nullptr) add_param(recv->names.empty() ? "" : recv->names[0], recv_t, recv->pos);
  std::size_t pi = 0;
  for (const Field& f : ftype->params) {
    if (f.names.empty()) {
      add_param("", sig->params[pi++], f.pos);
    } else {
      for (std::size_t i = 0; i < f.names.size(); ++i)
        add_param(f.names[i], sig->params[pi++], f.name_pos[i]);
    }
  }
  std::string head = boxed_params;
  std::size_t ri = 0;
  for (const Field& f : ftype->results) {
    for (std::size_t i = 0; i < f.names.size(); ++i) {
      Obj* o = declare(Obj::Var, f.names[i], sig->results[ri], f.name_pos[i], true);
      o->used = true;
      if (o->lua == "_") o->lua = tmp();
      ctx.results.push_back(o->lua);
      head += " local " + o->lua + " = " + zero(sig->results[ri], f.names[i]);
      ++ri;
      ctx.named_results = true;
    }
  }
  ctx.defer_mode = contains_kind(body.stmts, StmtKind::Defer);
  ctx.has_goto = contains_kind(body.stmts, StmtKind::Goto);
  if (ctx.defer_mode && !ctx.named_results) {
    for (std::size_t i = 0; i < sig->results.size(); ++i) {
      ctx.results.push_back("__r" + std::to_string(i + 1));
      head += " local __r" + std::to_string(i + 1) + " = " + zero(sig->results[i]);
    }
  }
  // Go's name in a traceback: "main.main()", "main.(*Stack).Pop(...)" (its arguments elided).
  funcs_ += std::to_string(ftype->pos.line) + " " + std::to_string(body.end_line) + " " + goname +
            (params.empty() ? "()" : "(...)") + "\n";
  std::string code = "function(" + params + ")" + head;
  // With defers, the body is a function of its own that G.run calls, then the deferred calls.
  // G.run is called, and the results returned, on the closing brace's line, not as a tail call:
  // this function's frame stays below the deferred calls, at the line Go names for them.
  if (ctx.defer_mode) code += " local __df = {} local __body = function()";
  code += stmts(body.stmts);
  if (!sig->results.empty() && !terminates_list(body.stmts))
    error({body.end_line, body.end_col}, "missing return");
  pop_scope();
  code += pad(body.end_line);
  if (ctx.defer_mode) {
    std::string rs;
    for (std::size_t i = 0; i < ctx.results.size(); ++i) rs += (i ? ", " : "") + ctx.results[i];
    code += "end G.run(__df, __body) return " + rs + " ";
  } else if (ctx.named_results) {
    // Falling off the end is only possible without results; nothing to return.
  }
  code += "end";
  fn_ = saved;
  return code;
}

void Compiler::func_decl(const FuncDecl& fd) {
  if (fd.body == nullptr) {
    error(fd.pos, "missing function body");
    return;
  }
  Type* sig = nullptr;
  Type* recv_t = nullptr;
  std::string target;
  std::string goname = fd.name;
  if (fd.recv) {
    recv_t = resolve_type(fd.recv->type.get());
    Type* base = recv_t->k == K::Pointer ? recv_t->elem : recv_t;
    bool via = false;
    Method* m = find_method(base, fd.name, &via);
    if (m == nullptr || base->k != K::Named) return;  // reported in collect()
    sig = m->sig;
    target = "TD[" + std::to_string(desc(base)) + "].m." + mangle(fd.name);
    goname = "main." +
             std::string(recv_t->k == K::Pointer ? "(*" + base->local + ")" : base->local) + "." +
             fd.name;
  } else {
    Obj* o = lookup(fd.name);
    if (o == nullptr || o->kind != Obj::Func) return;
    sig = o->type;
    target = o->lua;
    goname = "main." + fd.name;
  }
  // A redeclared function or method (reported in collect()) has the first one's signature,
  // whose parameters need not be this body's.
  std::size_t nparams = 0;
  for (const Field& f : fd.type->params) nparams += std::max<std::size_t>(1, f.names.size());
  if (nparams != sig->params.size()) return;
  out_ += pad(fd.pos.line) + target + " = " +
          func_body(fd.type.get(), sig, fd.recv.get(), recv_t, *fd.body, goname);
}

// ==== the file
// ====================================================================================

// The names an expression or a statement mentions, function literals' bodies included, and a
// selector's name as ".name" (a method it may reach). Syntactic, so conservative: a local that
// shadows a package-level name counts as a mention of it.
static void refs(const Expr* e, std::set<std::string>* out);
static void refs(const Stmt* s, std::set<std::string>* out);
static void refs(const Block* b, std::set<std::string>* out) {
  if (b == nullptr) return;
  for (const StmtP& s : b->stmts) refs(s.get(), out);
}
static void refs(const Expr* e, std::set<std::string>* out) {
  if (e == nullptr) return;
  if (e->kind == ExprKind::Ident) out->insert(e->name);
  if (e->kind == ExprKind::Selector) out->insert("." + e->name);
  refs(e->x.get(), out);
  refs(e->y.get(), out);
  refs(e->z.get(), out);
  for (const ExprP& a : e->args) refs(a.get(), out);
  refs(e->body.get(), out);
}
static void refs(const Stmt* s, std::set<std::string>* out) {
  if (s == nullptr) return;
  for (const auto* es : {&s->lhs, &s->rhs})
    for (const ExprP& e : *es) refs(e.get(), out);
  for (const ValueSpec& vs : s->specs)
    for (const ExprP& v : vs.values) refs(v.get(), out);
  refs(s->call.get(), out);
  refs(s->init.get(), out);
  refs(s->post.get(), out);
  refs(s->cond.get(), out);
  refs(s->body.get(), out);
  refs(s->els.get(), out);
  refs(s->labeled.get(), out);
  for (const CaseClause& c : s->clauses) {
    for (const ExprP& e : c.exprs) refs(e.get(), out);
    refs(c.comm.get(), out);
    for (const StmtP& b : c.body) refs(b.get(), out);
  }
}

// Whether a test's body calls t.Parallel (a method named Parallel, syntactically): such a test
// runs in a goroutine of its own, which t.Parallel can pause (see G.F.T_Parallel).
static bool calls_parallel(const Block* body) {
  std::set<std::string> names;
  refs(body, &names);
  return names.count(".Parallel") != 0;
}

bool Compiler::may_call_parallel(const Expr& fn) const {
  const Expr* e = &fn;
  while (e->kind == ExprKind::Paren) e = e->x.get();
  if (e->kind == ExprKind::FuncLit) return calls_parallel(e->body.get());
  if (e->kind == ExprKind::Ident) {
    const auto it = func_bodies_.find(e->name);
    return it != func_bodies_.end() && calls_parallel(it->second);
  }
  return false;
}

// The order in which the package's variables are initialised, as the spec orders it: step by
// step, the earliest variable (spec) in declaration order that depends on no uninitialised one.
// A spec depends on the variables its initialiser mentions, directly or through the bodies of
// the functions and methods it mentions, transitively. Where none is ready (an initialisation
// cycle gc would report, or one only the conservative mentions see), the earliest goes next.
// Most specs run where they are, in declaration order, as the chunk runs; `deferred` marks those
// that must wait until every function is defined and then run in this order: a spec that reaches
// a function or method, depends on a later spec, or on a deferred one. Those that run in place
// call nothing and depend only on earlier ones that run in place, so the two orders agree.
struct InitOrder {
  std::vector<std::size_t> order;  // of the deferred specs
  std::vector<bool> deferred;
};
static InitOrder init_order(const File& f, const std::vector<const ValueSpec*>& specs) {
  std::map<std::string, std::size_t> var_spec;
  for (std::size_t i = 0; i < specs.size(); ++i)
    for (const std::string& n : specs[i]->names) var_spec[n] = i;
  std::map<std::string, std::vector<const Block*>> bodies;  // "f", or ".M" for methods
  for (const Decl& d : f.decls) {
    if (d.kind != Decl::Kind::Func) continue;
    bodies[(d.func->recv ? "." : "") + d.func->name].push_back(d.func->body.get());
  }
  std::vector<std::set<std::size_t>> deps(specs.size());
  InitOrder r;
  r.deferred.assign(specs.size(), false);
  for (std::size_t i = 0; i < specs.size(); ++i) {
    std::set<std::string> seen, todo;
    for (const ExprP& v : specs[i]->values) refs(v.get(), &todo);
    while (!todo.empty()) {
      const std::string n = *todo.begin();
      todo.erase(todo.begin());
      if (!seen.insert(n).second) continue;
      if (auto it = var_spec.find(n); it != var_spec.end() && it->second != i)
        deps[i].insert(it->second);
      if (auto it = bodies.find(n); it != bodies.end()) {
        r.deferred[i] = true;
        std::set<std::string> more;
        for (const Block* b : it->second) refs(b, &more);
        for (const std::string& m : more)
          if (!seen.count(m)) todo.insert(m);
      }
    }
  }
  for (std::size_t i = 0; i < specs.size(); ++i)
    for (std::size_t j : deps[i]) r.deferred[i] = r.deferred[i] || j > i || r.deferred[j];
  std::vector<bool> done(specs.size());
  std::size_t left = 0;
  for (std::size_t i = 0; i < specs.size(); ++i) {
    done[i] = !r.deferred[i];
    if (r.deferred[i]) ++left;
  }
  for (; left > 0; --left) {
    std::size_t pick = specs.size();
    for (std::size_t i = 0; i < specs.size() && pick == specs.size(); ++i) {
      if (done[i]) continue;
      bool ready = true;
      for (std::size_t j : deps[i]) ready = ready && done[j];
      if (ready) pick = i;
    }
    if (pick == specs.size()) {
      for (std::size_t i = 0; i < specs.size() && pick == specs.size(); ++i)
        if (!done[i]) pick = i;
    }
    done[pick] = true;
    r.order.push_back(pick);
  }
  return r;
}

bool Compiler::run(const File& f, std::string* out) {
  universe();
  universe_ = scope_;
  push_scope();
  pkg_scope_ = scope_;
  const bool test_file = is_test_path(file_);
  if (f.package != "main" && !test_file) {
    error(f.package_pos,
          "package " + f.package + " is not supported: the program must be package main");
  }
  static const std::set<std::string> kPackages = {"fmt",     "time",
                                                  "sync",    "errors",
                                                  "context", "sync/atomic",
                                                  "strings", "strconv",
                                                  "sort",    "os",
                                                  "runtime", "math/rand",
                                                  "log",     "golang.org/x/sync/errgroup",
                                                  "slices",  "maps",
                                                  "math"};
  for (const ImportSpec& is : f.imports) {
    const bool supported = kPackages.count(is.path) > 0 || (test_file && is.path == "testing");
    if (!supported) refuse(is.pos, "package \"" + is.path + "\"");
    std::string name = is.name.empty() ? is.path.substr(is.path.rfind('/') + 1) : is.name;
    if (name == "_" || name == ".") continue;
    objs_.push_back(std::make_unique<Obj>());
    Obj* o = objs_.back().get();
    o->kind = Obj::Pkg;
    o->name = name;
    o->pkg = is.path;
    o->pos = is.pos;
    imports_[name] = o;
    import_used_[name] = !supported;  // a refused package is reported once, not as unused
    if (!supported) o->pkg = "!" + o->pkg;
  }
  // 1. Type names, then their underlying types (so types may refer to each other).
  for (const Decl& d : f.decls) {
    if (d.kind != Decl::Kind::Type) continue;
    for (const TypeSpec& ts : d.gen->types) {
      if (ts.alias) continue;
      Type* t = make(K::Named);
      t->name = "main." + ts.name;
      t->local = ts.name;
      Obj* o = declare(Obj::TypeName, ts.name, t, ts.pos, false);
      o->used = true;
      named_[t->name] = t;
    }
  }
  // Package-level constants and variables are checked in the order their dependencies need
  // (Go's package-level declarations may come in any order: `type Grid [N]int` before
  // `const N = 3`, `const n = len(arr)` before `var arr [4]int`); their code is placed at
  // their lines below. A declaration waits while a name it mentions is declared by another
  // that is still waiting; what never gets ready (a cycle, an undefined name) is checked in
  // source order, for gc's errors.
  // A declaration's code: its first line and one piece per spec.
  std::map<const Stmt*, std::pair<std::uint32_t, std::vector<std::string>>> gen_code;
  std::vector<const Decl*> waiting;
  std::map<std::string, const Decl*> declared_by;
  std::set<std::string> pkg_names;  // every name the file declares at package level
  for (const Decl& d : f.decls) {
    if (d.kind == Decl::Kind::Func && !d.func->recv) pkg_names.insert(d.func->name);
    if (d.kind == Decl::Kind::Type)
      for (const TypeSpec& ts : d.gen->types) pkg_names.insert(ts.name);
    if (d.kind != Decl::Kind::Var && d.kind != Decl::Kind::Const) continue;
    waiting.push_back(&d);
    for (const ValueSpec& vs : d.gen->specs)
      for (const std::string& n : vs.names) {
        declared_by[n] = &d;
        pkg_names.insert(n);
      }
  }
  auto lower_gen = [&](const Decl& d) {
    const ValueSpec* prev = nullptr;
    std::vector<std::string> code;
    const std::uint32_t saved = line_;
    line_ = d.gen->pos.line;
    const std::uint32_t start = line_;
    for (const ValueSpec& vs : d.gen->specs) {
      std::string c = value_spec(vs, d.kind == Decl::Kind::Const, false, prev);
      code.push_back(c.empty() ? std::string() : pad(vs.pos.line) + c);
      if (!vs.values.empty()) prev = &vs;
    }
    gen_code[d.gen.get()] = {start, std::move(code)};
    line_ = saved;
  };
  // Lowers the waiting declarations that are ready, until none is; `before_types`: only
  // constants that mention no other package-level name (not yet a type's, a function's).
  auto lower_ready = [&](bool before_types) {
    for (bool progress = true; progress;) {
      progress = false;
      for (auto it = waiting.begin(); it != waiting.end();) {
        const Decl& d = **it;
        std::set<std::string> names;
        for (const ValueSpec& vs : d.gen->specs) {
          mentions(vs.type.get(), &names);
          for (const auto& v : vs.values) refs(v.get(), &names);  // function literals' too
        }
        bool ready = !before_types || d.kind == Decl::Kind::Const;
        for (const std::string& n : names) {
          const auto by = declared_by.find(n);
          const bool own = by != declared_by.end() && by->second == &d;
          if (own) continue;
          if (by != declared_by.end() &&
              std::find(waiting.begin(), waiting.end(), by->second) != waiting.end())
            ready = false;
          if (before_types && by == declared_by.end() && pkg_names.count(n)) ready = false;
        }
        if (!ready) {
          ++it;
          continue;
        }
        it = waiting.erase(it);
        lower_gen(d);
        progress = true;
      }
    }
  };
  lower_ready(true);
  for (const Decl& d : f.decls) {
    if (d.kind != Decl::Kind::Type) continue;
    for (const TypeSpec& ts : d.gen->types) {
      if (ts.alias) {
        declare(Obj::TypeName, ts.name, resolve_type(ts.type.get()), ts.pos, false);
        continue;
      }
      Type* t = named_["main." + ts.name];
      Type* u = resolve_type(ts.type.get());
      t->under = underlying(u);
      if (t->under->k == K::Named) t->under = t_invalid_;  // a cycle
      if (t->under->k == K::Foreign) {
        refuse(ts.pos, "a named type of " + t->under->name);
        t->under = t_invalid_;
      }
    }
  }
  for (const Decl& d : f.decls)
    if (d.kind == Decl::Kind::Func && !d.func->recv)
      func_bodies_[d.func->name] = d.func->body.get();
  // 2. Functions and methods (signatures).
  for (const Decl& d : f.decls) {
    if (d.kind != Decl::Kind::Func) continue;
    const FuncDecl& fd = *d.func;
    Type* sig = resolve_type(fd.type.get());
    if (fd.recv) {
      Type* rt = resolve_type(fd.recv->type.get());
      const bool ptr = rt->k == K::Pointer;
      Type* base = ptr ? rt->elem : rt;
      if (base->k != K::Named) {
        if (base->k != K::Invalid) error(fd.recv->pos, "invalid receiver type " + type_string(rt));
        continue;
      }
      if (ptr && !is_aggregate(base)) {
        refuse(fd.recv->pos, "a pointer receiver on a non-struct type");
        continue;
      }
      for (const auto& m : base->methods) {
        if (m.name == fd.name)
          error(fd.name_pos, "method " + base->local + "." + fd.name + " already declared");
      }
      for (const auto& fl : underlying(base)->fields) {
        if (underlying(base)->k == K::Struct && fl.name == fd.name)
          error(fd.name_pos, "field and method with the same name " + fd.name);
      }
      base->methods.push_back({fd.name, sig, ptr, false});
      desc(base);
      continue;
    }
    if (fd.name == "init") {
      if (!sig->params.empty() || !sig->results.empty())
        error(fd.name_pos, "func init must have no arguments and no return values");
      continue;
    }
    if (fd.name == "main" && (!sig->params.empty() || !sig->results.empty()))
      error(fd.name_pos, "func main must have no arguments and no return values");
    if (fd.name == "_") continue;
    if (auto it = pkg_scope_->names.find(fd.name); it != pkg_scope_->names.end()) {
      redeclared(fd.name_pos, fd.name, it->second->pos);
      continue;
    }
    declare(Obj::Func, fd.name, sig, fd.name_pos, false);
  }
  // 3. The other package-level constants and variables (see lower_ready above), lowered now
  //    so that every function body sees their types.
  lower_ready(false);
  for (const Decl* d : waiting) lower_gen(*d);
  std::vector<const ValueSpec*> var_specs;  // the package's variable specs, in source order
  std::map<const ValueSpec*, std::size_t> spec_index;
  for (const Decl& d : f.decls) {
    if (d.kind != Decl::Kind::Var) continue;
    for (const ValueSpec& vs : d.gen->specs) {
      spec_index[&vs] = var_specs.size();
      var_specs.push_back(&vs);
    }
  }
  const InitOrder inits = init_order(f, var_specs);
  bool has_main = false;
  bool has_init = false;
  for (const Decl& d : f.decls) {
    if (d.kind == Decl::Kind::Func) {
      if (!d.func->recv && d.func->name == "main") has_main = true;
      if (!d.func->recv && d.func->name == "init") {
        if (has_init) {
          refuse(d.func->name_pos, "more than one init function");
          continue;
        }
        has_init = true;
        if (d.func->body) {
          Type* sig = func_of({}, {});
          out_ += pad(d.func->pos.line) + "P.init = " +
                  func_body(d.func->type.get(), sig, nullptr, nullptr, *d.func->body, "main.init");
        }
        continue;
      }
      func_decl(*d.func);
    } else if (d.kind == Decl::Kind::Var || d.kind == Decl::Kind::Const) {
      auto& [start, pieces] = gen_code[d.gen.get()];
      out_ += pad(start);
      for (std::size_t i = 0; i < pieces.size(); ++i) {
        const std::string& code = pieces[i];
        for (char c : code) line_ += c == '\n' ? 1 : 0;
        const auto k = spec_index.find(&d.gen->specs[i]);
        if (k == spec_index.end() || !inits.deferred[k->second]) {
          out_ += code;
          continue;
        }
        // A deferred initialiser runs after every function is defined, in Go's order
        // (init_order): here, at its lines, it is a function in the table VI.
        out_ += "VI[" + std::to_string(k->second + 1) + "] = function() " + code + " end ";
      }
    }
  }
  // A _test.go file: its tests (func TestXxx(t *testing.T)) in the file's order, or the one
  // --run names, run as the program's main.
  std::string tests;
  if (test_file) {
    std::vector<std::string> names;
    for (const Decl& d : f.decls) {
      if (d.kind != Decl::Kind::Func || d.func->recv || !is_test_name(d.func->name)) continue;
      const FuncDecl& fd = *d.func;
      const Obj* o = pkg_scope_->names.count(fd.name) ? pkg_scope_->names[fd.name] : nullptr;
      const Type* sig = o ? o->type : nullptr;
      const bool ok_sig = sig && sig->k == K::Func && sig->results.empty() &&
                          sig->params.size() == 1 && sig->params[0]->k == K::Pointer &&
                          sig->params[0]->elem == foreign_["testing.T"];
      if (!ok_sig) {
        // go vet's words (go test runs it first)
        error(fd.name_pos,
              "wrong signature for " + fd.name + ", must be: func " + fd.name + "(t *testing.T)");
        continue;
      }
      names.push_back(fd.name);
      if (!run_.empty() && run_ != fd.name) continue;
      tests += "{" + lua_quote(fd.name) + ", " + o->lua + ", " +
               (calls_parallel(fd.body.get()) ? "true" : "false") + "}, ";
    }
    if (!run_.empty() && std::find(names.begin(), names.end(), run_) == names.end()) {
      std::string list;
      for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
      error({f.package_pos.line, f.package_pos.col},
            "no test named " + run_ +
                (list.empty() ? " (the file has no tests)" : " (the file's tests: " + list + ")"));
    }
  } else if (!run_.empty()) {
    error({f.package_pos.line, f.package_pos.col},
          "--run " + run_ + ": only a _test.go file has tests to run");
  }
  if (!has_main && !test_file)
    error({f.package_pos.line, f.package_pos.col},
          "function main is undeclared in the main package");
  for (const auto& [name, used] : import_used_) {
    if (!used) {
      const Obj* o = imports_[name];
      error(o->pos, "imported and not used: \"" + o->pkg + "\"");  // go 1.19's words
    }
  }
  // Promoted methods, in the descriptors of the types that embed (computed before the
  // descriptors are written: it may describe more types).
  std::string promotions;
  // Every struct type of the program is described, so that the Variables pane knows the order
  // of its fields (G.fin).
  for (const auto& [name, t] : named_)
    if (underlying(t)->k == K::Struct) desc(t);
  for (const auto& [name, t] : named_) {
    for (const Promoted& p : promoted(t))
      promotions += " TD[" + std::to_string(desc(t)) + "].m." + mangle(p.name) + " = " + p.fn;
  }
  if (!errs_->empty()) return false;
  // The header, on line 1: the support library and the type descriptors. The library's chunk
  // name, =[go], is the one script/chunk_cache.h keeps without debug information.
  std::string head = "local G = load(" + lua_quote(prelude_source()) +
                     ", \"=[go]\", \"t\")() local P, TD = {}, G.types(" +
                     std::to_string(descs_.size()) + ") local VI = {}";
  for (std::size_t i = 0; i < descs_.size(); ++i)
    head += " G.def(TD[" + std::to_string(i + 1) + "], " + desc_code(descs_[i]) + ")";
  std::string tail = promotions + " G.fin(TD)";
  for (std::size_t k : inits.order) tail += " VI[" + std::to_string(k + 1) + "]()";
  if (has_init) tail += " P.init()";
  if (test_file) {
    const std::size_t slash = file_.find_last_of("/\\");
    tail += " G.testmain({" + tests + "}, " +
            lua_quote(slash == std::string::npos ? file_ : file_.substr(slash + 1)) + ")\n";
  } else {
    tail += " P.main() G.flush()\n";
  }
  // After the program, the go-funcs trailer: where each function body begins and ends, and its
  // Go name, for tracebacks in Go's words (script/go_funcs.h reads it).
  *out = head + out_ + tail + "--[==[go-funcs\n" + funcs_ + "]==]\n";
  return true;
}

std::string Compiler::desc_code(Type* t) {
  const Type* u = underlying(t);
  std::string s =
      "{k=\"" + std::string(descriptor_kind(u->k)) + "\", name=" + lua_quote(type_string(t, true));
  if (u->elem) s += ", e=TD[" + std::to_string(desc(u->elem)) + "]";
  if (u->key) s += ", key=TD[" + std::to_string(desc(u->key)) + "]";
  if (u->k == K::Slice) s += ", es=" + std::to_string(elem_size(u->elem));
  if (u->k == K::Array) s += ", n=" + std::to_string(u->len);
  if (u->k == K::Struct) {
    s += ", f={";
    for (const auto& f : u->fields)
      s += "{" + lua_quote(f.name) + ", TD[" + std::to_string(desc(f.type)) + "], " +
           lua_quote(field_lua(f.name)) + "},";
    s += "}";
  }
  if (u->k == K::Interface) {
    s += ", ms={";
    for (const auto& f : u->fields) s += lua_quote(f.name) + ",";
    s += "}";
  }
  if (t->k == K::Named) {
    s += ", named=true, pm={";
    for (const auto& m : t->methods)
      if (m.ptr_recv) s += mangle(m.name) + "=true,";
    if (const auto it = promoted_.find(t); it != promoted_.end()) {
      for (const Promoted& p : it->second)
        if (p.needs_addr) s += mangle(p.name) + "=true,";
    }
    s += "}";
  }
  return s + "}";
}

// ==== statements
// ==================================================================================

std::string Compiler::block(const Block& b, bool new_scope) {
  if (new_scope) push_scope();
  std::string code = " do" + stmts(b.stmts);
  if (new_scope) pop_scope();
  return code + pad(b.end_line) + "end";
}

std::string Compiler::stmts(const std::vector<StmtP>& ss) {
  std::string code;
  for (const auto& s : ss) {
    std::string c = stmt(*s);
    // Go lets a goto jump forward over any statement but a variable declaration; Lua refuses a
    // goto "into the scope of a local", and lowering a statement may declare some (most keep
    // their temporaries in a do block already; `_ = x` is `local _ = x`): in a function with
    // goto, they are kept in the statement's own block.
    const Stmt* inner = s.get();
    while (inner->kind == StmtKind::Labeled) inner = inner->labeled.get();
    if (fn_ != nullptr && fn_->has_goto && inner->kind != StmtKind::Define &&
        inner->kind != StmtKind::VarDecl && c.find("local") != std::string::npos) {
      // After the Lua labels the statement begins with, so that they stay visible.
      std::size_t at = 0;
      while (true) {
        const std::size_t b = c.find_first_not_of(" \n", at);
        if (b == std::string::npos || c.compare(b, 2, "::") != 0) break;
        at = c.find("::", b + 2) + 2;
      }
      c = c.substr(0, at) + " do" + c.substr(at) + " end";
    }
    code += c;
  }
  return code;
}

std::string Compiler::stmt(const Stmt& s) {
  std::string code = pad(s.pos.line);
  switch (s.kind) {
    case StmtKind::Empty:
      return "";
    case StmtKind::Expr:
    case StmtKind::Send:
    case StmtKind::IncDec:
    case StmtKind::Assign:
    case StmtKind::Define:
      // ";" first: a statement starting with "(" would continue the previous call in Lua.
      return code + ";" + simple(s);
    case StmtKind::VarDecl: {
      for (const ValueSpec& vs : s.specs)
        code += pad(vs.pos.line) + value_spec(vs, false, true, nullptr);
      return code;
    }
    case StmtKind::ConstDecl: {
      const ValueSpec* prev = nullptr;
      for (const ValueSpec& vs : s.specs) {
        value_spec(vs, true, true, prev);
        if (!vs.values.empty()) prev = &vs;
      }
      return code;
    }
    case StmtKind::TypeDecl:
      // A local type: named in its scope from here on (so it may refer to itself), printed by
      // %T as main.Name as gc does; it can have no methods, so nothing else needs its name.
      for (const TypeSpec& ts : s.types) {
        if (ts.alias) {
          declare(Obj::TypeName, ts.name, resolve_type(ts.type.get()), ts.pos, false);
          continue;
        }
        Type* t = make(K::Named);
        t->name = "main." + ts.name;
        t->local = ts.name;
        Obj* o = declare(Obj::TypeName, ts.name, t, ts.pos, false);
        o->used = true;  // gc reports unused variables, not unused types
        Type* u = resolve_type(ts.type.get());
        t->under = underlying(u);
        if (t->under == nullptr || t->under->k == K::Named) t->under = t_invalid_;
        if (t->under->k == K::Foreign) {
          refuse(ts.pos, "a named type of " + t->under->name);
          t->under = t_invalid_;
        }
      }
      return code;
    case StmtKind::Go:
    case StmtKind::Defer:
      return code + go_defer(s);
    case StmtKind::Return:
      return code + ret(s);
    case StmtKind::Break:
    case StmtKind::Continue:
      return code + branch(s);
    case StmtKind::Goto:
      return code + "goto " + go_label(s.op);
    case StmtKind::Fallthrough:
      error(s.pos, "fallthrough statement out of place");
      return code;
    case StmtKind::Block:
      return code + block(*s.body);
    case StmtKind::If: {
      push_scope();
      std::string init;
      if (s.init) init = simple(*s.init);
      X c = value(*s.cond);
      if (c.mode != X::Invalid && !is_boolean(c.t)) {
        error(s.cond->pos, "non-boolean condition in if statement");
      }
      code += " do " + init + " if " + c.code + " then";
      push_scope();
      code += stmts(s.body->stmts);
      pop_scope();
      code += pad(s.body->end_line);
      if (s.els) {
        code += " else";
        code += stmt(*s.els);
      }
      pop_scope();
      return code + " end end";
    }
    case StmtKind::For:
      return code + for_stmt(s, "");
    case StmtKind::Range:
      return code + range_stmt(s, "");
    case StmtKind::Switch:
      return code + switch_stmt(s, "");
    case StmtKind::TypeSwitch:
      return code + type_switch(s, "");
    case StmtKind::Select:
      return code + select_stmt(s, "");
    case StmtKind::Labeled: {
      // The Lua label first: a goto lands before anything the statement's lowering declares.
      if (s.op != "_") code += " ::" + go_label(s.op) + "::";
      const Stmt& l = *s.labeled;
      switch (l.kind) {
        case StmtKind::For:
          return code + for_stmt(l, s.op);
        case StmtKind::Range:
          return code + range_stmt(l, s.op);
        case StmtKind::Switch:
          return code + switch_stmt(l, s.op);
        case StmtKind::TypeSwitch:
          return code + type_switch(l, s.op);
        case StmtKind::Select:
          return code + select_stmt(l, s.op);
        default:
          return code + stmt(l);
      }
    }
  }
  return code;
}

std::string Compiler::simple(const Stmt& s) {
  switch (s.kind) {
    case StmtKind::Expr: {
      const Expr& e = *s.lhs[0];
      X x = expr(e);
      if (x.mode == X::Invalid) return "";
      const Expr* inner = &e;
      while (inner->kind == ExprKind::Paren) inner = inner->x.get();
      if (inner->kind != ExprKind::Call &&
          !(inner->kind == ExprKind::Unary && inner->name == "<-")) {
        error(e.pos,
              expr_string(&e) + " (" +
                  (x.mode == X::Const ? "untyped constant" : "value of type " + type_string(x.t)) +
                  ") is not used");
        return "";
      }
      if (x.mode == X::TypeExpr) {
        error(e.pos, expr_string(&e) + " (type) is not an expression");
        return "";
      }
      if (inner->kind == ExprKind::Call && x.mode != X::NoValue && x.code.rfind("G.", 0) != 0 &&
          x.code.find('(') != std::string::npos) {
        return "local _ = " + x.code;
      }
      if (inner->kind == ExprKind::Unary) return "local _ = " + x.code;
      if (x.code.empty()) return "";
      // A call as a statement: Lua needs it to be a call, not an expression.
      if (x.code[0] == '(') return "local _ = " + x.code;
      return x.code;
    }
    case StmtKind::Send: {
      X ch = value(*s.lhs[0]);
      const Type* u = underlying(ch.t);
      if (ch.mode != X::Invalid && u->k != K::Chan) {
        error(s.lhs[0]->pos,
              "invalid operation: cannot send to non-channel " + describe_x(ch, *s.lhs[0]));
        return "";
      }
      if (u->k == K::Chan && u->dir == ChanDir::Recv) {
        error(s.pos, "invalid operation: cannot send to receive-only channel " +
                         describe_x(ch, *s.lhs[0]));
      }
      Type* et = u->k == K::Chan ? u->elem : t_invalid_;
      X v = value(*s.rhs[0], et);
      if (!assignable(v, et)) {
        error(s.rhs[0]->pos, cannot_use(v, *s.rhs[0], et, "send"));
      }
      return "(" + ch.code + " or G.NILCH):send(" + convert(v, et) + ")";
    }
    case StmtKind::IncDec: {
      X x = expr(*s.lhs[0]);
      if (x.mode != X::Invalid && !is_numeric(x.t)) {
        error(s.pos, "invalid operation: " + expr_string(s.lhs[0].get()) + s.op +
                         " (non-numeric type " + type_string(x.t) + ")");
        return "";
      }
      X one;
      one.mode = X::Value;
      one.t = x.t;
      one.fresh = true;
      std::string v = x.code + (s.op == "++" ? " + 1" : " - 1");
      one.code = wrap_int(x.t, v);
      if (x.obj) x.obj->used = x.obj->used;  // x++ is not a use
      return assign_to(*s.lhs[0], one);
    }
    case StmtKind::Assign:
      return assign(s);
    case StmtKind::Define:
      return define(s);
    default:
      return "";
  }
}

// Assigns `rhs` (checked already) to the Go operand `lhs`.
std::string Compiler::assign_to(const Expr& lhs_e, X& rhs, const std::string& override_code) {
  const Expr* le = &lhs_e;
  while (le->kind == ExprKind::Paren) le = le->x.get();
  if (le->kind == ExprKind::Ident && le->name == "_") {
    need_value(rhs, lhs_e.pos);
    return "local _ = " + (override_code.empty() ? rhs.code : override_code);
  }
  // Evaluate the operand without counting it as a use.
  bool was_used = false;
  Obj* o = le->kind == ExprKind::Ident ? lookup(le->name) : nullptr;
  if (o) was_used = o->used;
  X l = expr(*le);
  if (o) o->used = was_used;
  if (l.mode == X::Invalid) return "";
  std::string v = override_code;
  if (v.empty()) {
    if (!assignable(rhs, l.t)) {
      if (rhs.e) {
        error(start_of(*rhs.e), cannot_use(rhs, *rhs.e, l.t, "assignment"));
      } else {
        error(lhs_e.pos,
              "cannot use " + rhs.code + " as type " + type_string(l.t) + " in assignment");
      }
      return "";
    }
    v = convert(rhs, l.t);
  } else if (rhs.t != nullptr && !assignable(rhs, l.t)) {
    error(lhs_e.pos, "cannot use " + type_string(rhs.t) + " value as " + type_string(l.t) +
                         " value in assignment");
  }
  // A struct or array is assigned in place (G.vset), as Go writes the variable's memory: a
  // pointer to it, to one of its parts, or a slice of an array sees the new value. Where the
  // target is a plain name or field path, the code stays an assignment to it (x = G.vset(T, x,
  // v), evaluating x twice is harmless), so the Variables pane still sees a write of x.
  const bool in_place = is_aggregate(l.t);
  auto set = [&](const std::string& target) {
    if (!in_place) return target + " = " + v;
    const std::string call = "G.vset(" + td(l.t) + ", " + target + ", " + v + ")";
    const bool path = !target.empty() &&
                      (std::isalpha(static_cast<unsigned char>(target[0])) || target[0] == '_') &&
                      std::all_of(target.begin(), target.end(), [](char c) {
                        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
                      });
    return path ? target + " = " + call : call;
  };
  switch (le->kind) {
    case ExprKind::Ident:
      if (l.obj == nullptr || l.obj->kind != Obj::Var) {
        error(le->pos,
              "cannot assign to " + le->name + " (neither addressable nor a map index expression)");
        return "";
      }
      return set(l.obj->lua);
    case ExprKind::Index: {
      X base = value(*le->x);
      const Type* u = underlying(base.t);
      if (u->k == K::Map) {
        X k = value(*le->y, u->key);
        if (!plain_key(u->key)) {
          return "G.kset(" + base.code + ", " + td(u->key) + ", " + convert(k, u->key) + ", " + v +
                 ")";
        }
        return "G.mset(" + base.code + ", " + convert(k, u->key) + ", " + v + ")";
      }
      if (u->k == K::Slice || u->k == K::Array ||
          (u->k == K::Pointer && underlying(u->elem)->k == K::Array)) {
        if (u->k == K::Array && !l.addressable) {
          error(start_of(*le), "cannot assign to " + expr_string(le) + " (value of type " +
                                   type_string(l.t) + ")");
          return "";
        }
        X i = value(*le->y, t_int_);
        const std::string b = u->k == K::Pointer ? "(" + base.code + " or G.np())" : base.code;
        if (in_place) return set("G.ix(" + b + ", " + i.code + ")");
        return "G.six(" + b + ", " + i.code + ", " + v + ")";
      }
      if (u->k == K::String) {
        error(le->pos, "cannot assign to " + expr_string(le) +
                           " (neither addressable nor a map index expression)");
        return "";
      }
      return "";
    }
    case ExprKind::Selector: {
      if (!l.addressable && l.code.find('.') == std::string::npos) {
        error(le->pos, "cannot assign to " + expr_string(le));
        return "";
      }
      return set(l.code);
    }
    case ExprKind::Star:
      if (const Type* eu = underlying(l.t);
          eu->k != K::Struct && eu->k != K::Array && eu->k != K::Foreign)
        return ";" + l.code + " = " + v;  // a box's v; ";": the line starts with "("
      if (in_place) return set(l.code);
      return "G.setp(" + l.code + ", " + v + ")";
    default:
      error(le->pos, "cannot assign to " + expr_string(le));
      return "";
  }
}

std::string Compiler::assign(const Stmt& s) {
  if (s.op != "=") {
    // x op= y
    const std::string op = s.op.substr(0, s.op.size() - 1);
    Expr bin;
    bin.kind = ExprKind::Binary;
    bin.pos = s.pos;
    bin.name = op;
    // Build x op y without moving the operands: check both through a fake binary.
    bool was_used = false;
    Obj* o = s.lhs[0]->kind == ExprKind::Ident ? lookup(s.lhs[0]->name) : nullptr;
    if (o) was_used = o->used;
    X r = binary_of(*s.lhs[0], *s.rhs[0], op, s.pos, s.op_pos, nullptr, true);
    if (o) o->used = was_used;
    if (r.mode == X::Invalid) return "";
    r.fresh = true;
    return assign_to(*s.lhs[0], r);
  }
  if (s.lhs.size() != s.rhs.size()) {
    if (s.rhs.size() == 1) {
      X x = expr(*s.rhs[0]);
      std::vector<Type*> ts;
      std::string code;
      if (x.mode == X::Multi) {
        ts = x.t->results;
        code = x.code;
      } else if (!x.ok_code.empty() && s.lhs.size() == 2) {
        ts = {x.t, t_bool_};
        code = x.ok_code;
      } else if (x.mode != X::Invalid) {
        ts = {x.t};
      }
      if (ts.size() != s.lhs.size()) {
        if (x.mode != X::Invalid)
          error(s.lhs[0]->pos,
                "assignment mismatch: " + std::to_string(s.lhs.size()) + " variables but " +
                    (x.mode == X::Multi ? callee_name(*s.rhs[0]) + " returns " : "") +
                    std::to_string(ts.size()) + " value" + (ts.size() == 1 ? "" : "s"));
        return "";
      }
      std::string tmps, assigns;
      for (std::size_t i = 0; i < ts.size(); ++i) {
        const std::string t = tmp();
        tmps += (i ? ", " : "") + t;
        X v;
        v.mode = X::Value;
        v.t = ts[i];
        v.code = t;
        v.fresh = true;
        assigns += " " + assign_to(*s.lhs[i], v);
      }
      return "do local " + tmps + " = " + code + assigns + " end";
    }
    error(s.lhs[0]->pos, "assignment mismatch: " + std::to_string(s.lhs.size()) + " variable" +
                             (s.lhs.size() == 1 ? "" : "s") + " but " +
                             std::to_string(s.rhs.size()) + " value" +
                             (s.rhs.size() == 1 ? "" : "s"));
    return "";
  }
  if (s.lhs.size() == 1) {
    if (!mismatch_checked(*s.rhs[0], 1, 1)) return "";
    if (s.lhs[0]->kind == ExprKind::Ident) hint_name(s.rhs[0].get(), s.lhs[0]->name);
    if (s.lhs[0]->kind == ExprKind::Selector)
      hint_name(s.rhs[0].get(), expr_string(s.lhs[0].get()));
    bool was_used = false;
    Obj* o = s.lhs[0]->kind == ExprKind::Ident ? lookup(s.lhs[0]->name) : nullptr;
    if (o) was_used = o->used;
    X l = s.lhs[0]->kind == ExprKind::Ident && s.lhs[0]->name == "_" ? X{} : expr(*s.lhs[0]);
    if (o) o->used = was_used;
    X r = value(*s.rhs[0], l.t);
    return assign_to(*s.lhs[0], r);
  }
  // Parallel assignment: evaluate every right side first.
  std::string tmps, vals, assigns;
  for (std::size_t i = 0; i < s.rhs.size(); ++i) {
    X r = value(*s.rhs[i]);
    const std::string t = tmp();
    tmps += (i ? ", " : "") + t;
    vals += (i ? ", " : "") + copy_if_struct(r);
    X v = r;
    v.code = t;
    v.fresh = true;
    v.mode = r.mode == X::Const ? X::Const : X::Value;
    assigns += " " + assign_to(*s.lhs[i], v);
  }
  return "do local " + tmps + " = " + vals + assigns + " end";
}

std::string Compiler::define(const Stmt& s) {
  // At least one new variable on the left.
  bool any_new = false;
  for (const auto& l : s.lhs) {
    if (l->kind != ExprKind::Ident) {
      error(l->pos, "non-name " + expr_string(l.get()) + " on left side of :=");
      return "";
    }
    if (l->name != "_" && scope_->names.count(l->name) == 0) any_new = true;
  }
  if (!any_new) {
    error(s.op_pos, "no new variables on left side of :=");
  }
  std::vector<Type*> ts;
  std::vector<X> xs;
  std::string code_all;
  bool multi = false;
  if (s.rhs.size() == 1 && s.lhs.size() > 1) {
    // `request, cancel := context.WithCancel(...)`: the context is named request in the views.
    if (s.lhs[0]->name != "_") hint_name(s.rhs[0].get(), s.lhs[0]->name);
    X x = expr(*s.rhs[0]);
    if (x.mode == X::Multi) {
      ts = x.t->results;
      code_all = x.code;
    } else if (!x.ok_code.empty() && s.lhs.size() == 2) {
      ts = {x.t, t_bool_};
      code_all = x.ok_code;
    } else if (x.mode != X::Invalid) {
      need_value(x, s.rhs[0]->pos);
      ts = {x.t};
    } else {
      return "";
    }
    if (ts.size() != s.lhs.size()) {
      error(s.lhs[0]->pos, "assignment mismatch: " + std::to_string(s.lhs.size()) +
                               " variables but " +
                               (x.mode == X::Multi ? callee_name(*s.rhs[0]) + " returns " : "") +
                               std::to_string(ts.size()) + " value" + (ts.size() == 1 ? "" : "s"));
      return "";
    }
    multi = true;
  } else {
    if (s.lhs.size() != s.rhs.size()) {
      error(s.lhs[0]->pos, "assignment mismatch: " + std::to_string(s.lhs.size()) + " variable" +
                               (s.lhs.size() == 1 ? "" : "s") + " but " +
                               std::to_string(s.rhs.size()) + " value" +
                               (s.rhs.size() == 1 ? "" : "s"));
      return "";
    }
    for (std::size_t i = 0; i < s.rhs.size(); ++i) {
      if (!mismatch_checked(*s.rhs[i], s.lhs.size(), s.rhs.size())) {
        // Declared all the same (with no type), so that later uses are not "undefined".
        for (const auto& l : s.lhs) {
          if (l->name != "_" && scope_->names.count(l->name) == 0)
            declare(Obj::Var, l->name, t_invalid_, l->pos, true)->used = true;
        }
        return "";
      }
      hint_name(s.rhs[i].get(), s.lhs[i]->name);
      // An existing variable keeps its type: the value is checked against it.
      Obj* existing = scope_->names.count(s.lhs[i]->name) ? scope_->names[s.lhs[i]->name] : nullptr;
      X x = value(*s.rhs[i], existing ? existing->type : nullptr);
      if (x.t && x.t->k == K::UntypedNil) {
        error(s.rhs[i]->pos, "use of untyped nil in assignment");
        return "";
      }
      ts.push_back(existing ? existing->type : default_type(x.t));
      if (!existing && x.mode == X::Const && !assignable(x, ts.back()))  // past its range
        error(start_of(*s.rhs[i]), cannot_use(x, *s.rhs[i], ts.back(), "assignment"));
      xs.push_back(std::move(x));
    }
  }
  // Declare (or reuse) the variables: new ones become Lua locals after the values are computed.
  std::vector<std::string> names;
  std::vector<Obj*> news;
  std::string assigns;
  std::vector<std::string> vals;
  for (std::size_t i = 0; i < s.lhs.size(); ++i) {
    const std::string& n = s.lhs[i]->name;
    if (!multi) {
      Obj* existing = n != "_" && scope_->names.count(n) ? scope_->names[n] : nullptr;
      Type* target = existing ? existing->type : ts[i];
      if (existing && !assignable(xs[i], target)) {
        error(start_of(*s.rhs[i]), cannot_use(xs[i], *s.rhs[i], target, "assignment"));
      }
      vals.push_back(convert(xs[i], target));
    }
  }
  std::string lhs_code;
  std::string post;
  for (std::size_t i = 0; i < s.lhs.size(); ++i) {
    const std::string& n = s.lhs[i]->name;
    if (n == "_") {
      lhs_code += (i ? ", " : "") + std::string("_");
      continue;
    }
    auto it = scope_->names.find(n);
    if (it != scope_->names.end()) {
      // Reassigned: a temporary, then the old variable.
      const std::string t = tmp();
      lhs_code += (i ? ", " : "") + t;
      post += " " + it->second->lua + " = " + t;
      continue;
    }
    Obj* o = declare(Obj::Var, n, ts[i] ? ts[i] : t_invalid_, s.lhs[i]->pos, true);
    lhs_code += (i ? ", " : "") + o->lua;
    news.push_back(o);
  }
  std::string rhs_code;
  if (multi) {
    rhs_code = code_all;
  } else {
    for (std::size_t i = 0; i < vals.size(); ++i) rhs_code += (i ? ", " : "") + vals[i];
  }
  if (post.empty()) return "local " + lhs_code + " = " + rhs_code + boxes(news);
  // Mixed new and old variables: the old ones are assigned after.
  std::string decl_new;
  for (Obj* o : news) decl_new += (decl_new.empty() ? "" : ", ") + o->lua;
  std::string tmps;
  std::string c = "local " + lhs_code + " = " + rhs_code + post + boxes(news);
  return c;
}

std::string Compiler::for_stmt(const Stmt& s, const std::string& label) {
  const int id = ++label_id_;
  fn_->brk.push_back({Brk::Loop, label, id, false});
  push_scope();
  std::string code = " do";
  // Go 1.22: a variable declared by the init statement is a new variable in each iteration,
  // initialised from the previous one before the post statement.
  std::vector<Obj*> loop_vars;
  if (s.init) {
    no_box_ = true;
    code += " " + simple(*s.init);
    no_box_ = false;
    if (s.init->kind == StmtKind::Define) {
      for (Obj* o : scope_->order) loop_vars.push_back(o);
    }
  }
  std::string outer_names, inner_names;
  for (Obj* o : loop_vars) {
    outer_names += (outer_names.empty() ? "" : ", ") + o->lua;
  }
  // Inside the loop the variables are fresh locals with the same Lua names; the loop carries
  // their values in __l<id>_k.
  std::string carry_decl, carry_in, carry_out;
  for (std::size_t i = 0; i < loop_vars.size(); ++i) {
    const std::string c = "__l" + std::to_string(id) + "_" + std::to_string(i);
    carry_decl += " local " + c + " = " + loop_vars[i]->lua;
    carry_in += " local " + loop_vars[i]->lua + " = " + c;
    carry_out += " " + c + " = " + loop_vars[i]->lua;
  }
  code += carry_decl + " while true do" + carry_in;
  if (s.cond) {
    X c = value(*s.cond);
    if (c.mode != X::Invalid && !is_boolean(c.t))
      error(s.cond->pos, "non-boolean condition in for statement");
    code += " if not (" + c.code + ") then break end";
  }
  push_scope();
  code += " do" + stmts(s.body->stmts);
  pop_scope();
  code += pad(s.body->end_line) + "end ::c" + std::to_string(id) + "::";
  if (s.post) {
    // The post statement runs on the next iteration's variables.
    std::vector<std::string> saved;
    for (std::size_t i = 0; i < loop_vars.size(); ++i) {
      saved.push_back(loop_vars[i]->lua);
      loop_vars[i]->lua = "__l" + std::to_string(id) + "_" + std::to_string(i);
    }
    code += carry_out;
    carry_out.clear();
    code += " " + simple(*s.post);
    for (std::size_t i = 0; i < loop_vars.size(); ++i) loop_vars[i]->lua = saved[i];
  }
  code += carry_out + " end";
  pop_scope();
  code += close_breakable();
  return code;
}

std::string Compiler::range_stmt(const Stmt& s, const std::string& label) {
  const int id = ++label_id_;
  X x = value(*s.rhs[0]);
  const Type* u = underlying(x.t);
  std::string code = " do local __x" + std::to_string(id) + " = " + x.code;
  const std::string xv = "__x" + std::to_string(id);
  const std::string iv = "__i" + std::to_string(id);
  const std::string vv = "__v" + std::to_string(id);
  Type* kt = nullptr;
  Type* vt = nullptr;
  std::string head;     // the Lua loop header
  std::string key_val;  // Lua expression of the key / value
  std::string val_val;
  if (x.mode == X::Invalid) {
    return "";
  }
  if (is_integer(u)) {
    kt = x.mode == X::Const && is_untyped(x.t) ? t_int_ : x.t;
    head = " for " + iv + " = 0, " + xv + " - 1 do";
    key_val = iv;
    if (s.lhs.size() > 1)
      error(s.lhs[1]->pos,
            "range over " + describe_x(x, *s.rhs[0]) + " permits only one iteration variable");
  } else if (u->k == K::Slice) {
    kt = t_int_;
    vt = u->elem;
    head = " for " + iv + " = 0, G.len(" + xv + ") - 1 do";
    key_val = iv;
    val_val = xv + ".a[" + xv + ".o + " + iv + " + 1]";
    if (underlying(vt)->k == K::Struct) val_val = "G.cp(" + td(vt) + ", " + val_val + ")";
    if (underlying(vt)->k == K::Array) val_val = "G.acp(" + td(vt) + ", " + val_val + ")";
  } else if (u->k == K::Array || (u->k == K::Pointer && underlying(u->elem)->k == K::Array)) {
    // Over an array: a copy of it, taken before the loop (Go's range evaluates its operand
    // once), unless only the index is wanted; through a pointer, the array itself.
    const Type* au = u->k == K::Array ? u : underlying(u->elem);
    kt = t_int_;
    vt = au->elem;
    if (u->k == K::Array && s.lhs.size() > 1 && s.lhs[1] != nullptr) {
      code = " do local __x" + std::to_string(id) + " = " + copy_if_struct(x);
    } else if (u->k == K::Pointer && s.lhs.size() > 1 && s.lhs[1] != nullptr) {
      code = " do local __x" + std::to_string(id) + " = (" + x.code + " or G.np())";
    }
    head = " for " + iv + " = 0, " + std::to_string(au->len - 1) + " do";
    key_val = iv;
    val_val = xv + ".a[" + iv + " + 1]";
    if (underlying(vt)->k == K::Struct) val_val = "G.cp(" + td(vt) + ", " + val_val + ")";
    if (underlying(vt)->k == K::Array) val_val = "G.acp(" + td(vt) + ", " + val_val + ")";
  } else if (is_string(u)) {
    kt = t_int_;
    vt = lookup("rune")->type;
    head = " for " + iv + ", " + vv + " in G.srange(" + xv + ") do";
    key_val = iv;
    val_val = vv;
  } else if (u->k == K::Map) {
    kt = u->key;
    vt = u->elem;
    head = " for _, " + iv + " in ipairs(G.mkeys(" + xv + ")) do if G.mhas(" + xv + ", " + iv +
           ") then";
    key_val = iv;
    if (!plain_key(kt)) {
      key_val = "G.mk(" + xv + ", " + iv + ")";
      if (underlying(kt)->k == K::Struct) key_val = "G.cp(" + td(kt) + ", " + key_val + ")";
      if (underlying(kt)->k == K::Array) key_val = "G.acp(" + td(kt) + ", " + key_val + ")";
    }
    val_val = "G.mget(" + xv + ", " + iv + ", " + zero(vt) + ")";
    if (underlying(vt)->k == K::Struct) val_val = "G.cp(" + td(vt) + ", " + val_val + ")";
    if (underlying(vt)->k == K::Array) val_val = "G.acp(" + td(vt) + ", " + val_val + ")";
  } else if (u->k == K::Chan) {
    if (u->dir == ChanDir::Send) {
      error(s.rhs[0]->pos, "invalid operation: range " + expr_string(s.rhs[0].get()) +
                               " receive from send-only channel " + type_string(x.t));
    }
    kt = u->elem;
    head = " while true do local " + iv + ", __ok" + std::to_string(id) + " = (" + xv +
           " or G.NILCH):recv() if not __ok" + std::to_string(id) + " then break end " + iv +
           " = " + iv + " == nil and " + zero(kt) + " or " + iv;
    if (zero(kt) == "false")
      head = " while true do local " + iv + ", __ok" + std::to_string(id) + " = (" + xv +
             " or G.NILCH):recv() if not __ok" + std::to_string(id) + " then break end";
    key_val = iv;
    if (s.lhs.size() > 1)
      error(s.lhs[1]->pos,
            "range over " + describe_x(x, *s.rhs[0]) + " permits only one iteration variable");
  } else if (u->k == K::Func) {
    refuse(s.rhs[0]->pos, "range over a function");
    return "";
  } else {
    error(s.rhs[0]->pos, "cannot range over " + describe_x(x, *s.rhs[0]));
    return "";
  }
  fn_->brk.push_back({Brk::Loop, label, id, false});
  code += head;
  push_scope();
  std::string bind;
  for (std::size_t i = 0; i < s.lhs.size() && i < 2; ++i) {
    const Expr& l = *s.lhs[i];
    const std::string& v = i == 0 ? key_val : val_val;
    Type* t = i == 0 ? kt : vt;
    if (s.define) {
      if (l.kind != ExprKind::Ident) {
        error(l.pos, "non-name " + expr_string(&l) + " on left side of :=");
        continue;
      }
      if (l.name == "_") continue;
      Obj* o = declare(Obj::Var, l.name, t, l.pos, true);
      bind += " local " + o->lua + " = " + v;
    } else {
      X r;
      r.mode = X::Value;
      r.t = t;
      r.code = v;
      r.fresh = true;
      if (!(l.kind == ExprKind::Ident && l.name == "_")) bind += " " + assign_to(l, r);
    }
  }
  code += bind;
  push_scope();
  code += " do" + stmts(s.body->stmts);
  pop_scope();
  pop_scope();
  code += pad(s.body->end_line) + "end ::c" + std::to_string(id) + "::";
  if (u->k == K::Map) code += " end";
  code += " end";
  code += close_breakable();
  return code;
}

std::string Compiler::close_breakable() {
  const Brk b = fn_->brk.back();
  fn_->brk.pop_back();
  return b.brk_goto ? " end ::b" + std::to_string(b.id) + "::" : std::string(" end");
}

std::string Compiler::switch_stmt(const Stmt& s, const std::string& label) {
  const int id = ++label_id_;
  push_scope();
  std::string code = " do";
  if (s.init) code += " " + simple(*s.init);
  const std::string k = "__k" + std::to_string(id);
  const std::string tv = "__s" + std::to_string(id);
  X tag;
  if (s.cond) {
    tag = value(*s.cond);
    if (tag.mode == X::Const && is_untyped(tag.t)) {
      if (!assignable(tag, default_type(tag.t)))  // switch 1 << 70
        error(start_of(*s.cond),
              cannot_use(tag, *s.cond, default_type(tag.t), "switch expression"));
      tag.code = convert(tag, default_type(tag.t));
      tag.t = default_type(tag.t);
    }
    code += " local " + tv + " = " + copy_if_struct(tag);
  }
  // Which clause runs: decided first, in Go's order (cases top to bottom, left to right).
  code += " local " + k + " = 0";
  ClausePick pick(k);
  for (std::size_t i = 0; i < s.clauses.size(); ++i) {
    const CaseClause& c = s.clauses[i];
    if (c.is_default) {
      if (pick.default_index) error(c.pos, "multiple defaults in switch");
      pick.default_index = static_cast<int>(i + 1);
      continue;
    }
    for (const auto& e : c.exprs) {
      std::string cond;
      if (s.cond) {
        X v = value(*e, tag.t);
        // A case that is no value of the tag's type, in gc's words for a switch.
        if (v.mode != X::Invalid && tag.mode != X::Invalid && !is_untyped(tag.t)) {
          if (const_misfit(v, e.get(), tag.t)) continue;
          if (v.mode == X::Const && is_untyped(v.t) && !assignable(v, tag.t)) {
            error(start_of(*e),
                  "cannot convert " + describe_x(v, *e) + " to " + type_string(tag.t));
            continue;
          }
          if (!is_untyped(v.t) && !assignable(v, tag.t) && !assignable(tag, v.t)) {
            error(start_of(*e), "invalid case " + expr_string(e.get()) + " in switch on " +
                                    expr_string(s.cond.get()) + " (mismatched types " +
                                    type_string(v.t) + " and " + type_string(tag.t) + ")");
            continue;
          }
        }
        X t2 = tag;
        t2.code = tv;
        t2.mode = X::Value;
        // Compare as `tag == v`.
        X cmp = compare(t2, v, "==", e->pos, s.cond.get(), e.get());
        cond = cmp.code;
      } else {
        X v = value(*e, t_bool_);
        if (v.mode != X::Invalid && !is_boolean(v.t))
          error(e->pos, "invalid case " + expr_string(e.get()) + " in switch (mismatched types " +
                            type_string(v.t) + " and bool)");
        cond = v.code;
      }
      pick.add_case(cond, i);
    }
  }
  code += pick.decide();
  fn_->brk.push_back({Brk::Switch, label, id, false});
  for (std::size_t i = 0; i < s.clauses.size(); ++i) {
    const CaseClause& c = s.clauses[i];
    code += pad(c.pos.line) + pick.runs(i);
    push_scope();
    bool falls = false;
    std::vector<StmtP> const& body = c.body;
    for (std::size_t j = 0; j < body.size(); ++j) {
      if (body[j]->kind == StmtKind::Fallthrough) {
        if (j + 1 != body.size())
          error(body[j]->pos, "fallthrough statement out of place");
        else if (i + 1 == s.clauses.size())
          error(body[j]->pos, "cannot fallthrough final case in switch");
        falls = true;
        code += pad(body[j]->pos.line) + k + " = " + std::to_string(i + 2);
        continue;
      }
      code += stmt(*body[j]);
    }
    (void)falls;
    pop_scope();
    code += " end";
  }
  pop_scope();
  code += close_breakable();
  return code;
}

std::string Compiler::type_switch(const Stmt& s, const std::string& label) {
  const int id = ++label_id_;
  push_scope();
  std::string code = " do";
  if (s.init) code += " " + simple(*s.init);
  X x = value(*s.cond);
  if (x.mode != X::Invalid && underlying(x.t)->k != K::Interface) {
    error(s.cond->pos, describe_x(x, *s.cond) + " is not an interface");
    pop_scope();
    return "";
  }
  const std::string xv = "__x" + std::to_string(id);
  const std::string k = "__k" + std::to_string(id);
  code += " local " + xv + " = " + x.code + " local " + k + " = 0";
  ClausePick pick(k);
  std::vector<Type*> single(s.clauses.size(), nullptr);
  for (std::size_t i = 0; i < s.clauses.size(); ++i) {
    const CaseClause& c = s.clauses[i];
    if (c.is_default) {
      pick.default_index = static_cast<int>(i + 1);
      continue;
    }
    for (const auto& e : c.exprs) {
      std::string cond;
      if (e->kind == ExprKind::Ident && e->name == "nil") {
        cond = xv + " == nil";
      } else {
        Type* t = resolve_type(e.get());
        if (c.exprs.size() == 1) single[i] = t;
        if (underlying(t)->k == K::Interface) {
          cond = "G.impl(" + xv + ", " + td(t) + ")";
        } else {
          std::string missing;
          if (t->k != K::Invalid && !implements(t, x.t, &missing)) {
            error(e->pos, "impossible type switch case: " + expr_string(s.cond.get()) + " (" +
                              (x.obj ? "variable" : "value") + " of type " + type_string(x.t) +
                              ") cannot have dynamic type " + type_string(t) + " (missing method " +
                              missing + ")");
          }
          cond = "(" + xv + " ~= nil and " + xv + ".t == " + td(t) + ")";
        }
      }
      pick.add_case(cond, i);
    }
  }
  code += pick.decide();
  fn_->brk.push_back({Brk::Switch, label, id, false});
  std::vector<Obj*> binds;
  for (std::size_t i = 0; i < s.clauses.size(); ++i) {
    const CaseClause& c = s.clauses[i];
    code += pad(c.pos.line) + pick.runs(i);
    push_scope();
    if (!s.bind.empty() && s.bind != "_") {
      Type* t = single[i] ? single[i] : x.t;
      Obj* o = declare(Obj::Var, s.bind, t, s.bind_pos, true);
      o->used = false;
      binds.push_back(o);
      if (single[i] && underlying(t)->k != K::Interface) {
        code += " local " + o->lua + " = " + xv + ".v";
      } else {
        code += " local " + o->lua + " = " + xv;
      }
    }
    // Unused in one clause is fine when used in another: check after all clauses.
    for (const auto& st : c.body) {
      if (st->kind == StmtKind::Fallthrough) {
        error(st->pos, "cannot fallthrough in type switch");
        continue;
      }
      code += stmt(*st);
    }
    if (!binds.empty()) {
      Obj* o = binds.back();
      const bool u = o->used;
      o->used = true;  // not reported by this scope
      pop_scope();
      o->used = u;
    } else {
      pop_scope();
    }
    code += " end";
  }
  if (!s.bind.empty() && s.bind != "_") {
    bool any = false;
    for (Obj* o : binds) any = any || o->used;
    if (!any) error(s.bind_pos, s.bind + " declared but not used");
  }
  pop_scope();
  code += close_breakable();
  return code;
}

std::string Compiler::select_stmt(const Stmt& s, const std::string& label) {
  const int id = ++label_id_;
  const std::string k = "__k" + std::to_string(id);
  const std::string v = "__v" + std::to_string(id);
  const std::string ok = "__ok" + std::to_string(id);
  std::string cases;
  std::string dflt;
  std::vector<Type*> elem(s.clauses.size(), nullptr);
  for (std::size_t i = 0; i < s.clauses.size(); ++i) {
    const CaseClause& c = s.clauses[i];
    const std::string n = std::to_string(i + 1);
    if (c.is_default) {
      if (!dflt.empty()) error(c.pos, "multiple defaults in select");
      dflt = "default = function() return " + n + " end";
      continue;
    }
    const Stmt& cs = *c.comm;
    if (cs.kind == StmtKind::Send) {
      X ch = value(*cs.lhs[0]);
      const Type* u = underlying(ch.t);
      if (u->k != K::Chan) {
        if (ch.mode != X::Invalid)
          error(cs.lhs[0]->pos,
                "invalid operation: cannot send to non-channel " + describe_x(ch, *cs.lhs[0]));
        continue;
      }
      X val = value(*cs.rhs[0], u->elem);
      if (!assignable(val, u->elem))
        error(cs.rhs[0]->pos, cannot_use(val, *cs.rhs[0], u->elem, "send"));
      cases += "on_send(" + ch.code + ", " + convert(val, u->elem) + ", function() return " + n +
               " end), ";
      continue;
    }
    // A receive: <-ch, x := <-ch, x, ok := <-ch, x = <-ch.
    const Expr* re = nullptr;
    if (cs.kind == StmtKind::Expr) re = cs.lhs[0].get();
    if ((cs.kind == StmtKind::Define || cs.kind == StmtKind::Assign) && cs.rhs.size() == 1)
      re = cs.rhs[0].get();
    while (re && re->kind == ExprKind::Paren) re = re->x.get();
    if (re == nullptr || re->kind != ExprKind::Unary || re->name != "<-") {
      error(cs.pos, "select case must be receive, send or assign recv");
      continue;
    }
    X ch = value(*re->x);
    const Type* u = underlying(ch.t);
    if (u->k != K::Chan) {
      if (ch.mode != X::Invalid)
        error(re->x->pos,
              "invalid operation: cannot receive from non-channel " + describe_x(ch, *re->x));
      continue;
    }
    if (u->dir == ChanDir::Send)
      error(re->pos,
            "invalid operation: cannot receive from send-only channel " + describe_x(ch, *re->x));
    elem[i] = u->elem;
    cases += "on_recv(" + ch.code + ", function(v, ok) return " + n + ", v, ok end), ";
  }
  std::string code = " do local " + k + ", " + v + ", " + ok + " = select{" + cases + dflt + "}";
  fn_->brk.push_back({Brk::Select, label, id, false});
  for (std::size_t i = 0; i < s.clauses.size(); ++i) {
    const CaseClause& c = s.clauses[i];
    code += pad(c.pos.line) + "if " + k + " == " + std::to_string(i + 1) + " then";
    push_scope();
    if (!c.is_default && c.comm && elem[i] != nullptr) {
      const Stmt& cs = *c.comm;
      Type* et = elem[i];
      std::string val = v + " == nil and " + zero(et) + " or " + v;
      if (zero(et) == "false" || zero(et) == "nil") val = v;
      if (cs.kind == StmtKind::Define) {
        for (std::size_t j = 0; j < cs.lhs.size() && j < 2; ++j) {
          const Expr& l = *cs.lhs[j];
          if (l.kind != ExprKind::Ident || l.name == "_") continue;
          Obj* o = declare(Obj::Var, l.name, j == 0 ? et : t_bool_, l.pos, true);
          code += " local " + o->lua + " = " + (j == 0 ? val : ok);
        }
      } else if (cs.kind == StmtKind::Assign) {
        for (std::size_t j = 0; j < cs.lhs.size() && j < 2; ++j) {
          X r;
          r.mode = X::Value;
          r.t = j == 0 ? et : t_bool_;
          r.code = j == 0 ? "(" + val + ")" : ok;
          r.fresh = true;
          code += " " + assign_to(*cs.lhs[j], r);
        }
      }
    }
    code += stmts(c.body);
    pop_scope();
    code += " end";
  }
  code += close_breakable();
  return code;
}

// Every break and continue has its target here: the parser's branch check (gc's, parser.cpp)
// reported the others, alone and before types, so the walk never reaches them.
std::string Compiler::branch(const Stmt& s) {
  const bool is_break = s.kind == StmtKind::Break;
  if (fn_ == nullptr) return "";
  for (auto it = fn_->brk.rbegin(); it != fn_->brk.rend(); ++it) {
    if (!s.op.empty() && it->label != s.op) continue;
    if (!is_break && it->kind != Brk::Loop) continue;  // continue skips a switch or select
    const std::string id = std::to_string(it->id);
    if (!is_break) return "goto c" + id;
    if (it == fn_->brk.rbegin() && it->kind == Brk::Loop) return "break";
    it->brk_goto = true;
    return "goto b" + id;
  }
  return "";
}

std::string Compiler::ret(const Stmt& s) {
  Type* sig = fn_->sig;
  std::vector<std::string> vals;
  if (s.rhs.empty()) {
    if (!sig->results.empty() && !fn_->named_results) {
      error(s.pos,
            "not enough return values\n\thave ()\n\twant " + type_string(tuple_of(sig->results)));
      return "";
    }
  } else if (s.rhs.size() == 1 && sig->results.size() > 1) {
    X x = expr(*s.rhs[0]);
    if (x.mode == X::Multi && x.t->results.size() == sig->results.size()) {
      bool ok = true;
      for (std::size_t i = 0; i < sig->results.size(); ++i) {
        X part;
        part.mode = X::Value;
        part.t = x.t->results[i];
        ok = ok && assignable(part, sig->results[i]);
      }
      if (!ok)
        error(s.rhs[0]->pos,
              "cannot use " + expr_string(s.rhs[0].get()) + " value as return values");
      if (fn_->defer_mode) {
        std::string rs;
        for (std::size_t i = 0; i < fn_->results.size(); ++i)
          rs += (i ? ", " : "") + fn_->results[i];
        return "do " + rs + " = " + x.code + " return end";
      }
      // Not a tail call: the callee's frame must not replace this one, so that a panic in it
      // is reported at its line with this function's line below it.
      std::string rs;
      for (std::size_t i = 0; i < sig->results.size(); ++i)
        rs += (i ? ", " : "") + std::string("__r") + std::to_string(i + 1);
      return "do local " + rs + " = " + x.code + " return " + rs + " end";
    }
    if (x.mode != X::Invalid) {
      error(s.rhs[0]->pos,
            "not enough return values\n\thave (" +
                (x.mode == X::Multi ? type_string(x.t).substr(1, type_string(x.t).size() - 2)
                 : x.mode == X::Const && is_untyped(x.t) ? std::string("number")
                                                         : type_string(x.t)) +
                ")\n\twant " + type_string(tuple_of(sig->results)));
    }
    return "";
  } else if (s.rhs.size() != sig->results.size()) {
    std::string have = "(";
    for (std::size_t i = 0; i < s.rhs.size(); ++i) {
      X x = value(*s.rhs[i]);
      have += (i ? ", " : "") + (x.mode == X::Const && is_untyped(x.t) && is_numeric(x.t)
                                     ? std::string("number")
                                     : type_string(x.t));
    }
    have += ")";
    error(s.rhs[0]->pos,
          std::string(s.rhs.size() > sig->results.size() ? "too many" : "not enough") +
              " return values\n\thave " + have + "\n\twant " + type_string(tuple_of(sig->results)));
    return "";
  } else {
    for (std::size_t i = 0; i < s.rhs.size(); ++i) {
      X x = value(*s.rhs[i], sig->results[i]);
      if (x.mode == X::Invalid) continue;
      if (!assignable(x, sig->results[i])) {
        error(start_of(*s.rhs[i]), cannot_use(x, *s.rhs[i], sig->results[i], "return statement"));
        continue;
      }
      vals.push_back(convert(x, sig->results[i]));
    }
  }
  std::string rs;
  for (std::size_t i = 0; i < vals.size(); ++i) rs += (i ? ", " : "") + vals[i];
  if (fn_->defer_mode) {
    std::string names;
    for (std::size_t i = 0; i < fn_->results.size(); ++i)
      names += (i ? ", " : "") + fn_->results[i];
    if (vals.empty()) return "do return end";
    return "do " + names + " = " + rs + " return end";
  }
  if (vals.empty() && fn_->named_results) {
    for (std::size_t i = 0; i < fn_->results.size(); ++i) rs += (i ? ", " : "") + fn_->results[i];
  }
  if (vals.size() == 1) return "do return (" + rs + ") end";  // not a tail call (see above)
  return "do return " + rs + " end";
}

std::string Compiler::go_defer(const Stmt& s) {
  const bool is_go = s.kind == StmtKind::Go;
  const Expr* c = s.call.get();
  while (c->kind == ExprKind::Paren) c = c->x.get();
  if (c->kind != ExprKind::Call) {
    error(s.call->pos,
          std::string("expression in ") + (is_go ? "go" : "defer") + " must be function call");
    return "";
  }
  X x = call(*c);
  if (x.mode == X::Invalid) return "";
  if (x.mode == X::TypeExpr || x.call_fn.empty()) {
    error(c->pos, std::string(is_go ? "go" : "defer") + " requires function call, not conversion");
    return "";
  }
  std::string args;
  for (const auto& a : x.call_args) args += ", " + a;
  if (is_go) {
    std::string name;
    const Expr* f = c->x.get();
    while (f->kind == ExprKind::Paren) f = f->x.get();
    if (f->kind == ExprKind::FuncLit) {
      name = last_lit_name_;
    } else {
      name = expr_string(f);
    }
    return "go(" + lua_quote(name) + ", " + x.call_fn + args + ")";
  }
  return "__df[#__df + 1] = table.pack(" + x.call_fn + args + ")";
}

// ==== expressions
// =================================================================================

X Compiler::value(const Expr& e, Type* hint) {
  X x = expr(e, hint);
  need_value(x, e.pos);
  return x;
}

X Compiler::expr(const Expr& e, Type* hint) {
  X x;
  switch (e.kind) {
    case ExprKind::Ident:
      x = ident(e);
      break;
    case ExprKind::BasicLit:
      x = basic_lit(e);
      break;
    case ExprKind::CompositeLit:
      x = composite(e, hint);
      break;
    case ExprKind::FuncLit:
      x = func_lit(e);
      break;
    case ExprKind::Paren:
      x = expr(*e.x, hint);
      if (x.mode == X::Value || x.mode == X::Const) x.code = "(" + x.code + ")";
      break;
    case ExprKind::Selector:
      x = selector(e);
      break;
    case ExprKind::Index:
      x = index(e);
      break;
    case ExprKind::Slice:
      x = slice_expr(e);
      break;
    case ExprKind::TypeAssert:
      if (!e.y) {
        error(e.pos, "invalid syntax tree: use of .(type) outside type switch");
        break;
      }
      x = type_assert(e);
      break;
    case ExprKind::Call:
      x = call(e);
      break;
    case ExprKind::Star: {
      X p = expr(*e.x);
      if (p.mode == X::TypeExpr) {
        x.mode = X::TypeExpr;
        x.t = resolve_type(&e);
        break;
      }
      need_value(p, e.x->pos);
      if (p.mode == X::Invalid) break;
      if (underlying(p.t)->k != K::Pointer) {
        error(e.pos, "invalid operation: cannot indirect " + describe_x(p, *e.x));
        break;
      }
      x.mode = X::Value;
      x.t = underlying(p.t)->elem;
      x.code = "(" + p.code + " or G.np())";
      // A pointer to a non-struct value is a box (see boxes()): *p is its v.
      if (const Type* eu = underlying(x.t);
          eu->k != K::Struct && eu->k != K::Array && eu->k != K::Foreign)
        x.code += ".v";
      x.addressable = true;
      break;
    }
    case ExprKind::Unary:
      x = unary(e, hint);
      break;
    case ExprKind::Binary:
      x = binary(e, hint);
      break;
    case ExprKind::KeyValue:
      error(e.pos, "unexpected key:value expression");
      break;
    case ExprKind::ArrayType:
    case ExprKind::MapType:
    case ExprKind::ChanType:
    case ExprKind::FuncType:
    case ExprKind::StructType:
    case ExprKind::InterfaceType:
      x.mode = X::TypeExpr;
      x.t = resolve_type(&e);
      break;
    case ExprKind::Ellipsis:
      error(e.pos, "invalid use of ...");
      break;
  }
  x.e = &e;
  if (x.mode == X::Invalid) {
    x.t = t_invalid_;
    if (x.code.empty()) x.code = "nil";
  }
  return x;
}

X Compiler::ident(const Expr& e) {
  X x;
  if (e.name == "_") {
    error(e.pos, "cannot use _ as value");
    return x;
  }
  Obj* o = lookup(e.name);
  if (o == nullptr) {
    error(e.pos, "undefined: " + e.name);
    return x;
  }
  o->used = true;
  x.obj = o;
  switch (o->kind) {
    case Obj::Var:
      x.mode = X::Value;
      x.t = o->type;
      x.code = o->lua;
      x.addressable = true;
      break;
    case Obj::Const:
      // A constant whose declaration failed (1 << 600) is reported once, there.
      if (o->type != nullptr && o->type->k == K::Invalid) return X{};
      x.mode = X::Const;
      x.t = o->type;
      x.cv = o->cv;
      if (e.name == "iota" && o->pos.line == 0) {
        if (iota_ < 0) {
          error(e.pos, "cannot use iota outside constant declaration");
          return X{};
        }
        set_int(x.cv, iota_);
      }
      x.code = const_code(x.cv, x.t);
      break;
    case Obj::TypeName:
      x.mode = X::TypeExpr;
      x.t = resolve_type(&e);
      break;
    case Obj::Func:
      x.mode = X::Value;
      x.t = o->type;
      x.code = o->lua;
      break;
    case Obj::Pkg:
      import_used_[o->name] = true;
      x.mode = X::PkgName;
      x.code = o->name;
      break;
    case Obj::Builtin:
      x.mode = X::BuiltinFn;
      x.code = o->name;
      break;
    case Obj::Nil:
      x.mode = X::Value;
      x.t = t_nil_;
      x.code = "nil";
      break;
  }
  return x;
}

namespace {

// Decodes one escape of a Go string or rune literal at s[i] (after the backslash); appends the
// bytes to out. False on a malformed escape.
bool unescape(const std::string& s, std::size_t* i, std::string* out, char quote) {
  auto utf8 = [&](std::uint32_t r) {
    if (r < 0x80) {
      out->push_back(static_cast<char>(r));
    } else if (r < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (r >> 6)));
      out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
    } else if (r < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (r >> 12)));
      out->push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (r >> 18)));
      out->push_back(static_cast<char>(0x80 | ((r >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
    }
  };
  // The one-letter escapes, each and the byte it stands for.
  static constexpr std::pair<char, char> kLetters[] = {
      {'a', '\a'}, {'b', '\b'}, {'f', '\f'}, {'n', '\n'},
      {'r', '\r'}, {'t', '\t'}, {'v', '\v'}, {'\\', '\\'},
  };
  if (*i >= s.size()) return false;
  const char c = s[(*i)++];
  for (const auto& [letter, byte] : kLetters) {
    if (c == letter) {
      out->push_back(byte);
      return true;
    }
  }
  switch (c) {
    case '\'':
    case '"':
      if (c != quote) return false;
      out->push_back(c);
      return true;
    case 'x':
    case 'u':
    case 'U': {
      const int n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
      std::uint32_t v = 0;
      for (int k = 0; k < n; ++k) {
        if (*i >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[*i]))) return false;
        const char h = s[(*i)++];
        v = v * 16 + static_cast<std::uint32_t>(std::isdigit(static_cast<unsigned char>(h))
                                                    ? h - '0'
                                                    : (std::tolower(h) - 'a' + 10));
      }
      if (c == 'x') {
        out->push_back(static_cast<char>(v));
      } else {
        if (v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)) return false;
        utf8(v);
      }
      return true;
    }
    default:
      if (c >= '0' && c <= '7') {
        std::uint32_t v = static_cast<std::uint32_t>(c - '0');
        for (int k = 0; k < 2; ++k) {
          if (*i >= s.size() || s[*i] < '0' || s[*i] > '7') return false;
          v = v * 8 + static_cast<std::uint32_t>(s[(*i)++] - '0');
        }
        if (v > 255) return false;
        out->push_back(static_cast<char>(v));
        return true;
      }
      return false;
  }
}

}  // namespace

X Compiler::basic_lit(const Expr& e) {
  X x;
  x.mode = X::Const;
  switch (e.lit_kind) {
    case LitKind::Int: {
      std::string digits;
      for (char c : e.text)
        if (c != '_') digits += c;
      int base = 10;
      std::size_t start = 0;
      if (digits.size() > 1 && digits[0] == '0') {
        const char b = static_cast<char>(std::tolower(digits[1]));
        if (b == 'x')
          base = 16, start = 2;
        else if (b == 'b')
          base = 2, start = 2;
        else if (b == 'o')
          base = 8, start = 2;
        else
          base = 8, start = 1;
      }
      for (std::size_t i = start; i < digits.size(); ++i) {
        const char c = static_cast<char>(std::tolower(digits[i]));
        const int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : c - 'a' + 10;
        if (d < 0 || d >= base) {
          error(e.pos, "invalid digit '" + std::string(1, digits[i]) + "' in " +
                           (base == 8   ? "octal"
                            : base == 2 ? "binary"
                                        : "hexadecimal") +
                           " literal");
          return X{};
        }
      }
      x.t = t_uint_lit_;
      const std::string mag = digits.substr(start);
      set_int(x.cv, mag.empty() ? mpz_class(0) : mpz_class(mag, base));  // exact, however long
      break;
    }
    case LitKind::Float: {
      std::string digits;
      for (char c : e.text)
        if (c != '_') digits += c;
      x.t = t_ufloat_;
      set_float(x.cv, float_literal(digits));
      break;
    }
    case LitKind::Imag:
      refuse(e.pos, "complex numbers");
      return X{};
    case LitKind::Char: {
      const std::string& s = e.text;
      std::string bytes;
      std::size_t i = 1;
      std::uint32_t r = 0;
      if (s.size() >= 3 && s[1] == '\\') {
        ++i;
        const char kind = s[i];
        if (!unescape(s, &i, &bytes, '\'')) {
          error(e.pos, "invalid escape in rune literal");
          return X{};
        }
        if (kind == 'u' || kind == 'U') {
          // decode the UTF-8 back
          const unsigned char b0 = static_cast<unsigned char>(bytes[0]);
          if (b0 < 0x80)
            r = b0;
          else if (b0 < 0xE0)
            r = ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(bytes[1]) & 0x3Fu);
          else if (b0 < 0xF0)
            r = ((b0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(bytes[1]) & 0x3Fu) << 6) |
                (static_cast<unsigned char>(bytes[2]) & 0x3Fu);
          else
            r = ((b0 & 0x07u) << 18) | ((static_cast<unsigned char>(bytes[1]) & 0x3Fu) << 12) |
                ((static_cast<unsigned char>(bytes[2]) & 0x3Fu) << 6) |
                (static_cast<unsigned char>(bytes[3]) & 0x3Fu);
        } else {
          r = static_cast<unsigned char>(bytes[0]);
        }
      } else {
        // One UTF-8 encoded character.
        const unsigned char b0 = static_cast<unsigned char>(s[1]);
        int n = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
        r = n == 1 ? b0 : n == 2 ? (b0 & 0x1Fu) : n == 3 ? (b0 & 0x0Fu) : (b0 & 0x07u);
        for (int k = 1; k < n && static_cast<std::size_t>(1 + k) < s.size(); ++k)
          r = (r << 6) | (static_cast<unsigned char>(s[static_cast<std::size_t>(1 + k)]) & 0x3Fu);
        i = 1 + static_cast<std::size_t>(n);
      }
      if (i + 1 != s.size()) {
        error(e.pos, "more than one character in rune literal");
        return X{};
      }
      x.t = t_urune_;
      set_int(x.cv, static_cast<std::int64_t>(r));
      break;
    }
    case LitKind::String: {
      const std::string& s = e.text;
      std::string v;
      if (s[0] == '`') {
        for (std::size_t i = 1; i + 1 < s.size(); ++i)
          if (s[i] != '\r') v += s[i];
      } else {
        for (std::size_t i = 1; i + 1 < s.size();) {
          if (s[i] == '\\') {
            ++i;
            if (!unescape(s, &i, &v, '"')) {
              error(e.pos, "invalid escape in string literal");
              return X{};
            }
          } else {
            v += s[i++];
          }
        }
      }
      x.t = t_ustring_;
      x.cv.k = CV::Str;
      x.cv.s = v;
      break;
    }
  }
  x.code = const_code(x.cv, x.t);
  x.fresh = true;
  return x;
}

X Compiler::composite(const Expr& e, Type* hint) {
  X x;
  Type* t = nullptr;
  bool inferred_len = false;  // [...]T{...}: the length is the elements'
  if (e.x && e.x->kind == ExprKind::ArrayType && e.x->y && e.x->y->kind == ExprKind::Ellipsis) {
    Type* el = resolve_type(e.x->x.get());
    t = el->k == K::Invalid ? t_invalid_ : array_of(el, 0);
    inferred_len = true;
  } else {
    t = e.x ? resolve_type(e.x.get()) : hint;
  }
  if (t == nullptr) {
    error(e.pos, "invalid composite literal type: missing type");
    return x;
  }
  bool ptr = false;
  if (!e.x && underlying(t)->k == K::Pointer) {  // elided &T in a literal of []*T
    ptr = true;
    t = underlying(t)->elem;
  }
  const Type* u = underlying(t);
  x.mode = X::Value;
  x.t = ptr ? ptr_to(t) : t;
  x.fresh = true;
  if (u->k == K::Invalid) {
    x.mode = X::Invalid;
    return x;
  }
  const bool any_key = std::any_of(e.args.begin(), e.args.end(),
                                   [](const ExprP& a) { return a->kind == ExprKind::KeyValue; });
  if (u->k == K::Array || (u->k == K::Slice && any_key)) {
    // Elements at their indices (a key sets the index, the next element takes the one after);
    // the ones not given are the element type's zero (G.alit fills them).
    Type* et = u->elem;
    std::string elems;
    std::int64_t idx = 0, n = 0;
    std::set<std::int64_t> seen;
    for (const auto& el : e.args) {
      const Expr* ve = el.get();
      if (ve->kind == ExprKind::KeyValue) {
        X k = value(*ve->x, t_int_);
        ve = ve->y.get();
        if (k.mode == X::Invalid) continue;
        if (k.mode != X::Const || !is_integer(k.t) || k.cv.k != CV::Int) {
          error(el->x->pos, "index " + expr_string(el->x.get()) + " must be integer constant");
          continue;
        }
        if (!int_index(k, *el->x)) continue;
        if (k.cv.z < 0) {
          error(el->x->pos,
                "index " + expr_string(el->x.get()) + " must be non-negative integer constant");
          continue;
        }
        idx = k.cv.i;
      }
      if (u->k == K::Array && !inferred_len && idx >= u->len) {
        if (el->kind == ExprKind::KeyValue) {
          error(el->x->pos, "invalid argument: index " + expr_string(el->x.get()) +
                                " out of bounds [0:" + std::to_string(u->len) + "]");
        } else {
          error(ve->pos, "index " + std::to_string(idx) +
                             " is out of bounds (>= " + std::to_string(u->len) + ")");
        }
        value(*ve, et);
        continue;
      }
      if (!seen.insert(idx).second) {
        error(el->pos, "duplicate index " + std::to_string(idx) + " in array or slice literal");
      }
      X v = value(*ve, et);
      if (v.mode != X::Invalid && !assignable(v, et)) {
        error(start_of(*ve), cannot_use(v, *ve, et, "array or slice literal"));
      }
      elems += "[" + std::to_string(idx + 1) + "] = " + convert(v, et) + ", ";
      ++idx;
      n = std::max(n, idx);
    }
    if (inferred_len) t->len = n;
    const std::int64_t len = u->k == K::Array ? u->len : n;
    x.code = "G.alit(" + td(et) + ", " + std::to_string(len) + ", {" + elems + "})";
    return x;
  }
  if (u->k == K::Slice) {
    std::string elems;
    std::size_t n = 0;
    for (const auto& el : e.args) {
      const Expr* ve = el.get();
      X v = value(*ve, u->elem);
      if (v.mode != X::Invalid && !assignable(v, u->elem)) {
        error(start_of(*ve), cannot_use(v, *ve, u->elem, "array or slice literal"));
      }
      elems += (n ? ", " : "") + convert(v, u->elem);
      ++n;
    }
    x.code = "G.slit(" + std::to_string(elem_size(u->elem)) + ", " + std::to_string(n) + ", {" +
             elems + "})";
    return x;
  }
  if (u->k == K::Map) {
    std::string elems;
    std::size_t n = 0;
    std::set<std::string> consts;  // the constant keys so far, as "type value"
    for (const auto& el : e.args) {
      if (el->kind != ExprKind::KeyValue) {
        error(el->pos, "missing key in map literal");
        continue;
      }
      X k = value(*el->x, u->key);
      X v = value(*el->y, u->elem);
      if (k.mode != X::Invalid && !assignable(k, u->key)) {
        error(el->x->pos, cannot_use(k, *el->x, u->key, "map literal"));
      } else if (k.mode == X::Const) {
        // gc's check of constant keys: equal values of one type (an interface key's dynamic
        // type: the constant's default type) are a duplicate.
        Type* kt = u->key;
        if (underlying(kt)->k == K::Interface) kt = is_untyped(k.t) ? default_type(k.t) : k.t;
        std::string val, shown;
        if (is_float(kt)) {
          double d = k.cv.k == CV::Float ? k.cv.f : static_cast<double>(k.cv.i);
          if (is_f32(kt)) d = round_f32(d);
          CV c;
          set_float(c, d);
          char buf[64];
          std::snprintf(buf, sizeof buf, "%a", d == 0 ? 0.0 : d);
          val = buf;
          shown = float_const_string(c);
        } else if (is_integer(kt)) {
          const std::int64_t i = k.cv.k == CV::Float ? static_cast<std::int64_t>(k.cv.f) : k.cv.i;
          val = shown = std::to_string(i);
        } else if (k.cv.k == CV::Str) {
          val = k.cv.s;
          shown = go_quote(k.cv.s);
        } else if (k.cv.k == CV::Bool) {
          val = shown = k.cv.b ? "true" : "false";
        }
        if (!shown.empty() && !consts.insert(type_string(kt) + " " + val).second)
          error(start_of(*el->x), "duplicate key " + shown + " in map literal");
      }
      if (v.mode != X::Invalid && !assignable(v, u->elem))
        error(el->y->pos, cannot_use(v, *el->y, u->elem, "map literal"));
      elems += (n ? ", " : "") + convert(k, u->key) + ", " + convert(v, u->elem);
      n += 2;
    }
    x.code = plain_key(u->key)
                 ? "G.mlit(" + std::to_string(n) + ", {" + elems + "})"
                 : "G.klit(" + td(u->key) + ", " + std::to_string(n) + ", {" + elems + "})";
    return x;
  }
  if (u->k == K::Struct) {
    std::vector<std::string> vals(u->fields.size());
    std::vector<bool> set(u->fields.size(), false);
    const bool keyed = !e.args.empty() && e.args[0]->kind == ExprKind::KeyValue;
    for (std::size_t i = 0; i < e.args.size(); ++i) {
      const Expr* el = e.args[i].get();
      std::size_t fi = i;
      const Expr* ve = el;
      if (keyed) {
        if (el->kind != ExprKind::KeyValue || el->x->kind != ExprKind::Ident) {
          error(el->pos, "mixture of field:value and value elements in struct literal");
          continue;
        }
        fi = u->fields.size();
        for (std::size_t k = 0; k < u->fields.size(); ++k)
          if (u->fields[k].name == el->x->name) fi = k;
        if (fi == u->fields.size()) {
          error(el->x->pos,
                "unknown field " + el->x->name + " in struct literal of type " + type_string(t));
          continue;
        }
        if (set[fi]) {
          error(el->x->pos, "duplicate field name " + el->x->name + " in struct literal");
          continue;
        }
        ve = el->y.get();
      } else {
        if (el->kind == ExprKind::KeyValue) {
          error(el->pos, "mixture of field:value and value elements in struct literal");
          continue;
        }
        if (i >= u->fields.size()) {
          error(el->pos, "too many values in struct literal of type " + type_string(t));
          break;
        }
      }
      Type* ft = u->fields[fi].type;
      hint_name(ve, u->fields[fi].name);
      X v = value(*ve, ft);
      if (v.mode != X::Invalid && !assignable(v, ft)) {
        error(start_of(*ve), cannot_use(v, *ve, ft, "struct literal"));
      }
      vals[fi] = convert(v, ft);
      set[fi] = true;
    }
    if (!keyed && !e.args.empty() && e.args.size() < u->fields.size()) {
      error({e.end_line ? e.end_line : e.pos.line, e.pos.col},
            "too few values in struct literal of type " + type_string(t));
    }
    std::string code = "{";
    for (std::size_t k = 0; k < u->fields.size(); ++k) {
      const std::string v = set[k] ? vals[k] : zero(u->fields[k].type, u->fields[k].name);
      if (v == "nil") continue;
      code += field_lua(u->fields[k].name) + " = " + v + ", ";
    }
    x.code = code + "}";
    return x;
  }
  error(e.pos, "invalid composite literal type " + type_string(t));
  x.mode = X::Invalid;
  return x;
}

X Compiler::func_lit(const Expr& e) {
  X x;
  Type* sig = resolve_type(e.x.get());
  std::string name;
  if (fn_ == nullptr) {
    name = "main.glob..func" + std::to_string(++glob_lits_);
  } else if (fn_->name.find(".func") != std::string::npos) {
    name = fn_->name + "." + std::to_string(++fn_->lits);
  } else {
    name = fn_->name + ".func" + std::to_string(++fn_->lits);
  }
  // The literal's body sees the enclosing function's variables (closures share them).
  std::vector<Brk> saved_brk;
  x.code = func_body(e.x.get(), sig, nullptr, nullptr, *e.body, name);
  last_lit_name_ = name;
  x.mode = X::Value;
  x.t = sig;
  x.fresh = true;
  return x;
}

X Compiler::selector(const Expr& e) {
  X x;
  if (e.x->kind == ExprKind::Ident) {
    Obj* o = lookup(e.x->name);
    if (o != nullptr && o->kind == Obj::Pkg) {
      import_used_[o->name] = true;
      return pkg_member(e, o->pkg, e.name);
    }
  }
  X b = expr(*e.x);
  if (b.mode == X::Invalid) return x;
  if (b.mode == X::TypeExpr) return method_expr(e, b.t);
  need_value(b, e.x->pos);
  if (b.mode == X::Invalid) return x;
  int depth = 0;
  x = member(b, e, false, 0, &depth);
  return x;
}

// The method expression `T.M` or `(*T).M`: a function whose first parameter is the receiver,
// of type func(T, params...) results. It is member() on a stand-in receiver `r_` (the
// function's parameter), so promoted methods, interfaces' methods and gc's errors (a pointer
// method of T, a field, no such method, an ambiguous selector) are the method call's.
X Compiler::method_expr(const Expr& e, Type* t) {
  X x;
  const Type* u = underlying(t);
  if (u->k == K::Invalid) return x;
  const Type* bu = u->k == K::Pointer ? underlying(u->elem) : u;
  if (u->k == K::Pointer && bu->k == K::Interface) {
    error(e.pos, expr_string(&e) + " undefined (type " + type_string(t) +
                     " is pointer to interface, not interface)");
    return x;
  }
  if (bu->k == K::Foreign) {
    refuse(e.pos, "the method expression " + expr_string(&e) + " (of a package's type)");
    return x;
  }
  X r;
  r.mode = X::Value;
  r.t = t;
  r.code = "r_";
  r.addressable = true;  // so member() says whether the method needs one (below)
  const std::size_t before = errs_->size();
  int depth = 0;
  member_needs_addr_ = false;
  X m = member(r, e, false, 0, &depth);
  if (errs_->size() > before || m.mode == X::Invalid) return x;
  if (member_needs_addr_ && u->k != K::Pointer) {
    // T's method set has no pointer method (its own or promoted through an embedded value).
    error(e.pos, "cannot call pointer method " + e.name + " on " + type_string(t));
    return x;
  }
  if (!m.is_method) {
    error(e.pos, expr_string(&e) + " undefined (type " + type_string(t) + " has no method " +
                     e.name + ")");
    return x;
  }
  std::string args = m.recv_code;
  for (const auto& a : m.call_args) args += ", " + a;
  x.mode = X::Value;
  x.t = func_of({}, m.t->results, m.t->variadic);
  x.t->params.push_back(t);
  for (Type* p : m.t->params) x.t->params.push_back(p);
  x.code = "(function(r_, ...) return " + m.method_fn + "(" + args + ", ...) end)";
  x.fresh = true;
  return x;
}

// The field or method `e.name` of the value `b`: its own, else one promoted from an embedded
// field at the shallowest depth that has it (`depth` says which; two there are ambiguous).
// `quiet`: not found is no error (the search through embedded fields, `level` deep; a type that
// embeds a pointer to itself stops the search at 8 levels).
X Compiler::member(const X& b, const Expr& e, bool quiet, int level, int* depth) {
  X x;
  *depth = 0;
  Type* t = b.t;
  const Type* u = underlying(t);
  bool via_ptr = false;
  Type* base = t;
  std::string base_code = b.code;
  if (u->k == K::Pointer) {
    base = u->elem;
    via_ptr = true;
    base_code = "(" + b.code + " or G.np())";
    // A value method through a pointer to a non-struct value: the box's value.
    if (const Type* eu = underlying(base); eu->k != K::Struct && eu->k != K::Foreign)
      base_code += ".v";
  }
  const Type* bu = underlying(base);
  if (bu->k == K::Struct || bu->k == K::Foreign) {
    for (const auto& f : bu->fields) {
      if (f.name == e.name) {
        x.mode = X::Value;
        x.t = f.type;
        x.code = base_code + "." + field_lua(f.name);
        x.addressable = (b.addressable || via_ptr) &&
                        (bu->k == K::Struct || (bu->k == K::Foreign && bu->name == "sync.Cond"));
        return x;
      }
    }
  }
  // A method.
  bool vp = false;
  Method* m = find_method(t->k == K::Pointer ? t : base, e.name, &vp);
  if (m == nullptr && via_ptr) m = find_method(base, e.name, &vp);
  if (m != nullptr) {
    // A package's methods count as value methods, but for the locks' (sync.Mutex's Lock has a
    // pointer receiver: a struct embedding one is no sync.Locker, a pointer to it is).
    member_needs_addr_ =
        m->ptr_recv && !via_ptr &&
        (!m->foreign || base->name == "sync.Mutex" || base->name == "sync.RWMutex");
    x.mode = X::Value;
    x.t = m->sig;
    x.is_method = true;
    if (m->foreign) {
      std::string fname = base->name.substr(base->name.find('.') + 1);
      x.method_fn = "G.F." + fname + "_" + e.name;
      x.recv_code = b.code;
    } else {
      x.method_fn = td(base) + ".m." + mangle(e.name);
      if (m->ptr_recv) {
        if (!via_ptr && !b.addressable) {
          error(e.pos, "cannot call pointer method " + e.name + " on " + type_string(base));
        }
        // The pointer itself, nil included: Go calls a pointer method on a nil receiver.
        x.recv_code = b.code;
      } else {
        X rv = b;
        rv.code = base_code;
        rv.t = base;
        x.recv_code = copy_if_struct(rv);
      }
    }
    // As a value (not called): a closure bound to the receiver now.
    x.code = "G.bind(" + x.method_fn + ", " + x.recv_code + ")";
    return x;
  }
  if (bu->k == K::Interface) {
    for (const auto& f : bu->fields) {
      if (f.name == e.name) {
        member_needs_addr_ = false;
        x.mode = X::Value;
        x.t = f.type;
        x.is_method = true;
        x.method_fn = "G.icall";
        x.recv_code = b.code;
        x.call_args = {lua_quote(e.name)};  // after the receiver
        x.code = "G.ibind(" + b.code + ", " + lua_quote(e.name) + ")";
        return x;
      }
    }
  }
  if (bu->k == K::Struct && level < 8) {
    X best;
    int best_depth = 1 << 20, at_best = 0;
    bool best_needs_addr = false;
    for (const auto& f : bu->fields) {
      if (!f.embedded) continue;
      X fb;
      fb.mode = X::Value;
      fb.t = f.type;
      fb.code = base_code + "." + field_lua(f.name);
      fb.addressable = b.addressable || via_ptr;
      int d = 0;
      X r = member(fb, e, true, level + 1, &d);
      if (r.mode == X::Invalid) continue;
      if (d < best_depth) {
        best = r;
        best_depth = d;
        at_best = 1;
        // Through an embedded pointer every method of what it points to is callable.
        best_needs_addr = member_needs_addr_ && f.type->k != K::Pointer;
      } else if (d == best_depth) {
        ++at_best;
      }
    }
    if (at_best > 1) {
      if (!quiet) error(e.pos, "ambiguous selector " + expr_string(&e));
      return x;
    }
    if (at_best == 1) {
      *depth = best_depth + 1;
      member_needs_addr_ = best_needs_addr;
      return best;
    }
  }
  if (quiet || u->k == K::Invalid) return x;  // the operand's own error was reported
  // A package's type (testing.T, sync.WaitGroup, time.Time): the program builds with Go, so its
  // method is one Go has and the subset does not.
  if (base != nullptr && underlying(base)->k == K::Foreign) {
    refuse(e.pos, "the method " + type_string(base) + "." + e.name);
    return x;
  }
  error(e.pos, expr_string(&e) + " undefined (type " + type_string(t) + " has no field or method " +
                   e.name + ")");
  return x;
}

X Compiler::index(const Expr& e) {
  X x;
  X b = value(*e.x);
  if (b.mode == X::Invalid) return x;
  const Type* u = underlying(b.t);
  if (u->k == K::Map) {
    X k = value(*e.y, u->key);
    if (k.mode != X::Invalid && !assignable(k, u->key)) {
      error(start_of(*e.y), cannot_use(k, *e.y, u->key, "map index"));
    }
    const std::string kc = convert(k, u->key);
    x.mode = X::Value;
    x.t = u->elem;
    if (!plain_key(u->key)) {
      const std::string kt = td(u->key);
      x.code = "G.kget(" + b.code + ", " + kt + ", " + kc + ", " + zero(u->elem) + ")";
      x.ok_code = "G.kget2(" + b.code + ", " + kt + ", " + kc + ", " + zero(u->elem) + ")";
      return x;
    }
    x.code = "G.mget(" + b.code + ", " + kc + ", " + zero(u->elem) + ")";
    x.map_index = true;
    x.ok_code = "G.mget2(" + b.code + ", " + kc + ", " + zero(u->elem) + ")";
    return x;
  }
  X i = value(*e.y, t_int_);
  if (i.mode != X::Invalid && !is_integer(i.t)) {
    error(e.y->pos, "invalid argument: index " + describe_x(i, *e.y) + " must be integer");
    return x;
  }
  if (!int_index(i, *e.y)) return x;
  if (i.mode == X::Const && i.cv.k == CV::Int && i.cv.z < 0) {
    error(e.y->pos, "invalid argument: index " + expr_string(e.y.get()) +
                        " (constant of type int) must not be negative");
    return x;
  }
  if (u->k == K::Slice) {
    x.mode = X::Value;
    x.t = u->elem;
    x.code = "G.ix(" + b.code + ", " + i.code + ")";
    x.addressable = true;
    return x;
  }
  if (u->k == K::Array || (u->k == K::Pointer && underlying(u->elem)->k == K::Array)) {
    // An array's element, or through a pointer to an array (p[i] is (*p)[i]).
    const bool ptr = u->k == K::Pointer;
    const Type* au = ptr ? underlying(u->elem) : u;
    if (i.mode == X::Const && i.cv.k == CV::Int && i.cv.i >= au->len) {
      error(e.y->pos, "invalid argument: index " + expr_string(e.y.get()) +
                          " out of bounds [0:" + std::to_string(au->len) + "]");
      return x;
    }
    x.mode = X::Value;
    x.t = au->elem;
    x.code = "G.ix(" + (ptr ? "(" + b.code + " or G.np())" : b.code) + ", " + i.code + ")";
    x.addressable = ptr || b.addressable;
    return x;
  }
  if (u->k == K::String) {
    x.mode = X::Value;
    x.t = lookup("byte")->type;
    x.code = "G.sidx(" + b.code + ", " + i.code + ")";
    return x;
  }
  if (u->k == K::Func || (u->k == K::Named)) {
    refuse(e.pos, "generic function instantiation");
    return x;
  }
  error(e.pos, "invalid operation: cannot index " + describe_x(b, *e.x));
  return x;
}

X Compiler::slice_expr(const Expr& e) {
  X x;
  X b = value(*e.x);
  if (b.mode == X::Invalid) return x;
  const Type* u = underlying(b.t);
  std::string lo = "0", hi = "nil";
  // Constant indices are checked now: against an array's length, and lo <= hi.
  const Type* arr = u->k == K::Array                                           ? u
                    : u->k == K::Pointer && underlying(u->elem)->k == K::Array ? underlying(u->elem)
                                                                               : nullptr;
  std::int64_t clo = -1, chi = -1;
  auto const_bound = [&](const X& ix, const Expr& ie) {
    if (ix.mode != X::Const || ix.cv.k != CV::Int || !int_index(ix, ie)) return std::int64_t{-1};
    if (arr != nullptr && ix.cv.i > arr->len) {
      error(ie.pos, "invalid argument: index " + expr_string(&ie) +
                        " out of bounds [0:" + std::to_string(arr->len + 1) + "]");
      return std::int64_t{-1};
    }
    return ix.cv.i;
  };
  if (e.has_lo) {
    X l = value(*e.y, t_int_);
    if (l.mode != X::Invalid && !is_integer(l.t))
      error(e.y->pos, "invalid argument: index " + describe_x(l, *e.y) + " must be integer");
    lo = l.code;
    clo = const_bound(l, *e.y);
  }
  if (e.has_hi) {
    X h = value(*e.z, t_int_);
    if (h.mode != X::Invalid && !is_integer(h.t))
      error(e.z->pos, "invalid argument: index " + describe_x(h, *e.z) + " must be integer");
    hi = h.code;
    chi = const_bound(h, *e.z);
    if (clo >= 0 && chi >= 0 && clo > chi)
      error(e.z->pos,
            "invalid slice indices: " + std::to_string(chi) + " < " + std::to_string(clo));
  }
  x.mode = X::Value;
  x.fresh = true;
  if (u->k == K::Slice) {
    x.t = b.t;
    x.code = "G.sls(" + b.code + ", " + lo + ", " + hi + ")";
    return x;
  }
  if (u->k == K::Array || (u->k == K::Pointer && underlying(u->elem)->k == K::Array)) {
    // A slice sharing the array's table (an array is held as a slice of its whole length).
    const bool ptr = u->k == K::Pointer;
    if (!ptr && !b.addressable) {
      error(start_of(*e.x),
            "invalid operation: " + describe_x(b, *e.x) + " (slice of unaddressable value)");
      x.mode = X::Invalid;
      return x;
    }
    x.t = slice_of((ptr ? underlying(u->elem) : u)->elem);
    x.code = "G.asl(" + (ptr ? "(" + b.code + " or G.np())" : b.code) + ", " + lo + ", " + hi + ")";
    return x;
  }
  if (u->k == K::String) {
    x.t = b.t->k == K::UntypedString ? t_string_ : b.t;
    x.code = "G.ssl(" + b.code + ", " + lo + ", " + hi + ")";
    return x;
  }
  error(e.pos, "cannot slice " + describe_x(b, *e.x));
  x.mode = X::Invalid;
  return x;
}

X Compiler::type_assert(const Expr& e) {
  X x;
  X b = value(*e.x);
  if (b.mode == X::Invalid) return x;
  if (underlying(b.t)->k != K::Interface) {
    error(e.x->pos, "invalid operation: " + expr_string(e.x.get()) + " (" +
                        (b.obj ? "variable" : "value") + " of type " + type_string(b.t) +
                        ") is not an interface");
    return x;
  }
  Type* t = resolve_type(e.y.get());
  if (t->k == K::Invalid) return x;
  x.mode = X::Value;
  x.t = t;
  x.fresh = true;
  const std::string iname = lua_quote(type_string(b.t, true));
  if (underlying(t)->k == K::Interface) {
    x.code = "G.asi(" + b.code + ", " + td(t) + ", " + iname + ")";
    x.ok_code = "G.asi2(" + b.code + ", " + td(t) + ")";
  } else {
    std::string missing;
    if (!implements(t, b.t, &missing)) {
      error(e.y->pos, "impossible type assertion: " + expr_string(&e) + "\n\t" + type_string(t) +
                          " does not implement " + type_string(b.t) + " (missing method " +
                          missing + ")");
    }
    x.code = "G.as(" + b.code + ", " + td(t) + ", " + iname + ")";
    x.ok_code = "G.as2(" + b.code + ", " + td(t) + ", " + zero(t) + ")";
  }
  return x;
}

// The arguments of a call against a signature: converted, variadic ones packed in a slice.
std::string Compiler::args_code(const Expr& call, Type* sig, std::size_t skip) {
  std::vector<std::string> out;
  std::vector<X> xs;
  const auto& args = call.args;
  bool spread_multi = false;
  if (args.size() == 1 + skip && (sig->params.size() > 1 || sig->variadic)) {
    X x = expr(*args[skip]);
    if (x.mode == X::Multi) {
      // f(g()) with g returning several values.
      spread_multi = true;
      const auto& rs = x.t->results;
      bool ok =
          rs.size() == sig->params.size() || (sig->variadic && rs.size() >= sig->params.size() - 1);
      if (!ok) {
        error(args[skip]->pos,
              std::string(rs.size() < sig->params.size() ? "not enough" : "too many") +
                  " arguments in call to " + callee_name(call) + "\n\thave " + type_string(x.t) +
                  "\n\twant " + type_string(tuple_of(sig->params)).substr(0));
      }
      // Convert each result as an argument: a function of the results does it in Lua.
      std::string params, converted, elems;
      std::size_t k = 0;
      for (std::size_t i = 0; i < rs.size(); ++i) {
        const std::string t = "__m" + std::to_string(i + 1);
        params += (i ? ", " : "") + t;
        X r;
        r.mode = X::Value;
        r.t = rs[i];
        r.code = t;
        r.fresh = true;
        const bool in_variadic = sig->variadic && i + 1 >= sig->params.size();
        Type* pt = in_variadic ? sig->params.back()->elem
                               : (i < sig->params.size() ? sig->params[i] : nullptr);
        if (pt != nullptr && !assignable(r, pt)) {
          error(args[skip]->pos, "cannot use " + expr_string(args[skip].get()) +
                                     " (value of type " + type_string(x.t) + ") as " +
                                     type_string(pt) + " value in argument to " +
                                     callee_name(call));
        }
        const std::string v = pt ? convert(r, pt) : t;
        if (in_variadic) {
          elems += (k++ ? ", " : "") + v;
        } else {
          converted += (converted.empty() ? "" : ", ") + v;
        }
      }
      if (sig->variadic) {
        const std::string sl = "G.slit(0, " + std::to_string(k) + ", {" + elems + "})";
        converted += (converted.empty() ? "" : ", ") + sl;
      }
      const std::string code =
          "(function(" + params + ") return " + converted + " end)(" + x.code + ")";
      last_args_.clear();
      last_args_.push_back(code);
      return code;
    }
    xs.push_back(std::move(x));
  }
  (void)spread_multi;
  for (std::size_t i = skip + xs.size(); i < args.size(); ++i) {
    Type* hint = nullptr;
    const std::size_t pi = i - skip;
    if (pi < sig->params.size()) hint = sig->params[pi];
    if (sig->variadic && pi >= sig->params.size() - 1 && !call.ellipsis)
      hint = sig->params.back()->elem;
    xs.push_back(value(*args[i], hint));
  }
  const std::size_t n = xs.size();
  const std::size_t np = sig->params.size();
  auto have_want = [&]() {
    std::string have = "(";
    for (std::size_t i = 0; i < n; ++i)
      have +=
          (i ? ", " : "") + (xs[i].mode == X::Const && is_untyped(xs[i].t) && is_numeric(xs[i].t)
                                 ? std::string("number")
                                 : type_string(xs[i].t));
    return "\n\thave " + have + ")\n\twant " + type_string(tuple_of(sig->params)).substr(0);
  };
  std::string want = type_string(func_of(sig->params, {}, sig->variadic));
  want = want.substr(4);
  auto have_want2 = [&]() {
    std::string have = "(";
    for (std::size_t i = 0; i < n; ++i)
      have +=
          (i ? ", " : "") + (xs[i].mode == X::Const && is_untyped(xs[i].t) && is_numeric(xs[i].t)
                                 ? std::string("number")
                                 : type_string(xs[i].t));
    return "\n\thave " + have + ")\n\twant " + want;
  };
  (void)have_want;
  if (!sig->variadic || call.ellipsis) {
    if (n != np) {
      // gc 1.19: a missing argument is reported at the last one given (or the call's start:
      // `t.M()` at t).
      Pos rp = n < np ? (args.empty() ? start_of(call) : args.back()->pos) : args[skip + np]->pos;
      error(rp, std::string(n < np ? "not enough" : "too many") + " arguments in call to " +
                    callee_name(call) + have_want2());
      return "";
    }
  } else if (n < np - 1) {
    error(args.empty() ? start_of(call) : args.back()->pos,
          "not enough arguments in call to " + callee_name(call) + have_want2());
    return "";
  }
  const std::size_t fixed = sig->variadic && !call.ellipsis ? np - 1 : np;
  for (std::size_t i = 0; i < fixed && i < n; ++i) {
    X& x = xs[i];
    if (x.mode == X::Invalid) continue;
    if (!assignable(x, sig->params[i])) {
      error(start_of(*args[skip + i]),
            cannot_use(x, *args[skip + i], sig->params[i], "argument to " + callee_name(call)));
      continue;
    }
    out.push_back(convert(x, sig->params[i]));
  }
  if (sig->variadic && !call.ellipsis) {
    Type* et = sig->params.back()->elem;
    std::string elems;
    std::size_t k = 0;
    for (std::size_t i = fixed; i < n; ++i) {
      X& x = xs[i];
      if (x.mode == X::Invalid) continue;
      if (!assignable(x, et)) {
        error(start_of(*args[skip + i]),
              cannot_use(x, *args[skip + i], et, "argument to " + callee_name(call)));
        continue;
      }
      elems += (k++ ? ", " : "") + convert(x, et);
    }
    out.push_back(k == 0 ? "nil"
                         : "G.slit(" + std::to_string(elem_size(et)) + ", " + std::to_string(k) +
                               ", {" + elems + "})");
  }
  last_args_ = out;
  std::string s;
  for (std::size_t i = 0; i < out.size(); ++i) s += (i ? ", " : "") + out[i];
  return s;
}

X Compiler::call(const Expr& e) {
  X x;
  const Expr* fe = e.x.get();
  while (fe->kind == ExprKind::Paren) fe = fe->x.get();
  if (fe->kind == ExprKind::Ident) {
    Obj* o = lookup(fe->name);
    if (o != nullptr && o->kind == Obj::Builtin) {
      o->used = true;
      return builtin_call(e, fe->name);
    }
  }
  X f = expr(*e.x);
  if (f.mode == X::Invalid) return x;
  if (f.mode == X::TypeExpr) {
    if (e.args.size() != 1) {
      error(e.pos, std::string(e.args.empty() ? "missing argument" : "too many arguments") +
                       " in conversion to " + type_string(f.t));
      return x;
    }
    return conversion(e, f.t);
  }
  if (f.mode == X::BuiltinFn) return builtin_call(e, f.code);
  if (!f.call_fn.empty() && f.mode == X::Value && f.t == nullptr)
    return f;  // a package function that lowered itself
  if (f.pkg_call && (f.pkg_fn.rfind("slices.", 0) == 0 || f.pkg_fn.rfind("maps.", 0) == 0))
    return generic_call(e, f);  // typed from its arguments
  need_value(f, e.x->pos);
  if (f.mode == X::Invalid) return x;
  const Type* u = underlying(f.t);
  if (u->k != K::Func) {
    error(e.pos, "invalid operation: cannot call non-function " + describe_x(f, *e.x));
    return x;
  }
  Type* sig = f.t;
  if (f.pkg_call) {
    return pkg_call(e, f);
  }
  last_args_.clear();
  args_code(e, sig);
  std::vector<std::string> args = last_args_;
  if (f.is_method) {
    x.call_fn = f.method_fn;
    x.call_args.push_back(f.recv_code);
    for (const auto& a : f.call_args) x.call_args.push_back(a);
  } else {
    x.call_fn = f.code;
    if (e.x->kind == ExprKind::FuncLit) x.call_fn = "(" + f.code + ")";
  }
  for (const auto& a : args) x.call_args.push_back(a);
  if (f.is_method && f.method_fn.rfind("G.F.", 0) == 0 &&
      (f.method_fn.size() > 3 && (f.method_fn.compare(f.method_fn.size() - 3, 3, "_Go") == 0 ||
                                  f.method_fn.compare(f.method_fn.size() - 6, 6, "_TryGo") == 0)) &&
      e.args.size() == 1) {
    // wg.Go(f), g.Go(f), g.TryGo(f): the goroutine is named after the function it runs, as a
    // go statement's is (main.func1 for a literal).
    const Expr* fn = e.args[0].get();
    while (fn->kind == ExprKind::Paren) fn = fn->x.get();
    x.call_args.push_back(
        lua_quote(fn->kind == ExprKind::FuncLit ? last_lit_name_ : expr_string(fn)));
  }
  if (f.is_method && f.method_fn == "G.F.T_Run" && e.args.size() == 2) {
    // Whether the subtest may call t.Parallel: then it runs in a goroutine of its own.
    x.call_args.push_back(may_call_parallel(*e.args[1]) ? "true" : "false");
  }
  std::string s;
  for (std::size_t i = 0; i < x.call_args.size(); ++i) s += (i ? ", " : "") + x.call_args[i];
  x.code = x.call_fn + "(" + s + ")";
  set_call_result(x, sig);
  return x;
}

std::int64_t Compiler::array_len(const Expr& len) {
  // A variable named as a length is not thereby used (gc reports it unused too).
  Obj* o = len.kind == ExprKind::Ident ? lookup(len.name) : nullptr;
  const bool was_used = o != nullptr && o->used;
  X n = value(len);
  if (n.mode == X::Invalid) return -1;
  if (n.mode != X::Const) {
    if (o != nullptr) o->used = was_used;
    error(len.pos, "invalid array length " + expr_string(&len));
    return -1;
  }
  if (n.cv.k == CV::Float && integral(n.cv) && is_untyped(n.t)) {
    set_int(n.cv, whole(n.cv));
  }
  if (n.cv.k != CV::Int || !(is_integer(n.t) || n.t->k == K::UntypedFloat) ||
      !int_fits(n.cv, t_int_)) {
    error(len.pos, "array length " + describe_x(n, len) + " must be integer");
    return -1;
  }
  if (n.cv.i < 0) {
    error(len.pos, "invalid array length " + describe_x(n, len));
    return -1;
  }
  return n.cv.i;
}

void Compiler::mentions(const Expr* e, std::set<std::string>* out) {
  if (e == nullptr || e->kind == ExprKind::FuncLit) return;
  if (e->kind == ExprKind::Ident) out->insert(e->name);
  mentions(e->x.get(), out);
  if (e->kind == ExprKind::Selector) return;  // x.name: the name is not a package-level one
  mentions(e->y.get(), out);
  mentions(e->z.get(), out);
  for (const auto& a : e->args) mentions(a.get(), out);
  for (const auto* fs : {&e->params, &e->results, &e->fields})
    for (const Field& fl : *fs) mentions(fl.type.get(), out);
}

bool Compiler::calls_or_receives(const Expr& e) {
  if (e.kind == ExprKind::Call) return true;
  if (e.kind == ExprKind::Unary && e.name == "<-") return true;
  if (e.kind == ExprKind::FuncLit) return false;
  for (const Expr* c : {e.x.get(), e.y.get(), e.z.get()})
    if (c != nullptr && calls_or_receives(*c)) return true;
  for (const auto& a : e.args)
    if (calls_or_receives(*a)) return true;
  return false;
}

X Compiler::builtin_call(const Expr& e, const std::string& name) {
  X x;
  x.mode = X::Value;
  x.fresh = true;
  const auto& args = e.args;
  auto want = [&](std::size_t lo, std::size_t hi) {
    if (args.size() < lo) {
      error(e.rparen, "not enough arguments for " + expr_string(&e) + " (expected " +
                          std::to_string(lo) + ", found " + std::to_string(args.size()) + ")");
      return false;
    }
    if (args.size() > hi) {
      error(args[hi]->pos, "too many arguments for " + expr_string(&e) + " (expected " +
                               std::to_string(hi) + ", found " + std::to_string(args.size()) + ")");
      return false;
    }
    return true;
  };
  auto finish_call = [&](const std::string& fn, std::vector<std::string> a) {
    x.call_fn = fn;
    x.call_args = a;
    std::string s;
    for (std::size_t i = 0; i < a.size(); ++i) s += (i ? ", " : "") + a[i];
    x.code = fn + "(" + s + ")";
  };
  if (name == "len" || name == "cap") {
    if (!want(1, 1)) return X{};
    X a = value(*args[0]);
    if (a.mode == X::Invalid) return X{};
    const Type* u = underlying(a.t);
    x.t = t_int_;
    if (name == "len" && is_string(u)) {
      if (a.mode == X::Const) {
        x.mode = X::Const;
        set_int(x.cv, static_cast<std::int64_t>(a.cv.s.size()));
        x.code = std::to_string(x.cv.i);
        return x;
      }
      finish_call("string.len", {a.code});
      return x;
    }
    if (u->k == K::Slice) {
      finish_call(name == "len" ? "G.len" : "G.cap", {a.code});
      return x;
    }
    if (u->k == K::Array || (u->k == K::Pointer && underlying(u->elem)->k == K::Array)) {
      // Constant unless the operand receives or calls a function (Go's rule); either way the
      // array's length, but the operand is evaluated when not constant.
      const std::int64_t n = (u->k == K::Array ? u : underlying(u->elem))->len;
      if (!calls_or_receives(*args[0])) {
        x.mode = X::Const;
        x.t = t_int_;
        set_int(x.cv, n);
        x.code = std::to_string(n);
        return x;
      }
      x.code = "(function() local _ = " + a.code + " return " + std::to_string(n) + " end)()";
      x.fresh = true;
      return x;
    }
    if (u->k == K::Chan) {
      finish_call(name == "len" ? "G.clen" : "G.ccap", {a.code});
      return x;
    }
    if (u->k == K::Map && name == "len") {
      finish_call("G.mlen", {a.code});
      return x;
    }
    error(args[0]->pos, "invalid argument: " + describe_x(a, *args[0]) + " for " + name);
    return X{};
  }
  if (name == "make") {
    if (args.empty()) {
      error(e.rparen, "not enough arguments for make() (expected 1, found 0)");
      return X{};
    }
    Type* t = resolve_type(args[0].get());
    const Type* u = underlying(t);
    x.t = t;
    std::vector<std::string> sizes;
    for (std::size_t i = 1; i < args.size(); ++i) {
      X n = value(*args[i], t_int_);
      if (n.mode != X::Invalid && !is_integer(n.t) &&
          !(n.mode == X::Const && n.cv.k == CV::Float)) {
        error(args[i]->pos, "cannot convert " + describe_x(n, *args[i]) + " to type int");
      }
      if (n.mode == X::Const && n.cv.k == CV::Int && n.cv.z < 0) {
        error(args[i]->pos, "invalid argument: index " + expr_string(args[i].get()) +
                                " (constant of type int) must not be negative");
      }
      int_index(n, *args[i]);
      sizes.push_back(n.mode == X::Const ? const_code(n.cv, t_int_) : n.code);
    }
    if (u->k == K::Slice) {
      if (sizes.empty() || sizes.size() > 2) {
        error(e.pos,
              sizes.empty()
                  ? "invalid operation: " + expr_string(&e) + " expects 2 or 3 arguments; found 1"
                  : "invalid operation: " + expr_string(&e) + " expects 2 or 3 arguments; found " +
                        std::to_string(args.size()));
        return X{};
      }
      const std::string z = zero(u->elem);
      const bool st = is_aggregate(u->elem) || underlying(u->elem)->k == K::Foreign;
      finish_call("G.mks",
                  {std::to_string(elem_size(u->elem)), sizes[0],
                   sizes.size() > 1 ? sizes[1] : "nil", st ? "nil" : z, st ? td(u->elem) : "nil"});
      return x;
    }
    if (u->k == K::Map) {
      finish_call("G.mkm", {});
      return x;
    }
    if (u->k == K::Chan) {
      const std::string n = take_hint(&e);
      std::vector<std::string> a = {sizes.empty() ? "0" : sizes[0]};
      if (!n.empty()) a.push_back(lua_quote(n));
      finish_call("chan", a);
      return x;
    }
    if (u->k != K::Invalid)
      error(args[0]->pos, "invalid argument: cannot make " + expr_string(args[0].get()) +
                              "; type must be slice, map, or channel");
    return X{};
  }
  if (name == "new") {
    if (!want(1, 1)) return X{};
    Type* t = resolve_type(args[0].get());
    const Type* u = underlying(t);
    if (u->k == K::Invalid) return X{};
    x.t = ptr_to(t);
    if (u->k != K::Struct && u->k != K::Array && u->k != K::Foreign) {
      x.code = "G.ref(" + zero(t) + ")";  // a fresh box (see boxes())
      return x;
    }
    x.code = zero(t, take_hint(&e));
    return x;
  }
  if (name == "append") {
    if (args.empty()) {
      error(e.rparen, "not enough arguments for append() (expected 1, found 0)");
      return X{};
    }
    X s = value(*args[0]);
    if (s.mode == X::Invalid) return X{};
    const Type* u = underlying(s.t);
    if (s.t->k == K::UntypedNil) {
      error(args[0]->pos, "first argument to append must be a typed slice; found untyped nil");
      return X{};
    }
    if (u->k != K::Slice) {
      error(args[0]->pos, "invalid argument: " + describe_x(s, *args[0]) + " (expected slice)");
      return X{};
    }
    x.t = s.t;
    const std::string es = std::to_string(elem_size(u->elem));
    if (e.ellipsis) {
      if (args.size() != 2) {
        error(e.pos, "can only use ... with final argument in list");
        return X{};
      }
      X t = value(*args[1], s.t);
      if (is_string(t.t) && underlying(u->elem)->k == K::Uint8) {
        finish_call("G.appv", {s.code, es, "G.bytes(" + t.code + ")", "nil"});
        return x;
      }
      if (!assignable(t, s.t) &&
          !(underlying(t.t)->k == K::Slice && identical(underlying(t.t), u))) {
        error(args[1]->pos, cannot_use(t, *args[1], s.t, "argument to append"));
      }
      finish_call("G.appv", {s.code, es, t.code, elem_td(u->elem)});
      return x;
    }
    std::string elems;
    for (std::size_t i = 1; i < args.size(); ++i) {
      X v = value(*args[i], u->elem);
      if (v.mode == X::Invalid) continue;
      if (!assignable(v, u->elem)) {
        error(start_of(*args[i]), cannot_use(v, *args[i], u->elem, "argument to append"));
        continue;
      }
      elems += (i > 1 ? ", " : "") + convert(v, u->elem);
    }
    finish_call("G.app",
                {s.code, es, std::to_string(args.size() - 1), "{" + elems + "}", elem_td(u->elem)});
    return x;
  }
  if (name == "copy") {
    if (!want(2, 2)) return X{};
    X d = value(*args[0]);
    X s = value(*args[1]);
    x.t = t_int_;
    if (is_string(s.t)) {
      finish_call("G.copy", {d.code, "G.bytes(" + s.code + ")"});
      return x;
    }
    const Type* du = underlying(d.t);
    finish_call("G.copy", {d.code, s.code, du->k == K::Slice ? elem_td(du->elem) : "nil"});
    return x;
  }
  if (name == "delete") {
    if (!want(2, 2)) return X{};
    X m = value(*args[0]);
    const Type* u = underlying(m.t);
    if (u->k != K::Map) {
      if (m.mode != X::Invalid)
        error(args[0]->pos, "invalid argument: " + describe_x(m, *args[0]) + " is not a map");
      return X{};
    }
    X k = value(*args[1], u->key);
    if (!plain_key(u->key)) {
      finish_call("G.kdel", {m.code, td(u->key), convert(k, u->key)});
    } else {
      finish_call("G.mdel", {m.code, convert(k, u->key)});
    }
    x.mode = X::NoValue;
    return x;
  }
  if (name == "close") {
    if (!want(1, 1)) return X{};
    X c = value(*args[0]);
    const Type* u = underlying(c.t);
    if (u->k != K::Chan) {
      if (c.mode != X::Invalid)
        error(args[0]->pos, "invalid operation: non-chan argument " + describe_x(c, *args[0]));
      return X{};
    }
    if (u->dir == ChanDir::Recv)
      error(args[0]->pos,
            "invalid operation: cannot close receive-only channel " + describe_x(c, *args[0]));
    finish_call("G.close", {c.code});
    x.mode = X::NoValue;
    return x;
  }
  if (name == "panic") {
    if (!want(1, 1)) return X{};
    X v = value(*args[0], t_any_);
    finish_call("G.panic", {convert(v, t_any_)});
    x.mode = X::NoValue;
    return x;
  }
  if (name == "recover") {
    if (!want(0, 0)) return X{};
    x.t = t_any_;
    finish_call("G.recover", {});
    return x;
  }
  if (name == "min" || name == "max") {
    if (args.empty()) {
      error(e.rparen, "not enough arguments for " + name + "() (expected 1, found 0)");
      return X{};
    }
    std::vector<X> xs;
    Type* t = nullptr;
    for (const auto& a : args) {
      xs.push_back(value(*a));
      if (!is_untyped(xs.back().t)) t = xs.back().t;
    }
    if (t == nullptr) {
      // All constant: fold.
      X r = xs[0];
      for (std::size_t i = 1; i < xs.size(); ++i) {
        X c = binary_of(*args[0], *args[i], "<", e.pos, e.pos);
        (void)c;
        const bool less = xs[i].cv.k == CV::Float || r.cv.k == CV::Float
                              ? exact(xs[i].cv) < exact(r.cv)
                          : xs[i].cv.k == CV::Str ? xs[i].cv.s < r.cv.s
                                                  : xs[i].cv.z < r.cv.z;
        if ((name == "min") == less) r = xs[i];
      }
      return r;
    }
    std::vector<std::string> a;
    for (std::size_t i = 0; i < xs.size(); ++i) {
      if (!assignable(xs[i], t) || !(is_numeric(t) || is_string(t))) {
        error(args[i]->pos, "invalid argument: mismatched types in " + name);
        return X{};
      }
      a.push_back(convert(xs[i], t));
    }
    x.t = t;
    if (is_u64(t)) {
      finish_call(name == "min" ? "G.umin" : "G.umax", a);
      return x;
    }
    finish_call(name == "min" ? "G.min" : "G.max", a);
    return x;
  }
  if (name == "clear") {
    if (!want(1, 1)) return X{};
    X m = value(*args[0]);
    const Type* u = underlying(m.t);
    if (u->k == K::Map) {
      finish_call("G.mclear", {m.code});
    } else if (u->k == K::Slice) {
      const bool st = is_aggregate(u->elem);
      finish_call("G.sclear", {m.code, st ? "nil" : zero(u->elem), st ? td(u->elem) : "nil"});
    } else {
      error(args[0]->pos,
            "invalid argument: " + describe_x(m, *args[0]) + " (must be map or slice)");
      return X{};
    }
    x.mode = X::NoValue;
    return x;
  }
  if (name == "print" || name == "println") {
    // Go's runtime print: to standard error, each argument by its kind (println puts spaces
    // between them and a newline after). Kinds it prints as machine addresses (pointers,
    // channels, maps, slices, funcs, interfaces) would differ run to run: refused.
    std::vector<std::string> a = {name == "println" ? "true" : "false"};
    for (const auto& arg : args) {
      X v = value(*arg);
      if (v.mode == X::Invalid) return X{};
      if (v.t->k == K::UntypedNil) {
        error(arg->pos, "use of untyped nil in argument to built-in " + name);
        return X{};
      }
      Type* t = is_untyped(v.t) ? default_type(v.t) : v.t;
      if (!assignable(v, t)) {  // an untyped constant its default type does not hold
        error(start_of(*arg), cannot_use(v, *arg, t, "argument to " + name));
        return X{};
      }
      const Type* u = underlying(t);
      const char* kind = is_boolean(u)   ? "b"
                         : is_float(u)   ? "f"
                         : is_string(u)  ? "s"
                         : is_u64(u)     ? "u"
                         : is_integer(u) ? "i"
                                         : nullptr;
      if (kind == nullptr) {
        refuse(arg->pos, name + " of " + a_or_an(type_string(t)) +
                             " value (the builtin prints it as a machine address)");
        return X{};
      }
      a.push_back(std::string("\"") + kind + "\"");
      a.push_back(convert(v, t));
    }
    finish_call("G.bprint", a);
    x.mode = X::NoValue;
    return x;
  }
  refuse(e.pos, "the builtin " + name);
  return X{};
}

X Compiler::conversion(const Expr& e, Type* to) {
  X x;
  X a = value(*e.args[0], to);
  if (a.mode == X::Invalid || to->k == K::Invalid) return x;
  const Type* tu = underlying(to);
  const Type* au = underlying(a.t);
  x.mode = X::Value;
  x.t = to;
  x.fresh = true;
  auto bad = [&]() {
    error(e.args[0]->pos,
          "cannot convert " + describe_x(a, *e.args[0]) + " to type " + type_string(to));
    return X{};
  };
  if (a.mode == X::Const && (is_numeric(tu) || is_string(tu) || is_boolean(tu))) {
    x.mode = X::Const;
    x.cv = a.cv;
    if (is_integer(tu)) {
      if (a.cv.k == CV::Float) {
        if (!integral(a.cv)) {
          error(e.args[0]->pos, "cannot convert " + describe_x(a, *e.args[0]) + " to type " +
                                    type_string(to) + " (truncated)");
          return X{};
        }
        set_int(x.cv, whole(a.cv));
      } else if (a.cv.k != CV::Int) {
        return bad();
      }
      if (!int_fits(x.cv, tu)) {  // byte(300), uint64(-1); int(1e30) is named as 10^30
        a.cv = x.cv;
        return bad();
      }
    } else if (is_float(tu)) {
      if (a.cv.k != CV::Int && a.cv.k != CV::Float) return bad();
      if (is_f32(tu)) {
        if (a.cv.k == CV::Float && overflows_f32(a.cv.f)) return bad();
        set_float32(x.cv);                         // an int in one rounding
        if (!std::isfinite(x.cv.f)) return bad();  // float32(1 << 200)
      } else {
        if (a.cv.k == CV::Int) set_float(x.cv, exact(a.cv));
        if (!is_untyped(tu)) set_float(x.cv, x.cv.f);  // a typed constant holds a value of its type
      }
    } else if (is_string(tu)) {
      if (a.cv.k == CV::Int) {
        std::string s;
        std::size_t i = 0;
        (void)i;
        x.mode = X::Value;
        // A value past int64 is no rune either: "\uFFFD", as -1 is.
        x.code = "G.rstr(" + std::to_string(int_fits(a.cv, t_int_) ? a.cv.i : -1) + ")";
        return x;
      }
      if (a.cv.k != CV::Str) return bad();
    } else if (is_boolean(tu) && a.cv.k != CV::Bool) {
      return bad();
    }
    x.code = const_code(x.cv, to);
    return x;
  }
  if (tu->k == K::Interface) {
    if (!assignable(a, to)) return bad();
    x.code = convert(a, to);
    return x;
  }
  if (is_integer(tu) && is_integer(au)) {
    x.code = wrap_int(to, a.code);
    return x;
  }
  if (is_integer(tu) && is_float(au)) {
    x.code = is_u64(tu) ? "G.f2u(" + a.code + ")" : wrap_int(to, "G.f2i(" + a.code + ")");
    return x;
  }
  if (is_float(tu) && is_integer(au)) {
    // To float32 in one rounding from the integer (through a float64 first, a 64-bit integer
    // past 2^53 would be rounded twice).
    if (is_f32(tu))
      x.code = (is_u64(au) ? "G.u2f32(" : "G.i2f32(") + a.code + ")";
    else
      x.code = is_u64(au) ? "G.u2f(" + a.code + ")" : "(" + a.code + " + 0.0)";
    return x;
  }
  if (is_float(tu) && is_float(au)) {
    x.code = is_f32(tu) && !is_f32(au) ? "G.f32(" + a.code + ")" : a.code;
    return x;
  }
  if (is_string(tu)) {
    if (is_integer(au)) {
      x.code = "G.rstr(" + a.code + ")";
      return x;
    }
    if (is_string(au)) {
      x.code = a.code;
      return x;
    }
    if (au->k == K::Slice && underlying(au->elem)->k == K::Uint8) {
      x.code = "G.bstr(" + a.code + ")";
      return x;
    }
    if (au->k == K::Slice && underlying(au->elem)->k == K::Int32) {
      x.code = "G.rsstr(" + a.code + ")";
      return x;
    }
    return bad();
  }
  if (tu->k == K::Slice && is_string(au)) {
    if (underlying(tu->elem)->k == K::Uint8) {
      x.code = "G.bytes(" + a.code + ")";
      return x;
    }
    if (underlying(tu->elem)->k == K::Int32) {
      x.code = "G.runes(" + a.code + ")";
      return x;
    }
  }
  if (identical(tu, au) || assignable(a, to)) {
    x.code = copy_if_struct(a);
    return x;
  }
  if (tu->k == K::Pointer && au->k == K::Pointer &&
      identical(underlying(tu->elem), underlying(au->elem))) {
    x.code = a.code;
    return x;
  }
  return bad();
}

// slices and maps (Go 1.21's): their generic functions, typed at each call (generic_call).
namespace {
struct GenericSig {
  const char* want;  // the parameters as Go declares them ("(S, E)")
  std::size_t n;     // number of parameters (the variadic one counted)
  bool variadic;
};
const std::map<std::string, GenericSig>& generic_sigs() {
  static const std::map<std::string, GenericSig> k = {
      {"slices.Sort", {"(S)", 1, false}},
      {"slices.SortFunc", {"(S, func(a E, b E) int)", 2, false}},
      {"slices.SortStableFunc", {"(S, func(a E, b E) int)", 2, false}},
      {"slices.IsSorted", {"(S)", 1, false}},
      {"slices.Contains", {"(S, E)", 2, false}},
      {"slices.ContainsFunc", {"(S, func(E) bool)", 2, false}},
      {"slices.Index", {"(S, E)", 2, false}},
      {"slices.IndexFunc", {"(S, func(E) bool)", 2, false}},
      {"slices.Reverse", {"(S)", 1, false}},
      {"slices.Max", {"(S)", 1, false}},
      {"slices.Min", {"(S)", 1, false}},
      {"slices.Equal", {"(S, S)", 2, false}},
      {"slices.Insert", {"(S, int, ...E)", 3, true}},
      {"slices.Delete", {"(S, int, int)", 3, false}},
      {"slices.BinarySearch", {"(S, E)", 2, false}},
      {"slices.Clone", {"(S)", 1, false}},
      {"maps.Clone", {"(M)", 1, false}},
      {"maps.Copy", {"(M1, M2)", 2, false}},
      {"maps.DeleteFunc", {"(M, func(K, V) bool)", 2, false}},
      {"maps.Equal", {"(M1, M2)", 2, false}},
      {"maps.EqualFunc", {"(M1, M2, func(V1, V2) bool)", 3, false}},
  };
  return k;
}
}  // namespace

X Compiler::pkg_member(const Expr& e, const std::string& pkg, const std::string& name) {
  X x;
  if (!pkg.empty() && pkg[0] == '!') return x;  // the import was refused already
  const std::string full = pkg + "." + name;
  Type* dur = foreign_["time.Duration"];
  static const std::map<std::string, std::int64_t> kDurations = {
      {"Nanosecond", 1},      {"Microsecond", 1000},         {"Millisecond", 1000000},
      {"Second", 1000000000}, {"Minute", 60LL * 1000000000}, {"Hour", 3600LL * 1000000000}};
  if (pkg == "time" && kDurations.count(name)) {
    x.mode = X::Const;
    x.t = dur;
    set_int(x.cv, kDurations.at(name));
    x.code = std::to_string(x.cv.i);
    return x;
  }
  // math's constants: untyped, as Go declares them.
  static const std::map<std::string, std::int64_t> kMathInts = {
      {"MaxInt", INT64_MAX},    {"MinInt", INT64_MIN},   {"MaxInt8", INT8_MAX},
      {"MinInt8", INT8_MIN},    {"MaxInt16", INT16_MAX}, {"MinInt16", INT16_MIN},
      {"MaxInt32", INT32_MAX},  {"MinInt32", INT32_MIN}, {"MaxInt64", INT64_MAX},
      {"MinInt64", INT64_MIN},  {"MaxUint8", UINT8_MAX}, {"MaxUint16", UINT16_MAX},
      {"MaxUint32", UINT32_MAX}};
  static const std::map<std::string, double> kMathFloats = {
      {"Pi", 3.14159265358979323846264338327950288419716939937510582097494459},
      {"E", 2.71828182845904523536028747135266249775724709369995957496696763},
      {"Phi", 1.61803398874989484820458683436563811772030917980576286213544862},
      {"Sqrt2", 1.41421356237309504880168872420969807856967187537694807317667974},
      {"SqrtE", 1.64872127070012814684865078831848827437617826810512453766666458},
      {"SqrtPi", 1.77245385090551602729816748334114518279754945612238712821380779},
      {"SqrtPhi", 1.27201964951406896425242246173749149171560804184009624861664038},
      {"Ln2", 0.693147180559945309417232121458176568075500134360255254120680009},
      {"Log2E", 1.44269504088896340735992468100189213742664595415298593413544940},
      {"Ln10", 2.30258509299404568401799145468436420760110148862877297603332790},
      {"Log10E", 0.43429448190325182765112891891660508229439700580366656611445378},
      {"MaxFloat64", 0x1p1023 * (1 + (1 - 0x1p-52))},
      {"SmallestNonzeroFloat64", 0x1p-1022 * 0x1p-52},
      {"MaxFloat32", 0x1p127 * (1 + (1 - 0x1p-23))},
      {"SmallestNonzeroFloat32", 0x1p-126 * 0x1p-23}};
  if (pkg == "math" && (kMathInts.count(name) || name == "MaxUint" || name == "MaxUint64")) {
    x.mode = X::Const;
    x.t = t_uint_lit_;
    if (kMathInts.count(name))
      set_int(x.cv, kMathInts.at(name));
    else
      set_int(x.cv, mpz_class("18446744073709551615"));  // 1<<64 - 1
    x.code = const_code(x.cv, x.t);
    return x;
  }
  if (pkg == "math" && kMathFloats.count(name)) {
    x.mode = X::Const;
    x.t = t_ufloat_;
    set_float(x.cv, kMathFloats.at(name));
    x.code = const_code(x.cv, x.t);
    return x;
  }
  if (full == "context.Canceled" || full == "context.DeadlineExceeded") {
    x.mode = X::Value;
    x.t = t_error_;
    x.code = full == "context.Canceled" ? "G.ECANCELED" : "G.EDEADLINE";
    return x;
  }
  if (full == "os.Args") {  // a run has no arguments: the program's name alone
    const std::size_t slash = file_.find_last_of("/\\");
    std::string prog = slash == std::string::npos ? file_ : file_.substr(slash + 1);
    if (prog.size() > 3 && prog.compare(prog.size() - 3, 3, ".go") == 0)
      prog.resize(prog.size() - 3);
    x.mode = X::Value;
    x.t = slice_of(t_string_);
    x.code = "G.args(" + lua_quote(prog) + ")";
    return x;
  }
  if (full == "os.Stdout" || full == "os.Stderr") {
    x.mode = X::Value;
    x.t = ptr_to(foreign_["os.File"]);
    x.code = full == "os.Stdout" ? "G.STDOUT" : "G.STDERR";
    return x;
  }
  // Types used as conversions: time.Duration(x).
  if (full == "time.Duration") {
    x.mode = X::TypeExpr;
    x.t = dur;
    return x;
  }
  Type* ctx = foreign_["context.Context"];
  Type* tm = foreign_["time.Time"];
  Type* any_slice = slice_of(t_any_);
  Type* cancel = func_of({}, {});
  Type* str_slice = slice_of(t_string_);
  Type* int_slice = slice_of(t_int_);
  Type* less_ij = func_of({t_int_, t_int_}, {t_bool_});  // sort.Slice's less(i, j int) bool
  Type* f64_f64 = func_of({t_float64_}, {t_float64_});
  Type* f64_f64_f64 = func_of({t_float64_, t_float64_}, {t_float64_});
  Type* p64 = ptr_to(t_int64_);
  Type* p32 = ptr_to(t_int32_);
  Type* pu64 = ptr_to(t_uint64_);
  Type* pu32 = ptr_to(t_uint32_);
  struct Fn {
    const char* lua;
    Type* sig;
  };
  const std::map<std::string, Fn> fns = {
      {"fmt.Println", {"G.println", func_of({any_slice}, {}, true)}},
      {"fmt.Print", {"G.printv", func_of({any_slice}, {}, true)}},
      {"fmt.Printf", {"G.printf", func_of({t_string_, any_slice}, {}, true)}},
      {"fmt.Sprintf", {"G.sprintf", func_of({t_string_, any_slice}, {t_string_}, true)}},
      {"fmt.Sprint", {"G.sprint", func_of({any_slice}, {t_string_}, true)}},
      {"fmt.Sprintln", {"G.sprintln", func_of({any_slice}, {t_string_}, true)}},
      {"fmt.Errorf", {"G.errorf", func_of({t_string_, any_slice}, {t_error_}, true)}},
      {"fmt.Fprintln", {"G.fprintln", func_of({ptr_to(foreign_["os.File"]), any_slice}, {}, true)}},
      {"fmt.Fprint", {"G.fprint", func_of({ptr_to(foreign_["os.File"]), any_slice}, {}, true)}},
      {"fmt.Fprintf",
       {"G.fprintf", func_of({ptr_to(foreign_["os.File"]), t_string_, any_slice}, {}, true)}},
      {"runtime.NumGoroutine", {"ntasks", func_of({}, {t_int_})}},
      {"runtime.Gosched", {"G.gosched", func_of({}, {})}},
      {"os.Exit", {"G.exit", func_of({t_int_}, {})}},
      {"log.Println", {"G.logln", func_of({any_slice}, {}, true)}},
      {"log.Print", {"G.logv", func_of({any_slice}, {}, true)}},
      {"log.Printf", {"G.logf", func_of({t_string_, any_slice}, {}, true)}},
      {"errors.New", {"G.errnew", func_of({t_string_}, {t_error_})}},
      {"errors.Is", {"G.eis", func_of({t_error_, t_error_}, {t_bool_})}},
      {"errors.As", {"G.eas", func_of({t_error_, t_any_}, {t_bool_})}},
      {"errors.Unwrap", {"G.eunwrap", func_of({t_error_}, {t_error_})}},
      {"errors.Join", {"G.ejoin", func_of({slice_of(t_error_)}, {t_error_}, true)}},
      {"time.Sleep", {"G.sleep", func_of({dur}, {})}},
      {"time.After", {"G.after", func_of({dur}, {chan_of(tm, ChanDir::Recv)})}},
      {"time.Tick", {"G.tick", func_of({dur}, {chan_of(tm, ChanDir::Recv)})}},
      {"time.Now", {"G.now", func_of({}, {tm})}},
      {"time.Since", {"G.since", func_of({tm}, {dur})}},
      {"time.NewTimer", {"G.newtimer", func_of({dur}, {ptr_to(foreign_["time.Timer"])})}},
      {"time.NewTicker", {"G.newticker", func_of({dur}, {ptr_to(foreign_["time.Ticker"])})}},
      {"sync/atomic.AddInt64", {"G.aadd", func_of({p64, t_int64_}, {t_int64_})}},
      {"sync/atomic.AddInt32", {"G.aadd32", func_of({p32, t_int32_}, {t_int32_})}},
      {"sync/atomic.LoadInt64", {"G.aload", func_of({p64}, {t_int64_})}},
      {"sync/atomic.LoadInt32", {"G.aload", func_of({p32}, {t_int32_})}},
      {"sync/atomic.StoreInt64", {"G.astore", func_of({p64, t_int64_}, {})}},
      {"sync/atomic.StoreInt32", {"G.astore", func_of({p32, t_int32_}, {})}},
      {"sync/atomic.SwapInt64", {"G.aswap", func_of({p64, t_int64_}, {t_int64_})}},
      {"sync/atomic.SwapInt32", {"G.aswap", func_of({p32, t_int32_}, {t_int32_})}},
      {"sync/atomic.CompareAndSwapInt64",
       {"G.acas", func_of({p64, t_int64_, t_int64_}, {t_bool_})}},
      {"sync/atomic.CompareAndSwapInt32",
       {"G.acas", func_of({p32, t_int32_, t_int32_}, {t_bool_})}},
      {"sync/atomic.AddUint64", {"G.aadd", func_of({pu64, t_uint64_}, {t_uint64_})}},
      {"sync/atomic.LoadUint64", {"G.aload", func_of({pu64}, {t_uint64_})}},
      {"sync/atomic.StoreUint64", {"G.astore", func_of({pu64, t_uint64_}, {})}},
      {"sync/atomic.SwapUint64", {"G.aswap", func_of({pu64, t_uint64_}, {t_uint64_})}},
      {"sync/atomic.CompareAndSwapUint64",
       {"G.acas", func_of({pu64, t_uint64_, t_uint64_}, {t_bool_})}},
      {"sync/atomic.AddUint32", {"G.aaddu32", func_of({pu32, t_uint32_}, {t_uint32_})}},
      {"sync/atomic.LoadUint32", {"G.aload", func_of({pu32}, {t_uint32_})}},
      {"sync/atomic.StoreUint32", {"G.astore", func_of({pu32, t_uint32_}, {})}},
      {"sync/atomic.SwapUint32", {"G.aswap", func_of({pu32, t_uint32_}, {t_uint32_})}},
      {"sync/atomic.CompareAndSwapUint32",
       {"G.acas", func_of({pu32, t_uint32_, t_uint32_}, {t_bool_})}},
      {"math/rand.Intn", {"G.randn", func_of({t_int_}, {t_int_})}},
      {"math/rand.Int63n", {"G.randn", func_of({t_int64_}, {t_int64_})}},
      {"math/rand.Int31n", {"G.randn", func_of({t_int32_}, {t_int32_})}},
      {"math/rand.Int", {"G.randint", func_of({}, {t_int_})}},
      {"math/rand.Int63", {"G.randint", func_of({}, {t_int64_})}},
      {"math/rand.Float64", {"G.randf", func_of({}, {t_float64_})}},
      {"math/rand.Perm", {"G.randperm", func_of({t_int_}, {int_slice})}},
      {"math/rand.Shuffle",
       {"G.randshuffle", func_of({t_int_, func_of({t_int_, t_int_}, {})}, {})}},
      {"math/rand.Seed", {"G.randseed", func_of({t_int64_}, {})}},
      {"sync.NewCond",
       {"G.newcond", func_of({foreign_["sync.Locker"]}, {ptr_to(foreign_["sync.Cond"])})}},
      {"context.Background", {"G.background", func_of({}, {ctx})}},
      {"context.TODO", {"G.background", func_of({}, {ctx})}},
      {"context.WithCancel", {"G.withcancel", func_of({ctx}, {ctx, cancel})}},
      {"context.WithTimeout", {"G.withtimeout", func_of({ctx, dur}, {ctx, cancel})}},
      {"context.WithDeadline", {"G.withdeadline", func_of({ctx, tm}, {ctx, cancel})}},
      {"context.WithValue", {"G.withvalue", func_of({ctx, t_any_, t_any_}, {ctx})}},
      {"context.WithCancelCause",
       {"G.withcancelcause", func_of({ctx}, {ctx, func_of({t_error_}, {})})}},
      {"context.Cause", {"G.cause", func_of({ctx}, {t_error_})}},
      {"context.AfterFunc",
       {"G.afterfunc", func_of({ctx, func_of({}, {})}, {func_of({}, {t_bool_})})}},
      {"golang.org/x/sync/errgroup.WithContext",
       {"G.egwithctx", func_of({ctx}, {ptr_to(foreign_["errgroup.Group"]), ctx})}},
      {"strings.Repeat", {"G.srepeat", func_of({t_string_, t_int_}, {t_string_})}},
      {"strings.Join", {"G.sjoin", func_of({str_slice, t_string_}, {t_string_})}},
      {"strings.ToUpper", {"string.upper", func_of({t_string_}, {t_string_})}},
      {"strings.ToLower", {"string.lower", func_of({t_string_}, {t_string_})}},
      {"strings.Contains", {"G.scontains", func_of({t_string_, t_string_}, {t_bool_})}},
      {"strings.HasPrefix", {"G.shasprefix", func_of({t_string_, t_string_}, {t_bool_})}},
      {"strings.HasSuffix", {"G.shassuffix", func_of({t_string_, t_string_}, {t_bool_})}},
      {"strings.Split", {"G.ssplit", func_of({t_string_, t_string_}, {str_slice})}},
      {"strings.TrimSpace", {"G.strim", func_of({t_string_}, {t_string_})}},
      {"strings.Index", {"G.sindex", func_of({t_string_, t_string_}, {t_int_})}},
      {"strings.Count", {"G.scount", func_of({t_string_, t_string_}, {t_int_})}},
      {"strings.ReplaceAll",
       {"G.sreplaceall", func_of({t_string_, t_string_, t_string_}, {t_string_})}},
      {"strings.TrimPrefix", {"G.strimprefix", func_of({t_string_, t_string_}, {t_string_})}},
      {"strings.TrimSuffix", {"G.strimsuffix", func_of({t_string_, t_string_}, {t_string_})}},
      {"strings.Fields", {"G.sfields", func_of({t_string_}, {str_slice})}},
      {"strconv.Itoa", {"G.itoa", func_of({t_int_}, {t_string_})}},
      {"strconv.Atoi", {"G.atoi", func_of({t_string_}, {t_int_, t_error_})}},
      {"strconv.ParseInt",
       {"G.parseint", func_of({t_string_, t_int_, t_int_}, {t_int64_, t_error_})}},
      {"strconv.FormatInt", {"G.formatint", func_of({t_int64_, t_int_}, {t_string_})}},
      {"strconv.ParseBool", {"G.parsebool", func_of({t_string_}, {t_bool_, t_error_})}},
      {"strconv.FormatBool", {"G.formatbool", func_of({t_bool_}, {t_string_})}},
      {"strconv.Quote", {"G.quote", func_of({t_string_}, {t_string_})}},
      {"sort.Ints", {"G.sortints", func_of({int_slice}, {})}},
      // math: the exact ones as Go computes them; the others (Pow, Exp, Log, the trigonometric
      // ones) from the C library, which may differ from Go's own code in the last bit.
      {"math.Sqrt", {"math.sqrt", f64_f64}},
      {"math.Abs", {"math.abs", f64_f64}},
      {"math.Floor", {"G.mfloor", f64_f64}},
      {"math.Ceil", {"G.mceil", f64_f64}},
      {"math.Trunc", {"G.mtrunc", f64_f64}},
      {"math.Round", {"G.mround", f64_f64}},
      {"math.Cbrt", {"G.mcbrt", f64_f64}},
      {"math.Exp", {"math.exp", f64_f64}},
      {"math.Log", {"math.log", f64_f64}},
      {"math.Log2", {"G.mlog2", f64_f64}},
      {"math.Log10", {"G.mlog10", f64_f64}},
      {"math.Sin", {"math.sin", f64_f64}},
      {"math.Cos", {"math.cos", f64_f64}},
      {"math.Tan", {"math.tan", f64_f64}},
      {"math.Pow", {"G.mpow", f64_f64_f64}},
      {"math.Mod", {"math.fmod", f64_f64_f64}},
      {"math.Max", {"G.mmax", f64_f64_f64}},
      {"math.Min", {"G.mmin", f64_f64_f64}},
      {"math.Hypot", {"G.mhypot", f64_f64_f64}},
      {"math.Inf", {"G.minf", func_of({t_int_}, {t_float64_})}},
      {"math.NaN", {"G.mnan", func_of({}, {t_float64_})}},
      {"math.IsNaN", {"G.misnan", func_of({t_float64_}, {t_bool_})}},
      {"math.IsInf", {"G.misinf", func_of({t_float64_, t_int_}, {t_bool_})}},
      {"sort.Strings", {"G.sortstrings", func_of({str_slice}, {})}},
      {"sort.Slice", {"G.sortslice", func_of({t_any_, less_ij}, {})}},
      {"sort.SliceStable", {"G.sortslicestable", func_of({t_any_, less_ij}, {})}},
      {"sort.SliceIsSorted", {"G.sortsliceissorted", func_of({t_any_, less_ij}, {t_bool_})}},
  };
  if (generic_sigs().count(full)) {  // typed at the call from its arguments
    x.mode = X::Value;
    x.t = func_of({}, {});
    x.pkg_call = true;
    x.pkg_fn = full;
    x.code = full;
    return x;
  }
  auto it = fns.find(full);
  if (it == fns.end()) {
    // A type of the package (sync.WaitGroup) in an expression, or something not supported.
    std::string key = full;
    if (full.rfind("sync/atomic.", 0) == 0) key = "atomic." + name;
    if (full.rfind("golang.org/x/sync/errgroup.", 0) == 0) key = "errgroup." + name;
    if (foreign_.count(key)) {
      x.mode = X::TypeExpr;
      x.t = foreign_[key];
      return x;
    }
    if (pkg == "slices" || pkg == "maps") {
      // Go 1.23's iterator functions need range over func, which the subset does not have.
      static const std::set<std::string> kIter = {"slices.All",      "slices.Values",
                                                  "slices.Backward", "slices.Collect",
                                                  "slices.Sorted",   "slices.SortedFunc",
                                                  "slices.Chunk",    "slices.AppendSeq",
                                                  "maps.All",        "slices.SortedStableFunc",
                                                  "maps.Keys",       "maps.Values",
                                                  "maps.Insert",     "maps.Collect"};
      refuse(e.pos,
             kIter.count(full) ? full + " (an iterator: range over func)" : "the function " + full);
      return x;
    }
    refuse(e.pos, full);
    return x;
  }
  x.mode = X::Value;
  x.t = it->second.sig;
  x.pkg_call = true;
  x.pkg_fn = full;
  x.code = it->second.lua;
  return x;
}

X Compiler::pkg_call(const Expr& e, X& f) {
  if (f.pkg_fn.rfind("slices.", 0) == 0 || f.pkg_fn.rfind("maps.", 0) == 0)
    return generic_call(e, f);
  if (f.pkg_fn.rfind("sync/atomic.", 0) == 0) return atomic_ptr_call(e, f);
  if (f.pkg_fn == "errors.As") return errors_as_call(e);
  if (f.pkg_fn.rfind("sort.Slice", 0) == 0 && !e.ellipsis) return sort_slice_call(e, f);
  if (f.pkg_fn == "sync.NewCond" && !e.ellipsis) return newcond_call(e, f);
  X x;
  Type* sig = f.t;
  if (f.pkg_fn.rfind("fmt.Fprint", 0) == 0 && !e.args.empty() && !std_stream(*e.args[0])) {
    if (!builder_writer(*e.args[0])) {
      refuse(e.args[0]->pos, f.pkg_fn +
                                 " to a writer other than os.Stdout, os.Stderr or a "
                                 "strings.Builder (an io.Writer)");
      return x;
    }
    std::vector<Type*> params = f.t->params;
    params[0] = ptr_to(foreign_["strings.Builder"]);
    sig = func_of(std::move(params), f.t->results, f.t->variadic);
  }
  last_args_.clear();
  args_code(e, sig);
  x.call_fn = f.code;
  x.call_args = last_args_;
  std::string s;
  for (std::size_t i = 0; i < x.call_args.size(); ++i) s += (i ? ", " : "") + x.call_args[i];
  if (f.pkg_fn == "context.WithCancel" || f.pkg_fn == "context.WithTimeout" ||
      f.pkg_fn == "context.WithDeadline" || f.pkg_fn == "context.WithCancelCause" ||
      f.pkg_fn == "golang.org/x/sync/errgroup.WithContext") {
    const std::string n = take_hint(&e);
    if (!n.empty()) {
      x.call_args.push_back(lua_quote(n));
      s += ", " + lua_quote(n);
    }
  }
  if (f.pkg_fn == "context.AfterFunc" && e.args.size() == 2) {
    // Go runs `go f()` when the context is done: the task is named as that go statement would
    // name f's goroutine (a literal's main.main.func1, else f as written).
    const Expr* fa = e.args[1].get();
    while (fa->kind == ExprKind::Paren) fa = fa->x.get();
    const std::string n = fa->kind == ExprKind::FuncLit ? last_lit_name_ : expr_string(fa);
    x.call_args.push_back(lua_quote(n));
    s += ", " + lua_quote(n);
  }
  x.code = x.call_fn + "(" + s + ")";
  set_call_result(x, f.t);
  return x;
}

// sync.NewCond(l Locker) *Cond: any Locker (a *sync.Mutex, a *sync.RWMutex, its RLocker(), a
// type of the program with Lock and Unlock), with gc's errors for what is not one. The Cond is
// named after the variable or field it is made into, as a channel is.
X Compiler::newcond_call(const Expr& e, const X& f) {
  const std::string name = take_hint(&e);
  if (e.args.size() != 1) {
    std::string have;
    for (const auto& a : e.args) {
      const X ax = value(*a, nullptr);
      if (ax.mode == X::Invalid) return X{};
      have += (have.empty() ? "" : ", ") +
              (ax.mode == X::Const && is_untyped(ax.t) && is_numeric(ax.t) ? std::string("number")
                                                                           : type_string(ax.t));
    }
    error(e.args.empty() ? start_of(e) : e.args[1]->pos,
          std::string(e.args.empty() ? "not enough" : "too many") +
              " arguments in call to sync.NewCond\n\thave (" + have + ")\n\twant (sync.Locker)");
    return X{};
  }
  X l = value(*e.args[0], nullptr);
  if (l.mode == X::Invalid) return X{};
  Type* want = f.t->params[0];
  if (!assignable(l, want)) {
    // gc's error, naming the method missing (or the one with a pointer receiver). A constant is
    // described with its default type.
    Type* lt = default_type(l.t);
    std::string missing;  // "Lock", or "Lock (method Lock has pointer receiver)"
    implements(lt, want, &missing);
    const std::string method = missing.substr(0, missing.find(' '));
    const std::string why = missing.find(' ') == std::string::npos
                                ? "missing " + method + " method"
                                : method + " method has pointer receiver";
    const std::string what = l.mode == X::Const ? expr_string(e.args[0].get()) +
                                                      " (constant of type " + type_string(lt) + ")"
                                                : describe_x(l, *e.args[0]);
    error(e.args[0]->pos, "cannot use " + what +
                              " as type sync.Locker in argument to sync.NewCond:\n\t" +
                              type_string(lt) + " does not implement sync.Locker (" + why + ")");
    return X{};
  }
  X x;
  x.call_fn = f.code;
  x.call_args = {convert(l, want), lua_quote(name)};
  x.code = x.call_fn + "(" + x.call_args[0] + ", " + x.call_args[1] + ")";
  set_call_result(x, f.t);
  return x;
}

// sort.Slice, SliceStable and SliceIsSorted(x any, less func(i, j int) bool): x is passed as
// the slice itself (not boxed in an interface), so the support library sorts it in place with
// Go's algorithms, calling less on indices as Go does. Go takes any x and panics at run time
// when it is not a slice ("reflect: call of Swapper on int Value"); that is refused here.
// gc writes less's type with its parameters' names, as sort declares it.
X Compiler::sort_slice_call(const Expr& e, const X& f) {
  Type* less_t = f.t->params[1];
  const std::string named_less = "func(i int, j int) bool";
  std::vector<X> xs;
  for (std::size_t i = 0; i < e.args.size(); ++i) {
    xs.push_back(value(*e.args[i], i == 1 ? less_t : nullptr));
    if (xs.back().mode == X::Invalid) return X{};
  }
  if (xs.size() != 2) {
    std::string have;
    for (const X& x : xs) {
      have += (have.empty() ? "" : ", ") + (x.mode == X::Const && is_untyped(x.t) && is_numeric(x.t)
                                                ? std::string("number")
                                                : type_string(x.t));
    }
    const bool few = xs.size() < 2;
    error(few ? (e.args.empty() ? start_of(e) : e.args.back()->pos) : e.args[2]->pos,
          std::string(few ? "not enough" : "too many") + " arguments in call to " + f.pkg_fn +
              "\n\thave (" + have + ")\n\twant (any, " + named_less + ")");
    return X{};
  }
  X& s = xs[0];
  X& less = xs[1];
  if (!assignable(less, less_t)) {
    std::string msg = cannot_use(less, *e.args[1], less_t, "argument to " + f.pkg_fn);
    const std::string plain = type_string(less_t);
    if (const std::size_t as = msg.find(" as "); as != std::string::npos) {
      if (const std::size_t at = msg.find(plain, as); at != std::string::npos)
        msg.replace(at, plain.size(), named_less);
    }
    error(e.args[1]->pos, msg);
    return X{};
  }
  if (s.t == nullptr || underlying(s.t)->k != K::Slice) {
    refuse(e.args[0]->pos, f.pkg_fn + " of a value that is not a slice");
    return X{};
  }
  X x;
  x.call_fn = f.code;
  x.call_args = {s.code, convert(less, less_t), elem_td(underlying(s.t)->elem)};
  x.code = x.call_fn + "(" + x.call_args[0] + ", " + x.call_args[1] + ", " + x.call_args[2] + ")";
  set_call_result(x, f.t);
  return x;
}

// errors.As(err, &target): target a struct variable whose type implements error (a pointer to
// it is the struct itself here); the first error in err's chain of that dynamic type is copied
// into it. Targets of other kinds (an interface, a pointer variable) are refused where their
// address is taken, as pointers to non-struct values are.
X Compiler::errors_as_call(const Expr& e) {
  X x;
  if (e.args.size() != 2) {
    error(e.rparen, std::string(e.args.size() < 2 ? "not enough" : "too many") +
                        " arguments in call to errors.As\n\thave (" +
                        std::to_string(e.args.size()) + " arguments)\n\twant (error, any)");
    return x;
  }
  X err = value(*e.args[0], t_error_);
  X target = value(*e.args[1]);
  if (err.mode == X::Invalid || target.mode == X::Invalid) return x;
  if (!assignable(err, t_error_)) {
    error(e.args[0]->pos, cannot_use(err, *e.args[0], t_error_, "argument to errors.As"));
    return x;
  }
  const Type* tu = underlying(target.t);
  Type* elem = tu->k == K::Pointer ? tu->elem : nullptr;
  const Type* eu = elem != nullptr ? underlying(elem) : nullptr;
  const bool iface = eu != nullptr && eu->k == K::Interface;
  std::string missing;
  if (elem == nullptr || (!iface && !implements(elem, t_error_, &missing))) {
    // go vet's words and position, the call's start (go test runs vet; go build does not)
    const Expr* start = e.x.get();
    while (start->kind == ExprKind::Selector && start->x) start = start->x.get();
    error(start->pos,
          "second argument to errors.As must be a non-nil pointer to either a type that "
          "implements error, or to any interface type");
    return x;
  }
  x.mode = X::Value;
  x.t = t_bool_;
  x.fresh = true;
  if (eu->k == K::Struct) {
    x.code = "G.eas(" + convert(err, t_error_) + ", " + target.code + ", " + td(elem) + ")";
    return x;
  }
  // A pointer, interface or other non-struct target: &v of a variable, which lives in a box
  // (its name is written &v), so errors.As stores into the box.
  const Expr* a = e.args[1].get();
  while (a->kind == ExprKind::Paren) a = a->x.get();
  if (a->kind != ExprKind::Unary || a->name != "&" || a->x->kind != ExprKind::Ident) {
    refuse(e.args[1]->pos,
           "errors.As with a target of type " + type_string(target.t) + " other than &variable");
    return X{};
  }
  x.code = "G.easv(" + convert(err, t_error_) + ", " + target.code + ", " + td(elem) + ", " +
           (iface ? "true" : "false") + ")";
  return x;
}

// atomic.AddInt64(&x, d) and the other functions on a *int64 / *int32: &x names an addressable
// int64 (int32) variable or field, operated on in place; any other *int64 is a box (boxes()).
// The operation lowers to one closure on x's line, called at once: with --preempt line the
// only scheduling point is the closure's entry, before x is read, and nothing inside it jumps
// back or calls out, so the read and the write are indivisible as Go's.
X Compiler::atomic_ptr_call(const Expr& e, X& f) {
  X x;
  const Type* sig = f.t;
  Type* want = sig->params[0];
  const std::string callee = "atomic." + f.pkg_fn.substr(f.pkg_fn.find('.') + 1);
  if (e.args.empty()) {
    error(e.rparen, "not enough arguments in call to " + callee + "\n\thave ()\n\twant " +
                        type_string(tuple_of(sig->params)));
    return x;
  }
  const Expr* a = e.args[0].get();
  while (a->kind == ExprKind::Paren) a = a->x.get();
  std::string body, xc, pre;
  const Expr* of = a->kind == ExprKind::Unary && a->name == "&" ? a->x.get() : nullptr;
  while (of != nullptr && of->kind == ExprKind::Paren) of = of->x.get();
  // &v or &s.f names the variable or field itself; &xs[i] (a reference to the element, see
  // unary) and any other *int64 value go through the pointer.
  if (of != nullptr && of->kind != ExprKind::Index) {
    const Expr* inner = of;
    X v = value(*inner);
    if (v.mode == X::Invalid) return x;
    if (!v.addressable) {
      error(a->pos, "invalid operation: cannot take address of " + describe_x(v, *inner));
      return x;
    }
    if (!identical(v.t, underlying(want)->elem)) {
      error(a->pos, "cannot use " + expr_string(a) + " (value of type *" + type_string(v.t) +
                        ") as " + type_string(want) + " value in argument to " + callee);
      return x;
    }
    xc = v.code;
  } else {
    X v = value(*a);
    if (v.mode == X::Invalid) return x;
    if (!identical(v.t, want)) {
      error(a->pos, "cannot use " + describe_x(v, *a) + " as " + type_string(want) +
                        " value in argument to " + callee);
      return x;
    }
    // A *int64 (*int32) value: a box (see boxes()); nil panics as Go's does.
    pre = "local q_ = " + v.code + " or G.np() ";
    xc = "q_.v";
  }
  {
    // G.aadd, G.aadd32, G.aaddu32, G.aload, G.astore, G.aswap, G.acas
    const std::string op = f.code;
    const std::string wrap32 = "((" + xc + " + d_ + 0x80000000) & 0xFFFFFFFF) - 0x80000000";
    if (op == "G.aadd")
      body = "function(d_) " + pre + xc + " = " + xc + " + d_ return " + xc + " end";
    if (op == "G.aadd32")
      body = "function(d_) " + pre + xc + " = " + wrap32 + " return " + xc + " end";
    if (op == "G.aaddu32")
      body = "function(d_) " + pre + xc + " = (" + xc + " + d_) & 0xFFFFFFFF return " + xc + " end";
    if (op == "G.aload") body = "function() " + pre + "return " + xc + " end";
    if (op == "G.astore") body = "function(v_) " + pre + xc + " = v_ end";
    if (op == "G.aswap")
      body = "function(v_) " + pre + "local o_ = " + xc + " " + xc + " = v_ return o_ end";
    if (op == "G.acas")
      body = "function(o_, v_) " + pre + "if " + xc + " ~= o_ then return false end " + xc +
             " = v_ return true end";
  }
  std::vector<Type*> rest(sig->params.begin() + 1, sig->params.end());
  last_args_.clear();
  args_code(e, func_of(rest, {}), 1);
  std::string s;
  for (const std::string& c : last_args_) s += (s.empty() ? "" : ", ") + c;
  x.code = "(" + body + ")(" + s + ")";
  x.fresh = true;
  if (sig->results.empty()) {
    x.mode = X::NoValue;
    x.t = t_invalid_;
  } else {
    x.mode = X::Value;
    x.t = sig->results[0];
  }
  return x;
}

X Compiler::unary(const Expr& e, Type* hint) {
  X x;
  const std::string& op = e.name;
  if (op == "&") {
    const Expr* inner = e.x.get();
    while (inner->kind == ExprKind::Paren) inner = inner->x.get();
    if (inner->kind == ExprKind::CompositeLit) {
      Type* h = hint && underlying(hint)->k == K::Pointer ? underlying(hint)->elem : nullptr;
      X c = composite(*inner, h);
      if (c.mode == X::Invalid) return x;
      const Type* cu = underlying(c.t);
      if (cu->k != K::Struct && cu->k != K::Array) {
        refuse(e.pos, "taking the address of " + a_or_an(type_string(c.t)) + " literal");
        return x;
      }
      c.t = ptr_to(c.t);
      return c;
    }
    X v = value(*inner);
    if (v.mode == X::Invalid) return x;
    if (!v.addressable) {
      error(e.pos, "invalid operation: cannot take address of " + describe_x(v, *inner));
      return x;
    }
    const Type* vu = underlying(v.t);
    if (vu->k != K::Struct && vu->k != K::Array && vu->k != K::Foreign) {
      if (inner->kind == ExprKind::Ident && v.obj != nullptr && !v.obj->box.empty()) {
        x.mode = X::Value;
        x.t = ptr_to(v.t);
        x.code = v.obj->box;  // the variable's box (see boxes())
        return x;
      }
      if (inner->kind == ExprKind::Star) {
        x.mode = X::Value;  // &*p is p
        x.t = ptr_to(v.t);
        X p = value(*inner->x);
        x.code = "(" + p.code + " or G.np())";
        return x;
      }
      // An element of a slice or an array, or a field: a reference to its slot, the prelude's
      // G.eref (index checked now, as Go's &xs[i] does) or G.fref.
      if (inner->kind == ExprKind::Index && v.code.starts_with("G.ix(")) {
        x.mode = X::Value;
        x.t = ptr_to(v.t);
        x.code = "G.eref(" + v.code.substr(5);
        return x;
      }
      if (inner->kind == ExprKind::Selector) {
        const std::size_t dot = v.code.rfind('.');
        const std::string key = dot == std::string::npos ? "" : v.code.substr(dot + 1);
        const bool ident_key = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
        }) && std::isdigit(static_cast<unsigned char>(key[0])) == 0;
        if (dot != std::string::npos && dot > 0 && ident_key) {
          x.mode = X::Value;
          x.t = ptr_to(v.t);
          x.code = "G.fref(" + v.code.substr(0, dot) + ", " + lua_quote(key) + ")";
          return x;
        }
      }
      if (inner->kind == ExprKind::Ident) {
        refuse(e.pos, "taking the address of " + inner->name +
                          ", a variable declared by a for, range, select or type switch "
                          "statement or a named result");
      } else {
        refuse(e.pos, "taking the address of " + expr_string(inner));
      }
      return x;
    }
    // A struct or array element of an array or a slice is its table, which stays where it is:
    // values move into it in place, and a slice's growth copies into a new array, leaving the
    // old one's tables to the pointers taken before (the prelude's append).
    x.mode = X::Value;
    x.t = ptr_to(v.t);
    x.code = v.code;
    return x;
  }
  if (op == "<-") {
    X c = value(*e.x);
    if (c.mode == X::Invalid) return x;
    const Type* u = underlying(c.t);
    if (u->k != K::Chan) {
      error(e.pos, "invalid operation: cannot receive from non-channel " + describe_x(c, *e.x));
      return x;
    }
    if (u->dir == ChanDir::Send) {
      error(e.pos,
            "invalid operation: cannot receive from send-only channel " + describe_x(c, *e.x));
      return x;
    }
    x.mode = X::Value;
    x.t = u->elem;
    x.fresh = true;
    const std::string z = zero(u->elem);
    x.code = "G.recv(" + c.code + ", " + z + ")";
    x.ok_code = "G.recv2(" + c.code + ", " + z + ")";
    x.call_fn = "G.recv";
    x.call_args = {c.code, z};
    return x;
  }
  X a = value(*e.x, hint);
  if (a.mode == X::Invalid) return x;
  if (op == "!") {
    if (!is_boolean(a.t)) {
      error(start_of(*e.x), "invalid operation: operator ! not defined on " + describe_x(a, *e.x));
      return x;
    }
    if (a.mode == X::Const) {
      a.cv.b = !a.cv.b;
      a.code = const_code(a.cv, a.t);
      return a;
    }
    x.mode = X::Value;
    x.t = a.t;
    x.code = "(not " + a.code + ")";
    return x;
  }
  if (!is_numeric(a.t) || (op == "^" && !is_integer(a.t))) {
    error(start_of(*e.x),
          "invalid operation: operator " + op + " not defined on " + describe_x(a, *e.x));
    return x;
  }
  if (a.mode == X::Const) {
    if (op == "-") {
      if (a.cv.k == CV::Int)
        set_int(a.cv, mpz_class(-a.cv.z));
      else
        set_float(a.cv, mpq_class(-a.cv.q));
    } else if (op == "^") {
      // ^x is -x-1, within an unsigned type's bits (^uint8(1) is 254), as go/constant does.
      mpz_class v = ~a.cv.z;
      if (!is_untyped(a.t) && is_unsigned(a.t))
        mpz_fdiv_r_2exp(v.get_mpz_t(), v.get_mpz_t(),
                        static_cast<mp_bitcnt_t>(kind_size(underlying(a.t)->k) * 8));
      set_int(a.cv, v);
    }
    a.e = &e;
    if (!int_holds(a, expr_string(&e), e.pos, op, true, e.pos)) return X{};
    a.code = const_code(a.cv, a.t);
    if (a.code[0] == '-') a.code = "(" + a.code + ")";
    return a;
  }
  x.mode = X::Value;
  x.t = a.t;
  x.fresh = true;
  if (op == "-")
    x.code = is_float(a.t) ? "(-" + a.code + ")" : wrap_int(a.t, "(-" + a.code + ")");
  else if (op == "^")
    x.code = wrap_int(a.t, "(~" + a.code + ")");
  else
    x.code = a.code;
  return x;
}

namespace {

// x op y for a comparison operator (==, !=, <, <=, >, >=) on two constants' values; false for
// any other op.
template <class T>
bool compare_consts(const std::string& op, const T& x, const T& y) {
  if (op == "==") return x == y;
  if (op == "!=") return x != y;
  if (op == "<") return x < y;
  if (op == "<=") return x <= y;
  if (op == ">") return x > y;
  if (op == ">=") return x >= y;
  return false;
}

}  // namespace

bool Compiler::int_holds(const X& x, const std::string& text, Pos start, const std::string& op,
                         bool unary, Pos op_pos) {
  if (x.mode != X::Const || x.cv.k != CV::Int) return true;
  if (!is_untyped(x.t)) {
    if (!is_integer(x.t) || int_fits(x.cv, x.t)) return true;
    // gc names the basic type a named one's constants are checked against: "overflows int64"
    // for a time.Duration.
    error(start, text + " (constant " + int_string(x.cv) + " of type " + type_string(x.t) +
                     ") overflows " + type_string(underlying(x.t)));
    return false;
  }
  if (mpz_sizeinbase(x.cv.z.get_mpz_t(), 2) <= 512) return true;
  // go/types' names of the operations that can overflow (opName): others have none.
  const char* name = unary        ? (op == "^" ? "bitwise complement" : "")
                     : op == "+"  ? "addition"
                     : op == "-"  ? "subtraction"
                     : op == "^"  ? "bitwise XOR"
                     : op == "*"  ? "multiplication"
                     : op == "<<" ? "shift"
                                  : "";
  error(op_pos, std::string("constant ") + name + " overflow");
  return false;
}

CV Compiler::fold(const std::string& op, const CV& a, const CV& b, Pos p, bool integer) {
  CV r;
  if (a.k == CV::Str && b.k == CV::Str) {
    if (op == "+") {
      r.k = CV::Str;
      r.s = a.s + b.s;
      return r;
    }
    r.k = CV::Bool;
    r.b = compare_consts(op, a.s, b.s);
    return r;
  }
  if (a.k == CV::Bool && b.k == CV::Bool) {
    r.k = CV::Bool;
    if (op == "&&")
      r.b = a.b && b.b;
    else if (op == "||")
      r.b = a.b || b.b;
    else if (op == "==")
      r.b = a.b == b.b;
    else if (op == "!=")
      r.b = a.b != b.b;
    return r;
  }
  if (a.k == CV::Int && b.k == CV::Int) {
    // Exact, as go/constant computes (big.Int): / and % truncate toward zero, >> is floor
    // division by 2^y, & | ^ &^ act on two's complement. A shift's count is checked already
    // (0 to 1074, as gc bounds it).
    const mpz_class &x = a.z, &y = b.z;
    mpz_class v;
    if (op == "+") {
      v = x + y;
    } else if (op == "-") {
      v = x - y;
    } else if (op == "*") {
      v = x * y;
    } else if (op == "/" || op == "%") {
      if (y == 0) {
        error(p, "invalid operation: division by zero");
        return r;
      }
      if (op == "/" && !integer) {
        set_float(r, mpq_class(exact(a) / exact(b)));
        if (r.q.get_den() == 1) set_int(r, mpz_class(r.q.get_num()));
        return r;
      }
      if (op == "/" && x == INT64_MIN && y == -1)
        v = x;  // go/constant (Go 1.19) divides two int64-sized values as int64s: this wraps
      else if (op == "/")
        mpz_tdiv_q(v.get_mpz_t(), x.get_mpz_t(), y.get_mpz_t());
      else
        mpz_tdiv_r(v.get_mpz_t(), x.get_mpz_t(), y.get_mpz_t());
    } else if (op == "&") {
      v = x & y;
    } else if (op == "|") {
      v = x | y;
    } else if (op == "^") {
      v = x ^ y;
    } else if (op == "&^") {
      v = x & ~y;
    } else if (op == "<<") {
      mpz_mul_2exp(v.get_mpz_t(), x.get_mpz_t(), mpz_get_ui(y.get_mpz_t()));
    } else if (op == ">>") {
      mpz_fdiv_q_2exp(v.get_mpz_t(), x.get_mpz_t(), mpz_get_ui(y.get_mpz_t()));
    } else {
      r.k = CV::Bool;
      r.b = compare_consts(op, x, y);
      return r;
    }
    set_int(r, v);
    return r;
  }
  // Float arithmetic, exact (Go's constant expressions are): 0.1 + 0.2 is 3/10.
  const mpq_class x = exact(a), y = exact(b);
  if (op == "+")
    set_float(r, mpq_class(x + y));
  else if (op == "-")
    set_float(r, mpq_class(x - y));
  else if (op == "*")
    set_float(r, mpq_class(x * y));
  else if (op == "/") {
    if (y == 0) {
      error(p, "invalid operation: division by zero");
      return r;
    }
    set_float(r, mpq_class(x / y));
  } else {
    r.k = CV::Bool;
    r.b = compare_consts(op, x, y);
  }
  return r;
}

X Compiler::binary(const Expr& e, Type* hint) {
  return binary_of(*e.x, *e.y, e.name, e.pos, e.op_pos, hint);
}

namespace {
bool is_comparison(const std::string& op) {
  return op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=";
}
int untyped_rank(const Type* t) {
  switch (t->k) {
    case K::UntypedInt:
      return 1;
    case K::UntypedRune:
      return 2;
    case K::UntypedFloat:
      return 3;
    default:
      return 0;
  }
}
}  // namespace

X Compiler::compare(X& a, X& b, const std::string& op, Pos p, const Expr* ea, const Expr* eb) {
  X x;
  x.mode = X::Value;
  x.t = t_ubool_;
  x.fresh = true;
  const std::string sop = op == "!=" ? "~=" : op;
  const Type* au = underlying(a.t);
  const Type* bu = underlying(b.t);
  auto mismatch = [&]() {
    // gc names the second operand: only there is the mismatch known.
    error(eb != nullptr ? start_of(*eb) : p,
          "invalid operation: " + expr_string(ea) + " " + op + " " + expr_string(eb) +
              " (mismatched types " + type_string(a.t) + " and " + type_string(b.t) + ")");
    return X{};
  };
  // nil comparisons
  if (a.t->k == K::UntypedNil || b.t->k == K::UntypedNil) {
    X& other = a.t->k == K::UntypedNil ? b : a;
    const Type* ou = underlying(other.t);
    if (op != "==" && op != "!=") return mismatch();
    if (other.t->k == K::UntypedNil) {
      error(p, "invalid operation: " + expr_string(ea) + " " + op + " " + expr_string(eb) +
                   " (operator " + op + " not defined on nil)");
      return X{};
    }
    if (!(ou->k == K::Pointer || ou->k == K::Slice || ou->k == K::Map || ou->k == K::Chan ||
          ou->k == K::Func || ou->k == K::Interface ||
          (ou->k == K::Foreign && other.t->name == "context.Context"))) {
      return mismatch();
    }
    x.code = "(" + other.code + " " + sop + " nil)";
    return x;
  }
  // Untyped constants take the other side's type.
  if (a.mode == X::Const && b.mode == X::Const) {
    if (!is_untyped(a.t) && !is_untyped(b.t) && !identical(a.t, b.t)) {
      p = eb != nullptr ? eb->pos : p;  // gc names two typed constants' mismatch at the second
      return mismatch();
    }
    if (const_misfit(a, ea, b.t) || const_misfit(b, eb, a.t)) return X{};
    const bool integer = is_integer(a.t) && is_integer(b.t);
    if (is_f32(a.t) || is_f32(b.t)) {
      // The untyped side becomes a float32 first: float32(1)/3 == 1.0/3 holds.
      set_float32(a.cv);
      set_float32(b.cv);
    }
    x.mode = X::Const;
    x.cv = fold(op, a.cv, b.cv, p, integer);
    x.code = const_code(x.cv, x.t);
    if ((is_string(a.t) != is_string(b.t)) || (is_boolean(a.t) != is_boolean(b.t)))
      return mismatch();
    return x;
  }
  Type* t = nullptr;
  if (overflow_f32(a, b, ea, eb)) return X{};
  if (is_untyped(a.t) && !is_untyped(b.t)) {
    if (const_misfit(a, ea, b.t)) return X{};
    if (!assignable(a, b.t)) return mismatch();
    a.code = convert(a, b.t);
    a.t = b.t;
  } else if (is_untyped(b.t) && !is_untyped(a.t)) {
    if (const_misfit(b, eb, a.t)) return X{};
    if (!assignable(b, a.t)) return mismatch();
    b.code = convert(b, a.t);
    b.t = a.t;
  }
  au = underlying(a.t);
  bu = underlying(b.t);
  const bool ai = au->k == K::Interface, bi = bu->k == K::Interface;
  if (ai || bi) {
    if (op != "==" && op != "!=") {
      error(p, "invalid operation: " + expr_string(ea) + " " + op + " " + expr_string(eb) +
                   " (operator " + op + " not defined on interface)");
      return X{};
    }
    if (!ai && !assignable(a, b.t)) return mismatch();
    if (!bi && !assignable(b, a.t)) return mismatch();
    const std::string ac = ai ? a.code : convert(a, b.t);
    const std::string bc = bi ? b.code : convert(b, a.t);
    x.code = std::string(op == "!=" ? "(not " : "(") + "G.ieq(" + ac + ", " + bc + "))";
    return x;
  }
  if (!identical(a.t, b.t)) {
    // A bidirectional channel compares with a directional one of the same element.
    if (!(assignable(a, b.t) || assignable(b, a.t))) return mismatch();
  }
  t = a.t;
  const Type* u = underlying(t);
  if (op != "==" && op != "!=") {
    if (!(is_numeric(u) || is_string(u))) {
      error(p, "invalid operation: " + expr_string(ea) + " " + op + " " + expr_string(eb) +
                   " (operator " + op + " not defined on " + (ea ? expr_string(ea) : "operand") +
                   " (variable of type " + type_string(a.t) + "))");
      return X{};
    }
    if (is_u64(u)) {  // unsigned order: math.ult
      const bool swap = op == ">" || op == "<=";
      const std::string lt =
          "math.ult(" + (swap ? b.code : a.code) + ", " + (swap ? a.code : b.code) + ")";
      x.code = op == "<" || op == ">" ? lt : "(not " + lt + ")";
      return x;
    }
    x.code = "(" + a.code + " " + sop + " " + b.code + ")";
    return x;
  }
  switch (u->k) {
    case K::Slice:
    case K::Map:
    case K::Func:
      error(p, "invalid operation: " + expr_string(ea) + " " + op + " " + expr_string(eb) + " (" +
                   (u->k == K::Slice ? "slice"
                    : u->k == K::Map ? "map"
                                     : "func") +
                   " can only be compared to nil)");
      return X{};
    case K::Struct:
      x.code = std::string(op == "!=" ? "(not " : "(") + "G.seq(" + td(t) + ", " + a.code + ", " +
               b.code + "))";
      return x;
    case K::Array:
      if (!comparable(u)) {
        error(p, "invalid operation: " + expr_string(ea) + " " + op + " " + expr_string(eb) + " (" +
                     type_string(t) + " cannot be compared)");
        return X{};
      }
      x.code = std::string(op == "!=" ? "(not " : "(") + "G.aeq(" + td(t) + ", " + a.code + ", " +
               b.code + "))";
      return x;
    default:
      x.code = "(" + a.code + " " + sop + " " + b.code + ")";
      return x;
  }
}

X Compiler::binary_of(const Expr& ex, const Expr& ey, const std::string& op, Pos p, Pos op_pos,
                      Type* hint, bool assign) {
  X x;
  // gc names operands of different types at the first one's start.
  auto mismatched = [&](const X& a, const X& b) {
    error(start_of(ex), "invalid operation: " + expr_string(&ex) + " " + op +
                            (assign ? "= " : " ") + expr_string(&ey) + " (mismatched types " +
                            type_string(a.t) + " and " + type_string(b.t) + ")");
    return X{};
  };
  if (op == "&&" || op == "||") {
    X a = value(ex);
    X b = value(ey);
    if (a.mode == X::Invalid || b.mode == X::Invalid) return x;
    // gc: a bool beside a non-bool is a mismatch; two non-bools lack the operator.
    if (is_boolean(a.t) != is_boolean(b.t)) return mismatched(a, b);
    if (!is_boolean(a.t)) {
      error(start_of(ex),
            "invalid operation: operator " + op + " not defined on " + describe_x(a, ex));
      return x;
    }
    if (a.mode == X::Const && b.mode == X::Const) {
      x.mode = X::Const;
      x.t = a.t;
      x.cv = fold(op, a.cv, b.cv, p, false);
      x.code = const_code(x.cv, x.t);
      return x;
    }
    x.mode = X::Value;
    x.t = is_untyped(a.t) ? b.t : a.t;
    x.code = "(" + a.code + (op == "&&" ? " and " : " or ") + b.code + ")";
    x.fresh = true;
    return x;
  }
  if (op == "<<" || op == ">>") {
    X a = value(ex, hint);
    X b = value(ey);
    if (a.mode == X::Invalid || b.mode == X::Invalid) return x;
    if (b.mode == X::Const && b.t->k == K::UntypedFloat && b.cv.k == CV::Float && !integral(b.cv)) {
      error(start_of(ey), describe_x(b, ey) + " truncated to uint");  // gc: as a uint's value
      return x;
    }
    if (!is_integer(b.t) && !(b.mode == X::Const && b.cv.k == CV::Float && integral(b.cv))) {
      error(ey.pos, "invalid operation: shift count " + describe_x(b, ey) + " must be integer");
      return x;
    }
    if (b.mode == X::Const) {
      // A constant count is a uint's value (gc's words for one that is not); between two
      // constants it is at most 1074 (gc's bound: 1<<1074 scales the smallest float64).
      if (exact(b.cv) < 0) {
        error(start_of(ey), "invalid operation: negative shift count " + describe_x(b, ey));
        return x;
      }
      if (b.cv.k == CV::Float) set_int(b.cv, whole(b.cv));
      if (is_untyped(b.t) && mpz_sizeinbase(b.cv.z.get_mpz_t(), 2) > 64) {
        error(start_of(ey), describe_x(b, ey) + " overflows uint");
        return x;
      }
      if (a.mode == X::Const && b.cv.z > 1074) {
        error(start_of(ey), "invalid operation: invalid shift count " + describe_x(b, ey));
        return x;
      }
    }
    if (!is_integer(a.t) && !(a.mode == X::Const && a.cv.k == CV::Float && integral(a.cv))) {
      error(p, "invalid operation: shifted operand " + describe_x(a, ex) + " must be integer");
      return x;
    }
    if (a.mode == X::Const && b.mode == X::Const) {
      if (a.cv.k == CV::Float) set_int(a.cv, whole(a.cv));
      x.mode = X::Const;
      x.t = a.t->k == K::UntypedFloat ? t_uint_lit_ : a.t;
      x.cv = fold(op, a.cv, b.cv, p, true);
      if (!int_holds(x, expr_string(&ex) + " " + op + " " + expr_string(&ey), start_of(ex), op,
                     false, op_pos))
        return X{};
      x.code = const_code(x.cv, x.t);
      return x;
    }
    Type* t = is_untyped(a.t) ? (hint && is_integer(hint) ? hint : t_int_) : a.t;
    if (a.mode == X::Const && is_untyped(a.t) && a.cv.k == CV::Int && !int_fits(a.cv, t)) {
      // A constant shifted by a variable is a value of the type it is used as: (1 << 70) << s
      // as an int overflows. gc says so of each parenthesis level too.
      for (const Expr* e = &ex;; e = e->x.get()) {
        error(start_of(*e), describe_x(a, *e) + " overflows " + type_string(underlying(t)));
        if (e->kind != ExprKind::Paren || e->x == nullptr) break;
      }
      return x;
    }
    const std::string ac = a.mode == X::Const ? const_code(a.cv, t) : a.code;
    x.mode = X::Value;
    x.t = t;
    x.fresh = true;
    x.code = op == "<<"  ? wrap_int(t, "(" + ac + " << " + b.code + ")")
             : is_u64(t) ? "G.ushr(" + ac + ", " + b.code + ")"
                         : "G.sar(" + ac + ", " + b.code + ")";
    return x;
  }
  X a = value(ex, hint);
  X b = value(ey, hint);
  if (a.mode == X::Invalid || b.mode == X::Invalid) return x;
  if (is_comparison(op)) return compare(a, b, op, p, &ex, &ey);
  // Arithmetic.
  if (a.mode == X::Const && b.mode == X::Const) {
    // A string or bool beside anything else mixes no more than two typed constants do.
    if (is_string(a.t) != is_string(b.t) || is_boolean(a.t) != is_boolean(b.t) ||
        (!is_untyped(a.t) && !is_untyped(b.t) && !identical(a.t, b.t)))
      return mismatched(a, b);
    Type* t = !is_untyped(a.t)   ? a.t
              : !is_untyped(b.t) ? b.t
                                 : (untyped_rank(a.t) >= untyped_rank(b.t) ? a.t : b.t);
    // The operator must be one of t's: + of strings, all of integers, + - * / of floats.
    const bool bits = op == "%" || op == "&" || op == "|" || op == "^" || op == "&^";
    if ((is_string(t) && op != "+") || is_boolean(t) || (bits && !is_integer(t))) {
      error(start_of(ex),
            "invalid operation: operator " + op + " not defined on " + describe_x(a, ex));
      return x;
    }
    if (const_misfit(a, &ex, t) || const_misfit(b, &ey, t)) return x;
    if (is_f32(t)) {
      // A float32 constant's operands and result are float32 values, as gc computes them.
      for (X* o : {&a, &b}) {
        if (!is_untyped(o->t)) continue;
        const double v = o->cv.k == CV::Int ? nearest_double(exact(o->cv)) : o->cv.f;
        if (overflows_f32(v)) {
          error(o == &a ? ex.pos : ey.pos,
                describe_x(*o, o == &a ? ex : ey) + " overflows " + type_string(underlying(t)));
          return x;
        }
      }
      set_float32(a.cv);
      set_float32(b.cv);
    }
    x.mode = X::Const;
    x.t = t;
    if (is_float(t) && !is_untyped(t)) {
      // An untyped operand becomes a value of t first: float64(0.1) + 0.2 adds two float64s.
      if (a.cv.k == CV::Float) set_float(a.cv, a.cv.f);
      if (b.cv.k == CV::Float) set_float(b.cv, b.cv.f);
    }
    x.cv = fold(op, a.cv, b.cv, start_of(ey), is_integer(t));  // division by zero: at ey
    if (x.cv.k == CV::None) return X{};
    if (is_f32(t) && x.cv.k == CV::Float) {
      if (overflows_f32(x.cv.f)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%g", x.cv.f);
        error(p, expr_string(&ex) + " " + op + " " + expr_string(&ey) + " (constant " + buf +
                     " of type " + type_string(t) + ") overflows " + type_string(underlying(t)));
        return x;
      }
      set_float(x.cv, round_f32(x.cv.f));
    }
    if (x.cv.k == CV::Float && is_integer(t) && !is_untyped(t)) set_int(x.cv, whole(x.cv));
    if (x.cv.k == CV::Float && t->k != K::UntypedFloat && is_untyped(t)) x.t = t_ufloat_;
    if (x.cv.k == CV::Float && !is_untyped(t)) set_float(x.cv, x.cv.f);  // a value of type t
    if (!int_holds(x, expr_string(&ex) + " " + op + " " + expr_string(&ey), start_of(ex), op, false,
                   op_pos))
      return X{};
    x.code = const_code(x.cv, x.t);
    if (x.code[0] == '-') x.code = "(" + x.code + ")";
    return x;
  }
  if (overflow_f32(a, b, &ex, &ey)) return x;
  if (is_untyped(a.t) && !is_untyped(b.t)) {
    if (const_misfit(a, &ex, b.t)) return x;
    if (!assignable(a, b.t)) {
      return mismatched(a, b);
    }
    a.code = convert(a, b.t);
    a.t = b.t;
  } else if (is_untyped(b.t) && !is_untyped(a.t)) {
    if (const_misfit(b, &ey, a.t)) return x;
    if (!assignable(b, a.t)) {
      return mismatched(a, b);
    }
    b.code = convert(b, a.t);
    b.t = a.t;
  } else if (!identical(a.t, b.t)) {
    return mismatched(a, b);
  }
  Type* t = a.t;
  if (is_untyped(t)) t = default_type(t);
  const Type* u = underlying(t);
  const bool str = is_string(u);
  const bool num = is_numeric(u);
  const bool integer = is_integer(u);
  const bool ok = (op == "+" && (str || num)) || ((op == "-" || op == "*" || op == "/") && num) ||
                  ((op == "%" || op == "&" || op == "|" || op == "^" || op == "&^") && integer);
  if (!ok) {
    error(p, "invalid operation: operator " + op + " not defined on " + describe_x(a, ex));
    return x;
  }
  if ((op == "/" || op == "%") && integer && b.mode == X::Const &&
      (b.cv.k == CV::Int || b.cv.k == CV::Float) && exact(b.cv) == 0) {
    error(start_of(ey), "invalid operation: division by zero");  // x / 0, as gc checks it
    return x;
  }
  x.mode = X::Value;
  x.t = t;
  x.fresh = true;
  if (str) {
    x.code = "(" + a.code + " .. " + b.code + ")";
  } else if (op == "/") {
    x.code = is_u64(u) ? "G.udiv(" + a.code + ", " + b.code + ")"
             : integer ? wrap_int(t, "G.idiv(" + a.code + ", " + b.code + ")")
                       : wrap_int(t, "(" + a.code + " / " + b.code + ")");  // float32 rounds
  } else if (op == "%") {
    x.code = (is_u64(u) ? "G.umod(" : "G.imod(") + a.code + ", " + b.code + ")";
  } else if (op == "&^") {
    x.code = "(" + a.code + " & ~" + b.code + ")";
  } else {
    const std::string lop = op == "^" ? "~" : op;
    x.code = wrap_int(t, "(" + a.code + " " + lop + " " + b.code + ")");  // float32 rounds too
  }
  return x;
}

}  // namespace

// ==== the API
// =====================================================================================

std::string CompileResult::message() const {
  std::string s;
  for (const auto& d : errors) {
    s += filename + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + ": " +
         d.message;
    if (d.at.line > 0) {
      // As gc names a position in a message: the file as given, "./" before a bare name.
      s += " at " + std::string(filename.find('/') == std::string::npos ? "./" : "") + filename +
           ":" + std::to_string(d.at.line) + ":" + std::to_string(d.at.col);
    }
    s += "\n";
    if (d.other.line > 0) {
      s += "\t" + filename + ":" + std::to_string(d.other.line) + ":" +
           std::to_string(d.other.col) + ": " + d.other_message + "\n";
    }
  }
  return s;
}

Prepared prepare(std::string_view filename, std::string_view source, std::string_view run) {
  Prepared p;
  if (!is_go_path(filename)) {
    p.chunk = std::string(source);
    return p;
  }
  CompileResult r = compile(filename, source, run);
  p.ok = r.ok;
  if (r.ok) {
    p.chunk = std::move(r.lua);
  } else {
    p.error = r.message();
  }
  return p;
}

bool is_go_path(std::string_view path) {
  return path.size() > 3 && path.substr(path.size() - 3) == ".go";
}

bool is_test_path(std::string_view path) {
  return path.size() > 8 && path.substr(path.size() - 8) == "_test.go";
}

bool is_test_name(std::string_view name) {
  // As go test: "Test" then nothing or a character that is not a lower-case letter.
  return name.substr(0, 4) == "Test" && (name.size() == 4 || !(name[4] >= 'a' && name[4] <= 'z'));
}

std::vector<std::string> test_names(std::string_view filename, std::string_view source) {
  std::vector<std::string> names;
  if (!is_test_path(filename)) return names;
  File f;
  std::vector<Diagnostic> diags;
  if (!parse(source, &f, &diags)) return names;
  for (const Decl& d : f.decls) {
    if (d.kind == Decl::Kind::Func && !d.func->recv && is_test_name(d.func->name))
      names.push_back(d.func->name);
  }
  return names;
}

namespace {
// The names written as &name (or &(name)) in `source`: the variables that may need a box
// (Compiler::boxes). A binary `a & b` adds b too, which only boxes a variable needlessly.
std::set<std::string> addressed_names(std::string_view source) {
  std::set<std::string> names;
  const std::vector<GoToken> toks = tokenize_go(source);
  auto text = [&](const GoToken& t) { return source.substr(t.begin, t.size); };
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind != GoTokenKind::Symbol || text(toks[i]) != "&") continue;
    std::size_t j = i + 1;
    while (j < toks.size() &&
           (toks[j].kind == GoTokenKind::Whitespace || toks[j].kind == GoTokenKind::Comment ||
            (toks[j].kind == GoTokenKind::Symbol && text(toks[j]) == "(")))
      ++j;
    if (j < toks.size() && toks[j].kind == GoTokenKind::Name) names.emplace(text(toks[j]));
  }
  return names;
}
}  // namespace

CompileResult compile(std::string_view filename, std::string_view source, std::string_view run) {
  CompileResult r;
  r.filename = std::string(filename);
  File f;
  std::vector<Diagnostic> diags;
  if (!parse(source, &f, &diags)) {
    // gc reports them by position: a scanner's error inside a token comes before the parser's
    // at the token's start (0x1.8: "hexadecimal mantissa" at :6, found by fuzz_go_front).
    std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.col < b.pos.col;
    });
    // gc stops reporting errors found before type checking (branch errors, say) after ten, and
    // says so at the tenth's position.
    if (diags.size() > kMaxErrors) {
      diags.resize(kMaxErrors);
      diags.push_back({diags.back().pos, "too many errors"});
    }
    r.errors = std::move(diags);
    return r;
  }
  Compiler c(r.filename, &diags, std::string(run));
  c.set_addr_names(addressed_names(source));
  std::string lua;
  bool ok = false;
  try {
    ok = c.run(f, &lua);
  } catch (const std::bad_alloc&) {
    diags.push_back({{1, 1}, "program too large to compile"});
  }
  if (!ok || !diags.empty()) {
    // A construct outside the subset is the reason the program cannot run; the errors that
    // follow from it (a name it would have declared is undefined, a variable only it used is
    // unused) are not the program's: report the refusals alone.
    if (std::any_of(diags.begin(), diags.end(), [](const Diagnostic& d) { return d.refusal; })) {
      diags.erase(std::remove_if(diags.begin(), diags.end(),
                                 [](const Diagnostic& d) { return !d.refusal; }),
                  diags.end());
    }
    std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.col < b.pos.col;
    });
    // gc stops at its tenth error, and says so at its position.
    if (diags.size() >= kMaxErrors) {
      diags.resize(kMaxErrors);
      diags.push_back({diags.back().pos, "too many errors"});
    }
    r.errors = std::move(diags);
    return r;
  }
  r.ok = true;
  r.lua = std::move(lua);
  return r;
}

// ==== slices and maps (Go 1.21's): generic functions, typed from their arguments as gc infers
// S (a slice type), E (its element), M (a map type), K and V. Each lowers to one support-library
// call given the element's operations as Lua functions: ==, < (NaN first, as cmp.Less), a copy
// of a struct value and a zero value.

bool Compiler::comparable(const Type* t) {
  const Type* u = underlying(t);
  switch (u->k) {
    case K::Slice:
    case K::Map:
    case K::Func:
      return false;
    case K::Struct:
      for (const Member& m : u->fields)
        if (!comparable(m.type)) return false;
      return true;
    case K::Array:
      return comparable(u->elem);
    default:
      return true;
  }
}

X Compiler::generic_call(const Expr& e, const X& f) {
  const std::string& fn = f.pkg_fn;
  const GenericSig& sig = generic_sigs().at(fn);
  const bool is_maps = fn.rfind("maps.", 0) == 0;
  const auto& args = e.args;
  // gc reports a failed constraint at the call's '('.
  const Expr* first = e.x.get();
  while (first->kind == ExprKind::Selector) first = first->x.get();
  Pos lparen = first->pos;
  lparen.col += static_cast<std::uint32_t>(expr_string(e.x.get()).size());
  if (e.ellipsis && !sig.variadic) {
    error(e.pos, "cannot use ... in call to non-variadic " + fn);
    return X{};
  }
  std::vector<X> xs;
  Type* s_type = nullptr;  // S or M (the first argument's type)
  const Type* su = nullptr;
  for (std::size_t i = 0; i < args.size(); ++i) {
    Type* hint = nullptr;
    if (i > 0 && su != nullptr) {
      if (!is_maps && (fn == "slices.Equal"))
        hint = s_type;
      else if (!is_maps && fn == "slices.Insert" && i >= 2 && !e.ellipsis)
        hint = su->elem;
      else if (!is_maps && fn == "slices.Insert" && i == 1)
        hint = t_int_;
      else if (!is_maps && fn == "slices.Delete")
        hint = t_int_;
      else if (!is_maps && i == 1 &&
               (fn == "slices.Contains" || fn == "slices.Index" || fn == "slices.BinarySearch"))
        hint = su->elem;
    }
    xs.push_back(value(*args[i], hint));
    if (xs.back().mode == X::Invalid) return X{};
    if (i == 0) {
      s_type = xs[0].t;
      su = underlying(s_type);
      if (s_type->k == K::UntypedNil) {
        error(args[0]->pos, "in call to " + fn + ", cannot infer " + (is_maps ? "M" : "S"));
        return X{};
      }
      if (su->k != (is_maps ? K::Map : K::Slice)) {
        error(args[0]->pos, std::string(is_maps ? "M" : "S") + " (type " + type_string(s_type) +
                                ") does not satisfy " + (is_maps ? "~map[K]V" : "~[]E"));
        return X{};
      }
    }
  }
  const std::size_t n = xs.size();
  if (n < (sig.variadic ? sig.n - 1 : sig.n) || (!sig.variadic && n > sig.n)) {
    std::string have = "(";
    for (std::size_t i = 0; i < n; ++i)
      have +=
          (i ? ", " : "") + (xs[i].mode == X::Const && is_untyped(xs[i].t) && is_numeric(xs[i].t)
                                 ? std::string("number")
                                 : type_string(xs[i].t));
    const bool few = n < sig.n;
    error(few ? e.rparen : args[sig.n]->pos, std::string(few ? "not enough" : "too many") +
                                                 " arguments in call to " + fn + "\n\thave " +
                                                 have + ")\n\twant " + sig.want);
    return X{};
  }
  Type* elem = su->elem;  // E, or V of a map
  // An argument of type `to` (E, int, S): untyped constants convert; another type is gc's
  // inference error.
  auto arg_as = [&](std::size_t i, Type* to, const char* tparam) -> std::string {
    X& x = xs[i];
    if (!assignable(x, to)) {
      if (x.mode == X::Const || x.t->k == K::UntypedNil || tparam == nullptr) {
        error(start_of(*args[i]), cannot_use(x, *args[i], to, "argument to " + fn));
      } else {
        error(args[i]->pos, "in call to " + fn + ", type " + type_string(x.t) + " of " +
                                expr_string(args[i].get()) + " does not match inferred type " +
                                type_string(to) + " for " + tparam);
      }
      return "";
    }
    return convert(x, to);
  };
  auto ordered = [&](Type* t) {
    const Type* u = underlying(t);
    if (is_numeric(u) || is_string(u)) return true;
    const std::string ts = type_string(t);
    error(lparen, ts + " does not satisfy cmp.Ordered (" + ts +
                      " missing in ~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | "
                      "~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string)");
    return false;
  };
  auto comparable_or_error = [&](Type* t) {
    if (comparable(t)) return true;
    error(lparen, type_string(t) + " does not satisfy comparable");
    return false;
  };
  // The element's operations, as Lua functions of a and b.
  auto op_fn = [&](Type* t, const std::string& op) {
    X a, b;
    a.mode = b.mode = X::Value;
    a.t = b.t = t;
    a.code = "a";
    b.code = "b";
    const Type* u = underlying(t);
    if (op == "<" && is_float(u)) return std::string("G.flt");
    return "function(a, b) return " + compare(a, b, op, e.pos, nullptr, nullptr).code + " end";
  };
  auto copy_fn = [&](Type* t) {
    if (underlying(t)->k == K::Array) return "function(v) return G.acp(" + td(t) + ", v) end";
    return underlying(t)->k == K::Struct ? "function(v) return G.cp(" + td(t) + ", v) end"
                                         : std::string("nil");
  };
  auto zero_fn = [&](Type* t) { return "function() return " + zero(t) + " end"; };
  // A func argument: its type must be the one the signature wants.
  auto func_arg = [&](std::size_t i, Type* want, const std::string& generic) -> std::string {
    X& x = xs[i];
    if (x.t->k == K::UntypedNil) return "nil";
    if (!identical(underlying(x.t), want)) {
      error(args[i]->pos, "in call to " + fn + ", type " + type_string(x.t) + " of " +
                              expr_string(args[i].get()) + " does not match inferred type " +
                              type_string(want) + " for " + generic);
      return "";
    }
    return x.code;
  };
  X x;
  x.mode = X::Value;
  x.fresh = true;
  std::vector<std::string> a;
  std::string lua;
  const std::string s0 = xs[0].code;
  const std::string es = std::to_string(elem_size(elem));
  if (fn == "slices.Sort" || fn == "slices.IsSorted") {
    if (!ordered(elem)) return X{};
    lua = fn == "slices.Sort" ? "G.slsort" : "G.slissorted";
    a = {s0, op_fn(elem, "<")};
    x.t = fn == "slices.Sort" ? nullptr : t_bool_;
  } else if (fn == "slices.SortFunc" || fn == "slices.SortStableFunc") {
    const std::string c = func_arg(1, func_of({elem, elem}, {t_int_}), "func(a E, b E) int");
    if (c.empty()) return X{};
    lua = "G.slsortfunc";
    a = {s0, c, copy_fn(elem), fn == "slices.SortStableFunc" ? "true" : "false", elem_td(elem)};
  } else if (fn == "slices.Contains" || fn == "slices.Index") {
    if (!comparable_or_error(elem)) return X{};
    const std::string v = arg_as(1, elem, "E");
    if (v.empty()) return X{};
    lua = "G.slindex";
    a = {s0, v, op_fn(elem, "==")};
    x.t = t_int_;
    if (fn == "slices.Contains") {
      x.t = t_bool_;
      lua = "G.slcontains";
    }
  } else if (fn == "slices.ContainsFunc" || fn == "slices.IndexFunc") {
    const std::string c = func_arg(1, func_of({elem}, {t_bool_}), "func(E) bool");
    if (c.empty()) return X{};
    lua = fn == "slices.IndexFunc" ? "G.slindexfunc" : "G.slcontainsfunc";
    a = {s0, c, copy_fn(elem)};
    x.t = fn == "slices.IndexFunc" ? t_int_ : t_bool_;
  } else if (fn == "slices.Reverse") {
    lua = "G.slreverse";
    a = {s0, elem_td(elem)};
  } else if (fn == "slices.Max" || fn == "slices.Min") {
    if (!ordered(elem)) return X{};
    lua = "G.slminmax";
    a = {s0, op_fn(elem, "<"), fn == "slices.Max" ? "true" : "false",
         is_float(underlying(elem)) ? "true" : "false", lua_quote(fn)};
    x.t = elem;
  } else if (fn == "slices.Equal") {
    if (!comparable_or_error(elem)) return X{};
    const std::string t = arg_as(1, s_type, "S");
    if (t.empty()) return X{};
    lua = "G.slequal";
    a = {s0, t, op_fn(elem, "==")};
    x.t = t_bool_;
  } else if (fn == "slices.Insert") {
    const std::string i = arg_as(1, t_int_, nullptr);
    if (i.empty()) return X{};
    std::string vals;
    if (e.ellipsis) {
      if (n != 3) {
        error(e.pos, "can only use ... with final argument in list");
        return X{};
      }
      vals = arg_as(2, s_type, "S");
      if (vals.empty()) return X{};
      vals = "G.slvals(" + vals + ")";
    } else {
      for (std::size_t k = 2; k < n; ++k) {
        const std::string v = arg_as(k, elem, "E");
        if (v.empty()) return X{};
        vals += (k > 2 ? ", " : "") + v;
      }
      vals = "{n = " + std::to_string(n - 2) + (n > 2 ? ", " : "") + vals + "}";
    }
    lua = "G.slinsert";
    a = {s0, es, i, vals, elem_td(elem)};
    x.t = s_type;
  } else if (fn == "slices.Delete") {
    const std::string i = arg_as(1, t_int_, nullptr);
    const std::string j = arg_as(2, t_int_, nullptr);
    if (i.empty() || j.empty()) return X{};
    lua = "G.sldelete";
    a = {s0, i, j, zero_fn(elem), elem_td(elem)};
    x.t = s_type;
  } else if (fn == "slices.BinarySearch") {
    if (!ordered(elem)) return X{};
    const std::string v = arg_as(1, elem, "E");
    if (v.empty()) return X{};
    lua = "G.slbsearch";
    a = {s0, v, op_fn(elem, "<")};
    x.mode = X::Multi;
    x.t = tuple_of({t_int_, t_bool_});
  } else if (fn == "slices.Clone") {
    lua = "G.slclone";
    a = {s0, es, copy_fn(elem), elem_td(elem)};
    x.t = s_type;
  } else if (fn == "maps.Clone") {
    lua = "G.mclone";
    a = {s0, copy_fn(elem)};
    x.t = s_type;
  } else if (fn == "maps.Copy" || fn == "maps.Equal" || fn == "maps.EqualFunc") {
    // M1 and M2 share K (and V, but for EqualFunc).
    X& m2 = xs[1];
    const Type* u2 = underlying(m2.t);
    if (m2.t->k == K::UntypedNil) {
      error(args[1]->pos, "in call to " + fn + ", cannot infer M2");
      return X{};
    }
    if (u2->k != K::Map) {
      error(args[1]->pos, "M2 (type " + type_string(m2.t) + ") does not satisfy ~map[K]V");
      return X{};
    }
    const bool same_v = fn != "maps.EqualFunc";
    if (!identical(u2->key, su->key) || (same_v && !identical(u2->elem, su->elem))) {
      Type* want = make(K::Map);
      want->key = su->key;
      want->elem = same_v ? su->elem : u2->elem;
      error(args[1]->pos, "in call to " + fn + ", type " + type_string(m2.t) + " of " +
                              expr_string(args[1].get()) + " does not match inferred type " +
                              type_string(want) + " for M2");
      return X{};
    }
    if (fn == "maps.Copy") {
      lua = "G.mcopy";
      a = {s0, m2.code, copy_fn(elem)};
    } else if (fn == "maps.Equal") {
      if (!comparable_or_error(elem)) return X{};
      lua = "G.mequal";
      a = {s0, m2.code, op_fn(elem, "==")};
      x.t = t_bool_;
    } else {
      const std::string c =
          func_arg(2, func_of({su->elem, u2->elem}, {t_bool_}), "func(V1, V2) bool");
      if (c.empty()) return X{};
      lua = "G.mequalfunc";
      a = {s0, m2.code, c, copy_fn(su->elem), copy_fn(u2->elem)};
      x.t = t_bool_;
    }
  } else if (fn == "maps.DeleteFunc") {
    const std::string c = func_arg(1, func_of({su->key, su->elem}, {t_bool_}), "func(K, V) bool");
    if (c.empty()) return X{};
    lua = "G.mdeletefunc";
    a = {s0, c, copy_fn(elem), copy_fn(su->key)};
  }
  if (x.t == nullptr) {
    x.mode = X::NoValue;
    x.t = t_invalid_;
  }
  x.call_fn = lua;
  x.call_args = a;
  std::string s;
  for (std::size_t i = 0; i < a.size(); ++i) s += (i ? ", " : "") + a[i];
  x.code = lua + "(" + s + ")";
  return x;
}

}  // namespace rdv::gofront
