package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
)

// navigator is what a page may ask of the window: pages are handed one
// and call it instead of reaching into one another. *MainWindow is the
// navigator of the running program.
type navigator interface {
	// SelectedCase is the id of the case shown, 0 for none.
	SelectedCase() int64
	// ShowCase selects the case with id in the case list and shows it.
	ShowCase(id int64)
	// ShowTab shows one of the selected case's tabs (tabOverview …).
	ShowTab(tab int)
	// ShowChecklistItem shows the Checklist tab with the item selected.
	ShowChecklistItem(itemID string)
	// RunSearch shows the Search tab and runs q there.
	RunSearch(q string)
	// AddEvidence asks which checklist item the search hit hitID is
	// evidence for and records it there.
	AddEvidence(hitID string)
}

var _ navigator = (*MainWindow)(nil)

// pageHost is all a page (overview.go, submissions.go, search.go,
// checklist*.go with export.go) is given: the workspace, the window its
// dialogs belong to, background work, the status bar and error dialogs,
// the window's list of cases, and the navigator for everything that
// concerns another page. Pages never name *MainWindow or one another's
// types (TestPagesKeepToThemselves); *MainWindow is the host of the
// running program.
type pageHost interface {
	navigator
	// Workspace is the open workspace.
	Workspace() *app.App
	// Window is the window the page's dialogs belong to.
	Window() fyne.Window
	// do runs f, from a goroutine of the page's own, on the UI goroutine.
	do(f func())
	// goBackground runs f on a goroutine of its own; tests wait for it.
	goBackground(f func())
	// setStatus shows a short message in the status bar.
	setStatus(msg string)
	// showError shows err in a dialog, worded for the user.
	showError(err error)
	// requestIndex asks for the search index to be brought up to date
	// with the workspace; its progress shows in the status bar.
	requestIndex()
	// indexUpdating reports whether an index update is under way.
	indexUpdating() bool
	// caseByID is the case with id as the case list shows it.
	caseByID(id int64) (workbench.Case, bool)
	// updateCase applies change to the case list's copy of case id, after
	// the page changed that case in the workspace, and shows it.
	updateCase(id int64, change func(c *workbench.Case))
	// confirmDeleteCase asks before deleting case c, then deletes it.
	confirmDeleteCase(c workbench.Case) *dialog.ConfirmDialog
	// editCase opens the form that corrects case c's details.
	editCase(c workbench.Case)
}

var _ pageHost = (*MainWindow)(nil)

// checklistSaver is what the window asks of the checklist page so that no
// typed assessment is lost when the inspector leaves it.
type checklistSaver interface {
	// SaveIfDirty saves the assessment being edited, if it has changes;
	// when they cannot be saved as they stand it says why beside the
	// form's Save button and returns the reason.
	SaveIfDirty() error
	// HasUnsaved reports whether the assessment being edited has changes.
	HasUnsaved() bool
	// SaveOrAsk saves unsaved changes and then calls then; when they
	// cannot be saved it asks whether to keep editing or discard them.
	SaveOrAsk(then func())
}

var _ checklistSaver = (*checklistView)(nil)

// SelectedCase is the id of the case shown, 0 for none.
func (mw *MainWindow) SelectedCase() int64 { return mw.selected }

// ShowCase selects the case with id in the case list, which shows it.
// An id not in the list does nothing.
func (mw *MainWindow) ShowCase(id int64) {
	for i, c := range mw.cases {
		if c.ID == id {
			mw.list.Select(i)
			mw.list.ScrollTo(i)
			return
		}
	}
}

// ShowTab shows one of the selected case's tabs. With no case shown it
// only remembers the tab for the next case.
func (mw *MainWindow) ShowTab(tab int) { mw.showTab(tab) }

func (mw *MainWindow) showTab(tab int) {
	mw.tab = tab
	if mw.tabs != nil && mw.tabs.SelectedIndex() != tab {
		mw.tabs.SelectIndex(tab) // tabChanged follows
	}
}

