// title: From the text: 使用 channel 获取返回值
// chapter: 1
// concept: A goroutine computes the result and sends it on a channel; main blocks at the
//    receive until the value arrives.
// watch: asyncTask sleeps 2 s while main waits at <-resultCh; the send and the receive meet
//    on resultCh, and main prints 42.
// expect: never deadlocks
// seed: 第一章 "使用 channel 获取返回值": the complete program, as the text gives it.
package main

import (
	"fmt"
	"time"
)
func asyncTask(ch chan int) {
	time.Sleep(2 * time.Second) // 模拟耗时操作
	ch <- 42 // 将结果写入 channel
}
func main() {
	resultCh := make(chan int)
	go asyncTask(resultCh) // 启动异步任务
	result := <-resultCh // 阻塞等待结果
	fmt.Println("异步任务结果:", result)
}
