// The Go side of the scenario cross-check.
//
// Each scenario of scenarios/ with a Go version (scenarios/<go>.go, the "go" field of its
// expectations) is built and run by real Go here, and its output and outcome are checked
// against tests/scenarios/expectations.json, the same expectations the C++ tests check the Lua
// scenarios and the Go versions run by Rendezvous against (tests/scenarios/scenarios_test.cpp). So Go
// itself vouches for what the scenarios are expected to print.
//
// Go is a live run: it is checked like the scenario's live runs, against "live_output" when the
// scenario has one (where the exact lines depend on timing), and in order only where the order
// does not depend on timing ("live_order"), as multisets otherwise. Outcomes: exit 0 is ok (or leak when the
// program reports goroutines still alive on stderr, as goleak would); exit 2 with "all goroutines
// are asleep - deadlock!" is deadlock; exit 2 with "panic: " is panic.
package scenarios_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

type outputSpec struct {
	Lines     *[]string  `json:"lines"`
	OneOf     [][]string `json:"one_of"`
	Unordered []string   `json:"unordered"`
	InOrder   [][]string `json:"in_order"`
	Patterns  []string   `json:"patterns"`
	Required  []string   `json:"required"`
	Count     *int       `json:"count"`
}

type scenario struct {
	File      string            `json:"file"`
	Outcome   []string          `json:"outcome"`
	GoOutcome []string          `json:"go_outcome"`
	Output    outputSpec        `json:"output"`
	LiveOut   *outputSpec       `json:"live_output"`
	LiveOrder bool              `json:"live_order"`
	Message   string            `json:"message"`
	MessageIf map[string]string `json:"message_if"`
	Go        string            `json:"go"`
	// The messages real Go may end with, when it has more than Rendezvous (any one of them):
	// with 2 CPUs, Go's woken waiter can panic before the goroutine whose panic woke it.
	GoMessages []string `json:"go_messages"`
}

