package main

import (
	"fmt"
	"math"
	"sync"
)

func isPrime(n int) bool {
	if n < 2 {
		return false
	}
	for d := 2; d <= int(math.Sqrt(float64(n))); d++ {
		if n%d == 0 {
			return false
		}
	}
	return true
}

func main() {
	// A worker pool counting primes: the count is the same under every schedule.
	var wg sync.WaitGroup
	var mu sync.Mutex
	count := 0
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for n := w; n < 200; n += 4 {
				if isPrime(n) {
					mu.Lock()
					count++
					mu.Unlock()
				}
			}
		}(w)
	}
	wg.Wait()
	fmt.Println("primes below 200:", count)

	fmt.Println(math.MaxInt, math.MinInt64, math.MaxInt8, math.MinInt8, math.MaxInt16, math.MaxUint8, math.MaxUint16, math.MaxUint32, math.MaxInt32, math.MinInt32)
	fmt.Println(math.Pi, math.E, math.Sqrt2, math.Ln2, math.Log2E, math.Ln10, math.Log10E, math.Phi)
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64)
	var big int64 = math.MaxInt64
	fmt.Println(big, big+1 < 0)
	for _, x := range []float64{-2.5, -1.5, -0.5, -0.4, 0, 0.4, 0.5, 1.5, 2.5, 3.7, -3.7, 1e300, 0.49999999999999994, math.Inf(1), math.Inf(-1), math.NaN()} {
		fmt.Println(x, math.Floor(x), math.Ceil(x), math.Trunc(x), math.Round(x), math.Abs(x))
	}
	fmt.Println(math.Sqrt(2), math.Sqrt(16), math.Sqrt(-1), math.Sqrt(0))
	fmt.Println(math.Pow(2, 10), math.Pow(2, 0.5), math.Pow(-8, 1.0/3), math.Pow(0, -1), math.Pow(10, -2))
	fmt.Println(math.Mod(7, 3), math.Mod(-7, 3), math.Mod(7, -3), math.Mod(5.5, 2), math.Mod(1, 0))
	fmt.Println(math.Max(1, 2), math.Min(1, 2), math.Max(math.NaN(), 1), math.Max(math.Inf(1), math.NaN()), math.Min(math.Inf(-1), math.NaN()))
	fmt.Println(math.Max(-1, math.Inf(-1)), math.Min(3, math.Inf(1)))
	fmt.Println(math.IsNaN(math.NaN()), math.IsNaN(1), math.IsInf(math.Inf(1), 1), math.IsInf(math.Inf(1), -1), math.IsInf(math.Inf(-1), 0))
	fmt.Println(math.Log(1), math.Log(0), math.Log2(8), math.Log2(1024), math.Log10(1000), math.Log10(0.001), math.Exp(0))
	fmt.Println(math.Hypot(3, 4), math.Cbrt(27), math.Cbrt(-8), math.Sin(0), math.Cos(0))
	fmt.Printf("%.4f %.4f %.3f %.6f\n", math.Sin(math.Pi/6), math.Cos(math.Pi/3), math.Exp(1), math.Log(10))
	fmt.Println(int(math.Floor(7.9)), int64(math.Round(-2.5)), math.Floor(-0.5))
}
