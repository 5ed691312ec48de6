package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
)

// checklistView is a case's "Checklist" tab: the items grouped by article
// on the left, the selected item on the right, and the inspection's
// progress and lifecycle above. Every field is touched on the UI goroutine
// only.
type checklistView struct {
	mw     *MainWindow
	caseID int64

	// What was last loaded from the workspace.
	started   bool
	tmpl      *app.ChecklistTemplate
	status    app.Status
	items     map[string]app.ItemStatus
	proposals []app.Proposal
	articles  []int            // article numbers in checklist order
	byArticle map[int][]string // item ids under each article
	selected  string           // the item shown on the right, "" for none

	content  *fyne.Container // the tab: the start screen or the checklist
	tree     *widget.Tree
	detail   *fyne.Container
	summary  *widget.Label
	progress *widget.ProgressBar
	actions  *fyne.Container

	// overview is the progress box on the Overview tab.
	overview *fyne.Container
}

func newChecklistView(mw *MainWindow, caseID int64) *checklistView {
	v := &checklistView{mw: mw, caseID: caseID, items: map[string]app.ItemStatus{}, byArticle: map[int][]string{}}
	v.content = container.NewStack(widget.NewLabel(lang.L("Loading…")))
	v.overview = container.NewVBox(widget.NewLabel(lang.L("Loading…")))
	v.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.summary.Truncation = fyne.TextTruncateEllipsis
	v.progress = widget.NewProgressBar()
	v.actions = container.NewHBox()
	v.detail = container.NewVBox()
	v.tree = widget.NewTree(v.childIDs, v.isBranch, v.newNode, v.updateNode)
	v.tree.OnSelected = func(id widget.TreeNodeID) {
		if _, ok := v.items[id]; ok {
			v.selected = id
			v.showItem()
			return
		}
		v.tree.ToggleBranch(id)
		v.tree.Unselect(id)
	}
	v.load()
	return v
}

// chinese reports whether the GUI speaks Chinese, for the texts templates
// give in both languages.
func chinese() bool { return speaksChinese() }

// pick chooses a template text in the GUI's language, the other when it is
// empty.
func pick(t app.ChecklistText) string {
	if chinese() && t.Zh != "" || t.En == "" {
		return t.Zh
	}
	return t.En
}

// load reads the inspection off the UI goroutine and shows it.
func (v *checklistView) load() {
	v.mw.goBackground(func() {
		ctx := context.Background()
		st, err := v.mw.ws.InspectionStatus(ctx, v.caseID)
		var nie *app.NoInspectionError
		if errors.As(err, &nie) {
			v.mw.do(v.showStart)
			return
		}
		var tmpl *app.ChecklistTemplate
		var ps []app.Proposal
		if err == nil {
			tmpl, err = v.mw.ws.InspectionTemplate(ctx, v.caseID)
		}
		if err == nil {
			ps, err = v.mw.ws.Proposals(ctx, v.caseID, false)
		}
		v.mw.do(func() {
			if err != nil {
				v.content.Objects = []fyne.CanvasObject{widget.NewLabel(errorText(err))}
				v.content.Refresh()
				return
			}
			v.show(st, tmpl, ps)
		})
	})
}

// showStart offers to start the inspection.
func (v *checklistView) showStart() {
	v.started = false
	msg := widget.NewLabel(lang.L("The inspection has not started. Starting it copies the case's checklist template into the case, so later changes to templates do not touch it."))
	msg.Wrapping = fyne.TextWrapWord
	msg.Alignment = fyne.TextAlignCenter
	start := widget.NewButtonWithIcon(lang.L("Start inspection"), theme.MediaPlayIcon(), v.start)
	start.Importance = widget.HighImportance
	// A VBox gives the message the tab's whole width to wrap in.
	v.content.Objects = []fyne.CanvasObject{container.NewVBox(layout.NewSpacer(), msg, container.NewCenter(start), layout.NewSpacer())}
	v.content.Refresh()
	v.overview.Objects = []fyne.CanvasObject{container.NewHBox(widget.NewLabel(lang.L("Not started")),
		widget.NewButtonWithIcon(lang.L("Start inspection"), theme.MediaPlayIcon(), v.start))}
	v.overview.Refresh()
}

func (v *checklistView) start() {
	v.mw.goBackground(func() {
		_, err := v.mw.ws.StartInspection(context.Background(), v.caseID, "")
		v.mw.do(func() {
			if err != nil {
				v.mw.showError(err)
				return
			}
			v.load()
		})
	})
}

