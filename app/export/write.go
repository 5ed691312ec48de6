package export

import (
	"errors"
	"fmt"
	"github.com/inspection-workbench/workbench"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The sheets of a workbook, in order: indexes of SheetNames.
const (
	SheetSummary = iota
	SheetChecklist
	SheetFindings
	SheetEvidence
	SheetSubmissions
	SheetChecks
)

// SheetNames are the names of the six sheets in order: the Chinese names
// for workbench.ExportLangZh, the English ones for workbench.ExportLangEn and workbench.ExportLangBoth.
var SheetNames = [6]workbench.Text{
	{Zh: "概要", En: "Summary"},
	{Zh: "检查清单", En: "Checklist"},
	{Zh: "问题", En: "Findings"},
	{Zh: "证据", En: "Evidence"},
	{Zh: "提交材料", En: "Submissions"},
	{Zh: "自动检查", En: "Automated checks"},
}

// SheetName is the name of sheet i (SheetSummary…SheetChecks) in lang.
func SheetName(i int, lang string) string {
	if lang == workbench.ExportLangZh {
		return SheetNames[i].Zh
	}
	return SheetNames[i].En
}

// MaxRecordRefs is how many record references the Automated checks sheet
// shows for one check; the rest are counted ("… and 12 more").
const MaxRecordRefs = 20

// maxEvidenceRefs is how many evidence references the Findings sheet shows
// for one item.
const maxEvidenceRefs = 50

// maxRows is how many rows a sheet can have.
const maxRows = excelize.TotalRows

// Art19Para2Zh is Article 19 ¶2 of the Interim Measures for the
// Administration of Generative AI Services (2023), which the Summary quotes,
// exactly as the project's reference text has it.
const Art19Para2Zh = "参与生成式人工智能服务安全评估和监督检查的相关机构和人员对在履行职责中知悉的国家秘密、商业秘密、个人隐私和个人信息应当依法予以保密,不得泄露或者非法向他人提供。"

// noticeText is the confidentiality notice at the top of the Summary.
var noticeText = workbench.Text{
	Zh: "保密提示：本工作簿含有监督检查中知悉的国家秘密、商业秘密、个人隐私或个人信息，不得转交或向他人提供。" +
		"《生成式人工智能服务管理暂行办法》第十九条第二款规定：“" + Art19Para2Zh + "”",
	En: "CONFIDENTIAL. This workbook contains state secrets, trade secrets, personal privacy or personal " +
		"information learned in a supervisory inspection and must not be passed on. Article 19(2) of the " +
		"Interim Measures for the Administration of Generative Artificial Intelligence Services (2023) obliges " +
		"the institutions and persons taking part in security assessments and supervisory inspections of " +
		"generative AI services to keep such information confidential according to law and not to disclose " +
		"it or illegally provide it to others.",
}

// marking is printed at the top of every page; pageOf at the bottom.
var (
	marking = workbench.Text{Zh: "机密 — 监督检查材料", En: "CONFIDENTIAL — inspection material"}
	pageOf  = workbench.Text{Zh: "第 &P 页，共 &N 页", En: "Page &P of &N"}
)

// WriteFile writes the workbook to path. It writes a temporary file in the
// same directory and renames it to path only when everything succeeded, so
// a failed export never leaves a half-written file; the file is readable
// by its owner only (0600). The stream writer's scratch files are kept in
// the same directory and removed.
func WriteFile(path string, d *Data) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp, d, dir); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	return nil
}

// Write writes the workbook (.xlsx) to w. Nothing is written to w until
// the whole workbook has been made, so an error while making it (such as
// one the evidence iterator yields) leaves w untouched. Scratch files go
// to the system's temporary directory and are removed.
func Write(w io.Writer, d *Data) error {
	if err := write(w, d, ""); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

func write(w io.Writer, d *Data, tmpDir string) (err error) {
	if d == nil {
		return errors.New("no data")
	}
	switch d.Lang {
	case workbench.ExportLangZh, workbench.ExportLangEn, workbench.ExportLangBoth:
	default:
		return fmt.Errorf("unknown language %q (want %q, %q or %q)", d.Lang, workbench.ExportLangZh, workbench.ExportLangEn, workbench.ExportLangBoth)
	}
	x := &writer{d: d, lang: d.Lang, loc: d.Location, now: d.GeneratedAt}
	if x.loc == nil {
		x.loc = time.Local
	}
	if x.now.IsZero() {
		x.now = time.Now()
	}
	x.f = excelize.NewFile(excelize.Options{TmpDir: tmpDir})
	defer func() {
		if cerr := x.f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("removing scratch files: %w", cerr)
		}
	}()
	if err := x.makeStyles(); err != nil {
		return fmt.Errorf("styles: %w", err)
	}
	for i := range SheetNames {
		name := SheetName(i, x.lang)
		if i == 0 {
			err = x.f.SetSheetName("Sheet1", name)
		} else {
			_, err = x.f.NewSheet(name)
		}
		if err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
	}
	// Evidence first: the Summary counts it.
	steps := []struct {
		sheet int
		write func() error
	}{
		{SheetEvidence, x.evidence},
		{SheetSummary, x.summary},
		{SheetChecklist, x.checklist},
		{SheetFindings, x.findings},
		{SheetSubmissions, x.submissions},
		{SheetChecks, x.checks},
	}
	for _, s := range steps {
		if err := s.write(); err != nil {
			return fmt.Errorf("sheet %s: %w", SheetName(s.sheet, x.lang), err)
		}
	}
	if err := x.baseline(); err != nil {
		return fmt.Errorf("sheet %s: %w", baselineSheet, err)
	}
	x.f.SetActiveSheet(0)
	if err := x.f.SetDocProps(&excelize.DocProperties{
		Title:      short(workbench.Text{Zh: "监督检查结果", En: "Inspection findings"}, x.lang),
		Subject:    short(workbench.Text{Zh: "生成式人工智能服务监督检查", En: "Supervisory inspection of a generative AI service"}, x.lang),
		Category:   short(workbench.Text{Zh: "机密", En: "Confidential"}, x.lang),
		Creator:    "Inspection Workbench",
		Identifier: caseIdentifier(d.Case.ID),
		Created:    x.now.UTC().Format(time.RFC3339),
	}); err != nil {
		return fmt.Errorf("document properties: %w", err)
	}
	if err := x.f.Write(w); err != nil {
		return fmt.Errorf("writing the workbook: %w", err)
	}
	return nil
}

