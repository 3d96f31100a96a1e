// Mirrors scenarios/4.1b-select-default-polling.lua.
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
