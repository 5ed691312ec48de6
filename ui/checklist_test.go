package ui

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
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
	onUI(mw, func() { test.Tap(findButton(t, mw, "Start")) }) // the case's template, ticked
	if !v.started || len(v.status.Items) != 32 || !strings.Contains(textsIn(v.overview), "0 of 32 items assessed") {
		t.Fatalf("after start: started %v, %d items, overview %q", v.started, len(v.status.Items), textsIn(v.overview))
	}
	// The tree groups items under their articles.
	if got := v.tree.Children(""); len(got) != 13 || got[0] != "art-4" || got[len(got)-1] != "art-23" {
		t.Errorf("articles %v", got)
	}
	if got := v.tree.Children("art-7"); len(got) != 5 || got[2] != "art7-3-personal-information" {
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

	pickItem(mw, "art7-3-personal-information")
	shown := textsIn(v.detail)
	for _, want := range []string{"Consent or another legal basis", "应当取得个人同意", "Automated check " + ruleText("pi_legal_basis") + " (Art. 7(3)) proposes: Non-compliant",
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
	pickItem(mw, "art10-users-minors")
	f := v.form
	onUI(mw, func() {
		f.result.SetSelectedIndex(2)   // partially compliant
		f.severity.SetSelectedIndex(1) // low
		test.Type(f.finding, "青少年模式未限制夜间使用")
		test.Type(f.deadline, "2026-12-31")
		test.Tap(f.save)
	})
	if it := itemStatus(t, ws, caseID, "art10-users-minors"); it.Result != "partially_compliant" || it.Severity != "low" ||
		it.Finding != "青少年模式未限制夜间使用" || it.Deadline != "2026-12-31" {
		t.Errorf("after saving: %+v", it)
	}
	if !strings.Contains(textsIn(v.overview), "2 of 32 items assessed") {
		t.Errorf("overview %q", textsIn(v.overview))
	}

	// A suggested search runs in the Search tab.
	openSections(mw)
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
	if want := hit.ID + " added as evidence for “" + pick(v.items["art10-users-minors"].Title) + "”"; !strings.Contains(mw.status.Text, want) {
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
	pickItem(mw, "art7-3-personal-information")
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

	t.Setenv(app.KeysDirEnv, t.TempDir())
	onUI(mw, v.sign)
	onUI(mw, func() { test.Tap(findButton(t, mw, "Sign")) })
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

// pickItem picks item id in the checklist's tree, as a click does: the
// tree highlights it and reports it.
func pickItem(mw *MainWindow, id string) {
	onUI(mw, func() {
		mw.checks.tree.Select(id)
		mw.checks.tree.OnSelected(id)
	})
}

// openSections opens the requirement, guidance and suggested searches of
// the item shown.
func openSections(mw *MainWindow) {
	onUI(mw, func() {
		for _, o := range objectsOf(mw.checks.detail) {
			if a, ok := o.(*widget.Accordion); ok {
				a.OpenAll()
			}
		}
	})
}

// shownItem checks that the item highlighted in the tree, the item shown
// and the item the assessment edits are all id.
func shownItem(t *testing.T, v *checklistView, id, title string) {
	t.Helper()
	if v.tree.Selected() != id || v.selected != id || v.form == nil || v.form.item.ID != id {
		form := ""
		if v.form != nil {
			form = v.form.item.ID
		}
		t.Fatalf("highlighted %q, shown %q, edited %q; want %s", v.tree.Selected(), v.selected, form, id)
	}
	if !strings.Contains(strings.Join(strings.Fields(textsIn(v.detail)), ""), strings.Join(strings.Fields(title), "")) {
		t.Fatalf("the detail does not show %q:\n%s", title, textsIn(v.detail))
	}
}

// startedWindow is the demo window with the inspection started and the
// Checklist tab shown.
func startedWindow(t *testing.T) (*MainWindow, *app.App, int64) {
	t.Helper()
	mw, ws := newDemoWindow(t)
	onUI(mw, func() { mw.tabs.SelectIndex(tabChecklist) })
	onUI(mw, mw.checks.start)
	return mw, ws, mw.cases[0].ID
}

// TestChecklistKeepsTypedWork leaves an item, the tab and the window with
// unsaved changes, in both languages: each time the changes are stored,
// and the save is confirmed next to the Save button and in the status bar.
func TestChecklistKeepsTypedWork(t *testing.T) {
	for _, tc := range []struct{ locale, saved, unsaved string }{
		{"en_US.UTF-8", "Saved ", "Unsaved changes"},
		{"zh_CN.UTF-8", "已保存", "有未保存的修改"},
	} {
		t.Run(tc.locale, func(t *testing.T) {
			inLanguage(t, tc.locale)
			mw, ws, caseID := startedWindow(t)
			v := mw.checks
			const a, b = "art10-users-minors", "art7-3-personal-information"

			// Leaving the item saves it.
			pickItem(mw, a)
			onUI(mw, func() {
				v.form.result.SetSelectedIndex(3) // non-compliant
				v.form.severity.SetSelectedIndex(3)
				test.Type(v.form.finding, "夜间未限制")
			})
			if !v.HasUnsaved() || v.form.state.Text != tc.unsaved || v.form.save.Disabled() {
				t.Fatalf("after typing: unsaved %v, state %q", v.HasUnsaved(), v.form.state.Text)
			}
			pickItem(mw, b)
			if it := itemStatus(t, ws, caseID, a); it.Result != "non_compliant" || it.Severity != "high" || it.Finding != "夜间未限制" {
				t.Errorf("after leaving the item: %+v", it)
			}
			if !strings.Contains(mw.status.Text, tc.saved) {
				t.Errorf("status bar %q", mw.status.Text)
			}
			pickItem(mw, a)
			if !strings.HasPrefix(v.form.state.Text, tc.saved) || v.HasUnsaved() {
				t.Errorf("back on the item: state %q, unsaved %v", v.form.state.Text, v.HasUnsaved())
			}

			// Ctrl+S, and leaving the tab or closing the window, save
			// through SaveIfDirty and SaveOrAsk.
			onUI(mw, func() {
				test.Type(v.form.note, "见DS-07")
				v.form.note.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
			})
			if it := itemStatus(t, ws, caseID, a); it.Note != "见DS-07" {
				t.Errorf("after Ctrl+S: note %q", it.Note)
			}
			if !strings.HasPrefix(v.form.state.Text, tc.saved) || !v.form.save.Disabled() {
				t.Errorf("after Ctrl+S: state %q", v.form.state.Text)
			}
			onUI(mw, func() { v.form.severity.SetSelectedIndex(2) })
			onUI(mw, func() {
				if err := v.SaveIfDirty(); err != nil {
					t.Error(err)
				}
			})
			if it := itemStatus(t, ws, caseID, a); it.Severity != "medium" {
				t.Errorf("after SaveIfDirty: severity %q", it.Severity)
			}
			onUI(mw, func() { test.Type(v.form.deadline, "2027-01-15") })
			left := false
			onUI(mw, func() { v.SaveOrAsk(func() { left = true }) })
			if it := itemStatus(t, ws, caseID, a); !left || it.Deadline != "2027-01-15" {
				t.Errorf("leaving the tab: went on %v, deadline %q", left, it.Deadline)
			}

			// A reload while typing (another action finished) keeps what
			// is typed.
			onUI(mw, func() { v.form.note.SetText("草稿") })
			onUI(mw, v.load)
			if v.form.note.Text != "草稿" || !v.HasUnsaved() {
				t.Errorf("after a reload the note reads %q", v.form.note.Text)
			}
		})
	}
}

// TestChecklistImpossibleDate refuses 2027-02-30 as a day that does not
// exist, without moving the Save button, and asks before discarding.
func TestChecklistImpossibleDate(t *testing.T) {
	for _, tc := range []struct{ locale, want string }{
		{"en_US.UTF-8", "The date 2027-02-30 does not exist"},
		{"zh_CN.UTF-8", "日期 2027-02-30 不存在"},
	} {
		t.Run(tc.locale, func(t *testing.T) {
			inLanguage(t, tc.locale)
			mw, ws, caseID := startedWindow(t)
			v := mw.checks
			mw.win.Resize(fyne.NewSize(1366, 768))
			pickItem(mw, "art10-users-minors")
			d := fyne.CurrentApp().Driver()
			before := d.AbsolutePositionForObject(v.form.save)
			onUI(mw, func() { test.Type(v.form.deadline, "2027-02-30") })
			var err error
			onUI(mw, func() { err = v.SaveIfDirty() })
			if err == nil || err.Error() != tc.want || !strings.Contains(v.form.state.Text, tc.want) {
				t.Fatalf("saving 2027-02-30: %v, state %q", err, v.form.state.Text)
			}
			if e := v.form.deadline.Validate(); e == nil || e.Error() != tc.want {
				t.Errorf("the field says %v", e)
			}
			if _, e := ws.InspectionStatus(context.Background(), caseID); e != nil || itemStatus(t, ws, caseID, "art10-users-minors").Deadline != "" {
				t.Error("an impossible deadline was stored")
			}
			onUI(mw, func() { mw.win.Canvas().Focus(nil) }) // the message shows under the field
			if after := d.AbsolutePositionForObject(v.form.save); after != before {
				t.Errorf("the Save button moved from %v to %v", before, after)
			}

			// Leaving asks; keep editing stays, discard goes.
			pickItem(mw, "art4-1-prohibited-content")
			if v.selected != "art10-users-minors" || v.tree.Selected() != "art10-users-minors" || !strings.Contains(shownTexts(mw), tc.want) {
				t.Fatalf("left an item that cannot be saved: shown %s, dialog %q", v.selected, shownTexts(mw))
			}
			keep, discard := "Keep editing", "Discard changes"
			if strings.HasPrefix(tc.locale, "zh") {
				keep, discard = "继续编辑", "放弃修改"
			}
			onUI(mw, func() { test.Tap(findButton(t, mw, keep)) })
			if v.form.deadline.Text != "2027-02-30" {
				t.Errorf("kept editing: %q", v.form.deadline.Text)
			}
			pickItem(mw, "art4-1-prohibited-content")
			onUI(mw, func() { test.Tap(findButton(t, mw, discard)) })
			shownItem(t, v, "art4-1-prohibited-content", pick(v.items["art4-1-prohibited-content"].Title))
		})
	}
}

// TestChecklistConcludeSavesFirst concludes with the last item's result
// typed but not saved: it is saved, then the inspection concludes, and
// the concluded case shows read-only with Reopen, Sign…, Verify-less.
func TestChecklistConcludeSavesFirst(t *testing.T) {
	mw, ws, caseID := startedWindow(t)
	ctx := context.Background()
	st, _ := ws.InspectionStatus(ctx, caseID)
	last := st.Items[len(st.Items)-1].ID
	for _, it := range st.Items[:len(st.Items)-1] {
		if _, err := ws.Assess(ctx, app.AssessInput{CaseID: caseID, ItemID: it.ID, Result: "compliant"}); err != nil {
			t.Fatal(err)
		}
	}
	v := mw.checks
	onUI(mw, v.load)
	pickItem(mw, last)
	onUI(mw, func() { v.form.result.SetSelectedIndex(1) }) // compliant
	onUI(mw, v.conclude)
	onUI(mw, func() { test.Tap(findButton(t, mw, "Yes")) })
	if st, _ := ws.InspectionStatus(ctx, caseID); st.CaseStatus != "concluded" || itemStatus(t, ws, caseID, last).Result != "compliant" {
		t.Fatalf("after concluding with an unsaved result: %s, %+v", st.CaseStatus, itemStatus(t, ws, caseID, last))
	}
	_ = buttonIn(t, v.content, "Reopen")
	_ = buttonIn(t, v.content, "Sign…")
	if v.HasUnsaved() || v.form.save != nil || !v.form.note.Disabled() {
		t.Error("the concluded case's assessment is editable")
	}
}

// TestChecklistSelectionFollows checks that the highlighted item is the
// item shown and edited after a jump from the conclude blockers, after
// "add as evidence" for another item, and after a round trip through a
// suggested search.
func TestChecklistSelectionFollows(t *testing.T) {
	mw, ws, caseID := startedWindow(t)
	v := mw.checks

	// A jump from the list of what keeps the inspection open.
	onUI(mw, v.conclude)
	onUI(mw, func() { test.Tap(findButton(t, mw, "Yes")) })
	target := "art10-users-minors"
	title := pick(v.items[target].Title)
	onUI(mw, func() { test.Tap(findButton(t, mw, title+" — not assessed")) })
	shownItem(t, v, target, title)

	// Add as evidence for another item than the one shown.
	onUI(mw, func() { mw.tabs.SelectIndex(tabSearch) })
	submitQuery(mw, "未成年人 OR 防沉迷")
	if len(mw.search.hits) == 0 {
		t.Fatalf("no hits: %q %q %q %q", mw.search.queryErr.Text, mw.search.total.Text, mw.search.incomplete.Text, mw.search.hint.Text)
	}
	hit := mw.search.hits[0]
	other := "art4-1-prohibited-content"
	onUI(mw, func() { v.addEvidence(hit.ID) })
	onUI(mw, func() {
		for _, o := range objectsOf(mw.win.Canvas().Overlays().Top()) {
			if s, ok := o.(*widget.Select); ok {
				for _, opt := range s.Options {
					if strings.Contains(opt, "art4-1") {
						t.Errorf("the item chooser shows the item's id: %q", opt)
					}
					if strings.HasPrefix(opt, pick(v.items[other].Title)+" (") {
						s.SetSelected(opt) // "No content prohibited by law (Art. 4(1))"
					}
				}
			}
		}
		test.Tap(findButton(t, mw, "Add"))
	})
	onUI(mw, func() { mw.tabs.SelectIndex(tabChecklist) })
	shownItem(t, v, other, pick(v.items[other].Title))
	if it := itemStatus(t, ws, caseID, other); it.Evidence != 1 || !strings.Contains(textsIn(v.detail), "Evidence (1)") {
		t.Errorf("evidence of %s: %d", other, it.Evidence)
	}

	// The round trip: the item's suggested search, a hit added as
	// evidence, back to the checklist.
	pickItem(mw, target)
	onUI(mw, func() { test.Type(v.form.note, "查看防沉迷设置") }) // typed, not saved
	openSections(mw)
	onUI(mw, func() { test.Tap(buttonIn(t, v.detail, "未成年人 OR 防沉迷")) })
	if mw.tabs.SelectedIndex() != tabSearch || len(mw.search.hits) == 0 {
		t.Fatalf("suggested search: tab %d, %d hits", mw.tabs.SelectedIndex(), len(mw.search.hits))
	}
	onUI(mw, func() { v.addEvidence(mw.search.hits[0].ID) })
	onUI(mw, func() { test.Tap(findButton(t, mw, "Add")) })
	onUI(mw, func() { mw.tabs.SelectIndex(tabChecklist) })
	shownItem(t, v, target, title)
	if it := itemStatus(t, ws, caseID, target); it.Evidence != 1 || it.Note != "查看防沉迷设置" {
		t.Errorf("after the round trip: %+v", it)
	}
}

// TestAcceptSetsDefaultSeverity accepts a proposal in the GUI: the item
// takes the rule's default severity from the template.
func TestAcceptSetsDefaultSeverity(t *testing.T) {
	mw, ws, caseID := startedWindow(t)
	v := mw.checks
	onUI(mw, func() { test.Tap(buttonIn(t, v.actions, "Run automated checks")) })
	mw.win.Canvas().Overlays().Top().Hide()
	pickItem(mw, "art7-3-personal-information")
	onUI(mw, func() { test.Tap(buttonIn(t, v.detail, "Accept")) })
	it := itemStatus(t, ws, caseID, "art7-3-personal-information")
	if it.Result != "non_compliant" || it.Severity != "high" {
		t.Errorf("after accepting: %+v", it)
	}
	if v.form.severity.Selected != severityText("high") {
		t.Errorf("the form shows severity %q", v.form.severity.Selected)
	}
}

// inSight fails unless o lies wholly inside the area of within (the
// window's canvas for nil).
func inSight(t *testing.T, mw *MainWindow, what string, o, within fyne.CanvasObject) {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	pos, size := d.AbsolutePositionForObject(o), o.Size()
	var area fyne.Position
	areaSize := mw.win.Canvas().Size()
	if within != nil {
		area, areaSize = d.AbsolutePositionForObject(within), within.Size()
	}
	if !o.Visible() || pos.X < area.X || pos.Y < area.Y || pos.X+size.Width > area.X+areaSize.Width+1 || pos.Y+size.Height > area.Y+areaSize.Height+1 {
		t.Errorf("%s at %v, %v is not in sight in %v, %v", what, pos, size, area, areaSize)
	}
}

// capture writes the window's content to dir/name.png.
func capture(t *testing.T, mw *MainWindow, dir, name string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, mw.win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// TestChecklistFitsLaptop shows the checklist of an open, a concluded and
// a signed inspection at 1366×768 and 1280×720 in both languages: the
// assessment and its Save button are in sight without scrolling, and
// every action of the state is on screen. Screenshots go to the test's
// artifact directory (go test -artifacts keeps them).
func TestChecklistFitsLaptop(t *testing.T) {
	for _, locale := range []string{"zh_CN.UTF-8", "en_US.UTF-8"} {
		t.Run(locale, func(t *testing.T) {
			inLanguage(t, locale)
			mw, ws, caseID := startedWindow(t)
			v := mw.checks
			dir := t.ArtifactDir()
			ctx := context.Background()
			if _, err := ws.RunChecks(ctx, caseID); err != nil {
				t.Fatal(err)
			}
			onUI(mw, v.load)
			lang := locale[:2]
			shoot := func(state string, actions ...string) {
				for _, size := range []fyne.Size{{Width: 1366, Height: 768}, {Width: 1280, Height: 720}} {
					mw.win.Resize(size)
					onUI(mw, func() { mw.tabs.SelectIndex(tabChecklist) })
					pickItem(mw, "art7-4-data-quality")
					pickItem(mw, "art7-3-personal-information")
					if got := mw.win.Canvas().Size(); got != size {
						t.Errorf("%s: the window is %v, not %v: its content does not fit", state, got, size)
					}
					name := fmt.Sprintf("checklist-%s-%s-%.0fx%.0f", state, lang, size.Width, size.Height)
					capture(t, mw, dir, name)
					inSight(t, mw, name+": result", v.form.result, v.detailScroll)
					inSight(t, mw, name+": deadline", v.form.deadline, v.detailScroll)
					if v.form.save != nil {
						inSight(t, mw, name+": Save", v.form.save, v.detailScroll)
					}
					for _, a := range actions {
						inSight(t, mw, name+": "+a, buttonIn(t, v.actions, a), nil)
					}
				}
			}
			tr := func(en, zh string) string {
				if lang == "zh" {
					return zh
				}
				return en
			}
			export := tr("Export to Excel…", "导出为 Excel…")
			shoot("open", export, tr("Import edited checklist…", "导入修改后的检查清单…"), tr("Run automated checks", "运行自动检查"), tr("Conclude…", "办结…"))

			st, _ := ws.InspectionStatus(ctx, caseID)
			for _, it := range st.Items {
				if it.Proposal != nil && it.Proposal.Decision == app.DecisionPending {
					if _, err := ws.AcceptProposals(ctx, caseID, it.ID); err != nil {
						t.Fatal(err)
					}
				}
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
			onUI(mw, v.load)
			shoot("concluded", export, tr("Reopen", "重新打开"), tr("Sign…", "签署…"))
			if _, err := ws.SignInspection(ctx, caseID); err != nil {
				t.Fatal(err)
			}
			onUI(mw, v.load)
			shoot("signed", export, tr("Verify signature", "核验签名"))
		})
	}
}

// TestConcludeProblemsDialogFitsItsList: two problems are shown in a
// dialog about as tall as they are, not in one of empty space; many in a
// dialog that stays inside the window and scrolls.
func TestConcludeProblemsDialogFitsItsList(t *testing.T) {
	mw, _ := newDemoWindow(t)
	mw.win.Resize(laptopSize)
	v := mw.checks
	problems := func(n int) *app.ConcludeError {
		ce := &app.ConcludeError{}
		for range n {
			ce.Problems = append(ce.Problems, app.ConcludeProblem{Item: "art4-1-prohibited-content", Problem: "not assessed"})
		}
		return ce
	}
	onUI(mw, func() { v.showConcludeProblems(problems(2)) })
	few := mw.win.Canvas().Overlays().Top().(*widget.PopUp).Content.Size()
	dismissDialogs(mw)
	onUI(mw, func() { v.showConcludeProblems(problems(60)) })
	many := mw.win.Canvas().Overlays().Top().(*widget.PopUp).Content.Size()
	dismissDialogs(mw)
	if few.Height > 300 {
		t.Errorf("two problems in a dialog %v high", few.Height)
	}
	if win := mw.win.Canvas().Size(); many.Height <= few.Height || many.Height > win.Height || many.Width > win.Width {
		t.Errorf("sixty problems in a %v dialog, the window %v", many, win)
	}
}
