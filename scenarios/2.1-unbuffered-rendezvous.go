// title: Unbuffered rendezvous
// chapter: 2.1
// concept: An unbuffered channel hands over a value only when both sides meet.
// watch: The goroutine stays blocked at ch <- 42 until main reaches v := <-ch.
// expect: never deadlocks

package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		time.Sleep(2 * time.Second)
		ch <- 42 // blocks until main receives
	}()
	v := <-ch
	fmt.Println("result:", v)
}
