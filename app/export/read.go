package export

import (
	"github.com/inspection-workbench/workbench"

	"archive/zip"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// Fields of a ChecklistRow, the keys of its Cells.
const (
	FieldItem     = "item"
	FieldResult   = "result"
	FieldSeverity = "severity"
	FieldNote     = "note"
	FieldFinding  = "finding"
	FieldDeadline = "deadline"
)

// checklistFields are the columns ReadChecklist needs, in sheet order.
var checklistFields = []string{FieldItem, FieldResult, FieldSeverity, FieldNote, FieldFinding, FieldDeadline}

// Limits of ReadChecklist.
const (
	// MaxChecklistFileSize is the largest workbook ReadChecklist opens.
	MaxChecklistFileSize = 100 << 20
	// maxUnzipped bounds what the workbook's parts may unpack to, in all.
	maxUnzipped = 1 << 30
	// maxRatio bounds how much one part may unpack to per byte stored
	// (XML compresses 10–50 times; zip bombs a thousand times and more).
	maxRatio = 1000
	// maxParts bounds the number of parts of the workbook.
	maxParts = 10000
	// maxChecklistRows bounds the rows of the Checklist sheet.
	maxChecklistRows = 20000
	// headerSearchRows is how many rows from the top may hold the header.
	headerSearchRows = 20
)

// ChecklistSheet is the Checklist sheet of a workbook as ReadChecklist
// read it.
type ChecklistSheet struct {
	// Sheet is the sheet's name.
	Sheet string
	// Masked says whether personal information was masked in the export;
	// nil when the workbook does not record it.
	Masked *bool
	// Versions maps item ids to the Item.Version each had when exported;
	// nil when the workbook does not record them.
	Versions map[string]string
	// CaseID is the case the workbook was exported from, as its document
	// properties record it; 0 when they do not (a workbook made or re-saved
	// elsewhere may have lost them).
	CaseID int64
	// Rows are the data rows with an item id, in sheet order. A field
	// whose cell is invalid (see Errors) is empty.
	Rows []ChecklistRow
	// Errors are all the invalid cells found. When there are any, the
	// rows must not be applied.
	Errors []CellError
}

// ChecklistRow is one data row of the Checklist sheet.
type ChecklistRow struct {
	// Item is the item id.
	Item string
	// Row is the row's number in the sheet (1-based).
	Row int
	// Result is a result code (one of Results); Severity a severity code
	// or "" for none.
	Result, Severity string
	// Note and Finding are the texts as they are in the sheet. When the
	// workbook was exported with personal information masked they hold the
	// masked texts: compare them with MaskPersonalInfo of the stored text
	// (IsMaskedOf) before taking them for a change.
	Note, Finding string
	// Deadline is "" or YYYY-MM-DD.
	Deadline string
	// Cells maps each field (FieldItem, FieldResult…) to the reference of
	// its cell, e.g. "E7", for messages.
	Cells map[string]string
}

// CellError is one invalid cell of the Checklist sheet.
type CellError struct {
	// Cell is the cell's reference, e.g. "E12".
	Cell string
	// Item is the row's item id, "" when it has none.
	Item string
	// Problem says what is wrong.
	Problem string
}

// Error describes the cell and its problem: `E12 (art7-3): result "maybe"
// is not one of …`.
func (e CellError) Error() string {
	if e.Item == "" {
		return e.Cell + ": " + e.Problem
	}
	return e.Cell + " (" + e.Item + "): " + e.Problem
}

// headerNames are the headers each field's column may have, in any of the
// workbook's languages; matching ignores case and blanks, and a combined
// header ("结果 / Result") matches when all its parts do.
var headerNames = map[string][]string{
	FieldItem:     {hItemID.Zh, hItemID.En, "item", "条目编号", "检查项编号"},
	FieldResult:   {hResult.Zh, hResult.En, "检查结果"},
	FieldSeverity: {hSeverity.Zh, hSeverity.En},
	FieldNote:     {hNote.Zh, hNote.En, "note"},
	FieldFinding:  {hFinding.Zh, hFinding.En, "findings"},
	FieldDeadline: {hDeadline.Zh, hDeadline.En, "整改截止日期", "rectification deadline"},
}

var headerLookup = func() map[string]string {
	m := map[string]string{}
	for field, names := range headerNames {
		for _, n := range names {
			m[foldLabel(n)] = field
		}
	}
	return m
}()

// headerField is the field a header cell names, "" if none.
func headerField(s string) string {
	field, _ := parseLabel(headerLookup, strings.ReplaceAll(s, "\n", "/"))
	return field
}

// ReadChecklist reads the Checklist sheet of a workbook Write made, after
// an auditor edited it. It finds the sheet by its name in any language
// ("检查清单", "Checklist") and the columns by their headers in any
// language, so inserted, moved or extra columns do not matter; the item id,
// result, severity, notes, finding and deadline columns must all be there.
// Blank rows are skipped.
//
// Each value is validated and normalised: results and severities may be
// codes or labels in either language (see ParseResult), deadlines real
// Excel dates, date serial numbers or text dates (YYYY-MM-DD, YYYY/M/D,
// YYYY年M月D日), and the quote Write put before formula-like text is
// removed. Formulas are never evaluated: a cell holding one is an error.
// Invalid cells are all collected in Errors, with their references; the
// error return is for problems with the file itself — not a workbook, too
// large, no Checklist sheet, missing columns.
//
// ReadChecklist only reads: comparing with the stored inspection (unknown
// item ids, masked notes, what changed) is the caller's business.
func ReadChecklist(path string) (*ChecklistSheet, error) {
	if err := preflight(path); err != nil {
		return nil, fmt.Errorf("reading checklist from %s: %w", path, err)
	}
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, fmt.Errorf("reading checklist from %s: not a readable Excel workbook: %w", path, err)
	}
	defer func() { _ = f.Close() }()
	cs, err := readChecklist(f)
	if err != nil {
		return nil, fmt.Errorf("reading checklist from %s: %w", path, err)
	}
	if props, err := f.GetDocProps(); err == nil {
		cs.CaseID = parseCaseIdentifier(props.Identifier)
	}
	readBaseline(f, cs)
	return cs, nil
}

