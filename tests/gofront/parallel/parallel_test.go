package main

// t.Parallel: a top-level test pauses until every test has started, a subtest until its
// parent's function returns; then they run together and their parent waits for them. Their
// durations leave out the pause and the wait.

import (
	"fmt"
	"testing"
	"time"
)

func TestFirst(t *testing.T) {
	t.Parallel()
	time.Sleep(20 * time.Millisecond)
	t.Log("first done")
}

func TestSequential(t *testing.T) {
	t.Log("sequential runs while TestFirst is paused")
}

func TestTable(t *testing.T) {
	for _, d := range []int{30, 10} {
		d := d
		t.Run(fmt.Sprint("sleep", d), func(t *testing.T) {
			t.Parallel()
			time.Sleep(time.Duration(d) * time.Millisecond)
			t.Log("slept", d)
		})
	}
	t.Log("table body done")
}
