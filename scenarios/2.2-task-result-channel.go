// title: One task, one result channel
// chapter: 2.2
// concept: Give every task its own result channel (Task{Payload, Result}); the goroutine sends
//    once, then closes it.
// watch: Three Result channels, one per doTask goroutine; each gets one value, then is closed (the
//    second receive gives ok = false).
// expect: never deadlocks
//
// The seed's Task{Payload, Result}.

package main

import (
	"fmt"
	"time"
)

type Task struct {
	Payload string
	Result  chan string
}

func doTask(task Task) {
	time.Sleep(100 * time.Millisecond)
	task.Result <- "processed: " + task.Payload
	close(task.Result)
}

func main() {
	var tasks []Task
	for _, p := range []string{"invoice", "receipt", "report"} {
		t := Task{Payload: p, Result: make(chan string, 1)}
		tasks = append(tasks, t)
		go doTask(t)
	}
	for _, t := range tasks {
		fmt.Println(<-t.Result)
		_, ok := <-t.Result
		fmt.Printf("%s: channel closed, ok = %v\n", t.Payload, ok)
	}
}
