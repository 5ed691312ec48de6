package fulltext

import (
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
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
