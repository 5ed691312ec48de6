package ui

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/ui/dialogs"
)

// caseDialog is the "New case" form. Each field is checked as it is typed
// with the same rules the app applies; the submit button stays disabled
// while any field is wrong, and a failed save keeps the dialog open with
// everything the user typed.
type caseDialog struct {
	mw *MainWindow

	provider, creditCode, service, filingNo, title, inspectors, opened *dialogEntry
	// received is the day the material was received, which the checks
	// count from (optional).
	received      *dialogEntry
	modalities    *widget.CheckGroup
	publicOpinion *widget.Check
	form          *widget.Form
	dlg           *dialog.CustomDialog
	saving        bool // a save is under way
}

// fieldValidator checks one field with app.ValidateCaseField and words the
// error for the user.
func fieldValidator(field string) fyne.StringValidator {
	return func(s string) error {
		if _, err := app.ValidateCaseField(field, s); err != nil {
			return errors.New(errorText(err))
		}
		return nil
	}
}

// splitNames splits a list of names typed on one line.
func splitNames(s string) []string {
	var out []string
	for _, n := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(",，、;；\n", r) }) {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// ShowNewCaseDialog opens the form that creates a case.
func (mw *MainWindow) ShowNewCaseDialog() *caseDialog {
	d := &caseDialog{mw: mw}
	entry := func(field, placeholder string) *dialogEntry {
		e := newDialogEntry()
		e.PlaceHolder = placeholder
		e.Validator = fieldValidator(field)
		return e
	}
	d.provider = entry(app.FieldProvider, lang.L("e.g. 星河智算科技有限公司"))
	d.creditCode = entry(app.FieldCreditCode, lang.L("18 characters, optional"))
	d.service = entry(app.FieldService, lang.L("e.g. 星河对话"))
	d.filingNo = entry(app.FieldFilingNo, lang.L("optional"))
	d.title = entry(app.FieldTitle, lang.L("default: provider — service"))
	d.opened = entry(app.FieldOpenedOn, "YYYY-MM-DD")
	d.opened.SetText(time.Now().Format(app.DateLayout))
	d.received = entry(app.FieldReceivedOn, lang.L("YYYY-MM-DD, optional"))
	d.inspectors = newDialogEntry()
	d.inspectors.PlaceHolder = lang.L("names, separated by commas")
	d.inspectors.Validator = func(s string) error {
		var seen []string
		for _, n := range splitNames(s) {
			if _, err := app.ValidateCaseField(app.FieldInspector, n); err != nil {
				return errors.New(errorText(err))
			}
			if slices.Contains(seen, n) {
				return errors.New(lang.L("Named twice"))
			}
			seen = append(seen, n)
		}
		return nil
	}
	d.modalities = widget.NewCheckGroup([]string{
		modalityText("text"), modalityText("image"), modalityText("audio"), modalityText("video"),
	}, nil)
	d.modalities.Horizontal = true
	d.publicOpinion = widget.NewCheck(lang.L("Has public-opinion attributes or social-mobilisation capacity"), nil)

	d.form = &widget.Form{
		Items: []*widget.FormItem{
			{Text: lang.L("Provider"), Widget: d.provider, HintText: lang.L("Required")},
			{Text: lang.L("Unified social credit code"), Widget: d.creditCode, HintText: lang.L("统一社会信用代码, checked per GB 32100-2015")},
			{Text: lang.L("Service"), Widget: d.service, HintText: lang.L("Required")},
			{Text: lang.L("Filing number"), Widget: d.filingNo},
			{Text: lang.L("Modalities"), Widget: d.modalities},
			{Text: lang.L("Art. 17"), Widget: d.publicOpinion},
			{Text: lang.L("Title"), Widget: d.title},
			{Text: lang.L("Inspectors"), Widget: d.inspectors},
			{Text: lang.L("Opened on"), Widget: d.opened},
			{Text: lang.L("Material received on"), Widget: d.received, HintText: lang.L("The automated checks count from it; else from each file's import day")},
		},
		SubmitText: lang.L("Create case"),
		CancelText: lang.L("Cancel"),
	}
	d.form.OnSubmit = d.submit
	d.form.OnCancel = func() { d.dlg.Hide() }
	// Enter in any field submits a valid form; Escape cancels.
	for _, e := range []*dialogEntry{d.provider, d.creditCode, d.service, d.filingNo, d.title, d.inspectors, d.opened, d.received} {
		e.OnSubmitted = func(string) { d.submitIfValid() }
		e.OnEscape = func() { d.dlg.Hide() }
	}
	d.dlg = dialog.NewCustomWithoutButtons(lang.L("New case"), d.form, mw.win)
	dialogs.BindKeys(mw.win, d.dlg, d.submitIfValid, d.dlg.Hide)
	d.dlg.Resize(fyne.NewSize(640, d.form.MinSize().Height+80))
	d.dlg.Show()
	mw.win.Canvas().Focus(d.provider)
	return d
}

// input collects what the user typed.
func (d *caseDialog) input() app.CaseInput {
	in := app.CaseInput{
		Provider:   d.provider.Text,
		CreditCode: d.creditCode.Text,
		Service:    d.service.Text,
		FilingNo:   d.filingNo.Text,
		Title:      d.title.Text,
		Inspectors: splitNames(d.inspectors.Text),
		OpenedOn:   d.opened.Text,
		ReceivedOn: d.received.Text,
	}
	for _, m := range []string{"text", "image", "audio", "video"} {
		if slices.Contains(d.modalities.Selected, modalityText(m)) {
			in.Modalities = append(in.Modalities, m)
		}
	}
	po := d.publicOpinion.Checked
	in.PublicOpinion = &po
	return in
}

// submitIfValid submits the form, as its button does, when every field is
// valid and no save is under way; else it leaves the errors showing.
func (d *caseDialog) submitIfValid() {
	if d.form.Validate() != nil || d.saving {
		return
	}
	d.submit()
}

// submit saves the case off the UI goroutine. On success the dialog closes
// and the new case is selected; on failure the dialog stays as it was.
func (d *caseDialog) submit() {
	in := d.input()
	if err := app.ValidateCaseInput(in); err != nil {
		d.mw.showError(err)
		return
	}
	d.form.Disable()
	d.saving = true
	d.mw.goBackground(func() {
		c, err := d.mw.ws.CreateCase(context.Background(), in)
		d.mw.do(func() {
			d.saving = false
			d.form.Enable()
			if err != nil {
				d.mw.showError(err)
				return
			}
			d.dlg.Hide()
			d.mw.reload(c.ID)
		})
	})
}
