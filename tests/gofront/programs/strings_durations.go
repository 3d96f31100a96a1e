// strings.Fields Index Count ReplaceAll TrimPrefix TrimSuffix, and time.Duration's Seconds,
// Minutes, Hours, Milliseconds, Microseconds and Nanoseconds (negative ones too).
package main

import (
	"fmt"
	"strings"
	"time"
)

func main() {
	s := "  the quick  brown fox\tjumps over the lazy dog \n"
	fmt.Println(strings.Fields(s), len(strings.Fields(s)))
	fmt.Println(strings.Index(s, "fox"), strings.Index(s, "cat"), strings.Index("héllo", "llo"))
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""), strings.Count("héllo", ""))
	fmt.Println(strings.ReplaceAll("oink oink oink", "k", "ky"), strings.ReplaceAll("ab", "", "-"))
	fmt.Println(strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("file.go", ".go"), strings.TrimSuffix("x", ""))
	el := 1500*time.Millisecond + 688059
	fmt.Println(el.Milliseconds(), el.Microseconds(), el.Nanoseconds(), el.Seconds(), el.Minutes())
	d := -90 * time.Minute
	fmt.Println(d.Hours(), d.Minutes(), d.Seconds(), d.Milliseconds(), d)
	var x time.Duration = 1234567891
	fmt.Println(x.Seconds(), x.Minutes(), x.Hours(), x.Milliseconds(), x.Microseconds())
	var st fmt.Stringer = x
	fmt.Println(st)
}
