// A buffered channel: FIFO, len/cap, values drained after close.
package main

import "fmt"

func main() {
	ch := make(chan string, 3)
	ch <- "a"
	ch <- "b"
	fmt.Println(len(ch), cap(ch))
	close(ch)
	for v := range ch {
		fmt.Println("v", v)
	}
	v, ok := <-ch
	fmt.Println("zero", v == "", ok)
}
