// errors.As into a struct target through %w wrapping, and fmt.Stringer as a type: values,
// slices of it, a type assertion to it.
package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

type Timeout struct{ Op string }

func (e Timeout) Error() string { return e.Op + ": timeout" }

type Temp struct{ Name string }

func (t Temp) String() string { return "temp " + t.Name }

func lookup(k string) error {
	if k == "" {
		return nil
	}
	return fmt.Errorf("lookup %q: %w", k, NotFound{k})
}

func main() {
	err := lookup("x")
	var nf NotFound
	if errors.As(err, &nf) {
		fmt.Println("as NotFound:", nf.Key, nf)
	}
	var to Timeout
	fmt.Println(errors.As(err, &to), to.Op == "")
	wrapped := fmt.Errorf("dial: %w", Timeout{"dial"})
	fmt.Println(errors.As(wrapped, &to), to.Op)
	fmt.Println(errors.As(lookup(""), &nf))
	var s fmt.Stringer = Temp{"t1"}
	fmt.Println(s.String(), s)
	var things []fmt.Stringer
	things = append(things, Temp{"a"}, Temp{"b"})
	for _, t := range things {
		fmt.Printf("%v|%s\n", t, t)
	}
	if st, ok := interface{}(Temp{"z"}).(fmt.Stringer); ok {
		fmt.Println("assert:", st)
	}
}
