package app

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app/checklist"
	"github.com/inspection-workbench/workbench/app/checks"
	"github.com/inspection-workbench/workbench/app/export"
	"github.com/inspection-workbench/workbench/store"
)

// decideAll assesses every item not applicable and accepts every pending
// proposal, so that the inspection can be concluded.
func decideAll(t *testing.T, a *App, caseID int64) {
	t.Helper()
	ctx := context.Background()
	st, err := a.InspectionStatus(ctx, caseID)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range st.Items {
		if _, err := a.Assess(ctx, AssessInput{CaseID: caseID, ItemID: it.ID, Result: "not_applicable"}); err != nil {
			t.Fatal(err)
		}
	}
	ps, err := a.Proposals(ctx, caseID, false)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, p := range ps {
		if p.Decision == DecisionPending {
			keys = append(keys, p.Key())
		}
	}
	if len(keys) > 0 {
		if _, err := a.AcceptProposals(ctx, caseID, keys...); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTwoTemplateInspection follows an inspection holding the Measures
// template and gb45654-2025 from its start through checks, conclusion,
// signing, verification and export.
func TestTwoTemplateInspection(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	c, err := a.CreateCase(ctx, CaseInput{Provider: "星河智算", Service: "星河对话", Inspectors: []string{"张明"}, Modalities: []string{"text"}})
	if err != nil {
		t.Fatal(err)
	}
	in, err := a.StartInspection(ctx, c.ID, checklist.DefaultID, checklist.SafetyID)
	if err != nil {
		t.Fatal(err)
	}
	measures, _ := checklist.ByID(checklist.DefaultID)
	safety, _ := checklist.ByID(checklist.SafetyID)
	if in.Items != len(measures.Items)+len(safety.Items) || in.Template != checklist.DefaultID || len(in.Templates) != 2 ||
		in.Templates[1].ID != checklist.SafetyID || in.Templates[1].Items != len(safety.Items) || in.Templates[1].Title != safety.Title {
		t.Fatalf("StartInspection = %+v", in)
	}
	st, err := a.InspectionStatus(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	first, last := st.Items[0], st.Items[len(st.Items)-1]
	if first.ID != measures.Items[0].ID || first.Template != checklist.DefaultID ||
		last.ID != "gb45654-2025:implicit-labels" || last.Template != checklist.SafetyID || last.Title.Zh != "生成内容隐式标识" || len(st.Templates) != 2 {
		t.Errorf("items %+v … %+v; templates %+v", first, last, st.Templates)
	}
	// The checks of both templates run; the safety-testing ones ask for
	// the material nobody has imported.
	run, err := a.RunChecks(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range run.Proposals {
		if p.Item == "gb45654-2025:keyword-library" && p.Rule == checklist.CheckKeywordLibrary {
			found = p.Result == "info_requested" && len(p.Params) == 3 && strings.Contains(p.Params[0].Source.En, "not binding law")
		}
	}
	if !found {
		t.Errorf("no proposal of keyword_library on gb45654-2025:keyword-library: %+v", run.Proposals)
	}
	// An item of the added template is assessed like any other, by its
	// qualified id.
	finding := "关键词库未提交。"
	if _, err := a.Assess(ctx, AssessInput{CaseID: c.ID, ItemID: "keyword-library", Result: "non_compliant"}); !isField(err, FieldItem) ||
		!strings.Contains(err.Error(), "gb45654-2025:keyword-library") {
		t.Errorf("the unqualified id: %v", err)
	}
	decideAll(t, a, c.ID)
	if _, err := a.Assess(ctx, AssessInput{CaseID: c.ID, ItemID: "gb45654-2025:keyword-library", Result: "non_compliant", Finding: &finding}); err != nil {
		t.Fatal(err)
	}
	if err := a.ConcludeInspection(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddInspectionTemplate(ctx, c.ID, checklist.SafetyID); ErrorCode(err) != workbench.CodeConflict {
		t.Errorf("adding a template to a concluded inspection: %v", err)
	}
	sig, err := a.SignInspection(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	v, err := a.VerifyInspection(ctx, c.ID)
	if err != nil || !v.OK || v.Recomputed != sig.SHA256 {
		t.Fatalf("verify: %+v %v", v, err)
	}
	stored, _ := a.Store().GetInspection(ctx, c.ID)
	if !strings.Contains(stored.SignedContent, `"templates":[{"id":"gb45654-2025","version":"1","sha256":"`) ||
		!strings.Contains(stored.SignedContent, `"id":"gb45654-2025:keyword-library","result":"non_compliant"`) {
		t.Errorf("the signed content does not cover the added template: %.300s", stored.SignedContent)
	}
	// A changed frozen copy of the added template no longer verifies.
	if _, err := a.Store().DB().ExecContext(ctx, `UPDATE inspection_templates SET template = template || '#' WHERE case_id = ?`, c.ID); err != nil {
		t.Fatal(err)
	}
	v, err = a.VerifyInspection(ctx, c.ID)
	if err != nil || v.OK || !slices.ContainsFunc(v.Differences, func(d Difference) bool { return d.Field == "templates" }) {
		t.Errorf("a changed added template verifies: %+v %v", v.Differences, err)
	}
	if _, err := a.Store().DB().ExecContext(ctx, `UPDATE inspection_templates SET template = substr(template, 1, length(template) - 1) WHERE case_id = ?`, c.ID); err != nil {
		t.Fatal(err)
	}

	// The workbook holds both templates' items, grouped under each
	// template's title and source note.
	path := filepath.Join(t.TempDir(), "case.xlsx")
	rep, err := a.Export(ctx, ExportRequest{CaseID: c.ID, Path: path, Lang: workbench.ExportLangEn})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Items != in.Items {
		t.Errorf("exported %d items, want %d", rep.Items, in.Items)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(export.SheetName(export.SheetChecklist, workbench.ExportLangEn))
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	var heads []int
	for i, r := range rows {
		if len(r) > 2 && r[0] == "" && strings.HasPrefix(r[1], "Checklist template ") {
			heads = append(heads, i)
			continue
		}
		if len(r) > 0 {
			ids[r[0]] = i
		}
	}
	// A heading too long for one row continues on the rows below, its
	// item cell holding only the continuation mark.
	note := ""
	for i := heads[len(heads)-1]; i < len(rows) && (rows[i][0] == "" || strings.HasSuffix(rows[i][0], "(cont.)")) && len(rows[i]) > 3; i++ {
		note += rows[i][3]
	}
	if len(heads) != 2 || !strings.Contains(rows[heads[0]][2], measures.Title.En) || !strings.Contains(rows[heads[1]][2], safety.Title.En) ||
		note != safety.Description.En {
		t.Errorf("template headings at %v: %q; source note %q", heads, rows[heads[1]], note)
	}
	for _, it := range measures.Items {
		if r, ok := ids[it.ID]; !ok || r < heads[0] || r > heads[1] {
			t.Errorf("item %s at row %d, not under its template (headings %v)", it.ID, r, heads)
		}
	}
	for _, it := range safety.Items {
		if r, ok := ids[checklist.QualifiedID(safety.ID, it.ID)]; !ok || r < heads[1] {
			t.Errorf("item %s at row %d, not under its template (headings %v)", it.ID, r, heads)
		}
	}
	// The headings are skipped when an edited workbook is read back.
	cs, err := export.ReadChecklist(path)
	if err != nil || len(cs.Errors) > 0 || len(cs.Rows) != in.Items {
		t.Errorf("read back: %d rows, errors %v, %v", len(cs.Rows), cs.Errors, err)
	}

	// A bundle carries both templates; the signature verifies where it
	// is imported.
	wbx := filepath.Join(t.TempDir(), "case.wbx")
	if _, err := a.ExportBundle(ctx, BundleExportRequest{CaseID: c.ID, Path: wbx, Passphrase: "correct horse battery staple"}); err != nil {
		t.Fatal(err)
	}
	b := openApp(t)
	res, err := b.ImportBundle(ctx, BundleImportRequest{Path: wbx, Passphrase: "correct horse battery staple"})
	if err != nil {
		t.Fatal(err)
	}
	bst, err := b.InspectionStatus(ctx, res.CaseID)
	if err != nil || len(bst.Templates) != 2 || len(bst.Items) != in.Items || bst.Items[len(bst.Items)-1].Template != checklist.SafetyID {
		t.Errorf("the bundle's inspection: %+v %v", bst.Templates, err)
	}
	if v, err := b.VerifyInspection(ctx, res.CaseID); err != nil || !v.OK {
		t.Errorf("the bundle's signature: %+v %v", v, err)
	}
}

// TestAddTemplate adds gb45654-2025 to an open inspection started with the
// Measures template alone.
func TestAddTemplate(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	id := newCase(t, a)
	if _, err := a.AddInspectionTemplate(ctx, id, checklist.SafetyID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("adding to no inspection: %v", err)
	}
	if _, err := a.StartInspection(ctx, id, ""); err != nil {
		t.Fatal(err)
	}
	note := "已核实"
	if _, err := a.Assess(ctx, AssessInput{CaseID: id, ItemID: "art8-annotation-rules", Result: "compliant", Note: &note}); err != nil {
		t.Fatal(err)
	}
	in, err := a.AddInspectionTemplate(ctx, id, checklist.SafetyID)
	if err != nil {
		t.Fatal(err)
	}
	if in.Items != 42 || len(in.Templates) != 2 || in.Templates[1].ID != checklist.SafetyID {
		t.Errorf("after adding: %+v", in)
	}
	st, _ := a.InspectionStatus(ctx, id)
	if i := slices.IndexFunc(st.Items, func(s ItemStatus) bool { return s.ID == "art8-annotation-rules" }); i < 0 || st.Items[i].Result != "compliant" || st.Items[i].Note != note {
		t.Errorf("a result recorded before is kept: %+v", st.Items)
	}
	if st.Items[32].ID != "gb45654-2025:keyword-library" || st.Items[32].Result != ResultNotAssessed {
		t.Errorf("the added items follow: %+v", st.Items[32])
	}
	if _, err := a.AddInspectionTemplate(ctx, id, checklist.SafetyID); !isField(err, FieldTemplate) {
		t.Errorf("adding it twice: %v", err)
	}
	if _, err := a.AddInspectionTemplate(ctx, id, checklist.DefaultID); !isField(err, FieldTemplate) {
		t.Errorf("adding the first template again: %v", err)
	}
	if _, err := a.AddInspectionTemplate(ctx, id, "no-such-template"); !isField(err, FieldTemplate) {
		t.Errorf("adding an unknown template: %v", err)
	}
	other := newCase(t, a)
	if _, err := a.StartInspection(ctx, other, checklist.SafetyID, checklist.SafetyID); !isField(err, FieldTemplate) {
		t.Errorf("a template given twice: %v", err)
	}
	if _, err := a.Store().GetInspection(ctx, other); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a refused start wrote an inspection: %v", err)
	}
	// The audit trail records the addition.
	es, err := a.Store().AuditEntries(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(es, func(e workbench.AuditEntry) bool {
		return e.Action == workbench.AuditTemplateAdded && strings.Contains(e.Details, `"template":"gb45654-2025"`)
	}) {
		t.Errorf("no audit entry of the addition")
	}
}

// TestWorkspaceBeforeTemplates opens a workspace written before an
// inspection could hold several templates (schema 10, by the program as
// it was: a case whose Measures inspection is signed) and checks that it
// opens and verifies unchanged, that its workbook imports back and its
// bundle imports.
func TestWorkspaceBeforeTemplates(t *testing.T) {
	gz, err := os.ReadFile(filepath.Join("..", "testdata", "workspaces", "measures-signed-v10.db.gz"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	var db bytes.Buffer
	if _, err := db.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, store.DatabaseFile), db.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	a, err := Open(ctx, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	v, err := a.VerifyInspection(ctx, 1)
	if err != nil || !v.OK || len(v.Differences) != 0 {
		t.Fatalf("the signed inspection no longer verifies: %+v %v", v, err)
	}
	st, err := a.InspectionStatus(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Items) != 32 || len(st.Templates) != 1 || st.Templates[0].ID != checklist.DefaultID || st.Items[0].ID != "art4-1-prohibited-content" ||
		st.Items[0].Template != checklist.DefaultID || st.CaseStatus != store.StatusSigned {
		t.Errorf("status %+v", st)
	}
	// The workbook exported then still reads, every row an item of the
	// inspection (a signed inspection takes no changes from it).
	old, err := export.ReadChecklist(filepath.Join("..", "testdata", "workspaces", "measures-signed-v10.xlsx"))
	if err != nil || len(old.Errors) > 0 || len(old.Rows) != 32 || old.Rows[0].Item != st.Items[0].ID {
		t.Errorf("the workbook exported before: %v, %+v", err, old)
	}
	if _, err := a.ImportChecklist(ctx, 1, filepath.Join("..", "testdata", "workspaces", "measures-signed-v10.xlsx"), true); !errors.Is(err, workbench.ErrConflict) {
		t.Errorf("importing into a signed inspection: %v", err)
	}
	// A workbook exported now has no template headings with one template.
	path := filepath.Join(t.TempDir(), "now.xlsx")
	if _, err := a.Export(ctx, ExportRequest{CaseID: 1, Path: path, Lang: workbench.ExportLangEn}); err != nil {
		t.Fatal(err)
	}
	cs, err := export.ReadChecklist(path)
	if err != nil || len(cs.Rows) != 32 {
		t.Errorf("export now: %v, %d rows", err, len(cs.Rows))
	}
	// The bundle written then imports into a workspace of this version,
	// and its signature still verifies there.
	b := openApp(t)
	res, err := b.ImportBundle(ctx, BundleImportRequest{Path: filepath.Join("..", "testdata", "workspaces", "measures-signed-v10.wbx"), Passphrase: "correct horse battery staple"})
	if err != nil {
		t.Fatal(err)
	}
	v, err = b.VerifyInspection(ctx, res.CaseID)
	if err != nil || !v.OK {
		t.Errorf("the bundle's inspection: %+v %v", v, err)
	}
}

// TestSafetyChecksOverStoredRecords runs the gb45654-2025 checks over
// keyword-library records as the importer stores them (canonical field
// names, risks as codes, dates as YYYY-MM-DD) and as the app hands them to
// the checks: the file's import day is the library's submission date.
func TestSafetyChecksOverStoredRecords(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	imported := time.Date(2026, 12, 7, 2, 0, 0, 0, time.UTC)
	sub := workbench.Submission{ID: 7, CaseID: 1, FileName: "keywords.xlsx", Kind: string(workbench.KeywordLibrary), Format: "xlsx", ImportedAt: imported}
	var rows []workbench.RecordRow
	for i, risk := range []string{"A.1.1", "A.1.2", "A.2.3"} {
		fields := fmt.Sprintf(`{"keyword":"词%d","risk":%q,"match_type":"exact","updated":%q,"version":"v1"}`, i, risk,
			imported.In(cst).AddDate(0, 0, -7).Format(workbench.DateLayout))
		rows = append(rows, workbench.RecordRow{ID: int64(100 + i), Sheet: "关键词", Row: i + 2, Ref: fmt.Sprintf("KW-%d", i), Fields: fields})
	}
	recs, err := decodeCheckRecords(sub, rows)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || recs[1].Fields.Text("risk") != "A.1.2" || !recs[0].Submitted.Equal(imported) || recs[0].HitID != "rec-100" {
		t.Fatalf("records %+v", recs[0])
	}
	tmpl, _ := checklist.ByID(checklist.SafetyID)
	it, _ := tmpl.Item("keyword-library")
	var refs []checks.Ref
	for _, c := range it.Checks {
		refs = append(refs, checks.Ref{Item: it.ID, Check: c})
	}
	out, err := checks.Run(checks.Input{Kinds: map[string]int{sub.Kind: 1}, Records: func(yield func(checks.Record, error) bool) {
		for _, r := range recs {
			if !yield(r, nil) {
				return
			}
		}
	}}, refs)
	if err != nil {
		t.Fatal(err)
	}
	if o := out[0]; o.Result != checks.NonCompliant || !strings.Contains(o.Summary.En, "3 keywords in all, fewer than 10000") ||
		!strings.Contains(o.Summary.En, "14 risks not covered") || !strings.Contains(o.Summary.Zh, "3 类风险的关键词数量不足") {
		t.Errorf("keyword_library: %+v", o.Summary)
	}
	if o := out[1]; o.Result != checks.Compliant || !strings.Contains(o.Summary.En, "7 days before its submission on 2026-12-07") {
		t.Errorf("keyword_library_updated: %+v", o.Summary)
	}
}
