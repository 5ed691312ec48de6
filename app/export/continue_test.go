package export

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/inspection-workbench/workbench"
)

func TestMaxRowLines(t *testing.T) {
	if maxRowLines*lineHeight+rowPadding > maxRowHeight || (maxRowLines+1)*lineHeight+rowPadding <= maxRowHeight {
		t.Errorf("%d lines are %v points high, the highest row %v", maxRowLines, maxRowLines*lineHeight+rowPadding, maxRowHeight)
	}
}

func TestLineStarts(t *testing.T) {
	for _, c := range []struct {
		s    string
		w    float64
		want []int
	}{
		{"", 10, []int{0}},
		{"abc", 10, []int{0}},
		{"aaaa bbbb cccc", 10, []int{0, 10}},            // 9 columns of room: "cccc" moves on
		{"一二三四五", 7, []int{0, 9}},                       // three wide characters a line
		{"ab\ncd\n", 10, []int{0, 3, 6}},                // a final line break ends in an empty line
		{strings.Repeat("x", 25), 11, []int{0, 10, 20}}, // a long word breaks between characters
		{"ab " + strings.Repeat("x", 12), 11, []int{0, 3, 13}},
		{"数据-来源", 4, []int{0, 3, 7, 10}}, // breaks after a hyphen
	} {
		got := lineStarts(c.s, c.w)
		if !slices.Equal(got, c.want) {
			t.Errorf("lineStarts(%q, %v) = %v, want %v", c.s, c.w, got, c.want)
		}
		if n := wrappedLines(c.s, c.w); n != len(c.want) {
			t.Errorf("wrappedLines(%q, %v) = %d, want %d", c.s, c.w, n, len(c.want))
		}
	}
}

// longTexts are texts too long for one row in any column: Chinese,
// English, both, paragraphs, blank lines, a word longer than a line and
// lines that would read as formulas.
func longTexts() map[string]string {
	var mixed, para strings.Builder
	for i := range 80 {
		fmt.Fprintf(&mixed, "第%d段：检查人员现场核查了数据来源台账，发现部分开源语料缺少授权文件。Paragraph %d: the inspector checked the register. ", i, i)
		fmt.Fprintf(&para, "-%d 整改要求：补充授权文件。\n=Item %d: supply the licence.\n\n", i, i)
	}
	return map[string]string{
		"zh":      strings.Repeat("检查人员现场核查了数据来源台账，发现部分开源语料缺少授权文件，", 150),
		"en":      strings.Repeat("The inspector checked the source register on site and found licences missing. ", 60),
		"mixed":   mixed.String(),
		"lines":   para.String(),
		"word":    "见 " + strings.Repeat("0123456789abcdef", 200) + " 结束",
		"newline": strings.Repeat("一行\n", 200),
	}
}

func TestSplitText(t *testing.T) {
	for name, s := range longTexts() {
		for _, w := range []float64{minWrapWidth, 23, maxColWidth} {
			pieces := splitText(s, w, maxRowLines)
			if len(pieces) < 2 {
				t.Errorf("%s in %v columns: %d piece(s)", name, w, len(pieces))
			}
			if got := strings.Join(pieces, ""); got != s {
				t.Errorf("%s in %v columns: the pieces joined differ from the text", name, w)
			}
			for i, p := range pieces {
				if p == "" {
					t.Errorf("%s in %v columns: piece %d is empty", name, w, i)
				}
				if n := wrappedLines(escapeCell(p), w); n > maxRowLines {
					t.Errorf("%s in %v columns: piece %d takes %d lines: %q", name, w, i, n, p)
				}
				// Every piece but the last fills its row but for a line or
				// two: the text is not cut into more rows than it needs.
				if n := wrappedLines(p, w); i < len(pieces)-1 && n < maxRowLines-3 {
					t.Errorf("%s in %v columns: piece %d takes only %d lines", name, w, i, n)
				}
			}
		}
	}
	if p := splitText("短文本", 20, maxRowLines); !slices.Equal(p, []string{"短文本"}) {
		t.Errorf("a short text is cut: %q", p)
	}
}

