// title: Gateway fan-out with per-call timeouts
// chapter: 5
// concept: A gateway calls its services in parallel, each under its own timeout derived from the
//    request's context; a slow service gets a fallback instead of stalling the page.
// watch: At 300 ms the recommendations call's ctx expires: that goroutine stops waiting and the
//    page gets a fallback; users and orders answered in time.
// expect: never deadlocks

package main

import (
	"context"
	"fmt"
	"time"
)

type service struct {
	name     string
	latency  time.Duration
	fallback string
}

func call(request context.Context, svc service) string {
	ctx, cancel := context.WithTimeout(request, 300*time.Millisecond)
	defer cancel()
	select {
	case <-time.After(svc.latency):
		return svc.name + " data"
	case <-ctx.Done():
		return svc.fallback + " (fallback: " + ctx.Err().Error() + ")"
	}
}

func main() {
	services := []service{
		{"users", 100 * time.Millisecond, "guest"},
		{"orders", 200 * time.Millisecond, "no orders"},
		{"recommendations", 900 * time.Millisecond, "top sellers"},
	}
	request, cancelRequest := context.WithTimeout(context.Background(), time.Second)
	type reply struct {
		i    int
		text string
	}
	replies := make(chan reply, len(services))
	for i, svc := range services {
		go func(i int, svc service) { replies <- reply{i, call(request, svc)} }(i, svc)
	}
	page := make([]string, len(services))
	for range services {
		r := <-replies
		page[r.i] = r.text
	}
	cancelRequest()
	for i, svc := range services {
		fmt.Println(svc.name + ": " + page[i])
	}
}