// show lays out a loaded inspection, keeping the selected item.
func (v *checklistView) show(st app.Status, tmpl *app.ChecklistTemplate, ps []app.Proposal) {
	first := !v.started
	v.started, v.status, v.tmpl, v.proposals = true, st, tmpl, ps
	v.items = map[string]app.ItemStatus{}
	v.articles = nil
	v.byArticle = map[int][]string{}
	for _, it := range st.Items {
		v.items[it.ID] = it
		art := 0
		if len(it.Articles) > 0 {
			art = it.Articles[0].Article
		}
		if _, ok := v.byArticle[art]; !ok {
			v.articles = append(v.articles, art)
		}
		v.byArticle[art] = append(v.byArticle[art], it.ID)
	}
	v.showProgress()
	v.showActions()
	for i := range v.mw.cases {
		if c := &v.mw.cases[i]; c.ID == v.caseID && c.Status != st.CaseStatus {
			c.Status = st.CaseStatus
			v.mw.list.RefreshItem(i)
		}
	}
	if first {
		split := container.NewHSplit(v.tree, container.NewVScroll(container.NewPadded(v.detail)))
		split.SetOffset(0.38)
		top := container.NewVBox(v.actions, v.summary, v.progress)
		v.content.Objects = []fyne.CanvasObject{container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil, nil, nil, split)}
		v.content.Refresh()
		v.tree.OpenAllBranches()
	}
	v.tree.Refresh()
	if _, ok := v.items[v.selected]; !ok && len(st.Items) > 0 {
		v.selected = st.Items[0].ID
		v.tree.Select(v.selected)
	}
	v.showItem()
}

// showProgress writes how far the inspection is, here and on the
// Overview tab.
func (v *checklistView) showProgress() {
	total := len(v.status.Items)
	assessed := total - v.status.Totals[app.ResultNotAssessed]
	pending := 0
	for _, p := range v.proposals {
		if p.Decision == app.DecisionPending {
			pending++
		}
	}
	text := lang.L("{{.Assessed}} of {{.Total}} items assessed · {{.NonCompliant}} non-compliant · {{.Pending}} proposals awaiting a decision · {{.Status}}",
		map[string]any{"Assessed": assessed, "Total": total, "NonCompliant": v.status.Totals["non_compliant"], "Pending": pending,
			"Status": statusText(v.status.CaseStatus)})
	v.summary.SetText(text)
	if total > 0 {
		v.progress.SetValue(float64(assessed) / float64(total))
	}
	bar := widget.NewProgressBar()
	if total > 0 {
		bar.SetValue(float64(assessed) / float64(total))
	}
	label := widget.NewLabel(text)
	label.Wrapping = fyne.TextWrapWord
	var counts []string
	for _, r := range app.Results {
		if n := v.status.Totals[r]; n > 0 && r != app.ResultNotAssessed {
			counts = append(counts, resultText(r)+" "+strconv.Itoa(n))
		}
	}
	objs := []fyne.CanvasObject{label, bar}
	if len(counts) > 0 {
		objs = append(objs, widget.NewLabel(strings.Join(counts, lang.L(", "))))
	}
	if v.status.Signature != "" {
		sig := widget.NewLabel(lang.L("Signed; SHA-256 {{.Hash}}", map[string]any{"Hash": v.status.Signature}))
		sig.Wrapping = fyne.TextWrapBreak
		sig.Selectable = true
		objs = append(objs, sig)
	}
	v.overview.Objects = objs
	v.overview.Refresh()
}

// showActions offers what the inspection's state allows.
func (v *checklistView) showActions() {
	var bs []fyne.CanvasObject
	switch v.status.CaseStatus {
	case "open":
		run := widget.NewButtonWithIcon(lang.L("Run automated checks"), theme.MediaPlayIcon(), v.runChecks)
		conclude := widget.NewButtonWithIcon(lang.L("Conclude…"), theme.ConfirmIcon(), v.conclude)
		bs = append(bs, run, conclude)
	case "concluded":
		reopen := widget.NewButtonWithIcon(lang.L("Reopen"), theme.ContentUndoIcon(), v.reopen)
		sign := widget.NewButtonWithIcon(lang.L("Sign…"), theme.DocumentSaveIcon(), v.sign)
		sign.Importance = widget.HighImportance
		bs = append(bs, reopen, sign)
	case "signed":
		bs = append(bs, widget.NewButtonWithIcon(lang.L("Verify signature"), theme.VisibilityIcon(), v.verify))
	}
	v.actions.Objects = append(v.exportButtons(v.status.CaseStatus == "open"), bs...)
	v.actions.Refresh()
}

