package importers

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/inspection-workbench/workbench"
)

// TestFailureReasons reads each malformed fixture and checks Failure gives
// its error the reason and arguments the interfaces word, while the
// error's English text is left as it was.
func TestFailureReasons(t *testing.T) {
	bad := func(name string) string { return filepath.Join("..", "testdata", "bad", name) }
	for _, tc := range []struct {
		path   string
		doc    Format // "" for ReadFile
		reason workbench.Reason
		args   map[string]string
	}{
		{bad("empty.csv"), "", workbench.ReasonFileEmpty, nil},
		{bad("header-only.csv"), "", workbench.ReasonNoDataRows, nil},
		{bad("image.csv"), "", workbench.ReasonNotText, nil},
		{bad("image.xlsx"), "", workbench.ReasonNotFormat, map[string]string{"Format": "XLSX", "Looks": "png"}},
		{bad("truncated.xlsx"), "", workbench.ReasonDamaged, map[string]string{"Format": "XLSX"}},
		{bad("zipbomb.xlsx"), "", workbench.ReasonZipBomb, map[string]string{"Format": "XLSX"}},
		{bad("not-records.json"), "", workbench.ReasonNotRecords, map[string]string{"Location": "line 1"}},
		{bad("broken.json"), "", workbench.ReasonSyntax, map[string]string{"Format": "JSON", "Location": "record 2, line 3"}},
		{bad("broken-line.jsonl"), "", workbench.ReasonSyntax, map[string]string{"Format": "JSON", "Location": "line 3, column 26"}},
		{bad("deep.json"), "", workbench.ReasonTooDeep, map[string]string{"Max": "64"}},
		{bad("missing.csv"), "", workbench.ReasonFileUnreadable, nil},
		{bad("slides.pptx"), "", workbench.ReasonUnsupportedFormat, map[string]string{"Looks": "pptx"}},
		{bad("encrypted.pdf"), PDF, workbench.ReasonEncrypted, map[string]string{"Format": "PDF"}},
		{bad("truncated.pdf"), PDF, workbench.ReasonDamaged, map[string]string{"Format": "PDF"}},
		{bad("image.docx"), DOCX, workbench.ReasonNotFormat, map[string]string{"Format": "DOCX", "Looks": "png"}},
		{bad("zipbomb.docx"), DOCX, workbench.ReasonZipBomb, map[string]string{"Format": "DOCX"}},
	} {
		var err error
		if tc.doc != "" {
			_, err = ReadDocument(context.Background(), tc.path, tc.doc, Options{Kind: workbench.Algorithm})
		} else {
			_, err = ReadFile(context.Background(), tc.path, filepath.Base(tc.path), Options{}, func(Record) error { return nil })
		}
		if err == nil {
			t.Errorf("%s: no error", tc.path)
			continue
		}
		we := Failure(err)
		if we == nil || we.Reason != tc.reason {
			t.Errorf("%s: %v: Failure = %+v, want reason %s", tc.path, err, we, tc.reason)
			continue
		}
		for k, v := range tc.args {
			if got := workbench.ArgString(we.Args[k]); got != v {
				t.Errorf("%s: %s = %q, want %q", tc.path, k, got, v)
			}
		}
		// The reason was set where the error was made, or Failure wraps
		// the error with it.
		if we != workbench.ErrorReason(err) && !errors.Is(we, err) && we.Err != err {
			t.Errorf("%s: Failure does not wrap the error", tc.path)
		}
	}
	if Failure(context.Canceled) != nil || Failure(nil) != nil {
		t.Error("Failure classifies a cancelled import or no error")
	}
}
