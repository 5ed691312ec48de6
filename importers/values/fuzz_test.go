package values

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds the same text to every Parse function and checks that none
// panics and that what they return is well formed.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", " ", "是", "Yes", "不涉及", "√",
		"2024-03-05", "2024/3/5 14:03", "2024年3月5日 14时03分05秒", "20240305",
		"2024-03-05T14:03:05.123+08:00", "45356.5", "73050.99999", "2024-02-30",
		"3.5%", "３.５％", "千分之五", "百分之三点五", "5‰", "0.035", "100",
		"1.2TB", "3亿 tokens", "约1.2万小时左右", "512 GiB", "70B", "1,234,567 条", "1e308万亿",
		"1.2万", "4611686018427387904", "12.000000000000000000001",
		"15个工作日内", "两周", "一百零五天", "30分钟",
		"N/A", "-", "待定", "unknown", "1.2.3TB", "\xff\xef\xbc", "\u3000",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := FoldWidth(s)
		if FoldWidth(folded) != folded {
			t.Errorf("FoldWidth not idempotent on %q", s)
		}
		if len(folded) > len(s) {
			t.Errorf("FoldWidth(%q) = %q is longer", s, folded)
		}
		if utf8.ValidString(s) && !utf8.ValidString(folded) {
			t.Errorf("FoldWidth(%q) = %q is not valid UTF-8", s, folded)
		}

		b, ok := ParseBool(s)
		if b2, ok2 := ParseBool(folded); b2 != b || ok2 != ok {
			t.Errorf("ParseBool(%q) = %v, %v but of its folded text %v, %v", s, b, ok, b2, ok2)
		}
		if !ok && b {
			t.Errorf("ParseBool(%q) = true, false", s)
		}

		date, dok := ParseDate(s)
		if dok {
			tm, ok := ParseTime(date)
			if !ok || tm.Precision() > Day {
				t.Errorf("ParseDate(%q) = %q: ParseTime reads it as %v, %v", s, date, tm, ok)
			} else if y := tm.Start().Year(); y < minYear || y > maxYear {
				t.Errorf("ParseDate(%q) = %q: year out of range", s, date)
			}
		} else if date != "" {
			t.Errorf("ParseDate(%q) = %q, false", s, date)
		}

		dt, tok := ParseDateTime(s)
		if tok != dok {
			t.Errorf("ParseDate(%q) ok=%v but ParseDateTime ok=%v", s, dok, tok)
		}
		if tok {
			if tm, ok := ParseTime(dt); !ok {
				t.Errorf("ParseDateTime(%q) = %q, which ParseTime cannot read", s, dt)
			} else if tm.String() != dt && tm.Precision() != Day {
				t.Errorf("ParseDateTime(%q) = %q, which ParseTime reads as %q", s, dt, tm.String())
			}
			if !strings.HasPrefix(dt, date) {
				t.Errorf("ParseDateTime(%q) = %q but ParseDate = %q", s, dt, date)
			}
		}

		p, ok := ParsePercent(s)
		if ok {
			if !(p.Fraction >= 0 && p.Fraction <= 1) {
				t.Errorf("ParsePercent(%q) = %+v: fraction out of [0,1]", s, p)
			}
			if p.Assumed && !(p.Fraction > 0.01 && p.Fraction <= 1) {
				t.Errorf("ParsePercent(%q) = %+v: assumed percent out of (1%%, 100%%]", s, p)
			}
		} else if p != (Percent{}) {
			t.Errorf("ParsePercent(%q) = %+v, false", s, p)
		}

		if per, ok := ParsePeriod(s); ok {
			if _, ok := ParseStoredPeriod(per); !ok {
				t.Errorf("ParsePeriod(%q) = %q, which ParseStoredPeriod cannot read", s, per)
			}
		}

		sc, ok := ParseScale(s)
		if ok {
			if math.IsNaN(sc.Value) || math.IsInf(sc.Value, 0) || sc.Value < 0 {
				t.Errorf("ParseScale(%q) = %+v: value not finite and >= 0", s, sc)
			}
			switch sc.Unit {
			case "", UnitTokens, UnitItems, UnitBytes, UnitHours, UnitParameters:
			default:
				t.Errorf("ParseScale(%q) = %+v: unknown unit", s, sc)
			}
		} else if sc != (Scale{}) {
			t.Errorf("ParseScale(%q) = %+v, false", s, sc)
		}

		n, ok := ParseCount(s)
		if ok {
			if n < 0 || n > 1<<62 {
				t.Errorf("ParseCount(%q) = %d: out of range", s, n)
			}
			if sc, ok := ParseScale(s); ok && sc.Value != float64(n) && !strings.ContainsAny(s, "人名位") {
				// Every count without a people unit is also a scale.
				t.Errorf("ParseCount(%q) = %d but ParseScale = %+v", s, n, sc)
			}
		} else if n != 0 {
			t.Errorf("ParseCount(%q) = %d, false", s, n)
		}

		d, ok := ParseDuration(s)
		if ok {
			if math.IsNaN(d.Value) || math.IsInf(d.Value, 0) || d.Value < 0 {
				t.Errorf("ParseDuration(%q) = %+v: value not finite and >= 0", s, d)
			}
			if h := d.Hours(); math.IsNaN(h) || math.IsInf(h, 0) || h < 0 {
				t.Errorf("ParseDuration(%q).Hours() = %v", s, h)
			}
			switch d.Unit {
			case UnitHours, UnitDays, UnitWorkingDays:
			default:
				t.Errorf("ParseDuration(%q) = %+v: unknown unit", s, d)
			}
		} else if d != (Duration{}) {
			t.Errorf("ParseDuration(%q) = %+v, false", s, d)
		}
	})
}
