// title: A shared result: an atomic counter and an RW-locked error list
// chapter: 4.2
// concept: Count successes with an atomic.Int64; guard the error list with a sync.RWMutex: many
//    readers at once, writers alone.
// watch: In the Sync panel: the readers hold result.mu's read lock together; a writer with an
//    error waits until they leave, then holds it alone.
// expect: never deadlocks

package main

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

type Result struct {
	success atomic.Int64
	mu      sync.RWMutex // protects errors
	errors  []string
}

func main() {
	var result Result
	var wg sync.WaitGroup
	for i := 1; i <= 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			time.Sleep(time.Duration(i) * 100 * time.Millisecond)
			if i%2 == 0 {
				result.mu.Lock()
				result.errors = append(result.errors, fmt.Sprintf("job %d: timeout", i))
				result.mu.Unlock()
			} else {
				result.success.Add(1)
			}
		}(i)
	}
	for r := 1; r <= 2; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 3; k++ {
				result.mu.RLock()
				_ = len(result.errors)
				time.Sleep(50 * time.Millisecond)
				result.mu.RUnlock()
				time.Sleep(100 * time.Millisecond)
			}
		}()
	}
	wg.Wait()
	fmt.Printf("successes: %d\n", result.success.Load())
	result.mu.RLock()
	sort.Strings(result.errors)
	for _, e := range result.errors {
		fmt.Println("error: " + e)
	}
	result.mu.RUnlock()
}
