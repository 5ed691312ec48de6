package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/inspection-workbench/workbench/app/export"
)

func TestExportAndImportChecklistCommands(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	ok(t, "case", "new", "--workspace", ws, "--provider", "星河智算", "--service", "星河对话", "--inspector", "张明")
	ok(t, "import", "--workspace", ws, "--case", "1", "--label", "trade_secret", sampleFile("data-sources.xlsx"))
	ok(t, "inspect", "start", "--workspace", ws, "--case", "1")
	ok(t, "assess", "--workspace", ws, "--case", "1", "art7-3-personal-information", "--result", "non_compliant", "--evidence", "DS-07",
		"--finding", "-DS-07 未说明处理依据，联系人 zhang.ming@example.com", "--deadline", "2026-12-31")
	out := filepath.Join(t.TempDir(), "case 1.xlsx")

	assertFailure(t, wb(t, nil, "export", "--workspace", ws, "--case", "1"), 2, "--out FILE.xlsx is required")
	assertFailure(t, wb(t, nil, "export", "--workspace", ws, "--case", "1", "--out", out, "--lang", "de"), 2, "--lang must be zh, en or both")
	assertFailure(t, wb(t, nil, "export", "--workspace", ws, "--case", "1", "--out", filepath.Join(t.TempDir(), "x.pdf")), 1, "must end in .xlsx")

	r := wb(t, nil, "export", "--workspace", ws, "--case", "1", "--out", out, "--lang", "zh")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "Wrote "+out+" (") || !strings.Contains(r.stdout, "32 items, 1 finding, 1 evidence row, 1 submission listed") {
		t.Fatalf("export: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "CONFIDENTIAL") || !strings.Contains(r.stderr, "1 quoted from trade_secret files") ||
		!strings.Contains(r.stderr, "personal information masked") {
		t.Errorf("export notice %q", r.stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("问题")
	f.Close()
	if len(rows) < 2 || !strings.Contains(strings.Join(rows[1], "|"), "z***@example.com") || strings.Contains(strings.Join(rows[1], "|"), "zhang.ming") {
		t.Errorf("Findings sheet %q", rows)
	}

	var rep struct {
		Path                string         `json:"path"`
		Items               int            `json:"items"`
		IncludePersonalInfo bool           `json:"include_personal_info"`
		EvidenceByLabel     map[string]int `json:"evidence_by_label"`
	}
	r = wb(t, nil, "export", "--workspace", ws, "--case", "1", "--out", out, "--include-personal-info", "--json")
	if r.code != 0 || !strings.Contains(r.stderr, "PERSONAL INFORMATION INCLUDED") {
		t.Errorf("export --include-personal-info: exit %d, stderr %q", r.code, r.stderr)
	}
	decode(t, r.stdout, &rep)
	if rep.Path != out || rep.Items != 32 || !rep.IncludePersonalInfo || rep.EvidenceByLabel["trade_secret"] != 1 {
		t.Errorf("export --json: %+v", rep)
	}

	// Edit a result and run import-checklist: dry run first.
	sh, err := export.ReadChecklist(out)
	if err != nil {
		t.Fatal(err)
	}
	var cell string
	for _, row := range sh.Rows {
		if row.Item == "art7-4-data-quality" {
			cell = row.Cells[export.FieldResult]
		}
	}
	f, err = excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStr(sh.Sheet, cell, "需补充材料")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	got := ok(t, "import-checklist", "--workspace", ws, "--case", "1", out, "--dry-run")
	want := cell + "  art7-4-data-quality  result: \"not_assessed\" → \"info_requested\"\n"
	if !strings.HasPrefix(got, want) || !strings.Contains(got, "would apply (dry run, nothing changed) 1 change to case 1") {
		t.Errorf("dry run printed %q", got)
	}
	got = ok(t, "import-checklist", "--workspace", ws, "--case", "1", out)
	if !strings.Contains(got, "applied 1 change to case 1") {
		t.Errorf("import-checklist printed %q", got)
	}
	if st := ok(t, "inspect", "status", "--workspace", ws, "--case", "1"); !strings.Contains(st, "art7-4-data-quality") ||
		!strings.Contains(st, "1 info_requested") {
		t.Errorf("status after import:\n%s", st)
	}
	assertFailure(t, wb(t, nil, "import-checklist", "--workspace", ws, "--case", "1", sampleFile("data-sources.xlsx")), 1, "data-sources.xlsx")
	assertFailure(t, wb(t, nil, "import-checklist", "--workspace", ws, "--case", "1"), 2, "name exactly one workbook")
}
