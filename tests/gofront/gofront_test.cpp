// gofront: Go programs compiled to the script runtime (design.md §4b).
//
//  - compile errors: each message is what `go build` (Go 1.19, the installed toolchain) prints
//    for the same program, position included; when `go` is on PATH the recording is re-checked
//    against it, so it cannot drift from Go;
//  - refusals: a construct outside the subset is named at file:line:col before anything runs;
//  - programs: each tests/gofront/programs/NAME.go (and each tests/crosscheck/*.go) is built and
//    run by Go and run by us over many seeds; Go's output (and exit status, and the first line
//    of a panic) must be one of ours. NAME.out, when present, is the output the specification
//    gives for a program the installed Go cannot build (Go 1.22 features);
//  - lines: the lowered chunk keeps every Go line, so run-time errors name Go lines;
//  - robustness: every prefix of a program compiles or fails with a positioned message.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "explore/explore.h"
#include "gofront/gofront.h"
#include "script/run.h"
#include "tests/support/files_in.h"
#include "tests/support/go_tool.h"
#include "tests/support/read_file.h"
#include "tests/support/scratch.h"
#include "tests/support/seed_runs.h"
#include "tests/support/skipped.h"

namespace {

namespace fs = std::filesystem;

using namespace rdv::test;  // read_file, and Go as the oracle (go_tool.h)

fs::path work_dir() {
  static const fs::path w = fresh_dir("gofront");
  return w;
}

std::string go_env() {
  return rdv::test::go_env(work_dir());
}

std::string errors_of(const std::string& src) {
  const rdv::gofront::CompileResult r = rdv::gofront::compile("prog.go", src);
  return r.ok ? std::string("(compiled)") : r.message();
}

struct Case {
  const char* src;
  const char* want;  // go build's output without its "# command-line-arguments" and "./"
};

// Recorded from `go build` of Go 1.19.8.
const Case kErrors[] = {
    // Map keys: a type that is not comparable is no key; constant keys may not repeat (for an
    // interface key, a constant of the same default type and value).
    {"package main\n\ntype P struct{ X, Y int }\n\ntype S struct {\n\ta  []int\n\tmu "
     "int\n}\n\nfunc main() {\n\tm := map[[]int]int{}\n\tvar n map[func()]bool\n\tvar o "
     "map[S]int\n\tvar p map[map[int]int]int\n\tvar q map[[2][]int]bool\n\tvar ok map[struct{ a "
     "[2]P }]bool\n\t_, _, _, _, _, _ = m, n, o, p, q, ok\n}\n",
     "prog.go:11:11: invalid map key type []int\nprog.go:12:16: invalid map key type "
     "func()\nprog.go:13:12: invalid map key type S\nprog.go:14:12: invalid map key type "
     "map[int]int\nprog.go:15:12: invalid map key type [2][]int\n"},
    {"package main\n\ntype P struct{ X, Y int }\n\nfunc main() {\n\ta := map[float64]int{1: 1, "
     "1.0: 2, 0.5: 3, 1.5 - 1: 4}\n\tb := map[any]int{1: 1, 1: 2, \"x\": 3, int64(1): 4, \"x\": 5, "
     "1.0: 6}\n\tc := map[P]int{{1, 2}: 1, {1, 2}: 2}\n\te := map[string]int{\"a\\n\": 1, "
     "\"a\\n\": 2}\n\tf := map[int]int{1: 1, 2 - 1: 2}\n\tg := map[bool]int{true: 1, true: 2, "
     "false: 3}\n\th := map[float32]int{0.1: 1, 0.10000000001: 2}\n\t_, _, _, _, _, _, _ = a, b, "
     "c, e, f, g, h\n}\n",
     "prog.go:6:29: duplicate key 1 in map literal\nprog.go:6:45: duplicate key 0.5 in map "
     "literal\nprog.go:7:25: duplicate key 1 in map literal\nprog.go:7:52: duplicate key \"x\" in "
     "map literal\nprog.go:9:32: duplicate key \"a\\n\" in map literal\nprog.go:10:25: duplicate "
     "key 1 in map literal\nprog.go:11:29: duplicate key true in map literal\nprog.go:12:31: "
     "duplicate key 0.1 in map literal\n"},
    // float32: mixing with float64 is an error; a constant no float32 holds overflows, as an
    // operand, a conversion, a declaration or the result of constant arithmetic.
    {"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar x float32 = 1\n\tvar y float64 = "
     "2\n\tfmt.Println(x + y)\n\tvar z float32 = 1e40\n\tw := float32(1e40)\n\tconst c float32 = "
     "1e39\n\tvar q float32 = -1e39\n\tfmt.Println(z, w, c, q)\n\tx = y\n\tvar i int = x\n\t_ = "
     "i\n}\n",
     "prog.go:8:14: invalid operation: x + y (mismatched types float32 and float64)\nprog.go:9:18: "
     "cannot use 1e40 (untyped float constant 1e+40) as float32 value in variable declaration "
     "(overflows)\nprog.go:10:15: cannot convert 1e40 (untyped float constant 1e+40) to type "
     "float32\nprog.go:11:20: cannot use 1e39 (untyped float constant 1e+39) as float32 value in "
     "constant declaration (overflows)\nprog.go:12:18: cannot use -1e39 (untyped float constant "
     "-1e+39) as float32 value in variable declaration (overflows)\nprog.go:14:6: cannot use y "
     "(variable of type float64) as type float32 in assignment\nprog.go:15:14: cannot use x "
     "(variable of type float32) as type int in variable declaration\n"},
    {"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(float32(1e-50), "
     "float32(1)*1e39)\n\tconst k float32 = 3.4e38\n\tfmt.Println(k * "
     "10)\n\tfmt.Println(float32(1) == float64(1))\n\tvar f float32 = 2\n\tfmt.Println(f == "
     "1e39)\n\tfmt.Println(f + 1)\n\tfmt.Println(f, 1e39+f)\n\tconst s string = 1\n}\n",
     "prog.go:6:41: 1e39 (untyped float constant 1e+39) overflows float32\nprog.go:8:14: k * 10 "
     "(constant 3.4e+39 of type float32) overflows float32\nprog.go:9:28: invalid operation: "
     "float32(1) == float64(1) (mismatched types float32 and float64)\nprog.go:11:19: 1e39 "
     "(untyped float constant 1e+39) overflows float32\nprog.go:13:17: 1e39 (untyped float "
     "constant 1e+39) overflows float32\nprog.go:14:19: cannot use 1 (untyped int constant) as "
     "string value in constant declaration\n"},
    // Unsigned: a negative constant does not convert, nor fit.
    {"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(uint64(-1))\n\tvar u uint = "
     "-2\n\tfmt.Println(u)\n}\n",
     "prog.go:6:21: cannot convert -1 (untyped int constant) to type uint64\nprog.go:7:15: cannot "
     "use -2 (untyped int constant) as uint value in variable declaration (overflows)\n"},
    // Embedded fields: a name promoted from two at the same depth, one promoted from none.
    {"package main\n\nimport \"fmt\"\n\ntype A struct{ ID int }\ntype B struct{ ID int }\n\ntype C "
     "struct {\n\tA\n\tB\n}\n\nfunc main() {\n\tc := C{}\n\tfmt.Println(c.ID)\n}\n",
     "prog.go:15:16: ambiguous selector c.ID\n"},
    {"package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\ntype C struct "
     "{\n\tsync.Mutex\n}\n\nfunc "
     "main() {\n\tvar c C\n\tc.Lock()\n\tfmt.Println(c.Nope)\n}\n",
     "prog.go:15:16: c.Nope undefined (type C has no field or method Nope)\n"},
    // sync.NewCond(l Locker): gc names its parameter's type.
    {"package main\n\nimport \"sync\"\n\nfunc main() {\n\tc := sync.NewCond()\n\t_ = c\n}\n",
     "prog.go:6:7: not enough arguments in call to sync.NewCond\n\thave ()\n\twant "
     "(sync.Locker)\n"},
    // NewCond of a Mutex value (its Lock has a pointer receiver) and of a non-Locker.
    {"package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar mu sync.Mutex\n\tc := "
     "sync.NewCond(mu)\n\td := sync.NewCond(5)\n\t_, _ = c, d\n}\n",
     "prog.go:7:20: cannot use mu (variable of type sync.Mutex) as type sync.Locker in argument "
     "to sync.NewCond:\n\tsync.Mutex does not implement sync.Locker (Lock method has pointer "
     "receiver)\nprog.go:8:20: cannot use 5 (constant of type int) as type sync.Locker in "
     "argument to sync.NewCond:\n\tint does not implement sync.Locker (missing Lock method)\n"},
    // NewCond of a type of the program missing Unlock, or whose methods have pointer
    // receivers, and of an RWMutex value.
    {"package main\n\nimport \"sync\"\n\ntype half struct{}\n\nfunc (half) Lock() {}\n\ntype "
     "ptrLock struct{}\n\nfunc (*ptrLock) Lock()   {}\nfunc (*ptrLock) Unlock() {}\n\nfunc main() "
     "{\n\tc := sync.NewCond(half{})\n\td := sync.NewCond(ptrLock{})\n\tvar rw "
     "sync.RWMutex\n\te := sync.NewCond(rw)\n\t_, _, _ = c, d, e\n}\n",
     "prog.go:15:20: cannot use half{} (value of type half) as type sync.Locker in argument to "
     "sync.NewCond:\n\thalf does not implement sync.Locker (missing Unlock method)\nprog.go:16:20: "
     "cannot use ptrLock{} (value of type ptrLock) as type sync.Locker in argument to "
     "sync.NewCond:\n\tptrLock does not implement sync.Locker (Lock method has pointer "
     "receiver)\nprog.go:18:20: cannot use rw (variable of type sync.RWMutex) as type sync.Locker "
     "in argument to sync.NewCond:\n\tsync.RWMutex does not implement sync.Locker (Lock method "
     "has pointer receiver)\n"},
    // A struct embedding a sync.Mutex: its promoted Lock has a pointer receiver.
    {"package main\n\nimport \"sync\"\n\ntype guarded struct {\n\tsync.Mutex\n\tn int\n}\n\nfunc "
     "main() {\n\tvar g guarded\n\tc := sync.NewCond(g)\n\t_ = c\n}\n",
     "prog.go:12:20: cannot use g (variable of type guarded) as type sync.Locker in argument to "
     "sync.NewCond:\n\tguarded does not implement sync.Locker (Lock method has pointer "
     "receiver)\n"},
    {"package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar mu sync.Mutex\n\tc := "
     "sync.NewCond(&mu, &mu)\n\t_ = c\n}\n",
     "prog.go:7:25: too many arguments in call to sync.NewCond\n\thave (*sync.Mutex, "
     "*sync.Mutex)\n\twant (sync.Locker)\n"},
    {"package main\n\nfunc main() {\n\tx := 1\n\t_ = x\n\ty = 2\n}\n",
     "prog.go:6:2: undefined: y\n"},
    {"package main\n\nfunc main() {\n\tx := 1\n}\n", "prog.go:4:2: x declared but not used\n"},
    {"package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() "
     "{\n\tfmt.Println(\"hi\")\n}\n",
     "prog.go:5:2: imported and not used: \"os\"\n"},
    {"package main\n\nimport \"fmt\"\n\nfunc main() {\n\ta := 1\n\tb := \"x\"\n\tfmt.Println(a + "
     "b)\n}\n",
     "prog.go:8:14: invalid operation: a + b (mismatched types int and string)\n"},
    {"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar n int\n\ts := \"x\"\n\tn = "
     "s\n\tfmt.Println(n)\n}\n",
     "prog.go:8:6: cannot use s (variable of type string) as type int in assignment\n"},
    {"package main\n\nfunc f(a int, s string) {}\n\nfunc main() {\n\tf(\"x\", \"y\")\n}\n",
     "prog.go:6:4: cannot use \"x\" (untyped string constant) as int value in argument to f\n"},
    {"package main\n\nfunc f(a int) int {\n\tif a > 0 {\n\t\treturn 1\n\t}\n}\n\nfunc main() "
     "{\n\tf(1)\n}\n",
     "prog.go:7:1: missing return\n"},
    {"package main\n\nfunc f(a, b int) int { return a + b }\n\nfunc main() {\n\tf(1)\n}\n",
     "prog.go:6:4: not enough arguments in call to f\n\thave (number)\n\twant (int, int)\n"},
    {"package main\n\nfunc f(a, b int) int { return a + b }\n\nfunc main() {\n\tf(1, 2, 3)\n}\n",
     "prog.go:6:10: too many arguments in call to f\n\thave (number, number, number)\n\twant (int, "
     "int)\n"},
    {"package main\n\nfunc f() (int, error) {\n\treturn 1\n}\n\nfunc main() {\n\tf()\n}\n",
     "prog.go:4:9: not enough return values\n\thave (number)\n\twant (int, error)\n"},
    {"package main\n\nfunc f() (int, int) { return 1, 2 }\n\nfunc main() {\n\ta := f()\n\t_ = "
     "a\n}\n",
     "prog.go:6:7: assignment mismatch: 1 variable but f returns 2 values\n"},
    {"package main\n\nfunc main() {\n\tx := 1\n\tx + 1\n}\n",
     "prog.go:5:2: x + 1 (value of type int) is not used\n"},
    {"package main\n\nfunc g(a int) int { return a }\n\nfunc main() {\n\ts := \"x\"\n\tvar n int = "
     "s\n\t_ = n\n}\n",
     "prog.go:7:14: cannot use s (variable of type string) as type int in variable declaration\n"},
    {"package main\n\nfunc h() int {\n\ts := \"x\"\n\treturn s\n}\n\nfunc main() { h() }\n",
     "prog.go:5:9: cannot use s (variable of type string) as type int in return statement\n"},
    // A statement at the top level, and a function's { on the line after it: gc's words. The
    // scanner's error inside 0x1.8 (at :6) comes after the parser's at the literal (:1), in
    // position order (fuzz_go_front found them reversed).
    {"package main\n\nvar x = 1\n0x1.8\n",
     "prog.go:4:1: syntax error: non-declaration statement outside function body\n"
     "prog.go:4:6: hexadecimal mantissa requires a 'p' exponent\n"},
    {"package main\n\nfunc main()\n{\n}\n",
     "prog.go:4:1: syntax error: unexpected semicolon or newline before {\n"},
    // A comparison's result is an untyped bool value until it takes a type: gc says so.
    {"package main\n\nfunc h(a, b int) int {\n\treturn a == b\n}\n\nfunc main() { h(1, 2) }\n",
     "prog.go:4:9: cannot use a == b (untyped bool value) as int value in return statement\n"},
    {"package main\n\nfunc main() {\n\ta := 1\n\tvar s string = a < 2\n\t_ = s\n}\n",
     "prog.go:5:17: cannot use a < 2 (untyped bool value) as string value in variable "
     "declaration\n"},
    // Found by fuzz_go_front: source that is not UTF-8, a package-level var with more names than
    // values (it crashed), and a field of a variable whose type is already an error (gc says
    // nothing more about it).
    {"package main\n\nfunc main() {\n\t_ = \"a\xff\"\n}\n",
     "prog.go:4:8: invalid UTF-8 encoding\n"},
    {"package main\n\nimport \"errors\"\n\nvar e1, e2 = errors.New(\"x\")\n\nfunc main() {}\n",
     "prog.go:5:14: assignment mismatch: 2 variables but errors.New returns 1 value\n"},
    {"package main\n\nfunc main() {\n\tvar a, b = 1\n\t_, _ = a, b\n}\n",
     "prog.go:4:13: assignment mismatch: 2 variables but 1 value\n"},
    {"package main\n\nfunc f() (int, int) { return 1, 2 }\n\nfunc main() {\n\tvar a, b, c = "
     "f()\n\t_, _, _ = a, b, c\n}\n",
     "prog.go:6:16: assignment mismatch: 3 variables but f returns 2 values\n"},
    {"package main\n\nfunc main() {\n\tfor _, r := range results {\n\t\t_ = r.i\n\t}\n}\n",
     "prog.go:4:20: undefined: results\n"},  // A redeclaration names the other declaration on a
                                             // second line; "no new variables" is at
    // the ":=".
    {"package main\n\nfunc main() {}\n\nfunc main() {}\n\nvar x = 1\nvar x = 2\n\nfunc f() "
     "{\n\ty := 1\n\ty := 2\n\t_ = y\n}\n",
     "prog.go:5:6: main redeclared in this block\n\tprog.go:3:6: other declaration of "
     "main\nprog.go:8:5: x redeclared in this block\n\tprog.go:7:5: other declaration of "
     "x\nprog.go:12:4: no new variables on left side of :=\n"},
    {"package main\n\nimport \"math\"\n\nfunc main() {\n\tn := 16\n\t_ = math.Sqrt(n)\n}\n",
     "prog.go:7:16: cannot use n (variable of type int) as type float64 in argument to "
     "math.Sqrt\n"},
    // Arrays (issue #17): a constant index out of bounds, a length that is not constant (its
    // variable still unused) or negative, slicing or assigning into an unaddressable array,
    // [...] outside a literal, literal elements out of bounds or given twice, an uncomparable
    // array compared, constant slice bounds past the length or crossed.
    {"package main\n\nfunc main() {\n\tvar a [3]int\n\ta[5] = 1\n\t_ = a[3]\n\tn := 2\n\tvar b "
     "[n]int\n\tvar c [-1]int\n\t_, _ = b, c\n}\n",
     "prog.go:5:4: invalid argument: index 5 out of bounds [0:3]\nprog.go:6:8: invalid argument: "
     "index 3 out of bounds [0:3]\nprog.go:7:2: n declared but not used\nprog.go:8:9: invalid "
     "array length n\nprog.go:9:9: invalid array length -1 (untyped int constant)\n"},
    {"package main\n\nfunc f() [3]int { return [3]int{} }\n\nfunc main() {\n\ts := "
     "f()[1:]\n\tf()[0] = 1\n\tx := [...]int{1, 2}\n\tvar y [...]int\n\tz := [2]int{1, 2, 3}\n\tw "
     ":= [5]int{2: 1, 2: 3}\n\tv := [3]int{5: 1}\n\t_, _, _, _, _, _ = s, x, y, z, w, v\n}\n",
     "prog.go:6:7: invalid operation: f() (value of type [3]int) (slice of unaddressable "
     "value)\nprog.go:7:2: cannot assign to f()[0] (value of type int)\nprog.go:9:8: invalid use "
     "of [...] array (outside a composite literal)\nprog.go:10:20: index 2 is out of bounds (>= "
     "2)\nprog.go:11:21: duplicate index 2 in array or slice literal\nprog.go:12:14: invalid "
     "argument: index 5 out of bounds [0:3]\n"},
    {"package main\n\nfunc main() {\n\ta := [2][]int{}\n\tb := [2][]int{}\n\t_ = a == b\n\tvar e "
     "[2]int = [3]int{}\n\t_ = e\n}\n",
     "prog.go:6:6: invalid operation: a == b ([2][]int cannot be compared)\nprog.go:7:17: cannot "
     "use [3]int{} (value of type [3]int) as type [2]int in variable declaration\n"},
    {"package main\n\nfunc main() {\n\ta := [3]int{1, 2, 3}\n\t_ = a[1:5]\n\t_ = a[4:]\n\t_ = "
     "a[2:1]\n\tp := &a\n\t_ = p[7]\n}\n",
     "prog.go:5:10: invalid argument: index 5 out of bounds [0:4]\nprog.go:6:8: invalid argument: "
     "index 4 out of bounds [0:4]\nprog.go:7:10: invalid slice indices: 1 < 2\nprog.go:9:8: "
     "invalid argument: index 7 out of bounds [0:3]\n"},
    {"package main\n\nfunc main() {\n\tm := map[int][2]int{}\n\tm[1][0] = 5\n\tvar s struct{ a "
     "[2]int }\n\tf := func() struct{ a [2]int } { return s }\n\tf().a[1] = 2\n}\n",
     "prog.go:5:2: cannot assign to m[1][0] (value of type int)\nprog.go:8:2: cannot assign to "
     "f().a[1] (value of type int)\n"},
    // sort.Slice's less is written with its parameters' names.
    {"package main\n\nimport \"sort\"\n\nfunc main() {\n\txs := []int{3, 1, "
     "2}\n\tsort.Slice(xs)\n\tsort.SliceStable(xs, 1, 2)\n\tsort.Slice()\n\tsort.SliceIsSorted(xs, "
     "1)\n}\n",
     "prog.go:7:13: not enough arguments in call to sort.Slice\n\thave ([]int)\n\twant (any, "
     "func(i int, j int) bool)\nprog.go:8:26: too many arguments in call to "
     "sort.SliceStable\n\thave ([]int, number, number)\n\twant (any, func(i int, j int) "
     "bool)\nprog.go:9:2: not enough arguments in call to sort.Slice\n\thave ()\n\twant (any, "
     "func(i int, j int) bool)\nprog.go:10:25: cannot use 1 (untyped int constant) as func(i "
     "int, j int) bool value in argument to sort.SliceIsSorted\n"},
    // Constants are exact, and one past float64's range is an error wherever it lands.
    {"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar f float64 = 1e300 * "
     "1e300\n\tfmt.Println(1e400, f)\n\tx := 1e309\n\t_ = x\n\tfmt.Println(1e300 * 1e300 / "
     "1e300)\n}\n",
     "prog.go:6:18: cannot use 1e300 * 1e300 (untyped float constant 1e+600) as float64 value in "
     "variable declaration (overflows)\nprog.go:7:14: cannot use 1e400 (untyped float constant "
     "1e+400) as float64 value in argument to fmt.Println (overflows)\nprog.go:8:7: cannot use "
     "1e309 (untyped float constant 1e+309) as float64 value in assignment (overflows)\n"},
    {"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(0x1.8)\n}\n",
     "prog.go:6:19: hexadecimal mantissa requires a 'p' exponent\n"},
    // goto and labels: checked before types, as gc's syntax package does, in its words; a
    // position inside a message names the file as gc does ("./prog.go").
    {"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tgoto L\n\tx := "
     "1\n\tfmt.Println(x)\nL:\n\t{\n\tM:\n\t}\n\tgoto N\n\tif x > 0 "
     "{\n\tN:\n\t\tfmt.Println()\n\t}\n\tgoto Q\n}\n",
     "prog.go:6:7: goto L jumps over declaration of x at ./prog.go:7:4\nprog.go:11:2: label M "
     "defined and not used\nprog.go:13:7: goto N jumps into block starting at "
     "./prog.go:14:11\nprog.go:18:7: label Q not defined\n"},
    {"package main\n\nfunc f() {\n\tgoto A\n\tvar a, b int = 1, 2\n\t_, _ = a, b\nA:\n\tfor "
     "{\n\t\tgoto B\n\t}\n\tif true {\n\t} else {\n\tB:\n\t}\n\tgoto C\n\tswitch {\n\tcase "
     "true:\n\tC:\n\t}\n}\n\nfunc main() {\nL:\n\tfor {\n\t\tfunc() {\n\t\t\tgoto "
     "L\n\t\t}()\n\t\tbreak L\n\t}\nL:\n\tf()\n}\n",
     "prog.go:4:7: goto A jumps over declaration of a at ./prog.go:5:6\nprog.go:9:8: goto B jumps "
     "into block starting at ./prog.go:12:9\nprog.go:15:7: goto C jumps into block starting at "
     "./prog.go:17:2\nprog.go:26:9: label L not defined\nprog.go:30:1: label L already defined at "
     "./prog.go:23:1\n"},
    {"package main\n\nfunc main() {\n\tx := 0\n\tgoto done\n\tx++\n\tgo func() "
     "{\n\tinner:\n\t\tfor {\n\t\t\tbreak inner\n\t\t}\n\t}()\ndone:\n\tfor x < 3 {\n\t\tif x == 1 "
     "{\n\t\t\tcontinue done\n\t\t}\n\t\tx++\n\t}\n\tgoto skip\n\t{\n\t\ty := 2\n\t\t_ = "
     "y\n\t}\nskip:\n\t_ = x\n\tbreak\nS:\n\tswitch x {\n\tcase 0:\n\t\tcontinue S\n\t}\n}\n",
     "prog.go:27:2: break is not in a loop, switch, or select\nprog.go:31:12: invalid continue "
     "label S\n"},
    // Past ten branch errors gc says "too many errors", at the tenth's position.
    {"package main\n\nfunc main() {\n\tgoto L0\n\tgoto L1\n\tgoto L2\n\tgoto L3\n\tgoto L4\n\tgoto "
     "L5\n\tgoto L6\n\tgoto L7\n\tgoto L8\n\tgoto L9\n\tgoto L10\n\tgoto L11\n}\n",
     "prog.go:4:7: label L0 not defined\nprog.go:5:7: label L1 not defined\nprog.go:6:7: label L2 "
     "not defined\nprog.go:7:7: label L3 not defined\nprog.go:8:7: label L4 not "
     "defined\nprog.go:9:7: label L5 not defined\nprog.go:10:7: label L6 not "
     "defined\nprog.go:11:7: label L7 not defined\nprog.go:12:7: label L8 not "
     "defined\nprog.go:13:7: label L9 not defined\nprog.go:13:7: too many errors\n"},
    // A call without arguments is reported at its start (a method's at its receiver).
    {"package main\n\ntype T struct{ n int }\n\nfunc (t T) V(a int) int { return t.n }\n\nfunc "
     "main() {\n\tvar t T\n\tt.V()\n\tT.V(t)\n\t(T.V)()\n}\n",
     "prog.go:9:2: not enough arguments in call to t.V\n\thave ()\n\twant (int)\nprog.go:10:6: not "
     "enough arguments in call to T.V\n\thave (T)\n\twant (T, int)\nprog.go:11:2: not enough "
     "arguments in call to (T.V)\n\thave ()\n\twant (T, int)\n"},
    // Method expressions: T's method set has no pointer method (its own or promoted through an
    // embedded value); a field is no method; an interface's method expression is checked too.
    {"package main\n\ntype T struct{ n int }\n\nfunc (t *T) M() {}\n\ntype Outer struct{ T "
     "}\n\ntype A struct{}\n\nfunc (A) M() {}\n\ntype B struct{}\n\nfunc (B) M() {}\n\ntype AB "
     "struct {\n\tA\n\tB\n}\n\ntype S interface{ String() string }\n\nfunc main() {\n\t_ = "
     "T.M\n\t_ = T.X\n\t_ = (*T).X\n\t_ = T.n\n\t_ = Outer.M\n\t_ = AB.M\n\t_ = "
     "S.Foo\n\t_ = (*S).String\n\tvar f func(*T) = (*T).M\n\tvar g func(*Outer) = (*Outer).M\n\t_, "
     "_ = f, g\n}\n",
     "prog.go:25:8: cannot call pointer method M on T\nprog.go:26:8: T.X undefined (type T has no "
     "field or method X)\nprog.go:27:11: (*T).X undefined (type *T has no field or method "
     "X)\nprog.go:28:8: T.n undefined (type T has no method n)\nprog.go:29:12: cannot call "
     "pointer method M on Outer\nprog.go:30:9: ambiguous selector AB.M\nprog.go:31:8: S.Foo "
     "undefined (type S has no field or method Foo)\nprog.go:32:11: (*S).String undefined (type *S "
     "is pointer to interface, not interface)\n"},
    // Integer constants are exact: one that does not fit where it is used (an argument, a
    // conversion, a declaration, a typed constant's arithmetic, math.MaxUint64 as an int) is gc's
    // error, in its words and at its place; past ten errors gc stops.
    {"package main\n\nimport (\n\t\"fmt\"\n\t\"math\"\n)\n\nfunc main() {\n\tfmt.Println(1 << "
     "70)\n\tfmt.Println(byte(300), uint64(1<<64), int(1e30))\n\tconst c uint8 = "
     "255\n\tfmt.Println(c + 1)\n\tconst x int = math.MaxInt64\n\tfmt.Println(x + "
     "1)\n\tfmt.Println(math.MaxUint64)\n\tvar b byte = 300\n\tvar i int = 1e19\n\ty := "
     "math.MaxInt64 + 1\n\t_, _, _ = b, i, y\n}\n",
     "prog.go:9:14: cannot use 1 << 70 (untyped int constant 1180591620717411303424) as int value "
     "in argument to fmt.Println (overflows)\nprog.go:10:19: cannot convert 300 (untyped int "
     "constant) to type byte\nprog.go:10:32: cannot convert 1 << 64 (untyped int constant "
     "18446744073709551616) to type uint64\nprog.go:10:44: cannot convert 1e30 (untyped float "
     "constant 1000000000000000000000000000000) to type int\nprog.go:12:14: c + 1 (constant 256 of "
     "type uint8) overflows uint8\nprog.go:14:14: x + 1 (constant 9223372036854775808 of type int) "
     "overflows int\nprog.go:15:14: cannot use math.MaxUint64 (untyped int constant "
     "18446744073709551615) as int value in argument to fmt.Println (overflows)\nprog.go:16:15: "
     "cannot use 300 (untyped int constant) as byte value in variable declaration "
     "(overflows)\nprog.go:17:14: cannot use 1e19 (untyped float constant 1e+19) as int value in "
     "variable declaration (truncated)\nprog.go:18:7: cannot use math.MaxInt64 + 1 (untyped int "
     "constant 9223372036854775808) as int value in assignment (overflows)\nprog.go:18:7: too many "
     "errors\n"},
    // Shifts of constants: a count no uint holds, past 1074, negative; an untyped result past 512
    // bits (at the operator), a typed one past its type; a zero divisor, of a variable too.
    {"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 1\n\tfmt.Println(1 << (1 << "
     "70))\n\tfmt.Println(1 << 1075)\n\tfmt.Println(x / 0)\n\tfmt.Println(1 << 1074 >> "
     "1070)\n\tconst k = 1 << 600\n\tfmt.Println(k >> 599)\n\tconst c uint8 = 200\n\tfmt.Println(c "
     "<< 1)\n\tfmt.Println(-c, ^c)\n\tfmt.Println(1 << -1.0)\n}\n",
     "prog.go:7:19: (1 << 70) (untyped int constant 1180591620717411303424) overflows "
     "uint\nprog.go:8:19: invalid operation: invalid shift count 1075 (untyped int "
     "constant)\nprog.go:9:18: invalid operation: division by zero\nprog.go:10:16: constant shift "
     "overflow\nprog.go:11:14: constant shift overflow\nprog.go:14:14: c << 1 (constant 400 of "
     "type uint8) overflows uint8\nprog.go:15:14: -c (constant -200 of type uint8) overflows "
     "uint8\nprog.go:16:19: invalid operation: negative shift count -1.0 (untyped float constant "
     "-1)\n"},
    // An untyped constant used as an int (index, array length, literal key, make, slice bound),
    // a return value, and conversions of typed constants that do not fit.
    {"package main\n\nimport \"fmt\"\n\nfunc f() int { return 1 << 63 }\n\nfunc main() {\n\tvar a "
     "[3]int\n\ts := []int{1}\n\tfmt.Println(a[1<<70], s[1<<70])\n\tvar b [1 << 70]int\n\tc := "
     "[3]int{1 << 70: 1}\n\tm := make([]int, 1<<70)\n\tfmt.Println(b, c, m, s[1<<70:], "
     "\"abc\"[1<<64])\n\tconst k int = 300\n\tfmt.Println(int8(k), uint8(-k), rune(1<<40))\n}\n",
     "prog.go:5:23: cannot use 1 << 63 (untyped int constant 9223372036854775808) as int value in "
     "return statement (overflows)\nprog.go:10:16: 1 << 70 (untyped int constant "
     "1180591620717411303424) overflows int\nprog.go:11:9: array length 1 << 70 (untyped int "
     "constant 1180591620717411303424) must be integer\nprog.go:12:14: 1 << 70 (untyped int "
     "constant 1180591620717411303424) overflows int\nprog.go:13:19: 1 << 70 (untyped int constant "
     "1180591620717411303424) overflows int\nprog.go:14:25: 1 << 70 (untyped int constant "
     "1180591620717411303424) overflows int\nprog.go:14:40: 1 << 64 (untyped int constant "
     "18446744073709551616) overflows int\nprog.go:16:19: cannot convert k (constant 300 of type "
     "int) to type int8\nprog.go:16:29: cannot convert -k (constant -300 of type int) to type "
     "uint8\nprog.go:16:39: cannot convert 1 << 40 (untyped int constant 1099511627776) to type "
     "rune\nprog.go:16:39: too many errors\n"},
    // Operands: mismatched types at the first operand's start (a comparison's at the second's,
    // x += y named so), an untyped constant the other operand's type does not hold.
    {"package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\ntype T struct{ n int }\n\nfunc "
     "main() {\n\tvar t T\n\tx := 1\n\ty := \"a\"\n\tx += y\n\tfmt.Println(t.n + "
     "y)\n\tfmt.Println(strings.ToUpper(y) == x)\n\tif t.n != y {\n\t}\n\tvar b "
     "byte\n\tfmt.Println(b == 300, b+0x1FF)\n\tconst c int8 = 1\n\tfmt.Println(c + "
     "1000)\n\tfmt.Println(x == 1.5)\n}\n",
     "prog.go:14:2: invalid operation: x += y (mismatched types int and string)\nprog.go:15:14: "
     "invalid operation: t.n + y (mismatched types int and string)\nprog.go:16:36: invalid "
     "operation: strings.ToUpper(y) == x (mismatched types string and int)\nprog.go:17:12: invalid "
     "operation: t.n != y (mismatched types int and string)\nprog.go:20:19: 300 (untyped int "
     "constant) overflows byte\nprog.go:20:26: 0x1FF (untyped int constant 511) overflows "
     "byte\nprog.go:22:18: 1000 (untyped int constant) overflows int8\nprog.go:23:19: 1.5 (untyped "
     "float constant) truncated to int\n"},
    // An integer constant no rune, int64 or float32 holds, as a declaration, an operand beside
    // a float32, a conversion, and into an interface (as its default type, int).
    {"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 'a' << 40\n\tconst c int64 = 1 << "
     "63\n\tvar f float32 = 1 << 200\n\tfmt.Println(x, c, f, 'a'<<40)\n\tvar g float32 = "
     "1\n\tfmt.Println(g + 1<<200)\n\tfmt.Println(float32(1 << 200))\n\tvar i interface{} = 1 << "
     "64\n\t_ = i\n}\n",
     "prog.go:6:7: cannot use 'a' << 40 (untyped rune constant 106652627894272) as rune value in "
     "assignment (overflows)\nprog.go:7:18: cannot use 1 << 63 (untyped int constant "
     "9223372036854775808) as int64 value in constant declaration (overflows)\nprog.go:8:18: "
     "cannot use 1 << 200 (untyped int constant "
     "1606938044258990275541962092341162602522202993782792835301376) as float32 value in variable "
     "declaration (overflows)\nprog.go:9:23: cannot use 'a' << 40 (untyped rune constant "
     "106652627894272) as rune value in argument to fmt.Println (overflows)\nprog.go:11:18: 1 << "
     "200 (untyped int constant 1606938044258990275541962092341162602522202993782792835301376) "
     "overflows float32\nprog.go:12:22: cannot convert 1 << 200 (untyped int constant "
     "1606938044258990275541962092341162602522202993782792835301376) to type "
     "float32\nprog.go:13:22: cannot use 1 << 64 (untyped int constant 18446744073709551616) as "
     "int value in variable declaration (overflows)\n"},
    // Wherever an untyped constant becomes an int: a switch case, println, a send, map keys and
    // index, a struct field, append, a loop bound; a typed shift past its type.
    {"package main\n\nimport \"fmt\"\n\ntype S struct{ a int8 }\n\nfunc main() {\n\tx := "
     "1\n\tswitch x {\n\tcase 1 << 70:\n\t}\n\tprintln(1 << 70)\n\tch := make(chan int, 1)\n\tch "
     "<- 1 << 70\n\tm := map[int]int{1 << 70: 1}\n\t_ = m[1<<64]\n\ts := S{a: 200}\n\txs := "
     "append([]int{}, 1<<64)\n\tfmt.Println(int64(1)<<63, s, xs)\n\tfor i := 0; i < 1<<70; i++ "
     "{\n\t}\n}\n",
     "prog.go:10:7: 1 << 70 (untyped int constant 1180591620717411303424) overflows "
     "int\nprog.go:12:10: cannot use 1 << 70 (untyped int constant 1180591620717411303424) as int "
     "value in argument to println (overflows)\nprog.go:14:8: cannot use 1 << 70 (untyped int "
     "constant 1180591620717411303424) as int value in send (overflows)\nprog.go:15:19: cannot use "
     "1 << 70 (untyped int constant 1180591620717411303424) as int value in map literal "
     "(overflows)\nprog.go:16:8: cannot use 1 << 64 (untyped int constant 18446744073709551616) as "
     "int value in map index (overflows)\nprog.go:17:12: cannot use 200 (untyped int constant) as "
     "int8 value in struct literal (overflows)\nprog.go:18:24: cannot use 1 << 64 (untyped int "
     "constant 18446744073709551616) as int value in argument to append "
     "(overflows)\nprog.go:19:14: int64(1) << 63 (constant 9223372036854775808 of type int64) "
     "overflows int64\nprog.go:20:18: 1 << 70 (untyped int constant 1180591620717411303424) "
     "overflows int\n"},
    // A constant shift count that is a whole float is an integer; one that is not is "truncated
    // to uint"; ^ of a uint8 constant stays a uint8 (254).
    {"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 1\n\tfmt.Println(1<<2.0, 2.0<<3, "
     "1e2<<1, x<<2.0)\n\tfmt.Println(1 << 2.0000000000000000001)\n\tfmt.Println(1 << "
     "-2.5)\n\tfmt.Println(x << 1.5)\n\tfmt.Println(^uint8(1) + 2)\n}\n",
     "prog.go:8:19: 2.0000000000000000001 (untyped float constant 2) truncated to "
     "uint\nprog.go:9:19: -2.5 (untyped float constant) truncated to uint\nprog.go:10:19: 1.5 "
     "(untyped float constant) truncated to uint\nprog.go:11:14: ^uint8(1) + 2 (constant 256 of "
     "type uint8) overflows uint8\n"},
    // Switch cases that are no value of the tag's type, in gc's words for a switch; a tag
    // constant its default type does not hold.
    {"package main\n\nfunc main() {\n\tx := 1\n\tvar b byte\n\tvar s string\n\tswitch x {\n\tcase "
     "\"a\":\n\tcase 1.5:\n\t}\n\tswitch b {\n\tcase 300:\n\tcase -1:\n\t}\n\tswitch s {\n\tcase "
     "1:\n\t}\n\tvar f float64\n\tswitch x {\n\tcase f:\n\t}\n\tswitch 1 << 70 {\n\t}\n}\n",
     "prog.go:8:7: cannot convert \"a\" (untyped string constant) to int\nprog.go:9:7: 1.5 "
     "(untyped float constant) truncated to int\nprog.go:12:7: 300 (untyped int constant) "
     "overflows byte\nprog.go:13:7: -1 (untyped int constant) overflows byte\nprog.go:16:7: cannot "
     "convert 1 (untyped int constant) to string\nprog.go:20:7: invalid case f in switch on x "
     "(mismatched types float64 and int)\nprog.go:22:9: cannot use 1 << 70 (untyped int constant "
     "1180591620717411303424) as int value in switch expression (overflows)\n"},
    // A constant's value in a message, as go/constant shows it: a string quoted (cut at 72
    // characters), a bool; a typed constant that does not fit is "as type T", not "as T value".
    {"package main\n\nconst s = \"h\xc3\xa9"
     "llo\\n\\t\\\"x\\\"\\x01\\\\\"\nconst long = "
     "\"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz\"\nconst b "
     "= true\nconst ts string = \"typed\"\n\nfunc main() {\n\tvar i int = s\n\tvar j int = "
     "long\n\tvar k int = b\n\tvar l int = ts\n\tvar m int = \"lit\"\n\tvar n int = s + "
     "\"!\"\n\t_, _, _, _, _, _ = i, j, k, l, m, n\n}\n",
     "prog.go:9:14: cannot use s (untyped string constant \"h\xc3\xa9"
     "llo\\n\\t\\\"x\\\"\\x01\\\\\") as int value in variable declaration\nprog.go:10:14: cannot "
     "use long (untyped string constant "
     "\"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnop...) as int value in "
     "variable declaration\nprog.go:11:14: cannot use b (untyped bool constant true) as int value "
     "in variable declaration\nprog.go:12:14: cannot use ts (constant \"typed\" of type string) as "
     "type int in variable declaration\nprog.go:13:14: cannot use \"lit\" (untyped string "
     "constant) as int value in variable declaration\nprog.go:14:14: cannot use s + \"!\" (untyped "
     "string constant \"h\xc3\xa9"
     "llo\\n\\t\\\"x\\\"\\x01\\\\!\") as int value in variable declaration\n"},
    // A named type's constants are checked against its underlying type, which gc names:
    // "overflows uint8" for a W, "overflows int64" for a time.Duration.
    {"package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\ntype W uint8\n\nfunc main() {\n\tconst "
     "c W = 255\n\tfmt.Println(c + 1)\n\tvar w W\n\tfmt.Println(w + 300)\n\tswitch w {\n\tcase "
     "256:\n\t}\n\tfmt.Println(time.Hour * 1e10)\n\tfmt.Println(time.Duration(1 << 63))\n\tvar x "
     "time.Duration = 1 << 64\n\t_ = x\n}\n",
     "prog.go:12:14: c + 1 (constant 256 of type W) overflows uint8\nprog.go:14:18: 300 (untyped "
     "int constant) overflows uint8\nprog.go:16:7: 256 (untyped int constant) overflows "
     "uint8\nprog.go:18:14: time.Hour * 1e10 (constant 36000000000000000000000 of type "
     "time.Duration) overflows int64\nprog.go:19:28: cannot convert 1 << 63 (untyped int constant "
     "9223372036854775808) to type time.Duration\nprog.go:20:24: cannot use 1 << 64 (untyped int "
     "constant 18446744073709551616) as time.Duration value in variable declaration (overflows)\n"},
    // A constant shifted by a variable takes the type it is used as, and must be one of its
    // values (gc says so of each parenthesis level).
    {"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar s uint = 1\n\tx := (1 << 70) << "
     "s\n\tvar y int8 = 200 >> s\n\tvar z uint64 = 1 << 63 >> s\n\tfmt.Println(x, y, z, "
     "1.5<<s)\n}\n",
     "prog.go:7:7: (1 << 70) (untyped int constant 1180591620717411303424) overflows "
     "int\nprog.go:7:8: 1 << 70 (untyped int constant 1180591620717411303424) overflows "
     "int\nprog.go:8:15: 200 (untyped int constant) overflows int8\nprog.go:10:23: invalid "
     "operation: shifted operand 1.5 (untyped float constant) must be integer\n"},
    // Operators on operands that lack them, at the operand gc names: && || of a non-bool, %
    // of a float, - of strings, ! and unary - of the wrong kind; a field is a variable.
    {"package main\n\nimport \"fmt\"\n\ntype T struct{ n int }\n\nfunc main() {\n\tvar t T\n\tvar "
     "f float64\n\ts := []int{}\n\tfmt.Println(t.n && true)\n\tfmt.Println(true || "
     "t.n)\n\tfmt.Println(f % 2)\n\tfmt.Println(\"a\" - \"b\")\n\tfmt.Println(s == "
     "s)\n\tfmt.Println(t.n < nil)\n\tfmt.Println(!t.n, -\"a\")\n\tfmt.Println(t.n.x)\n}\n",
     "prog.go:11:14: invalid operation: t.n && true (mismatched types int and untyped "
     "bool)\nprog.go:12:14: invalid operation: true || t.n (mismatched types untyped bool and "
     "int)\nprog.go:13:14: invalid operation: operator % not defined on f (variable of type "
     "float64)\nprog.go:14:14: invalid operation: operator - not defined on \"a\" (untyped string "
     "constant)\nprog.go:15:14: invalid operation: s == s (slice can only be compared to "
     "nil)\nprog.go:16:20: invalid operation: t.n < nil (mismatched types int and untyped "
     "nil)\nprog.go:17:15: invalid operation: operator ! not defined on t.n (variable of type "
     "int)\nprog.go:17:21: invalid operation: operator - not defined on \"a\" (untyped string "
     "constant)\nprog.go:18:18: t.n.x undefined (type int has no field or method x)\n"},
    // Constants that mix a string or bool with something else, or use an operator their type
    // lacks (gc: mismatched types, or operator not defined).
    {"package main\n\nimport \"fmt\"\n\ntype T struct{ n int }\n\nfunc main() {\n\tvar t "
     "T\n\tconst s string = \"a\"\n\tfmt.Println(s + 1)\n\tfmt.Println(true + "
     "false)\n\tfmt.Println(1.5 & 1)\n\tfmt.Println(s - \"b\")\n\tfmt.Println(1 && 2)\n\tx := "
     "1\n\tfmt.Println(x || x, t.n)\n\tconst b = true\n\tfmt.Println(b * b)\n}\n",
     "prog.go:10:14: invalid operation: s + 1 (mismatched types string and untyped "
     "int)\nprog.go:11:14: invalid operation: operator + not defined on true (untyped bool "
     "constant)\nprog.go:12:14: invalid operation: operator & not defined on 1.5 (untyped float "
     "constant)\nprog.go:13:14: invalid operation: operator - not defined on s (constant \"a\" of "
     "type string)\nprog.go:14:14: invalid operation: operator && not defined on 1 (untyped int "
     "constant)\nprog.go:16:14: invalid operation: operator || not defined on x (variable of type "
     "int)\nprog.go:18:14: invalid operation: operator * not defined on b (untyped bool constant "
     "true)\n"},
    // gc's names for operands: a field, an element, a pointer's target are variables; m[k] is
    // a map index expression.
    {"package main\n\ntype T struct{ n int }\n\nfunc main() {\n\tvar t T\n\ts := []int{1}\n\tp := "
     "&t\n\tm := map[int]int{}\n\tvar i string = t.n\n\tvar j string = s[0]\n\tvar k string = "
     "p.n\n\tvar l string = *p\n\tvar n string = m[1]\n\t_, _, _, _, _ = i, j, k, l, n\n}\n",
     "prog.go:10:17: cannot use t.n (variable of type int) as type string in variable "
     "declaration\nprog.go:11:17: cannot use s[0] (variable of type int) as type string in "
     "variable declaration\nprog.go:12:17: cannot use p.n (variable of type int) as type string in "
     "variable declaration\nprog.go:13:17: cannot use *p (variable of type T) as type string in "
     "variable declaration\nprog.go:14:17: cannot use m[1] (map index expression of type int) as "
     "type string in variable declaration\n"},
    // A constant too large where a package function's argument, a struct or slice element, a
    // field, an x += operand or a comparison operand is wanted.
    {"package main\n\nimport (\n\t\"sync/atomic\"\n\t\"time\"\n)\n\ntype T struct{ n int }\n\nfunc "
     "main() {\n\tvar x int64\n\tatomic.AddInt64(&x, 1<<70)\n\ttime.Sleep(1 << 70)\n\t_ = T{1 << "
     "70}\n\tvar t T\n\tt.n = 1 << 70\n\t_ = []int{1 << 70}\n\tx += 1 << 70\n\t_ = x < 1<<70\n}\n",
     "prog.go:12:22: cannot use 1 << 70 (untyped int constant 1180591620717411303424) as int64 "
     "value in argument to atomic.AddInt64 (overflows)\nprog.go:13:13: cannot use 1 << 70 (untyped "
     "int constant 1180591620717411303424) as time.Duration value in argument to time.Sleep "
     "(overflows)\nprog.go:14:8: cannot use 1 << 70 (untyped int constant 1180591620717411303424) "
     "as int value in struct literal (overflows)\nprog.go:16:8: cannot use 1 << 70 (untyped int "
     "constant 1180591620717411303424) as int value in assignment (overflows)\nprog.go:17:12: "
     "cannot use 1 << 70 (untyped int constant 1180591620717411303424) as int value in array or "
     "slice literal (overflows)\nprog.go:18:7: 1 << 70 (untyped int constant "
     "1180591620717411303424) overflows int64\nprog.go:19:10: 1 << 70 (untyped int constant "
     "1180591620717411303424) overflows int64\n"},
};

}  // namespace

