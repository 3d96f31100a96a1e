// title: Promise and Future
// chapter: 4.4
// concept: Go has no promise type; its way is a channel. Here a Future is a struct whose done
//    channel is closed once its value or error is written (the promise's side: Set or Fail, once);
//    Get() waits at <-f.done. For one goroutine's one result, a buffered channel does as well.
// watch: main does its own work, then blocks in config.Get() until main.main.func1 (the loader)
//    calls Set and closes config.done; answer is a channel with room for one; upload.Get()
//    returns the error Fail left.
// expect: never deadlocks

package main

import (
	"errors"
	"fmt"
	"time"
)

// Future is a result that will exist later; done must be made before use. Set or Fail writes it
// once and closes done, which wakes every goroutine waiting in Get (a second Set panics: close of
// closed channel).
type Future struct {
	done  chan struct{}
	value any
	err   error
}

func (f *Future) Set(v any) {
	f.value = v
	close(f.done)
}

func (f *Future) Fail(err error) {
	f.err = err
	close(f.done)
}

// Get waits until the future is set or failed. Closing done orders the writes before it ahead
// of every read after <-f.done: no lock is needed.
func (f *Future) Get() (any, error) {
	<-f.done
	return f.value, f.err
}

func main() {
	// 1. A future set by another goroutine.
	var config Future
	config.done = make(chan struct{}) // made here, the views name it config.done
	go func() {
		time.Sleep(300 * time.Millisecond)
		config.Set("config v2") // writes once; wakes everyone waiting in Get
	}()

	// 2. async: a goroutine and a channel with room for its one result, so it never blocks.
	answer := make(chan int, 1)
	go func() {
		time.Sleep(100 * time.Millisecond)
		answer <- 6 * 7
	}()

	// 3. A future that fails.
	var upload Future
	upload.done = make(chan struct{})
	go func() {
		time.Sleep(200 * time.Millisecond)
		upload.Fail(errors.New("disk full")) // it now carries an error instead of a value
	}()

	fmt.Println("main: doing other work while the results are computed")
	v, _ := config.Get() // blocks until set
	fmt.Println("config:", v)
	fmt.Println("answer:", <-answer)
	v, err := upload.Get()
	if v == nil { // a failed future holds no value
		fmt.Printf("upload failed: %v (value nil)\n", err)
	}
}
