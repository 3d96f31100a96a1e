// Assigning a whole struct or array writes the variable in place, as Go writes its memory: a
// pointer to the variable (or to an array's element, or a field) and a slice of an array see
// the new value afterwards.
package main

import "fmt"

type T struct {
	n    int
	grid [2][2]int
}

func main() {
	s := T{n: 1}
	p := &s
	s = T{n: 2}
	fmt.Println(*p, s)

	a := [2]int{1, 2}
	q := &a
	sl := a[:]
	a = [2]int{3, 4}
	fmt.Println(*q, sl, a)
	*q = [2]int{5, 6}
	fmt.Println(a, sl)
	sl[0] = 7
	fmt.Println(a, *q)

	row := s.grid[1][:]
	s.grid = [2][2]int{{1, 2}, {3, 4}}
	fmt.Println(row, s.grid, p.grid)

	var ga [2]T
	pg := &ga[0]
	ga = [2]T{{n: 5}, {n: 6}}
	fmt.Println(pg.n, ga[0].n)
	pg.grid[1][1] = 8
	ga[0].grid[0] = [2]int{4, 4}
	fmt.Println(ga[0], *pg)
	pr := &ga[1].grid[0]
	ga[1].grid = [2][2]int{{1, 1}, {2, 2}}
	pr[1] = 3
	fmt.Println(*pr, ga[1].grid)

	b := a
	a = b
	b[0] = 100
	fmt.Println(a, b)
}
