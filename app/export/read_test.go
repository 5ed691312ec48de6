package export

import (
	"archive/zip"
	"context"
	"flag"
	"github.com/inspection-workbench/workbench"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

var updateFixtures = flag.Bool("update", false, "regenerate testdata/ with LibreOffice")

// edit opens the workbook at path, applies fn and saves it as a new file.
func edit(t testing.TB, path string, fn func(f *excelize.File)) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	fn(f)
	out := filepath.Join(t.TempDir(), "edited.xlsx")
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	return out
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func rowFor(t testing.TB, cs *ChecklistSheet, item string) ChecklistRow {
	t.Helper()
	for _, r := range cs.Rows {
		if r.Item == item {
			return r
		}
	}
	t.Fatalf("no row for %s in %+v", item, cs.Rows)
	return ChecklistRow{}
}

func TestReadChecklistRoundTrip(t *testing.T) {
	for _, lang := range []string{workbench.ExportLangZh, workbench.ExportLangEn, workbench.ExportLangBoth} {
		for _, pi := range []bool{false, true} {
			d := sampleData(lang)
			d.IncludePersonalInfo = pi
			d.Items[0].Version = "2026-11-24T10:00:00.123Z"
			cs, err := ReadChecklist(writeSample(t, d))
			if err != nil {
				t.Fatal(err)
			}
			if cs.Masked == nil || *cs.Masked == pi || cs.Versions[d.Items[0].ID] != d.Items[0].Version || len(cs.Versions) != len(d.Items) {
				t.Errorf("%s pi=%v: baseline masked %v, versions %v", lang, pi, cs.Masked, cs.Versions)
			}
			if cs.Sheet != SheetName(SheetChecklist, lang) || len(cs.Errors) != 0 || len(cs.Rows) != len(d.Items) {
				t.Fatalf("%s: sheet %q, %d rows, errors %v", lang, cs.Sheet, len(cs.Rows), cs.Errors)
			}
			if d.Case.ID == 0 || cs.CaseID != d.Case.ID {
				t.Errorf("%s: the workbook names case %d, want %d", lang, cs.CaseID, d.Case.ID)
			}
			for i, it := range d.Items {
				r := cs.Rows[i]
				note, finding := it.Note, it.Finding
				if !pi {
					note, finding = MaskPersonalInfo(note), MaskPersonalInfo(finding)
					if !IsMaskedOf(r.Note, it.Note) {
						t.Errorf("%s: masked note of %s not recognised", lang, it.ID)
					}
				}
				if r.Item != it.ID || r.Row != i+2 || r.Result != it.Result || r.Severity != it.Severity ||
					r.Note != note || r.Finding != finding || r.Deadline != it.Deadline {
					t.Errorf("%s pi=%v: row %+v,\nwant %+v", lang, pi, r, it)
				}
				if r.Cells[FieldResult] != "E"+itoa10(i+2) || r.Cells[FieldDeadline] != "I"+itoa10(i+2) {
					t.Errorf("%s: cells %v", lang, r.Cells)
				}
			}
		}
	}
}

func itoa10(n int) string {
	s, _ := excelize.CoordinatesToCellName(1, n)
	return s[1:]
}

func TestReadChecklistEdited(t *testing.T) {
	path := writeSample(t, sampleData(workbench.ExportLangEn))
	edited := edit(t, path, func(f *excelize.File) {
		const s = "Checklist"
		must(t, f.SetCellStr(s, "E7", " 部分合规 ")) // a Chinese label in an English workbook
		must(t, f.SetCellStr(s, "F7", "CRITICAL"))
		must(t, f.SetCellStr(s, "G2", "auditor: checked again\nsecond line"))
		must(t, f.SetCellValue(s, "I2", time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)))
		st, err := f.GetCellStyle(s, "I3")
		must(t, err)
		must(t, f.SetCellStyle(s, "I2", "I2", st))
		must(t, f.SetCellStr(s, "I3", "")) // deadline cleared
		must(t, f.SetCellStr(s, "F4", "")) // severity cleared
		// The auditor inserts a column before Result, with a comment.
		must(t, f.InsertCols(s, "E", 1))
		must(t, f.SetCellStr(s, "E1", "Auditor comment"))
		must(t, f.SetCellStr(s, "E3", "see page 4"))
		// and a blank row and a title row at the top.
		must(t, f.InsertRows(s, 1, 2))
		must(t, f.SetCellStr(s, "A1", "Reviewed by the audit office"))
	})
	cs, err := ReadChecklist(edited)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs.Errors) != 0 || len(cs.Rows) != 6 {
		t.Fatalf("%d rows, errors %v", len(cs.Rows), cs.Errors)
	}
	r := rowFor(t, cs, "art15-complaints")
	if r.Result != "partially_compliant" || r.Severity != "critical" || r.Row != 9 ||
		r.Cells[FieldResult] != "F9" || r.Cells[FieldSeverity] != "G9" || r.Cells[FieldItem] != "A9" {
		t.Errorf("art15: %+v", r)
	}
	r = rowFor(t, cs, "art7-1-sources")
	if r.Note != "auditor: checked again\nsecond line" || r.Deadline != "2025-09-30" || r.Result != "compliant" {
		t.Errorf("art7-1: %+v", r)
	}
	r = rowFor(t, cs, "art7-3-pi-consent")
	if r.Deadline != "" || r.Note != MaskPersonalInfo(sampleData(workbench.ExportLangEn).Items[1].Note) {
		t.Errorf("art7-3: %+v", r)
	}
	if r := rowFor(t, cs, "art10-incidents"); r.Severity != "" || r.Note != formulaNote {
		t.Errorf("art10: %+v", r)
	}
}

