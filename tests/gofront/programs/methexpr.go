// Method expressions (T.M, (*T).M) and method values (x.M), issue #17: a method value binds
// its receiver when it is evaluated (a copy, for a value receiver); a method expression is a
// function whose first parameter is the receiver. Compared with go run by gofront_tests.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Celsius float64

func (c Celsius) String() string         { return fmt.Sprintf("%.1fC", float64(c)) }
func (c Celsius) Plus(d Celsius) Celsius { return c + d }

type Inner struct{ n int }

func (i Inner) Get() int   { return i.n }
func (i *Inner) Inc(d int) { i.n += d }

type Outer struct {
	Inner
	tag string
}

type Ptr struct {
	*Inner
}

type Stringer interface{ String() string }

// An interface that embeds another: its method expressions are its whole method set's.
type Sized interface {
	Stringer
	Len() int
}

func (c Celsius) Len() int { return len(c.String()) }

type Counter struct{ n int }

func (c *Counter) Inc()        { c.n++ }
func (c Counter) Show() string { return fmt.Sprint("n=", c.n) }

func (c Counter) Sum(xs ...int) int {
	s := c.n
	for _, x := range xs {
		s += x
	}
	return s
}

func (c Counter) Pair() (int, string) { return c.n, "pair" }

// A pointer method called on a nil receiver runs (it is the method that may dereference).
func (c *Counter) IsNil() bool { return c == nil }

func apply(fs []func(Counter) string, c Counter) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f(c))
	}
	return out
}

type P struct {
	name string
	age  int
}

func (p P) Age() int              { return p.age }
func (p P) Older(q P) bool        { return p.age > q.age }
func (p *P) Birthday()            { p.age++ }
func (p P) Greet(s string) string { return s + ", " + p.name }

type Worker struct {
	id  int
	out chan string
	wg  *sync.WaitGroup
}

func (w *Worker) Run() {
	defer w.wg.Done()
	w.out <- fmt.Sprint("worker ", w.id)
}

// Method values of the runtime's types: wg.Done passed as a func value, a deferred unlock.
func library() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	add := func(done func(), n int) {
		defer done()
		mu.Lock()
		unlock := mu.Unlock
		defer unlock()
		total += n
	}
	for i := 1; i <= 4; i++ {
		wg.Add(1)
		go add(wg.Done, i)
	}
	wait := wg.Wait
	wait()
	fmt.Println("total", total)
}

func workers() {
	ps := []P{{"a", 30}, {"b", 10}, {"c", 20}}
	older := P.Older
	sort.Slice(ps, func(i, j int) bool { return older(ps[j], ps[i]) })
	fmt.Println(ps)
	fmt.Printf("%T\n", P.Older)
	fmt.Printf("%T\n", (*P).Birthday)
	fmt.Printf("%T\n", (*P).Age)
	b := (*P).Birthday
	q := &P{"q", 5}
	b(q)
	fmt.Println(*q, (*P).Age(q), P.Greet(ps[1], "hi"))
	p := P{"x", 1}
	g := p.Age
	p.age = 99
	fmt.Println(g(), p.Age())
	fmt.Printf("%T\n", g)

	var wg sync.WaitGroup
	out := make(chan string, 10)
	for i := 0; i < 3; i++ {
		w := &Worker{i, out, &wg}
		wg.Add(1)
		if i%2 == 0 {
			go w.Run()
		} else {
			f := w.Run
			go f()
		}
	}
	// A method expression called by go and by defer.
	wg.Add(1)
	go (*Worker).Run(&Worker{3, out, &wg})
	wg.Add(1)
	func() {
		defer (*Worker).Run(&Worker{4, out, &wg})
	}()
	wg.Wait()
	close(out)
	var got []string
	for s := range out {
		got = append(got, s)
	}
	sort.Strings(got)
	fmt.Println(got)
}

func main() {
	workers()
	library()

	// Non-struct named types.
	t := Celsius(20)
	fmt.Println(Celsius.String(t), (*Celsius).String(&t))
	t = (*Celsius).Plus(&t, 1.5)
	fmt.Println(t)
	fmt.Printf("%T|%T\n", Celsius.String, (*Celsius).Plus)
	w := t.Plus
	t = 0
	fmt.Println(w(2), t)

	// Promoted through an embedded value and an embedded pointer.
	o := Outer{Inner{3}, "o"}
	fmt.Println(Outer.Get(o), (*Outer).Get(&o))
	(*Outer).Inc(&o, 4)
	fmt.Println(o.n)
	pp := Ptr{&Inner{7}}
	Ptr.Inc(pp, 1)
	fmt.Println(Ptr.Get(pp), pp.n)
	fmt.Printf("%T %T %T\n", Outer.Get, (*Outer).Inc, Ptr.Inc)

	// Interface method expression.
	ss := Stringer.String
	fmt.Println(ss(t), ss(Celsius(-3)))
	fmt.Printf("%T\n", ss)
	fmt.Println(Sized.Len(t), Sized.String(Celsius(1)), Celsius.Len != nil)

	// Value receiver: the method expression gets a copy; a method value binds a copy.
	c := Counter{1}
	show := c.Show
	inc := c.Inc
	inc()
	inc()
	fmt.Println(show(), c.Show(), Counter.Show(c))
	sum := Counter.Sum
	fmt.Println(sum(c, 1, 2, 3), sum(c), Counter.Sum(c, []int{10, 20}...))
	n, s := Counter.Pair(c)
	fmt.Println(n, s)
	fmt.Println(strings.Join(apply([]func(Counter) string{Counter.Show, func(c Counter) string { return "lit" }}, c), ","))
	fmt.Printf("%T %T\n", Counter.Sum, Counter.Pair)

	// Sort by a method expression used as a key.
	temps := []Celsius{30, -5, 12.5, 0}
	key := Celsius.String
	sort.Slice(temps, func(i, j int) bool { return key(temps[i]) < key(temps[j]) })
	fmt.Println(temps)

	// A method expression in a map and deferred.
	ops := map[string]func(*Counter){"inc": (*Counter).Inc}
	ops["inc"](&c)
	defer fmt.Println("deferred", c.n)
	defer (*Counter).Inc(&c)
	fmt.Println(c.n)
	var nilc *Counter
	isNil := nilc.IsNil
	fmt.Println(nilc.IsNil(), (*Counter).IsNil(nil), isNil(), (*Counter).IsNil(&c))
	defer func() { fmt.Println("recovered:", recover()) }()
	Counter.Show(*nilc)
}
