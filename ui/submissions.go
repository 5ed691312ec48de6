package ui

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
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
	"github.com/inspection-workbench/workbench/ui/dialogs"
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
	host   pageHost    // the window, as far as a page may reach it
	ws     *app.App    // host.Workspace()
	win    fyne.Window // host.Window(), for dialogs
	caseID int64

	subs     []workbench.Submission
	list     *widget.List
	kind     *widget.Select
	label    *widget.Select
	keep     *widget.Check // import notes, totals and sign-offs below tables as records
	selected *workbench.Submission
	files    *dialogs.FileDialogs
	// library is the keyword library dialog last opened from a row.
	library *libraryView

	table   *widget.Table
	columns []string  // header texts
	widths  []float32 // column widths, as set on the table
	// indexSoon, when set, asks for the index update an import wants,
	// once the first page of records is shown (indexAfterFirstPage).
	indexSoon func()
	spec      *app.KindSpec      // the selected submission's kind
	pages     map[int][][]string // page → rows of display cells
	pending   map[int]bool
	info      *widget.Label
	// preview shows a label sample (an image) in place of the table.
	preview *labelPreview

	content fyne.CanvasObject
}

func newSubmissionsView(host pageHost, caseID int64) *submissionsView {
	v := &submissionsView{host: host, ws: host.Workspace(), win: host.Window(), caseID: caseID, pages: map[int][][]string{}, pending: map[int]bool{}}
	kinds := []string{lang.L("Detect from headers")}
	for _, k := range app.Kinds() {
		kinds = append(kinds, kindText(string(k)))
	}
	v.kind = newSelect(kinds, nil)
	v.kind.SetSelectedIndex(0)
	var labels []string
	for _, l := range app.Labels() {
		labels = append(labels, labelText(string(l)))
	}
	v.label = newSelect(labels, nil)
	v.label.SetSelected(labelText(string(app.DefaultLabel)))
	v.files = dialogs.New(v.win, fyne.CurrentApp().Preferences(), host.goBackground, host.do)
	importBtn := widget.NewButtonWithIcon(lang.L("Import files…"), theme.UploadIcon(), v.ChooseFiles)
	importBtn.Importance = widget.HighImportance
	folderBtn := widget.NewButtonWithIcon(lang.L("Import folder…"), theme.FolderOpenIcon(), v.ImportFolder)
	fixed := func(o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(180, o.MinSize().Height), o)
	}
	v.keep = widget.NewCheck(lang.L("Keep note and total rows"), nil)
	// Two rows, so the page fits a 1280-pixel screen beside the case list.
	toolbar := container.NewHBox(importBtn, folderBtn, widget.NewLabel(lang.L("Kind")), fixed(v.kind), widget.NewLabel(lang.L("Label")), fixed(v.label))
	hint := widget.NewLabel(lang.L("Or drop files and folders on the window: CSV, XLSX, JSON, JSONL; documents (DOCX, PDF, Markdown, text) need a kind; images (PNG, JPEG, WebP) are label samples."))
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	options := container.NewBorder(nil, nil, v.keep, nil, hint)

	v.list = widget.NewList(
		func() int { return len(v.subs) },
		func() fyne.CanvasObject {
			// One line per file, so a case's submissions fit without scrolling.
			name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			detail := widget.NewLabel("")
			detail.Truncation = fyne.TextTruncateEllipsis
			apply := widget.NewButtonWithIcon(lang.L("Apply keyword library…"), theme.SearchIcon(), nil)
			apply.Hide()
			return container.NewBorder(nil, nil, name, apply, detail)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			s := v.subs[i]
			box := o.(*fyne.Container)
			box.Objects[1].(*widget.Label).SetText(s.FileName)
			detail := lang.L("{{.Kind}} · {{.Records}} · {{.Warnings}} · {{.Label}}",
				map[string]any{"Kind": kindText(s.Kind), "Records": recordsText(s.Records), "Warnings": warningsText(s.Warnings), "Label": labelText(s.Label)})
			if isDocument(s) {
				detail = lang.L("{{.Kind}} · document, {{.Passages}} · {{.Warnings}} · {{.Label}}",
					map[string]any{"Kind": kindText(s.Kind), "Passages": passagesText(s.Passages), "Warnings": warningsText(s.Warnings), "Label": labelText(s.Label)})
			}
			box.Objects[0].(*widget.Label).SetText(detail)
			// A keyword library is applied to the case's logs from its row.
			apply := box.Objects[2].(*widget.Button)
			if s.Kind == string(workbench.KeywordLibrary) {
				apply.OnTapped = v.applyLibrary
				apply.Show()
			} else {
				apply.Hide()
			}
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
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(v.cellText(id)) },
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
	label := widget.NewButtonWithIcon(lang.L("Label…"), theme.DocumentIcon(), v.changeLabel)
	v.preview = newLabelPreview(host)
	v.preview.content.Hide()
	recordsPane := container.NewBorder(container.NewBorder(nil, nil, nil, container.NewHBox(label, warnings), v.info), nil, nil, nil,
		container.NewStack(v.table, v.preview.content))
	split := container.NewVSplit(v.list, recordsPane)
	split.SetOffset(0.4)
	v.content = container.NewBorder(container.NewVBox(toolbar, options), nil, nil, nil, split)
	v.reload(0)
	return v
}

