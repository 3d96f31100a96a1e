// A goroutine's panic ends the program after its deferred calls ran; the traceback names its
// frames and the function whose go statement started it (created by).
package main

import "fmt"

func worker(id int, xs []int) {
	defer fmt.Println("worker", id, "ends")
	fmt.Println("worker", id, "starts")
	fmt.Println(xs[id])
}

func main() {
	xs := []int{1, 2}
	done := make(chan bool)
	go func() {
		worker(5, xs)
		done <- true
	}()
	<-done
}
