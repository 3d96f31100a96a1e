// errors.Is with a nil target is err == nil, as Go says, however long err's chain.
package main

import (
	"errors"
	"fmt"
)

func main() {
	e := errors.New("x")
	w := fmt.Errorf("wrapped: %w", e)
	var none error
	fmt.Println(errors.Is(e, nil), errors.Is(w, nil), errors.Is(none, nil), errors.Is(w, e), errors.Is(none, e))
}
