package workbench

import "testing"

func TestArticleRefText(t *testing.T) {
	for _, tc := range []struct {
		r      ArticleRef
		en, zh string
	}{
		{ArticleRef{Article: 8}, "Art. 8", "第八条"},
		{ArticleRef{Article: 7, Item: 1}, "Art. 7(1)", "第七条第（一）项"},
		{ArticleRef{Article: 14, Paragraph: 1}, "Art. 14 ¶1", "第十四条第一款"},
		{ArticleRef{Article: 20}, "Art. 20", "第二十条"},
		{ArticleRef{Article: 23, Paragraph: 2}, "Art. 23 ¶2", "第二十三条第二款"},
		{ArticleRef{Article: 4, Paragraph: 1, Item: 5}, "Art. 4 ¶1(5)", "第四条第一款第（五）项"},
	} {
		if got := tc.r.String(); got != tc.en {
			t.Errorf("%+v.String() = %q, want %q", tc.r, got, tc.en)
		}
		if got := tc.r.Zh(); got != tc.zh {
			t.Errorf("%+v.Zh() = %q, want %q", tc.r, got, tc.zh)
		}
	}
	if zhNumber(10) != "十" || zhNumber(24) != "二十四" || zhNumber(100) != "100" {
		t.Error("zhNumber")
	}
}
