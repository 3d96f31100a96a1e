// Constants are exact, as Go evaluates them: 0.1 + 0.2 is 3/10 and prints 0.3, while the same sum
// of two float64 variables prints 0.30000000000000004; a typed constant holds a value of its type;
// hexadecimal floats; 1e300 * 1e300 / 1e300 is 1e300.
package main

import "fmt"

const rate = 0.1

type Celsius float64

func main() {
	fmt.Println(0.1 + 0.2)
	fmt.Println(rate * 3)
	x := 0.1
	fmt.Println(x + 0.2)
	const a float64 = 0.1
	fmt.Println(a + 0.2)
	fmt.Println(1 / 3.0 * 3)
	fmt.Println(0x1.8p3, 0x10p-2, 1e-320, 5e-324, 1.7976931348623157e308)
	var n int = 0.1 * 30
	fmt.Println(n, int64(1e18), 7/2, 7/2.0)
	fmt.Println(1e100/1e99, 2.5e-3*4e3)
	var c Celsius = 36.6 + 0.1
	fmt.Println(c, float64(0.1)+0.2, -0.0, 1_000.5)
	const big = 1e300 * 1e300 / 1e300
	fmt.Println(big)
	fmt.Println(3.0 == 3, 0.1+0.2 == 0.3)
}
