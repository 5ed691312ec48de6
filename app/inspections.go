package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app/checklist"
	"github.com/inspection-workbench/workbench/assets"
	"github.com/inspection-workbench/workbench/importers"
	"github.com/inspection-workbench/workbench/store"
	"github.com/inspection-workbench/workbench/store/fulltext"
)

// Results an item can have, in the order totals list them: the codes of
// [workbench.Results].
var Results = workbench.Strings(workbench.Results)

// ResultNotAssessed is the result of an item nobody has assessed yet.
const ResultNotAssessed = string(workbench.NotAssessed)

// Severities a finding can have, least severe first ("" means none): the
// codes of [workbench.Severities].
var Severities = workbench.Strings(workbench.Severities)

// Fields of AssessInput and StartInspection, as FieldError names them.
const (
	FieldTemplate = "template"
	FieldItem     = "item"
	FieldResult   = "result"
	FieldSeverity = "severity"
	FieldNote     = "note"
	FieldFinding  = "finding"
	FieldDeadline = "deadline"
	FieldEvidence = "evidence"
)

// MaxNoteLen bounds notes and findings, in characters.
const MaxNoteLen = 20000

// MaxQuoteLen bounds the text copied from a record or passage cited as
// evidence, in characters.
const MaxQuoteLen = 2000

// Inspection is a case's checklist inspection as started.
type Inspection struct {
	CaseID    int64     `json:"case_id"`
	Template  string    `json:"template"` // the first template's id
	Version   string    `json:"version"`  // the first template's version
	Items     int       `json:"items"`    // how many items it has, of all its templates
	StartedAt time.Time `json:"started_at"`
	// Templates are the templates it holds, the first first.
	Templates []TemplateInfo `json:"templates"`
}

// TemplateInfo is one checklist template an inspection holds.
type TemplateInfo struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	// Title and Description are the template's; Description says what it
	// covers and where its figures come from.
	Title       checklist.Text `json:"title"`
	Description checklist.Text `json:"description"`
	// Items is how many items it brings.
	Items int `json:"items"`
}

// ItemStatus is where one checklist item stands.
type ItemStatus struct {
	ID       string `json:"id"`
	Result   string `json:"result"`
	Severity string `json:"severity"`
	// Evidence is how many records and passages are cited for the item.
	Evidence int    `json:"evidence"`
	Note     string `json:"note"`
	Finding  string `json:"finding"`
	Deadline string `json:"deadline"` // "" or YYYY-MM-DD
	// UpdatedAt is when the item last changed (its result, notes,
	// evidence or a decision on its proposals).
	UpdatedAt time.Time `json:"updated_at"`
	// Proposal is where the automated checks stand on the item; nil when
	// no check has proposed anything for it.
	Proposal *ItemProposal          `json:"proposal"`
	Title    checklist.Text         `json:"title"`
	Articles []workbench.ArticleRef `json:"articles"`
	// Template is the id of the checklist template the item comes from.
	Template string `json:"template"`
}

// Status is where a case's inspection stands: each item in template order
// and how many items have each result.
type Status struct {
	CaseID     int64     `json:"case_id"`
	CaseStatus string    `json:"case_status"` // open, concluded, signed
	Template   string    `json:"template"`
	Version    string    `json:"version"`
	StartedAt  time.Time `json:"started_at"`
	// ConcludedAt and SignedAt are nil until the inspection is so;
	// Signature is the signed SHA-256, "" until signed.
	ConcludedAt *time.Time     `json:"concluded_at"`
	SignedAt    *time.Time     `json:"signed_at"`
	Signature   string         `json:"signature"`
	Items       []ItemStatus   `json:"items"`
	Totals      map[string]int `json:"totals"` // every result of Results, zero included
	// Templates are the checklist templates the inspection holds, the
	// first first (Template and Version name the first).
	Templates []TemplateInfo `json:"templates"`
}

