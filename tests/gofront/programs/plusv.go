// %+v names struct fields and prints no sign (gc clears the plus flag for v); %+d signs.
package main

import "fmt"

type s struct {
	id int
	f  float64
	p  *s
}

func main() {
	fmt.Printf("%+v|%+v|%+v|%+d|%+v\n", 7, -3, s{7, 1.5, nil}, 7, []int{1, -2})
}
