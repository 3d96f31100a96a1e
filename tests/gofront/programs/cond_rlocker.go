// A reader-writer condition: readers wait under the read lock (sync.NewCond(rw.RLocker())),
// writers under the write lock (sync.NewCond(&rw)); c.L is the Locker each was made with.
package main

import (
	"fmt"
	"sync"
)

type table struct {
	rw      sync.RWMutex
	loaded  *sync.Cond // readers: L is rw.RLocker()
	changed *sync.Cond // writers: L is &rw
	version int
}

func newTable() *table {
	t := &table{}
	t.loaded = sync.NewCond(t.rw.RLocker())
	t.changed = sync.NewCond(&t.rw)
	return t
}

func main() {
	t := newTable()
	var wg sync.WaitGroup
	seen := make([]int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			t.loaded.L.Lock() // RLock
			for t.version == 0 {
				t.loaded.Wait()
			}
			seen[i] = t.version
			t.loaded.L.Unlock() // RUnlock
		}(i)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		t.rw.Lock()
		for t.version < 1 {
			t.changed.Wait()
		}
		t.version = 2
		t.rw.Unlock()
		t.loaded.Broadcast()
	}()
	t.rw.Lock()
	t.version = 1
	t.rw.Unlock()
	t.changed.Signal()
	t.loaded.Broadcast()
	wg.Wait()
	fmt.Println(seen[0] >= 1, seen[1] >= 1, seen[2] >= 1, t.version)
	fmt.Println(t.rw.TryLock(), t.loaded.L == t.rw.RLocker())
	t.rw.Unlock()
	fmt.Printf("%T %T\n", t.loaded.L, t.changed.L)
}
