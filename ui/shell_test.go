package ui

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
)

// countingSaver stands in for the checklist page's saving and counts the
// saves asked for.
type countingSaver struct{ saves int }

func (s *countingSaver) SaveIfDirty() error    { s.saves++; return nil }
func (s *countingSaver) HasUnsaved() bool      { return false }
func (s *countingSaver) SaveOrAsk(then func()) { s.saves++; then() }

// newShellCaseWindow is a test window showing one fresh case.
func newShellCaseWindow(t *testing.T) (*MainWindow, *app.App, workbench.Case) {
	t.Helper()
	mw, ws := newTestWindow(t)
	c, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: "星河智算", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	onUI(mw, func() { mw.reload(c.ID) })
	if mw.selected != c.ID || mw.tabs == nil {
		t.Fatalf("case %d not shown (selected %d)", c.ID, mw.selected)
	}
	return mw, ws, c
}

// menuItem finds the entry labelled label under the menu labelled menu.
func menuItem(t *testing.T, mw *MainWindow, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range mw.win.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu entry %s → %s", menu, label)
	return nil
}

// closeDialogs hides every dialog showing.
func closeDialogs(mw *MainWindow) {
	for mw.win.Canvas().Overlays().Top() != nil {
		mw.win.Canvas().Overlays().Remove(mw.win.Canvas().Overlays().Top())
	}
}

func TestMainMenu(t *testing.T) {
	mw, _, _ := newShellCaseWindow(t)
	var menus []string
	for _, m := range mw.win.MainMenu().Items {
		menus = append(menus, m.Label)
	}
	if got := strings.Join(menus, ","); got != "Case,Import,Search,Inspection,Help" {
		t.Fatalf("menus %s", got)
	}
	saver := &countingSaver{}
	mw.saver = saver
	for _, c := range []struct {
		menu, item string
		check      func() string // "" when the entry did its thing
	}{
		{"Case", "New case…", func() string {
			if shown := shownTexts(mw); !strings.Contains(shown, "Create case") {
				return "no new-case dialog: " + shown
			}
			return ""
		}},
		{"Import", "Import files…", func() string {
			if mw.tabs.SelectedIndex() != tabSubmissions || mw.win.Canvas().Overlays().Top() == nil {
				return "no file chooser on the Submissions tab"
			}
			return ""
		}},
		{"Search", "Search this case", func() string {
			if mw.tabs.SelectedIndex() != tabSearch || mw.win.Canvas().Focused() != mw.search.query {
				return "the query field does not have the focus"
			}
			return ""
		}},
		{"Inspection", "Checklist", func() string {
			if mw.tabs.SelectedIndex() != tabChecklist {
				return "not on the Checklist tab"
			}
			return ""
		}},
		{"Inspection", "Save assessment", func() string {
			if saver.saves == 0 {
				return "the checklist was not asked to save"
			}
			return ""
		}},
		{"Inspection", "Export…", func() string {
			if mw.win.Canvas().Overlays().Top() == nil {
				return "no export dialog"
			}
			return ""
		}},
		{"Help", "Keyboard shortcuts", func() string {
			if shown := shownTexts(mw); !strings.Contains(shown, "Ctrl+S") || !strings.Contains(shown, "F1") {
				return "help does not list the shortcuts: " + shown
			}
			return ""
		}},
		{"Case", "Settings…", func() string {
			if shown := shownTexts(mw); !strings.Contains(shown, "Follow the system") {
				return "no settings dialog: " + shown
			}
			return ""
		}},
	} {
		onUI(mw, menuItem(t, mw, c.menu, c.item).Action)
		if msg := c.check(); msg != "" {
			t.Errorf("%s → %s: %s", c.menu, c.item, msg)
		}
		onUI(mw, func() { closeDialogs(mw); mw.showTab(tabOverview) })
	}
}

