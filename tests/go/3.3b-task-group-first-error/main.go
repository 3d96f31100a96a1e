// Mirrors scenarios/3.3b-task-group-first-error.lua. errgroup lives in golang.org/x/sync, which
// this offline test cannot fetch, so its WithContext/Go/Wait are written out here (they are
// this small: a WaitGroup, a cancel func and the first error kept once).
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type group struct {
	wg      sync.WaitGroup
	cancel  context.CancelFunc
	errOnce sync.Once
	err     error
}

func withContext(parent context.Context) (*group, context.Context) {
	ctx, cancel := context.WithCancel(parent)
	return &group{cancel: cancel}, ctx
}

func (g *group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.errOnce.Do(func() { g.err = err; g.cancel() })
		}
	}()
}

func (g *group) Wait() error {
	g.wg.Wait()
	g.cancel()
	return g.err
}

func job(ctx context.Context, name string, d time.Duration, failure error) func() error {
	return func() error {
		select {
		case <-time.After(d):
			if failure != nil {
				fmt.Println(name + ": failed")
				return failure
			}
			fmt.Println(name + ": done")
			return nil
		case <-ctx.Done():
			fmt.Println(name + ": stopped (" + ctx.Err().Error() + ")")
			return nil
		}
	}
}

func main() {
	g, ctx := withContext(context.Background())
	g.Go(job(ctx, "upload", 3*time.Second, nil))
	g.Go(job(ctx, "resize", 1*time.Second, errors.New("resize: image too large")))
	g.Go(job(ctx, "thumbnail", 2*time.Second, nil))
	err := g.Wait()
	fmt.Printf("group: %v\n", err)
}