func TestReadChecklistInvalidValues(t *testing.T) {
	path := writeSample(t, sampleData(workbench.ExportLangZh))
	edited := edit(t, path, func(f *excelize.File) {
		const s = "检查清单"
		must(t, f.SetCellStr(s, "E2", "maybe"))
		must(t, f.SetCellStr(s, "F3", "urgent"))
		must(t, f.SetCellStr(s, "I3", "2025/7/1"))   // fine
		must(t, f.SetCellStr(s, "I4", "next week"))  // not a date
		must(t, f.SetCellStr(s, "I5", "2027-02-30")) // a day that does not exist
		must(t, f.SetCellFormula(s, "G5", "1+1"))
		must(t, f.SetCellValue(s, "I6", 7))     // a plain number is no deadline
		must(t, f.SetCellValue(s, "I7", 45900)) // … a date serial is
		must(t, f.SetCellStr(s, "E6", ""))      // result emptied
		must(t, f.SetCellStr(s, "G9", "orphan note"))
		must(t, f.SetCellStr(s, "A10", "art12-labels"))
		must(t, f.SetCellStr(s, "E10", "合规"))
		must(t, f.SetCellStr(s, "A11", "art99-new"))
		must(t, f.SetCellStr(s, "E11", "需补充材料"))
		must(t, f.SetCellStr(s, "I11", "2025年12月1日"))
	})
	cs, err := ReadChecklist(edited)
	if err != nil {
		t.Fatal(err)
	}
	type e struct{ cell, item, problem string }
	want := []e{
		{"E2", "art7-1-sources", `result "maybe" is not one of 未评估 / Not assessed (not_assessed), 合规 / Compliant (compliant)`},
		{"F3", "art7-3-pi-consent", `severity "urgent" is not one of 低 / Low (low)`},
		{"I4", "art10-incidents", `deadline "next week" is not a date (YYYY-MM-DD)`},
		{"G5", "art12-labels", "the note cell holds a formula (=1+1); type the value itself"},
		{"I5", "art12-labels", "deadline 2027-02-30 does not exist"},
		{"E6", "art17-filing", "result is empty; use one of"},
		{"I6", "art17-filing", `deadline "7" is not a date`},
		{"A9", "", "no item id in a row that has values"},
		{"A10", "art12-labels", "item art12-labels appears again (first in A5)"},
	}
	if len(cs.Errors) != len(want) {
		t.Fatalf("errors:\n%v", strings.ReplaceAll(fmtErrors(cs.Errors), "; ", "\n"))
	}
	for i, w := range want {
		got := cs.Errors[i]
		if got.Cell != w.cell || got.Item != w.item || !strings.Contains(got.Problem, w.problem) {
			t.Errorf("error %d: %+v, want %+v", i, got, w)
		}
	}
	if got := cs.Errors[0].Error(); !strings.HasPrefix(got, `E2 (art7-1-sources): result "maybe"`) {
		t.Errorf("Error() = %q", got)
	}
	if r := rowFor(t, cs, "art7-3-pi-consent"); r.Deadline != "2025-07-01" || r.Severity != "" {
		t.Errorf("art7-3: %+v", r)
	}
	if r := rowFor(t, cs, "art15-complaints"); r.Deadline != "2025-08-31" {
		t.Errorf("serial 45900: %+v", r)
	}
	if r := rowFor(t, cs, "art99-new"); r.Result != "info_requested" || r.Deadline != "2025-12-01" || r.Row != 11 {
		t.Errorf("new item row: %+v", r)
	}
}

