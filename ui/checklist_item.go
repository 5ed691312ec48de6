package ui

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/app/checklist"
	"github.com/inspection-workbench/workbench/ui/widgets"
)

// showItem fills the right-hand side with the selected item: its title,
// the requirement, guidance and suggested searches folded away, the
// assessment, the proposals and the evidence. So the assessment is in
// sight without scrolling past the requirement on a laptop's screen.
//
// An assessment with unsaved changes of the same item is kept as typed.
func (v *checklistView) showItem() {
	if v.readAbout != nil {
		v.readAbout()
	}
	it, ok := v.items[v.selected]
	if !ok {
		v.form = nil
		v.detail.Objects = nil
		v.detail.Refresh()
		return
	}
	var ti *checklist.Item
	if v.tmpl != nil {
		ti, _ = v.tmpl.Item(it.ID)
	}
	open := v.status.CaseStatus == "open"
	objs := []fyne.CanvasObject{}
	title := widget.NewRichTextFromMarkdown("## " + escapeMarkdown(pick(it.Title)))
	title.Wrapping = fyne.TextWrapWord
	objs = append(objs, title)
	if ti != nil {
		objs = append(objs, v.aboutItem(ti, it.Articles))
		if slices.Contains(ti.Evidence, workbench.KeywordLibrary) {
			item := it.ID
			apply := widget.NewButtonWithIcon(lang.L("Apply keyword library…"), theme.SearchIcon(), func() {
				v.library = newLibraryView(v.host, v.caseID, item, open, v.load)
				v.library.show()
			})
			objs = append(objs, container.NewHBox(apply))
		}
	}
	if f := v.form; open && f != nil && f.item.ID == it.ID && !f.committed && f.dirty() {
		f.item = it // what is typed stays; it is compared with what is stored now
		f.refreshState()
	} else {
		v.form = v.newAssessment(it, open)
	}
	objs = append(objs, v.form.box)
	for _, p := range v.proposals {
		if p.Item == it.ID {
			objs = append(objs, v.proposalCard(p, open))
		}
	}
	objs = append(objs, widget.NewSeparator(), heading(lang.L("Evidence ({{.N}})", map[string]any{"N": it.Evidence})))
	evidence := widgets.NewEvidenceList(lang.L("Loading…"))
	objs = append(objs, evidence)
	v.detail.Objects = objs
	v.detail.Refresh()
	v.loadEvidence(it.ID, evidence)
}

// aboutItem folds the requirement (headed by the provisions), the guidance and the suggested searches
// of a template item into sections the inspector opens; they stay open
// or closed from item to item as the inspector left them.
func (v *checklistView) aboutItem(ti *checklist.Item, articles []workbench.ArticleRef) fyne.CanvasObject {
	refs := articleRefs(articles)
	req := container.NewVBox(wrapped(ti.Requirement.Zh), wrapped(ti.Requirement.En))
	guide := container.NewVBox()
	if g := pick(ti.Guidance); g != "" {
		guide.Add(wrapped(g))
	}
	if len(ti.Evidence) > 0 {
		kinds := make([]string, len(ti.Evidence))
		for i, k := range ti.Evidence {
			kinds[i] = kindText(string(k))
		}
		guide.Add(wrapped(lang.L("Evidence to look at: {{.Kinds}}", map[string]any{"Kinds": strings.Join(kinds, lang.L(", "))})))
	}
	searches := container.NewVBox()
	for _, q := range ti.Queries {
		q := q
		b := widget.NewButtonWithIcon(q, theme.SearchIcon(), func() { v.host.RunSearch(q) })
		b.Alignment = widget.ButtonAlignLeading
		searches.Add(b)
	}
	sections := []*widget.AccordionItem{
		widget.NewAccordionItem(lang.L("Requirement")+" · "+strings.Join(refs, lang.L(", ")), req),
		widget.NewAccordionItem(lang.L("Guidance"), guide),
		widget.NewAccordionItem(lang.L("Suggested searches ({{.N}})", map[string]any{"N": len(ti.Queries)}), searches),
	}
	acc := widget.NewAccordion()
	acc.MultiOpen = true
	for i, s := range sections {
		s.Open = v.about[i]
		acc.Append(s)
	}
	// The accordion has no callback; its sections' state is read back
	// whenever the item's detail is rebuilt.
	v.readAbout = func() {
		for i, s := range sections {
			v.about[i] = s.Open
		}
	}
	return acc
}

