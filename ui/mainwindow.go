package ui

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/ui/dialogs"
)

// MainWindow is the workbench window: the cases on the left, the selected
// case on the right, the workspace in the status bar. Navigation between
// cases and tabs goes through its controller methods (controller.go);
// the menus and shortcuts are in menu.go and shortcuts.go, preferences in
// settings.go.
type MainWindow struct {
	app   fyne.App
	win   fyne.Window
	ws    *app.App
	prefs fyne.Preferences

	// Fields below are touched on the UI goroutine only.
	cases    []workbench.Case
	selected int64 // id of the case shown on the right, 0 for none
	// reselecting is set while the case list highlights the case shown
	// again, which must not show it anew.
	reselecting bool
	list        *widget.List
	nav         fyne.CanvasObject // the case list pane
	body        *fyne.Container   // the case list and the content, or the content alone
	split       *container.Split  // the case list beside the content, while shown
	content     *fyne.Container   // right-hand side
	tabs        *container.AppTabs
	tab         int              // the tab shown, kept across cases
	subs        *submissionsView // the selected case's submissions, or nil
	search      *searchView      // the selected case's search, or nil
	checks      *checklistView   // the selected case's checklist, or nil
	overview    *overviewPage    // the selected case's overview, or nil
	saver       checklistSaver   // saves the checklist's typed work; mw.checks, or nil
	status      *widget.Label
	listItem    *fyne.MenuItem // "Show case list" in the Case menu

	// The search index status, right of the workspace in the status bar.
	indexBox  *fyne.Container
	indexBar  *widget.ProgressBar
	indexText *widget.Label
	indexing  bool // an index update has reported progress and not yet finished

	// indexer schedules the index updates; the window shows their progress.
	indexer *app.Indexer
	onClose []func() // run when the window has closed

	help dialog.Dialog // the Help dialog while it shows (shortcuts.go)

	bg   sync.WaitGroup // background work in flight; tests wait on it
	uiMu sync.Mutex     // see do

	// start is what the command line asked to show first, until the cases
	// have been read (and the demo seeded) and it has been shown.
	start   *StartOptions
	seeding bool // the demo case is being prepared
}

// NewMainWindow builds the workbench window for an open workspace and
// starts loading its cases and bringing the search index up to date.
// Closing the window stops an index update under way.
func NewMainWindow(a fyne.App, ws *app.App) *MainWindow {
	return OpenMainWindow(a, ws, StartOptions{})
}

// OpenMainWindow is NewMainWindow opening on the case and tab start names;
// with no case named, on the case last shown. A case that is not in the
// workspace is said so in a dialog, and the window shows the first case
// instead.
func OpenMainWindow(a fyne.App, ws *app.App, start StartOptions) *MainWindow {
	mw := &MainWindow{app: a, win: a.NewWindow(lang.L("Inspection Workbench")), ws: ws, prefs: a.Preferences()}
	if start != (StartOptions{}) {
		mw.start = &start
	}
	mw.tab, _ = tabIndex(start.Tab)
	mw.indexer = app.NewIndexer(ws)
	mw.watchIndex()
	mw.win.SetIcon(Icon)
	mw.build()
	mw.win.Resize(mw.windowSize())
	mw.win.SetCloseIntercept(mw.closeRequested)
	mw.win.SetOnClosed(func() {
		for _, f := range mw.onClose {
			f()
		}
	})
	selectID := start.CaseID
	if selectID == 0 {
		selectID = mw.lastCase()
	}
	mw.reload(selectID)
	mw.syncIndex()
	return mw
}

// Window is the Fyne window.
func (mw *MainWindow) Window() fyne.Window { return mw.win }

func (mw *MainWindow) build() {
	mw.list = widget.NewList(
		func() int { return len(mw.cases) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("")
			sub.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(title, sub)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := mw.cases[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(c.Title)
			box.Objects[1].(*widget.Label).SetText(c.Provider.Name + " · " + c.Service.Name + " · " + statusText(c.Status))
		},
	)
	mw.list.OnSelected = func(i widget.ListItemID) {
		if i < 0 || i >= len(mw.cases) || mw.reselecting {
			return
		}
		if err := mw.leaveCase(); err != nil {
			// The shown case keeps its unsaved work, and the list goes
			// back to highlighting it.
			mw.highlightShown()
			return
		}
		mw.showCase(mw.cases[i])
	}
	newCase := widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() { mw.ShowNewCaseDialog() })
	newCase.Importance = widget.HighImportance
	hide := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { mw.setCaseListShown(false) })
	hide.Importance = widget.LowImportance
	header := container.NewBorder(nil, nil,
		widget.NewLabelWithStyle(lang.L("Cases"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(newCase, hide))
	mw.nav = container.NewBorder(header, nil, nil, nil, mw.list)

	mw.content = container.NewStack()
	mw.status = widget.NewLabel(lang.L("Workspace: {{.Dir}}", map[string]any{"Dir": mw.ws.Dir()}))
	mw.status.Truncation = fyne.TextTruncateEllipsis
	mw.status.Importance = widget.LowImportance

	mw.indexBar = widget.NewProgressBar()
	mw.indexText = widget.NewLabel("")
	mw.indexBox = container.NewHBox(mw.indexText, container.NewGridWrap(fyne.NewSize(160, mw.indexBar.MinSize().Height), mw.indexBar))
	mw.indexBox.Hide()
	statusBar := container.NewBorder(nil, nil, nil, mw.indexBox, mw.status)

	mw.body = container.NewStack()
	mw.win.SetContent(container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), statusBar), nil, nil, mw.body))
	mw.win.SetMainMenu(mw.mainMenu())
	mw.addShortcuts()
	mw.setCaseListShown(mw.caseListShown())
	mw.win.SetOnDropped(mw.dropped)
	mw.showEmpty()
}

