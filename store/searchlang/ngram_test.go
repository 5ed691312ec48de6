package searchlang

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

// TestTokenizerRuns checks every n-gram of CJK runs of 1, 2, 3, 4, 5 and 8
// characters: each character gives its unigram and the 2-, 3- and 4-grams
// starting at it that stay inside the run, at its own position, with the
// byte offsets of the characters they cover.
func TestTokenizerRuns(t *testing.T) {
	for _, run := range []string{"违", "违法", "提示词", "停止生成", "个人信息表", "钓鱼邮件模板发送"} {
		for _, text := range []string{run, "x " + run + "。", "AI" + run + "v2"} {
			chars := []rune(run)
			prefix := strings.Index(text, run)
			firstPos := 1
			if prefix > 0 {
				firstPos = 2 // after the word x or ai
			}
			var want []string
			for i := range chars {
				start := prefix + len(string(chars[:i]))
				for n := 1; n <= MaxGram && i+n <= len(chars); n++ {
					want = append(want, fmt.Sprintf("%s@%d[%d:%d]", string(chars[i:i+n]), firstPos+i, start, start+len(string(chars[i:i+n]))))
				}
			}
			var got []string
			for _, tok := range analyzeTokens(text) {
				if tok.Type == analysis.AlphaNumeric {
					continue
				}
				got = append(got, fmt.Sprintf("%s@%d[%d:%d]", tok.Term, tok.Position, tok.Start, tok.End))
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Tokenize(%q) =\n %q\nwant\n %q", text, got, want)
			}
		}
	}
}

