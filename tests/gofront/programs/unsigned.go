// uint, uint64 and uintptr: wrap-around, unsigned division, order, shifts, conversions to and
// from float64, fmt and println, constants of 2^63 and more where a uint64 is wanted,
// atomic.Uint64 and atomic.AddUint64 (Go by Example's atomic counters).
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Stats struct {
	hits   uint64
	misses uint
}

func main() {
	var ops atomic.Uint64
	var readOps uint64
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := 0; c < 100; c++ {
				ops.Add(1)
				atomic.AddUint64(&readOps, 2)
			}
		}()
	}
	wg.Wait()
	fmt.Println("ops:", ops.Load(), "readOps:", atomic.LoadUint64(&readOps))

	var max uint64 = 1<<63 - 1
	big := max*2 + 1 // 2^64 - 1
	fmt.Println(big, big/3, big%10, big>>60, big/max, big > max, max < big)
	fmt.Printf("%d %x %v %T %b\n", big, big, big-5, big, uint64(5))
	var u uint = 7
	u -= 10
	fmt.Println(u, u/2, float64(u), uint64(float64(u)))
	var p uintptr = 12
	fmt.Printf("%T %v\n", p, p*3)
	h := uint64(0xcbf29ce484222325)
	for _, c := range []byte("go") {
		h ^= uint64(c)
		h *= 0x100000001b3
	}
	fmt.Println("fnv:", h, h%1000, min2(h, 5), max2(h, 5))
	s := Stats{hits: 3}
	s.misses--
	fmt.Printf("%+v\n", s)
	fmt.Println(int64(big), uint32(big), int(u))
	println(big, u)
	m := map[uint64]string{big: "max"}
	fmt.Println(m[big], len(m))
}

func max2(a, b uint64) uint64 {
	if a > b {
		return a
	}
	return b
}

func min2(a, b uint64) uint64 {
	if a < b {
		return a
	}
	return b
}