// do hands f, from a goroutine of our own, to the UI goroutine with
// fyne.Do. The mutex changes nothing in the application, where fyne.Do
// already runs one function at a time on the UI goroutine; Fyne's test
// driver runs fyne.Do on the calling goroutine, and there it keeps two
// background jobs from updating widgets at once.
func (mw *MainWindow) do(f func()) {
	fyne.Do(func() {
		mw.uiMu.Lock()
		defer mw.uiMu.Unlock()
		f()
	})
}

// goBackground runs f on a goroutine of its own, counted in mw.bg.
func (mw *MainWindow) goBackground(f func()) {
	mw.bg.Add(1)
	go func() {
		defer mw.bg.Done()
		f()
	}()
}

// reload reads the cases from the workspace off the UI goroutine and then
// shows them, selecting the case with id selectID (or the first case).
func (mw *MainWindow) reload(selectID int64) {
	mw.goBackground(func() {
		cases, err := mw.ws.ListCases(context.Background())
		mw.do(func() {
			if err != nil {
				mw.showError(err)
				return
			}
			mw.cases = cases
			mw.list.UnselectAll()
			mw.list.Refresh()
			if len(cases) == 0 {
				mw.showEmpty()
				mw.applyStart()
				return
			}
			idx := 0
			for i, c := range cases {
				if c.ID == selectID {
					idx = i
				}
			}
			mw.list.Select(idx)
			mw.list.ScrollTo(idx)
			mw.applyStart()
		})
	})
}

// applyStart shows the tab the command line asked for, once, and says so
// when the case it named is not in the workspace. While the demo is being
// seeded it waits for the reload that follows.
func (mw *MainWindow) applyStart() {
	if mw.start == nil || mw.seeding {
		return
	}
	st := *mw.start
	mw.start = nil
	if st.CaseID != 0 && st.CaseID != mw.selected {
		fmt.Fprintf(os.Stderr, "workbench: case %d is not in this workspace\n", st.CaseID)
		mw.showInfo(lang.L("Case not found"),
			lang.L("There is no case number {{.ID}} in this workspace. The first case is shown instead.",
				map[string]any{"ID": st.CaseID}))
		return
	}
	if i, ok := tabIndex(st.Tab); ok && mw.tabs != nil && mw.selected != 0 {
		mw.tabs.SelectIndex(i)
	}
}

// highlightShown highlights the case shown in the case list again,
// without showing it anew.
func (mw *MainWindow) highlightShown() {
	for j, c := range mw.cases {
		if c.ID == mw.selected {
			mw.reselecting = true
			mw.list.Select(j)
			mw.reselecting = false
		}
	}
}

func (mw *MainWindow) showEmpty() {
	_ = mw.saveWork() // the case is gone or none is left to show
	mw.selected = 0
	mw.tabs = nil
	mw.subs = nil
	mw.search = nil
	mw.checks = nil
	mw.overview = nil
	mw.saver = nil
	msg := widget.NewLabel(lang.L("No cases yet. A case is one inspection of one provider's service."))
	msg.Alignment = fyne.TextAlignCenter
	btn := widget.NewButtonWithIcon(lang.L("New case"), theme.ContentAddIcon(), func() { mw.ShowNewCaseDialog() })
	mw.content.Objects = []fyne.CanvasObject{container.NewCenter(container.NewVBox(msg, container.NewCenter(btn)))}
	mw.content.Refresh()
}

