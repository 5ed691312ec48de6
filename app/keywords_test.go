package app

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func keywordFixture(name string) string { return filepath.Join("..", "testdata", "keywords", name) }

func TestReadKeywordFile(t *testing.T) {
	// An xlsx whose first sheet is a cover and whose second holds the
	// keywords under a title row and a header.
	book := filepath.Join(t.TempDir(), "关键词库.xlsx")
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "说明：本文件为关键词库")
	f.NewSheet("词库")
	for cell, v := range map[string]any{"A1": "星河智算 关键词库", "A2": "序号", "B2": "Keyword", "C2": "类别",
		"A3": 1, "B3": "赌博", "A4": 2, "B4": "-d", "A5": 3, "B5": "  ", "A6": 4, "B6": "虚假新闻"} {
		f.SetCellValue("词库", cell, v)
	}
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	noHeader := filepath.Join(t.TempDir(), "list.xlsx")
	g := excelize.NewFile()
	g.SetCellValue("Sheet1", "A1", "赌博")
	g.SetCellValue("Sheet1", "A3", "色情")
	if err := g.SaveAs(noHeader); err != nil {
		t.Fatal(err)
	}
	type line = KeywordLine
	tests := []struct {
		path                       string
		lines                      []KeywordLine
		format, enc, sheet, column string
	}{
		{keywordFixture("keywords.txt"), []line{{2, "赌博"}, {5, "违法内容 OR 色情"}, {6, "删除个人信息"}, {7, `"oops`}, {8, "-d"}, {9, "习近平:"}, {10, "赌博"}},
			"text", "UTF-8 BOM", "", ""},
		{keywordFixture("keywords-gb18030.txt"), []line{{2, "赌博"}, {3, "删除个人信息"}, {4, "虚假新闻"}}, "text", "GB18030", "", ""},
		{keywordFixture("keywords.csv"), []line{{3, "赌博"}, {4, "删除个人信息"}, {5, "a, b"}, {7, "虚假新闻"}}, "csv", "GB18030", "", "关键词"},
		{keywordFixture("keywords-plain.csv"), []line{{1, "赌博"}, {2, "删除个人信息"}}, "csv", "UTF-8", "", ""},
		{book, []line{{3, "赌博"}, {4, "-d"}, {6, "虚假新闻"}}, "xlsx", "", "词库", "Keyword"},
		{noHeader, []line{{1, "赌博"}, {3, "色情"}}, "xlsx", "", "Sheet1", ""},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			kl, err := ReadKeywordFile(tc.path)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(kl.Lines, tc.lines) {
				t.Errorf("lines %v, want %v", kl.Lines, tc.lines)
			}
			if kl.Format != tc.format || kl.Encoding != tc.enc || kl.Sheet != tc.sheet || kl.Column != tc.column {
				t.Errorf("read as %q %q sheet %q column %q, want %q %q %q %q", kl.Format, kl.Encoding, kl.Sheet, kl.Column, tc.format, tc.enc, tc.sheet, tc.column)
			}
		})
	}

	dir := t.TempDir()
	for name, content := range map[string]string{
		"comments.txt": "# only a comment\n\n",
		"empty.csv":    "",
		"header.csv":   "关键词\n",
		"binary.txt":   "\x00\x01\x02abc",
		"broken.xlsx":  "PK\x03\x04 not a workbook",
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o600)
		_, err := ReadKeywordFile(p)
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error %v, want one naming the file", name, err)
		}
		if strings.HasSuffix(name, ".txt") && name != "binary.txt" || strings.HasSuffix(name, ".csv") {
			if err == nil || !strings.Contains(err.Error(), "no keywords") {
				t.Errorf("%s: error %v, want no keywords", name, err)
			}
		}
	}
	if _, err := ReadKeywordFile(filepath.Join(dir, "missing.txt")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

func TestLiteralQuery(t *testing.T) {
	for in, want := range map[string]string{
		"赌博":         `"赌博"`,
		"习近平:":       `"习近平:"`,
		"-d":         `"-d"`,
		"a OR b":     `"a OR b"`,
		`say "hi"`:   `"say  hi"`,
		"“违法”内容":     `"违法 内容"`,
		`""`:         "",
		"kind:incid": `"kind:incid"`,
	} {
		got := LiteralQuery(in)
		if got != want {
			t.Errorf("LiteralQuery(%q) = %q, want %q", in, got, want)
		}
		if got != "" {
			if err := ParseQuery(got); err != nil {
				t.Errorf("LiteralQuery(%q) = %q does not parse: %v", in, got, err)
			}
		}
	}
}

// keywordLines are the lines of testdata/keywords/keywords.txt.
func keywordLines(t *testing.T) []KeywordLine {
	t.Helper()
	kl, err := ReadKeywordFile(keywordFixture("keywords.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return kl.Lines
}

func TestCountQueries(t *testing.T) {
	a := searchApp(t)
	ctx := context.Background()
	cases, err := a.ListCases(ctx)
	if err != nil || len(cases) != 1 {
		t.Fatalf("cases %v, %v", cases, err)
	}
	caseID := cases[0].ID
	lines := keywordLines(t)

	var reports []KeywordProgress
	one, err := a.CountQueries(ctx, lines, KeywordOptions{CaseID: caseID, Workers: 1}, func(p KeywordProgress) { reports = append(reports, p) })
	if err != nil {
		t.Fatal(err)
	}
	if len(one) != len(lines) {
		t.Fatalf("%d counts for %d lines", len(one), len(lines))
	}
	for i, c := range one {
		if c.Line != lines[i].Line || c.Keyword != lines[i].Text || c.Query != lines[i].Text {
			t.Errorf("count %d is of line %d %q (query %q), want line %d %q", i, c.Line, c.Keyword, c.Query, lines[i].Line, lines[i].Text)
		}
		switch c.Keyword {
		case `"oops`, "-d":
			var se *workbench.SyntaxError
			if !errors.As(c.Err, &se) || c.Total != 0 || c.Kind != nil {
				t.Errorf("line %d %q: err %v, total %d; want a syntax error and no counts", c.Line, c.Keyword, c.Err, c.Total)
			}
			continue
		}
		if c.Err != nil {
			t.Errorf("line %d %q: %v", c.Line, c.Keyword, c.Err)
			continue
		}
		want := search(t, a, workbench.SearchRequest{Query: c.Query, CaseID: caseID, CountOnly: true})
		if c.Total != want.Total || !reflect.DeepEqual(c.Kind, want.Facets.Kind) || !reflect.DeepEqual(c.File, want.Facets.File) {
			t.Errorf("line %d %q: %d %v %v, a search gives %d %v %v", c.Line, c.Keyword, c.Total, c.Kind, c.File, want.Total, want.Facets.Kind, want.Facets.File)
		}
		if c.Keyword == "赌博" && (c.Total == 0 || c.File["incidents.csv"] == 0) {
			t.Errorf("赌博: %d hits, by file %v: the demo has gambling incidents", c.Total, c.File)
		}
	}
	if len(reports) < 2 || reports[len(reports)-1] != (KeywordProgress{Done: len(lines), Total: len(lines)}) {
		t.Errorf("progress %v, want it to end at %d of %d", reports, len(lines), len(lines))
	}
	for i := 1; i < len(reports); i++ {
		if reports[i].Done < reports[i-1].Done {
			t.Errorf("progress went back: %v", reports)
		}
	}

	// Two workers count the same.
	two, err := a.CountQueries(ctx, lines, KeywordOptions{CaseID: caseID, Workers: 2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range one {
		if one[i].Total != two[i].Total || !reflect.DeepEqual(one[i].File, two[i].File) || (one[i].Err == nil) != (two[i].Err == nil) {
			t.Errorf("line %d: one worker %d %v, two %d %v", one[i].Line, one[i].Total, one[i].Err, two[i].Total, two[i].Err)
		}
	}

	// --kind narrows every line.
	inc, err := a.CountQueries(ctx, lines, KeywordOptions{Kind: "annotation_rule"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range inc {
		if c.Err == nil && len(c.Kind) > 0 && (len(c.Kind) != 1 || c.Kind["annotation_rule"] != c.Total) {
			t.Errorf("line %d with --kind annotation_rule: %d, by kind %v", c.Line, c.Total, c.Kind)
		}
	}
}

func TestCountQueriesLiteral(t *testing.T) {
	a := searchApp(t)
	ctx := context.Background()
	lines := []KeywordLine{{1, "-d"}, {2, `"oops`}, {3, "赌博推广:"}, {4, "违法内容 OR 色情"}, {5, `""`}, {6, "kind:incident"}}
	counts, err := a.CountQueries(ctx, lines, KeywordOptions{Literal: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{1: `"-d"`, 2: `"oops"`, 3: `"赌博推广:"`, 4: `"违法内容 OR 色情"`, 5: `""`, 6: `"kind:incident"`}
	for _, c := range counts {
		if c.Query != want[c.Line] {
			t.Errorf("line %d %q searched as %q, want %q", c.Line, c.Keyword, c.Query, want[c.Line])
		}
		if (c.Err != nil) != (c.Line == 5) {
			t.Errorf("line %d %q: err %v", c.Line, c.Keyword, c.Err)
		}
	}
	// The colon is punctuation: 赌博推广: finds what 赌博推广 finds.
	if plain := search(t, a, workbench.SearchRequest{Query: "赌博推广", CountOnly: true}); counts[2].Total != plain.Total || plain.Total == 0 {
		t.Errorf("赌博推广: literally %d, as a word %d", counts[2].Total, plain.Total)
	}
	// a OR b as written is the words in a row, which the demo lacks.
	if counts[3].Total != 0 {
		t.Errorf("违法内容 OR 色情 as a phrase: %d hits", counts[3].Total)
	}
}

func TestCountQueriesStops(t *testing.T) {
	a := searchApp(t)
	lines := make([]KeywordLine, 500)
	for i := range lines {
		lines[i] = KeywordLine{Line: i + 1, Text: "赌博 " + strings.Repeat("个", i%7+1)}
	}
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	_, err := a.CountQueries(ctx, lines, KeywordOptions{Workers: 2}, func(KeywordProgress) {
		calls++
		cancel()
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled count: %v", err)
	}
	if calls != 1 {
		t.Errorf("%d progress reports after the cancel", calls-1)
	}
	if _, err := a.CountQueries(context.Background(), lines[:1], KeywordOptions{CaseID: 99}, nil); ErrorCode(err) != workbench.CodeNotFound {
		t.Errorf("unknown case: %v", err)
	}
	if _, err := a.CountQueries(context.Background(), lines[:1], KeywordOptions{Kind: "nonsense"}, nil); err == nil {
		t.Error("unknown kind counted")
	}
}

func TestWriteKeywordBook(t *testing.T) {
	a := searchApp(t)
	ctx := context.Background()
	lines := keywordLines(t)
	counts, err := a.CountQueries(ctx, lines, KeywordOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		lang, sheet, summary, line, hits, kind, file, errHead string
	}{
		{workbench.ExportLangZh, "关键词命中", "概要", "行号", "命中数", "类型：事件与处置记录", "文件：incidents.csv", "错误"},
		{workbench.ExportLangEn, "Keyword hits", "Summary", "Line", "Hits", "Kind: Incidents and handling", "File: incidents.csv", "Error"},
		{workbench.ExportLangBoth, "Keyword hits", "Summary", "行号 / Line", "命中数 / Hits", "类型：事件与处置记录 / Kind: Incidents and handling", "文件：incidents.csv / File: incidents.csv", "错误 / Error"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "counts.xlsx")
			err := WriteKeywordBook(path, KeywordBook{Lang: tc.lang, Source: "keywords.txt", List: KeywordList{Format: "text"}, Counts: counts,
				ErrorText: func(err error) string { return "ERR " + err.Error() }, GeneratedAt: at})
			if err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{tc.sheet, tc.summary}) {
				t.Fatalf("sheets %q", got)
			}
			rows, err := f.GetRows(tc.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(counts)+1 {
				t.Fatalf("%d rows for %d lines", len(rows), len(counts))
			}
			head := rows[0]
			col := func(name string) int {
				for i, h := range head {
					if h == name {
						return i
					}
				}
				t.Fatalf("no column %q in %q", name, head)
				return -1
			}
			cLine, cHits, cKind, cFile, cErr := col(tc.line), col(tc.hits), col(tc.kind), col(tc.file), col(tc.errHead)
			cell := func(r []string, c int) string {
				if c < len(r) {
					return r[c]
				}
				return ""
			}
			for i, c := range counts {
				r := rows[i+1]
				if cell(r, cLine) != itoa(c.Line) || strings.TrimPrefix(cell(r, 1), "'") != c.Keyword {
					t.Errorf("row %d: line %q keyword %q, want %d %q", i+2, cell(r, cLine), cell(r, 1), c.Line, c.Keyword)
				}
				if c.Err != nil {
					if cell(r, cHits) != "" || !strings.HasPrefix(cell(r, cErr), "ERR ") {
						t.Errorf("row %d (error line): hits %q, error %q", i+2, cell(r, cHits), cell(r, cErr))
					}
					continue
				}
				// Counts read back as numbers, shown with thousands separators.
				n, _ := f.GetCellValue(tc.sheet, cellName(cHits, i+2), excelize.Options{RawCellValue: true})
				k, _ := f.GetCellValue(tc.sheet, cellName(cKind, i+2), excelize.Options{RawCellValue: true})
				fl, _ := f.GetCellValue(tc.sheet, cellName(cFile, i+2), excelize.Options{RawCellValue: true})
				if n != itoa(c.Total) || k != itoa(c.Kind["incident"]) || fl != itoa(c.File["incidents.csv"]) || cell(r, cErr) != "" {
					t.Errorf("row %d %q: hits %s kind %s file %s, want %d %d %d", i+2, c.Keyword, n, k, fl, c.Total, c.Kind["incident"], c.File["incidents.csv"])
				}
			}
			// A keyword that looks like a formula is quoted.
			for i, c := range counts {
				if c.Keyword == "-d" && cell(rows[i+1], 1) != "'-d" {
					t.Errorf("-d written as %q", cell(rows[i+1], 1))
				}
			}
			panes, err := f.GetPanes(tc.sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 1 {
				t.Errorf("panes %+v %v: header not frozen", panes, err)
			}
			layout, err := f.GetPageLayout(tc.sheet)
			if err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" || layout.Size == nil || *layout.Size != 9 {
				t.Errorf("page layout %+v %v: want A4 landscape", layout, err)
			}
			filters := f.GetDefinedName()
			found := false
			for _, d := range filters {
				if d.Name == "_xlnm._FilterDatabase" && d.Scope == tc.sheet {
					found = true
				}
			}
			if !found {
				t.Errorf("no autofilter on %s: %+v", tc.sheet, filters)
			}
			sum, err := f.GetRows(tc.summary)
			if err != nil {
				t.Fatal(err)
			}
			text := ""
			for _, r := range sum {
				text += strings.Join(r, "\t") + "\n"
			}
			if !strings.Contains(text, "keywords.txt") || !strings.Contains(text, "2025-03-01 09:30:00") || !strings.Contains(text, "\t"+itoa(len(counts))+"\n") {
				t.Errorf("summary:\n%s", text)
			}
		})
	}
	if err := WriteKeywordBook(filepath.Join(t.TempDir(), "counts.csv"), KeywordBook{Counts: counts}); err == nil {
		t.Error("a workbook named .csv was written")
	}
	if err := WriteKeywordBook(filepath.Join(t.TempDir(), "missing", "counts.xlsx"), KeywordBook{Counts: counts}); err == nil {
		t.Error("a workbook was written into a missing folder")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func cellName(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		panic(err)
	}
	return name
}
