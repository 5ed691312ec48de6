package ui

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"fmt"
	"image/color"
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

// overviewPage is a case's "Overview" tab: the case's details, then where
// its inspection stands — results and severities, proposals awaiting a
// decision, findings with their deadlines — the files handed over and a
// chart of the incident log. It reaches other pages only through its
// callbacks. Every field is touched on the UI goroutine only.
type overviewPage struct {
	host pageHost // the window, as far as a page may reach it
	ws   *app.App // host.Workspace()
	c    workbench.Case

	// OnItem opens a checklist item; "" opens the checklist.
	OnItem func(itemID string)
	// OnSubmissions opens the case's submissions.
	OnSubmissions func()
	// OnSearch runs a search in the case.
	OnSearch func(query string)
	// OnLabels is called when a personal-information scan changed the
	// files' labels.
	OnLabels func()

	content fyne.CanvasObject // the tab
	body    *fyne.Container   // what Overview loaded
	details *fyne.Container   // the case's details, redrawn when its status changes
	editBtn *widget.Button    // Edit case…, unavailable once the inspection is signed
	chart   *widgets.MonthChart
	pii     *piiSection  // the personal-information scan, loaded on its own
	ov      app.Overview // last shown
	loaded  bool
	seq     int // loads started; a load shows only if no later one started
}

// Most proposals and findings listed before "… and N more".
const overviewListMax = 6

// newOverviewPage builds the Overview of case c and starts loading its
// figures.
func newOverviewPage(host pageHost, c workbench.Case) *overviewPage {
	p := &overviewPage{host: host, ws: host.Workspace(), c: c}
	title := widget.NewRichTextFromMarkdown("# " + escapeMarkdown(c.Title))
	title.Wrapping = fyne.TextWrapWord
	deleteBtn := widget.NewButtonWithIcon(lang.L("Delete case…"), theme.DeleteIcon(), func() { host.confirmDeleteCase(c) })
	deleteBtn.Importance = widget.DangerImportance
	p.editBtn = widget.NewButtonWithIcon(lang.L("Edit case…"), theme.DocumentCreateIcon(), func() { host.editCase(p.c) })
	p.syncEdit()
	actions := container.NewHBox(layout.NewSpacer(), p.editBtn, deleteBtn)
	p.body = container.NewVBox(widget.NewLabel(lang.L("Loading…")))
	p.details = container.NewStack(caseDetails(c))
	p.pii = newPIISection(host, c.ID)
	p.pii.onLabels = func() { // the files' labels changed
		p.load()
		if p.OnLabels != nil {
			p.OnLabels()
		}
	}
	p.content = container.NewVScroll(container.NewVBox(title, widget.NewSeparator(), p.details, widget.NewSeparator(),
		p.body, widget.NewSeparator(), p.pii.box, widget.NewSeparator(), actions))
	p.load()
	return p
}

// syncEdit makes Edit case… unavailable on a signed case: its signature
// covers the case's details. A concluded case keeps it, and is told to be
// reopened first.
func (p *overviewPage) syncEdit() {
	if p.c.Status == string(workbench.StatusSigned) {
		p.editBtn.Disable()
	} else {
		p.editBtn.Enable()
	}
}

