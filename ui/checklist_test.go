package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
)

// buttonIn finds the button labelled text drawn under o.
func buttonIn(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, x := range objectsOf(o) {
		if b, ok := x.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// textsIn collects the text drawn under o.
func textsIn(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range objectsOf(o) {
		switch v := x.(type) {
		case *canvas.Text:
			b.WriteString(v.Text + "\n")
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		}
	}
	return b.String()
}

func itemStatus(t *testing.T, ws *app.App, caseID int64, id string) app.ItemStatus {
	t.Helper()
	st, err := ws.InspectionStatus(context.Background(), caseID)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range st.Items {
		if it.ID == id {
			return it
		}
	}
	t.Fatalf("no item %s", id)
	return app.ItemStatus{}
}

// TestChecklistWorkflow starts an inspection, runs the checks, accepts a
// proposal, saves an assessment, runs a suggested search and cites a hit,
// all through the checklist tab, and checks the workspace after each step.
func TestChecklistWorkflow(t *testing.T) {
	mw, ws := newDemoWindow(t)
	v := mw.checks
	caseID := mw.cases[0].ID
	onUI(mw, func() { mw.tabs.SelectIndex(tabChecklist) })
	if v.started || !strings.Contains(textsIn(v.overview), "Not started") {
		t.Fatalf("a case without an inspection shows %q", textsIn(v.overview))
	}
	onUI(mw, func() { test.Tap(buttonIn(t, v.content, "Start inspection")) })
	if !v.started || len(v.status.Items) != 32 || !strings.Contains(textsIn(v.overview), "0 of 32 items assessed") {
		t.Fatalf("after start: started %v, %d items, overview %q", v.started, len(v.status.Items), textsIn(v.overview))
	}
	// The tree groups items under their articles.
	if got := v.childIDs(""); len(got) != 13 || got[0] != "art-4" || got[len(got)-1] != "art-23" {
		t.Errorf("articles %v", got)
	}
	if got := v.childIDs("art-7"); len(got) != 5 || got[2] != "art7-3-personal-information" {
		t.Errorf("article 7 items %v", got)
	}

	onUI(mw, func() { test.Tap(buttonIn(t, v.actions, "Run automated checks")) })
	if top := mw.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(shownTexts(mw), "16 proposals") {
		t.Fatalf("no report of the run: %q", shownTexts(mw))
	}
	mw.win.Canvas().Overlays().Top().Hide()
	if !strings.Contains(v.summary.Text, "16 proposals awaiting a decision") {
		t.Errorf("summary %q", v.summary.Text)
	}

	onUI(mw, func() { v.tree.Select("art7-3-personal-information") })
	shown := textsIn(v.detail)
	for _, want := range []string{"Consent or another legal basis", "应当取得个人同意", "Automated check pi_legal_basis (Art. 7(3)) proposes: Non-compliant",
		"DS-07 — data-sources.xlsx", "Awaiting a decision"} {
		if !strings.Contains(shown, want) {
			t.Errorf("item detail lacks %q:\n%s", want, shown)
		}
	}
	onUI(mw, func() { test.Tap(buttonIn(t, v.detail, "Accept")) })
	if it := itemStatus(t, ws, caseID, "art7-3-personal-information"); it.Result != "non_compliant" || it.Evidence != 1 ||
		it.Proposal.Decision != app.DecisionAccepted {
		t.Errorf("after accepting: %+v", it)
	}
	if shown := textsIn(v.detail); !strings.Contains(shown, "Accepted") || !strings.Contains(shown, "Evidence (1)") {
		t.Errorf("detail after accepting:\n%s", shown)
	}

	// The form saves what the inspector types.
	onUI(mw, func() { v.tree.Select("art10-users-minors") })
	var form *widget.Form
	for _, o := range objectsOf(v.detail) {
		if f, ok := o.(*widget.Form); ok {
			form = f
		}
	}
	if form == nil {
		t.Fatal("no assessment form")
	}
	onUI(mw, func() {
		form.Items[0].Widget.(*widget.Select).SetSelectedIndex(2) // partially compliant
		form.Items[1].Widget.(*widget.Select).SetSelectedIndex(1) // low
		test.Type(form.Items[3].Widget.(*widget.Entry), "青少年模式未限制夜间使用")
		test.Type(form.Items[4].Widget.(*widget.Entry), "2026-12-31")
		form.OnSubmit()
	})
	if it := itemStatus(t, ws, caseID, "art10-users-minors"); it.Result != "partially_compliant" || it.Severity != "low" ||
		it.Finding != "青少年模式未限制夜间使用" || it.Deadline != "2026-12-31" {
		t.Errorf("after saving: %+v", it)
	}
	if !strings.Contains(textsIn(v.overview), "2 of 32 items assessed") {
		t.Errorf("overview %q", textsIn(v.overview))
	}

	// A suggested search runs in the Search tab.
	onUI(mw, func() { test.Tap(buttonIn(t, v.detail, "未成年人 OR 防沉迷")) })
	if mw.tabs.SelectedIndex() != tabSearch || mw.search.query.Text != "未成年人 OR 防沉迷" || len(mw.search.hits) == 0 {
		t.Fatalf("suggested search: tab %d, query %q, %d hits", mw.tabs.SelectedIndex(), mw.search.query.Text, len(mw.search.hits))
	}
	hit := mw.search.hits[0]
	onUI(mw, func() { v.addEvidence(hit.ID) })
	onUI(mw, func() { test.Tap(findButton(t, mw, "Add")) })
	if it := itemStatus(t, ws, caseID, "art10-users-minors"); it.Evidence != 1 {
		t.Errorf("after adding %s as evidence: %d evidence links", hit.ID, it.Evidence)
	}
	if !strings.Contains(mw.status.Text, hit.ID+" added as evidence for art10-users-minors") {
		t.Errorf("status bar %q", mw.status.Text)
	}
}

// TestChecklistConcludeLists shows what keeps an inspection open.
func TestChecklistConcludeLists(t *testing.T) {
	mw, _ := newDemoWindow(t)
	v := mw.checks
	onUI(mw, v.start)
	onUI(mw, v.conclude)
	onUI(mw, func() { test.Tap(findButton(t, mw, "Yes")) })
	if shown := shownTexts(mw); !strings.Contains(shown, "32 things keep the inspection from being concluded") ||
		!strings.Contains(shown, "No content prohibited by law — not assessed") {
		t.Errorf("conclude problems: %q", shown)
	}
}

// newAcceptedWindow is the demo window with the inspection started, the
// checks run and the proposal for art7-3-personal-information accepted.
func newAcceptedWindow(t *testing.T) (*MainWindow, *app.App, int64) {
	t.Helper()
	mw, ws := newDemoWindow(t)
	caseID := mw.cases[0].ID
	onUI(mw, mw.checks.start)
	ctx := context.Background()
	if _, err := ws.RunChecks(ctx, caseID); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.AcceptProposals(ctx, caseID, "art7-3-personal-information"); err != nil {
		t.Fatal(err)
	}
	return mw, ws, caseID
}

// TestExportDialog shows what leaves the workstation, writes the workbook
// and takes an edited one back.
func TestExportDialog(t *testing.T) {
	mw, ws, caseID := newAcceptedWindow(t)
	v := mw.checks
	ctx := context.Background()
	p, err := ws.PreviewExport(ctx, caseID)
	if err != nil {
		t.Fatal(err)
	}
	var e *exportDialog
	onUI(mw, func() { e = v.exportDialog(p) })
	shown := shownTexts(mw)
	for _, want := range []string{"Article 19 obliges inspectors", "32 checklist items", "1 of them non-compliant", "1 Trade secret"} {
		if !strings.Contains(shown, want) {
			t.Errorf("export dialog lacks %q:\n%s", want, shown)
		}
	}
	onUI(mw, func() { e.lang.SetSelected("English") })
	if e.selectedLang() != "en" || e.pi.Checked {
		t.Errorf("language %s, personal information %v", e.selectedLang(), e.pi.Checked)
	}
	e.d.Hide()
	path := filepath.Join(t.TempDir(), "case.xlsx")
	onUI(mw, func() { e.export(path) })
	if !strings.Contains(shownTexts(mw), "Personal information is masked.") {
		t.Errorf("after export: %q", shownTexts(mw))
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	mw.win.Canvas().Overlays().Top().Hide()

	// An unchanged workbook changes nothing; a wrong one lists its cells.
	onUI(mw, func() { v.importChecklist(path) })
	if !strings.Contains(shownTexts(mw), "case.xlsx changes nothing.") {
		t.Errorf("unchanged import: %q", shownTexts(mw))
	}
	mw.win.Canvas().Overlays().Top().Hide()
	onUI(mw, func() { v.importChecklist(filepath.Join("..", "testdata", "sample", "data-sources.xlsx")) })
	if !strings.Contains(shownTexts(mw), "data-sources.xlsx") {
		t.Errorf("import of a workbook without a checklist: %q", shownTexts(mw))
	}
}

// TestRemoveEvidence removes a cited record after a confirmation.
func TestRemoveEvidence(t *testing.T) {
	mw, ws, caseID := newAcceptedWindow(t)
	v := mw.checks
	onUI(mw, v.load)
	onUI(mw, func() { v.tree.Select("art7-3-personal-information") })
	var remove *widget.Button
	for _, o := range objectsOf(v.detail) {
		if b, ok := o.(*widget.Button); ok && b.Text == "" && b.Icon != nil && b.Icon.Name() == theme.DeleteIcon().Name() {
			remove = b
		}
	}
	if remove == nil {
		t.Fatalf("no remove button:\n%s", textsIn(v.detail))
	}
	onUI(mw, func() { test.Tap(remove) })
	if !strings.Contains(shownTexts(mw), "The file itself stays imported") {
		t.Fatalf("no confirmation: %q", shownTexts(mw))
	}
	onUI(mw, func() { test.Tap(findButton(t, mw, "Yes")) })
	if it := itemStatus(t, ws, caseID, "art7-3-personal-information"); it.Evidence != 0 {
		t.Errorf("evidence after removal: %d", it.Evidence)
	}
}

// TestConcludedAndSignedCasesOpen walks an inspection to its end in the
// GUI — conclude, sign, verify — and opens the signed case again in a new
// window: each state renders read-only, without a panic.
func TestConcludedAndSignedCasesOpen(t *testing.T) {
	mw, ws, caseID := newAcceptedWindow(t)
	ctx := context.Background()
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
	v := mw.checks
	onUI(mw, v.load)
	onUI(mw, v.conclude)
	onUI(mw, func() { test.Tap(findButton(t, mw, "Yes")) })
	if st, _ := ws.InspectionStatus(ctx, caseID); st.CaseStatus != "concluded" {
		t.Fatalf("after concluding in the GUI the case is %s", st.CaseStatus)
	}
	readOnly := func(state string) {
		t.Helper()
		for _, o := range objectsOf(v.detail) {
			if e, ok := o.(*widget.Entry); ok && !e.Disabled() {
				t.Errorf("%s: an editable field %q in the item detail", state, e.Text)
			}
		}
		if !strings.Contains(textsIn(v.detail), "Assessment") {
			t.Errorf("%s: no assessment shown:\n%s", state, textsIn(v.detail))
		}
	}
	readOnly("concluded")
	_ = buttonIn(t, v.content, "Reopen")
	_ = buttonIn(t, v.content, "Sign…")

	onUI(mw, v.sign)
	onUI(mw, func() { test.Tap(findButton(t, mw, "Yes")) })
	if st, _ := ws.InspectionStatus(ctx, caseID); st.CaseStatus != "signed" {
		t.Fatalf("after signing in the GUI the case is %s", st.CaseStatus)
	}
	readOnly("signed")
	onUI(mw, v.verify)
	if shown := shownTexts(mw); !strings.Contains(shown, "matches its signature") {
		t.Errorf("verify: %q", shown)
	}

	// Opened again, as after a restart: the signed case shows, read-only.
	again := NewMainWindow(test.NewTempApp(t), ws)
	t.Cleanup(again.win.Close)
	again.bg.Wait()
	onUI(again, func() { again.reload(caseID) })
	again.tabs.SelectIndex(3)
	again.bg.Wait()
	if again.checks == nil || again.checks.status.CaseStatus != "signed" {
		t.Fatal("the signed case's checklist is not shown")
	}
	for _, o := range objectsOf(again.checks.detail) {
		if e, ok := o.(*widget.Entry); ok && !e.Disabled() {
			t.Errorf("reopened signed case: an editable field %q", e.Text)
		}
	}
}
