// Mirrors scenarios/3.1-waitgroup-batch.lua.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	inputs := []int{3, 1, 4, 2}
	squares := make([]int, len(inputs))
	var wg sync.WaitGroup
	for i, n := range inputs {
		wg.Add(1)
		go func(i, n int) {
			defer wg.Done()
			time.Sleep(time.Duration(n) * 100 * time.Millisecond)
			squares[i] = n * n
		}(i, n)
	}
	wg.Wait()
	for i, n := range inputs {
		fmt.Printf("%d squared is %d\n", n, squares[i])
	}
}
