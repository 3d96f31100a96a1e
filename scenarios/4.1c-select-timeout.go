// title: select with a timeout
// chapter: 4.1
// concept: Race the reply against time.After(d): whichever comes first wins, so a slow service
//    cannot hold the caller forever.
// watch: The fast service answers before its timer; for the slow one the time.After channel fires
//    first at 1 s.
// expect: never deadlocks
//
// The slow service's goroutine still sends later, into reply's buffer, and returns.

package main

import (
	"fmt"
	"os"
	"runtime"
	"time"
)

func call(name string, latency, timeout time.Duration) string {
	reply := make(chan string, 1)
	go func() { time.Sleep(latency); reply <- name + ": answered" }()
	select {
	case v := <-reply:
		return v
	case <-time.After(timeout):
		return name + ": timeout, no answer within 1 s"
	}
}

func main() {
	fmt.Println(call("fast service", 500*time.Millisecond, time.Second))
	fmt.Println(call("slow service", 3*time.Second, time.Second))
	time.Sleep(3 * time.Second)
	fmt.Println("main: done")
	if n := runtime.NumGoroutine() - 1; n > 0 {
		fmt.Fprintf(os.Stderr, "leak: %d goroutine(s) still alive when main returns\n", n)
	}
}
