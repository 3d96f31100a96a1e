// Mirrors scenarios/4.2c-deadlock-lock-order.lua: may deadlock, rarely does on real hardware.
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
