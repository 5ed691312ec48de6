package app

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/inspection-workbench/workbench"
)

// The provider's own words in a vocabulary column are searchable beside
// the standard name they are read as (issue #15: 违法不良信息（模型输出）,
// stored only as illegal_content, was not found by its own words), and
// the checks still read the term.
func TestSearchProviderWords(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	id := newCase(t, a)
	reps, err := a.Import(ctx, ImportRequest{CaseID: id, Files: []string{filepath.Join("..", "testdata", "provider-words", "incidents.csv")}})
	if err != nil {
		t.Fatal(err)
	}
	if r := reps[0]; r.Status != StatusImported || r.Kind != "incident" || r.Records != 3 {
		t.Fatalf("report %+v", r)
	}
	for _, w := range reps[0].Warnings {
		if w.Reason == workbench.ReasonFieldsUnmapped {
			t.Errorf("headers of the fixture not all mapped: %+v", w)
		}
	}
	if _, err := a.SyncIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{
		`"违法不良信息"`: 2, // the provider's words
		`"违法内容"`:   2, // the standard name
		`"拦截生成"`:   2,
		`"停止生成"`:   2,
		`"用户投诉"`:   1,
		`"不涉及"`:    2, // a not-applicable answer, kept as written
	} {
		if got := search(t, a, workbench.SearchRequest{Query: q, CaseID: id, NoFacets: true}).Total; got != want {
			t.Errorf("search %s: %d hits, want %d", q, got, want)
		}
	}
	// Stored as the provider wrote it (the importers read the term from it).
	n := sqlCount(t, a, `SELECT count(*) FROM records WHERE json_extract(fields, '$.category') = '违法不良信息（模型输出）'`)
	if n != 2 {
		t.Errorf("%d records keep the provider's category as written, want 2", n)
	}
}