// AssessInput records the inspector's decision on one item. Nil fields
// stay as they are; an empty Result keeps the recorded one; an empty
// Severity or Deadline clears it. Evidence refs are added to those the
// item has.
type AssessInput struct {
	CaseID   int64
	ItemID   string
	Result   string
	Severity *string
	Note     *string
	Finding  *string
	Deadline *string
	// Evidence holds search-hit ids (rec-12, psg-7) or the provider's own
	// record identifiers within the case (INC-0042, DS-07).
	Evidence []string
	// RemoveEvidence names evidence links of the item to remove: by the hit
	// id they resolved to (rec-12) or the reference as cited (INC-0042).
	RemoveEvidence []string
}

// stateErr is a refusal because of what the workspace records, matching
// base (store.ErrNotFound, workbench.ErrConflict) with errors.Is.
type stateErr struct {
	msg  string
	base error
	// reason, when set, is the error for the interfaces to word; msg is
	// then its English.
	reason *workbench.Error
}

func newStateErr(base error, code workbench.Code, reason workbench.Reason, args ...any) *stateErr {
	r := workbench.Errorf(code, reason, args...)
	return &stateErr{msg: r.Error(), base: base, reason: r}
}

func (e *stateErr) Error() string        { return e.msg }
func (e *stateErr) Is(target error) bool { return target == e.base }

// Unwrap gives the reason, when there is one.
func (e *stateErr) Unwrap() error {
	if e.reason == nil {
		return nil
	}
	return e.reason
}

func noInspection(caseID int64) error { return &NoInspectionError{CaseID: caseID} }

// NoInspectionError is the refusal to work on the inspection of a case
// that has none yet; it matches store.ErrNotFound.
type NoInspectionError struct{ CaseID int64 }

func (e *NoInspectionError) Error() string { return e.Unwrap().Error() }

// Unwrap gives the reason for the interfaces to word (the CLI adds how to
// start an inspection).
func (e *NoInspectionError) Unwrap() error {
	return workbench.Errorf(workbench.CodeNotFound, workbench.ReasonNoInspection, "Case", e.CaseID)
}

// Is makes a NoInspectionError match store.ErrNotFound.
func (e *NoInspectionError) Is(target error) bool { return target == store.ErrNotFound }

// StartInspection starts the checklist inspection of an open case with
// one or more checklist templates. Each is "" for the case's checklist
// template, the path of a template file, or the id of a built-in template;
// none means the case's template. The first template's items keep their
// own ids; the items of each template after it are named TEMPLATE:ITEM
// (see checklist.QualifiedID). Each template's YAML is stored as read, so
// the inspection keeps it whatever later happens to the file or the
// built-in templates.
func (a *App) StartInspection(ctx context.Context, caseID int64, templates ...string) (Inspection, error) {
	c, err := a.store.GetCase(ctx, caseID)
	if err != nil {
		return Inspection{}, err
	}
	if c.Status != store.StatusOpen {
		return Inspection{}, store.NotOpenError(caseID, c.Status)
	}
	if len(templates) == 0 {
		templates = []string{""}
	}
	var in store.Inspection
	var ids []string
	seen := map[string]bool{}
	for i, name := range templates {
		if name == "" {
			name = c.ChecklistTemplate
		}
		t, yaml, err := loadTemplate(name)
		if err != nil {
			return Inspection{}, err
		}
		if seen[t.ID] {
			return Inspection{}, fieldErr(FieldTemplate, ProblemDuplicate, "checklist template %s is given twice; an inspection holds each template once", t.ID)
		}
		seen[t.ID] = true
		if i == 0 {
			in = store.Inspection{CaseID: caseID, TemplateID: t.ID, TemplateVersion: t.Version, Template: yaml}
			for _, it := range t.Items {
				ids = append(ids, it.ID)
			}
			continue
		}
		in.Added = append(in.Added, addedTemplate(t, yaml))
	}
	if err := a.store.StartInspection(ctx, in, ids); err != nil {
		return Inspection{}, err
	}
	return a.inspectionInfo(ctx, caseID)
}

