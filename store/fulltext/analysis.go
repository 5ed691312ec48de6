package fulltext

import (
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/inspection-workbench/workbench/store/searchlang"
)

var analysisWorkers struct {
	sync.Mutex
	n      int  // 0: bleve's default (4)
	opened bool // an index has been opened: the queue is in use
}

// batchWorkersSet, when above 0, is how many batches an index update
// builds at once (see SetBackgroundWorkers).
var batchWorkersSet atomic.Int32

// SetBackgroundWorkers bounds the goroutines an index update keeps busy:
// n batches built at once, and n goroutines analysing documents for
// every index of the process (bleve keeps one process-wide queue; its
// default is four). A program with a window in front sets it below the
// number of cores, so indexing cannot keep every scheduler slot busy and
// the window waits for none (see app.Interactive). The analysers are
// fixed when the first index opens; a later call changes only the
// batches.
func SetBackgroundWorkers(n int) {
	if n <= 0 {
		return
	}
	batchWorkersSet.Store(int32(n))
	analysisWorkers.Lock()
	defer analysisWorkers.Unlock()
	if !analysisWorkers.opened {
		analysisWorkers.n = n
	}
}

// useAnalysisQueue fixes the process's analysis queue before the first
// index opens.
func useAnalysisQueue() {
	analysisWorkers.Lock()
	defer analysisWorkers.Unlock()
	if analysisWorkers.opened {
		return
	}
	analysisWorkers.opened = true
	if analysisWorkers.n > 0 {
		bleve.Config.SetAnalysisQueueSize(analysisWorkers.n)
	}
}

// gramAnalyzer gives what the text field indexes (index format 5): at
// each position of the searchlang tokenizer's stream one term only, the
// longest it has there. For a Latin word that is the word; for a CJK
// character it is the MaxGram-gram starting at it, or the rest of its
// run when fewer characters follow (违法内容 gives 违法内容@1 法内容@2
// 内容@3 容@4). Every CJK string of up to MaxGram characters that occurs
// in the text is a prefix of the term at the position where it starts, so
// a word is found as a prefix of the dictionary (see [textNode]) and a
// phrase by the positions of those terms: one term per character instead
// of every 1- to 4-gram, with far fewer postings and locations to build,
// merge and store.
//
// Offsets are not kept (Start and End are zero): highlighting analyses
// the text read back from SQLite (see spansOf), so the index stores only
// positions.
type gramAnalyzer struct{}

// Analyze implements analysis.Analyzer.
func (gramAnalyzer) Analyze(input []byte) analysis.TokenStream {
	toks := searchlang.NewAnalyzer().Analyze(input)
	out := toks[:0]
	for i, t := range toks {
		if i+1 < len(toks) && toks[i+1].Position == t.Position {
			continue // a longer term follows at this position
		}
		t.Start, t.End = 0, 0
		out = append(out, t)
	}
	return out
}
