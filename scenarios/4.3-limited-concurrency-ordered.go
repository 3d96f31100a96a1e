// title: Limited concurrency, results in input order
// chapter: 4.3
// concept: A buffered channel of 3 is a semaphore: at most 3 jobs run at once; each writes its own
//    slot so results keep input order.
// watch: sem's buffer is never more than 3 full; the other goroutines wait at sem <- struct{}{}.
//    Jobs finish out of order, the printout is in order.
// expect: never deadlocks
//
// The seed's semaphore example.

package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	inputs := []int{5, 3, 8, 1, 9, 2}
	sem := make(chan struct{}, 3)
	results := make([]int, len(inputs))
	var wg sync.WaitGroup
	var mu sync.Mutex // protects running and maxRunning
	running, maxRunning := 0, 0
	for i, x := range inputs {
		wg.Add(1)
		go func(i, x int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			mu.Lock()
			running++
			if running > maxRunning {
				maxRunning = running
			}
			mu.Unlock()
			time.Sleep(time.Duration(x) * 100 * time.Millisecond)
			results[i] = x * x
			mu.Lock()
			running--
			mu.Unlock()
		}(i, x)
	}
	wg.Wait()
	for i, x := range inputs {
		fmt.Printf("input %d -> %d\n", x, results[i])
	}
	fmt.Printf("at most %d jobs ran at once\n", maxRunning)
}