// The scenarios listed in tests/scenarios/`name` (expectations.json, seed.json).
func loadScenarios(t *testing.T, name string) []scenario {
	raw, err := os.ReadFile(filepath.Join("..", "scenarios", name))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Scenarios []scenario `json:"scenarios"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc.Scenarios
}

func sorted(xs []string) []string {
	c := append([]string(nil), xs...)
	sort.Strings(c)
	return c
}

func equal(a, b []string, ordered bool) bool {
	if len(a) != len(b) {
		return false
	}
	if !ordered {
		a, b = sorted(a), sorted(b)
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// subsequence reports whether want appears in got in this order (not necessarily adjacent).
func subsequence(got, want []string) bool {
	i := 0
	for _, g := range got {
		if i < len(want) && g == want[i] {
			i++
		}
	}
	return i == len(want)
}

// check returns what is wrong with `got` under spec (empty when it matches).
func check(spec outputSpec, got []string, ordered bool) []string {
	var errs []string
	if spec.Lines != nil && !equal(*spec.Lines, got, ordered) {
		errs = append(errs, "output differs from the expected lines")
	}
	if len(spec.OneOf) > 0 {
		found := false
		for _, alt := range spec.OneOf {
			found = found || equal(alt, got, ordered)
		}
		if !found {
			errs = append(errs, "output is none of the allowed alternatives")
		}
	}
	if spec.Unordered != nil && !equal(spec.Unordered, got, false) {
		errs = append(errs, "output is not the expected multiset of lines")
	}
	for _, seq := range spec.InOrder {
		if !subsequence(got, seq) {
			errs = append(errs, "lines out of order: "+strings.Join(seq, " < "))
		}
	}
	if len(spec.Patterns) > 0 {
		for _, line := range got {
			ok := false
			for _, p := range spec.Patterns {
				ok = ok || regexp.MustCompile(p).MatchString(line)
			}
			if !ok {
				errs = append(errs, "unexpected line: "+line)
			}
		}
	}
	for _, p := range spec.Required {
		ok := false
		for _, line := range got {
			ok = ok || regexp.MustCompile(p).MatchString(line)
		}
		if !ok {
			errs = append(errs, "no line matches "+p)
		}
	}
	if spec.Count != nil && len(got) != *spec.Count {
		errs = append(errs, "wrong number of lines")
	}
	return errs
}

func classify(exit int, stderr string) string {
	switch {
	case exit == 0 && strings.Contains(stderr, "leak: "):
		return "leak"
	case exit == 0:
		return "ok"
	case exit == 2 && strings.Contains(stderr, "fatal error: all goroutines are asleep - deadlock!"):
		return "deadlock"
	case exit == 2 && strings.HasPrefix(stderr, "panic: "):
		return "panic"
	}
	return "error"
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestGoVersionsOfTheScenarios(t *testing.T) {
	scenarios := loadScenarios(t, "expectations.json")
	bin := t.TempDir()
	n := 0
	for _, sc := range scenarios {
		if sc.Go == "" {
			continue
		}
		n++
		sc := sc
		t.Run(sc.Go, func(t *testing.T) {
			t.Parallel()
			exe := filepath.Join(bin, sc.Go)
			src, err := filepath.Abs(filepath.Join("..", "..", "scenarios", sc.Go+".go"))
			if err != nil {
				t.Fatal(err)
			}
			build := exec.Command("go", "build", "-o", exe, src)
			if out, err := build.CombinedOutput(); err != nil {
				t.Fatalf("go build %s: %v\n%s", src, err, out)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, exe)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err = cmd.Run()
			exit := 0
			if ee, ok := err.(*exec.ExitError); ok {
				exit = ee.ExitCode()
			} else if err != nil {
				t.Fatalf("%s: %v", sc.Go, err)
			}
			outcome := classify(exit, stderr.String())
			allowed := sc.GoOutcome
			if allowed == nil {
				allowed = sc.Outcome
			}
			if !contains(allowed, outcome) {
				t.Errorf("%s: outcome %s, want one of %v\nstderr:\n%s", sc.Go, outcome, allowed, stderr.String())
			}
			msg := sc.Message
			if m, ok := sc.MessageIf[outcome]; ok {
				msg = m
			}
			if len(sc.GoMessages) > 0 {
				found := false
				for _, m := range sc.GoMessages {
					found = found || strings.Contains(stderr.String(), m)
				}
				if !found {
					t.Errorf("%s: stderr has none of %q:\n%s", sc.Go, sc.GoMessages, stderr.String())
				}
			} else if msg != "" && !strings.Contains(stderr.String(), msg) {
				t.Errorf("%s: stderr lacks %q:\n%s", sc.Go, msg, stderr.String())
			}
			var lines []string
			if s := strings.TrimSuffix(stdout.String(), "\n"); s != "" {
				lines = strings.Split(s, "\n")
			}
			// Lua's print separates its arguments with tabs where fmt.Println uses spaces.
			spec := sc.Output
			if sc.LiveOut != nil {
				spec = *sc.LiveOut
			}
			if spec.Lines != nil {
				want := make([]string, len(*spec.Lines))
				for i, l := range *spec.Lines {
					want[i] = strings.ReplaceAll(l, "\t", " ")
				}
				spec.Lines = &want
			}
			for _, e := range check(spec, lines, sc.LiveOrder) {
				t.Errorf("%s: %s\ngot:\n%s", sc.Go, e, strings.Join(lines, "\n"))
			}
		})
	}
	if n == 0 {
		t.Fatal("no scenario names a Go version")
	}
}

// Every Go program of scenarios/ (its seed/ folder aside: seed_test.go checks those) is the Go
// version some scenario names: none is left unchecked.
func TestEveryGoProgramIsChecked(t *testing.T) {
	named := map[string]bool{}
	for _, sc := range loadScenarios(t, "expectations.json") {
		if sc.Go != "" {
			named[sc.Go+".go"] = true
			if _, err := os.Stat(filepath.Join("..", "..", "scenarios", sc.File)); err != nil {
				t.Errorf("%s: %v", sc.Go, err)
			}
		}
	}
	entries, err := os.ReadDir(filepath.Join("..", "..", "scenarios"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".go") && !named[e.Name()] {
			t.Errorf("scenarios/%s: no scenario in expectations.json names it", e.Name())
		}
	}
}
