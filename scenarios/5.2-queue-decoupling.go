// title: Decoupling through a queue
// chapter: 5
// concept: The checkout puts an order on a buffered queue and answers the customer at once; a
//    slower logistics goroutine drains the queue at its own pace.
// watch: queue's buffer fills while checkout (main) accepts an order every 100 ms and logistics
//    ships one every 270 ms; checkout never blocks.
// expect: never deadlocks

package main

import (
	"fmt"
	"time"
)

func main() {
	queue := make(chan int, 4)
	drained := make(chan struct{})
	go func() {
		for order := range queue {
			time.Sleep(270 * time.Millisecond)
			fmt.Printf("logistics: shipped order %d\n", order)
		}
		close(drained)
	}()
	for order := 1; order <= 6; order++ {
		queue <- order
		fmt.Printf("checkout: order %d accepted\n", order)
		time.Sleep(100 * time.Millisecond)
	}
	close(queue)
	fmt.Println("checkout: closed for the day")
	<-drained
	fmt.Println("logistics: queue drained")
}
