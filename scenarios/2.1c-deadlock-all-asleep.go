// title: Deadlock gallery: everybody waits for somebody
// chapter: 2.1
// concept: If every goroutine is blocked and no timer is pending, nothing can ever wake them: Go
//    stops the program with "all goroutines are asleep - deadlock!".
// watch: The goroutine waits on jobs, main waits on results: both lanes blocked, then the deadlock
//    report.
// expect: deadlocks
//
// Go reports the deadlock and exits with status 2.

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