// writer holds what the sheets of one export share.
type writer struct {
	f    *excelize.File
	d    *Data
	lang string
	loc  *time.Location
	now  time.Time
	st   styles
	// evidenceRows is how many evidence rows were written.
	evidenceRows int
}

// styles are the cell styles of a workbook.
type styles struct {
	header, text, wrap, date, dateTime, integer int
	title, notice, label                        int
	// fill is a text style with each result's fill; dxf the conditional
	// format with it.
	fill, dxf map[string]int
}

// resultColours are the fill and font colours of each result.
var resultColours = map[string][2]string{
	"compliant":           {"C6EFCE", "006100"}, // green
	"partially_compliant": {"FFEB9C", "9C5700"}, // amber
	"non_compliant":       {"FFC7CE", "9C0006"}, // red
	"not_applicable":      {"D9D9D9", "404040"}, // grey
	"info_requested":      {"DDEBF7", "1F4E78"}, // blue
}

func (x *writer) makeStyles() error {
	top := &excelize.Alignment{Vertical: "top"}
	wrapTop := &excelize.Alignment{Vertical: "top", WrapText: true}
	border := []excelize.Border{
		{Type: "left", Color: "8EA9DB", Style: 1}, {Type: "right", Color: "8EA9DB", Style: 1},
		{Type: "top", Color: "8EA9DB", Style: 1}, {Type: "bottom", Color: "8EA9DB", Style: 1},
	}
	dateFmt, dateTimeFmt := "yyyy-mm-dd", "yyyy-mm-dd hh:mm"
	defs := []struct {
		id *int
		s  *excelize.Style
	}{
		{&x.st.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&x.st.text, &excelize.Style{Alignment: top}},
		{&x.st.wrap, &excelize.Style{Alignment: wrapTop}},
		{&x.st.date, &excelize.Style{Alignment: top, CustomNumFmt: &dateFmt}},
		{&x.st.dateTime, &excelize.Style{Alignment: top, CustomNumFmt: &dateTimeFmt}},
		{&x.st.integer, &excelize.Style{Alignment: top, NumFmt: 1}},
		{&x.st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: top}},
		{&x.st.notice, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000"}, Alignment: wrapTop,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}}},
		{&x.st.label, &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: wrapTop}},
	}
	for _, d := range defs {
		id, err := x.f.NewStyle(d.s)
		if err != nil {
			return err
		}
		*d.id = id
	}
	x.st.fill = map[string]int{}
	x.st.dxf = map[string]int{}
	for code, c := range resultColours {
		fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c[0]}}
		font := &excelize.Font{Color: c[1]}
		id, err := x.f.NewStyle(&excelize.Style{Alignment: top, Fill: fill, Font: font})
		if err != nil {
			return err
		}
		x.st.fill[code] = id
		if id, err = x.f.NewConditionalStyle(&excelize.Style{Fill: fill, Font: font}); err != nil {
			return err
		}
		x.st.dxf[code] = id
	}
	return nil
}

// free is a free-text value as written: masked unless personal information
// is included, escaped against formula injection; nil when empty.
func (x *writer) free(s string) any {
	if s == "" {
		return nil
	}
	if !x.d.IncludePersonalInfo {
		s = MaskPersonalInfo(s)
	}
	return escapeCell(s)
}

// plain is a value that holds no personal information (codes, hashes,
// labels, template text), escaped; nil when empty.
func (x *writer) plain(s string) any {
	if s == "" {
		return nil
	}
	return escapeCell(s)
}

// date is a YYYY-MM-DD date as an Excel date, or the text itself when it
// is no such date.
func (x *writer) date(s string) any {
	if s == "" {
		return nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return x.free(s)
	}
	return t
}

// when is a time in the export's time zone, nil when zero.
func (x *writer) when(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.In(x.loc)
}

// kind is how a column's cells look.
type kind int

const (
	kindText     kind = iota // short text, top-aligned
	kindWrap                 // longer text, wrapped
	kindLabel                // a label, "中文 / English" on two lines in bilingual sheets
	kindDate                 // a date
	kindDateTime             // a date and time
	kindInt                  // a count
)

// column is one column of a table sheet.
type column struct {
	head workbench.Text
	kind kind
	// width is the content width (in columns) to assume when the rows are
	// not known beforehand; for in-memory tables it is the minimum.
	width int
	// repeat says the column's value is repeated on the continuation rows
	// of a row too high for one (see table.add), so that a filter or a
	// sort on the column keeps them with their row: ids, results, kinds,
	// dates. The first column always is, marked as continued.
	repeat bool
	// main marks the sheet's main texts (requirement, notes, findings,
	// quotes): to fit the page, the other wrapped columns are narrowed
	// first.
	main bool
	// floor, when above minWrapWidth, is the narrowest fitPage makes a
	// wrapped column: an item id keeps its words readable, wrapped at a
	// hyphen or two.
	floor int
}