TEST_CASE("gofront: compile errors are gc's, at gc's positions") {
  const bool go = have_go();
  if (!go) rdv::test::skipped("gc's side: `go` is not on PATH; checked against recorded messages");
  for (const Case& c : kErrors) {
    INFO(c.src);
    CHECK(errors_of(c.src) == c.want);
    if (go) {
      const fs::path dir = work_dir() / "ce";
      fs::create_directories(dir);
      std::ofstream(dir / "prog.go") << c.src;
      shell("cd " + dir.string() + " && " + go_env() + "go build -o /dev/null prog.go 2>out.txt");
      std::string got;
      for (const auto& l : lines_of(read_file(dir / "out.txt"))) {
        if (l.rfind("#", 0) == 0) continue;
        if (l.rfind("./", 0) == 0) {
          got += l.substr(2) + "\n";
        } else if (l.rfind("\t./", 0) == 0) {  // gc's second line: "\t./prog.go:3:6: other ..."
          got += "\t" + l.substr(3) + "\n";
        } else {
          got += l + "\n";
        }
      }
      CHECK(got == c.want);
    }
  }
}

TEST_CASE("gofront: a construct outside the subset is refused by name at its position") {
  const struct {
    const char* src;
    const char* want;
  } cases[] = {
      {"package main\n\nfunc Map[T any](x T) T { return x }\n\nfunc main() {}\n",
       "prog.go:3:9: generic type parameters are not supported\n"},
      {"package main\n\ntype List[T any] struct{ v T }\n\nfunc main() {}\n",
       "prog.go:3:10: generic type parameters are not supported\n"},
      // A method expression of a package's type (its methods are the runtime's).
      {"package main\n\nimport \"sync\"\n\nfunc main() {\n\tdone := (*sync.WaitGroup).Done\n\t_ = "
       "done\n}\n",
       "prog.go:6:28: the method expression (*sync.WaitGroup).Done (of a package's type) is not "
       "supported\n"},
      {"package main\n\nimport \"unsafe\"\n\nfunc main() { _ = unsafe.Sizeof(1) }\n",
       "prog.go:3:8: package \"unsafe\" is not supported\n"},
      // An array's zero value is a table of all its elements, nested ones counted: bounded.
      {"package main\n\nfunc main() {\n\tvar b [4096][4097]int\n\t_ = b\n}\n",
       "prog.go:4:9: an array of more than 16777216 elements in all is not supported\n"},
      // A map key holding a package's type held by the runtime: its parts are no Go values.
      {"package main\n\nimport \"sync\"\n\ntype T struct {\n\tmu sync.Mutex\n\tn  "
       "int\n}\n\nfunc main() {\n\tvar m map[T]bool\n\t_ = m\n}\n",
       "prog.go:11:12: map key type T is not supported\n"},
      {"package main\n\nfunc main() {\n\tc := 1i\n\t_ = c\n}\n",
       "prog.go:4:7: complex numbers are not supported\n"},
      // A generic type of a package, instantiated: refused with the generics (not a syntax error).
      {"package main\n\nimport \"sync/atomic\"\n\nfunc main() {\n\tvar p atomic.Pointer[int]\n\t_ "
       "= p\n}\n",
       "prog.go:6:22: generic type instantiation atomic.Pointer[...] is not supported\n"},
      // Pointers to variables (boxed), fields and elements work; not to a variable the
      // for/range machinery owns.
      {"package main\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tp := &i\n\t\t_ = "
       "p\n\t}\n}\n",
       "prog.go:5:8: taking the address of i, a variable declared by a for, range, select or "
       "type switch statement or a named result is not supported\n"},
      {"package main\n\nfunc main() {\n\tvar u complex64\n\t_ = u\n}\n",
       "prog.go:4:8: type complex64 is not supported\n"},
      {"package main\n\nimport \"net/http\"\n\nfunc main() { http.Get(\"x\") }\n",
       "prog.go:3:8: package \"net/http\" is not supported\n"},
      // errors.As stores into a pointer or interface variable's box: &v it must be.
      {"package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n)\n\ntype T struct{}\n\nfunc (*T) "
       "Error() "
       "string { return \"t\" }\n\nfunc main() {\n\tpp := new(*T)\n\tfmt.Println(errors.As(errors."
       "New(\"x\"), pp))\n}\n",
       "prog.go:14:41: errors.As with a target of type **T other than &variable is not "
       "supported\n"},
      // go vet's message (go build accepts it; go test and gopls report it).
      {"package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n)\n\ntype T struct{ n int }\n\nfunc "
       "main() "
       "{\n\tvar t T\n\tfmt.Println(errors.As(errors.New(\"x\"), &t))\n}\n",
       "prog.go:12:14: second argument to errors.As must be a non-nil pointer to either a type "
       "that "
       "implements error, or to any interface type\n"},
      // Go takes any value and panics at run time when it is not a slice.
      {"package main\n\nimport \"sort\"\n\nfunc main() {\n\tsort.Slice(5, func(i, j int) bool "
       "{ return true })\n}\n",
       "prog.go:6:13: sort.Slice of a value that is not a slice is not supported\n"},
      // Go allows any Unicode letter in a name; the Lua chunk's names are ASCII.
      {"package main\n\nfunc main() {\n\tn := 1\n\t\xcf\x80 := 3\n\t_, _ = n, \xcf\x80\n}\n",
       "prog.go:5:2: the identifier \xcf\x80: identifiers with letters outside ASCII are not "
       "supported\n"},
      // The refusal comes alone: not the errors that follow from it (r unused, T undefined).
      {"package main\n\nfunc main() {\n\tvar a complex64\n\tr := a\n\tvar t T\n\t_ = t\n}\n",
       "prog.go:4:8: type complex64 is not supported\n"},
  };
  for (const auto& c : cases) {
    INFO(c.src);
    CHECK(errors_of(c.src) == c.want);
  }
}

