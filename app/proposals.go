package app

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/inspection-workbench/workbench/app/checklist"
	"github.com/inspection-workbench/workbench/app/checks"
	"github.com/inspection-workbench/workbench/importers"
	"github.com/inspection-workbench/workbench/store"
	"github.com/inspection-workbench/workbench/store/fulltext"
)

// Fields of proposal decisions, as FieldError names them.
const (
	FieldProposal = "proposal"
	FieldReason   = "reason"
)

// Decisions on a proposal, as they are shown.
const (
	DecisionPending    = string(workbench.Pending)
	DecisionAccepted   = string(workbench.Accepted)
	DecisionOverridden = string(workbench.Overridden)
)

// MaxAcceptEvidence bounds the records an accepted proposal adds to its
// item's evidence; the rest stay listed in the proposal.
const MaxAcceptEvidence = 50

// ProposalRecord is a record behind a proposal: the provider's own
// identifier when its row has one, with file and row.
type ProposalRecord struct {
	ID       string         `json:"id"` // DS-07, INC-0042, a batch name; "" when the row has none
	File     string         `json:"file"`
	Sheet    string         `json:"sheet,omitempty"`
	Row      int            `json:"row"` // worksheet row, or line of a text file
	Location string         `json:"location"`
	Hit      string         `json:"hit"` // the search-hit id, rec-N
	Problem  checklist.Text `json:"problem"`
	// Unclear marks a record that says too little to judge (data missing
	// or unreadable) rather than one that shows a problem.
	Unclear bool `json:"unclear,omitempty"`
	// Missing is Unclear under its earlier name, kept for scripts that
	// read it.
	Missing bool `json:"missing,omitempty"`
}

// Proposal is an automated check's proposed result for a checklist item,
// with the records behind it and the inspector's decision.
type Proposal struct {
	Rule      string         `json:"rule"`
	Item      string         `json:"item"`
	Article   string         `json:"article"`    // Art. 7(3)
	ArticleZh string         `json:"article_zh"` // 第七条第（三）项
	Result    string         `json:"result"`
	Summary   checklist.Text `json:"summary"`
	Checked   int            `json:"checked"`
	// Flagged counts the records behind the proposal: Problems that show a
	// problem and Unclear that say too little to judge.
	Flagged  int `json:"flagged"`
	Problems int `json:"problems"`
	Unclear  int `json:"unclear"`
	// Params are the parameters the check runs with, each with where its
	// value comes from (a standard's clause, or set by the inspector).
	Params []checklist.Param `json:"params"`
	// Records lists the records behind the proposal (up to
	// checks.MaxFlags; Flagged is the full count).
	Records       []ProposalRecord `json:"records"`
	Decision      string           `json:"decision"` // pending, accepted, overridden
	DecidedResult string           `json:"decided_result,omitempty"`
	Reason        string           `json:"reason,omitempty"`
	DecidedAt     *time.Time       `json:"decided_at,omitempty"`
	ProposedAt    time.Time        `json:"proposed_at"`
	Superseded    bool             `json:"superseded,omitempty"`
	// Digest identifies what the proposal found (its result and records);
	// a key pinned to it ("item/rule@digest") is refused once a later run
	// has found something else.
	Digest string `json:"digest"`
	id     int64
	// severity is the severity the template gives the check by default.
	severity string
}

// Key names the proposal for AcceptProposal and OverrideProposal:
// "item/rule".
func (p Proposal) Key() string { return p.Item + "/" + p.Rule }

// PinnedKey names the proposal as it stands: "item/rule@digest", which
// AcceptProposals and OverrideProposal refuse once the proposal has been
// superseded.
func (p Proposal) PinnedKey() string { return p.Key() + "@" + p.Digest }

// minPin is the shortest digest prefix a pinned key may give.
const minPin = 6

// ItemProposal is where the automated checks stand on one item: the most
// serious result their current proposals give.
type ItemProposal struct {
	Result   string   `json:"result"`
	Rules    []string `json:"rules"`
	Flagged  int      `json:"flagged"`
	Decision string   `json:"decision"` // pending while any proposal awaits a decision
}

// CheckRun is what a run of the automated checks proposed.
type CheckRun struct {
	CaseID    int64      `json:"case_id"`
	Proposals []Proposal `json:"proposals"`
	Added     int        `json:"added"` // proposals new or changed since the last run
	Kept      int        `json:"kept"`  // proposals found as before, decisions kept
}

