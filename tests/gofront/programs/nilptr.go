// A nil pointer dereference panics.
package main

import "fmt"

type node struct {
	next *node
	val  int
}

func main() {
	n := &node{val: 1}
	fmt.Println(n.val)
	fmt.Println(n.next.val)
}