// Go 1.20/1.21's context functions and the slices and maps packages: the installed Go (1.19)
// cannot build these programs, so the messages are gc 1.21's words as its type checker writes
// them (a failed constraint at the call's '(', an argument that does not match the inferred
// type at the argument), not re-checked against `go build`.
TEST_CASE("gofront: misuse of slices, maps and context.WithCancelCause is gc's compile error") {
  const struct {
    const char* src;
    const char* want;
  } cases[] = {
      {"package main\n\nimport \"slices\"\n\ntype P struct{ n int }\n\nfunc main() {\n\tps := "
       "[]P{{1}}\n\tslices.Sort(ps)\n}\n",
       "prog.go:9:13: P does not satisfy cmp.Ordered (P missing in ~int | ~int8 | ~int16 | ~int32 "
       "| ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 "
       "| ~string)\n"},
      {"package main\n\nimport (\n\t\"fmt\"\n\t\"slices\"\n)\n\nfunc main() {\n\ts := "
       "[]int{1}\n\tf "
       ":= 1.5\n\tfmt.Println(slices.Index(s, f))\n}\n",
       "prog.go:11:30: in call to slices.Index, type float64 of f does not match inferred type int "
       "for E\n"},
      {"package main\n\nimport (\n\t\"fmt\"\n\t\"slices\"\n)\n\nfunc main() {\n\ts := []int{1}\n\t"
       "fmt.Println(slices.Contains(s, \"x\"))\n}\n",
       "prog.go:10:33: cannot use \"x\" (untyped string constant) as int value in argument to "
       "slices.Contains\n"},
      {"package main\n\nimport (\n\t\"fmt\"\n\t\"slices\"\n)\n\nfunc main() {\n\ts := "
       "[][]int{{1}}\n\tfmt.Println(slices.Contains(s, nil))\n}\n",
       "prog.go:10:29: []int does not satisfy comparable\n"},
      {"package main\n\nimport (\n\t\"context\"\n\t\"errors\"\n)\n\nfunc main() {\n\t_, cancel := "
       "context.WithCancelCause(context.Background())\n\tcancel()\n\t_ = errors.New\n}\n",
       "prog.go:10:2: not enough arguments in call to cancel\n\thave ()\n\twant (error)\n"},
      {"package main\n\nimport \"slices\"\n\nfunc main() {\n\tsort := slices.Sort\n\t_ = "
       "sort\n}\n",
       "prog.go:6:10: cannot use generic function slices.Sort without instantiation\n"},
      // Outside the subset: what std's slices and maps hold besides Go 1.21's common functions,
      // the iterator functions of Go 1.23 among them.
      {"package main\n\nimport (\n\t\"fmt\"\n\t\"maps\"\n)\n\nfunc main() {\n\tm := "
       "map[int]int{}\n\tfmt.Println(maps.Keys(m))\n}\n",
       "prog.go:10:19: maps.Keys (an iterator: range over func) is not supported\n"},
      {"package main\n\nimport (\n\t\"fmt\"\n\t\"slices\"\n)\n\nfunc main() {\n\ts := "
       "[]int{1, 1}\n\tfmt.Println(slices.Compact(s))\n}\n",
       "prog.go:10:21: the function slices.Compact is not supported\n"},
  };
  for (const auto& c : cases) {
    INFO(c.src);
    CHECK(errors_of(c.src) == c.want);
  }
}

