// The seed text's Go snippets, completed into programs (scenarios/seed/), run by real Go and
// checked against tests/scenarios/seed.json: the expectations Rendezvous is checked against
// (tests/scenarios/scenarios_test.cpp). Each runs several times with GOMAXPROCS 1 and 2; every
// run's output must be one the expectations allow (Go as a live run: live_output, live_order).
// Go's log writes to stderr where Rendezvous writes it with fmt's output: the two are read as
// one stream here, in the order written (stdout and stderr share one pipe).
package scenarios_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const seedRuns = 3 // per GOMAXPROCS

func TestSeedExamplesInGo(t *testing.T) {
	examples := loadScenarios(t, "seed.json")
	if len(examples) == 0 {
		t.Fatal("seed.json lists no example")
	}
	bin := t.TempDir()
	for _, sc := range examples {
		sc := sc
		name := strings.TrimSuffix(filepath.Base(sc.File), ".go")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			exe := filepath.Join(bin, name)
			src, err := filepath.Abs(filepath.Join("..", "..", "scenarios", sc.File))
			if err != nil {
				t.Fatal(err)
			}
			build := exec.Command("go", "build", "-o", exe, src)
			if out, err := build.CombinedOutput(); err != nil {
				t.Fatalf("go build %s: %v\n%s", sc.File, err, out)
			}
			spec := sc.Output
			if sc.LiveOut != nil {
				spec = *sc.LiveOut
			}
			for _, procs := range []int{1, 2} {
				for run := 0; run < seedRuns; run++ {
					ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
					cmd := exec.CommandContext(ctx, exe)
					cmd.Env = append(os.Environ(), fmt.Sprintf("GOMAXPROCS=%d", procs))
					// One writer for both: exec then copies them through one pipe, in order.
					var both bytes.Buffer
					cmd.Stdout, cmd.Stderr = &both, &both
					err := cmd.Run()
					cancel()
					exit := 0
					if ee, ok := err.(*exec.ExitError); ok {
						exit = ee.ExitCode()
					} else if err != nil {
						t.Fatalf("%s: %v", sc.File, err)
					}
					report := both.String()
					if i := strings.Index(report, "panic: "); i >= 0 {
						report = report[i:] // classify reads a panic from the start of stderr
					}
					outcome := classify(exit, report)
					if !contains(sc.Outcome, outcome) {
						t.Errorf("%s (GOMAXPROCS=%d): outcome %s, want one of %v\n%s", sc.File, procs, outcome, sc.Outcome, both.String())
						continue
					}
					var lines []string
					if s := strings.TrimSuffix(both.String(), "\n"); s != "" {
						lines = strings.Split(s, "\n")
					}
					for _, e := range check(spec, lines, sc.LiveOrder) {
						t.Errorf("%s (GOMAXPROCS=%d): %s\ngot:\n%s", sc.File, procs, e, strings.Join(lines, "\n"))
					}
				}
			}
		})
	}
}
