package ui

import (
	"context"
	"errors"
	"sync"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
)

// syncIndex brings the search index up to date in the background, showing
// progress in the status bar. If an update is already under way, one more
// runs after it, so two never run at once and nothing asked for is missed.
// After the window has closed it does nothing.
func (mw *MainWindow) syncIndex() {
	mw.idxMu.Lock()
	defer mw.idxMu.Unlock()
	if mw.idxCtx.Err() != nil {
		return
	}
	if mw.idxRunning {
		mw.idxAgain = true
		return
	}
	mw.idxRunning = true
	mw.goBackground(mw.runIndexUpdates)
}

// runIndexUpdates runs index updates until none is asked for.
func (mw *MainWindow) runIndexUpdates() {
	var total app.IndexReport
	for {
		rep, err := mw.ws.SyncIndex(mw.idxCtx, mw.indexProgressFunc())
		total = addReports(total, rep)
		mw.idxMu.Lock()
		again := mw.idxAgain && err == nil && mw.idxCtx.Err() == nil
		mw.idxAgain = false
		if !again {
			mw.idxRunning = false
		}
		mw.idxMu.Unlock()
		if again {
			continue
		}
		mw.do(func() { mw.indexFinished(total, err) })
		return
	}
}

// addReports sums what two index updates did.
func addReports(a, b app.IndexReport) app.IndexReport {
	a.Rebuilt = a.Rebuilt || b.Rebuilt
	if b.Reason != "" {
		a.Reason = b.Reason
	}
	a.Submissions += b.Submissions
	a.Added += b.Added
	a.Removed += b.Removed
	return a
}

// indexProgressFunc hands index progress to the UI goroutine, at most ten
// times a second (the first and last report of a phase always).
func (mw *MainWindow) indexProgressFunc() func(app.IndexProgress) {
	var mu sync.Mutex // SyncIndex may report from goroutines of its own
	var last time.Time
	var phase app.IndexProgress
	return func(p app.IndexProgress) {
		mu.Lock()
		defer mu.Unlock()
		now := time.Now()
		if p.Phase == phase.Phase && p.Done < p.Total && now.Sub(last) < 100*time.Millisecond {
			return
		}
		last, phase = now, p
		mw.do(func() { mw.indexProgress(p) })
	}
}

// indexProgress shows an index update under way.
func (mw *MainWindow) indexProgress(p app.IndexProgress) {
	data := map[string]any{"Done": formatCount(p.Done), "Total": formatCount(p.Total)}
	switch p.Phase {
	case app.IndexRebuild:
		mw.indexText.SetText(lang.L("Rebuilding the search index: {{.Done}} of {{.Total}} documents", data))
	case app.IndexRemove:
		mw.indexText.SetText(lang.L("Removing deleted documents from the search index: {{.Done}} of {{.Total}}", data))
	default:
		mw.indexText.SetText(lang.L("Indexing for search: {{.Done}} of {{.Total}} documents", data))
	}
	mw.indexText.Importance = widget.MediumImportance
	mw.indexText.Refresh()
	mw.indexBar.Max = float64(max(p.Total, 1))
	mw.indexBar.SetValue(float64(p.Done))
	mw.indexBar.Show()
	mw.indexBox.Show()
	if !mw.indexing {
		mw.indexing = true
		if mw.search != nil {
			mw.search.setIndexing(true)
		}
	}
}

// indexFinished hides the progress and says what came of the update: a
// short note when the index was rebuilt, the error when it failed. A
// search on screen runs again when the index changed.
func (mw *MainWindow) indexFinished(rep app.IndexReport, err error) {
	mw.indexing = false
	if mw.search != nil {
		mw.search.setIndexing(false)
	}
	mw.indexBar.Hide()
	switch {
	case err != nil && errors.Is(err, context.Canceled):
		mw.indexBox.Hide()
	case err != nil:
		mw.indexText.SetText(lang.L("The search index could not be updated: {{.Error}}", map[string]any{"Error": errorText(err)}))
		mw.indexText.Importance = widget.DangerImportance
		mw.indexText.Refresh()
		mw.indexBox.Show()
	case rep.Rebuilt && (rep.Added > 0 || rep.Reason != "missing"):
		// A workspace's first, empty index is no news; a rebuilt one is.
		mw.indexText.SetText(lang.L("Search index rebuilt: {{.N}} documents", map[string]any{"N": formatCount(rep.Added)}))
		mw.indexText.Importance = widget.LowImportance
		mw.indexText.Refresh()
		mw.indexBox.Show()
	default:
		mw.indexBox.Hide()
	}
	if err == nil && rep.Changed() && mw.search != nil {
		mw.search.refresh()
	}
}
