// title: From the text: 可取消的任务组
// chapter: 3.3
// concept: One context cancels a whole group: each task selects on its work and ctx.Done(),
//    and the WaitGroup waits for all of them to leave.
// watch: Three tasks wait in select; at 2 s main calls cancel(), every ctx.Done() fires before
//    the 5 s timers, and wg.Wait() returns once the three have printed.
// expect: never deadlocks
// seed: 3.3 "取消信号的传播机制": the program's body as the text gives it, inside package main,
//    its imports and func main.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			select {
			case <-time.After(5 * time.Second):
				fmt.Printf("任务 %d 完成\n", id)
			case <-ctx.Done(): // 监听取消信号
				fmt.Printf("任务 %d 被取消\n", id)
				return
			}
		}(i)
	}
	time.Sleep(2 * time.Second)
	cancel() // 触发全局取消
	wg.Wait()
}
