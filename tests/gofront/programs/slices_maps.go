// The slices and maps packages (Go 1.21; Insert and Delete as Go 1.22 has them, Delete zeroing
// what it frees): slices_maps.out is the output their documentation gives, since the installed
// Go (1.19) cannot build it.
package main

import (
	"fmt"
	"maps"
	"slices"
)

type Person struct {
	Name string
	Age  int
}

type Ints []int

func main() {
	s := []int{5, 2, 8, 1, 9, 3}
	slices.Sort(s)
	fmt.Println(s, slices.IsSorted(s))
	fmt.Println(slices.Contains(s, 8), slices.Contains(s, 4))
	fmt.Println(slices.Index(s, 5), slices.Index(s, 7))
	fmt.Println(slices.BinarySearch(s, 5))
	fmt.Println(slices.BinarySearch(s, 4))
	fmt.Println(slices.BinarySearch(s, 10))
	fmt.Println(slices.Max(s), slices.Min(s))
	slices.Reverse(s)
	fmt.Println(s, slices.IsSorted(s))

	words := []string{"pear", "fig", "apple", "kiwi"}
	slices.Sort(words)
	fmt.Println(words, slices.Max(words), slices.Min(words))
	fmt.Println(slices.Equal(words, []string{"apple", "fig", "kiwi", "pear"}), slices.Equal(words, words[:2]))
	var none []string
	fmt.Println(slices.Equal(none, []string{}), slices.Index(none, "x"))
	fl := []float64{2.5, -1, 0.5}
	slices.Sort(fl)
	fmt.Println(fl, slices.Max(fl))

	// Insert and Delete work in the array when it has room; Insert grows it as append does.
	b := make([]int, 3, 10)
	copy(b, []int{1, 2, 3})
	c := slices.Insert(b, 1, 10, 11)
	fmt.Println(c, len(c), cap(c), b)
	full := []int{1, 2, 3}
	grown := slices.Insert(full, 1, 7)
	fmt.Println(grown, len(grown), cap(grown), full)
	end := slices.Insert(full, 3, 4, 5)
	fmt.Println(end, cap(end))
	d := []int{0, 1, 2, 3, 4, 5}
	e := slices.Delete(d, 1, 3)
	fmt.Println(e, len(e), cap(e), d)
	fmt.Println(slices.Delete(d, 2, 2))

	people := []Person{{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dan", 25}}
	slices.SortFunc(people, func(a, b Person) int { return a.Age - b.Age })
	fmt.Println(people)
	slices.SortStableFunc(people, func(a, b Person) int {
		if a.Name < b.Name {
			return 1
		}
		if a.Name > b.Name {
			return -1
		}
		return 0
	})
	fmt.Println(people)
	i := slices.IndexFunc(people, func(p Person) bool { return p.Age > 26 })
	fmt.Println(i, slices.ContainsFunc(people, func(p Person) bool { return p.Name == "Eve" }))
	fmt.Println(slices.Contains(people, Person{"Bob", 25}))
	cl := slices.Clone(people[:2])
	cl[0].Age = 99
	fmt.Println(cl, len(cl), cap(cl), people[0])
	ns := Ints{3, 1, 2}
	ns = slices.Insert(ns, 0, 0)
	slices.Sort(ns)
	fmt.Printf("%T %v\n", ns, ns)

	m := map[string]int{"a": 1, "b": 2}
	m2 := maps.Clone(m)
	m2["c"] = 3
	fmt.Println(m, m2, maps.Equal(m, m2))
	delete(m2, "c")
	fmt.Println(maps.Equal(m, m2))
	maps.Copy(m2, map[string]int{"b": 20, "d": 4})
	fmt.Println(m2)
	maps.DeleteFunc(m2, func(k string, v int) bool { return v > 3 })
	fmt.Println(m2, len(m2))
	var nilm map[string]int
	fmt.Println(maps.Clone(nilm) == nil, maps.Equal(nilm, map[string]int{}))
	fmt.Println(maps.EqualFunc(m, map[string]string{"a": "1", "b": "2"}, func(v int, w string) bool {
		return fmt.Sprint(v) == w
	}))
	pm := map[int]Person{1: {"Ann", 40}}
	pc := maps.Clone(pm)
	p := pc[1]
	p.Age = 41
	pc[1] = p
	fmt.Println(pm[1], pc[1])
}
