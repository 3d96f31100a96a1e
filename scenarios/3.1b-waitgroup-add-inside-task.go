// title: WaitGroup misuse: Add inside the task
// chapter: 3.1
// concept: wg.Add must happen before wg.Wait can run; inside the goroutine it races with Wait,
//    which may see 0 and return early.
// watch: Try several seeds (or the explorer): sometimes main passes wg.Wait() before any goroutine
//    ran wg.Add(1), prints 0 of 3 and leaves them behind.
// expect: may return early
//
// The misuse: Add inside the goroutine.

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
