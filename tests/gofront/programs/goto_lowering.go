package main

// goto over and out of statements whose lowering declares Lua locals (multi-assignment,
// select, type switch, range over a map, closures), in a deferring function, to a label
// ending a loop body, and a blank label.

import "fmt"

type P struct{ a, b int }

func d() (n int) {
	defer func() { n *= 2 }()
	i := 0
again:
	if i < 3 {
		i++
		n += i
		goto again
	}
	goto end
	n, i = i, n
end:
	return
}

func main() {
	ch := make(chan int, 3)
	for i := 0; i < 4; i++ {
		if i%2 == 0 {
			goto skip
		}
		ch <- i
		fmt.Println("sent", i, func() int { return i * 10 }())
	skip:
	}
	close(ch)
	for v := range ch {
		select {
		case x := <-ch:
			if x > 0 {
				goto out
			}
		default:
		}
		fmt.Println("v", v)
	}
out:
	fmt.Println(d())
	p := P{1, 2}
	goto a
	p.a, p.b = p.b, p.a
	p = P{b: 5}
	for k, v := range map[int]int{1: 2} {
		fmt.Println(k, v)
	}
a:
	fmt.Println(p)
	var m = map[string]int{}
	goto b
	m["x"]++
	m["y"] += len(m)
	switch t := interface{}(p).(type) {
	case P:
		fmt.Println(t)
	}
b:
	fmt.Println(len(m))
	x := 0
	{
		goto c
	}
	x += 5
c:
	if x < 1 {
		x++
		goto c
	}
	fmt.Println(x)
	func() {
		k := 0
	l:
		for k < 3 {
			k++
			switch k {
			case 2:
				goto l
			}
			fmt.Println("k", k)
		}
	}()
_:
	fmt.Println("end")
}
