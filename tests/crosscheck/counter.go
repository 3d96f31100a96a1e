// Ten goroutines add under a Mutex and with atomic adds; a WaitGroup waits for them.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var hits atomic.Int64
	counter := 0
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				mu.Lock()
				counter++
				mu.Unlock()
				hits.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter", counter, "hits", hits.Load())
}
