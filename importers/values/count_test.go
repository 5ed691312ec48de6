package values

import "testing"

func TestParseCount(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   int64
		wantOK bool
	}{
		{"plain", "1234", 1234, true},
		{"separators", "1,234", 1234, true},
		{"long separators", "1,234,567,890", 1234567890, true},
		{"zero", "0", 0, true},
		{"leading zeros", "007", 7, true},
		{"wan", "1.2万", 12000, true},
		{"wan integer", "3万", 30000, true},
		{"yi", "2亿", 200000000, true},
		{"k", "3K", 3000, true},
		{"k lower", "3k", 3000, true},
		{"k decimal", "1.5K", 1500, true},
		{"m", "2M", 2000000, true},
		{"w", "10w", 100000, true},
		{"tiao", "1,234 条", 1234, true},
		{"ren", "1234人", 1234, true},
		{"ming", "12 名", 12, true},
		{"wei", "3位", 3, true},
		{"ge", "5个", 5, true},
		{"ge ren", "5个人", 5, true},
		{"wan ren", "1.2万人", 12000, true},
		{"items", "12 items", 12, true},
		{"item", "1 item", 1, true},
		{"people", "12 people", 12, true},
		{"persons", "12 persons", 12, true},
		{"person upper", "1 Person", 1, true},
		{"whole decimal", "12.0", 12, true},
		{"whole decimal zeros", "12.000000000000000000000", 12, true},
		{"exponent", "1e3", 1000, true},
		{"full width", "１，２３４条", 1234, true},
		{"spaces", "  42  ", 42, true},
		{"max", "4611686018427387904", 1 << 62, true},
		{"plus", "+5", 5, true},

		{"not whole", "12.5", 0, false},
		{"not whole tiny", "12.000000000000000000001", 0, false},
		{"not whole after multiplier", "1.23456万", 0, false},
		{"over max", "4611686018427387905", 0, false},
		{"way over max", "99999999999999999999999", 0, false},
		{"over max with multiplier", "1万亿亿", 0, false},
		{"over max exponent", "1e19", 0, false},
		{"huge exponent", "1e99999999", 0, false},
		{"negative", "-5", 0, false},
		{"negative unit", "-5人", 0, false},
		{"bad grouping", "12,34", 0, false},
		{"approximate", "约1000人", 0, false},
		{"plus after", "1000+", 0, false},
		{"other unit", "5 tokens", 0, false},
		{"two units", "5人条", 0, false},
		{"empty", "", 0, false},
		{"spaces only", "   ", 0, false},
		{"n/a", "N/A", 0, false},
		{"dash", "-", 0, false},
		{"tbd", "待定", 0, false},
		{"unknown", "unknown", 0, false},
		{"date", "2024-13-01", 0, false},
		{"two dots", "1.2.3", 0, false},
		{"percent", "5%", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ParseCount(tc.in)
			if ok != tc.wantOK || got != tc.want {
				t.Errorf("ParseCount(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.wantOK)
			}
		})
	}
}

func TestParseCountNoAlloc(t *testing.T) {
	for _, in := range []string{"1,234", "1234人", "1.2万"} {
		if n := testing.AllocsPerRun(100, func() { _, _ = ParseCount(in) }); n != 0 {
			t.Errorf("ParseCount(%q) allocates %v times", in, n)
		}
	}
}
