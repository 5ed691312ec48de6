package values

import (
	"math"
	"testing"
)

func TestParseScale(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		value  float64
		unit   string
		wantOK bool
	}{
		// the examples of the specification
		{"terabytes", "1.2TB", 1.2e12, UnitBytes, true},
		{"yi tokens", "3亿 tokens", 3e8, UnitTokens, true},
		{"wan items", "50万条", 5e5, UnitItems, true},
		{"billion tokens", "1.5B tokens", 1.5e9, UnitTokens, true},
		{"bare billion", "70B", 7e10, "", true},
		{"parameters", "700亿参数", 7e10, UnitParameters, true},
		{"thousands separators", "1,234,567 条", 1234567, UnitItems, true},
		{"approx hours", "约1.2万小时", 12000, UnitHours, true},
		{"gibibytes", "512 GiB", 512 * (1 << 30), UnitBytes, true},
		{"trillion tokens", "2.3T tokens", 2.3e12, UnitTokens, true},
		{"bare number", "12345", 12345, "", true},

		// numbers
		{"zero", "0", 0, "", true},
		{"decimal", "1.5", 1.5, "", true},
		{"exponent", "1.2e9 tokens", 1.2e9, UnitTokens, true},
		{"exponent capital plus", "1.2E+09", 1.2e9, "", true},
		{"full width", "３亿　ｔｏｋｅｎｓ", 3e8, UnitTokens, true},
		{"full width comma", "１，２３４条", 1234, UnitItems, true},
		{"spaces around", "  50万条  ", 5e5, UnitItems, true},
		{"huge", "1e300", 1e300, "", true},
		{"many digits", "123456789012345678901234", 123456789012345678901234, "", true},

		// Chinese multipliers
		{"wan", "1万", 1e4, "", true},
		{"shi wan", "3十万", 3e5, "", true},
		{"bai wan", "2百万条", 2e6, UnitItems, true},
		{"qian wan", "1千万", 1e7, "", true},
		{"yi", "3亿", 3e8, "", true},
		{"shi yi", "5十亿", 5e9, "", true},
		{"bai yi", "2百亿", 2e10, "", true},
		{"qian yi", "1千亿 tokens", 1e11, UnitTokens, true},
		{"wan yi", "1.5万亿 tokens", 1.5e12, UnitTokens, true},
		{"qian", "3千条", 3e3, UnitItems, true},
		{"w shorthand", "10w+", 1e5, "", true},
		{"w shorthand items", "50W条", 5e5, UnitItems, true},

		// Latin multipliers
		{"k", "3K", 3e3, "", true},
		{"k lower", "3k samples", 3e3, UnitItems, true},
		{"thousand", "3 thousand rows", 3e3, UnitItems, true},
		{"thousands", "3 thousands", 3e3, "", true},
		{"m", "5M tokens", 5e6, UnitTokens, true},
		{"m lower", "5m tokens", 5e6, UnitTokens, true},
		{"mn", "5mn tokens", 5e6, UnitTokens, true},
		{"million", "5 million tokens", 5e6, UnitTokens, true},
		{"millions", "5 millions", 5e6, "", true},
		{"b lower", "7b", 7e9, "", true},
		{"bn", "1.5bn tokens", 1.5e9, UnitTokens, true},
		{"billion", "1.5 billion tokens", 1.5e9, UnitTokens, true},
		{"billion params", "7B params", 7e9, UnitParameters, true},
		{"billion parameters", "175B parameters", 1.75e11, UnitParameters, true},
		{"t", "2T", 2e12, "", true},
		{"trillion", "2 trillion tokens", 2e12, UnitTokens, true},

		// tokens
		{"token", "1 token", 1, UnitTokens, true},
		{"tokens upper", "100 TOKENS", 100, UnitTokens, true},
		{"tok", "5M tok", 5e6, UnitTokens, true},
		{"ci yuan", "3亿词元", 3e8, UnitTokens, true},
		{"ge token", "3亿个token", 3e8, UnitTokens, true},

		// items
		{"tiao", "100条", 100, UnitItems, true},
		{"ge", "100个", 100, UnitItems, true},
		{"zhang", "1万张", 1e4, UnitItems, true},
		{"pian", "500篇", 500, UnitItems, true},
		{"duan", "500段", 500, UnitItems, true},
		{"fu", "500幅", 500, UnitItems, true},
		{"fen", "500份", 500, UnitItems, true},
		{"zu", "500组", 500, UnitItems, true},
		{"dui", "500对", 500, UnitItems, true},
		{"ju", "500句", 500, UnitItems, true},
		{"items", "500 items", 500, UnitItems, true},
		{"item", "1 item", 1, UnitItems, true},
		{"samples", "500 samples", 500, UnitItems, true},
		{"sample", "1 sample", 1, UnitItems, true},
		{"records", "500 records", 500, UnitItems, true},
		{"rows", "500 rows", 500, UnitItems, true},
		{"yang ben", "500样本", 500, UnitItems, true},
		{"yang li", "500样例", 500, UnitItems, true},
		{"tiao shu ju", "500条数据", 500, UnitItems, true},

		// bytes
		{"bytes", "100 bytes", 100, UnitBytes, true},
		{"zi jie", "100字节", 100, UnitBytes, true},
		{"kb", "1KB", 1e3, UnitBytes, true},
		{"mb", "1.5MB", 1.5e6, UnitBytes, true},
		{"gb", "1.5 GB", 1.5e9, UnitBytes, true},
		{"gb lower", "500gb", 5e11, UnitBytes, true},
		{"pb", "2PB", 2e15, UnitBytes, true},
		{"eb", "1EB", 1e18, UnitBytes, true},
		{"exponent before eb", "1e3EB", 1e21, UnitBytes, true},
		{"kib", "1KiB", 1024, UnitBytes, true},
		{"mib", "1MiB", 1 << 20, UnitBytes, true},
		{"tib", "2TiB", 2 * (1 << 40), UnitBytes, true},
		{"pib", "1PiB", 1 << 50, UnitBytes, true},
		{"eib", "1EiB", 1 << 60, UnitBytes, true},
		{"b after chinese multiplier", "5万B", 5e4, UnitBytes, true},
		{"wan gb", "1.2万GB", 1.2e13, UnitBytes, true},

		// hours
		{"xiao shi", "1000小时", 1000, UnitHours, true},
		{"h", "1000h", 1000, UnitHours, true},
		{"hr", "1000 hr", 1000, UnitHours, true},
		{"hrs", "1000 hrs", 1000, UnitHours, true},
		{"hour", "1 hour", 1, UnitHours, true},
		{"hours", "1.2k hours", 1200, UnitHours, true},
		{"shi chang xiao shi", "500时长小时", 500, UnitHours, true},

		// parameters
		{"params", "7B params", 7e9, UnitParameters, true},
		{"can shu", "70亿参数", 7e9, UnitParameters, true},
		{"ge can shu", "70亿个参数", 7e9, UnitParameters, true},
		{"can shu liang", "70亿参数量", 7e9, UnitParameters, true},

		// approximations
		{"da yue", "大约50万条", 5e5, UnitItems, true},
		{"about", "about 3 billion tokens", 3e9, UnitTokens, true},
		{"approx", "approx. 3B tokens", 3e9, UnitTokens, true},
		{"tilde", "~3亿", 3e8, "", true},
		{"full width tilde", "～3亿", 3e8, "", true},
		{"almost equal", "≈3亿", 3e8, "", true},
		{"greater", ">1亿 tokens", 1e8, UnitTokens, true},
		{"chao guo", "超过1亿条", 1e8, UnitItems, true},
		{"gong", "共1,234条", 1234, UnitItems, true},
		{"zuo you", "50万条左右", 5e5, UnitItems, true},
		{"yi shang", "50万条以上", 5e5, UnitItems, true},
		{"plus", "50万+", 5e5, "", true},
		{"plus after unit", "500+ items", 500, UnitItems, true},
		{"yu mid", "50余万条", 5e5, UnitItems, true},
		{"duo mid", "1万多条", 1e4, UnitItems, true},
		{"yue and zuo you", "约 1.2 万 小时 左右", 12000, UnitHours, true},

		// not quantities
		{"empty", "", 0, "", false},
		{"spaces", "   ", 0, "", false},
		{"n/a", "N/A", 0, "", false},
		{"dash", "-", 0, "", false},
		{"tbd", "待定", 0, "", false},
		{"unknown", "unknown", 0, "", false},
		{"two dots", "1.2.3TB", 0, "", false},
		{"date", "2024-13-01", 0, "", false},
		{"negative", "-5", 0, "", false},
		{"negative unit", "-1.2TB", 0, "", false},
		{"minus sign", "−5", 0, "", false},
		{"nan", "NaN", 0, "", false},
		{"inf", "Inf", 0, "", false},
		{"overflow", "1e400", 0, "", false},
		{"overflow with multiplier", "1e300万亿", 0, "", false},
		{"unit only", "TB", 0, "", false},
		{"multiplier only", "万", 0, "", false},
		{"unknown unit", "5 apples", 0, "", false},
		{"g alone", "500G", 0, "", false},
		{"t lower", "2t", 0, "", false},
		{"bb", "5BB", 0, "", false},
		{"two multipliers latin", "5KM", 0, "", false},
		{"range", "1~2万", 0, "", false},
		{"range dash", "1-2万条", 0, "", false},
		{"bad grouping", "1,23,456", 0, "", false},
		{"decimal comma", "1,5", 0, "", false},
		{"trailing dot", "5.", 0, "", false},
		{"unit then number", "tokens 5", 0, "", false},
		{"two units", "5 tokens items", 0, "", false},
		{"min is not million", "5 min", 0, "", false},
		{"h prefix of word", "5 hello", 0, "", false},
		{"less than", "<1亿", 0, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ParseScale(tc.in)
			if ok != tc.wantOK {
				t.Fatalf("ParseScale(%q) = %+v, %v; want ok=%v", tc.in, got, ok, tc.wantOK)
			}
			if !ok {
				if got != (Scale{}) {
					t.Errorf("ParseScale(%q) = %+v with ok=false, want zero Scale", tc.in, got)
				}
				return
			}
			if !closeTo(got.Value, tc.value) || got.Unit != tc.unit {
				t.Errorf("ParseScale(%q) = %+v; want {Value:%v Unit:%q}", tc.in, got, tc.value, tc.unit)
			}
		})
	}
}

