package app

import (
	"github.com/inspection-workbench/workbench"

	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

func sample(name string) string { return filepath.Join("..", "testdata", "sample", name) }

// searchApp is a workspace with the demo case (every sample file)
// imported and indexed.
func searchApp(t *testing.T) *App {
	t.Helper()
	ctx := context.Background()
	a, err := Open(ctx, t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	if _, err := a.SeedDemo(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SyncIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	return a
}

func search(t *testing.T, a *App, req workbench.SearchRequest) workbench.SearchResult {
	t.Helper()
	res, err := a.Search(context.Background(), req)
	if err != nil {
		t.Fatalf("search %q: %v", req.Query, err)
	}
	return res
}

// sqlCount counts rows with a query on the workspace database.
func sqlCount(t *testing.T, a *App, q string, args ...any) int {
	t.Helper()
	var n int
	if err := a.Store().DB().QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// TestSearchMatchesDatabase checks totals against what SQLite says the
// text holds: every record whose description contains the term, and no
// other, is found.
func TestSearchMatchesDatabase(t *testing.T) {
	a := searchApp(t)
	for _, term := range []string{"赌博", "删除个人信息", "去标识化"} {
		// Passages and records whose own text has the term (records'
		// search text is their field values, so LIKE on the JSON is exact
		// for terms without JSON escapes).
		want := sqlCount(t, a, `SELECT count(*) FROM records WHERE fields LIKE ?`, "%"+term+"%") +
			sqlCount(t, a, `SELECT count(*) FROM passages WHERE text LIKE ?`, "%"+term+"%")
		res := search(t, a, workbench.SearchRequest{Query: term, Limit: 5})
		if res.Total != want {
			t.Errorf("%s: total %d, database has %d", term, res.Total, want)
		}
		if want > 0 && len(res.Hits) == 0 {
			t.Errorf("%s: no hits returned", term)
		}
		for _, h := range res.Hits {
			if !strings.Contains(h.Snippet, "<mark>"+term+"</mark>") {
				t.Errorf("%s: snippet does not mark the whole term: %s", term, h.Snippet)
			}
		}
	}
}

func TestSearchLanguage(t *testing.T) {
	a := searchApp(t)
	total := func(q string) int { return search(t, a, workbench.SearchRequest{Query: q, NoFacets: true}).Total }
	// One character finds every two-character word containing it.
	if one, two := total("赌"), total("赌博"); one < two || two == 0 {
		t.Errorf("赌 finds %d, 赌博 %d", one, two)
	}
	// English is case-folded; full-width letters fold to half-width.
	if a1, a2, a3 := total("transformer"), total("TRANSFORMER"), total("ＴＲＡＮＳＦＯＲＭＥＲ"); a1 == 0 || a1 != a2 || a1 != a3 {
		t.Errorf("transformer %d, TRANSFORMER %d, full-width %d", a1, a2, a3)
	}
	// Enum values are searchable by their Chinese and English labels.
	ill := sqlCount(t, a, `SELECT count(*) FROM records WHERE json_extract(fields, '$.category') = 'illegal_content'`)
	if got := total(`"illegal content" kind:incident`); got != ill {
		t.Errorf(`"illegal content" kind:incident = %d, database has %d`, got, ill)
	}
	// Mixed Chinese and English, AND by default.
	if both, zh := total("违法内容 illegal"), total("违法内容"); both == 0 || both > zh {
		t.Errorf("违法内容 illegal = %d, 违法内容 = %d", both, zh)
	}
	// OR and exclusion.
	x, y, xy := total("赌博"), total("色情"), total("赌博 OR 色情")
	if xy < x || xy < y || xy > x+y {
		t.Errorf("赌博 %d, 色情 %d, either %d", x, y, xy)
	}
	if got := total("违法内容 -赌博"); got != total("违法内容")-total("违法内容 赌博") {
		t.Errorf("违法内容 -赌博 = %d", got)
	}
	// Date range on incidents, against SQLite.
	want := sqlCount(t, a, `SELECT count(*) FROM records WHERE json_extract(fields, '$.found_at') >= '2024-01-01' AND json_extract(fields, '$.found_at') < '2024-04-01'`)
	if got := total("found:2024-01-01..2024-03-31"); got != want || want == 0 {
		t.Errorf("found:2024-01-01..2024-03-31 = %d, database has %d", got, want)
	}
	// Field filters.
	docs := sqlCount(t, a, `SELECT count(*) FROM passages p JOIN submissions s ON s.id = p.submission_id WHERE s.file_name = 'annotation-rules.docx' AND p.text LIKE '%标注%'`)
	if got := total(`标注 file:annotation-rules.docx`); got != docs || docs == 0 {
		t.Errorf("标注 file:annotation-rules.docx = %d, database has %d", got, docs)
	}
}

func TestSearchSyntaxError(t *testing.T) {
	a := searchApp(t)
	for _, q := range []string{`"违法`, "OR 违法", "-违法", "foo:bar", "found:2024-13-01", ""} {
		_, err := a.Search(context.Background(), workbench.SearchRequest{Query: q})
		var se *workbench.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: error %v, want a syntax error", q, err)
			continue
		}
		if ErrorCode(err) != workbench.CodeInvalid || se.Pos < 1 {
			t.Errorf("%q: code %s, pos %d", q, ErrorCode(err), se.Pos)
		}
	}
	if _, err := a.Search(context.Background(), workbench.SearchRequest{Query: "x", Kind: "nonsense"}); ErrorCode(err) != workbench.CodeInvalid {
		t.Errorf("unknown kind: %v", err)
	}
	if _, err := a.Search(context.Background(), workbench.SearchRequest{Query: "x", CaseID: 99}); ErrorCode(err) != workbench.CodeNotFound {
		t.Errorf("unknown case: %v", err)
	}
}

func TestSearchFacetsPagingAndIDs(t *testing.T) {
	a := searchApp(t)
	ctx := context.Background()
	res := search(t, a, workbench.SearchRequest{Query: "数据", Limit: 10})
	sum := 0
	for _, n := range res.Facets.Kind {
		sum += n
	}
	if sum != res.Total || len(res.Facets.Kind) < 2 {
		t.Errorf("kind facets %v sum to %d, total %d", res.Facets.Kind, sum, res.Total)
	}
	sum = 0
	for _, n := range res.Facets.File {
		sum += n
	}
	if sum != res.Total {
		t.Errorf("file facets %v sum to %d, total %d", res.Facets.File, sum, res.Total)
	}
	// --kind narrows to the facet's count.
	for kind, n := range res.Facets.Kind {
		if got := search(t, a, workbench.SearchRequest{Query: "数据", Kind: kind}).Total; got != n {
			t.Errorf("kind %s: %d hits, facet said %d", kind, got, n)
		}
	}
	// Pages do not overlap and together are the first 20.
	p1 := search(t, a, workbench.SearchRequest{Query: "数据", Limit: 10})
	p2 := search(t, a, workbench.SearchRequest{Query: "数据", Limit: 10, Offset: 10})
	both := search(t, a, workbench.SearchRequest{Query: "数据", Limit: 20})
	var ids []string
	for _, h := range append(p1.Hits, p2.Hits...) {
		ids = append(ids, h.ID)
	}
	var want []string
	for _, h := range both.Hits {
		want = append(want, h.ID)
	}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("pages %v, one page %v", ids, want)
	}
	// Hit ids open the record or passage they name.
	for _, h := range both.Hits {
		hc, err := a.HitContext(ctx, h.ID, 2)
		if err != nil {
			t.Fatalf("%s: %v", h.ID, err)
		}
		if hc.Submission.FileName != h.File || hc.Submission.Kind != h.Kind {
			t.Errorf("%s: context from %s/%s, hit says %s/%s", h.ID, hc.Submission.FileName, hc.Submission.Kind, h.File, h.Kind)
		}
		switch {
		case strings.HasPrefix(h.ID, "rec-"):
			text, _, _ := recordText(hc.Submission.Kind, *hc.Record)
			if !strings.Contains(text, "数据") {
				t.Errorf("%s: record %+v", h.ID, hc.Record)
			}
		case strings.HasPrefix(h.ID, "psg-"):
			cur := hc.Passages[hc.Current]
			if strconv.FormatInt(cur.ID, 10) != strings.TrimPrefix(h.ID, "psg-") || !strings.Contains(cur.Text, "数据") {
				t.Errorf("%s: current passage %+v", h.ID, cur)
			}
			if len(hc.Passages) < 2 {
				t.Errorf("%s: no neighbours", h.ID)
			}
		}
	}
}

// TestSearchCaseScopeAndDelete imports the same file into two cases,
// checks --case keeps them apart, then deletes one case and checks its
// documents are gone from the index.
func TestSearchCaseScopeAndDelete(t *testing.T) {
	a := searchApp(t)
	ctx := context.Background()
	other := newCase(t, a)
	if _, err := a.Import(ctx, ImportRequest{CaseID: other, Files: []string{sample("annotation-qa.csv")}}); err != nil {
		t.Fatal(err)
	}
	before := search(t, a, workbench.SearchRequest{Query: "质检"}).Total
	rep, err := a.SyncIndex(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 24 || rep.Submissions != 1 || rep.Rebuilt {
		t.Errorf("sync after import: %+v, want 24 documents of 1 submission", rep)
	}
	all := search(t, a, workbench.SearchRequest{Query: "质检"}).Total
	only := search(t, a, workbench.SearchRequest{Query: "质检", CaseID: other}).Total
	if only == 0 || all != before+only {
		t.Errorf("before %d, after %d, case %d only %d", before, all, other, only)
	}
	docsBefore, _ := a.index.DocCount()
	if err := a.DeleteCase(ctx, other); err != nil {
		t.Fatal(err)
	}
	docsAfter, _ := a.index.DocCount()
	if docsBefore-docsAfter != 24 {
		t.Errorf("deleting the case removed %d documents, want 24", docsBefore-docsAfter)
	}
	if got := search(t, a, workbench.SearchRequest{Query: "质检"}).Total; got != before {
		t.Errorf("after delete: %d hits, want %d", got, before)
	}
	if err := a.DeleteCase(ctx, other); ErrorCode(err) != workbench.CodeNotFound {
		t.Errorf("second delete: %v", err)
	}
}

// TestIndexRebuiltWhenMissingOrCorrupt damages the index between runs.
func TestIndexRebuiltWhenMissingOrCorrupt(t *testing.T) {
	ctx := context.Background()
	a := searchApp(t)
	dir := a.Dir()
	want := search(t, a, workbench.SearchRequest{Query: "赌博"}).Total
	docs, _ := a.index.DocCount()
	a.Close()
	damage := map[string]func(t *testing.T){
		"missing": func(t *testing.T) { os.RemoveAll(filepath.Join(dir, "index", "bleve")) },
		"unreadable": func(t *testing.T) {
			filepath.Walk(filepath.Join(dir, "index", "bleve"), func(p string, fi os.FileInfo, err error) error {
				if err == nil && !fi.IsDir() {
					os.WriteFile(p, []byte("not an index"), 0o644)
				}
				return nil
			})
		},
	}
	for _, name := range []string{"missing", "unreadable"} {
		damage[name](t)
		a, err := Open(ctx, dir, false)
		if err != nil {
			t.Fatal(err)
		}
		var progressed bool
		rep, err := a.SyncIndex(ctx, func(p workbench.IndexProgress) { progressed = p.Phase == workbench.IndexRebuild })
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !rep.Rebuilt || !strings.HasPrefix(rep.Reason, name) || !progressed || rep.Added != int(docs) {
			t.Errorf("%s: report %+v, progress %v; want a rebuild of %d documents", name, rep, progressed, docs)
		}
		if got := search(t, a, workbench.SearchRequest{Query: "赌博"}).Total; got != want {
			t.Errorf("%s: %d hits after rebuild, want %d", name, got, want)
		}
		// Up to date now: the next sync does nothing.
		if rep, err := a.SyncIndex(ctx, nil); err != nil || rep.Changed() {
			t.Errorf("%s: second sync %+v %v", name, rep, err)
		}
		a.Close()
	}
}

// TestCrashBetweenCommitAndIndex kills a process after its import is
// committed to SQLite — once before indexing starts, once in the middle of
// indexing — and checks the next open makes everything searchable.
func TestCrashBetweenCommitAndIndex(t *testing.T) {
	if os.Getenv("WB_CRASH_HELPER") != "" {
		t.Skip("helper process")
	}
	for _, when := range []string{"committed", "indexing"} {
		t.Run(when, func(t *testing.T) {
			ctx := context.Background()
			dir := t.TempDir()
			cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$", "-test.v")
			cmd.Env = append(os.Environ(), "WB_CRASH_HELPER="+when, "WB_CRASH_DIR="+dir)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(out)
			reached := false
			for sc.Scan() {
				if sc.Text() == "CRASH-POINT "+when {
					reached = true
					break
				}
			}
			cmd.Process.Kill()
			cmd.Wait()
			if !reached {
				t.Fatal("helper never reached the crash point")
			}
			a, err := Open(ctx, dir, false)
			if err != nil {
				t.Fatal(err)
			}
			defer a.Close()
			rep, err := a.SyncIndex(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			records := sqlCount(t, a, `SELECT count(*) FROM records`)
			if docs, _ := a.index.DocCount(); int(docs) != records || records != 3000 {
				t.Errorf("after crash and reopen: %d documents, %d records (report %+v)", docs, records, rep)
			}
			want := sqlCount(t, a, `SELECT count(*) FROM records WHERE fields LIKE '%赌博%'`)
			if got := search(t, a, workbench.SearchRequest{Query: "赌博"}).Total; got != want || want == 0 {
				t.Errorf("赌博: %d hits, database has %d", got, want)
			}
		})
	}
}

// TestCrashHelper is the process TestCrashBetweenCommitAndIndex kills.
func TestCrashHelper(t *testing.T) {
	when := os.Getenv("WB_CRASH_HELPER")
	if when == "" {
		t.Skip("run by TestCrashBetweenCommitAndIndex")
	}
	ctx := context.Background()
	indexBatchDocs = 200
	a, err := Open(ctx, os.Getenv("WB_CRASH_DIR"), true)
	if err != nil {
		t.Fatal(err)
	}
	id := newCase(t, a)
	if when == "indexing" {
		// An index that already holds something, so the crash hits an
		// update, not a first build.
		if _, err := a.SyncIndex(ctx, nil); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.Import(ctx, ImportRequest{CaseID: id, Files: []string{sample("incidents.csv")}}); err != nil {
		t.Fatal(err)
	}
	if when == "committed" {
		os.Stdout.WriteString("CRASH-POINT committed\n")
		time.Sleep(time.Hour)
	}
	a.SyncIndex(ctx, func(p workbench.IndexProgress) {
		if p.Done > 0 && p.Done < p.Total {
			os.Stdout.WriteString("CRASH-POINT indexing\n")
			time.Sleep(time.Hour)
		}
	})
	t.Fatal("indexing finished before the crash point")
}

func TestHitContextBadID(t *testing.T) {
	a := searchApp(t)
	for _, id := range []string{"x", "rec-x", "foo-1", "rec-999999", "psg-999999"} {
		_, err := a.HitContext(context.Background(), id, 1)
		if err == nil {
			t.Errorf("%s: no error", id)
		}
	}
	_ = sort.Strings
}

// TestIndexPersistsAcrossOpen checks an index brought up to date is found
// up to date by the next process: nothing is indexed twice.
func TestIndexPersistsAcrossOpen(t *testing.T) {
	ctx := context.Background()
	a := searchApp(t)
	dir := a.Dir()
	want := search(t, a, workbench.SearchRequest{Query: "赌博"}).Total
	a.Close()
	b, err := Open(ctx, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	rep, err := b.SyncIndex(ctx, nil)
	if err != nil || rep.Changed() {
		t.Fatalf("sync after reopen: %+v %v, want nothing to do", rep, err)
	}
	if got := search(t, b, workbench.SearchRequest{Query: "赌博"}).Total; got != want {
		t.Errorf("after reopen %d hits, want %d", got, want)
	}
}

// TestSearchDuringReindex searches continuously while the index is rebuilt
// and then updated: no search fails, and the end result is complete.
func TestSearchDuringReindex(t *testing.T) {
	a := searchApp(t)
	ctx := context.Background()
	want := search(t, a, workbench.SearchRequest{Query: "赌博 kind:incident"}).Total
	stop := make(chan struct{})
	errc := make(chan error, 1)
	searches := 0
	go func() {
		defer close(errc)
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := a.Search(ctx, workbench.SearchRequest{Query: "赌博"}); err != nil {
				errc <- err
				return
			}
			searches++
		}
	}()
	if _, err := a.Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	other := newCase(t, a)
	if _, err := a.Import(ctx, ImportRequest{CaseID: other, Files: []string{sample("incidents.csv")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SyncIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	close(stop)
	if err := <-errc; err != nil {
		t.Fatalf("a search during the rebuild failed: %v", err)
	}
	if searches == 0 {
		t.Fatal("no search ran during the rebuild")
	}
	if got := search(t, a, workbench.SearchRequest{Query: "赌博 kind:incident"}).Total; got != 2*want {
		t.Errorf("after rebuild and import: %d hits, want %d", got, 2*want)
	}
}