// readBaseline reads what the very hidden baseline sheet records, if the
// workbook still has it.
func readBaseline(f *excelize.File, cs *ChecklistSheet) {
	if idx, err := f.GetSheetIndex(baselineSheet); err != nil || idx < 0 {
		return
	}
	rows, err := f.GetRows(baselineSheet, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) == 0 || len(rows[0]) < 2 || rows[0][0] != "masked" {
		return
	}
	masked, err := strconv.ParseBool(rows[0][1])
	if err != nil {
		return
	}
	cs.Masked = &masked
	cs.Versions = map[string]string{}
	for _, r := range rows[1:] {
		switch {
		case len(r) >= 2 && r[0] != "":
			cs.Versions[r[0]] = r[1]
		case len(r) == 1 && r[0] != "":
			cs.Versions[r[0]] = ""
		}
	}
}

// caseIdentifierPrefix starts the document identifier Write gives a
// workbook: "inspection-workbench-case-12".
const caseIdentifierPrefix = "inspection-workbench-case-"

// caseIdentifier is the document identifier of a workbook of case id.
func caseIdentifier(id int64) string { return caseIdentifierPrefix + strconv.FormatInt(id, 10) }

// parseCaseIdentifier reads caseIdentifier's result; 0 for anything else.
func parseCaseIdentifier(s string) int64 {
	n, err := strconv.ParseInt(strings.TrimPrefix(s, caseIdentifierPrefix), 10, 64)
	if !strings.HasPrefix(s, caseIdentifierPrefix) || err != nil || n <= 0 {
		return 0
	}
	return n
}