// Tree: the root's children are articles ("art-7"), theirs the items.

func (v *checklistView) childIDs(id widget.TreeNodeID) []widget.TreeNodeID {
	if id == "" {
		out := make([]string, len(v.articles))
		for i, a := range v.articles {
			out[i] = "art-" + strconv.Itoa(a)
		}
		return out
	}
	if n, ok := strings.CutPrefix(id, "art-"); ok {
		a, _ := strconv.Atoi(n)
		return v.byArticle[a]
	}
	return nil
}

func (v *checklistView) isBranch(id widget.TreeNodeID) bool {
	return id == "" || strings.HasPrefix(id, "art-")
}

func (v *checklistView) newNode(branch bool) fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	if branch {
		l.TextStyle.Bold = true
		return l
	}
	mark := widget.NewIcon(theme.RadioButtonIcon())
	return container.NewBorder(nil, nil, mark, nil, l)
}

func (v *checklistView) updateNode(id widget.TreeNodeID, branch bool, o fyne.CanvasObject) {
	if branch {
		n, _ := strconv.Atoi(strings.TrimPrefix(id, "art-"))
		o.(*widget.Label).SetText(articleTitle(n))
		return
	}
	it, ok := v.items[id]
	if !ok {
		return
	}
	box := o.(*fyne.Container)
	label := box.Objects[0].(*widget.Label)
	text := pick(it.Title)
	if text == "" {
		text = it.ID
	}
	if it.Proposal != nil && it.Proposal.Decision == app.DecisionPending {
		text = "◆ " + text
	}
	label.SetText(text)
	label.Importance = resultImportance(it.Result)
	label.Refresh()
	box.Objects[1].(*widget.Icon).SetResource(resultIcon(it.Result))
}

// articleTitle names an article in the GUI's language.
func articleTitle(n int) string {
	switch {
	case n == 0:
		return lang.L("Other items")
	case chinese():
		return app.ArticleRef{Article: n}.Zh()
	}
	return lang.L("Article {{.N}}", map[string]any{"N": n})
}

func resultIcon(r string) fyne.Resource {
	switch r {
	case "compliant":
		return theme.NewSuccessThemedResource(theme.ConfirmIcon())
	case "non_compliant":
		return theme.NewErrorThemedResource(theme.CancelIcon())
	case "partially_compliant":
		return theme.NewWarningThemedResource(theme.WarningIcon())
	case "info_requested":
		return theme.NewPrimaryThemedResource(theme.QuestionIcon())
	case "not_applicable":
		return theme.NewDisabledResource(theme.ContentRemoveIcon())
	}
	return theme.RadioButtonIcon()
}

