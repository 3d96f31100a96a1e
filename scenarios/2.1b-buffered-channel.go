// title: Buffered channel: the sender runs ahead
// chapter: 2.1
// concept: A buffered channel lets the sender go on until the buffer is full; then it blocks like
//    an unbuffered one.
// watch: Values 1 and 2 wait in mailbox's buffer while main sleeps; the sender blocks on 3 until
//    main takes one.
// expect: never deadlocks

package main

import (
	"fmt"
	"strings"
	"time"
)

func main() {
	mailbox := make(chan int, 2)
	done := make(chan struct{})
	go func() {
		for i := 1; i <= 3; i++ {
			mailbox <- i
			fmt.Printf("sender: sent %d\n", i)
		}
		close(done)
	}()
	time.Sleep(1 * time.Second)
	fmt.Println("main: awake after 1 s, receiving")
	var got []string
	for i := 0; i < 3; i++ {
		got = append(got, fmt.Sprint(<-mailbox))
	}
	<-done
	fmt.Println("main: received " + strings.Join(got, " "))
}