// filledTable starts a table sheet sized to rows and writes them; the
// caller finishes it.
func (x *writer) filledTable(i int, cols []column, rows [][]any, freezeCols int) (*table, error) {
	t, err := x.newTable(i, cols, rows, freezeCols)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if err := t.add(r); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// table writes one table sheet through a stream writer.
type table struct {
	x      *writer
	sheet  string
	sw     *excelize.StreamWriter
	cols   []column
	widths []float64 // the columns' widths, in Excel's character units
	row    int
}

// newTable starts a table sheet: page set-up, column widths, frozen
// header (and freezeCols columns) and the header row. rows, when known,
// size the columns; the column's width is used otherwise.
func (x *writer) newTable(i int, cols []column, rows [][]any, freezeCols int) (*table, error) {
	sheet := SheetName(i, x.lang)
	if err := x.pageSetup(sheet, 1); err != nil {
		return nil, err
	}
	sw, err := x.f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	widths := make([]float64, len(cols))
	for c := range cols {
		// Headers wrap: a bilingual one takes two lines.
		w := max(labelWidth(short(cols[c].head, x.lang)), cols[c].width)
		for _, r := range rows {
			if cols[c].kind == kindLabel {
				w = max(w, labelWidth(r[c]))
			} else {
				w = max(w, valueWidth(r[c]))
			}
		}
		widths[c] = fitWidth(w)
	}
	fitPage(widths, cols)
	// excelize puts each column width set before the earlier ones, and
	// Excel wants them in ascending order: set them last column first.
	for c := len(cols) - 1; c >= 0; c-- {
		if err := sw.SetColWidth(c+1, c+1, widths[c]); err != nil {
			return nil, err
		}
	}
	if err := freeze(sw, freezeCols, 1); err != nil {
		return nil, err
	}
	t := &table{x: x, sheet: sheet, sw: sw, cols: cols, widths: widths}
	head := make([]any, len(cols))
	for c, col := range cols {
		head[c] = excelize.Cell{StyleID: x.st.header, Value: escapeCell(short(col.head, x.lang))}
	}
	if err := t.addRow(head, true); err != nil {
		return nil, err
	}
	return t, nil
}

// Printing. Sheets print on A4 landscape fitted to the page width, so
// their columns together must be narrow enough for the scale to stay
// legible; rows are as high as their wrapped text.
const (
	// printableWidth is the width inside the page margins, in pixels at
	// 96 dpi: 297 mm less 2 × 0.4 in.
	printableWidth = (297/25.4 - 2*marginSide) * 96
	marginSide     = 0.4 // left and right page margins, in inches
	// minPrintScale is the smallest scale a sheet may print at (#14). The
	// scale depends on the font the printing program measures columns
	// with: Excel has Calibri, whose digit is 7 pixels wide; LibreOffice
	// without Calibri's metric twin Carlito falls back on DejaVu Sans, whose
	// digits are a third wider, and prints the same columns a quarter
	// smaller. So columns are narrowed (their text wraps) until the sheet
	// prints at fontSlack × minPrintScale by Calibri's measure.
	minPrintScale = 0.6
	fontSlack     = 1.4
	// minWrapWidth is the narrowest a wrapped column is made.
	minWrapWidth = 12
	// lineHeight is the height of a line of 11-point text, Chinese
	// included, and rowPadding the space above and below, in points;
	// maxRowHeight is the highest row Excel allows.
	lineHeight   = 15.6
	rowPadding   = 3
	maxRowHeight = 409
	// maxRowLines is how many lines of text fit in the highest row:
	// maxRowLines*lineHeight + rowPadding <= maxRowHeight. A cell whose
	// text needs more continues on the rows below (see table.add).
	maxRowLines = 26
)

// columnPixels is how wide a column of width w prints at 100 %: Excel's
// character unit is the width of a digit (7 pixels in the 11-point default
// font) and every column has 5 pixels of padding.
func columnPixels(w float64) float64 { return w*7 + 5 }

// printScale is the scale at which columns of these widths fit the width
// of an A4 landscape page, at most 1.
func printScale(widths []float64) float64 {
	total := 0.0
	for _, w := range widths {
		total += columnPixels(w)
	}
	if total == 0 {
		return 1
	}
	return min(printableWidth/total, 1)
}

// itemIDFloor is the narrowest an item id column is made to fit the
// page: the built-in templates' ids run to 31 characters
// (art23-1-administrative-licences), which then take two lines instead of
// a third of the page's width.
const itemIDFloor = 18

// fitPage narrows the wrapped columns, the widest the most and the main
// texts last, until the sheet prints at fontSlack × minPrintScale or more
// by Calibri's measure; short-text columns keep their width, so codes,
// dates and counts stay on one line.
func fitPage(widths []float64, cols []column) {
	for _, main := range []bool{false, true} {
		for printScale(widths) < fontSlack*minPrintScale {
			widest := -1
			for c := range cols {
				if cols[c].kind == kindWrap && cols[c].main == main && widths[c] > float64(max(minWrapWidth, cols[c].floor)) && (widest < 0 || widths[c] > widths[widest]) {
					widest = c
				}
			}
			if widest < 0 {
				break // nothing left to narrow: it prints smaller
			}
			widths[widest]--
		}
	}
}

// wrappedLines is how many lines s takes wrapped in a column of width w
// (see lineStarts).
func wrappedLines(s string, w float64) int {
	n, _ := wrap(s, w, false)
	return n
}

// lineStarts are the byte offsets in s at which the lines of s start when
// it is wrapped in a column of width w, the first 0: words move whole to
// the next line when they do not fit, a word longer than a line is broken
// between characters, Chinese breaks between any two characters, which
// count double, and every line break starts a line (a text ending in one
// ends in an empty line).
func lineStarts(s string, w float64) []int {
	_, starts := wrap(s, w, true)
	return starts
}

// wrap counts the lines of s wrapped in a column of width w and, when
// keep is set, returns where each starts (see lineStarts).
func wrap(s string, w float64, keep bool) (int, []int) {
	room := max(int(w)-1, 1) // a little is lost to the cell's margins
	lines := 1
	var starts []int
	if keep {
		starts = []int{0}
	}
	newLine := func(at int) {
		lines++
		if keep {
			starts = append(starts, at)
		}
	}
	used := 0                // width on the line so far
	wordAt, word := 0, 0     // where the word being read starts, and its width
	place := func(end int) { // puts s[wordAt:end] on the line
		if used > 0 && used+word > room {
			newLine(wordAt)
			used = 0
		}
		if word <= room {
			used += word
		} else {
			for i := wordAt; i < end; {
				r, size := utf8.DecodeRuneInString(s[i:])
				if rw := runeWidth(r); used > 0 && used+rw > room {
					newLine(i)
					used = rw
				} else {
					used += rw
				}
				i += size
			}
		}
		wordAt, word = end, 0
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			place(i)
			newLine(i + size)
			used, wordAt = 0, i+size
		case r == ' ':
			place(i)
			used++
			wordAt = i + size
		default:
			rw := runeWidth(r)
			word += rw
			if rw == 2 || isBreakAfter(r) {
				place(i + size)
			}
		}
		i += size
	}
	place(len(s))
	return lines, starts
}

