package ui

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/store"
)

// A state a case can be in, with what its views must offer.
type caseState struct {
	name   string // names the screenshots
	id     int64
	status string // open, concluded, signed
	// started: the inspection has begun; item: the checklist item to
	// show; submissions: a file it holds, "" for none.
	started     bool
	item        string
	submissions string
}

// statesWorkspace writes, in dir, a workspace holding a case in every
// state a user can reach: the demo's three (the sample in progress with
// proposals pending and evidence, one concluded, one signed), a case with
// nothing yet, and an inspection started on a case with no submissions.
// The search index is brought up to date, so the windows need not.
func statesWorkspace(t *testing.T, dir string) []caseState {
	t.Helper()
	ctx := context.Background()
	ws, err := app.Open(ctx, dir, true)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if created, err := ws.SeedDemoWorkspace(ctx); err != nil || !created {
		t.Fatalf("SeedDemoWorkspace = %v, %v", created, err)
	}
	bare, err := ws.CreateCase(ctx, app.CaseInput{Provider: "空白科技有限公司", Service: "空白助手", Inspectors: []string{"张明"}})
	if err != nil {
		t.Fatal(err)
	}
	noFiles, err := ws.CreateCase(ctx, app.CaseInput{Provider: "无材料科技有限公司", Service: "无材料助手", Inspectors: []string{"李华"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.StartInspection(ctx, noFiles.ID, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.SyncIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	cases, err := ws.ListCases(ctx)
	if err != nil || len(cases) != 5 {
		t.Fatalf("%d cases, %v", len(cases), err)
	}
	return []caseState{
		{"open", cases[0].ID, "open", true, "art7-3-personal-information", "incidents.csv"},
		{"concluded", cases[1].ID, "concluded", true, "art7-3-personal-information", "data-sources.xlsx"},
		{"signed", cases[2].ID, "signed", true, "art7-3-personal-information", "data-sources.xlsx"},
		{"new", bare.ID, "open", false, "", ""},
		{"started-nofiles", noFiles.ID, "open", true, "art4-1-prohibited-content", ""},
	}
}

// copyWorkspace copies the closed workspace in from to to.
func copyWorkspace(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if rel == store.LockFile {
			return nil
		}
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o700)
		}
		src, err := os.Open(p)
		if err != nil {
			return err
		}
		defer src.Close()
		out, err := os.Create(dst)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, src); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
	if err != nil {
		t.Fatalf("copy workspace: %v", err)
	}
}

// TestEveryViewInEveryState draws the real window, in English and in
// Chinese, at 1366×768 (some views also at 1280×720), for every state: no
// cases; a case with nothing; an inspection without submissions; the
// sample in progress with proposals pending and evidence; a concluded and
// a signed inspection — each on every tab, with the dialogs each state
// opens. Each view is captured to a PNG (the directory is logged) and
// checked: what the state must and must not offer, and in Chinese no
// English message of the catalogue.
func TestEveryViewInEveryState(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the demo workspace")
	}
	base := t.TempDir()
	start := time.Now()
	states := statesWorkspace(t, base)
	t.Logf("workspace written in %v", time.Since(start))
	for _, language := range []string{"en", "zh"} {
		t.Run(language, func(t *testing.T) {
			defer func(start time.Time) {
				t.Logf("views drawn in %v; screenshots in %s", time.Since(start), shotsDir(t))
			}(time.Now())
			inLanguage(t, language)
			v := &stateViews{t: t, language: language}
			v.noCases()
			dir := t.TempDir()
			copyWorkspace(t, base, dir)
			ws, err := app.Open(context.Background(), dir, true)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { ws.Close() })
			v.mw = openWindow(t, ws, laptopSize)
			for _, s := range states {
				v.caseViews(s)
			}
			v.importReport(states[3])
		})
	}
}

// stateViews draws and checks the views of one language.
type stateViews struct {
	t        *testing.T
	language string
	mw       *MainWindow
}

// check captures the window as name and checks what every view must
// hold: in Chinese, no English message of the catalogue, and Chinese text.
// Drawing is the slow part: every view is captured when $WB_TEST_SHOTS
// names a folder; else the Chinese views and the English ones at
// 1280×720; with the race detector, only those at 1280×720 and the
// Checklist tab of each state in Chinese.
func (v *stateViews) check(name string) []fyne.CanvasObject {
	t := v.t
	t.Helper()
	small := strings.HasSuffix(name, "-1280")
	switch {
	case os.Getenv("WB_TEST_SHOTS") != "", small,
		v.language == "zh" && !raceDetector,
		v.language == "zh" && strings.HasSuffix(name, "-checklist"):
		screenshot(t, v.mw, v.language+"-"+name)
	}
	objs := onScreen(v.mw)
	if v.language == "zh" {
		if en := untranslated(t, objs); len(en) > 0 {
			t.Errorf("%s: English in the Chinese interface: %q", name, en)
		}
		if !hasHan(shownText(objs)) {
			t.Errorf("%s: no Chinese text", name)
		}
	}
	return objs
}

