// title: A cancellable task group
// chapter: 3.3
// concept: Hand one context to every goroutine; cancel() stops them all at once, and a WaitGroup
//    waits until they really stopped.
// watch: At 2 s main calls cancel(): the three goroutines blocked in select all wake on
//    <-ctx.Done() together, long before their 5 s of work.
// expect: never deadlocks
//
// The seed's 3.3 example.

package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			select {
			case <-time.After(5 * time.Second):
				fmt.Printf("task %d finished\n", id)
			case <-ctx.Done():
				fmt.Printf("task %d canceled\n", id)
			}
		}(i)
	}
	time.Sleep(2 * time.Second)
	cancel()
	wg.Wait()
	fmt.Println("all tasks stopped")
}
