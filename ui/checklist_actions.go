package ui

import (
	"context"
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
)

// runChecks runs the automated checks and reports their proposals.
func (v *checklistView) runChecks() {
	v.summary.SetText(lang.L("Running the automated checks…"))
	// The buttons come back with the reload that follows.
	for _, o := range v.actions.Objects {
		if b, ok := o.(*widget.Button); ok {
			b.Disable()
		}
	}
	var run app.CheckRun
	v.after(func(ctx context.Context) (err error) {
		run, err = v.ws.RunChecks(ctx, v.caseID)
		return err
	}, func() {
		showInformation(lang.L("Automated checks"), lang.L("{{.N}} proposals: {{.Added}} new or changed, {{.Kept}} as before. Items marked ◆ have a proposal awaiting your decision.",
			map[string]any{"N": len(run.Proposals), "Added": run.Added, "Kept": run.Kept}), v.win)
	})
}

func (v *checklistView) accept(p app.Proposal) {
	v.after(func(ctx context.Context) error {
		_, err := v.ws.AcceptProposals(ctx, v.caseID, p.PinnedKey())
		return err
	}, nil)
}

// override asks for the inspector's result and reason.
func (v *checklistView) override(p app.Proposal) {
	opts := make([]string, 0, len(app.Results)-1)
	values := app.Results[1:]
	for _, r := range values {
		opts = append(opts, resultText(r))
	}
	result := newSelect(opts, nil)
	reason := widget.NewMultiLineEntry()
	reason.Wrapping = fyne.TextWrapWord
	reason.SetMinRowsVisible(3)
	reason.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(lang.L("Give the reason"))
		}
		return nil
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Result"), result),
		widget.NewFormItem(lang.L("Reason"), reason),
	}
	d := newForm(lang.L("Override the proposal"), lang.L("Override"), lang.L("Cancel"), items, func(ok bool) {
		if !ok || result.SelectedIndex() < 0 {
			return
		}
		r, why := values[result.SelectedIndex()], reason.Text
		v.after(func(ctx context.Context) error {
			_, err := v.ws.OverrideProposal(ctx, v.caseID, p.PinnedKey(), r, why)
			return err
		}, nil)
	}, v.win)
	d.Resize(fyne.NewSize(520, 320))
	d.Show()
}

// conclude asks, then saves the assessment's unsaved changes and
// concludes the inspection, or lists what keeps it open.
func (v *checklistView) conclude() {
	showConfirm(lang.L("Conclude the inspection?"),
		lang.L("A concluded inspection takes no more changes until it is reopened. Every item must be assessed, every proposal decided and every non-compliant item must have a finding."),
		func(ok bool) {
			if !ok {
				return
			}
			save, err := v.pendingSave()
			if err != nil {
				v.host.showError(err)
				return
			}
			v.run(save, func(ctx context.Context) error {
				return v.ws.ConcludeInspection(ctx, v.caseID)
			}, func(err error) {
				var ce *app.ConcludeError
				if errors.As(err, &ce) {
					v.showConcludeProblems(ce)
				} else if err != nil {
					v.host.showError(err)
				}
			})
		}, v.win)
}

// showConcludeProblems lists what keeps the inspection open; each line
// selects its item.
func (v *checklistView) showConcludeProblems(ce *app.ConcludeError) {
	box := container.NewVBox()
	var d dialog.Dialog
	for _, p := range ce.Problems {
		p := p
		title := p.Item
		if it, ok := v.items[p.Item]; ok && pick(it.Title) != "" {
			title = pick(it.Title)
		}
		b := widget.NewButton(title+" — "+concludeProblemText(p.Problem), func() {
			d.Hide()
			v.leave(func() { v.goTo(p.Item) })
		})
		b.Alignment = widget.ButtonAlignLeading
		box.Add(b)
	}
	intro := widget.NewLabel(lang.L("{{.N}} things keep the inspection from being concluded:", map[string]any{"N": len(ce.Problems)}))
	// As tall as the list, up to most of the window: two problems are not
	// shown in a dialog of empty space.
	scroll := container.NewVScroll(box)
	scroll.SetMinSize(fyne.NewSize(0, min(box.MinSize().Height, dialogSize(v.win, 720, 480).Height-intro.MinSize().Height-120)))
	d = newCustom(lang.L("Not ready to conclude"), lang.L("Close"), container.NewBorder(intro, nil, nil, nil, scroll), v.win)
	d.Resize(fyne.NewSize(dialogSize(v.win, 720, 480).Width, 0))
	d.Show()
}

