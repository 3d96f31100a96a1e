// title: Outside the subset: a generic function
// chapter: guide
// concept: go build accepts it; Rendezvous refuses it before it runs, naming the construct.

package main

import "fmt"

func Max[T int | float64](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func main() {
	fmt.Println(Max(2, 3))
}
