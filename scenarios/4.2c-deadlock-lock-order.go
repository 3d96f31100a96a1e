// title: Deadlock gallery: lock-order inversion
// chapter: 4.2
// concept: Two goroutines take the same two mutexes in opposite orders; if each gets its first
//    lock, each waits forever for the other's.
// watch: Only some schedules deadlock: try seeds (or the explorer) until the first goroutine holds
//    accounts and waits on audit while the second holds audit and waits on accounts.
// expect: may deadlock
//
// It may deadlock; on real hardware it rarely does, which is why such bugs survive testing.

package main

import (
	"fmt"
	"sync"
)

func main() {
	var accounts, audit sync.Mutex
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		accounts.Lock()
		audit.Lock()
		fmt.Println("transfer: moved 10 and logged it")
		audit.Unlock()
		accounts.Unlock()
		wg.Done()
	}()
	go func() {
		audit.Lock()
		accounts.Lock()
		fmt.Println("report: totals checked against the log")
		accounts.Unlock()
		audit.Unlock()
		wg.Done()
	}()
	wg.Wait()
	fmt.Println("both finished")
}