func resultImportance(r string) widget.Importance {
	switch r {
	case "compliant":
		return widget.SuccessImportance
	case "non_compliant":
		return widget.DangerImportance
	case "partially_compliant":
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// resultText is a result in the GUI's language.
func resultText(r string) string {
	switch r {
	case "not_assessed":
		return lang.L("Not assessed")
	case "compliant":
		return lang.L("Compliant")
	case "partially_compliant":
		return lang.L("Partially compliant")
	case "non_compliant":
		return lang.L("Non-compliant")
	case "not_applicable":
		return lang.L("Not applicable")
	case "info_requested":
		return lang.L("Information requested")
	}
	return r
}

// severityText is a severity in the GUI's language.
func severityText(s string) string {
	switch s {
	case "":
		return lang.L("None")
	case "low":
		return lang.L("Low")
	case "medium":
		return lang.L("Medium")
	case "high":
		return lang.L("High")
	case "critical":
		return lang.L("Critical")
	}
	return s
}

// decisionText is a proposal's decision in the GUI's language.
func decisionText(p app.Proposal) string {
	switch p.Decision {
	case app.DecisionAccepted:
		return lang.L("Accepted")
	case app.DecisionOverridden:
		return lang.L("Overridden: {{.Result}} — {{.Reason}}", map[string]any{"Result": resultText(p.DecidedResult), "Reason": p.Reason})
	}
	return lang.L("Awaiting a decision")
}

func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Selectable = true
	return l
}

// showItem fills the right-hand side with the selected item.
func (v *checklistView) showItem() {
	it, ok := v.items[v.selected]
	if !ok {
		v.detail.Objects = nil
		v.detail.Refresh()
		return
	}
	var ti *app.ChecklistItem
	if v.tmpl != nil {
		ti, _ = v.tmpl.Item(it.ID)
	}
	open := v.status.CaseStatus == "open"
	objs := []fyne.CanvasObject{}
	title := widget.NewRichTextFromMarkdown("## " + escapeMarkdown(pick(it.Title)))
	title.Wrapping = fyne.TextWrapWord
	objs = append(objs, title)
	var refs []string
	for _, a := range it.Articles {
		refs = append(refs, a.Zh()+" · "+a.String())
	}
	meta := widget.NewLabel(it.ID + " · " + strings.Join(refs, "; "))
	meta.Importance = widget.LowImportance
	meta.Wrapping = fyne.TextWrapWord
	objs = append(objs, meta)
	if ti != nil {
		objs = append(objs, heading(lang.L("Requirement")), wrapped(ti.Requirement.Zh), wrapped(ti.Requirement.En))
		if g := pick(ti.Guidance); g != "" {
			objs = append(objs, heading(lang.L("Guidance")), wrapped(g))
		}
		if len(ti.Evidence) > 0 {
			kinds := make([]string, len(ti.Evidence))
			for i, k := range ti.Evidence {
				kinds[i] = kindText(string(k))
			}
			objs = append(objs, widget.NewLabel(lang.L("Evidence to look at: {{.Kinds}}", map[string]any{"Kinds": strings.Join(kinds, lang.L(", "))})))
		}
		if len(ti.Queries) > 0 {
			objs = append(objs, heading(lang.L("Suggested searches")))
			box := container.NewVBox()
			for _, q := range ti.Queries {
				q := q
				b := widget.NewButtonWithIcon(q, theme.SearchIcon(), func() { v.mw.runSearch(q) })
				b.Alignment = widget.ButtonAlignLeading
				box.Add(b)
			}
			objs = append(objs, box)
		}
	}
	objs = append(objs, widget.NewSeparator())
	for _, p := range v.proposals {
		if p.Item == it.ID {
			objs = append(objs, v.proposalCard(p, open))
		}
	}
	objs = append(objs, v.assessmentForm(it, open))
	objs = append(objs, widget.NewSeparator(), heading(lang.L("Evidence ({{.N}})", map[string]any{"N": it.Evidence})))
	evBox := container.NewVBox(widget.NewLabel(lang.L("Loading…")))
	objs = append(objs, evBox)
	v.detail.Objects = objs
	v.detail.Refresh()
	v.loadEvidence(it.ID, evBox)
}

// proposalCard shows one automated-check proposal with what the
// inspector can do about it.
func (v *checklistView) proposalCard(p app.Proposal, open bool) fyne.CanvasObject {
	article := p.Article
	if chinese() {
		article = p.ArticleZh
	}
	head := heading(lang.L("Automated check {{.Rule}} ({{.Article}}) proposes: {{.Result}}",
		map[string]any{"Rule": p.Rule, "Article": article, "Result": resultText(p.Result)}))
	head.Wrapping = fyne.TextWrapWord
	head.Importance = resultImportance(p.Result)
	objs := []fyne.CanvasObject{head, wrapped(pick(p.Summary))}
	counts := widget.NewLabel(lang.L("{{.Checked}} checked · {{.Problems}} problems · {{.Unclear}} unclear (too little to judge)",
		map[string]any{"Checked": p.Checked, "Problems": p.Problems, "Unclear": p.Unclear}))
	counts.Importance = widget.LowImportance
	objs = append(objs, counts)
	for _, pr := range p.Params {
		objs = append(objs, wrapped(lang.L("Threshold {{.Name}} = {{.Value}} — {{.Source}}",
			map[string]any{"Name": pr.Name, "Value": pr.ValueText(), "Source": pick(pr.Source)})))
	}
	const shown = 10
	for i, r := range p.Records {
		if i == shown {
			objs = append(objs, widget.NewLabel(lang.L("… and {{.N}} more", map[string]any{"N": len(p.Records) - shown})))
			break
		}
		name := r.ID
		if name == "" {
			name = r.Hit
		}
		problem := pick(r.Problem)
		if r.Unclear {
			problem = lang.L("unclear: {{.Why}}", map[string]any{"Why": problem})
		}
		objs = append(objs, wrapped(fmt.Sprintf("• %s — %s %s: %s", name, r.File, r.Location, problem)))
	}
	decision := widget.NewLabelWithStyle(decisionText(p), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	decision.Wrapping = fyne.TextWrapWord
	row := container.NewBorder(nil, nil, nil, nil, decision)
	if open && p.Decision == app.DecisionPending {
		accept := widget.NewButtonWithIcon(lang.L("Accept"), theme.ConfirmIcon(), func() { v.accept(p) })
		accept.Importance = widget.HighImportance
		override := widget.NewButtonWithIcon(lang.L("Override…"), theme.DocumentCreateIcon(), func() { v.override(p) })
		row = container.NewBorder(nil, nil, nil, container.NewHBox(accept, override), decision)
	}
	objs = append(objs, row, widget.NewSeparator())
	return container.NewVBox(objs...)
}

// assessmentForm edits the item's result, severity, note, finding and
// deadline; read-only unless the inspection is open.
func (v *checklistView) assessmentForm(it app.ItemStatus, open bool) fyne.CanvasObject {
	resultOpts := make([]string, len(app.Results))
	for i, r := range app.Results {
		resultOpts[i] = resultText(r)
	}
	result := widget.NewSelect(resultOpts, nil)
	result.SetSelectedIndex(max(slices.Index(app.Results, it.Result), 0))
	sevValues := append([]string{""}, app.Severities...)
	sevOpts := make([]string, len(sevValues))
	for i, s := range sevValues {
		sevOpts[i] = severityText(s)
	}
	severity := widget.NewSelect(sevOpts, nil)
	severity.SetSelectedIndex(max(slices.Index(sevValues, it.Severity), 0))
	note := widget.NewMultiLineEntry()
	note.Wrapping = fyne.TextWrapWord
	note.SetMinRowsVisible(3)
	note.SetText(it.Note)
	finding := widget.NewMultiLineEntry()
	finding.Wrapping = fyne.TextWrapWord
	finding.SetMinRowsVisible(3)
	finding.SetText(it.Finding)
	deadline := widget.NewEntry()
	deadline.SetPlaceHolder("YYYY-MM-DD")
	deadline.SetText(it.Deadline)
	deadline.Validator = func(s string) error {
		if s = strings.TrimSpace(s); s == "" {
			return nil
		}
		if _, err := time.Parse(app.DateLayout, s); err != nil {
			return errors.New(lang.L("Write the date as YYYY-MM-DD"))
		}
		return nil
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Result"), result),
		widget.NewFormItem(lang.L("Severity"), severity),
		widget.NewFormItem(lang.L("Note"), note),
		widget.NewFormItem(lang.L("Finding"), finding),
		widget.NewFormItem(lang.L("Deadline"), deadline),
	)
	if !open {
		// Read-only: the fields themselves are disabled. (Form.Disable only
		// greys the submit and cancel buttons, and panics on a form not
		// yet shown, whose buttons do not exist.)
		result.Disable()
		severity.Disable()
		note.Disable()
		finding.Disable()
		deadline.Disable()
		return container.NewVBox(heading(lang.L("Assessment")), form)
	}
	form.SubmitText = lang.L("Save")
	form.OnSubmit = func() {
		sev := sevValues[max(severity.SelectedIndex(), 0)]
		n, f, d := note.Text, finding.Text, deadline.Text
		v.assess(app.AssessInput{CaseID: v.caseID, ItemID: it.ID, Result: app.Results[max(result.SelectedIndex(), 0)],
			Severity: &sev, Note: &n, Finding: &f, Deadline: &d})
	}
	return container.NewVBox(heading(lang.L("Assessment")), form)
}

// loadEvidence lists an item's evidence into box, off the UI goroutine.
func (v *checklistView) loadEvidence(itemID string, box *fyne.Container) {
	v.mw.goBackground(func() {
		evs, err := v.mw.ws.ItemEvidence(context.Background(), v.caseID, itemID)
		v.mw.do(func() {
			if err != nil {
				box.Objects = []fyne.CanvasObject{widget.NewLabel(errorText(err))}
				box.Refresh()
				return
			}
			var objs []fyne.CanvasObject
			if len(evs) == 0 {
				none := widget.NewLabel(lang.L("No evidence yet. Add records and passages from the Search tab, or accept a proposal."))
				none.Wrapping = fyne.TextWrapWord
				none.Importance = widget.LowImportance
				objs = append(objs, none)
			}
			open := v.status.CaseStatus == "open"
			for _, ev := range evs {
				ref := ev.Target
				if ev.Ref != ev.Target {
					ref = ev.Ref + " (" + ev.Target + ")"
				}
				where := widget.NewLabelWithStyle(fmt.Sprintf("%s · %s · %s", ref, ev.FileName, ev.Location), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
				where.Wrapping = fyne.TextWrapWord
				quote := wrapped(app.Clip(ev.Quote, 400))
				head := fyne.CanvasObject(where)
				if open {
					ev := ev
					remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { v.removeEvidence(itemID, ev) })
					head = container.NewBorder(nil, nil, nil, remove, where)
				}
				objs = append(objs, container.NewVBox(head, quote))
			}
			box.Objects = objs
			box.Refresh()
		})
	})
}

// removeEvidence asks before it removes an evidence link from an item.
func (v *checklistView) removeEvidence(itemID string, ev app.Evidence) {
	dialog.ShowConfirm(lang.L("Remove evidence?"),
		lang.L("Remove {{.Ref}} ({{.File}}, {{.Location}}) from the item's evidence? The file itself stays imported.",
			map[string]any{"Ref": ev.Target, "File": ev.FileName, "Location": ev.Location}),
		func(ok bool) {
			if ok {
				v.assess(app.AssessInput{CaseID: v.caseID, ItemID: itemID, RemoveEvidence: []string{ev.Target}})
			}
		}, v.mw.win)
}

// after runs f off the UI goroutine, then reloads the checklist, or shows
// the error f returned; done, if set, runs on the UI goroutine after a
// success.
func (v *checklistView) after(f func(context.Context) error, done func()) {
	v.mw.goBackground(func() {
		err := f(context.Background())
		v.mw.do(func() {
			if err != nil {
				v.mw.showError(err)
			} else if done != nil {
				done()
			}
			v.load()
		})
	})
}

func (v *checklistView) assess(in app.AssessInput) {
	v.after(func(ctx context.Context) error {
		_, err := v.mw.ws.Assess(ctx, in)
		return err
	}, nil)
}

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
		run, err = v.mw.ws.RunChecks(ctx, v.caseID)
		return err
	}, func() {
		dialog.ShowInformation(lang.L("Automated checks"), lang.L("{{.N}} proposals: {{.Added}} new or changed, {{.Kept}} as before. Items marked ◆ have a proposal awaiting your decision.",
			map[string]any{"N": len(run.Proposals), "Added": run.Added, "Kept": run.Kept}), v.mw.win)
	})
}

