// title: Async results that can fail: a Result {Data, Err}
// chapter: 1
// concept: Send data and error together in one value, a Result{ID, Data, Err}, so the receiver
//    always learns how a goroutine ended.
// watch: Each of the three goroutines sends one Result on results; beta's carries an Err instead
//    of Data, and main still gets it.
// expect: never deadlocks

package main

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

type Result struct {
	ID   int
	Data string
	Err  error
}

type job struct {
	id      int
	name    string
	latency time.Duration
	fails   bool
}

func main() {
	jobs := []job{
		{1, "alpha", 300 * time.Millisecond, false},
		{2, "beta", 100 * time.Millisecond, true},
		{3, "gamma", 200 * time.Millisecond, false},
	}
	results := make(chan Result)
	for _, j := range jobs {
		go func(j job) {
			time.Sleep(j.latency)
			if j.fails {
				results <- Result{ID: j.id, Err: errors.New(j.name + ": connection refused")}
				return
			}
			results <- Result{ID: j.id, Data: strings.ToUpper(j.name)}
		}(j)
	}
	byID := map[int]Result{}
	for range jobs {
		r := <-results
		byID[r.ID] = r
	}
	for _, j := range jobs {
		r := byID[j.id]
		if r.Err != nil {
			fmt.Println(j.name + ": error: " + r.Err.Error())
		} else {
			fmt.Println(j.name + ": " + r.Data)
		}
	}
}
