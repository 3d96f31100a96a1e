// A panic's value prints as Go's runtime prints it: a float as the builtin print does, inside
// its named type, main.Celsius(-4.000000e+001) (fmt would print -40).
package main

import "fmt"

type Celsius float64

func check(t Celsius) {
	if t < -30 {
		panic(t)
	}
	fmt.Println("ok", t)
}

func main() {
	check(20)
	check(-40)
}
