package app

import (
	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app/export"

	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// KeywordBook is what a keyword-count workbook shows (see
// WriteKeywordBook).
type KeywordBook struct {
	// Lang is workbench.ExportLangZh, ExportLangEn or ExportLangBoth ("" is
	// both), as for the inspection export.
	Lang string
	// Source is the keyword file's name; List how it was read.
	Source string
	List   KeywordList
	// CaseID and CaseTitle name the case counted in (0: every case);
	// Kind the submission kind counted in ("" for all).
	CaseID    int64
	CaseTitle string
	Kind      string
	Literal   bool
	Counts    []KeywordCount
	// ErrorText words a line's error; nil means err.Error() (English).
	ErrorText func(error) string
	// GeneratedAt is when the counts were made; zero means now.
	GeneratedAt time.Time
}

// Sheet names and labels of the keyword workbook.
var (
	kbSheetHits    = workbench.Text{Zh: "关键词命中", En: "Keyword hits"}
	kbSheetSummary = workbench.Text{Zh: "概要", En: "Summary"}
	kbLine         = workbench.Text{Zh: "行号", En: "Line"}
	kbKeyword      = workbench.Text{Zh: "关键词", En: "Keyword"}
	kbQuery        = workbench.Text{Zh: "检索式", En: "Query searched"}
	kbHits         = workbench.Text{Zh: "命中数", En: "Hits"}
	kbError        = workbench.Text{Zh: "错误", En: "Error"}
	kbKindCol      = workbench.Text{Zh: "类型：", En: "Kind: "}
	kbFileCol      = workbench.Text{Zh: "文件：", En: "File: "}
	kbTitle        = workbench.Text{Zh: "关键词库命中统计", En: "Keyword library hit counts"}
	kbSource       = workbench.Text{Zh: "关键词文件", En: "Keyword file"}
	kbColumn       = workbench.Text{Zh: "关键词所在", En: "Keywords taken from"}
	kbFirstColumn  = workbench.Text{Zh: "第一列", En: "the first column"}
	kbLines        = workbench.Text{Zh: "每行一个", En: "one per line"}
	kbCase         = workbench.Text{Zh: "检索范围", En: "Searched in"}
	kbAllCases     = workbench.Text{Zh: "全部案件", En: "every case"}
	kbKindFilter   = workbench.Text{Zh: "提交材料类型", En: "Submission kind"}
	kbAllKinds     = workbench.Text{Zh: "全部", En: "all"}
	kbMode         = workbench.Text{Zh: "检索方式", En: "Each line searched"}
	kbModeQuery    = workbench.Text{Zh: "按检索语法（短语、OR、排除、字段）", En: "as a query (phrases, OR, exclusions, fields)"}
	kbModeLiteral  = workbench.Text{Zh: "按原文（每行作为一个短语）", En: "as written (each line one phrase)"}
	kbLineCount    = workbench.Text{Zh: "关键词数", En: "Keywords"}
	kbWithHits     = workbench.Text{Zh: "有命中的关键词", En: "Keywords with hits"}
	kbErrors       = workbench.Text{Zh: "无法检索的行", En: "Lines that could not be searched"}
	kbGenerated    = workbench.Text{Zh: "生成时间", En: "Generated at"}
	kbCaseN        = workbench.Text{Zh: "案件 %d：%s", En: "case %d: %s"}
	kbMarking      = workbench.Text{Zh: "机密 — 监督检查材料", En: "CONFIDENTIAL — inspection material"}
	kbPageOf       = workbench.Text{Zh: "第 &P 页，共 &N 页", En: "Page &P of &N"}
)

// WriteKeywordBook writes keyword counts as an Excel workbook: a sheet
// with a row per keyword line — line, keyword, hits, then the hits per
// submission kind and per file, and the error of a line that could not be
// searched — and a summary of what was counted where. Headers are in
// b.Lang as in the inspection export; the sheets print on A4 landscape.
// The file is written to a temporary name and renamed, so a failed write
// leaves nothing behind.
func WriteKeywordBook(path string, b KeywordBook) (err error) {
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return fieldReason(FieldOut, ProblemFormat, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonExportName, "Name", filepath.Base(path)),
			"%s: the workbook's name must end in .xlsx", path)
	}
	if b.Lang == "" {
		b.Lang = workbench.ExportLangBoth
	}
	if b.Lang != workbench.ExportLangZh && b.Lang != workbench.ExportLangEn && b.Lang != workbench.ExportLangBoth {
		return fieldErr(FieldLang, ProblemFormat, "language %q is not one of zh, en, both", b.Lang)
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write keyword counts %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	f := excelize.NewFile(excelize.Options{TmpDir: dir})
	defer f.Close()
	w := &keywordBook{f: f, b: b}
	if err = w.write(); err != nil {
		return fmt.Errorf("write keyword counts %s: %w", path, err)
	}
	if err = f.Write(tmp); err != nil {
		return fmt.Errorf("write keyword counts %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write keyword counts %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write keyword counts %s: %w", path, err)
	}
	return nil
}

