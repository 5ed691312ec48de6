package values

import (
	"math"
	"testing"
)

// garbage is text found in real spreadsheets that no Parse function may
// accept.
var garbage = []string{
	"", "   ", "\u3000", "N/A", "n/a", "NA", "-", "--", "—", "/", "待定", "暂无", "不详",
	"unknown", "TBD", "null", "NULL", "nil", "NaN", "Inf", "+Inf", "-Inf",
	"2024-13-01", "1.2.3TB", "#VALUE!", "#N/A", "见附件", "?", "...",
}

// closeTo reports whether got is want up to a relative error of 1e-12.
func closeTo(got, want float64) bool {
	if got == want {
		return true
	}
	return math.Abs(got-want) <= 1e-12*math.Max(math.Abs(got), math.Abs(want))
}

func TestGarbageRejectedByAll(t *testing.T) {
	for _, in := range garbage {
		t.Run(in, func(t *testing.T) {
			if v, ok := ParseBool(in); ok {
				t.Errorf("ParseBool(%q) = %v, true", in, v)
			}
			if v, ok := ParseDate(in); ok {
				t.Errorf("ParseDate(%q) = %q, true", in, v)
			}
			if v, ok := ParseDateTime(in); ok {
				t.Errorf("ParseDateTime(%q) = %q, true", in, v)
			}
			if v, ok := ParsePercent(in); ok {
				t.Errorf("ParsePercent(%q) = %+v, true", in, v)
			}
			if v, ok := ParseScale(in); ok {
				t.Errorf("ParseScale(%q) = %+v, true", in, v)
			}
			if v, ok := ParseCount(in); ok {
				t.Errorf("ParseCount(%q) = %d, true", in, v)
			}
			if v, ok := ParseDuration(in); ok {
				t.Errorf("ParseDuration(%q) = %+v, true", in, v)
			}
		})
	}
}