// slices.SortFunc is Go's pdqsort: equal elements end where Go puts them. Go 1.19's sort.Slice
// runs the same pdqsort (sort/zsortfunc.go, which Go 1.21's slices copies with cmp(a, b) < 0 for
// Less), so the installed Go checks the order our SortFunc leaves, over sizes and patterns that
// take every path: insertion sort, ninther pivots, reversal, partial insertion, equal partitions.
TEST_CASE("gofront: slices.SortFunc leaves equal elements where Go's pdqsort does") {
  const std::string body =
      "package main\n\nimport (\n\t\"fmt\"\n\tIMPORT\n)\n\ntype item struct{ key, id int }\n\n"
      "func cmp(a, b item) int { return a.key - b.key }\n\nfunc main() {\n\tx := 12345\n"
      "\tfor _, n := range []int{5, 13, 60, 200, 700} {\n"
      "\t\tfor pattern := 0; pattern < 4; pattern++ {\n"
      "\t\t\ts := make([]item, n)\n\t\t\tfor i := range s {\n"
      "\t\t\t\tx = (x*1103515245 + 12345) % 2147483648\n"
      "\t\t\t\tswitch pattern {\n\t\t\t\tcase 0:\n\t\t\t\t\ts[i] = item{x % 3, i}\n"
      "\t\t\t\tcase 1:\n\t\t\t\t\ts[i] = item{x % 1000, i}\n"
      "\t\t\t\tcase 2:\n\t\t\t\t\ts[i] = item{(n - i) / 3, i}\n"
      "\t\t\t\tdefault:\n\t\t\t\t\ts[i] = item{i / 2, i}\n\t\t\t\t\tif i%50 == 7 {\n"
      "\t\t\t\t\t\ts[i].key = x % 9\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n"
      "\t\t\tSORT\n\t\t\tids := []int{}\n\t\t\tfor _, it := range s {\n"
      "\t\t\t\tids = append(ids, it.id)\n\t\t\t}\n\t\t\tfmt.Println(n, pattern, ids)\n"
      "\t\t}\n\t}\n}\n";
  auto with = [&](const std::string& import, const std::string& sort) {
    std::string t = body;
    t.replace(t.find("IMPORT"), 6, import);
    t.replace(t.find("SORT"), 4, sort);
    return t;
  };
  const std::string ours_src = with("\"slices\"", "slices.SortFunc(s, cmp)");
  const rdv::gofront::CompileResult r = rdv::gofront::compile("sortfunc.go", ours_src);
  INFO(r.message());
  REQUIRE(r.ok);
  rdv::script::RunOptions opt;
  rdv::sim::EventLog log;
  const rdv::script::RunReport rep = rdv::script::run_source("sortfunc.go", r.lua, opt, log);
  INFO(rep.diagnostics);
  REQUIRE(rep.output.size() == 20);
  if (!have_go()) {
    rdv::test::skipped("the Go side: `go` is not on PATH");
    return;
  }
  const fs::path dir = work_dir() / "sortfunc";
  fs::create_directories(dir);
  std::ofstream(dir / "main.go") << with(
      "\"sort\"", "sort.Slice(s, func(i, j int) bool { return cmp(s[i], s[j]) < 0 })");
  REQUIRE(shell("cd " + dir.string() + " && " + go_env() + "go run main.go >out.txt 2>err.txt") ==
          0);
  CHECK(rep.output == lines_of(read_file(dir / "out.txt")));
}

