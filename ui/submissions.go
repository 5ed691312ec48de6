package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
)

// recordPage is how many records one database read fetches for the
// records browser; recordPagesKept bounds the pages held in memory.
const (
	recordPage      = 200
	recordPagesKept = 16
)

// submissionsView is a case's "Submissions" tab: the import controls, the
// imported files and a records browser that pages from SQLite.
type submissionsView struct {
	mw     *MainWindow
	caseID int64

	subs     []app.Submission
	list     *widget.List
	kind     *widget.Select
	label    *widget.Select
	keep     *widget.Check // import notes, totals and sign-offs below tables as records
	selected *app.Submission

	table   *widget.Table
	columns []string           // header texts
	spec    *app.KindSpec      // the selected submission's kind
	pages   map[int][][]string // page → rows of display cells
	pending map[int]bool
	info    *widget.Label

	content fyne.CanvasObject
}

func newSubmissionsView(mw *MainWindow, caseID int64) *submissionsView {
	v := &submissionsView{mw: mw, caseID: caseID, pages: map[int][][]string{}, pending: map[int]bool{}}
	kinds := []string{lang.L("Detect from headers")}
	for _, k := range app.Kinds() {
		kinds = append(kinds, kindText(string(k)))
	}
	v.kind = widget.NewSelect(kinds, nil)
	v.kind.SetSelectedIndex(0)
	var labels []string
	for _, l := range app.Labels() {
		labels = append(labels, labelText(string(l)))
	}
	v.label = widget.NewSelect(labels, nil)
	v.label.SetSelected(labelText(string(app.DefaultLabel)))
	importBtn := widget.NewButtonWithIcon(lang.L("Import file…"), theme.UploadIcon(), v.chooseFile)
	importBtn.Importance = widget.HighImportance
	fixed := func(o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(210, o.MinSize().Height), o)
	}
	v.keep = widget.NewCheck(lang.L("Keep note and total rows"), nil)
	toolbar := container.NewHBox(importBtn, widget.NewLabel(lang.L("Kind")), fixed(v.kind), widget.NewLabel(lang.L("Label")), fixed(v.label), v.keep)
	hint := widget.NewLabel(lang.L("Or drop files on the window: CSV, XLSX, JSON, JSONL; documents (DOCX, PDF, Markdown, text) need a kind."))
	hint.Importance = widget.LowImportance

	v.list = widget.NewList(
		func() int { return len(v.subs) },
		func() fyne.CanvasObject {
			// One line per file, so a case's submissions fit without scrolling.
			name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			detail := widget.NewLabel("")
			detail.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, name, nil, detail)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			s := v.subs[i]
			box := o.(*fyne.Container)
			box.Objects[1].(*widget.Label).SetText(s.FileName)
			detail := lang.L("{{.Kind}} · {{.Records}} records · {{.Warnings}} warnings · {{.Label}}",
				map[string]any{"Kind": kindText(s.Kind), "Records": s.Records, "Warnings": s.Warnings, "Label": labelText(s.Label)})
			if isDocument(s) {
				detail = lang.L("{{.Kind}} · document, {{.Passages}} passages · {{.Warnings}} warnings · {{.Label}}",
					map[string]any{"Kind": kindText(s.Kind), "Passages": s.Passages, "Warnings": s.Warnings, "Label": labelText(s.Label)})
			}
			box.Objects[0].(*widget.Label).SetText(detail)
		},
	)
	v.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(v.subs) {
			s := v.subs[i]
			v.showRecords(&s)
		}
	}

	v.info = widget.NewLabel(lang.L("Select a submission to browse its records."))
	v.info.Wrapping = fyne.TextWrapWord
	v.table = widget.NewTableWithHeaders(
		func() (int, int) {
			if v.selected == nil {
				return 0, 0
			}
			if isDocument(*v.selected) {
				return v.selected.Passages, len(v.columns)
			}
			return v.selected.Records, len(v.columns)
		},
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(v.cell(id)) },
	)
	v.table.ShowHeaderColumn = false
	v.table.OnSelected = func(id widget.TableCellID) {
		v.showRow(id.Row)
		v.table.UnselectAll()
	}
	v.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(v.columns) {
			o.(*widget.Label).SetText(v.columns[id.Col])
		}
	}
	warnings := widget.NewButtonWithIcon(lang.L("Warnings"), theme.WarningIcon(), v.showWarnings)
	recordsPane := container.NewBorder(container.NewBorder(nil, nil, nil, warnings, v.info), nil, nil, nil, v.table)
	split := container.NewVSplit(v.list, recordsPane)
	split.SetOffset(0.4)
	v.content = container.NewBorder(container.NewVBox(toolbar, hint), nil, nil, nil, split)
	v.reload(0)
	return v
}

