// select with default never blocks; a nil channel's case is never ready.
package main

import "fmt"

func main() {
	var nilch chan int
	ready := make(chan int, 1)
	for i := 0; i < 2; i++ {
		select {
		case v := <-ready:
			fmt.Println("got", v)
		case <-nilch:
			fmt.Println("impossible")
		default:
			fmt.Println("nothing ready")
			ready <- 7
		}
	}
}
