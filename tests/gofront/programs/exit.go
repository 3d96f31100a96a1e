// os.Exit ends the program at once from any goroutine: deferred calls do not run (the worker's
// nor main's), the goroutine blocked on done is not a leak, and the exit status is the code.
package main

import (
	"fmt"
	"os"
)

func worker(done chan bool) {
	defer fmt.Println("worker: deferred (never printed)")
	fmt.Print("worker: giving up ")
	fmt.Println("with status 3")
	fmt.Fprintln(os.Stderr, "fatal: cannot go on")
	os.Exit(3)
	done <- true
}

func main() {
	defer fmt.Println("main: deferred (never printed)")
	done := make(chan bool)
	go worker(done)
	<-done
	fmt.Println("main: not reached")
}
