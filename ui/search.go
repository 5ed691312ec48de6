package ui

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/ui/dialogs"
	"github.com/inspection-workbench/workbench/ui/widgets"
)

const (
	// searchPageSize is how many hits one page of results shows.
	searchPageSize = 20
	// contextPassages is how many passages either side of a passage hit
	// its context shows.
	contextPassages = 3
	// snippetLines is how many lines of snippet a result row has room for;
	// longer snippets are cut with "…".
	snippetLines = 3
)

// searchView is a case's "Search" tab: the query, the facet filters, one
// page of hits and the paging controls. Every field is touched on the UI
// goroutine only.
type searchView struct {
	host   pageHost    // the window, as far as a page may reach it
	ws     *app.App    // host.Workspace()
	win    fyne.Window // host.Window(), for dialogs
	caseID int64

	query      *widget.Entry
	allCases   *widget.Check
	queryErr   *widget.Label
	kind, file *widget.Select
	kindValues []string       // the filter value of each kind option, "" for all
	fileValues []string       // the same for the file options
	order      *widget.Select // automatic, by relevance, in file order
	orderNote  *widget.Label  // says when hits are in file order because there are too many to rank
	filling    bool           // set while the selects are refilled, so their OnChanged ignores it
	total      *widget.Label
	pageInfo   *widget.Label
	prev, next *widget.Button
	incomplete *widget.Label
	hint       *widget.Label
	list       *widget.List

	req    workbench.SearchRequest // the search shown or under way
	ran    bool                    // req holds a well-formed search
	hits   []workbench.SearchHit   // the page shown
	totalN int                     // hits in all pages
	seq    int                     // bumped by every search; results of older ones are dropped
	cancel context.CancelFunc

	keywords *keywordsView // the "Run keyword file…" dialog
	content  fyne.CanvasObject
}

func newSearchView(host pageHost, caseID int64) *searchView {
	v := &searchView{host: host, ws: host.Workspace(), win: host.Window(), caseID: caseID}

	v.query = widget.NewEntry()
	v.query.SetPlaceHolder(lang.L("Words, \"a phrase\", a OR b, -word, kind:incident …"))
	v.query.OnSubmitted = func(string) { v.run() }
	searchBtn := widget.NewButtonWithIcon(lang.L("Search"), theme.SearchIcon(), v.run)
	searchBtn.Importance = widget.HighImportance
	helpBtn := widget.NewButtonWithIcon("", theme.HelpIcon(), func() { v.showHelp() })
	v.allCases = widget.NewCheck(lang.L("All cases"), func(bool) { v.run() })
	v.keywords = newKeywordsView(host, caseID, v.allCases, v.runQuery)
	keywordsBtn := widget.NewButtonWithIcon(lang.L("Run keyword file…"), theme.FileTextIcon(), v.keywords.show)
	queryRow := container.NewBorder(nil, nil, nil, container.NewHBox(searchBtn, helpBtn, v.allCases, keywordsBtn), v.query)

	v.queryErr = widget.NewLabel("")
	v.queryErr.Importance = widget.DangerImportance
	v.queryErr.Wrapping = fyne.TextWrapWord
	v.queryErr.Hide()

	v.kind = newSelect(nil, func(string) { v.filterChanged() })
	v.file = newSelect(nil, func(string) { v.filterChanged() })
	v.fillFacets(nil, nil)
	v.order = newSelect([]string{lang.L("Automatic"), lang.L("By relevance"), lang.L("In file order")}, func(string) { v.filterChanged() })
	v.order.SetSelectedIndex(0)
	v.orderNote = widget.NewLabel(lang.L("Shown in file order: too many results to rank — narrow the search or sort by relevance"))
	v.orderNote.Importance = widget.WarningImportance
	v.orderNote.Wrapping = fyne.TextWrapWord
	v.orderNote.Hide()
	fixed := func(w float32, o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
	}
	v.total = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.pageInfo = widget.NewLabel("")
	v.prev = widget.NewButtonWithIcon(lang.L("Previous page"), theme.NavigateBackIcon(), func() { v.page(-1) })
	v.next = widget.NewButtonWithIcon(lang.L("Next page"), theme.NavigateNextIcon(), func() { v.page(1) })
	v.next.IconPlacement = widget.ButtonIconTrailingText
	v.prev.Disable()
	v.next.Disable()
	filterRow := container.NewHBox(
		widget.NewLabel(lang.L("Kind")), fixed(200, v.kind),
		widget.NewLabel(lang.L("File")), fixed(240, v.file),
		widget.NewLabel(lang.L("Order")), fixed(150, v.order),
		layout.NewSpacer(), v.total)
	pageRow := container.NewHBox(layout.NewSpacer(), v.prev, v.pageInfo, v.next)

	v.incomplete = widget.NewLabel(lang.L("The search index is being updated: results may be incomplete."))
	v.incomplete.Importance = widget.WarningImportance
	v.incomplete.Wrapping = fyne.TextWrapWord
	v.setIndexing(host.indexUpdating())

	v.list = widget.NewList(
		func() int { return len(v.hits) },
		func() fyne.CanvasObject { return widgets.NewHitRow(snippetLines) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(v.hits) {
				setHitRow(o.(*widgets.HitRow), v.hits[i], v.caseTitle(v.hits[i].CaseID))
			}
		},
	)
	v.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(v.hits) {
			v.open(v.hits[i])
		}
		v.list.UnselectAll()
	}
	v.hint = widget.NewLabel(lang.L("Search everything imported into this case: type words and press Enter. The help button explains phrases, OR, exclusions and filters."))
	v.hint.Alignment = fyne.TextAlignCenter
	v.hint.Wrapping = fyne.TextWrapWord
	hint := container.NewVBox(layout.NewSpacer(), v.hint, layout.NewSpacer())

	top := container.NewVBox(queryRow, v.queryErr, filterRow, v.orderNote, v.incomplete)
	v.content = container.NewBorder(top, pageRow, nil, nil, container.NewStack(v.list, hint))
	return v
}

