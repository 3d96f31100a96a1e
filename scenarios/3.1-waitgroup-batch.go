// title: WaitGroup over a batch
// chapter: 3.1
// concept: wg.Add(1) before each go statement, wg.Done() when a goroutine ends, wg.Wait() until
//    the counter is back to zero.
// watch: The WaitGroup counter in the Sync panel: 4 after the loop, down by one per finished
//    goroutine; main wakes at 0.
// expect: never deadlocks

package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	inputs := []int{3, 1, 4, 2}
	squares := make([]int, len(inputs))
	var wg sync.WaitGroup
	for i, n := range inputs {
		wg.Add(1)
		go func(i, n int) {
			defer wg.Done()
			time.Sleep(time.Duration(n) * 100 * time.Millisecond)
			squares[i] = n * n
		}(i, n)
	}
	wg.Wait()
	for i, n := range inputs {
		fmt.Printf("%d squared is %d\n", n, squares[i])
	}
}
