package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers"
)

// typedValue is what a provider types into a template column of a field.
func typedValue(f importers.Field) string {
	switch {
	case len(f.Terms) > 0:
		return f.Terms[len(f.Terms)-1].ZH
	case f.Type == importers.Bool:
		return "是"
	case f.Type == importers.Date:
		return "2025-07-01"
	case f.Type == importers.Count:
		return "4000"
	}
	return "星河 " + f.ZH
}

// The templates of the safety kinds (#17), XLSX and CSV, filled in with a
// row, import back through wb import as their kind, every field read and
// no warning; --kind names each kind.
func TestSafetyTemplatesRoundTrip(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	type fileReport struct {
		Kind     string `json:"kind"`
		Status   string `json:"status"`
		Records  int    `json:"records"`
		Warnings []struct {
			Message string `json:"message"`
		} `json:"warnings"`
	}
	for _, k := range []workbench.Kind{workbench.KeywordLibrary, workbench.TestQuestion, workbench.TestResult, workbench.CorpusCheck} {
		spec := importers.SpecFor(k)
		row := make([]string, len(spec.Fields))
		for i, f := range spec.Fields {
			row[i] = typedValue(f)
		}
		dir := t.TempDir()
		xlsx := filepath.Join(dir, string(k)+".xlsx")
		ok(t, "template", string(k), "--out", xlsx)
		f, err := excelize.OpenFile(xlsx)
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range row {
			cell, _ := excelize.CoordinatesToCellName(i+1, 3)
			f.SetCellValue(importers.TemplateDataSheet, cell, v)
		}
		if err := f.Save(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		csvPath := filepath.Join(dir, string(k)+".csv")
		ok(t, "template", string(k), "--out", csvPath)
		head, err := os.ReadFile(csvPath)
		if err != nil || !strings.HasPrefix(string(head), "\ufeff"+spec.Fields[0].ZH+" "+spec.Fields[0].EN+",") {
			t.Fatalf("CSV template %q, %v", head, err)
		}
		if err := os.WriteFile(csvPath, append(head, []byte(strings.Join(row, ",")+"\r\n")...), 0o600); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{xlsx}, {csvPath}, {"--kind", string(k), csvPath}} {
			var rep struct {
				Files []fileReport `json:"files"`
			}
			// The same file twice in a case is refused as a duplicate: a
			// case of its own each time.
			c := strings.TrimSpace(ok(t, "case", "new", "--workspace", ws, "--provider", "星河智算", "--service", string(k)))
			decode(t, ok(t, append([]string{"import", "--workspace", ws, "--case", c, "--json"}, args...)...), &rep)
			if len(rep.Files) != 1 || rep.Files[0].Kind != string(k) || rep.Files[0].Status != "imported" || rep.Files[0].Records != 1 || len(rep.Files[0].Warnings) != 0 {
				t.Errorf("%s: %+v", args, rep.Files)
			}
		}
	}
}
