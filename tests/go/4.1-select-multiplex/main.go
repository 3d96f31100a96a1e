// Mirrors scenarios/4.1-select-multiplex.lua: two ready cases, a random pick.
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