// splitText cuts s into pieces that each take at most lines lines in a
// column of width w once written (escapeCell may add a quote to a piece),
// cutting where a wrapped line starts: the pieces joined are s. A text
// that fits is its one piece.
func splitText(s string, w float64, lines int) []string {
	starts := lineStarts(s, w)
	if len(starts) <= lines && wrappedLines(escapeCell(s), w) <= lines {
		return []string{s}
	}
	// The empty line after a final line break belongs to the last piece.
	if starts[len(starts)-1] == len(s) {
		starts = starts[:len(starts)-1]
	}
	starts = append(starts, len(s))
	var pieces []string
	for from := 0; from < len(starts)-1; {
		to := min(from+lines, len(starts)-1)
		// A piece ending in a line break ends in an empty line, and a quote
		// put before it may push its words on: end such a piece earlier.
		for to > from+1 && wrappedLines(escapeCell(s[starts[from]:starts[to]]), w) > lines {
			to--
		}
		// A piece that starts like a formula prints with the quote
		// escapeCell puts before it: cut a line or two earlier if that
		// avoids it.
		for back := to; back > max(from, to-3) && back < len(starts)-1; back-- {
			if !needsEscape(s[starts[back]:]) {
				to = back
				break
			}
		}
		pieces = append(pieces, s[starts[from]:starts[to]])
		from = to
	}
	return pieces
}

// isBreakAfter reports whether a line may break after r besides at
// spaces: after hyphens, slashes and Chinese punctuation.
func isBreakAfter(r rune) bool {
	switch r {
	case '-', '/', '，', '。', '、', '；', '：':
		return true
	}
	return false
}

// rowHeight is the height, in points, of a row whose wrapped cells hold
// these values; 0 when every cell fits on one line (the default height).
func (t *table) rowHeight(cells []any, header bool) float64 {
	lines := 1
	for c, v := range cells {
		if c >= len(t.widths) {
			continue
		}
		cell, isCell := v.(excelize.Cell)
		if !header && t.cols[c].kind != kindWrap && t.cols[c].kind != kindLabel && (!isCell || cell.StyleID != t.x.st.wrap) {
			continue
		}
		if isCell {
			v = cell.Value
		}
		if s, ok := v.(string); ok && s != "" {
			lines = max(lines, wrappedLines(s, t.widths[c]))
		}
	}
	return heightOf(lines)
}

// heightOf is the height of a row of lines lines of wrapped text, 0 for
// one line (the sheet's default).
func heightOf(lines int) float64 {
	if lines == 1 {
		return 0
	}
	return min(float64(lines)*lineHeight+rowPadding, maxRowHeight)
}

// freeze freezes the first rows rows and cols columns.
func freeze(sw *excelize.StreamWriter, cols, rows int) error {
	pane := "bottomLeft"
	if cols > 0 {
		pane = "bottomRight"
	}
	cell, err := excelize.CoordinatesToCellName(cols+1, rows+1)
	if err != nil {
		return err
	}
	return sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: cell, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: cell, ActiveCell: cell, Pane: pane}}})
}

// labelWidth is the display width of a label cell: its wider half when it
// reads "中文 / English", which wraps there.
func labelWidth(v any) int {
	if cell, ok := v.(excelize.Cell); ok {
		v = cell.Value
	}
	s, ok := v.(string)
	if !ok {
		return valueWidth(v)
	}
	w := 0
	for part := range strings.SplitSeq(s, " / ") {
		w = max(w, displayWidth(part))
	}
	return w
}

