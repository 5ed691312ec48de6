package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/inspection-workbench/workbench"
	"slices"
	"time"

	"github.com/inspection-workbench/workbench/app/checklist"
	"github.com/inspection-workbench/workbench/importers"
	"github.com/inspection-workbench/workbench/importers/values"
	"github.com/inspection-workbench/workbench/store"
)

// Overview is where a case stands at a glance: its checklist by result and
// severity, the proposals awaiting a decision, the findings with their
// deadlines, the submissions by kind and label and the incident log by
// month and category.
type Overview struct {
	CaseID     int64  `json:"case_id"`
	CaseStatus string `json:"case_status"` // open, concluded, signed
	// Today is the date, YYYY-MM-DD, deadlines were judged against.
	Today string `json:"today"`
	// Inspection is nil until the case's inspection has started.
	Inspection *InspectionOverview `json:"inspection"`
	// Submissions counts the case's files by kind and label, in the order
	// of workbench.Kinds and workbench.Labels; kinds and labels without a
	// file are left out.
	Submissions []workbench.SubmissionCount `json:"submissions"`
	Incidents   IncidentLog                 `json:"incidents"`
}

// InspectionOverview is where a started inspection stands.
type InspectionOverview struct {
	Template    string     `json:"template"`
	Version     string     `json:"version"`
	StartedAt   time.Time  `json:"started_at"`
	ConcludedAt *time.Time `json:"concluded_at"`
	SignedAt    *time.Time `json:"signed_at"`
	Signature   string     `json:"signature"` // "" until signed
	Items       int        `json:"items"`
	// Results counts the items with each result of Results, zero included.
	Results map[string]int `json:"results"`
	// Severities counts the items given each severity of Severities, zero
	// included; Unrated the non-compliant and partially compliant items
	// given none.
	Severities map[string]int `json:"severities"`
	Unrated    int            `json:"unrated"`
	// Pending lists the current proposals awaiting a decision, in
	// checklist order.
	Pending []PendingProposal `json:"pending"`
	// Findings lists the items with a finding or a deadline, or found
	// non-compliant or partially compliant: those with a deadline first,
	// soonest first, then the rest in checklist order.
	Findings []Finding `json:"findings"`
	// Overdue counts the findings whose deadline has passed.
	Overdue int `json:"overdue"`
}

// PendingProposal is an automated check's proposal awaiting the
// inspector's decision.
type PendingProposal struct {
	Item      string         `json:"item"`
	ItemTitle checklist.Text `json:"item_title"`
	Rule      string         `json:"rule"`
	Result    string         `json:"result"`
	Summary   checklist.Text `json:"summary"`
	Flagged   int            `json:"flagged"`
}

// Finding is an item's finding and the deadline set for putting it right.
type Finding struct {
	Item     string         `json:"item"`
	Title    checklist.Text `json:"title"`
	Result   string         `json:"result"`
	Severity string         `json:"severity"`
	Finding  string         `json:"finding"`
	Deadline string         `json:"deadline"` // "" or YYYY-MM-DD
	// DaysLeft is how many days from today the deadline is: negative once
	// it has passed, 0 on the day and when there is no deadline.
	DaysLeft int  `json:"days_left"`
	Overdue  bool `json:"overdue"`
}

// IncidentLog counts a case's incident records by the month they were
// found in and their category.
type IncidentLog struct {
	Records int `json:"records"`
	// Categories are the incident categories of the importers' vocabulary
	// in its order, followed by an "other" category (Value "") when a
	// record has no category or one outside the vocabulary.
	Categories []IncidentCategory `json:"categories"`
	// Months runs from the first month an incident was found in to the
	// last, months without incidents included.
	Months []IncidentMonth `json:"months"`
	// Undated counts the records without a found-at date precise to the
	// month (none, unreadable, or a year alone); its Month is "".
	Undated IncidentMonth `json:"undated"`
}

// IncidentCategory is one category of incidents, with its names.
type IncidentCategory struct {
	Value string `json:"value"` // the canonical term; "" for other
	Zh    string `json:"zh"`
	En    string `json:"en"`
}

