// title: A task group: the first error cancels the rest
// chapter: 3.3
// concept: A group in the manner of errgroup: every task gets the group's context; the first task
//    to return an error cancels it, and Wait returns that error.
// watch: At 1 s resize fails: the group's context is cancelled and upload and thumbnail, waiting
//    in select, wake up at once and stop.
// expect: never deadlocks
//
// The group is written out (a WaitGroup, a cancel func and the first error kept once) so that the
// program builds without golang.org/x/sync; Rendezvous runs errgroup itself too (docs/go.md).

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
