// Arrays beyond the basics: pointer receivers on a named array type (a pointer to an array is
// its table), value receivers and Stringers, arrays in structs compared and copied through
// function calls, swaps and ++ on elements, copy/append from an array's slice (append writes
// into the array while it has room), [N]byte printed as bytes by %s and %x, channels of
// arrays copying on send, [...] in a range, type assertions and switches to array types.
package main

import (
	"fmt"
	"strings"
)

type Board [3][3]byte

func (b *Board) Set(r, c int, v byte) { b[r][c] = v }

func (b Board) String() string {
	var sb strings.Builder
	for _, row := range b {
		for _, c := range row {
			if c == 0 {
				c = '.'
			}
			sb.WriteByte(c)
		}
		sb.WriteByte('/')
	}
	return sb.String()
}

type Hist struct {
	Name   string
	Counts [4]int
	Prev   *[2]int
}

type Vec [2]float64

func (v Vec) Scale(k float64) Vec {
	v[0] *= k
	v[1] *= k
	return v
}

func fill(h Hist) Hist {
	h.Counts[0] = 99
	return h
}

func main() {
	var b Board
	b.Set(1, 1, 'x')
	c := b
	c.Set(0, 0, 'o')
	fmt.Println(b, c)
	fmt.Printf("%v|%s\n", b, c)

	h := Hist{Name: "h"}
	h2 := fill(h)
	fmt.Printf("%+v %+v\n", h, h2)
	fmt.Println(h == h2, h == Hist{Name: "h"})

	v := Vec{1, 2}
	w := v.Scale(3)
	fmt.Println(v, w)
	fmt.Printf("%#v %T\n", w, w)

	arr := [4]int{4, 3, 2, 1}
	arr[0], arr[3] = arr[3], arr[0]
	arr[1]++
	arr[2] -= 5
	fmt.Println(arr)
	p := &arr
	fmt.Println(p)
	fmt.Printf("%v %+v\n", p, p)
	(*p)[1] = 30
	q := *p
	q[0] = -1
	fmt.Println(arr, q)

	dst := make([]int, 6)
	n := copy(dst, arr[:])
	fmt.Println(n, dst)
	s := append([]int{0}, arr[1:3]...)
	fmt.Println(s)
	s2 := arr[:2]
	s2 = append(s2, 77)
	fmt.Println(arr, s2, len(s2), cap(s2))

	var ifs [3]interface{}
	ifs[1] = "x"
	fmt.Println(ifs, len(ifs))
	var ps [2]*int
	fmt.Println(ps[0] == nil)

	bs := [5]byte{'h', 'e', 'l', 'l', 'o'}
	fmt.Printf("%s %x %v\n", bs, bs, bs)

	grid := [2][3]string{}
	for i := range grid {
		for j := range grid[i] {
			grid[i][j] = fmt.Sprint(i * j)
		}
	}
	fmt.Println(grid, len(grid[0]))

	type pair struct{ a [2]int }
	m := map[string]pair{"k": {a: [2]int{1, 2}}}
	pp := m["k"]
	pp.a[0] = 5
	fmt.Println(m, pp)

	sl := make([][2]int, 2)
	sl[1][0] = 9
	fmt.Println(sl)

	ch := make(chan [3]int)
	done := make(chan bool)
	go func() {
		x := <-ch
		x[0]++
		fmt.Println("got", x)
		done <- true
	}()
	src := [3]int{1, 2, 3}
	ch <- src
	<-done
	fmt.Println("src", src)

	var zero [0]int
	fmt.Println(zero, len(zero))
	fmt.Printf("%v %d %T\n", [2]bool{true}, [3]int{1, 2, 3}, [2][]int{})
	const L = len([4]int{})
	var big [L * 2]int
	fmt.Println(len(big), cap(big))
	for i, r := range [...]string{"a", "b"} {
		fmt.Print(i, r)
	}
	fmt.Println()
	var anyv interface{} = [2]string{"p", "q"}
	if a, ok := anyv.([2]string); ok {
		a[0] = "z"
		fmt.Println(a, anyv)
	}
	fmt.Printf("%#v %#v\n", &arr, [2]Vec{{1, 2}})
	var boards [2]Board
	boards[1].Set(2, 2, 'z')
	fmt.Println(boards[1], boards[0] == Board{}, boards[1] == Board{})
	var e1, e2 interface{} = [2]int{1, 2}, [2]int{1, 2}
	fmt.Println(e1 == e2, e1 == interface{}([2]int{2, 1}))
	switch t := anyv.(type) {
	case [2]string:
		fmt.Println("array", t[1])
	}
}
