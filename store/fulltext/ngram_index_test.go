package fulltext_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
)

// demoApp is a workspace with the demo case imported and indexed, and the
// number of documents its index holds.
func demoApp(t *testing.T, dir string) (*app.App, int) {
	t.Helper()
	ctx := context.Background()
	a, err := app.Open(ctx, dir, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.SeedDemo(ctx); err != nil {
		a.Close()
		t.Fatal(err)
	}
	rep, err := a.SyncIndex(ctx, nil)
	if err != nil || rep.Added == 0 {
		a.Close()
		t.Fatalf("index the demo: %+v %v", rep, err)
	}
	return a, rep.Added
}

// likeCount is how many records and passages hold s in their stored text.
func likeCount(t *testing.T, a *app.App, s string) int {
	t.Helper()
	n := 0
	for _, q := range []string{`SELECT count(*) FROM records WHERE fields LIKE ?`, `SELECT count(*) FROM passages WHERE text LIKE ?`} {
		var k int
		if err := a.Store().DB().QueryRow(q, "%"+s+"%").Scan(&k); err != nil {
			t.Fatal(err)
		}
		n += k
	}
	return n
}

// TestNgramSearchAndHighlight searches Chinese words and phrases of 1 to
// 11 characters, each found through CJK n-grams, and checks the totals
// against SQLite and that every snippet marks exactly the characters
// searched for (overlapping n-gram locations merged into one mark).
func TestNgramSearchAndHighlight(t *testing.T) {
	a, _ := demoApp(t, t.TempDir())
	defer a.Close()
	ctx := context.Background()
	for _, q := range []string{"赌", "赌博", "含赌博", "赌博推广", "含赌博推广信", "生成内容含赌博推广信息", "停止生成"} {
		res, err := a.Search(ctx, workbench.SearchRequest{Query: q, Limit: 20})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		// 停止生成 is also the Chinese label of an action code, which the
		// records' JSON holds as a code: count it only by its hits.
		if want := likeCount(t, a, q); q != "停止生成" && res.Total != want {
			t.Errorf("%s: total %d, database has %d", q, res.Total, want)
		}
		if len(res.Hits) == 0 {
			t.Errorf("%s: no hits", q)
		}
		for _, h := range res.Hits {
			marked := 0
			for _, s := range h.Segments {
				if s.Mark {
					marked++
					if s.Text != q {
						t.Errorf("%s: hit %s marks %q in %q", q, h.ID, s.Text, h.Snippet)
					}
				}
			}
			if marked == 0 {
				t.Errorf("%s: hit %s marks nothing: %q", q, h.ID, h.Snippet)
			}
		}
	}
	// A phrase written with a space matches the text without one, and
	// marks the characters on both sides.
	res, err := a.Search(ctx, workbench.SearchRequest{Query: `"赌博 推广信息"`, Limit: 5})
	if err != nil || res.Total != likeCount(t, a, "赌博推广信息") || len(res.Hits) == 0 {
		t.Fatalf(`"赌博 推广信息": %d hits, %v; database has %d`, res.Total, err, likeCount(t, a, "赌博推广信息"))
	}
	if !strings.Contains(res.Hits[0].Snippet, "<mark>赌博推广信息</mark>") {
		t.Errorf(`"赌博 推广信息": snippet %s`, res.Hits[0].Snippet)
	}
}

// TestOldFormatIndexRebuilt: an index written in an earlier format (the
// bigram-only format 3) is rebuilt by the next update, with progress, and
// is then searchable with the new terms.
func TestOldFormatIndexRebuilt(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a, docs := demoApp(t, dir)
	want := likeCount(t, a, "生成内容含赌博推广信息")
	a.Close()

	// Mark the index as written by the previous format (waiting until
	// that is on disk: the index was created with unsafe_batch).
	idx, err := bleve.OpenUsing(filepath.Join(dir, "index", "bleve"), map[string]interface{}{"unsafe_batch": false})
	if err != nil {
		t.Fatal(err)
	}
	old, err := idx.GetInternal([]byte("wb/format"))
	if err != nil || !strings.Contains(string(old), "/") {
		t.Fatalf("format key %q, %v", old, err)
	}
	textVersion := string(old)[strings.Index(string(old), "/"):]
	if err := idx.SetInternal([]byte("wb/format"), []byte("3"+textVersion)); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}

	a, err = app.Open(ctx, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	var rebuilding, last workbench.IndexProgress
	rep, err := a.SyncIndex(ctx, func(p workbench.IndexProgress) {
		if p.Phase == workbench.IndexRebuild && rebuilding.Total == 0 {
			rebuilding = p
		}
		last = p
	})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Rebuilt || !strings.Contains(rep.Reason, `format "3`+textVersion+`"`) || rep.Added != docs {
		t.Errorf("report %+v, want a rebuild of %d documents from format 3", rep, docs)
	}
	if rebuilding.Total != docs || last.Phase != workbench.IndexRebuild || last.Done != docs {
		t.Errorf("progress: first %+v, last %+v; want a rebuild of %d documents", rebuilding, last, docs)
	}
	res, err := a.Search(ctx, workbench.SearchRequest{Query: "生成内容含赌博推广信息"})
	if err != nil || res.Total != want || want == 0 {
		t.Errorf("after the rebuild: %d hits, %v; database has %d", res.Total, err, want)
	}
	// Up to date now: the next update does nothing.
	if rep, err := a.SyncIndex(ctx, nil); err != nil || rep.Changed() {
		t.Errorf("second update: %+v %v", rep, err)
	}
}
