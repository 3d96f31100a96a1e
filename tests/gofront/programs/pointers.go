// Pointers to non-struct values (issue 17): a variable whose address is taken lives in a box
// the pointer names, so writes through the pointer are the variable's.
package main

import (
	"fmt"
	"sync"
)

type Celsius int

func (c Celsius) String() string { return fmt.Sprintf("%d°C", int(c)) }

func inc(c *int) {
	*c++
}

func addTo(p *int, n int) {
	*p += n
}

func swap(a, b *int) {
	*a, *b = *b, *a
}

func counter() (func() int, *int) {
	n := 0
	return func() int {
		n++
		return n
	}, &n
}

func deref(p *int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return *p, nil
}

func main() {
	x := 1
	inc(&x)
	inc(&x)
	fmt.Println("x after two incs:", x)

	p := new(int)
	fmt.Println("new(int):", *p)
	*p++
	*p += 10
	addTo(p, 5)
	fmt.Println("*p:", *p)

	q := &x
	*q = 42
	fmt.Println("x through q:", x, *q)

	var np *int
	fmt.Println("np == nil:", np == nil, "q != nil:", q != nil)
	fmt.Println("p != q:", p != q, "q == &x:", q == &x)

	a, b := 1, 2
	swap(&a, &b)
	fmt.Println("swapped:", a, b)

	next, np2 := counter()
	next()
	next()
	*np2 += 100
	fmt.Println("closure:", next())

	s := "hello"
	ps := &s
	*ps += ", world"
	fmt.Println(s)

	done := false
	pd := &done
	*pd = !*pd
	fmt.Println("done:", done)

	t := Celsius(20)
	pt := &t
	*pt += 5
	fmt.Println("temperature:", pt.String(), t)

	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	shared := &total
	for i := 1; i <= 10; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			mu.Lock()
			*shared += n
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println("total:", total)

	pp := &p
	**pp = 7
	fmt.Println("through **int:", *p)

	if _, err := deref(nil); err != nil {
		fmt.Println(err)
	}
	v, err := deref(&x)
	fmt.Println(v, err)
}