// run searches for what the query field and the filters say, from the
// first page. An empty query does nothing.
func (v *searchView) run() {
	q := strings.TrimSpace(v.query.Text)
	if q == "" {
		return
	}
	req := workbench.SearchRequest{
		Query: q,
		Kind:  selectedValue(v.kind, v.kindValues),
		File:  selectedValue(v.file, v.fileValues),
		Sort:  []string{"", workbench.OrderRelevance, workbench.OrderFile}[max(v.order.SelectedIndex(), 0)],
		Limit: searchPageSize,
	}
	if !v.allCases.Checked {
		req.CaseID = v.caseID
	}
	v.search(req)
}

// runQuery puts q in the query field and runs it.
func (v *searchView) runQuery(q string) {
	v.query.SetText(q)
	v.run()
}

// filterChanged runs the search again when the user picks a facet.
func (v *searchView) filterChanged() {
	if !v.filling {
		v.run()
	}
}

// page moves delta pages from the page shown.
func (v *searchView) page(delta int) {
	if !v.ran {
		return
	}
	req := v.req
	req.Offset = max(req.Offset+delta*searchPageSize, 0)
	v.search(req)
}

// refresh runs the search shown again, for when the index has changed.
func (v *searchView) refresh() {
	if v.ran {
		v.search(v.req)
	}
}

// facetCounts are the counts each facet select offers: for each, the hits
// the search would have without that facet's own filter.
type facetCounts struct {
	kinds, files map[string]int
}

// search runs req off the UI goroutine and shows its page of hits. A
// newer search supersedes this one: its results are then dropped.
func (v *searchView) search(req workbench.SearchRequest) {
	v.seq++
	if v.cancel != nil {
		v.cancel()
		v.cancel = nil
	}
	// Parsing is quick and needs no disk: a malformed query is reported
	// at once.
	if err := app.ParseQuery(req.Query); err != nil {
		v.showError(err)
		return
	}
	seq := v.seq
	ctx, cancel := context.WithCancel(context.Background())
	v.cancel = cancel
	v.req, v.ran = req, true
	v.queryErr.Hide()
	v.total.SetText(lang.L("Searching…"))
	v.host.goBackground(func() {
		defer cancel()
		res, facets, err := searchWithFacets(ctx, v.ws, req)
		v.host.do(func() {
			if seq != v.seq {
				return // a newer search replaced this one
			}
			v.cancel = nil
			if err != nil {
				v.showError(err)
				return
			}
			if len(res.Hits) == 0 && res.Total > 0 && req.Offset > 0 {
				// The index shrank under the page shown: go to the last page.
				req.Offset = (res.Total - 1) / searchPageSize * searchPageSize
				v.search(req)
				return
			}
			v.show(res, facets)
		})
		if !res.Counting || res.Pending == nil {
			return
		}
		// The page came first: the exact total and facets follow.
		c, err := res.Pending.Wait(ctx)
		if ctx.Err() != nil {
			return // superseded
		}
		v.host.do(func() {
			if seq != v.seq {
				return
			}
			if err != nil {
				v.showError(err)
				return
			}
			if req.Kind == "" {
				facets.kinds = c.Facets.Kind
			}
			if req.File == "" {
				facets.files = c.Facets.File
			}
			res.Total, res.Facets, res.Counting, res.Pending = c.Total, c.Facets, false, nil
			v.showCounts(res, facets)
		})
	})
}

