package ui

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// newSelect is widget.NewSelect with its placeholder in the GUI's
// language: Fyne's own, "(Select one)", has no Chinese.
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = lang.L("(Choose one)")
	return s
}
