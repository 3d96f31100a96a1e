// Unlocking an unlocked mutex is a fatal error in Go, not a panic: recover cannot stop it, the
// deferred calls do not run, and the report names the goroutine's frames as a panic's does.
package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *Counter) Reset() {
	c.n = 0
	c.mu.Unlock() // the mistake: Reset never locked
}

func main() {
	defer func() { fmt.Println("recovered:", recover()) }()
	c := &Counter{}
	c.Inc()
	fmt.Println(c.n)
	c.Reset()
}
