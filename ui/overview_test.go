package ui

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/ui/widgets"
)

// ovObjects lists every object drawn under o, through the renderers the
// window already made.
func ovObjects(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			out = append(out, ovObjects(child)...)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			out = append(out, ovObjects(child)...)
		}
	}
	return out
}

// ovTexts is the text of the labels, buttons and texts drawn under o.
func ovTexts(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range ovObjects(o) {
		switch v := x.(type) {
		case *canvas.Text:
			b.WriteString(v.Text + "\n")
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.Button:
			b.WriteString(v.Text + "\n")
		case *widget.ProgressBar:
			if v.TextFormatter != nil {
				b.WriteString(v.TextFormatter() + "\n")
			}
		}
	}
	return b.String()
}

// ovButton finds the button under o whose text starts with prefix.
func ovButton(t *testing.T, o fyne.CanvasObject, prefix string) *widget.Button {
	t.Helper()
	for _, x := range ovObjects(o) {
		if b, ok := x.(*widget.Button); ok && strings.HasPrefix(b.Text, prefix) {
			return b
		}
	}
	t.Fatalf("no button %q in:\n%s", prefix, ovTexts(o))
	return nil
}

// ovUI runs f as the UI goroutine would, then waits for the background
// work it started.
func ovUI(mw *MainWindow, f func()) {
	mw.uiMu.Lock()
	f()
	mw.uiMu.Unlock()
	mw.bg.Wait()
}

// overviewOf is the Overview tab's content, reloaded by leaving the tab
// and coming back, as a user would.
func overviewOf(mw *MainWindow) fyne.CanvasObject {
	ovUI(mw, func() {
		mw.tabs.SelectIndex(tabSubmissions)
		mw.tabs.SelectIndex(tabOverview)
	})
	return mw.tabs.Items[tabOverview].Content
}

