// Pointers to slice elements across Go 1.21's slices functions and clear, which move values
// between elements (Go 1.22's Insert and Delete): a pointer keeps its element, not its value.
package main

import (
	"fmt"
	"slices"
)

type P struct{ X int }

func cmp(a, b P) int { return a.X - b.X }

func main() {
	s := []P{{3}, {1}, {2}}
	p0, p2 := &s[0], &s[2]
	slices.SortFunc(s, cmp)
	fmt.Println(s, *p0, *p2)
	slices.Reverse(s)
	fmt.Println(s, *p0, *p2)

	t := make([]P, 3, 8)
	for i := range t {
		t[i].X = i + 1
	}
	q := &t[1]
	t = slices.Insert(t, 1, P{10}, P{20}) // in place: the values move up
	fmt.Println(t, *q)
	t = slices.Delete(t, 0, 2) // in place: the values move down, the freed ones are zeroed
	fmt.Println(t, *q, t[:cap(t)][4:6])

	u := []P{{1}, {2}}
	r := &u[0]
	u = slices.Insert(u, 1, P{5}) // grows: a new array
	r.X = 99
	fmt.Println(u, *r)

	v := slices.Clone(s)
	v[0].X = -1
	fmt.Println(s[0], v[0], len(v))

	w := []P{{7}, {8}}
	pw := &w[1]
	clear(w)
	fmt.Println(w, *pw)
	pw.X = 6
	fmt.Println(w)
}
