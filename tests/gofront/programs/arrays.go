// Arrays are values (issue #17): [N]T with a named constant length declared after its use,
// [...]T and keyed literals, zero values nested in structs and arrays, copies on assignment,
// argument, result, map and slice storage, channel send and interface boxing; range over a
// copy and through a pointer; slices sharing the array; ==; fmt's %v %+v %#v %T.
package main

import "fmt"

type Grid [N][2]int

type Point struct {
	X, Y int
	Tags [2]string
}

const gl = len(g) // a constant: g is an array

var g Grid

func double(a [3]int) [3]int {
	for i := range a {
		a[i] *= 2
	}
	return a
}

func (g Grid) Sum() int {
	s := 0
	for _, row := range g {
		for _, v := range row {
			s += v
		}
	}
	return s
}

func main() {
	var a [3]int
	fmt.Println(a, len(a), cap(a), gl)
	b := [...]int{1, 2, 3}
	c := [5]int{2: 7, 4: 9}
	fmt.Println(b, c, len(c))
	d := double(b)
	fmt.Println(b, d)
	a = b
	a[0] = 100
	fmt.Println(a, b, a == b, a != b)
	a = b
	fmt.Println(a == b)
	var z [3][2]int
	z[1][1] = 5
	z2 := z
	z2[1][1]++
	fmt.Println(z, z2)
	p := Point{X: 1, Tags: [2]string{"a", "b"}}
	q := p
	q.Tags[0] = "z"
	fmt.Println(p, q)
	fmt.Printf("%v %+v %#v %T\n", p, p, p, p)
	fmt.Printf("%v %+v %#v %T\n", b, b, b, b)
	pts := [2]Point{}
	pts[1].X = 4
	pts[0].Tags[1] = "t"
	fmt.Printf("%+v\n", pts)
	s := c[1:4]
	s[0] = 42
	c[2] = 43
	fmt.Println(s, c, len(s), cap(s))
	for i, v := range c {
		c[4] = 1000
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	m := map[string][2]int{}
	m["x"] = [2]int{1, 2}
	v := m["x"]
	v[0] = 9
	fmt.Println(m, v)
	sl := [][2]int{{1, 2}, {3, 4}}
	e := sl[0]
	e[0] = 7
	fmt.Println(sl, e)
	g[1][0] = 3
	g[2][1] = 4
	fmt.Println(g, g.Sum())
	ch := make(chan [2]int, 1)
	arr := [2]int{1, 2}
	ch <- arr
	arr[0] = 5
	fmt.Println(<-ch, arr)
	pa := &arr
	pa[1] = 8
	fmt.Println(arr, len(pa), *pa)
	for i, v := range pa {
		fmt.Print(i, v, ";")
	}
	fmt.Println()
	var x interface{} = arr
	arr[0] = -1
	fmt.Println(x, x == interface{}([2]int{5, 8}))
	var ks [4]bool
	ks[2] = true
	fmt.Println(ks)
	strs := [2]string{}
	fmt.Printf("%q %v|\n", strs, strs)
	fmt.Println(len([3]int{}), [2][2]string{{"a"}, {"b", "c"}})
}

// Declared after the types and constants that use it.
const N = 3