// applyLibrary opens the dialog that applies the case's keyword library
// to its incident logs and document passages.
func (v *submissionsView) applyLibrary() {
	c, _ := v.host.caseByID(v.caseID)
	v.library = newLibraryView(v.host, v.caseID, "", c.Status == "open", nil)
	v.library.show()
}

// reload reads the case's submissions off the UI goroutine and selects
// the one with id selectID.
func (v *submissionsView) reload(selectID int64) {
	v.host.goBackground(func() {
		subs, err := v.ws.ListSubmissions(context.Background(), v.caseID)
		v.host.do(func() {
			if err != nil {
				v.host.showError(err)
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
func (v *submissionsView) showRecords(s *workbench.Submission) {
	// Each SetColumnWidth refreshes every visible cell: set the widths
	// while the table is empty, then fill it once.
	columns := submissionColumns(*s)
	v.selected, v.columns = nil, nil
	v.widths = make([]float32, len(columns))
	for i := range columns {
		w := float32(160)
		if i == 0 {
			w = 90
		}
		if isDocument(*s) && i == 2 {
			w = 700
		}
		v.widths[i] = w
		v.table.SetColumnWidth(i, w)
	}
	v.selected = s
	v.pages, v.pending = map[int][][]string{}, map[int]bool{}
	v.columns = columns
	v.spec = app.SpecOf(s.Kind)
	info := map[string]any{"File": s.FileName, "Records": recordsText(s.Records), "Passages": passagesText(s.Passages), "Format": s.Format, "Encoding": s.Encoding,
		"At": s.ImportedAt.Local().Format("2006-01-02 15:04"), "SHA": s.SHA256[:16] + "…"}
	if isDocument(*s) {
		v.info.SetText(lang.L("{{.File}}: {{.Passages}}, {{.Format}} {{.Encoding}}, imported {{.At}}, SHA-256 {{.SHA}} — select a row to read it whole", info))
	} else {
		v.info.SetText(lang.L("{{.File}}: {{.Records}}, {{.Format}} {{.Encoding}}, imported {{.At}}, SHA-256 {{.SHA}} — select a row to read it whole", info))
	}
	v.table.Refresh()
	v.table.ScrollToTop()
	if isLabelSample(*s) {
		v.info.SetText(lang.L("{{.File}}: content-label sample ({{.Format}}), imported {{.At}}, SHA-256 {{.SHA}}", info))
		v.table.Hide()
		v.preview.content.Show()
		v.preview.show(*s, nil)
	} else {
		v.preview.content.Hide()
		v.table.Show()
	}
}

// cellText is what a cell of column col shows: its text cut to what the
// column can show at the narrowest glyphs, the rest left to the label's
// ellipsis. Fyne shapes a truncated label's whole text each time it is
// set, so a page of long descriptions would otherwise hold the UI for
// most of a second; the whole record is one click away (showRow).
func (v *submissionsView) cellText(id widget.TableCellID) string {
	text := v.cell(id)
	w := float32(160)
	if id.Col >= 0 && id.Col < len(v.widths) {
		w = v.widths[id.Col]
	}
	return clipWidth(text, w/theme.TextSize()+1)
}

// clipWidth cuts s, at its first line, where it is surely wider than ems
// text-size units: a wide (CJK) character counts one, any other 0.4 —
// narrower than most Latin letters, so what is cut could not have shown.
func clipWidth(s string, ems float32) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i] + " …"
	}
	var w float32
	for i, r := range s {
		if wideRune(r) {
			w++
		} else {
			w += 0.4
		}
		if w > ems {
			return s[:i] + "…"
		}
	}
	return s
}

// wideRune reports a character drawn a full em wide: CJK ideographs, kana,
// hangul, and full-width forms and punctuation.
func wideRune(r rune) bool {
	return r >= 0x3000 && r <= 0x9FFF || r >= 0xAC00 && r <= 0xD7A3 || r >= 0xF900 && r <= 0xFAFF || r >= 0xFF00 && r <= 0xFF60
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
	v.host.goBackground(func() {
		var rows [][]string
		var err error
		if isDocument(*sub) {
			var ps []workbench.PassageRow
			if ps, err = v.ws.Passages(context.Background(), sub.ID, page*recordPage, recordPage); err == nil {
				rows = displayPassages(ps)
			}
		} else {
			var recs []workbench.RecordRow
			if recs, err = v.ws.Records(context.Background(), sub.ID, page*recordPage, recordPage); err == nil {
				rows = displayRows(recs, sub.Kind, spec)
			}
		}
		v.host.do(func() {
			if v.selected != sub {
				return // the user moved on
			}
			delete(v.pending, page)
			if err != nil {
				v.host.showError(err)
				return
			}
			if len(v.pages) >= recordPagesKept {
				v.pages = map[int][][]string{}
			}
			v.pages[page] = rows
			v.table.Refresh()
			if v.indexSoon != nil {
				v.indexSoon()
				v.indexSoon = nil
			}
		})
	})
}

// indexAfterFirstPage returns a function that asks for the index update a
// frame after it is called, and asks anyway after a second if it has not
// been called by then; the update is asked for once.
func indexAfterFirstPage(host pageHost) func() {
	var once sync.Once
	start := func(delay time.Duration) {
		host.goBackground(func() {
			time.Sleep(delay)
			host.do(func() { once.Do(host.requestIndex) })
		})
	}
	start(time.Second)
	return func() { start(100 * time.Millisecond) }
}

// displayRows turns records into table cells: the row in the file, one
// cell per canonical field of the kind, and the extra columns. Values are
// written for people in the interface's language: vocabulary terms by
// name, times at the precision they were written, yes/no as 是/否.
func displayRows(recs []workbench.RecordRow, kind string, spec *app.KindSpec) [][]string {
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
	showCells(v.win, title, nil, v.columns, cells)
}

// submissionColumns are the column headers of a submission's rows: for
// records the row, one column per canonical field of the kind and the
// other columns; for documents the location, headings and text.
func submissionColumns(s workbench.Submission) []string {
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
	d.Resize(dialogSize(win, 820, 560))
	d.Show()
	dialogs.BindKeys(win, d, d.Hide, d.Hide)
}

// dialogSize is w×h, or less where the window is smaller: a dialog never
// hangs over the window's edges.
func dialogSize(win fyne.Window, w, h float32) fyne.Size {
	if s := win.Canvas().Size(); s.Width > 0 && s.Height > 0 {
		w, h = min(w, s.Width*0.92), min(h, s.Height*0.9)
	}
	return fyne.NewSize(w, h)
}

// isDocument tells document submissions (passages) from structured ones.
func isDocument(s workbench.Submission) bool { return isDocumentFormat(s.Format) }

// isDocumentFormat reports whether a submission format is a document's,
// whose content is passages rather than records.
func isDocumentFormat(format string) bool {
	switch format {
	case "markdown", "text", "docx", "pdf":
		return true
	}
	return false
}

// displayPassages turns passages into table cells: where the passage
// stands, the headings above it, its text.
func displayPassages(ps []workbench.PassageRow) [][]string {
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
	v.host.goBackground(func() {
		ws, err := v.ws.SubmissionWarnings(context.Background(), sub.ID)
		v.host.do(func() {
			if err != nil {
				v.host.showError(err)
				return
			}
			if len(ws) == 0 {
				showInformation(lang.L("Warnings"), lang.L("Every value of {{.File}} was read.", map[string]any{"File": sub.FileName}), v.win)
				return
			}
			// One wrapped label, sized as the import report is: rows of a
			// list keep one height, and wrapped warnings overlapped there.
			// A file keeps at most 1,000 warnings (see importers).
			lines := make([]string, len(ws))
			for i, w := range ws {
				lines[i] = warningText(w)
			}
			d := dialog.NewCustom(lang.L("Warnings of {{.File}}", map[string]any{"File": sub.FileName}), lang.L("Close"),
				fitText(v.win, widget.NewLabel(strings.Join(lines, "\n"))), v.win)
			d.Show()
			dialogs.BindKeys(v.win, d, d.Hide, d.Hide)
		})
	})
}

// importExtensions are the file types the importers read: tables (see
// importers.DetectFormat) and documents (importers.IsDocument). The file
// dialog lists these, and a folder import takes these.
var importExtensions = []string{".csv", ".tsv", ".txt", ".text", ".xlsx", ".xlsm", ".json", ".jsonl", ".ndjson",
	".md", ".markdown", ".docx", ".docm", ".pdf"}

// importFilter is the file dialog's filter for submissions.
func importFilter() dialogs.Filter {
	return dialogs.Filter{Name: lang.L("Provider files (CSV, XLSX, JSON, JSONL, DOCX, PDF, Markdown, text, images)"), Extensions: append(slices.Clone(importExtensions), imageExtensions...)}
}

// ChooseFiles asks for one or more files (the platform's dialog takes
// several at once) and imports them into the case. The main window's
// Import menu item and Ctrl+I call it.
func (v *submissionsView) ChooseFiles() {
	v.files.OpenFiles(lang.L("Import files"), "import", importFilter(), v.ImportPaths)
}

// ImportFolder asks for a folder and imports every supported file in it
// and its subfolders, with one report.
func (v *submissionsView) ImportFolder() {
	v.files.OpenFolder(lang.L("Import a folder"), "import", func(dir string) { v.ImportPaths([]string{dir}) })
}

// ImportPaths imports files and folders, as dropped on the window: a
// folder stands for every supported file in it. Call it on the UI
// goroutine; the work runs off it.
func (v *submissionsView) ImportPaths(paths []string) { v.importFiles(paths) }

// skippedFile is a file a folder import leaves out.
type skippedFile struct {
	name  string // relative to the folder chosen
	image bool   // an image, left out because the kind chosen is not label samples
}

// expandPaths turns folders into the supported files under them, in name
// order, and lists the other files left out. Hidden files and folders
// and Office's lock files (~$…) are passed over. names maps each file to
// the name the report gives it: its path from the folder chosen.
//
// A folder's images are label samples only when images is set (the kind
// chosen is label samples): then its images are taken and nothing else;
// otherwise they are left out, so that a provider's screenshots do not
// become samples unasked (see folderFilter).
func expandPaths(paths []string, images bool) (files []string, skipped []skippedFile, names map[string]string, err error) {
	names = map[string]string{}
	supported := folderFilter(images)
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil || !st.IsDir() {
			files = append(files, p) // the importer says what is wrong with it
			names[p] = filepath.Base(p)
			continue
		}
		parent := filepath.Dir(p)
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if path != p && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			rel, _ := filepath.Rel(parent, path)
			if !d.Type().IsRegular() || !supported.Matches(name) {
				skipped = append(skipped, skippedFile{name: rel, image: !images && isImageName(name)})
				return nil
			}
			files = append(files, path)
			names[path] = rel
			return nil
		})
		if err != nil {
			return nil, nil, nil, fmt.Errorf("read folder %s: %w", p, err)
		}
	}
	return files, skipped, names, nil
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

// importFiles runs an import of files and folders off the UI goroutine
// with a progress dialog (rows, rows/s, cancel), then shows the report
// and the new submissions, and sets the kind chooser back to "detect".
func (v *submissionsView) importFiles(paths []string) {
	if len(paths) == 0 {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	status := widget.NewLabel(lang.L("Starting…"))
	status.Wrapping = fyne.TextWrapWord
	bars := newImportBars(readFrontToBack(paths))
	cancelBtn := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { cancel() })
	progress := dialog.NewCustomWithoutButtons(lang.L("Importing"), container.NewVBox(bars.object(), status, container.NewCenter(cancelBtn)), v.win)
	progress.Resize(fyne.NewSize(520, 180))
	progress.Show()
	dialogs.BindKeys(v.win, progress, nil, cancel)

	req := v.request(nil)
	var mu sync.Mutex
	var last time.Time
	started := time.Now()
	fileStarted := started
	var names map[string]string
	req.Progress = func(p app.ImportProgress) {
		mu.Lock()
		defer mu.Unlock()
		now := time.Now()
		if p.Rows == 0 {
			fileStarted = now
		} else if now.Sub(last) < 250*time.Millisecond {
			return // coalesce: the UI need not redraw for every batch
		}
		last = now
		rate := 0.0
		if secs := now.Sub(fileStarted).Seconds(); secs > 0 {
			rate = float64(p.Rows) / secs
		}
		text := lang.L("File {{.N}} of {{.Total}}: {{.File}}\n{{.Rows}} rows, {{.Rate}} rows/s", map[string]any{
			"N": p.FileIndex + 1, "Total": p.FileCount, "File": names[p.File], "Rows": p.Rows, "Rate": int(rate)})
		if p.Rows == 0 {
			// A document reads as passages, and a table's first rows take a
			// moment: no "0 rows, 0 rows/s".
			text = lang.L("File {{.N}} of {{.Total}}: {{.File}}\nReading…", map[string]any{"N": p.FileIndex + 1, "Total": p.FileCount, "File": names[p.File]})
		}
		v.host.do(func() {
			status.SetText(text)
			bars.update(p)
		})
	}
	v.host.goBackground(func() {
		defer cancel()
		files, skipped, n, err := expandPaths(paths, req.Kind == workbench.LabelSample)
		var reports []app.FileReport
		if err == nil && len(files) > 0 {
			mu.Lock()
			names = n
			mu.Unlock()
			req.Files = files
			reports, err = v.ws.Import(ctx, req)
		}
		v.host.do(func() {
			progress.Hide()
			bars.stop()
			v.kind.SetSelectedIndex(0) // the next files may be of another kind
			if err != nil && len(reports) == 0 && len(skipped) == 0 {
				v.host.showError(err)
				return
			}
			v.showReport(reports, skipped, n, err)
			if len(reports) == 0 {
				return
			}
			// Make what was imported searchable — once the new records are
			// on screen: their first frame draws a few hundred new texts,
			// which took the UI 150–190 ms when indexing already had both
			// cores (docs/performance.md). A second at most, whatever
			// happens to the table.
			v.indexSoon = indexAfterFirstPage(v.host)
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

// importBars show an import's progress. A file read front to back (CSV,
// JSON) says how far through it the read is, and a bar shows that share,
// redrawn only when it moves; for other files (XLSX, documents, a folder)
// an animated bar shows the import is alive — it redraws the whole window
// every frame, which costs the UI a share of the cores while the import
// takes the rest.
type importBars struct {
	busy  *widget.ProgressBarInfinite
	share *widget.ProgressBar
}

// newImportBars starts with the share bar at 0 when every file is read
// front to back, else with the animated bar.
func newImportBars(frontToBack bool) *importBars {
	b := &importBars{busy: widget.NewProgressBarInfinite(), share: widget.NewProgressBar()}
	if frontToBack {
		b.busy.Stop()
		b.busy.Hide()
	} else {
		b.share.Hide()
	}
	return b
}

// readFrontToBack says whether every path is a file whose read reports
// how far it has got (by its extension; a folder does not).
func readFrontToBack(paths []string) bool {
	for _, p := range paths {
		switch strings.ToLower(filepath.Ext(p)) {
		case ".csv", ".json", ".jsonl":
		default:
			return false
		}
	}
	return len(paths) > 0
}

func (b *importBars) object() fyne.CanvasObject { return container.NewStack(b.busy, b.share) }

// update shows p: the share of the files read when the file says how far
// it has got, the animated bar when it reads rows without saying (XLSX);
// a file's first report, before anything is read, changes nothing.
func (b *importBars) update(p app.ImportProgress) {
	switch {
	case p.Read > 0 && p.Size > 0 && p.FileCount > 0:
		if b.busy.Visible() {
			b.busy.Stop() // before Hide: Stop does nothing on a hidden bar
			b.busy.Hide()
			b.share.Show()
		}
		b.share.SetValue((float64(p.FileIndex) + float64(min(p.Read, p.Size))/float64(p.Size)) / float64(p.FileCount))
	case p.Rows > 0 && !b.busy.Visible():
		b.share.Hide()
		b.busy.Show()
		b.busy.Start()
	}
}

// stop ends the animation. A hidden dialog does not stop its bar, which
// would go on redrawing the whole window every frame for a minute.
func (b *importBars) stop() { b.busy.Stop() }

// reportLine is what happened to one file, in the user's language.
func reportLine(r app.FileReport, name string) string {
	switch {
	case r.Status == app.StatusImported && isDocumentFormat(r.Format):
		return lang.L("✔ {{.File}}: {{.Passages}} as {{.Kind}}, {{.Warnings}}",
			map[string]any{"File": name, "Passages": passagesText(r.Passages), "Kind": kindText(r.Kind), "Warnings": warningsText(r.Notices())})
	case r.Status == app.StatusImported:
		return lang.L("✔ {{.File}}: {{.Records}} as {{.Kind}}, {{.Warnings}}",
			map[string]any{"File": name, "Records": recordsText(r.Records), "Kind": kindText(r.Kind), "Warnings": warningsText(r.Notices())})
	case r.Status == app.StatusDuplicate:
		return lang.L("= {{.File}}: already imported into this case; nothing added", map[string]any{"File": name})
	}
	return lang.L("✘ {{.File}}: not imported, nothing kept. {{.Error}}", map[string]any{"File": name, "Error": fileErrorText(r)})
}

// showReport shows what happened to each file, and the files a folder
// import left out, in a dialog sized to its text.
func (v *submissionsView) showReport(reports []app.FileReport, skipped []skippedFile, names map[string]string, err error) *dialog.CustomDialog {
	var b strings.Builder
	imported := 0
	for _, r := range reports {
		if r.Status == app.StatusImported {
			imported++
		}
	}
	if len(reports) > 1 || len(skipped) > 0 {
		b.WriteString(lang.L("{{.Imported}} imported of {{.Files}}.", map[string]any{"Imported": imported, "Files": filesText(len(reports) + len(skipped))}) + "\n")
	}
	for _, r := range reports {
		name := names[r.File]
		if name == "" {
			name = filepath.Base(r.File)
		}
		b.WriteString(reportLine(r, name) + "\n")
		for _, u := range r.Unrecognised {
			b.WriteString("    " + lang.L("{{.Column}}: {{.N}} values not recognised (e.g. {{.Examples}}; the first at {{.First}}); kept as written, and a check that needs them lists those records as unclear",
				map[string]any{"Column": u.Column, "N": u.Count, "Examples": strings.Join(u.Examples, lang.X("list.separator", ", ")), "First": locationText(u.First)}) + "\n")
		}
		if r.SkippedRowCount > 0 {
			b.WriteString("    " + lang.L("{{.Rows}} left out as notes, totals or sign-offs, not records:", map[string]any{"Rows": rowsText(r.SkippedRowCount)}) + "\n")
			for i, sr := range r.SkippedRows {
				if i == 5 {
					b.WriteString("      …\n")
					break
				}
				b.WriteString("      " + lang.L("{{.Location}}: {{.Problem}}", map[string]any{"Location": locationText(sr.Location), "Problem": app.Clip(strings.Join(strings.Fields(sr.Text), " "), 80)}) + "\n")
			}
		}
		for i, w := range r.Warnings {
			if i == 5 {
				b.WriteString("    …\n")
				break
			}
			b.WriteString("    " + warningText(w) + "\n")
		}
	}
	if len(skipped) > 0 {
		b.WriteString(lang.L("Left out, not a type the workbench reads:") + "\n")
		for _, s := range skipped {
			b.WriteString("    – " + s.name + "\n")
		}
		if note := skippedImagesNote(skipped); note != "" {
			b.WriteString(note + "\n")
		}
	}
	if len(reports) == 0 && len(skipped) == 0 && err == nil {
		b.WriteString(lang.L("The folder holds no files to import.") + "\n")
	}
	if err != nil {
		b.WriteString("\n" + lang.L("Stopped: {{.Error}}", map[string]any{"Error": errorText(err)}))
	}
	text := widget.NewLabel(strings.TrimRight(b.String(), "\n"))
	text.Selectable = true
	d := dialog.NewCustom(lang.L("Import report"), lang.L("Close"), fitText(v.win, text), v.win)
	d.Show()
	dialogs.BindKeys(v.win, d, d.Hide, d.Hide)
	return d
}

// fitText puts a label in a scroller as large as its text, up to most of
// the window, wrapping lines only when they are wider than that: a dialog
// around it is sized to its content.
func fitText(win fyne.Window, text *widget.Label) fyne.CanvasObject {
	maxW, maxH := float32(900), float32(560)
	if s := win.Canvas().Size(); s.Width > 0 {
		maxW = min(maxW, s.Width*0.85)
		maxH = min(maxH, s.Height*0.7)
	}
	natural := text.MinSize()
	w := max(natural.Width, 360)
	if w > maxW {
		w = maxW
		text.Wrapping = fyne.TextWrapWord
		// A wrapped label knows its height only once laid out: count the
		// lines its text wraps to at this width.
		natural.Height = wrappedHeight(text.Text, w-2*theme.InnerPadding())
	}
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(w, min(natural.Height, maxH)))
	return scroll
}

// wrappedHeight is the height a label's text takes wrapped to width:
// each line takes as many rows as its width needs, with a little to spare
// for the room word wrapping leaves at the ends of rows.
func wrappedHeight(text string, width float32) float32 {
	size, style := theme.TextSize(), fyne.TextStyle{}
	row := fyne.MeasureText("国", size, style).Height + theme.LineSpacing()
	rows := 0
	for _, line := range strings.Split(text, "\n") {
		n := int(math.Ceil(float64(fyne.MeasureText(line, size, style).Width * 1.1 / width)))
		rows += max(n, 1)
	}
	return float32(rows)*row + 2*theme.InnerPadding()
}

// recordsText counts records: "1 record", "2 records"; "1 条记录".
func recordsText(n int) string {
	if n == 1 {
		return lang.L("1 record")
	}
	return lang.L("{{.N}} records", map[string]any{"N": formatCount(n)})
}

// passagesText counts a document's passages.
func passagesText(n int) string {
	if n == 1 {
		return lang.L("1 passage")
	}
	return lang.L("{{.N}} passages", map[string]any{"N": formatCount(n)})
}

// warningsText counts warnings: "no warnings", "1 warning", "2 warnings".
func warningsText(n int) string {
	switch n {
	case 0:
		return lang.L("no warnings")
	case 1:
		return lang.L("1 warning")
	}
	return lang.L("{{.N}} warnings", map[string]any{"N": formatCount(n)})
}

// rowsText counts rows of a file.
func rowsText(n int) string {
	if n == 1 {
		return lang.L("1 row")
	}
	return lang.L("{{.N}} rows", map[string]any{"N": formatCount(n)})
}

// filesText counts files.
func filesText(n int) string {
	if n == 1 {
		return lang.L("1 file")
	}
	return lang.L("{{.N}} files", map[string]any{"N": formatCount(n)})
}

// kindText is the translated name of a submission kind.
func kindText(k string) string {
	return kindName(k)
}

// labelText is the translated name of a confidentiality label.
func labelText(l string) string {
	return labelName(l)
}
