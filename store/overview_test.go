package store

import (
	"context"
	"github.com/inspection-workbench/workbench"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// addSubmission stores one submission of a case with the given records'
// fields.
func addSubmission(t *testing.T, s *Store, caseID int64, name, kind, label string, fields ...string) {
	t.Helper()
	sum := strings.Repeat("0", 64-len(name)) + strings.Map(func(r rune) rune { return 'a' + r%6 }, name)
	w, err := s.BeginSubmission(context.Background(), workbench.Submission{CaseID: caseID, SHA256: sum, FileName: name, Kind: kind, Label: label,
		Format: "csv", ImporterVersion: "1"})
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range fields {
		if err := w.Add(workbench.RecordRow{Row: i + 2, Fields: f}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.Commit(nil, 0); err != nil {
		t.Fatal(err)
	}
}

func TestOverviewCounts(t *testing.T) {
	s := openTest(t, filepath.Join(t.TempDir(), "ws"))
	ctx := context.Background()
	id, err := s.CreateCase(ctx, sampleCase())
	if err != nil {
		t.Fatal(err)
	}
	other := sampleCase()
	other.Title = "另一个"
	otherID, err := s.CreateCase(ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.IncidentGroups(ctx, id); err != nil || len(got) != 0 {
		t.Fatalf("empty case: %v, %v", got, err)
	}
	addSubmission(t, s, id, "a.csv", "incident", "internal",
		`{"id":"1","found_at":"2024-03-05T14:03:05","category":"complaint"}`,
		`{"id":"2","found_at":"2024-03-05","category":"complaint"}`,
		`{"id":"3","found_at":"2024-03-31T23:30:00Z","category":"illegal_content"}`,
		`{"id":"4","found_at":"不详","category":"投诉咨询"}`,
		`{"id":"5","category":"complaint"}`,
		`{"id":"6","found_at":"2024-04","category":7}`,
	)
	addSubmission(t, s, id, "b.csv", "incident", "trade_secret", `{"id":"7","found_at":"2024-04-01"}`)
	addSubmission(t, s, id, "ds.csv", "data_source", "internal", `{"id":"DS-1","found_at":"2024-04-01","category":"open_source"}`)
	addSubmission(t, s, otherID, "c.csv", "incident", "internal", `{"id":"9","found_at":"2024-05-01","category":"complaint"}`)

	groups, err := s.IncidentGroups(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	want := []IncidentGroup{
		{"", "complaint", 1},
		{"2024-03-05", "complaint", 2},
		{"2024-03-31T23:30:00Z", "illegal_content", 1},
		{"2024-04", "", 1},
		{"2024-04-01", "", 1},
		{"不详", "投诉咨询", 1},
	}
	if !reflect.DeepEqual(groups, want) {
		t.Errorf("incident groups\n got %v\nwant %v", groups, want)
	}

	counts, err := s.SubmissionCounts(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	wantCounts := []workbench.SubmissionCount{
		{Kind: "data_source", Label: "internal", Submissions: 1, Records: 1},
		{Kind: "incident", Label: "internal", Submissions: 1, Records: 6},
		{Kind: "incident", Label: "trade_secret", Submissions: 1, Records: 1},
	}
	if !reflect.DeepEqual(counts, wantCounts) {
		t.Errorf("submission counts\n got %+v\nwant %+v", counts, wantCounts)
	}
}
