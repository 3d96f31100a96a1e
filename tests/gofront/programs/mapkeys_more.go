package main

import (
	"fmt"
	"math"
	"sync"
)

type Point struct{ X, Y int }

type Key struct {
	Name string
	At   [2]float64
}

func main() {
	var nilm map[Point]int
	fmt.Println(nilm == nil, len(nilm), nilm[Point{}], nilm)
	delete(nilm, Point{1, 1})
	m := map[Point]string{{1, 2}: "a", {0, 5}: "b", {1, 0}: "c", {-1, 9}: "d"}
	fmt.Println(m == nil, m)
	fmt.Printf("%v|%+v|%#v\n", m, m, m)
	fmt.Printf("%d\n", map[[3]int]int{{3, 2, 1}: 1, {1, 2, 3}: 2, {1, 1, 9}: 3})
	delete(m, Point{1, 2})
	m[Point{7, 7}] = "again"
	fmt.Println(len(m), m)

	// a key stays what it was when stored, whatever its variable becomes
	k := Key{"k", [2]float64{1, 2}}
	km := map[Key]int{k: 1}
	k.At[0] = 99
	k.Name = "changed"
	km[k] = 2
	for key, v := range km {
		key.At[1] = -1 // a copy
		_ = v
	}
	fmt.Println(km)
	fmt.Println(km[Key{"k", [2]float64{1, 2}}], km[Key{"changed", [2]float64{99, 2}}])

	// counting over range, deleting while ranging
	counts := map[[2]int]int{}
	for i := 0; i < 20; i++ {
		counts[[2]int{i % 3, i % 2}]++
	}
	fmt.Println(len(counts), counts)
	total := 0
	for key, v := range counts {
		if key[0] == 0 {
			delete(counts, key)
		}
		total += v
	}
	fmt.Println(total, len(counts), counts)

	// sync.Map: interface keys by dynamic type and value
	var sm sync.Map
	sm.Store(Point{1, 1}, "p")
	sm.Store(1, "int")
	sm.Store(int64(1), "int64")
	negz := 0.0
	negz = -negz
	sm.Store(negz, "zero")
	v, ok := sm.Load(0.0)
	fmt.Println(v, ok)
	v, ok = sm.Load(Point{1, 1})
	fmt.Println(v, ok)
	v, ok = sm.Load(math.NaN())
	fmt.Println(v, ok)
	act, loaded := sm.LoadOrStore(1, "again")
	fmt.Println(act, loaded)
	sm.Delete(Point{1, 1})
	n := 0
	sm.Range(func(k, v any) bool { n++; return true })
	fmt.Println(n)

	// float keys: ±0 one key, range and print
	fm := map[float64]int{}
	for _, f := range []float64{0.5, negz, 0, -3, math.NaN(), math.Inf(-1)} {
		fm[f]++
	}
	fmt.Println(len(fm), fm)
	bm := map[bool]int{true: 1, false: 0}
	um := map[uint64]int{0xffffffffffffffff: 1, 1: 2}
	fmt.Println(bm, um)
	im := map[any]bool{3: true, -1: false}
	fmt.Println(im)
}