func fmtErrors(errs []CellError) string {
	var s []string
	for _, e := range errs {
		s = append(s, e.Error())
	}
	return strings.Join(s, "; ")
}

func TestReadChecklistMalformed(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		must(t, os.WriteFile(p, b, 0o600))
		return p
	}
	expect := func(path string, wants ...string) {
		t.Helper()
		_, err := ReadChecklist(path)
		if err == nil {
			t.Fatalf("%s: no error", path)
		}
		for _, w := range append(wants, path) {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q lacks %q", filepath.Base(path), err, w)
			}
		}
	}

	expect(write("text.xlsx", []byte("id,result\nart7,compliant\n")), "not an Excel workbook")
	expect(filepath.Join(dir, "missing.xlsx"), "no such file")

	// A workbook without a Checklist sheet.
	f := excelize.NewFile()
	_, err := f.NewSheet("Findings")
	must(t, err)
	other := filepath.Join(dir, "other.xlsx")
	must(t, f.SaveAs(other))
	_ = f.Close()
	expect(other, `no checklist sheet: looked for a sheet named "检查清单" or "Checklist"`, `"Sheet1", "Findings"`)

	// Missing columns.
	path := writeSample(t, sampleData(workbench.ExportLangBoth))

	// A renamed Checklist sheet is found by its columns.
	renamed := edit(t, path, func(f *excelize.File) { must(t, f.SetSheetName("Checklist", "审计后 Checklist v2")) })
	if cs, err := ReadChecklist(renamed); err != nil || cs.Sheet != "审计后 Checklist v2" || len(cs.Rows) == 0 {
		t.Errorf("renamed sheet: %v", err)
	}
	expect(edit(t, path, func(f *excelize.File) {
		must(t, f.RemoveCol("Checklist", "H")) // finding
		must(t, f.RemoveCol("Checklist", "F")) // severity
	}), "header row 1 lacks columns: severity (严重程度 / Severity), finding (问题描述 / Finding)")
	expect(edit(t, path, func(f *excelize.File) {
		must(t, f.SetCellStr("Checklist", "E1", "Outcome"))
	}), "no header row naming the item id (编号 / Item ID) and result (结果 / Result) columns")
	expect(edit(t, path, func(f *excelize.File) {
		must(t, f.SetCellStr("Checklist", "K1", "Result"))
	}), "row 1 has two result columns, E1 and K1")

	// Too large, and zip bombs.
	big := filepath.Join(dir, "big.xlsx")
	fh, err := os.Create(big)
	must(t, err)
	must(t, fh.Truncate(MaxChecklistFileSize+1))
	must(t, fh.Close())
	expect(big, "more than the 100 MB")
	expect(bomb(t, dir, "bomb1.xlsx", 2<<30, 1<<20), "would unpack to more than 1024 MB")
	expect(bomb(t, dir, "bomb2.xlsx", 200<<20, 1000), "would unpack to")
}

// bomb writes a zip whose one part claims to unpack to size bytes from
// stored bytes.
func bomb(t testing.TB, dir, name string, size uint64, stored int) string {
	p := filepath.Join(dir, name)
	fh, err := os.Create(p)
	must(t, err)
	z := zip.NewWriter(fh)
	data := make([]byte, stored)
	w, err := z.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CompressedSize64: uint64(stored), UncompressedSize64: size, CRC32: crc32.ChecksumIEEE(data)})
	must(t, err)
	_, err = w.Write(data)
	must(t, err)
	must(t, z.Close())
	must(t, fh.Close())
	return p
}

// libreOfficeFixture is an export, edited and then re-saved by LibreOffice
// (shared strings, its own styles): testdata/checklist-libreoffice.xlsx.
const libreOfficeFixture = "testdata/checklist-libreoffice.xlsx"

// makeLibreOfficeInput is what the fixture was made from: a Chinese export
// with personal information masked, where an auditor set art15-complaints
// to "Compliant" (the English label) with a real-date deadline and typed a
// formula into the notes of art17-filing.
func makeLibreOfficeInput(t testing.TB) string {
	return edit(t, writeSample(t, sampleData(workbench.ExportLangZh)), func(f *excelize.File) {
		const s = "检查清单"
		must(t, f.SetCellStr(s, "E7", "Compliant"))
		must(t, f.SetCellValue(s, "I7", time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)))
		st, err := f.GetCellStyle(s, "I3")
		must(t, err)
		must(t, f.SetCellStyle(s, "I7", "I7", st))
		must(t, f.SetCellFormula(s, "G6", "1+1"))
	})
}

