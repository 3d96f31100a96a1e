// title: Error propagation and the cancel cascade
// chapter: 2.5
// concept: The first error cancels the request's context; every context derived from it is
//    cancelled too, and each goroutine cleans up in deferred (reverse) order.
// watch: At 0.5 s loadUser fails; main calls cancel() on request and both child contexts (dbCtx,
//    cacheCtx) are done at once. Each worker prints its cleanup last-in, first-out.
// expect: never deadlocks

package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func main() {
	request, cancel := context.WithCancel(context.Background())
	dbCtx, cancelDb := context.WithCancel(request)
	cacheCtx, cancelCache := context.WithTimeout(request, 10*time.Second)
	errc := make(chan string, 3)
	var wg sync.WaitGroup

	worker := func(name string, ctx context.Context, res1, res2 string) {
		defer fmt.Println(name + ": release " + res1)
		fmt.Println(name + ": acquired " + res1)
		defer fmt.Println(name + ": release " + res2)
		fmt.Println(name + ": acquired " + res2)
		select {
		case <-time.After(5 * time.Second):
			fmt.Println(name + ": finished")
		case <-ctx.Done():
			errc <- name + ": " + ctx.Err().Error()
		}
	}

	wg.Add(3)
	go func() { defer wg.Done(); worker("queryDB", dbCtx, "connection", "rows") }()
	go func() { defer wg.Done(); worker("warmCache", cacheCtx, "lock", "buffer") }()
	go func() {
		defer wg.Done()
		time.Sleep(500 * time.Millisecond)
		errc <- "loadUser: user 42 not found"
	}()

	err := <-errc
	fmt.Println("main: first error: " + err)
	cancel()
	wg.Wait()
	fmt.Println("main: request failed, all workers stopped")
	cancelDb()
	cancelCache()
}
