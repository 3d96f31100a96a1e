package main

import (
	"fmt"
	"strconv"
)

func main() {
	for _, c := range []struct {
		s          string
		base, bits int
	}{
		{"42", 10, 64}, {"-42", 10, 64}, {"+7", 10, 0}, {"", 10, 64}, {"-", 10, 64},
		{"0x1F", 0, 64}, {"0b101", 0, 8}, {"0o17", 0, 16}, {"017", 0, 64}, {"0", 0, 64},
		{"1_000", 0, 64}, {"1__0", 0, 64}, {"_1", 0, 64}, {"1_000", 10, 64},
		{"ff", 16, 64}, {"FF", 16, 8}, {"zz", 36, 64}, {"12", 1, 64}, {"12", 37, 64},
		{"12", 10, 65}, {"127", 10, 8}, {"128", 10, 8}, {"-128", 10, 8}, {"-129", 10, 8},
		{"9223372036854775807", 10, 64}, {"9223372036854775808", 10, 64},
		{"-9223372036854775808", 10, 64}, {"-9223372036854775809", 10, 64},
		{"99999999999999999999999", 10, 64}, {"12a", 10, 64}, {" 1", 10, 64}, {"0x", 0, 64},
		{"0x_1F", 0, 64}, {"0b", 0, 64},
	} {
		n, err := strconv.ParseInt(c.s, c.base, c.bits)
		fmt.Println(c.s, c.base, c.bits, n, err)
	}
	for _, n := range []int64{0, 7, -7, 255, -9223372036854775808, 9223372036854775807} {
		fmt.Println(strconv.FormatInt(n, 2), strconv.FormatInt(n, 10), strconv.FormatInt(n, 16), strconv.FormatInt(n, 36))
	}
	for _, s := range []string{"1", "t", "True", "FALSE", "yes", ""} {
		b, err := strconv.ParseBool(s)
		fmt.Println(s, b, err, strconv.FormatBool(b))
	}
	fmt.Println(strconv.Quote("tab\there \"q\" é\n"))
}
