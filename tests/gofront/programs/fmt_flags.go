// Printf's width, precision and flags reach every leaf of a slice, array, struct or map, as
// fmt's printValue passes them down; a Stringer, an error or []byte as a string is one leaf.
package main

import (
	"errors"
	"fmt"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Reading struct {
	Where string
	Val   float64
	N     int
}

func main() {
	fmt.Printf("%5.1f|%6.2f|%x|%5d|%-4v|\n", []float64{1, 2.25}, [2]float64{3, 4}, []int{10, 255},
		[]int{1, 2}, []string{"a", "b"})
	fmt.Printf("%5v|%08.3f|%+d|%-5v|\n", map[string]int{"x": 1}, []float64{-1.5}, []int{1, -2},
		map[int]bool{2: true, 1: false})
	r := Reading{"lab", 21.456, 3}
	fmt.Printf("%v|%+v|%8v|%.1f|\n", r, r, r, []Reading{r})
	fmt.Printf("%6v|%-8v|%7s|\n", &r, []*Reading{nil}, []Temp{20, 21.5})
	fmt.Printf("%q|%x|%.2s|%8s|%8x|%5s|\n", []string{"a", "b c"}, []string{"hi", "yo"},
		[]string{"hello", "world"}, []byte("go"), []byte("go"), [2]bool{true, false})
	fmt.Printf("%6v|%6t|%4d|%-6v|\n", []bool{true}, []bool{false, true}, [][]int{{1}, {2, 3}},
		[]error{errors.New("e1"), nil})
	fmt.Printf("%5v|%3v|%v|\n", []any{1, "a", 2.5, nil}, struct{ A, B int }{1, 2}, []any{})
	fmt.Printf("%05d|%-05d|%+.2e|% d|\n", []int{-3, 4}, []int{7}, []float64{12345.678}, []int{5, -5})
	type key struct{ X, Y int }
	m := map[key]float64{{1, 2}: 1.5, {0, 1}: 2}
	fmt.Printf("%f|%6.2f|%v|\n", m, m, m)
	fmt.Printf("%5.1f|\n", map[float64][]float64{1.5: {1}, -0.5: {2, 3}})
	fmt.Printf("%.3d|%6.3d|%.0d|%-6.2x|%08.3d|%+.2d|%.3v|\n", 7, -7, 0, 255, 5, 3, []int{42})
	var nilSlice []int
	var nilMap map[string]int
	fmt.Printf("%5v|%5v|%5d|\n", nilSlice, nilMap, [0]int{})
}
