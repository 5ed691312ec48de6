package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/ui/dialogs"
)

// keywordExtensions are the keyword files the file dialog offers.
var keywordExtensions = []string{".txt", ".csv", ".tsv", ".xlsx", ".xlsm"}

// keywordsView is the Search tab's "Run keyword file…" dialog: it counts
// the hits of every line of a provider's keyword library (关键词库) in the
// case and shows them in a table, each line a button that searches for it
// on the Search tab. The count runs off the UI goroutine with its
// progress shown; the counts can be saved as a workbook. Every field is
// touched on the UI goroutine only.
type keywordsView struct {
	host pageHost
	ws   *app.App
	win  fyne.Window
	// caseID is the case counted in, unless the Search tab's allCases
	// is ticked.
	caseID   int64
	allCases *widget.Check
	run      func(query string) // runs a query as the Search tab's search
	files    *dialogs.FileDialogs

	path   string          // the keyword file counted or being counted
	list   app.KeywordList // as read
	opts   app.KeywordOptions
	counts []app.KeywordCount
	order  []int    // the rows shown: indexes into counts
	kinds  []string // the kinds with hits, one column each
	cancel context.CancelFunc
	seq    int // bumped by every count; progress of older ones is dropped

	literal  *widget.Check
	sortBy   *widget.Select
	status   *widget.Label
	progress *widget.ProgressBar
	choose   *widget.Button
	stop     *widget.Button
	save     *widget.Button
	table    *widget.Table
	hint     *widget.Label
	content  fyne.CanvasObject
	d        *dialog.CustomDialog
}

func newKeywordsView(host pageHost, caseID int64, allCases *widget.Check, run func(string)) *keywordsView {
	v := &keywordsView{host: host, ws: host.Workspace(), win: host.Window(), caseID: caseID, allCases: allCases, run: run}
	v.choose = widget.NewButtonWithIcon(lang.L("Choose keyword file…"), theme.FolderOpenIcon(), v.chooseFile)
	v.choose.Importance = widget.HighImportance
	v.literal = widget.NewCheck(lang.L("Search each line as written (not as a query)"), nil)
	v.stop = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), v.stopCount)
	v.stop.Hide()
	v.save = widget.NewButtonWithIcon(lang.L("Save as workbook…"), theme.DocumentSaveIcon(), v.chooseSave)
	v.save.Disable()
	v.sortBy = newSelect([]string{lang.L("In file order"), lang.L("Most hits first")}, nil)
	v.sortBy.SetSelectedIndex(0)
	v.sortBy.OnChanged = func(string) { v.sortRows() }
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.progress = widget.NewProgressBar()
	v.progress.Hide()

	v.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(v.order), len(v.columns()) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { v.setCell(id, o.(*widget.Label)) },
	)
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if cols := v.columns(); id.Col >= 0 && id.Col < len(cols) {
			o.(*widget.Label).SetText(cols[id.Col])
		}
	}
	v.table.OnSelected = func(id widget.TableCellID) {
		v.table.UnselectAll()
		v.searchRow(id.Row)
	}
	v.hint = widget.NewLabel(lang.L("Choose a provider's keyword library: a text file with one keyword per line, or a CSV or Excel file whose first column, or the column headed 关键词 or keyword, holds them. Each keyword's hits in the case are counted; select one to search for it."))
	v.hint.Wrapping = fyne.TextWrapWord
	v.hint.Alignment = fyne.TextAlignCenter
	hint := container.NewVBox(layout.NewSpacer(), v.hint, layout.NewSpacer())

	toolbar := container.NewHBox(v.choose, v.literal, layout.NewSpacer(), widget.NewLabel(lang.L("Order")),
		container.NewGridWrap(fyne.NewSize(190, v.sortBy.MinSize().Height), v.sortBy), v.save)
	top := container.NewVBox(toolbar, container.NewBorder(nil, nil, nil, v.stop, v.status), v.progress)
	v.content = container.NewBorder(top, nil, nil, nil, container.NewStack(v.table, hint))
	return v
}

