// A select case with an empty body, and default.
package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	ch <- 5
	select {
	case <-ch:
	default:
		fmt.Println("default")
	}
	fmt.Println(len(ch))
	select {
	case <-ch:
	default:
		fmt.Println("default")
	}
}
