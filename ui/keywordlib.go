package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/ui/dialogs"
)

// libraryView is the "Apply keyword library…" dialog of a checklist item
// whose template lists keyword_library, and of a keyword library's row on
// the Submissions tab: it runs the provider's own keyword library — the
// case's imported keyword_library records — over the case's incident logs
// and document passages (app.RunKeywordLibrary) and shows the hits per
// risk category and per keyword, each keyword a button that searches for
// it on the Search tab. The run is off the UI goroutine, with progress
// and Cancel; the result can be saved as a workbook and, from an item of
// an open inspection, cited as the item's evidence. Every field is
// touched on the UI goroutine only.
type libraryView struct {
	host   pageHost
	ws     *app.App
	win    fyne.Window
	caseID int64
	// itemID is the checklist item the result can be cited for ("" from
	// the Submissions tab); open says whether the inspection can still
	// change; cited is called once the evidence is recorded.
	itemID string
	open   bool
	cited  func()
	files  *dialogs.FileDialogs

	library  []workbench.Submission // the case's keyword_library files
	run      *app.LibraryRun
	risks    []app.RiskHits // the rows of the risk table
	riskSel  int            // the risk row whose keywords are listed, -1 for all
	keywords []int          // the keyword rows shown: indexes into run.Counts
	cancel   context.CancelFunc
	seq      int // bumped by every run; progress of older ones is dropped

	status    *widget.Label
	progress  *widget.ProgressBar
	start     *widget.Button
	stop      *widget.Button
	save      *widget.Button
	cite      *widget.Button
	note      *widget.Label // why the result cannot be cited here
	riskTable *widget.Table
	kwTable   *widget.Table
	kwHead    *widget.Label
	results   fyne.CanvasObject
	content   fyne.CanvasObject
	d         *dialog.CustomDialog
}

// newLibraryView makes the dialog for case caseID; itemID and open say
// whether and where the result can be cited, cited (may be nil) is called
// when it has been. The library files are looked up at once, off the UI
// goroutine.
func newLibraryView(host pageHost, caseID int64, itemID string, open bool, cited func()) *libraryView {
	v := &libraryView{host: host, ws: host.Workspace(), win: host.Window(), caseID: caseID, itemID: itemID, open: open, cited: cited, riskSel: -1}
	v.start = widget.NewButtonWithIcon(lang.L("Run keyword library"), theme.MediaPlayIcon(), v.startRun)
	v.start.Importance = widget.HighImportance
	v.start.Disable()
	v.stop = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), v.stopRun)
	v.stop.Hide()
	v.save = widget.NewButtonWithIcon(lang.L("Save as workbook…"), theme.DocumentSaveIcon(), v.chooseSave)
	v.save.Disable()
	v.cite = widget.NewButtonWithIcon(lang.L("Add as evidence"), theme.ContentAddIcon(), v.addEvidence)
	v.cite.Disable()
	v.note = widget.NewLabel("")
	v.note.Importance = widget.LowImportance
	v.note.Wrapping = fyne.TextWrapWord
	switch {
	case itemID == "":
		v.cite.Hide()
		v.note.SetText(lang.L("To cite the result as evidence, apply the library from the checklist item."))
	case !open:
		v.cite.Hide()
		v.note.SetText(lang.L("The inspection can no longer be changed: the result can be saved, not added as evidence."))
	default:
		v.note.Hide()
	}
	v.status = widget.NewLabel(lang.L("Looking for the case's keyword library…"))
	v.status.Wrapping = fyne.TextWrapWord
	v.progress = widget.NewProgressBar()
	v.progress.Hide()

	v.riskTable = newLibraryTable(func() (int, int) { return len(v.risks), 5 }, v.riskCell, v.riskHeader)
	v.riskTable.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(v.risks) {
			v.showKeywords(id.Row)
		}
	}
	for i, w := range []float32{60, 230, 95, 80, 90} {
		v.riskTable.SetColumnWidth(i, w)
	}
	v.kwTable = newLibraryTable(func() (int, int) { return len(v.keywords), 5 }, v.keywordCell, v.keywordHeader)
	v.kwTable.OnSelected = func(id widget.TableCellID) {
		v.kwTable.UnselectAll()
		v.searchKeyword(id.Row)
	}
	for i, w := range []float32{55, 140, 75, 70, 400} {
		v.kwTable.SetColumnWidth(i, w)
	}
	v.kwHead = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.kwHead.Truncation = fyne.TextTruncateEllipsis
	riskHead := widget.NewLabelWithStyle(lang.L("Hits per risk category (select one to list its keywords)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	riskHead.Truncation = fyne.TextTruncateEllipsis
	split := container.NewHSplit(container.NewBorder(riskHead, nil, nil, nil, v.riskTable), container.NewBorder(v.kwHead, nil, nil, nil, v.kwTable))
	split.SetOffset(0.5)
	v.results = split
	v.results.Hide()

	toolbar := container.NewHBox(v.start, v.stop, v.save, v.cite)
	top := container.NewVBox(toolbar, v.status, v.progress, v.note)
	v.content = container.NewBorder(top, nil, nil, nil, v.results)
	v.load()
	return v
}

// newLibraryTable is a table of labels with a header row.
func newLibraryTable(size func() (int, int), cell func(widget.TableCellID, *widget.Label), header func(int) string) *widget.Table {
	t := widget.NewTableWithHeaders(size,
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { cell(id, o.(*widget.Label)) })
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(header(id.Col)) }
	return t
}