// resultRank orders proposed results from the least to the most serious,
// for combining an item's proposals.
var resultRank = map[string]int{checks.NotApplicable: 0, checks.Compliant: 1, checks.InfoRequested: 2,
	string(workbench.PartiallyCompliant): 3, checks.NonCompliant: 4}

// RunChecks runs the automated checks of an open case's checklist over its
// structured records and documents, and records their proposals. A check
// that finds what it found last time keeps its proposal and decision.
func (a *App) RunChecks(ctx context.Context, caseID int64) (CheckRun, error) {
	c, in, err := a.inspection(ctx, caseID)
	if err != nil {
		return CheckRun{}, err
	}
	if c.Status != store.StatusOpen {
		return CheckRun{}, store.NotOpenError(caseID, c.Status)
	}
	t := frozenTemplate(in)
	if t == nil {
		return CheckRun{}, fmt.Errorf("case %d: the inspection's checklist template %s no longer loads; its checks cannot run", caseID, in.TemplateID)
	}
	var refs []checks.Ref
	for _, it := range t.Items {
		for _, ch := range it.Checks {
			refs = append(refs, checks.Ref{Item: it.ID, Check: ch})
		}
	}
	subs, err := a.store.ListSubmissions(ctx, caseID)
	if err != nil {
		return CheckRun{}, err
	}
	kinds := map[string]int{}
	for _, s := range subs {
		kinds[s.Kind]++
	}
	// A run decodes every record of the case and keeps little: collecting
	// less often trades some memory (about 150 MB at a million records)
	// for a fifth of the time.
	defer lessGC()()
	input := checks.Input{
		Service:  checks.Service{FilingNo: c.Service.FilingNo, Modalities: c.Service.Modalities, PublicOpinion: c.Service.PublicOpinion},
		Kinds:    kinds,
		Records:  a.checkRecords(ctx, caseID),
		Passages: a.checkPassages(ctx, caseID),
	}
	if c.ReceivedOn != "" {
		// The material's received date, when recorded, is the day the
		// checks count from for every record, rather than its import day.
		received, err := time.ParseInLocation(DateLayout, c.ReceivedOn, time.Local)
		if err != nil {
			return CheckRun{}, fmt.Errorf("case %d: received date %q: %w", caseID, c.ReceivedOn, err)
		}
		records := input.Records
		input.Records = func(yield func(checks.Record, error) bool) {
			for r, err := range records {
				r.Submitted = received
				if !yield(r, err) {
					return
				}
			}
		}
	}
	outcomes, err := checks.Run(input, refs)
	if err != nil {
		return CheckRun{}, fmt.Errorf("automated checks of case %d: %w", caseID, err)
	}
	stored := make([]store.Proposal, len(outcomes))
	for i, o := range outcomes {
		p, err := storedProposal(o)
		if err != nil {
			return CheckRun{}, err
		}
		stored[i] = p
	}
	res, err := a.store.SaveProposals(ctx, caseID, stored)
	if err != nil {
		return CheckRun{}, err
	}
	current, err := a.proposalsOf(ctx, caseID, t, false)
	if err != nil {
		return CheckRun{}, err
	}
	return CheckRun{CaseID: caseID, Proposals: current, Added: res.Added, Kept: res.Kept}, nil
}

// walkSeq turns a walk that calls emit with each value into an iterator.
// The walk stops when the consumer does; an error it returns, other than
// that stop, is yielded last.
func walkSeq[T any](walk func(emit func(T) error) error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		stop := errors.New("stopped")
		err := walk(func(v T) error {
			if !yield(v, nil) {
				return stop
			}
			return nil
		})
		if err != nil && !errors.Is(err, stop) {
			var zero T
			yield(zero, err)
		}
	}
}

// checkGCPercent is the garbage collector's target while the checks run
// (the Go default is 100).
const checkGCPercent = 300

// gcRuns counts the check runs under way, so that runs that overlap (the
// GUI's and another) set the collector's target once and the last to end
// puts back what it was.
var gcRuns struct {
	sync.Mutex
	n     int
	saved int
}

