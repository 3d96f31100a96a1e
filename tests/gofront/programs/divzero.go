// Integer division by zero panics at run time.
package main

import "fmt"

func main() {
	a, b := 10, 0
	fmt.Println("before")
	fmt.Println(a / b)
}
