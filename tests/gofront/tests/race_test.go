// A test whose verdict depends on the schedule: two goroutines read-modify-write a counter
// between channel operations, so some interleavings lose an update and the test fails.
package race

import "testing"

func TestCounter(t *testing.T) {
	counter := 0
	done := make(chan bool)
	step := make(chan bool, 2)
	for i := 0; i < 2; i++ {
		go func() {
			v := counter
			step <- true
			counter = v + 1
			done <- true
		}()
	}
	<-done
	<-done
	<-step
	<-step
	if counter != 2 {
		t.Errorf("counter = %d, want 2", counter)
	}
}

func TestPasses(t *testing.T) {
	t.Log("ok")
}