func (v *checklistView) accept(p app.Proposal) {
	v.after(func(ctx context.Context) error {
		_, err := v.mw.ws.AcceptProposals(ctx, v.caseID, p.PinnedKey())
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
	result := widget.NewSelect(opts, nil)
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
	d := dialog.NewForm(lang.L("Override the proposal"), lang.L("Override"), lang.L("Cancel"), items, func(ok bool) {
		if !ok || result.SelectedIndex() < 0 {
			return
		}
		r, why := values[result.SelectedIndex()], reason.Text
		v.after(func(ctx context.Context) error {
			_, err := v.mw.ws.OverrideProposal(ctx, v.caseID, p.PinnedKey(), r, why)
			return err
		}, nil)
	}, v.mw.win)
	d.Resize(fyne.NewSize(520, 320))
	d.Show()
}

func (v *checklistView) conclude() {
	dialog.ShowConfirm(lang.L("Conclude the inspection?"),
		lang.L("A concluded inspection takes no more changes until it is reopened. Every item must be assessed, every proposal decided and every non-compliant item must have a finding."),
		func(ok bool) {
			if !ok {
				return
			}
			v.mw.goBackground(func() {
				err := v.mw.ws.ConcludeInspection(context.Background(), v.caseID)
				v.mw.do(func() {
					var ce *app.ConcludeError
					if errors.As(err, &ce) {
						v.showConcludeProblems(ce)
					} else if err != nil {
						v.mw.showError(err)
					}
					v.load()
				})
			})
		}, v.mw.win)
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
			v.selected = p.Item
			v.tree.Select(p.Item)
			d.Hide()
		})
		b.Alignment = widget.ButtonAlignLeading
		box.Add(b)
	}
	intro := widget.NewLabel(lang.L("{{.N}} things keep the inspection from being concluded:", map[string]any{"N": len(ce.Problems)}))
	d = dialog.NewCustom(lang.L("Not ready to conclude"), lang.L("Close"), container.NewBorder(intro, nil, nil, nil, container.NewVScroll(box)), v.mw.win)
	d.Resize(fyne.NewSize(720, 480))
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
	v.after(func(ctx context.Context) error { return v.mw.ws.ReopenInspection(ctx, v.caseID) }, nil)
}

