// Mirrors scenarios/2.1-unbuffered-rendezvous.lua.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		time.Sleep(2 * time.Second)
		ch <- 42 // blocks until main receives
	}()
	v := <-ch
	fmt.Println("result:", v)
}
