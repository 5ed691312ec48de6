package ui

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/app/checklist"
)

// templateChoice is a checklist template the inspector may tick.
type templateChoice struct {
	id    string
	title workbench.Text
	items int
}

// builtinChoices lists the built-in checklist templates (embedded: no
// disk is read).
func builtinChoices() []templateChoice {
	var out []templateChoice
	for _, id := range checklist.BuiltinIDs() {
		t, err := checklist.ByID(id)
		if err != nil {
			continue
		}
		out = append(out, templateChoice{id: id, title: t.Title, items: len(t.Items)})
	}
	return out
}

// choiceLabel names a template for a check box: its title and how many
// items it brings.
func choiceLabel(c templateChoice) string {
	title := pick(c.title)
	if title == "" {
		title = c.id
	}
	return lang.L("{{.Title}} ({{.N}} items)", map[string]any{"Title": title, "N": c.items})
}

// startChoices are the templates the start dialog offers: the case's own
// template first (ticked), then the other built-in ones.
func (v *checklistView) startChoices() (choices []templateChoice, ticked string) {
	ticked = checklist.DefaultID
	if c, ok := v.host.caseByID(v.caseID); ok && c.ChecklistTemplate != "" {
		ticked = c.ChecklistTemplate
	}
	builtin := builtinChoices()
	if !slices.ContainsFunc(builtin, func(c templateChoice) bool { return c.id == ticked }) {
		// A template file the case names: offered under its name.
		choices = append(choices, templateChoice{id: ticked, title: workbench.Text{Zh: ticked, En: ticked}})
	}
	for _, c := range builtin {
		if c.id == ticked {
			choices = append([]templateChoice{c}, choices...)
		} else {
			choices = append(choices, c)
		}
	}
	return choices, ticked
}

// start starts the inspection with the case's own checklist template.
func (v *checklistView) start() { v.startWith(nil) }

// startWith starts the inspection with the templates ids names (none: the
// case's own), off the UI goroutine, and shows it.
func (v *checklistView) startWith(ids []string) {
	v.host.goBackground(func() {
		_, err := v.ws.StartInspection(context.Background(), v.caseID, ids...)
		v.host.do(func() {
			if err != nil {
				v.host.showError(err)
				return
			}
			v.load()
		})
	})
}

// chooseTemplates asks which checklist templates the inspection holds —
// the case's own ticked, the others offered — and starts it with those
// ticked.
func (v *checklistView) chooseTemplates() {
	choices, ticked := v.startChoices()
	var d *dialog.CustomDialog
	startBtn := widget.NewButtonWithIcon(lang.L("Start"), theme.MediaPlayIcon(), nil)
	startBtn.Importance = widget.HighImportance
	checks := make([]*widget.Check, len(choices))
	update := func() {
		for _, c := range checks {
			if c != nil && c.Checked {
				startBtn.Enable()
				return
			}
		}
		startBtn.Disable()
	}
	box := container.NewVBox()
	msg := widget.NewLabel(lang.L("Tick the checklist templates the inspection holds. Each is copied into the case as it is now; the items of a template after the first are named after it. A template can also be added later, while the inspection is open."))
	msg.Wrapping = fyne.TextWrapWord
	box.Add(msg)
	for i, c := range choices {
		check := widget.NewCheck(choiceLabel(c), func(bool) { update() })
		check.Checked = c.id == ticked
		checks[i] = check
		box.Add(check)
	}
	startBtn.OnTapped = func() {
		var ids []string
		for i, c := range checks {
			if c.Checked {
				ids = append(ids, choices[i].id)
			}
		}
		d.Hide()
		v.startWith(ids)
	}
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("Start inspection"), box, v.win)
	d.SetButtons([]fyne.CanvasObject{cancel, startBtn})
	update()
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

// addableTemplates are the built-in templates the open inspection does
// not hold yet.
func (v *checklistView) addableTemplates() []templateChoice {
	var out []templateChoice
	for _, c := range builtinChoices() {
		if !slices.ContainsFunc(v.status.Templates, func(t app.TemplateInfo) bool { return t.ID == c.id }) {
			out = append(out, c)
		}
	}
	return out
}

// addTemplateButton offers to add a checklist template to the open
// inspection; nil when every built-in template is held already.
func (v *checklistView) addTemplateButton() fyne.CanvasObject {
	if v.status.CaseStatus != "open" || len(v.addableTemplates()) == 0 {
		return nil
	}
	return widget.NewButtonWithIcon(lang.L("Add checklist template…"), theme.ContentAddIcon(), v.addTemplate)
}

// addTemplate asks which template to add, then adds it.
func (v *checklistView) addTemplate() {
	choices := v.addableTemplates()
	if len(choices) == 0 {
		return
	}
	labels := make([]string, len(choices))
	for i, c := range choices {
		labels[i] = choiceLabel(c)
	}
	radio := widget.NewRadioGroup(labels, nil)
	radio.SetSelected(labels[0])
	radio.Required = true
	msg := widget.NewLabel(lang.L("The template's items join the checklist after those it has, not assessed, and the automated checks cover them from the next run. What has been recorded stays as it is."))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("Add checklist template"), lang.L("Add"), lang.L("Cancel"), container.NewVBox(msg, radio), func(ok bool) {
		i := slices.Index(labels, radio.Selected)
		if !ok || i < 0 {
			return
		}
		id := choices[i].id
		v.after(func(ctx context.Context) error {
			_, err := v.ws.AddInspectionTemplate(ctx, v.caseID, id)
			return err
		}, nil)
	}, v.win)
	d.Resize(fyne.NewSize(560, 300))
	d.Show()
}

// templatesLine names the templates the inspection holds, for the
// checklist's header; "" when it holds one.
func (v *checklistView) templatesLine() string {
	if len(v.status.Templates) < 2 {
		return ""
	}
	names := make([]string, len(v.status.Templates))
	for i, t := range v.status.Templates {
		names[i] = pick(t.Title)
		if names[i] == "" {
			names[i] = t.ID
		}
	}
	return lang.L("Checklist templates: {{.Names}}", map[string]any{"Names": strings.Join(names, lang.L("; "))})
}

// templateGroup is the tree group of the items of a template added after
// the first: one group per template, named by its title.
func (v *checklistView) templateGroup(id string) (string, string) {
	for _, t := range v.status.Templates {
		if t.ID == id {
			if title := pick(t.Title); title != "" {
				return "tpl-" + id, title
			}
		}
	}
	return "tpl-" + id, id
}
