package main

import (
	"errors"
	"fmt"
	"sync"
)

// A loop written with goto: counts and sums, the label before a declaration-free stretch.
func sumTo(n int) int {
	i, s := 0, 0
loop:
	if i < n {
		i++
		s += i
		goto loop
	}
	return s
}

var attempts int

func flaky() error {
	attempts++
	if attempts < 3 {
		return errors.New("busy")
	}
	return nil
}

// A retry loop: goto back to a label before a declaration (fresh each time round).
func retry() (int, error) {
	tries := 0
retry:
	err := flaky()
	tries++
	if err != nil {
		if tries < 5 {
			goto retry
		}
		return tries, err
	}
	return tries, nil
}

// A goto out of nested blocks (a switch in a for in an if), over statements whose lowering
// declares Lua temporaries, to a label at the end of the function.
func find(grid [][]int, want int) (r, c int) {
	r, c = -1, -1
	if len(grid) > 0 {
		for i, row := range grid {
			for j, v := range row {
				switch {
				case v == want:
					r, c = i, j
					goto found
				}
			}
		}
	}
	fmt.Println("not found:", want)
	r, c = c, r
	r, c = c, r
	return
found:
	fmt.Println("found", want, "at", r, c)
	return
}

// Jumping forward over statements that are not declarations (multi-assignment, a blank
// assignment, a switch, a select) inside one block.
func skip(x int) []int {
	var out []int
	ch := make(chan int, 1)
	if x > 0 {
		goto over
	}
	out, x = append(out, x), x+1
	_ = out // lowered as a Lua local: kept in its own block, or Lua would refuse the goto
	switch x {
	case 1:
		out = append(out, 100)
	}
	select {
	case ch <- x:
	default:
	}
over:
	out = append(out, x)
	return out
}

// Labels shared with break and continue, and a goto to a labelled loop.
func mixed() {
	n := 0
again:
	for i := 0; i < 5; i++ {
		if i == 1 {
			continue again
		}
		if i == 3 {
			break again
		}
		fmt.Println("mixed", n, i)
	}
	n++
	if n < 2 {
		goto again
	}
}

func main() {
	fmt.Println(sumTo(10))
	fmt.Println(retry())
	fmt.Println(find([][]int{{1, 2}, {3, 4}}, 4))
	fmt.Println(find([][]int{{1, 2}}, 9))
	fmt.Println(skip(1), skip(0))
	mixed()

	// goto inside a goroutine: each counts down with a goto loop.
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for g := 1; g <= 3; g++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
		top:
			if k > 0 {
				mu.Lock()
				total += k
				mu.Unlock()
				k--
				goto top
			}
		}(g)
	}
	wg.Wait()
	fmt.Println("total", total)

	// A closure capturing a variable declared after a label, fresh each time round.
	var fs []func() int
	i := 0
next:
	v := i * i
	fs = append(fs, func() int { return v })
	i++
	if i < 3 {
		goto next
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
