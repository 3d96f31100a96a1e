package main

import (
	"errors"
	"fmt"
	"time"
)

type TimeoutError struct {
	Op    string
	After time.Duration
}

func (e *TimeoutError) Error() string { return e.Op + " timed out after " + e.After.String() }
func (e *TimeoutError) Timeout() bool { return true }

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

func fetch(i int) error {
	switch i {
	case 0:
		return nil
	case 1:
		return fmt.Errorf("fetch %d: %w", i, &TimeoutError{Op: "read", After: 2 * time.Second})
	case 2:
		return fmt.Errorf("fetch %d: %w", i, Code(404))
	default:
		return fmt.Errorf("outer: %w", fmt.Errorf("wrapped: %w", &TimeoutError{Op: "dial", After: time.Second}))
	}
}

func main() {
	results := make(chan error)
	for i := 0; i < 4; i++ {
		go func(i int) { results <- fetch(i) }(i)
	}
	errs := map[string]int{}
	for i := 0; i < 4; i++ {
		err := <-results
		var te *TimeoutError
		var code Code
		var tm interface{ Timeout() bool }
		switch {
		case err == nil:
			errs["ok"]++
		case errors.As(err, &te):
			errs["timeout "+te.Op]++
			if !errors.As(err, &tm) || !tm.Timeout() {
				fmt.Println("BUG: interface target")
			}
		case errors.As(err, &code):
			errs[fmt.Sprint("code ", int(code))]++
			if errors.As(err, &tm) {
				fmt.Println("BUG: Code has no Timeout")
			}
		}
	}
	fmt.Println(errs)
	var target error
	fmt.Println(errors.As(fetch(2), &target), target)
	var nothing *TimeoutError
	fmt.Println(errors.As(fetch(0), &nothing), nothing == nil)
}
