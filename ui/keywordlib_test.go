package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
)

// storeLibrary stores keyword_library records (keyword, risk, match
// type) as file name of the case, as the importer stores them, through
// the store; the search index is not brought up to date.
func storeLibrary(t *testing.T, ws *app.App, caseID int64, name string, rows [][3]string) {
	t.Helper()
	ctx := context.Background()
	sum, _, err := ws.Store().Blobs().Put(strings.NewReader(name + fmt.Sprint(rows)))
	if err != nil {
		t.Fatal(err)
	}
	sub := workbench.Submission{CaseID: caseID, SHA256: sum, FileName: name, Kind: string(workbench.KeywordLibrary),
		Label: "internal", Format: "csv", ImporterVersion: "1"}
	w, err := ws.Store().BeginSubmission(ctx, sub)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		data, _ := json.Marshal(map[string]string{"keyword": r[0], "risk": r[1], "match_type": r[2]})
		if err := w.Add(workbench.RecordRow{Row: i + 2, Fields: string(data), Extra: `{}`}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.Commit(nil, len(rows)); err != nil {
		t.Fatal(err)
	}
}

// goodLibrary hits the demo incidents; badLibrary adds what cannot be
// searched.
var (
	goodLibrary = [][3]string{{"赌博", "A.1.3", "exact"}, {"暴力", "A.1.3", "fuzzy"}, {"歧视性", "A.2.1", "exact"}, {"钓鱼邮件", "其他风险", "exact"}}
	badLibrary  = [][3]string{{`赌.*博`, "A.1.3", "regex"}, {`赌.{0,3}博`, "A.1.3", "exact"}, {"……", "A.1.3", "exact"}}
)

const libraryItem = "art4-1-prohibited-content"

// libraryOnHeldHost opens the keyword library dialog of the shown case on
// a host that holds its background work; the number of citations it
// reports is counted.
func libraryOnHeldHost(t *testing.T, mw *MainWindow, item string, open bool) (*libraryView, *heldHost, *int) {
	t.Helper()
	h := &heldHost{MainWindow: mw}
	cited := new(int)
	var v *libraryView
	onUI(mw, func() {
		v = newLibraryView(h, mw.selected, item, open, func() { *cited++ })
		v.show()
	})
	return v, h, cited
}

// TestLibraryDialogStates draws the dialog in each state, in English and
// Chinese: looking for the library, none imported, imported and not run,
// running, done, done with keywords that could not be searched, cited,
// cancelled, and in a concluded and a signed inspection (read-only) and
// from the Submissions tab (nothing to cite for).
func TestLibraryDialogStates(t *testing.T) {
	for _, language := range []string{"en", "zh"} {
		t.Run(language, func(t *testing.T) {
			inLanguage(t, language)
			mw, ws := newDemoWindow(t)
			resize(mw, laptopSize)
			ctx := context.Background()
			caseID := mw.selected
			// The demo case without the sample provider's own library, so
			// that the dialog starts with none and the test's is the one.
			if _, err := ws.Store().DB().ExecContext(ctx, `DELETE FROM submissions WHERE kind = ?`, string(workbench.KeywordLibrary)); err != nil {
				t.Fatal(err)
			}
			if _, err := ws.StartInspection(ctx, caseID, ""); err != nil {
				t.Fatal(err)
			}
			zh := language == "zh"
			pick := func(en, zhText string) string {
				if zh {
					return zhText
				}
				return en
			}
			shot := func(v *libraryView, name string) {
				t.Helper()
				// Capturing is the slow part: under the race detector only
				// when $WB_TEST_SHOTS asks; the views are drawn all the same.
				if !raceDetector || os.Getenv("WB_TEST_SHOTS") != "" {
					screenshot(t, mw, "library-"+language+"-"+name)
				}
				if zh {
					if bad := untranslated(t, visibleObjects(v.content)); len(bad) > 0 {
						t.Errorf("%s: English in the Chinese dialog: %q", name, bad)
					}
					if !hasHan(v.status.Text) {
						t.Errorf("%s: status %q", name, v.status.Text)
					}
				}
			}

			// Looking for the library, then none imported: nothing to run.
			v, h, _ := libraryOnHeldHost(t, mw, libraryItem, true)
			if v.status.Text != pick("Looking for the case's keyword library…", "正在查找本案的关键词库…") || !v.start.Disabled() {
				t.Errorf("loading: status %q", v.status.Text)
			}
			shot(v, "loading")
			h.release()
			if !strings.Contains(v.status.Text, pick("No keyword library is imported", "本案尚未导入关键词库")) || !v.start.Disabled() || v.results.Visible() {
				t.Errorf("no library: status %q, run enabled %v", v.status.Text, !v.start.Disabled())
			}
			shot(v, "none")
			dismissDialogs(mw)

			// Imported, not run.
			storeLibrary(t, ws, caseID, "关键词库.csv", goodLibrary)
			v, h, cited := libraryOnHeldHost(t, mw, libraryItem, true)
			h.release()
			if !strings.Contains(v.status.Text, "关键词库.csv") || !strings.Contains(v.status.Text, pick("4 keywords", "共 4 个关键词")) ||
				v.start.Disabled() || !v.save.Disabled() || !v.cite.Disabled() || v.results.Visible() {
				t.Errorf("ready: status %q", v.status.Text)
			}
			shot(v, "ready")

			// Running: progress and Cancel, nothing to save or cite.
			onUI(mw, func() { test.Tap(v.start) })
			if !v.progress.Visible() || !v.stop.Visible() || !v.start.Disabled() || !v.save.Disabled() || !v.cite.Disabled() {
				t.Errorf("running: progress %v, cancel %v", v.progress.Visible(), v.stop.Visible())
			}
			shot(v, "running")
			h.release()

			// Done: the risk table and every keyword, as the app counts.
			want, err := ws.RunKeywordLibrary(ctx, caseID, app.LibraryOptions{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if v.run == nil || v.run.Rows != want.Rows || v.run.Rows == 0 || len(v.risks) != len(want.Risks) || len(v.keywords) != 4 {
				t.Fatalf("done: run %+v, want %d rows", v.run, want.Rows)
			}
			if v.progress.Visible() || v.stop.Visible() || v.save.Disabled() || v.cite.Disabled() || !v.results.Visible() {
				t.Error("done: progress or cancel shown, or save or cite disabled")
			}
			if !strings.Contains(v.status.Text, pick("4 keywords, 4 searched", "共 4 个关键词，已检索 4 个")) || strings.Contains(v.status.Text, pick("regular expressions", "正则表达式")) {
				t.Errorf("done: status %q", v.status.Text)
			}
			shown := shownText(visibleObjects(v.content))
			for _, s := range []string{"A.1.3", "赌博", pick("Rows hit", "命中行数")} {
				if !strings.Contains(shown, s) {
					t.Errorf("done: %q not shown in\n%s", s, shown)
				}
			}
			shot(v, "done")

			// A risk row lists its keywords; a keyword searches for itself.
			a13 := slices.IndexFunc(v.risks, func(h app.RiskHits) bool { return h.Risk == "A.1.3" })
			onUI(mw, func() { v.riskTable.Select(widget.TableCellID{Row: a13, Col: 1}) })
			if len(v.keywords) != 2 || !strings.Contains(v.kwHead.Text, "A.1.3") && !strings.Contains(v.kwHead.Text, pickRisk("A.1.3", zh)) {
				t.Errorf("A.1.3 selected: %d keywords, head %q", len(v.keywords), v.kwHead.Text)
			}
			first := v.run.Counts[v.keywords[0]]
			onUI(mw, func() { v.kwTable.Select(widget.TableCellID{Row: 0, Col: 1}) })
			if mw.search.query.Text != first.Query {
				t.Errorf("selecting %q searched %q", first.Keyword, mw.search.query.Text)
			}

			// Saved as a workbook in the interface's language.
			book := filepath.Join(t.TempDir(), "lib.xlsx")
			onUI(mw, func() { v.saveBook(book) })
			h.release()
			f, err := excelize.OpenFile(book)
			if err != nil {
				t.Fatalf("saved workbook: %v", err)
			}
			if sheets := f.GetSheetList(); sheets[0] != pick("Risk categories", "风险类别") {
				t.Errorf("saved sheets %q", sheets)
			}
			f.Close()

			// Cited as the item's evidence.
			onUI(mw, func() { test.Tap(v.cite) })
			h.release()
			evs, err := ws.ItemEvidence(ctx, caseID, libraryItem)
			if err != nil || len(evs) != 1 || !strings.HasPrefix(evs[0].Target, "kwlib-") || *cited != 1 || !strings.Contains(evs[0].Quote, pick("Keyword library applied", "关键词库应用于本案")) {
				t.Errorf("cited: %+v, %v, callback %d", evs, err, *cited)
			}
			shot(v, "cited")
			dismissDialogs(mw)

			// With keywords that cannot be searched: each says why.
			storeLibrary(t, ws, caseID, "关键词库-补充.csv", badLibrary)
			v, h, _ = libraryOnHeldHost(t, mw, libraryItem, true)
			h.release()
			onUI(mw, func() { test.Tap(v.start) })
			h.release()
			if v.run == nil || len(v.run.Counts) != 7 || !strings.Contains(v.status.Text, pick("Regular expressions not applied: 1; other keywords that could not be searched: 2", "未应用的正则表达式：1 个；其他无法检索的关键词：2 个")) {
				t.Fatalf("unsearchable: status %q", v.status.Text)
			}
			onUI(mw, func() { v.kwTable.ScrollToBottom() })
			shown = shownText(visibleObjects(v.content))
			for _, s := range []string{pick("Regular expression: not applied", "正则表达式：未应用"), pick("Written like a regular expression", "写法像正则表达式")} {
				if !strings.Contains(shown, s) {
					t.Errorf("unsearchable: %q not shown in\n%s", s, shown)
				}
			}
			shot(v, "unsearchable")
			onUI(mw, func() { v.kwTable.Select(widget.TableCellID{Row: len(v.keywords) - 1, Col: 1}) })
			if !strings.Contains(v.status.Text, pick("Only punctuation", "只有标点")) {
				t.Errorf("selecting a keyword not searched: status %q", v.status.Text)
			}

			// Cancelled while running.
			onUI(mw, func() { test.Tap(v.start) })
			onUI(mw, func() { test.Tap(v.stop) })
			h.release()
			if v.status.Text != pick("Cancelled: nothing was counted.", "已取消，未作统计。") || v.start.Disabled() {
				t.Errorf("cancelled: status %q", v.status.Text)
			}
			dismissDialogs(mw)

			// From the Submissions tab: nothing to cite for.
			v, h, _ = libraryOnHeldHost(t, mw, "", true)
			h.release()
			if v.cite.Visible() || !v.note.Visible() || !strings.Contains(v.note.Text, pick("from the checklist item", "检查项")) {
				t.Errorf("from submissions: cite shown %v, note %q", v.cite.Visible(), v.note.Text)
			}
			shot(v, "submissions")
			dismissDialogs(mw)

			// Concluded and signed: read-only, but it still runs and saves.
			for _, status := range []string{"concluded", "signed"} {
				if _, err := ws.Store().DB().Exec(`UPDATE cases SET status = ? WHERE id = ?`, status, caseID); err != nil {
					t.Fatal(err)
				}
				v, h, _ = libraryOnHeldHost(t, mw, libraryItem, false)
				h.release()
				onUI(mw, func() { test.Tap(v.start) })
				h.release()
				if v.cite.Visible() || !v.note.Visible() || v.save.Disabled() || v.run == nil ||
					!strings.Contains(v.note.Text, pick("can no longer be changed", "已不可更改")) {
					t.Errorf("%s: cite shown %v, note %q, save disabled %v", status, v.cite.Visible(), v.note.Text, v.save.Disabled())
				}
				shot(v, status)
				dismissDialogs(mw)
			}
		})
	}
}

// pickRisk is a risk's name in the interface's language.
func pickRisk(code string, zh bool) string {
	n := workbench.Risk(code).Name()
	if zh {
		return n.Zh
	}
	return n.En
}

// TestLibraryHooks: the checklist item whose template lists
// keyword_library offers the action, others do not; the keyword
// library's row of the Submissions tab offers it, other rows do not.
func TestLibraryHooks(t *testing.T) {
	mw, ws := newDemoWindow(t)
	ctx := context.Background()
	caseID := mw.selected
	storeLibrary(t, ws, caseID, "关键词库.csv", goodLibrary)
	if _, err := ws.StartInspection(ctx, caseID, ""); err != nil {
		t.Fatal(err)
	}
	userAct(mw, func() { mw.ShowTab(tabChecklist) })
	onUI(mw, mw.checks.load)
	// The Measures template lists no keyword_library: a test template
	// with an item that does.
	tmpl := mw.checks.tmpl
	item, ok := tmpl.Item(libraryItem)
	if !ok {
		t.Fatalf("no item %s", libraryItem)
	}
	item.Evidence = append(item.Evidence, workbench.KeywordLibrary)
	pickItem(mw, "art4-2-non-discrimination")
	pickItem(mw, libraryItem)
	apply := buttonsLabelled(objectsOf(mw.checks.detail), "Apply keyword library…")
	if len(apply) != 1 {
		ti, _ := mw.checks.tmpl.Item(libraryItem)
		t.Fatalf("%d apply buttons on the item %q (evidence %v, same template %v)", len(apply), mw.checks.selected, ti.Evidence, tmpl == mw.checks.tmpl)
	}
	userAct(mw, func() { test.Tap(apply[0]) })
	if v := mw.checks.library; v == nil || v.itemID != libraryItem || !v.open || !strings.Contains(topDialog(mw), "Keyword library applied") {
		t.Fatalf("the dialog did not open for the item: %q", topDialog(mw))
	}
	if v := mw.checks.library; v.start.Disabled() {
		t.Errorf("opened from the item: status %q", v.status.Text)
	}
	dismissDialogs(mw)
	pickItem(mw, "art4-2-non-discrimination")
	if n := len(buttonsLabelled(objectsOf(mw.checks.detail), "Apply keyword library…")); n != 0 {
		t.Errorf("an item without keyword_library offers it %d times", n)
	}

	userAct(mw, func() { mw.ShowTab(tabSubmissions) })
	onUI(mw, func() { mw.subs.reload(0) })
	apply = buttonsLabelled(onScreen(mw), "Apply keyword library…")
	if len(apply) != 1 {
		t.Fatalf("%d apply buttons on the Submissions tab (%d files)", len(apply), len(mw.subs.subs))
	}
	userAct(mw, func() { test.Tap(apply[0]) })
	if v := mw.subs.library; v == nil || v.itemID != "" || v.cite.Visible() || v.start.Disabled() {
		t.Fatalf("the dialog did not open from the row: %q", topDialog(mw))
	}
}