// searchWithFacets runs req and, for a facet whose filter is set, a count
// without that filter, so the select still offers the other values.
func searchWithFacets(ctx context.Context, ws *app.App, req workbench.SearchRequest) (workbench.SearchResult, facetCounts, error) {
	res, err := ws.Search(ctx, req)
	if err != nil {
		return res, facetCounts{}, fmt.Errorf("search %q: %w", req.Query, err)
	}
	fc := facetCounts{kinds: res.Facets.Kind, files: res.Facets.File}
	if req.Kind != "" {
		r := req
		r.Kind, r.CountOnly = "", true
		all, err := ws.Search(ctx, r)
		if err != nil {
			return res, fc, fmt.Errorf("count %q by kind: %w", req.Query, err)
		}
		fc.kinds = all.Facets.Kind
	}
	if req.File != "" {
		r := req
		r.File, r.CountOnly = "", true
		all, err := ws.Search(ctx, r)
		if err != nil {
			return res, fc, fmt.Errorf("count %q by file: %w", req.Query, err)
		}
		fc.files = all.Facets.File
	}
	return res, fc, nil
}

// show puts a page of results on screen.
func (v *searchView) show(res workbench.SearchResult, fc facetCounts) {
	v.hits = res.Hits
	v.showCounts(res, fc)
	v.list.UnselectAll()
	v.list.Refresh()
	v.list.ScrollToTop()
}

// showCounts shows a search's total, facets, order and paging: with its
// page, and again when the exact counts come after the page.
func (v *searchView) showCounts(res workbench.SearchResult, fc facetCounts) {
	v.totalN = res.Total
	v.fillFacets(fc.kinds, fc.files)
	if res.Order == workbench.OrderFile && v.req.Sort == "" {
		v.orderNote.Show()
	} else {
		v.orderNote.Hide()
	}
	switch {
	case res.Counting:
		// A page is shown; how many there are in all is still being
		// counted.
		v.total.SetText(lang.L("Counting…"))
		v.hint.Hide()
		v.pageInfo.SetText(lang.L("{{.From}}–{{.To}}", map[string]any{
			"From": formatCount(v.req.Offset + 1), "To": formatCount(v.req.Offset + len(res.Hits))}))
	case res.Total == 0:
		v.total.SetText(lang.L("No results"))
		v.hint.SetText(lang.L("Nothing matches. Try fewer words, check the spelling, or set the filters to All."))
		v.hint.Show()
		v.pageInfo.SetText("")
	default:
		v.total.SetText(lang.L("Results: {{.N}}", map[string]any{"N": formatCount(res.Total)}))
		v.hint.Hide()
		v.pageInfo.SetText(lang.L("{{.From}}–{{.To}} of {{.Total}}", map[string]any{
			"From": formatCount(v.req.Offset + 1), "To": formatCount(v.req.Offset + len(res.Hits)), "Total": formatCount(res.Total)}))
	}
	enable(v.prev, v.req.Offset > 0)
	enable(v.next, v.req.Offset+len(res.Hits) < res.Total || res.Counting && len(res.Hits) == searchPageSize)
}

// showError shows why a search failed under the query field, and no
// results.
func (v *searchView) showError(err error) {
	var se *workbench.SyntaxError
	if errors.As(err, &se) {
		v.ran = false // nothing to page through or refresh
		v.queryErr.SetText(lang.L("Query error at character {{.Pos}}: {{.Msg}}", map[string]any{"Pos": se.Pos, "Msg": syntaxProblem(se)}))
	} else {
		v.queryErr.SetText(lang.L("Search failed: {{.Error}}", map[string]any{"Error": errorText(err)}))
	}
	v.queryErr.Show()
	v.fillFacets(nil, nil) // the counts were those of another query
	v.hits, v.totalN = nil, 0
	v.total.SetText("")
	v.pageInfo.SetText("")
	v.hint.Hide()
	enable(v.prev, false)
	enable(v.next, false)
	v.list.UnselectAll()
	v.list.Refresh()
}

