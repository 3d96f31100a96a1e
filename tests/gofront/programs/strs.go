// Strings are bytes; range decodes runes; conversions; fmt verbs and widths.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), s[1], s[:2] == "h\xc3", strings.ToUpper("go!"))
	for i, r := range "aé世" {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println()
	b := []byte("abc")
	b[0] = 'X'
	fmt.Println(string(b), b, len([]rune(s)))
	fmt.Println(strings.Repeat("ab", 3), strings.Join([]string{"x", "y"}, "-"), strings.Contains(s, "llo"))
	fmt.Println(strings.Split("a,b,,c", ","), len(strings.Split("a,b,,c", ",")))
	fmt.Println(strconv.Itoa(-45) + "!")
	n, err := strconv.Atoi("12x")
	fmt.Println(n, err)
	fmt.Printf("|%5d|%-5d|%05d|%x|%X|%o|%b|\n", 42, 42, 42, 255, 255, 8, 5)
	fmt.Printf("|%8.3f|%-8.2f|%e|%g|%.2g|\n", 3.14159, 2.5, 123456.789, 0.000012, 3.14159)
	fmt.Printf("|%s|%10s|%-10s|%q|%v|%c|%U|\n", "go", "right", "left", "quo\"te", true, 'G', 'G')
	fmt.Printf("%t %v %d%%\n", false, nil, 50)
	fmt.Printf("%d %s\n", "notanint", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d\n", 1, 2)
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.5), fmt.Sprintln("x", 1) == "x 1\n")
	var i8 int8 = 127
	i8++
	var u8 uint8 = 200
	u8 += 100
	fmt.Println(i8, u8, 1<<62, -5>>1, 7&^5)
	x := 1.0
	fmt.Println(x/3, 1e6, 1e21, 100000.0, float64(7)/2, 2.0)
}
