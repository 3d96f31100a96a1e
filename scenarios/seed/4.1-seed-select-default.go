// title: From the text: select 基本语法与行为
// chapter: 4.1
// concept: With a default case, select never blocks: when no channel is ready, default runs.
// watch: Nobody sends on ch1 or ch2, so neither case can proceed and main takes default at once.
// expect: never deadlocks
// seed: 4.1 "基本语法与行为": the select as the text gives it, with the two channels it names
//    made just before it.
package main

import "fmt"

func main() {
	ch1 := make(chan string)
	ch2 := make(chan string)
	select {
	case msg1 := <-ch1:
		fmt.Println("收到通道1消息:", msg1)
	case msg2 := <-ch2:
		fmt.Println("收到通道2消息:", msg2)
	default:
		fmt.Println("无就绪通道,执行默认操作")
	}
}
