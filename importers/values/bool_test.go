package values

import "testing"

func TestParseBool(t *testing.T) {
	tests := []struct {
		in     string
		want   bool
		wantOK bool
	}{
		// true
		{"是", true, true},
		{"有", true, true},
		{"已", true, true},
		{"对", true, true},
		{"√", true, true},
		{"✓", true, true},
		{"✔", true, true},
		{"y", true, true},
		{"Y", true, true},
		{"yes", true, true},
		{"Yes", true, true},
		{"YES", true, true},
		{"true", true, true},
		{"TRUE", true, true},
		{"True", true, true},
		{"t", true, true},
		{"T", true, true},
		{"1", true, true},
		{"on", true, true},
		{"ON", true, true},
		{"包含", true, true},
		{"含", true, true},
		{"涉及", true, true},
		{"已报告", true, true},
		{"已反馈", true, true},
		{"是的", true, true},
		{" 是 ", true, true},
		{"\u3000是\u3000", true, true},
		{"ＹＥＳ", true, true},
		{"１", true, true},
		{"\tyes\n", true, true},
		// false
		{"否", false, true},
		{"无", false, true},
		{"没有", false, true},
		{"未", false, true},
		{"不", false, true},
		{"×", false, true},
		{"✗", false, true},
		{"✘", false, true},
		{"✕", false, true},
		{"n", false, true},
		{"N", false, true},
		{"no", false, true},
		{"No", false, true},
		{"NO", false, true},
		{"false", false, true},
		{"FALSE", false, true},
		{"f", false, true},
		{"F", false, true},
		{"0", false, true},
		{"off", false, true},
		{"Off", false, true},
		{"不包含", false, true},
		{"不含", false, true},
		{"不涉及", false, true},
		{"未报告", false, true},
		{"未反馈", false, true},
		{"不是", false, true},
		{"０", false, true},
		{"  no  ", false, true},
		// not a yes/no answer
		{"", false, false},
		{"   ", false, false},
		{"N/A", false, false},
		{"-", false, false},
		{"待定", false, false},
		{"unknown", false, false},
		{"2", false, false},
		{"yess", false, false},
		{"ye", false, false},
		{"nope", false, false},
		{"是否", false, false},
		{"x", false, false},
		{"X", false, false},
		{"10", false, false},
		{"1.0", false, false},
		{"truefalse", false, false},
		{"a very long text that is not a boolean", false, false},
		{"\xff", false, false},
		{"是\xff", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := ParseBool(tc.in)
			if ok != tc.wantOK || got != tc.want {
				t.Errorf("ParseBool(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.wantOK)
			}
		})
	}
}

func TestParseBoolNoAlloc(t *testing.T) {
	for _, in := range []string{"Yes", "TRUE", "是", " no ", "不涉及"} {
		if n := testing.AllocsPerRun(100, func() { _, _ = ParseBool(in) }); n != 0 {
			t.Errorf("ParseBool(%q) allocates %v times", in, n)
		}
	}
}
