// Mirrors scenarios/3.1d-waitgroup-add-done-mismatch.lua: Add(3), two Done: deadlock.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(3)
	for i := 1; i <= 2; i++ {
		go func(i int) {
			time.Sleep(time.Duration(i) * 100 * time.Millisecond)
			fmt.Printf("worker %d: done\n", i)
			wg.Done()
		}(i)
	}
	wg.Wait()
	fmt.Println("all workers done")
}
