package importers

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite generated files")

// TestFormatsDoc keeps docs/submission-formats.md equal to what the spec
// says; run with -update after changing spec.go.
func TestFormatsDoc(t *testing.T) {
	path := filepath.Join("..", "docs", "submission-formats.md")
	want := FormatsMarkdown()
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s is out of date: run go test ./importers -run TestFormatsDoc -update", path)
	}
}
