// title: From the text: 使用信号量实现并发限流
// chapter: 4.3
// concept: A buffered channel of capacity 3 is a semaphore: at most three tasks hold a slot;
//    each writes its result at its own index, so the results come out in order.
// watch: Ten goroutines start; three get into sem, the others wait at sem <- struct{}{} until
//    one leaves; main prints the results in task order after wg.Wait().
// expect: never deadlocks
// seed: 4.3 "使用信号量实现并发限流": the fragment, with the results slice and the processTask
//    it names (100 ms of work each), then wg.Wait() and the results printed in order.
package main

import (
	"fmt"
	"sync"
	"time"
)

func processTask(id int) string {
	time.Sleep(100 * time.Millisecond)
	return fmt.Sprintf("任务 %d 的结果", id)
}

func main() {
	results := make([]string, 10)
	sem := make(chan struct{}, 3) // 最多允许3个任务并发
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			sem <- struct{}{} // 获取信号量
			defer func() { <-sem }() // 释放信号量
			result := processTask(id)
			results[id] = result // 按ID索引存储结果
		}(i)
	}
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}
}
