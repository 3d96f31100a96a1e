// Slices share their backing array; append grows it as Go's runtime does.
package main

import "fmt"

func main() {
	var s []int
	for i := 0; i < 10; i++ {
		s = append(s, i)
		fmt.Println(len(s), cap(s))
	}
	a := []int{1, 2, 3, 4, 5}
	b := a[1:3]
	b[0] = 20
	fmt.Println(a, b, len(b), cap(b))
	b = append(b, 30)
	fmt.Println(a, b)
	c := make([]string, 2, 5)
	c[1] = "x"
	fmt.Printf("%q %d %d\n", c, len(c), cap(c))
	d := append([]int(nil), a...)
	d[0] = 99
	fmt.Println(a[0], d[0])
	n := copy(d, []int{7, 8})
	fmt.Println(n, d)
	var names []string
	names = append(names, "a", "b", "c")
	fmt.Println(names, len(names), cap(names), names == nil)
	structs := make([]struct{ x, y int }, 0)
	structs = append(structs, struct{ x, y int }{1, 2})
	fmt.Println(structs, cap(append(structs, structs...)))
	for i, v := range a[2:] {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
}