// preflight refuses files too large to be a checklist workbook, files that
// are not zip archives and archives that would unpack to far more than
// they hold (zip bombs), before excelize unpacks anything.
func preflight(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return errors.New("not a regular file")
	}
	if fi.Size() > MaxChecklistFileSize {
		return fmt.Errorf("the file is %d MB, more than the %d MB a checklist workbook may be", fi.Size()>>20, MaxChecklistFileSize>>20)
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		return fmt.Errorf("not an Excel workbook (.xlsx): %w", err)
	}
	defer func() { _ = z.Close() }()
	if len(z.File) > maxParts {
		return fmt.Errorf("the workbook has %d parts, more than %d", len(z.File), maxParts)
	}
	var total uint64
	for _, p := range z.File {
		total += p.UncompressedSize64
		if total > maxUnzipped {
			return fmt.Errorf("the workbook would unpack to more than %d MB", maxUnzipped>>20)
		}
		if p.UncompressedSize64 > 1<<20 && p.UncompressedSize64 > maxRatio*max(p.CompressedSize64, 1) {
			return fmt.Errorf("part %s would unpack to %d times its size (a zip bomb?)", p.Name, p.UncompressedSize64/max(p.CompressedSize64, 1))
		}
	}
	return nil
}

// checklistNames are the names the Checklist sheet may have.
var checklistNames = []string{SheetNames[SheetChecklist].Zh, SheetNames[SheetChecklist].En}