// show opens the dialog, with the counts of the last file when there are
// some.
func (v *keywordsView) show() {
	if v.d == nil {
		v.d = dialog.NewCustom(lang.L("Keyword file"), lang.L("Close"), v.content, v.win)
		dialogs.BindKeys(v.win, v.d, nil, v.d.Hide)
	}
	v.d.Resize(dialogSize(v.win, 1240, 680))
	v.d.Show()
}

// chooseFile asks for a keyword file and counts it.
func (v *keywordsView) chooseFile() {
	if v.files == nil {
		v.files = dialogs.New(v.win, fyne.CurrentApp().Preferences(), v.host.goBackground, v.host.do)
	}
	filter := dialogs.Filter{Name: lang.L("Keyword lists (text, CSV, Excel)"), Extensions: keywordExtensions}
	v.files.OpenFiles(lang.L("Choose keyword file"), "keywords", filter, func(paths []string) { v.countFile(paths[0]) })
}

// countFile reads the keyword file at path and counts its lines' hits
// off the UI goroutine, showing the progress; a count under way is
// cancelled first.
func (v *keywordsView) countFile(path string) {
	v.stopCount()
	v.seq++
	seq := v.seq
	ctx, cancel := context.WithCancel(context.Background())
	v.cancel = cancel
	v.path, v.list, v.counts, v.order, v.kinds = path, app.KeywordList{}, nil, nil, nil
	v.opts = app.KeywordOptions{CaseID: v.caseID, Literal: v.literal.Checked}
	if v.allCases.Checked {
		v.opts.CaseID = 0
	}
	opts := v.opts
	v.status.Importance = widget.MediumImportance
	v.status.SetText(lang.L("Reading {{.File}}…", map[string]any{"File": filepath.Base(path)}))
	v.progress.SetValue(0)
	v.progress.Show()
	v.stop.Show()
	v.choose.Disable()
	v.save.Disable()
	v.hint.Hide()
	v.refreshTable()
	v.content.Refresh() // lays out the progress bar and Cancel now shown
	v.host.goBackground(func() {
		defer cancel()
		list, err := app.ReadKeywordFile(path)
		if err != nil {
			v.host.do(func() {
				if seq != v.seq {
					return
				}
				if errors.Is(err, app.ErrNoKeywords) {
					v.finish(lang.L("{{.File}} holds no keywords: every line is blank or a # comment, or the keyword column is empty.", map[string]any{"File": filepath.Base(path)}), true)
					return
				}
				v.finish(lang.L("The keyword file could not be read: {{.Error}}", map[string]any{"Error": errorText(err)}), true)
			})
			return
		}
		v.host.do(func() {
			if seq == v.seq {
				v.list = list
				v.showProgress(app.KeywordProgress{Total: len(list.Lines)})
			}
		})
		counts, err := v.ws.CountQueries(ctx, list.Lines, opts, func(p app.KeywordProgress) {
			v.host.do(func() {
				if seq == v.seq {
					v.showProgress(p)
				}
			})
		})
		v.host.do(func() {
			if seq != v.seq {
				return
			}
			switch {
			case errors.Is(err, context.Canceled):
				v.finish(lang.L("Counting cancelled."), false)
			case err != nil:
				v.finish(lang.L("The keywords could not be counted: {{.Error}}", map[string]any{"Error": errorText(err)}), true)
			default:
				v.done(counts)
			}
		})
	})
}

// showProgress shows how far the count has got.
func (v *keywordsView) showProgress(p app.KeywordProgress) {
	v.status.SetText(lang.L("Counting the hits of {{.Total}} keywords in {{.File}}: {{.Done}} done…",
		map[string]any{"Total": formatCount(p.Total), "Done": formatCount(p.Done), "File": filepath.Base(v.path)}))
	if p.Total > 0 {
		v.progress.SetValue(float64(p.Done) / float64(p.Total))
	}
}