// dialog taps the button labelled button, expects a dialog showing want,
// captures it as name and closes it.
func (v *stateViews) dialog(name, button, want string) {
	t := v.t
	t.Helper()
	tapLabelled(t, v.mw, button)
	if shown := topDialog(v.mw); !strings.Contains(shown, want) {
		t.Errorf("%s: after %q the dialog on top shows %q, want %q", name, button, shown, want)
	}
	v.check(name)
	dismissDialogs(v.mw)
}

// confirm taps button, expects a question showing ask, captures it,
// answers it with answer and expects a dialog showing want, captured too.
func (v *stateViews) confirm(name, button, ask, answer, want string) {
	t := v.t
	t.Helper()
	tapLabelled(t, v.mw, button)
	if shown := topDialog(v.mw); !strings.Contains(shown, ask) {
		t.Errorf("%s: after %q the dialog on top shows %q, want %q", name, button, shown, ask)
	}
	v.check(name)
	tapLabelled(t, v.mw, answer)
	if shown := topDialog(v.mw); !strings.Contains(shown, want) {
		t.Errorf("%s: after %q the dialog on top shows %q, want %q", name, answer, shown, want)
	}
	v.check(name + "-answer")
	dismissDialogs(v.mw)
}

// noCases: an empty workspace shows how to start, and the new-case dialog.
func (v *stateViews) noCases() {
	t := v.t
	ws, err := app.Open(context.Background(), t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	mw := openWindow(t, ws, laptopSize)
	saved := v.mw
	v.mw = mw
	defer func() { v.mw = saved }()
	objs := v.check("nocases")
	if !strings.Contains(shownText(objs), lang.L("No cases yet. A case is one inspection of one provider's service.")) {
		t.Errorf("an empty workspace does not say there are no cases:\n%s", shownText(objs))
	}
	if n := len(buttonsLabelled(objs, lang.L("New case"))); n == 0 {
		t.Error("an empty workspace offers no New case button")
	}
	v.dialog("nocases-newcase", lang.L("New case"), lang.L("Provider"))
	resize(v.mw, smallSize)
	v.check("nocases-1280")
}

// caseViews shows case s on every tab, checks each view against the
// case's state and opens the dialogs the state offers.
func (v *stateViews) caseViews(s caseState) {
	t := v.t
	t.Helper()
	mw := v.mw
	selectCase(t, mw, s.id)
	tabs := caseTabs(t, mw)
	if len(tabs.Items) != len(tabNames) {
		t.Fatalf("%s: %d tabs, want %d", s.name, len(tabs.Items), len(tabNames))
	}
	for i, tab := range tabNames {
		userAct(mw, func() { tabs.SelectIndex(i) })
		name := s.name + "-" + tab
		if tab == "checklist" && s.item != "" {
			userAct(mw, func() { mw.ShowChecklistItem(s.item) })
		}
		objs := v.check(name)
		if v.language == "zh" && !hasHan(tabs.Items[i].Text) {
			t.Errorf("%s: tab title %q is not Chinese", name, tabs.Items[i].Text)
		}
		text := shownText(objs)
		switch tab {
		case "overview":
			c, err := mw.ws.GetCase(context.Background(), s.id)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{c.Provider.Name, statusText(s.status)} {
				if !strings.Contains(text, want) {
					t.Errorf("%s: does not show %q", name, want)
				}
			}
		case "submissions":
			if s.submissions != "" && !strings.Contains(text, s.submissions) {
				t.Errorf("%s: does not list %s", name, s.submissions)
			}
		case "search":
			if on, _ := editableFields(objs); on == 0 {
				t.Errorf("%s: no query field to type in", name)
			}
		case "checklist":
			v.checklist(name, s, objs)
		}
	}
	v.dialogs(s)
	if s.name == "open" {
		// The assessment form at the smaller screen.
		userAct(mw, func() { tabs.SelectIndex(slices.Index(tabNames, "checklist")) })
		resize(mw, smallSize)
		v.check(s.name + "-checklist-1280")
		resize(mw, laptopSize)
	}
}

// checklist checks the Checklist tab of case s: an open inspection is
// editable and can be concluded; a concluded one is read-only with
// Reopen, Sign…, Verify and Export reachable; a signed one read-only with
// Verify and Export only.
func (v *stateViews) checklist(name string, s caseState, objs []fyne.CanvasObject) {
	t := v.t
	t.Helper()
	has := func(label string) bool {
		bs := buttonsLabelled(objs, lang.L(label))
		return len(bs) > 0 && !bs[0].Disabled()
	}
	want := map[string]bool{}
	switch {
	case !s.started:
		want = map[string]bool{"Start inspection": true, "Conclude…": false, "Reopen": false, "Sign…": false}
	case s.status == "open":
		want = map[string]bool{"Conclude…": true, "Export to Excel…": true, "Reopen": false, "Sign…": false, "Verify signature": false}
	case s.status == "concluded":
		want = map[string]bool{"Reopen": true, "Sign…": true, "Export to Excel…": true, "Verify signature": true, "Conclude…": false}
	case s.status == "signed":
		want = map[string]bool{"Verify signature": true, "Export to Excel…": true, "Reopen": false, "Sign…": false, "Conclude…": false}
	}
	for label, offered := range want {
		if has(label) != offered {
			t.Errorf("%s: button %q offered %v, want %v", name, label, !offered, offered)
		}
	}
	if s.item == "" {
		return
	}
	on, off := editableFields(objs)
	switch s.status {
	case "open":
		if on == 0 {
			t.Errorf("%s: the assessment form of an open inspection has no field to edit", name)
		}
	default:
		if on > 0 || off == 0 {
			t.Errorf("%s: a %s inspection shows %d editable fields (and %d read-only); want a read-only form", name, s.status, on, off)
		}
	}
}

// dialogs opens the dialogs case s offers.
func (v *stateViews) dialogs(s caseState) {
	mw := v.mw
	tabs := caseTabs(v.t, mw)
	show := func(tab string) { userAct(mw, func() { tabs.SelectIndex(slices.Index(tabNames, tab)) }) }
	switch s.name {
	case "open":
		show("overview")
		v.dialog("open-delete", lang.L("Delete case…"), lang.L("Delete case"))
		show("checklist")
		// An item with a proposal pending: the inspector may decide otherwise.
		userAct(mw, func() { mw.ShowChecklistItem("art7-1-lawful-sources") })
		v.dialog("open-override", lang.L("Override…"), lang.L("Override the proposal"))
		v.confirm("open-conclude", lang.L("Conclude…"), lang.L("Conclude the inspection?"), lang.L("Yes"),
			lang.L("Not ready to conclude"))
		v.dialog("open-export", lang.L("Export to Excel…"), lang.L("Export to Excel"))
		show("search")
		v.searchHelp()
	case "concluded":
		show("checklist")
		v.dialog("concluded-sign", lang.L("Sign…"), lang.L("Sign the inspection?"))
		v.verifyUnsigned(s)
		v.dialog("concluded-export", lang.L("Export to Excel…"), lang.L("Export to Excel"))
	case "signed":
		show("checklist")
		v.dialog("signed-verify", lang.L("Verify signature"), lang.L("The inspection matches its signature."))
		v.dialog("signed-export", lang.L("Export to Excel…"), lang.L("Export to Excel"))
	}
}

// verifyUnsigned taps Verify on the concluded case s: the answer is
// that it has no signature yet, with the day it was concluded, and what
// signing and verifying do.
func (v *stateViews) verifyUnsigned(s caseState) {
	t := v.t
	t.Helper()
	st, err := v.mw.ws.InspectionStatus(context.Background(), s.id)
	if err != nil || st.ConcludedAt == nil {
		t.Fatalf("concluded case %d: status %+v, %v", s.id, st, err)
	}
	tapLabelled(t, v.mw, lang.L("Verify signature"))
	// Wrapped lines are separate texts: compare without the spaces.
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	shown := squeeze(topDialog(v.mw))
	for _, want := range []string{
		lang.L("Signature check"),
		lang.L("This inspection was concluded on {{.Date}} but has not been signed, so there is no signature to check yet.",
			map[string]any{"Date": localDay(*st.ConcludedAt)}),
		lang.L("Until it is reopened it takes no changes. Sign… stores a SHA-256 over every item, result, note, finding, deadline and piece of evidence, in the names of the case's inspectors; Verify then recomputes it from the workspace and lists anything that differs."),
	} {
		if !strings.Contains(shown, squeeze(want)) {
			t.Errorf("concluded-verify: the dialog shows %q, want %q", topDialog(v.mw), want)
		}
	}
	v.check("concluded-verify")
	dismissDialogs(v.mw)
}

// searchHelp opens the query-syntax help from the Search tab.
func (v *stateViews) searchHelp() {
	t := v.t
	t.Helper()
	for _, o := range onScreen(v.mw) {
		if b, ok := o.(*widget.Button); ok && b.Text == "" && b.Icon != nil && b.Icon.Name() == theme.HelpIcon().Name() {
			userAct(v.mw, func() { test.Tap(b) })
			if shown := topDialog(v.mw); !strings.Contains(shown, lang.L("Query syntax")) {
				t.Errorf("search help shows %q", shown)
			}
			v.check("open-search-help")
			dismissDialogs(v.mw)
			return
		}
	}
	t.Error("the Search tab has no help button")
}

// importReport drops a sample file on the window with case s shown, and
// checks the import report.
func (v *stateViews) importReport(s caseState) {
	t := v.t
	t.Helper()
	mw := v.mw
	selectCase(t, mw, s.id)
	p, err := filepath.Abs(filepath.Join("..", "testdata", "sample", "algorithm.json"))
	if err != nil {
		t.Fatal(err)
	}
	userAct(mw, func() { dropFiles(mw, []fyne.URI{storage.NewFileURI(p)}) })
	if shown := topDialog(mw); !strings.Contains(shown, "algorithm.json") {
		t.Errorf("import report shows %q", shown)
	}
	v.check(s.name + "-import-report")
	dismissDialogs(mw)
}

// dropFiles drops uris on the window, as a file manager does.
// (Private: mw.dropped.)
func dropFiles(mw *MainWindow, uris []fyne.URI) { mw.dropped(fyne.NewPos(10, 10), uris) }
