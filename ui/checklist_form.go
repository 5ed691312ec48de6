package ui

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/ui/dialogs"
)

// assessment is the form that edits an item's result, severity, note,
// finding and deadline. It knows the item as last loaded, so it can tell
// whether what is typed differs (dirty).
type assessment struct {
	item     app.ItemStatus
	open     bool // the inspection takes changes
	result   *widget.Select
	severity *widget.Select
	note     *formEntry
	finding  *formEntry
	deadline *formEntry
	save     *widget.Button
	state    *widget.Label // "Saved 14:32", "Unsaved changes" or why it cannot be saved
	box      fyne.CanvasObject
	saved    time.Time // when this item was last saved in this window; zero for not yet

	// committed is set once the changes are handed to a save: the form
	// then gives way to the item as reloaded.
	committed bool
}

// severityValues are the severities the form offers, "" (none) first.
func severityValues() []string { return append([]string{""}, app.Severities...) }

// newAssessment builds the form for it; read-only unless open. The Save
// button and the save state sit above the fields, so a validation message
// appearing under a field never moves them.
func (v *checklistView) newAssessment(it app.ItemStatus, open bool) *assessment {
	f := &assessment{item: it, open: open}
	resultOpts := make([]string, len(app.Results))
	for i, r := range app.Results {
		resultOpts[i] = resultText(r)
	}
	f.result = newSelect(resultOpts, nil)
	f.result.SetSelectedIndex(max(slices.Index(app.Results, it.Result), 0))
	sevValues := severityValues()
	sevOpts := make([]string, len(sevValues))
	for i, s := range sevValues {
		sevOpts[i] = severityText(s)
	}
	f.severity = newSelect(sevOpts, nil)
	f.severity.SetSelectedIndex(max(slices.Index(sevValues, it.Severity), 0))
	onSave := func() {
		if err := v.SaveIfDirty(); err != nil {
			f.showProblem(err)
		}
	}
	f.note = newFormEntry(true, onSave)
	f.note.SetText(it.Note)
	f.finding = newFormEntry(true, onSave)
	f.finding.SetText(it.Finding)
	f.deadline = newFormEntry(false, onSave)
	f.deadline.SetPlaceHolder(lang.L("YYYY-MM-DD"))
	f.deadline.SetText(it.Deadline)
	f.deadline.Validator = checkDate
	deadlineItem := widget.NewFormItem(lang.L("Deadline"), f.deadline)
	// The hint keeps the line the validation message takes, so it
	// appearing moves nothing.
	deadlineItem.HintText = lang.L("Date to remedy by, YYYY-MM-DD; empty for none")
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Result"), f.result),
		widget.NewFormItem(lang.L("Severity"), f.severity),
		widget.NewFormItem(lang.L("Note"), f.note),
		widget.NewFormItem(lang.L("Finding"), f.finding),
		deadlineItem,
	)
	f.state = widget.NewLabel("")
	f.state.Truncation = fyne.TextTruncateEllipsis
	if !open {
		// Read-only: the fields themselves are disabled. (Form.Disable only
		// greys the submit and cancel buttons, and panics on a form not
		// yet shown, whose buttons do not exist.)
		f.result.Disable()
		f.severity.Disable()
		f.note.Disable()
		f.finding.Disable()
		f.deadline.Disable()
		f.box = container.NewVBox(heading(lang.L("Assessment")), form)
		return f
	}
	if v.saved.item == it.ID {
		f.saved = v.saved.at
	}
	f.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), onSave)
	f.save.Importance = widget.HighImportance
	changed := func() { f.refreshState() }
	f.result.OnChanged = func(string) { changed() }
	f.severity.OnChanged = func(string) { changed() }
	f.note.OnChanged = func(string) { changed() }
	f.finding.OnChanged = func(string) { changed() }
	f.deadline.OnChanged = func(string) { changed() }
	f.refreshState()
	// The state takes the rest of the row, cut short rather than widening
	// the pane.
	// Tab reaches Save after the fields.
	f.box = newHeaderLast(container.NewBorder(nil, nil, container.NewHBox(heading(lang.L("Assessment")), f.save), nil, f.state), form)
	return f
}

// formEntry is an entry of the assessment that saves on Ctrl+S (⌘S)
// itself: a focused entry takes the keyboard's shortcuts before the
// window does, so a window shortcut would not reach it.
type formEntry struct {
	widget.Entry
	onSave func()
}

