package main

import (
	"errors"
	"fmt"
	"math"
)

type Shape interface{ Area() float64 }

type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

type Circle struct{ R float64 }

func (c *Circle) Area() float64 { return 3 * c.R * c.R }

type Celsius float64

func main() {
	// float keys: -0 and +0 are one key, NaN is never found
	f := map[float64]int{}
	negz := 0.0
	negz = -negz
	f[negz] = 1
	f[0] = 2
	fmt.Println(len(f), f[0], f[negz], f)
	f[math.NaN()] = 3
	f[math.NaN()] = 4
	_, ok := f[math.NaN()]
	fmt.Println(len(f), ok, f[math.NaN()])
	delete(f, math.NaN())
	fmt.Println(len(f))
	f[1.5] = 5
	f[1] = 6
	f[-2.25] = 7
	f[1e21] = 8
	f[math.Inf(1)] = 9
	f[math.Inf(-1)] = 10
	fmt.Println(f[1.0], f[1.5], f[1e21])
	sum := 0
	for k, v := range f {
		if k != k {
			sum += 100 * v
		} else {
			sum += v
		}
	}
	fmt.Println(sum)
	g := map[float64]string{2.5: "b", -1: "a", math.NaN(): "n", math.Inf(1): "inf", 1e21: "big"}
	fmt.Println(g)
	fmt.Printf("%v %d\n", g, len(g))

	f32 := map[float32]int{0.1: 1}
	f32[float32(0.1)] += 1
	var z32 float32
	f32[-z32] = 3
	f32[z32] = 4
	f32[float32(math.NaN())] = 5
	fmt.Println(len(f32), f32[0.1], f32[0])
	cel := map[Celsius]bool{36.6: true, -40: true}
	fmt.Println(cel[36.6], cel[37], cel)

	// interface keys: dynamic type and value
	am := map[any]int{}
	am[1] = 1
	am[int64(1)] = 2
	am["1"] = 3
	am[1.0] = 4
	am[true] = 5
	am[nil] = 6
	am[Sq{2}] = 7
	am[[2]int{1, 2}] = 8
	am[1] += 10
	fmt.Println(len(am), am[1], am[int64(1)], am["1"], am[1.0], am[true], am[nil], am[Sq{2}], am[[2]int{1, 2}], am[int32(1)])
	_, ok = am[false]
	fmt.Println(ok)
	delete(am, int64(1))
	delete(am, nil)
	fmt.Println(len(am))
	c := &Circle{1}
	shapes := map[Shape]string{Sq{1}: "sq1", c: "circle"}
	shapes[Sq{1}] += "!"
	fmt.Println(shapes[Sq{1}], shapes[c], shapes[&Circle{1}] == "", len(shapes))

	e1 := errors.New("boom")
	e2 := errors.New("boom")
	errs := map[error]bool{e1: true}
	fmt.Println(errs[e1], errs[e2], errs[nil])
	im := map[interface{}]int{3: 3, 1: 1, 2: 2}
	fmt.Println(im)
	sm := map[any]string{"b": "B", "a": "A"}
	fmt.Println(sm)
	nanm := map[any]int{}
	nanm[math.NaN()] = 1
	nanm[math.NaN()] = 1
	fmt.Println(len(nanm), nanm)

	defer func() { fmt.Println("recovered:", recover()) }()
	am[[]int{1}] = 9
}
