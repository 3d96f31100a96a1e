// sync.Cond: a bounded queue guarded by one mutex and two conditions kept in the struct
// (*sync.Cond fields): producers wait while it is full, consumers while it is empty, each Wait
// in a for loop as the sync package asks; Close broadcasts so every waiting consumer wakes and
// sees it closed. Then a start gate: runners wait (c.L.Lock, Wait) until main opens it with one
// Broadcast.
package main

import (
	"fmt"
	"sync"
)

type Queue struct {
	mu       sync.Mutex
	notEmpty *sync.Cond
	notFull  *sync.Cond
	items    []int
	size     int
	closed   bool
}

func NewQueue(n int) *Queue {
	q := &Queue{size: n}
	q.notEmpty = sync.NewCond(&q.mu)
	q.notFull = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Put(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == q.size {
		q.notFull.Wait()
	}
	q.items = append(q.items, v)
	q.notEmpty.Signal()
}

func (q *Queue) Get() (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.notEmpty.Wait()
	}
	if len(q.items) == 0 {
		return 0, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	q.notFull.Signal()
	return v, true
}

func (q *Queue) Close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.notEmpty.Broadcast()
}

func main() {
	q := NewQueue(2)
	var wg sync.WaitGroup
	sums := make([]int, 3)
	counts := make([]int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for {
				v, ok := q.Get()
				if !ok {
					return
				}
				sums[id] += v
				counts[id]++
			}
		}(i)
	}
	for i := 1; i <= 20; i++ {
		q.Put(i)
	}
	q.Close()
	wg.Wait()
	total, n := 0, 0
	for i := range sums {
		total += sums[i]
		n += counts[i]
	}
	fmt.Println("consumed", n, "items, total", total)

	var mu sync.Mutex
	gate := sync.NewCond(&mu)
	open := false
	var done sync.WaitGroup
	through := make(chan string, 3)
	for _, name := range []string{"a", "b", "c"} {
		done.Add(1)
		go func(name string) {
			defer done.Done()
			gate.L.Lock()
			for !open {
				gate.Wait()
			}
			gate.L.Unlock()
			through <- name
		}(name)
	}
	gate.Signal() // nobody need be waiting: a no-op then
	gate.L.Lock()
	open = true
	gate.L.Unlock()
	gate.Broadcast()
	done.Wait()
	close(through)
	count := 0
	for range through {
		count++
	}
	fmt.Println("through the gate:", count)
}