// TestParseScaleExact checks that multipliers are applied to the decimal
// written, so the value is the float64 nearest to it.
func TestParseScaleExact(t *testing.T) {
	for in, want := range map[string]float64{
		"1.2TB": 1.2e12, "1.5B": 1.5e9, "2.3T": 2.3e12, "1.2万": 12000, "0.7亿": 7e7,
		"3.14159 million": 3.14159e6, "1.1万亿": 1.1e12, "0.3MB": 3e5,
	} {
		if got, _ := ParseScale(in); got.Value != want {
			t.Errorf("ParseScale(%q).Value = %v, want exactly %v", in, got.Value, want)
		}
	}
}

func TestParseScaleNoAlloc(t *testing.T) {
	for _, in := range []string{"1.2TB", "3亿 tokens", "1,234,567 条", "12345"} {
		if n := testing.AllocsPerRun(100, func() { _, _ = ParseScale(in) }); n != 0 {
			t.Errorf("ParseScale(%q) allocates %v times", in, n)
		}
	}
}

func TestDecimalFloat(t *testing.T) {
	tests := []struct {
		d    decimal
		want float64
	}{
		{decimal{mant: 0, exp: 5}, 0},
		{decimal{mant: 12, exp: -1}, 1.2},
		{decimal{mant: 12, exp: 11}, 1.2e12},
		{decimal{mant: 1, exp: 30}, 1e30},
		{decimal{mant: 1, exp: -30}, 1e-30},
		{decimal{mant: 1, exp: 400}, math.Inf(1)},
		{decimal{mant: 1, exp: -400}, 0},
		{decimal{mant: 1, exp: 1 << 40}, math.Inf(1)},
		{decimal{mant: 1, exp: -(1 << 40)}, 0},
		{decimal{mant: 1<<53 + 1, exp: 0}, 1 << 53}, // a tie: rounds to even
	}
	for _, tc := range tests {
		if got := tc.d.float(); got != tc.want {
			t.Errorf("%+v.float() = %v, want %v", tc.d, got, tc.want)
		}
	}
}
