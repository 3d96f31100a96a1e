// Readers wait on a Cond over rw.RLocker() that nobody signals: Go's deadlock, every goroutine
// in [sync.Cond.Wait].
package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	c := sync.NewCond(rw.RLocker())
	go func() {
		rw.RLock()
		c.Wait()
	}()
	rw.RLock()
	fmt.Println("waiting")
	c.Wait()
}