// addedTemplate is a template added after an inspection's first, its
// items named TEMPLATE:ITEM.
func addedTemplate(t *checklist.Template, yaml string) store.InspectionTemplate {
	at := store.InspectionTemplate{TemplateID: t.ID, TemplateVersion: t.Version, Template: yaml}
	for _, it := range t.Items {
		at.ItemIDs = append(at.ItemIDs, checklist.QualifiedID(t.ID, it.ID))
	}
	return at
}

// AddInspectionTemplate adds a checklist template — a built-in template's
// id or a template file — to the open inspection of a case: its items
// join the checklist as TEMPLATE:ITEM, not assessed, after those it has.
// A template the inspection already holds is refused.
func (a *App) AddInspectionTemplate(ctx context.Context, caseID int64, template string) (Inspection, error) {
	c, in, err := a.inspection(ctx, caseID)
	if err != nil {
		return Inspection{}, err
	}
	if c.Status != store.StatusOpen {
		return Inspection{}, store.NotOpenError(caseID, c.Status)
	}
	if strings.TrimSpace(template) == "" {
		return Inspection{}, fieldErr(FieldTemplate, ProblemEmpty, "name the checklist template to add (built in: %s)", strings.Join(checklist.BuiltinIDs(), ", "))
	}
	t, yaml, err := loadTemplate(template)
	if err != nil {
		return Inspection{}, err
	}
	held := []string{in.TemplateID}
	for _, at := range in.Added {
		held = append(held, at.TemplateID)
	}
	if slices.Contains(held, t.ID) {
		return Inspection{}, fieldErr(FieldTemplate, ProblemDuplicate, "case %d's inspection already holds checklist template %s", caseID, t.ID)
	}
	if err := a.store.AddInspectionTemplate(ctx, caseID, addedTemplate(t, yaml)); err != nil {
		return Inspection{}, err
	}
	return a.inspectionInfo(ctx, caseID)
}

// inspectionInfo describes a case's inspection as it stands.
func (a *App) inspectionInfo(ctx context.Context, caseID int64) (Inspection, error) {
	in, err := a.store.GetInspection(ctx, caseID)
	if err != nil {
		return Inspection{}, err
	}
	items, err := a.store.InspectionItems(ctx, caseID)
	if err != nil {
		return Inspection{}, err
	}
	return Inspection{CaseID: caseID, Template: in.TemplateID, Version: in.TemplateVersion, Items: len(items),
		StartedAt: in.StartedAt, Templates: templateInfos(in, frozenTemplate(in))}, nil
}

// templateInfos lists the templates an inspection holds; t is its
// combined checklist, nil when a template no longer loads (the templates
// are then named without titles).
func templateInfos(in store.Inspection, t *checklist.Template) []TemplateInfo {
	out := []TemplateInfo{{ID: in.TemplateID, Version: in.TemplateVersion}}
	for _, at := range in.Added {
		out = append(out, TemplateInfo{ID: at.TemplateID, Version: at.TemplateVersion})
	}
	if t == nil {
		return out
	}
	for i := range out {
		for _, p := range t.Parts {
			if p.ID == out[i].ID {
				out[i].Title, out[i].Description, out[i].Items = p.Title, p.Description, len(p.Items)
			}
		}
	}
	return out
}

