package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/store"
	"github.com/xuri/excelize/v2"
)

func piiFixture(name string) string { return filepath.Join("..", "testdata", "pii", name) }

// importPII imports the personal-information fixtures into a new case: the
// incident log as internal, the notes as a state secret.
func importPII(t *testing.T, a *App) (caseID, csvID, mdID int64) {
	t.Helper()
	ctx := context.Background()
	caseID = newCase(t, a)
	for _, f := range []struct {
		file  string
		kind  workbench.Kind
		label workbench.Label
		id    *int64
	}{
		{"incidents-pii.csv", workbench.Incident, workbench.Internal, &csvID},
		{"complaint-notes.md", workbench.AnnotationRule, workbench.StateSecret, &mdID},
	} {
		reps, err := a.Import(ctx, ImportRequest{CaseID: caseID, Kind: f.kind, Label: f.label, Files: []string{piiFixture(f.file)}})
		if err != nil || len(reps) != 1 || reps[0].Status != StatusImported {
			t.Fatalf("import %s: %+v, %v", f.file, reps, err)
		}
		*f.id = reps[0].SubmissionID
	}
	return caseID, csvID, mdID
}

func counts(rid, mobile, email, card int) map[workbench.PIIType]int {
	return map[workbench.PIIType]int{workbench.PIIResidentID: rid, workbench.PIIMobile: mobile, workbench.PIIEmail: email, workbench.PIIBankCard: card}
}

