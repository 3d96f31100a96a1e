// A sync.Cond whose L was never set: Signal and Broadcast need no L, Wait panics on the nil L
// (Go's nil pointer dereference), recoverable as any panic.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var c sync.Cond
	c.Signal()
	c.Broadcast()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		c.Wait()
	}()
	fmt.Println(c.L == nil)
	c.Wait()
}
