package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/ui/dialogs"
)

// typeKey presses key, with the modifiers mod, on mw's window as Fyne's
// desktop driver delivers a key press (fyne.io/fyne/v2/internal/driver/
// glfw, window.go processKeyPressed and triggersShortcut), with the
// workbench's GLFW hook in front (keyhook.go): the hook's intercept for
// F1, Escape and Enter; then KeyDown to a focused desktop.Keyable; Tab
// moving the focus; a key with Ctrl, Alt or Super as a shortcut — the
// main menu's first, else the focused widget's, else the canvas's; and
// otherwise TypedKey to the focused widget, or to the canvas's handler
// when nothing has the focus.
func typeKey(mw *MainWindow, key fyne.KeyName, mod fyne.KeyModifier) {
	onUI(mw, func() {
		c := mw.win.Canvas()
		ev := &fyne.KeyEvent{Name: key}
		switch key {
		case fyne.KeyF1, fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter:
			if mw.interceptKey(ev, mod) {
				return
			}
		}
		if k, ok := c.Focused().(desktop.Keyable); ok {
			k.KeyDown(ev)
		}
		if key == fyne.KeyTab && mod&^fyne.KeyModifierShift == 0 {
			if t, ok := c.Focused().(fyne.Tabbable); !ok || !t.AcceptsTab() {
				if mod == 0 {
					c.FocusNext()
				} else {
					c.FocusPrevious()
				}
				return
			}
		}
		if mod != 0 && mod != fyne.KeyModifierShift {
			sc := &desktop.CustomShortcut{KeyName: key, Modifier: mod}
			if menuShortcut(mw.win.MainMenu(), sc) {
				return
			}
			if s, ok := c.Focused().(fyne.Shortcutable); ok {
				s.TypedShortcut(sc)
				return
			}
			if s, ok := c.(fyne.Shortcutable); ok {
				s.TypedShortcut(sc)
			}
			return
		}
		if f := c.Focused(); f != nil {
			f.TypedKey(ev)
		} else if h := c.OnTypedKey(); h != nil {
			h(ev)
		}
	})
}

// menuShortcut runs the action of the menu entry with shortcut sc, as the
// desktop driver does before the focused widget sees the key.
func menuShortcut(m *fyne.MainMenu, sc fyne.Shortcut) bool {
	if m == nil {
		return false
	}
	var walk func(items []*fyne.MenuItem) bool
	walk = func(items []*fyne.MenuItem) bool {
		for _, it := range items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
				it.Action()
				return true
			}
			if it.ChildMenu != nil && walk(it.ChildMenu.Items) {
				return true
			}
		}
		return false
	}
	for _, menu := range m.Items {
		if walk(menu.Items) {
			return true
		}
	}
	return false
}

// focusOrder is the order Tab walks the focus through what shows on top
// (the dialog on top, else the window), starting from nothing focused.
func focusOrder(mw *MainWindow) []fyne.Focusable {
	var out []fyne.Focusable
	onUI(mw, func() {
		c := mw.win.Canvas()
		c.Unfocus()
		for range 200 {
			c.FocusNext()
			f := c.Focused()
			if f == nil || (len(out) > 0 && f == out[0]) {
				break
			}
			out = append(out, f)
		}
	})
	return out
}

// describe names a focusable for a test's message: its type and its
// text, label or placeholder.
func describe(f fyne.Focusable) string {
	switch w := f.(type) {
	case *widget.Button:
		return "button " + w.Text
	case *widget.Check:
		return "check " + w.Text
	case *widget.Select:
		return "select " + w.PlaceHolder
	case *widget.Entry:
		return "entry " + w.PlaceHolder
	case *dialogEntry:
		return "entry " + w.PlaceHolder
	}
	return fmt.Sprintf("%T", f)
}

// keysWindow opens a window on the demo workspace in language and shows
// the case whose status is status.
func keysWindow(t *testing.T, language string, status workbench.CaseStatus) (*MainWindow, int64) {
	t.Helper()
	inLanguage(t, language)
	mw, ws := newTestWindow(t)
	ctx := context.Background()
	if _, err := ws.SeedDemoWorkspace(ctx); err != nil {
		t.Fatal(err)
	}
	cases, err := ws.ListCases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if c.Status == string(status) {
			onUI(mw, func() { mw.reload(c.ID) })
			return mw, c.ID
		}
	}
	t.Fatalf("the demo has no %s case", status)
	return nil, 0
}

func overlays(mw *MainWindow) int { return len(mw.win.Canvas().Overlays().List()) }

