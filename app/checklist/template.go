// Package checklist holds the checklist templates Article 19 inspections
// are worked through: the template format (YAML, see docs/checklists.md),
// its loader and validator, the registry of automated checks an item may
// name, and the built-in templates, of which [Default] is
// art19-measures-2023.
//
// A template is data. Each item rests on one or more provisions of the
// Interim Measures for the Administration of Generative AI Services (2023),
// quotes the requirement in the Chinese original and the reference English,
// tells the inspector what to ask for and look at, names the submission
// kinds that serve as evidence, suggests search queries in the workbench's
// query syntax and may name automated checks with their parameters.
//
// The package imports nothing of the workbench but importers (for the
// submission kinds), store/searchlang (to validate suggested queries) and
// assets (for the embedded templates), and never Fyne.
package checklist

import (
	"github.com/inspection-workbench/workbench"

	"fmt"
	"strconv"
)

// Template is a checklist template: an ordered list of items to assess.
type Template struct {
	// ID identifies the template: lowercase letters, digits and hyphens
	// (art19-measures-2023). Cases record it.
	ID string `json:"id"`
	// Version is the template's own version, free text ("1", "2024-03").
	Version string `json:"version"`
	// Title names the template in Chinese and English.
	Title Text `json:"title"`
	// Description says what the template covers; optional.
	Description Text `json:"description"`
	// Items are the obligations to assess, in order.
	Items []Item `json:"items"`
	// Parts are the templates a checklist made by [Combine] joins, the
	// first first; nil for a template as loaded.
	Parts []*Template `json:"-"`
}

// Item returns the item with the given id.
func (t *Template) Item(id string) (*Item, bool) {
	for i := range t.Items {
		if t.Items[i].ID == id {
			return &t.Items[i], true
		}
	}
	return nil, false
}

// clone returns a deep copy of t, so callers may change what they get.
func (t *Template) clone() *Template {
	c := *t
	c.Items = make([]Item, len(t.Items))
	for i, it := range t.Items {
		it.Articles = append([]workbench.ArticleRef(nil), it.Articles...)
		it.Evidence = append([]workbench.Kind(nil), it.Evidence...)
		it.Queries = append([]string(nil), it.Queries...)
		checks := make([]CheckRef, len(it.Checks))
		for j, ch := range it.Checks {
			params := make(map[string]any, len(ch.Params))
			for k, v := range ch.Params {
				params[k] = v
			}
			var sources map[string]Text
			if ch.Sources != nil {
				sources = make(map[string]Text, len(ch.Sources))
				for k, v := range ch.Sources {
					sources[k] = v
				}
			}
			checks[j] = CheckRef{ID: ch.ID, Params: params, Sources: sources, Severity: ch.Severity}
		}
		it.Checks = checks
		c.Items[i] = it
	}
	return &c
}

// Item is one obligation of a template.
type Item struct {
	// ID identifies the item within its template and stays the same across
	// template versions, since results are recorded against it
	// (art7-1-lawful-sources): lowercase letters, digits and hyphens.
	ID string `json:"id"`
	// Articles are the provisions the item rests on; at least one.
	Articles []workbench.ArticleRef `json:"articles"`
	// Title is a short name of the obligation.
	Title Text `json:"title"`
	// Requirement quotes the provision: the Chinese original and the
	// reference English, verbatim (see docs/checklists.md for the rule).
	Requirement Text `json:"requirement"`
	// Guidance tells the inspector what to ask for and what to look at.
	Guidance Text `json:"guidance"`
	// Evidence lists the submission kinds that serve as evidence.
	Evidence []workbench.Kind `json:"evidence"`
	// Queries are suggested searches in the workbench's query syntax.
	Queries []string `json:"queries"`
	// Checks are the automated checks that propose a result for the item.
	Checks []CheckRef `json:"checks"`
	// Template is the id of the template the item comes from, in a
	// checklist made by [Combine]; "" in a template as loaded.
	Template string `json:"template,omitempty"`
}

// Text is a text in Chinese and in English (see [workbench.Text]).
type Text = workbench.Text

// CheckRef names an automated check of the registry (see [Checks]) and
// the parameters it runs with.
type CheckRef struct {
	// ID is the check's id in the registry.
	ID string `json:"id"`
	// Params holds every parameter of the check, the template's value or
	// else the default: float64 for number, int for integer and string for
	// string parameters.
	Params map[string]any `json:"params"`
	// Sources says, for each number and integer parameter, where its value
	// comes from: the clause of a standard, or that the inspector sets it.
	// Templates frozen before sources existed have none; [CheckRef.Source]
	// then falls back on the registry.
	Sources map[string]Text `json:"sources,omitempty"`
	// Severity is the severity an item takes when the inspector accepts a
	// proposal of this check that finds it wanting and the item has none
	// yet: one of [Severities]; "" for none. The inspector may change it.
	Severity string `json:"severity,omitempty"`
}

// Severities are the severities a check may default to, least severe
// first; the same as a finding's.
var Severities = []string{"low", "medium", "high", "critical"}

