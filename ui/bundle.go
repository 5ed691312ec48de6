package ui

import (
	"context"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/ui/dialogs"
)

// bundleDialog is Case → Export bundle… or Import bundle…: the passphrase
// (twice, with its strength, when exporting), a message line, progress
// while the work runs off the UI goroutine, and the outcome.
type bundleDialog struct {
	mw        *MainWindow
	exporting bool
	caseID    int64  // exporting: the case
	path      string // importing: the bundle chosen
	pass      *widget.Entry
	again     *widget.Entry // exporting only
	secret    *widget.Check // exporting only: include state-secret material
	strength  *widget.Label
	meter     *widget.ProgressBar
	progress  *widget.ProgressBar
	msg       *widget.Label
	ok        *widget.Button
	d         *dialog.CustomDialog
	busy      bool
	files     *dialogs.FileDialogs
	// choose asks where to write the bundle; tests replace it.
	choose func(name string, chosen func(path string))
}

func (b *bundleDialog) filter() dialogs.Filter {
	return dialogs.Filter{Name: lang.L("Case bundle"), Extensions: []string{app.BundleExtension}}
}

// exportBundle opens the export dialog for the case shown.
func (mw *MainWindow) exportBundle() {
	if !mw.needCase(lang.L("Export bundle")) {
		return
	}
	mw.showBundleExport(mw.selected)
}

// importBundle asks for a bundle file, then for its passphrase.
func (mw *MainWindow) importBundle() {
	files := dialogs.New(mw.win, fyne.CurrentApp().Preferences(), mw.goBackground, mw.do)
	files.OpenFiles(lang.L("Import bundle"), "bundle", dialogs.Filter{Name: lang.L("Case bundle"), Extensions: []string{app.BundleExtension}},
		func(paths []string) { mw.showBundleImport(paths[0]) })
}

func (mw *MainWindow) newBundleDialog(exporting bool) *bundleDialog {
	b := &bundleDialog{mw: mw, exporting: exporting, pass: widget.NewPasswordEntry()}
	b.msg = widget.NewLabel("")
	b.msg.Wrapping = fyne.TextWrapWord
	b.progress = widget.NewProgressBar()
	b.progress.Hide()
	return b
}

// showBundleExport shows the export dialog for case id.
func (mw *MainWindow) showBundleExport(id int64) *bundleDialog {
	b := mw.newBundleDialog(true)
	b.caseID = id
	b.again = widget.NewPasswordEntry()
	b.meter = widget.NewProgressBar()
	b.meter.Max = 4
	b.meter.TextFormatter = func() string { return "" }
	b.strength = widget.NewLabel(strengthText(0))
	b.pass.OnChanged = func(s string) {
		n := app.PassphraseStrength(s)
		b.meter.SetValue(float64(n))
		b.strength.SetText(strengthText(n))
	}
	note := widget.NewLabel(lang.L("The bundle holds the whole case — its files, records, inspection, signatures and audit entries — encrypted under this passphrase. Article 19 obliges inspectors to keep state secrets, trade secrets, personal privacy and personal information confidential: hand the passphrase over separately from the file. It cannot be recovered."))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.WarningImportance
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Passphrase"), b.pass),
		widget.NewFormItem(lang.L("Passphrase again"), b.again),
		widget.NewFormItem("", container.NewBorder(nil, nil, nil, b.strength, b.meter)),
	)
	b.secret = widget.NewCheck(lang.L("Include files labelled state secret (left out by default, with everything that quotes them)"), nil)
	b.ok = widget.NewButtonWithIcon(lang.L("Choose file and export…"), theme.ConfirmIcon(), b.submit)
	b.again.OnSubmitted = func(string) { b.submit() }
	b.choose = func(name string, chosen func(string)) {
		if b.files == nil {
			b.files = dialogs.New(mw.win, fyne.CurrentApp().Preferences(), mw.goBackground, mw.do)
		}
		b.files.SaveFile(lang.L("Export bundle"), "bundle", dialogs.DocumentsDir(), name, b.filter(), chosen)
	}
	b.show(lang.L("Export bundle"), container.NewVBox(note, form, b.secret, b.progress, b.msg))
	return b
}

