package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/inspection-workbench/workbench/app"
)

// TestImportBars walks the import dialog's progress through what an
// import reports: nothing known yet, a CSV saying how far it has got, an
// XLSX reading rows without saying, and the end. The animated bar — which
// redraws the whole window every frame — runs only while nothing better
// is known, and never after the import.
func TestImportBars(t *testing.T) {
	test.NewTempApp(t)
	if !readFrontToBack([]string{"a.csv", "b.JSONL"}) || readFrontToBack([]string{"a.csv", "b.xlsx"}) || readFrontToBack([]string{"folder"}) || readFrontToBack(nil) {
		t.Error("readFrontToBack: only CSV, JSON and JSONL files report how far they are")
	}
	csv := newImportBars(true)
	if csv.busy.Visible() || csv.busy.Running() || !csv.share.Visible() || csv.share.Value != 0 {
		t.Errorf("CSV import starts with the animated bar visible %v, running %v; share visible %v at %v",
			csv.busy.Visible(), csv.busy.Running(), csv.share.Visible(), csv.share.Value)
	}
	b := newImportBars(false)
	w := test.NewWindow(b.object())
	defer w.Close()
	w.Resize(fyne.NewSize(400, 60))
	check := func(step string, busy bool, share float64) {
		t.Helper()
		if b.busy.Visible() != busy || b.busy.Running() != busy {
			t.Errorf("%s: animated bar visible %v, running %v; want %v", step, b.busy.Visible(), b.busy.Running(), busy)
		}
		if b.share.Visible() == busy {
			t.Errorf("%s: share bar visible %v, want %v", step, b.share.Visible(), !busy)
		}
		if !busy && b.share.Value != share {
			t.Errorf("%s: share %v, want %v", step, b.share.Value, share)
		}
	}
	check("start", true, 0)
	b.update(app.ImportProgress{File: "a.csv", FileIndex: 0, FileCount: 2})
	check("first file's start", true, 0)
	b.update(app.ImportProgress{File: "a.csv", FileIndex: 0, FileCount: 2, Rows: 8192, Read: 250, Size: 1000})
	check("a quarter of the first of two files", false, 0.125)
	b.update(app.ImportProgress{File: "b.xlsx", FileIndex: 1, FileCount: 2})
	check("second file's start", false, 0.125)
	b.update(app.ImportProgress{File: "b.xlsx", FileIndex: 1, FileCount: 2, Rows: 8192, Size: 5000})
	check("an XLSX reading rows", true, 0)
	b.stop()
	if b.busy.Running() {
		t.Error("the animated bar still runs after the import")
	}
}

// TestClipWidth checks that a cell's text is cut where it surely no longer
// fits: Chinese at a character an em, other text at 0.4 em.
func TestClipWidth(t *testing.T) {
	for _, c := range []struct {
		in   string
		ems  float32
		want string
	}{
		{"用户诱导模型生成违法内容", 4, "用户诱导…"},
		{"用户诱导", 4, "用户诱导"},
		{"INC-0000001", 12, "INC-0000001"},
		{"abcdefghijklmnopqrstuvwxyz", 4.2, "abcdefghij…"},
		{"first line\nsecond", 40, "first line …"},
		{"", 3, ""},
	} {
		if got := clipWidth(c.in, c.ems); got != c.want {
			t.Errorf("clipWidth(%q, %v) = %q, want %q", c.in, c.ems, got, c.want)
		}
	}
}
