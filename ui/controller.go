package ui

import (
	"fyne.io/fyne/v2/lang"
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
}

var _ navigator = (*MainWindow)(nil)

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
	mw.checks.ShowItem(itemID)
}

// RunSearch shows the Search tab and runs q there.
func (mw *MainWindow) RunSearch(q string) { mw.runSearch(q) }

func (mw *MainWindow) runSearch(q string) {
	if mw.search == nil {
		return
	}
	mw.showTab(tabSearch)
	mw.search.query.SetText(q)
	mw.search.run()
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
