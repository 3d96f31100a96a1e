// atomic.Uint32 and the Uint32 functions, atomic.Value (a configuration swapped while readers
// load it), and the atomic types as struct fields.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type config struct {
	name    string
	version int
}

type stats struct {
	hits  atomic.Uint64
	flags atomic.Uint32
	live  atomic.Bool
	last  atomic.Int32
}

func main() {
	var cur atomic.Value
	fmt.Println(cur.Load() == nil)
	cur.Store(config{"boot", 0})
	var wg sync.WaitGroup
	var seen atomic.Uint32
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func(v int) {
			defer wg.Done()
			old := cur.Swap(config{"update", v}).(config)
			if old.version >= 0 {
				seen.Add(1)
			}
			c := cur.Load().(config)
			if c.name != "update" {
				panic("lost an update")
			}
		}(i)
	}
	wg.Wait()
	fmt.Println(seen.Load(), cur.Load().(config).name)
	fmt.Println(cur.CompareAndSwap(config{"nope", 9}, config{"x", 1}))

	var s stats
	s.hits.Add(3)
	s.flags.Add(1 << 31)
	s.flags.Add(1 << 31) // wraps to 0
	s.flags.Add(^uint32(0))
	s.live.Store(true)
	s.last.Store(-7)
	fmt.Println(s.hits.Load(), s.flags.Load(), s.live.Load(), s.last.Load())

	var n uint32 = 10
	atomic.AddUint32(&n, ^uint32(0)) // n - 1
	fmt.Println(atomic.LoadUint32(&n), atomic.CompareAndSwapUint32(&n, 9, 100))
	fmt.Println(n)
	old := atomic.SwapUint32(&n, 5)
	fmt.Println(old, n)
	counts := make([]uint32, 2)
	atomic.AddUint32(&counts[1], 4)
	fmt.Println(counts)

	defer func() { fmt.Println("recovered:", recover()) }()
	cur.Store("a string")
}
