// Embedded fields: a sync.Mutex embedded in a struct (c.Lock()), promoted fields and methods
// through values and pointers, composite literals keyed by the embedded type's name.
package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	sync.Mutex
	n int
}

func (c *Counter) Inc() {
	c.Lock()
	c.n++
	c.Unlock()
}

type Base struct {
	ID   int
	Name string
}

func (b Base) Describe() string { return fmt.Sprintf("%d:%s", b.ID, b.Name) }
func (b *Base) Rename(n string) { b.Name = n }

type Job struct {
	Base
	Cost int
}

type Node struct {
	*Base
	Next *Node
}

type Safe struct {
	mu sync.RWMutex
	m  map[string]int
}

func main() {
	var c Counter
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 3; k++ {
				c.Inc()
			}
		}()
	}
	wg.Wait()
	fmt.Println("count:", c.n)

	j := Job{Base: Base{ID: 7, Name: "build"}, Cost: 3}
	fmt.Println(j.ID, j.Name, j.Cost, j.Describe())
	j.Rename("test")
	j.ID++
	fmt.Println(j.Describe(), j.Base.Name)
	fmt.Printf("%v %+v\n", j, j)
	pj := &j
	pj.Cost = 5
	fmt.Println(pj.Describe(), pj.Cost)

	n := Node{Base: &Base{ID: 1, Name: "head"}}
	n.Rename("first")
	fmt.Println(n.Name, n.Describe(), n.Next == nil)

	k := Job{Base{2, "x"}, 9}
	fmt.Println(k)

	var cs = &Counter{}
	cs.Lock()
	cs.n = 10
	cs.Unlock()
	fmt.Println(cs.n)
}
