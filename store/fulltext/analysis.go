package fulltext

import (
	"sync"

	"github.com/blevesearch/bleve/v2"
)

var analysisWorkers struct {
	sync.Mutex
	n      int  // 0: bleve's default (4)
	opened bool // an index has been opened: the queue is in use
}

// SetAnalysisWorkers sets how many goroutines analyse documents for every
// index of the process (bleve keeps one process-wide queue; its default is
// four). A program with a window in front sets it to the number of cores
// so indexing cannot keep every scheduler slot busy (see
// app.Interactive). It must be called before the first index is opened;
// later calls are ignored, since open indexes hold the queue.
func SetAnalysisWorkers(n int) {
	analysisWorkers.Lock()
	defer analysisWorkers.Unlock()
	if n > 0 && !analysisWorkers.opened {
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