func sameCounts(a, b map[workbench.PIIType]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestScanPII(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	caseID, csvID, mdID := importPII(t, a)

	before, err := a.PIIResults(ctx, caseID)
	if err != nil || len(before.Submissions) != 2 || before.Submissions[0].Scanned || before.Submissions[0].Total != 0 {
		t.Fatalf("results before a scan: %+v, %v", before, err)
	}

	var last PIIProgress
	calls := 0
	rep, err := a.ScanPII(ctx, caseID, func(p PIIProgress) {
		if p.Done < last.Done || p.Total != 5+5 {
			t.Errorf("progress %+v after %+v", p, last)
		}
		last = p
		calls++
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls < 2 || last.Done != last.Total {
		t.Errorf("%d progress calls, last %+v", calls, last)
	}
	if len(rep.Submissions) != 2 || rep.Raised != 1 || !sameCounts(rep.Totals, counts(2, 3, 2, 1)) {
		t.Fatalf("report %+v", rep)
	}
	csv, md := rep.Submissions[0], rep.Submissions[1]
	if csv.SubmissionID != csvID || !sameCounts(csv.Counts, counts(2, 2, 1, 1)) || csv.Total != 6 || csv.Truncated {
		t.Errorf("incident log: %+v", csv)
	}
	// Raised to personal_info; the state secret is never lowered.
	if csv.Label != "personal_info" || csv.LabelBefore != "internal" || md.Label != "state_secret" || md.LabelBefore != "" {
		t.Errorf("labels: %s (was %q), %s (was %q)", csv.Label, csv.LabelBefore, md.Label, md.LabelBefore)
	}
	if md.SubmissionID != mdID || !sameCounts(md.Counts, counts(0, 1, 1, 0)) {
		t.Errorf("notes: %+v", md)
	}
	want := []string{
		"resident_id INC-9001 line 2 description 110**************X",
		"mobile INC-9001 line 2 description 138****8000",
		"email INC-9002 line 3 description z***@example.com",
		"mobile INC-9002 line 3 notes +86 139 **** 5678",
		"bank_card INC-9004 line 5 description ***************0128",
		"resident_id INC-9004 line 5 description 110**************x",
	}
	for i, f := range csv.Found {
		got := fmt.Sprintf("%s %s %s %s %s", f.Type, f.Ref, f.Location, f.Field, f.Value)
		if i >= len(want) || got != want[i] || !strings.HasPrefix(f.Hit, "rec-") {
			t.Errorf("found[%d] = %s (%s)", i, got, f.Hit)
		}
	}
	if len(md.Found) != 2 || md.Found[0].Value != "139-****-5678" || md.Found[1].Value != "l***@example.cn" ||
		!strings.HasPrefix(md.Found[0].Hit, "psg-") || !strings.Contains(md.Found[0].Location, "第一次回访") || md.Found[0].Field != "" {
		t.Errorf("notes found %+v", md.Found)
	}
	for _, raw := range []string{"11010519491231002X", "13800138000", "zhangsan@", "6222021234567890128", "1234 5678", "lisi@"} {
		if s := fmt.Sprintf("%+v", rep); strings.Contains(s, raw) {
			t.Errorf("the report holds %q unmasked", raw)
		}
	}
	if sub, err := a.Store().GetSubmission(ctx, csvID); err != nil || sub.Label != "personal_info" {
		t.Errorf("stored label %q, %v", sub.Label, err)
	}

	// The results are kept, and a second scan finds the same and raises
	// nothing.
	kept, err := a.PIIResults(ctx, caseID)
	if err != nil || len(kept.Submissions) != 2 || !kept.Submissions[0].Scanned || kept.Submissions[0].Detector != PIIDetector ||
		!sameCounts(kept.Totals, rep.Totals) || len(kept.Submissions[0].Found) != 6 || kept.Submissions[0].Found[3] != csv.Found[3] {
		t.Errorf("kept results %+v, %v", kept, err)
	}
	again, err := a.ScanPII(ctx, caseID, nil)
	if err != nil || again.Raised != 0 || !sameCounts(again.Totals, rep.Totals) || again.Submissions[0].LabelBefore != "" {
		t.Errorf("second scan %+v, %v", again, err)
	}

	if _, err := a.ScanPII(ctx, 999, nil); ErrorCode(err) != workbench.CodeNotFound {
		t.Errorf("scan of a missing case: %v", err)
	}
}

// TestScanPIIPages scans a log longer than a page, with more matches than
// a scan lists, and a scan that is cancelled.
func TestScanPIIPages(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	caseID := newCase(t, a)
	var b strings.Builder
	b.WriteString("事件编号,发现时间,事件类别,事件描述\n")
	const rows = 2*scanPageSize + 345
	for i := 1; i <= rows; i++ {
		desc := "无"
		if i%100 == 0 {
			desc = fmt.Sprintf("用户手机 139%08d", i)
		}
		fmt.Fprintf(&b, "INC-%05d,2024-03-15 10:30:00,投诉举报,%s\n", i, desc)
	}
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Import(ctx, ImportRequest{CaseID: caseID, Kind: workbench.Incident, Files: []string{path}}); err != nil {
		t.Fatal(err)
	}
	rep, err := a.ScanPII(ctx, caseID, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := rep.Submissions[0]
	if s.Counts[workbench.PIIMobile] != rows/100 || len(s.Found) != MaxPIIFound || !s.Truncated || s.Found[MaxPIIFound-1].Ref != "INC-02000" {
		t.Errorf("%d mobiles, %d listed (truncated %v), last %+v", s.Counts[workbench.PIIMobile], len(s.Found), s.Truncated, s.Found[len(s.Found)-1])
	}

	cctx, cancel := context.WithCancel(ctx)
	_, err = a.ScanPII(cctx, caseID, func(p PIIProgress) {
		if p.Done >= scanPageSize {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled scan: %v", err)
	}
}

func TestSetLabel(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	caseID, csvID, _ := importPII(t, a)
	ch, err := a.SetLabel(ctx, csvID, "商业秘密")
	if err != nil || !ch.Changed || ch.From != "internal" || ch.To != "trade_secret" || ch.CaseID != caseID || ch.File != "incidents-pii.csv" || ch.Why != LabelByInspector {
		t.Errorf("SetLabel: %+v, %v", ch, err)
	}
	// Lowering is the inspector's call.
	if ch, err := a.SetLabel(ctx, csvID, "Public"); err != nil || !ch.Changed || ch.From != "trade_secret" || ch.To != "public" {
		t.Errorf("SetLabel public: %+v, %v", ch, err)
	}
	if ch, err := a.SetLabel(ctx, csvID, "public"); err != nil || ch.Changed {
		t.Errorf("SetLabel to the same label: %+v, %v", ch, err)
	}
	if _, err := a.SetLabel(ctx, csvID, "secret"); !isField(err, "label") {
		t.Errorf("unknown label: %v", err)
	}
	if _, err := a.SetLabel(ctx, 999, "public"); !errors.Is(err, store.ErrNotFound) || ErrorCode(err) != workbench.CodeNotFound {
		t.Errorf("missing submission: %v", err)
	}
	if sub, _ := a.Store().GetSubmission(ctx, csvID); sub.Label != "public" {
		t.Errorf("stored label %q", sub.Label)
	}
	// The trail holds the two changes, not the one that changed nothing.
	trail, err := a.AuditTrail(ctx, caseID)
	if err != nil {
		t.Fatal(err)
	}
	var changes []string
	for _, e := range trail {
		if e.Action == workbench.AuditLabelChanged {
			changes = append(changes, e.Details)
		}
	}
	if len(changes) != 2 || !strings.Contains(changes[0], `"to":"trade_secret"`) || !strings.Contains(changes[1], `"from":"trade_secret"`) {
		t.Errorf("label changes in the audit trail: %q", changes)
	}
}

// TestLabelChangeReachesSearch: a search filtered by label finds a
// submission's records under its new label once the index catches up, and
// hits and evidence show the label.
func TestLabelChangeReachesSearch(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	caseID, csvID, _ := importPII(t, a)
	search := func(label string) workbench.SearchResult {
		t.Helper()
		if _, err := a.SyncIndex(ctx, nil); err != nil {
			t.Fatal(err)
		}
		res, err := a.Search(ctx, workbench.SearchRequest{Query: "投诉", CaseID: caseID, Label: label})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	if res := search("internal"); res.Total == 0 || res.Hits[0].Label != "internal" {
		t.Fatalf("before: %+v", res)
	}
	if _, err := a.SetLabel(ctx, csvID, "trade_secret"); err != nil {
		t.Fatal(err)
	}
	if res := search("internal"); res.Total != 0 {
		t.Errorf("still found as internal: %d hits", res.Total)
	}
	res := search("trade_secret")
	if res.Total == 0 || res.Hits[0].Label != "trade_secret" || res.Facets.Label["trade_secret"] != res.Total {
		t.Errorf("after: %+v", res)
	}
}

// TestExportLeavesOutStateSecret: the material of a submission labelled
// state secret stays out of the workbook unless included, and the Summary
// says which.
func TestExportLeavesOutStateSecret(t *testing.T) {
	a, id := exportedInspection(t)
	ctx := context.Background()
	subs, err := a.ListSubmissions(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range subs {
		if s.FileName == "incidents.csv" {
			if _, err := a.SetLabel(ctx, s.ID, "state_secret"); err != nil {
				t.Fatal(err)
			}
		}
	}
	read := func(include bool) (ExportReport, map[string]string) {
		t.Helper()
		path := filepath.Join(t.TempDir(), "case.xlsx")
		rep, err := a.Export(ctx, ExportRequest{CaseID: id, Path: path, Lang: workbench.ExportLangEn, IncludeStateSecret: include})
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		sheets := map[string]string{}
		for _, sheet := range f.GetSheetList() {
			rows, _ := f.GetRows(sheet)
			var b strings.Builder
			for _, r := range rows {
				b.WriteString(strings.Join(r, "|") + "\n")
			}
			sheets[sheet] = b.String()
		}
		return rep, sheets
	}
	rep, out := read(false)
	if rep.IncludeStateSecret || rep.StateSecret.Submissions != 1 || rep.StateSecret.Evidence == 0 {
		t.Errorf("report %+v", rep)
	}
	// Findings and summaries the inspector accepted may name record ids;
	// references to the file and its places are left out.
	for _, sheet := range []string{"Findings", "Evidence", "Submissions", "Automated checks"} {
		if strings.Contains(out[sheet], "incidents.csv") {
			t.Errorf("%s names the state-secret file:\n%s", sheet, out[sheet])
		}
	}
	if !strings.Contains(out["Summary"], "Left out: 1 file labelled state secret") || !strings.Contains(out["Submissions"], "data-sources.xlsx") {
		t.Errorf("Summary:\n%s", out["Summary"])
	}
	// The evidence rows that stay carry their file's label.
	if !strings.Contains(out["Evidence"], "Trade secret") {
		t.Errorf("Evidence without labels:\n%s", out["Evidence"])
	}

	rep, out = read(true)
	if !rep.IncludeStateSecret || !strings.Contains(out["Evidence"], "incidents.csv") || !strings.Contains(out["Evidence"], "State secret") ||
		!strings.Contains(out["Submissions"], "incidents.csv") || !strings.Contains(out["Findings"], "incidents.csv") ||
		!strings.Contains(out["Automated checks"], "incidents.csv") ||
		!strings.Contains(out["Summary"], "Included: this workbook contains 1 file labelled state secret") {
		t.Errorf("included: %+v\n%s", rep, out["Summary"])
	}
}
