package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func keywordFile(name string) string { return filepath.Join("..", "..", "testdata", "keywords", name) }

type batchOut struct {
	Queries []struct {
		Line     int            `json:"line"`
		Query    string         `json:"query"`
		Searched string         `json:"searched"`
		Total    int            `json:"total"`
		Kind     map[string]int `json:"kind"`
		File     map[string]int `json:"file"`
		Error    string         `json:"error"`
	} `json:"queries"`
}

// TestSearchKeywordFiles runs the keyword fixtures — text with BOM and
// comments, GB18030 CSV with a 关键词 column under a title row — and checks
// each line's counts by kind and by file against a single search.
func TestSearchKeywordFiles(t *testing.T) {
	ws := searchWorkspace(t)
	for _, name := range []string{"keywords.txt", "keywords.csv"} {
		r := wb(t, nil, "search", "--workspace", ws, "--queries", keywordFile(name), "--json")
		var out batchOut
		decode(t, r.stdout, &out)
		if len(out.Queries) == 0 {
			t.Fatalf("%s: no lines", name)
		}
		for _, q := range out.Queries {
			if q.Error != "" {
				continue
			}
			var single searchOut
			decode(t, ok(t, "search", "--workspace", ws, "--json", q.Query), &single)
			if q.Total != single.Total || len(q.File) != len(single.Facets.File) || len(q.Kind) != len(single.Facets.Kind) {
				t.Errorf("%s line %d %q: %d %v %v; a single search %d %v %v", name, q.Line, q.Query, q.Total, q.Kind, q.File, single.Total, single.Facets.Kind, single.Facets.File)
			}
			for f, n := range single.Facets.File {
				if q.File[f] != n {
					t.Errorf("%s line %d %q: file %s %d, a single search %d", name, q.Line, q.Query, f, q.File[f], n)
				}
			}
		}
		if name == "keywords.csv" && (r.code != 0 || out.Queries[0].Line != 3 || out.Queries[0].Query != "赌博" || out.Queries[0].File["incidents.csv"] == 0) {
			t.Errorf("%s: exit %d, stderr %q, first line %+v", name, r.code, r.stderr, out.Queries[0])
		}
		if name == "keywords.txt" && (r.code != 1 || !strings.Contains(r.stderr, "line 8: position 1: nothing to search for") ||
			!strings.Contains(r.stderr, "--literal searches each line as written")) {
			t.Errorf("%s: exit %d, stderr %q", name, r.code, r.stderr)
		}
	}
}

// TestSearchKeywordsLiteral: with --literal every line of the fixture runs,
// as the phrase JSON's "searched" gives.
func TestSearchKeywordsLiteral(t *testing.T) {
	ws := searchWorkspace(t)
	r := wb(t, nil, "search", "--workspace", ws, "--queries", keywordFile("keywords.txt"), "--literal", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var out batchOut
	decode(t, r.stdout, &out)
	searched := map[string]string{}
	for _, q := range out.Queries {
		if q.Error != "" {
			t.Errorf("line %d %q: %s", q.Line, q.Query, q.Error)
		}
		searched[q.Query] = q.Searched
	}
	if searched["-d"] != `"-d"` || searched[`"oops`] != `"oops"` || searched["违法内容 OR 色情"] != `"违法内容 OR 色情"` {
		t.Errorf("searched as %q", searched)
	}
}

// TestSearchKeywordsWorkbook writes the counts with --out and reads them
// back: the same figures as the JSON, the error on its line.
func TestSearchKeywordsWorkbook(t *testing.T) {
	ws := searchWorkspace(t)
	book := filepath.Join(t.TempDir(), "counts.xlsx")
	r := wb(t, nil, "search", "--workspace", ws, "--case", "1", "--queries", keywordFile("keywords.txt"), "--out", book, "--lang", "zh", "--json")
	if r.code != 1 {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var out batchOut
	decode(t, r.stdout, &out)
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("关键词命中")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(out.Queries)+1 || rows[0][0] != "行号" || rows[0][1] != "关键词" || rows[0][2] != "命中数" || rows[0][len(rows[0])-1] != "错误" {
		t.Fatalf("%d rows, header %q", len(rows), rows[0])
	}
	for i, q := range out.Queries {
		row := rows[i+1]
		hits := ""
		if len(row) > 2 {
			hits = row[2]
		}
		switch {
		case q.Error != "":
			if hits != "" || !strings.Contains(row[len(row)-1], "position 1") {
				t.Errorf("line %d: %q, want the error %q", q.Line, row, q.Error)
			}
		case strings.ReplaceAll(hits, ",", "") != strconv.Itoa(q.Total):
			t.Errorf("line %d %q: the workbook says %s, JSON %d", q.Line, q.Query, hits, q.Total)
		}
	}
	sum, _ := f.GetRows("概要")
	if len(sum) < 4 || !strings.Contains(sum[2][1], "keywords.txt") || !strings.Contains(sum[4][1], "案件 1：") {
		t.Errorf("summary %q", sum)
	}
}

func TestSearchKeywordsUsage(t *testing.T) {
	ws := searchWorkspace(t)
	empty := filepath.Join(t.TempDir(), "empty.txt")
	os.WriteFile(empty, []byte("# nothing\n"), 0o600)
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--literal", "赌博"}, 2, "go with --queries"},
		{[]string{"--out", "x.xlsx", "赌博"}, 2, "go with --queries"},
		{[]string{"--queries", keywordFile("keywords.csv"), "--out", "counts.csv"}, 2, "--out must name an .xlsx file"},
		{[]string{"--queries", keywordFile("keywords.csv"), "--lang", "fr"}, 2, "--lang must be zh, en or both"},
		{[]string{"--queries", keywordFile("keywords.csv"), "--workers", "-1"}, 2, "--workers must not be negative"},
		{[]string{"--queries", empty}, 1, "no keywords in the file"},
		{[]string{"--queries", keywordFile("missing.txt")}, 1, "no such file"},
	} {
		r := wb(t, nil, append([]string{"search", "--workspace", ws}, tc.args...)...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.msg) || r.stdout != "" {
			t.Errorf("%q: exit %d, stderr %q, stdout %q; want exit %d naming %q", tc.args, r.code, r.stderr, r.stdout, tc.code, tc.msg)
		}
	}
}
