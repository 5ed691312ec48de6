package ui

import (
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/ui/dialogs"
)

// shortcut is one keyboard shortcut of the window, with the menu entry
// that runs the same action.
type shortcut struct {
	label string // the menu entry's label, translated
	key   fyne.KeyName
	mod   fyne.KeyModifier // 0 for a function key alone
	run   func()
}

// shortcuts lists the window's keyboard shortcuts: Ctrl (Cmd on macOS)
// with N, I, F, E, S, and F1.
func (mw *MainWindow) shortcuts() []shortcut {
	ctrl := fyne.KeyModifierShortcutDefault
	return []shortcut{
		{lang.L("New case…"), fyne.KeyN, ctrl, mw.newCase},
		{lang.L("Import files…"), fyne.KeyI, ctrl, mw.importFiles},
		{lang.L("Search this case"), fyne.KeyF, ctrl, mw.focusSearch},
		{lang.L("Export…"), fyne.KeyE, ctrl, mw.export},
		{lang.L("Save assessment"), fyne.KeyS, ctrl, mw.saveAssessment},
		{lang.L("Keyboard shortcuts"), fyne.KeyF1, 0, func() { mw.showHelp() }},
	}
}

// shortcutFor is the shortcut of the menu entry labelled label.
func (mw *MainWindow) shortcutFor(label string) (fyne.Shortcut, bool) {
	for _, s := range mw.shortcuts() {
		if s.label == label {
			return &desktop.CustomShortcut{KeyName: s.key, Modifier: s.mod}, true
		}
	}
	return nil, false
}

// addShortcuts makes the shortcuts work whatever has the focus. Fyne's
// desktop driver runs a menu entry's shortcut (Ctrl+N, I, F, E, S) before
// the focused widget sees the key, so a focused field types nothing; the
// same shortcuts are added to the canvas for drivers without a menu bar.
// F1 has no modifier, which no Fyne shortcut may lack: it, and a dialog's
// Enter and Escape, go through interceptKey, which sees the keys before
// the focused widget does (see keyhook.go), and through the canvas's key
// handler where no widget has the focus.
func (mw *MainWindow) addShortcuts() {
	c := mw.win.Canvas()
	for _, s := range mw.shortcuts() {
		if s.mod == 0 {
			continue
		}
		run := s.run
		c.AddShortcut(&desktop.CustomShortcut{KeyName: s.key, Modifier: s.mod}, func(fyne.Shortcut) { run() })
	}
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyF1 {
			mw.showHelp()
		}
	})
	hookKeys(mw.win, mw.interceptKey)
}

// interceptKey takes the keys that must work whatever has the focus: F1
// shows the help (once: F1 in the help does nothing more), Ctrl+Enter
// submits the dialog on top even from a multi-line entry, and Enter and
// Escape answer the dialog on top (dialogs.Intercept says how a focused
// widget keeps its own use of them). It reports whether it took the key.
func (mw *MainWindow) interceptKey(ev *fyne.KeyEvent, mod fyne.KeyModifier) bool {
	if ev.Name == fyne.KeyF1 {
		if mod != 0 {
			return false
		}
		if mw.help == nil {
			mw.showHelp()
		}
		return true
	}
	if mod == fyne.KeyModifierControl && (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) {
		return dialogs.Submit(mw.win.Canvas()) // also from a multi-line entry
	}
	if mod&^fyne.KeyModifierShift != 0 {
		return false // Alt+Enter and the like stay with the widget
	}
	return dialogs.Intercept(mw.win.Canvas(), ev)
}

// shortcutText writes a shortcut the way the platform's menus do.
func shortcutText(s shortcut) string {
	if s.mod == 0 {
		return string(s.key)
	}
	mod := "Ctrl+"
	if runtime.GOOS == "darwin" {
		mod = "⌘"
	}
	return mod + string(s.key)
}

// showHelp lists the keyboard shortcuts and the program's version.
func (mw *MainWindow) showHelp() dialog.Dialog {
	grid := container.New(layout.NewFormLayout())
	for _, s := range mw.shortcuts() {
		grid.Add(widget.NewLabelWithStyle(shortcutText(s), fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true}))
		grid.Add(widget.NewLabel(s.label))
	}
	// Key caps are not translated (and the monospace font has no CJK).
	for _, k := range []struct{ key, what string }{
		{"Enter", lang.L("Submit the dialog")},
		{"Ctrl+Enter", lang.L("Submit the dialog from a text box of several lines")},
		{"Esc", lang.L("Cancel the dialog")},
		{"Tab", lang.L("Next field")},
	} {
		grid.Add(widget.NewLabelWithStyle(k.key, fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true}))
		grid.Add(widget.NewLabel(k.what))
	}
	version := widget.NewLabel(lang.L("Inspection Workbench {{.Version}}", map[string]any{"Version": app.Version}))
	version.Importance = widget.LowImportance
	body := container.NewVBox(widget.NewLabelWithStyle(lang.L("Keyboard shortcuts"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		grid, widget.NewSeparator(), version)
	d := dialog.NewCustom(lang.L("Help"), lang.L("Close"), body, mw.win)
	mw.help = d
	dialogs.BindKeys(mw.win, d, d.Hide, d.Hide, func() { mw.help = nil })
	d.Show()
	return d
}

// escCloses makes Escape cancel dialog d (as its dismiss button does)
// while it shows and no field has the focus; a focused dialogEntry does
// the same through its OnEscape. It sets d's OnClosed: call it after any
// SetOnClosed of your own, passing that function in then instead.
func escCloses(d dialog.Dialog, w fyne.Window, onClosed ...func()) {
	dialogs.BindKeys(w, d, nil, d.Hide, onClosed...)
}

// dialogEntry is a one-line entry for dialogs: Escape runs OnEscape (the
// dialog's cancel), as Enter runs OnSubmitted. Fyne's entry ignores
// Escape, and a focused widget gets the keys before the window does.
type dialogEntry struct {
	widget.Entry
	OnEscape func()
}

// newDialogEntry returns an empty dialogEntry.
func newDialogEntry() *dialogEntry {
	e := &dialogEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey runs OnEscape for Escape and hands other keys to the entry.
func (e *dialogEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.OnEscape != nil {
		e.OnEscape()
		return
	}
	e.Entry.TypedKey(k)
}
