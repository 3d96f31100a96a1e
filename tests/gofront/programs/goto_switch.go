package main

// goto out of type switch clauses and nested ranges (strings, channels) to labels ending a
// loop body or the function, and a backward goto over a multi-assignment to an array element.

import "fmt"

func classify(vs []interface{}) {
	for i, v := range vs {
		switch t := v.(type) {
		case int:
			if t < 0 {
				goto bad
			}
			fmt.Println(i, "int", t)
		case string:
			for j, r := range t {
				if r == '!' {
					fmt.Println("bang at", j)
					goto next
				}
			}
			fmt.Println(i, "string", t)
		}
	next:
	}
	return
bad:
	fmt.Println("negative")
}

func main() {
	classify([]interface{}{1, "a!b", "xy", -3, 5})
	ch := make(chan string, 2)
	ch <- "p"
	ch <- "q"
	close(ch)
	for s := range ch {
		for k := 0; k < 3; k++ {
			if k == 1 {
				goto nextS
			}
			fmt.Println(s, k)
		}
	nextS:
	}
	n := 0
	var a [3]int
back:
	a[n%3], n = n, n+1
	if n < 5 {
		goto back
	}
	fmt.Println(a, n)
}
