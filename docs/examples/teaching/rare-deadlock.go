// title: A rare deadlock: a lock-order inversion in a narrow window
// chapter: teaching
// concept: Two goroutines take the same two mutexes in opposite orders; it only deadlocks when
//    both are between their two Lock calls at the same moment.
// watch: Most schedules finish: transfer and report rarely hold their first lock at the same time.
// expect: may deadlock

package main

import (
	"fmt"
	"sync"
)

var (
	accounts, audit sync.Mutex
	logs            = make(chan string, 100) // room for every line: a send here never blocks
	wg              sync.WaitGroup
)

// Other work: each send is a point where goroutines may switch.
func work(who string, steps int) {
	for i := 1; i <= steps; i++ {
		logs <- fmt.Sprint(who, " ", i)
	}
}

func transfer() {
	defer wg.Done()
	work("transfer", 20)
	accounts.Lock() // accounts, then audit
	audit.Lock()
	audit.Unlock()
	accounts.Unlock()
	work("transfer", 20)
}

func report() {
	defer wg.Done()
	work("report", 10)
	audit.Lock() // BUG: audit, then accounts
	accounts.Lock()
	accounts.Unlock()
	audit.Unlock()
	work("report", 30)
}

func main() {
	wg.Add(2)
	go transfer()
	go report()
	wg.Wait()
	fmt.Println("both finished")
}
