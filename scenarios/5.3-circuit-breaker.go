// title: A circuit breaker
// chapter: 5
// concept: After 3 failures in a row the breaker opens and rejects calls at once; after a cooldown
//    one trial call is let through; a success closes it again.
// watch: The printout marks CLOSED -> OPEN -> HALF-OPEN; while open, main never sends on requests,
//    so the payments goroutine sits idle.
// expect: never deadlocks
//
// main.main.func1 is the payments service; main.main.func2 is the ops team that brings it back at 1
// s.

package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

type request struct{ reply chan string }

func main() {
	const threshold = 3
	const cooldownTime = 450 * time.Millisecond
	var down atomic.Int32
	down.Store(1)
	requests := make(chan request)
	stopped := make(chan struct{})
	go func() { // payments
		for req := range requests {
			time.Sleep(20 * time.Millisecond)
			if down.Load() == 1 {
				req.reply <- "unavailable"
			} else {
				req.reply <- "ok"
			}
		}
		close(stopped)
	}()
	go func() { // ops team
		time.Sleep(time.Second)
		down.Add(-1)
	}()

	state, failures := "CLOSED", 0
	var cooldown <-chan time.Time
	setState := func(s string) { state = s; fmt.Println("breaker: " + s) }
	for n := 1; n <= 15; n++ {
		if state == "OPEN" {
			select {
			case <-cooldown:
				setState("HALF-OPEN")
			default:
			}
		}
		if state == "OPEN" {
			fmt.Printf("call %d: rejected fast\n", n)
		} else {
			reply := make(chan string, 1)
			requests <- request{reply}
			answer := <-reply
			fmt.Printf("call %d: %s\n", n, answer)
			if answer == "ok" {
				failures = 0
				if state == "HALF-OPEN" {
					setState("CLOSED")
				}
			} else {
				failures++
				if state == "HALF-OPEN" || failures >= threshold {
					setState("OPEN")
					cooldown = time.After(cooldownTime)
				}
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	close(requests)
	<-stopped
}
