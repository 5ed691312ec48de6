package app

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench/importers"
)

// workspaceState describes everything an import can change: the rows of
// the import tables and the stored blobs.
func workspaceState(t *testing.T, a *App) string {
	t.Helper()
	var b strings.Builder
	for _, table := range []string{"submissions", "records", "submission_warnings"} {
		var n int
		if err := a.Store().DB().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s=%d ", table, n)
	}
	filepath.WalkDir(filepath.Join(a.Dir(), "blobs"), func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			rel, _ := filepath.Rel(a.Dir(), p)
			b.WriteString(rel + " ")
		}
		return nil
	})
	return b.String()
}

func newCase(t *testing.T, a *App) int64 {
	t.Helper()
	c, err := a.CreateCase(context.Background(), CaseInput{Provider: "星河智算", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	return c.ID
}

func bad(name string) string { return filepath.Join("..", "testdata", "bad", name) }

// TestBadFilesChangeNothing imports each malformed fixture into a
// workspace that already holds a submission and checks the error names
// the problem and the workspace is exactly as it was.
func TestBadFilesChangeNothing(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	id := newCase(t, a)
	good := filepath.Join(t.TempDir(), "ok.csv")
	os.WriteFile(good, []byte("事件编号,事件类别\nINC-1,投诉\n"), 0o600)
	if reps, err := a.Import(ctx, ImportRequest{CaseID: id, Files: []string{good}}); err != nil || reps[0].Status != StatusImported {
		t.Fatalf("good file: %+v, %v", reps, err)
	}

	for _, tt := range []struct {
		file string
		kind workbench.Kind
		want []string
	}{
		{"empty.csv", "", []string{"empty"}},
		{"header-only.csv", "", []string{"no data rows"}},
		{"image.csv", "", []string{"not a text file"}},
		{"image.xlsx", "", []string{"not an XLSX"}},
		{"no-header.csv", "", []string{"no header row", "\"a\""}},
		{"ambiguous.csv", "", []string{"several kinds", "data_source, annotation_rule"}},
		{"no-header.csv", workbench.Incident, []string{"kind incident"}},
		{"not-records.json", "", []string{"not", "object"}},
		{"broken.json", "", []string{"line 3"}},
		{"broken-line.jsonl", "", []string{"line 3"}},
		{"deep.json", "", []string{"deep"}},
		{"legacy.xls", "", []string{"legacy Excel", ".xlsx"}},
		{"zipbomb.xlsx", "", []string{"zip bomb"}},
		{"truncated.xlsx", "", []string{"xlsx"}},
		{"missing.csv", "", []string{"cannot read"}},
		{"image.pdf", workbench.Algorithm, []string{"not a PDF", "PNG"}},
		{"truncated.pdf", workbench.Algorithm, []string{"damaged"}},
		{"encrypted.pdf", workbench.Algorithm, []string{"encrypted", "password"}},
		{"image.docx", workbench.AnnotationRule, []string{"not a DOCX"}},
		{"truncated.docx", workbench.AnnotationRule, []string{"docx"}},
		{"truncated.docx", "", []string{"no header row to tell its kind"}},
		{"zipbomb.docx", workbench.AnnotationRule, []string{"zip bomb"}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			before := workspaceState(t, a)
			reps, err := a.Import(ctx, ImportRequest{CaseID: id, Kind: tt.kind, Files: []string{bad(tt.file), good}})
			if err != nil {
				t.Fatal(err)
			}
			r := reps[0]
			if r.Status != StatusFailed || r.Records != 0 {
				t.Fatalf("report = %+v", r)
			}
			for _, w := range tt.want {
				if !strings.Contains(strings.ToLower(r.Error), strings.ToLower(w)) {
					t.Errorf("error %q does not mention %q", r.Error, w)
				}
			}
			if reps[1].Status != StatusDuplicate {
				t.Errorf("the good file beside it: %+v", reps[1])
			}
			if after := workspaceState(t, a); after != before {
				t.Errorf("workspace changed:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

func TestImportDuplicateAndProvenance(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	id := newCase(t, a)
	path := filepath.Join(t.TempDir(), "标注质检.csv")
	data := "标注批次,标注类型,准确率,备注,负责部门\nB-1,安全性标注,97%,,质控部\nB-2,功能性标注,不详,复核中,质控部\n"
	os.WriteFile(path, []byte(data), 0o600)
	reps, err := a.Import(ctx, ImportRequest{CaseID: id, Label: workbench.TradeSecret, Files: []string{path}})
	if err != nil {
		t.Fatal(err)
	}
	r := reps[0]
	if r.Status != StatusImported || r.Records != 2 || r.Kind != "annotation_rule" || len(r.SHA256) != 64 ||
		r.WarningCount != 2 || r.Warnings[0].Reason != workbench.ReasonFieldsUnmapped || !strings.Contains(r.Warnings[1].Location, "line 3") {
		t.Fatalf("report = %+v", r)
	}
	subs, _ := a.ListSubmissions(ctx, id)
	if len(subs) != 1 || subs[0].FileName != "标注质检.csv" || subs[0].Label != "trade_secret" || subs[0].Size != int64(len(data)) ||
		subs[0].ImporterVersion != importers.Version || subs[0].Encoding != "UTF-8" || subs[0].Records != 2 || subs[0].Warnings != 2 {
		t.Errorf("submission = %+v", subs)
	}
	blob, err := a.Store().Blobs().Open(r.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	stored, _ := os.ReadFile(blob.Name())
	blob.Close()
	if string(stored) != data {
		t.Error("the stored blob differs from the file")
	}
	recs, err := a.Store().Records(ctx, subs[0].ID, 1, 10)
	if err != nil || len(recs) != 1 || recs[0].Row != 3 || recs[0].Ref != "B-2" || !strings.Contains(recs[0].Extra, "质控部") {
		t.Errorf("records page = %+v, %v", recs, err)
	}

	before := workspaceState(t, a)
	reps, _ = a.Import(ctx, ImportRequest{CaseID: id, Files: []string{path}})
	if reps[0].Status != StatusDuplicate || reps[0].Records != 0 || reps[0].SubmissionID != subs[0].ID {
		t.Errorf("second import = %+v", reps[0])
	}
	if workspaceState(t, a) != before {
		t.Error("a duplicate changed the workspace")
	}
	// The same bytes in another case are a new submission there.
	other := newCase(t, a)
	if reps, _ := a.Import(ctx, ImportRequest{CaseID: other, Files: []string{path}}); reps[0].Status != StatusImported {
		t.Errorf("other case: %+v", reps[0])
	}
	if _, err := a.Import(ctx, ImportRequest{CaseID: 999, Files: []string{path}}); ErrorCode(err) != workbench.CodeNotFound {
		t.Errorf("unknown case: %v", err)
	}
}

func TestImportSizeLimit(t *testing.T) {
	a := openApp(t)
	id := newCase(t, a)
	path := filepath.Join(t.TempDir(), "big.csv")
	os.WriteFile(path, []byte("事件编号,事件类别\nINC-1,投诉\n"), 0o600)
	before := workspaceState(t, a)
	reps, err := a.Import(context.Background(), ImportRequest{CaseID: id, Files: []string{path}, MaxBytes: 10})
	if err != nil || reps[0].Status != StatusFailed || !strings.Contains(reps[0].Error, "limit") {
		t.Fatalf("%+v, %v", reps, err)
	}
	if workspaceState(t, a) != before {
		t.Error("an oversized file changed the workspace")
	}
}

func TestImportDocuments(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	id := newCase(t, a)
	dir := t.TempDir()
	md := filepath.Join(dir, "标注规则.md")
	os.WriteFile(md, []byte("# 标注规则\n\n## 3.2 安全性标注\n\n安全性标注覆盖全部违法不良信息类别。\n"), 0o600)
	prose := filepath.Join(dir, "说明.txt")
	os.WriteFile(prose, []byte("本服务采用星河基座大模型。\n\n备案号：Beijing-XingheChat-20240315\n"), 0o600)
	table := filepath.Join(dir, "incidents.txt")
	os.WriteFile(table, []byte("事件编号\t事件类别\nINC-1\t投诉\n"), 0o600)

	before := workspaceState(t, a)
	reps, _ := a.Import(ctx, ImportRequest{CaseID: id, Files: []string{md}})
	if reps[0].Status != StatusFailed || workbench.ErrorReason(reps[0].Err) == nil || workbench.ErrorReason(reps[0].Err).Reason != workbench.ReasonDocumentKind ||
		strings.Contains(reps[0].Error, "--kind") {
		t.Errorf("a document without a kind: %+v (the reason is for each interface to word, with its own hints)", reps[0])
	}
	if workspaceState(t, a) != before {
		t.Error("the refused document changed the workspace")
	}

	reps, err := a.Import(ctx, ImportRequest{CaseID: id, Kind: workbench.AnnotationRule, Files: []string{md, prose}})
	if err != nil {
		t.Fatal(err)
	}
	if r := reps[0]; r.Status != StatusImported || r.Passages != 3 || r.Records != 0 || r.Format != "markdown" || r.Kind != "annotation_rule" {
		t.Errorf("markdown: %+v", r)
	}
	if r := reps[1]; r.Status != StatusImported || r.Passages != 2 || r.Format != "text" {
		t.Errorf("prose .txt: %+v", r)
	}
	ps, err := a.Passages(ctx, reps[0].SubmissionID, 0, 10)
	if err != nil || len(ps) != 3 || ps[2].Line != 5 || ps[2].HeadingPath != `["标注规则","3.2 安全性标注"]` {
		t.Errorf("passages = %+v, %v", ps, err)
	}
	// An algorithm description's key facts become a record citing its passages.
	algo := filepath.Join(dir, "算法说明.md")
	os.WriteFile(algo, []byte("# 算法机制机理说明\n\n备案号：Beijing-XingheChat-20240315\n基础模型：星河基座大模型\n"), 0o600)
	reps, _ = a.Import(ctx, ImportRequest{CaseID: id, Kind: workbench.Algorithm, Files: []string{algo}})
	if r := reps[0]; r.Status != StatusImported || r.Records != 1 || r.Passages != 2 {
		t.Fatalf("algorithm description: %+v", r)
	}
	recs, _ := a.Records(ctx, reps[0].SubmissionID, 0, 5)
	if len(recs) != 1 || !strings.Contains(recs[0].Fields, `"filing_no":"Beijing-XingheChat-20240315"`) ||
		!strings.Contains(recs[0].Extra, `"source.filing_no":"passage 2 (算法机制机理说明, line 3)"`) {
		t.Errorf("key facts = %+v", recs)
	}

	reps, _ = a.Import(ctx, ImportRequest{CaseID: id, Files: []string{table}})
	if r := reps[0]; r.Status != StatusImported || r.Records != 1 || r.Kind != "incident" {
		t.Errorf("tabular .txt: %+v", r)
	}
}

func TestImportPDF(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	id := newCase(t, a)
	pdfs := filepath.Join("..", "importers", "pdf", "testdata")
	reps, err := a.Import(ctx, ImportRequest{CaseID: id, Kind: workbench.Algorithm, Files: []string{
		filepath.Join(pdfs, "algorithm-zh.pdf"), filepath.Join(pdfs, "encrypted.pdf"), filepath.Join(pdfs, "scanned.pdf")}})
	if err != nil {
		t.Fatal(err)
	}
	if r := reps[0]; r.Status != StatusImported || r.Format != "pdf" || r.Passages != 4 || r.Records != 1 {
		t.Errorf("algorithm PDF: %+v", r)
	}
	if r := reps[1]; r.Status != StatusFailed || !strings.Contains(r.Error, "encrypted") {
		t.Errorf("encrypted PDF: %+v", r)
	}
	if r := reps[2]; r.Status != StatusImported || r.Passages != 0 || r.WarningCount != 2 || !strings.Contains(r.Warnings[1].Message, "no text layer") {
		t.Errorf("scanned PDF: %+v", r)
	}
	ps, _ := a.Passages(ctx, reps[0].SubmissionID, 0, 10)
	if len(ps) != 4 || ps[0].Page != 1 || !strings.Contains(ps[0].Text, "备案号：Beijing-XingheChat-20240315") {
		t.Errorf("page 1 = %+v", ps)
	}
}

func TestImportDOCX(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	id := newCase(t, a)
	reps, err := a.Import(ctx, ImportRequest{CaseID: id, Kind: workbench.AnnotationRule,
		Files: []string{filepath.Join("..", "testdata", "sample", "annotation-rules.docx")}})
	if err != nil {
		t.Fatal(err)
	}
	r := reps[0]
	if r.Status != StatusImported || r.Format != "docx" || r.Passages < 10 {
		t.Fatalf("report = %+v", r)
	}
	ps, _ := a.Passages(ctx, r.SubmissionID, 0, 100)
	var safety, cell bool
	for _, p := range ps {
		if strings.Contains(p.HeadingPath, `"3 标注规则","3.2 安全性标注"`) && strings.Contains(p.Text, "安全性标注识别") && p.Paragraph > 0 {
			safety = true
		}
		if p.Table == 1 && p.Row == 2 && p.Cell == 1 && p.Text == "违法内容" {
			cell = true
		}
	}
	if !safety || !cell {
		t.Errorf("heading path or table cell missing: %+v", ps)
	}
}
