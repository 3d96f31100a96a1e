// Mirrors scenarios/5.3-circuit-breaker.lua.
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
