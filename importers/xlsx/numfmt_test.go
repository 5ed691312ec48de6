package xlsx

import "testing"

func TestClassifyFormat(t *testing.T) {
	date := numStyle{kind: kindDate, hasDate: true}
	tm := numStyle{kind: kindDate, hasTime: true}
	dt := numStyle{kind: kindDate, hasDate: true, hasTime: true}
	elapsed := numStyle{kind: kindDate, hasTime: true, elapsed: true}
	pct := numStyle{kind: kindPercent}
	for code, want := range map[string]numStyle{
		"General":                             {},
		"0":                                   {},
		"#,##0.00":                            {},
		`#,##0.00_);[Red](#,##0.00)`:          {},
		`_-"¥"* #,##0.00_-;\-"¥"* #,##0.00_-`: {},
		`0.00E+00`:                            {},
		`"Total: "General`:                    {},
		`0 "days"`:                            {},
		`#,##0" 元/吨"`:                         {},
		`0.0"%"`:                              {},
		"@":                                   {},
		`[$€-2] #,##0.00`:                     {},
		"0%":                                  pct,
		"0.00%;[Red]-0.00%":                   pct,
		"mm-dd-yy":                            date,
		"yyyy/m/d;@":                          date,
		`yyyy"年"m"月"d"日"`:                     date,
		"yyyy年m月d日":                           date,
		`[DBNum1][$-804]yyyy"年"m"月"d"日"`:      date,
		`[$-F800]dddd\,\ mmmm\ dd\,\ yyyy`:    date,
		"mmm-yy":                              date,
		"h:mm":                                tm,
		"hh:mm:ss AM/PM":                      tm,
		`上午/下午h"时"mm"分"`:                      tm,
		"mm:ss":                               tm,
		"mm:ss.0":                             tm,
		"m/d/yy h:mm":                         dt,
		"yyyy-mm-dd hh:mm:ss":                 dt,
		"[h]:mm:ss":                           elapsed,
		"[HH]:MM:SS":                          elapsed,
		"[mm]:ss":                             elapsed,
		"[Red][h]:mm":                         elapsed,
	} {
		if got := classifyFormat(code); got != want {
			t.Errorf("classifyFormat(%q) = %+v, want %+v", code, got, want)
		}
	}
	for _, id := range []int{14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58, 18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56} {
		if classifyFormat(builtinFormats[id]).kind != kindDate {
			t.Errorf("built-in format %d is not a date or time", id)
		}
	}
}

