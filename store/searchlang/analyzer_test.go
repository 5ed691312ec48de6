package searchlang

import (
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
)

func TestAnalyzeTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"违法内容", []string{"违", "违法", "违法内", "违法内容", "法", "法内", "法内容", "内", "内容", "容"}},
		{"违", []string{"违"}},
		{"Report ＡＩ", []string{"report", "ai"}},
		{"违法 report", []string{"违", "违法", "法", "report"}},
		{"提示词注入", []string{"提", "提示", "提示词", "提示词注", "示", "示词", "示词注", "示词注入", "词", "词注", "词注入", "注", "注入", "入"}},
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
	want := []string{"违@1", "违法@1", "违法内@1", "违法内容@1", "法@2", "法内@2", "法内容@2", "内@3", "内容@3", "容@4"}
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

func TestTokenizerEdges(t *testing.T) {
	tests := []struct {
		in   string
		want []string // term@pos[start:end]
	}{
		{"ＡＢ违", []string{"ab@1[0:6]", "违@2[6:9]"}},
		{"违法　内容", []string{"违@1[0:3]", "违法@1[0:6]", "法@2[3:6]", "内@3[9:12]", "内容@3[9:15]", "容@4[12:15]"}},
		{"v3.1 版本 3,000条 don't e-mail", []string{"v3.1@1[0:4]", "版@2[5:8]", "版本@2[5:11]", "本@3[8:11]", "3,000@4[12:17]", "条@5[17:20]", "don't@6[21:26]", "e@7[27:28]", "mail@8[29:33]"}},
		{"end. 3.", []string{"end@1[0:3]", "3@2[5:6]"}},
		{"Ünïcode Straße", []string{"ünïcode@1[0:9]", "straße@2[10:17]"}},
		{"", nil},
		{"，。！", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, tok := range analyzeTokens(tc.in) {
			got = append(got, fmt.Sprintf("%s@%d[%d:%d]", tok.Term, tok.Position, tok.Start, tok.End))
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestTokenizerMatchesBleveChain checks the single-pass tokenizer against
// the bleve filter chain it replaces, on Chinese and plain English text:
// its unigrams, bigrams and words are the chain's tokens, and its 3- and
// 4-grams are exactly the runs of chained bigrams, at the position and
// offsets of their first character.
func TestTokenizerMatchesBleveChain(t *testing.T) {
	chain := &analysis.DefaultAnalyzer{
		Tokenizer: unicode.NewUnicodeTokenizer(),
		TokenFilters: []analysis.TokenFilter{
			cjk.NewCJKWidthFilter(),
			lowercase.NewLowerCaseFilter(),
			cjk.NewCJKBigramFilter(true),
		},
	}
	texts := []string{
		"用户123在第45号直播间发布违法内容，经人工审核已删除，编号ＡＢ00012",
		"请求注销账号并删除个人信息 Report Monthly",
		"服务节点短时不可用，已切换备用节点。训练数据 入库 前经关键词、分类模型和人工抽检三级过滤",
		"违 法 内 容 a b c 星河对话大模型 v3",
		"生成内容含赌博推广信息AI钓鱼邮件模板x账号被误限制",
	}
	for _, text := range texts {
		want := withNgrams(chain.Analyze([]byte(text)))
		got := analyzer.Analyze([]byte(text))
		if len(got) != len(want) {
			t.Fatalf("%q: %d tokens, bleve chain with n-grams %d:\n got %v\nwant %v", text, len(got), len(want), got, want)
		}
		for i := range got {
			g, w := got[i], want[i]
			if string(g.Term) != string(w.Term) || g.Position != w.Position || g.Start != w.Start || g.End != w.End {
				t.Errorf("%q token %d: got %s@%d[%d:%d], chain %s@%d[%d:%d]", text, i, g.Term, g.Position, g.Start, g.End, w.Term, w.Position, w.Start, w.End)
			}
		}
	}
}

// withNgrams adds to the output of bleve's CJK bigram chain the 3- and
// 4-grams the workbench's tokenizer indexes: after each unigram that
// starts n-1 chained bigrams, the n characters as one term.
func withNgrams(chain analysis.TokenStream) analysis.TokenStream {
	type char struct {
		tok    *analysis.Token
		bigram bool // a bigram starts here: the next character is in the run
	}
	byPos := map[int]*char{}
	for _, tok := range chain {
		switch tok.Type {
		case analysis.Single:
			byPos[tok.Position] = &char{tok: tok}
		case analysis.Double:
			byPos[tok.Position].bigram = true
		}
	}
	var out analysis.TokenStream
	for i, tok := range chain {
		out = append(out, tok)
		// After a character's last chain token, its longer n-grams.
		if c := byPos[tok.Position]; c == nil || i+1 < len(chain) && chain[i+1].Position == tok.Position {
			continue
		}
		term := append([]byte(nil), byPos[tok.Position].tok.Term...)
		for n := 2; n <= MaxGram; n++ {
			prev := byPos[tok.Position+n-2]
			next := byPos[tok.Position+n-1]
			if prev == nil || !prev.bigram || next == nil {
				break
			}
			term = append(term, next.tok.Term...)
			if n > 2 {
				out = append(out, &analysis.Token{Term: append([]byte(nil), term...), Position: tok.Position,
					Start: byPos[tok.Position].tok.Start, End: next.tok.End, Type: analysis.Shingle})
			}
		}
	}
	return out
}
