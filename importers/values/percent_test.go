package values

import "testing"

func TestParsePercent(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    float64
		assumed bool
		wantOK  bool
	}{
		{"percent", "3.5%", 0.035, false, true},
		{"percent space", "3.5 %", 0.035, false, true},
		{"full width", "３.５％", 0.035, false, true},
		{"full width dot", "３．５％", 0.035, false, true},
		{"spaces around", " 3.5% ", 0.035, false, true},
		{"integer percent", "12%", 0.12, false, true},
		{"zero percent", "0%", 0, false, true},
		{"hundred percent", "100%", 1, false, true},
		{"hundred point zero", "100.00%", 1, false, true},
		{"tiny percent", "0.01%", 0.0001, false, true},
		{"leading dot", ".5%", 0.005, false, true},
		{"plus sign", "+3%", 0.03, false, true},
		{"word percent", "3.5 percent", 0.035, false, true},
		{"word pct", "3.5pct", 0.035, false, true},
		{"fraction", "0.035", 0.035, false, true},
		{"fraction zero", "0", 0, false, true},
		{"fraction one", "1", 1, false, true},
		{"fraction one point zero", "1.0", 1, false, true},
		{"fraction half", "0.5", 0.5, false, true},
		{"assumed", "3.5", 0.035, true, true},
		{"assumed integer", "35", 0.35, true, true},
		{"assumed just above one", "1.5", 0.015, true, true},
		{"assumed hundred", "100", 1, true, true},
		{"per mille word", "千分之五", 0.005, false, true},
		{"per mille sign", "5‰", 0.005, false, true},
		{"per mille sign space", "5 ‰", 0.005, false, true},
		{"per mille digits", "千分之2.5", 0.0025, false, true},
		{"per ten thousand sign", "3‱", 0.0003, false, true},
		{"per ten thousand word", "万分之三", 0.0003, false, true},
		{"chinese percent", "百分之三", 0.03, false, true},
		{"chinese percent tens", "百分之三十五", 0.35, false, true},
		{"chinese percent teen", "百分之十五", 0.15, false, true},
		{"chinese percent decimal", "百分之三点五", 0.035, false, true},
		{"chinese percent digits", "百分之3.5", 0.035, false, true},
		{"chinese percent hundred", "百分之百", 1, false, true},
		{"chinese percent one hundred", "百分之一百", 1, false, true},
		{"chinese percent zero point", "百分之零点五", 0, false, false},
		{"exponent", "3.5e-2", 0.035, false, true},

		{"negative", "-3%", 0, false, false},
		{"negative fraction", "-0.5", 0, false, false},
		{"minus sign", "−3%", 0, false, false},
		{"over hundred", "101%", 0, false, false},
		{"just over hundred", "100.0001%", 0, false, false},
		{"plain over hundred", "150", 0, false, false},
		{"per mille over", "1001‰", 0, false, false},
		{"chinese over", "百分之一百五十", 0, false, false},
		{"empty", "", 0, false, false},
		{"spaces", "   ", 0, false, false},
		{"n/a", "N/A", 0, false, false},
		{"dash", "-", 0, false, false},
		{"tbd", "待定", 0, false, false},
		{"unknown", "unknown", 0, false, false},
		{"percent only", "%", 0, false, false},
		{"two signs", "3%%", 0, false, false},
		{"range", "3-5%", 0, false, false},
		{"less than", "<1%", 0, false, false},
		{"two dots", "1.2.3%", 0, false, false},
		{"trailing text", "3% of data", 0, false, false},
		{"chinese prefix only", "百分之", 0, false, false},
		{"chinese trailing", "百分之三左右", 0, false, false},
		{"huge", "1e400%", 0, false, false},
		{"date", "2024-03-05", 0, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ParsePercent(tc.in)
			if ok != tc.wantOK {
				t.Fatalf("ParsePercent(%q) = %+v, %v; want ok=%v", tc.in, got, ok, tc.wantOK)
			}
			if !ok {
				if got != (Percent{}) {
					t.Errorf("ParsePercent(%q) = %+v with ok=false, want zero Percent", tc.in, got)
				}
				return
			}
			if !closeTo(got.Fraction, tc.want) || got.Assumed != tc.assumed {
				t.Errorf("ParsePercent(%q) = %+v; want {Fraction:%v Assumed:%v}", tc.in, got, tc.want, tc.assumed)
			}
		})
	}
}

// TestParsePercentExact checks that fractions are the float64 nearest to the
// decimal written, not the result of a rounding chain.
func TestParsePercentExact(t *testing.T) {
	for in, want := range map[string]float64{
		"3.5%": 0.035, "0.1%": 0.001, "7%": 0.07, "33.3%": 0.333, "5‰": 0.005, "0.3": 0.3, "29": 0.29,
	} {
		if got, _ := ParsePercent(in); got.Fraction != want {
			t.Errorf("ParsePercent(%q).Fraction = %v, want exactly %v", in, got.Fraction, want)
		}
	}
}