// loadTemplate reads a template file, or else a built-in template, and
// returns it with its YAML as read.
func loadTemplate(name string) (*checklist.Template, string, error) {
	if st, err := os.Stat(name); err == nil && st.Mode().IsRegular() {
		f, err := os.Open(name)
		if err != nil {
			return nil, "", fmt.Errorf("open checklist template: %w", err)
		}
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, checklist.MaxTemplateSize+1))
		if err != nil {
			return nil, "", fmt.Errorf("read checklist template %s: %w", name, err)
		}
		t, err := checklist.Load(bytes.NewReader(data), name)
		var invalid *checklist.ValidationError
		if errors.As(err, &invalid) {
			return nil, "", &FieldError{Field: FieldTemplate, Problem: ProblemFormat,
				Err: fmt.Errorf("%s is not a valid checklist template (wb template-check lists every problem):\n%w", name, err)}
		}
		if err != nil {
			return nil, "", err
		}
		return t, string(data), nil
	}
	t, err := checklist.ByID(name)
	if err != nil {
		if strings.ContainsAny(name, `/\`) || strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml") {
			return nil, "", fieldReason(FieldTemplate, ProblemFormat, workbench.Errorf(workbench.CodeNotFound, workbench.ReasonNoTemplate, "Name", name),
				"checklist template file %s does not exist (built-in templates: %s)",
				name, strings.Join(checklist.BuiltinIDs(), ", "))
		}
		return nil, "", fieldReason(FieldTemplate, ProblemFormat, workbench.Errorf(workbench.CodeNotFound, workbench.ReasonNoTemplate, "Name", name),
			"no checklist template %q: not a file and not a built-in template (built in: %s)",
			name, strings.Join(checklist.BuiltinIDs(), ", "))
	}
	data, err := assets.Checklists.ReadFile(path.Join("checklists", t.ID+".yaml"))
	if err != nil {
		return nil, "", fmt.Errorf("read built-in checklist template %s: %w", t.ID, err)
	}
	return t, string(data), nil
}

func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// InspectionTemplate returns the checklist of a case's inspection: the
// templates it holds as frozen when started or added, combined (see
// checklist.Combine; Parts lists them).
func (a *App) InspectionTemplate(ctx context.Context, caseID int64) (*checklist.Template, error) {
	_, in, err := a.inspection(ctx, caseID)
	if err != nil {
		return nil, err
	}
	return loadFrozen(in)
}

// loadFrozen loads and combines the templates an inspection holds.
func loadFrozen(in store.Inspection) (*checklist.Template, error) {
	first, err := checklist.Load(strings.NewReader(in.Template), in.TemplateID+".yaml")
	if err != nil {
		return nil, fmt.Errorf("case %d: the inspection's checklist template %s: %w", in.CaseID, in.TemplateID, err)
	}
	var added []*checklist.Template
	for _, at := range in.Added {
		t, err := checklist.Load(strings.NewReader(at.Template), at.TemplateID+".yaml")
		if err != nil {
			return nil, fmt.Errorf("case %d: the inspection's checklist template %s: %w", in.CaseID, at.TemplateID, err)
		}
		added = append(added, t)
	}
	return checklist.Combine(first, added...), nil
}

// frozenTemplate loads the checklist an inspection holds; nil when a
// template no longer loads (a later program may validate more strictly),
// in which case items are shown without titles.
func frozenTemplate(in store.Inspection) *checklist.Template {
	t, err := loadFrozen(in)
	if err != nil {
		return nil
	}
	return t
}

func itemStatus(t *checklist.Template, it store.InspectionItem) ItemStatus {
	s := ItemStatus{ID: it.ItemID, Result: it.Result, Severity: it.Severity, Evidence: it.Evidence,
		Note: it.Note, Finding: it.Finding, Deadline: it.Deadline, UpdatedAt: it.UpdatedAt, Articles: []workbench.ArticleRef{}}
	if t != nil {
		if ti, ok := t.Item(it.ItemID); ok {
			s.Title = ti.Title
			s.Articles = append(s.Articles, ti.Articles...)
			s.Template = ti.Template
		}
	}
	return s
}

// inspection reads a case and its inspection.
func (a *App) inspection(ctx context.Context, caseID int64) (workbench.Case, store.Inspection, error) {
	c, err := a.store.GetCase(ctx, caseID)
	if err != nil {
		return c, store.Inspection{}, err
	}
	in, err := a.store.GetInspection(ctx, caseID)
	if errors.Is(err, store.ErrNotFound) {
		return c, in, noInspection(caseID)
	}
	return c, in, err
}

// InspectionStatus reports where a case's inspection stands.
func (a *App) InspectionStatus(ctx context.Context, caseID int64) (Status, error) {
	c, in, err := a.inspection(ctx, caseID)
	if err != nil {
		return Status{}, err
	}
	items, err := a.store.InspectionItems(ctx, caseID)
	if err != nil {
		return Status{}, err
	}
	t := frozenTemplate(in)
	st := Status{CaseID: caseID, CaseStatus: c.Status, Template: in.TemplateID, Version: in.TemplateVersion,
		StartedAt: in.StartedAt, ConcludedAt: timeOrNil(in.ConcludedAt), SignedAt: timeOrNil(in.SignedAt), Signature: in.Signature,
		Items: make([]ItemStatus, len(items)), Totals: map[string]int{}, Templates: templateInfos(in, t)}
	for _, r := range Results {
		st.Totals[r] = 0
	}
	ps, err := a.proposalsOf(ctx, caseID, t, false)
	if err != nil {
		return Status{}, err
	}
	proposals := itemProposals(ps)
	for i, it := range items {
		st.Items[i] = itemStatus(t, it)
		st.Items[i].Proposal = proposals[it.ItemID]
		st.Totals[it.Result]++
	}
	return st, nil
}

// ItemEvidence lists the evidence cited for one item, oldest first.
func (a *App) ItemEvidence(ctx context.Context, caseID int64, itemID string) ([]workbench.Evidence, error) {
	if _, _, err := a.inspection(ctx, caseID); err != nil {
		return nil, err
	}
	if _, err := a.store.InspectionItem(ctx, caseID, itemID); err != nil {
		return nil, err
	}
	return a.store.ItemEvidence(ctx, caseID, itemID)
}

// Assess records the inspector's result, severity, note, finding, deadline
// and evidence for one item, all or nothing, and returns the item as it
// then stands.
func (a *App) Assess(ctx context.Context, in AssessInput) (ItemStatus, error) {
	c, insp, err := a.inspection(ctx, in.CaseID)
	if err != nil {
		return ItemStatus{}, err
	}
	if c.Status != store.StatusOpen {
		return ItemStatus{}, store.NotOpenError(c.ID, c.Status)
	}
	items, err := a.store.InspectionItems(ctx, in.CaseID)
	if err != nil {
		return ItemStatus{}, err
	}
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.ItemID
	}
	if !slices.Contains(ids, in.ItemID) {
		return ItemStatus{}, fieldErr(FieldItem, ProblemFormat, "case %d's checklist (%s) has no item %q; %s",
			in.CaseID, insp.TemplateID, in.ItemID, suggestItems(in.ItemID, ids))
	}
	u, err := validateAssessment(in)
	if err != nil {
		return ItemStatus{}, err
	}
	if len(in.RemoveEvidence) > 0 {
		cited, err := a.store.ItemEvidence(ctx, in.CaseID, in.ItemID)
		if err != nil {
			return ItemStatus{}, err
		}
		for _, ref := range in.RemoveEvidence {
			ref = strings.TrimSpace(ref)
			i := slices.IndexFunc(cited, func(ev workbench.Evidence) bool { return ev.Target == ref || ev.Ref == ref })
			if i < 0 {
				return ItemStatus{}, &FieldError{Field: FieldEvidence, Problem: ProblemFormat,
					Err: workbench.Errorf(workbench.CodeInvalid, workbench.ReasonNotCited, "Item", in.ItemID, "Ref", ref)}
			}
			if !slices.Contains(u.RemoveEvidence, cited[i].Target) {
				u.RemoveEvidence = append(u.RemoveEvidence, cited[i].Target)
			}
		}
	}
	for _, ref := range in.Evidence {
		ev, err := a.resolveEvidence(ctx, in.CaseID, ref)
		if err != nil {
			return ItemStatus{}, err
		}
		u.Evidence = append(u.Evidence, ev)
	}
	if err := a.store.UpdateInspectionItem(ctx, in.CaseID, in.ItemID, u); err != nil {
		return ItemStatus{}, err
	}
	return a.itemStatusOf(ctx, in.CaseID, in.ItemID)
}

// validateAssessment checks the values of in and turns them into an update.
func validateAssessment(in AssessInput) (store.ItemUpdate, error) {
	var u store.ItemUpdate
	if r := strings.TrimSpace(in.Result); r != "" {
		if !slices.Contains(Results, r) {
			return u, fieldReason(FieldResult, ProblemFormat, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonUnknownResult, "Value", in.Result, "Valid", Results),
				"result %q is not one of %s", in.Result, strings.Join(Results, ", "))
		}
		u.Result = &r
	}
	if in.Severity != nil {
		s := strings.TrimSpace(*in.Severity)
		if s != "" && !slices.Contains(Severities, s) {
			return u, fieldReason(FieldSeverity, ProblemFormat, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonUnknownSeverity, "Value", *in.Severity, "Valid", Severities),
				"severity %q is not one of %s (or empty for none)", *in.Severity, strings.Join(Severities, ", "))
		}
		u.Severity = &s
	}
	if in.Deadline != nil {
		d := strings.TrimSpace(*in.Deadline)
		if d != "" {
			t, err := workbench.ParseDate(d)
			if err != nil {
				return u, &FieldError{Field: FieldDeadline, Problem: ProblemFormat, Err: fmt.Errorf("deadline: %w", err)}
			}
			d = t.Format(DateLayout)
		}
		u.Deadline = &d
	}
	for _, f := range []struct {
		field, label string
		in           *string
		out          **string
	}{{FieldNote, "note", in.Note, &u.Note}, {FieldFinding, "finding", in.Finding, &u.Finding}} {
		if f.in == nil {
			continue
		}
		v := strings.TrimSpace(*f.in)
		if n := utf8.RuneCountInString(v); n > MaxNoteLen {
			return u, fieldErr(f.field, ProblemTooLong, "%s is %d characters long; at most %d are allowed", f.label, n, MaxNoteLen)
		}
		if !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
			return u, fieldErr(f.field, ProblemControl, "%s holds a NUL or invalid UTF-8", f.label)
		}
		*f.out = &v
	}
	return u, nil
}

// suggestItems names the item ids closest to id: those it is part of or
// that are part of it, else those within a few edits, else says where the
// list is.
func suggestItems(id string, ids []string) string {
	var near []string
	low := strings.ToLower(strings.TrimSpace(id))
	if low != "" {
		for _, k := range ids {
			if strings.Contains(k, low) || strings.HasPrefix(low, k) {
				near = append(near, k)
			}
		}
		if len(near) == 0 {
			limit := min(max(utf8.RuneCountInString(low)/4, 1), 4)
			for _, k := range ids {
				if editDistance(low, k) <= limit {
					near = append(near, k)
				}
			}
		}
	}
	switch {
	case len(near) == 0:
		return "the checklist lists its items"
	case len(near) > 5:
		near = append(near[:5], "…")
	}
	return "did you mean " + strings.Join(near, ", ") + "?"
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// resolveEvidence finds the record or passage ref names in the case and
// copies what the evidence keeps of it.
func (a *App) resolveEvidence(ctx context.Context, caseID int64, ref string) (workbench.Evidence, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return workbench.Evidence{}, fieldErr(FieldEvidence, ProblemEmpty, "evidence reference is empty (give a search-hit id such as rec-12 or psg-7, or a record identifier such as INC-0042)")
	}
	ev := workbench.Evidence{Ref: ref}
	var sub workbench.Submission
	if passage, n, ok := fulltext.ParseHitID(ref); ok {
		if !passage {
			r, s, err := a.store.Record(ctx, n)
			if errors.Is(err, store.ErrNotFound) {
				return ev, fieldReason(FieldEvidence, ProblemFormat, workbench.Errorf(workbench.CodeNotFound, workbench.ReasonNoSuchEvidence, "Ref", ref),
					"evidence %s: there is no record %d in the workspace", ref, n)
			}
			if err != nil {
				return ev, err
			}
			sub = s
			fillRecord(&ev, r, s)
		} else {
			p, s, err := a.store.Passage(ctx, n)
			if errors.Is(err, store.ErrNotFound) {
				return ev, fieldReason(FieldEvidence, ProblemFormat, workbench.Errorf(workbench.CodeNotFound, workbench.ReasonNoSuchEvidence, "Ref", ref),
					"evidence %s: there is no passage %d in the workspace", ref, n)
			}
			if err != nil {
				return ev, err
			}
			sub = s
			ev.Target = fulltext.PassageHitID(p.ID)
			ev.Location = fulltext.PassagePlace(p).String()
			if ev.Location == "" {
				ev.Location = "passage " + strconv.Itoa(p.Seq)
			}
			ev.Quote = p.Text
		}
		if sub.CaseID != caseID {
			return ev, fieldReason(FieldEvidence, ProblemFormat, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonEvidenceOtherCase, "Ref", ref, "File", sub.FileName, "Case", caseID, "Other", sub.CaseID),
				"evidence %s is in %s of case %d, not of case %d; cite evidence from the case's own submissions",
				ref, sub.FileName, sub.CaseID, caseID)
		}
	} else {
		ms, err := a.store.RecordsByRef(ctx, caseID, ref)
		if err != nil {
			return ev, err
		}
		switch len(ms) {
		case 0:
			return ev, fieldReason(FieldEvidence, ProblemFormat, workbench.Errorf(workbench.CodeNotFound, workbench.ReasonNoSuchEvidence, "Ref", ref),
				"evidence %q: no record of case %d has that identifier; give a search-hit id (rec-N, psg-N, as wb search prints) or a record identifier such as INC-0042",
				ref, caseID)
		case 1:
		default:
			places := make([]string, len(ms))
			hits := make([]string, len(ms))
			for i, m := range ms {
				places[i] = m.Submission.FileName + " " + recordPlace(m.Record, m.Submission)
				hits[i] = fulltext.RecordHitID(m.Record.ID)
			}
			return ev, fieldErr(FieldEvidence, ProblemDuplicate, "evidence %q names %d records of case %d: %s; cite one by its hit id (%s)",
				ref, len(ms), caseID, strings.Join(places, "; "), strings.Join(hits, ", "))
		}
		sub = ms[0].Submission
		fillRecord(&ev, ms[0].Record, sub)
	}
	ev.SubmissionID, ev.SHA256, ev.FileName, ev.Kind = sub.ID, sub.SHA256, sub.FileName, sub.Kind
	ev.Quote = Clip(ev.Quote, MaxQuoteLen)
	return ev, nil
}

// fillRecord sets the target, location and quote of a record's evidence.
func fillRecord(ev *workbench.Evidence, r workbench.RecordRow, sub workbench.Submission) {
	ev.Target = fulltext.RecordHitID(r.ID)
	ev.Location = recordPlace(r, sub)
	text, _, err := importers.SearchText(workbench.Kind(sub.Kind), r.Fields, r.Extra)
	if err != nil || strings.TrimSpace(text) == "" {
		text = r.Fields
	}
	if r.Ref != "" && !strings.Contains(text, r.Ref) {
		text = r.Ref + " " + text
	}
	ev.Quote = text
}

// recordPlace says where a record stands in its file, in the search
// index's words: `sheet "数据来源", row 4`, `line 504`, `record 3`.
func recordPlace(r workbench.RecordRow, sub workbench.Submission) string {
	return fulltext.RecordPlace(sub.Format, r.Sheet, r.Row).String()
}

// Clip cuts s to at most n characters, the last of them "…" when it cut.
func Clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
