// A panic that runs deferred calls on its way out is reported at the line it began at, as Go
// reports it, not at the end of the functions whose deferred calls ran.
package main

import "fmt"

func inner(xs []int) int {
	defer fmt.Println("inner deferred")
	return xs[3]
}

func outer() {
	defer func() {
		fmt.Println("outer deferred")
	}()
	inner([]int{1})
}

func main() {
	defer fmt.Println("main deferred")
	outer()
}