func readChecklist(f *excelize.File) (*ChecklistSheet, error) {
	sheets := f.GetSheetList()
	sheet := ""
	for _, s := range sheets {
		for _, n := range checklistNames {
			if foldLabel(s) == foldLabel(n) {
				sheet = s
			}
		}
		if sheet != "" {
			break
		}
	}
	if sheet == "" {
		// An auditor may have renamed the sheet: take the one sheet whose
		// header names every checklist column.
		var found []string
		for _, s := range sheets {
			if top, err := topRows(f, s); err == nil {
				if _, _, err := findHeader(top); err == nil {
					found = append(found, s)
				}
			}
		}
		if len(found) == 1 {
			sheet = found[0]
		}
	}
	if sheet == "" {
		return nil, fmt.Errorf("no checklist sheet: looked for a sheet named %s, or one sheet with the checklist's columns; the workbook has %s",
			quoteList(checklistNames, " or "), quoteList(sheets, ", "))
	}
	if err := checkRows(f, sheet); err != nil {
		return nil, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	headerRow, cols, err := findHeader(rows)
	if err != nil {
		return nil, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	props, err := f.GetWorkbookProps()
	if err != nil {
		return nil, fmt.Errorf("workbook properties: %w", err)
	}
	r := &reader{f: f, sheet: sheet, date1904: props.Date1904 != nil && *props.Date1904,
		cs: &ChecklistSheet{Sheet: sheet}, seen: map[string]string{}, last: -1}
	for i := headerRow + 1; i < len(rows); i++ {
		if err := r.row(i+1, rows[i], cols); err != nil {
			return nil, fmt.Errorf("sheet %q row %d: %w", sheet, i+1, err)
		}
	}
	return r.cs, nil
}

// topRows reads the first rows of a sheet, where a header may stand,
// without loading the rest.
func topRows(f *excelize.File, sheet string) ([][]string, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]string
	for len(out) < headerSearchRows && rows.Next() {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		out = append(out, cols)
	}
	return out, rows.Error()
}

// checkRows refuses a sheet with more rows than a checklist can have,
// counting them with excelize's streaming reader before the sheet is
// loaded.
func checkRows(f *excelize.File, sheet string) error {
	it, err := f.Rows(sheet)
	if err != nil {
		return err
	}
	defer func() { _ = it.Close() }()
	n := 0
	for it.Next() {
		if n++; n > maxChecklistRows {
			return fmt.Errorf("more than %d rows: not a checklist", maxChecklistRows)
		}
	}
	return it.Error()
}

// findHeader finds the header row among the first rows: the first that
// names the item id and result columns. It returns the row's index and the
// column index of every field.
func findHeader(rows [][]string) (int, map[string]int, error) {
	for i := 0; i < len(rows) && i < headerSearchRows; i++ {
		cols := map[string]int{}
		for c, v := range rows[i] {
			if field := headerField(v); field != "" {
				if prev, dup := cols[field]; dup {
					return 0, nil, fmt.Errorf("row %d has two %s columns, %s and %s", i+1, field,
						cellName(prev, i+1), cellName(c, i+1))
				}
				cols[field] = c
			}
		}
		_, item := cols[FieldItem]
		_, result := cols[FieldResult]
		if !item || !result {
			continue
		}
		var missing []string
		for _, field := range checklistFields {
			if _, ok := cols[field]; !ok {
				missing = append(missing, fmt.Sprintf("%s (%s)", field, strings.Join(headerNames[field][:2], " / ")))
			}
		}
		if len(missing) > 0 {
			return 0, nil, fmt.Errorf("header row %d lacks columns: %s", i+1, strings.Join(missing, ", "))
		}
		return i, cols, nil
	}
	return 0, nil, fmt.Errorf("no header row naming the item id (%s) and result (%s) columns in the first %d rows",
		strings.Join(headerNames[FieldItem][:2], " / "), strings.Join(headerNames[FieldResult][:2], " / "), headerSearchRows)
}

// reader reads the data rows of one sheet.
type reader struct {
	f        *excelize.File
	sheet    string
	date1904 bool
	cs       *ChecklistSheet
	// seen maps each item id to the cell it was first seen in.
	seen map[string]string
	// last is the index in cs.Rows of the row the previous data row was or
	// continued, -1 when it was neither (it was invalid).
	last int
}

// row reads data row n (1-based) with the raw values vals.
func (r *reader) row(n int, vals []string, cols map[string]int) error {
	raw := map[string]string{}
	blank := true
	for _, field := range checklistFields {
		if c := cols[field]; c < len(vals) {
			raw[field] = vals[c]
			if strings.TrimFunc(vals[c], unicode.IsSpace) != "" {
				blank = false
			}
		}
	}
	if blank {
		return nil
	}
	row := ChecklistRow{Row: n, Cells: map[string]string{}}
	for _, field := range checklistFields {
		row.Cells[field] = cellName(cols[field], n)
	}
	// A formula's cached value is not to be trusted: a cell holding one is
	// an error.
	formulas := map[string]string{}
	for _, field := range checklistFields {
		formula, err := r.f.GetCellFormula(r.sheet, row.Cells[field])
		if err != nil {
			return err
		}
		if formula != "" {
			formulas[field] = formula
		}
	}
	cont := false
	if _, bad := formulas[FieldItem]; !bad {
		row.Item = strings.TrimFunc(unescapeCell(strings.TrimFunc(raw[FieldItem], unicode.IsSpace)), unicode.IsSpace)
		row.Item, cont = continuationOf(row.Item)
	}
	last := r.last
	r.last = -1
	for _, field := range checklistFields {
		if formula, ok := formulas[field]; ok {
			r.fail(row.Cells[field], row.Item, fmt.Sprintf("the %s cell holds a formula (=%s); type the value itself", field, formula))
		}
	}
	bad := func(field string) bool { _, ok := formulas[field]; return ok }
	text := func(field string) string {
		return strings.ReplaceAll(unescapeCell(raw[field]), "\r\n", "\n")
	}
	if cont {
		return r.continuation(row, last, raw, text, bad)
	}
	if row.Item == "" {
		if !bad(FieldItem) {
			r.fail(row.Cells[FieldItem], "", "no item id in a row that has values")
		}
		return nil
	}
	if first, dup := r.seen[row.Item]; dup {
		r.fail(row.Cells[FieldItem], row.Item, fmt.Sprintf("item %s appears again (first in %s)", row.Item, first))
		return nil
	}
	r.seen[row.Item] = row.Cells[FieldItem]

	if !bad(FieldResult) {
		v := strings.TrimFunc(text(FieldResult), unicode.IsSpace)
		if code, ok := ParseResult(v); ok {
			row.Result = code
		} else if v == "" {
			r.fail(row.Cells[FieldResult], row.Item, "result is empty; use one of "+allowed(resultLabels, Results))
		} else {
			r.fail(row.Cells[FieldResult], row.Item, fmt.Sprintf("result %q is not one of %s", v, allowed(resultLabels, Results)))
		}
	}
	if !bad(FieldSeverity) {
		v := strings.TrimFunc(text(FieldSeverity), unicode.IsSpace)
		if code, ok := ParseSeverity(v); ok {
			row.Severity = code
		} else {
			r.fail(row.Cells[FieldSeverity], row.Item,
				fmt.Sprintf("severity %q is not one of %s, or blank", v, allowed(severityLabels, Severities)))
		}
	}
	if !bad(FieldNote) {
		row.Note = text(FieldNote)
	}
	if !bad(FieldFinding) {
		row.Finding = text(FieldFinding)
	}
	if !bad(FieldDeadline) {
		d, problem, err := r.deadline(row.Cells[FieldDeadline], raw[FieldDeadline])
		if err != nil {
			return err
		}
		if problem != "" {
			r.fail(row.Cells[FieldDeadline], row.Item, problem)
		}
		row.Deadline = d
	}
	r.cs.Rows = append(r.cs.Rows, row)
	r.last = len(r.cs.Rows) - 1
	return nil
}

// continuationOf reads an item cell: the item id, and whether the cell
// marks its row as the continuation of the item's row above (Write
// continues a row too high for one on the rows below, its item cell
// reading "art7-3\n（续）", "art7-3\n(cont.)" or "art7-3\n（续） / (cont.)").
func continuationOf(item string) (string, bool) {
	for _, mark := range []string{short(continued, workbench.ExportLangBoth), continued.Zh, continued.En} {
		if len(item) >= len(mark) && strings.EqualFold(item[len(item)-len(mark):], mark) {
			return strings.TrimFunc(item[:len(item)-len(mark)], unicode.IsSpace), true
		}
	}
	return item, false
}

// continuation reads a row continuing the row of its item (row.Item),
// which must be the data row above it (last, -1 when that was not a
// valid row): its notes and findings continue the item's, joined without
// a separator as Write cut them; its result, severity and deadline, which
// Write repeats for filters and sorts, must be blank or the item's own.
func (r *reader) continuation(row ChecklistRow, last int, raw map[string]string, text func(string) string, bad func(string) bool) error {
	// An invalid continuation row does not end the item's rows: those
	// after it are not reported again.
	r.last = last
	if row.Item == "" {
		// The continuation of a row without an item: the heading of a
		// template's items (its title and source note), which Write
		// continues like any row too high for one. Nothing to read.
		return nil
	}
	if last < 0 || r.cs.Rows[last].Item != row.Item {
		r.fail(row.Cells[FieldItem], row.Item, fmt.Sprintf("the row continues item %q but does not follow that item's row; "+
			"move it under the item's row, or remove it and its mark %q", row.Item, short(continued, workbench.ExportLangBoth)))
		return nil
	}
	item := &r.cs.Rows[last]
	if !bad(FieldNote) {
		item.Note += text(FieldNote)
	}
	if !bad(FieldFinding) {
		item.Finding += text(FieldFinding)
	}
	same := func(field, v, got, want string) {
		if got != want && !slices.ContainsFunc(r.cs.Errors, func(e CellError) bool { return e.Cell == item.Cells[field] }) {
			r.fail(row.Cells[field], row.Item, fmt.Sprintf("the %s %q of a row continuing the item differs from the item's in %s; "+
				"give it the same %s or leave it blank", field, v, item.Cells[field], field))
		}
	}
	if v := strings.TrimFunc(text(FieldResult), unicode.IsSpace); v != "" && !bad(FieldResult) {
		code, _ := ParseResult(v)
		same(FieldResult, v, code, item.Result)
	}
	if v := strings.TrimFunc(text(FieldSeverity), unicode.IsSpace); v != "" && !bad(FieldSeverity) {
		code, ok := ParseSeverity(v)
		if !ok {
			code = "?"
		}
		same(FieldSeverity, v, code, item.Severity)
	}
	if v := strings.TrimFunc(raw[FieldDeadline], unicode.IsSpace); v != "" && !bad(FieldDeadline) {
		d, problem, err := r.deadline(row.Cells[FieldDeadline], raw[FieldDeadline])
		if err != nil {
			return err
		}
		if problem != "" {
			d = "?"
		}
		same(FieldDeadline, v, d, item.Deadline)
	}
	return nil
}

func (r *reader) fail(cell, item, problem string) {
	r.cs.Errors = append(r.cs.Errors, CellError{Cell: cell, Item: item, Problem: problem})
}

// allowed lists the labels of codes for a message: "未评估 (not_assessed),
// …".
func allowed(labels map[string]workbench.Text, codes []string) string {
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = fmt.Sprintf("%s / %s (%s)", labels[c].Zh, labels[c].En, c)
	}
	return strings.Join(parts, ", ")
}

