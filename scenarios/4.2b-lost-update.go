// title: The lost update: a shared counter without a lock
// chapter: 4.2
// concept: counter = counter + 1 is a read then a write; two goroutines interleaving between them
//    overwrite each other's work. A sync.Mutex around the read-modify-write makes it one step.
// watch: Goroutines may switch at every line (the header asks for preempt: line): counter,
//    written by the two main.main.func1 goroutines, often ends below 10; safe, written by the two
//    main.main.func2 goroutines under mu.Lock(), is always 10.
// expect: never deadlocks
// preempt: line
//
// This is a data race: `go run -race` reports it. Real Go on a fast machine rarely shows the
// loss with five increments; Rendezvous's line preemption makes it show up.

package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup

	// Unsafe: two goroutines, five increments each, no lock.
	counter := 0
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 5; k++ {
				// Read, then write: the other's write in between is lost.
				v := counter
				counter = v + 1
			}
		}()
	}
	wg.Wait()
	fmt.Printf("without a lock: counter = %d (expected 10)\n", counter)

	// Safe: the same with a mutex around the read-modify-write.
	var mu sync.Mutex
	safe := 0
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 5; k++ {
				mu.Lock()
				v := safe
				safe = v + 1
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Printf("with a mutex: counter = %d (expected 10)\n", safe)
}
