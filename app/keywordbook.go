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
	// Library, when set, is the case's keyword library applied to its
	// log (see LibraryBook; Counts is then one per library keyword, in
	// order): a sheet of hits per risk category comes first, the hits
	// sheet gives each keyword's file and row, risk category and match
	// type, and the summary says what was searched.
	Library *LibraryRun
}

// LibraryBook is the workbook of a keyword-library run of the case titled
// caseTitle, in lang (zh, en or both).
func LibraryBook(run LibraryRun, caseTitle, lang string) KeywordBook {
	names := make([]string, len(run.Library))
	for i, s := range run.Library {
		names[i] = s.FileName
	}
	b := KeywordBook{Lang: lang, Source: strings.Join(names, ", "), CaseID: run.CaseID, CaseTitle: caseTitle, Literal: true,
		GeneratedAt: run.At, Library: &run, Counts: make([]KeywordCount, len(run.Counts))}
	for i, c := range run.Counts {
		b.Counts[i] = KeywordCount{Line: c.Row, Keyword: c.Keyword, Query: c.Query, Total: c.Total, Kind: c.Kind, File: c.File, Err: c.Err}
		if c.Err != nil {
			b.Counts[i].Query = c.Keyword
		}
	}
	return b
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

	// The keyword library applied (KeywordBook.Library).
	kbSheetRisks    = workbench.Text{Zh: "风险类别", En: "Risk categories"}
	kbRow           = workbench.Text{Zh: "行", En: "Row"}
	kbLibFile       = workbench.Text{Zh: "关键词库文件", En: "Library file"}
	kbRiskCol       = workbench.Text{Zh: "风险类别", En: "Risk category"}
	kbMatchCol      = workbench.Text{Zh: "匹配方式", En: "Match type"}
	kbCode          = workbench.Text{Zh: "编号", En: "Code"}
	kbSearchedN     = workbench.Text{Zh: "已检索的关键词", En: "Keywords searched"}
	kbRowsHit       = workbench.Text{Zh: "命中行数（每行计一次）", En: "Rows hit (each once)"}
	kbWholeLibrary  = workbench.Text{Zh: "整个关键词库", En: "The whole library"}
	kbLibTitle      = workbench.Text{Zh: "关键词库应用于本案事件记录和文档", En: "Keyword library applied to the case's incident logs and documents"}
	kbLibSource     = workbench.Text{Zh: "关键词库（本案导入的记录）", En: "Keyword library (the case's imported records)"}
	kbLibSearched   = workbench.Text{Zh: "检索的文件（事件记录及文档段落）", En: "Files searched (incident logs and document passages)"}
	kbLibMode       = workbench.Text{Zh: "按原文检索，每个关键词作为一个短语；正则表达式未应用", En: "each keyword as written, as one phrase; regular expressions not applied"}
	kbLibRegex      = workbench.Text{Zh: "未应用的正则表达式", En: "Regular expressions not applied"}
	kbLibNotSearch  = workbench.Text{Zh: "无法检索的关键词", En: "Keywords that could not be searched"}
	kbLibRowsCaught = workbench.Text{Zh: "命中的行或段落（每行计一次）", En: "Rows or passages hit (each counted once)"}
	kbMatchExact    = workbench.Text{Zh: "精确", En: "exact"}
	kbMatchFuzzy    = workbench.Text{Zh: "模糊", En: "fuzzy"}
	kbMatchRegex    = workbench.Text{Zh: "正则", En: "regex"}
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
	first := hits
	if w.b.Library != nil {
		first = w.sheetName(kbSheetRisks)
	}
	if err := w.f.SetSheetName("Sheet1", first); err != nil {
		return err
	}
	if w.b.Library != nil {
		if _, err := w.f.NewSheet(hits); err != nil {
			return err
		}
		if err := w.riskSheet(first); err != nil {
			return fmt.Errorf("sheet %s: %w", first, err)
		}
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
	value func(i int, c KeywordCount) any
	style int
}

// columns are the hits sheet's columns: line, keyword, the query searched
// when it differs from the keyword, hits, a column per kind and per file
// that has hits (kinds in their usual order, files by hits), and the
// error when a line has one.
func (w *keywordBook) columns() []kbColumnDef {
	counts := w.b.Counts
	cols := []kbColumnDef{
		{head: w.t(kbLine), style: w.number, value: func(_ int, c KeywordCount) any { return c.Line }},
		{head: w.t(kbKeyword), style: w.wrap, value: func(_ int, c KeywordCount) any { return export.EscapeCell(c.Keyword) }},
	}
	if lib := w.b.Library; lib != nil {
		cols = w.libraryColumns(lib)
	}
	literal := false
	for _, c := range counts {
		literal = literal || c.Query != c.Keyword
	}
	if literal {
		cols = append(cols, kbColumnDef{head: w.t(kbQuery), style: w.wrap, value: func(_ int, c KeywordCount) any { return export.EscapeCell(c.Query) }})
	}
	cols = append(cols, kbColumnDef{head: w.t(kbHits), style: w.number, value: func(_ int, c KeywordCount) any {
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
		cols = append(cols, kbColumnDef{head: w.prefixed(kbKindCol, k.Name()), style: w.number, value: func(_ int, c KeywordCount) any {
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
		cols = append(cols, kbColumnDef{head: w.prefixed(kbFileCol, workbench.Text{Zh: name, En: name}), style: w.number, value: func(_ int, c KeywordCount) any {
			if c.Err != nil {
				return nil
			}
			return c.File[name]
		}})
	}
	if hasErr {
		cols = append(cols, kbColumnDef{head: w.t(kbError), style: w.wrap, value: func(_ int, c KeywordCount) any {
			if c.Err == nil {
				return nil
			}
			return export.EscapeCell(w.errorText(c.Err))
		}})
	}
	return cols
}

func (w *keywordBook) errorText(err error) string {
	if p := libraryProblem(err); p != "" {
		return w.t(p.Text())
	}
	if w.b.ErrorText != nil {
		return w.b.ErrorText(err)
	}
	return err.Error()
}

func (w *keywordBook) hitsSheet(sheet string) error {
	cols := w.columns()
	heads, styles := make([]string, len(cols)), make([]int, len(cols))
	for c, col := range cols {
		heads[c], styles[c] = col.head, col.style
	}
	rows := make([][]any, len(w.b.Counts))
	for i, kc := range w.b.Counts {
		rows[i] = make([]any, len(cols))
		for c, col := range cols {
			rows[i][c] = col.value(i, kc)
		}
	}
	return w.table(sheet, heads, styles, rows)
}

// table writes a sheet of rows under a frozen header row with a filter,
// each column as wide as its widest cell (within bounds) and styled by
// styles; a nil value leaves its cell empty.
func (w *keywordBook) table(sheet string, heads []string, styles []int, rows [][]any) error {
	if err := w.pageSetup(sheet); err != nil {
		return err
	}
	widths := make([]int, len(heads))
	for c, h := range heads {
		widths[c] = headerWidth(h)
	}
	for _, r := range rows {
		for c, v := range r {
			widths[c] = max(widths[c], cellWidth(v))
		}
	}
	sw, err := w.f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	// Excel wants column widths in ascending order; excelize puts each one
	// set before the earlier ones: set them last first.
	for c := len(heads) - 1; c >= 0; c-- {
		if err := sw.SetColWidth(c+1, c+1, float64(min(max(widths[c]+2, 8), 60))); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	head := make([]any, len(heads))
	for c, h := range heads {
		head[c] = excelize.Cell{StyleID: w.header, Value: export.EscapeCell(h)}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for i, r := range rows {
		cells := make([]any, len(heads))
		for c, v := range r {
			if v != nil {
				cells[c] = excelize.Cell{StyleID: styles[c], Value: v}
			}
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+2), cells); err != nil {
			return err
		}
	}
	last, err := excelize.ColumnNumberToName(len(heads))
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
	if b.Library != nil {
		return w.librarySummary(sheet, scope, now)
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
	return w.summaryRows(sheet, w.t(kbTitle), rows)
}

// summaryRows writes a summary sheet: a title, then a label and a value
// a row.
func (w *keywordBook) summaryRows(sheet, title string, rows [][2]any) error {
	if err := w.f.SetColWidth(sheet, "A", "A", 30); err != nil {
		return err
	}
	if err := w.f.SetColWidth(sheet, "B", "B", 60); err != nil {
		return err
	}
	if err := w.f.SetCellValue(sheet, "A1", title); err != nil {
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

// libraryColumns are the first columns of a library run's hits sheet:
// the library file (when there are several), the row, the keyword, its
// risk category and its match type.
func (w *keywordBook) libraryColumns(lib *LibraryRun) []kbColumnDef {
	var cols []kbColumnDef
	if len(lib.Library) > 1 {
		cols = append(cols, kbColumnDef{head: w.t(kbLibFile), style: w.wrap, value: func(i int, _ KeywordCount) any {
			return export.EscapeCell(lib.Counts[i].FileName)
		}})
	}
	return append(cols,
		kbColumnDef{head: w.t(kbRow), style: w.number, value: func(_ int, c KeywordCount) any { return c.Line }},
		kbColumnDef{head: w.t(kbKeyword), style: w.wrap, value: func(_ int, c KeywordCount) any { return export.EscapeCell(c.Keyword) }},
		kbColumnDef{head: w.t(kbRiskCol), style: w.wrap, value: func(i int, _ KeywordCount) any {
			c := lib.Counts[i]
			return export.EscapeCell(w.t(RiskHits{Risk: c.Risk, Written: c.RiskWritten}.Name()))
		}},
		kbColumnDef{head: w.t(kbMatchCol), style: w.text, value: func(i int, _ KeywordCount) any {
			switch m := lib.Counts[i].Match; m {
			case MatchExact:
				return w.t(kbMatchExact)
			case MatchFuzzy:
				return w.t(kbMatchFuzzy)
			case MatchRegex:
				return w.t(kbMatchRegex)
			default:
				return export.EscapeCell(m)
			}
		}},
	)
}

// riskSheet writes a library run's hits per risk category: code, name,
// keywords, searched, with hits and rows hit, then the whole library.
func (w *keywordBook) riskSheet(sheet string) error {
	lib := w.b.Library
	heads := []string{w.t(kbCode), w.t(kbRiskCol), w.t(kbLineCount), w.t(kbSearchedN), w.t(kbWithHits), w.t(kbRowsHit)}
	styles := []int{w.text, w.wrap, w.number, w.number, w.number, w.number}
	var rows [][]any
	var keywords, searched, withHits int
	for _, h := range lib.Risks {
		name := h.Name()
		if h.Risk != "" {
			name = h.Risk.Name()
		}
		rows = append(rows, []any{string(h.Risk), export.EscapeCell(w.t(name)), h.Keywords, h.Searched, h.WithHits, h.Rows})
		keywords, searched, withHits = keywords+h.Keywords, searched+h.Searched, withHits+h.WithHits
	}
	rows = append(rows, []any{nil, w.t(kbWholeLibrary), keywords, searched, withHits, lib.Rows})
	return w.table(sheet, heads, styles, rows)
}

// librarySummary is the summary of a library run.
func (w *keywordBook) librarySummary(sheet, scope string, now time.Time) error {
	lib := w.b.Library
	n, searched, withHits, regex, unsearchable := lib.Summary()
	files := make([]string, len(lib.Searched))
	for i, s := range lib.Searched {
		files[i] = s.FileName
	}
	rows := [][2]any{
		{w.t(kbLibSource), export.EscapeCell(w.b.Source)},
		{w.t(kbCase), export.EscapeCell(scope)},
		{w.t(kbLibSearched), export.EscapeCell(strings.Join(files, ", "))},
		{w.t(kbMode), w.t(kbLibMode)},
		{w.t(kbLineCount), n},
		{w.t(kbSearchedN), searched},
		{w.t(kbWithHits), withHits},
		{w.t(kbLibRegex), regex},
		{w.t(kbLibNotSearch), unsearchable},
		{w.t(kbLibRowsCaught), lib.Rows},
		{w.t(kbGenerated), now.Format("2006-01-02 15:04:05 -07:00")},
	}
	return w.summaryRows(sheet, w.t(kbLibTitle), rows)
}