// valueWidth is the display width of a cell value.
func valueWidth(v any) int {
	switch v := v.(type) {
	case string:
		return displayWidth(v)
	case time.Time:
		return 16
	case int:
		return len(strconv.Itoa(v))
	case int64:
		return len(strconv.FormatInt(v, 10))
	case excelize.Cell:
		return valueWidth(v.Value)
	}
	return 0
}

// continued marks the first cell of a continuation row, under the value
// of the row it continues: "art7-3-pi-consent\n（续）".
var continued = workbench.Text{Zh: "（续）", En: "(cont.)"}

// add writes a data row, styling each value by its column's kind.
//
// A row whose wrapped text needs more lines than the highest row holds
// (maxRowLines) continues on the rows below, so that every character
// prints: each text too long for one row is cut into pieces of at most
// maxRowLines lines (splitText), one piece a row, and the pieces joined
// are the text. On the continuation rows the first column holds its value
// again, marked as continued (continued), the columns that repeat
// (column.repeat) hold theirs, so filters and sorts keep the rows
// together, and the other cells are blank. ReadChecklist joins the pieces
// of the Checklist sheet's notes and findings again.
func (t *table) add(values []any) error {
	pieces := make([][]string, len(values))
	rows := 1
	for c, v := range values {
		s, ok := v.(string)
		if k := t.cols[c].kind; !ok || k != kindWrap && k != kindLabel || wrappedLines(s, t.widths[c]) <= maxRowLines {
			continue
		}
		// The value is escaped against formulas; so is each piece.
		pieces[c] = splitText(unescapeCell(s), t.widths[c], maxRowLines)
		rows = max(rows, len(pieces[c]))
	}
	if rows == 1 {
		return t.addCells(t.cells(values))
	}
	row := make([]any, len(values))
	for k := range rows {
		for c, v := range values {
			row[c] = nil
			switch {
			case pieces[c] != nil:
				if k < len(pieces[c]) {
					row[c] = escapeCell(pieces[c][k])
				}
			case k == 0 || c > 0 && t.cols[c].repeat:
				row[c] = v
			}
		}
		cells := t.cells(row)
		if k > 0 && pieces[0] == nil {
			mark := short(continued, t.x.lang)
			if s, ok := values[0].(string); ok {
				mark = s + "\n" + mark
			}
			cells[0] = excelize.Cell{StyleID: t.x.st.wrap, Value: mark}
		}
		if err := t.addCells(cells); err != nil {
			return err
		}
	}
	return nil
}

// cells styles each value of a data row by its column's kind.
func (t *table) cells(values []any) []any {
	cells := make([]any, len(values))
	for c, v := range values {
		if v == nil {
			continue
		}
		if cell, ok := v.(excelize.Cell); ok {
			cells[c] = cell
			continue
		}
		cells[c] = excelize.Cell{StyleID: t.x.style(t.cols[c].kind, v), Value: v}
	}
	return cells
}

func (t *table) addCells(cells []any) error { return t.addRow(cells, false) }

// addRow writes a row of cells as high as its wrapped text (the header's
// text all wraps).
func (t *table) addRow(cells []any, header bool) error {
	if t.row >= maxRows {
		return fmt.Errorf("more than %d rows, more than a sheet can hold", maxRows-1)
	}
	t.row++
	if h := t.rowHeight(cells, header); h > 0 {
		return t.sw.SetRow("A"+strconv.Itoa(t.row), cells, excelize.RowOpts{Height: h})
	}
	return t.sw.SetRow("A"+strconv.Itoa(t.row), cells)
}

// style is the style of value v in a column of kind k.
func (x *writer) style(k kind, v any) int {
	switch k {
	case kindWrap, kindLabel:
		return x.st.wrap
	case kindDate:
		if _, ok := v.(time.Time); ok {
			return x.st.date
		}
	case kindDateTime:
		if _, ok := v.(time.Time); ok {
			return x.st.dateTime
		}
	case kindInt:
		return x.st.integer
	}
	return x.st.text
}

// finish adds the autofilter and flushes the sheet; extra, when not nil,
// adds validations and formats first, given the last row.
func (t *table) finish(extra func(last int) error) error {
	lastCol, err := excelize.ColumnNumberToName(len(t.cols))
	if err != nil {
		return err
	}
	if err := t.x.f.AutoFilter(t.sheet, fmt.Sprintf("A1:%s%d", lastCol, max(t.row, 2)), nil); err != nil {
		return fmt.Errorf("autofilter: %w", err)
	}
	if extra != nil && t.row > 1 {
		if err := extra(t.row); err != nil {
			return err
		}
	}
	return t.sw.Flush()
}

// pageSetup prints sheet landscape on A4, fitted to the page width, with
// the first titleRows rows on every page and the confidentiality marking
// and page numbers in the header and footer. It must precede the sheet's
// stream writer (fit-to-page is a sheet property written first).
func (x *writer) pageSetup(sheet string, titleRows int) error {
	fit := true
	if err := x.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	a4, landscape, one, zero := 9, "landscape", 1, 0
	if err := x.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero,
	}); err != nil {
		return fmt.Errorf("page layout: %w", err)
	}
	side, topBottom, headerFooter := marginSide, 0.75, 0.3
	if err := x.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &topBottom, Bottom: &topBottom, Header: &headerFooter, Footer: &headerFooter,
	}); err != nil {
		return fmt.Errorf("page margins: %w", err)
	}
	if err := x.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: `&C&"-,Bold"` + headerText(short(marking, x.lang)),
		OddFooter: "&L&A&R" + short(pageOf, x.lang),
	}); err != nil {
		return fmt.Errorf("header and footer: %w", err)
	}
	if err := x.f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("%s!$1:$%d", quoteSheet(sheet), titleRows),
		Scope:    sheet,
	}); err != nil {
		return fmt.Errorf("print titles: %w", err)
	}
	return nil
}

