// title: From the text: 非阻塞监听与超时控制
// chapter: 4.1
// concept: select on a channel and time.After: whichever is ready first wins, so a silent
//    channel costs at most the timeout.
// watch: Nobody sends on ch; main waits in select until time.After's channel fires at 2 s,
//    then prints the timeout.
// expect: never deadlocks
// seed: 4.1 "非阻塞监听与超时控制": the select as the text gives it, with the channel it names
//    made just before it.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan string)
	select {
	case data := <-ch:
		fmt.Println("正常接收:", data)
	case <-time.After(2 * time.Second):
		fmt.Println("超时:通道未在规定时间内响应")
	}
}
