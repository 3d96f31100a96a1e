// title: From the text: 数据同步机制
// chapter: 2.1
// concept: An unbuffered channel is a rendezvous: the send waits until a receiver takes the
//    value.
// watch: The goroutine stays blocked at ch <- 42 until main reaches val := <-ch; then both go on.
// expect: never deadlocks
// seed: 2.1 "数据同步机制": the fragment, completed with package main, the import and a main
//    around it; the last line prints val (Go refuses a variable declared and not used).
package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		ch <- 42 // 阻塞,直到被接收
	}()
	val := <-ch // 接收并解除发送端阻塞
	fmt.Println(val)
}