TEST_CASE("gofront: slices' run-time panics are Go's") {
  const struct {
    const char* body;
    const char* panic;
  } cases[] = {
      {"var s []int\n\tfmt.Println(slices.Max(s))", "panic: slices.Max: empty list"},
      {"s := []int{1, 2, 3}\n\tfmt.Println(slices.Delete(s, 1, 5))",
       "panic: runtime error: slice bounds out of range [:5:3]"},
      {"s := []int{1, 2, 3}\n\tfmt.Println(slices.Delete(s, 2, 1))",
       "panic: runtime error: slice bounds out of range [2:1:]"},
      {"s := []int{1, 2, 3}\n\tfmt.Println(slices.Insert(s, 4, 9))",
       "panic: runtime error: slice bounds out of range [4:3]"},
  };
  for (const auto& c : cases) {
    const std::string src =
        std::string("package main\n\nimport (\n\t\"fmt\"\n\t\"slices\"\n)\n\n") +
        "func main() {\n\t" + c.body + "\n}\n";
    INFO(src);
    const rdv::gofront::CompileResult r = rdv::gofront::compile("prog.go", src);
    INFO(r.message());
    REQUIRE(r.ok);
    rdv::script::RunOptions opt;
    rdv::sim::EventLog log;
    const rdv::script::RunReport rep = rdv::script::run_source("prog.go", r.lua, opt, log);
    CHECK(rep.diagnostics.rfind(c.panic, 0) == 0);
    CHECK(rep.diagnostics.find("goroutine 1 [running]:\nmain.main()\n\tprog.go:10\n") !=
          std::string::npos);
    CHECK(rep.exit_code() == 2);
  }
}

TEST_CASE("gofront: a panic's traceback is Go's, with the program's frames only") {
  // Each frame as Go prints it, its function's Go name and its line. The support library's
  // frames, C functions and the code the lowering made (the chunk's call of main) are not the
  // student's code. A panic in a deferred call (3.1c: the deferred Done in a goroutine) is at
  // the function's closing brace, as in Go, and the goroutine's creator is named.
  const std::string src = R"(package main

import "fmt"

func at(xs []int, i int) int {
	return xs[i]
}

func main() {
	fmt.Println(at([]int{1, 2}, 5))
}
)";
  const std::string deferred = read_file("scenarios/3.1c-waitgroup-negative-counter.go");
  REQUIRE(!deferred.empty());
  for (int round = 0; round < 2; ++round) {  // the library's first load, then the kept one
    const rdv::gofront::CompileResult r = rdv::gofront::compile("prog.go", src);
    REQUIRE(r.ok);
    rdv::sim::EventLog log;
    const rdv::script::RunReport rep = rdv::script::run_source("prog.go", r.lua, {}, log);
    INFO(rep.diagnostics);
    CHECK(rep.diagnostics.rfind("panic: runtime error: index out of range [5] with length 2", 0) ==
          0);
    CHECK(rep.diagnostics.substr(rep.diagnostics.find("\n\ngoroutine ")) ==
          "\n\ngoroutine 1 [running]:\nmain.at(...)\n\tprog.go:6\nmain.main()\n\tprog.go:10\n");
    const rdv::gofront::CompileResult d = rdv::gofront::compile("3.1c.go", deferred);
    REQUIRE(d.ok);
    rdv::sim::EventLog log2;
    const rdv::script::RunReport rd = rdv::script::run_source("3.1c.go", d.lua, {}, log2);
    INFO(rd.diagnostics);
    CHECK(rd.diagnostics.rfind("panic: sync: negative WaitGroup counter", 0) == 0);
    CHECK(rd.diagnostics.find("goroutine 2 [running]:\nmain.main.func1()\n\t3.1c.go:24\n"
                              "created by main.main\n\t3.1c.go:20\n") != std::string::npos);
    CHECK(rd.diagnostics.find("traceback") == std::string::npos);
    CHECK(rd.diagnostics.find("[go]") == std::string::npos);
  }
}

TEST_CASE("gofront: a panic's value prints as Go's runtime prints it") {
  // Recorded from go run (Go 1.19); an address is the run's own, 0xc... as %p prints it.
  const struct {
    const char* value;
    const char* want;
  } cases[] = {
      {"T{1, \"x\"}", "panic: (main.T) 0xc"},
      {"&T{1, \"x\"}", "panic: (*main.T) 0xc"},
      {"[]int{1}", "panic: ([]int) 0xc"},
      {"map[string]int{}", "panic: (map[string]int) 0xc"},
      {"3.5", "panic: +3.500000e+000\n"},
      {"float32(1.5)", "panic: +1.500000e+000\n"},
      {"Name(\"ann\")", "panic: main.Name(\"ann\")\n"},
      {"Small(-3)", "panic: main.Small(-3)\n"},
      {"uint64(1<<64 - 1)", "panic: 18446744073709551615\n"},
      {"\"plain\"", "panic: plain\n"},
      {"Named(\"x\")", "panic: named x\n"},
      {"nil", "panic: nil\n"},
  };
  for (const auto& c : cases) {
    const std::string src = std::string(R"(package main

type T struct {
	A int
	B string
}

type Name string
type Small int8
type Named string

func (n Named) String() string { return "named " + string(n) }

func main() {
	panic()") + c.value +
                            ")\n}\n";
    INFO(src);
    const rdv::gofront::CompileResult r = rdv::gofront::compile("prog.go", src);
    REQUIRE(r.ok);
    rdv::sim::EventLog log;
    const rdv::script::RunReport rep = rdv::script::run_source("prog.go", r.lua, {}, log);
    INFO(rep.diagnostics);
    CHECK(rep.diagnostics.rfind(c.want, 0) == 0);
  }
}

TEST_CASE("gofront: a stack overflow is Go's fatal error, which recover cannot stop") {
  // A recursion without end: Go's report (its goroutine stack limit, then the frames), exit
  // status 2, and the deferred recover does not run (as go run shows).
  const std::string endless = R"(package main

import "fmt"

func f(n int) int {
	return f(n+1) + 1
}

func main() {
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println("start")
	fmt.Println(f(0))
}
)";
  // 300 nested calls of a function with a deferred call, which Go runs: a limit of Rendezvous
  // (Lua's 200 nested protected calls), reported as such, as the same fatal error.
  const std::string deep = R"(package main

import "fmt"

func walk(n int) int {
	defer func() {}()
	if n == 0 {
		return 0
	}
	return walk(n-1) + 1
}

func main() {
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(walk(100))
	fmt.Println(walk(300))
}
)";
  const struct {
    const std::string* src;
    const char* output;
    const char* report;
    const char* frame;
  } cases[] = {
      {&endless, "start",
       "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n\n"
       "goroutine 1 [running]:\nmain.f(...)\n\tprog.go:6\n",
       "main.f(...)\n\tprog.go:6\nmain.f(...)\n\tprog.go:6\n"},
      {&deep, "100",
       "fatal error: stack overflow (a limit of Rendezvous, not of Go: at most about 200 calls of "
       "functions with deferred calls can be under way at once in a goroutine)\n\n"
       "goroutine 1 [running]:\nmain.walk(...)\n",
       "main.walk(...)\n\tprog.go:10\nmain.walk(...)\n\tprog.go:10\n"},
  };
  for (const auto& c : cases) {
    const rdv::gofront::CompileResult r = rdv::gofront::compile("prog.go", *c.src);
    REQUIRE(r.ok);
    rdv::sim::EventLog log;
    const rdv::script::RunReport rep = rdv::script::run_source("prog.go", r.lua, {}, log);
    INFO(rep.diagnostics);
    CHECK(rep.output == std::vector<std::string>{c.output});
    CHECK(rep.diagnostics.rfind(c.report, 0) == 0);
    CHECK(rep.diagnostics.find(c.frame) != std::string::npos);
    CHECK(rep.diagnostics.find("...additional frames elided...") != std::string::npos);
    CHECK(rep.exit_code() == 2);
  }
}