// showCase puts one case on the right-hand side, on the tab last shown.
func (mw *MainWindow) showCase(c workbench.Case) {
	mw.selected = c.ID
	mw.setLastCase(c.ID)
	mw.subs = newSubmissionsView(mw, c.ID)
	mw.search = newSearchView(mw, c.ID)
	mw.checks = newChecklistView(mw, c.ID)
	mw.saver = mw.checks
	mw.overview = newOverviewPage(mw, c)
	mw.overview.OnItem = func(id string) {
		if id == "" {
			mw.showTab(tabChecklist)
			return
		}
		mw.ShowChecklistItem(id)
	}
	mw.overview.OnSubmissions = func() { mw.showTab(tabSubmissions) }
	mw.overview.OnSearch = mw.runSearch
	mw.overview.OnLabels = mw.subs.refreshLabels
	mw.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Overview"), theme.InfoIcon(), mw.overview.content),
		container.NewTabItemWithIcon(lang.L("Submissions"), theme.FolderOpenIcon(), mw.subs.content),
		container.NewTabItemWithIcon(lang.L("Search"), theme.SearchIcon(), mw.search.content),
		container.NewTabItemWithIcon(lang.L("Checklist"), theme.ListIcon(), mw.checks.content),
	)
	mw.tabs.SelectIndex(mw.tab)
	overview, search := mw.overview, mw.search
	// On the Search tab the inspector types a query: the cursor is there.
	focusQuery := func() {
		if mw.tabs.SelectedIndex() == tabSearch {
			mw.win.Canvas().Focus(search.query)
		}
	}
	mw.tabs.OnSelected = func(*container.TabItem) {
		tab := mw.tabs.SelectedIndex()
		if tab == tabOverview {
			overview.load() // the other tabs may have changed what it shows
		}
		mw.tabChanged(tab)
		focusQuery()
	}
	mw.content.Objects = []fyne.CanvasObject{mw.tabs}
	mw.content.Refresh()
	focusQuery() // once on the canvas: Focus ignores what is not
}

// openFile shows the file-open dialog, listing only files with one of
// exts when given, and hands the chosen file's path to open.
func (mw *MainWindow) openFile(exts []string, open func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			mw.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		open(path)
	}, mw.win)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// setStatus shows a short message in the status bar, before the
// workspace.
func (mw *MainWindow) setStatus(msg string) {
	mw.status.SetText(msg + " · " + lang.L("Workspace: {{.Dir}}", map[string]any{"Dir": mw.ws.Dir()}))
}

// dropped imports files dropped on the window into the selected case.
func (mw *MainWindow) dropped(_ fyne.Position, uris []fyne.URI) {
	if mw.subs == nil {
		showInformation(lang.L("Import"), lang.L("Open or create a case first, then drop its files here."), mw.win)
		return
	}
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	mw.showTab(tabSubmissions)
	mw.subs.importFiles(paths)
}

// escapeMarkdown keeps a user's text from being read as Markdown.
func escapeMarkdown(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, `#`, `\#`, "`", "\\`", `[`, `\[`, `]`, `\]`)
	return r.Replace(s)
}

// showInfo shows a message in a dialog that Enter, Escape or its button
// closes.
func (mw *MainWindow) showInfo(title, message string) dialog.Dialog {
	return showInformation(title, message, mw.win)
}

// showError shows err in a dialog, worded for the user.
func (mw *MainWindow) showError(err error) {
	d := dialog.NewError(errors.New(errorText(err)), mw.win)
	dialogs.BindKeys(mw.win, d, d.Hide, d.Hide)
	d.Show()
}

// statusText is the translated name of a case status.
func statusText(s string) string {
	return statusName(s)
}

// modalityText is the translated name of a modality.
func modalityText(m string) string {
	return modalityName(m)
}

// SeedDemo fills an empty workspace with the demo case and the sample
// provider's files in the background (see app.SeedDemo), showing progress;
// SeedDemoWorkspace seeds the whole demo.
func (mw *MainWindow) SeedDemo() { mw.seedInBackground(mw.ws.SeedDemo) }

// confirmDeleteCase asks before deleting case c with everything imported
// into it, then deletes it off the UI goroutine and shows the cases left.
func (mw *MainWindow) confirmDeleteCase(c workbench.Case) *dialog.ConfirmDialog {
	msg := widget.NewLabel(lang.L("Delete the case “{{.Title}}”? Its imported files and its findings are deleted too. This cannot be undone.",
		map[string]any{"Title": c.Title}))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("Delete case"), lang.L("Delete"), lang.L("Cancel"), msg, func(ok bool) {
		if !ok {
			return
		}
		mw.goBackground(func() {
			err := mw.ws.DeleteCase(context.Background(), c.ID)
			mw.do(func() {
				if err != nil {
					mw.showError(fmt.Errorf("delete case %d: %w", c.ID, err))
				}
				mw.reload(0)
				mw.syncIndex()
			})
		})
	}, mw.win)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Resize(fyne.NewSize(600, 220))
	dialogs.BindKeys(mw.win, d, nil, d.Dismiss) // Escape cancels; Enter deletes nothing
	d.Show()
	return d
}