// headerText escapes the ampersands of a header or footer text.
func headerText(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// quoteSheet quotes a sheet name for a reference.
func quoteSheet(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// resultCells formats the result column col (a letter) of rows 2…last:
// each result's fill when the cell holds its code or a label in any
// language, and, when list is true, a drop-down of the labels.
func (x *writer) resultCells(sheet, col string, last int, list bool) error {
	ref := fmt.Sprintf("%s2:%s%d", col, col, last)
	var formats []excelize.ConditionalFormatOptions
	for _, code := range Results {
		dxf, ok := x.st.dxf[code]
		if !ok {
			continue
		}
		var eqs []string
		for _, s := range spellings(resultLabels, code) {
			eqs = append(eqs, fmt.Sprintf(`TRIM(%s2)="%s"`, col, s))
		}
		formats = append(formats, excelize.ConditionalFormatOptions{
			Type: "formula", Criteria: "OR(" + strings.Join(eqs, ",") + ")", Format: &dxf,
		})
	}
	if err := x.f.SetConditionalFormat(sheet, ref, formats); err != nil {
		return fmt.Errorf("result colours: %w", err)
	}
	if !list {
		return nil
	}
	labels := make([]string, len(Results))
	for i, code := range Results {
		labels[i] = ResultLabel(code, x.lang)
	}
	return x.dropDown(sheet, ref, labels, false,
		short(workbench.Text{Zh: "检查结果", En: "Result"}, x.lang), short(workbench.Text{Zh: "请从列表中选择", En: "Choose from the list"}, x.lang))
}

// spellings are the distinct (case-insensitively) ways a code can be
// written: itself and its labels.
func spellings(labels map[string]workbench.Text, code string) []string {
	t := labels[code]
	var out []string
	for _, s := range []string{code, t.Zh, t.En, t.Zh + " / " + t.En} {
		if !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, s) }) {
			out = append(out, s)
		}
	}
	return out
}

// dropDown adds a list validation to ref.
func (x *writer) dropDown(sheet, ref string, labels []string, blank bool, title, msg string) error {
	dv := excelize.NewDataValidation(blank)
	dv.Sqref = ref
	if err := dv.SetDropList(labels); err != nil {
		return fmt.Errorf("drop-down %s: %w", ref, err)
	}
	// Excel refuses error titles over 32 and messages over 255 characters.
	dv.SetError(excelize.DataValidationErrorStyleStop, truncate(title, 32), truncate(msg+": "+strings.Join(labels, ", "), 225))
	if err := x.f.AddDataValidation(sheet, dv); err != nil {
		return fmt.Errorf("drop-down %s: %w", ref, err)
	}
	return nil
}

// truncate cuts s to n characters.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// Column headers shared by several sheets.
var (
	hItemID      = workbench.Text{Zh: "编号", En: "Item ID"}
	hArticles    = workbench.Text{Zh: "条款", En: "Articles"}
	hTitle       = workbench.Text{Zh: "检查项", En: "Title"}
	hRequirement = workbench.Text{Zh: "检查要求", En: "Requirement"}
	hResult      = workbench.Text{Zh: "结果", En: "Result"}
	hSeverity    = workbench.Text{Zh: "严重程度", En: "Severity"}
	hNote        = workbench.Text{Zh: "备注", En: "Notes"}
	hFinding     = workbench.Text{Zh: "问题描述", En: "Finding"}
	hDeadline    = workbench.Text{Zh: "整改期限", En: "Deadline"}
	hEvidence    = workbench.Text{Zh: "证据数", En: "Evidence"}
	hSHA256      = workbench.Text{Zh: "SHA-256", En: "SHA-256"}
	hFile        = workbench.Text{Zh: "文件", En: "File"}
	hKind        = workbench.Text{Zh: "类型", En: "Kind"}

	hConfidentiality = workbench.Text{Zh: "保密标签", En: "Confidentiality label"}
)

func (x *writer) checklist() error {
	cols := []column{
		{head: hItemID, kind: kindWrap, floor: itemIDFloor},
		{head: hArticles, kind: kindWrap},
		{head: hTitle, kind: kindWrap},
		{head: hRequirement, kind: kindWrap, main: true},
		{head: hResult, kind: kindLabel, repeat: true},
		{head: hSeverity, kind: kindLabel, repeat: true},
		{head: hNote, kind: kindWrap, width: 30, main: true},
		{head: hFinding, kind: kindWrap, width: 30, main: true},
		{head: hDeadline, kind: kindDate, width: 10, repeat: true},
		{head: hEvidence, kind: kindInt},
	}
	rows := make([][]any, 0, len(x.d.Items)+len(x.d.Templates))
	group := ""
	for _, it := range x.d.Items {
		if len(x.d.Templates) > 1 && it.Template != group {
			group = it.Template
			rows = append(rows, x.templateRow(group))
		}
		rows = append(rows, []any{
			x.plain(it.ID), x.plain(long(it.ArticlesText, x.lang)), x.plain(long(it.Title, x.lang)),
			x.plain(long(it.Requirement, x.lang)), x.plain(ResultLabel(it.Result, x.lang)),
			x.plain(SeverityLabel(it.Severity, x.lang)), x.free(it.Note), x.free(it.Finding),
			x.date(it.Deadline), it.Evidence,
		})
	}
	// The result and severity columns fit their widest label, whichever
	// the auditor chooses.
	for _, code := range Results {
		cols[4].width = max(cols[4].width, labelWidth(ResultLabel(code, x.lang)))
	}
	for _, code := range Severities {
		cols[5].width = max(cols[5].width, labelWidth(SeverityLabel(code, x.lang)))
	}
	t, err := x.filledTable(SheetChecklist, cols, rows, 1)
	if err != nil {
		return err
	}
	return t.finish(func(last int) error {
		if err := x.resultCells(t.sheet, "E", last, true); err != nil {
			return err
		}
		labels := make([]string, len(Severities))
		for i, code := range Severities {
			labels[i] = SeverityLabel(code, x.lang)
		}
		return x.dropDown(t.sheet, fmt.Sprintf("F2:F%d", last), labels, true,
			short(hSeverity, x.lang), short(workbench.Text{Zh: "请从列表中选择，或留空", En: "Choose from the list or leave blank"}, x.lang))
	})
}