// ShowChecklistItem shows the Checklist tab with the item itemID selected
// (once the checklist has loaded it).
func (mw *MainWindow) ShowChecklistItem(itemID string) {
	if mw.checks == nil {
		return
	}
	mw.showTab(tabChecklist)
	mw.checks.reveal(itemID)
}

// AddEvidence asks which checklist item the search hit hitID is evidence
// for and records it there (see checklistView.addEvidence).
func (mw *MainWindow) AddEvidence(hitID string) {
	if mw.checks != nil {
		mw.checks.addEvidence(hitID)
	}
}

// RunSearch shows the Search tab and runs q there.
func (mw *MainWindow) RunSearch(q string) { mw.runSearch(q) }

func (mw *MainWindow) runSearch(q string) {
	if mw.search == nil {
		return
	}
	mw.showTab(tabSearch)
	mw.search.runQuery(q)
}

// Workspace is the open workspace.
func (mw *MainWindow) Workspace() *app.App { return mw.ws }

// requestIndex asks the indexer to bring the search index up to date.
func (mw *MainWindow) requestIndex() { mw.syncIndex() }

// indexUpdating reports whether an index update has reported progress and
// not yet finished.
func (mw *MainWindow) indexUpdating() bool { return mw.indexing }

// caseByID is the case with id as the case list shows it.
func (mw *MainWindow) caseByID(id int64) (workbench.Case, bool) {
	for _, c := range mw.cases {
		if c.ID == id {
			return c, true
		}
	}
	return workbench.Case{}, false
}

// updateCase applies change to the case list's copy of case id and shows
// the changed entry.
func (mw *MainWindow) updateCase(id int64, change func(c *workbench.Case)) {
	for i := range mw.cases {
		if mw.cases[i].ID == id {
			change(&mw.cases[i])
			mw.list.RefreshItem(i)
		}
	}
}

// tabChanged follows the tab the user chose: the checklist's edits are
// saved when its tab is left, and the tab is kept for the next case. Edits
// that cannot be saved as they stand (a date that does not exist) keep the
// Checklist tab in front, with the reason beside its Save button.
func (mw *MainWindow) tabChanged(tab int) {
	if mw.tab == tabChecklist && tab != tabChecklist {
		if err := mw.saveWork(); err != nil {
			mw.tabs.SelectIndex(tabChecklist) // tabChanged follows, with nothing to save
			return
		}
	}
	mw.tab = tab
}

// leaveCase saves the shown case's typed work before another case (or
// none) is shown; it reports why when that work cannot be saved, and the
// case must then stay in front.
func (mw *MainWindow) leaveCase() error {
	if err := mw.saveWork(); err != nil {
		mw.showTab(tabChecklist)
		return err
	}
	return nil
}

// saveWork saves the checklist's typed assessment, if any, in the
// background. When it cannot be saved as it stands, the reason shows
// beside the Save button and is returned.
func (mw *MainWindow) saveWork() error {
	if mw.saver != nil {
		return mw.saver.SaveIfDirty()
	}
	return nil
}

// saveThen saves the checklist's typed assessment and calls then once it
// is stored — before the window closes or is rebuilt, when a save still
// running in the background could be lost. When the assessment cannot be
// saved, the Checklist tab comes to the front and the inspector chooses
// to keep editing (then is not called) or to discard the changes.
func (mw *MainWindow) saveThen(then func()) {
	if mw.saver == nil || !mw.saver.HasUnsaved() {
		then()
		return
	}
	mw.showTab(tabChecklist)
	mw.saver.SaveOrAsk(then)
}

// needCase tells the user to open a case first when none is shown, for
// the menu entries that act on one, and reports whether one is shown.
func (mw *MainWindow) needCase(title string) bool {
	if mw.selected != 0 && mw.tabs != nil {
		return true
	}
	mw.showInfo(title, lang.L("Open or create a case first."))
	return false
}
