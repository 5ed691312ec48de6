package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestQueryParts(t *testing.T) {
	for _, c := range []struct {
		q    string
		want []string
	}{
		{`赌博 推广`, []string{"赌博", "推广"}},
		{`"提示词注入"`, []string{"提示词注入"}},
		{`"账号被误限制" found:2024-06-01..2024-06-30`, []string{"账号被误限制"}},
		{`found:2024-03-01..2024-03-07 jailbreak`, []string{"jailbreak"}},
		{`"prompt injection" API`, []string{"prompt injection", "API"}},
		{`赌博 OR 诈骗`, nil},
		{`赌博 -推广`, nil},
	} {
		if got := queryParts(c.q); !slices.Equal(got, c.want) {
			t.Errorf("queryParts(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}

func TestReadQuerySet(t *testing.T) {
	path := filepath.Join(t.TempDir(), "q.tsv")
	os.WriteFile(path, []byte("# a comment\nand\t赌博 推广\r\nphrase\t\"停止生成\"\n\nnarrowed\tGD2024030500017\n"), 0o644)
	qs, err := readQuerySet(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 3 || qs[0].Class != "two-term AND" || qs[0].Query != "赌博 推广" || qs[1].Parts[0] != "停止生成" || qs[2].Class != "narrowed" {
		t.Fatalf("query set: %+v", qs)
	}
	os.WriteFile(path, []byte("no tab here\n"), 0o644)
	if _, err := readQuerySet(path); err == nil {
		t.Fatal("a line without a class was accepted")
	}
}
