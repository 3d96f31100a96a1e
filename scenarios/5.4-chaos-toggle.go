// title: Chaos: injected delays and failures
// chapter: 5
// concept: Inject random latency and errors into a dependency to check that timeouts and retries
//    really protect the caller: each attempt gets its own context.WithTimeout, and one retry.
// watch: With chaos = true some inventory calls hit the 250 ms timeout (<-ctx.Done() wins the
//    select) or fail, and are retried; set it to false and every main.main.func1 goroutine
//    succeeds at the first attempt.
// expect: never deadlocks
//
// math/rand's draws: real Go 1.19 seeds it with 1 at every run, Rendezvous with the run's seed.

package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"time"
)

const chaos = true // teacher: flip to false to see the same system on a good day

const (
	timeout  = 250 * time.Millisecond
	attempts = 2
)

// inventory is the service: 50 ms normally; under chaos, 50..300 ms and one call in five fails.
func inventory(ctx context.Context, item string) (string, error) {
	latency, fails := 50*time.Millisecond, false
	if chaos {
		latency = time.Duration(rand.Intn(6)+1) * 50 * time.Millisecond
		fails = rand.Intn(5) == 0
	}
	select {
	case <-time.After(latency):
		if fails {
			return "", errors.New("500 internal error")
		}
		return item + " in stock", nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// checkStock is the caller: a timeout per attempt, one retry.
func checkStock(item string) (string, error) {
	var err error
	for attempt := 1; attempt <= attempts; attempt++ {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		var v string
		v, err = inventory(ctx, item)
		cancel()
		if err == nil {
			return fmt.Sprintf("%s (attempt %d)", v, attempt), nil
		}
	}
	return "", err
}

type answer struct {
	i    int
	text string
}

func main() {
	items := []string{"apples", "bread", "cheese", "dates", "eggs", "flour"}
	answers := make(chan answer, len(items))
	for i, item := range items {
		go func(i int, item string) {
			v, err := checkStock(item)
			if err != nil {
				v = item + ": failed: " + err.Error()
			}
			answers <- answer{i, v}
		}(i, item)
	}

	texts := make([]string, len(items))
	for range items {
		a := <-answers
		texts[a.i] = a.text
	}
	ok := 0
	for _, text := range texts {
		fmt.Println(text)
		if !strings.Contains(text, "failed") {
			ok++
		}
	}
	suffix := ""
	if chaos {
		suffix = " (chaos on)"
	}
	fmt.Printf("%d of %d checks succeeded%s\n", ok, len(items), suffix)
}
