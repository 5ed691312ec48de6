package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
)

func TestImportAndBrowseRecords(t *testing.T) {
	mw, ws := newTestWindow(t)
	c, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: "星河智算", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	mw.reload(c.ID)
	mw.bg.Wait()
	if mw.subs == nil || mw.subs.caseID != c.ID {
		t.Fatal("the case's submissions view is not shown")
	}
	v := mw.subs
	sample := filepath.Join("..", "testdata", "sample")
	bad := filepath.Join("..", "testdata", "bad", "image.csv")
	v.importFiles([]string{filepath.Join(sample, "incidents.csv"), bad})
	mw.bg.Wait()

	if len(v.subs) != 1 || v.subs[0].Records != 3000 || v.selected == nil || v.selected.ID != v.subs[0].ID {
		t.Fatalf("after import: %d submissions, selected %v", len(v.subs), v.selected)
	}
	// The report names both files and the failure.
	report := shownTexts(mw)
	if !strings.Contains(report, "incidents.csv") || !strings.Contains(report, "image.csv") || !strings.Contains(report, "not a text file") {
		t.Errorf("import report:\n%s", report)
	}

	// The records browser pages from the database: reading a far row
	// fetches only its page.
	rows, cols := v.table.Length()
	if rows != 3000 || cols != len(v.columns) || v.columns[1] != "事件编号 Incident ID" {
		t.Fatalf("table %d×%d, columns %v", rows, cols, v.columns)
	}
	if got := v.cell(widget.TableCellID{Row: 2500, Col: 1}); got != "…" {
		t.Errorf("an unfetched row shows %q", got)
	}
	mw.bg.Wait()
	if len(v.pages) != 1 {
		t.Errorf("%d pages in memory, want only the one asked for", len(v.pages))
	}
	if got := v.cell(widget.TableCellID{Row: 2500, Col: 1}); got != "INC-2501" {
		t.Errorf("row 2500 incident id = %q", got)
	}
	if got := v.cell(widget.TableCellID{Row: 2500, Col: 3}); got == "" || strings.Contains(got, "_") {
		t.Errorf("row 2500 category shows %q, want its term", got)
	}
	if got := v.cell(widget.TableCellID{Row: 2500, Col: 0}); got != "2502" {
		t.Errorf("row 2500 is line %q of the file", got)
	}
}

func TestDropFilesImportsThem(t *testing.T) {
	mw, ws := newTestWindow(t)
	c, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: "星河智算", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	mw.reload(c.ID)
	mw.bg.Wait()
	sample := filepath.Join("..", "testdata", "sample")
	var uris []fyne.URI
	for _, f := range []string{"algorithm.json", "annotation-qa.csv"} {
		abs, _ := filepath.Abs(filepath.Join(sample, f))
		uris = append(uris, storage.NewFileURI(abs))
	}
	mw.dropped(fyne.Position{}, uris)
	mw.bg.Wait()
	if mw.tabs.SelectedIndex() != 1 || len(mw.subs.subs) != 2 {
		t.Fatalf("after the drop: tab %d, %d submissions", mw.tabs.SelectedIndex(), len(mw.subs.subs))
	}
}

func TestDropWithoutCase(t *testing.T) {
	mw, _ := newTestWindow(t)
	mw.dropped(fyne.Position{}, nil)
	if mw.win.Canvas().Overlays().Top() == nil {
		t.Error("dropping with no case open says nothing")
	}
}

func TestDocumentShowsPassages(t *testing.T) {
	mw, ws := newTestWindow(t)
	c, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: "星河智算", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	mw.reload(c.ID)
	mw.bg.Wait()
	v := mw.subs
	md := filepath.Join(t.TempDir(), "rules.md")
	if err := os.WriteFile(md, []byte("# 标注规则\n\n## 3.2 安全性标注\n\n安全性标注覆盖全部类别。\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	v.kind.SetSelectedIndex(2) // annotation rules: documents need a kind
	v.importFiles([]string{md})
	mw.bg.Wait()
	if len(v.subs) != 1 || v.selected == nil || v.selected.Passages != 3 {
		t.Fatalf("after import: %+v", v.subs)
	}
	if report := shownTexts(mw); !strings.Contains(report, "rules.md: 3 passages as") {
		t.Errorf("a document's import report counts its passages:\n%s", report)
	}
	if rows, cols := v.table.Length(); rows != 3 || cols != 3 {
		t.Fatalf("table %d×%d", rows, cols)
	}
	v.cell(widget.TableCellID{Row: 2, Col: 2})
	mw.bg.Wait()
	if got := v.cell(widget.TableCellID{Row: 2, Col: 1}); got != "标注规则 > 3.2 安全性标注" {
		t.Errorf("heading path cell = %q", got)
	}
	if got := v.cell(widget.TableCellID{Row: 2, Col: 2}); got != "安全性标注覆盖全部类别。" {
		t.Errorf("text cell = %q", got)
	}
	if got := v.cell(widget.TableCellID{Row: 2, Col: 0}); !strings.Contains(got, "5") {
		t.Errorf("location cell = %q", got)
	}
	// Selecting a row opens the passage whole.
	v.table.Select(widget.TableCellID{Row: 2, Col: 2})
	if shown := shownTexts(mw); !strings.Contains(shown, "安全性标注覆盖全部类别。") {
		t.Errorf("the passage dialog shows:\n%s", shown)
	}
}

// TestImportReportShowsWhatWasLeftOut: rows taken for notes, totals or
// sign-offs and values outside a vocabulary are listed in the report; the
// "keep" box imports those rows as records.
func TestImportReportShowsWhatWasLeftOut(t *testing.T) {
	mw, ws := newTestWindow(t)
	c, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: "苏州澜图智能科技有限公司", Service: "澜图绘言"})
	if err != nil {
		t.Fatal(err)
	}
	mw.reload(c.ID)
	mw.bg.Wait()
	v := mw.subs
	sources := filepath.Join("..", "testdata", "sample2", "data_sources.xlsx")
	v.importFiles([]string{sources, filepath.Join("..", "testdata", "sample2", "incidents.csv")})
	mw.bg.Wait()
	report := shownTexts(mw)
	for _, want := range []string{"rows left out as notes, totals or sign-offs", "row 22: 合计", "处置措施: ", "values not recognised"} {
		if !strings.Contains(report, want) {
			t.Errorf("import report lacks %q:\n%s", want, report)
		}
	}
	if len(v.subs) != 2 || v.subs[0].Records != 19 {
		t.Fatalf("after import: %+v", v.subs)
	}

	// Asked to keep them, the same rows are records.
	other, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: "苏州澜图智能科技有限公司", Service: "澜图绘言 2"})
	if err != nil {
		t.Fatal(err)
	}
	mw.reload(other.ID)
	mw.bg.Wait()
	v = mw.subs
	v.keep.SetChecked(true)
	v.importFiles([]string{sources})
	mw.bg.Wait()
	if len(v.subs) != 1 || v.subs[0].Records <= 19 {
		t.Fatalf("kept notes: %+v", v.subs)
	}
}
