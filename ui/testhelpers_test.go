package ui

// Helpers for tests that drive the real window: a language to run in, a
// window on a workspace, what is visible in it, buttons found by their
// label, screenshots. The few places that reach into MainWindow's private
// fields are here, marked, so a restructured window changes them once.

import (
	"encoding/json"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/assets"
)

// Screen sizes the views are drawn at: the laptop the issue names, and
// the smaller screen nothing may be cut off on.
var (
	laptopSize = fyne.NewSize(1366, 768)
	smallSize  = fyne.NewSize(1280, 720)
)

// inLanguage makes Fyne's lang package translate into language ("en" or
// "zh", or a locale such as "zh_CN.UTF-8") for the rest of the test: Fyne reads the locale from the
// environment when translations are added. When the test ends the
// environment is restored and the translations are read again under it.
func inLanguage(t *testing.T, language string) {
	t.Helper()
	// Registered first, so it runs last: after t.Setenv has restored
	// the environment.
	t.Cleanup(func() { _ = lang.AddTranslationsFS(assets.Translations, "translations") })
	locale := map[string]string{"en": "en_US.UTF-8", "zh": "zh_CN.UTF-8"}[language]
	if strings.Contains(language, "_") {
		locale, language = language, language[:2]
	}
	if locale == "" {
		t.Fatalf("no locale for language %q", language)
	}
	for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES"} {
		t.Setenv(v, "")
	}
	t.Setenv("LANG", locale)
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		t.Fatal(err)
	}
	if got := lang.L("Cancel"); (language == "zh") != hasHan(got) {
		t.Fatalf("language %s: lang.L(\"Cancel\") = %q", language, got)
	}
}

// openWindow shows the workbench window on ws in a fresh test app, sized
// to size, once it has loaded the cases.
func openWindow(t *testing.T, ws *app.App, size fyne.Size) *MainWindow {
	t.Helper()
	a := test.NewTempApp(t)
	Setup(a)
	mw := NewMainWindow(a, ws)
	t.Cleanup(mw.Window().Close)
	awaitIdle(mw)
	resize(mw, size)
	return mw
}

// awaitIdle waits for the background work the window started (loading,
// index updates) to hand its results to the UI. (Private: mw.bg.)
func awaitIdle(mw *MainWindow) { mw.bg.Wait() }

// userAct runs f, a user's action, as the UI goroutine would, then waits for
// the work it started. (Private: mw.uiMu; see onUI.)
func userAct(mw *MainWindow, f func()) {
	mw.uiMu.Lock()
	f()
	mw.uiMu.Unlock()
	awaitIdle(mw)
}

// resize sizes the window as a user dragging its corner does.
func resize(mw *MainWindow, size fyne.Size) { userAct(mw, func() { mw.Window().Resize(size) }) }

// selectCase shows the case with id, as clicking it in the case list does.
func selectCase(t *testing.T, mw *MainWindow, id int64) {
	t.Helper()
	userAct(mw, func() { mw.ShowCase(id) })
	if got := mw.SelectedCase(); got != id {
		t.Fatalf("shows case %d, want case %d", got, id)
	}
}

// caseTabs finds the tabs of the case shown.
func caseTabs(t *testing.T, mw *MainWindow) *container.AppTabs {
	t.Helper()
	for _, o := range visibleObjects(mw.Window().Content()) {
		if tabs, ok := o.(*container.AppTabs); ok {
			return tabs
		}
	}
	t.Fatal("no tabs: no case is shown")
	return nil
}

// visibleObjects lists o and every object drawn under it that is visible,
// skipping hidden subtrees (the tabs not selected, for one). It walks the
// widgets' renderers, creating those not yet made.
func visibleObjects(o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	out := []fyne.CanvasObject{o}
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			out = append(out, visibleObjects(child)...)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			out = append(out, visibleObjects(child)...)
		}
	}
	return out
}

// onScreen lists what is visible in the window: its content and the
// dialogs over it.
func onScreen(mw *MainWindow) []fyne.CanvasObject {
	c := mw.Window().Canvas()
	out := visibleObjects(c.Content())
	for _, o := range c.Overlays().List() {
		out = append(out, visibleObjects(o)...)
	}
	return out
}

// shownText joins the visible text under objs, one piece a line.
func shownText(objs []fyne.CanvasObject) string {
	var b strings.Builder
	for _, o := range objs {
		if txt, ok := o.(*canvas.Text); ok && strings.TrimSpace(txt.Text) != "" {
			b.WriteString(txt.Text + "\n")
		}
	}
	return b.String()
}

