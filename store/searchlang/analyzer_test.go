package searchlang

import (
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
)

func TestAnalyzeTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"违法内容", []string{"违", "违法", "法", "法内", "内", "内容", "容"}},
		{"违", []string{"违"}},
		{"Report ＡＩ", []string{"report", "ai"}},
		{"违法 report", []string{"违", "违法", "法", "report"}},
	}
	for _, tc := range tests {
		if got := Analyze(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Analyze(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAnalyzePositions(t *testing.T) {
	var got []string
	for _, tok := range analyzeTokens("违法内容") {
		got = append(got, fmt.Sprintf("%s@%d", tok.Term, tok.Position))
	}
	want := []string{"违@1", "违法@1", "法@2", "法内@2", "内@3", "内容@3", "容@4"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("positions = %q, want %q", got, want)
	}
}

func TestRegisteredAnalyzerMatchesAnalyze(t *testing.T) {
	m := bleve.NewIndexMapping()
	if err := Register(m); err != nil {
		t.Fatal(err)
	}
	if err := Register(m); err != nil {
		t.Fatalf("second Register: %v", err)
	}
	for _, text := range []string{"违法内容", "Report ＡＩ 违法的内容 x"} {
		toks, err := m.AnalyzeText(AnalyzerName, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		want := analyzeTokens(text)
		if len(toks) != len(want) {
			t.Fatalf("%q: registered analyzer gives %d tokens, Analyze %d", text, len(toks), len(want))
		}
		for i := range toks {
			if string(toks[i].Term) != string(want[i].Term) || toks[i].Position != want[i].Position ||
				toks[i].Start != want[i].Start || toks[i].End != want[i].End {
				t.Errorf("%q token %d: registered %v, Analyze %v", text, i, toks[i], want[i])
			}
		}
	}
	if err := Register(nil); err == nil {
		t.Error("Register(nil) succeeded")
	}
}

// newCJKIndex returns an in-memory index whose default analyzer is wb_cjk,
// with docs indexed under their map keys as ids.
func newCJKIndex(t testing.TB, m *mapping.IndexMappingImpl, docs map[string]any) bleve.Index {
	t.Helper()
	if m == nil {
		m = bleve.NewIndexMapping()
	}
	if err := Register(m); err != nil {
		t.Fatal(err)
	}
	m.DefaultAnalyzer = AnalyzerName
	idx, err := bleve.NewMemOnly(m)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = idx.Close() })
	b := idx.NewBatch()
	for id, d := range docs {
		if err := b.Index(id, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Batch(b); err != nil {
		t.Fatal(err)
	}
	return idx
}

func hits(t testing.TB, idx bleve.Index, q query.Query) []string {
	t.Helper()
	req := bleve.NewSearchRequestOptions(q, 100, 0, false)
	res, err := idx.Search(req)
	if err != nil {
		t.Fatalf("search: %v", err)
	}
	ids := make([]string, 0, len(res.Hits))
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	sort.Strings(ids)
	return ids
}

func TestAnalyzerInIndex(t *testing.T) {
	idx := newCJKIndex(t, nil, map[string]any{
		"a": map[string]any{"text": "发现违法内容"},
		"b": map[string]any{"text": "违法的内容"},
		"c": map[string]any{"text": "Monthly Report 合规"},
		"d": map[string]any{"text": "AI 模型"},
		"e": map[string]any{"text": "违法 report 已提交"},
		"f": map[string]any{"text": "ＡＩ系统"},
	})
	match := func(s string) query.Query {
		q := query.NewMatchQuery(s)
		q.SetField("text")
		q.Operator = query.MatchQueryOperatorAnd
		return q
	}
	phrase := func(s string) query.Query {
		q := query.NewMatchPhraseQuery(s)
		q.SetField("text")
		return q
	}
	tests := []struct {
		name string
		q    query.Query
		want []string
	}{
		{"one character", match("违"), []string{"a", "b", "e"}},
		{"two characters", match("违法"), []string{"a", "b", "e"}},
		{"phrase adjacent only", phrase("违法内容"), []string{"a"}},
		{"phrase two chars", phrase("内容"), []string{"a", "b"}},
		{"english lower", match("report"), []string{"c", "e"}},
		{"english upper", match("REPORT"), []string{"c", "e"}},
		{"full-width query", match("ＡＩ"), []string{"d", "f"}},
		{"full-width in doc", match("Ai"), []string{"d", "f"}},
		{"mixed AND", match("违法 report"), []string{"e"}},
		{"no match", phrase("内容违法"), []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := hits(t, idx, tc.q); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("hits = %q, want %q", got, tc.want)
			}
		})
	}
}
