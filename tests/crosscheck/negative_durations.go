// Negative durations: Sleep returns at once, After fires at once, a context whose timeout is
// negative is already past its deadline, NewTicker panics.
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	t0 := time.Now()
	time.Sleep(-5 * time.Millisecond)
	<-time.After(-time.Second)
	fmt.Println("returned at once:", time.Since(t0) < 50*time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), -time.Millisecond)
	fmt.Println(ctx.Err())
	<-ctx.Done()
	cancel()
	func() {
		defer func() { fmt.Println(recover()) }()
		time.NewTicker(-time.Millisecond)
	}()
}
