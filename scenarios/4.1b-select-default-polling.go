// title: select with default: polling without blocking
// chapter: 4.1
// concept: A select with a default case never blocks: if no channel is ready, default runs and the
//    goroutine gets on with other work.
// watch: main polls status every 100 ms without ever blocking on it; the fourth poll, after the
//    job finished, gets the message.
// expect: never deadlocks

package main

import (
	"fmt"
	"time"
)

func main() {
	status := make(chan string, 1)
	go func() { time.Sleep(350 * time.Millisecond); status <- "job finished" }()
	polls := 0
	for {
		select {
		case msg := <-status:
			fmt.Println(msg)
			return
		default:
		}
		polls++
		fmt.Printf("poll %d: nothing yet, doing other work\n", polls)
		time.Sleep(100 * time.Millisecond)
	}
}
