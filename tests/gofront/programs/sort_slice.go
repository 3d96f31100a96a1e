package main

import (
	"fmt"
	"sort"
	"sync"
)

type result struct {
	id, score int
	name      string
}

// lcg gives the same numbers in Go and in Rendezvous (math/rand is drawn from the run's seed).
func lcg(seed *uint32) int {
	*seed = *seed*1664525 + 1013904223
	return int(*seed >> 24)
}

func main() {
	// Results arrive in any order from the workers; sorted by id they are the same every run.
	var mu sync.Mutex
	var wg sync.WaitGroup
	var results []result
	for i := 1; i <= 5; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			mu.Lock()
			results = append(results, result{id: id, score: id * id % 7})
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	sort.Slice(results, func(i, j int) bool { return results[i].id < results[j].id })
	fmt.Println(results)
	fmt.Println(sort.SliceIsSorted(results, func(i, j int) bool { return results[i].id < results[j].id }))
	fmt.Println(sort.SliceIsSorted(results, func(i, j int) bool { return results[i].score < results[j].score }))

	// Many equal keys: where an unstable sort leaves equal elements is Go's pdqsort's choice.
	var seed uint32 = 7
	for _, n := range []int{5, 13, 50, 200, 1000} {
		xs := make([]result, n)
		for i := range xs {
			xs[i] = result{id: i, score: lcg(&seed) % 10}
		}
		ys := append([]result(nil), xs...)
		sort.Slice(xs, func(i, j int) bool { return xs[i].score < xs[j].score })
		sort.SliceStable(ys, func(i, j int) bool { return ys[i].score < ys[j].score })
		sum, sumS := 0, 0
		for i := range xs {
			sum = (sum*31 + xs[i].id) % 1000003
			sumS = (sumS*31 + ys[i].id) % 1000003
		}
		fmt.Println(n, sum, sumS, xs[0], ys[n-1],
			sort.SliceIsSorted(xs, func(i, j int) bool { return xs[i].score < xs[j].score }))
	}

	// Descending, patterns pdqsort breaks, strings.
	zs := make([]int, 300)
	for i := range zs {
		zs[i] = (i * 37) % 101
	}
	sort.Slice(zs, func(i, j int) bool { return zs[i] > zs[j] })
	fmt.Println(zs[:10], zs[290:])
	names := []string{"go", "lua", "c", "rust", "ada", "zig", "ml"}
	sort.SliceStable(names, func(i, j int) bool { return len(names[i]) < len(names[j]) })
	fmt.Println(names)
	var empty []int
	sort.Slice(empty, func(i, j int) bool { return empty[i] < empty[j] })
	fmt.Println(len(empty), sort.SliceIsSorted(empty, func(i, j int) bool { return false }))
}
