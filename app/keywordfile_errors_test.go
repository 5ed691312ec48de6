package app

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/inspection-workbench/workbench"
)

// TestKeywordFileErrorsHaveReasons checks that a keyword file that cannot
// be read says why with a reason the GUI words in the user's language,
// not only with the reader's English.
func TestKeywordFileErrorsHaveReasons(t *testing.T) {
	dir := t.TempDir()
	damaged := filepath.Join(dir, "关键词库.xlsx")
	if err := os.WriteFile(damaged, []byte("this is not a workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	binary := filepath.Join(dir, "keywords.txt")
	if err := os.WriteFile(binary, []byte{0xff, 0xfe, 0x00, 0x00, 0x01, 0x02, 0x00, 0x9c, 0x00}, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path string
		want workbench.Reason
	}{
		{filepath.Join(dir, "missing.txt"), workbench.ReasonFileUnreadable},
		{dir, workbench.ReasonIsFolder},
		{damaged, workbench.ReasonDamaged},
	} {
		_, err := ReadKeywordFile(c.path)
		we := workbench.ErrorReason(err)
		if we == nil || we.Reason != c.want {
			t.Errorf("%s: error %v has reason %v, want %s", filepath.Base(c.path), err, we, c.want)
		}
	}
	if _, err := ReadKeywordFile(binary); err == nil || workbench.ErrorReason(err) == nil {
		t.Errorf("a binary text file: error %v without a reason", err)
	}
}