// Source says where the value of parameter name comes from: the
// template's own citation, else the registry's source of the default when
// the value is the default, else [SetByTemplate].
func (c CheckRef) Source(name string) Text {
	if t, ok := c.Sources[name]; ok {
		return t
	}
	spec, ok := LookupCheck(c.ID)
	if !ok {
		return SetByTemplate
	}
	p, ok := spec.Param(name)
	if !ok {
		return SetByTemplate
	}
	if c.Params[name] == p.Default {
		return p.Source
	}
	return SetByTemplate
}

// Param is one parameter of a check as it runs: its name, value and where
// the value comes from.
type Param struct {
	Name   string `json:"name"`
	Value  any    `json:"value"`
	Source Text   `json:"source"`
}

// ValueText writes the parameter's value as a template gives it: 0.05,
// 30, a text as it is.
func (p Param) ValueText() string {
	switch v := p.Value.(type) {
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case int:
		return strconv.Itoa(v)
	}
	return fmt.Sprint(p.Value)
}

// ParamList lists the check's parameters in the registry's order, with
// their sources.
func (c CheckRef) ParamList() []Param {
	spec, ok := LookupCheck(c.ID)
	if !ok {
		return nil
	}
	out := make([]Param, 0, len(spec.Params))
	for _, p := range spec.Params {
		v, ok := c.Params[p.Name]
		if !ok {
			v = p.Default
		}
		out = append(out, Param{Name: p.Name, Value: v, Source: c.Source(p.Name)})
	}
	return out
}

// Number returns the value of a number parameter, or 0 when the check has
// no such number parameter.
func (c CheckRef) Number(name string) float64 {
	v, _ := c.Params[name].(float64)
	return v
}

// Int returns the value of an integer parameter, or 0 when the check has
// no such integer parameter.
func (c CheckRef) Int(name string) int {
	v, _ := c.Params[name].(int)
	return v
}

// Str returns the value of a string parameter, or "" when the check has no
// such string parameter.
func (c CheckRef) Str(name string) string {
	v, _ := c.Params[name].(string)
	return v
}

// measures describes the structure of the Interim Measures for the
// Administration of Generative AI Services (2023), against which article
// references are checked: Paragraphs[a] is how many paragraphs article a
// has, Items[a] how many enumerated items its first paragraph has (only
// Arts. 4, 7 and 22 have any). A test derives both from the reference text.
var measures = struct {
	Paragraphs [25]int
	Items      map[int]int
}{
	// Index 0 is unused; articles 1 to 24 follow.
	Paragraphs: [25]int{0, 1, 3, 1, 1, 2, 2, 1, 1, 2, 1, 2, 1, 1, 2, 1, 2, 1, 1, 2, 1, 2, 1, 2, 1},
	Items:      map[int]int{4: 5, 7: 5, 22: 3},
}

// Articles is the number of articles of the Measures.
const Articles = 24

// checkRef reports what is wrong with r as a reference into the Measures,
// or "" when it points at a provision that exists.
func checkRef(r workbench.ArticleRef) string {
	if r.Article < 1 || r.Article > Articles {
		return fmt.Sprintf("article %d does not exist (the Measures have articles 1 to %d)", r.Article, Articles)
	}
	paras := measures.Paragraphs[r.Article]
	if r.Paragraph < 0 {
		return fmt.Sprintf("paragraph %d does not exist (paragraphs count from 1)", r.Paragraph)
	}
	if r.Paragraph > paras {
		if paras == 1 {
			return fmt.Sprintf("article %d has no paragraph %d (it has one paragraph; leave paragraph out)", r.Article, r.Paragraph)
		}
		return fmt.Sprintf("article %d has no paragraph %d (it has %d)", r.Article, r.Paragraph, paras)
	}
	if r.Item < 0 {
		return fmt.Sprintf("item %d does not exist (items count from 1)", r.Item)
	}
	if r.Item > 0 {
		items := measures.Items[r.Article]
		if items == 0 {
			return fmt.Sprintf("article %d has no enumerated items", r.Article)
		}
		if r.Item > items {
			return fmt.Sprintf("article %d has no item %d (it has %d)", r.Article, r.Item, items)
		}
	}
	return ""
}

// ItemSep joins a template's id and an item's id into the id the item has
// in an inspection that holds it after its first template
// (gb45654-2025:keyword-library). Neither id can hold it.
const ItemSep = ":"

// QualifiedID is the id item itemID of template templateID has in an
// inspection holding it after its first template.
func QualifiedID(templateID, itemID string) string { return templateID + ItemSep + itemID }

// Combine joins the templates of an inspection into one checklist: the
// first template's items under their own ids, then the items of each
// template added after it under [QualifiedID]s, each item's Template
// naming its template. The result carries the first template's id,
// version, title and description, and Parts lists the templates joined.
// The templates given are not changed.
func Combine(first *Template, added ...*Template) *Template {
	c := first.clone()
	c.Parts = []*Template{first}
	for i := range c.Items {
		c.Items[i].Template = first.ID
	}
	for _, t := range added {
		tc := t.clone()
		for _, it := range tc.Items {
			it.Template = t.ID
			it.ID = QualifiedID(t.ID, it.ID)
			c.Items = append(c.Items, it)
		}
		c.Parts = append(c.Parts, t)
	}
	return c
}

// PartOf returns the template of Parts an item of a combined checklist
// comes from; nil when it is not there.
func (t *Template) PartOf(it *Item) *Template {
	for _, p := range t.Parts {
		if p.ID == it.Template {
			return p
		}
	}
	return nil
}
