// context.WithCancelCause and Cause (Go 1.20): ctx_cause.out is the output
// the context package's documentation gives, since the installed Go (1.19) cannot build it.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

var errShutdown = errors.New("shutting down")

func main() {
	bg := context.Background()
	fmt.Println(context.Cause(bg))

	// The cause reaches every descendant, through WithValue, and children born after it.
	ctx, cancel := context.WithCancelCause(bg)
	child, cancelChild := context.WithCancel(ctx)
	defer cancelChild()
	vctx := context.WithValue(child, "k", "v")
	fmt.Println(ctx.Err(), context.Cause(ctx), context.Cause(vctx))
	cancel(errShutdown)
	cancel(errors.New("second"))
	<-vctx.Done()
	fmt.Println(ctx.Err(), context.Cause(ctx))
	fmt.Println(child.Err(), context.Cause(child), context.Cause(vctx) == errShutdown)
	late, cancelLate := context.WithTimeout(child, time.Hour)
	defer cancelLate()
	fmt.Println(late.Err(), context.Cause(late))

	// No cause is Canceled; a deadline's is DeadlineExceeded; the first cancellation keeps its own.
	c2, cancel2 := context.WithCancelCause(bg)
	cancel2(nil)
	fmt.Println(context.Cause(c2), errors.Is(context.Cause(c2), context.Canceled))
	c3, cancel3 := context.WithCancelCause(bg)
	t3, cancelT3 := context.WithTimeout(c3, 10*time.Millisecond)
	<-t3.Done()
	cancel3(errShutdown)
	cancelT3()
	fmt.Println(context.Cause(t3), context.Cause(c3))
	p4, cancel4 := context.WithCancelCause(bg)
	k4, cancelK4 := context.WithCancelCause(p4)
	cancelK4(errors.New("child first"))
	cancel4(errShutdown)
	fmt.Println(context.Cause(k4), context.Cause(p4))
}
