// An empty select blocks forever: alone, a deadlock reported as [select (no cases)].
package main

import "fmt"

func main() {
	fmt.Println("before")
	select {}
}
