// title: Async task: a result over a channel
// chapter: 1
// concept: A goroutine works in the background and hands its result back over a channel.
// watch: main turns 'blocked' at <-resultCh for 2 s; the arrow from asyncTask to main is the
//    result.
// expect: never deadlocks
//
// The seed's first example.

package main

import (
	"fmt"
	"time"
)

func asyncTask(ch chan int) {
	time.Sleep(2 * time.Second) // simulated slow work
	ch <- 42
}

func main() {
	resultCh := make(chan int)
	go asyncTask(resultCh)
	result := <-resultCh
	fmt.Println("async task result:", result)
}
