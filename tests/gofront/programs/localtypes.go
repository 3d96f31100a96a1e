// Types declared inside functions: structs sent on channels, %T, shadowing, a recursive type.
package main

import "fmt"

type item struct{ name string }

func collect(n int) []string {
	type result struct {
		i    int
		text string
	}
	results := make(chan result, n)
	for i := 0; i < n; i++ {
		go func(i int) { results <- result{i, fmt.Sprint("job ", i)} }(i)
	}
	out := make([]string, n)
	for k := 0; k < n; k++ {
		r := <-results
		out[r.i] = r.text
	}
	return out
}

func main() {
	fmt.Println(collect(3))
	type item struct{ id int } // shadows the package's item
	it := item{7}
	fmt.Printf("%T %+v\n", it, it)
	type node struct {
		v    int
		next *node
	}
	list := &node{1, &node{2, &node{3, nil}}}
	sum := 0
	for n := list; n != nil; n = n.next {
		sum += n.v
	}
	fmt.Println("sum", sum)
	type celsius int
	var c celsius = 21
	fmt.Printf("%T %v %d\n", c, c, c+1)
	type pair = struct{ a, b int }
	p := pair{1, 2}
	fmt.Println(p.a+p.b, p)
}
