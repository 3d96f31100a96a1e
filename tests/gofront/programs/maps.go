// Maps: lookups with ok, delete, len, printing with sorted keys, iteration.
package main

import (
	"fmt"
	"sort"
)

func main() {
	m := map[string]int{"b": 2, "a": 1}
	m["c"] = 3
	v, ok := m["z"]
	fmt.Println(m, len(m), v, ok)
	delete(m, "b")
	if x, ok := m["a"]; ok {
		fmt.Println("a is", x)
	}
	keys := []string{}
	sum := 0
	for k, v := range m {
		keys = append(keys, k)
		sum += v
	}
	sort.Strings(keys)
	fmt.Println(keys, sum)
	counts := map[int][]string{}
	for _, w := range []string{"go", "is", "fun", "to", "use"} {
		counts[len(w)] = append(counts[len(w)], w)
	}
	fmt.Println(counts)
	var nilmap map[string]bool
	fmt.Println(nilmap["x"], len(nilmap))
	errs := map[string]error{"ok": nil}
	e, found := errs["ok"]
	fmt.Println(e == nil, found)
}