// longData is the sample with texts too long for one row: a finding in
// Chinese and English with a mobile number, an English note, a quote and
// a requirement.
func longData(lang string) *Data {
	d := sampleData(lang)
	texts := longTexts()
	d.Items[1].Finding = texts["mixed"] + "联系人手机" + piPhone + "。" + texts["zh"]
	d.Items[2].Note = texts["en"]
	d.Items[0].Requirement = workbench.Text{Zh: texts["zh"][:3*900], En: texts["en"][:3000]}
	ev := []Evidence{
		{Item: "art7-1-sources", Ref: "DS-0001", Target: "rec-1", File: "sources.xlsx", Kind: "data_source",
			SHA256: sampleSHA, Location: "Sheet1 row 2", Quote: texts["lines"] + texts["mixed"], AddedAt: time.Date(2025, 3, 5, 10, 0, 0, 0, cst)},
		{Item: "art10-incidents", Ref: "INC-0042", Target: "rec-42", File: "incidents.csv", Kind: "incident",
			SHA256: sampleSHA, Location: "line 43", Quote: "短引文", AddedAt: time.Date(2025, 3, 6, 9, 0, 0, 0, cst)},
	}
	d.Evidence = seq(ev)
	return d
}

// sheetRows reads a sheet's rows with their heights and the widths of its
// columns.
func sheetRows(t *testing.T, f *excelize.File, sheet string) (rows [][]string, heights, widths []float64) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r := range rows {
		h, err := f.GetRowHeight(sheet, r+1)
		if err != nil {
			t.Fatal(err)
		}
		heights = append(heights, h)
	}
	for c := range rows[0] {
		w, err := f.GetColWidth(sheet, colName(c+1))
		if err != nil {
			t.Fatal(err)
		}
		widths = append(widths, w)
	}
	return rows, heights, widths
}

// column is column c of rows, "" where a row is shorter.
func columnOf(rows [][]string, c int) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		if c < len(r) {
			out[i] = r[c]
		}
	}
	return out
}

