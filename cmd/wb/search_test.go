package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

type searchOut struct {
	Total int    `json:"total"`
	Order string `json:"order"`
	Hits  []struct {
		ID       string `json:"id"`
		Kind     string `json:"kind"`
		File     string `json:"file"`
		Location string `json:"location"`
		Snippet  string `json:"snippet"`
	} `json:"hits"`
	Facets struct {
		Kind map[string]int `json:"kind"`
		File map[string]int `json:"file"`
	} `json:"facets"`
}

func sampleFile(name string) string { return filepath.Join("..", "..", "testdata", "sample", name) }

// searchWorkspace is a workspace with two cases: the sample incidents and
// annotation QA in the first, the annotation QA again in the second.
func searchWorkspace(t *testing.T) string {
	t.Helper()
	ws := filepath.Join(t.TempDir(), "ws")
	ok(t, "case", "new", "--workspace", ws, "--provider", "星河智算", "--service", "星河对话")
	ok(t, "case", "new", "--workspace", ws, "--provider", "星河智算", "--service", "星河绘图")
	ok(t, "import", "--workspace", ws, "--case", "1", sampleFile("incidents.csv"), sampleFile("annotation-qa.csv"))
	ok(t, "import", "--workspace", ws, "--case", "2", sampleFile("annotation-qa.csv"))
	return ws
}

func TestSearchCommand(t *testing.T) {
	ws := searchWorkspace(t)

	// The first search builds the index and says so on stderr only.
	r := wb(t, nil, "search", "--workspace", ws, "--json", "赌博", "推广")
	if r.code != 0 || !strings.Contains(r.stderr, "search index:") || !strings.Contains(r.stderr, "documents added") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var res searchOut
	decode(t, r.stdout, &res)
	if res.Total == 0 || len(res.Hits) == 0 || len(res.Hits) > 20 {
		t.Fatalf("total %d, %d hits", res.Total, len(res.Hits))
	}
	for _, h := range res.Hits {
		if !strings.HasPrefix(h.ID, "rec-") || h.Kind != "incident" || h.File != "incidents.csv" ||
			!strings.HasPrefix(h.Location, "line ") || !strings.Contains(h.Snippet, "<mark>赌博推广</mark>") {
			t.Errorf("hit %+v", h)
		}
	}
	if res.Facets.Kind["incident"] != res.Total || res.Facets.File["incidents.csv"] != res.Total {
		t.Errorf("facets %+v, total %d", res.Facets, res.Total)
	}

	// Up to date now: nothing on stderr; paging with --offset.
	r = wb(t, nil, "search", "--workspace", ws, "--json", "--limit", "5", "--offset", "5", "赌博 推广")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("second search: exit %d, stderr %q", r.code, r.stderr)
	}
	var page searchOut
	decode(t, r.stdout, &page)
	if page.Total != res.Total || len(page.Hits) != 5 || page.Hits[0].ID != res.Hits[5].ID {
		t.Errorf("page 2: total %d, hits %d, first %v; page 1 had %v", page.Total, len(page.Hits), page.Hits, res.Hits[:6])
	}

	// --case and --kind narrow; facets follow.
	var c2 searchOut
	decode(t, ok(t, "search", "--workspace", ws, "--json", "--case", "2", "质检"), &c2)
	var all searchOut
	decode(t, ok(t, "search", "--workspace", ws, "--json", "质检"), &all)
	if c2.Total == 0 || all.Total != 2*c2.Total {
		t.Errorf("质检: case 2 has %d, all cases %d (the same file is in both)", c2.Total, all.Total)
	}
	var inc searchOut
	decode(t, ok(t, "search", "--workspace", ws, "--json", "--kind", "annotation_rule", "质检"), &inc)
	if inc.Total != all.Facets.Kind["annotation_rule"] {
		t.Errorf("--kind annotation_rule: %d, facet says %d", inc.Total, all.Facets.Kind["annotation_rule"])
	}

	// An exclusion may be its own argument.
	var excl searchOut
	decode(t, ok(t, "search", "--workspace", ws, "--json", "赌博", "-推广"), &excl)
	var plain searchOut
	decode(t, ok(t, "search", "--workspace", ws, "--json", "赌博"), &plain)
	if excl.Total != plain.Total-res.Total {
		t.Errorf("赌博 -推广 = %d, 赌博 = %d, 赌博 推广 = %d", excl.Total, plain.Total, res.Total)
	}

	// The order is said, and --sort asks for one: in file order the hits
	// of the incident log come line by line.
	if res.Order != "relevance" {
		t.Errorf("a few hits come in %q order, want relevance", res.Order)
	}
	var byFile searchOut
	decode(t, ok(t, "search", "--workspace", ws, "--json", "--sort", "file", "--limit", "1000", "赌博"), &byFile)
	if byFile.Order != "file" || byFile.Total != plain.Total || len(byFile.Hits) != plain.Total {
		t.Fatalf("--sort file: order %q, %d hits of %d, want all %d", byFile.Order, len(byFile.Hits), byFile.Total, plain.Total)
	}
	last := 0
	for _, h := range byFile.Hits {
		line, err := strconv.Atoi(strings.TrimPrefix(h.Location, "line "))
		if err != nil || line <= last {
			t.Fatalf("--sort file: %s after line %d", h.Location, last)
		}
		last = line
	}

	// The text form marks matches, says the order and lists the facets.
	out := ok(t, "search", "--workspace", ws, "赌博")
	if !strings.Contains(out, "【赌博】") || !strings.Contains(out, "hits") || !strings.Contains(out, "by relevance") {
		t.Errorf("text output:\n%s", out)
	}
	if out := ok(t, "search", "--workspace", ws, "--sort", "file", "赌博"); !strings.Contains(out, "in file order") {
		t.Errorf("text output with --sort file:\n%s", out)
	}
}

