// Mirrors scenarios/2.4-pipeline-acks.lua: A -> B -> C with acknowledgements flowing back.
package main

import (
	"fmt"
	"strings"
)

func main() {
	toB, toC := make(chan string), make(chan string)
	ackB, ackA := make(chan string), make(chan string)
	done := make(chan struct{})

	go func() { // A producer
		for i := 1; i <= 3; i++ {
			toB <- fmt.Sprintf("item%d", i)
			fmt.Println("A: " + <-ackA)
		}
		close(toB)
	}()
	go func() { // B processor
		for item := range toB {
			toC <- strings.ToUpper(item)
			ackA <- <-ackB
		}
		close(toC)
	}()
	go func() { // C store
		for item := range toC {
			fmt.Println("C: stored " + item)
			ackB <- "ack " + item
		}
		close(done)
	}()
	<-done
	fmt.Println("pipeline drained")
}
