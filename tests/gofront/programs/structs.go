// Structs are values; methods with value and pointer receivers; interfaces and Stringers.
package main

import (
	"errors"
	"fmt"
)

type Point struct {
	X, Y int
}

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

func (p *Point) Move(dx int) { p.X += dx }

type Shape interface {
	Area() float64
}

type Rect struct {
	W, H float64
	name string
}

func (r Rect) Area() float64 { return r.W * r.H }

type Counter struct {
	n    int
	tags []string
}

func (c *Counter) Inc() int {
	c.n++
	return c.n
}

type State int

const (
	Idle State = iota
	Running
	Done
)

func (s State) String() string {
	switch s {
	case Idle:
		return "idle"
	case Running:
		return "running"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

func find(code int) error {
	if code == 0 {
		return nil
	}
	return &MyErr{code}
}

func main() {
	p := Point{1, 2}
	q := p
	q.X = 10
	p.Move(5)
	fmt.Println(p, q, p == q)
	pp := &p
	pp.Move(1)
	fmt.Println(*pp, p.X)
	var s Shape = Rect{W: 2, H: 3.5}
	fmt.Println(s.Area())
	fmt.Printf("%v %+v %T\n", s, s, s)
	c := &Counter{}
	c.Inc()
	c.Inc()
	fmt.Println(c.n, c.tags == nil)
	fmt.Println(c.Inc())
	fmt.Println(Idle, Running, Done)
	fmt.Printf("%v %d %s\n", Running, Running, Done)
	err := find(3)
	var me *MyErr
	fmt.Println(err, err != nil, me == nil)
	if e, ok := err.(*MyErr); ok {
		fmt.Println("code:", e.Code)
	}
	fmt.Println(find(0) == nil)
	wrapped := fmt.Errorf("while loading: %w", err)
	fmt.Println(wrapped, errors.Unwrap(wrapped) == err)
	base := errors.New("base")
	fmt.Println(errors.Is(fmt.Errorf("a: %w", fmt.Errorf("b: %w", base)), base), errors.Is(err, base))
	var any interface{} = 42
	switch v := any.(type) {
	case string:
		fmt.Println("string", v)
	case int:
		fmt.Println("int", v+1)
	default:
		fmt.Println("other")
	}
}
