package main

import (
	"fmt"
	"math"
)

type Point struct{ X, Y int }

type Node struct {
	name string
	next *Node
}

type Pair struct {
	P    Point
	Name string
	F    float64
}

func main() {
	// struct keys by value
	m := map[Point]int{}
	p := Point{1, 2}
	m[p] = 10
	p.X = 5 // must not change the stored key
	m[p] = 50
	m[Point{1, 2}] += 1
	fmt.Println(len(m), m[Point{1, 2}], m[Point{5, 2}], m[Point{9, 9}])
	v, ok := m[Point{3, 3}]
	fmt.Println(v, ok)
	fmt.Println(m)
	for k, v := range m {
		k.X = 100 // a copy
		_ = v
	}
	fmt.Println(m)
	delete(m, Point{5, 2})
	fmt.Println(m, len(m))

	// array keys
	seen := map[[2]int]bool{{0, 0}: true}
	a := [2]int{1, 1}
	seen[a] = true
	a[0] = 7
	fmt.Println(seen[[2]int{1, 1}], seen[a], len(seen), seen)
	grid := map[[2][2]string]int{}
	grid[[2][2]string{{"a", "b"}, {"c", "d"}}] = 1
	grid[[2][2]string{{"a", "b"}, {"c", "d"}}]++
	grid[[2][2]string{{"ab", ""}, {"c", "d"}}] = 3
	fmt.Println(grid)

	// nested struct keys with strings and floats
	pm := map[Pair]string{}
	pm[Pair{Point{1, 2}, "a,b", 0.5}] = "x"
	pm[Pair{Point{1, 2}, "a", 0.5}] = "y"
	pm[Pair{Point{1, 2}, "a,b", 0.5}] = "z"
	negz := 0.0
	negz = -negz
	pm[Pair{Point{1, 2}, "a", negz}] = "neg"
	pm[Pair{Point{1, 2}, "a", 0}] = "pos"
	fmt.Println(len(pm), pm)
	pm[Pair{F: math.NaN()}] = "n1"
	pm[Pair{F: math.NaN()}] = "n2"
	_, found := pm[Pair{F: math.NaN()}]
	fmt.Println(len(pm), found)

	// pointer keys by identity
	a1, a2 := &Node{name: "a"}, &Node{name: "a"}
	visited := map[*Node]bool{}
	visited[a1] = true
	fmt.Println(visited[a1], visited[a2], len(visited))
	visited[a2] = true
	visited[nil] = false
	v2, ok2 := visited[nil]
	fmt.Println(len(visited), v2, ok2)
	delete(visited, a1)
	fmt.Println(len(visited), visited[a1], visited[a2])
	x, y := 1, 1
	ip := map[*int]string{&x: "x", &y: "y"}
	q := &x
	fmt.Println(ip[q], len(ip))
	n := 0
	for k := range visited {
		if k != nil {
			n++
		}
	}
	fmt.Println(n)

	// channel keys
	c1, c2 := make(chan int), make(chan int)
	names := map[chan int]string{c1: "c1", c2: "c2"}
	fmt.Println(names[c1], names[c2], len(names))
	var cn chan int
	fmt.Println(names[cn] == "")
}
