// Mirrors scenarios/3.1b-waitgroup-add-inside-task.lua (the misuse: Add inside the goroutine).
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var finished atomic.Int32
	for i := 1; i <= 3; i++ {
		go func() {
			wg.Add(1) // BUG: races with Wait
			time.Sleep(100 * time.Millisecond)
			finished.Add(1)
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Printf("wait returned with %d of 3 workers finished\n", finished.Load())
	if n := runtime.NumGoroutine() - 1; n > 0 {
		fmt.Fprintf(os.Stderr, "leak: %d goroutine(s) still alive when main returns\n", n)
	}
}