// TestTokenizerRunsBrokenByPunctuation: an n-gram never spans a
// separator, and positions run on across it.
func TestTokenizerRunsBrokenByPunctuation(t *testing.T) {
	var got []string
	for _, tok := range analyzeTokens("停止，生成内容 ok 违规") {
		got = append(got, fmt.Sprintf("%s@%d", tok.Term, tok.Position))
	}
	want := []string{"停@1", "停止@1", "止@2", "生@3", "生成@3", "生成内@3", "生成内容@3", "成@4", "成内@4", "成内容@4",
		"内@5", "内容@5", "容@6", "ok@7", "违@8", "违规@8", "规@9"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestTokenizerTermsDoNotAlias: terms are capped slices, so appending to
// one (as a token filter might) cannot overwrite its neighbour.
func TestTokenizerTermsDoNotAlias(t *testing.T) {
	toks := analyzeTokens("违法内容")
	_ = append(toks[0].Term, "XYZ"...)
	if got := Analyze("违法内容"); got[1] != "违法" {
		t.Fatalf("fresh analysis changed: %q", got)
	}
	for _, tok := range toks[1:4] {
		if !strings.HasPrefix(string(tok.Term), "违") {
			t.Errorf("appending to 违 overwrote %q", tok.Term)
		}
	}
}

func TestTextTerms(t *testing.T) {
	tests := []struct {
		text     string
		kind     TermKind
		want     []string
		anyOrder bool
	}{
		{"违", TermWord, []string{"违"}, false},
		{"违法", TermWord, []string{"违法"}, false},
		{"提示词", TermWord, []string{"提示词"}, false},
		{"停止生成", TermPhrase, []string{"停止生成"}, false},
		// Longer runs: 4-grams overlapping by one character, the last one
		// ending at the run's end.
		{"个人信息表", TermPhrase, []string{"个人信息", "人信息表"}, false},
		{"钓鱼邮件模板发送", TermPhrase, []string{"钓鱼邮件", "", "", "件模板发", "模板发送"}, false},
		{"生成内容含赌博推广信息", TermPhrase, []string{"生成内容", "", "", "容含赌博", "", "", "博推广信", "推广信息"}, false},
		{"一二三四五六七八九十", TermPhrase, []string{"一二三四", "", "", "四五六七", "", "", "七八九十"}, false},
		// A separator splits the runs and leaves no gap of its own.
		{"违法 内容", TermPhrase, []string{"违法", "", "内容"}, false},
		{"违法，内容", TermPhrase, []string{"违法", "", "内容"}, false},
		{"停止，生成内容含", TermPhrase, []string{"停止", "", "生成内容", "成内容含"}, false},
		{"违 report", TermPhrase, []string{"违", "report"}, false},
		{"AI违法内容v2", TermWord, []string{"ai", "违法内容", "", "", "", "v2"}, false},
		{"，违法。", TermPhrase, []string{"违法"}, false},
		{"e-mail", TermWord, []string{"e", "mail"}, true},
		{"e-mail", TermPhrase, []string{"e", "mail"}, false},
		{"，。", TermPhrase, nil, false},
	}
	for _, tc := range tests {
		got, anyOrder := TextTerms(Term{Kind: tc.kind, Text: tc.text})
		if !reflect.DeepEqual(got, tc.want) || anyOrder != tc.anyOrder {
			t.Errorf("TextTerms(%q) = %q, %v; want %q, %v", tc.text, got, anyOrder, tc.want, tc.anyOrder)
		}
	}
}

// TestNgramPhrasesAgainstRegexp indexes random texts over a three-character
// alphabet with spaces and commas (so n-grams repeat and overlap) and
// checks every phrase query against a regular expression over the raw
// text: the query's CJK runs in order, each run without a separator
// inside, separators or nothing between runs. A third of the documents
// are long runs with a separator put somewhere inside, and some queries
// are those runs whole, so a query that tiles a run without overlap
// (and so matches across the separator) is caught.
func TestNgramPhrasesAgainstRegexp(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 2))
	alphabet := []string{"甲", "乙", "丙", "甲", "乙", "丙", " ", "，"}
	randText := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	randRun := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[rng.IntN(3)])
		}
		return b.String()
	}
	var long []string
	for range 30 {
		long = append(long, randRun(5+rng.IntN(9)))
	}
	docs := map[string]any{}
	texts := map[string]string{}
	for i := range 300 {
		id := fmt.Sprintf("d%03d", i)
		texts[id] = randText(rng.IntN(24))
		if i%3 == 0 {
			r := []rune(long[rng.IntN(len(long))])
			cut := 1 + rng.IntN(len(r)-1)
			texts[id] = randText(rng.IntN(3)) + string(r[:cut]) + alphabet[6+rng.IntN(2)] + string(r[cut:]) + randText(rng.IntN(3))
		}
		docs[id] = map[string]any{"text": texts[id]}
	}
	idx := newCJKIndex(t, nil, docs)
	sep := `[ ，]*`
	checked, matched := 0, 0
	for range 400 {
		// A third of the queries are long runs, a third pieces of
		// documents, so many match.
		q := randText(1 + rng.IntN(11))
		switch rng.IntN(3) {
		case 0:
			q = long[rng.IntN(len(long))]
		case 1:
			text := []rune(texts[fmt.Sprintf("d%03d", rng.IntN(300))])
			if len(text) == 0 {
				continue
			}
			from := rng.IntN(len(text))
			q = string(text[from:min(len(text), from+1+rng.IntN(11))])
		}
		runs := strings.FieldsFunc(q, func(r rune) bool { return r == ' ' || r == '，' })
		if len(runs) == 0 {
			continue
		}
		re := regexp.MustCompile(strings.Join(runs, sep))
		want := []string{}
		for id, text := range texts {
			if re.MatchString(text) {
				want = append(want, id)
			}
		}
		sort.Strings(want)
		pq, err := Parse(`"`+q+`"`, testOpts)
		if err != nil {
			t.Fatal(err)
		}
		bq, err := pq.Bleve("text")
		if err != nil {
			t.Fatal(err)
		}
		got := hitsAll(t, idx, bq)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q (terms %q): hits %q, want %q", q, first(TextTerms(pq.Clauses[0].Any[0])), got, want)
		}
		checked++
		if len(want) > 0 {
			matched++
		}
	}
	if checked < 300 || matched < 150 {
		t.Errorf("only %d queries checked, %d with matches", checked, matched)
	}
}

func first(terms []string, _ bool) []string { return terms }

// hitsAll is hits without a limit on their number.
func hitsAll(t testing.TB, idx bleve.Index, q query.Query) []string {
	t.Helper()
	res, err := idx.Search(bleve.NewSearchRequestOptions(q, 10000, 0, false))
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
