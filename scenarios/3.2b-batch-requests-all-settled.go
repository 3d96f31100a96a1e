// title: Batch requests, Promise.allSettled style: every outcome kept
// chapter: 3.2
// concept: Start one goroutine per request and wait for all of them with a WaitGroup, keeping each
//    outcome, success or error, in its own slot of a slice: input order, whatever finished first.
// watch: Failures do not stop the batch: all four main.main.func1 goroutines run to the end, then
//    wg.Wait() returns and main prints one outcome per request.
// expect: never deadlocks
//
// Go has no allSettled: the WaitGroup loop of 3.1 with one result slot per request is Go's way.
// Each goroutine writes only its own slot, and wg.Wait() orders those writes before main's reads.
//
// math/rand's draws: real Go 1.19 seeds it with 1 at every run, Rendezvous with the run's seed.

package main

import (
	"errors"
	"fmt"
	"math/rand"
	"sync"
	"time"
)

// outcome is one request's result: a value, or the error it failed with.
type outcome struct {
	value string
	err   error
}

// httpGet is a simulated HTTP GET: 100..600 ms, and one request in four answers 503.
func httpGet(url string) (string, error) {
	time.Sleep(time.Duration(rand.Intn(6)+1) * 100 * time.Millisecond)
	if rand.Intn(4) == 0 {
		return "", errors.New("503 Service Unavailable")
	}
	return "200 OK", nil
}

func main() {
	urls := []string{"/users", "/orders", "/stock", "/prices"}
	outcomes := make([]outcome, len(urls))
	var wg sync.WaitGroup
	for i, url := range urls {
		wg.Add(1)
		go func(i int, url string) {
			defer wg.Done()
			value, err := httpGet(url)
			outcomes[i] = outcome{value, err}
		}(i, url)
	}
	wg.Wait()

	fulfilled, rejected := 0, 0
	for i, url := range urls {
		o := outcomes[i]
		if o.err == nil {
			fulfilled++
			fmt.Println(url + ": fulfilled: " + o.value)
		} else {
			rejected++
			fmt.Println(url + ": rejected: " + o.err.Error())
		}
	}
	fmt.Printf("allSettled: %d fulfilled, %d rejected\n", fulfilled, rejected)
}
