// context.WithValue and Value through derived contexts, WithDeadline, time.Time.Add.
package main

import (
	"context"
	"fmt"
	"time"
)

type ctxKey string

type user struct{ name string }

func handle(ctx context.Context, id int, out chan<- string) {
	u, _ := ctx.Value(ctxKey("user")).(*user)
	rid := ctx.Value(ctxKey("request"))
	select {
	case <-time.After(time.Duration(id) * 100 * time.Millisecond):
		out <- fmt.Sprintf("%d done for %s (request %v)", id, u.name, rid)
	case <-ctx.Done():
		out <- fmt.Sprintf("%d stopped: %v (request %v)", id, ctx.Err(), rid)
	}
}

func main() {
	base := context.WithValue(context.Background(), ctxKey("user"), &user{"ana"})
	ctx := context.WithValue(base, ctxKey("request"), 42)
	start := time.Now()
	ctx, cancel := context.WithDeadline(ctx, start.Add(250*time.Millisecond))
	defer cancel()
	out := make(chan string)
	for i := 1; i <= 4; i++ {
		go handle(ctx, i, out)
	}
	res := map[string]bool{}
	for i := 0; i < 4; i++ {
		res[<-out] = true
	}
	fmt.Println(len(res), res)
	fmt.Println(ctx.Value(ctxKey("missing")) == nil, ctx.Value("user") == nil, base.Value(ctxKey("request")))
	c2, cancel2 := context.WithCancel(ctx)
	cancel2()
	fmt.Println(c2.Err(), c2.Value(ctxKey("request")), ctx.Err())
}
