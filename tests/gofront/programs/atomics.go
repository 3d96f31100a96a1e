package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type stats struct {
	hits int64
	errs int32
}

func main() {
	var counter int64
	var s stats
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				atomic.AddInt64(&counter, 1)
				atomic.AddInt64(&s.hits, 2)
				atomic.AddInt32(&s.errs, 1)
			}
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&counter), atomic.LoadInt64(&s.hits), atomic.LoadInt32(&s.errs))
	fmt.Println(atomic.CompareAndSwapInt64(&counter, 400, 7), counter)
	fmt.Println(atomic.CompareAndSwapInt64(&counter, 400, 9), counter)
	fmt.Println(atomic.SwapInt64(&counter, 1), counter)
	atomic.StoreInt32(&s.errs, 2147483647)
	fmt.Println(atomic.AddInt32(&s.errs, 1))

	var n atomic.Int64
	var flag atomic.Bool
	var once int32
	winners := 0
	var mu sync.Mutex
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n.Add(3)
			if atomic.CompareAndSwapInt32(&once, 0, 1) {
				mu.Lock()
				winners++
				mu.Unlock()
			}
			flag.Store(true)
		}()
	}
	wg.Wait()
	fmt.Println(n.Load(), n.Swap(100), n.Load(), n.CompareAndSwap(100, 5), n.CompareAndSwap(100, 6), n.Load())
	fmt.Println(flag.Load(), flag.Swap(false), flag.Load(), flag.CompareAndSwap(false, true), flag.Load(), winners)
	var small atomic.Int32
	small.Store(2147483647)
	fmt.Println(small.Add(1), small.Swap(5), small.Load())
}
