package main

import (
	"fmt"
	"math/rand"
	"sort"
	"time"
)

func main() {
	// A timer stopped before it fires never sends.
	t := time.NewTimer(50 * time.Millisecond)
	fmt.Println("stopped:", t.Stop())
	fmt.Println("stopped again:", t.Stop())
	select {
	case <-t.C:
		fmt.Println("fired after stop")
	case <-time.After(100 * time.Millisecond):
		fmt.Println("no fire after stop")
	}
	// Reset re-arms it.
	fmt.Println("reset pending:", t.Reset(10*time.Millisecond))
	<-t.C
	fmt.Println("fired after reset")
	fmt.Println("stop after fire:", t.Stop())

	// A timer that wins a race against a slower worker.
	done := make(chan string)
	go func() {
		time.Sleep(30 * time.Millisecond)
		done <- "work"
	}()
	deadline := time.NewTimer(20 * time.Millisecond)
	select {
	case w := <-done:
		fmt.Println("got", w)
	case <-deadline.C:
		fmt.Println("deadline first")
	}
	<-done

	// A ticker ticks until stopped.
	tk := time.NewTicker(10 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 3 {
			tk.Stop()
			break
		}
	}
	fmt.Println("ticks:", n)

	// math/rand: values inside their ranges, Perm a permutation.
	ok := true
	for i := 0; i < 100; i++ {
		v := rand.Intn(10)
		if v < 0 || v >= 10 {
			ok = false
		}
		f := rand.Float64()
		if f < 0 || f >= 1 {
			ok = false
		}
	}
	p := rand.Perm(6)
	sort.Ints(p)
	fmt.Println("in range:", ok, "perm:", p)
	s := []int{1, 2, 3, 4, 5}
	rand.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	sort.Ints(s)
	fmt.Println("shuffled:", s)
}
