// sync.NewCond of a Locker of the program: a semaphore made of a channel, and a struct that
// wraps a mutex and counts its locks. Wait calls their Unlock and Lock.
package main

import (
	"fmt"
	"sync"
)

type semaphore chan struct{}

func (s semaphore) Lock()   { s <- struct{}{} }
func (s semaphore) Unlock() { <-s }

type countingLock struct {
	mu    sync.Mutex
	locks int
}

func (c *countingLock) Lock() {
	c.mu.Lock()
	c.locks++
}

func (c *countingLock) Unlock() { c.mu.Unlock() }

func main() {
	sem := make(semaphore, 1)
	ready := sync.NewCond(sem)
	var items []string
	done := make(chan bool)
	go func() {
		ready.L.Lock()
		for len(items) == 0 {
			ready.Wait()
		}
		fmt.Println("took", items[0], len(sem))
		items = items[1:]
		ready.L.Unlock()
		done <- true
	}()
	sem.Lock()
	items = append(items, "job")
	ready.Signal()
	sem.Unlock()
	<-done
	fmt.Println("left", len(items), len(sem))

	cl := &countingLock{}
	turn := sync.NewCond(cl)
	next := 0
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			cl.Lock()
			for next != i {
				turn.Wait()
			}
			next++
			turn.Broadcast()
			cl.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println("next", next, cl.locks >= 3)
	fmt.Printf("%T %T\n", ready.L, turn.L)
}
