package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// mainMenu is the window's menu bar: Case, Import, Search, Inspection,
// Help. Entries with a keyboard shortcut show it, and the shortcut runs
// the same action (see shortcuts.go).
func (mw *MainWindow) mainMenu() *fyne.MainMenu {
	item := func(label string, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		if sc, ok := mw.shortcutFor(label); ok {
			it.Shortcut = sc
		}
		return it
	}
	mw.listItem = fyne.NewMenuItem(lang.L("Show case list"), func() { mw.setCaseListShown(!mw.caseListShown()) })
	mw.listItem.Checked = mw.caseListShown()
	// Our own Quit, in place of the one Fyne adds, saves as closing does.
	quit := fyne.NewMenuItem(lang.L("Quit"), mw.closeRequested)
	quit.IsQuit = true
	caseMenu := fyne.NewMenu(lang.L("Case"),
		item(lang.L("New case…"), mw.newCase),
		item(lang.L("Edit case…"), mw.editSelectedCase),
		mw.listItem,
		item(lang.L("Audit trail…"), mw.showAuditTrail),
		item(lang.L("Export bundle…"), mw.exportBundle), item(lang.L("Import bundle…"), mw.importBundle),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Settings…"), func() { mw.ShowSettings() }),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	importMenu := fyne.NewMenu(lang.L("Import"),
		item(lang.L("Import files…"), mw.importFiles),
	)
	searchMenu := fyne.NewMenu(lang.L("Search"),
		item(lang.L("Search this case"), mw.focusSearch),
	)
	inspectionMenu := fyne.NewMenu(lang.L("Inspection"),
		item(lang.L("Checklist"), mw.openChecklist),
		item(lang.L("Save assessment"), mw.saveAssessment),
		item(lang.L("Export…"), mw.export),
	)
	helpMenu := fyne.NewMenu(lang.L("Help"),
		item(lang.L("Keyboard shortcuts"), func() { mw.showHelp() }),
		item(lang.L("About Inspection Workbench"), func() { mw.showAbout() }),
	)
	return fyne.NewMainMenu(caseMenu, importMenu, searchMenu, inspectionMenu, helpMenu)
}

// The menu's actions, which the shortcuts share.

func (mw *MainWindow) newCase() { mw.ShowNewCaseDialog() }

// importFiles shows the selected case's Submissions tab and its file
// chooser.
func (mw *MainWindow) importFiles() {
	if !mw.needCase(lang.L("Import")) {
		return
	}
	mw.showTab(tabSubmissions)
	mw.subs.ChooseFiles()
}

// focusSearch shows the Search tab with the cursor in the query.
func (mw *MainWindow) focusSearch() {
	if !mw.needCase(lang.L("Search")) {
		return
	}
	mw.showTab(tabSearch)
	mw.win.Canvas().Focus(mw.search.query)
}

// openChecklist shows the Checklist tab.
func (mw *MainWindow) openChecklist() {
	if mw.needCase(lang.L("Checklist")) {
		mw.showTab(tabChecklist)
	}
}

// saveAssessment saves the assessment being edited on the Checklist tab.
func (mw *MainWindow) saveAssessment() {
	if mw.needCase(lang.L("Save assessment")) {
		_ = mw.saveWork() // a reason not to save shows beside Save
	}
}

// export opens the export dialog of the selected case's inspection.
func (mw *MainWindow) export() {
	if !mw.needCase(lang.L("Export")) {
		return
	}
	if mw.saveWork() != nil {
		mw.showTab(tabChecklist)
		return
	}
	mw.showTab(tabChecklist)
	if !mw.checks.started {
		mw.showInfo(lang.L("Export"), lang.L("Start the inspection on the Checklist tab first."))
		return
	}
	mw.checks.showExport()
}
