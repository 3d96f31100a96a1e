// title: Workers in Go: a WaitGroup and a channel of results
// chapter: guide
// concept: Three goroutines each send one result; a fourth closes the channel once the
//    WaitGroup is back to zero, which ends main's range loop.
// watch: The closer waits at wg.Wait() until the last worker's Done; then close(results)
//    lets main's range end.
// expect: never deadlocks

package main

import (
	"fmt"
	"sync"
)

func worker(id int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	results <- id * id
}

func main() {
	results := make(chan int)
	var wg sync.WaitGroup
	for id := 1; id <= 3; id++ {
		wg.Add(1) // before go, never inside the goroutine
		go worker(id, results, &wg)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println("sum of squares:", sum)
}
