// A select with two ready cases picks one uniformly at random, whatever the scheduler does.
package main

import "fmt"

func main() {
	a, b := make(chan string, 1), make(chan string, 1)
	a <- "a"
	b <- "b"
	select {
	case v := <-a:
		fmt.Println(v)
	case v := <-b:
		fmt.Println(v)
	}
}
