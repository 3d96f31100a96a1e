// Mirrors scenarios/2.1c-deadlock-all-asleep.lua: Go reports the deadlock and exits 2.
package main

import "fmt"

func main() {
	jobs := make(chan int)
	results := make(chan int)
	go func() {
		n := <-jobs
		results <- n * n
	}()
	v := <-results // main forgot jobs <- 7
	fmt.Println("square:", v)
}
