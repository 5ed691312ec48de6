package app

import (
	"runtime"
	"sync"

	"github.com/inspection-workbench/workbench/store/fulltext"
)

var interactiveOnce sync.Once

// Interactive tunes the process for a window in front of background work;
// the GUI calls it once, before it opens a workspace.
//
// A window's UI goroutine runs on the main thread, and after every call
// into the graphics driver it needs one of the Go scheduler's slots
// (GOMAXPROCS, one per core) again. While an import or the search index
// update kept every slot busy, it waited for one — measured at up to a
// second and a half during indexing (docs/performance.md, GUI
// responsiveness). So the index update builds and analyses on one
// goroutine fewer than there are cores (at least one), and the process
// gets two slots more than it has cores: a slot is nearly always free
// for the window. On Linux the process's threads other than the main one
// also run at a lower operating-system priority (nice 10), so the window
// and the graphics driver's threads come first when both want a core;
// idle cores still go to the background work. The command line does not
// call it, and indexes with every core.
func Interactive() {
	interactiveOnce.Do(func() {
		n := runtime.NumCPU()
		fulltext.SetBackgroundWorkers(max(1, n-1))
		if runtime.GOMAXPROCS(0) <= n {
			runtime.GOMAXPROCS(n + 2)
		}
		lowerBackgroundThreads()
	})
}