func newFormEntry(multiLine bool, onSave func()) *formEntry {
	e := &formEntry{onSave: onSave}
	e.ExtendBaseWidget(e)
	if multiLine {
		e.MultiLine = true
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(3)
	}
	return e
}

// TypedShortcut saves on Ctrl+S (⌘S on macOS) and leaves the rest to
// the entry.
func (e *formEntry) TypedShortcut(s fyne.Shortcut) {
	if c, ok := s.(*desktop.CustomShortcut); ok && c.KeyName == fyne.KeyS &&
		(c.Modifier == fyne.KeyModifierShortcutDefault || c.Modifier == fyne.KeyModifierControl) {
		if !e.Disabled() && e.onSave != nil {
			e.onSave()
		}
		return
	}
	e.Entry.TypedShortcut(s)
}

// values are the form's fields as the app takes them.
func (f *assessment) values() (result, severity, note, finding, deadline string) {
	sev := severityValues()
	return app.Results[max(f.result.SelectedIndex(), 0)], sev[max(f.severity.SelectedIndex(), 0)],
		f.note.Text, f.finding.Text, strings.TrimSpace(f.deadline.Text)
}

// dirty reports whether the form differs from the item as last loaded.
func (f *assessment) dirty() bool {
	if !f.open {
		return false
	}
	r, s, n, fi, d := f.values()
	it := f.item
	return r != it.Result || s != it.Severity || n != it.Note || fi != it.Finding || d != it.Deadline
}

// refreshState shows whether the form holds unsaved changes, or when it
// was last saved, and enables Save only when there is something to save.
func (f *assessment) refreshState() {
	if f.save == nil {
		return
	}
	switch {
	case f.dirty():
		f.save.Enable()
		f.state.Importance = widget.WarningImportance
		f.state.SetText(lang.L("Unsaved changes"))
	case !f.saved.IsZero():
		f.save.Disable()
		f.state.Importance = widget.SuccessImportance
		f.state.SetText(lang.L("Saved {{.Time}}", map[string]any{"Time": f.saved.Format("15:04")}))
	default:
		f.save.Disable()
		f.state.SetText("")
	}
}

// showProblem says next to the Save button why the changes were not
// saved.
func (f *assessment) showProblem(err error) {
	f.state.Importance = widget.DangerImportance
	f.state.SetText(lang.L("Not saved: {{.Reason}}", map[string]any{"Reason": errorText(err)}))
}

// isoDate is the shape of a date the form takes.
var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// checkDate accepts an empty text or an existing date written YYYY-MM-DD,
// and says which is wrong otherwise: the shape, or a day the calendar
// does not have (2027-02-30).
func checkDate(s string) error {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	if !isoDate.MatchString(s) {
		return errors.New(lang.L("Write the date as YYYY-MM-DD"))
	}
	if _, err := time.Parse(app.DateLayout, s); err != nil {
		return errors.New(lang.L("The date {{.Date}} does not exist", map[string]any{"Date": s}))
	}
	return nil
}

// HasUnsaved reports whether the assessment being edited has changes not
// yet saved.
func (v *checklistView) HasUnsaved() bool {
	return v.form != nil && !v.form.committed && v.form.dirty()
}

// SaveIfDirty saves the assessment being edited if it has unsaved changes
// — what Save and Ctrl+S do. It returns at once: the save runs in the
// background, and the checklist reloads after it, confirming it next to
// the Save button and in the status bar. When the changes cannot be saved
// as they stand (a date that does not exist), it saves nothing, says why
// next to the Save button and returns the reason.
func (v *checklistView) SaveIfDirty() error {
	save, err := v.pendingSave()
	if err != nil || save == nil {
		return err
	}
	v.run(save, nil, nil)
	return nil
}

// SaveOrAsk is for the main window to call before the checklist goes out
// of sight — another tab, another case — or the window closes: it saves
// unsaved changes and then calls then, on the UI goroutine, once they are
// stored. When they cannot be saved as they stand, it asks whether to keep
// editing (then is not called) or discard them (then is called).
func (v *checklistView) SaveOrAsk(then func()) {
	save, err := v.pendingSave()
	switch {
	case err != nil:
		v.askDiscard(err, then)
	case save == nil:
		then()
	default:
		v.run(save, nil, func(err error) {
			if err == nil {
				then()
			}
		})
	}
}

