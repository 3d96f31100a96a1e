// More pointers to non-struct values (issue 17): package variables, several at once, struct
// fields, maps and slices of pointers, atomics through a *int64, a parameter boxed with defer.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var g int
var gp = &g

type S struct {
	n  *int
	ok bool
}

func two() (int, string) { return 3, "three" }

func bump(p *int64) { atomic.AddInt64(p, 2) }

func withDefer(n int) (r int) {
	defer func() { r += n }()
	p := &n
	*p *= 2
	return n
}

func main() {
	*gp = 5
	g++
	fmt.Println(g, *gp)
	var a, b int
	pa, pb := &a, &b
	*pa, *pb = 1, 2
	fmt.Println(a, b)
	c, d := two()
	pc, pd := &c, &d
	*pc++
	*pd += "!"
	fmt.Println(c, d)
	s := S{n: &a}
	s2 := s
	*s2.n = 9
	fmt.Println(a, *s.n, s.ok)
	var n64 int64
	atomic.AddInt64(&n64, 1)
	bump(&n64)
	fmt.Println(atomic.LoadInt64(&n64), n64)
	m := map[string]*int{"a": &a}
	*m["a"]++
	fmt.Println(a)
	xs := []*int{&a, &b}
	for _, p := range xs {
		*p *= 10
	}
	fmt.Println(a, b)
	if q := &b; q != nil {
		fmt.Println(*q)
	}
	fmt.Println(withDefer(3))
	var wg sync.WaitGroup
	var mu sync.Mutex
	k := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(p *int) {
			defer wg.Done()
			mu.Lock()
			*p += 1
			mu.Unlock()
		}(&k)
	}
	wg.Wait()
	fmt.Println(k)
	var e error
	pe := &e
	*pe = fmt.Errorf("boom")
	fmt.Println(e)
	fmt.Printf("%v %T %t\n", *pa, pa, pa != nil)
	var np *int
	fmt.Println(np)
	fmt.Printf("%v\n", np)
	f := func() *int { v := 4; return &v }
	f1, f2 := f(), f()
	fmt.Println(f1 == f2, *f1 == *f2)
	{
		a := 100
		p := &a
		*p++
		fmt.Println(a)
	}
	fmt.Println(a)
}
