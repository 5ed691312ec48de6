package docx

import "testing"

func TestHeadingName(t *testing.T) {
	for name, want := range map[string]int{
		"heading 1": 1, "Heading 3": 3, "标题 2": 2, "标题2": 2, "一级标题": 1, "二级标题": 2, "九级标题": 9, "1级标题": 1,
		"标题一": 1, "标题三": 3, "文档标题": 0, "正文缩进": 0, "标题": 0, "十级标题": 0, "heading": 0, "Heading 10": 0,
	} {
		if got := headingName(name); got != want {
			t.Errorf("headingName(%q) = %d, want %d", name, got, want)
		}
	}
}
