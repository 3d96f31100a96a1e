// golang.org/x/sync/errgroup: WithContext cancels on the first error, SetLimit, TryGo (Debian's golang-golang-x-sync-dev for the Go side).
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

var errBad = errors.New("fetch c: bad gateway")

func fetch(ctx context.Context, name string, d time.Duration, fail bool) error {
	select {
	case <-time.After(d):
		if fail {
			return errBad
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	// WithContext: the first error cancels the others; Wait returns it.
	g, ctx := errgroup.WithContext(context.Background())
	var mu sync.Mutex
	var done []string
	for _, job := range []struct {
		name string
		d    time.Duration
		fail bool
	}{{"a", 10 * time.Millisecond, false}, {"b", 300 * time.Millisecond, false}, {"c", 50 * time.Millisecond, true}} {
		job := job
		g.Go(func() error {
			err := fetch(ctx, job.name, job.d, job.fail)
			mu.Lock()
			done = append(done, fmt.Sprintf("%s:%v", job.name, err))
			mu.Unlock()
			return err
		})
	}
	err := g.Wait()
	fmt.Println("wait:", err, errors.Is(err, errBad), ctx.Err())
	fmt.Println(len(done))

	// SetLimit: at most two at a time; TryGo refuses a third.
	var lg errgroup.Group
	lg.SetLimit(2)
	var active, most int
	for i := 0; i < 6; i++ {
		lg.Go(func() error {
			mu.Lock()
			active++
			if active > most {
				most = active
			}
			mu.Unlock()
			time.Sleep(10 * time.Millisecond)
			mu.Lock()
			active--
			mu.Unlock()
			return nil
		})
	}
	block := make(chan struct{})
	fmt.Println(lg.TryGo(func() error { <-block; return nil }))
	fmt.Println(lg.TryGo(func() error { <-block; return nil }))
	fmt.Println(lg.TryGo(func() error { return nil }))
	close(block)
	fmt.Println("wait:", lg.Wait(), "most at once:", most)
	fmt.Println(lg.TryGo(func() error { return errBad }))
	fmt.Println("wait:", lg.Wait())
}
