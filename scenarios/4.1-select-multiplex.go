// title: select: listening to several sources
// chapter: 4.1
// concept: select waits on many channels at once and takes whichever is ready; when several are
//    ready it picks one at random.
// watch: At 200 ms both email and sms hold a message; select picks either one first. Run with
//    other seeds: two orders.
// expect: never deadlocks

package main

import (
	"fmt"
	"time"
)

func main() {
	email, sms := make(chan string, 1), make(chan string, 1)
	go func() { time.Sleep(100 * time.Millisecond); email <- "email: welcome aboard" }()
	go func() { time.Sleep(100 * time.Millisecond); sms <- "sms: your code is 1234" }()
	time.Sleep(200 * time.Millisecond)
	for i := 0; i < 2; i++ {
		select {
		case msg := <-email:
			fmt.Println(msg)
		case msg := <-sms:
			fmt.Println(msg)
		}
	}
}
