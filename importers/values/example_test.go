package values_test

import (
	"fmt"

	"github.com/inspection-workbench/workbench/importers/values"
)

func ExampleParseDateTime() {
	for _, cell := range []string{"2024/3/5 14:03", "2024年3月5日", "2024-03-05T14:03:05+08:00", "45356.5", "14:03"} {
		v, ok := values.ParseDateTime(cell)
		fmt.Printf("%q %v\n", v, ok)
	}
	// Output:
	// "2024-03-05T14:03" true
	// "2024-03-05" true
	// "2024-03-05T14:03:05+08:00" true
	// "2024-03-05T12:00:00" true
	// "" false
}

func ExampleParsePercent() {
	for _, cell := range []string{"３.５％", "0.035", "3.5", "千分之五", "120%"} {
		p, ok := values.ParsePercent(cell)
		fmt.Println(p.Fraction, p.Assumed, ok)
	}
	// Output:
	// 0.035 false true
	// 0.035 false true
	// 0.035 true true
	// 0.005 false true
	// 0 false false
}

func ExampleParseScale() {
	for _, cell := range []string{"3亿 tokens", "1.2TB", "70B", "约1.2万小时", "512 GiB"} {
		s, ok := values.ParseScale(cell)
		fmt.Printf("%g %q %v\n", s.Value, s.Unit, ok)
	}
	// Output:
	// 3e+08 "tokens" true
	// 1.2e+12 "bytes" true
	// 7e+10 "" true
	// 12000 "hours" true
	// 5.49755813888e+11 "bytes" true
}

func ExampleParseDuration() {
	for _, cell := range []string{"15个工作日", "两周", "48h", "30分钟"} {
		d, ok := values.ParseDuration(cell)
		fmt.Println(d.Value, d.Unit, d.Hours(), ok)
	}
	// Output:
	// 15 working_days 360 true
	// 14 days 336 true
	// 48 hours 48 true
	// 0.5 hours 0.5 true
}
