// title: Fan-in with a timeout, and the leak it causes
// chapter: 2.3
// concept: Collect what arrives before the deadline; a late sender on an UNBUFFERED channel then
//    blocks forever: a goroutine leak.
// watch: At 2.5 s main stops receiving. At 3 s the second fetch sends and stays blocked on results
//    for good: the leak report at the end.
// expect: leaks
//
// Go reports no leaks by itself; like goleak, main counts the goroutines still alive at its end and
// says so on stderr.

package main

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"time"
)

type fetch struct {
	id      int
	latency time.Duration
}

func main() {
	fetches := []fetch{{1, 1 * time.Second}, {2, 3 * time.Second}, {3, 2 * time.Second}}
	results := make(chan string) // unbuffered: the late sender leaks
	for _, f := range fetches {
		go func(f fetch) {
			time.Sleep(f.latency)
			results <- fmt.Sprintf("task %d done", f.id)
		}(f)
	}
	var got []string
	deadline := time.After(2500 * time.Millisecond)
	timedOut := false
	for !timedOut && len(got) < len(fetches) {
		select {
		case v := <-results:
			got = append(got, v)
		case <-deadline:
			timedOut = true
		}
	}
	sort.Strings(got)
	for _, v := range got {
		fmt.Println(v)
	}
	fmt.Printf("%d of %d results before the deadline\n", len(got), len(fetches))
	time.Sleep(2 * time.Second) // the server goes on serving
	fmt.Println("server: still serving")
	if n := runtime.NumGoroutine() - 1; n > 0 {
		fmt.Fprintf(os.Stderr, "leak: %d goroutine(s) still alive when main returns\n", n)
	}
}
