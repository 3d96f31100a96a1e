// title: WaitGroup misuse: more Add than Done
// chapter: 3.1
// concept: wg.Add(3) for two goroutines: the counter never reaches zero, Wait never returns, and
//    with nothing left to run Go reports a deadlock.
// watch: Both workers finish; the counter stays at 1 and main stays blocked in wg.Wait() until the
//    deadlock report.
// expect: deadlocks

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