// reload reads the case's submissions off the UI goroutine and selects
// the one with id selectID.
func (v *submissionsView) reload(selectID int64) {
	v.mw.goBackground(func() {
		subs, err := v.mw.ws.ListSubmissions(context.Background(), v.caseID)
		v.mw.do(func() {
			if err != nil {
				v.mw.showError(err)
				return
			}
			v.subs = subs
			v.list.Refresh()
			for i, s := range subs {
				if s.ID == selectID {
					v.list.Select(i)
				}
			}
		})
	})
}

// showRecords sets the records browser to one submission.
func (v *submissionsView) showRecords(s *app.Submission) {
	v.selected = s
	v.pages, v.pending = map[int][][]string{}, map[int]bool{}
	v.columns = submissionColumns(*s)
	v.spec = app.SpecOf(s.Kind)
	info := map[string]any{"File": s.FileName, "Records": s.Records, "Passages": s.Passages, "Format": s.Format, "Encoding": s.Encoding,
		"At": s.ImportedAt.Local().Format("2006-01-02 15:04"), "SHA": s.SHA256[:16] + "…"}
	if isDocument(*s) {
		v.info.SetText(lang.L("{{.File}}: {{.Passages}} passages, {{.Format}} {{.Encoding}}, imported {{.At}}, SHA-256 {{.SHA}} — select a row to read it whole", info))
	} else {
		v.info.SetText(lang.L("{{.File}}: {{.Records}} records, {{.Format}} {{.Encoding}}, imported {{.At}}, SHA-256 {{.SHA}} — select a row to read it whole", info))
	}
	for i := range v.columns {
		w := float32(160)
		if i == 0 {
			w = 90
		}
		if isDocument(*s) && i == 2 {
			w = 700
		}
		v.table.SetColumnWidth(i, w)
	}
	v.table.Refresh()
	v.table.ScrollToTop()
}

// cell returns the text of one cell, fetching its page when missing.
func (v *submissionsView) cell(id widget.TableCellID) string {
	page := id.Row / recordPage
	rows, ok := v.pages[page]
	if !ok {
		v.fetch(page)
		return "…"
	}
	r := id.Row - page*recordPage
	if r >= len(rows) || id.Col >= len(rows[r]) {
		return ""
	}
	return rows[r][id.Col]
}

// fetch loads one page of records in the background and refreshes the
// table when it arrives.
func (v *submissionsView) fetch(page int) {
	if v.pending[page] || v.selected == nil {
		return
	}
	v.pending[page] = true
	sub, spec := v.selected, v.spec
	v.mw.goBackground(func() {
		var rows [][]string
		var err error
		if isDocument(*sub) {
			var ps []app.PassageRow
			if ps, err = v.mw.ws.Passages(context.Background(), sub.ID, page*recordPage, recordPage); err == nil {
				rows = displayPassages(ps)
			}
		} else {
			var recs []app.RecordRow
			if recs, err = v.mw.ws.Records(context.Background(), sub.ID, page*recordPage, recordPage); err == nil {
				rows = displayRows(recs, sub.Kind, spec)
			}
		}
		v.mw.do(func() {
			if v.selected != sub {
				return // the user moved on
			}
			delete(v.pending, page)
			if err != nil {
				v.mw.showError(err)
				return
			}
			if len(v.pages) >= recordPagesKept {
				v.pages = map[int][][]string{}
			}
			v.pages[page] = rows
			v.table.Refresh()
		})
	})
}

