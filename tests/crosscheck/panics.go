// Go's runtime panics, each recovered: the messages must be the same words.
package main

import (
	"fmt"
	"sync"
)

func try(name string, f func()) {
	defer func() { fmt.Println(name+":", recover()) }()
	f()
}

func main() {
	ch := make(chan int, 1)
	close(ch)
	try("send", func() { ch <- 1 })
	try("close", func() { close(ch) })
	var nilch chan int
	try("close nil", func() { close(nilch) })
	var wg sync.WaitGroup
	try("wg", func() { wg.Done() })
	try("custom", func() { panic("boom") })
}