// setIndexing says whether the index is being updated, when results may
// be incomplete.
func (v *searchView) setIndexing(on bool) {
	if on {
		v.incomplete.Show()
	} else {
		v.incomplete.Hide()
	}
}

// fillFacets sets the options of the kind and file selects to "All" and
// each value with its count, keeping the current choice. Nil maps (no
// search) leave the counts out.
func (v *searchView) fillFacets(kinds, files map[string]int) {
	v.filling = true
	defer func() { v.filling = false }()

	curKind := selectedValue(v.kind, v.kindValues)
	opts, values := []string{allOption(kinds)}, []string{""}
	for _, k := range app.Kinds() {
		n, ok := kinds[string(k)]
		if !ok && string(k) != curKind {
			continue
		}
		opts = append(opts, countOption(kindText(string(k)), n, kinds != nil))
		values = append(values, string(k))
	}
	v.kindValues = values
	v.kind.SetOptions(opts)
	v.kind.SetSelectedIndex(max(indexOf(values, curKind), 0))

	curFile := selectedValue(v.file, v.fileValues)
	names := make([]string, 0, len(files)+1)
	for f := range files {
		names = append(names, f)
	}
	if _, ok := files[curFile]; !ok && curFile != "" {
		names = append(names, curFile)
	}
	sort.Slice(names, func(i, j int) bool {
		if files[names[i]] != files[names[j]] {
			return files[names[i]] > files[names[j]]
		}
		return names[i] < names[j]
	})
	opts, values = []string{allOption(files)}, []string{""}
	for _, f := range names {
		opts = append(opts, countOption(f, files[f], files != nil))
		values = append(values, f)
	}
	v.fileValues = values
	v.file.SetOptions(opts)
	v.file.SetSelectedIndex(max(indexOf(values, curFile), 0))
}

// allOption is the "All" option of a facet select, with the count when a
// search has given one.
func allOption(counts map[string]int) string {
	n := 0
	for _, c := range counts {
		n += c
	}
	return countOption(lang.L("All"), n, counts != nil)
}

// countOption is a facet option: the value's name and, when counted, its
// count.
func countOption(name string, n int, counted bool) string {
	if !counted {
		return name
	}
	return lang.L("{{.Name}} ({{.N}})", map[string]any{"Name": name, "N": formatCount(n)})
}

// selectedValue is the filter value of a facet select's choice.
func selectedValue(s *widget.Select, values []string) string {
	if i := s.SelectedIndex(); i >= 0 && i < len(values) {
		return values[i]
	}
	return ""
}