type keywordBook struct {
	f                          *excelize.File
	b                          KeywordBook
	header, text, wrap, number int
	label, title               int
}

// t is a label in the workbook's language: "中文 / English" for both.
func (w *keywordBook) t(t workbench.Text) string {
	switch w.b.Lang {
	case workbench.ExportLangZh:
		return t.Zh
	case workbench.ExportLangEn:
		return t.En
	}
	return t.Both(" / ")
}

// sheetName is a sheet's name: Chinese for a Chinese workbook, else
// English (a sheet's name cannot hold the "/" of "中文 / English"), as
// in the inspection export.
func (w *keywordBook) sheetName(t workbench.Text) string {
	if w.b.Lang == workbench.ExportLangZh {
		return t.Zh
	}
	return t.En
}

// prefixed is a column header: a label prefix and a name, per language.
func (w *keywordBook) prefixed(prefix workbench.Text, name workbench.Text) string {
	return w.t(workbench.Text{Zh: prefix.Zh + name.Zh, En: prefix.En + name.En})
}

func (w *keywordBook) write() error {
	if err := w.styles(); err != nil {
		return fmt.Errorf("styles: %w", err)
	}
	hits, summary := w.sheetName(kbSheetHits), w.sheetName(kbSheetSummary)
	if err := w.f.SetSheetName("Sheet1", hits); err != nil {
		return err
	}
	if _, err := w.f.NewSheet(summary); err != nil {
		return err
	}
	if err := w.hitsSheet(hits); err != nil {
		return fmt.Errorf("sheet %s: %w", hits, err)
	}
	if err := w.summarySheet(summary); err != nil {
		return fmt.Errorf("sheet %s: %w", summary, err)
	}
	w.f.SetActiveSheet(0)
	now := w.b.GeneratedAt
	if now.IsZero() {
		now = time.Now()
	}
	return w.f.SetDocProps(&excelize.DocProperties{
		Title:    w.t(kbTitle),
		Category: w.t(workbench.Text{Zh: "机密", En: "Confidential"}),
		Creator:  "Inspection Workbench",
		Created:  now.UTC().Format(time.RFC3339),
	})
}

