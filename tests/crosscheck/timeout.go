// A call with a timeout: select between the reply and time.After.
package main

import (
	"fmt"
	"time"
)

func call(latency, timeout time.Duration) string {
	reply := make(chan string, 1)
	go func() {
		time.Sleep(latency)
		reply <- "reply"
	}()
	select {
	case r := <-reply:
		return r
	case <-time.After(timeout):
		return "timeout"
	}
}

func main() {
	fmt.Println(call(10*time.Millisecond, 500*time.Millisecond))
	fmt.Println(call(500*time.Millisecond, 10*time.Millisecond))
}
