// Mirrors scenarios/4.1c-select-timeout.lua.
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
