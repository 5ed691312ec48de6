package app

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app/export"
)

// actionsOf lists the actions of a trail in the order each first
// appears.
func actionsOf(es []workbench.AuditEntry) []workbench.AuditAction {
	var out []workbench.AuditAction
	for _, e := range es {
		if !slices.Contains(out, e.Action) {
			out = append(out, e.Action)
		}
	}
	return out
}

// TestAuditTrailRecordsEveryChange drives a case through its life — made,
// files imported, inspection started, checks run, proposals decided,
// items assessed, exported, an edited checklist imported, concluded,
// reopened, signed, deleted — and expects each change in the trail, once,
// in order, with a chain that verifies.
func TestAuditTrailRecordsEveryChange(t *testing.T) {
	a, id := exportedInspection(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "case.xlsx")
	if _, err := a.Export(ctx, ExportRequest{CaseID: id, Path: path, Lang: workbench.ExportLangZh}); err != nil {
		t.Fatal(err)
	}
	edit(t, path, func(f *excelize.File, sheet string, cells map[string]map[string]string) {
		f.SetCellStr(sheet, cells["art4-1-prohibited-content"][export.FieldNote], "审计意见：需补充拒答策略。")
	})
	if rep, err := a.ImportChecklist(ctx, id, path, false); err != nil || !rep.Applied {
		t.Fatalf("import checklist: %+v, %v", rep, err)
	}
	st, err := a.InspectionStatus(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range st.Items {
		switch {
		case it.Proposal != nil && it.Proposal.Decision == DecisionPending:
			if _, err := a.AcceptProposal(ctx, id, it.ID); err != nil {
				t.Fatal(err)
			}
		case it.Result == ResultNotAssessed:
			if _, err := a.Assess(ctx, AssessInput{CaseID: id, ItemID: it.ID, Result: "compliant"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	finding := "未说明"
	for _, it := range st.Items {
		if _, err := a.Assess(ctx, AssessInput{CaseID: id, ItemID: it.ID, Finding: &finding}); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.ConcludeInspection(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := a.ReopenInspection(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := a.ConcludeInspection(ctx, id); err != nil {
		t.Fatal(err)
	}
	sig, err := a.SignInspection(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.DeleteCase(ctx, id); err != nil {
		t.Fatal(err)
	}

	es, err := a.AuditTrail(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	want := []workbench.AuditAction{workbench.AuditCaseCreated, workbench.AuditFileImported, workbench.AuditInspectionStarted,
		workbench.AuditChecksRun, workbench.AuditProposalDecided, workbench.AuditItemAssessed, workbench.AuditExportWritten,
		workbench.AuditChecklistImported, workbench.AuditInspectionConcluded, workbench.AuditInspectionReopened,
		workbench.AuditInspectionSigned, workbench.AuditCaseDeleted}
	if got := actionsOf(es); !slices.Equal(got, want) {
		t.Errorf("actions\n%v\nwant\n%v", got, want)
	}
	byAction := map[workbench.AuditAction][]workbench.AuditEntry{}
	for _, e := range es {
		byAction[e.Action] = append(byAction[e.Action], e)
		if e.CaseID != id {
			t.Errorf("entry %d is about case %d", e.Seq, e.CaseID)
		}
		// Notes, findings and quotations are content: never in the trail.
		for _, content := range []string{"审计意见", "13800138000", finding} {
			if strings.Contains(e.Details, content) {
				t.Errorf("entry %d (%s) records content %q: %s", e.Seq, e.Action, content, e.Details)
			}
		}
	}
	if n := len(byAction[workbench.AuditFileImported]); n != 14 {
		t.Errorf("%d files imported, want 14 (the sample's files and its four label samples)", n)
	}
	if n := len(byAction[workbench.AuditInspectionConcluded]); n != 2 {
		t.Errorf("concluded %d times, want 2", n)
	}
	// The checklist import's own entry follows the item it changed.
	for i, e := range es {
		if e.Action == workbench.AuditChecklistImported && (i == 0 || es[i-1].Action != workbench.AuditItemAssessed || es[i-1].Object != "case/1/item/art4-1-prohibited-content") {
			t.Errorf("checklist import entry %d does not follow the item it changed: %+v", e.Seq, es[i-1])
		}
	}
	for _, e := range byAction[workbench.AuditFileImported] {
		if !strings.HasPrefix(e.Object, "submission/") || !strings.Contains(e.Details, `"sha256":"`) {
			t.Errorf("import entry %+v", e)
		}
	}
	sum, _ := fileSHA256(path)
	if ex := byAction[workbench.AuditExportWritten]; len(ex) != 1 || !strings.Contains(ex[0].Details, `"lang":"zh"`) {
		t.Errorf("export entries %+v", ex)
	}
	if ci := byAction[workbench.AuditChecklistImported]; len(ci) != 1 || !strings.Contains(ci[0].Details, sum) ||
		!strings.Contains(ci[0].Details, `"items":["art4-1-prohibited-content"]`) {
		t.Errorf("checklist import entries %+v (workbook %s)", ci, sum)
	}
	if s := byAction[workbench.AuditInspectionSigned]; len(s) != 1 || !strings.Contains(s[0].Details, sig.SHA256) {
		t.Errorf("sign entries %+v", s)
	}
	chk, err := a.VerifyAudit(ctx)
	if err != nil || !chk.Intact || chk.Entries != len(es) {
		t.Errorf("VerifyAudit = %+v, %v; want intact with %d entries", chk, err, len(es))
	}
}

// A change refused leaves no entry; an export that cannot be recorded is
// not left behind.
func TestAuditRefusedChangesLeaveNoEntry(t *testing.T) {
	a, id := demoInspection(t)
	ctx := context.Background()
	before, _ := a.AuditTrail(ctx, 0)
	if _, err := a.Assess(ctx, AssessInput{CaseID: id, ItemID: "no-such-item", Result: "compliant"}); err == nil {
		t.Fatal("assessing an unknown item succeeded")
	}
	if err := a.ConcludeInspection(ctx, id); err == nil {
		t.Fatal("concluding an unassessed inspection succeeded")
	}
	if _, err := a.Export(ctx, ExportRequest{CaseID: id, Path: filepath.Join(t.TempDir(), "x.csv")}); err == nil {
		t.Fatal("exporting to .csv succeeded")
	}
	if after, _ := a.AuditTrail(ctx, 0); len(after) != len(before) {
		t.Errorf("%d entries after refused changes, %d before", len(after), len(before))
	}
	if _, err := a.Store().DB().Exec(`DROP TABLE audit_head`); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "case.xlsx")
	if _, err := a.Export(ctx, ExportRequest{CaseID: id, Path: path}); err == nil {
		t.Fatal("an export that could not be audited succeeded")
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the unaudited export was left at %s: %v", path, err)
	}
}

// TestSecureDeleteLeavesNoTrace imports a file holding a unique string into
// one case and a file shared with another case, indexes both, deletes the
// first case and then reads every file of the workspace — database, its
// log, blobs, search index — for the string: before, it is there; after,
// nowhere. The shared file stays for the other case. (The index's
// dictionaries do not hold a term as plain bytes; that Purge leaves none
// of a deleted case's terms is fulltext's TestPurgeDropsDeletedTerms.)
func TestSecureDeleteLeavesNoTrace(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	doomed, keep := newCase(t, a), newCase(t, a)
	unique := filepath.Join("..", "testdata", "securedelete", "incidents-unique.csv")
	shared := sample("annotation-qa.csv")
	if _, err := a.Import(ctx, ImportRequest{CaseID: doomed, Files: []string{unique, shared}}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Import(ctx, ImportRequest{CaseID: keep, Files: []string{shared}}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SyncIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	const secret = "qzxsecretmarker"
	if res, err := a.Search(ctx, workbench.SearchRequest{Query: secret}); err != nil || res.Total == 0 {
		t.Fatalf("search for %s before deleting: %+v, %v", secret, res.Total, err)
	}
	grep := func() []string {
		var found []string
		// bleve's merger may remove a segment file between listing and
		// reading it: a file gone is a file that holds nothing.
		err := filepath.WalkDir(a.Dir(), func(p string, d fs.DirEntry, err error) error {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			if err != nil {
				return err
			}
			b = bytes.ToLower(b)
			for _, s := range []string{secret, reverse(secret), "qzxsecret"} {
				if bytes.Contains(b, []byte(s)) {
					rel, _ := filepath.Rel(a.Dir(), p)
					found = append(found, rel+": "+s)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return found
	}
	// Checkpointed, the records are in the database file itself, where
	// the pages deleting them frees must be overwritten.
	if err := a.Store().TruncateWAL(ctx); err != nil {
		t.Fatal(err)
	}
	before := grep()
	if !slices.ContainsFunc(before, func(s string) bool { return strings.HasPrefix(s, "blobs") }) ||
		!slices.Contains(before, "workbench.db: "+secret) {
		t.Fatalf("before deleting, the string is not where it should be: %v", before)
	}
	if err := a.DeleteCase(ctx, doomed); err != nil {
		t.Fatal(err)
	}
	if found := grep(); len(found) > 0 {
		t.Errorf("after deleting case %d the workspace still holds its content: %v", doomed, found)
	}
	res, err := a.Search(ctx, workbench.SearchRequest{Query: "安全性标注"})
	if err != nil || res.Total == 0 {
		t.Errorf("the other case's shared file is no longer searchable: %+v, %v", res.Total, err)
	}
	subs, _ := a.ListSubmissions(ctx, keep)
	if ok, _ := a.Store().Blobs().Has(subs[0].SHA256); len(subs) != 1 || !ok {
		t.Errorf("the shared file's blob went with the deleted case")
	}
	chk, err := a.VerifyAudit(ctx)
	if err != nil || !chk.Intact {
		t.Errorf("VerifyAudit after deleting: %+v, %v", chk, err)
	}
}

func reverse(s string) string {
	b := []byte(s)
	slices.Reverse(b)
	return string(b)
}
