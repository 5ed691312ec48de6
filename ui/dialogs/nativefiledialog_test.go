package dialogs

import (
	"errors"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// fakeNative stands in for the platform's dialogs, which wait for a
// person: it records what it was asked and answers as told.
type fakeNative struct {
	dir, name string
	filter    Filter
	answer    []string
	err       error
}

func (f *fakeNative) OpenFiles(_, dir string, filter Filter) ([]string, error) {
	f.dir, f.filter = dir, filter
	return f.answer, f.err
}

func (f *fakeNative) OpenFolder(_, dir string) (string, error) {
	f.dir = dir
	if len(f.answer) == 0 {
		return "", f.err
	}
	return f.answer[0], f.err
}

func (f *fakeNative) SaveFile(_, dir, name string, filter Filter) (string, error) {
	f.dir, f.name, f.filter = dir, name, filter
	if len(f.answer) == 0 {
		return "", f.err
	}
	return f.answer[0], f.err
}

// newTestDialogs returns file dialogs on a test window whose native
// dialogs are fake and run at once.
func newTestDialogs(t *testing.T) (*FileDialogs, *fakeNative, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	win := a.NewWindow("t")
	win.Resize(fyne.NewSize(1280, 720))
	t.Cleanup(win.Close)
	d := New(win, a.Preferences(), func(f func()) { f() }, func(f func()) { f() })
	fake := &fakeNative{}
	d.native = fake
	return d, fake, win
}

func TestOpenFilesRemembersFolder(t *testing.T) {
	d, fake, _ := newTestDialogs(t)
	dir := t.TempDir()
	filter := Filter{Name: "data", Extensions: []string{".csv", ".xlsx"}}
	fake.answer = []string{filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.xlsx")}
	var got []string
	d.OpenFiles("Import", "import", filter, func(p []string) { got = p })
	if len(got) != 2 || fake.dir != "" || len(fake.filter.Extensions) != 2 {
		t.Fatalf("first open: got %v, started in %q, filter %v", got, fake.dir, fake.filter)
	}
	if d.LastFolder("import") != dir {
		t.Errorf("last folder %q, want %q", d.LastFolder("import"), dir)
	}
	// The next trip starts where the last one ended; export keeps its own.
	d.OpenFiles("Import", "import", filter, func([]string) {})
	if fake.dir != dir {
		t.Errorf("second open started in %q, want %q", fake.dir, dir)
	}
	if d.LastFolder("export") != "" {
		t.Errorf("export remembers %q though nothing was exported", d.LastFolder("export"))
	}
	// A remembered folder that is gone is forgotten.
	gone := filepath.Join(dir, "gone")
	d.prefs.SetString(prefKey("import"), gone)
	if d.LastFolder("import") != "" {
		t.Errorf("a removed folder is still offered")
	}
}

func TestOpenFolderAndCancel(t *testing.T) {
	d, fake, win := newTestDialogs(t)
	dir := t.TempDir()
	fake.answer = []string{dir}
	var got string
	d.OpenFolder("Folder", "import", func(p string) { got = p })
	if got != dir || d.LastFolder("import") != dir {
		t.Fatalf("folder %q, remembered %q", got, d.LastFolder("import"))
	}
	fake.answer, fake.err = nil, ErrCanceled
	called := false
	d.OpenFiles("Import", "import", Filter{}, func([]string) { called = true })
	if called || win.Canvas().Overlays().Top() != nil {
		t.Error("a cancelled dialog called back or showed another")
	}
	if d.busy {
		t.Error("still busy after the dialog closed")
	}
}

func TestNativeFailureFallsBackToFyne(t *testing.T) {
	d, fake, win := newTestDialogs(t)
	fake.err = errors.New("zenity: exit status 255")
	d.OpenFiles("Import", "import", Filter{Extensions: []string{".csv"}}, func([]string) { t.Error("called back") })
	if _, ok := win.Canvas().Overlays().Top().(*widget.PopUp); !ok {
		t.Fatalf("no Fyne dialog after the native one failed: %T", win.Canvas().Overlays().Top())
	}
}

func TestFyneDialogWhenNoNative(t *testing.T) {
	d, _, win := newTestDialogs(t)
	d.UseFyne()
	if d.Native() {
		t.Fatal("still native")
	}
	d.OpenFiles("Import", "import", Filter{Extensions: []string{".csv"}}, func([]string) {})
	top := win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	if s := top.Size(); s.Width > 1280 || s.Height > 720 {
		t.Errorf("file dialog %v is larger than the window", s)
	}
}

func TestSaveFileProposesNameAndExtension(t *testing.T) {
	d, fake, _ := newTestDialogs(t)
	docs := t.TempDir()
	xlsx := Filter{Name: "Excel", Extensions: []string{".xlsx"}}
	fake.answer = []string{filepath.Join(docs, "结论")}
	var got string
	d.SaveFile("Export", "export", docs, "检查结论-星河对话-2026-12-06.xlsx", xlsx, func(p string) { got = p })
	if fake.dir != docs || fake.name != "检查结论-星河对话-2026-12-06.xlsx" {
		t.Errorf("proposed %q in %q", fake.name, fake.dir)
	}
	if got != filepath.Join(docs, "结论.xlsx") {
		t.Errorf("saved to %q, want the .xlsx extension added", got)
	}
	// Next time the folder chosen, not the default, is proposed.
	other := t.TempDir()
	d.SaveFile("Export", "export", other, "x.xlsx", xlsx, func(string) {})
	if fake.dir != docs {
		t.Errorf("second export proposed %q, want the last folder %q", fake.dir, docs)
	}
}

func TestFilterMatches(t *testing.T) {
	f := Filter{Extensions: []string{".csv", ".xlsx"}}
	for path, want := range map[string]bool{"a.csv": true, "A.CSV": true, "b.Xlsx": true, "c.doc": false, "noext": false} {
		if f.Matches(path) != want {
			t.Errorf("Matches(%q) = %v", path, !want)
		}
	}
	if !(Filter{}).Matches("anything") {
		t.Error("an empty filter rejects a file")
	}
}

func TestBindKeys(t *testing.T) {
	a := test.NewTempApp(t)
	win := a.NewWindow("t")
	win.Resize(fyne.NewSize(800, 600))
	t.Cleanup(win.Close)
	var own []fyne.KeyName
	win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { own = append(own, ev.Name) })

	confirmed := false
	outer := dialog.NewCustomConfirm("outer", "OK", "Cancel", container.NewVBox(), func(ok bool) { confirmed = ok }, win)
	outer.Show()
	BindKeys(win, outer, outer.Confirm, outer.Dismiss)
	inner := dialog.NewCustom("inner", "Close", container.NewVBox(), win)
	inner.Show()
	BindKeys(win, inner, inner.Hide, inner.Hide)

	key := func(n fyne.KeyName) { win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: n}) }
	key(fyne.KeyEscape) // closes the inner dialog only
	if confirmed || len(win.Canvas().Overlays().List()) != 1 {
		t.Fatalf("after Escape: %d dialogs, confirmed %v", len(win.Canvas().Overlays().List()), confirmed)
	}
	key(fyne.KeyReturn) // confirms the outer one
	if !confirmed || win.Canvas().Overlays().Top() != nil {
		t.Fatalf("Enter did not confirm the outer dialog")
	}
	key(fyne.KeyF1) // with no dialog open, the window's handler has keys back
	if len(own) != 1 || own[0] != fyne.KeyF1 {
		t.Errorf("window handler got %v", own)
	}
}
