package fulltext

import (
	"github.com/inspection-workbench/workbench"

	"reflect"
	"strings"
	"testing"
)

func TestSpansMergeOverlapsAndNeighbours(t *testing.T) {
	// 违法内容 matched as bigrams 违法 法内 内容 (bytes 0-6, 3-9, 6-12),
	// then report at 13-19, then 内 again at 30-33.
	got := mergeSpans([][2]int{{30, 33}, {13, 19}, {3, 9}, {0, 6}, {6, 12}})
	want := [][2]int{{0, 12}, {13, 19}, {30, 33}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("spans = %v, want %v", got, want)
	}
	if mergeSpans(nil) != nil {
		t.Error("no locations should give no spans")
	}
}

// TestSpansOf: highlighting re-analyses the text and marks what the query
// matches there: every occurrence of a word, a phrase only where its terms
// stand together, nothing of an excluded clause or a filter.
func TestSpansOf(t *testing.T) {
	text := "违法内容，违法的内容 report 内容 Reports e-mail"
	mark := func(s string, nth int) [2]int {
		i := -1
		for range nth + 1 {
			i += 1 + strings.Index(text[i+1:], s)
		}
		return [2]int{i, i + len(s)}
	}
	em := strings.Index(text, "e-mail")
	tests := []struct {
		q    string
		want [][2]int
	}{
		{`违法内容`, [][2]int{mark("违法内容", 0)}},
		{`"违法内容"`, [][2]int{mark("违法内容", 0)}},
		{`内容`, [][2]int{mark("内容", 0), mark("内容", 1), mark("内容", 2)}},
		{`"违法 内容"`, [][2]int{mark("违法内容", 0)}},
		{`report`, [][2]int{mark("report", 0)}},
		{`违 -report`, [][2]int{mark("违", 0), mark("违", 1)}},
		{`e-mail`, [][2]int{{em, em + 1}, {em + 2, em + 6}}}, // two words, any order
		{`"的内容" OR 违法内容 kind:incident`, [][2]int{mark("违法内容", 0), mark("的内容", 0)}},
		{`停止生成`, nil},
	}
	for _, tc := range tests {
		pq, err := ParseQuery(tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := spansOf(text, pq); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: spans %v, want %v", tc.q, got, tc.want)
		}
	}
}

func TestSnippetWindow(t *testing.T) {
	text := strings.Repeat("前文", 100) + "违法内容" + strings.Repeat("后文", 100)
	start := len(strings.Repeat("前文", 100))
	segs := snippet(text, [][2]int{{start, start + len("违法内容")}}, 40)
	var b strings.Builder
	marked := 0
	for _, s := range segs {
		if s.Mark {
			marked++
			if s.Text != "违法内容" {
				t.Errorf("marked %q", s.Text)
			}
		}
		b.WriteString(s.Text)
	}
	out := b.String()
	if marked != 1 || !strings.HasPrefix(out, "…") || !strings.HasSuffix(out, "…") {
		t.Errorf("snippet %q", out)
	}
	if n := len([]rune(out)); n > 44 {
		t.Errorf("snippet has %d characters, want about 40", n)
	}
	// The match stands in the first quarter, not at the very start.
	if i := strings.Index(out, "违法内容"); i < 3*5 {
		t.Errorf("match at byte %d of %q", i, out)
	}
}

func TestSnippetShortTextAndMarkup(t *testing.T) {
	segs := snippet("a<b>\n违法", [][2]int{{5, 11}}, 120)
	want := []workbench.Segment{{Text: "a<b> / "}, {Text: "违法", Mark: true}}
	if !reflect.DeepEqual(segs, want) {
		t.Errorf("segments %+v, want %+v", segs, want)
	}
	if got := markup(segs); got != "a&lt;b&gt; / <mark>违法</mark>" {
		t.Errorf("markup %q", got)
	}
	// Spans outside the window or overlapping a previous one are skipped.
	segs = snippet("abcdef", [][2]int{{1, 3}, {2, 4}, {10, 12}}, 120)
	if markup(segs) != "a<mark>bc</mark>def" {
		t.Errorf("overlapping spans: %q", markup(segs))
	}
}

func TestPlaceString(t *testing.T) {
	for _, tc := range []struct {
		p    Place
		want string
	}{
		{Place{Sheet: "数据来源", Row: 4, RowUnit: "row"}, `sheet "数据来源", row 4`},
		{Place{Row: 12, RowUnit: "line"}, "line 12"},
		{Place{Row: 3, RowUnit: "record"}, "record 3"},
		{Place{Page: 2}, "page 2"},
		{Place{Para: 15, Table: 1, TableRow: 2, TableCell: 1}, "paragraph 15, table 1 row 2 cell 1"},
		{Place{Line: 40}, "line 40"},
		{Place{Headings: []string{"3 标注规则", "3.2 安全性标注"}, Para: 10}, "3 标注规则 > 3.2 安全性标注, paragraph 10"},
		{Place{Headings: []string{"2 概述"}, Line: 7}, "2 概述, line 7"},
		{Place{Part: "header"}, "header"},
		{Place{Page: 2, Part: "comment", Comment: 1, Author: "张三"}, "page 2, comment 1 by 张三"},
		{PassagePlace(workbench.PassageRow{HeadingPath: `["A","B"]`, Paragraph: 3, Part: "comment", Comment: 2}), "A > B, comment 2, paragraph 3"},
		{PassagePlace(workbench.PassageRow{HeadingPath: `not json`, Paragraph: 3}), "paragraph 3"},
	} {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.p, got, tc.want)
		}
	}
}

func TestHitIDs(t *testing.T) {
	if RecordHitID(12) != "rec-12" || PassageHitID(7) != "psg-7" {
		t.Errorf("hit ids %q %q", RecordHitID(12), PassageHitID(7))
	}
	for _, tc := range []struct {
		id      string
		passage bool
		n       int64
		ok      bool
	}{
		{"rec-12", false, 12, true},
		{"psg-7", true, 7, true},
		{"rec-", false, 0, false},
		{"rec-+5", false, 0, false},
		{"rec-1a", false, 0, false},
		{"INC-0042", false, 0, false},
		{"psg-99999999999999999999", false, 0, false},
	} {
		passage, n, ok := ParseHitID(tc.id)
		if passage != tc.passage || n != tc.n || ok != tc.ok {
			t.Errorf("ParseHitID(%q) = %v %d %v", tc.id, passage, n, ok)
		}
	}
}