// templateRow heads the items of one template in the Checklist sheet of
// an inspection holding several: the template's id and version in the
// articles column, its title and its source note. The item, result and
// other columns ReadChecklist reads stay blank, so the row is skipped when
// an edited workbook is read back.
func (x *writer) templateRow(id string) []any {
	row := []any{"", "", "", "", "", "", "", "", "", ""}
	for _, t := range x.d.Templates {
		if t.ID != id {
			continue
		}
		label := workbench.Text{Zh: "核查模板 " + t.ID + "（版本 " + t.Version + "）", En: "Checklist template " + t.ID + " (version " + t.Version + ")"}
		row[1], row[2], row[3] = x.plain(long(label, x.lang)), x.plain(long(t.Title, x.lang)), x.plain(long(t.Description, x.lang))
	}
	return row
}

func (x *writer) findings() error {
	cols := []column{
		{head: hItemID, kind: kindWrap, floor: itemIDFloor},
		{head: hTitle, kind: kindWrap},
		{head: hResult, kind: kindLabel, repeat: true},
		{head: hSeverity, kind: kindLabel, repeat: true},
		{head: hFinding, kind: kindWrap, width: 30, main: true},
		{head: hDeadline, kind: kindDate, width: 10, repeat: true},
		{head: hArticles, kind: kindWrap},
		{head: workbench.Text{Zh: "证据", En: "Evidence references"}, kind: kindWrap},
	}
	var rows [][]any
	for _, it := range x.d.Items {
		if it.Result != "non_compliant" && it.Result != "partially_compliant" {
			continue
		}
		rows = append(rows, []any{
			x.plain(it.ID), x.plain(long(it.Title, x.lang)), x.plain(ResultLabel(it.Result, x.lang)),
			x.plain(SeverityLabel(it.Severity, x.lang)), x.free(it.Finding), x.date(it.Deadline),
			x.plain(long(it.ArticlesText, x.lang)), x.free(x.refs(it.EvidenceRefs, maxEvidenceRefs)),
		})
	}
	t, err := x.filledTable(SheetFindings, cols, rows, 1)
	if err != nil {
		return err
	}
	return t.finish(func(last int) error { return x.resultCells(t.sheet, "C", last, false) })
}

// refs lists references one a line, the first limit of them, and how many
// more there are.
func (x *writer) refs(refs []string, limit int) string {
	if len(refs) <= limit {
		return strings.Join(refs, "\n")
	}
	more := len(refs) - limit
	return strings.Join(refs[:limit], "\n") + "\n" +
		pick(workbench.Text{Zh: fmt.Sprintf("…… 另有 %d 条", more), En: fmt.Sprintf("… and %d more", more)}, x.lang, " / ")
}

func (x *writer) evidence() error {
	cols := []column{
		// Narrow enough for the quotes to keep the widest column on an A4
		// landscape page at 60 % or more (see fitPage).
		{head: workbench.Text{Zh: "检查项编号", En: "Item"}, kind: kindWrap, width: 16},
		{head: workbench.Text{Zh: "引用", En: "Reference"}, kind: kindWrap, width: 16, repeat: true},
		{head: workbench.Text{Zh: "命中编号", En: "Hit id"}, kind: kindText, width: 9, repeat: true},
		{head: hFile, kind: kindWrap, width: 20, repeat: true},
		{head: hKind, kind: kindLabel, width: 12, repeat: true},
		{head: hSHA256, kind: kindWrap, width: 16},
		{head: workbench.Text{Zh: "位置", En: "Location"}, kind: kindWrap, width: 20},
		{head: workbench.Text{Zh: "引文", En: "Quoted text"}, kind: kindWrap, width: maxColWidth, main: true},
		{head: workbench.Text{Zh: "添加时间", En: "Added at"}, kind: kindDateTime, width: 16},
		{head: hConfidentiality, kind: kindLabel, width: 10, repeat: true},
	}
	t, err := x.newTable(SheetEvidence, cols, nil, 1)
	if err != nil {
		return err
	}
	if x.d.Evidence != nil {
		row := make([]any, len(cols))
		for ev, err := range x.d.Evidence {
			if err != nil {
				return fmt.Errorf("evidence after %d rows: %w", x.evidenceRows, err)
			}
			row[0], row[1], row[2] = x.plain(ev.Item), x.free(ev.Ref), x.plain(ev.Target)
			row[3], row[4], row[5] = x.free(ev.File), x.plain(labelOf(kindLabels, ev.Kind, x.lang)), x.plain(ev.SHA256)
			row[6], row[7], row[8] = x.free(ev.Location), x.free(ev.Quote), x.when(ev.AddedAt)
			row[9] = x.plain(labelOf(confidentialityLabels, ev.Label, x.lang))
			if err := t.add(row); err != nil {
				return err
			}
			x.evidenceRows++
		}
	}
	return t.finish(nil)
}

