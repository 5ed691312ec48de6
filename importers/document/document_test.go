package document

import "testing"

func TestPartLocation(t *testing.T) {
	tests := []struct {
		p    Passage
		want string
	}{
		{Passage{Page: 3, Text: "正文"}, ""},
		{Passage{Paragraph: 2, Footnote: "1", Text: "脚注"}, ""},
		{Passage{Part: PartHeader, Text: "内部资料"}, "header"},
		{Passage{Part: PartFooter, Text: "第 1 页"}, "footer"},
		{Passage{Part: PartComment, Comment: 3, Author: "张三"}, "comment 3 by 张三"},
		{Passage{Part: PartComment, Comment: 1}, "comment 1"},
		{Passage{Part: PartComment, Author: "李四"}, "comment by 李四"},
	}
	for _, tt := range tests {
		if got := tt.p.PartLocation(); got != tt.want {
			t.Errorf("%+v: PartLocation() = %q, want %q", tt.p, got, tt.want)
		}
	}
}
