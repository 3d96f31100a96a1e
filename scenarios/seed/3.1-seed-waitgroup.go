// title: From the text: WaitGroup 数据同步机制
// chapter: 3.1
// concept: Add before go, Done when a goroutine ends, Wait until the counter is back to zero.
// watch: The WaitGroup's counter goes 1, 2, 3 as main adds, and back to 0 as the goroutines
//    finish; main waits at wg.Wait() until then. The program prints nothing: it ends when
//    every goroutine has ended.
// expect: never deadlocks
// seed: 3.1 "数据同步机制": the fragment, inside package main, import "sync" and func main.
package main

import "sync"

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			// 模拟任务
		}(i)
	}
	wg.Wait() // 等待所有任务完成
}