// stopCount cancels a count under way.
func (v *keywordsView) stopCount() {
	if v.cancel != nil {
		v.cancel()
		v.cancel = nil
	}
}

// finish ends a count that gave no table with msg.
func (v *keywordsView) finish(msg string, failed bool) {
	v.cancel = nil
	v.status.SetText(msg)
	if failed {
		v.status.Importance = widget.DangerImportance
		v.status.Refresh()
	}
	v.progress.Hide()
	v.stop.Hide()
	v.choose.Enable()
	v.hint.Show()
	v.content.Refresh()
}

// done shows the counts.
func (v *keywordsView) done(counts []app.KeywordCount) {
	v.cancel = nil
	v.counts = counts
	seen := map[string]bool{}
	withHits, failed := 0, 0
	for _, c := range counts {
		for k, n := range c.Kind {
			seen[k] = seen[k] || n > 0
		}
		switch {
		case c.Err != nil:
			failed++
		case c.Total > 0:
			withHits++
		}
	}
	v.kinds = nil
	for _, k := range app.Kinds() {
		if seen[string(k)] {
			v.kinds = append(v.kinds, string(k))
		}
	}
	args := map[string]any{"File": filepath.Base(v.path), "N": formatCount(len(counts)), "Hits": formatCount(withHits), "Errors": formatCount(failed)}
	msg := lang.L("{{.File}}: {{.N}} keywords, {{.Hits}} with hits. Select a keyword to search for it.", args)
	if failed > 0 {
		msg = lang.L("{{.File}}: {{.N}} keywords, {{.Hits}} with hits; {{.Errors}} could not be searched (see their lines). Select a keyword to search for it.", args)
		if !v.opts.Literal {
			msg += " " + lang.L("Lines are read as queries; tick “Search each line as written” to search them as they stand.")
		}
	}
	if v.host.indexUpdating() {
		msg += " " + lang.L("The search index is being updated: counts may be incomplete.")
	}
	v.status.SetText(msg)
	v.progress.Hide()
	v.stop.Hide()
	v.choose.Enable()
	v.save.Enable()
	v.sortRows()
	v.content.Refresh()
}

// columns are the table's headers: line, keyword, hits, one column per
// kind with hits, and the problem of a line that could not be searched.
func (v *keywordsView) columns() []string {
	cols := []string{lang.L("Line"), lang.L("Keyword"), lang.L("Hits")}
	for _, k := range v.kinds {
		cols = append(cols, kindText(k))
	}
	return append(cols, lang.L("Problem"))
}

// sortRows orders the rows as the order select says: file order, or most
// hits first (lines that could not be searched last).
func (v *keywordsView) sortRows() {
	v.order = make([]int, len(v.counts))
	for i := range v.order {
		v.order[i] = i
	}
	if v.sortBy.SelectedIndex() == 1 {
		hits := func(i int) int {
			if v.counts[i].Err != nil {
				return -1
			}
			return v.counts[i].Total
		}
		sort.SliceStable(v.order, func(a, b int) bool { return hits(v.order[a]) > hits(v.order[b]) })
	}
	v.refreshTable()
}

// refreshTable sizes the columns to those shown and redraws the table.
func (v *keywordsView) refreshTable() {
	cols := v.columns()
	for i := range cols {
		w := float32(130)
		switch {
		case i == 0:
			w = 70
		case i == 1:
			w = 280
		case i == 2:
			w = 100
		case i == len(cols)-1:
			w = 420
		}
		v.table.SetColumnWidth(i, w)
	}
	v.table.Refresh()
	v.table.ScrollToTop()
	if len(v.counts) > 0 {
		v.hint.Hide()
	}
}