// caseDetails lays out what the case records about the provider and the
// service.
func caseDetails(c workbench.Case) fyne.CanvasObject {
	orNone := func(s string) string {
		if s == "" {
			return "—"
		}
		return s
	}
	modalities := make([]string, len(c.Service.Modalities))
	for i, m := range c.Service.Modalities {
		modalities[i] = modalityText(m)
	}
	publicOpinion := lang.L("No")
	if c.Service.PublicOpinion {
		publicOpinion = lang.L("Yes")
	}
	rows := []struct{ label, value string }{
		{lang.L("Case number"), strconv.FormatInt(c.ID, 10)},
		{lang.L("Status"), statusText(c.Status)},
		{lang.L("Opened on"), c.OpenedOn},
		{lang.L("Material received on"), orNone(c.ReceivedOn)},
		{lang.L("Provider"), c.Provider.Name},
		{lang.L("Unified social credit code"), orNone(c.Provider.CreditCode)},
		{lang.L("Service"), c.Service.Name},
		{lang.L("Filing number"), orNone(c.Service.FilingNo)},
		{lang.L("Modalities"), orNone(strings.Join(modalities, lang.L(", ")))},
		{lang.L("Public-opinion attribute (Art. 17)"), publicOpinion},
		{lang.L("Inspectors"), orNone(strings.Join(c.Inspectors, lang.L(", ")))},
		{lang.L("Checklist template"), orNone(templateTitle(c.ChecklistTemplate))},
	}
	// Two columns of label and value, so the figures below start high.
	half := (len(rows) + 1) / 2
	cols := container.NewGridWithColumns(2)
	for _, part := range [][]struct{ label, value string }{rows[:half], rows[half:]} {
		grid := container.New(layout.NewFormLayout())
		for _, r := range part {
			v := widget.NewLabel(r.value)
			v.Wrapping = fyne.TextWrapWord
			v.Selectable = true
			grid.Add(widget.NewLabelWithStyle(r.label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
			grid.Add(v)
		}
		cols.Add(grid)
	}
	return cols
}

// load reads the case's figures off the UI goroutine and shows them.
func (p *overviewPage) load() {
	if !p.pii.scanning {
		p.pii.load()
	}
	p.seq++
	seq := p.seq
	caseID := p.c.ID
	p.host.goBackground(func() {
		ov, err := p.ws.Overview(context.Background(), caseID)
		p.host.do(func() {
			if seq != p.seq {
				return
			}
			if err != nil {
				msg := widget.NewLabel(errorText(err))
				msg.Wrapping = fyne.TextWrapWord
				p.body.Objects = []fyne.CanvasObject{msg}
				p.body.Refresh()
				return
			}
			p.show(ov)
		})
	})
}

// show lays out loaded figures.
func (p *overviewPage) show(ov app.Overview) {
	p.ov, p.loaded = ov, true
	if ov.CaseStatus != "" && ov.CaseStatus != p.c.Status {
		// Concluded, reopened or signed on another tab since.
		p.c.Status = ov.CaseStatus
		p.details.Objects = []fyne.CanvasObject{caseDetails(p.c)}
		p.details.Refresh()
		p.syncEdit()
	}
	var objs []fyne.CanvasObject
	add := func(section ...fyne.CanvasObject) {
		if len(objs) > 0 {
			objs = append(objs, widget.NewSeparator())
		}
		objs = append(objs, section...)
	}
	add(p.checklistSection(ov)...)
	if in := ov.Inspection; in != nil {
		if len(in.Findings) > 0 {
			add(p.findingsSection(in)...)
		}
		if len(in.Pending) > 0 {
			add(p.pendingSection(in)...)
		}
	}
	add(p.submissionsSection(ov)...)
	if ov.Incidents.Records > 0 {
		add(p.incidentsSection(ov.Incidents)...)
	}
	p.body.Objects = objs
	p.body.Refresh()
}

// call calls f with v when f is set.
func call[T any](f func(T), v T) {
	if f != nil {
		f(v)
	}
}

// linkButton is a quiet button that reads like a link.
func linkButton(text string, tapped func()) *widget.Button {
	b := widget.NewButton(app.Clip(text, 80), tapped)
	b.Importance = widget.LowImportance
	b.Alignment = widget.ButtonAlignLeading
	return b
}

func (p *overviewPage) checklistSection(ov app.Overview) []fyne.CanvasObject {
	objs := []fyne.CanvasObject{ovHeading(lang.L("Checklist"))}
	in := ov.Inspection
	if in == nil {
		openBtn := widget.NewButtonWithIcon(lang.L("Open the checklist"), theme.ListIcon(), func() { call(p.OnItem, "") })
		return append(objs, container.NewHBox(widget.NewLabel(lang.L("Not started")), openBtn))
	}
	assessed := in.Items - in.Results[app.ResultNotAssessed]
	bar := widget.NewProgressBar()
	if in.Items > 0 {
		bar.SetValue(float64(assessed) / float64(in.Items))
	}
	bar.TextFormatter = func() string {
		return lang.L("{{.Assessed}} of {{.Total}} items assessed", map[string]any{"Assessed": assessed, "Total": in.Items})
	}
	objs = append(objs, bar)

	// Results, each with its count; severities of the findings.
	results := container.NewGridWithColumns(3)
	for _, r := range app.Results {
		l := widget.NewLabel(resultText(r) + lang.L(": ") + strconv.Itoa(in.Results[r]))
		l.Importance = ovImportance(r)
		if in.Results[r] == 0 {
			l.Importance = widget.LowImportance
		}
		results.Add(l)
	}
	objs = append(objs, results)
	var sev []string
	for i := len(app.Severities) - 1; i >= 0; i-- {
		s := app.Severities[i]
		sev = append(sev, severityText(s)+" "+strconv.Itoa(in.Severities[s]))
	}
	if in.Unrated > 0 {
		sev = append(sev, lang.L("no severity given")+" "+strconv.Itoa(in.Unrated))
	}
	objs = append(objs, ovWrapped(lang.L("Severity: {{.List}}", map[string]any{"List": strings.Join(sev, " · ")})))

	var state []string
	state = append(state, lang.L("Started {{.Date}}", map[string]any{"Date": localDay(in.StartedAt)}))
	if in.ConcludedAt != nil {
		state = append(state, lang.L("concluded {{.Date}}", map[string]any{"Date": localDay(*in.ConcludedAt)}))
	}
	if in.SignedAt != nil {
		state = append(state, lang.L("signed {{.Date}}", map[string]any{"Date": localDay(*in.SignedAt)}))
	}
	objs = append(objs, ovWrapped(strings.Join(state, lang.L(", "))+" · "+statusText(ov.CaseStatus)))
	if in.Signature != "" {
		sig := widget.NewLabel(lang.L("Signed; SHA-256 {{.Hash}}", map[string]any{"Hash": in.Signature}))
		sig.Wrapping = fyne.TextWrapBreak
		sig.Selectable = true
		objs = append(objs, sig)
	}
	return objs
}

// localDay writes the local date of t.
func localDay(t time.Time) string { return t.Local().Format(app.DateLayout) }

func (p *overviewPage) pendingSection(in *app.InspectionOverview) []fyne.CanvasObject {
	objs := []fyne.CanvasObject{ovHeading(lang.L("Proposals awaiting a decision: {{.N}}", map[string]any{"N": len(in.Pending)}))}
	for i, pp := range in.Pending {
		if i == overviewListMax {
			objs = append(objs, widget.NewLabel(lang.L("… and {{.N}} more", map[string]any{"N": len(in.Pending) - i})))
			break
		}
		item := pp.Item
		link := linkButton(pick(pp.ItemTitle)+" — "+resultText(pp.Result), func() { call(p.OnItem, item) })
		link.SetIcon(theme.QuestionIcon())
		summary := ovWrapped(pick(pp.Summary))
		summary.SizeName = theme.SizeNameCaptionText
		objs = append(objs, link, summary)
	}
	return objs
}

func (p *overviewPage) findingsSection(in *app.InspectionOverview) []fyne.CanvasObject {
	head := lang.L("Findings: {{.N}}", map[string]any{"N": len(in.Findings)})
	if in.Overdue > 0 {
		head = lang.L("Findings: {{.N}}, overdue: {{.Overdue}}", map[string]any{"N": len(in.Findings), "Overdue": in.Overdue})
	}
	objs := []fyne.CanvasObject{ovHeading(head)}
	grid := container.New(layout.NewFormLayout())
	for i, f := range in.Findings {
		if i == overviewListMax {
			objs = append(objs, grid, widget.NewLabel(lang.L("… and {{.N}} more", map[string]any{"N": len(in.Findings) - i})))
			grid = nil
			break
		}
		due := widget.NewLabel(deadlineText(f))
		switch {
		case f.Overdue:
			due.Importance = widget.DangerImportance
			due.TextStyle.Bold = true
		case f.Deadline == "":
			due.Importance = widget.LowImportance
		}
		item := f.Item
		what := pick(f.Title) + " — " + resultText(f.Result)
		if f.Severity != "" {
			what += lang.L(", ") + severityText(f.Severity)
		}
		box := container.NewVBox(linkButton(what, func() { call(p.OnItem, item) }))
		if f.Finding != "" {
			text := ovWrapped(app.Clip(f.Finding, 300))
			text.SizeName = theme.SizeNameCaptionText
			box.Add(text)
		}
		grid.Add(due)
		grid.Add(box)
	}
	if grid != nil {
		objs = append(objs, grid)
	}
	return objs
}

// deadlineText says when a finding is due, relative to today.
func deadlineText(f app.Finding) string {
	switch {
	case f.Deadline == "":
		return lang.L("No deadline")
	case f.Overdue:
		return lang.L("Overdue since {{.Date}}", map[string]any{"Date": f.Deadline})
	case f.DaysLeft == 0:
		return lang.L("Due today")
	}
	return lang.L("Due {{.Date}}", map[string]any{"Date": f.Deadline})
}

func (p *overviewPage) submissionsSection(ov app.Overview) []fyne.CanvasObject {
	objs := []fyne.CanvasObject{ovHeading(lang.L("Submissions"))}
	if len(ov.Submissions) == 0 {
		imp := widget.NewButtonWithIcon(lang.L("Import files…"), theme.FolderOpenIcon(), func() {
			if p.OnSubmissions != nil {
				p.OnSubmissions()
			}
		})
		return append(objs, container.NewHBox(widget.NewLabel(lang.L("No files imported yet.")), imp))
	}
	grid := container.New(layout.NewFormLayout())
	for i := 0; i < len(ov.Submissions); {
		kind := ov.Submissions[i].Kind
		files, records, passages := 0, 0, 0
		var labels []string
		for ; i < len(ov.Submissions) && ov.Submissions[i].Kind == kind; i++ {
			s := ov.Submissions[i]
			files += s.Submissions
			records += s.Records
			passages += s.Passages
			labels = append(labels, labelText(s.Label)+" "+strconv.Itoa(s.Submissions))
		}
		parts := []string{lang.L("{{.Files}} ({{.Labels}})", map[string]any{
			"Files": lang.L("files: {{.N}}", map[string]any{"N": files}), "Labels": strings.Join(labels, lang.L(", "))})}
		if records > 0 {
			parts = append(parts, lang.L("records: {{.N}}", map[string]any{"N": records}))
		}
		if passages > 0 {
			parts = append(parts, lang.L("passages: {{.N}}", map[string]any{"N": passages}))
		}
		v := widget.NewLabel(strings.Join(parts, " · "))
		v.Truncation = fyne.TextTruncateEllipsis
		grid.Add(widget.NewLabelWithStyle(kindText(kind), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		grid.Add(v)
	}
	return append(objs, grid)
}

// categoryColors colour the incident categories in the importers' order,
// the last for "other".
var categoryColors = []color.Color{
	color.NRGBA{R: 0xd9, G: 0x4a, B: 0x4a, A: 0xff}, // illegal content
	color.NRGBA{R: 0xe8, G: 0x91, B: 0x3a, A: 0xff}, // user illegal activity
	color.NRGBA{R: 0x3b, G: 0x7d, B: 0xd8, A: 0xff}, // complaint
	color.NRGBA{R: 0x8e, G: 0x5c, B: 0xc7, A: 0xff}, // personal-information request
	color.NRGBA{R: 0x2e, G: 0x9e, B: 0x8f, A: 0xff}, // security event
	color.NRGBA{R: 0x6b, G: 0x8e, B: 0x23, A: 0xff}, // inquiry or suggestion
	color.NRGBA{R: 0xb0, G: 0x6a, B: 0x9c, A: 0xff},
}

var otherColor = color.NRGBA{R: 0x8c, G: 0x8c, B: 0x8c, A: 0xff}

// chartData turns the incident log into the chart's series and bars.
func chartData(log app.IncidentLog) ([]widgets.ChartSeries, []widgets.ChartBar) {
	series := make([]widgets.ChartSeries, len(log.Categories))
	for i, c := range log.Categories {
		name := c.En
		if chinese() {
			name = c.Zh
		}
		col := color.Color(otherColor)
		if c.Value != "" {
			col = categoryColors[i%len(categoryColors)]
		}
		series[i] = widgets.ChartSeries{Name: name, Color: col}
	}
	bars := make([]widgets.ChartBar, len(log.Months))
	for i, m := range log.Months {
		vals := make([]int, len(log.Categories))
		for j, c := range log.Categories {
			vals[j] = m.ByCategory[c.Value]
		}
		bars[i] = widgets.ChartBar{Label: m.Month, Values: vals}
	}
	return series, bars
}

// monthQuery is the search for the incidents found in a month (YYYY-MM).
func monthQuery(month string) string {
	first, err := time.Parse("2006-01", month)
	if err != nil {
		return "kind:incident"
	}
	last := first.AddDate(0, 1, -1)
	return fmt.Sprintf("kind:incident found:%s..%s", first.Format(app.DateLayout), last.Format(app.DateLayout))
}

func (p *overviewPage) incidentsSection(log app.IncidentLog) []fyne.CanvasObject {
	objs := []fyne.CanvasObject{ovHeading(lang.L("Incident log by month"))}
	series, bars := chartData(log)
	p.chart = widgets.NewMonthChart(series, bars)
	p.chart.Empty = lang.L("No incident has a date.")
	p.chart.Describe = func(i int) string {
		var parts []string
		for j, s := range series {
			if n := bars[i].Values[j]; n > 0 {
				parts = append(parts, s.Name+" "+strconv.Itoa(n))
			}
		}
		return bars[i].Label + " — " + strings.Join(parts, " · ")
	}
	p.chart.OnTapped = func(i int) {
		if p.OnSearch != nil {
			p.OnSearch(monthQuery(bars[i].Label))
		}
	}
	note := lang.L("Records: {{.N}}. Tap a month to search its incidents.", map[string]any{"N": log.Records})
	if log.Undated.Total > 0 {
		note = lang.L("Records: {{.N}}, without a date: {{.Undated}}. Tap a month to search its incidents.",
			map[string]any{"N": log.Records, "Undated": log.Undated.Total})
	}
	caption := ovWrapped(note)
	caption.SizeName = theme.SizeNameCaptionText
	return append(objs, p.chart, caption)
}

func ovHeading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func ovWrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// ovImportance colours a result's count.
func ovImportance(r string) widget.Importance {
	switch r {
	case "compliant":
		return widget.SuccessImportance
	case "non_compliant":
		return widget.DangerImportance
	case "partially_compliant", "info_requested":
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// templateTitle names a checklist template by its title in the user's
// language: a built-in one's, else its id (a template file's name).
func templateTitle(id string) string {
	if t, err := checklist.ByID(id); err == nil {
		if title := pick(t.Title); title != "" {
			return title
		}
	}
	return id
}
