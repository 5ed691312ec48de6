package app

import (
	"context"
	"errors"
	"fmt"
	"github.com/inspection-workbench/workbench"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/inspection-workbench/workbench/app/export"
)

// exportedInspection is the demo inspection with the checks run, two
// proposals accepted and a note holding a mobile number.
func exportedInspection(t *testing.T) (*App, int64) {
	t.Helper()
	a, id := demoInspection(t)
	ctx := context.Background()
	if _, err := a.RunChecks(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := a.AcceptProposals(ctx, id, "art14-1-illegal-content", "art7-3-personal-information"); err != nil {
		t.Fatal(err)
	}
	note := "联系人电话 13800138000，已约谈。"
	if _, err := a.Assess(ctx, AssessInput{CaseID: id, ItemID: "art10-users-minors", Result: "info_requested", Note: &note}); err != nil {
		t.Fatal(err)
	}
	return a, id
}

func TestExportWorkbook(t *testing.T) {
	a, id := exportedInspection(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "case.xlsx")
	if _, err := a.Export(ctx, ExportRequest{CaseID: id, Path: path, Lang: "fr"}); !isField(err, FieldLang) {
		t.Errorf("export in French: %v", err)
	}
	if _, err := a.Export(ctx, ExportRequest{CaseID: id, Path: filepath.Join(t.TempDir(), "case.csv")}); !isField(err, FieldOut) {
		t.Errorf("export to .csv: %v", err)
	}
	if _, err := a.Export(ctx, ExportRequest{CaseID: id, Path: filepath.Join(t.TempDir(), "no", "case.xlsx")}); !isField(err, FieldOut) {
		t.Errorf("export into a missing folder: %v", err)
	}
	rep, err := a.Export(ctx, ExportRequest{CaseID: id, Path: path, Lang: workbench.ExportLangEn})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Items != 32 || rep.Findings != 2 || rep.Evidence != 6 || rep.Submissions != 14 || rep.EvidenceByLabel["trade_secret"] != 6 || rep.Size == 0 {
		t.Errorf("report %+v", rep)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Summary,Checklist,Findings,Evidence,Submissions,Automated checks,_wb_export" {
		t.Errorf("sheets %s", got)
	}
	if vis, _ := f.GetSheetVisible("_wb_export"); vis {
		t.Error("the export's baseline sheet is visible")
	}
	all := func(sheet string) string {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, r := range rows {
			b.WriteString(strings.Join(r, "|") + "\n")
		}
		return b.String()
	}
	summary := all("Summary")
	for _, want := range []string{"星河智算科技有限公司", "91110108MA7XH2TQ5E", "Beijing-XingheChat-20240315", "张明", "art19-measures-2023"} {
		if !strings.Contains(summary, want) {
			t.Errorf("Summary lacks %q", want)
		}
	}
	checklist := all("Checklist")
	if !strings.Contains(checklist, "art7-3-personal-information") || !strings.Contains(checklist, "art23-2-foreign-investment") {
		t.Errorf("Checklist:\n%s", checklist)
	}
	if strings.Contains(checklist, "13800138000") || !strings.Contains(checklist, "138****8000") {
		t.Error("the mobile number in a note is not masked")
	}
	findings := all("Findings")
	if !strings.Contains(findings, "INC-0684") || !strings.Contains(findings, "DS-07") || strings.Contains(findings, "art10-users-minors") {
		t.Errorf("Findings:\n%s", findings)
	}
	evRows, err := f.GetRows("Evidence")
	if err != nil || len(evRows) != 7 || !strings.Contains(all("Evidence"), "incidents.csv") {
		t.Errorf("Evidence: %d rows, %v", len(evRows), err)
	}
	checks := all("Automated checks")
	if !strings.Contains(checks, "complaint_time_limit") || !strings.Contains(checks, "INC-0858") {
		t.Errorf("Automated checks:\n%s", checks)
	}

	// With --include-personal-info the number stays.
	rep, err = a.Export(ctx, ExportRequest{CaseID: id, Path: path, IncludePersonalInfo: true})
	if err != nil || rep.Lang != workbench.ExportLangBoth {
		t.Fatalf("export with personal information: %+v, %v", rep, err)
	}
	g, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	rows, _ := g.GetRows("Checklist")
	found := false
	for _, r := range rows {
		if strings.Contains(strings.Join(r, "|"), "13800138000") {
			found = true
		}
	}
	if !found {
		t.Error("personal information masked although included")
	}
}

// edit changes cells of the Checklist sheet of path, found through
// ReadChecklist, with set.
func edit(t *testing.T, path string, set func(f *excelize.File, sheet string, cells map[string]map[string]string)) {
	t.Helper()
	sh, err := export.ReadChecklist(path)
	if err != nil {
		t.Fatal(err)
	}
	cells := map[string]map[string]string{}
	for _, r := range sh.Rows {
		cells[r.Item] = r.Cells
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	set(f, sh.Sheet, cells)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func TestImportChecklistRoundTrip(t *testing.T) {
	a, id := exportedInspection(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "case.xlsx")
	if _, err := a.Export(ctx, ExportRequest{CaseID: id, Path: path, Lang: workbench.ExportLangZh}); err != nil {
		t.Fatal(err)
	}
	// Unedited, the workbook changes nothing: masked notes are recognised.
	rep, err := a.ImportChecklist(ctx, id, path, false)
	if err != nil || len(rep.Changes) != 0 || rep.Unmasked != 1 || rep.Rows != 32 || rep.Applied {
		t.Fatalf("unedited import: %+v, %v", rep, err)
	}

	edit(t, path, func(f *excelize.File, sheet string, cells map[string]map[string]string) {
		c := cells["art10-users-minors"]
		f.SetCellStr(sheet, c[export.FieldResult], "部分合规")
		f.SetCellStr(sheet, c[export.FieldSeverity], "Medium")
		f.SetCellStr(sheet, c[export.FieldFinding], "=未设置夜间限制")
		f.SetCellValue(sheet, c[export.FieldDeadline], time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC))
		style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		f.SetCellStyle(sheet, c[export.FieldDeadline], c[export.FieldDeadline], style)
		f.SetCellStr(sheet, cells["art4-1-prohibited-content"][export.FieldNote], "审计意见：需补充拒答策略。")
	})
	before, err := a.InspectionStatus(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	rep, err = a.ImportChecklist(ctx, id, path, true)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ch := range rep.Changes {
		got = append(got, ch.Item+" "+ch.Field+" "+ch.To)
		if ch.Cell == "" {
			t.Errorf("change without a cell: %+v", ch)
		}
	}
	want := "art4-1-prohibited-content note 审计意见：需补充拒答策略。|art10-users-minors result partially_compliant|" +
		"art10-users-minors severity medium|art10-users-minors finding =未设置夜间限制|art10-users-minors deadline 2027-01-15"
	if strings.Join(got, "|") != want {
		t.Errorf("dry run changes\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
	after, _ := a.InspectionStatus(ctx, id)
	if rep.Applied || after.Items[0].Note != before.Items[0].Note {
		t.Error("a dry run changed the inspection")
	}
	if rep, err = a.ImportChecklist(ctx, id, path, false); err != nil || !rep.Applied {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	it, _ := a.store.InspectionItem(ctx, id, "art10-users-minors")
	if it.Result != "partially_compliant" || it.Severity != "medium" || it.Finding != "=未设置夜间限制" || it.Deadline != "2027-01-15" ||
		it.Note != "联系人电话 13800138000，已约谈。" {
		t.Errorf("after import: %+v", it)
	}
}

func TestImportChecklistRefusesBadSheets(t *testing.T) {
	a, id := exportedInspection(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "case.xlsx")
	if _, err := a.Export(ctx, ExportRequest{CaseID: id, Path: path, Lang: workbench.ExportLangEn}); err != nil {
		t.Fatal(err)
	}
	var itemCell, resultCell, noteCell string
	edit(t, path, func(f *excelize.File, sheet string, cells map[string]map[string]string) {
		itemCell = cells["art13-service-continuity"][export.FieldItem]
		f.SetCellStr(sheet, itemCell, "art13-no-such-item")
		resultCell = cells["art9-2-service-agreement"][export.FieldResult]
		f.SetCellStr(sheet, resultCell, "maybe")
		noteCell = cells["art4-1-prohibited-content"][export.FieldNote]
		f.SetCellStr(sheet, noteCell, "a change that must not be applied")
	})
	_, err := a.ImportChecklist(ctx, id, path, false)
	var ie *ChecklistImportError
	if !errors.As(err, &ie) || len(ie.Problems) != 2 {
		t.Fatalf("bad sheet: %v", err)
	}
	msg := err.Error()
	for _, want := range []string{resultCell + " (art9-2-service-agreement)", `"maybe"`, itemCell, `no item "art13-no-such-item"`, "nothing was applied"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	if it, _ := a.store.InspectionItem(ctx, id, "art4-1-prohibited-content"); it.Note != "" {
		t.Errorf("a refused import changed a note: %q", it.Note)
	}
	if _, err := a.ImportChecklist(ctx, id, filepath.Join("..", "testdata", "sample", "data-sources.xlsx"), false); !isField(err, FieldFile) {
		t.Errorf("a workbook without a checklist: %v", err)
	}
	// A workbook of another case is refused, whatever its item ids.
	other, err := a.CreateCase(ctx, CaseInput{Provider: "另一提供者", Service: "另一服务"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.StartInspection(ctx, other.ID, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := a.ImportChecklist(ctx, other.ID, path, true); !isField(err, FieldFile) ||
		!strings.Contains(err.Error(), "is the export of case 1, not of case 2") {
		t.Errorf("a workbook of another case: %v", err)
	}

	// A concluded or signed inspection refuses.
	if _, err := a.store.DB().ExecContext(ctx, `UPDATE cases SET status = 'signed' WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	if _, err := a.ImportChecklist(ctx, id, path, true); !errors.Is(err, workbench.ErrConflict) || !strings.Contains(err.Error(), "signed") {
		t.Errorf("import into a signed inspection: %v", err)
	}
}

// TestImportChecklistGuards refuses what would lose work: a workbook older
// than changes made in the workbench since, and an edited cell whose
// exported text was masked.
func TestImportChecklistGuards(t *testing.T) {
	a, id := exportedInspection(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "case.xlsx")
	if _, err := a.Export(ctx, ExportRequest{CaseID: id, Path: path, Lang: workbench.ExportLangEn}); err != nil {
		t.Fatal(err)
	}
	var noteCell string
	edit(t, path, func(f *excelize.File, sheet string, cells map[string]map[string]string) {
		noteCell = cells["art10-users-minors"][export.FieldNote]
		v, _ := f.GetCellValue(sheet, noteCell)
		f.SetCellStr(sheet, noteCell, v+" 已复核。")
	})
	_, err := a.ImportChecklist(ctx, id, path, true)
	var ie *ChecklistImportError
	if !errors.As(err, &ie) || len(ie.Problems) != 1 || ie.Problems[0].Cell != noteCell || !strings.Contains(err.Error(), "holds personal information") {
		t.Fatalf("editing a masked note: %v", err)
	}

	// A fresh export; then the inspector keeps working on an item the
	// auditor leaves alone.
	if _, err := a.Export(ctx, ExportRequest{CaseID: id, Path: path, Lang: workbench.ExportLangEn}); err != nil {
		t.Fatal(err)
	}
	note := "约谈后补充的记录"
	if _, err := a.Assess(ctx, AssessInput{CaseID: id, ItemID: "art4-2-non-discrimination", Note: &note}); err != nil {
		t.Fatal(err)
	}
	edit(t, path, func(f *excelize.File, sheet string, cells map[string]map[string]string) {
		f.SetCellStr(sheet, cells["art9-2-service-agreement"][export.FieldResult], "Compliant")
	})
	_, err = a.ImportChecklist(ctx, id, path, false)
	if !errors.As(err, &ie) || len(ie.Problems) != 1 || ie.Problems[0].Item != "art4-2-non-discrimination" ||
		!strings.Contains(err.Error(), "changed in the workbench after this workbook was exported") {
		t.Fatalf("a stale workbook: %v", err)
	}
	if it, _ := a.store.InspectionItem(ctx, id, "art4-2-non-discrimination"); it.Note != note {
		t.Errorf("a stale workbook reverted a note: %q", it.Note)
	}
	if it, _ := a.store.InspectionItem(ctx, id, "art9-2-service-agreement"); it.Result != "not_assessed" {
		t.Errorf("a refused workbook changed a result: %q", it.Result)
	}
}

// TestExportLongFinding exports a case whose finding and note are far
// longer than one printed row holds (Excel caps a row at 409 points): the
// workbook holds every character on rows no higher than that, marked as
// continued, and importing it back changes nothing.
func TestExportLongFinding(t *testing.T) {
	a, id := exportedInspection(t)
	ctx := context.Background()
	var b strings.Builder
	for i := range 120 {
		fmt.Fprintf(&b, "第%d条样本：训练语料中的个人信息未取得同意。Sample %d: personal information used without consent. ", i+1, i+1)
	}
	finding := strings.TrimSpace(b.String()) // as the workbench stores it
	note := strings.Repeat("约谈记录：提供者称已整改，但未提交证明材料。", 150)
	sev := "high"
	if _, err := a.Assess(ctx, AssessInput{CaseID: id, ItemID: "art10-users-minors", Result: "non_compliant", Severity: &sev,
		Finding: &finding, Note: &note}); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{workbench.ExportLangZh, workbench.ExportLangEn, workbench.ExportLangBoth} {
		path := filepath.Join(t.TempDir(), "case.xlsx")
		if _, err := a.Export(ctx, ExportRequest{CaseID: id, Path: path, Lang: lang}); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sheet := export.SheetName(export.SheetChecklist, lang)
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var gotFinding, gotNote strings.Builder
		continued := 0
		for r, row := range rows {
			h, err := f.GetRowHeight(sheet, r+1)
			if err != nil || h > 409 {
				t.Errorf("%s row %d: %v points high (%v)", lang, r+1, h, err)
			}
			id, _, cont := strings.Cut(row[0], "\n")
			if id != "art10-users-minors" {
				continue
			}
			if cont {
				continued++
			}
			cell := func(c int) string {
				if c < len(row) {
					return row[c]
				}
				return ""
			}
			gotNote.WriteString(cell(6))
			gotFinding.WriteString(cell(7))
		}
		f.Close()
		if gotFinding.String() != finding || gotNote.String() != note || continued < 3 {
			t.Errorf("%s: %d continuation rows hold %d of %d finding and %d of %d note characters", lang, continued,
				len([]rune(gotFinding.String())), len([]rune(finding)), len([]rune(gotNote.String())), len([]rune(note)))
		}
		rep, err := a.ImportChecklist(ctx, id, path, true)
		if err != nil || len(rep.Changes) != 0 || rep.Rows != 32 {
			t.Errorf("%s: importing the export back: %+v, %v", lang, rep, err)
		}
	}
}