func TestCanonicalNumber(t *testing.T) {
	for raw, want := range map[string]string{
		"1234567.5":             "1234567.5",
		"0":                     "0",
		"-0":                    "0",
		"-0.0":                  "0",
		"007":                   "7",
		"+5":                    "5",
		"1.50":                  "1.5",
		"0.30000000000000004":   "0.3",
		"0.14285714285714285":   "0.142857142857143",
		"1E+20":                 "100000000000000000000",
		"1.5E-3":                "0.0015",
		"-4.5e-7":               "-0.00000045",
		"110101199003077777":    "110101199003077777",
		"123456789012345678.5":  "123456789012346000",
		"99999999999999.9":      "99999999999999.9",
		"99999999999999.99":     "100000000000000",
		"999999999999999.99":    "1000000000000000",
		"2.2250738585072014E-3": "0.0022250738585072",
	} {
		got, ok := canonicalNumber([]byte(raw))
		if !ok || got != want {
			t.Errorf("canonicalNumber(%q) = %q, %v; want %q", raw, got, ok, want)
		}
	}
	for _, raw := range []string{"", "abc", "NaN", "Inf", "1e400", "#N/A", "1,000"} {
		if got, ok := canonicalNumber([]byte(raw)); ok {
			t.Errorf("canonicalNumber(%q) = %q, want not a number", raw, got)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	pct := numStyle{kind: kindPercent}
	date := numStyle{kind: kindDate, hasDate: true}
	tm := numStyle{kind: kindDate, hasTime: true}
	dt := numStyle{kind: kindDate, hasDate: true, hasTime: true}
	elapsed := numStyle{kind: kindDate, hasTime: true, elapsed: true}
	for _, c := range []struct {
		raw  string
		st   numStyle
		d04  bool
		want string
	}{
		{"0.035", pct, false, "3.5%"},
		{"0.03456", pct, false, "3.456%"},
		{"1", pct, false, "100%"},
		{"-0.0005", pct, false, "-0.05%"},
		{"0", pct, false, "0%"},
		{"12.5", pct, false, "1250%"},
		{"0.035000000000000003", pct, false, "3.5%"},
		{"text", pct, false, "text"},
		{"45356", date, false, "2024-03-05"},
		{"45356.0", date, false, "2024-03-05"},
		{"45356.5", date, false, "2024-03-05T12:00:00"},
		{"45356", dt, false, "2024-03-05T00:00:00"},
		{"45356.585416666669", dt, false, "2024-03-05T14:03:00"},
		{"45356.58541667824", dt, false, "2024-03-05T14:03:00.001"},
		{"45356.99999999999", date, false, "2024-03-06"},
		{"0.585416666666667", tm, false, "14:03:00"},
		{"0.585416666666667", tm, true, "14:03:00"},
		{"45356.585416666669", tm, false, "2024-03-05T14:03:00"},
		{"43894", date, true, "2024-03-05"},
		{"0", date, true, "1904-01-01"},
		{"0", date, false, "0"},
		{"0", tm, false, "00:00:00"},
		{"0.25", date, false, "06:00:00"},
		{"1", date, false, "1900-01-01"},
		{"59", date, false, "1900-02-28"},
		{"60", date, false, "1900-02-29"},
		{"61", date, false, "1900-03-01"},
		{"2958465", date, false, "9999-12-31"},
		{"2958466", date, false, "2958466"},
		{"-1", date, false, "-1"},
		{"1.0625", elapsed, false, "25:30:00"},
		{"-0.5", elapsed, false, "-12:00:00"},
		{"0.0000115740740740741", elapsed, false, "0:00:01"},
		{"#VALUE!", date, false, "#VALUE!"},
		{"1234567.5", numStyle{}, false, "1234567.5"},
	} {
		if got := formatNumber([]byte(c.raw), c.st, c.d04); got != c.want {
			t.Errorf("formatNumber(%q, %+v, 1904=%v) = %q, want %q", c.raw, c.st, c.d04, got, c.want)
		}
	}
}

func TestFormatISODate(t *testing.T) {
	date := numStyle{kind: kindDate, hasDate: true}
	tm := numStyle{kind: kindDate, hasTime: true}
	for _, c := range []struct {
		raw  string
		st   numStyle
		want string
	}{
		{"2024-03-05T00:00:00Z", date, "2024-03-05"},
		{"2024-03-05", numStyle{}, "2024-03-05"},
		{"2024-03-05T14:03:00", date, "2024-03-05T14:03:00"},
		{"2024-03-05T14:03:00.5+08:00", date, "2024-03-05T14:03:00.5"},
		{"1899-12-31T14:03:00", tm, "14:03:00"},
		{"14:03:00", numStyle{}, "14:03:00"},
		{"not a date", date, "not a date"},
	} {
		if got := formatISODate([]byte(c.raw), c.st); got != c.want {
			t.Errorf("formatISODate(%q) = %q, want %q", c.raw, got, c.want)
		}
	}
}

func TestShiftDecimal(t *testing.T) {
	for _, c := range [][2]string{
		{"0.03456", "3.456"}, {"1", "100"}, {"-0.5", "-50"}, {"0", "0"}, {"0.001", "0.1"}, {"123.456", "12345.6"},
	} {
		if got := shiftDecimal(c[0], 2); got != c[1] {
			t.Errorf("shiftDecimal(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}
