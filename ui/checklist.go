package ui

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/app/checklist"
	"github.com/inspection-workbench/workbench/ui/widgets"
)

// checklistView is a case's "Checklist" tab: the items grouped by article
// on the left, the selected item on the right, and the inspection's
// progress and lifecycle above. Every field is touched on the UI goroutine
// only.
//
// The item highlighted in the tree is always the item shown and edited on
// the right: the view moves the highlight itself (select), and the user's
// choice in the tree goes through selectItem, which first saves the
// assessment being left.
type checklistView struct {
	host   pageHost    // the window, as far as a page may reach it
	ws     *app.App    // host.Workspace()
	win    fyne.Window // host.Window(), for dialogs
	caseID int64

	// What was last loaded from the workspace.
	started   bool
	tmpl      *checklist.Template
	status    app.Status
	items     map[string]app.ItemStatus
	proposals []app.Proposal
	selected  string // the item shown on the right, "" for none
	// want is an item asked for (reveal) before the inspection showed
	// here; it is shown once loaded.
	want string

	content *fyne.Container // the tab: the start screen or the checklist
	tree    *widgets.ItemTree
	detail  *fyne.Container
	// detailScroll scrolls the item's detail; nil before the inspection
	// shows.
	detailScroll *container.Scroll
	summary      *widget.Label
	// templates names the checklist templates the inspection holds, when
	// it holds more than one.
	templates *widget.Label
	progress  *widget.ProgressBar
	actions   *fyne.Container

	// form is the assessment shown for the selected item, nil for none.
	form *assessment
	// library is the keyword library dialog last opened from an item.
	library *libraryView
	// saved is the last save of an assessment, confirmed next to the Save
	// button while its item is shown.
	saved struct {
		item string
		at   time.Time
	}
	// about remembers which of the item's sections (requirement,
	// guidance, suggested searches) the inspector opened.
	about     [3]bool
	readAbout func() // reads the sections' state back into about

	// overview is the progress box on the Overview tab.
	overview *fyne.Container
}

func newChecklistView(host pageHost, caseID int64) *checklistView {
	v := &checklistView{host: host, ws: host.Workspace(), win: host.Window(), caseID: caseID, items: map[string]app.ItemStatus{}}
	v.content = container.NewStack(widget.NewLabel(lang.L("Loading…")))
	v.overview = container.NewVBox(widget.NewLabel(lang.L("Loading…")))
	v.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.summary.Truncation = fyne.TextTruncateEllipsis
	v.templates = widget.NewLabel("")
	v.templates.Wrapping = fyne.TextWrapWord
	v.templates.Hide()
	v.progress = widget.NewProgressBar()
	v.actions = container.NewHBox()
	v.detail = container.NewVBox()
	v.tree = widgets.NewItemTree()
	v.tree.OnSelected = v.selectItem
	v.load()
	return v
}

// chinese reports whether the GUI speaks Chinese, for the texts templates
// give in both languages.
func chinese() bool { return speaksChinese() }

// pick chooses a template text in the GUI's language, the other when it is
// empty.
func pick(t workbench.Text) string {
	if chinese() && t.Zh != "" || t.En == "" {
		return t.Zh
	}
	return t.En
}

