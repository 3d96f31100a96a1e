// Two goroutines hand a counter back and forth over unbuffered channels.
package main

import "fmt"

func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	for i := 0; i < 3; i++ {
		ping <- i * 10
		fmt.Println("got", <-pong)
	}
	close(ping)
	v, ok := <-pong
	fmt.Println("after close:", v == 0, ok)
}
