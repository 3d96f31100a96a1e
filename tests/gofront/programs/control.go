// Control flow: labelled break/continue, switch with fallthrough, closures, defer order, recover.
// Uses range over an int and per-iteration loop variables (Go 1.22): control.out is the output
// the specification gives, since the installed Go (1.19) cannot build it.
package main

import "fmt"

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = a / b
	return
}

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func main() {
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Print(i, j, ";")
		}
	}
	fmt.Println()
	for n := 0; n < 4; n++ {
		switch {
		case n == 0:
			fmt.Print("zero ")
			fallthrough
		case n == 1:
			fmt.Print("small ")
		case n > 2:
			fmt.Print("big ")
			break
		default:
			fmt.Print("two ")
		}
	}
	fmt.Println()
	next := counter()
	next()
	next()
	fmt.Println(next())
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	fmt.Println(divide(7, 2))
	fmt.Println(divide(1, 0))
	fmt.Println(-7/2, -7%2, 7/-2, 7%-2)
	var funcs []func() int
	for i := range 3 {
		funcs = append(funcs, func() int { return i * i })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	x := 10
	for x > 1 {
		x /= 3
	}
	fmt.Println(x)
}
