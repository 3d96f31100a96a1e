// main returns while a worker is ready to run: the program ends there, so the worker's line
// usually never appears. Main's return is a scheduling point: the worker may print first.
package main

import "fmt"

func main() {
	go func() {
		fmt.Println("worker ran")
	}()
	fmt.Println("main done")
}
