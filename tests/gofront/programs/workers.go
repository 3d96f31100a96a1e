// A worker pool: jobs in, results out, a WaitGroup closes the results; select with a timeout.
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

type result struct {
	id, value int
}

func worker(id int, jobs <-chan int, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep(time.Duration(j) * time.Millisecond)
		results <- result{j, j * j}
	}
	_ = id
}

func main() {
	jobs := make(chan int, 10)
	results := make(chan result, 10)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for j := 1; j <= 6; j++ {
		jobs <- j
	}
	close(jobs)
	go func() {
		wg.Wait()
		close(results)
	}()
	var got []int
	for r := range results {
		got = append(got, r.value)
	}
	sort.Ints(got)
	fmt.Println(got)

	var mu sync.Mutex
	total := 0
	var wg2 sync.WaitGroup
	for i := 1; i <= 5; i++ {
		wg2.Add(1)
		go func(n int) {
			defer wg2.Done()
			mu.Lock()
			defer mu.Unlock()
			total += n
		}(i)
	}
	wg2.Wait()
	fmt.Println("total", total)

	done := make(chan struct{})
	go func() {
		time.Sleep(50 * time.Millisecond)
		close(done)
	}()
	select {
	case <-done:
		fmt.Println("done")
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timeout first")
	}
	<-done
	fmt.Println(time.Duration(1500)*time.Millisecond, 90*time.Second, 2*time.Hour+3*time.Minute)
}
