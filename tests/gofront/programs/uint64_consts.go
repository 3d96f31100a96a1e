// Typed uint64 constants past 2^63 beside uint64 variables: arithmetic, order, shifts, map
// keys, slice elements, switch cases, conversions to floats, printing in bases; a shift of an
// untyped constant by a variable takes the type it is used as; whole float constants as 64-bit
// integers.
package main

import (
	"fmt"
	"math"
)

const w uint64 = math.MaxUint64
const h = uint64(1 << 63)

func main() {
	var u uint64 = 5
	fmt.Println(u-w, u+w, u*w, u/w, w/u, u%h, h%u, u^w, u&^w, u|h)
	fmt.Println(u < w, w > u, u == w, w-u, h>>u, w>>63, u<<63>>63)
	var s uint = 3
	var x int64 = 1 << s
	y := 1 << s
	var z uint64 = 1 << (60 + s)
	fmt.Println(x, y, z, uint64(1)<<63, int64(-1)<<62)
	arr := []uint64{w, h, 0, w - 1}
	m := map[uint64]string{w: "max", h: "half"}
	fmt.Println(arr, m[w], m[h], float64(w), float32(h))
	switch u - 6 {
	case w:
		fmt.Println("wrapped")
	}
	const neg = -1 << 63
	fmt.Println(neg, int64(neg), neg+1<<63, -neg-1)
	fmt.Printf("%x %o %b\n", w, h, h>>60)
	// Whole float constants where a 64-bit integer is wanted, exactly.
	var fu uint64 = 1.8446744073709551615e19
	var fi int64 = 9.223372036854775807e18
	var fj int64 = -9.223372036854775808e18
	var fk uint = 1e19
	fmt.Println(fu, fi, fj, fk, fu-1e19, fk/1e18)
}