func TestSearchErrors(t *testing.T) {
	ws := searchWorkspace(t)
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{`"违法`}, 1, "position 1: unterminated quote"},
		{[]string{"foo:bar"}, 1, `unknown field "foo"`},
		{[]string{"found:2024-02-30"}, 1, "2024-02-30 does not exist"},
		{[]string{"kind:incidents"}, 1, "use one of data_source, annotation_rule, algorithm, incident"},
		{[]string{"-违法"}, 1, "only excludes"},
		{[]string{"--json", "-违法"}, 1, "only excludes"},
		{[]string{"-report"}, 2, "flag provided but not defined"},
		{[]string{}, 2, "give a QUERY"},
		{[]string{"--limit", "0", "x"}, 2, "--limit"},
		{[]string{"--offset", "-5", "x"}, 2, "--offset must not be negative"},
		{[]string{"--kind", "nonsense", "x"}, 2, "unknown --kind"},
		{[]string{"--sort", "date", "x"}, 2, "unknown --sort"},
		{[]string{"--case", "99", "x"}, 1, "case 99 not found"},
	} {
		r := wb(t, nil, append([]string{"search", "--workspace", ws}, tc.args...)...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.msg) || r.stdout != "" {
			t.Errorf("%q: exit %d, stderr %q, stdout %q; want exit %d naming %q", tc.args, r.code, r.stderr, r.stdout, tc.code, tc.msg)
		}
	}
	// A malformed query is refused before any indexing.
	if _, err := os.Stat(filepath.Join(ws, "index", "bleve")); err == nil {
		t.Error("a refused query built the index")
	}
}