// setCell shows one cell of the table.
func (v *keywordsView) setCell(id widget.TableCellID, l *widget.Label) {
	l.Alignment, l.Importance = fyne.TextAlignLeading, widget.MediumImportance
	if id.Row < 0 || id.Row >= len(v.order) {
		l.SetText("")
		return
	}
	c := v.counts[v.order[id.Row]]
	last := len(v.columns()) - 1
	text := ""
	switch {
	case id.Col == 0:
		text, l.Alignment = strconv.Itoa(c.Line), fyne.TextAlignTrailing
	case id.Col == 1:
		text = c.Keyword
	case id.Col == last:
		if c.Err != nil {
			text, l.Importance = keywordErrorText(c.Err), widget.DangerImportance
		}
	case c.Err != nil:
		text, l.Alignment = "—", fyne.TextAlignTrailing
	case id.Col == 2:
		text, l.Alignment = formatCount(c.Total), fyne.TextAlignTrailing
	case id.Col-3 < len(v.kinds):
		text, l.Alignment = formatCount(c.Kind[v.kinds[id.Col-3]]), fyne.TextAlignTrailing
	}
	l.SetText(text)
	l.Refresh()
}

// searchRow runs the table row's query on the Search tab and closes the
// dialog; a row that could not be searched shows its problem instead.
func (v *keywordsView) searchRow(row int) {
	if row < 0 || row >= len(v.order) {
		return
	}
	c := v.counts[v.order[row]]
	if c.Err != nil {
		v.status.SetText(lang.L("Line {{.Line}}: {{.Problem}}", map[string]any{"Line": c.Line, "Problem": keywordErrorText(c.Err)}))
		return
	}
	if v.d != nil {
		v.d.Hide()
	}
	v.run(c.Query)
}

// keywordErrorText words why a keyword line could not be searched.
func keywordErrorText(err error) string {
	var se *workbench.SyntaxError
	if errors.As(err, &se) {
		return lang.L("Query error at character {{.Pos}}: {{.Msg}}", map[string]any{"Pos": se.Pos, "Msg": syntaxProblem(se)})
	}
	return errorText(err)
}

// chooseSave asks where to save the counts as a workbook, proposing a
// name beside the keyword file.
func (v *keywordsView) chooseSave() {
	if len(v.counts) == 0 {
		return
	}
	if v.files == nil {
		v.files = dialogs.New(v.win, fyne.CurrentApp().Preferences(), v.host.goBackground, v.host.do)
	}
	base := strings.TrimSuffix(filepath.Base(v.path), filepath.Ext(v.path))
	name := lang.L("{{.Name}} hits.xlsx", map[string]any{"Name": base})
	filter := dialogs.Filter{Name: lang.L("Excel workbook (.xlsx)"), Extensions: []string{".xlsx"}}
	v.files.SaveFile(lang.L("Save keyword hits"), "keywords-out", filepath.Dir(v.path), name, filter, v.saveBook)
}

// saveBook writes the counts shown as a workbook at path, in the
// interface's language, off the UI goroutine.
func (v *keywordsView) saveBook(path string) {
	book := app.KeywordBook{Lang: workbench.ExportLangEn, Source: filepath.Base(v.path), List: v.list, CaseID: v.opts.CaseID,
		Literal: v.opts.Literal, Counts: v.counts, GeneratedAt: time.Now()}
	if chinese() {
		book.Lang = workbench.ExportLangZh
	}
	if c, ok := v.host.caseByID(book.CaseID); ok {
		book.CaseTitle = c.Title
	}
	book.ErrorText = keywordErrorText
	v.status.SetText(lang.L("Saving {{.File}}…", map[string]any{"File": filepath.Base(path)}))
	v.host.goBackground(func() {
		err := app.WriteKeywordBook(path, book)
		v.host.do(func() {
			if err != nil {
				v.host.showError(fmt.Errorf("save keyword hits: %w", err))
				v.status.SetText(lang.L("The workbook was not saved."))
				return
			}
			v.status.SetText(lang.L("Saved {{.File}}.", map[string]any{"File": path}))
			v.host.setStatus(lang.L("Saved {{.File}}.", map[string]any{"File": path}))
		})
	})
}
