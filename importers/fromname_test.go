package importers

import "testing"

// A question bank's sheet or file name gives the bank when no column
// does; the longest spelling wins (非拒答测试题 holds 拒答测试题 too), and
// a name naming no bank, or two equally, gives none.
func TestTermInName(t *testing.T) {
	f := SpecFor("test_question").Field("bank")
	for name, want := range map[string]string{
		"应拒答测试题":              "should_refuse",
		"非拒答测试题":              "should_answer",
		"非拒答测试题库":             "should_answer",
		"生成内容测试题库":            "generated",
		"generated_questions": "generated",
		"Sheet1":              "",
		"测试结果":                "",
	} {
		if got := termInName(f, name); got != want {
			t.Errorf("termInName(%q) = %q, want %q", name, got, want)
		}
	}
}