// showBundleImport shows the import dialog for the bundle at path.
func (mw *MainWindow) showBundleImport(path string) *bundleDialog {
	b := mw.newBundleDialog(false)
	b.path = path
	note := widget.NewLabel(lang.L("Import the case in {{.File}} into this workspace. It is checked in full before anything is kept: a wrong passphrase or a damaged file leaves the workspace as it was.",
		map[string]any{"File": filepath.Base(path)}))
	note.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem(lang.L("Passphrase"), b.pass))
	b.ok = widget.NewButtonWithIcon(lang.L("Import"), theme.ConfirmIcon(), b.submit)
	b.pass.OnSubmitted = func(string) { b.submit() }
	b.show(lang.L("Import bundle"), container.NewVBox(note, form, b.progress, b.msg))
	return b
}

func (b *bundleDialog) show(title string, body fyne.CanvasObject) {
	win := b.mw.win
	b.d = dialog.NewCustomWithoutButtons(title, body, win)
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() {
		if !b.busy {
			b.d.Hide()
		}
	})
	b.ok.Importance = widget.HighImportance
	b.d.SetButtons([]fyne.CanvasObject{cancel, b.ok})
	dialogs.BindKeys(win, b.d, b.submit, func() {
		if !b.busy {
			b.d.Hide()
		}
	})
	b.d.Resize(dialogSize(win, 600, b.d.MinSize().Height))
	b.d.Show()
	win.Canvas().Focus(b.pass)
}

// submit checks the passphrase and runs the export (after asking where)
// or the import.
func (b *bundleDialog) submit() {
	if b.busy {
		return
	}
	if !b.exporting {
		b.run("")
		return
	}
	if err := app.CheckNewPassphrase(b.pass.Text, b.again.Text); err != nil {
		b.fail(err)
		return
	}
	title := ""
	if c, ok := b.mw.caseByID(b.caseID); ok {
		title = c.Title
	}
	name := fileNamePart(title)
	if name == "" {
		name = lang.L("Case {{.ID}}", map[string]any{"ID": b.caseID})
	}
	b.choose(name+"-"+time.Now().Format("2006-01-02")+app.BundleExtension, b.run)
}

func (b *bundleDialog) fail(err error) {
	b.msg.Importance = widget.DangerImportance
	b.msg.SetText(bundleErrorText(err))
}

// bundleErrorText words a failed export or import: the passphrase rules
// as the key dialogs word them, the rest as every error is.
func bundleErrorText(err error) string {
	if _, ok := err.(*app.KeyError); ok {
		return keyErrorText(err)
	}
	return errorText(err)
}

// run exports to path, or imports, off the UI goroutine, showing progress.
func (b *bundleDialog) run(path string) {
	b.setBusy(path)
	progress := func(done, total int64) {
		if total <= 0 {
			return
		}
		v := float64(done) / float64(total)
		b.mw.do(func() { b.progress.SetValue(v) })
	}
	pass := b.pass.Text
	secret := b.secret != nil && b.secret.Checked
	b.mw.goBackground(func() {
		var res app.BundleResult
		var err error
		if b.exporting {
			res, err = b.mw.ws.ExportBundle(context.Background(), app.BundleExportRequest{CaseID: b.caseID, Path: path, Passphrase: pass, IncludeStateSecret: secret, Progress: progress})
		} else {
			res, err = b.mw.ws.ImportBundle(context.Background(), app.BundleImportRequest{Path: b.path, Passphrase: pass, Progress: progress})
		}
		b.mw.do(func() { b.finished(res, err) })
	})
}