// lessGC raises the collector's target for a check run; the function it
// returns ends the run.
func lessGC() (done func()) {
	gcRuns.Lock()
	defer gcRuns.Unlock()
	if gcRuns.n == 0 {
		gcRuns.saved = debug.SetGCPercent(checkGCPercent)
	}
	gcRuns.n++
	return func() {
		gcRuns.Lock()
		defer gcRuns.Unlock()
		if gcRuns.n--; gcRuns.n == 0 {
			debug.SetGCPercent(gcRuns.saved)
		}
	}
}

// checkPage is the number of records read and decoded at a time.
const checkPage = 1000

// checkRecords yields a case's records as the checks see them, the
// algorithm records first. Reading from the database and decoding the
// stored fields run on goroutines of their own, pages in parallel, while
// the records are yielded in order.
func (a *App) checkRecords(parent context.Context, caseID int64) iter.Seq2[checks.Record, error] {
	return func(yield func(checks.Record, error) bool) {
		ctx, cancel := context.WithCancel(parent)
		defer cancel()
		type batch struct {
			sub  workbench.Submission
			rows []workbench.RecordRow
			recs []checks.Record
			err  error
			done chan struct{}
		}
		ordered := make(chan *batch, 8)
		work := make(chan *batch, 8)
		go func() {
			defer close(work)
			defer close(ordered)
			err := a.store.CaseRecordPages(ctx, caseID, []string{string(workbench.Algorithm)}, checkPage, func(sub workbench.Submission, rows []workbench.RecordRow) error {
				b := &batch{sub: sub, rows: rows, done: make(chan struct{})}
				select {
				case ordered <- b:
				case <-ctx.Done():
					return ctx.Err()
				}
				work <- b
				return nil
			})
			if err != nil && ctx.Err() == nil {
				b := &batch{err: err, done: make(chan struct{})}
				close(b.done)
				select {
				case ordered <- b:
				case <-ctx.Done():
				}
			}
		}()
		for range max(1, runtime.GOMAXPROCS(0)) {
			go func() {
				for b := range work {
					b.recs, b.err = decodeCheckRecords(b.sub, b.rows)
					close(b.done)
				}
			}()
		}
		for b := range ordered {
			<-b.done
			if b.err != nil {
				yield(checks.Record{}, b.err)
				return
			}
			for _, rec := range b.recs {
				if !yield(rec, nil) {
					return
				}
			}
		}
		// Cancelled from outside, the reading stops early: say so, so that
		// no one takes part of the records for all of them.
		if err := parent.Err(); err != nil {
			yield(checks.Record{}, err)
		}
	}
}

// decodeCheckRecords turns a page of stored records into the checks'
// records, their fields decoded.
func decodeCheckRecords(sub workbench.Submission, rows []workbench.RecordRow) ([]checks.Record, error) {
	out := make([]checks.Record, len(rows))
	dec, err := importers.NewFieldsDecoder(workbench.Kind(sub.Kind))
	raw := false
	if err != nil {
		// A safety-testing kind the importers have no field specification
		// for: its checks read the stored values as they are.
		if !slices.Contains(workbench.SafetyKinds, workbench.Kind(sub.Kind)) {
			return nil, fmt.Errorf("%s: %w", sub.FileName, err)
		}
		raw = true
	}
	for i, r := range rows {
		rec := checks.Record{HitID: fulltext.RecordHitID(r.ID), Ref: r.Ref, File: sub.FileName, Kind: sub.Kind,
			Sheet: r.Sheet, Row: r.Row, Location: recordPlace(r, sub), Submitted: sub.ImportedAt}
		if raw {
			if err := json.Unmarshal([]byte(r.Fields), &rec.Raw); err != nil {
				return nil, fmt.Errorf("record %s of %s: stored fields: %w", rec.HitID, sub.FileName, err)
			}
			out[i] = rec
			continue
		}
		f, err := dec.Decode([]byte(r.Fields))
		if err != nil {
			return nil, fmt.Errorf("record %s of %s: stored fields: %w", rec.HitID, sub.FileName, err)
		}
		rec.Fields = f
		out[i] = rec
	}
	return out, nil
}