// show opens the dialog.
func (v *libraryView) show() {
	if v.d == nil {
		v.d = dialog.NewCustom(lang.L("Keyword library applied"), lang.L("Close"), v.content, v.win)
		dialogs.BindKeys(v.win, v.d, nil, func() {
			v.stopRun()
			v.d.Hide()
		})
		v.d.SetOnClosed(v.stopRun)
	}
	v.d.Resize(dialogSize(v.win, 1240, 680))
	v.d.Show()
}

// load looks up the case's keyword library files off the UI goroutine.
func (v *libraryView) load() {
	v.host.goBackground(func() {
		files, err := v.ws.KeywordLibraryFiles(context.Background(), v.caseID)
		v.host.do(func() {
			if err != nil {
				v.fail(lang.L("The keyword library could not be read: {{.Error}}", map[string]any{"Error": errorText(err)}))
				return
			}
			v.library = nil
			n := 0
			for _, f := range files {
				if f.Records > 0 {
					v.library = append(v.library, f)
					n += f.Records
				}
			}
			if len(v.library) == 0 {
				v.status.SetText(lang.L("No keyword library is imported in this case. Import the provider's keyword library on the Submissions tab (kind 关键词库), then apply it here."))
				return
			}
			v.status.SetText(lang.L("{{.Files}}: {{.N}} keywords. Running them over the case's incident logs and document passages shows what the provider's filter would have caught in its own material; regular expressions are listed as not applied.",
				map[string]any{"Files": v.fileNames(), "N": formatCount(n)}))
			v.start.Enable()
		})
	})
}

func (v *libraryView) fileNames() string {
	names := make([]string, len(v.library))
	for i, f := range v.library {
		names[i] = f.FileName
	}
	return strings.Join(names, lang.L(", "))
}

// fail shows msg as the dialog's problem.
func (v *libraryView) fail(msg string) {
	v.status.SetText(msg)
	v.status.Importance = widget.DangerImportance
	v.status.Refresh()
}

// startRun applies the library off the UI goroutine, showing the
// progress; a run under way is cancelled first.
func (v *libraryView) startRun() {
	v.stopRun()
	v.seq++
	seq := v.seq
	ctx, cancel := context.WithCancel(context.Background())
	v.cancel = cancel
	v.status.Importance = widget.MediumImportance
	v.status.SetText(lang.L("Reading the keyword library…"))
	v.progress.SetValue(0)
	v.progress.Show()
	v.stop.Show()
	v.start.Disable()
	v.save.Disable()
	v.cite.Disable()
	v.content.Refresh()
	caseID := v.caseID
	v.host.goBackground(func() {
		defer cancel()
		run, err := v.ws.RunKeywordLibrary(ctx, caseID, app.LibraryOptions{}, func(p app.KeywordProgress) {
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
			v.cancel = nil
			v.progress.Hide()
			v.stop.Hide()
			v.start.Enable()
			switch {
			case errors.Is(err, context.Canceled):
				v.status.SetText(lang.L("Cancelled: nothing was counted."))
			case errors.Is(err, app.ErrNoKeywordLibrary):
				v.start.Disable()
				v.fail(lang.L("No keyword library is imported in this case. Import the provider's keyword library on the Submissions tab (kind 关键词库), then apply it here."))
			case err != nil:
				v.fail(lang.L("The keyword library could not be applied: {{.Error}}", map[string]any{"Error": errorText(err)}))
			default:
				v.done(run)
			}
			v.content.Refresh()
		})
	})
}

// showProgress shows how far the run has got.
func (v *libraryView) showProgress(p app.KeywordProgress) {
	v.status.SetText(lang.L("Searching the incident logs and document passages: {{.Done}} of {{.Total}} searches done…",
		map[string]any{"Done": formatCount(p.Done), "Total": formatCount(p.Total)}))
	if p.Total > 0 {
		v.progress.SetValue(float64(p.Done) / float64(p.Total))
	}
}

