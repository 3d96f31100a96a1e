// Methods promoted from embedded fields satisfy interfaces and fmt's String and Error, with
// Go's method-set rules (a pointer embedded: every method); an outer field shadows an inner one.
package main

import (
	"errors"
	"fmt"
	"sync"
)

type Named struct{ Name string }

func (n Named) String() string { return "<" + n.Name + ">" }

type Worker struct {
	Named
	Jobs int
}

type Locker interface {
	Lock()
	Unlock()
}

type Guarded struct {
	sync.Mutex
	hits map[string]int
}

func (g *Guarded) Hit(k string) {
	g.Lock()
	defer g.Unlock()
	g.hits[k]++
}

type Speaker interface{ Speak() string }

type Dog struct{}

func (d *Dog) Speak() string { return "woof" }

type Loud struct {
	*Dog
	Level int
}

type Quiet struct {
	Dog
}

type codeErr struct{ code int }

func (e codeErr) Error() string { return fmt.Sprintf("code %d", e.code) }

type wrapped struct {
	codeErr
	op string
}

type Shadow struct {
	Named
	Name string
}

func use(l Locker) {
	l.Lock()
	l.Unlock()
}

func main() {
	w := Worker{Named{"ada"}, 3}
	fmt.Println(w)
	fmt.Printf("%v %s %d\n", w, w, w.Jobs)
	var st interface{ String() string } = w
	fmt.Println(st.String())

	g := &Guarded{hits: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g.Hit("x")
		}()
	}
	wg.Wait()
	use(g)
	fmt.Println(g.hits["x"])

	var sp Speaker = Loud{&Dog{}, 2}
	fmt.Println(sp.Speak())
	var sq Speaker = &Quiet{}
	fmt.Println(sq.Speak())

	var err error = wrapped{codeErr{7}, "read"}
	fmt.Println(err)
	fmt.Println(errors.Unwrap(err) == nil)

	s := Shadow{Named{"inner"}, "outer"}
	fmt.Println(s.Name, s.Named.Name, s.String())
}