func indexOf(values []string, v string) int {
	for i, x := range values {
		if x == v {
			return i
		}
	}
	return -1
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// caseTitle names a hit's case when the search spans all cases.
func (v *searchView) caseTitle(id int64) string {
	if !v.ran || v.req.CaseID != 0 {
		return ""
	}
	if c, ok := v.host.caseByID(id); ok {
		return c.Title
	}
	return lang.L("Case {{.N}}", map[string]any{"N": id})
}

// formatCount writes n with thousands separators: 1,234.
func formatCount(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// hitLocation says in the user's language where a hit stands in its file.
func hitLocation(h workbench.SearchHit) string {
	p := h.Place
	var parts []string
	if p.Sheet != "" {
		parts = append(parts, lang.L("sheet “{{.Sheet}}”", map[string]any{"Sheet": p.Sheet}))
	}
	if p.Row > 0 {
		n := map[string]any{"N": p.Row}
		switch p.RowUnit {
		case "line":
			parts = append(parts, lang.L("line {{.N}}", n))
		case "record":
			parts = append(parts, lang.L("record {{.N}}", n))
		default:
			parts = append(parts, lang.L("row {{.N}}", n))
		}
	}
	if len(p.Headings) > 0 {
		parts = append(parts, strings.Join(p.Headings, " > "))
	}
	if part := partLabel(p.Part, p.Comment, p.Author); part != "" {
		parts = append(parts, part)
	}
	if loc := passageLocation(p.Page, p.Para, p.Line, p.Table, p.TableRow, p.TableCell); loc != "" {
		parts = append(parts, loc)
	}
	return joinPlace(parts)
}

// setHitRow shows hit h in a result row; caseTitle, when not empty,
// names its case.
func setHitRow(r *widgets.HitRow, h workbench.SearchHit, caseTitle string) {
	parts := []string{h.File}
	if loc := hitLocation(h); loc != "" {
		parts = append(parts, loc)
	}
	if h.Ref != "" {
		parts = append(parts, h.Ref)
	}
	if caseTitle != "" {
		parts = append(parts, caseTitle) // last: a long title is cut, not the location
	}
	pieces := make([]widgets.Piece, len(h.Segments))
	for i, s := range h.Segments {
		pieces[i] = widgets.Piece{Text: s.Text, Mark: s.Mark}
	}
	r.Set(strings.Join(parts, " · "), kindText(h.Kind)+" · "+labelText(h.Label)+" · "+h.ID, pieces)
}

// markedTerms are the distinct pieces of text a hit's snippet marks.
func markedTerms(h workbench.SearchHit) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range h.Segments {
		if t := strings.TrimSpace(s.Text); s.Mark && t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// open shows a hit where it stands, read off the UI goroutine.
func (v *searchView) open(h workbench.SearchHit) {
	v.host.goBackground(func() {
		hc, err := v.ws.HitContext(context.Background(), h.ID, contextPassages)
		v.host.do(func() {
			if err != nil {
				v.host.showError(fmt.Errorf("open %s: %w", h.ID, err))
				return
			}
			if hc.Record != nil {
				v.showRecord(h, hc)
			} else {
				v.showPassages(h, hc)
			}
		})
	})
}

// hitHeader is the top of a hit's dialog: where it is, its label and the
// id to cite, with a button that copies the id.
func (v *searchView) hitHeader(h workbench.SearchHit, sub workbench.Submission) fyne.CanvasObject {
	where := widget.NewLabel(lang.L("{{.File}} · {{.Location}} · {{.Kind}} · {{.Label}}", map[string]any{
		"File": sub.FileName, "Location": hitLocation(h), "Kind": kindText(sub.Kind), "Label": labelText(sub.Label)}))
	where.Wrapping = fyne.TextWrapWord
	id := widget.NewLabel(lang.L("Hit ID {{.ID}} (cite it as evidence)", map[string]any{"ID": h.ID}))
	id.Selectable = true
	id.Importance = widget.LowImportance
	copyBtn := widget.NewButtonWithIcon(lang.L("Copy ID"), theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(h.ID)
	})
	buttons := container.NewHBox(copyBtn)
	if h.CaseID == v.caseID {
		evidence := widget.NewButtonWithIcon(lang.L("Add as evidence…"), theme.ContentAddIcon(), func() { v.host.AddEvidence(h.ID) })
		buttons.Add(evidence)
	}
	return container.NewVBox(where, container.NewBorder(nil, nil, nil, buttons, id), widget.NewSeparator())
}

// showRecord shows a record hit in full, as the submissions view does.
func (v *searchView) showRecord(h workbench.SearchHit, hc app.HitContext) {
	sub := hc.Submission
	if isLabelSample(sub) {
		showLabelSample(v.host, v.hitHeader(h, sub), sub, hc.Record)
		return
	}
	cells := displayRows([]workbench.RecordRow{*hc.Record}, sub.Kind, app.SpecOf(sub.Kind))[0]
	showCells(v.win, sub.FileName, v.hitHeader(h, sub), submissionColumns(sub), cells)
}

// showPassages shows a passage hit with its neighbours in reading order,
// the hit emphasised and scrolled into view.
func (v *searchView) showPassages(h workbench.SearchHit, hc app.HitContext) {
	terms := markedTerms(h)
	box := container.NewVBox()
	var current fyne.CanvasObject
	for i, p := range hc.Passages {
		meta := passageLocation(p.Page, p.Paragraph, p.Line, p.Table, p.Row, p.Cell)
		if part := partLabel(p.Part, p.Comment, p.Author); part != "" {
			meta = joinPlace([]string{part, meta})
		}
		var path []string
		_ = json.Unmarshal([]byte(p.HeadingPath), &path)
		if len(path) > 0 {
			meta = strings.TrimPrefix(meta+" · "+strings.Join(path, " > "), " · ")
		}
		metaLabel := widget.NewLabel(meta)
		metaLabel.Importance = widget.LowImportance
		metaLabel.Wrapping = fyne.TextWrapWord
		if i != hc.Current {
			text := widget.NewLabel(p.Text)
			text.Wrapping = fyne.TextWrapWord
			text.Selectable = true
			text.TextStyle.Bold = p.Heading
			box.Add(container.NewVBox(metaLabel, text))
			continue
		}
		metaLabel.Importance = widget.HighImportance
		metaLabel.TextStyle.Bold = true
		text := widgets.NewMarkedText(0)
		text.SetPieces(widgets.Mark(p.Text, terms))
		bg := canvas.NewRectangle(theme.Color(theme.ColorNameHover))
		bg.CornerRadius = theme.InputRadiusSize()
		current = container.NewStack(bg, container.NewVBox(metaLabel, text))
		box.Add(current)
	}
	scroll := container.NewVScroll(box)
	content := container.NewBorder(v.hitHeader(h, hc.Submission), nil, nil, nil, scroll)
	d := dialog.NewCustom(hc.Submission.FileName, lang.L("Close"), content, v.win)
	d.Resize(dialogSize(v.win, 820, 560))
	d.Show()
	dialogs.BindKeys(v.win, d, d.Hide, d.Hide)
	if current != nil {
		// Bring the hit into view when the passages before it fill the view.
		if bottom := current.Position().Y + current.Size().Height; bottom > scroll.Size().Height {
			scroll.ScrollToOffset(fyne.NewPos(0, current.Position().Y-theme.Padding()))
		}
	}
}

// showHelp explains the query syntax.
func (v *searchView) showHelp() *dialog.CustomDialog {
	rows := []struct{ example, text string }{
		{"违法 report", lang.X("search.help.words", "Every word must occur (in any order).")},
		{`"违法内容"`, lang.X("search.help.phrase", "Exact phrase: these words in this order, next to each other.")},
		{"违法 OR 违规", lang.X("search.help.or", "Either may occur. Write OR in capitals; a OR b OR c works too.")},
		{`-测试  -"测试数据"`, lang.X("search.help.not", "Leave out results that contain the word or phrase.")},
		{"kind:incident", lang.X("search.help.kind", "Only one kind of submission (values below).")},
		{`file:"data-sources.xlsx"`, lang.X("search.help.file", "Only one file; put names with spaces in quotes.")},
		{"label:trade_secret", lang.X("search.help.label", "Only one confidentiality label (values below).")},
		{"found:2024-01-01..2024-03-31", lang.X("search.help.found", "Incidents found in a date range, both days included. found:2024-01-01.. and found:..2024-03-31 leave one end open; found:2024-02-15 is a single day.")},
		{"违", lang.X("search.help.cjkchar", "One Chinese character matches wherever it occurs.")},
		{"违法内容", lang.X("search.help.cjkword", "A Chinese word is matched as a phrase: 违法内容 does not match 违法的内容; 违法 does not match 违 and 法 apart.")},
		{"ai  ＡＩ", lang.X("search.help.case", "English ignores case, and full-width letters match half-width ones. Full-width quotes “” and the colon ： work as well.")},
	}
	grid := container.New(layout.NewFormLayout())
	addRow := func(example, text string) {
		ex := widget.NewLabelWithStyle(example, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		ex.Selectable = true
		t := widget.NewLabel(text)
		t.Wrapping = fyne.TextWrapWord
		grid.Add(ex)
		grid.Add(t)
	}
	for _, r := range rows {
		addRow(r.example, r.text)
	}
	values := container.New(layout.NewFormLayout())
	for _, k := range app.Kinds() {
		values.Add(widget.NewLabelWithStyle("kind:"+string(k), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		values.Add(widget.NewLabel(kindText(string(k))))
	}
	for _, l := range app.Labels() {
		values.Add(widget.NewLabelWithStyle("label:"+string(l), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		values.Add(widget.NewLabel(labelText(string(l))))
	}
	intro := widget.NewLabel(lang.X("search.help.intro", "Type words and press Enter. Results are ranked by relevance; the filters are above the list, the page buttons below it."))
	intro.Wrapping = fyne.TextWrapWord
	valuesTitle := widget.NewLabelWithStyle(lang.L("Filter values"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := container.NewVBox(intro, grid, widget.NewSeparator(), valuesTitle, values)
	d := dialog.NewCustom(lang.L("Query syntax"), lang.L("Close"), container.NewVScroll(body), v.win)
	d.Resize(dialogSize(v.win, 820, 600))
	d.Show()
	dialogs.BindKeys(v.win, d, d.Hide, d.Hide)
	return d
}
