// title: From the text: 双向通道反馈
// chapter: 2.4
// concept: One unbuffered channel carries the task downstream and the feedback back up: a
//    goroutine cannot receive its own send, so the two directions never mix.
// watch: The goroutine sends "task1", then waits at reply := <-ch until main sends the
//    feedback back on the same channel.
// expect: never deadlocks
// seed: 2.4 "数据同步机制": the fragment, with a main that plays the downstream stage
//    (receives the task, sends the feedback) and then sleeps 100 ms so the goroutine can print
//    before main returns.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan string)
	go func() {
		ch <- "task1"
		reply := <-ch // 接收下游反馈
		fmt.Println("反馈:", reply)
	}()
	task := <-ch
	ch <- task + " done"
	time.Sleep(100 * time.Millisecond)
}
