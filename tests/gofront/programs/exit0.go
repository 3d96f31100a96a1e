// os.Exit(0) ends the program with status 0 even while another goroutine is blocked (no leak
// is reported) and without running main's deferred call; a partial line is still written.
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred (never printed)")
	block := make(chan int)
	go func() {
		<-block
	}()
	for i := 0; i < 3; i++ {
		fmt.Println("line", i)
	}
	fmt.Print("no newline")
	os.Exit(0)
}
