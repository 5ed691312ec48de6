package searchlang

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/mapping"
)

// AnalyzerName is the name under which [Register] adds the Chinese-aware
// analyzer to an index mapping.
const AnalyzerName = "wb_cjk"

// Register adds the [AnalyzerName] analyzer to m: the single-pass
// [Tokenizer] (full-width folding, lowercasing, CJK unigrams plus 2-, 3-
// and 4-grams) with no further filters. It does not make the analyzer the default; set
// m.DefaultAnalyzer = AnalyzerName (or a field's Analyzer) for that.
// Registering twice on the same mapping is harmless.
func Register(m *mapping.IndexMappingImpl) error {
	if m == nil {
		return fmt.Errorf("searchlang: register analyzer %q: nil mapping", AnalyzerName)
	}
	if _, ok := m.CustomAnalysis.Analyzers[AnalyzerName]; ok {
		return nil
	}
	err := m.AddCustomAnalyzer(AnalyzerName, map[string]interface{}{
		"type":      custom.Name,
		"tokenizer": TokenizerName,
	})
	if err != nil {
		return fmt.Errorf("searchlang: register analyzer %q: %w", AnalyzerName, err)
	}
	return nil
}

// analyzer is the registered chain built directly, so [Analyze] needs no
// mapping.
var analyzer = &analysis.DefaultAnalyzer{Tokenizer: Tokenizer{}}

// NewAnalyzer returns the [AnalyzerName] analyzer for use outside a mapping
// (documents built field by field). It is stateless and safe for
// concurrent use.
func NewAnalyzer() analysis.Analyzer { return analyzer }

// Analyze returns the terms the [AnalyzerName] analyzer produces for text,
// in stream order (for 违法: 违 违法 法). It is meant for
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
