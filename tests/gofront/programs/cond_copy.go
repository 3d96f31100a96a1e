// Copying a sync.Cond (go vet: "copies lock value"): a copy made before the Cond is used is a
// Cond of its own with the same L; a copy of one already used panics "sync.Cond is copied" at
// its first use, as Go's copy check does.
package main

import (
	"fmt"
	"sync"
)

type box struct {
	c sync.Cond
}

func main() {
	var mu sync.Mutex
	var c sync.Cond
	c.L = &mu
	early := c
	early.Signal()
	p := sync.NewCond(&mu)
	q := *p
	q.Broadcast()
	c.Signal()
	b := box{}
	b.c.L = &mu
	b.c.Signal()
	for _, f := range []func(){
		func() { late := c; late.Signal() },
		func() { b2 := b; b2.c.Broadcast() },
	} {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			f()
		}()
	}
	fmt.Println(early.L == c.L, q.L == p.L)
	late := c
	late.Wait()
}