func (v *checklistView) sign() {
	dialog.ShowConfirm(lang.L("Sign the inspection?"),
		lang.L("Signing stores a SHA-256 over every item, result, note, finding, deadline and piece of evidence, in the names of the case's inspectors. A signed inspection can never be changed."),
		func(ok bool) {
			if !ok {
				return
			}
			var sig app.Signature
			v.after(func(ctx context.Context) (err error) {
				sig, err = v.mw.ws.SignInspection(ctx, v.caseID)
				return err
			}, func() {
				l := widget.NewLabel(lang.L("Signed. SHA-256:") + "\n" + sig.SHA256)
				l.Selectable = true
				l.Wrapping = fyne.TextWrapBreak
				dialog.ShowCustom(lang.L("Inspection signed"), lang.L("Close"), l, v.mw.win)
			})
		}, v.mw.win)
}

func (v *checklistView) verify() {
	v.mw.goBackground(func() {
		res, err := v.mw.ws.VerifyInspection(context.Background(), v.caseID)
		v.mw.do(func() {
			if err != nil {
				v.mw.showError(err)
				return
			}
			var b strings.Builder
			if res.OK {
				b.WriteString(lang.L("The inspection matches its signature."))
			} else {
				b.WriteString(lang.L("The inspection does NOT match its signature. Differences:"))
				for _, d := range res.Differences {
					where := d.Item
					if where == "" {
						where = lang.L("case")
					}
					fmt.Fprintf(&b, "\n• %s, %s: %q → %q", where, d.Field, app.Clip(d.Signed, 120), app.Clip(d.Now, 120))
				}
			}
			b.WriteString("\n\n" + lang.L("Signature") + ": " + res.Signature + "\n" + lang.L("Recomputed") + ": " + res.Recomputed)
			l := widget.NewLabel(b.String())
			l.Wrapping = fyne.TextWrapWord
			l.Selectable = true
			d := dialog.NewCustom(lang.L("Signature check"), lang.L("Close"), container.NewVScroll(l), v.mw.win)
			d.Resize(fyne.NewSize(720, 420))
			d.Show()
		})
	})
}

