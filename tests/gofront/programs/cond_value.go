// A sync.Cond used as a value: `var c sync.Cond` with c.L set by hand, a sync.Cond field of a
// struct set up in its constructor, and c.L replaced between uses.
package main

import (
	"fmt"
	"sync"
)

type queue struct {
	mu       sync.Mutex
	nonEmpty sync.Cond
	items    []int
}

func newQueue() *queue {
	q := &queue{}
	q.nonEmpty.L = &q.mu
	return q
}

func (q *queue) put(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.nonEmpty.Signal()
	q.mu.Unlock()
}

func (q *queue) get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.nonEmpty.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func main() {
	var mu sync.Mutex
	var c sync.Cond
	c.L = &mu
	ready := false
	done := make(chan bool)
	go func() {
		c.L.Lock()
		for !ready {
			c.Wait()
		}
		c.L.Unlock()
		done <- true
	}()
	mu.Lock()
	ready = true
	c.Broadcast()
	mu.Unlock()
	<-done
	fmt.Println("ready", ready)

	q := newQueue()
	sum := make(chan int)
	for i := 0; i < 2; i++ {
		go func() { sum <- q.get() + q.get() }()
	}
	for v := 1; v <= 4; v++ {
		q.put(v)
	}
	fmt.Println("sum", <-sum+<-sum)

	// Another L for the same Cond: Wait unlocks and locks the new one.
	var other sync.Mutex
	c.L = &other
	ready = false
	go func() {
		other.Lock()
		ready = true
		c.Signal()
		other.Unlock()
	}()
	other.Lock()
	for !ready {
		c.Wait()
	}
	fmt.Println("other", ready, mu.TryLock())
	other.Unlock()
	p := &c
	p.Signal()
	fmt.Println(p.L == sync.Locker(&other))
}