func TestShortcuts(t *testing.T) {
	mw, _, _ := newShellCaseWindow(t)
	saver := &countingSaver{}
	mw.saver = saver
	press := func(key fyne.KeyName) {
		onUI(mw, func() {
			mw.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
		})
	}
	press(fyne.KeyN)
	if !strings.Contains(shownTexts(mw), "Create case") {
		t.Error("Ctrl+N: no new-case dialog")
	}
	onUI(mw, func() { closeDialogs(mw) })
	press(fyne.KeyF)
	if mw.tabs.SelectedIndex() != tabSearch || mw.win.Canvas().Focused() != mw.search.query {
		t.Error("Ctrl+F: the query field does not have the focus")
	}
	onUI(mw, func() { mw.win.Canvas().Unfocus() })
	press(fyne.KeyI)
	if mw.tabs.SelectedIndex() != tabSubmissions || mw.win.Canvas().Overlays().Top() == nil {
		t.Error("Ctrl+I: no file chooser on the Submissions tab")
	}
	onUI(mw, func() { closeDialogs(mw) })
	press(fyne.KeyS)
	if saver.saves != 1 {
		t.Errorf("Ctrl+S: %d saves", saver.saves)
	}
	press(fyne.KeyE)
	if mw.tabs.SelectedIndex() != tabChecklist || mw.win.Canvas().Overlays().Top() == nil {
		t.Error("Ctrl+E: no export dialog")
	}
	if saver.saves != 2 {
		t.Errorf("Ctrl+E did not save the typed work first (%d saves)", saver.saves)
	}
	onUI(mw, func() { closeDialogs(mw) })
	onUI(mw, func() { mw.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF1}) })
	if !strings.Contains(shownTexts(mw), "Keyboard shortcuts") {
		t.Error("F1: no help")
	}
	// Escape closes the help, and F1 works again after it.
	onUI(mw, func() { mw.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	if mw.win.Canvas().Overlays().Top() != nil {
		t.Error("Escape did not close the help")
	}
	onUI(mw, func() { mw.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF1}) })
	if mw.win.Canvas().Overlays().Top() == nil {
		t.Error("F1 does nothing after the help was closed with Escape")
	}

	// Every menu entry with a shortcut shows it.
	for _, s := range mw.shortcuts() {
		found := false
		for _, m := range mw.win.MainMenu().Items {
			for _, it := range m.Items {
				if it.Label == s.label && it.Shortcut != nil {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("shortcut %s is not on a menu entry", shortcutText(s))
		}
	}
}

func TestShortcutsWithoutCase(t *testing.T) {
	mw, _ := newTestWindow(t)
	onUI(mw, func() {
		mw.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault})
	})
	if !strings.Contains(shownTexts(mw), "Open or create a case first.") {
		t.Errorf("Ctrl+E without a case: %s", shownTexts(mw))
	}
}

// TestSavesOnLeaving checks the checklist's typed work is saved when the
// inspector leaves its tab, the case, or the window.
func TestSavesOnLeaving(t *testing.T) {
	mw, ws, c := newShellCaseWindow(t)
	saver := &countingSaver{}
	mw.saver = saver
	onUI(mw, func() { mw.showTab(tabChecklist) })
	onUI(mw, func() { mw.tabs.SelectIndex(tabSearch) })
	if saver.saves != 1 {
		t.Errorf("leaving the Checklist tab: %d saves", saver.saves)
	}
	other, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: "乙公司", Service: "绘图"})
	if err != nil {
		t.Fatal(err)
	}
	onUI(mw, func() { mw.reload(c.ID) })
	saver = &countingSaver{}
	mw.saver = saver
	onUI(mw, func() { mw.ShowCase(other.ID) })
	if saver.saves != 1 || mw.selected != other.ID {
		t.Errorf("changing case: %d saves, case %d shown", saver.saves, mw.selected)
	}
	if mw.tabs.SelectedIndex() != tabSearch {
		t.Errorf("the next case opened on tab %d, want the Search tab kept", mw.tabs.SelectedIndex())
	}
	saver = &countingSaver{}
	mw.saver = saver
	onUI(mw, mw.beforeClose) // the window's close intercept, less the closing
	if saver.saves != 1 {
		t.Errorf("closing the window: %d saves", saver.saves)
	}
}