// leave lets go of the assessment shown, before another item is shown:
// unsaved changes are saved in the background and then runs at once; when
// they cannot be saved, the inspector is asked (see SaveOrAsk).
func (v *checklistView) leave(then func()) {
	save, err := v.pendingSave()
	switch {
	case err != nil:
		v.askDiscard(err, then)
		return
	case save != nil:
		v.run(save, nil, nil)
	}
	then()
}

// askDiscard asks whether to keep editing changes that cannot be saved,
// or discard them and go on with then.
func (v *checklistView) askDiscard(err error, then func()) {
	title := v.selected
	if it, ok := v.items[v.selected]; ok && pick(it.Title) != "" {
		title = pick(it.Title)
	}
	msg := widget.NewLabel(lang.L("The changes to “{{.Item}}” cannot be saved: {{.Reason}}.", map[string]any{"Item": title, "Reason": errorText(err)}))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("Unsaved changes"), lang.L("Discard changes"), lang.L("Keep editing"), msg, func(discard bool) {
		if discard && v.form != nil {
			v.form.committed = true
			then()
		}
	}, v.win)
	d.SetConfirmImportance(widget.DangerImportance)
	dialogs.BindKeys(v.win, d, nil, d.Dismiss) // Escape keeps editing; Enter discards nothing
	d.Resize(fyne.NewSize(520, 200))
	d.Show()
}

// pendingSave takes the form's unsaved changes as a save to run off the
// UI goroutine: nil when there are none, the reason when they cannot be
// saved as they stand (shown next to the Save button too).
func (v *checklistView) pendingSave() (func(context.Context) error, error) {
	f := v.form
	if f == nil || f.committed || !f.dirty() {
		return nil, nil
	}
	if err := checkDate(f.deadline.Text); err != nil {
		f.showProblem(err)
		return nil, err
	}
	r, s, n, fi, d := f.values()
	in := app.AssessInput{CaseID: v.caseID, ItemID: f.item.ID, Result: r, Severity: &s, Note: &n, Finding: &fi, Deadline: &d}
	f.committed = true
	return func(ctx context.Context) error {
		if _, err := v.ws.Assess(ctx, in); err != nil {
			return err
		}
		at := time.Now()
		v.host.do(func() {
			v.saved.item, v.saved.at = in.ItemID, at
			title := in.ItemID
			if it, ok := v.items[in.ItemID]; ok && pick(it.Title) != "" {
				title = pick(it.Title)
			}
			v.host.setStatus(lang.L("Saved “{{.Item}}” at {{.Time}}", map[string]any{"Item": title, "Time": at.Format("15:04")}))
		})
		return nil
	}, nil
}

// run saves the assessment's pending changes, if save is set, then runs
// f, both off the UI goroutine; then reloads the checklist. finish, if
// set, gets the first error on the UI goroutine; without it an error is
// shown in a dialog. A failed save leaves the typed changes in the form.
func (v *checklistView) run(save, f func(context.Context) error, finish func(error)) {
	form := v.form
	v.host.goBackground(func() {
		ctx := context.Background()
		var err error
		if save != nil {
			if err = save(ctx); err != nil && form != nil {
				v.host.do(func() { form.committed = false })
			}
		}
		if err == nil && f != nil {
			err = f(ctx)
		}
		v.host.do(func() {
			if finish != nil {
				finish(err)
			} else if err != nil {
				v.host.showError(err)
			}
			v.load()
		})
	})
}

// after runs f off the UI goroutine, the assessment's unsaved changes
// saved first, then reloads the checklist, or shows the error; done, if
// set, runs on the UI goroutine after a success. Changes that cannot be
// saved stop it, with the reason.
func (v *checklistView) after(f func(context.Context) error, done func()) {
	save, err := v.pendingSave()
	if err != nil {
		v.host.showError(err)
		return
	}
	v.run(save, f, func(err error) {
		if err != nil {
			v.host.showError(err)
		} else if done != nil {
			done()
		}
	})
}

func (v *checklistView) assess(in app.AssessInput) {
	v.after(func(ctx context.Context) error {
		_, err := v.ws.Assess(ctx, in)
		return err
	}, nil)
}
