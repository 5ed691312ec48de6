package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// SeedDemoWorkspace fills an empty workspace with the whole demo in the
// background (see app.SeedDemoWorkspace): the sample case in progress, a
// concluded case and a signed one. The window is up at once, showing
// progress, even while the PDF engine starts.
func (mw *MainWindow) SeedDemoWorkspace() { mw.seedInBackground(mw.ws.SeedDemoWorkspace) }

// seedInBackground runs seed off the UI goroutine behind a progress
// dialog, then shows the cases it added (the case the command line named,
// if any) and brings the index up to date.
func (mw *MainWindow) seedInBackground(seed func(context.Context) (bool, error)) {
	bar := widget.NewProgressBarInfinite()
	msg := widget.NewLabel(lang.L("Preparing the demo case and importing the sample provider's files…"))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons(lang.L("Demo"), container.NewVBox(bar, msg), mw.win)
	d.Resize(fyne.NewSize(480, 140))
	d.Show()
	mw.seeding = true
	mw.goBackground(func() {
		created, err := seed(context.Background())
		mw.do(func() {
			mw.seeding = false
			d.Hide()
			bar.Stop() // a hidden dialog's bar would animate on, redrawing the window
			if err != nil {
				mw.showError(err)
			}
			switch {
			case created:
				id := int64(0)
				if mw.start != nil {
					id = mw.start.CaseID
				}
				mw.reload(id)
				mw.syncIndex()
			default:
				mw.applyStart()
			}
		})
	})
}