func TestNewCaseDialogEnterAndEscape(t *testing.T) {
	mw, ws := newTestWindow(t)
	d := mw.ShowNewCaseDialog()
	if mw.win.Canvas().Focused() != d.provider {
		t.Fatal("the first field does not have the focus")
	}
	// Tab goes through the form in order.
	for _, want := range []fyne.Focusable{d.creditCode, d.service, d.filingNo} {
		mw.win.Canvas().FocusNext()
		if mw.win.Canvas().Focused() != want {
			t.Fatalf("Tab moved the focus to %T, not the next field", mw.win.Canvas().Focused())
		}
	}
	mw.win.Canvas().Focus(d.provider)
	enter := func(e *dialogEntry) {
		onUI(mw, func() { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	}
	test.Type(d.provider, "星河智算")
	enter(d.provider) // the service is missing: nothing happens
	if n := countCases(t, ws); n != 0 || mw.win.Canvas().Overlays().Top() == nil {
		t.Fatalf("Enter on an invalid form: %d cases, dialog open %v", n, mw.win.Canvas().Overlays().Top() != nil)
	}
	test.Type(d.service, "星河对话")
	enter(d.service)
	if n := countCases(t, ws); n != 1 || mw.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("Enter on a valid form: %d cases, dialog still open %v", n, mw.win.Canvas().Overlays().Top() != nil)
	}

	// Escape in a field cancels, and so does Escape with no field focused.
	d = mw.ShowNewCaseDialog()
	test.Type(d.provider, "另一家")
	onUI(mw, func() { d.provider.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	if mw.win.Canvas().Overlays().Top() != nil {
		t.Error("Escape in a field did not close the dialog")
	}
	mw.ShowNewCaseDialog()
	onUI(mw, func() {
		mw.win.Canvas().Unfocus()
		mw.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	})
	if mw.win.Canvas().Overlays().Top() != nil {
		t.Error("Escape did not close the dialog")
	}
	if n := countCases(t, ws); n != 1 {
		t.Errorf("cancelled dialogs saved cases: %d", n)
	}
}

func TestEscClosesConfirmAsCancel(t *testing.T) {
	mw, _ := newTestWindow(t)
	answer := "none"
	d := dialog.NewConfirm("?", "?", func(ok bool) {
		if ok {
			answer = "yes"
		} else {
			answer = "no"
		}
	}, mw.win)
	closed := false
	escCloses(d, mw.win, func() { closed = true })
	d.Show()
	mw.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if answer != "no" || !closed {
		t.Errorf("Escape answered %q, OnClosed run %v; want no, true", answer, closed)
	}
}

func TestCaseListToggle(t *testing.T) {
	mw, _, _ := newShellCaseWindow(t)
	shows := func() bool {
		for _, o := range objectsOf(mw.win.Content()) {
			if o == mw.nav {
				return mw.nav.Visible()
			}
		}
		return false
	}
	if !shows() || !mw.listItem.Checked {
		t.Fatal("the case list is not shown at first")
	}
	onUI(mw, menuItem(t, mw, "Case", "Show case list").Action)
	if shows() || mw.listItem.Checked || mw.caseListShown() {
		t.Fatal("the case list still shows after hiding it")
	}
	var show *widget.Button
	for _, o := range objectsOf(mw.win.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "" && b.Visible() && b.OnTapped != nil {
			show = b
			break
		}
	}
	if show == nil {
		t.Fatal("no button brings the case list back")
	}
	onUI(mw, func() { test.Tap(show) })
	if !shows() || !mw.listItem.Checked {
		t.Fatal("the case list did not come back")
	}
	// Narrowed, the width is remembered.
	mw.split.SetOffset(0.15)
	onUI(mw, func() { mw.setCaseListShown(false); mw.setCaseListShown(true) })
	if mw.split.Offset < 0.14 || mw.split.Offset > 0.16 {
		t.Errorf("the case list's width was not kept: offset %v", mw.split.Offset)
	}
}

// sharedPrefsApp is a test app using another app's preferences, as a
// second start of the program finds the first's.
type sharedPrefsApp struct {
	fyne.App
	prefs fyne.Preferences
}

func (a sharedPrefsApp) Preferences() fyne.Preferences { return a.prefs }

func TestPreferencesRemembered(t *testing.T) {
	t.Cleanup(func() { applyLanguage(languageSystem) })
	first := test.NewTempApp(t)
	Setup(first)
	dir := t.TempDir()
	ws, err := app.Open(context.Background(), dir, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	var ids []int64
	for _, p := range []string{"甲公司", "乙公司"} {
		c, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: p, Service: "对话"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	mw := NewMainWindow(first, ws)
	mw.bg.Wait()
	onUI(mw, func() {
		mw.ShowCase(ids[1])
		mw.setCaseListShown(false)
		mw.win.Resize(fyne.NewSize(1200, 700))
		mw.setLanguage(languageChinese)
	})
	if got := lang.L("Cancel"); got != "取消" {
		t.Errorf("after choosing 中文, Cancel reads %q", got)
	}
	if mw.selected != ids[1] || mw.win.MainMenu().Items[0].Label != "案件" {
		t.Errorf("after the language switch: case %d, menu %q", mw.selected, mw.win.MainMenu().Items[0].Label)
	}
	onUI(mw, mw.closeRequested)
	applyLanguage(languageSystem)

	second := sharedPrefsApp{App: test.NewTempApp(t), prefs: first.Preferences()}
	Setup(second)
	if got := lang.L("Cancel"); got != "取消" {
		t.Errorf("the second start speaks %q, not the Chinese chosen", got)
	}
	mw2 := NewMainWindow(second, ws)
	t.Cleanup(mw2.win.Close)
	mw2.bg.Wait()
	if mw2.selected != ids[1] {
		t.Errorf("the second start shows case %d, want the last one, %d", mw2.selected, ids[1])
	}
	if mw2.caseListShown() || mw2.split != nil {
		t.Error("the hidden case list shows again")
	}
	if got := mw2.windowSize(); got != fyne.NewSize(1200, 700) {
		t.Errorf("remembered window size %v", got)
	}
	if !chinese() {
		t.Error("templates' texts are not picked in Chinese")
	}
}

// TestShellFits renders the window at 1280×720 in both languages on every
// tab and checks nothing asks for more room than the screen has. With
// $WB_SCREENSHOTS set, the renders are saved there.
func TestShellFits(t *testing.T) {
	t.Cleanup(func() { applyLanguage(languageSystem) })
	for _, language := range []string{languageEnglish, languageChinese} {
		applyLanguage(language)
		mw, _ := newDemoWindow(t)
		mw.win.Resize(fyne.NewSize(1280, 720))
		for tab, name := range tabNames {
			onUI(mw, func() { mw.showTab(tab) })
			if min := mw.win.Content().MinSize(); min.Width > 1280 || min.Height > 720 {
				t.Errorf("%s, %s tab: the window needs %v, more than 1280×720", language, name, min)
			}
			img := mw.win.Canvas().Capture()
			if b := img.Bounds(); b.Dx() < 1280 || b.Dy() < 720 {
				t.Errorf("%s, %s tab: rendered %v", language, name, b)
			}
			if dir := os.Getenv("WB_SCREENSHOTS"); dir != "" {
				f, err := os.Create(filepath.Join(dir, "shell-"+language+"-"+name+".png"))
				if err != nil {
					t.Fatal(err)
				}
				png.Encode(f, img)
				f.Close()
			}
		}
		onUI(mw, func() { mw.setCaseListShown(false) })
		if min := mw.win.Content().MinSize(); min.Width > 1280 || min.Height > 720 {
			t.Errorf("%s, case list hidden: the window needs %v", language, min)
		}
		onUI(mw, func() { mw.setCaseListShown(true) })
	}
}
