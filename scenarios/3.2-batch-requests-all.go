// title: Batch requests, Promise.all style: the first failure fails all
// chapter: 3.2
// concept: Fire all requests at once, one goroutine each, under one context for the batch; on the
//    first error call cancel() and fail the whole batch, like Promise.all.
// watch: Latencies and failures come from math/rand (change the seed). On a failure main calls
//    cancel(): the main.main.func1 goroutines still in flight wake at <-ctx.Done() and stop early,
//    and wg.Wait() waits until every one has really stopped.
// expect: never deadlocks
//
// math/rand's draws: real Go 1.19 seeds it with 1 at every run, Rendezvous with the run's seed.

package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"sync"
	"time"
)

type result struct {
	i    int
	body string
	err  error
}

// httpGet is a simulated HTTP GET: 100..600 ms, and one request in four answers 503.
func httpGet(ctx context.Context, url string) (string, error) {
	latency := time.Duration(rand.Intn(6)+1) * 100 * time.Millisecond
	fails := rand.Intn(4) == 0
	select {
	case <-time.After(latency):
	case <-ctx.Done():
		return "", ctx.Err() // the batch was cancelled
	}
	if fails {
		return "", errors.New(url + ": 503 Service Unavailable")
	}
	return url + ": 200 OK", nil
}

func main() {
	urls := []string{"/users", "/orders", "/stock", "/prices"}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Room for every result: nobody blocks on a send after main stops reading.
	results := make(chan result, len(urls))
	var wg sync.WaitGroup
	for i, url := range urls {
		wg.Add(1)
		go func(i int, url string) {
			defer wg.Done()
			body, err := httpGet(ctx, url)
			results <- result{i, body, err}
		}(i, url)
	}

	bodies := make([]string, len(urls))
	var failure error
	for range urls {
		r := <-results
		if r.err != nil {
			failure = r.err
			cancel() // first failure: stop everybody else
			break
		}
		bodies[r.i] = r.body
	}

	wg.Wait() // wait until every request has really stopped
	if failure != nil {
		fmt.Println("all: rejected: " + failure.Error())
		return
	}
	for _, body := range bodies {
		fmt.Println(body)
	}
	fmt.Println("all: fulfilled")
}
