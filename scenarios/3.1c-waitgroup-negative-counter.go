// title: WaitGroup misuse: a negative counter
// chapter: 3.1
// concept: Every Done must match an Add; one Done too many drives the counter below zero and Go
//    panics.
// watch: The counter goes 1 -> 0 (main wakes) -> -1: the run ends with 'panic: sync: negative
//    WaitGroup counter'.
// expect: panics

package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done() // the deferred Done ...
		fmt.Println("worker: done")
		wg.Done() // ... and one more by mistake
	}()
	wg.Wait()
	time.Sleep(100 * time.Millisecond)
	fmt.Println("main: results collected")
}
