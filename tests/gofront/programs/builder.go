package main

import (
	"fmt"
	"strings"
	"sync"
)

type report struct {
	mu  sync.Mutex
	out strings.Builder
}

func describe(b *strings.Builder, id int) {
	fmt.Fprintf(b, "worker %d done;", id)
}

func main() {
	var b strings.Builder
	fmt.Println(b.Len(), b.String() == "")
	b.WriteString("héllo")
	b.WriteByte(' ')
	n, err := b.WriteRune('世')
	fmt.Println(n, err, b.Len(), b.String())
	fmt.Fprintf(&b, " %d-%s", 42, "x")
	fmt.Fprint(&b, " end", 1)
	fmt.Fprintln(&b, "!")
	fmt.Printf("%q\n", b.String())
	b.Reset()
	b.Grow(10)
	fmt.Println(b.Len(), b.String())

	// Goroutines write their lines under a mutex; sorted lines are the same every run.
	var r report
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			r.mu.Lock()
			defer r.mu.Unlock()
			describe(&r.out, id)
		}(i)
	}
	wg.Wait()
	parts := strings.Split(strings.TrimSuffix(r.out.String(), ";"), ";")
	fmt.Println(len(parts), r.out.Len())
	p := &b
	p.WriteString("via pointer")
	describe(p, 9)
	fmt.Println(p.String(), b.Len())
}
