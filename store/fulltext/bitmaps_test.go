package fulltext

import (
	"context"
	"reflect"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"

	"github.com/inspection-workbench/workbench"
)

// bleveIDs are the ids of every document bleve's search matches for req.
func bleveIDs(t testing.TB, x *Index, req workbench.SearchRequest, total int) []string {
	t.Helper()
	pq, err := ParseQuery(req.Query)
	if err != nil {
		t.Fatal(err)
	}
	q, err := x.searchQuery(pq, req)
	if err != nil {
		t.Fatal(err)
	}
	sr := bleve.NewSearchRequestOptions(q, total+1, 0, false)
	sr.Score = "none"
	res, err := x.idx.Search(sr)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	sort.Strings(ids)
	return ids
}

// bitmapIDs are the ids of every document the bitmap evaluator matches
// for req.
func bitmapIDs(t testing.TB, x *Index, req workbench.SearchRequest) []string {
	t.Helper()
	pq, err := ParseQuery(req.Query)
	if err != nil {
		t.Fatal(err)
	}
	n, err := compile(pq, requestFilters(req)...)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := x.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	e := newEvaluator(context.Background(), snap, &x.bits)
	res, err := e.eval(n)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for si, r := range res {
		if !r.exact() {
			t.Fatalf("%q: inexact result without a deadline", req.Query)
		}
		it := r.lo.Iterator()
		for it.HasNext() {
			id, err := e.segs[si].Segment().DocID(uint64(it.Next()))
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, string(id))
		}
	}
	sort.Strings(ids)
	return ids
}

