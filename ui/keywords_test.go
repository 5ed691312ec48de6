package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"github.com/inspection-workbench/workbench/app"
)

func keywordFixture(name string) string { return filepath.Join("..", "testdata", "keywords", name) }

// heldHost is the window as a page's host, except that background work
// waits until the test releases it: the page can be seen while its work
// is under way.
type heldHost struct {
	*MainWindow
	held []func()
}

func (h *heldHost) goBackground(f func()) { h.held = append(h.held, f) }

// release runs the held work as the background would, off the UI lock.
func (h *heldHost) release() {
	for len(h.held) > 0 {
		f := h.held[0]
		h.held = h.held[1:]
		f()
	}
}

// keywordsOnHeldHost is a keyword dialog of the demo case on a host that
// holds its background work, shown, with the queries it runs recorded.
func keywordsOnHeldHost(t *testing.T, mw *MainWindow) (*keywordsView, *heldHost, *[]string) {
	t.Helper()
	h := &heldHost{MainWindow: mw}
	var runs []string
	var v *keywordsView
	onUI(mw, func() {
		v = newKeywordsView(h, mw.selected, widget.NewCheck("", nil), func(q string) { runs = append(runs, q) })
		v.show()
	})
	return v, h, &runs
}

// keywordTexts is what the keyword dialog shows: its labels and the
// table's cells drawn.
func keywordTexts(v *keywordsView) string {
	return shownText(visibleObjects(v.content))
}

