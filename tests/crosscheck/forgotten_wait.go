// The seed's WaitGroup chapter (3.1) with wg.Wait() forgotten: main does not wait, the program
// ends when main returns, and the tasks' lines mostly never appear.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			fmt.Println("task", id, "done")
		}(i)
	}
	// BUG: wg.Wait() forgotten
	fmt.Println("main done")
}