// deadline reads a deadline cell: a date cell, a date serial number or a
// text date. It returns YYYY-MM-DD or "", or a problem.
func (r *reader) deadline(cell, raw string) (date, problem string, err error) {
	v := strings.TrimFunc(raw, unicode.IsSpace)
	if v == "" {
		return "", "", nil
	}
	typ, err := r.f.GetCellType(r.sheet, cell)
	if err != nil {
		return "", "", err
	}
	notDate := fmt.Sprintf("deadline %q is not a date (YYYY-MM-DD)", v)
	switch typ {
	case excelize.CellTypeUnset, excelize.CellTypeNumber:
		serial, perr := strconv.ParseFloat(v, 64)
		if perr != nil || math.IsNaN(serial) || math.IsInf(serial, 0) {
			return "", notDate, nil
		}
		dateFmt, err := r.dateFormatted(cell)
		if err != nil {
			return "", "", err
		}
		// A number in a date-formatted cell may be any date; a plain number
		// is taken for a date serial only in 2000–2099, where deadlines are.
		lo, hi := 1.0, 2958465.0
		if !dateFmt {
			lo, hi = 36526, 73050
		}
		if serial < lo || serial >= hi+1 {
			return "", notDate, nil
		}
		t, terr := excelize.ExcelDateToTime(math.Floor(serial), r.date1904)
		if terr != nil {
			return "", notDate, nil
		}
		return t.Format(time.DateOnly), "", nil
	case excelize.CellTypeDate:
		if d, ok := parseDate(v); ok {
			return d, "", nil
		}
		return "", notDate, nil
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString, excelize.CellTypeFormula:
		text := strings.TrimFunc(unescapeCell(v), unicode.IsSpace)
		if d, ok := parseDate(text); ok {
			return d, "", nil
		}
		if we := workbench.ErrorReason(func() error { _, err := workbench.ParseDate(text); return err }()); we != nil && we.Reason == workbench.ReasonDateNonexistent {
			return "", fmt.Sprintf("deadline %s does not exist: the calendar has no such day", text), nil
		}
		return "", notDate, nil
	}
	return "", notDate, nil
}