TEST_CASE("gofront: the lowered chunk keeps every Go line") {
  const std::string src =
      "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ts := []int{1, 2, 3}\n\tfor i := 0; i < "
      "5; "
      "i++ {\n\t\tfmt.Println(\"at\",\n\t\t\ti)\n\t\tfmt.Println(s[i])\n\t}\n}\n";
  const rdv::gofront::CompileResult r = rdv::gofront::compile("prog.go", src);
  REQUIRE(r.ok);
  // A statement spread over lines 8-9 (it stays on its first line), then the panic on line 10.
  rdv::script::RunOptions opt;
  rdv::sim::EventLog log;
  const rdv::script::RunReport rep = rdv::script::run_source("prog.go", r.lua, opt, log);
  CHECK(rep.output == std::vector<std::string>{"at 0", "1", "at 1", "2", "at 2", "3", "at 3"});
  CHECK(rep.diagnostics.rfind("panic: runtime error: index out of range [3] with length 3", 0) ==
        0);
  CHECK(rep.diagnostics.find("main.main()\n\tprog.go:10\n") != std::string::npos);
  CHECK(rep.exit_code() == 2);
}

TEST_CASE("gofront: every prefix of a program compiles or fails with a positioned message") {
  const std::string src = read_file("tests/gofront/programs/structs.go");
  REQUIRE(!src.empty());
  for (std::size_t n = 0; n < src.size(); n += 7) {
    const rdv::gofront::CompileResult r = rdv::gofront::compile("p.go", src.substr(0, n));
    if (r.ok) continue;
    REQUIRE(!r.errors.empty());
    for (const auto& d : r.errors) CHECK(d.pos.line >= 1);
  }
}

// The frames of the first goroutine of a panic's or a fatal error's report that are in the
// program `base`, innermost first, as "NAME LINE" ("main.get 7", "created by main.main 20"):
// Go's ("main.get(...)\n\t/tmp/x/prog.go:7 +0x1d") and ours ("main.get(...)\n\tprog.go:7")
// alike. The runtime's own frames (sync.(*WaitGroup).Add) are not the program's.
std::vector<std::string> program_frames(const std::string& report, const std::string& base) {
  std::vector<std::string> frames;
  const std::size_t start = report.find("\ngoroutine ");
  if (start == std::string::npos) return frames;
  const std::size_t end = report.find("\n\n", start + 1);
  const std::vector<std::string> lines =
      lines_of(report.substr(start + 1, end == std::string::npos ? end : end - start - 1));
  for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
    const std::string& where = lines[i + 1];
    const std::size_t at = where.find(base + ":");
    if (where.empty() || where[0] != '\t' || at == std::string::npos ||
        (at != 1 && where[at - 1] != '/'))
      continue;
    std::string name = lines[i];
    if (!name.starts_with("created by ")) name = name.substr(0, name.rfind('('));
    const std::size_t from = at + base.size() + 1;
    frames.push_back(name + " " +
                     where.substr(from, where.find_first_not_of("0123456789", from) - from));
    ++i;
  }
  return frames;
}

TEST_CASE("gofront: Go programs print what Go prints, under every schedule tried") {
  const bool go = have_go();
  if (!go)
    rdv::test::skipped("the Go side: `go` is not on PATH; only programs with a .out are checked");
  std::vector<fs::path> programs;
  for (const char* dir : {"tests/gofront/programs", "tests/crosscheck"}) {
    for (const auto& e : fs::directory_iterator(dir)) {
      // A crosscheck program with a .allowed file has several allowed outputs (or uses more of
      // Go than the front end's subset): crosscheck_tests checks it against its recorded set.
      const fs::path allowed = fs::path(e.path()).replace_extension(".allowed");
      if (e.path().extension() == ".go" && !fs::exists(allowed)) programs.push_back(e.path());
    }
  }
  std::sort(programs.begin(), programs.end());
  std::size_t checked = 0;
  for (const fs::path& p : programs) {
    const std::string name = p.stem().string();
    INFO(p.string());
    const std::string src = read_file(p);
    const rdv::gofront::CompileResult r = rdv::gofront::compile(p.filename().string(), src);
    INFO(r.message());
    REQUIRE(r.ok);
    // What Go says.
    std::vector<std::string> want;
    int want_rc = 0;
    std::string want_err;
    fs::path expected = p;
    expected.replace_extension(".out");
    if (fs::exists(expected)) {
      want = lines_of(read_file(expected));
    } else if (go) {
      rdv::test::GoRun g = run_go(work_dir(), go_build(work_dir(), p, name).string());
      want_rc = g.exit_code;
      want = std::move(g.out);
      want_err = std::move(g.err);
    } else {
      continue;
    }
    // What we say, over many schedules.
    const SeedRuns ours = run_seeds(p.filename().string(), r.lua, 30);
    INFO("Go printed:\n"
         << joined_lines(want) << want_err << "our diagnostics:\n"
         << ours.diagnostics);
    CHECK(ours.outputs.count(want) == 1);
    CHECK(ours.codes == std::set<int>{want_rc});
    if (want_err.rfind("panic: ", 0) == 0 || want_err.rfind("fatal error: ", 0) == 0) {
      const std::string first = want_err.substr(0, want_err.find('\n'));
      CHECK(ours.diagnostics.rfind(first, 0) == 0);
      // The first goroutine's frames in the program, innermost first, as Go names them
      // ("main.get 7"): where the panic began (not where a function with deferred calls ends),
      // each caller at the line of its call, and the function that started the goroutine.
      const std::string base = p.filename().string();
      // A panic, or a fatal error other than a deadlock: the goroutine's frames.
      if (want_err.find("all goroutines are asleep") == std::string::npos) {
        INFO("Go's frames: " << joined_lines(program_frames(want_err, base)));
        CHECK(program_frames(ours.diagnostics, base) == program_frames(want_err, base));
      } else {
        // A deadlock: each goroutine at the line it is blocked at ("\tmain at prog.go:9").
        const std::size_t at = want_err.find(base + ":", want_err.find("\ngoroutine "));
        const std::size_t ours_at = ours.diagnostics.find(" at " + base + ":");
        REQUIRE(at != std::string::npos);
        REQUIRE(ours_at != std::string::npos);
        const auto num = [](const std::string& s, std::size_t from) {
          return s.substr(from, s.find_first_not_of("0123456789", from) - from);
        };
        CHECK(num(ours.diagnostics, ours_at + 5 + base.size()) ==
              num(want_err, at + base.size() + 1));
      }
    }
    // Explored (random schedules, other seeds), every run ends as one of the seeded runs did.
    rdv::explore::Options eo;
    eo.schedules = 12;
    eo.seed = 1000;
    const rdv::explore::Summary sum = rdv::explore::explore(p.filename().string(), src, eo);
    std::set<rdv::explore::Kind> seen;
    for (const rdv::sim::Outcome o : ours.outcomes) seen.insert(rdv::explore::classify(o));
    for (std::size_t k = 0; k < rdv::explore::kKinds; ++k) {
      const auto kind = static_cast<rdv::explore::Kind>(k);
      INFO("explored: " << sum.count(kind) << " " << rdv::explore::to_string(kind));
      if (sum.count(kind) > 0) CHECK(seen.count(kind) == 1);
    }
    CHECK(sum.schedules == eo.schedules);
    // Live (tasks in parallel, real time): ends as the seeded runs did, and prints what they
    // printed when that was always the same, unless it races the clock: the seeded runs' time
    // is virtual, a live run's is the machine's, and a loaded machine (a sanitizer build, the
    // suite's other tests) can fire ctxvalue.go's 200 ms timer after its 250 ms deadline, as it
    // could in Go.
    const bool races_clock = src.find("time.") != std::string::npos;
    {
      rdv::script::RunOptions opt;
      opt.config.mode = rdv::sim::Mode::Live;
      rdv::sim::EventLog log;
      const rdv::script::RunReport live =
          rdv::script::run_source(p.filename().string(), r.lua, opt, log);
      INFO("live printed:\n" << joined_lines(live.output) << live.diagnostics);
      CHECK(ours.codes.count(live.exit_code()) == 1);
      if (ours.outputs.size() == 1 && !races_clock) CHECK(ours.outputs.count(live.output) == 1);
    }
    ++checked;
  }
  CHECK(checked >= (go ? 20u : 1u));
}

// Go's own tests of channels and select (test/chan of the Go distribution, as golang-go
// installs them), run unmodified: each panics or exits non-zero when the runtime is wrong and
// prints nothing when it is right. The others of test/chan need what the subset leaves out
// (docs/go.md lists them with the reason).
TEST_CASE("gofront: Go's own test/chan programs run unmodified, as Go runs them") {
  const fs::path dir = "/usr/lib/go-1.19/test/chan";
  if (!fs::exists(dir)) {
    rdv::test::skipped(dir.string() + " is not installed (golang-1.19-go)");
    return;
  }
  const bool go = have_go();
  if (!go) rdv::test::skipped("Go's own verdict: `go` is not on PATH");
  for (const char* name : {"fifo", "nonblock", "select", "select3", "select4", "select6", "select7",
                           "select8", "sendstmt", "sieve1", "zerosize", "powser1", "powser2"}) {
    const fs::path p = dir / (std::string(name) + ".go");
    INFO(p.string());
    const rdv::gofront::CompileResult r =
        rdv::gofront::compile(p.filename().string(), read_file(p));
    INFO(r.message());
    REQUIRE(r.ok);
    if (go) {  // Go's own verdict: exit 0, nothing printed
      const fs::path bin = work_dir() / name;
      REQUIRE(shell(go_env() + "go build -o " + bin.string() + " " + p.string()) == 0);
      CHECK(shell(bin.string() + " >" + (work_dir() / "out").string() + " 2>&1") == 0);
      CHECK(read_file(work_dir() / "out").empty());
    }
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
      for (const rdv::sim::Mode mode : {rdv::sim::Mode::Controlled, rdv::sim::Mode::Live}) {
        if (mode == rdv::sim::Mode::Live && seed > 2) continue;
        rdv::script::RunOptions opt;
        opt.config.seed = seed;
        opt.config.mode = mode;
        rdv::sim::EventLog log;
        const rdv::script::RunReport rep =
            rdv::script::run_source(p.filename().string(), r.lua, opt, log);
        INFO("seed " << seed << ", " << rdv::sim::to_string(mode) << ": " << rep.diagnostics);
        CHECK(rep.exit_code() == 0);
        CHECK(rep.output.empty());
        CHECK(rep.errput.empty());
      }
    }
  }
}

TEST_CASE(
    "gofront: atomic operations stay indivisible under --preempt line, a read and a write do not") {
  // Eight goroutines add through atomic.AddInt64(&x, 1), a field's &s.hits and an int32:
  // preempting at every line of the program must never lose an update, because the support
  // library's lines are not scheduling points and each operation is one closure entered before
  // x is read. The same loop written as a read and a write on two lines loses updates under
  // some seed, which shows the preemption is really there.
  const std::string atomic_src = read_file("tests/gofront/programs/atomics.go");
  REQUIRE(!atomic_src.empty());
  const std::string racy_src = R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	var counter int64
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				v := counter
				counter = v + 1
			}
		}()
	}
	wg.Wait()
	fmt.Println(counter)
}
)";
  const rdv::gofront::CompileResult a = rdv::gofront::compile("atomics.go", atomic_src);
  const rdv::gofront::CompileResult r = rdv::gofront::compile("racy.go", racy_src);
  REQUIRE(a.ok);
  REQUIRE(r.ok);
  std::set<std::string> racy_totals;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    rdv::script::RunOptions opt;
    opt.config.seed = seed;
    opt.preempt = rdv::sim::Preempt::Line;
    rdv::sim::EventLog log;
    const rdv::script::RunReport rep = rdv::script::run_source("atomics.go", a.lua, opt, log);
    INFO("seed " << seed << "\n" << rep.diagnostics);
    REQUIRE(rep.output.size() >= 2);
    CHECK(rep.output[0] == "400 800 400");
    CHECK(rep.output[1] == "true 7");
    rdv::sim::EventLog log2;
    const rdv::script::RunReport rr = rdv::script::run_source("racy.go", r.lua, opt, log2);
    REQUIRE(rr.output.size() == 1);
    racy_totals.insert(rr.output[0]);
  }
  INFO("racy totals: " << racy_totals.size());
  CHECK(racy_totals.size() > 1);  // lost updates: not always 80
}

