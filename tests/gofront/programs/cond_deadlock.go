// Everyone waits on a condition nobody will signal: Go's deadlock detector ends the run
// ("fatal error: all goroutines are asleep - deadlock!", goroutines in [sync.Cond.Wait]).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	ready := sync.NewCond(&mu)
	go func() {
		mu.Lock()
		for {
			ready.Wait()
		}
	}()
	mu.Lock()
	fmt.Println("waiting")
	ready.Wait()
	fmt.Println("unreachable")
}
