// clear (Go 1.21) and the maps package (Go 1.21) on maps with struct, float and interface keys.
// mapkeys_clear.out holds the output as the specification gives it (the installed Go 1.19
// cannot build this program).
package main

import (
	"fmt"
	"maps"
)

type Point struct{ X, Y int }

func main() {
	m := map[Point]string{{1, 2}: "a", {0, 5}: "b"}
	clear(m)
	fmt.Println(len(m), m, m[Point{1, 2}] == "")
	m[Point{7, 7}] = "again"
	fmt.Println(m)

	// maps.Clone copies the keys; a change to the clone leaves the original alone.
	c := maps.Clone(map[Point]int{{1, 1}: 1, {2, 2}: 2})
	c[Point{3, 3}] = 3
	fmt.Println(c, len(c))
	o := map[Point]int{{1, 1}: 1}
	c2 := maps.Clone(o)
	delete(c2, Point{1, 1})
	fmt.Println(o, c2)

	// maps.Copy into a map that has some of the keys.
	dst := map[[2]int]string{{0, 0}: "zero", {1, 1}: "old"}
	maps.Copy(dst, map[[2]int]string{{1, 1}: "new", {2, 2}: "two"})
	fmt.Println(dst)

	// maps.Equal compares keys by value.
	fmt.Println(maps.Equal(map[float64]int{0.5: 1, 2: 2}, map[float64]int{2: 2, 0.5: 1}),
		maps.Equal(map[any]int{1: 1}, map[any]int{int64(1): 1}))
	fmt.Println(maps.EqualFunc(map[Point]int{{1, 1}: 1}, map[Point]string{{1, 1}: "1"},
		func(a int, b string) bool { return fmt.Sprint(a) == b }))

	// maps.DeleteFunc gives each key (a copy) to its func.
	d := map[Point]int{{1, 1}: 1, {2, 2}: 2, {3, 3}: 3}
	maps.DeleteFunc(d, func(k Point, v int) bool {
		k.X = 100
		return v%2 == 1
	})
	fmt.Println(d)

	fm := map[float64]bool{1.5: true}
	clear(fm)
	fm[-1] = false
	fmt.Println(fm)
	im := map[any]int{"a": 1, 2: 2}
	clear(im)
	fmt.Println(len(im), im)
}
