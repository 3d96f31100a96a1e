// Pointers to non-struct fields and elements: &s.n, &xs[i] of an []int, &arr[i], &p.n; each
// reads and writes the field or element itself, and one taken before a slice grows stays with
// the old array, as Go's does.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Stats struct {
	hits  int
	name  string
	ratio float64
	tags  []string
}

func bump(p *int) { *p++ }

func rename(p *string, to string) { *p = to }

func main() {
	var s Stats
	h := &s.hits
	*h = 3
	bump(&s.hits)
	rename(&s.name, "cache")
	r := &s.ratio
	*r += 0.5
	tp := &s.tags
	*tp = append(*tp, "hot")
	fmt.Printf("%+v %v %v\n", s, *h, h == &s.hits)

	ps := &s
	bump(&ps.hits)
	fmt.Println(s.hits)

	xs := []int{10, 20, 30}
	p := &xs[1]
	*p = 21
	bump(&xs[2])
	fmt.Println(xs, *p, p == &xs[1], p == &xs[2])
	grown := append(xs, 40) // a new array: p stays with the old one
	*p = 99
	fmt.Println(xs, grown)

	arr := [3]int{1, 2, 3}
	ap := &arr[0]
	*ap = 7
	fmt.Println(arr)

	grid := [][]int{{1, 2}, {3, 4}}
	cell := &grid[1][0]
	*cell *= 10
	fmt.Println(grid)

	// Counters per worker, each bumped by its own goroutine through a pointer.
	counts := make([]int64, 3)
	var wg sync.WaitGroup
	for i := range counts {
		wg.Add(1)
		go func(c *int64, n int) {
			defer wg.Done()
			for j := 0; j < n; j++ {
				atomic.AddInt64(c, 1)
			}
		}(&counts[i], i+1)
	}
	wg.Wait()
	var total int64
	for i := range counts {
		total += atomic.LoadInt64(&counts[i])
	}
	fmt.Println(counts, total)

	defer func() { fmt.Println("recovered:", recover()) }()
	i := 5
	_ = &xs[i]
}