func (w *keywordBook) styles() error {
	border := []excelize.Border{
		{Type: "left", Color: "8EA9DB", Style: 1}, {Type: "right", Color: "8EA9DB", Style: 1},
		{Type: "top", Color: "8EA9DB", Style: 1}, {Type: "bottom", Color: "8EA9DB", Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top"}
	defs := []struct {
		id *int
		s  *excelize.Style
	}{
		{&w.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&w.text, &excelize.Style{Alignment: top}},
		{&w.wrap, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&w.number, &excelize.Style{Alignment: top, NumFmt: 3}}, // #,##0
		{&w.label, &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&w.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: top}},
	}
	for _, d := range defs {
		id, err := w.f.NewStyle(d.s)
		if err != nil {
			return err
		}
		*d.id = id
	}
	return nil
}

// kbColumnDef is one column of the hits sheet.
type kbColumnDef struct {
	head  string
	width float64
	value func(c KeywordCount) any
	style int
}

// columns are the hits sheet's columns: line, keyword, the query searched
// when it differs from the keyword, hits, a column per kind and per file
// that has hits (kinds in their usual order, files by hits), and the
// error when a line has one.
func (w *keywordBook) columns() []kbColumnDef {
	counts := w.b.Counts
	cols := []kbColumnDef{
		{head: w.t(kbLine), style: w.number, value: func(c KeywordCount) any { return c.Line }},
		{head: w.t(kbKeyword), style: w.wrap, value: func(c KeywordCount) any { return export.EscapeCell(c.Keyword) }},
	}
	literal := false
	for _, c := range counts {
		literal = literal || c.Query != c.Keyword
	}
	if literal {
		cols = append(cols, kbColumnDef{head: w.t(kbQuery), style: w.wrap, value: func(c KeywordCount) any { return export.EscapeCell(c.Query) }})
	}
	cols = append(cols, kbColumnDef{head: w.t(kbHits), style: w.number, value: func(c KeywordCount) any {
		if c.Err != nil {
			return nil
		}
		return c.Total
	}})
	kinds, files := map[string]int{}, map[string]int{}
	hasErr := false
	for _, c := range counts {
		for k, n := range c.Kind {
			kinds[k] += n
		}
		for f, n := range c.File {
			files[f] += n
		}
		hasErr = hasErr || c.Err != nil
	}
	for _, k := range workbench.Kinds {
		if kinds[string(k)] == 0 {
			continue
		}
		code := string(k)
		cols = append(cols, kbColumnDef{head: w.prefixed(kbKindCol, k.Name()), style: w.number, value: func(c KeywordCount) any {
			if c.Err != nil {
				return nil
			}
			return c.Kind[code]
		}})
	}
	names := make([]string, 0, len(files))
	for f, n := range files {
		if n > 0 {
			names = append(names, f)
		}
	}
	sort.Slice(names, func(i, j int) bool {
		return files[names[i]] > files[names[j]] || files[names[i]] == files[names[j]] && names[i] < names[j]
	})
	for _, name := range names {
		cols = append(cols, kbColumnDef{head: w.prefixed(kbFileCol, workbench.Text{Zh: name, En: name}), style: w.number, value: func(c KeywordCount) any {
			if c.Err != nil {
				return nil
			}
			return c.File[name]
		}})
	}
	if hasErr {
		cols = append(cols, kbColumnDef{head: w.t(kbError), style: w.wrap, value: func(c KeywordCount) any {
			if c.Err == nil {
				return nil
			}
			return export.EscapeCell(w.errorText(c.Err))
		}})
	}
	return cols
}

func (w *keywordBook) errorText(err error) string {
	if w.b.ErrorText != nil {
		return w.b.ErrorText(err)
	}
	return err.Error()
}

func (w *keywordBook) hitsSheet(sheet string) error {
	if err := w.pageSetup(sheet); err != nil {
		return err
	}
	cols := w.columns()
	rows := make([][]any, len(w.b.Counts))
	widths := make([]int, len(cols))
	for c, col := range cols {
		widths[c] = headerWidth(col.head)
	}
	for i, kc := range w.b.Counts {
		rows[i] = make([]any, len(cols))
		for c, col := range cols {
			v := col.value(kc)
			rows[i][c] = v
			widths[c] = max(widths[c], cellWidth(v))
		}
	}
	sw, err := w.f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	// Excel wants column widths in ascending order; excelize puts each one
	// set before the earlier ones: set them last first.
	for c := len(cols) - 1; c >= 0; c-- {
		if err := sw.SetColWidth(c+1, c+1, float64(min(max(widths[c]+2, 8), 60))); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	head := make([]any, len(cols))
	for c, col := range cols {
		head[c] = excelize.Cell{StyleID: w.header, Value: export.EscapeCell(col.head)}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for i, r := range rows {
		cells := make([]any, len(cols))
		for c, v := range r {
			if v != nil {
				cells[c] = excelize.Cell{StyleID: cols[c].style, Value: v}
			}
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+2), cells); err != nil {
			return err
		}
	}
	last, err := excelize.ColumnNumberToName(len(cols))
	if err != nil {
		return err
	}
	if err := w.f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", last, max(len(rows)+1, 2)), nil); err != nil {
		return fmt.Errorf("autofilter: %w", err)
	}
	return sw.Flush()
}

func (w *keywordBook) summarySheet(sheet string) error {
	if err := w.pageSetup(sheet); err != nil {
		return err
	}
	b := w.b
	where := w.t(kbLines)
	switch {
	case b.List.Column != "":
		where = b.List.Column
	case b.List.Format != "text" && b.List.Format != "":
		where = w.t(kbFirstColumn)
	}
	if b.List.Sheet != "" {
		where = b.List.Sheet + " · " + where
	}
	scope := w.t(kbAllCases)
	if b.CaseID != 0 {
		scope = w.t(workbench.Text{Zh: fmt.Sprintf(kbCaseN.Zh, b.CaseID, b.CaseTitle), En: fmt.Sprintf(kbCaseN.En, b.CaseID, b.CaseTitle)})
	}
	kind := w.t(kbAllKinds)
	if b.Kind != "" {
		kind = w.t(workbench.Kind(b.Kind).Name())
	}
	mode := w.t(kbModeQuery)
	if b.Literal {
		mode = w.t(kbModeLiteral)
	}
	withHits, errs := 0, 0
	for _, c := range b.Counts {
		if c.Err != nil {
			errs++
		} else if c.Total > 0 {
			withHits++
		}
	}
	now := b.GeneratedAt
	if now.IsZero() {
		now = time.Now()
	}
	rows := [][2]any{
		{w.t(kbSource), export.EscapeCell(b.Source)},
		{w.t(kbColumn), export.EscapeCell(where)},
		{w.t(kbCase), export.EscapeCell(scope)},
		{w.t(kbKindFilter), kind},
		{w.t(kbMode), mode},
		{w.t(kbLineCount), len(b.Counts)},
		{w.t(kbWithHits), withHits},
		{w.t(kbErrors), errs},
		{w.t(kbGenerated), now.Format("2006-01-02 15:04:05 -07:00")},
	}
	if err := w.f.SetColWidth(sheet, "A", "A", 30); err != nil {
		return err
	}
	if err := w.f.SetColWidth(sheet, "B", "B", 60); err != nil {
		return err
	}
	if err := w.f.SetCellValue(sheet, "A1", w.t(kbTitle)); err != nil {
		return err
	}
	if err := w.f.SetCellStyle(sheet, "A1", "A1", w.title); err != nil {
		return err
	}
	for i, r := range rows {
		row := strconv.Itoa(i + 3)
		if err := w.f.SetCellValue(sheet, "A"+row, r[0]); err != nil {
			return err
		}
		if err := w.f.SetCellValue(sheet, "B"+row, r[1]); err != nil {
			return err
		}
		if err := w.f.SetCellStyle(sheet, "A"+row, "A"+row, w.label); err != nil {
			return err
		}
		style := w.wrap
		if _, ok := r[1].(int); ok {
			style = w.number
		}
		if err := w.f.SetCellStyle(sheet, "B"+row, "B"+row, style); err != nil {
			return err
		}
	}
	return nil
}

// pageSetup prints sheet on A4 landscape fitted to the page width, the
// header row on every page, with the confidentiality marking and page
// numbers, as the inspection export does.
func (w *keywordBook) pageSetup(sheet string) error {
	fit := true
	if err := w.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	a4, landscape, one, zero := 9, "landscape", 1, 0
	if err := w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return fmt.Errorf("page layout: %w", err)
	}
	side, topBottom, hf := 0.4, 0.75, 0.3
	if err := w.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &topBottom, Bottom: &topBottom, Header: &hf, Footer: &hf}); err != nil {
		return fmt.Errorf("page margins: %w", err)
	}
	if err := w.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: `&C&"-,Bold"` + strings.ReplaceAll(w.t(kbMarking), "&", "&&"),
		OddFooter: "&L&A&R" + w.t(kbPageOf),
	}); err != nil {
		return fmt.Errorf("header and footer: %w", err)
	}
	return w.f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: "'" + strings.ReplaceAll(sheet, "'", "''") + "'!$1:$1", Scope: sheet,
	})
}

// headerWidth is the display width of a header: its wider half when it
// reads "中文 / English", which wraps there.
func headerWidth(s string) int {
	w := 0
	for part := range strings.SplitSeq(s, " / ") {
		w = max(w, cellWidth(part))
	}
	return w
}

// cellWidth is how many columns a cell value takes, East Asian wide
// characters counting 2.
func cellWidth(v any) int {
	switch v := v.(type) {
	case int:
		n := len(strconv.Itoa(v))
		return n + (n-1)/3 // thousands separators
	case string:
		w := 0
		for _, r := range v {
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				w += 2
			default:
				w++
			}
		}
		return w
	}
	return 0
}
