// title: From the text: 封装模式设计
// chapter: 2.2
// concept: Each task carries its own result channel: the task writes its one result, then
//    closes the channel, so the receiver never waits for a second value.
// watch: doTask sends on task.Result and closes it; main's range receives the value, then sees
//    the close and ends.
// expect: never deadlocks
// seed: 2.2 "封装模式设计": Task and doTask as the text gives them, with a main that makes
//    one Task, runs doTask in a goroutine and ranges over its Result channel.
package main

import "fmt"

type Task struct {
	Payload string
	Result chan string
}

func doTask(task Task) {
	// 处理逻辑完成后写入专属通道
	task.Result <- "processed: " + task.Payload
	close(task.Result)
}

func main() {
	task := Task{Payload: "order-1", Result: make(chan string)}
	go doTask(task)
	for r := range task.Result {
		fmt.Println(r)
	}
}