// IncidentMonth counts the incidents found in one month.
type IncidentMonth struct {
	Month      string         `json:"month"` // YYYY-MM
	Total      int            `json:"total"`
	ByCategory map[string]int `json:"by_category"` // category value → count; absent for none
}

// maxFilledMonths bounds the months between the first and the last
// incident that are listed one by one; a wider span (a mistyped year)
// lists only the months that have incidents.
const maxFilledMonths = 600

// Overview reports where a case stands, in a handful of queries, with
// deadlines judged against today.
func (a *App) Overview(ctx context.Context, caseID int64) (Overview, error) {
	c, err := a.store.GetCase(ctx, caseID)
	if err != nil {
		return Overview{}, err
	}
	today := a.now()
	ov := Overview{CaseID: caseID, CaseStatus: c.Status, Today: today.Format(DateLayout)}
	in, err := a.store.GetInspection(ctx, caseID)
	switch {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return Overview{}, err
	default:
		if ov.Inspection, err = a.inspectionOverview(ctx, in, today); err != nil {
			return Overview{}, err
		}
	}
	counts, err := a.store.SubmissionCounts(ctx, caseID)
	if err != nil {
		return Overview{}, err
	}
	slices.SortStableFunc(counts, func(x, y workbench.SubmissionCount) int {
		if d := slices.Index(workbench.Kinds, workbench.Kind(x.Kind)) - slices.Index(workbench.Kinds, workbench.Kind(y.Kind)); d != 0 {
			return d
		}
		return slices.Index(workbench.Labels, workbench.Label(x.Label)) - slices.Index(workbench.Labels, workbench.Label(y.Label))
	})
	ov.Submissions = counts
	groups, err := a.store.IncidentGroups(ctx, caseID)
	if err != nil {
		return Overview{}, err
	}
	if ov.Incidents, err = incidentLog(groups); err != nil {
		return Overview{}, fmt.Errorf("case %d: %w", caseID, err)
	}
	return ov, nil
}

