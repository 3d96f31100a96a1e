// Mirrors scenarios/5.2-queue-decoupling.lua.
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
