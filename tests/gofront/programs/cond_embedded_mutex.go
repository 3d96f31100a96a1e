// sync.NewCond of a struct that embeds a sync.Mutex: its promoted Lock and Unlock are the
// Locker's; a *sync.Mutex held in a sync.Locker variable is locked through it.
package main

import (
	"fmt"
	"sync"
)

type guarded struct {
	sync.Mutex
	n int
}

func main() {
	g := &guarded{}
	c := sync.NewCond(g)
	var l sync.Locker = &g.Mutex
	done := make(chan bool)
	go func() {
		g.Lock()
		for g.n == 0 {
			c.Wait()
		}
		g.Unlock()
		done <- true
	}()
	l.Lock()
	g.n = 1
	c.Signal()
	l.Unlock()
	<-done
	fmt.Printf("%d %T %T\n", g.n, c.L, l)
}