func TestSearchBatch(t *testing.T) {
	ws := searchWorkspace(t)
	qf := filepath.Join(t.TempDir(), "keywords.txt")
	os.WriteFile(qf, []byte("\ufeff赌博\n# a comment\n\n违法内容 OR 色情\n\"oops\nfound:2024-01-01..2024-01-31\n"), 0o600)
	r := wb(t, nil, "search", "--workspace", ws, "--case", "1", "--queries", qf, "--json")
	if r.code != 1 || !strings.Contains(r.stderr, "line 5: position 1: unterminated quote") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var out struct {
		Queries []struct {
			Line  int            `json:"line"`
			Query string         `json:"query"`
			Total int            `json:"total"`
			Kind  map[string]int `json:"kind"`
			Error string         `json:"error"`
		} `json:"queries"`
	}
	decode(t, r.stdout, &out)
	if len(out.Queries) != 4 {
		t.Fatalf("%d queries reported: %+v", len(out.Queries), out.Queries)
	}
	for _, q := range out.Queries {
		var single searchOut
		if q.Error != "" {
			if q.Line != 5 {
				t.Errorf("line %d: error %q", q.Line, q.Error)
			}
			continue
		}
		decode(t, ok(t, "search", "--workspace", ws, "--case", "1", "--json", q.Query), &single)
		if q.Total != single.Total || q.Total == 0 {
			t.Errorf("line %d %q: batch says %d, a single search %d", q.Line, q.Query, q.Total, single.Total)
		}
	}
	if out.Queries[0].Line != 1 || out.Queries[0].Query != "赌博" || out.Queries[1].Line != 4 {
		t.Errorf("lines: %+v", out.Queries)
	}
	// The table form.
	r = wb(t, nil, "search", "--workspace", ws, "--queries", qf)
	if !strings.Contains(r.stdout, "LINE") || !strings.Contains(r.stdout, "error") {
		t.Errorf("table:\n%s", r.stdout)
	}
}

func TestReindexAndCaseDelete(t *testing.T) {
	ws := searchWorkspace(t)
	var before searchOut
	decode(t, wb(t, nil, "search", "--workspace", ws, "--json", "质检").stdout, &before)

	// Damage the index: the next search rebuilds it and says why.
	filepath.Walk(filepath.Join(ws, "index", "bleve"), func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			os.WriteFile(p, []byte("garbage"), 0o644)
		}
		return nil
	})
	r := wb(t, nil, "search", "--workspace", ws, "--json", "质检")
	if r.code != 0 || !strings.Contains(r.stderr, "rebuilt (unreadable") {
		t.Fatalf("after damage: exit %d, stderr %q", r.code, r.stderr)
	}
	var after searchOut
	decode(t, r.stdout, &after)
	if after.Total != before.Total {
		t.Errorf("after rebuild %d hits, before %d", after.Total, before.Total)
	}

	var rep struct {
		Documents   int `json:"documents"`
		Submissions int `json:"submissions"`
	}
	r = wb(t, nil, "reindex", "--workspace", ws, "--json")
	if r.code != 0 || !strings.Contains(r.stderr, "rebuilt (requested)") {
		t.Fatalf("reindex: exit %d, stderr %q", r.code, r.stderr)
	}
	decode(t, r.stdout, &rep)
	if rep.Documents != 3000+24+24 || rep.Submissions != 3 {
		t.Errorf("reindex %+v", rep)
	}

	// Deleting needs --yes; then the case's hits are gone.
	r = wb(t, nil, "case", "delete", "--workspace", ws, "2")
	if r.code != 2 || !strings.Contains(r.stderr, "--yes") {
		t.Errorf("delete without --yes: exit %d, stderr %q", r.code, r.stderr)
	}
	ok(t, "case", "delete", "--workspace", ws, "2", "--yes")
	var gone searchOut
	decode(t, ok(t, "search", "--workspace", ws, "--json", "质检"), &gone)
	if gone.Total != before.Total/2 {
		t.Errorf("after deleting case 2: %d hits, want %d", gone.Total, before.Total/2)
	}
	if r := wb(t, nil, "case", "show", "--workspace", ws, "2"); r.code != 1 {
		t.Errorf("case 2 still shown: exit %d", r.code)
	}
}