TEST_CASE(
    "gofront: log prints a whole line stamped with the run's clock from Go's playground epoch") {
  // Go's log writes "2009/11/10 23:00:00 msg" to stderr (stamped with the wall clock there);
  // here the clock is the run's, so the stamp moves with time.Sleep and a run replays exactly.
  const std::string src = R"(package main

import (
	"fmt"
	"log"
	"time"
)

func main() {
	fmt.Print("partial ")
	log.Printf("task %d done", 3)
	time.Sleep(26*time.Hour + 90*time.Second)
	log.Println("later", 42)
	log.Print("a\nb\n")
	fmt.Println("end")
}
)";
  const rdv::gofront::CompileResult r = rdv::gofront::compile("logp.go", src);
  INFO(r.message());
  REQUIRE(r.ok);
  rdv::script::RunOptions opt;
  opt.config.max_time = rdv::sim::Nanos{30} * 3600 * 1000000000;
  rdv::sim::EventLog log;
  const rdv::script::RunReport rep = rdv::script::run_source("logp.go", r.lua, opt, log);
  CHECK(rep.output == std::vector<std::string>{"2009/11/10 23:00:00 task 3 done",
                                               "2009/11/12 01:01:30 later 42",
                                               "2009/11/12 01:01:30 a", "b", "partial end"});
}

namespace {

// What the Variables pane is told of a Go program: each VarSet of a run with the variables
// tracked (the program must compile and end well), and the run's output.
struct VarWrite {
  std::string name;
  std::string value;
  std::uint32_t line = 0;
  rdv::sim::VarScope scope = rdv::sim::VarScope::Local;
};
struct PaneRun {
  std::vector<VarWrite> writes;
  std::vector<std::string> output;
};
PaneRun pane_run(const std::string& file, const std::string& src,
                 rdv::sim::Preempt preempt = rdv::sim::Preempt::Sync) {
  const rdv::gofront::CompileResult r = rdv::gofront::compile(file, src);
  INFO(r.message());
  REQUIRE(r.ok);
  rdv::script::RunOptions opt;
  opt.track_vars = true;
  opt.preempt = preempt;
  rdv::sim::EventLog log;
  const rdv::script::RunReport rep = rdv::script::run_source(file, r.lua, opt, log);
  REQUIRE(rep.result.outcome == rdv::sim::Outcome::Ok);
  PaneRun run;
  run.output = rep.output;
  for (std::size_t i = 0; i < log.committed(); ++i) {
    const rdv::sim::Event& e = log.at(i);
    if (e.kind != rdv::sim::EventKind::VarSet) continue;
    run.writes.push_back({std::string(log.str(e.text)), std::string(e.val.view()), e.line,
                          static_cast<rdv::sim::VarScope>(e.arg)});
  }
  return run;
}

}  // namespace

TEST_CASE("gofront: the Variables pane sees the Go program's variables, not the front end's") {
  // Package variables are P.x in the chunk and shown as x (every goroutine's); the support
  // library (G), the type descriptors (TD), the package table (P) and the "__" temporaries
  // are never reported.
  const std::string src = R"(package main

import (
	"fmt"
	"sync"
)

var counter int

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := counter
			counter = v + 1
		}()
	}
	wg.Wait()
	fmt.Println(counter)
}
)";
  std::set<std::string> names;
  std::size_t counter_writes = 0;
  for (const VarWrite& w : pane_run("vars.go", src, rdv::sim::Preempt::Line).writes) {
    names.insert(w.name);
    if (w.name == "counter") {
      ++counter_writes;
      CHECK(w.scope == rdv::sim::VarScope::Global);
      INFO("line " << w.line);
      CHECK((w.line == 8 || w.line == 17));  // its declaration, or the goroutine's store
    }
  }
  INFO("names: " << [&] {
    std::string s;
    for (const auto& n : names) s += n + " ";
    return s;
  }());
  CHECK(names.count("counter") == 1);
  CHECK(names.count("v") == 1);
  CHECK(counter_writes == 3);  // = 0 at its declaration, then one store per goroutine
  for (const char* internal : {"G", "TD", "P", "main"}) CHECK(names.count(internal) == 0);
  for (const auto& n : names) CHECK_FALSE(n.starts_with("__"));
}

TEST_CASE("gofront: the Go versions of the scenarios print what Go prints, stderr too") {
  // The 31 Go versions (scenarios/*.go) are the course's programs as written in Go: every one must
  // compile, and Go's stdout, its stderr (the leak lines written with fmt.Fprintf(os.Stderr, ...)
  // after runtime.NumGoroutine) and its exit status must be those of one of our runs over 40 seeds.
  // Except where the program draws from math/rand: Go's generator and ours (seeded from the run's
  // seed) give other numbers, so Go's output need not be among our 40; go_versions checks those
  // against the expectations' patterns instead.
  const std::vector<fs::path> twins = files_in("scenarios", ".go");
  CHECK(twins.size() >= 31);
  const bool go = have_go();
  if (go) {
    // Go runs them live and they mostly sleep: build and run them all at once.
    std::string cmd;
    for (const fs::path& d : twins) {
      const std::string out = (work_dir() / ("twin-" + d.stem().string())).string();
      cmd += "( " + go_env() + "go build -o " + out + " " + d.string() + " && " + out + " >" + out +
             ".out 2>" + out + ".err; echo $? >" + out + ".rc ) & ";
    }
    shell(cmd + "wait");
  } else {
    rdv::test::skipped("the Go side: `go` is not on PATH; the twins are only compiled and run");
  }
  for (const fs::path& d : twins) {
    INFO(d.string());
    const rdv::gofront::CompileResult r =
        rdv::gofront::compile(d.filename().string(), read_file(d));
    INFO(r.message());
    REQUIRE(r.ok);
    std::set<std::pair<std::vector<std::string>, std::vector<std::string>>> ours;
    std::set<std::string> firsts;  // the first line of our diagnostics, for a failing run
    std::set<int> codes;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
      rdv::script::RunOptions opt;
      opt.config.seed = seed;
      rdv::sim::EventLog log;
      const rdv::script::RunReport rep =
          rdv::script::run_source(d.filename().string(), r.lua, opt, log);
      ours.insert({rep.output, rep.errput});
      codes.insert(rep.exit_code());
      firsts.insert(rep.diagnostics.substr(0, rep.diagnostics.find('\n')));
    }
    if (!go || read_file(d).find("\"math/rand\"") != std::string::npos) continue;
    const std::string base = (work_dir() / ("twin-" + d.stem().string())).string();
    // Whether Go's run (its .out, .err, .rc) is one of ours.
    const auto go_run_is_ours = [&] {
      const std::vector<std::string> out = lines_of(read_file(base + ".out"));
      const std::string err = read_file(base + ".err");
      const int rc = std::atoi(read_file(base + ".rc").c_str());
      if (codes.count(rc) == 0) return false;
      if (rc == 0) return ours.count({out, lines_of(err)}) == 1;
      bool found = false;
      for (const auto& o : ours) found = found || o.first == out;
      return found && firsts.count(err.substr(0, err.find('\n'))) == 1;
    };
    // Go's order of waking sleepers 100 ms apart is only as good as the machine: with all the
    // twins run at once on a loaded machine it can slip. A run that is not ours is run again,
    // alone, a few times: Go must then print one of our outputs.
    bool matched = go_run_is_ours();
    for (int again = 0; again < 3 && !matched; ++again) {
      shell(base + " >" + base + ".out 2>" + base + ".err; echo $? >" + base + ".rc");
      matched = go_run_is_ours();
    }
    INFO("Go printed:\n"
         << read_file(base + ".out") << "Go's stderr:\n"
         << read_file(base + ".err"));
    CHECK(matched);
  }
}

namespace {

// `go test -v`'s output as one block per test run ("=== RUN   TestX" to "--- VERDICT: TestX
// (…)" and its subtests' result lines, durations written "(D)", since Go's are wall time) and
// what is outside them (PASS or
// FAIL; the go command's own "ok  \tcommand-line-arguments\t0.003s" lines are dropped).
struct TestOutput {
  std::map<std::string, std::set<std::vector<std::string>>> blocks;  // by test
  std::set<std::string> verdicts;                                    // PASS, FAIL
};

void split_test_output(const std::vector<std::string>& lines, TestOutput* out) {
  std::string test;
  std::vector<std::string> block;
  bool ended = false;  // the test's result line is in: its subtests' (indented) may follow
  for (std::string l : lines) {
    if (l.rfind("ok  \t", 0) == 0 || l.rfind("FAIL\t", 0) == 0) continue;
    const std::size_t open = l.rfind(" (");
    const std::size_t text = l.find_first_not_of(' ');
    const bool result =
        text != std::string::npos && l.compare(text, 4, "--- ") == 0 && open != std::string::npos;
    if (result) l = l.substr(0, open) + " (D)";
    if (ended) {
      if (result && text > 0) {
        block.push_back(l);
        continue;
      }
      out->blocks[test].insert(block);
      block.clear();
      test.clear();
      ended = false;
    }
    // A subtest's lines (=== RUN   TestX/sub) belong to its top-level test's block.
    if (l.rfind("=== RUN   ", 0) == 0 && l.find('/', 10) == std::string::npos) test = l.substr(10);
    if (test.empty()) {
      out->verdicts.insert(l);
      continue;
    }
    block.push_back(l);
    if (result && text == 0 && l.find(": " + test + " (D)") != std::string::npos) ended = true;
  }
  if (ended) out->blocks[test].insert(block);
}

}  // namespace

TEST_CASE("gofront: a busy-wait is named in Go's words, at its Go line") {
  // main spins on TryLock while a goroutine holds the lock for ever: the step budget (TryLock
  // never blocks, so it does not restart it) or the CPU limit per task ends it at line 13.
  const char* src =
      "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n"
      "\tvar mu sync.Mutex\n\tmu.Lock()\n\tgo func() { select {} }()\n"
      "\tn := 0\n\tfor !mu.TryLock() {\n\t\tn++\n\t}\n\tfmt.Println(n)\n}\n";
  const rdv::gofront::CompileResult r = rdv::gofront::compile("spin.go", src);
  INFO(r.message());
  REQUIRE(r.ok);
  rdv::script::RunOptions opt;
  opt.config.max_task_cpu = rdv::sim::Nanos{1'000'000'000};
  rdv::sim::EventLog log;
  const rdv::script::RunReport rep = rdv::script::run_source("spin.go", r.lua, opt, log);
  INFO(rep.diagnostics);
  CHECK(rep.result.outcome == rdv::sim::Outcome::Error);
  CHECK(rep.diagnostics.find("spin.go:13") != std::string::npos);
  CHECK(rep.diagnostics.find("it looks like a busy-wait: time.Sleep(0), TryLock, TryRLock and "
                             "ctx.Err() never block (wait on a channel, a WaitGroup, Lock() or "
                             "<-ctx.Done() instead)") != std::string::npos);
  CHECK(rep.diagnostics.find("try_lock") == std::string::npos);
}

TEST_CASE("gofront: a _test.go file runs its tests as go test -v does") {
  const bool go = have_go();
  if (!go) rdv::test::skipped("the Go side: `go` is not on PATH");
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator("tests/gofront/tests")) {
    const fs::path p = e.path();
    if (!rdv::gofront::is_test_path(p.string())) continue;
    ++files;
    INFO(p.string());
    const std::string src = read_file(p);
    const std::vector<std::string> tests = rdv::gofront::test_names(p.string(), src);
    REQUIRE(!tests.empty());
    // Ours: all the tests over many seeds, and each test alone (--run).
    TestOutput ours;
    std::set<int> codes;
    const rdv::gofront::CompileResult all = rdv::gofront::compile(p.filename().string(), src);
    INFO(all.message());
    REQUIRE(all.ok);
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
      rdv::script::RunOptions opt;
      opt.config.seed = seed;
      rdv::sim::EventLog log;
      const rdv::script::RunReport rep =
          rdv::script::run_source(p.filename().string(), all.lua, opt, log);
      split_test_output(rep.output, &ours);
      codes.insert(rep.exit_code());
      // A failed test binary exits with status 1, and says so.
      const bool failed = !rep.output.empty() && rep.output.back() == "FAIL";
      CHECK(rep.exit_code() == (failed ? 1 : 0));
      if (failed) CHECK(rep.diagnostics.rfind("exit status 1 (", 0) == 0);
      // t.Fatal and t.Skip end a test with runtime.Goexit, which is no panic: the Console must
      // not show one recovered.
      for (std::size_t i = 0; i < log.committed(); ++i) {
        const rdv::sim::Event& ev = log.at(i);
        if (ev.kind != rdv::sim::EventKind::Panic && ev.kind != rdv::sim::EventKind::Recover)
          continue;
        CHECK(log.str(ev.text).find("Goexit") == std::string_view::npos);
      }
    }
    for (const std::string& t : tests) {
      const rdv::gofront::CompileResult one = rdv::gofront::compile(p.filename().string(), src, t);
      REQUIRE(one.ok);
      for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        rdv::script::RunOptions opt;
        opt.config.seed = seed;
        rdv::sim::EventLog log;
        const rdv::script::RunReport rep =
            rdv::script::run_source(p.filename().string(), one.lua, opt, log);
        TestOutput alone;
        split_test_output(rep.output, &alone);
        CHECK(alone.blocks.size() == 1);
        CHECK(alone.blocks.count(t) == 1);
        for (const auto& b : alone.blocks[t]) CHECK(ours.blocks[t].count(b) == 1);
      }
    }
    if (!go) continue;
    for (const char* procs : {"1", "2"}) {
      INFO("GOMAXPROCS=" << procs);
      const int rc = shell(go_env() + "GOMAXPROCS=" + procs + " go test -v -count=10 " +
                           p.string() + " >" + (work_dir() / "out").string() + " 2>&1");
      TestOutput theirs;
      split_test_output(lines_of(read_file(work_dir() / "out")), &theirs);
      INFO("go test -v printed:\n" << read_file(work_dir() / "out"));
      CHECK(theirs.blocks.size() == tests.size());
      for (const auto& [t, blocks] : theirs.blocks) {
        INFO(t);
        for (const auto& b : blocks) CHECK(ours.blocks[t].count(b) == 1);
      }
      for (const auto& v : theirs.verdicts) CHECK(ours.verdicts.count(v) == 1);
      CHECK(codes.count(rc) == 1);
    }
  }
  CHECK(files >= 2);
}