// stopRun cancels a run under way.
func (v *libraryView) stopRun() {
	if v.cancel != nil {
		v.cancel()
		v.cancel = nil
	}
}

// done shows a run: the summary, the risk table, every keyword.
func (v *libraryView) done(run app.LibraryRun) {
	v.run = &run
	v.risks = run.Risks
	n, searched, withHits, regex, unsearchable := run.Summary()
	args := map[string]any{"N": formatCount(n), "Searched": formatCount(searched), "Hits": formatCount(withHits),
		"Rows": formatCount(run.Rows), "Files": formatCount(len(run.Searched)), "Regex": formatCount(regex), "Other": formatCount(unsearchable)}
	msg := lang.L("{{.N}} keywords, {{.Searched}} searched, {{.Hits}} with hits: {{.Rows}} rows or passages of {{.Files}} files hit, each counted once. Select a keyword to search for it.", args)
	if regex+unsearchable > 0 {
		msg = lang.L("{{.N}} keywords, {{.Searched}} searched, {{.Hits}} with hits: {{.Rows}} rows or passages of {{.Files}} files hit, each counted once. Regular expressions not applied: {{.Regex}}; other keywords that could not be searched: {{.Other}} (see Problem). Select a keyword to search for it.", args)
	}
	if v.host.indexUpdating() {
		msg += " " + lang.L("The search index is being updated: counts may be incomplete.")
	}
	v.status.SetText(msg)
	v.save.Enable()
	if v.itemID != "" && v.open {
		v.cite.Enable()
	}
	v.results.Show()
	v.riskTable.Refresh()
	v.riskTable.ScrollToTop()
	v.showKeywords(-1)
}

// showKeywords lists the keywords of risk row i, or every keyword for -1.
func (v *libraryView) showKeywords(i int) {
	v.riskSel = i
	v.keywords = v.keywords[:0]
	if v.run == nil {
		return
	}
	for j, c := range v.run.Counts {
		if i < 0 || sameCategory(c.LibraryKeyword, v.risks[i]) {
			v.keywords = append(v.keywords, j)
		}
	}
	if i < 0 {
		v.kwHead.SetText(lang.L("Every keyword ({{.N}})", map[string]any{"N": formatCount(len(v.keywords))}))
	} else {
		v.kwHead.SetText(lang.L("Keywords of {{.Risk}} ({{.N}})", map[string]any{"Risk": riskName(v.risks[i]), "N": formatCount(len(v.keywords))}))
	}
	v.kwTable.Refresh()
	v.kwTable.ScrollToTop()
}

// sameCategory reports whether a keyword is counted in row h.
func sameCategory(k app.LibraryKeyword, h app.RiskHits) bool {
	if h.Risk != "" {
		return k.Risk == h.Risk
	}
	return k.Risk == "" && k.RiskWritten == h.Written
}

// riskName words a risk row: its name, or the category as the library
// wrote it, or none.
func riskName(h app.RiskHits) string {
	switch {
	case h.Risk != "":
		return pick(h.Risk.Name())
	case h.Written != "":
		return lang.L("{{.Category}} (not a risk category of the standard)", map[string]any{"Category": h.Written})
	}
	return lang.L("No risk category given")
}

func (v *libraryView) riskHeader(col int) string {
	return []string{lang.L("Code"), lang.L("Risk category"), lang.L("Keywords"), lang.L("With hits"), lang.L("Rows hit")}[col]
}

// riskCell shows one cell of the risk table.
func (v *libraryView) riskCell(id widget.TableCellID, l *widget.Label) {
	l.Alignment = fyne.TextAlignLeading
	if id.Row < 0 || id.Row >= len(v.risks) {
		l.SetText("")
		return
	}
	h := v.risks[id.Row]
	text := ""
	switch id.Col {
	case 0:
		text = string(h.Risk)
	case 1:
		text = riskName(h)
	case 2:
		text, l.Alignment = formatCount(h.Keywords), fyne.TextAlignTrailing
	case 3:
		text, l.Alignment = formatCount(h.WithHits), fyne.TextAlignTrailing
	case 4:
		text, l.Alignment = formatCount(h.Rows), fyne.TextAlignTrailing
	}
	l.SetText(text)
}

func (v *libraryView) keywordHeader(col int) string {
	return []string{lang.L("Row"), lang.L("Keyword"), lang.L("Risk"), lang.L("Hits"), lang.L("Problem")}[col]
}