// TestKeywordsDialogStates draws the dialog in each state, in English and
// Chinese: no file yet, counting, done with errors on some lines (the
// fixture's "oops and -d), a file without keywords, cancelled.
func TestKeywordsDialogStates(t *testing.T) {
	for _, language := range []string{"en", "zh"} {
		t.Run(language, func(t *testing.T) {
			inLanguage(t, language)
			mw, ws := newDemoWindow(t)
			resize(mw, laptopSize)
			v, h, runs := keywordsOnHeldHost(t, mw)
			zh := language == "zh"
			pick := func(en, zhText string) string {
				if zh {
					return zhText
				}
				return en
			}

			// No file yet: the hint says what a keyword file is.
			if got := keywordTexts(v); !strings.Contains(got, pick("keyword library", "关键词库")) || v.save.Visible() && !v.save.Disabled() {
				t.Errorf("no file: shows %q, save enabled %v", got, !v.save.Disabled())
			}
			screenshot(t, mw, "keywords-"+language+"-nofile")

			// Counting: the file is being read and counted off the UI
			// goroutine; progress, Cancel, nothing to save.
			onUI(mw, func() { v.countFile(keywordFixture("keywords.txt")) })
			if !v.progress.Visible() || !v.stop.Visible() || !v.choose.Disabled() || !v.save.Disabled() ||
				!strings.Contains(v.status.Text, pick("Reading keywords.txt", "正在读取 keywords.txt")) {
				t.Errorf("counting: progress %v, cancel %v, status %q", v.progress.Visible(), v.stop.Visible(), v.status.Text)
			}
			screenshot(t, mw, "keywords-"+language+"-counting")
			h.release()

			// Done: a row per line; the malformed lines show why.
			lines, err := app.ReadKeywordFile(keywordFixture("keywords.txt"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := ws.CountQueries(context.Background(), lines.Lines, app.KeywordOptions{CaseID: mw.selected}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(v.counts) != len(want) || len(v.order) != len(want) {
				t.Fatalf("shows %d rows, want %d", len(v.order), len(want))
			}
			for i, c := range v.counts {
				if c.Total != want[i].Total || (c.Err == nil) != (want[i].Err == nil) {
					t.Errorf("line %d: %d %v, want %d %v", c.Line, c.Total, c.Err, want[i].Total, want[i].Err)
				}
			}
			if v.progress.Visible() || v.stop.Visible() || v.choose.Disabled() || v.save.Disabled() {
				t.Error("done: progress or cancel still shown, or choose/save disabled")
			}
			if !strings.Contains(v.status.Text, pick("7 keywords", "共 7 个关键词")) || !strings.Contains(v.status.Text, pick("2 could not be searched", "2 个无法检索")) {
				t.Errorf("done: status %q", v.status.Text)
			}
			cols := v.columns()
			if cols[0] != pick("Line", "行号") || cols[2] != pick("Hits", "命中数") || !slices.Contains(cols, kindText("incident")) || cols[len(cols)-1] != pick("Problem", "问题") {
				t.Errorf("columns %q", cols)
			}
			shown := keywordTexts(v)
			for _, s := range []string{"违法内容 OR 色情", pick("Query error at character 1", "检索式有误（第 1 个字符）")} {
				if !strings.Contains(shown, s) {
					t.Errorf("done: %q not shown in\n%s", s, shown)
				}
			}
			if zh {
				if bad := untranslated(t, visibleObjects(v.content)); len(bad) > 0 {
					t.Errorf("English in the Chinese dialog: %q", bad)
				}
			}
			screenshot(t, mw, "keywords-"+language+"-done")

			// Most hits first: the first row has the most; errors go last.
			onUI(mw, func() { v.sortBy.SetSelectedIndex(1) })
			first, last := v.counts[v.order[0]], v.counts[v.order[len(v.order)-1]]
			for _, c := range v.counts {
				if c.Err == nil && c.Total > first.Total {
					t.Errorf("most hits first: %q (%d) is first, %q has %d", first.Keyword, first.Total, c.Keyword, c.Total)
				}
			}
			if last.Err == nil {
				t.Errorf("most hits first: the last row %q has no error", last.Keyword)
			}

			// A row searches for its line; a row in error says why instead.
			onUI(mw, func() { v.table.Select(widget.TableCellID{Row: 0, Col: 1}) })
			if len(*runs) != 1 || (*runs)[0] != first.Query {
				t.Errorf("selecting the first row ran %q, want %q", *runs, first.Query)
			}
			onUI(mw, func() { v.table.Select(widget.TableCellID{Row: len(v.order) - 1, Col: 1}) })
			if len(*runs) != 1 || !strings.Contains(v.status.Text, pick("Line ", "第 ")) {
				t.Errorf("selecting a row in error ran %q; status %q", *runs, v.status.Text)
			}

			// Saving writes the workbook in the interface's language.
			book := filepath.Join(t.TempDir(), "hits.xlsx")
			onUI(mw, func() { v.saveBook(book) })
			h.release()
			f, err := excelize.OpenFile(book)
			if err != nil {
				t.Fatalf("saved workbook: %v", err)
			}
			rows, err := f.GetRows(pick("Keyword hits", "关键词命中"))
			f.Close()
			if err != nil || len(rows) != len(want)+1 || !strings.Contains(strings.Join(rows[0], " "), pick("Error", "错误")) {
				t.Errorf("saved rows %q, %v", rows, err)
			}
			for _, r := range rows[1:] {
				if len(r) > 0 && strings.HasPrefix(r[len(r)-1], "position") && zh {
					t.Errorf("an English problem in the Chinese workbook: %q", r)
				}
			}

			// A file with no keywords: the dialog says so and offers
			// another file.
			empty := filepath.Join(t.TempDir(), "empty.txt")
			os.WriteFile(empty, []byte("# 只有注释\n"), 0o600)
			onUI(mw, v.show)
			onUI(mw, func() { v.countFile(empty) })
			h.release()
			if !strings.Contains(v.status.Text, pick("empty.txt holds no keywords", "empty.txt 中没有关键词")) || v.status.Importance != widget.DangerImportance ||
				v.choose.Disabled() || !v.save.Disabled() || len(v.order) != 0 {
				t.Errorf("empty file: status %q, rows %d", v.status.Text, len(v.order))
			}
			screenshot(t, mw, "keywords-"+language+"-empty")

			// Cancel while counting.
			onUI(mw, func() { v.countFile(keywordFixture("keywords.csv")) })
			onUI(mw, func() { test.Tap(v.stop) })
			h.release()
			if v.status.Text != pick("Counting cancelled.", "已取消统计。") || v.choose.Disabled() || len(v.counts) != 0 {
				t.Errorf("cancelled: status %q, %d counts", v.status.Text, len(v.counts))
			}
		})
	}
}

// TestKeywordsRunOnSearchTab runs a keyword file from the Search tab's
// button and selects a line: the Search tab then searches for it and
// finds as many hits as the table said.
func TestKeywordsRunOnSearchTab(t *testing.T) {
	mw, _ := newDemoWindow(t)
	s := mw.search
	tapLabelled(t, mw, "Run keyword file…")
	if !strings.Contains(topDialog(mw), "Keyword file") {
		t.Fatalf("the dialog did not open: %q", topDialog(mw))
	}
	k := s.keywords
	onUI(mw, func() { k.literal.SetChecked(true) })
	onUI(mw, func() { k.countFile(keywordFixture("keywords.csv")) })
	if len(k.counts) != 4 || k.counts[0].Keyword != "赌博" || k.counts[0].Query != `"赌博"` || k.counts[0].Total == 0 {
		t.Fatalf("counts %+v", k.counts)
	}
	onUI(mw, func() { k.table.Select(widget.TableCellID{Row: 0, Col: 1}) })
	if s.query.Text != `"赌博"` || s.totalN != k.counts[0].Total {
		t.Errorf("the Search tab searched %q and found %d; the table said %d", s.query.Text, s.totalN, k.counts[0].Total)
	}
	if top := mw.Window().Canvas().Overlays().Top(); top != nil {
		t.Errorf("the keyword dialog is still open: %q", topDialog(mw))
	}
	// Reopened, it still shows the counts.
	tapLabelled(t, mw, "Run keyword file…")
	if !strings.Contains(topDialog(mw), "赌博") {
		t.Errorf("reopened dialog: %q", topDialog(mw))
	}
}
