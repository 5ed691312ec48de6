package main

import (
	"strings"
	"testing"
)

func TestWriteTableAlignsChinese(t *testing.T) {
	var b strings.Builder
	if err := writeTable(&b, [][]string{{"ID", "PROVIDER", "STATUS"}, {"1", "星河智算", "open"}, {"22", "Acme", "signed"}}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("lines: %q", lines)
	}
	// The STATUS column starts at the same display column on every line.
	for _, l := range lines {
		i := strings.IndexAny(l, "os") // "open", "signed", or "STATUS" (S)
		if strings.HasPrefix(l, "ID") {
			i = strings.Index(l, "STATUS")
		}
		if got := displayWidth(l[:i]); got != 14 {
			t.Errorf("%q: third column at display column %d, want 14", l, got)
		}
	}
}