TEST_CASE(
    "gofront: t.Parallel pauses a test until its parent's function returns, then runs it with the "
    "others") {
  const fs::path p = "tests/gofront/parallel/parallel_test.go";
  const std::string src = read_file(p);
  const rdv::gofront::CompileResult r = rdv::gofront::compile(p.filename().string(), src);
  INFO(r.message());
  REQUIRE(r.ok);
  // The lines as a sorted list, durations written (D) and without the "=== CONT" lines, whose
  // number depends on how the tests' lines interleave.
  const auto normal = [](const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    for (std::string l : lines) {
      if (l.rfind("=== CONT", 0) == 0 || l.rfind("ok  \t", 0) == 0) continue;
      if (const std::size_t open = l.rfind(" (");
          l.find("--- ") != std::string::npos && open != std::string::npos)
        l = l.substr(0, open) + " (D)";
      out.push_back(l);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  std::set<std::vector<std::string>> ours;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    rdv::script::RunOptions opt;
    opt.config.seed = seed;
    rdv::sim::EventLog log;
    const rdv::script::RunReport rep =
        rdv::script::run_source(p.filename().string(), r.lua, opt, log);
    INFO("seed " << seed << ":\n" << joined_lines(rep.output) << rep.diagnostics);
    REQUIRE(rep.result.outcome == rdv::sim::Outcome::Ok);
    ours.insert(normal(rep.output));
    const auto at = [&](const std::string& line) {
      const auto it = std::find(rep.output.begin(), rep.output.end(), line);
      return static_cast<std::size_t>(it - rep.output.begin());
    };
    const std::size_t n = rep.output.size();
    // TestFirst pauses; TestSequential runs meanwhile; TestFirst goes on after every test started.
    CHECK(at("=== PAUSE TestFirst") < at("=== RUN   TestSequential"));
    CHECK(at("--- PASS: TestSequential (0.00s)") < at("=== CONT  TestFirst"));
    CHECK(at("=== RUN   TestTable") < at("=== CONT  TestFirst"));
    CHECK(at("=== CONT  TestFirst") < n);
    CHECK(at("--- PASS: TestFirst (0.02s)") < n);  // its 20 ms, not the pause
    // TestTable's function returns before its subtests go on; it waits for them, and its
    // duration leaves that out; they end in the order their sleeps end.
    CHECK(at("    parallel_test.go:32: table body done") < at("=== CONT  TestTable/sleep30"));
    CHECK(at("--- PASS: TestTable (0.00s)") < at("    --- PASS: TestTable/sleep10 (0.01s)"));
    CHECK(at("    --- PASS: TestTable/sleep10 (0.01s)") <
          at("    --- PASS: TestTable/sleep30 (0.03s)"));
    CHECK(at("    --- PASS: TestTable/sleep30 (0.03s)") < n);
    CHECK(rep.output.back() == "PASS");
  }
  CHECK(ours.size() == 1);  // the same lines, in whatever order the schedule gave them
  if (!have_go()) {
    rdv::test::skipped("the Go side: `go` is not on PATH");
    return;
  }
  for (const char* procs : {"1", "2"}) {
    INFO("GOMAXPROCS=" << procs);
    const int rc = shell(go_env() + "GOMAXPROCS=" + procs + " go test -v -count=1 " + p.string() +
                         " >" + (work_dir() / "out").string() + " 2>&1");
    INFO("go test -v printed:\n" << read_file(work_dir() / "out"));
    CHECK(rc == 0);
    CHECK(ours.count(normal(lines_of(read_file(work_dir() / "out")))) == 1);
  }
}

TEST_CASE("gofront: --run names a test of the file, or says which there are") {
  const std::string src =
      "package p\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) {}\n\nfunc TestB(t "
      "*testing.T) {}\n\nfunc Testlower(t *testing.T) {}\n\nfunc TestBad(n int) {}\n";
  CHECK(rdv::gofront::test_names("x_test.go", src) ==
        std::vector<std::string>{"TestA", "TestB", "TestBad"});
  CHECK(rdv::gofront::compile("x_test.go", src, "TestC").message() ==
        "x_test.go:1:9: no test named TestC (the file's tests: TestA, TestB)\n"
        "x_test.go:11:6: wrong signature for TestBad, must be: func TestBad(t *testing.T)\n");
  const std::string ok_src = "package p\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) {}\n";
  CHECK(rdv::gofront::compile("x_test.go", ok_src, "TestA").ok);
  CHECK(rdv::gofront::compile("x_test.go", ok_src, "TestZ").message() ==
        "x_test.go:1:9: no test named TestZ (the file's tests: TestA)\n");
  // A program is no test file: it has no tests to run, and cannot import testing.
  const std::string prog = "package main\n\nfunc main() {}\n";
  CHECK(rdv::gofront::compile("prog.go", prog, "TestA").message() ==
        "prog.go:1:9: --run TestA: only a _test.go file has tests to run\n");
  CHECK(rdv::gofront::compile("prog.go",
                              "package main\n\nimport \"testing\"\n\nfunc main() { _ = "
                              "testing.T{} }\n")
            .message()
            .find("package \"testing\" is not supported") != std::string::npos);
}

TEST_CASE("gofront: the Variables pane shows a variable whose address is taken by its value") {
  // n lives in a box ({v = value}, so that &n can be shared); the pane shows the int.
  const std::string src = R"(package main

import "fmt"

func main() {
	n := 1
	p := &n
	*p = 7
	n = 8
	fmt.Println(n, *p)
}
)";
  std::string all;
  for (const VarWrite& w : pane_run("boxed.go", src).writes)
    if (w.name == "n") all += std::to_string(w.line) + ":" + w.value + " ";
  INFO("n shown as: " << all);
  CHECK(all == "6:1 9:8 ");
}

TEST_CASE(
    "gofront: a package variable initialised after the functions is written once, at its line") {
  // `var total = sum()` runs once every function is defined (a deferred initialiser, in Go's
  // order): the chunk defines it at line 5 first, which writes nothing; then it runs there.
  const std::string src = R"(package main

import "fmt"

var total = sum() + base

var base = 10

func sum() int { return 5 }

func main() { fmt.Println(total) }
)";
  std::vector<std::pair<std::string, std::uint32_t>> total_writes;
  std::vector<std::string> order;
  for (const VarWrite& w : pane_run("init.go", src).writes) {
    order.push_back(w.name);
    if (w.name == "total") total_writes.emplace_back(w.value, w.line);
  }
  REQUIRE(total_writes.size() == 1);
  CHECK(total_writes[0].first == "15");
  CHECK(total_writes[0].second == 5);
  CHECK(std::find(order.begin(), order.end(), "VI") == order.end());
  // base first: total's initialiser reads it
  REQUIRE(order.size() >= 2);
  CHECK(order[0] == "base");
  CHECK(order[1] == "total");
}

TEST_CASE(
    "gofront: the Variables pane sees writes into a map, slice or array, not only assignments") {
  // m[k] = v, delete, xs[i] = v, xs[i].n = v, a[i] = v, sort: each shows the variable's new value
  // at its line (the support library's calls that write, script/universe.cpp go_assignments).
  const std::string src = R"(package main

import (
	"fmt"
	"sort"
)

type T struct{ n int }

var seen = map[string]bool{}

func main() {
	m := map[string]int{}
	m["a"] = 1
	m["b"]++
	delete(m, "a")
	xs := []int{3, 1}
	xs[0] = 5
	sort.Ints(xs)
	ts := make([]T, 2)
	ts[1].n = 7
	var arr [2]int
	arr[1] = 9
	grid := [][]int{{0, 0}}
	grid[0][1] = 4
	seen["x"] = true
	pt := &ts[0]
	pt.n = 5
	fmt.Println(m, xs, ts, arr, grid, seen, pt)
}
)";
  std::map<std::uint32_t, std::string> at;  // line -> "name=value"
  for (const VarWrite& w : pane_run("writes.go", src).writes) at[w.line] = w.name + "=" + w.value;
  CHECK(at[14] == "m=map[a:1]");
  CHECK(at[15] == "m=map[a:1 b:1]");
  CHECK(at[16] == "m=map[b:1]");
  CHECK(at[18] == "xs=[5 1]");
  CHECK(at[19] == "xs=[1 5]");
  CHECK(at[21] == "ts=[{n:0} {n:7}]");
  CHECK(at[23] == "arr=[0 9]");
  CHECK(at[25] == "grid=[[0 4]]");
  CHECK(at[26] == "seen=map[x:true]");
  CHECK(at[28] == "pt={n:5}");  // a write through a pointer shows the pointer's target
}

TEST_CASE("gofront: the Variables pane shows a slice, map, struct, interface and nil as Go does") {
  // Not the support library's tables ({a={...}, c=3, n=3, o=0}): the shapes of set_go_values.
  const std::string src = R"(package main

import "fmt"

type user struct {
	name string
	id   int
}

type node struct {
	val  int
	next *node
	tags []string
	seen map[string]bool
}

func main() {
	n := node{val: 1}
	xs := []int{1, 2, 3}
	m := map[string]int{"b": 2, "a": 1}
	u := user{name: "go", id: 1}
	var e error
	var v any = 42
	var p *user
	ws := []string{"x", "y"}
	q := &xs[1]
	fmt.Println(len(xs), len(m), u.id, e, v, p, ws, *q, n.val)
}
)";
  std::map<std::string, std::string> shown;
  for (const VarWrite& w : pane_run("shapes.go", src).writes) shown[w.name] = w.value;
  CHECK(shown["xs"] == "[1 2 3]");
  CHECK(shown["m"] == "map[a:1 b:2]");
  CHECK(shown["u"] == "{name:go id:1}");  // the fields in their declared order, as Go's %+v
  CHECK(shown["n"] == "{val:1 next:<nil> tags:[] seen:map[]}");  // nil fields too
  CHECK(shown["e"] == "<nil>");
  CHECK(shown["v"] == "42");
  CHECK(shown["p"] == "<nil>");
  CHECK(shown["ws"] == "[x y]");
  CHECK(shown["q"] == "&2");  // a reference to an element (G.fref), shown as Go's &v
}

TEST_CASE("gofront: the Variables pane shows a map with encoded keys by its Go keys") {
  // A struct, array, float or interface key is encoded (prelude.lua, "map keys"): the pane
  // shows the Go keys the map keeps beside them, in fmt's order, not the encoded strings (a
  // value longer than the pane's width is cut: these are short).
  const std::string src = R"(package main

import (
	"fmt"
	"math"
)

type Point struct{ A, B int }

func main() {
	pm := map[Point]int{{1, 5}: 2, {1, -3}: 3}
	fm := map[float64]string{2.5: "b", -1: "a", math.NaN(): "n"}
	am := map[[2]int]bool{{10, 2}: true, {9, 30}: false}
	im := map[any]int{"x": 1}
	fmt.Println(len(pm), len(fm), len(am), len(im))
}
)";
  std::map<std::string, std::string> shown;
  for (const VarWrite& w : pane_run("keys.go", src).writes) shown[w.name] = w.value;
  CHECK(shown["pm"] == "map[{A:1 B:-3}:3 {A:1 B:5}:2]");  // the pane's struct, fmt's order
  CHECK(shown["fm"] == "map[NaN:n -1:a 2.5:b]");
  CHECK(shown["am"] == "map[[9 30]:false [10 2]:true]");
  CHECK(shown["im"] == "map[x:1]");
}

TEST_CASE("gofront: the Variables pane shows a float32 as Go prints a float32") {
  // A float32 is a Lua float holding a float32's value; printed as a float64 it would read
  // 0.10000000149011612. Locals, package variables, boxed ones, shared ones and one in an
  // interface are shown as fmt.Println shows them; a float64 holding the same value is not.
  const std::string src = R"(package main

import "fmt"

var total float32

func main() {
	f := float32(0.1)
	g := f / 3
	d := float64(f)
	p := &g
	*p = 2
	g = g / 3
	var any interface{} = f
	done := make(chan bool)
	go func() {
		total = total + f
		f = 1e7
		done <- true
	}()
	<-done
	fmt.Println(f, g, d, any, total)
}
)";
  const PaneRun run = pane_run("f32.go", src);
  CHECK(run.output == std::vector<std::string>{"1e+07 0.6666667 0.10000000149011612 0.1 0.1"});
  std::string all;
  for (const VarWrite& w : run.writes) all += w.name + "=" + w.value + " ";
  INFO("shown: " << all);
  for (const char* want : {"f=0.1 ", "g=0.033333335 ", "d=0.10000000149011612 ", "g=0.6666667 ",
                           "any=0.1 ", "total=0.1 ", "f=1e+07 "})
    CHECK(all.find(want) != std::string::npos);
  CHECK(all.find("__f32") == std::string::npos);
}
