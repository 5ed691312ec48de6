package fulltext

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/inspection-workbench/workbench/store/searchlang"
)

// longestTerms is the definition appendGrams implements: searchlang's
// token stream with, at each position, only its last (longest) term.
func longestTerms(text string) []string {
	toks := searchlang.NewAnalyzer().Analyze([]byte(text))
	var out []string
	for i, t := range toks {
		if i+1 < len(toks) && toks[i+1].Position == t.Position {
			continue
		}
		out = append(out, fmt.Sprintf("%s@%d", t.Term, t.Position))
	}
	return out
}

// TestGramsMatchTokenizer: the text field's terms are the longest terms
// of searchlang's tokenizer at each position, on edge cases and on
// thousands of generated texts.
func TestGramsMatchTokenizer(t *testing.T) {
	texts := []string{
		"", "，。！", "违", "违法内容", "违法　内容", "ＡＢ违", "v3.1 版本 3,000条 don't e-mail", "end. 3.",
		"Ünïcode Straße", "生成内容含赌博推广信息AI钓鱼邮件模板x账号被误限制", "カタカナーと々 한국어 텍스트",
		"用户123在第45号直播间发布违法内容，经人工审核已删除，编号ＡＢ00012",
	}
	rng := rand.New(rand.NewPCG(7, 15))
	for range 3000 {
		texts = append(texts, corpusText(rng))
	}
	for _, text := range texts {
		var got []string
		for _, g := range appendGrams(nil, []byte(text)) {
			got = append(got, fmt.Sprintf("%s@%d", g.term, g.pos))
		}
		if want := longestTerms(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: grams %q, want %q", text, got, want)
		}
	}
	if got := longestTerms("违法内容"); !reflect.DeepEqual(got, []string{"违法内容@1", "法内容@2", "内容@3", "容@4"}) {
		t.Errorf("longest terms of 违法内容: %q", got)
	}
}
