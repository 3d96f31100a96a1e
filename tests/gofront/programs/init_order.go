// Package-level variables are initialised in Go's order: a variable waits for the variables its
// initialiser reaches, directly or through the functions and methods it calls; the others go in
// declaration order. Every initialiser runs after every function is declared.
package main

import "fmt"

var total = sum() + offset // sum reads items, whose initialiser reads base: base, items, total

var items = []int{base, base * 2, base * 3}

var base = pick("base", 10)

var offset = pick("offset", 1)

var greeting = c.Hello() // through a method: c first

var c = counter{name: pick2("c", "gopher")}

var x, y = pair()

var _ = pick("blank", 0)

var registry map[string]int // no initialiser: zero before any runs

var withRegistry = register("a")

var later = func() int { return early * 2 }()

var early = pick("early", 21)

type counter struct{ name string }

func (k counter) Hello() string { return "hello, " + k.name }

func sum() int {
	s := 0
	for _, v := range items {
		s += v
	}
	return s
}

func pick(name string, v int) int {
	fmt.Println("init", name)
	return v
}

func pick2(name, v string) string {
	fmt.Println("init", name)
	return v
}

func pair() (int, string) {
	fmt.Println("init pair")
	return base + 1, "y"
}

func register(k string) bool {
	if registry == nil {
		registry = map[string]int{}
	}
	registry[k] = len(registry) + 1
	return true
}

func init() {
	fmt.Println("init()", total, greeting)
}

func main() {
	fmt.Println(total, items, base, offset, greeting, x, y, registry, withRegistry, later, early)
}
