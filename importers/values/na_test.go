package values

import "testing"

func TestNotApplicable(t *testing.T) {
	for s, want := range map[string]bool{
		"不涉及": true, " 不适用 ": true, "无需反馈": true, "N/A": true, "n/a": true, "Not applicable": true,
		"不涉及（非投诉类）": true, "ＮＡ": true,
		"否": false, "无": false, "不": false, "未报告": false, "是": false, "": false, "涉及": false,
	} {
		if got := NotApplicable(s); got != want {
			t.Errorf("NotApplicable(%q) = %v, want %v", s, got, want)
		}
	}
}