// setBusy shows the work under way: fields and button disabled, what is
// being written or read, and a progress bar.
func (b *bundleDialog) setBusy(path string) {
	b.busy = true
	b.ok.Disable()
	b.pass.Disable()
	if b.again != nil {
		b.again.Disable()
		b.secret.Disable()
	}
	b.msg.Importance = widget.MediumImportance
	if b.exporting {
		b.msg.SetText(lang.L("Writing {{.File}}…", map[string]any{"File": filepath.Base(path)}))
	} else {
		b.msg.SetText(lang.L("Checking and importing {{.File}}…", map[string]any{"File": filepath.Base(b.path)}))
	}
	b.progress.SetValue(0)
	b.progress.Show()
}

func (b *bundleDialog) finished(res app.BundleResult, err error) {
	b.busy = false
	b.progress.Hide()
	if err != nil {
		b.ok.Enable()
		b.pass.Enable()
		if b.again != nil {
			b.again.Enable()
			b.secret.Enable()
		}
		b.fail(err)
		b.mw.win.Canvas().Focus(b.pass)
		return
	}
	b.d.Hide()
	args := map[string]any{"File": filepath.Base(res.Path), "Rows": res.Rows, "Files": res.Files, "ID": res.CaseID, "Title": res.Title}
	if b.exporting {
		msg := lang.L("Wrote case {{.ID}} to {{.File}}: {{.Rows}} rows and {{.Files}} files, encrypted.", args) + "\n" +
			lang.L("SHA-256: {{.Sum}}", map[string]any{"Sum": res.SHA256})
		if res.StateSecretLeftOut > 0 {
			msg += "\n" + lang.L("Left out: {{.Count}} files labelled state secret, with everything that quotes them.", map[string]any{"Count": res.StateSecretLeftOut})
		}
		b.mw.showInfo(lang.L("Bundle exported"), msg)
		b.mw.setStatus(lang.L("Exported {{.Path}}", map[string]any{"Path": filepath.Base(res.Path)}))
		return
	}
	b.mw.showInfo(lang.L("Bundle imported"), lang.L("Imported {{.File}} as case {{.ID}} ({{.Title}}): {{.Rows}} rows and {{.Files}} files, every one checked against the bundle's manifest.", args))
	b.mw.reload(res.CaseID)
	b.mw.requestIndex()
}

// bundleReasonText words the reasons of a failed bundle import, "" for
// another reason.
func bundleReasonText(we *workbench.Error) string {
	a := map[string]any{"File": filepath.Base(workbench.ArgString(we.Args["File"])), "Value": workbench.ArgString(we.Args["Value"])}
	switch we.Reason {
	case workbench.ReasonBundleWrongPassphrase:
		return lang.L("Wrong passphrase for {{.File}}; nothing was imported.", a)
	case workbench.ReasonBundleDamaged:
		return lang.L("{{.File}} is damaged or was altered, or is not a case bundle; nothing was imported.", a)
	case workbench.ReasonBundleReplayed:
		return lang.L("{{.File}} was exported from this workspace or has already been imported into it; nothing was imported.", a)
	case workbench.ReasonBundleNewer:
		return lang.L("{{.File}} was written by a newer version of Inspection Workbench; update it to import this bundle.", a)
	case workbench.ReasonBundleNumbersTaken:
		return lang.L("{{.File}} holds a signed case whose signature covers its record numbers, which this workspace already uses. Import it into a new workspace.", a)
	case workbench.ReasonBundleBadRecipient:
		return lang.L("“{{.Value}}” is not a public key to encrypt for.", a)
	case workbench.ReasonBundleStateSecret:
		return lang.L("Case {{.Case}} is signed and holds {{.Count}} files labelled state secret. Its signature covers them, so a bundle without them would not verify: include them, or do not bundle the case.",
			map[string]any{"Case": we.Args["Case"], "Count": we.Args["Count"]})
	}
	return ""
}