// keywordCell shows one cell of the keyword table.
func (v *libraryView) keywordCell(id widget.TableCellID, l *widget.Label) {
	l.Alignment, l.Importance = fyne.TextAlignLeading, widget.MediumImportance
	if v.run == nil || id.Row < 0 || id.Row >= len(v.keywords) {
		l.SetText("")
		return
	}
	c := v.run.Counts[v.keywords[id.Row]]
	text := ""
	switch id.Col {
	case 0:
		text, l.Alignment = strconv.Itoa(c.Row), fyne.TextAlignTrailing
	case 1:
		text = c.Keyword
	case 2:
		text = string(c.Risk)
		if c.Risk == "" {
			text = c.RiskWritten
		}
	case 3:
		text, l.Alignment = formatCount(c.Total), fyne.TextAlignTrailing
		if c.Err != nil {
			text = "—"
		}
	case 4:
		if c.Err != nil {
			text, l.Importance = libraryProblemText(c.Err), widget.WarningImportance
		}
	}
	l.SetText(text)
	l.Refresh()
}

// libraryProblemText words why a library keyword was not searched.
func libraryProblemText(err error) string {
	var le *app.LibraryError
	if !errors.As(err, &le) {
		return errorText(err)
	}
	switch le.Problem {
	case app.LibraryRegex:
		return lang.L("Regular expression: not applied (the search has no regular expressions)")
	case app.LibraryRegexLike:
		return lang.L("Written like a regular expression: not searched, as the text would not match what the provider's filter matches")
	case app.LibraryNothing:
		return lang.L("Only punctuation or symbols: nothing to search for")
	case app.LibraryEmpty:
		return lang.L("No keyword in the row")
	}
	return errorText(err)
}

// searchKeyword runs the keyword row's query on the Search tab and
// closes the dialog; a keyword that was not searched says why instead.
func (v *libraryView) searchKeyword(row int) {
	if v.run == nil || row < 0 || row >= len(v.keywords) {
		return
	}
	c := v.run.Counts[v.keywords[row]]
	if c.Err != nil {
		v.status.SetText(lang.L("Row {{.Row}} of {{.File}}: {{.Problem}}", map[string]any{"Row": c.Row, "File": c.FileName, "Problem": libraryProblemText(c.Err)}))
		return
	}
	if v.d != nil {
		v.d.Hide()
	}
	v.host.RunSearch(c.Query)
}

// language is the language the result is written in: the interface's.
func language() string {
	if chinese() {
		return workbench.ExportLangZh
	}
	return workbench.ExportLangEn
}

// chooseSave asks where to save the result as a workbook.
func (v *libraryView) chooseSave() {
	if v.run == nil {
		return
	}
	if v.files == nil {
		v.files = dialogs.New(v.win, fyne.CurrentApp().Preferences(), v.host.goBackground, v.host.do)
	}
	name := lang.L("Keyword library hits.xlsx")
	filter := dialogs.Filter{Name: lang.L("Excel workbook (.xlsx)"), Extensions: []string{".xlsx"}}
	v.files.SaveFile(lang.L("Save keyword library hits"), "keywords-out", "", name, filter, v.saveBook)
}

// saveBook writes the result as a workbook at path, in the interface's
// language, off the UI goroutine.
func (v *libraryView) saveBook(path string) {
	title := ""
	if c, ok := v.host.caseByID(v.caseID); ok {
		title = c.Title
	}
	book := app.LibraryBook(*v.run, title, language())
	v.status.SetText(lang.L("Saving {{.File}}…", map[string]any{"File": filepath.Base(path)}))
	v.host.goBackground(func() {
		err := app.WriteKeywordBook(path, book)
		v.host.do(func() {
			if err != nil {
				v.host.showError(fmt.Errorf("save keyword library hits: %w", err))
				v.status.SetText(lang.L("The workbook was not saved."))
				return
			}
			v.status.SetText(lang.L("Saved {{.File}}.", map[string]any{"File": path}))
			v.host.setStatus(lang.L("Saved {{.File}}.", map[string]any{"File": path}))
		})
	})
}

// addEvidence cites the result for the item, off the UI goroutine.
func (v *libraryView) addEvidence() {
	if v.run == nil || v.itemID == "" || !v.open {
		return
	}
	run, item := *v.run, v.itemID
	v.cite.Disable()
	v.host.goBackground(func() {
		_, err := v.ws.AddLibraryEvidence(context.Background(), item, run, language())
		v.host.do(func() {
			if err != nil {
				v.cite.Enable()
				v.host.showError(err)
				return
			}
			v.status.SetText(lang.L("Added to the item's evidence: the library file with its SHA-256 and the hits per risk category."))
			if v.cited != nil {
				v.cited()
			}
		})
	})
}
