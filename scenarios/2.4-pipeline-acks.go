// title: Pipeline A -> B -> C with acknowledgements flowing back
// chapter: 2.4
// concept: Each stage passes work forward on one channel and gets a confirmation back on another,
//    so the producer knows every item was stored.
// watch: Arrows go right (A -> B -> C, on toB and toC) with the item, then left (ackB, ackA) with
//    its ack; A sends the next item only after the ack.
// expect: never deadlocks
//
// The stages are main.main.func1 (A, the producer), func2 (B) and func3 (C, the store).

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
