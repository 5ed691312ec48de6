package store

import (
	"context"
	"errors"
	"github.com/inspection-workbench/workbench"
	"strings"
	"testing"
)

// inspectedCase is a workspace with a case, one incident submission of two
// records and an inspection of three items.
func inspectedCase(t *testing.T) (*Store, int64, int64) {
	t.Helper()
	s := openTest(t, t.TempDir())
	ctx := context.Background()
	caseID, err := s.CreateCase(ctx, sampleCase())
	if err != nil {
		t.Fatal(err)
	}
	sum, _, err := s.Blobs().Put(strings.NewReader("incidents"))
	if err != nil {
		t.Fatal(err)
	}
	w, err := s.BeginSubmission(ctx, workbench.Submission{CaseID: caseID, SHA256: sum, FileName: "incidents.csv", Kind: "incident",
		Label: "internal", Format: "csv", ImporterVersion: "1"})
	if err != nil {
		t.Fatal(err)
	}
	for i, ref := range []string{"INC-0001", "INC-0002"} {
		if err := w.Add(workbench.RecordRow{Row: i + 2, Ref: ref, Fields: `{}`, Extra: `{}`}); err != nil {
			t.Fatal(err)
		}
	}
	sub, err := w.Commit(nil, 2)
	if err != nil {
		t.Fatal(err)
	}
	err = s.StartInspection(ctx, Inspection{CaseID: caseID, TemplateID: "t", TemplateVersion: "1", Template: "id: t\n"},
		[]string{"a", "b", "c"})
	if err != nil {
		t.Fatal(err)
	}
	return s, caseID, sub.ID
}

func strp(s string) *string { return &s }

func TestStartInspection(t *testing.T) {
	s, caseID, _ := inspectedCase(t)
	ctx := context.Background()
	in, err := s.GetInspection(ctx, caseID)
	if err != nil || in.TemplateID != "t" || in.TemplateVersion != "1" || in.Template != "id: t\n" || in.StartedAt.IsZero() {
		t.Fatalf("GetInspection = %+v, %v", in, err)
	}
	items, err := s.InspectionItems(ctx, caseID)
	if err != nil || len(items) != 3 {
		t.Fatalf("InspectionItems = %+v, %v", items, err)
	}
	for i, it := range items {
		if it.ItemID != string(rune('a'+i)) || it.Position != i+1 || it.Result != "not_assessed" || it.Evidence != 0 {
			t.Errorf("item %d = %+v", i, it)
		}
	}
	err = s.StartInspection(ctx, Inspection{CaseID: caseID, TemplateID: "u", TemplateVersion: "1", Template: "x"}, []string{"z"})
	if !errors.Is(err, workbench.ErrConflict) || !strings.Contains(err.Error(), "already has an inspection") {
		t.Errorf("second start: %v, want a conflict", err)
	}
	if n := count(t, s, "inspection_items"); n != 3 {
		t.Errorf("%d items after the refused start, want 3", n)
	}
	if err := s.StartInspection(ctx, Inspection{CaseID: 99, TemplateID: "t", TemplateVersion: "1", Template: "x"}, nil); !errors.Is(err, ErrNotFound) {
		t.Errorf("start for a missing case: %v", err)
	}
	if _, err := s.GetInspection(ctx, 99); !errors.Is(err, ErrNotFound) {
		t.Errorf("GetInspection of a missing case: %v", err)
	}
}