// reference runs req through bleve's own search (the old path).
func reference(t testing.TB, x *Index, req workbench.SearchRequest) workbench.SearchResult {
	t.Helper()
	pq, err := ParseQuery(req.Query)
	if err != nil {
		t.Fatal(err)
	}
	q, err := x.searchQuery(pq, req)
	if err != nil {
		t.Fatal(err)
	}
	x.swap.RLock()
	defer x.swap.RUnlock()
	res, err := x.searchBleve(context.Background(), req, pq, q, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// fileOrder sorts ids as they stand in the files.
func (c *corpus) fileOrder(ids []string) []string {
	out := slices.Clone(ids)
	sort.Slice(out, func(i, j int) bool {
		si, sj := c.subOf[out[i]], c.subOf[out[j]]
		if si != sj {
			return si < sj
		}
		return rowKey([]byte(out[i])) < rowKey([]byte(out[j]))
	})
	return out
}

func hitIDs(hs []workbench.SearchHit) []string {
	ids := []string{}
	for _, h := range hs {
		ids = append(ids, h.ID)
	}
	return ids
}

// differential runs n random requests through both paths and requires
// the same totals, facets and match sets; every fifth also checks the
// pages in file order (page first, counts after) and by relevance.
func differential(t *testing.T, c *corpus, n int) {
	ctx := context.Background()
	matched, pages, counting := 0, 0, 0
	for i := 0; i < n; i++ {
		req := c.randRequest()
		if _, err := ParseQuery(req.Query); err != nil {
			t.Fatalf("generated query %q: %v", req.Query, err)
		}
		cr := req
		cr.CountOnly = true
		want := reference(t, c.x, cr)
		got, err := c.x.Search(ctx, cr)
		if err != nil {
			t.Fatalf("%q: %v", req.Query, err)
		}
		if got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets) {
			t.Fatalf("query %d %+v:\nbitmaps: %d %v\n  bleve: %d %v", i, req, got.Total, got.Facets, want.Total, want.Facets)
		}
		ref := bleveIDs(t, c.x, req, want.Total)
		if ids := bitmapIDs(t, c.x, req); !slices.Equal(ids, ref) {
			t.Fatalf("query %d %+v: match sets differ\nbitmaps: %v\n  bleve: %v", i, req, ids, ref)
		}
		if want.Total > 0 {
			matched++
		}
		if i%5 != 0 || want.Total == 0 {
			continue
		}
		pages++
		ordered := c.fileOrder(ref)
		for _, offset := range []int{0, 7} {
			pr := req
			pr.Limit, pr.Offset, pr.Sort = 5, offset, workbench.OrderFile
			// Once with the time to check every phrase, once with none.
			for _, budget := range []time.Duration{time.Hour, -time.Hour} {
				phraseBudget = budget
				c.x.bits.reset() // phrases checked once are cached
				res, err := c.x.Search(ctx, pr)
				phraseBudget = 5 * time.Millisecond
				if err != nil {
					t.Fatal(err)
				}
				wantIDs := []string{}
				if offset < len(ordered) {
					wantIDs = ordered[offset:min(len(ordered), offset+5)]
				}
				if res.Order != workbench.OrderFile || !slices.Equal(hitIDs(res.Hits), wantIDs) {
					t.Fatalf("query %d %+v, budget %v: file-order page %s %v, want %v", i, pr, budget, res.Order, hitIDs(res.Hits), wantIDs)
				}
				if res.Counting {
					counting++
				}
				if err := res.WaitCounts(ctx); err != nil {
					t.Fatal(err)
				}
				if res.Counting || res.Total != want.Total || !reflect.DeepEqual(res.Facets, want.Facets) {
					t.Fatalf("query %d %+v, budget %v: counts %v %d %v, want %d %v", i, pr, budget, res.Counting, res.Total, res.Facets, want.Total, want.Facets)
				}
			}
		}
		rr := req
		rr.Limit = 5
		res, err := c.x.Search(ctx, rr)
		if err != nil {
			t.Fatal(err)
		}
		if res.Order != workbench.OrderRelevance && res.Order != workbench.OrderFile {
			t.Fatalf("%+v: order %q", rr, res.Order)
		}
		rr.Sort = workbench.OrderRelevance
		if res, err = c.x.Search(ctx, rr); err != nil {
			t.Fatal(err)
		}
		if ref := reference(t, c.x, rr); res.Order != workbench.OrderRelevance || !slices.Equal(hitIDs(res.Hits), hitIDs(ref.Hits)) {
			t.Fatalf("%+v: relevance page %v, bleve's %v", rr, hitIDs(res.Hits), hitIDs(ref.Hits))
		}
	}
	segs, deleted := c.segments(t)
	t.Logf("%d queries, %d with matches, %d with their pages checked, %d pages before their counts; %d segments, %d deleted documents",
		n, matched, pages, counting, segs, deleted)
	if matched < n/3 {
		t.Errorf("only %d of %d queries match anything: the generator misses the corpus", matched, n)
	}
	if counting == 0 {
		t.Error("no page came before its counts")
	}
}

// segments counts the index's segments and the deleted documents in
// them.
func (c *corpus) segments(t testing.TB) (segs int, deleted uint64) {
	snap, err := c.x.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	for _, s := range snap.Segments() {
		if d := s.Deleted(); d != nil {
			deleted += d.GetCardinality()
		}
	}
	return len(snap.Segments()), deleted
}

// raceEnabled is set when the race detector is on (race_test.go).
var raceEnabled = false

// defaultMerges are bleve's merge settings, kept before init turns
// merging off.
var defaultMerges = mergeplan.DefaultMergePlanOptions

func init() {
	// Check the clock at every candidate, so that a budget of no time
	// leaves phrases half checked even in a small corpus.
	phraseCheckEvery = 1
	// No merges unless a test asks: every batch stays a segment of its
	// own, and deleted documents stay in their segments.
	scorch.DefaultMinSegmentsForInMemoryMerge = 1 << 30
	mergeplan.DefaultMergePlanOptions.MaxSegmentSize = 0 // no segment is small enough to merge
}

// TestBitmapsMatchBleve compares the bitmap evaluator with bleve's search
// on a corpus indexed in many small batches (many segments), then merged,
// with a case deleted and more submissions indexed after it.
func TestBitmapsMatchBleve(t *testing.T) {
	c := newCorpus(t, 1, 150)
	for i := range 9 {
		c.add(t, i%3, 150+c.rng.IntN(200), c.rng.IntN(3)*40)
	}
	c.sync(t)
	queries := 3000
	if testing.Short() || raceEnabled {
		queries = 800 // the race detector makes each one several times slower
	}
	if segs, _ := c.segments(t); segs < 10 {
		t.Fatalf("%d segments, want one per batch", segs)
	}
	t.Run("segments", func(t *testing.T) { differential(t, c, queries/2) })

	// Merged as bleve's default policy plans, so segments hold several
	// submissions; then a case removed (its documents deleted inside
	// those segments) and more submissions indexed in new segments.
	sc, _ := c.x.advanced()
	mo := defaultMerges
	if err := sc.ForceMerge(context.Background(), &mo); err != nil {
		t.Fatal(err)
	}
	if err := c.st.DeleteCase(context.Background(), c.cases[1]); err != nil {
		t.Fatal(err)
	}
	c.sync(t)
	for i := range 4 {
		c.add(t, []int{0, 2}[i%2], 100+c.rng.IntN(200), c.rng.IntN(2)*30)
	}
	c.sync(t)
	if segs, deleted := c.segments(t); segs < 2 || deleted == 0 {
		t.Fatalf("%d segments, %d deleted documents, want several and some", segs, deleted)
	}
	t.Run("deletions", func(t *testing.T) { differential(t, c, queries/2) })
}

// TestPhraseCheckedWithinSiblings: a phrase ANDed with a narrower clause
// has its positions checked only where that clause matches, with the
// same matches as bleve's search, and the narrowed check is not cached
// as the whole phrase's result.
func TestPhraseCheckedWithinSiblings(t *testing.T) {
	c := newCorpus(t, 7, 200)
	var subs []workbench.Submission
	for i := range 6 {
		subs = append(subs, c.add(t, i%3, 300, 0))
	}
	c.sync(t)
	ctx := context.Background()
	phrase := `"report model"`
	narrow := phrase + ` file:"` + subs[2].FileName + `"`
	cands := func(query string) (int, int) {
		pq, err := ParseQuery(query)
		if err != nil {
			t.Fatal(err)
		}
		n, err := compile(pq)
		if err != nil {
			t.Fatal(err)
		}
		snap, err := c.x.snapshot()
		if err != nil {
			t.Fatal(err)
		}
		defer snap.Close()
		e := newEvaluator(ctx, snap, &c.x.bits)
		res, err := e.eval(n)
		if err != nil {
			t.Fatal(err)
		}
		total, _, err := e.counts(res, false)
		if err != nil {
			t.Fatal(err)
		}
		return e.phraseCands, total
	}
	checked := 0
	old := phraseChecked
	phraseChecked = func() { checked++ }
	defer func() { phraseChecked = old }()
	narrowCands, narrowTotal := cands(narrow)
	narrowChecked := checked
	checked = 0
	wholeCands, wholeTotal := cands(phrase)
	if narrowTotal == 0 || wholeTotal <= narrowTotal {
		t.Fatalf("totals %d (narrowed) and %d (whole): the corpus does not test the narrowing", narrowTotal, wholeTotal)
	}
	if narrowChecked == 0 || 2*narrowChecked >= checked {
		t.Errorf("narrowed query checked %d candidates, the whole phrase %d: want fewer than half", narrowChecked, checked)
	}
	// Ranking by relevance is priced as bleve's search, which checks
	// them all.
	if narrowCands != wholeCands {
		t.Errorf("phrase candidates for ranking: %d narrowed, %d whole; want the same", narrowCands, wholeCands)
	}
	for _, q := range []string{narrow, phrase, narrow, `"report model" -` + subs[2].FileName} {
		req := workbench.SearchRequest{Query: q, CountOnly: true}
		want := reference(t, c.x, req)
		got, err := c.x.Search(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets) {
			t.Errorf("%s: %d %v, bleve %d %v", q, got.Total, got.Facets, want.Total, want.Facets)
		}
		ref := bleveIDs(t, c.x, req, want.Total)
		if ids := bitmapIDs(t, c.x, req); !slices.Equal(ids, ref) {
			t.Errorf("%s: match sets differ", q)
		}
	}
}
