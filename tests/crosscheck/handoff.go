// An unbuffered hand-off, then both sides print: either line may come first (the woken
// receiver often prints before the sender with two CPUs). Output is a scheduling point.
package main

import "fmt"

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		v := <-ch
		fmt.Println("received", v)
		done <- true
	}()
	ch <- 1
	fmt.Println("sent")
	<-done
}
