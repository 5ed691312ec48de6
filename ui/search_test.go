package ui

import (
	"context"
	"errors"
	"github.com/inspection-workbench/workbench"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/ui/widgets"
)

// newDemoWindow is a test window on a workspace holding the demo case,
// with the demo's files imported and indexed, showing the Search tab.
func newDemoWindow(t *testing.T) (*MainWindow, *app.App) {
	t.Helper()
	mw, ws := newTestWindow(t)
	onUI(mw, mw.SeedDemo)
	if len(mw.cases) != 1 || mw.search == nil || mw.search.caseID != mw.cases[0].ID {
		t.Fatalf("demo case not shown: %d cases", len(mw.cases))
	}
	mw.tabs.SelectIndex(2)
	return mw, ws
}

// onUI runs f, a user's action, as the UI goroutine would: holding the
// lock mw.do takes. The test driver runs fyne.Do on the calling
// goroutine, so without it the background work f starts would update
// widgets while f is still drawing; then the test waits for that work.
func onUI(mw *MainWindow, f func()) {
	mw.uiMu.Lock()
	f()
	mw.uiMu.Unlock()
	mw.bg.Wait()
}

// submitQuery types q into the query field and presses Enter, then waits
// for the search.
func submitQuery(mw *MainWindow, q string) {
	v := mw.search
	onUI(mw, func() {
		v.query.SetText("")
		test.Type(v.query, q)
		v.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
}

// mustSearch asks the app directly, for what the view should show.
func mustSearch(t *testing.T, ws *app.App, req workbench.SearchRequest) workbench.SearchResult {
	t.Helper()
	res, err := ws.Search(context.Background(), req)
	if err != nil {
		t.Fatalf("search %q: %v", req.Query, err)
	}
	return res
}

// shownHitRows are the result rows the list draws.
func shownHitRows(mw *MainWindow) []*widgets.HitRow {
	var rows []*widgets.HitRow
	for _, o := range objectsOf(mw.search.list) {
		if r, ok := o.(*widgets.HitRow); ok && r.Visible() && r.Where() != "" {
			rows = append(rows, r)
		}
	}
	return rows
}

func hitIDs(hits []workbench.SearchHit) map[string]bool {
	ids := map[string]bool{}
	for _, h := range hits {
		ids[h.ID] = true
	}
	return ids
}

func TestSearchFacetsAndPaging(t *testing.T) {
	mw, ws := newDemoWindow(t)
	v := mw.search
	caseID := mw.cases[0].ID
	want := mustSearch(t, ws, workbench.SearchRequest{Query: "个人信息", CaseID: caseID})
	if want.Total <= 2*searchPageSize || want.Facets.Kind["incident"] <= searchPageSize || len(want.Facets.Kind) < 2 {
		t.Fatalf("the demo data no longer suits this test: %d hits, facets %v", want.Total, want.Facets.Kind)
	}

	submitQuery(mw, "个人信息")
	if v.totalN != want.Total || len(v.hits) != searchPageSize || v.list.Length() != searchPageSize {
		t.Fatalf("shows %d of %d hits, want %d of %d", len(v.hits), v.totalN, searchPageSize, want.Total)
	}
	if !strings.Contains(v.total.Text, formatCount(want.Total)) {
		t.Errorf("total label %q does not give %d", v.total.Text, want.Total)
	}
	if got, wantRange := v.pageInfo.Text, "1–20 of "+formatCount(want.Total); got != wantRange {
		t.Errorf("range = %q, want %q", got, wantRange)
	}
	if v.prev.Disabled() == false || v.next.Disabled() {
		t.Errorf("on the first page: previous enabled %v, next enabled %v", !v.prev.Disabled(), !v.next.Disabled())
	}
	// The rows show file, location, id and the snippet with the match
	// marked.
	rows := shownHitRows(mw)
	if len(rows) == 0 {
		t.Fatal("the list draws no rows")
	}
	for _, r := range rows[:min(len(rows), 5)] {
		if !strings.Contains(r.ID(), "-") || !strings.Contains(r.Where(), " · ") {
			t.Errorf("row shows %q / %q", r.Where(), r.ID())
		}
		if marked := markedTexts(r.Snippet()); !strings.Contains(marked, "个人信息") {
			t.Errorf("row %q emphasises %q, not the match", r.Where(), marked)
		}
	}

	// The kind select offers every kind with its count; choosing one
	// narrows the total to that count.
	incidents := countOption(kindText("incident"), want.Facets.Kind["incident"], true)
	if indexOf(v.kind.Options, incidents) < 0 {
		t.Fatalf("kind options %v lack %q", v.kind.Options, incidents)
	}
	onUI(mw, func() { v.kind.SetSelected(incidents) })
	if v.totalN != want.Facets.Kind["incident"] || v.req.Kind != "incident" {
		t.Fatalf("after choosing incidents: %d hits (kind %q), want %d", v.totalN, v.req.Kind, want.Facets.Kind["incident"])
	}
	for _, h := range v.hits {
		if h.Kind != "incident" {
			t.Errorf("hit %s of kind %s among incidents", h.ID, h.Kind)
		}
	}
	if len(v.kind.Options) != len(want.Facets.Kind)+1 || v.kind.Selected != incidents {
		t.Errorf("with the filter set the kind select offers %v, selected %q", v.kind.Options, v.kind.Selected)
	}
	// The file select counts within the kind chosen.
	if indexOf(v.file.Options, countOption("incidents.csv", v.totalN, true)) < 0 {
		t.Errorf("file options %v", v.file.Options)
	}

	// Paging moves the range.
	first := hitIDs(v.hits)
	onUI(mw, func() { test.Tap(v.next) })
	if v.req.Offset != searchPageSize || v.pageInfo.Text != "21–40 of "+formatCount(v.totalN) {
		t.Fatalf("after next: offset %d, range %q", v.req.Offset, v.pageInfo.Text)
	}
	for id := range hitIDs(v.hits) {
		if first[id] {
			t.Errorf("hit %s on both pages", id)
		}
	}
	if v.prev.Disabled() || len(v.hits) != searchPageSize {
		t.Errorf("page 2: previous disabled %v, %d hits", v.prev.Disabled(), len(v.hits))
	}
	onUI(mw, func() { test.Tap(v.prev) })
	if v.req.Offset != 0 || v.pageInfo.Text != "1–20 of "+formatCount(v.totalN) || v.req.Kind != "incident" {
		t.Errorf("after previous: offset %d, range %q, kind %q", v.req.Offset, v.pageInfo.Text, v.req.Kind)
	}

	// Back to all kinds.
	onUI(mw, func() { v.kind.SetSelectedIndex(0) })
	if v.totalN != want.Total {
		t.Errorf("all kinds again: %d hits, want %d", v.totalN, want.Total)
	}
}

func TestSearchSyntaxErrorShownInline(t *testing.T) {
	mw, _ := newDemoWindow(t)
	v := mw.search
	submitQuery(mw, "赌博")
	if v.totalN == 0 || !v.queryErr.Hidden {
		t.Fatalf("a good query: %d hits, error shown %v", v.totalN, !v.queryErr.Hidden)
	}

	submitQuery(mw, `赌博 "推广`)
	if v.queryErr.Hidden || !strings.Contains(v.queryErr.Text, "Query error at character 4") {
		t.Errorf("error label (hidden %v): %q", v.queryErr.Hidden, v.queryErr.Text)
	}
	if len(v.hits) != 0 || v.list.Length() != 0 || v.total.Text != "" || !v.next.Disabled() {
		t.Errorf("after a syntax error: %d hits, total %q", len(v.hits), v.total.Text)
	}
	if len(shownHitRows(mw)) != 0 {
		t.Error("rows still drawn after a syntax error")
	}
	if v.kind.Selected != "All" || v.file.Selected != "All" {
		t.Errorf("the facets keep counts of another query: %q, %q", v.kind.Selected, v.file.Selected)
	}

	// An empty query does nothing; a good one clears the error.
	onUI(mw, func() {
		v.query.SetText("   ")
		v.run()
	})
	if v.queryErr.Hidden || len(v.hits) != 0 {
		t.Error("an empty query changed the view")
	}
	submitQuery(mw, "赌博")
	if !v.queryErr.Hidden || v.totalN == 0 {
		t.Errorf("after a good query: error shown %v, %d hits", !v.queryErr.Hidden, v.totalN)
	}
}

func TestNewerSearchSupersedesOlder(t *testing.T) {
	mw, ws := newDemoWindow(t)
	v := mw.search
	want := mustSearch(t, ws, workbench.SearchRequest{Query: "标注", CaseID: v.caseID})
	onUI(mw, func() {
		v.query.SetText("个人信息")
		v.run()
		v.query.SetText("标注")
		v.run()
	})
	if v.req.Query != "标注" || v.totalN != want.Total {
		t.Fatalf("shows %q with %d hits, want 标注 with %d", v.req.Query, v.totalN, want.Total)
	}
	for _, h := range v.hits {
		if !strings.Contains(h.Snippet, "<mark>标注</mark>") {
			t.Errorf("hit %s is not one of 标注: %s", h.ID, h.Snippet)
		}
	}
}

func TestOpenHitShowsContext(t *testing.T) {
	mw, ws := newDemoWindow(t)
	v := mw.search
	submitQuery(mw, `标注 file:"annotation-rules.docx"`)
	var hit *workbench.SearchHit
	var hc app.HitContext
	for i := range v.hits {
		c, err := ws.HitContext(context.Background(), v.hits[i].ID, contextPassages)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(v.hits[i].ID, "psg-") && c.Current > 0 && c.Current < len(c.Passages)-1 {
			hit, hc = &v.hits[i], c
			break
		}
	}
	if hit == nil {
		t.Fatalf("no passage hit with neighbours among %d hits", len(v.hits))
	}
	idx := indexOfHit(v.hits, hit.ID)
	onUI(mw, func() { v.list.Select(idx) })
	shown := shownTexts(mw)
	for _, want := range []string{hit.ID, "annotation-rules.docx", hitLocation(*hit)} {
		if !strings.Contains(shown, want) {
			t.Errorf("the hit dialog does not show %q:\n%s", want, shown)
		}
	}
	// Its neighbours on either side are shown too.
	for _, p := range []workbench.PassageRow{hc.Passages[hc.Current-1], hc.Passages[hc.Current+1]} {
		start := string([]rune(p.Text)[:min(6, len([]rune(p.Text)))])
		if !strings.Contains(shown, start) {
			t.Errorf("neighbour passage %q is not shown:\n%s", p.Text, shown)
		}
	}
	// The hit passage is emphasised, and the match within it.
	found := false
	for _, o := range objectsOf(mw.win.Canvas().Overlays().Top()) {
		if mt, ok := o.(*widgets.MarkedText); ok && mt.Text() == hc.Passages[hc.Current].Text {
			found = strings.Contains(markedTexts(mt), "标注")
		}
	}
	if !found {
		t.Error("the hit passage does not emphasise 标注")
	}
	onUI(mw, func() { test.Tap(findButton(t, mw, "Close")) })

	// A record hit opens the record's full detail.
	submitQuery(mw, "赌博 kind:incident")
	if len(v.hits) == 0 || !strings.HasPrefix(v.hits[0].ID, "rec-") {
		t.Fatalf("no record hit: %v", v.hits)
	}
	rec := v.hits[0]
	onUI(mw, func() { v.list.Select(0) })
	shown = shownTexts(mw)
	for _, want := range []string{"事件编号 Incident ID", rec.Ref, rec.ID} {
		if !strings.Contains(shown, want) {
			t.Errorf("the record dialog does not show %q:\n%s", want, shown)
		}
	}
}

func indexOfHit(hits []workbench.SearchHit, id string) int {
	for i, h := range hits {
		if h.ID == id {
			return i
		}
	}
	return -1
}

func TestImportedFileBecomesSearchable(t *testing.T) {
	mw, ws := newTestWindow(t)
	c, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: "星河智算", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	onUI(mw, func() { mw.reload(c.ID) })
	v := mw.search
	submitQuery(mw, "鲲鹏核验")
	if v.totalN != 0 || v.total.Text != "No results" || v.hint.Hidden {
		t.Fatalf("before the import: %d hits, total %q", v.totalN, v.total.Text)
	}

	md := filepath.Join(t.TempDir(), "rules.md")
	if err := os.WriteFile(md, []byte("# 标注规则\n\n本规则由鲲鹏核验小组制定。\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	onUI(mw, func() {
		mw.subs.kind.SetSelectedIndex(2) // annotation rules
		mw.subs.importFiles([]string{md})
	})
	// The import started an index update; when it finished, the search
	// on screen ran again.
	if v.totalN != 1 || len(v.hits) != 1 || v.hits[0].File != "rules.md" {
		t.Fatalf("after the import and index update: %d hits %v", v.totalN, v.hits)
	}
	if !v.incomplete.Hidden || mw.indexing || !mw.indexBox.Hidden {
		t.Error("indexing still reported after the update finished")
	}
	if mw.indexer.Running() {
		t.Error("index updater left running")
	}
}

func TestIndexingStatus(t *testing.T) {
	mw, ws := newTestWindow(t)
	if _, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: "星河智算", Service: "星河对话"}); err != nil {
		t.Fatal(err)
	}
	onUI(mw, func() { mw.reload(0) })
	v := mw.search
	if mw.indexBox.Visible() || v.incomplete.Visible() {
		t.Fatal("indexing shown with nothing to index")
	}
	mw.indexProgress(workbench.IndexProgress{Phase: workbench.IndexUpdate, Done: 1234, Total: 3072, File: "incidents.csv"})
	if !mw.indexBox.Visible() || mw.indexText.Text != "Indexing for search: 1,234 of 3,072 documents" || mw.indexBar.Value != 1234 {
		t.Errorf("progress shows %q (box visible %v, bar %v)", mw.indexText.Text, mw.indexBox.Visible(), mw.indexBar.Value)
	}
	if !v.incomplete.Visible() {
		t.Error("the search tab does not warn that results may be incomplete")
	}
	// A search view opened while indexing warns too.
	if w := newSearchView(mw, v.caseID); !w.incomplete.Visible() {
		t.Error("a new search view does not warn while indexing")
	}

	mw.indexFinished(workbench.IndexReport{Rebuilt: true, Reason: "unreadable", Added: 3072}, nil)
	if v.incomplete.Visible() || mw.indexBar.Visible() || mw.indexText.Text != "Search index rebuilt: 3,072 documents" {
		t.Errorf("after a rebuild: %q, bar visible %v, warning visible %v", mw.indexText.Text, mw.indexBar.Visible(), v.incomplete.Visible())
	}
	mw.indexFinished(workbench.IndexReport{}, errors.New("disk full"))
	if !mw.indexBox.Visible() || !strings.Contains(mw.indexText.Text, "disk full") {
		t.Errorf("an index error shows %q", mw.indexText.Text)
	}
	mw.indexFinished(workbench.IndexReport{Added: 5}, nil)
	if mw.indexBox.Visible() {
		t.Error("status still shown after a plain update")
	}
}