// TestLongTextContinues writes texts far too long for one row and checks
// that every character is in the workbook, on rows no higher than Excel
// allows and as high as their wrapped text, with the continuation rows
// marked and holding what filters need, and that ReadChecklist joins the
// notes and findings again.
func TestLongTextContinues(t *testing.T) {
	for _, lang := range []string{workbench.ExportLangZh, workbench.ExportLangEn, workbench.ExportLangBoth} {
		t.Run(lang, func(t *testing.T) {
			d := longData(lang)
			path := writeSample(t, d)
			f := open(t, path)
			mark := short(continued, lang)
			for _, sheet := range []int{SheetChecklist, SheetFindings, SheetEvidence} {
				name := SheetName(sheet, lang)
				rows, heights, widths := sheetRows(t, f, name)
				for r, row := range rows {
					need := 1
					for c, v := range row {
						if n := wrappedLines(v, widths[c]); n > maxRowLines {
							t.Errorf("%s row %d column %d: %d lines, more than a row holds", name, r+1, c+1, n)
						} else if v != "" && (r == 0 || !slices.Contains([]kind{kindText, kindDate, kindDateTime, kindInt}, kindOf(sheet, c))) {
							need = max(need, n)
						}
					}
					if heights[r] > maxRowHeight {
						t.Errorf("%s row %d: %v points high", name, r+1, heights[r])
					}
					if want := float64(need)*lineHeight + rowPadding; need > 1 && heights[r] < want {
						t.Errorf("%s row %d: %v points high, its text needs %d lines (%v points)", name, r+1, heights[r], need, want)
					}
				}
			}

			// The Checklist: the finding and note, whole, in order, over
			// the item's row and the continuation rows below it.
			rows, _, _ := sheetRows(t, f, SheetName(SheetChecklist, lang))
			for _, c := range []struct {
				item  int
				col   int
				want  string
				field string
			}{
				{1, 7, MaskPersonalInfo(d.Items[1].Finding), "finding"},
				{2, 6, d.Items[2].Note, "note"},
				{0, 3, long(d.Items[0].Requirement, lang), "requirement"},
			} {
				it := d.Items[c.item]
				var got strings.Builder
				n := 0
				for r, row := range rows {
					switch {
					case row[0] == it.ID:
						got.WriteString(unescapeCell(row[c.col]))
					case row[0] == it.ID+"\n"+mark:
						if rows[r-1][0] != it.ID && rows[r-1][0] != row[0] {
							t.Errorf("row %d continues %s but follows %q", r+1, it.ID, rows[r-1][0])
						}
						got.WriteString(unescapeCell(columnOf(rows, c.col)[r]))
						n++
						// What filters and sorts use is repeated; counts are not.
						if col := func(c int) []string { return columnOf(rows, c) }; row[4] == "" || col(4)[r] != col(4)[r-1] ||
							col(5)[r] != col(5)[r-1] || col(8)[r] != col(8)[r-1] {
							t.Errorf("continuation row %d: result, severity, deadline %q, want those of the row above", r+1, row)
						}
						if v := columnOf(rows, 9)[r]; v != "" {
							t.Errorf("continuation row %d repeats the evidence count %q", r+1, v)
						}
					}
				}
				if got.String() != c.want {
					t.Errorf("%s %s: the rows hold %d characters, want %d", it.ID, c.field, len([]rune(got.String())), len([]rune(c.want)))
				}
				if n == 0 {
					t.Errorf("%s %s: no continuation rows", it.ID, c.field)
				}
			}
			if strings.Contains(allText(t, f), piPhone) {
				t.Error("the mobile number in the long finding is not masked")
			}

			// The Evidence sheet: the long quote whole, the short one on one row.
			ev, _, _ := sheetRows(t, f, SheetName(SheetEvidence, lang))
			var quote strings.Builder
			for _, row := range ev[1:] {
				if row[0] == "art7-1-sources" || row[0] == "art7-1-sources\n"+mark {
					quote.WriteString(unescapeCell(row[7]))
					if row[1] != "DS-0001" || row[3] != "sources.xlsx" {
						t.Errorf("evidence row %q: reference and file not repeated", row)
					}
				}
			}
			texts := longTexts()
			if quote.String() != texts["lines"]+texts["mixed"] {
				t.Errorf("the quote over the rows has %d characters, want %d", len([]rune(quote.String())), len([]rune(texts["lines"]+texts["mixed"])))
			}
			if last := ev[len(ev)-1]; last[0] != "art10-incidents" || last[7] != "短引文" {
				t.Errorf("last evidence row %q", last)
			}
			if v := summaryValues(t, f, SheetName(SheetSummary, lang)); v[short(sumEvidence, lang)] != "2" {
				t.Errorf("the summary counts %v evidence links, want 2 (not rows)", v)
			}

			// Read back: one row per item, the texts joined.
			cs, err := ReadChecklist(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(cs.Errors) > 0 || len(cs.Rows) != len(d.Items) {
				t.Fatalf("%d rows, errors %v", len(cs.Rows), cs.Errors)
			}
			for i, it := range d.Items {
				if r := cs.Rows[i]; r.Item != it.ID || r.Finding != MaskPersonalInfo(it.Finding) || r.Note != MaskPersonalInfo(it.Note) ||
					r.Result != it.Result || r.Severity != it.Severity || r.Deadline != it.Deadline {
					t.Errorf("row %d: %s result %s, %d and %d characters of note and finding", i, r.Item, r.Result, len(r.Note), len(r.Finding))
				}
			}
		})
	}
}

// kindOf is the kind of column c of a sheet's table.
func kindOf(sheet, c int) kind {
	kinds := map[int][]kind{
		SheetChecklist: {kindText, kindWrap, kindWrap, kindWrap, kindLabel, kindLabel, kindWrap, kindWrap, kindDate, kindInt},
		SheetFindings:  {kindText, kindWrap, kindLabel, kindLabel, kindWrap, kindDate, kindWrap, kindWrap},
		SheetEvidence:  {kindWrap, kindWrap, kindText, kindWrap, kindLabel, kindWrap, kindWrap, kindWrap, kindDateTime, kindLabel},
	}
	return kinds[sheet][c]
}

// TestReadChecklistContinuation reads continuation rows an auditor edited:
// text typed into them continues the item's; a result that differs from
// the item's, or a continuation row moved under another item, is an
// error with its cell.
func TestReadChecklistContinuation(t *testing.T) {
	path := writeSample(t, longData(workbench.ExportLangEn))
	f := open(t, path)
	rows := rows(t, f, "Checklist")
	var conts []int // 1-based rows continuing art7-3-pi-consent
	for r, row := range rows {
		if row[0] == "art7-3-pi-consent\n(cont.)" {
			conts = append(conts, r+1)
		}
	}
	if len(conts) < 2 {
		t.Fatalf("continuation rows %v", conts)
	}
	last := conts[len(conts)-1]
	cell := func(col string, row int) string { return col + strconv.Itoa(row) }
	// Text in a note cell the export left blank continues the note.
	must(t, f.SetCellStr("Checklist", cell("G", last), " Reviewed by the auditor."))
	must(t, f.SaveAs(path))
	cs, err := ReadChecklist(path)
	if err != nil || len(cs.Errors) > 0 {
		t.Fatalf("%v %v", err, cs.Errors)
	}
	if note := cs.Rows[1].Note; note != MaskPersonalInfo(sampleData("en").Items[1].Note)+" Reviewed by the auditor." {
		t.Errorf("note %q", note)
	}
	// Lower case, blank or the same label: fine; another result: an error.
	must(t, f.SetCellStr("Checklist", cell("E", conts[0]), "partially COMPLIANT"))
	must(t, f.SetCellStr("Checklist", cell("F", conts[0]), ""))
	must(t, f.SetCellStr("Checklist", cell("E", last), "Compliant"))
	must(t, f.SetCellStr("Checklist", cell("I", last), "2025-07-01"))
	must(t, f.SaveAs(path))
	cs, err = ReadChecklist(path)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range cs.Errors {
		got = append(got, e.Cell)
		if e.Item != "art7-3-pi-consent" || !strings.Contains(e.Error(), "differs from the item's in") {
			t.Errorf("error %v", e)
		}
	}
	if want := []string{cell("E", last), cell("I", last)}; !slices.Equal(got, want) {
		t.Errorf("errors in %q, want %q: %v", got, want, cs.Errors)
	}
	// A continuation row under another item.
	must(t, f.SetCellStr("Checklist", cell("E", last), ""))
	must(t, f.SetCellStr("Checklist", cell("I", last), ""))
	must(t, f.SetCellStr("Checklist", cell("A", conts[0]), "art12-labels (cont.)"))
	must(t, f.SaveAs(path))
	cs, err = ReadChecklist(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs.Errors) != 1 || cs.Errors[0].Cell != cell("A", conts[0]) || cs.Errors[0].Item != "art12-labels" ||
		!strings.Contains(cs.Errors[0].Problem, "does not follow that item's row") {
		t.Errorf("errors %v", cs.Errors)
	}
}

func TestContinuationOf(t *testing.T) {
	for in, want := range map[string]string{
		"art7-3\n（续）": "art7-3", "art7-3\n(cont.)": "art7-3", "art7-3\n（续） / (cont.)": "art7-3",
		"art7-3 (CONT.)": "art7-3", "（续）": "",
	} {
		if got, ok := continuationOf(in); !ok || got != want {
			t.Errorf("continuationOf(%q) = %q, %v", in, got, ok)
		}
	}
	for _, in := range []string{"art7-3", "art7-3 续", ""} {
		if got, ok := continuationOf(in); ok || got != in {
			t.Errorf("continuationOf(%q) = %q, %v", in, got, ok)
		}
	}
}

// TestPrintPDF prints the workbook with LibreOffice and reads the PDF
// back: every character of the long texts is on the pages, and the
// Checklist and Evidence sheets print at 60 % or more — the height of an
// item id on their pages against its height in a workbook printed at
// 100 %. With WB_PRINT_DIR set the PDFs are kept there, to be looked at
// (pdftoppm -png -r 60).
func TestPrintPDF(t *testing.T) {
	if testing.Short() {
		t.Skip("runs LibreOffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	dir := os.Getenv("WB_PRINT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	langs := []string{workbench.ExportLangZh, workbench.ExportLangEn}
	var files []string
	for _, lang := range langs {
		p := filepath.Join(dir, "long-"+lang+".xlsx")
		must(t, WriteFile(p, longData(lang)))
		files = append(files, p)
	}
	// The calibration: an item id in the default font, on a sheet that
	// prints at 100 %.
	cal := excelize.NewFile()
	x := &writer{f: cal, d: &Data{}, lang: workbench.ExportLangEn}
	must(t, x.pageSetup("Sheet1", 1))
	must(t, cal.SetCellStr("Sheet1", "A1", "art7-1-sources"))
	files = append(files, filepath.Join(dir, "calibration.xlsx"))
	must(t, cal.SaveAs(files[len(files)-1]))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(t.TempDir()),
		"--headless", "--convert-to", "pdf", "--outdir", dir}, files...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := func(xlsx string) string { return strings.TrimSuffix(xlsx, ".xlsx") + ".pdf" }
	full := idHeight(t, pdf(files[len(files)-1]), "")
	if full == 0 {
		t.Fatal("no item id in the calibration's PDF")
	}
	for i, lang := range langs {
		out, err := exec.Command("pdftotext", "-raw", pdf(files[i]), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.FieldsFunc(string(out), unicode.IsSpace), "")
		// Cell by cell, as written (TestLongTextContinues shows that the
		// cells hold every character): pages and other cells come between
		// them.
		f := open(t, files[i])
		cells := 0
		for _, sheet := range []int{SheetChecklist, SheetFindings, SheetEvidence} {
			for r, row := range rows(t, f, SheetName(sheet, lang)) {
				for c, v := range row {
					if len([]rune(v)) < 200 {
						continue
					}
					cells++
					if !strings.Contains(text, strings.Join(strings.FieldsFunc(v, unicode.IsSpace), "")) {
						t.Errorf("%s: the text of %s!%s is not on the pages: %q", lang, SheetName(sheet, lang), cellName(c, r+1), v)
					}
				}
			}
		}
		if cells < 10 {
			t.Errorf("%s: only %d long cells", lang, cells)
		}
		for _, sheet := range []int{SheetChecklist, SheetEvidence} {
			h := idHeight(t, pdf(files[i]), SheetName(sheet, lang))
			if scale := h / full; h == 0 || scale < minPrintScale {
				t.Errorf("%s: sheet %s prints at %.0f %%", lang, SheetName(sheet, lang), scale*100)
			} else {
				t.Logf("%s: sheet %s prints at %.0f %%", lang, SheetName(sheet, lang), scale*100)
			}
		}
	}
}

// idHeight is the height of the word "art7-1-sources" on the first page
// of a PDF whose footer (the bottom 60 points) names sheet ("" for any
// page).
func idHeight(t *testing.T, pdf, sheet string) float64 {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	word := regexp.MustCompile(`<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`)
	for page := range strings.SplitSeq(string(out), "<page ") {
		var h float64
		onSheet := sheet == ""
		for _, m := range word.FindAllStringSubmatch(page, -1) {
			if m[3] == "art7-1-sources" && h == 0 {
				y0, _ := strconv.ParseFloat(m[1], 64)
				y1, _ := strconv.ParseFloat(m[2], 64)
				h = y1 - y0
			}
			if y0, _ := strconv.ParseFloat(m[1], 64); m[3] == sheet && y0 > 595-60 {
				onSheet = true
			}
		}
		if onSheet && h > 0 {
			return h
		}
	}
	return 0
}
