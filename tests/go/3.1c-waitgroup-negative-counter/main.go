// Mirrors scenarios/3.1c-waitgroup-negative-counter.lua: Go panics with
// "sync: negative WaitGroup counter".
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done() // the deferred Done ...
		fmt.Println("worker: done")
		wg.Done() // ... and one more by mistake
	}()
	wg.Wait()
	time.Sleep(100 * time.Millisecond)
	fmt.Println("main: results collected")
}
