// The testing.T of the subset: Log/Logf (a message over several lines), Error/Errorf, a helper
// whose failures point at its caller, Cleanup in reverse order, Name, Failed, Fatal ending the
// test at once (its deferred calls run, recover does not stop it), Skip.
package basics

import (
	"fmt"
	"testing"
	"time"
)

func checkEven(t *testing.T, n int) {
	t.Helper()
	if n%2 != 0 {
		t.Errorf("%d is odd", n)
	}
}

func TestLogs(t *testing.T) {
	t.Log("hello", 1, 2, true)
	t.Logf("n=%d\nsecond line\n", 3)
	t.Cleanup(func() { t.Log("cleanup 1") })
	t.Cleanup(func() { t.Log("cleanup 2") })
	time.Sleep(30 * time.Millisecond)
	t.Log(t.Name(), t.Failed())
}

func TestHelper(t *testing.T) {
	checkEven(t, 4)
	checkEven(t, 5)
	t.Log("failed:", t.Failed())
}

func TestFatal(t *testing.T) {
	defer func() {
		r := recover()
		fmt.Println("deferred, recover gives", r)
	}()
	t.Fatalf("stop at %d", 42)
	t.Log("not reached")
}

func TestSkip(t *testing.T) {
	t.Skip("not today")
	t.Error("not reached")
}

func TestGoroutines(t *testing.T) {
	results := make(chan int)
	for i := 1; i <= 3; i++ {
		go func(n int) { results <- n * n }(i)
	}
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-results
	}
	if sum != 14 {
		t.Fatalf("sum = %d, want 14", sum)
	}
	t.Logf("sum = %d", sum)
}