// shoot saves the window as a PNG in $WB_SHOTS, when set.
func shoot(t *testing.T, mw *MainWindow, name string) {
	dir := os.Getenv("WB_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, mw.win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
	if os.Getenv("WB_SHOTS_TALL") != "" {
		// The whole page, for a look at what lies below the fold.
		ovUI(mw, func() { mw.win.Resize(fyne.NewSize(1366, 2000)) })
		g, err := os.Create(filepath.Join(dir, name+"-tall.png"))
		if err != nil {
			t.Fatal(err)
		}
		defer g.Close()
		if err := png.Encode(g, mw.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
		ovUI(mw, func() { mw.win.Resize(fyne.NewSize(1366, 768)) })
	}
}

// overviewTexts are the words the Overview must show in each language.
type overviewTexts struct {
	notStarted, noFiles, overdue, pending, findings, chart, concluded, signed, records string
}

var overviewLangs = map[string]overviewTexts{
	"en": {"Not started", "No files imported yet.", "Overdue since 2020-01-31", "Proposals awaiting a decision:", "overdue: 1",
		"Incident log by month", "Concluded", "Signed; SHA-256", "records: 3000"},
	"zh": {"尚未开始", "尚未导入文件。", "已逾期（期限 2020-01-31）", "待决定的自动核查建议：", "已逾期 1 项",
		"事件记录（按月）", "已办结", "已签署；SHA-256", "3000 条记录"},
}

// TestOverviewStates renders the Overview of a case in every state — no
// files and no inspection; open with proposals, evidence and findings;
// concluded; signed — in English and in Chinese, and follows its links.
func TestOverviewStates(t *testing.T) {
	for _, l := range []string{"en", "zh"} {
		t.Run(l, func(t *testing.T) {
			if l == "zh" {
				t.Setenv("LC_ALL", "zh_CN.UTF-8")
			} else {
				t.Setenv("LC_ALL", "en_US.UTF-8")
			}
			testOverviewStates(t, l, overviewLangs[l])
		})
	}
}

func testOverviewStates(t *testing.T, l string, want overviewTexts) {
	a := test.NewTempApp(t)
	Setup(a)
	ws, err := app.Open(context.Background(), t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	ctx := context.Background()
	empty, err := ws.CreateCase(ctx, app.CaseInput{Provider: "空白科技有限公司", Service: "空白助手", Inspectors: []string{"王五"}})
	if err != nil {
		t.Fatal(err)
	}
	mw := NewMainWindow(a, ws)
	t.Cleanup(func() {
		mw.bg.Wait()
		mw.win.Close()
	})
	mw.bg.Wait()
	ovUI(mw, func() { mw.win.Resize(fyne.NewSize(1366, 768)) })

	// A case with nothing in it yet.
	ov := overviewOf(mw)
	shown := ovTexts(ov)
	for _, s := range []string{want.notStarted, want.noFiles, "空白科技有限公司"} {
		if !strings.Contains(shown, s) {
			t.Errorf("empty case: no %q in\n%s", s, shown)
		}
	}
	for _, o := range ovObjects(ov) {
		if _, ok := o.(*widgets.MonthChart); ok {
			t.Error("empty case: an incident chart without incidents")
		}
	}
	shoot(t, mw, "overview-empty-"+l)
	ovUI(mw, func() { test.Tap(ovButton(t, ov, pickLang("Open the checklist", "打开检查清单", l))) })
	if mw.tabs.SelectedIndex() != tabChecklist {
		t.Errorf("Open the checklist shows tab %d", mw.tabs.SelectedIndex())
	}

	// The demo case: inspection started, checks run, one proposal accepted
	// (its records become evidence), one finding overdue.
	if err := ws.DeleteCase(ctx, empty.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.SeedDemo(ctx); err != nil {
		t.Fatal(err)
	}
	cases, _ := ws.ListCases(ctx)
	caseID := cases[0].ID
	if _, err := ws.StartInspection(ctx, caseID, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.RunChecks(ctx, caseID); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.AcceptProposals(ctx, caseID, "art7-3-personal-information"); err != nil {
		t.Fatal(err)
	}
	high, past, finding := "high", "2020-01-31", "未按规定报告"
	if _, err := ws.Assess(ctx, app.AssessInput{CaseID: caseID, ItemID: "art14-1-illegal-content", Result: "non_compliant",
		Severity: &high, Finding: &finding, Deadline: &past}); err != nil {
		t.Fatal(err)
	}
	ovUI(mw, func() { mw.reload(caseID) })
	ov = overviewOf(mw)
	shown = ovTexts(ov)
	for _, s := range []string{want.pending, want.overdue, want.findings, want.chart, want.records, finding, "2024-01"} {
		if !strings.Contains(shown, s) {
			t.Errorf("open case: no %q in\n%s", s, shown)
		}
	}
	var chart *widgets.MonthChart
	for _, o := range ovObjects(ov) {
		if c, ok := o.(*widgets.MonthChart); ok {
			chart = c
		}
	}
	if chart == nil || len(chart.Bars) != 18 || len(chart.Series) != 5 {
		t.Fatalf("open case: chart %+v", chart)
	}
	shoot(t, mw, "overview-open-"+l)
	// Laid out without gaps: the page is a few screens long, not dozens
	// (a wrapped label in a form once took thousands of pixels).
	if h := ov.(*container.Scroll).Content.MinSize().Height; h > 2500 {
		t.Errorf("open case: the overview is %v pixels high", h)
	}
	// A month of the chart searches its incidents.
	ovUI(mw, func() { chart.OnTapped(2) })
	if mw.tabs.SelectedIndex() != tabSearch || mw.search.query.Text != "kind:incident found:2024-03-01..2024-03-31" {
		t.Errorf("tapping March 2024: tab %d, query %q", mw.tabs.SelectedIndex(), mw.search.query.Text)
	}
	// A finding opens its item in the checklist.
	ov = overviewOf(mw)
	ovUI(mw, func() {
		test.Tap(ovButton(t, ov, pickLang("Illegal content: stop", "发现违法内容及时处置", l)))
	})
	if mw.tabs.SelectedIndex() != tabChecklist || mw.checks.selected != "art14-1-illegal-content" {
		t.Errorf("the finding's link shows tab %d, item %q", mw.tabs.SelectedIndex(), mw.checks.selected)
	}

	// Concluded: every proposal decided, every item assessed.
	st, err := ws.InspectionStatus(ctx, caseID)
	if err != nil {
		t.Fatal(err)
	}
	var pending []string
	for _, it := range st.Items {
		if it.Proposal != nil && it.Proposal.Decision == app.DecisionPending {
			pending = append(pending, it.ID)
		}
	}
	if _, err := ws.AcceptProposals(ctx, caseID, pending...); err != nil {
		t.Fatal(err)
	}
	st, _ = ws.InspectionStatus(ctx, caseID)
	for _, it := range st.Items {
		if it.Result == "not_assessed" {
			if _, err := ws.Assess(ctx, app.AssessInput{CaseID: caseID, ItemID: it.ID, Result: "info_requested"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := ws.ConcludeInspection(ctx, caseID); err != nil {
		t.Fatal(err)
	}
	ovUI(mw, func() { mw.reload(caseID) })
	ov = overviewOf(mw)
	shown = ovTexts(ov)
	if !strings.Contains(shown, want.concluded) || strings.Contains(shown, want.pending) || strings.Contains(shown, want.signed) {
		t.Errorf("concluded case:\n%s", shown)
	}
	shoot(t, mw, "overview-concluded-"+l)

	// Signed.
	if _, err := ws.SignInspection(ctx, caseID); err != nil {
		t.Fatal(err)
	}
	ovUI(mw, func() { mw.reload(caseID) })
	ov = overviewOf(mw)
	if shown = ovTexts(ov); !strings.Contains(shown, want.signed) || !strings.Contains(shown, want.chart) {
		t.Errorf("signed case:\n%s", shown)
	}
	shoot(t, mw, "overview-signed-"+l)
}

// pickLang picks the English or the Chinese text; an empty Chinese text
// means the English one.
func pickLang(en, zh, l string) string {
	if l == "zh" && zh != "" {
		return zh
	}
	return en
}
