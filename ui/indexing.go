package ui

import (
	"context"
	"errors"
	"github.com/inspection-workbench/workbench"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
)

// The search index is kept up to date by an app.Indexer, which schedules
// the updates on goroutines of its own; the window only shows their
// progress in the status bar.

// watchIndex subscribes the status bar to the window's indexer.
func (mw *MainWindow) watchIndex() {
	mw.indexer.Subscribe(func(e app.IndexEvent) {
		mw.do(func() {
			if e.Done {
				mw.indexFinished(e.Report, e.Err)
			} else {
				mw.indexProgress(e.Progress)
			}
		})
	})
	// Closing the window stops an update at its next batch; the program
	// waits for that before it closes the workspace.
	mw.onClose = append(mw.onClose, mw.indexer.Cancel)
}

// syncIndex asks for the search index to be brought up to date in the
// background; an update already under way is followed by one more, so
// nothing asked for is missed. After the window has closed it does
// nothing. The wait is counted in mw.bg, so tests that wait for the
// window's background work wait for the index too.
func (mw *MainWindow) syncIndex() {
	mw.indexer.Request()
	mw.goBackground(mw.indexer.Wait)
}

// indexProgress shows an index update under way.
func (mw *MainWindow) indexProgress(p workbench.IndexProgress) {
	data := map[string]any{"Done": formatCount(p.Done), "Total": formatCount(p.Total)}
	switch p.Phase {
	case workbench.IndexRebuild:
		mw.indexText.SetText(lang.L("Rebuilding the search index: {{.Done}} of {{.Total}} documents", data))
	case workbench.IndexRemove:
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
func (mw *MainWindow) indexFinished(rep workbench.IndexReport, err error) {
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