// checkPassages yields the passages of a case's annotation-rule and
// algorithm documents.
func (a *App) checkPassages(ctx context.Context, caseID int64) iter.Seq2[checks.Passage, error] {
	return walkSeq(func(emit func(checks.Passage) error) error {
		return a.store.CasePassages(ctx, caseID, []string{"annotation_rule", "algorithm"}, func(p workbench.PassageRow, sub workbench.Submission) error {
			return emit(checks.Passage{HitID: fulltext.PassageHitID(p.ID), File: sub.FileName, Kind: sub.Kind,
				Location: fulltext.PassagePlace(p).String(), Text: p.Text})
		})
	})
}

// storedProposal turns an outcome into the row SaveProposals keeps.
func storedProposal(o checks.Outcome) (store.Proposal, error) {
	recs := proposalRecords(o.Flags)
	article, err := json.Marshal(o.Article)
	if err != nil {
		return store.Proposal{}, err
	}
	summary, err := json.Marshal(o.Summary)
	if err != nil {
		return store.Proposal{}, err
	}
	records, err := json.Marshal(recs)
	if err != nil {
		return store.Proposal{}, err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00", o.Result, o.Flagged)
	for _, r := range recs {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00", r.Hit, r.Problem.En, r.Problem.Zh, r.Location)
	}
	return store.Proposal{ItemID: o.Item, Rule: o.Rule, Article: string(article), Result: o.Result, Summary: string(summary),
		Records: string(records), Checked: o.Checked, Flagged: o.Flagged, Unclear: o.Unclear, Digest: hex.EncodeToString(h.Sum(nil))}, nil
}

func proposalRecords(flags []checks.Flag) []ProposalRecord {
	out := make([]ProposalRecord, len(flags))
	for i, f := range flags {
		out[i] = ProposalRecord{ID: f.Record.Ref, File: f.Record.File, Sheet: f.Record.Sheet, Row: f.Record.Row,
			Location: f.Record.Location, Hit: f.Record.HitID, Problem: f.Problem, Unclear: f.Unclear, Missing: f.Unclear}
	}
	return out
}

// Proposals lists a case's proposals in checklist order: the current ones,
// or with history every proposal ever made, superseded ones included.
func (a *App) Proposals(ctx context.Context, caseID int64, history bool) ([]Proposal, error) {
	_, in, err := a.inspection(ctx, caseID)
	if err != nil {
		return nil, err
	}
	return a.proposalsOf(ctx, caseID, frozenTemplate(in), history)
}

// proposalsOf lists a case's proposals, given its frozen template t (read
// already by the caller), from which each proposal's parameters come.
func (a *App) proposalsOf(ctx context.Context, caseID int64, t *checklist.Template, history bool) ([]Proposal, error) {
	rows, err := a.store.Proposals(ctx, caseID, history)
	if err != nil {
		return nil, err
	}
	out := make([]Proposal, len(rows))
	for i, r := range rows {
		p, err := loadProposal(r)
		if err != nil {
			return nil, fmt.Errorf("case %d: %w", caseID, err)
		}
		p.Params = checkParams(t, p.Item, p.Rule)
		p.severity = checkSeverity(t, p.Item, p.Rule)
		out[i] = p
	}
	return out, nil
}

func loadProposal(r store.Proposal) (Proposal, error) {
	p := Proposal{Rule: r.Rule, Item: r.ItemID, Result: r.Result, Checked: r.Checked, Flagged: r.Flagged, Digest: r.Digest,
		DecidedResult: r.DecidedResult, Reason: r.Reason, ProposedAt: r.ProposedAt, Superseded: !r.SupersededAt.IsZero(), id: r.ID}
	var art workbench.ArticleRef
	if err := json.Unmarshal([]byte(r.Article), &art); err != nil {
		return p, fmt.Errorf("proposal %s/%s: stored article: %w", r.ItemID, r.Rule, err)
	}
	p.Article, p.ArticleZh = art.String(), art.Zh()
	if err := json.Unmarshal([]byte(r.Summary), &p.Summary); err != nil {
		return p, fmt.Errorf("proposal %s/%s: stored summary: %w", r.ItemID, r.Rule, err)
	}
	if err := json.Unmarshal([]byte(r.Records), &p.Records); err != nil {
		return p, fmt.Errorf("proposal %s/%s: stored records: %w", r.ItemID, r.Rule, err)
	}
	// Records stored before "unclear" had a name say so as "missing".
	stored := 0
	for i := range p.Records {
		rec := &p.Records[i]
		rec.Unclear = rec.Unclear || rec.Missing
		rec.Missing = rec.Unclear
		if rec.Unclear {
			stored++
		}
	}
	p.Unclear = r.Unclear
	if p.Unclear == 0 {
		p.Unclear = stored
	}
	p.Problems = p.Flagged - p.Unclear
	switch r.Decision {
	case store.DecisionPending:
		p.Decision = DecisionPending
	default:
		p.Decision = r.Decision
		at := r.DecidedAt
		p.DecidedAt = &at
	}
	return p, nil
}

// checkParams lists the parameters of an item's check in template t, with
// their sources; empty when the template no longer names it.
func checkParams(t *checklist.Template, item, rule string) []checklist.Param {
	if t != nil {
		if it, ok := t.Item(item); ok {
			for _, c := range it.Checks {
				if c.ID == rule {
					return c.ParamList()
				}
			}
		}
	}
	return []checklist.Param{}
}

// checkSeverity is the severity template t gives an item's check by
// default, "" for none.
func checkSeverity(t *checklist.Template, item, rule string) string {
	if t != nil {
		if it, ok := t.Item(item); ok {
			for _, c := range it.Checks {
				if c.ID == rule {
					return c.Severity
				}
			}
		}
	}
	return ""
}

// itemProposals combines the current proposals of each item.
func itemProposals(ps []Proposal) map[string]*ItemProposal {
	out := map[string]*ItemProposal{}
	for _, p := range ps {
		ip := out[p.Item]
		if ip == nil {
			ip = &ItemProposal{Result: p.Result, Decision: p.Decision}
			out[p.Item] = ip
		}
		if resultRank[p.Result] > resultRank[ip.Result] {
			ip.Result = p.Result
		}
		ip.Rules = append(ip.Rules, p.Rule)
		ip.Flagged += p.Flagged
		switch {
		case p.Decision == DecisionPending, ip.Decision == DecisionPending:
			ip.Decision = DecisionPending
		case p.Decision == DecisionOverridden:
			ip.Decision = DecisionOverridden
		}
	}
	return out
}

// selectProposals finds, among a case's current proposals all, the pending
// ones key names: "item" (all of the item's pending proposals),
// "item/rule", or "item/rule@digest" (that proposal, if it is still the
// one with that digest).
//
// It returns the item, the chosen proposals and all the item's current
// proposals.
func selectProposals(all []Proposal, caseID int64, key string) (item string, chosen, ofItem []Proposal, err error) {
	key = strings.TrimSpace(key)
	key, pin, pinned := strings.Cut(key, "@")
	if pinned && (len(pin) < minPin || strings.Trim(strings.ToLower(pin), "0123456789abcdef") != "") {
		return "", nil, nil, fieldErr(FieldProposal, ProblemFormat, "%q after @ is not a proposal digest (at least %d hex digits)", pin, minPin)
	}
	item, rule, _ := strings.Cut(key, "/")
	if len(all) == 0 {
		return "", nil, nil, newStateErr(store.ErrNotFound, workbench.CodeNotFound, workbench.ReasonNoProposals, "Case", caseID)
	}
	for _, p := range all {
		if p.Item != item {
			continue
		}
		ofItem = append(ofItem, p)
		if (rule == "" || p.Rule == rule) && p.Decision == DecisionPending {
			chosen = append(chosen, p)
		}
	}
	if len(chosen) > 0 && pinned {
		if rule == "" || len(chosen) != 1 {
			return "", nil, nil, fieldErr(FieldProposal, ProblemFormat, "a digest pins one proposal: write ITEM/RULE@DIGEST")
		}
		if !strings.HasPrefix(chosen[0].Digest, strings.ToLower(pin)) {
			return "", nil, nil, newStateErr(workbench.ErrConflict, workbench.CodeConflict, workbench.ReasonProposalChanged, "Proposal", key, "Digest", pin)
		}
	}
	if len(chosen) > 0 {
		return item, chosen, ofItem, nil
	}
	if len(ofItem) == 0 {
		keys := make([]string, 0, len(all))
		for _, p := range all {
			keys = append(keys, p.Key())
		}
		if hint := suggestItems(key, keys); strings.HasPrefix(hint, "did you mean") {
			return "", nil, nil, fieldErr(FieldProposal, ProblemFormat, "case %d has no proposal for %q; %s", caseID, key, hint)
		}
		return "", nil, nil, &FieldError{Field: FieldProposal, Problem: ProblemFormat,
			Err: workbench.Errorf(workbench.CodeInvalid, workbench.ReasonNoSuchProposal, "Case", caseID, "Proposal", key)}
	}
	var names []string
	for _, p := range ofItem {
		if rule == "" || p.Rule == rule {
			names = append(names, p.Key()+" ("+p.Decision+")")
		}
	}
	if len(names) == 0 {
		rules := make([]string, len(ofItem))
		for i, p := range ofItem {
			rules[i] = p.Key()
		}
		return "", nil, nil, fieldErr(FieldProposal, ProblemFormat, "item %s has no proposal of rule %q; its proposals are %s", item, rule, strings.Join(rules, ", "))
	}
	return "", nil, nil, &stateErr{msg: fmt.Sprintf("no pending proposal for %s: %s", key, strings.Join(names, ", ")), base: workbench.ErrConflict}
}

// AcceptProposals adopts the pending proposals keys name ("item" or
// "item/rule"), all or none: each item takes the most serious result of
// its accepted proposals (these and those accepted before), up to
// MaxAcceptEvidence of the records behind them become its evidence, and
// an empty finding of a non-compliant item is drafted from their
// summaries; an item found wanting without a severity takes the default
// severity the template gives the check. The proposals keep the decision.
// It returns the items as they then stand, in the order of keys.
func (a *App) AcceptProposals(ctx context.Context, caseID int64, keys ...string) ([]ItemStatus, error) {
	all, err := a.Proposals(ctx, caseID, false)
	if err != nil {
		return nil, err
	}
	var order []string
	chosen := map[string][]Proposal{}
	ofItems := map[string][]Proposal{}
	for _, key := range keys {
		item, ps, ofItem, err := selectProposals(all, caseID, key)
		if err != nil {
			return nil, err
		}
		if _, seen := chosen[item]; !seen {
			order = append(order, item)
		}
		for _, p := range ps {
			if !slices.ContainsFunc(chosen[item], func(q Proposal) bool { return q.id == p.id }) {
				chosen[item] = append(chosen[item], p)
			}
		}
		ofItems[item] = ofItem
	}
	var ds []store.Decision
	for _, item := range order {
		d, err := a.acceptance(ctx, caseID, item, chosen[item], ofItems[item])
		if err != nil {
			return nil, err
		}
		ds = append(ds, d)
	}
	if err := a.store.DecideProposals(ctx, caseID, ds...); err != nil {
		return nil, err
	}
	st, err := a.InspectionStatus(ctx, caseID)
	if err != nil {
		return nil, err
	}
	out := make([]ItemStatus, len(order))
	for i, item := range order {
		j := slices.IndexFunc(st.Items, func(it ItemStatus) bool { return it.ID == item })
		if j < 0 {
			return nil, fmt.Errorf("item %s of case %d: %w", item, caseID, store.ErrNotFound)
		}
		out[i] = st.Items[j]
	}
	return out, nil
}

// AcceptProposal is AcceptProposals for one key.
func (a *App) AcceptProposal(ctx context.Context, caseID int64, key string) (ItemStatus, error) {
	sts, err := a.AcceptProposals(ctx, caseID, key)
	if err != nil {
		return ItemStatus{}, err
	}
	return sts[0], nil
}

// acceptance is the decision accepting ps, proposals of item, whose
// current proposals are ofItem.
func (a *App) acceptance(ctx context.Context, caseID int64, item string, ps, ofItem []Proposal) (store.Decision, error) {
	cur, err := a.store.InspectionItem(ctx, caseID, item)
	if err != nil {
		return store.Decision{}, err
	}
	// The item's result is the most serious of the decisions on its
	// current proposals: those accepted now, those accepted before and the
	// results the inspector chose when overriding.
	result := ps[0].Result
	for _, p := range ofItem {
		decided := ""
		switch p.Decision {
		case DecisionAccepted:
			decided = p.Result
		case DecisionOverridden:
			decided = p.DecidedResult
		}
		if decided != "" && resultRank[decided] > resultRank[result] {
			result = decided
		}
	}
	var ids []int64
	var summaries []string
	var hits []string
	refs := map[string]string{} // hit id → the provider's identifier
	for _, p := range ps {
		if resultRank[p.Result] > resultRank[result] {
			result = p.Result
		}
		ids = append(ids, p.id)
		if p.Result == checks.NonCompliant {
			summaries = append(summaries, p.Summary.Zh+"\n"+p.Summary.En)
		}
		for _, r := range p.Records {
			if len(hits) < MaxAcceptEvidence && !slices.Contains(hits, r.Hit) {
				hits = append(hits, r.Hit)
				refs[r.Hit] = r.ID
			}
		}
	}
	u := store.ItemUpdate{Result: &result}
	// An item found wanting without a severity takes the most serious of
	// the defaults the template gives the accepted checks that found it so.
	if strings.TrimSpace(cur.Severity) == "" && resultRank[result] >= resultRank["partially_compliant"] {
		sev := ""
		for _, p := range ps {
			if resultRank[p.Result] >= resultRank["partially_compliant"] &&
				slices.Index(Severities, p.severity) > slices.Index(Severities, sev) {
				sev = p.severity
			}
		}
		if sev != "" {
			u.Severity = &sev
		}
	}
	if result == checks.NonCompliant && strings.TrimSpace(cur.Finding) == "" && len(summaries) > 0 {
		f := Clip(strings.Join(summaries, "\n\n"), MaxNoteLen)
		u.Finding = &f
	}
	for _, h := range hits {
		ev, err := a.resolveEvidence(ctx, caseID, h)
		if err != nil {
			continue // the record is gone since the run; the proposal still lists it
		}
		if refs[h] != "" {
			ev.Ref = refs[h] // cited as the provider names it: INC-0684
		}
		u.Evidence = append(u.Evidence, ev)
	}
	return store.Decision{ItemID: item, ProposalIDs: ids, Decision: store.DecisionAccepted, Result: result, Item: u}, nil
}

// OverrideProposal records that the inspector decided otherwise than the
// pending proposals key names: the item takes result, and the reason is
// kept with the proposals.
func (a *App) OverrideProposal(ctx context.Context, caseID int64, key, result, reason string) (ItemStatus, error) {
	result = strings.TrimSpace(result)
	if !slices.Contains(Results, result) || result == ResultNotAssessed {
		return ItemStatus{}, fieldReason(FieldResult, ProblemFormat, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonUnknownResult, "Value", result, "Valid", Results[1:]),
			"result %q is not one of %s", result, strings.Join(Results[1:], ", "))
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return ItemStatus{}, fieldErr(FieldReason, ProblemEmpty, "give the reason for overriding the proposal")
	}
	if n := len([]rune(reason)); n > MaxNoteLen {
		return ItemStatus{}, fieldErr(FieldReason, ProblemTooLong, "reason is %d characters long; at most %d are allowed", n, MaxNoteLen)
	}
	all, err := a.Proposals(ctx, caseID, false)
	if err != nil {
		return ItemStatus{}, err
	}
	item, ps, _, err := selectProposals(all, caseID, key)
	if err != nil {
		return ItemStatus{}, err
	}
	ids := make([]int64, len(ps))
	for i, p := range ps {
		ids[i] = p.id
	}
	err = a.store.DecideProposals(ctx, caseID, store.Decision{ItemID: item, ProposalIDs: ids, Decision: store.DecisionOverridden,
		Result: result, Reason: reason, Item: store.ItemUpdate{Result: &result}})
	if err != nil {
		return ItemStatus{}, err
	}
	return a.itemStatusOf(ctx, caseID, item)
}

// itemStatusOf reads one item as it stands, with its proposal.
func (a *App) itemStatusOf(ctx context.Context, caseID int64, itemID string) (ItemStatus, error) {
	_, insp, err := a.inspection(ctx, caseID)
	if err != nil {
		return ItemStatus{}, err
	}
	it, err := a.store.InspectionItem(ctx, caseID, itemID)
	if err != nil {
		return ItemStatus{}, err
	}
	t := frozenTemplate(insp)
	st := itemStatus(t, it)
	ps, err := a.proposalsOf(ctx, caseID, t, false)
	if err != nil {
		return ItemStatus{}, err
	}
	if ip := itemProposals(ps)[itemID]; ip != nil {
		st.Proposal = ip
	}
	return st, nil
}
