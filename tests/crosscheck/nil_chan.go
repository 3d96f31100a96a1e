// Send and receive on a nil channel block forever; alone, a deadlock that names the nil channel
// in Go's words: [chan send (nil chan)], [chan receive (nil chan)].
package main

import "fmt"

func main() {
	var ch chan int
	go func() { ch <- 1 }()
	fmt.Println("before")
	<-ch
}
