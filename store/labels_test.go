package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/inspection-workbench/workbench"
)

func TestSubmissionLabelsAndScans(t *testing.T) {
	s := openTest(t, filepath.Join(t.TempDir(), "ws"))
	ctx := context.Background()
	id, err := s.CreateCase(ctx, sampleCase())
	if err != nil {
		t.Fatal(err)
	}
	addSubmission(t, s, id, "a.csv", "incident", "internal", `{"id":"1"}`)
	addSubmission(t, s, id, "b.csv", "incident", "public", `{"id":"2"}`)
	subs, err := s.ListSubmissions(ctx, id)
	if err != nil || len(subs) != 2 {
		t.Fatal(subs, err)
	}
	a, b := subs[0].ID, subs[1].ID

	if old, err := s.SetSubmissionLabel(ctx, a, workbench.StateSecret, "set"); err != nil || old != workbench.Internal {
		t.Errorf("set label: %q, %v", old, err)
	}
	if got, _ := s.GetSubmission(ctx, a); got.Label != "state_secret" {
		t.Errorf("stored label %q", got.Label)
	}
	if _, err := s.SetSubmissionLabel(ctx, 999, workbench.Public, "set"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing submission: %v", err)
	}
	if _, err := s.SetSubmissionLabel(ctx, a, "secret", "set"); err == nil {
		t.Error("the database took an unknown label")
	}
	if got, _ := s.GetSubmission(ctx, a); got.Label != "state_secret" {
		t.Errorf("label after a refused change %q", got.Label)
	}

	at := time.Date(2026, 12, 7, 2, 0, 0, 0, time.UTC)
	if err := s.SavePIIScan(ctx, PIIScan{SubmissionID: a, ScannedAt: at, Detector: "pii/1", Counts: `{"mobile":1}`, Found: `[]`}); err != nil {
		t.Fatal(err)
	}
	// A second scan replaces the first.
	if err := s.SavePIIScan(ctx, PIIScan{SubmissionID: a, ScannedAt: at.Add(time.Hour), Detector: "pii/1", Counts: `{"mobile":2}`, Found: `[1]`, Truncated: true}); err != nil {
		t.Fatal(err)
	}
	scans, err := s.PIIScans(ctx, id)
	if err != nil || len(scans) != 1 || scans[0].SubmissionID != a || scans[0].Counts != `{"mobile":2}` || !scans[0].Truncated ||
		!scans[0].ScannedAt.Equal(at.Add(time.Hour)) {
		t.Errorf("scans %+v, %v", scans, err)
	}
	if err := s.SavePIIScan(ctx, PIIScan{SubmissionID: b, ScannedAt: at, Detector: "pii/1", Counts: `{}`, Found: `[]`}); err != nil {
		t.Fatal(err)
	}
	// Deleting the case deletes its scans.
	if err := s.DeleteCase(ctx, id); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM pii_scans`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d scans left after the case was deleted (%v)", n, err)
	}
}
