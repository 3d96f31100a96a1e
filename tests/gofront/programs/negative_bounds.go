// A negative index or slice bound: Go's message names it alone, without the length or the
// other bound; the traceback names each function of the program on the stack.
package main

import "fmt"

type Stack struct{ items []int }

func (s *Stack) Pop() int {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

func drain(s *Stack, n int) (sum int) {
	for i := 0; i < n; i++ {
		sum += s.Pop()
	}
	return
}

func try(what string, f func()) {
	defer func() { fmt.Println(what+":", recover()) }()
	f()
}

func main() {
	xs := []int{1, 2, 3}
	arr := [3]int{4, 5, 6}
	str := "abc"
	neg, big := -1, 5
	try("slice index", func() { fmt.Println(xs[neg]) })
	try("slice low", func() { fmt.Println(xs[neg:]) })
	try("slice high", func() { fmt.Println(xs[:neg]) })
	try("slice high past cap", func() { fmt.Println(xs[:big]) })
	try("slice low past high", func() { fmt.Println(xs[2:big-4]) })
	try("array index", func() { fmt.Println(arr[neg]) })
	try("array high", func() { fmt.Println(arr[:neg]) })
	try("string index", func() { fmt.Println(str[neg]) })
	try("string low", func() { fmt.Println(str[neg:]) })
	try("string high", func() { fmt.Println(str[:big]) })
	s := &Stack{items: []int{1, 2, 3}}
	fmt.Println(drain(s, 2))
	fmt.Println(drain(s, 2))
}