// focus gives f the focus, as clicking it does.
func focus(t *testing.T, mw *MainWindow, f fyne.Focusable) {
	t.Helper()
	onUI(mw, func() { mw.win.Canvas().Focus(f) })
	if got := mw.win.Canvas().Focused(); got != f {
		t.Fatalf("focus went to %s, not %s", describe(got), describe(f))
	}
}

// TestShortcutsWhateverHasFocus presses F1 and Ctrl+N, I, F, E and S with
// the cursor in an entry or a Select focused: each runs its action and
// nothing reaches the focused field. Before, F1 did nothing unless no
// widget had the focus.
func TestShortcutsWhateverHasFocus(t *testing.T) {
	ctrl := fyne.KeyModifierShortcutDefault
	for _, l := range []string{"en", "zh"} {
		t.Run(l, func(t *testing.T) {
			mw, caseID := keysWindow(t, l, workbench.StatusOpen)
			help := lang.L("Keyboard shortcuts")
			query := mw.search.query

			onUI(mw, func() { mw.showTab(tabSearch) })
			focus(t, mw, query)
			onUI(mw, func() { test.Type(query, "abc") })
			typeKey(mw, fyne.KeyF1, 0)
			if n := overlays(mw); n != 1 || !strings.Contains(topDialog(mw), help) {
				t.Fatalf("F1 in the query field: %d dialogs, on top %q", n, topDialog(mw))
			}
			typeKey(mw, fyne.KeyF1, 0)
			if n := overlays(mw); n != 1 {
				t.Errorf("F1 in the help opens another: %d dialogs", n)
			}
			typeKey(mw, fyne.KeyEscape, 0)
			if n := overlays(mw); n != 0 {
				t.Fatalf("Escape leaves %d dialogs", n)
			}
			if query.Text != "abc" || mw.win.Canvas().Focused() != query {
				t.Errorf("after the help the query holds %q, focus on %s", query.Text, describe(mw.win.Canvas().Focused()))
			}

			onUI(mw, func() { mw.showTab(tabSubmissions) })
			kind := mw.subs.kind
			focus(t, mw, kind)
			before := kind.SelectedIndex()
			typeKey(mw, fyne.KeyF1, 0)
			if n := overlays(mw); n != 1 || !strings.Contains(topDialog(mw), help) {
				t.Fatalf("F1 on the Kind list: %d dialogs (a drop-down is one), on top %q", n, topDialog(mw))
			}
			typeKey(mw, fyne.KeyReturn, 0)
			if n := overlays(mw); n != 0 || kind.SelectedIndex() != before {
				t.Fatalf("Enter in the help: %d dialogs, kind %d (was %d)", n, kind.SelectedIndex(), before)
			}

			// Ctrl+F from the Select: the Search tab, the cursor in the query.
			typeKey(mw, fyne.KeyF, ctrl)
			if mw.tab != tabSearch || mw.win.Canvas().Focused() != query {
				t.Errorf("Ctrl+F: tab %d, focus on %s", mw.tab, describe(mw.win.Canvas().Focused()))
			}
			typeKey(mw, fyne.KeyN, ctrl)
			if !strings.Contains(topDialog(mw), lang.L("Create case")) {
				t.Errorf("Ctrl+N in the query field shows %q", topDialog(mw))
			}
			typeKey(mw, fyne.KeyEscape, 0)
			if n := overlays(mw); n != 0 || query.Text != "abc" {
				t.Fatalf("after the new-case dialog: %d dialogs, the query holds %q", n, query.Text)
			}

			focus(t, mw, query)
			typeKey(mw, fyne.KeyE, ctrl)
			if !strings.Contains(topDialog(mw), lang.L("Export to Excel")) {
				t.Errorf("Ctrl+E in the query field shows %q", topDialog(mw))
			}
			typeKey(mw, fyne.KeyEscape, 0)

			// Ctrl+I, and Escape in Fyne's file chooser with a field of it
			// focused.
			onUI(mw, func() { mw.showTab(tabSearch) })
			focus(t, mw, query)
			mw.subs.files.UseFyne()
			typeKey(mw, fyne.KeyI, ctrl)
			if mw.tab != tabSubmissions || overlays(mw) != 1 {
				t.Fatalf("Ctrl+I: tab %d, %d dialogs", mw.tab, overlays(mw))
			}
			onUI(mw, func() { mw.win.Canvas().FocusNext() })
			if mw.win.Canvas().Focused() == nil {
				t.Fatal("nothing in the file chooser takes the focus")
			}
			typeKey(mw, fyne.KeyEscape, 0)
			if n := overlays(mw); n != 0 {
				t.Errorf("Escape with %s focused leaves the file chooser open", describe(mw.win.Canvas().Focused()))
			}

			// Ctrl+S in the assessment's note saves it.
			onUI(mw, func() { mw.showTab(tabChecklist) })
			onUI(mw, func() { mw.ShowChecklistItem("art7-3-personal-information") })
			note := mw.checks.form.note
			focus(t, mw, note)
			onUI(mw, func() { test.Type(note, "Ctrl+S") })
			typed := note.Text
			typeKey(mw, fyne.KeyS, ctrl)
			st, err := mw.ws.InspectionStatus(context.Background(), caseID)
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range st.Items {
				if it.ID == "art7-3-personal-information" && it.Note != typed {
					t.Errorf("after Ctrl+S the note saved is %q, want %q", it.Note, typed)
				}
			}
		})
	}
}

