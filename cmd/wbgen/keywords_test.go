package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// TestKeywordLibrary: 10,000 unique lines, the same for the same seed, the
// Chinese words two to six characters long, English, phrases and lines
// with query syntax among them.
func TestKeywordLibrary(t *testing.T) {
	words, cats, err := keywordLibrary(10000, 1)
	if err != nil {
		t.Fatal(err)
	}
	again, _, _ := keywordLibrary(10000, 1)
	if !slices.Equal(words, again) || len(cats) != len(words) {
		t.Fatal("two runs with the same seed differ")
	}
	seen := map[string]bool{}
	english, phrases, syntax := 0, 0, 0
	for _, w := range words {
		if seen[w] {
			t.Fatalf("%q twice", w)
		}
		seen[w] = true
		ascii := strings.IndexFunc(w, func(r rune) bool { return r < unicode.MaxASCII && unicode.IsLetter(r) }) >= 0
		switch {
		case slices.Contains(keywordSyntax, w):
			syntax++
		case ascii:
			english++
		case strings.Contains(w, " "):
			phrases++
		default:
			if n := utf8.RuneCountInString(w); n < 2 || n > 6 {
				t.Errorf("%q has %d characters", w, n)
			}
		}
	}
	if len(seen) != 10000 || english < 300 || phrases < 300 || syntax == 0 {
		t.Errorf("%d unique, %d English, %d phrases, %d with query syntax", len(seen), english, phrases, syntax)
	}
}

func TestKeywordFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"k.txt", "k.csv", "k.xlsx"} {
		p := filepath.Join(dir, name)
		if err := run([]string{"keywords", "--lines", "50", "--out", p}, os.Stdout, os.Stderr); err != nil {
			t.Fatal(err)
		}
		var lines []string
		if strings.HasSuffix(name, ".xlsx") {
			f, err := excelize.OpenFile(p)
			if err != nil {
				t.Fatal(err)
			}
			rows, _ := f.GetRows("关键词库")
			f.Close()
			for _, r := range rows {
				lines = append(lines, strings.Join(r, ","))
			}
		} else {
			data, _ := os.ReadFile(p)
			lines = strings.Split(strings.TrimSpace(string(data)), "\n")
		}
		if len(lines) != 51 && len(lines) != 52 {
			t.Errorf("%s: %d lines", name, len(lines))
		}
		if name != "k.txt" && !strings.HasPrefix(lines[0], "序号,关键词,类别") {
			t.Errorf("%s: header %q", name, lines[0])
		}
	}
}
