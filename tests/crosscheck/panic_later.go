// A goroutine that would panic later, but main returns first: Go ends the program, the panic
// never happens and the exit status is 0. (Rendezvous: a leak when it was asleep at the end.)
package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		time.Sleep(10 * time.Millisecond)
		panic("too late")
	}()
	fmt.Println("main done")
}