func TestDeleteCaseRemovesItsHits(t *testing.T) {
	mw, ws := newDemoWindow(t)
	demo := mw.cases[0]
	other, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: "云岭科技", Service: "云岭写作"})
	if err != nil {
		t.Fatal(err)
	}
	md := filepath.Join(t.TempDir(), "notes.md")
	if err := os.WriteFile(md, []byte("# 说明\n\n发现一条赌博推广内容。\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Import(context.Background(), app.ImportRequest{CaseID: other.ID, Kind: "annotation_rule", Files: []string{md}}); err != nil {
		t.Fatal(err)
	}
	onUI(mw, mw.syncIndex)

	v := mw.search
	onUI(mw, func() { v.allCases.SetChecked(true) })
	submitQuery(mw, "赌博")
	inDemo := mustSearch(t, ws, workbench.SearchRequest{Query: "赌博", CaseID: demo.ID, CountOnly: true}).Total
	if inDemo == 0 || v.totalN != inDemo+1 {
		t.Fatalf("all cases: %d hits, want %d + 1", v.totalN, inDemo)
	}

	// The Overview tab's button asks, naming the case, then deletes it.
	var del *widget.Button
	for _, o := range objectsOf(mw.tabs.Items[0].Content) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Delete case…" {
			del = b
		}
	}
	if del == nil {
		t.Fatal("no Delete case… button on the Overview tab")
	}
	onUI(mw, func() { test.Tap(del) })
	// (Wrapped lines lose the space they were broken at.)
	if shown := strings.ReplaceAll(shownTexts(mw), "\n", " "); !strings.Contains(shown, demo.Title) || !strings.Contains(shown, "imported files") {
		t.Errorf("the confirmation says:\n%s", shown)
	}
	onUI(mw, func() { test.Tap(findButton(t, mw, "Delete")) })

	if len(mw.cases) != 1 || mw.cases[0].ID != other.ID || mw.selected != other.ID {
		t.Fatalf("after the delete the window lists %v, selected %d", mw.cases, mw.selected)
	}
	if n := countCases(t, ws); n != 1 {
		t.Errorf("%d cases in the workspace", n)
	}
	if res := mustSearch(t, ws, workbench.SearchRequest{Query: "赌博"}); res.Total != 1 || res.Hits[0].CaseID != other.ID {
		t.Errorf("the deleted case's hits remain: %d hits", res.Total)
	}
	// The remaining case's search, across all cases, finds only its own.
	v = mw.search
	onUI(mw, func() { v.allCases.SetChecked(true) })
	submitQuery(mw, "赌博")
	if v.totalN != 1 || len(v.hits) != 1 || v.hits[0].CaseID != other.ID {
		t.Errorf("all cases after the delete: %d hits", v.totalN)
	}
}

