// Mirrors scenarios/1.2-result-with-error.lua: a Result{Data, Err} per task.
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
