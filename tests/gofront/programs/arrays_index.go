// An array index out of range at run time panics in Go's words (gc catches the constant ones).
package main

import "fmt"

func at(a [3]int, i int) int {
	return a[i]
}

func main() {
	a := [3]int{1, 2, 3}
	fmt.Println(at(a, 2))
	fmt.Println(at(a, 5))
}
