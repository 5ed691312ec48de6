package searchlang

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// AnalyzerName is the name under which [Register] adds the Chinese-aware
// analyzer to an index mapping.
const AnalyzerName = "wb_cjk"

// bigramFilterName is the mapping-local name of the cjk_bigram token filter
// configured to also emit unigrams.
const bigramFilterName = "wb_cjk_bigram_unigram"

// Register adds the [AnalyzerName] analyzer (and the token filter it needs)
// to m. The analyzer chains the unicode tokenizer, cjk_width folding
// (full-width ASCII to half-width, offsets kept), lowercasing and the CJK
// bigram filter with unigrams. It does not make the analyzer the default;
// set m.DefaultAnalyzer = AnalyzerName (or a field's Analyzer) for that.
// Registering twice on the same mapping is harmless.
func Register(m *mapping.IndexMappingImpl) error {
	if m == nil {
		return fmt.Errorf("searchlang: register analyzer %q: nil mapping", AnalyzerName)
	}
	err := m.AddCustomTokenFilter(bigramFilterName, map[string]interface{}{
		"type":           cjk.BigramName,
		"output_unigram": true,
	})
	if err != nil && !alreadyDefined(m.CustomAnalysis.TokenFilters, bigramFilterName) {
		return fmt.Errorf("searchlang: register token filter %q: %w", bigramFilterName, err)
	}
	err = m.AddCustomAnalyzer(AnalyzerName, map[string]interface{}{
		"type":      custom.Name,
		"tokenizer": unicode.Name,
		"token_filters": []string{
			cjk.WidthName,
			lowercase.Name,
			bigramFilterName,
		},
	})
	if err != nil && !alreadyDefined(m.CustomAnalysis.Analyzers, AnalyzerName) {
		return fmt.Errorf("searchlang: register analyzer %q: %w", AnalyzerName, err)
	}
	return nil
}

func alreadyDefined(defs map[string]map[string]interface{}, name string) bool {
	_, ok := defs[name]
	return ok
}

// analyzer is the same chain as the registered one, built directly so
// [Analyze] needs no mapping. All its parts are stateless.
var analyzer = &analysis.DefaultAnalyzer{
	Tokenizer: unicode.NewUnicodeTokenizer(),
	TokenFilters: []analysis.TokenFilter{
		cjk.NewCJKWidthFilter(),
		lowercase.NewLowerCaseFilter(),
		cjk.NewCJKBigramFilter(true),
	},
}

// Analyze returns the terms the [AnalyzerName] analyzer produces for text,
// in stream order (for 违法内容: 违 违法 法 法内 内 内容 容). It is meant for
// tests and highlighting.
func Analyze(text string) []string {
	toks := analyzer.Analyze([]byte(text))
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = string(t.Term)
	}
	return out
}

// analyzeTokens is like Analyze but keeps positions (used by tests).
func analyzeTokens(text string) analysis.TokenStream {
	return analyzer.Analyze([]byte(text))
}
