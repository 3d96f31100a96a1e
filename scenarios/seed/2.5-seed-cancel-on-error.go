// title: From the text: 错误传播与上下文取消
// chapter: 2.5
// concept: The goroutine that fails calls cancel(): every task watching ctx.Done() learns of
//    it at once (here main).
// watch: doWork fails after 50 ms; the goroutine logs it and cancels; main, blocked at
//    <-ctx.Done(), wakes and prints ctx.Err().
// expect: never deadlocks
// seed: 2.5 "错误传播与上下文取消": the fragment, with the doWork it names (it works 50 ms, then
//    fails) and a main that waits for the cancellation.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"
)

func doWork(ctx context.Context) error {
	time.Sleep(50 * time.Millisecond)
	return errors.New("disk full")
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		if err := doWork(ctx); err != nil {
			log.Printf("work failed: %v", err)
			cancel() // 触发级联取消
		}
	}()
	<-ctx.Done()
	fmt.Println("main:", ctx.Err())
}