// addEvidence asks which item a search hit is evidence for, then cites it.
func (v *checklistView) addEvidence(hitID string) {
	if !v.started {
		dialog.ShowInformation(lang.L("Add as evidence"), lang.L("Start the inspection on the Checklist tab first."), v.mw.win)
		return
	}
	if v.status.CaseStatus != "open" {
		dialog.ShowInformation(lang.L("Add as evidence"), lang.L("The inspection is {{.Status}}; it takes no more evidence.",
			map[string]any{"Status": statusText(v.status.CaseStatus)}), v.mw.win)
		return
	}
	var ids, opts []string
	for _, it := range v.status.Items {
		ids = append(ids, it.ID)
		opts = append(opts, pick(it.Title)+" ("+it.ID+")")
	}
	sel := widget.NewSelect(opts, nil)
	if i := slices.Index(ids, v.selected); i >= 0 {
		sel.SetSelectedIndex(i)
	}
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Checklist item"), sel)}
	d := dialog.NewForm(lang.L("Add {{.ID}} as evidence", map[string]any{"ID": hitID}), lang.L("Add"), lang.L("Cancel"), items, func(ok bool) {
		if !ok || sel.SelectedIndex() < 0 {
			return
		}
		item := ids[sel.SelectedIndex()]
		v.after(func(ctx context.Context) error {
			_, err := v.mw.ws.Assess(ctx, app.AssessInput{CaseID: v.caseID, ItemID: item, Evidence: []string{hitID}})
			return err
		}, func() {
			v.selected = item
			v.mw.setStatus(lang.L("{{.ID}} added as evidence for {{.Item}}", map[string]any{"ID": hitID, "Item": item}))
		})
	}, v.mw.win)
	d.Resize(fyne.NewSize(640, 200))
	d.Show()
}
