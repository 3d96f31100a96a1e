// A goroutine blocked forever on a send nobody receives when main returns: Go exits 0 and says
// nothing; goleak would report it. Rendezvous warns and its outcome is a leak.
package main

import (
	"fmt"
	"time"
)

func main() {
	replies := make(chan string)
	go func() {
		replies <- "late"
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main done")
}
