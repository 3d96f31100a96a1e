// float32: every operation rounds to single precision, printing is float32's shortest form,
// conversions from wide integers round once (a float64 in between would round twice).
package main

import (
	"fmt"
	"math"
	"sort"
)

type P struct {
	X, Y float32
}

type Celsius float32

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float32(c)) }

type Meters float32

func half(f float32) float32 { return f / 2 }

func stats(xs []float32) (sum, mean float32) {
	for _, x := range xs {
		sum += x
	}
	return sum, sum / float32(len(xs))
}

func more() {
	var zero float32
	fmt.Println(1/zero, -1/zero, zero/zero, -zero, 1/(-zero))
	fmt.Printf("%v %v %.3f %e %g\n", float32(math.Inf(1)), float32(math.NaN()), float32(math.Inf(-1)), float32(1e20), float32(1e20))
	c := Celsius(21.35)
	fmt.Println(c, Meters(2.5)*2)
	fmt.Printf("%v %T %T %#v %6.2f|%-8.3g|%08.3f\n", c, c, Meters(1), float32(1e6), float32(3.14159), float32(2.5), float32(-1.5))
	fmt.Println(half(5), half(0.3))
	xs := []float32{3.3, 1.1, 2.2, 0.1}
	s, m := stats(xs)
	fmt.Println(s, m)
	sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })
	fmt.Println(xs)
	n1, n2, n3 := float32(-2.7), float32(2.9), float32(200.5)
	fmt.Println(int(n1), int32(n2), uint8(n3), math.Sqrt(float64(float32(2))))
	f := float32(0.1)
	f += 0.2
	f *= 3
	f -= 0.5
	fmt.Println(f, f > 0.4, f == 0.4)
	switch {
	case f < 0.4:
		fmt.Println("less")
	default:
		fmt.Println("not less")
	}
	mk := map[string]float32{"half": 0.5, "one": 1, "tenth": 0.1}
	fmt.Println(mk, mk["tenth"], len(mk))
	var pf *float32 = new(float32)
	*pf = 2.2
	*pf += 1.1
	fmt.Println(*pf)
	g := float32(7)
	p := &g
	*p /= 3
	fmt.Println(g, *p)
	var iface interface{} = Meters(0.1)
	switch v := iface.(type) {
	case float32:
		fmt.Println("float32", v)
	case Meters:
		fmt.Println("Meters", v)
	}
	fmt.Println(float32(1)/3 == 1.0/3, float32(0.1)+float32(0.2) == float32(0.3))
	h := float32(16777216)
	h++
	fmt.Println(h, h+1 == h)
	fmt.Printf("%5.1f %x\n", float32(2.25), 3)
	fmt.Println(fmt.Sprint(float32(2.5), float32(1)), fmt.Sprintf("%s", float32(1.5)))
	fmt.Printf("%d\n", float32(1.5))
}

func main() {
	var a float32 = 0.1
	b := float32(1) / 3
	c := float32(16777217)
	var z float32
	fmt.Println(a, b, c, z)
	x := float32(1)
	y := x / 3
	fmt.Println(y, y*3, x+0.1)
	fmt.Printf("%v %g %f %e %.2f %T %8.3f|\n", y, y, y, y, y, y, y)
	var s []float32
	for i := 0; i < 5; i++ {
		s = append(s, float32(i)*0.1)
	}
	fmt.Println(s)
	m := map[string]float32{"a": 1.1, "b": 2.2}
	fmt.Println(m)
	p := P{1.5, 0.7}
	fmt.Printf("%v %+v\n", p, p)
	ch := make(chan float32, 1)
	ch <- 3.3
	fmt.Println(<-ch)
	f64 := float64(a)
	fmt.Println(f64, float32(f64), int(b*100), int64(c))
	fmt.Println(math.MaxFloat32, float32(math.MaxFloat32), math.SmallestNonzeroFloat32)
	var big float32 = math.MaxFloat32
	fmt.Println(big*2, -big*2, (big*2)-(big*2))
	n := float32(math.NaN())
	fmt.Println(n == n, n != n, n < 1)
	fmt.Println(a < b, a == 0.1, float64(a) == 0.1)
	var acc float32
	for i := 0; i < 1000; i++ {
		acc += 0.01
	}
	fmt.Println(acc)
	acc++
	fmt.Println(acc)
	var i64 int64 = 1<<60 + 1<<36 + 1
	fmt.Printf("%.0f %.0f\n", float32(i64), float32(-i64))
	var u uint64 = 0x8000008000000001
	fmt.Printf("%.0f\n", float32(u))
	var any interface{} = a
	fmt.Printf("%v %T\n", any, any)
	const k float32 = 1.0 / 3
	fmt.Println(k, k*3)
	fmt.Println(float32(1e-45), float32(1e-46), float32(3.4e38))
	fmt.Println(1e6, float32(1e6), float32(123456), float32(1234567))
	fmt.Println(-a, float32(0.000012345))
	more()
	edges()
}

func avg(xs ...float32) (r float32) {
	defer func() { r = r / float32(len(xs)) }()
	for _, x := range xs {
		r += x
	}
	return r
}

func edges() {
	var iface interface{} = float32(0.7)
	switch v := iface.(type) {
	case float64:
		fmt.Println("f64", v)
	case float32:
		fmt.Println("f32", v, v*2)
	}
	ch := make(chan float32)
	go func() { ch <- 1.1; close(ch) }()
	select {
	case v := <-ch:
		fmt.Println(v + 1)
	}
	v, ok := <-ch
	fmt.Println(v, ok)
	for f := float32(0); f < 1; f += 0.3 {
		fmt.Print(f, " ")
	}
	fmt.Println()
	fmt.Println(avg(0.1, 0.2, 0.4))
	x := float32(2.5)
	px := &x
	*px *= 1.1
	fmt.Println(x, *px)
	sq := func(a float32) float32 { return a * a }
	fmt.Println(sq(1.1), sq(0.1))
	xs := []float32{2.5, -1, 0.3, 1e-3}
	sort.Slice(xs, func(i, j int) bool { return xs[i] > xs[j] })
	fmt.Println(xs, len(xs))
	f, ok2 := iface.(float32)
	fmt.Println(f, ok2)
	type Pt struct{ X float32 }
	ps := map[string]Pt{"a": {0.1}}
	fmt.Printf("%v %+v %#v\n", ps, ps["a"], ps["a"])
	var u8 uint8 = 200
	var i16 int16 = -300
	fmt.Println(float32(u8)/3, float32(i16)/7, uint32(float32(4e9)), int64(float32(1e18)))
	println(float32(0.1), float32(1)/3)
	var fs [](float32)
	fs = append(fs, 1.5)
	fmt.Printf("%.3v %8.4g %G %E\n", float32(3.14159), float32(2.0)/3, float32(1e-7), float32(123456.7))
	// A constant integer becomes a float32 in one rounding: 2^53+2^29+1 through a float64 would
	// tie down to 2^53.
	const big float32 = 9007199791611905
	fmt.Printf("%.0f %.0f\n", float32(9007199791611905), big)
}
