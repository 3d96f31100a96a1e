// Mirrors scenarios/1.1-async-result.lua (the seed's first example).
package main

import (
	"fmt"
	"time"
)

func asyncTask(ch chan int) {
	time.Sleep(2 * time.Second) // simulated slow work
	ch <- 42
}

func main() {
	resultCh := make(chan int)
	go asyncTask(resultCh)
	result := <-resultCh
	fmt.Println("async task result:", result)
}
