package main

// errors.Join (Go 1.20): newer than the installed Go 1.19, so join.out holds what the
// specification of package errors says it prints.

import (
	"errors"
	"fmt"
)

var errA = errors.New("a failed")
var errB = errors.New("b failed")
var errC = errors.New("c failed")

func main() {
	j := errors.Join(errA, nil, errB)
	fmt.Println(j)
	fmt.Println(errors.Is(j, errA), errors.Is(j, errB), errors.Is(j, errC))
	fmt.Println(errors.Join(nil, nil) == nil, errors.Join() == nil)
	w := fmt.Errorf("request: %w", errors.Join(errC))
	fmt.Println(w, errors.Is(w, errC))
}
