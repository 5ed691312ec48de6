package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/ui/dialogs"
)

// The dialogs below are Fyne's, shown with the keys every dialog of the
// workbench answers: Enter does what the dialog's main button does and
// Escape what its dismiss button does. Dialogs that destroy something
// (deleting a case, discarding typed changes) answer Escape only, so that
// Enter pressed out of habit loses nothing.

// showConfirm is dialog.ShowConfirm with Enter confirming and Escape
// cancelling.
func showConfirm(title, message string, callback func(bool), win fyne.Window) *dialog.ConfirmDialog {
	d := dialog.NewConfirm(title, message, callback, win)
	dialogs.BindKeys(win, d, d.Confirm, d.Dismiss)
	d.Show()
	return d
}

// showInformation is dialog.ShowInformation with Enter and Escape closing
// it.
func showInformation(title, message string, win fyne.Window) dialog.Dialog {
	d := dialog.NewInformation(title, message, win)
	dialogs.BindKeys(win, d, d.Hide, d.Hide)
	d.Show()
	return d
}

// newCustom is dialog.NewCustom with Enter and Escape closing it; the
// caller sizes and shows it.
func newCustom(title, dismiss string, content fyne.CanvasObject, win fyne.Window) *dialog.CustomDialog {
	d := dialog.NewCustom(title, dismiss, content, win)
	dialogs.BindKeys(win, d, d.Hide, d.Hide)
	return d
}

// newForm is dialog.NewForm with Enter submitting the form (when it is
// valid) and Escape cancelling; the caller sizes and shows it.
func newForm(title, confirm, dismiss string, items []*widget.FormItem, callback func(bool), win fyne.Window) *dialog.FormDialog {
	d := dialog.NewForm(title, confirm, dismiss, items, callback, win)
	dialogs.BindKeys(win, d, d.Submit, d.Dismiss)
	return d
}