func concludeProblemText(p string) string {
	switch {
	case p == "not assessed":
		return lang.L("not assessed")
	case strings.HasSuffix(p, "but no finding is recorded"):
		return lang.L("no finding recorded")
	case strings.Contains(p, "proposal"):
		return lang.L("a proposal awaits a decision")
	}
	return p
}

func (v *checklistView) reopen() {
	v.after(func(ctx context.Context) error { return v.ws.ReopenInspection(ctx, v.caseID) }, nil)
}

// verifyButton is the Verify button of a concluded or signed inspection.
func (v *checklistView) verifyButton() *widget.Button {
	return widget.NewButtonWithIcon(lang.L("Verify signature"), theme.VisibilityIcon(), v.verify)
}

// verify checks a signed inspection against its signature and lists what
// differs. A concluded inspection has no signature yet: it says so, and
// what signing and verifying will do, rather than failing.
func (v *checklistView) verify() {
	if v.status.CaseStatus == "concluded" && v.status.Signature == "" {
		v.verifyUnsigned()
		return
	}
	v.host.goBackground(func() {
		res, err := v.ws.VerifyInspection(context.Background(), v.caseID)
		v.host.do(func() {
			if err != nil {
				v.host.showError(err)
				return
			}
			l := widget.NewLabel(verificationText(res))
			l.Wrapping = fyne.TextWrapWord
			l.Selectable = true
			d := newCustom(lang.L("Signature check"), lang.L("Close"), container.NewVScroll(l), v.win)
			d.Resize(fyne.NewSize(720, 420))
			d.Show()
		})
	})
}

// verifyUnsigned answers Verify on a concluded inspection that is not
// signed: no SHA-256 was stored when it was concluded, so there is
// nothing to compare yet.
func (v *checklistView) verifyUnsigned() {
	msg := lang.L("This inspection is concluded but not signed, so there is no signature to check yet.")
	if v.status.ConcludedAt != nil {
		msg = lang.L("This inspection was concluded on {{.Date}} but has not been signed, so there is no signature to check yet.",
			map[string]any{"Date": localDay(*v.status.ConcludedAt)})
	}
	msg += "\n\n" + lang.L("Until it is reopened it takes no changes. Sign… stores a SHA-256 over every item, result, note, finding, deadline and piece of evidence, in the names of the case's inspectors; Verify then recomputes it from the workspace and lists anything that differs.")
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d := newCustom(lang.L("Signature check"), lang.L("Close"), l, v.win)
	d.Resize(fyne.NewSize(640, d.MinSize().Height))
	d.Show()
}

// addEvidence asks which item a search hit is evidence for, then cites it.
func (v *checklistView) addEvidence(hitID string) {
	if !v.started {
		showInformation(lang.L("Add as evidence"), lang.L("Start the inspection on the Checklist tab first."), v.win)
		return
	}
	if v.status.CaseStatus != "open" {
		showInformation(lang.L("Add as evidence"), lang.L("The inspection is {{.Status}}; it takes no more evidence.",
			map[string]any{"Status": statusText(v.status.CaseStatus)}), v.win)
		return
	}
	var ids, titles, opts []string
	for _, it := range v.status.Items {
		ids = append(ids, it.ID)
		titles = append(titles, pick(it.Title))
		opts = append(opts, lang.L("{{.Title}} ({{.Articles}})", map[string]any{"Title": pick(it.Title), "Articles": articlesText(it.Articles)}))
	}
	sel := newSelect(opts, nil)
	if i := slices.Index(ids, v.selected); i >= 0 {
		sel.SetSelectedIndex(i)
	}
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Checklist item"), sel)}
	d := newForm(lang.L("Add {{.ID}} as evidence", map[string]any{"ID": hitID}), lang.L("Add"), lang.L("Cancel"), items, func(ok bool) {
		if !ok || sel.SelectedIndex() < 0 {
			return
		}
		item, title := ids[sel.SelectedIndex()], titles[sel.SelectedIndex()]
		v.after(func(ctx context.Context) error {
			_, err := v.ws.Assess(ctx, app.AssessInput{CaseID: v.caseID, ItemID: item, Evidence: []string{hitID}})
			return err
		}, func() {
			v.selected = item // shown and highlighted by the reload that follows
			v.host.setStatus(lang.L("{{.ID}} added as evidence for {{.Item}}", map[string]any{"ID": hitID, "Item": "“" + title + "”"}))
		})
	}, v.win)
	d.Resize(fyne.NewSize(640, 200))
	d.Show()
}