// buttonsLabelled finds the visible buttons labelled text under objs.
func buttonsLabelled(objs []fyne.CanvasObject, text string) []*widget.Button {
	var out []*widget.Button
	for _, o := range objs {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			out = append(out, b)
		}
	}
	return out
}

// tapLabelled taps the one enabled visible button labelled text.
func tapLabelled(t *testing.T, mw *MainWindow, text string) {
	t.Helper()
	bs := buttonsLabelled(onScreen(mw), text)
	if len(bs) == 0 {
		t.Fatalf("no button %q on screen", text)
	}
	if bs[0].Disabled() {
		t.Fatalf("button %q is disabled", text)
	}
	userAct(mw, func() { test.Tap(bs[0]) })
}

// topDialog is the text of the dialog on top, "" when none shows.
func topDialog(mw *MainWindow) string {
	top := mw.Window().Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return shownText(visibleObjects(top))
}

// dismissDialogs hides every dialog, as Escape would, without answering.
func dismissDialogs(mw *MainWindow) {
	userAct(mw, func() {
		for top := mw.Window().Canvas().Overlays().Top(); top != nil; top = mw.Window().Canvas().Overlays().Top() {
			top.Hide()
			mw.Window().Canvas().Overlays().Remove(top)
		}
	})
}

// editableFields counts the enabled and disabled input fields (entries,
// selects, checks, radio groups) under objs.
func editableFields(objs []fyne.CanvasObject) (enabled, disabled int) {
	for _, o := range objs {
		if d, ok := o.(fyne.Disableable); ok {
			switch o.(type) {
			case *widget.Entry, *widget.Select, *widget.SelectEntry, *widget.Check, *widget.RadioGroup, *widget.DateEntry:
				if d.Disabled() {
					disabled++
				} else {
					enabled++
				}
			}
		}
	}
	return enabled, disabled
}

// hasHan says whether s holds a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

var (
	englishOnce sync.Once
	englishText map[string]bool
)

// englishMessages are the English texts of the catalogue whose Chinese
// translation differs: none of them may show in the Chinese interface.
func englishMessages(t *testing.T) map[string]bool {
	t.Helper()
	englishOnce.Do(func() {
		read := func(name string) map[string]string {
			data, err := assets.Translations.ReadFile("translations/" + name)
			if err != nil {
				t.Fatal(err)
			}
			m := map[string]string{}
			if err := json.Unmarshal(data, &m); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			return m
		}
		en, zh := read("wb.en.json"), read("wb.zh_Hans.json")
		// Fyne's own words that its Chinese catalogue lacks count too.
		englishText = map[string]bool{"(Select one)": true}
		for id, text := range en {
			if zh[id] != text && strings.IndexFunc(text, unicode.IsLetter) >= 0 {
				englishText[text] = true
			}
		}
	})
	return englishText
}

// untranslated lists the visible texts of objs that are English messages
// of the catalogue.
func untranslated(t *testing.T, objs []fyne.CanvasObject) []string {
	t.Helper()
	en := englishMessages(t)
	var out []string
	for _, line := range strings.Split(shownText(objs), "\n") {
		if en[strings.TrimSpace(line)] {
			out = append(out, line)
		}
	}
	return out
}

// shotsDir is where the test's screenshots go: $WB_TEST_SHOTS when set,
// else the test's artifact directory (kept with go test -artifacts).
func shotsDir(t *testing.T) string {
	if dir := os.Getenv("WB_TEST_SHOTS"); dir != "" {
		return dir
	}
	return t.ArtifactDir()
}

// screenshot draws the window as it stands — dialogs included — into
// shotsDir(t)/<name>.png.
func screenshot(t *testing.T, mw *MainWindow, name string) {
	t.Helper()
	dir := shotsDir(t)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var img image.Image
	userAct(mw, func() { img = mw.Window().Canvas().Capture() })
	if b := img.Bounds(); b.Dx() < 100 || b.Dy() < 100 {
		t.Fatalf("%s: the canvas captured is %v", name, b)
	}
	p := filepath.Join(dir, name+".png")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Fast compression: the PNGs are for looking at, and the race
	// detector slows the encoder down.
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(f, img); err != nil {
		t.Fatalf("write %s: %v", p, err)
	}
	if err := f.Close(); err != nil {
		t.Fatalf("write %s: %v", p, err)
	}
}
