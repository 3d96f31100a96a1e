// Integer constants are exact, as Go's are, however large the intermediate values: 1<<70>>68 is
// 4; math.MaxUint64 and uint64 constants of 2^63 and more, their arithmetic and their use beside
// variables; / and % truncate toward zero, >> of a negative constant floors; ^ of an unsigned
// constant stays within its type (and MinInt64 / -1 wraps, as in Go 1.19); constants converted
// to floats round once; Effective Go's ByteSize constants up to 1<<80; FNV-1a's 64-bit offset
// and prime.
package main

import (
	"fmt"
	"math"
)

type ByteSize float64

const (
	_           = iota
	KB ByteSize = 1 << (10 * iota)
	MB
	GB
	TB
	PB
	EB
	ZB
	YB
)

const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

func fnv1a(s string) uint64 {
	h := uint64(offset64)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime64
	}
	return h
}

func main() {
	const big = 1 << 100
	fmt.Println(1<<70>>68, big>>98, big/(1<<90), big%1000, -big>>97, (big+1)%7)
	fmt.Println(big == 1<<100, big > math.MaxUint64, 1<<64-1 == math.MaxUint64)
	fmt.Println(-7/2, -7%2, -7>>1, 7&^5, ^-8, ^0, -(-9223372036854775807 - 1) - 1)

	var u uint64 = math.MaxUint64
	var v uint = math.MaxUint
	const w = uint64(math.MaxUint64)
	fmt.Println(u, v, w, w/3, w>>1, w-1, w%1000, w&^0xff, ^uint64(0), ^uint32(5), ^uint8(1))
	fmt.Println(uint64(1<<63)+1<<62, uint64(1<<63)/3, uint64(1<<63) > 1<<62)
	fmt.Println(u/w, u-w, u == w, u > 1<<63, u&(1<<63) != 0)

	fmt.Println(float64(big), float32(big), big*1.5, float64(1<<62*4/8))
	var f float64 = big
	var g float32 = 1<<64 - 1
	fmt.Println(f, g, float64(math.MaxUint64), uint64(1.8446744073709551615e19))
	fmt.Println(int64(-9223372036854775808), math.MinInt64, math.MaxInt64, int64(1e18))
	// Go 1.19's go/constant divides two values that fit an int64 as int64s: MinInt64 / -1 wraps.
	const m int64 = math.MinInt64
	fmt.Println(m/-1, m%-1, math.MinInt64/-1, -math.MinInt64-1)

	fmt.Println(KB, MB, GB, TB)
	fmt.Println(PB, EB, ZB, YB, YB/ZB)

	fmt.Println(fnv1a(""), fnv1a("a"), fnv1a("rendezvous"))

	switch x := uint64(1 << 63); x {
	case math.MaxUint64:
		fmt.Println("max")
	case 1 << 63:
		fmt.Println("2^63")
	}
	fmt.Printf("%x %d %v\n", uint64(big>>40), big>>64, big>>99<<62 == 1<<63)
}
