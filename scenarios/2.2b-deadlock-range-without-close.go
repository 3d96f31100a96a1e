// title: Deadlock gallery: range over a channel nobody closes
// chapter: 2.2
// concept: `for v := range numbers` ends only when numbers is closed; a producer that forgets
//    close() leaves the reader waiting forever.
// watch: main gets 1, 2, 3 and then stays blocked on numbers after the producer has returned.
// expect: deadlocks

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
