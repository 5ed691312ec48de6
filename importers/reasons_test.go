package importers

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/inspection-workbench/workbench"
)

// TestEveryWarningHasAReason feeds every fixture — the malformed files of
// testdata/bad, the sample, and the importers' own — through the
// importers as the workbench does (a document as an algorithm
// description, with its key facts) and checks that every warning carries
// a reason the interfaces word (workbench.CheckWarning) and every failure
// one Failure finds: none is left to be shown by its English text.
func TestEveryWarningHasAReason(t *testing.T) {
	var files []string
	for _, dir := range []string{"../testdata/bad", "../testdata/sample", "testdata", "docx/testdata", "pdf/testdata"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			switch filepath.Ext(e.Name()) {
			case ".md", ".py", ".sh", ".html", ".fods", ".fodt":
				continue // sources of fixtures
			}
			if !e.IsDir() {
				files = append(files, filepath.Join(dir, e.Name()))
			}
		}
	}
	ctx := context.Background()
	warned, failed := map[workbench.Reason]int{}, map[workbench.Reason]int{}
	check := func(path string, w workbench.Warning) {
		if err := workbench.CheckWarning(w); err != nil {
			t.Errorf("%s: %v", path, err)
		}
		warned[w.Reason]++
	}
	for _, path := range files {
		var warnings []workbench.Warning
		var err error
		if format, ok := IsDocument(path, filepath.Base(path)); ok {
			var res DocumentResult
			res, err = ReadDocument(ctx, path, format, Options{Kind: workbench.Algorithm})
			warnings = res.Warnings
			if err == nil {
				KeyFacts(workbench.Algorithm, res.Passages, func(w workbench.Warning) { warnings = append(warnings, w) })
			}
		} else {
			var res Result
			res, err = ReadFile(ctx, path, filepath.Base(path), Options{}, func(Record) error { return nil })
			warnings = res.Warnings
		}
		for _, w := range warnings {
			check(path, w)
		}
		if err != nil {
			we := Failure(err)
			if we == nil {
				t.Errorf("%s: %v: Failure finds no reason", path, err)
				continue
			}
			failed[we.Reason]++
		}
	}
	t.Logf("%d files; warnings by reason %v; failures by reason %v", len(files), warned, failed)
	if len(warned) < 8 || len(failed) < 10 {
		t.Errorf("only %d reasons of warnings and %d of failures: the fixtures no longer exercise them", len(warned), len(failed))
	}
}
