// Two producers, one channel: the interleaving is the scheduler's choice.
package main

import (
	"fmt"
	"sync"
)

func main() {
	out := make(chan string)
	var wg sync.WaitGroup
	for _, name := range []string{"a", "b"} {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			for i := 1; i <= 2; i++ {
				out <- fmt.Sprint(name, i)
			}
		}(name)
	}
	go func() { wg.Wait(); close(out) }()
	for v := range out {
		fmt.Println(v)
	}
}
