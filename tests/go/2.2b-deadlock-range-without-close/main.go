// Mirrors scenarios/2.2b-deadlock-range-without-close.lua.
package main

import "fmt"

func main() {
	numbers := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			numbers <- i
		}
		// missing close(numbers)
	}()
	for v := range numbers {
		fmt.Printf("got %d\n", v)
	}
	fmt.Println("all numbers read")
}
