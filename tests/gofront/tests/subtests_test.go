package main

// Subtests (t.Run): table-driven cases, nested ones, names made unique, and what a failing,
// skipped or fatal subtest does to its parent, in go test -v's words.

import (
	"fmt"
	"sync"
	"testing"
)

func Sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func TestSum(t *testing.T) {
	cases := []struct {
		name string
		in   []int
		want int
	}{{"empty", nil, 0}, {"one", []int{1}, 1}, {"many numbers", []int{1, 2, 3}, 7}}
	for _, tc := range cases {
		ok := t.Run(tc.name, func(t *testing.T) {
			if got := Sum(tc.in); got != tc.want {
				t.Errorf("Sum(%v) = %d, want %d", tc.in, got, tc.want)
			}
		})
		t.Log(tc.name, ok, t.Failed())
	}
}

func TestNested(t *testing.T) {
	t.Cleanup(func() { t.Log("cleanup", t.Name()) })
	t.Run("outer", func(t *testing.T) {
		t.Run("inner", func(t *testing.T) {
			t.Log("in", t.Name())
		})
		t.Run("inner", func(t *testing.T) { t.Skip("duplicate name, skipped") })
		t.Run("", func(t *testing.T) { t.Log("no name:", t.Name()) })
	})
	fmt.Println("after outer")
}

func TestFatalEndsSubtestOnly(t *testing.T) {
	t.Run("fatal", func(t *testing.T) {
		t.Fatal("stop here")
		t.Log("not reached")
	})
	t.Log("parent goes on, failed:", t.Failed())
}

func TestCounterSubtests(t *testing.T) {
	for _, n := range []int{1, 4} {
		t.Run(fmt.Sprint("workers=", n), func(t *testing.T) {
			var mu sync.Mutex
			var wg sync.WaitGroup
			count := 0
			for i := 0; i < n; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					mu.Lock()
					count++
					mu.Unlock()
				}()
			}
			wg.Wait()
			if count != n {
				t.Fatalf("count = %d, want %d", count, n)
			}
		})
	}
}
