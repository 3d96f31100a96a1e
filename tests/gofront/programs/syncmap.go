// sync.Map: Store, Load, LoadOrStore, LoadAndDelete, Delete, Range; keys by dynamic type and value.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type point struct{ x, y int }

func main() {
	var cache sync.Map
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			cache.Store(i%3, fmt.Sprint("v", i%3))
			actual, loaded := cache.LoadOrStore("shared", i)
			_ = actual
			_ = loaded
		}(i)
	}
	wg.Wait()
	v, ok := cache.Load(1)
	fmt.Println(v, ok)
	_, ok = cache.Load(int64(1))
	fmt.Println("int64 key differs:", !ok)
	cache.Store(point{1, 2}, "p")
	pv, ok := cache.Load(point{1, 2})
	fmt.Println(pv, ok)
	old, loaded := cache.LoadAndDelete(0)
	fmt.Println(old, loaded)
	cache.Delete(point{1, 2})
	var keys []string
	cache.Range(func(k, v any) bool {
		keys = append(keys, fmt.Sprint(k))
		return true
	})
	sort.Strings(keys)
	fmt.Println(keys)
	n := 0
	cache.Range(func(k, v any) bool {
		n++
		return false
	})
	fmt.Println("stopped after", n)
	act, loaded := cache.LoadOrStore(2, "other")
	fmt.Println(act, loaded)
}
