// Pointers to the struct and array elements of a slice: &xs[i] is the element itself until an
// append grows the slice into a new array; the old array keeps the element the pointer reaches.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Job struct {
	id   int
	done bool
	log  [2]string
}

func (j *Job) Finish(by string) {
	j.done = true
	j.log[0] = by
}

type Point struct{ X, Y int }

func main() {
	// The idiom: update the elements through a pointer, not through a copy.
	items := []Point{{1, 2}, {3, 4}, {5, 6}}
	for i := range items {
		p := &items[i]
		p.X *= 10
	}
	for _, it := range items {
		it.Y = 0 // a copy: no effect
	}
	fmt.Println(items)

	// A pointer keeps reaching its element while the slice's array stays the same.
	xs := make([]Point, 1, 4)
	p := &xs[0]
	xs = append(xs, Point{7, 8})
	p.Y = 42
	fmt.Println(xs, *p, p == &xs[0])

	// Growth copies into a new array: the pointer stays with the old one.
	ys := []Point{{1, 1}}
	q := &ys[0]
	zs := append(ys, Point{2, 2})
	q.X = 99
	zs[0].Y = -1
	fmt.Println(ys, zs, *q, q == &zs[0], q == &ys[0])

	// A pointer past the length, through a reslice, meets the value append puts there.
	s := make([]Point, 1, 3)
	r := &s[:3][2]
	s = append(s, Point{4, 4}, Point{5, 5})
	fmt.Println(*r, s)

	// The capacity past the length holds zero values.
	var g []Point
	for i := 0; i < 3; i++ {
		g = append(g, Point{i, i})
	}
	fmt.Println(len(g), cap(g), g[:cap(g)])

	// copy writes into the elements; an assignment too.
	dst := make([]Point, 2)
	d0 := &dst[0]
	copy(dst, items)
	fmt.Println(*d0)
	dst[0] = Point{-5, -5}
	fmt.Println(*d0)
	src := []Point{{1, 0}, {2, 0}, {3, 0}}
	copy(src[1:], src)
	fmt.Println(src)

	// sort.Slice moves values, not elements: the pointer to the first one sees the smallest.
	ps := []Point{{3, 0}, {1, 0}, {2, 0}}
	first := &ps[0]
	sort.Slice(ps, func(i, j int) bool { return ps[i].X < ps[j].X })
	fmt.Println(ps, *first)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].X > ps[j].X })
	fmt.Println(ps, *first)

	// Swapping through the pointers.
	a, b := &ps[0], &ps[2]
	*a, *b = *b, *a
	fmt.Println(ps)

	// Elements that are arrays.
	grid := make([][3]int, 2)
	row := &grid[1]
	row[0] = 5
	(*row)[2] = 7
	fmt.Println(grid, len(row))

	// Pointer methods on elements, a method value bound to one, and goroutines each given one.
	jobs := make([]Job, 4)
	for i := range jobs {
		jobs[i].id = i
	}
	jobs[0].Finish("main")
	finish := jobs[1].Finish
	finish("bound")
	var wg sync.WaitGroup
	for i := 2; i < len(jobs); i++ {
		wg.Add(1)
		go func(j *Job) {
			defer wg.Done()
			j.Finish(fmt.Sprint("worker ", j.id))
		}(&jobs[i])
	}
	wg.Wait()
	for _, j := range jobs {
		fmt.Printf("%+v\n", j)
	}
	ptrs := []*Job{}
	for i := range jobs {
		ptrs = append(ptrs, &jobs[i])
	}
	jobs = append(jobs, Job{id: 4})
	ptrs[0].id = 100
	fmt.Println(jobs[0].id, ptrs[0].id, len(jobs))
}
