package main

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/inspection-workbench/workbench/app"
)

// storeLibrary stores keyword_library records (keyword, risk, match
// type) in case 1 of the closed workspace ws, as the importer stores
// them, through the store.
func storeLibrary(t *testing.T, ws string, rows [][3]string) {
	t.Helper()
	ctx := context.Background()
	a, err := app.Open(ctx, ws, false)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	sum, _, err := a.Store().Blobs().Put(strings.NewReader("关键词库"))
	if err != nil {
		t.Fatal(err)
	}
	sub := workbench.Submission{CaseID: 1, SHA256: sum, FileName: "关键词库.xlsx", Kind: string(workbench.KeywordLibrary),
		Label: "internal", Format: "xlsx", ImporterVersion: "1"}
	w, err := a.Store().BeginSubmission(ctx, sub)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		data, _ := json.Marshal(map[string]string{"keyword": r[0], "risk": r[1], "match_type": r[2]})
		if err := w.Add(workbench.RecordRow{Row: i + 2, Fields: string(data), Extra: `{}`}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.Commit(nil, len(rows)); err != nil {
		t.Fatal(err)
	}
}

type libraryOut struct {
	CaseID  int64 `json:"case_id"`
	Library []struct {
		File string `json:"file"`
		Kind string `json:"kind"`
	} `json:"library"`
	Searched []struct {
		File string `json:"file"`
		Kind string `json:"kind"`
	} `json:"searched"`
	Rows  int `json:"rows"`
	Risks []struct {
		Risk     string `json:"risk"`
		Written  string `json:"written"`
		NameZh   string `json:"name_zh"`
		Keywords int    `json:"keywords"`
		Searched int    `json:"searched"`
		WithHits int    `json:"with_hits"`
		Rows     int    `json:"rows"`
	} `json:"risks"`
	Keywords []struct {
		Row      int            `json:"row"`
		Keyword  string         `json:"keyword"`
		Risk     string         `json:"risk"`
		Match    string         `json:"match_type"`
		Searched string         `json:"searched"`
		Total    int            `json:"total"`
		Files    map[string]int `json:"files"`
		Problem  string         `json:"problem"`
	} `json:"keywords"`
	Evidence string `json:"evidence"`
}

func TestSearchKeywordLibrary(t *testing.T) {
	ws := searchWorkspace(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--keyword-library"}, "needs --case"},
		{[]string{"--case", "1", "--keyword-library", "赌博"}, "not more than one"},
		{[]string{"--case", "1", "--keyword-library", "--kind", "incident"}, "--kind and --literal"},
		{[]string{"--case", "1", "--evidence", "x", "赌博"}, "--evidence goes with --keyword-library"},
	} {
		r := wb(t, nil, append([]string{"search", "--workspace", ws}, tc.args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q", tc.args, r.code, r.stderr)
		}
	}
	// No library: said before any indexing.
	assertFailure(t, wb(t, nil, "search", "--workspace", ws, "--case", "1", "--keyword-library"), 1, "no keyword library", "--kind keyword_library")

	storeLibrary(t, ws, [][3]string{{"赌博", "A.1.3", "exact"}, {"暴力", "A.1.3", "fuzzy"}, {`赌.*博`, "A.1.3", "regex"},
		{"钓鱼邮件", "其他风险", "exact"}, {"安全性标注", "A.2.1", "exact"}})
	out := filepath.Join(t.TempDir(), "库.xlsx")
	r := wb(t, nil, "search", "--workspace", ws, "--case", "1", "--keyword-library", "--json", "--out", out, "--lang", "zh")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var res libraryOut
	decode(t, r.stdout, &res)
	if res.CaseID != 1 || len(res.Library) != 1 || res.Library[0].Kind != "keyword_library" || len(res.Keywords) != 5 {
		t.Fatalf("%+v", res)
	}
	for _, s := range res.Searched {
		if s.Kind != "incident" {
			t.Errorf("searched %s (%s): the case holds no documents", s.File, s.Kind)
		}
	}
	for _, k := range res.Keywords {
		var single searchOut
		switch k.Keyword {
		case `赌.*博`:
			if k.Problem != "regex" || k.Searched != "" {
				t.Errorf("regex: %+v", k)
			}
			continue
		case "安全性标注":
			// Only in the annotation QA rows, which are not searched.
			decode(t, ok(t, "search", "--workspace", ws, "--case", "1", "--json", k.Searched), &single)
			if k.Total != 0 || single.Total == 0 {
				t.Errorf("%s: %d hits in scope, %d in the case", k.Keyword, k.Total, single.Total)
			}
			continue
		}
		decode(t, ok(t, "search", "--workspace", ws, "--case", "1", "--kind", "incident", "--json", k.Searched), &single)
		if k.Total != single.Total || k.Total == 0 || k.Files["incidents.csv"] != k.Total {
			t.Errorf("%s: %d hits (%v), a single search %d", k.Keyword, k.Total, k.Files, single.Total)
		}
	}
	var union searchOut
	decode(t, ok(t, "search", "--workspace", ws, "--case", "1", "--kind", "incident", "--json", "赌博 OR 暴力"), &union)
	for _, h := range res.Risks {
		if h.Risk == "A.1.3" && (h.Keywords != 3 || h.Searched != 2 || h.WithHits != 2 || h.Rows != union.Total || !strings.Contains(h.NameZh, "分裂")) {
			t.Errorf("A.1.3: %+v, want %d rows", h, union.Total)
		}
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if sheets := f.GetSheetList(); len(sheets) != 3 || sheets[0] != "风险类别" {
		t.Errorf("sheets %q", sheets)
	}
	f.Close()

	// Cited as evidence: refused without an inspection, then recorded.
	r = wb(t, nil, "search", "--workspace", ws, "--case", "1", "--keyword-library", "--evidence", "art4-1-prohibited-content")
	if r.code == 0 {
		t.Errorf("cited without an inspection: %q", r.stdout)
	}
	ok(t, "inspect", "start", "--workspace", ws, "--case", "1")
	text := ok(t, "search", "--workspace", ws, "--case", "1", "--keyword-library", "--evidence", "art4-1-prohibited-content", "--lang", "en")
	if !strings.Contains(text, "Cited as evidence kwlib-") || !strings.Contains(text, "regular expressions not applied") || !strings.Contains(text, "Not searched:") {
		t.Errorf("text output:\n%s", text)
	}
	if ev := ok(t, "inspect", "evidence", "--workspace", ws, "--case", "1", "art4-1-prohibited-content"); !strings.Contains(ev, "kwlib-") {
		t.Errorf("the item does not show the evidence:\n%s", ev)
	}
}