// load reads the inspection off the UI goroutine and shows it.
func (v *checklistView) load() {
	v.host.goBackground(func() {
		ctx := context.Background()
		st, err := v.ws.InspectionStatus(ctx, v.caseID)
		var nie *app.NoInspectionError
		if errors.As(err, &nie) {
			v.host.do(v.showStart)
			return
		}
		var tmpl *checklist.Template
		var ps []app.Proposal
		if err == nil {
			tmpl, err = v.ws.InspectionTemplate(ctx, v.caseID)
		}
		if err == nil {
			ps, err = v.ws.Proposals(ctx, v.caseID, false)
		}
		v.host.do(func() {
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
	start := widget.NewButtonWithIcon(lang.L("Start inspection"), theme.MediaPlayIcon(), v.chooseTemplates)
	start.Importance = widget.HighImportance
	// A VBox gives the message the tab's whole width to wrap in.
	v.content.Objects = []fyne.CanvasObject{container.NewVBox(layout.NewSpacer(), msg, container.NewCenter(start), layout.NewSpacer())}
	v.content.Refresh()
	v.overview.Objects = []fyne.CanvasObject{container.NewHBox(widget.NewLabel(lang.L("Not started")),
		widget.NewButtonWithIcon(lang.L("Start inspection"), theme.MediaPlayIcon(), v.chooseTemplates))}
	v.overview.Refresh()
}

// show lays out a loaded inspection, keeping the selected item.
func (v *checklistView) show(st app.Status, tmpl *checklist.Template, ps []app.Proposal) {
	first := !v.started
	v.started, v.status, v.tmpl, v.proposals = true, st, tmpl, ps
	v.items = map[string]app.ItemStatus{}
	for _, it := range st.Items {
		v.items[it.ID] = it
	}
	v.showProgress()
	v.showActions()
	if line := v.templatesLine(); line != "" {
		v.templates.SetText(line)
		v.templates.Show()
	} else {
		v.templates.Hide()
	}
	v.host.updateCase(v.caseID, func(c *workbench.Case) { c.Status = st.CaseStatus })
	if first {
		v.detailScroll = container.NewVScroll(container.NewPadded(v.detail))
		split := container.NewHSplit(v.tree, v.detailScroll)
		split.SetOffset(0.34)
		// The progress bar shares the summary's line, to leave the height
		// to the item.
		bar := container.NewGridWrap(fyne.NewSize(160, v.progress.MinSize().Height), v.progress)
		top := container.NewVBox(v.actions, container.NewBorder(nil, nil, nil, bar, v.summary), v.templates)
		v.content.Objects = []fyne.CanvasObject{container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil, nil, nil, split)}
		v.content.Refresh()
	}
	v.tree.SetGroups(v.treeGroups())
	if _, ok := v.items[v.want]; ok {
		v.selected = v.want
	}
	v.want = ""
	if _, ok := v.items[v.selected]; !ok && len(st.Items) > 0 {
		v.selected = st.Items[0].ID
	}
	v.tree.Select(v.selected)
	v.showItem()
}

// treeGroups lists the items under their articles, in checklist order;
// items without an article come last.
func (v *checklistView) treeGroups() []widgets.TreeGroup {
	var groups []widgets.TreeGroup
	index := map[int]int{}
	tindex := map[string]int{}
	first := ""
	if len(v.status.Templates) > 0 {
		first = v.status.Templates[0].ID
	}
	for _, it := range v.status.Items {
		art := 0
		if len(it.Articles) > 0 {
			art = it.Articles[0].Article
		}
		var i int
		if it.Template != "" && it.Template != first {
			// The items of a template added after the first: one group,
			// named by the template.
			var ok bool
			if i, ok = tindex[it.Template]; !ok {
				i = len(groups)
				tindex[it.Template] = i
				id, title := v.templateGroup(it.Template)
				groups = append(groups, widgets.TreeGroup{ID: id, Title: title})
			}
		} else {
			var ok bool
			if i, ok = index[art]; !ok {
				i = len(groups)
				index[art] = i
				groups = append(groups, widgets.TreeGroup{ID: "art-" + strconv.Itoa(art), Title: articleTitle(art)})
			}
		}
		title := pick(it.Title)
		if title == "" {
			title = it.ID
		}
		if it.Proposal != nil && it.Proposal.Decision == app.DecisionPending {
			title = "◆ " + title
		}
		groups[i].Items = append(groups[i].Items, widgets.TreeItem{ID: it.ID, Title: title,
			Icon: resultIcon(it.Result), Importance: resultImportance(it.Result)})
	}
	return groups
}

// selectItem shows the item the inspector picked in the tree, after
// saving the assessment of the item left; when that cannot be saved as it
// stands, it asks whether to keep editing or discard the changes.
func (v *checklistView) selectItem(id string) {
	if id == v.selected {
		return
	}
	v.tree.Select(v.selected) // the highlight stays until the item left lets go
	v.leave(func() { v.goTo(id) })
}

// reveal shows item id, highlighted, as if the inspector had picked it
// in the tree (the assessment left is saved first), once the checklist
// has loaded it; an id not in the checklist does nothing. Before the
// inspection shows here (it may have been started elsewhere since) the
// checklist is read again and the item shown then. The tree's Select only
// moves the highlight, so it alone would leave another item shown.
func (v *checklistView) reveal(id string) {
	if _, ok := v.items[id]; ok {
		v.selectItem(id)
		return
	}
	if !v.started {
		v.want = id
		v.load()
	}
}

// goTo highlights item id in the tree and shows it. The assessment shown
// before must have been saved or discarded (see leave).
func (v *checklistView) goTo(id string) {
	if _, ok := v.items[id]; !ok {
		return
	}
	v.selected = id
	v.tree.Select(id)
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
		if add := v.addTemplateButton(); add != nil {
			bs = append(bs, add)
		}
	case "concluded":
		reopen := widget.NewButtonWithIcon(lang.L("Reopen"), theme.ContentUndoIcon(), v.reopen)
		sign := widget.NewButtonWithIcon(lang.L("Sign…"), theme.DocumentSaveIcon(), v.sign)
		sign.Importance = widget.HighImportance
		bs = append(bs, reopen, sign, v.verifyButton())
	case "signed":
		bs = append(bs, v.verifyButton())
	}
	v.actions.Objects = append(v.exportButtons(v.status.CaseStatus == "open"), bs...)
	v.actions.Refresh()
}

// articleTitle names an article in the GUI's language.
func articleTitle(n int) string {
	switch {
	case n == 0:
		return lang.L("Other items")
	case chinese():
		return workbench.ArticleRef{Article: n}.Zh()
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
	return resultName(r)
}

// severityText is a severity in the GUI's language.
func severityText(s string) string {
	return severityName(s)
}

// decisionText is a proposal's decision in the GUI's language.
func decisionText(p app.Proposal) string {
	switch p.Decision {
	case app.DecisionOverridden:
		return lang.L("Overridden: {{.Result}} — {{.Reason}}", map[string]any{"Result": resultText(p.DecidedResult), "Reason": p.Reason})
	case app.DecisionAccepted, app.DecisionPending:
		return decisionName(p.Decision)
	}
	return decisionName(app.DecisionPending)
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