// inspectionOverview sums up a started inspection.
func (a *App) inspectionOverview(ctx context.Context, in store.Inspection, today time.Time) (*InspectionOverview, error) {
	items, err := a.store.InspectionItems(ctx, in.CaseID)
	if err != nil {
		return nil, err
	}
	t := frozenTemplate(in)
	ps, err := a.proposalsOf(ctx, in.CaseID, t, false)
	if err != nil {
		return nil, err
	}
	ins := &InspectionOverview{Template: in.TemplateID, Version: in.TemplateVersion, StartedAt: in.StartedAt,
		ConcludedAt: timeOrNil(in.ConcludedAt), SignedAt: timeOrNil(in.SignedAt), Signature: in.Signature,
		Items: len(items), Results: map[string]int{}, Severities: map[string]int{}, Pending: []PendingProposal{}, Findings: []Finding{}}
	for _, r := range Results {
		ins.Results[r] = 0
	}
	for _, s := range Severities {
		ins.Severities[s] = 0
	}
	day := civilDay(today)
	position := map[string]int{}
	for i, it := range items {
		position[it.ItemID] = i
		st := itemStatus(t, it)
		ins.Results[it.Result]++
		found := it.Result == "non_compliant" || it.Result == "partially_compliant"
		if it.Severity != "" {
			ins.Severities[it.Severity]++
		} else if found {
			ins.Unrated++
		}
		if !found && it.Finding == "" && it.Deadline == "" {
			continue
		}
		f := Finding{Item: it.ItemID, Title: st.Title, Result: it.Result, Severity: it.Severity, Finding: it.Finding, Deadline: it.Deadline}
		if d, err := time.Parse(DateLayout, it.Deadline); err == nil {
			f.DaysLeft = int(civilDay(d) - day)
			f.Overdue = f.DaysLeft < 0
		}
		if f.Overdue {
			ins.Overdue++
		}
		ins.Findings = append(ins.Findings, f)
	}
	slices.SortStableFunc(ins.Findings, func(x, y Finding) int {
		switch {
		case x.Deadline != "" && y.Deadline == "":
			return -1
		case x.Deadline == "" && y.Deadline != "":
			return 1
		case x.Deadline != y.Deadline:
			return cmpString(x.Deadline, y.Deadline)
		}
		return position[x.Item] - position[y.Item]
	})
	for _, p := range ps {
		if p.Decision != DecisionPending {
			continue
		}
		pp := PendingProposal{Item: p.Item, Rule: p.Rule, Result: p.Result, Summary: p.Summary, Flagged: p.Flagged}
		if t != nil {
			if ti, ok := t.Item(p.Item); ok {
				pp.ItemTitle = ti.Title
			}
		}
		ins.Pending = append(ins.Pending, pp)
	}
	slices.SortStableFunc(ins.Pending, func(x, y PendingProposal) int { return position[x.Item] - position[y.Item] })
	return ins, nil
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// civilDay numbers the calendar day of t, as written in t's location.
func civilDay(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// incidentLog turns the stored incident groups into months and categories,
// reading dates and categories as the importers' own decoder does.
func incidentLog(groups []store.IncidentGroup) (IncidentLog, error) {
	spec := importers.SpecFor(workbench.Incident)
	var log IncidentLog
	log.Undated.ByCategory = map[string]int{}
	aside := map[string]bool{} // terms listed only when records have them
	if fd := spec.Field("category"); fd != nil {
		for _, term := range fd.Terms {
			log.Categories = append(log.Categories, IncidentCategory{Value: term.Value, Zh: term.ZH, En: term.EN})
			aside[term.Value] = term.Aside
		}
	}
	categories := map[string]string{} // category as stored → canonical term, "" for other
	present := map[string]bool{}      // canonical terms some record has
	months := map[string]*IncidentMonth{}
	other := false
	for _, g := range groups {
		cat, ok := categories[g.Category]
		if !ok {
			f, err := decodeIncident("category", g.Category)
			if err != nil {
				return log, err
			}
			if term, known := f.Term("category"); known {
				cat = term
			}
			categories[g.Category] = cat
		}
		other = other || cat == ""
		present[cat] = present[cat] || g.N > 0
		month := ""
		if g.Found != "" {
			f, err := decodeIncident("found_at", g.Found)
			if err != nil {
				return log, err
			}
			if tm, ok := f.Time("found_at"); ok && tm.Precision() >= values.Month {
				month = tm.Start().Format("2006-01")
			}
		}
		m := &log.Undated
		if month != "" {
			if m = months[month]; m == nil {
				m = &IncidentMonth{Month: month, ByCategory: map[string]int{}}
				months[month] = m
			}
		}
		m.Total += g.N
		m.ByCategory[cat] += g.N
		log.Records += g.N
	}
	log.Categories = slices.DeleteFunc(log.Categories, func(c IncidentCategory) bool { return aside[c.Value] && !present[c.Value] })
	if other {
		log.Categories = append(log.Categories, IncidentCategory{Zh: "其他", En: "other"})
	}
	keys := make([]string, 0, len(months))
	for k := range months {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if len(keys) > 1 {
		first, _ := time.Parse("2006-01", keys[0])
		last, _ := time.Parse("2006-01", keys[len(keys)-1])
		span := (last.Year()-first.Year())*12 + int(last.Month()) - int(first.Month()) + 1
		if span <= maxFilledMonths {
			keys = keys[:0]
			for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
				keys = append(keys, m.Format("2006-01"))
			}
		}
	}
	log.Months = make([]IncidentMonth, len(keys))
	for i, k := range keys {
		if m := months[k]; m != nil {
			log.Months[i] = *m
		} else {
			log.Months[i] = IncidentMonth{Month: k, ByCategory: map[string]int{}}
		}
	}
	return log, nil
}

// decodeIncident decodes one stored value of an incident field.
func decodeIncident(field, value string) (importers.Fields, error) {
	data, err := json.Marshal(map[string]string{field: value})
	if err != nil {
		return importers.Fields{}, fmt.Errorf("incident %s %q: %w", field, value, err)
	}
	return importers.DecodeFields(workbench.Incident, data)
}
