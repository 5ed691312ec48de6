package ui

import (
	"github.com/inspection-workbench/workbench"

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

// caseDialog is the "New case" form, and the "Edit case" form that is the
// same form filled with a case's details. Each field is checked as it is
// typed with the same rules the app applies; the submit button stays
// disabled while any field is wrong, and a failed save keeps the dialog
// open with everything the user typed.
type caseDialog struct {
	mw *MainWindow
	// editing is the case being edited; nil for a new case.
	editing *workbench.Case

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
func (mw *MainWindow) ShowNewCaseDialog() *caseDialog { return mw.showCaseDialog(nil) }

// ShowEditCaseDialog opens the New-case form filled with case c's details,
// titled "Edit case", to correct them. A case whose inspection is signed
// cannot be edited and one that is concluded must be reopened first: for
// them it says so instead and returns nil.
func (mw *MainWindow) ShowEditCaseDialog(c workbench.Case) *caseDialog {
	switch c.Status {
	case string(workbench.StatusSigned):
		mw.showInfo(lang.L("Edit case"), errorText(workbench.Errorf(workbench.CodeConflict, workbench.ReasonCaseSigned, "Case", c.ID)))
		return nil
	case string(workbench.StatusConcluded):
		mw.showInfo(lang.L("Edit case"), errorText(workbench.Errorf(workbench.CodeConflict, workbench.ReasonCaseConcluded, "Case", c.ID)))
		return nil
	}
	return mw.showCaseDialog(&c)
}

// editCase opens the Edit-case form of case c (see ShowEditCaseDialog).
func (mw *MainWindow) editCase(c workbench.Case) { mw.ShowEditCaseDialog(c) }

// editSelectedCase opens the Edit-case form of the case shown, as the case
// list has it.
func (mw *MainWindow) editSelectedCase() {
	if !mw.needCase(lang.L("Edit case")) {
		return
	}
	if c, ok := mw.caseByID(mw.selected); ok {
		mw.ShowEditCaseDialog(c)
	}
}

// showCaseDialog opens the form: empty to create a case, filled with
// editing's details to edit it.
func (mw *MainWindow) showCaseDialog(editing *workbench.Case) *caseDialog {
	d := &caseDialog{mw: mw, editing: editing}
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
	title := lang.L("New case")
	if editing != nil {
		d.fill(*editing)
		title = lang.L("Edit case")
		d.form.SubmitText = lang.L("Save changes")
	}
	d.form.OnSubmit = d.submit
	d.form.OnCancel = func() { d.dlg.Hide() }
	// Enter in any field submits a valid form; Escape cancels.
	for _, e := range []*dialogEntry{d.provider, d.creditCode, d.service, d.filingNo, d.title, d.inspectors, d.opened, d.received} {
		e.OnSubmitted = func(string) { d.submitIfValid() }
		e.OnEscape = func() { d.dlg.Hide() }
	}
	d.dlg = dialog.NewCustomWithoutButtons(title, d.form, mw.win)
	dialogs.BindKeys(mw.win, d.dlg, d.submitIfValid, d.dlg.Hide)
	d.dlg.Resize(fyne.NewSize(640, d.form.MinSize().Height+80))
	d.dlg.Show()
	mw.win.Canvas().Focus(d.provider)
	return d
}

// fill puts case c's details in the form's fields. A title that is the
// default one is left empty, so that it follows a corrected provider or
// service name.
func (d *caseDialog) fill(c workbench.Case) {
	in := app.CaseInputOf(c)
	d.provider.SetText(in.Provider)
	d.creditCode.SetText(in.CreditCode)
	d.service.SetText(in.Service)
	d.filingNo.SetText(in.FilingNo)
	d.title.SetText(in.Title)
	d.inspectors.SetText(strings.Join(in.Inspectors, ", "))
	d.opened.SetText(in.OpenedOn)
	d.received.SetText(in.ReceivedOn)
	var selected []string
	for _, m := range in.Modalities {
		selected = append(selected, modalityText(m))
	}
	d.modalities.SetSelected(selected)
	d.publicOpinion.SetChecked(*in.PublicOpinion)
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
	if d.editing != nil && in.Modalities == nil {
		in.Modalities = []string{} // none ticked: the edit clears them
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
	if d.editing != nil {
		d.saveEdit(in)
		return
	}
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

// saveEdit saves the edited case off the UI goroutine. On success the
// dialog closes and the case is shown again with its new details; on
// failure the dialog stays as it was.
func (d *caseDialog) saveEdit(in app.CaseInput) {
	id := d.editing.ID
	d.mw.goBackground(func() {
		_, changed, err := d.mw.ws.EditCase(context.Background(), id, in)
		d.mw.do(func() {
			d.saving = false
			d.form.Enable()
			if err != nil {
				d.mw.showError(err)
				return
			}
			d.dlg.Hide()
			if len(changed) == 0 {
				d.mw.setStatus(lang.L("Nothing changed: case {{.Case}} already held these details.", map[string]any{"Case": id}))
				return
			}
			d.mw.setStatus(lang.L("Case {{.Case}} saved.", map[string]any{"Case": id}))
			d.mw.reload(id)
		})
	})
}
