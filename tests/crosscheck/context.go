// A context tree: cancelling the parent cancels the children; deadlines.
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	parent, cancel := context.WithCancel(context.Background())
	child, cancelChild := context.WithCancel(parent)
	defer cancelChild()
	fmt.Println(parent.Err() == nil, child.Err() == nil)
	cancel()
	<-child.Done()
	fmt.Println(parent.Err(), "/", child.Err())
	t, cancelT := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancelT()
	select {
	case <-t.Done():
		fmt.Println("done:", t.Err())
	case <-time.After(2 * time.Second):
		fmt.Println("late")
	}
}
