package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/internal/version"
)

// showAbout shows Help → About: the program's name, its version (the git
// tag of the release, or the commit), the commit and the build date, as
// the release build stamped them (package internal/version), and the Go
// version. It reads nothing from disk, so it runs on the UI goroutine.
func (mw *MainWindow) showAbout() dialog.Dialog {
	v := version.Get()
	unknown := func(s string) string {
		if s == "" {
			return lang.L("unknown")
		}
		return s
	}
	built := v.Date
	if t, err := time.Parse(time.RFC3339, v.Date); err == nil {
		built = t.UTC().Format("2006-01-02 15:04 UTC")
	}
	row := func(grid *fyne.Container, label, value string) {
		grid.Add(widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{}))
		val := widget.NewLabel(value)
		val.Selectable = true // the commit is something to copy
		grid.Add(val)
	}
	grid := container.New(layout.NewFormLayout())
	row(grid, lang.L("Version"), v.Version)
	row(grid, lang.L("Commit"), unknown(v.Commit))
	row(grid, lang.L("Build date"), unknown(built))
	row(grid, lang.L("Go version"), v.Go)
	note := widget.NewLabel(lang.L("Works offline: the program makes no network connections."))
	note.Importance = widget.LowImportance
	body := container.NewVBox(
		widget.NewLabelWithStyle(lang.L("Inspection Workbench"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		grid, widget.NewSeparator(), note)
	d := dialog.NewCustom(lang.L("About Inspection Workbench"), lang.L("Close"), body, mw.win)
	escCloses(d, mw.win)
	d.Show()
	return d
}
