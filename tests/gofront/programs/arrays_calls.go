// Arrays handed over at a point in time: a deferred call's and a goroutine's argument is a copy
// taken at the defer/go statement; a closure shares the variable; switch on an array; range
// over a slice of structs with array fields copies each; a missing map entry's array is zero.
package main

import (
	"fmt"
	"sync"
)

func show(tag string, a [3]int) { fmt.Println(tag, a) }

type S struct{ v [2]int }

func main() {
	a := [3]int{1, 2, 3}
	defer show("deferred", a)
	var wg sync.WaitGroup
	wg.Add(1)
	ch := make(chan struct{})
	go func(b [3]int) {
		<-ch
		show("go", b)
		wg.Done()
	}(a)
	a[0] = 10
	close(ch)
	wg.Wait()
	f := func() { a[1] = 20 }
	f()
	fmt.Println(a)
	switch a {
	case [3]int{10, 20, 3}:
		fmt.Println("match")
	default:
		fmt.Println("no")
	}
	ss := []S{{}, {}}
	ss[0].v[1] = 5
	for _, s := range ss {
		s.v[0] = 9
	}
	fmt.Println(ss)
	m := map[int]S{1: {}}
	fmt.Println(m[1].v[0], len(m[2].v))
	var arrs [2][]int
	arrs[0] = append(arrs[0], 1)
	fmt.Println(arrs, arrs[1] == nil)
	type K struct{ a [2]string }
	k1, k2 := K{[2]string{"x", "y"}}, K{[2]string{"x", "y"}}
	fmt.Println(k1 == k2)
	for i := range [3]struct{}{} {
		fmt.Print(i)
	}
	fmt.Println()
}