// markedTexts are the emphasised texts a MarkedText draws, run together.
func markedTexts(mt *widgets.MarkedText) string {
	var b strings.Builder
	for _, o := range test.WidgetRenderer(mt).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.TextStyle.Bold {
			b.WriteString(tx.Text)
		}
	}
	return b.String()
}

// rowTexts are the texts a hit row's snippet draws, on how many lines,
// and how far down the last one ends.
func rowTexts(r *widgets.HitRow) (texts []string, lines int, bottom float32) {
	ys := map[float32]bool{}
	for _, o := range test.WidgetRenderer(r.Snippet()).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Text != "" {
			texts = append(texts, tx.Text)
			ys[tx.Position().Y] = true
			bottom = max(bottom, tx.Position().Y+tx.MinSize().Height)
		}
	}
	return texts, len(ys), bottom
}

func TestHitRowFitsSnippet(t *testing.T) {
	test.NewTempApp(t)
	long := workbench.SearchHit{ID: "rec-1", File: "incidents.csv", Kind: "incident"}
	long.Segments = append(long.Segments,
		struct {
			Text string
			Mark bool
		}{"…法内容 illegal content / 用户举报 / 生成内容含【", false},
		struct {
			Text string
			Mark bool
		}{"赌博推广", true},
		struct {
			Text string
			Mark bool
		}{strings.Repeat("】信息 / 停止生成 stop generation；停止传输 stop transmission；", 4) + "END", false})
	r := widgets.NewHitRow(snippetLines)
	w := test.NewWindow(r)
	defer w.Close()
	w.Resize(fyne.NewSize(420, 200))
	setHitRow(r, long, "")
	r.Resize(fyne.NewSize(400, r.MinSize().Height))

	texts, lines, bottom := rowTexts(r)
	text := strings.Join(texts, "")
	if lines != snippetLines {
		t.Errorf("snippet drawn on %d lines: %q", lines, texts)
	}
	if !strings.HasSuffix(text, "…") || strings.Contains(text, "END") || !strings.Contains(text, "赌博推广") {
		t.Errorf("long snippet shows %q", text)
	}
	if bottom > r.Snippet().Size().Height {
		t.Errorf("snippet text reaches %v, below its %v-high box", bottom, r.Snippet().Size().Height)
	}

	// A short snippet is shown whole, and a wider row shows more.
	short := long
	short.Segments = long.Segments[:2]
	setHitRow(r, short, "")
	if texts, _, _ := rowTexts(r); strings.Join(texts, "") != "…法内容 illegal content / 用户举报 / 生成内容含【赌博推广" {
		t.Errorf("short snippet shows %q", texts)
	}
	setHitRow(r, long, "")
	narrow, _, _ := rowTexts(r)
	r.Resize(fyne.NewSize(800, r.MinSize().Height))
	wide, _, _ := rowTexts(r)
	if len(strings.Join(wide, "")) <= len(strings.Join(narrow, "")) {
		t.Errorf("a wider row shows no more: %q vs %q", wide, narrow)
	}
	if r.Where() != "incidents.csv" || !strings.HasSuffix(r.ID(), "rec-1") {
		t.Errorf("row header %q / %q", r.Where(), r.ID())
	}

	// Chinese without spaces, marks between, wraps inside the row.
	cjk := long
	cjk.Segments = nil
	for i := 0; i < 6; i++ {
		cjk.Segments = append(cjk.Segments,
			struct {
				Text string
				Mark bool
			}{"本规则适用于预训练语料清洗、有监督微调（SFT）数据", false},
			struct {
				Text string
				Mark bool
			}{"标注", true})
	}
	r.Resize(fyne.NewSize(400, r.MinSize().Height))
	setHitRow(r, cjk, "")
	for _, o := range test.WidgetRenderer(r.Snippet()).Objects() {
		tx := o.(*canvas.Text)
		if right := tx.Position().X + tx.Size().Width; right > r.Snippet().Size().Width {
			t.Errorf("%q ends at %v, past the row's %v", tx.Text, right, r.Snippet().Size().Width)
		}
	}
	if texts, lines, _ := rowTexts(r); lines != snippetLines || !strings.HasSuffix(strings.Join(texts, ""), "…") {
		t.Errorf("Chinese snippet on %d lines: %q", lines, texts)
	}
}