func (x *writer) submissions() error {
	cols := []column{
		{head: hFile, kind: kindWrap},
		{head: hKind, kind: kindText, repeat: true},
		{head: hConfidentiality, kind: kindText, repeat: true},
		{head: hSHA256, kind: kindWrap, width: 22},
		{head: workbench.Text{Zh: "大小（字节）", En: "Size (bytes)"}, kind: kindInt},
		{head: workbench.Text{Zh: "导入时间", En: "Imported at"}, kind: kindDateTime},
		{head: workbench.Text{Zh: "记录数", En: "Records"}, kind: kindInt},
		{head: workbench.Text{Zh: "段落数", En: "Passages"}, kind: kindInt},
		{head: workbench.Text{Zh: "警告数", En: "Warnings"}, kind: kindInt},
	}
	rows := make([][]any, len(x.d.Submissions))
	for i, s := range x.d.Submissions {
		rows[i] = []any{
			x.free(s.File), x.plain(labelOf(kindLabels, s.Kind, x.lang)),
			x.plain(labelOf(confidentialityLabels, s.Label, x.lang)), x.plain(s.SHA256),
			s.Size, x.when(s.ImportedAt), s.Records, s.Passages, s.Warnings,
		}
	}
	t, err := x.filledTable(SheetSubmissions, cols, rows, 0)
	if err != nil {
		return err
	}
	return t.finish(nil)
}

func (x *writer) checks() error {
	cols := []column{
		{head: workbench.Text{Zh: "规则", En: "Rule"}, kind: kindText},
		{head: workbench.Text{Zh: "检查项编号", En: "Item"}, kind: kindText, repeat: true},
		{head: workbench.Text{Zh: "条款", En: "Article"}, kind: kindWrap},
		{head: workbench.Text{Zh: "检查发现", En: "Summary"}, kind: kindWrap, width: 40, main: true},
		{head: workbench.Text{Zh: "建议结果", En: "Proposed result"}, kind: kindText, repeat: true},
		{head: workbench.Text{Zh: "记录数", En: "Records"}, kind: kindInt},
		{head: workbench.Text{Zh: "问题记录数", En: "Problems"}, kind: kindInt},
		{head: workbench.Text{Zh: "无法判断记录数", En: "Unclear"}, kind: kindInt},
		{head: workbench.Text{Zh: "阈值及依据", En: "Thresholds and sources"}, kind: kindWrap, width: 36},
		{head: workbench.Text{Zh: "问题记录", En: "Records with problems"}, kind: kindWrap},
		{head: workbench.Text{Zh: "无法判断的记录", En: "Unclear records"}, kind: kindWrap},
		{head: workbench.Text{Zh: "决定", En: "Decision"}, kind: kindText, repeat: true},
		{head: workbench.Text{Zh: "决定结果", En: "Decided result"}, kind: kindText, repeat: true},
		{head: workbench.Text{Zh: "理由", En: "Reason"}, kind: kindWrap},
		{head: workbench.Text{Zh: "决定时间", En: "Decided at"}, kind: kindDateTime},
	}
	rows := make([][]any, len(x.d.Checks))
	for i, c := range x.d.Checks {
		rows[i] = []any{
			x.plain(c.Rule), x.plain(c.Item), x.plain(long(c.Article, x.lang)), x.free(long(c.Summary, x.lang)),
			x.plain(ResultLabel(c.Result, x.lang)), c.Records, c.Problems, c.Unclear, x.free(x.params(c.Params)),
			x.free(x.refs(c.RecordRefs, MaxRecordRefs)), x.free(x.refs(c.UnclearRefs, MaxRecordRefs)),
			x.plain(labelOf(decisionLabels, c.Decision, x.lang)), x.plain(ResultLabel(c.DecidedResult, x.lang)),
			x.free(c.Reason), x.when(c.DecidedAt),
		}
	}
	t, err := x.filledTable(SheetChecks, cols, rows, 0)
	if err != nil {
		return err
	}
	return t.finish(func(last int) error {
		if err := x.resultCells(t.sheet, "E", last, false); err != nil {
			return err
		}
		return x.resultCells(t.sheet, "M", last, false)
	})
}

// params writes a check's thresholds, one a line: "max_share = 0.05 —
// TC260-003-2024 §5.1 a".
func (x *writer) params(ps []Param) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Name + " = " + p.Value + " — " + pick(p.Source, x.lang, " / ")
	}
	return strings.Join(lines, "\n")
}

// baselineSheet is the very hidden sheet recording what was exported:
// whether personal information was masked, and each item's Version.
const baselineSheet = "_wb_export"

// baseline writes baselineSheet: row 1 "masked" and true or false, then a
// row per item with its id and Version. It holds no text of the items.
func (x *writer) baseline() error {
	if _, err := x.f.NewSheet(baselineSheet); err != nil {
		return err
	}
	rows := [][]any{{"masked", strconv.FormatBool(!x.d.IncludePersonalInfo)}}
	for _, it := range x.d.Items {
		rows = append(rows, []any{it.ID, it.Version})
	}
	for i, r := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			return err
		}
		if err := x.f.SetSheetRow(baselineSheet, cell, &r); err != nil {
			return err
		}
	}
	return x.f.SetSheetVisible(baselineSheet, false, true)
}