// dateLayouts are the text dates a deadline may be written as.
var dateLayouts = []string{"2006-1-2", "2006/1/2", "2006.1.2", "2006年1月2日"}

// parseDate reads a text date, also an ISO date-time's date, as
// YYYY-MM-DD.
func parseDate(s string) (string, bool) {
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
		s = s[:10]
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil && t.Year() >= 1900 {
			return t.Format(time.DateOnly), true
		}
	}
	return "", false
}

// dateFormatted reports whether cell has a date number format.
func (r *reader) dateFormatted(cell string) (bool, error) {
	id, err := r.f.GetCellStyle(r.sheet, cell)
	if err != nil || id == 0 {
		return false, err
	}
	st, err := r.f.GetStyle(id)
	if err != nil {
		return false, err
	}
	if st.CustomNumFmt != nil {
		return isDateFormat(*st.CustomNumFmt), nil
	}
	n := st.NumFmt
	return n >= 14 && n <= 22 || n >= 27 && n <= 36 || n >= 45 && n <= 47 || n >= 50 && n <= 58, nil
}

// isDateFormat reports whether a number format code shows a date: it has
// a y or d outside quoted text, escapes and [brackets].
func isDateFormat(code string) bool {
	quoted, bracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case quoted:
			quoted = c != '"'
		case bracket:
			bracket = c != ']'
		case c == '"':
			quoted = true
		case c == '[':
			bracket = true
		case c == '\\' || c == '_' || c == '*':
			i++
		case c == 'y' || c == 'Y' || c == 'd' || c == 'D':
			return true
		}
	}
	return false
}

// cellName is the reference of 0-based column c in 1-based row n.
func cellName(c, n int) string {
	name, _ := excelize.CoordinatesToCellName(c+1, n)
	return name
}

func quoteList(names []string, sep string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, sep)
}