func TestUpdateInspectionItem(t *testing.T) {
	s, caseID, subID := inspectedCase(t)
	ctx := context.Background()
	ev := workbench.Evidence{Ref: "INC-0001", Target: "rec-1", SubmissionID: subID, SHA256: strings.Repeat("a", 64), FileName: "incidents.csv",
		Kind: "incident", Location: "line 2", Quote: "INC-0001 text"}
	err := s.UpdateInspectionItem(ctx, caseID, "b", ItemUpdate{Result: strp("non_compliant"), Severity: strp("high"),
		Note: strp("n"), Deadline: strp("2026-12-31"), Evidence: []workbench.Evidence{ev, ev}})
	if err != nil {
		t.Fatal(err)
	}
	// Only the fields given change; the same target again is ignored.
	ev.Ref = "rec-1"
	if err := s.UpdateInspectionItem(ctx, caseID, "b", ItemUpdate{Finding: strp("f"), Evidence: []workbench.Evidence{ev}}); err != nil {
		t.Fatal(err)
	}
	it, err := s.InspectionItem(ctx, caseID, "b")
	if err != nil {
		t.Fatal(err)
	}
	if it.Result != "non_compliant" || it.Severity != "high" || it.Note != "n" || it.Finding != "f" || it.Deadline != "2026-12-31" || it.Evidence != 1 {
		t.Errorf("item b = %+v", it)
	}
	evs, err := s.ItemEvidence(ctx, caseID, "b")
	if err != nil || len(evs) != 1 || evs[0].Ref != "INC-0001" || evs[0].Quote != "INC-0001 text" || evs[0].SubmissionID != subID {
		t.Errorf("ItemEvidence = %+v, %v", evs, err)
	}
	if err := s.UpdateInspectionItem(ctx, caseID, "zz", ItemUpdate{Result: strp("compliant")}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown item: %v", err)
	}
	if err := s.UpdateInspectionItem(ctx, caseID, "a", ItemUpdate{Result: strp("fine")}); err == nil {
		t.Error("a result outside the CHECK constraint was stored")
	}
	// Nothing of a failed update stays.
	bad := ev
	bad.Target = "rec-2"
	if err := s.UpdateInspectionItem(ctx, caseID, "a", ItemUpdate{Severity: strp("extreme"), Evidence: []workbench.Evidence{bad}}); err == nil {
		t.Error("a bad severity was stored")
	}
	if n := count(t, s, "evidence"); n != 1 {
		t.Errorf("%d evidence rows after a failed update, want 1", n)
	}
	for _, status := range []string{StatusConcluded, StatusSigned} {
		if _, err := s.DB().Exec(`UPDATE cases SET status = ? WHERE id = ?`, status, caseID); err != nil {
			t.Fatal(err)
		}
		err := s.UpdateInspectionItem(ctx, caseID, "a", ItemUpdate{Result: strp("compliant")})
		if !errors.Is(err, workbench.ErrConflict) || err.Error() != "case 1's inspection is "+status+"; it can no longer be changed" {
			t.Errorf("update of a %s case: %v", status, err)
		}
	}
}

func TestRecordsByRef(t *testing.T) {
	s, caseID, _ := inspectedCase(t)
	ctx := context.Background()
	ms, err := s.RecordsByRef(ctx, caseID, "INC-0002")
	if err != nil || len(ms) != 1 || ms[0].Record.Row != 3 || ms[0].Submission.FileName != "incidents.csv" {
		t.Errorf("RecordsByRef = %+v, %v", ms, err)
	}
	if ms, _ := s.RecordsByRef(ctx, caseID+1, "INC-0002"); len(ms) != 0 {
		t.Errorf("records of another case: %+v", ms)
	}
}

// TestInspectionCascade: deleting the submission keeps the evidence with
// what it copied; deleting the case removes the inspection entirely.
func TestInspectionCascade(t *testing.T) {
	s, caseID, subID := inspectedCase(t)
	ctx := context.Background()
	ev := workbench.Evidence{Ref: "rec-1", Target: "rec-1", SubmissionID: subID, SHA256: strings.Repeat("b", 64), FileName: "incidents.csv",
		Kind: "incident", Location: "line 2", Quote: "q"}
	if err := s.UpdateInspectionItem(ctx, caseID, "a", ItemUpdate{Evidence: []workbench.Evidence{ev}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`DELETE FROM submissions WHERE id = ?`, subID); err != nil {
		t.Fatal(err)
	}
	evs, err := s.ItemEvidence(ctx, caseID, "a")
	if err != nil || len(evs) != 1 || evs[0].SubmissionID != 0 || evs[0].Quote != "q" || evs[0].SHA256 != ev.SHA256 {
		t.Errorf("evidence after the submission's removal = %+v, %v", evs, err)
	}
	if err := s.DeleteCase(ctx, caseID); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"inspections", "inspection_items", "evidence"} {
		if n := count(t, s, table); n != 0 {
			t.Errorf("%s holds %d rows after the case was deleted", table, n)
		}
	}
}