// dialogFocusables are the focusable widgets of the dialog on top, in Tab
// order.
func dialogFocusables(t *testing.T, mw *MainWindow) []fyne.Focusable {
	t.Helper()
	if overlays(mw) == 0 {
		t.Fatal("no dialog shows")
	}
	return focusOrder(mw)
}

// firstOf is the first of fs that is a T.
func firstOf[T fyne.Focusable](t *testing.T, fs []fyne.Focusable) T {
	t.Helper()
	for _, f := range fs {
		if w, ok := f.(T); ok {
			return w
		}
	}
	var zero T
	t.Fatalf("no %T among %d focusable widgets", zero, len(fs))
	return zero
}

// focusableButton is the focusable button labelled text among fs.
func focusableButton(t *testing.T, fs []fyne.Focusable, text string) *widget.Button {
	t.Helper()
	for _, f := range fs {
		if b, ok := f.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q can take the focus", text)
	return nil
}

// TestDialogKeysWithFocusInside answers each dialog that holds a Select,
// a Check or a radio group with Enter and Escape while that widget has the
// focus (before, the focused widget swallowed both), and presses Enter on
// a focused button, which presses it.
func TestDialogKeysWithFocusInside(t *testing.T) {
	ctx := context.Background()
	for _, l := range []string{"en", "zh"} {
		t.Run(l, func(t *testing.T) {
			mw, caseID := keysWindow(t, l, workbench.StatusOpen)
			ws := mw.ws
			countCases := func() int {
				cs, err := ws.ListCases(ctx)
				if err != nil {
					t.Fatal(err)
				}
				return len(cs)
			}

			// New case: the Art. 17 check focused.
			n := countCases()
			var d *caseDialog
			fill := func() {
				onUI(mw, func() {
					d = mw.ShowNewCaseDialog()
					d.provider.SetText("键盘测试科技有限公司")
					d.service.SetText("键盘助手")
				})
				focus(t, mw, d.publicOpinion)
			}
			fill()
			typeKey(mw, fyne.KeyEscape, 0)
			if overlays(mw) != 0 || countCases() != n {
				t.Fatalf("Escape on the Art. 17 check: %d dialogs, %d cases (were %d)", overlays(mw), countCases(), n)
			}
			fill()
			typeKey(mw, fyne.KeyReturn, 0)
			if overlays(mw) != 0 || countCases() != n+1 {
				t.Fatalf("Enter on the Art. 17 check: %d dialogs, %d cases (were %d)", overlays(mw), countCases(), n)
			}
			onUI(mw, func() { mw.reload(caseID) })
			onUI(mw, func() { mw.showTab(tabChecklist) })

			// Override a proposal: its Result list focused; Enter in the
			// multi-line reason starts a line instead.
			var pending app.Proposal
			for _, p := range mw.checks.proposals {
				if p.Decision == app.DecisionPending {
					pending = p
				}
			}
			if pending.Rule == "" {
				t.Fatal("the demo's open case has no pending proposal")
			}
			decision := func() string {
				ps, err := ws.Proposals(ctx, caseID, false)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range ps {
					if p.Key() == pending.Key() {
						return p.Decision
					}
				}
				return ""
			}
			onUI(mw, func() { mw.checks.override(pending) })
			fs := dialogFocusables(t, mw)
			result := firstOf[*widget.Select](t, fs)
			reason := firstOf[*widget.Entry](t, fs)
			focus(t, mw, result)
			typeKey(mw, fyne.KeyEscape, 0)
			if overlays(mw) != 0 || decision() != app.DecisionPending {
				t.Fatalf("Escape on the Result list: %d dialogs, decision %q", overlays(mw), decision())
			}
			onUI(mw, func() { mw.checks.override(pending) })
			fs = dialogFocusables(t, mw)
			result, reason = firstOf[*widget.Select](t, fs), firstOf[*widget.Entry](t, fs)
			onUI(mw, func() {
				result.SetSelectedIndex(0)
				reason.SetText("键盘")
			})
			focus(t, mw, reason)
			typeKey(mw, fyne.KeyReturn, 0)
			if overlays(mw) != 1 || strings.Count(reason.Text, "\n") != 1 {
				t.Fatalf("Enter in the reason: %d dialogs, reason %q", overlays(mw), reason.Text)
			}
			// Ctrl+Enter submits from inside the reason.
			typeKey(mw, fyne.KeyReturn, fyne.KeyModifierControl)
			if overlays(mw) != 0 || decision() != app.DecisionOverridden {
				t.Fatalf("Ctrl+Enter in the reason: %d dialogs, decision %q", overlays(mw), decision())
			}

			// Conclude: Enter on a focused No answers no.
			onUI(mw, mw.checks.conclude)
			focus(t, mw, focusableButton(t, dialogFocusables(t, mw), lang.L("No")))
			typeKey(mw, fyne.KeyReturn, 0)
			if overlays(mw) != 0 {
				t.Fatalf("Enter on No leaves %d dialogs: %q", overlays(mw), topDialog(mw))
			}

			// Export: the personal-information check focused.
			var e *exportDialog
			showExport := func() {
				p, err := ws.PreviewExport(ctx, caseID)
				if err != nil {
					t.Fatal(err)
				}
				onUI(mw, func() { e = mw.checks.exportDialog(p) })
				focus(t, mw, e.pi)
			}
			showExport()
			typeKey(mw, fyne.KeyEscape, 0)
			if overlays(mw) != 0 {
				t.Fatalf("Escape on the personal-information check leaves %d dialogs", overlays(mw))
			}
			showExport()
			e.files = dialogs.New(mw.win, mw.app.Preferences(), mw.goBackground, mw.do)
			e.files.UseFyne()
			typeKey(mw, fyne.KeyReturn, 0)
			if overlays(mw) != 1 || e.pi.Checked {
				t.Fatalf("Enter on the personal-information check: %d dialogs (want the file chooser), check %v", overlays(mw), e.pi.Checked)
			}
			typeKey(mw, fyne.KeyEscape, 0)
			if overlays(mw) != 0 {
				t.Fatalf("Escape leaves the file chooser: %d dialogs", overlays(mw))
			}

			// Settings: a language choice focused. Escape keeps the
			// language; Enter applies the one chosen.
			mw.prefs.SetString(prefLanguage, languageEnglish) // shown as chosen; uiLanguage stays, so nothing is rebuilt
			onUI(mw, func() { mw.ShowSettings() })
			fs = dialogFocusables(t, mw)
			if len(fs) == 0 {
				t.Fatal("nothing in the settings takes the focus")
			}
			focus(t, mw, fs[0])
			typeKey(mw, fyne.KeyEscape, 0)
			if overlays(mw) != 0 || mw.prefs.String(prefLanguage) != languageEnglish {
				t.Fatalf("Escape in the settings: %d dialogs, language %q", overlays(mw), mw.prefs.String(prefLanguage))
			}
			onUI(mw, func() { mw.ShowSettings() })
			fs = dialogFocusables(t, mw)
			focus(t, mw, fs[0])
			onUI(mw, func() { test.Type(fs[0], " ") }) // Space picks "Follow the system"
			typeKey(mw, fyne.KeyReturn, 0)
			if overlays(mw) != 0 || mw.prefs.String(prefLanguage) != languageSystem {
				t.Fatalf("Enter in the settings: %d dialogs, language %q", overlays(mw), mw.prefs.String(prefLanguage))
			}
		})
	}
}

// TestSignKeysWithFocusInside: on a concluded case, Enter on the Sign
// dialog's focused Cancel and Escape on its focused Sign both leave it
// unsigned.
func TestSignKeysWithFocusInside(t *testing.T) {
	for _, l := range []string{"en", "zh"} {
		t.Run(l, func(t *testing.T) {
			mw, caseID := keysWindow(t, l, workbench.StatusConcluded)
			onUI(mw, func() { mw.showTab(tabChecklist) })
			status := func() string {
				c, err := mw.ws.GetCase(context.Background(), caseID)
				if err != nil {
					t.Fatal(err)
				}
				return c.Status
			}
			for _, k := range []struct {
				button string
				key    fyne.KeyName
			}{{lang.L("Cancel"), fyne.KeyReturn}, {lang.L("Sign"), fyne.KeyEscape}} {
				onUI(mw, mw.checks.sign)
				focus(t, mw, focusableButton(t, dialogFocusables(t, mw), k.button))
				typeKey(mw, k.key, 0)
				if overlays(mw) != 0 || status() != string(workbench.StatusConcluded) {
					t.Fatalf("%s on a focused %q: %d dialogs, case %s", k.key, k.button, overlays(mw), status())
				}
			}
			// Verify on the concluded case answers, and Enter closes it.
			onUI(mw, mw.checks.verify)
			if !strings.Contains(topDialog(mw), lang.L("Signature check")) {
				t.Fatalf("Verify on a concluded case shows %q", topDialog(mw))
			}
			typeKey(mw, fyne.KeyReturn, 0)
			if overlays(mw) != 0 {
				t.Fatalf("Enter leaves %d dialogs", overlays(mw))
			}
		})
	}
}

// TestTabOrder walks the focus with Tab through the new-case dialog and
// the assessment form: it follows the fields as they show, top to
// bottom, with the buttons last.
func TestTabOrder(t *testing.T) {
	mw, _ := keysWindow(t, "zh", workbench.StatusOpen)
	var d *caseDialog
	onUI(mw, func() { d = mw.ShowNewCaseDialog() })
	onUI(mw, func() {
		d.provider.SetText("键盘测试科技有限公司")
		d.service.SetText("键盘助手")
	})
	want := []fyne.Focusable{d.provider, d.creditCode, d.service, d.filingNo}
	for _, o := range test.LaidOutObjects(d.modalities) {
		if c, ok := o.(*widget.Check); ok {
			want = append(want, c)
		}
	}
	want = append(want, d.publicOpinion, d.title, d.inspectors, d.opened, d.received)
	got := focusOrder(mw)
	if len(got) < len(want)+2 {
		t.Fatalf("new case: Tab visits %d widgets, want %d fields and 2 buttons", len(got), len(want))
	}
	for i, w := range want {
		if got[i] != w {
			t.Errorf("new case: Tab stop %d is %s, want %s", i+1, describe(got[i]), describe(w))
		}
	}
	for _, b := range got[len(want):] {
		if _, ok := b.(*widget.Button); !ok {
			t.Errorf("new case: after the fields Tab goes to %s, want the buttons", describe(b))
		}
	}
	typeKey(mw, fyne.KeyEscape, 0)

	onUI(mw, func() { mw.showTab(tabChecklist) })
	onUI(mw, func() { mw.ShowChecklistItem("art7-3-personal-information") })
	f := mw.checks.form
	onUI(mw, func() { f.note.SetText(f.note.Text + " Tab") }) // Save takes the focus once there is something to save
	got = focusOrder(mw)
	order := []fyne.Focusable{f.result, f.severity, f.note, f.finding, f.deadline, f.save}
	at := make([]int, len(order))
	for i, w := range order {
		at[i] = slices.Index(got, w)
		if at[i] < 0 {
			t.Fatalf("assessment: Tab never reaches %s", describe(w))
		}
		if i > 0 && at[i] != at[i-1]+1 {
			t.Errorf("assessment: Tab goes from %s to %s, want %s", describe(order[i-1]), describe(got[at[i-1]+1]), describe(w))
		}
	}
}

// TestSearchTabTakesTheCursor: on the Search tab the inspector types a
// query at once, whether the tab was clicked or the case opened on it.
func TestSearchTabTakesTheCursor(t *testing.T) {
	mw, _ := newDemoWindow(t)
	onUI(mw, func() { mw.tabs.SelectIndex(tabChecklist) })
	onUI(mw, func() { mw.tabs.SelectIndex(tabSearch) })
	if f := mw.win.Canvas().Focused(); f != mw.search.query {
		t.Errorf("the Search tab shown, the cursor is in %T", f)
	}
}

// TestSearchTabTakesTheCursorAtStart: a window opened on a case's Search
// tab (workbench --tab search) takes typing in its query field.
func TestSearchTabTakesTheCursorAtStart(t *testing.T) {
	a := test.NewTempApp(t)
	Setup(a)
	ws, err := app.Open(context.Background(), t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	c, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: "星河智算", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	mw := OpenMainWindow(a, ws, StartOptions{CaseID: c.ID, Tab: "search"})
	t.Cleanup(mw.win.Close)
	mw.bg.Wait()
	if f := mw.win.Canvas().Focused(); f != mw.search.query {
		t.Errorf("opened on the Search tab, the cursor is in %T", f)
	}
}
