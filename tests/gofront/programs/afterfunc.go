// context.AfterFunc (Go 1.21): afterfunc.out is checked by hand against the context package's
// documentation, since the installed Go (1.19) cannot build it. f runs in a goroutine of its own
// once the context is done; no goroutine exists before.
package main

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"
)

func main() {
	fmt.Println("goroutines at start:", runtime.NumGoroutine())

	// cancel runs f, in a goroutine of its own that sees the context done.
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan string)
	stop := context.AfterFunc(ctx, func() {
		done <- "f ran: " + ctx.Err().Error()
	})
	fmt.Println("goroutines after AfterFunc:", runtime.NumGoroutine())
	cancel()
	fmt.Println(<-done)
	fmt.Println("stop after f started:", stop())

	// stop before cancel: true, and f never runs; stop again: false.
	ctx2, cancel2 := context.WithCancel(context.Background())
	ran := false
	stop2 := context.AfterFunc(ctx2, func() { ran = true })
	fmt.Println("stop before cancel:", stop2())
	fmt.Println("stop again:", stop2())
	cancel2()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("f ran after stop:", ran)

	// A context cancelled already runs f at once.
	var wg sync.WaitGroup
	wg.Add(1)
	context.AfterFunc(ctx, func() {
		fmt.Println("already cancelled: f runs at once")
		wg.Done()
	})
	wg.Wait()

	// Registrations are independent; a deadline starts them, a child's through the cascade.
	tctx, tcancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer tcancel()
	child, ccancel := context.WithCancel(tctx)
	defer ccancel()
	results := make(chan string, 2)
	context.AfterFunc(tctx, func() { results <- "parent's f: " + tctx.Err().Error() })
	context.AfterFunc(child, func() { results <- "child's f: " + child.Err().Error() })
	a, b := <-results, <-results
	if a > b {
		a, b = b, a
	}
	fmt.Println(a)
	fmt.Println(b)

	// A context never done has no goroutine waiting for it, stopped or not.
	never, neverCancel := context.WithCancel(context.Background())
	stopNever := context.AfterFunc(never, func() { fmt.Println("never printed") })
	forgotten, _ := context.WithCancel(context.Background())
	context.AfterFunc(forgotten, func() { fmt.Println("never printed either") })
	time.Sleep(10 * time.Millisecond)
	fmt.Println("goroutines before the end:", runtime.NumGoroutine())
	stopped := stopNever()
	fmt.Println("stopped:", stopped)
	stopNever()
	neverCancel()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("goroutines at the end:", runtime.NumGoroutine())
}
