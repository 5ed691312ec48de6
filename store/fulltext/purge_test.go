package fulltext

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/inspection-workbench/workbench"
)

// segmentsHolding counts the index's segments whose dictionary of field
// lists term, whether or not the documents holding it are deleted.
func segmentsHolding(t *testing.T, x *Index, field, term string) int {
	t.Helper()
	snap, err := x.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	n := 0
	for _, s := range snap.Segments() {
		dict, err := s.Segment().Dictionary(field)
		if err != nil {
			t.Fatal(err)
		}
		b, err := postingsOf(dict, term)
		if err != nil {
			t.Fatal(err)
		}
		if !b.IsEmpty() {
			n++
		}
	}
	return n
}

func segmentFiles(t *testing.T, x *Index) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(x.path, "store", "*.zap"))
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// TestPurgeDropsDeletedTerms: a deleted case's documents leave the index
// at Sync, but their terms stay in the segments that held them; Purge
// rewrites the index without them and the old segment files go.
func TestPurgeDropsDeletedTerms(t *testing.T) {
	c := newCorpus(t, 7, 20)
	ctx := context.Background()
	for range 3 {
		c.add(t, 1, 30, 5)
	}
	w, err := c.st.BeginSubmission(ctx, workbench.Submission{CaseID: c.cases[0], SHA256: fmt.Sprintf("%064x", 999999),
		FileName: "secret.csv", Kind: string(workbench.Incident), Label: string(workbench.TradeSecret), Format: "csv", ImporterVersion: "1"})
	if err != nil {
		t.Fatal(err)
	}
	f, _ := json.Marshal(map[string]string{"t": "违法内容 qzxsecretmarker 已处置", "d": ""})
	if err := w.Add(workbench.RecordRow{Row: 2, Fields: string(f)}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Commit(nil, 1); err != nil {
		t.Fatal(err)
	}
	c.sync(t)
	// One segment for everything, as bleve's merges make in time: the
	// deleted documents then share it with documents that stay.
	if err := c.x.Purge(ctx); err != nil {
		t.Fatal(err)
	}
	const term = "qzxsecretmarker"
	if n := segmentsHolding(t, c.x, fieldText, term); n != 1 {
		t.Fatalf("%d segments hold %q after indexing, want 1", n, term)
	}
	if err := c.st.DeleteCase(ctx, c.cases[0]); err != nil {
		t.Fatal(err)
	}
	c.sync(t)
	res, err := c.x.Search(ctx, workbench.SearchRequest{Query: term})
	if err != nil || res.Total != 0 {
		t.Fatalf("search after deleting: %d hits, %v", res.Total, err)
	}
	if n := segmentsHolding(t, c.x, fieldText, term); n != 1 {
		t.Fatalf("%d segments hold %q after deleting, want the 1 that held it", n, term)
	}
	old := segmentFiles(t, c.x)
	if err := c.x.Purge(ctx); err != nil {
		t.Fatal(err)
	}
	if n := segmentsHolding(t, c.x, fieldText, term); n != 0 {
		t.Errorf("%d segments hold %q after Purge", n, term)
	}
	now := segmentFiles(t, c.x)
	for _, f := range old {
		if slices.Contains(now, f) {
			t.Errorf("segment file %s is still there after Purge (files %v)", filepath.Base(f), now)
		}
	}
	if docs, err := c.x.DocCount(); err != nil || docs != 3*35 {
		t.Errorf("%d documents after Purge (%v), want %d", docs, err, 3*35)
	}
}