// resave has LibreOffice re-save an xlsx into dir.
func resave(t testing.TB, in, dir string) string {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	profile := "file://" + filepath.ToSlash(t.TempDir())
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation="+profile, "--headless", "--calc",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))+".xlsx")
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("soffice wrote no %s: %v", out, err)
	}
	return out
}

func checkLibreOffice(t *testing.T, path string) {
	t.Helper()
	ps := parts(t, path)
	if _, ok := ps["xl/sharedStrings.xml"]; !ok {
		t.Errorf("%s has no shared strings: not re-saved by LibreOffice?", path)
	}
	cs, err := ReadChecklist(path)
	if err != nil {
		t.Fatal(err)
	}
	if cs.Sheet != "检查清单" || len(cs.Rows) != 6 {
		t.Fatalf("sheet %q, %d rows", cs.Sheet, len(cs.Rows))
	}
	if len(cs.Errors) != 1 || cs.Errors[0].Cell != "G6" || cs.Errors[0].Item != "art17-filing" ||
		!strings.Contains(cs.Errors[0].Problem, "formula") {
		t.Errorf("errors %v, want the formula in G6", cs.Errors)
	}
	d := sampleData(workbench.ExportLangZh)
	for i, it := range d.Items {
		r := cs.Rows[i]
		want := ChecklistRow{Item: it.ID, Result: it.Result, Severity: it.Severity, Note: MaskPersonalInfo(it.Note),
			Finding: MaskPersonalInfo(it.Finding), Deadline: it.Deadline}
		switch it.ID {
		case "art15-complaints":
			want.Result, want.Deadline = "compliant", "2025-12-31"
		case "art17-filing":
			want.Note = ""
		}
		if r.Item != want.Item || r.Result != want.Result || r.Severity != want.Severity || r.Note != want.Note ||
			r.Finding != want.Finding || r.Deadline != want.Deadline {
			t.Errorf("row %+v,\nwant %+v", r, want)
		}
	}
}

func TestReadChecklistLibreOfficeFixture(t *testing.T) {
	if *updateFixtures {
		in := makeLibreOfficeInput(t)
		out := resave(t, in, t.TempDir())
		b, err := os.ReadFile(out)
		must(t, err)
		must(t, os.MkdirAll("testdata", 0o755))
		must(t, os.WriteFile(libreOfficeFixture, b, 0o644))
	}
	if _, err := os.Stat(libreOfficeFixture); err != nil {
		t.Skipf("no fixture: %v (go test -run LibreOffice -update)", err)
	}
	checkLibreOffice(t, libreOfficeFixture)
}

func TestReadChecklistLibreOfficeLive(t *testing.T) {
	if testing.Short() {
		t.Skip("runs LibreOffice")
	}
	checkLibreOffice(t, resave(t, makeLibreOfficeInput(t), t.TempDir()))
}

func TestIsDateFormat(t *testing.T) {
	for code, want := range map[string]bool{
		"yyyy-mm-dd": true, "yyyy/m/d;@": true, `[$-F800]dddd, mmmm dd, yyyy`: true, "m/d/yy h:mm": true,
		"0.00": false, `"day"0`: false, "[Red]0": false, "h:mm": false, "General": false, `\d0`: false,
	} {
		if isDateFormat(code) != want {
			t.Errorf("isDateFormat(%q) = %v", code, !want)
		}
	}
}

func TestHeaderField(t *testing.T) {
	for h, want := range map[string]string{
		"编号": FieldItem, "Item ID": FieldItem, "编号 / Item ID": FieldItem, "编号\nItem ID": FieldItem, " item id ": FieldItem,
		"结果 / Result": FieldResult, "RESULT": FieldResult, "Notes": FieldNote, "备注": FieldNote,
		"整改期限": FieldDeadline, "Deadline": FieldDeadline, "问题描述 / Finding": FieldFinding,
		"Title": "", "Result / Notes": "", "": "",
	} {
		if got := headerField(h); got != want {
			t.Errorf("headerField(%q) = %q, want %q", h, got, want)
		}
	}
	if !slices.Contains(checklistNames, "检查清单") {
		t.Error("checklist names")
	}
}