// displayRows turns records into table cells: the row in the file, one
// cell per canonical field of the kind, and the extra columns. Values are
// written for people in the interface's language: vocabulary terms by
// name, times at the precision they were written, yes/no as 是/否.
func displayRows(recs []app.RecordRow, kind string, spec *app.KindSpec) [][]string {
	zh := chinese()
	out := make([][]string, len(recs))
	for i, r := range recs {
		var extra map[string]any
		_ = json.Unmarshal([]byte(r.Extra), &extra)
		row := make([]string, 0, 16)
		loc := strconv.Itoa(r.Row)
		if r.Sheet != "" {
			loc = r.Sheet + "!" + loc
		}
		row = append(row, loc)
		if spec != nil {
			f, err := app.DecodeRecord(kind, r)
			for _, fd := range spec.Fields {
				if err != nil {
					row = append(row, "")
					continue
				}
				row = append(row, f.Display(fd.Name, zh))
			}
		}
		keys := make([]string, 0, len(extra))
		for k := range extra {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var parts []string
		for _, k := range keys {
			parts = append(parts, k+": "+displayValue(extra[k]))
		}
		out[i] = append(row, strings.Join(parts, "; "))
	}
	return out
}

// showRow opens one record or passage in full: every column, wrapped.
func (v *submissionsView) showRow(row int) {
	rows, ok := v.pages[row/recordPage]
	if !ok || row%recordPage >= len(rows) {
		return
	}
	cells := rows[row%recordPage]
	title := lang.L("Row {{.N}}", map[string]any{"N": cells[0]})
	if v.selected != nil && isDocument(*v.selected) {
		title = cells[0]
	}
	showCells(v.mw.win, title, nil, v.columns, cells)
}

// submissionColumns are the column headers of a submission's rows: for
// records the row, one column per canonical field of the kind and the
// other columns; for documents the location, headings and text.
func submissionColumns(s app.Submission) []string {
	if isDocument(s) {
		return []string{lang.L("Location"), lang.L("Under heading"), lang.L("Text")}
	}
	columns := []string{lang.L("Row")}
	if spec := app.SpecOf(s.Kind); spec != nil {
		for _, f := range spec.Fields {
			columns = append(columns, f.ZH+" "+f.EN)
		}
	}
	return append(columns, lang.L("Other columns"))
}

// showCells opens one record or passage in full, every non-empty column
// wrapped, in a dialog; header, when not nil, goes above the columns.
func showCells(win fyne.Window, title string, header fyne.CanvasObject, columns, cells []string) {
	form := container.New(layout.NewFormLayout())
	for i, c := range cells {
		if i >= len(columns) || c == "" {
			continue
		}
		value := widget.NewLabel(strings.ReplaceAll(c, " ⏎ ", "\n"))
		value.Wrapping = fyne.TextWrapWord
		value.Selectable = true
		form.Add(widget.NewLabelWithStyle(columns[i], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		form.Add(value)
	}
	d := dialog.NewCustom(title, lang.L("Close"), container.NewBorder(header, nil, nil, nil, container.NewVScroll(form)), win)
	d.Resize(fyne.NewSize(820, 560))
	d.Show()
}

// isDocument tells document submissions (passages) from structured ones.
func isDocument(s app.Submission) bool {
	switch s.Format {
	case "markdown", "text", "docx", "pdf":
		return true
	}
	return false
}

// displayPassages turns passages into table cells: where the passage
// stands, the headings above it, its text.
func displayPassages(ps []app.PassageRow) [][]string {
	out := make([][]string, len(ps))
	for i, p := range ps {
		var path []string
		_ = json.Unmarshal([]byte(p.HeadingPath), &path)
		loc := passageLocation(p.Page, p.Paragraph, p.Line, p.Table, p.Row, p.Cell)
		if part := partLabel(p.Part, p.Comment, p.Author); part != "" {
			loc = joinPlace([]string{part, loc})
		}
		out[i] = []string{loc, strings.Join(path, " > "), strings.ReplaceAll(p.Text, "\n", " ⏎ ")}
	}
	return out
}

// passageLocation says in the user's language where a passage stands:
// page, paragraph, line, table cell (zeros are left out).
func passageLocation(page, para, line, table, row, cell int) string {
	var loc []string
	if page > 0 {
		loc = append(loc, lang.L("p. {{.N}}", map[string]any{"N": page}))
	}
	if para > 0 {
		loc = append(loc, lang.L("¶ {{.N}}", map[string]any{"N": para}))
	}
	if line > 0 {
		loc = append(loc, lang.L("line {{.N}}", map[string]any{"N": line}))
	}
	if table > 0 {
		loc = append(loc, lang.L("table {{.T}} row {{.R}} cell {{.C}}", map[string]any{"T": table, "R": row, "C": cell}))
	}
	return joinPlace(loc)
}

// partLabel names, in the user's language, where outside a document's main
// text a passage stands: its header, its footer or a comment; "" for the
// main text.
func partLabel(part string, comment int, author string) string {
	switch part {
	case "":
		return ""
	case "header":
		return lang.L("page header")
	case "footer":
		return lang.L("page footer")
	case "comment":
		if author != "" {
			return lang.L("comment {{.N}} by {{.Author}}", map[string]any{"N": comment, "Author": author})
		}
		return lang.L("comment {{.N}}", map[string]any{"N": comment})
	}
	return part
}

// joinPlace joins the parts of a location with the language's separator.
func joinPlace(parts []string) string {
	return strings.Join(parts, lang.X("place.separator", ", "))
}

// displayValue writes a normalised value for people.
func displayValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		if x {
			return lang.L("Yes")
		}
		return lang.L("No")
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		parts := make([]string, len(x))
		for i, p := range x {
			parts[i] = displayValue(p)
		}
		return strings.Join(parts, "、")
	case map[string]any:
		return strings.TrimSpace(fmt.Sprintf("%s %s", displayValue(x["value"]), displayValue(x["unit"])))
	}
	return fmt.Sprint(v)
}

func (v *submissionsView) showWarnings() {
	sub := v.selected
	if sub == nil {
		return
	}
	v.mw.goBackground(func() {
		ws, err := v.mw.ws.SubmissionWarnings(context.Background(), sub.ID)
		v.mw.do(func() {
			if err != nil {
				v.mw.showError(err)
				return
			}
			if len(ws) == 0 {
				dialog.ShowInformation(lang.L("Warnings"), lang.L("Every value of {{.File}} was read.", map[string]any{"File": sub.FileName}), v.mw.win)
				return
			}
			list := widget.NewList(func() int { return len(ws) },
				func() fyne.CanvasObject {
					l := widget.NewLabel("")
					l.Wrapping = fyne.TextWrapWord
					return l
				},
				func(i widget.ListItemID, o fyne.CanvasObject) {
					o.(*widget.Label).SetText(ws[i].Location + ": " + ws[i].Message)
				})
			d := dialog.NewCustom(lang.L("Warnings of {{.File}}", map[string]any{"File": sub.FileName}), lang.L("Close"), list, v.mw.win)
			d.Resize(fyne.NewSize(760, 480))
			d.Show()
		})
	})
}

// chooseFile opens the file dialog; several files can be dropped instead.
func (v *submissionsView) chooseFile() {
	v.mw.openFile(nil, func(path string) { v.importFiles([]string{path}) })
}

// request builds an import request from the toolbar's choices.
func (v *submissionsView) request(paths []string) app.ImportRequest {
	req := app.ImportRequest{CaseID: v.caseID, Files: paths}
	if i := v.kind.SelectedIndex(); i > 0 {
		req.Kind = app.Kinds()[i-1]
	}
	if i := v.label.SelectedIndex(); i >= 0 {
		req.Label = app.Labels()[i]
	}
	req.KeepNoteRows = v.keep.Checked
	return req
}

// importFiles runs an import off the UI goroutine with a progress dialog
// (rows, rows/s, cancel), then shows the report and the new submissions.
func (v *submissionsView) importFiles(paths []string) {
	if len(paths) == 0 {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	status := widget.NewLabel(lang.L("Starting…"))
	status.Wrapping = fyne.TextWrapWord
	bar := widget.NewProgressBarInfinite()
	cancelBtn := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { cancel() })
	progress := dialog.NewCustomWithoutButtons(lang.L("Importing"), container.NewVBox(bar, status, container.NewCenter(cancelBtn)), v.mw.win)
	progress.Resize(fyne.NewSize(520, 180))
	progress.Show()

	req := v.request(paths)
	var mu sync.Mutex
	var last time.Time
	started := time.Now()
	fileStarted := started
	req.Progress = func(p app.ImportProgress) {
		mu.Lock()
		defer mu.Unlock()
		now := time.Now()
		if p.Rows == 0 {
			fileStarted = now
		} else if now.Sub(last) < 100*time.Millisecond {
			return // coalesce: the UI need not redraw for every batch
		}
		last = now
		rate := 0.0
		if secs := now.Sub(fileStarted).Seconds(); secs > 0 {
			rate = float64(p.Rows) / secs
		}
		text := lang.L("File {{.N}} of {{.Total}}: {{.File}}\n{{.Rows}} rows, {{.Rate}} rows/s", map[string]any{
			"N": p.FileIndex + 1, "Total": p.FileCount, "File": filepath.Base(p.File), "Rows": p.Rows, "Rate": int(rate)})
		v.mw.do(func() { status.SetText(text) })
	}
	v.mw.goBackground(func() {
		reports, err := v.mw.ws.Import(ctx, req)
		cancel()
		v.mw.do(func() {
			progress.Hide()
			if err != nil && len(reports) == 0 {
				v.mw.showError(err)
				return
			}
			v.showReport(reports, err)
			v.mw.syncIndex() // make what was imported searchable
			var newest int64
			for _, r := range reports {
				if r.SubmissionID > newest {
					newest = r.SubmissionID
				}
			}
			v.reload(newest)
		})
	})
}

// showReport shows what happened to each file.
func (v *submissionsView) showReport(reports []app.FileReport, err error) {
	var b strings.Builder
	for _, r := range reports {
		name := filepath.Base(r.File)
		switch {
		case r.Status == app.StatusImported && r.Passages > 0 && r.Records == 0:
			b.WriteString(lang.L("✔ {{.File}}: {{.Passages}} passages as {{.Kind}}, {{.Warnings}} warnings",
				map[string]any{"File": name, "Passages": r.Passages, "Kind": kindText(r.Kind), "Warnings": r.WarningCount}))
		case r.Status == app.StatusImported:
			b.WriteString(lang.L("✔ {{.File}}: {{.Records}} records as {{.Kind}}, {{.Warnings}} warnings",
				map[string]any{"File": name, "Records": r.Records, "Kind": kindText(r.Kind), "Warnings": r.WarningCount}))
		case r.Status == app.StatusDuplicate:
			b.WriteString(lang.L("= {{.File}}: already imported into this case; nothing added", map[string]any{"File": name}))
		default:
			b.WriteString(lang.L("✘ {{.File}}: not imported, nothing kept. {{.Error}}", map[string]any{"File": name, "Error": r.Error}))
		}
		b.WriteString("\n")
		for _, u := range r.Unrecognised {
			b.WriteString("    " + lang.L("{{.Column}}: {{.N}} values not recognised (e.g. {{.Examples}}); kept as written, and a check that needs them lists those records as unclear",
				map[string]any{"Column": u.Column, "N": u.Count, "Examples": strings.Join(u.Examples, lang.X("list.separator", ", "))}) + "\n")
		}
		if r.SkippedRowCount > 0 {
			b.WriteString("    " + lang.L("{{.N}} rows left out as notes, totals or sign-offs, not records:", map[string]any{"N": r.SkippedRowCount}) + "\n")
			for i, sr := range r.SkippedRows {
				if i == 5 {
					b.WriteString("      …\n")
					break
				}
				b.WriteString("      " + sr.Location + ": " + app.Clip(sr.Text, 80) + "\n")
			}
		}
		for i, w := range r.Warnings {
			if i == 5 {
				b.WriteString("    …\n")
				break
			}
			b.WriteString("    " + w.Location + ": " + w.Message + "\n")
		}
	}
	if err != nil {
		b.WriteString("\n" + lang.L("Stopped: {{.Error}}", map[string]any{"Error": errorText(err)}))
	}
	text := widget.NewLabel(b.String())
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("Import report"), lang.L("Close"), container.NewVScroll(text), v.mw.win)
	d.Resize(fyne.NewSize(760, 420))
	d.Show()
}

// kindText is the translated name of a submission kind.
func kindText(k string) string {
	return kindName(k)
}

// labelText is the translated name of a confidentiality label.
func labelText(l string) string {
	return labelName(l)
}