func TestWrapTokens(t *testing.T) {
	got := strings.Join(widgets.WrapTokens("违法 report（SFT）\n数据"), "|")
	if want := "违|法| |report|（|SFT|）|\n|数|据"; got != want {
		t.Errorf("tokens %q, want %q", got, want)
	}
}

// TestSearchOrderAndCounting checks the order control, the note that says
// hits are in file order because there are too many to rank, and the
// total shown as being counted until the exact counts come.
func TestSearchOrderAndCounting(t *testing.T) {
	mw, ws := newDemoWindow(t)
	v := mw.search
	onUI(mw, func() {
		v.query.SetText("赌博")
		v.order.SetSelectedIndex(2) // in file order: runs the search again
	})
	want := mustSearch(t, ws, workbench.SearchRequest{Query: "赌博", CaseID: v.caseID, Limit: searchPageSize, Sort: workbench.OrderFile})
	if v.req.Sort != workbench.OrderFile || len(v.hits) == 0 || !sameIDs(v.hits, want.Hits) {
		t.Fatalf("file order asked: sort %q, hits %v, want %v", v.req.Sort, v.hits, want.Hits)
	}
	if v.orderNote.Visible() {
		t.Error("the too-many-to-rank note shows for an order the user chose")
	}

	// A page in file order that the search chose, before its counts.
	page := workbench.SearchResult{Hits: want.Hits, Total: len(want.Hits), Order: workbench.OrderFile, Counting: true}
	onUI(mw, func() { v.order.SetSelectedIndex(0) }) // automatic: searches again
	if v.req.Sort != "" {
		t.Fatalf("automatic order: sort %q", v.req.Sort)
	}
	onUI(mw, func() { v.show(page, facetCounts{}) })
	if !v.orderNote.Visible() || v.total.Text != "Counting…" {
		t.Errorf("before the counts: note shown %v, total %q", v.orderNote.Visible(), v.total.Text)
	}
	page.Counting, page.Total = false, 12345
	onUI(mw, func() { v.showCounts(page, facetCounts{}) })
	if v.total.Text != "Results: 12,345" || v.next.Disabled() {
		t.Errorf("after the counts: total %q, next page disabled %v", v.total.Text, v.next.Disabled())
	}
	inLanguage(t, "zh")
	if got := lang.L("Shown in file order: too many results to rank — narrow the search or sort by relevance"); got != "按文件顺序显示：结果太多无法排序——缩小范围或按相关度排序" {
		t.Errorf("the note in Chinese: %q", got)
	}
	if got := lang.L("Counting…"); got != "正在计数…" {
		t.Errorf("counting in Chinese: %q", got)
	}
}

func sameIDs(a, b []workbench.SearchHit) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID {
			return false
		}
	}
	return true
}