// proposalCard shows one automated-check proposal with what the
// inspector can do about it.
func (v *checklistView) proposalCard(p app.Proposal, open bool) fyne.CanvasObject {
	article := p.Article
	if chinese() {
		article = p.ArticleZh
	}
	c := widgets.Proposal{
		Heading: lang.L("Automated check {{.Rule}} ({{.Article}}) proposes: {{.Result}}",
			map[string]any{"Rule": ruleText(p.Rule), "Article": article, "Result": resultText(p.Result)}),
		Importance: resultImportance(p.Result),
		Summary:    pick(p.Summary),
		Counts: lang.L("{{.Checked}} checked · {{.Problems}} problems · {{.Unclear}} unclear (too little to judge)",
			map[string]any{"Checked": p.Checked, "Problems": p.Problems, "Unclear": p.Unclear}),
		Decision: decisionText(p),
	}
	for _, pr := range p.Params {
		c.Lines = append(c.Lines, lang.L("Threshold {{.Name}} = {{.Value}} — {{.Source}}",
			map[string]any{"Name": pr.Name, "Value": pr.ValueText(), "Source": pick(pr.Source)}))
	}
	const shown = 10
	for i, r := range p.Records {
		if i == shown {
			c.Lines = append(c.Lines, lang.L("… and {{.N}} more", map[string]any{"N": len(p.Records) - shown}))
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
		c.Lines = append(c.Lines, "• "+lang.L("{{.Record}} — {{.File}} {{.Location}}: {{.Problem}}",
			map[string]any{"Record": name, "File": r.File, "Location": locationText(r.Location), "Problem": problem}))
	}
	if open && p.Decision == app.DecisionPending {
		c.AcceptText, c.OverrideText = lang.L("Accept"), lang.L("Override…")
		c.OnAccept = func() { v.accept(p) }
		c.OnOverride = func() { v.override(p) }
	}
	return widgets.NewProposalCard(c)
}

// loadEvidence lists an item's evidence into list, off the UI goroutine.
func (v *checklistView) loadEvidence(itemID string, list *widgets.EvidenceList) {
	v.host.goBackground(func() {
		evs, err := v.ws.ItemEvidence(context.Background(), v.caseID, itemID)
		v.host.do(func() {
			if err != nil {
				list.SetMessage(errorText(err))
				return
			}
			if v.status.CaseStatus == "open" {
				list.OnRemove = func(i int) { v.removeEvidence(itemID, evs[i]) }
			}
			es := make([]widgets.Evidence, len(evs))
			for i, ev := range evs {
				ref := ev.Target
				if ev.Ref != ev.Target {
					ref = ev.Ref + " (" + ev.Target + ")"
				}
				head := fmt.Sprintf("%s · %s · %s", ref, ev.FileName, locationText(ev.Location))
				if ev.Label != "" {
					head += " · " + labelName(ev.Label)
				}
				es[i] = widgets.Evidence{Head: head, Quote: app.Clip(ev.Quote, 400)}
			}
			list.SetEvidence(es, lang.L("No evidence yet. Add records and passages from the Search tab, or accept a proposal."))
		})
	})
}

// removeEvidence asks before it removes an evidence link from an item.
func (v *checklistView) removeEvidence(itemID string, ev workbench.Evidence) {
	showConfirm(lang.L("Remove evidence?"),
		lang.L("Remove {{.Ref}} ({{.File}}, {{.Location}}) from the item's evidence? The file itself stays imported.",
			map[string]any{"Ref": ev.Target, "File": ev.FileName, "Location": locationText(ev.Location)}),
		func(ok bool) {
			if ok {
				v.assess(app.AssessInput{CaseID: v.caseID, ItemID: itemID, RemoveEvidence: []string{ev.Target}})
			}
		}, v.win)
}

// articleRefs are the articles an item cites, each in the GUI's language:
// "第十四条第一款", "Art. 14 ¶1".
func articleRefs(articles []workbench.ArticleRef) []string {
	refs := make([]string, 0, len(articles))
	for _, a := range articles {
		if chinese() {
			refs = append(refs, a.Zh())
		} else {
			refs = append(refs, a.String())
		}
	}
	return refs
}

// articlesText joins the articles an item cites in the GUI's language.
func articlesText(articles []workbench.ArticleRef) string {
	return strings.Join(articleRefs(articles), lang.L(", "))
}
