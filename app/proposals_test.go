package app

import (
	"bufio"
	"context"
	"errors"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/store"
)

// demoInspection is a workspace holding the demo case (every sample file
// imported) with an inspection started on the default template.
func demoInspection(t *testing.T) (*App, int64) {
	t.Helper()
	ctx := context.Background()
	a := openApp(t)
	if created, err := a.SeedDemo(ctx); err != nil || !created {
		t.Fatalf("SeedDemo = %v, %v", created, err)
	}
	cases, err := a.ListCases(ctx)
	if err != nil || len(cases) != 1 {
		t.Fatalf("cases %v, %v", cases, err)
	}
	if _, err := a.StartInspection(ctx, cases[0].ID, ""); err != nil {
		t.Fatal(err)
	}
	return a, cases[0].ID
}

// plantedProblems reads the planted-problem table of
// testdata/sample/README.md as "article identifier" pairs.
func plantedProblems(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(sample("README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	row := regexp.MustCompile("^\\| `[^`]+` \\| (\\S+) .*\\| (Art\\. [^|]+?) \\|$")
	var out []string
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "## "):
			in = line == "## Planted problems"
		case in:
			if m := row.FindStringSubmatch(line); m != nil {
				out = append(out, m[2]+" "+m[1])
			}
		}
	}
	if len(out) < 10 {
		t.Fatalf("read only %d planted problems from the sample README", len(out))
	}
	slices.Sort(out)
	return out
}

// TestChecksFindThePlantedProblems runs the automated checks over the
// sample provider and compares what they flag with the planted problems
// the sample's README lists: exactly those, and nothing else.
func TestChecksFindThePlantedProblems(t *testing.T) {
	a, id := demoInspection(t)
	ctx := context.Background()
	run, err := a.RunChecks(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, p := range run.Proposals {
		switch p.Result {
		case "non_compliant":
			if len(p.Records) == 0 {
				t.Errorf("%s proposes non_compliant without a record: %s", p.Key(), p.Summary.En)
			}
		case "compliant":
		default:
			t.Errorf("%s proposes %s on the complete sample: %s", p.Key(), p.Result, p.Summary.En)
		}
		for _, r := range p.Records {
			if r.ID == "" || r.File == "" || r.Row == 0 || r.Hit == "" {
				t.Errorf("%s: record without identifier, file or row: %+v", p.Key(), r)
			}
			found = append(found, p.Article+" "+r.ID)
		}
		if p.Decision != DecisionPending || p.Article == "" || p.ArticleZh == "" {
			t.Errorf("%s: decision %q, article %q / %q", p.Key(), p.Decision, p.Article, p.ArticleZh)
		}
	}
	slices.Sort(found)
	if want := plantedProblems(t); !slices.Equal(found, want) {
		t.Errorf("the checks flag\n  %s\nthe sample README plants\n  %s", strings.Join(found, "\n  "), strings.Join(want, "\n  "))
	}
	if run.Added != len(run.Proposals) || run.Kept != 0 {
		t.Errorf("first run: added %d, kept %d of %d", run.Added, run.Kept, len(run.Proposals))
	}
	// Every check of the template ran once per item that names it.
	if len(run.Proposals) != 16 {
		t.Errorf("%d proposals, want one per check of the default template (16)", len(run.Proposals))
	}
	again, err := a.RunChecks(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if again.Added != 0 || again.Kept != len(run.Proposals) {
		t.Errorf("second run: added %d, kept %d", again.Added, again.Kept)
	}
}

func proposal(t *testing.T, a *App, id int64, key string) Proposal {
	t.Helper()
	ps, err := a.Proposals(context.Background(), id, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Key() == key {
			return p
		}
	}
	t.Fatalf("no proposal %s", key)
	return Proposal{}
}

func TestAcceptAndOverride(t *testing.T) {
	a, id := demoInspection(t)
	ctx := context.Background()
	if _, err := a.AcceptProposal(ctx, id, "art14-1-illegal-content"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("accepting before any run: %v", err)
	}
	if _, err := a.RunChecks(ctx, id); err != nil {
		t.Fatal(err)
	}

	// Accepting an item takes the most serious result of its proposals,
	// cites the records behind them and drafts the finding.
	st, err := a.AcceptProposal(ctx, id, "art14-1-illegal-content")
	if err != nil {
		t.Fatal(err)
	}
	if st.Result != "non_compliant" || st.Evidence != 5 || !strings.Contains(st.Finding, "INC-0684") || !strings.Contains(st.Finding, "INC-2000") {
		t.Errorf("accepted item: %+v", st)
	}
	if st.Proposal == nil || st.Proposal.Decision != DecisionAccepted || st.Proposal.Result != "non_compliant" {
		t.Errorf("accepted item's proposal: %+v", st.Proposal)
	}
	evs, err := a.ItemEvidence(ctx, id, "art14-1-illegal-content")
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, ev := range evs {
		refs = append(refs, ev.FileName+":"+strings.Fields(ev.Quote)[0])
	}
	slices.Sort(refs)
	want := []string{"incidents.csv:INC-0684", "incidents.csv:INC-0751", "incidents.csv:INC-1850", "incidents.csv:INC-2000", "incidents.csv:INC-2630"}
	if !slices.Equal(refs, want) {
		t.Errorf("evidence %v, want %v", refs, want)
	}
	if _, err := a.AcceptProposal(ctx, id, "art14-1-illegal-content"); !errors.Is(err, workbench.ErrConflict) {
		t.Errorf("accepting twice: %v", err)
	}

	// Accepting one rule of an item: a compliant rule accepted after a
	// non-compliant one leaves the item non-compliant.
	if st, err = a.AcceptProposal(ctx, id, "art7-1-lawful-sources/data_source_lawful_basis"); err != nil || st.Result != "non_compliant" {
		t.Fatalf("accept lawful basis: %+v, %v", st, err)
	}
	if st.Proposal.Decision != DecisionPending {
		t.Errorf("item with one proposal still pending shows %s", st.Proposal.Decision)
	}
	if st, err = a.AcceptProposal(ctx, id, "art7-1-lawful-sources/base_model_filing"); err != nil || st.Result != "non_compliant" {
		t.Errorf("accept base model filing after lawful basis: %+v, %v", st, err)
	}

	// Overriding keeps the reason and the inspector's result.
	if _, err := a.OverrideProposal(ctx, id, "art15-complaints", "compliant", " "); !isField(err, FieldReason) {
		t.Errorf("override without a reason: %v", err)
	}
	if _, err := a.OverrideProposal(ctx, id, "art15-complaints", "maybe", "x"); !isField(err, FieldResult) {
		t.Errorf("override with a bad result: %v", err)
	}
	if _, err := a.OverrideProposal(ctx, id, "art99-nothing", "compliant", "x"); !isField(err, FieldProposal) {
		t.Errorf("override of an unknown item: %v", err)
	}
	if _, err := a.OverrideProposal(ctx, id, "art15-complaints/no_rule", "compliant", "x"); !isField(err, FieldProposal) {
		t.Errorf("override of an unknown rule: %v", err)
	}
	st, err = a.OverrideProposal(ctx, id, "art15-complaints", "partially_compliant", "INC-1118 spans the Spring Festival holiday")
	if err != nil || st.Result != "partially_compliant" || st.Proposal.Decision != DecisionOverridden {
		t.Fatalf("override: %+v, %v", st, err)
	}
	p := proposal(t, a, id, "art15-complaints/complaint_time_limit")
	if p.Result != "non_compliant" || p.DecidedResult != "partially_compliant" || p.Reason == "" || p.DecidedAt == nil {
		t.Errorf("overridden proposal: %+v", p)
	}

	// A re-run that finds the same keeps the decisions; one that finds
	// something else supersedes the proposal and keeps the old one.
	run, err := a.RunChecks(ctx, id)
	if err != nil || run.Added != 0 {
		t.Fatalf("re-run: added %d, %v", run.Added, err)
	}
	if _, err := a.store.DB().ExecContext(ctx, `UPDATE records SET fields = json_set(fields, '$.lawful_basis', '')
		WHERE ref = 'DS-01'`); err != nil {
		t.Fatal(err)
	}
	if run, err = a.RunChecks(ctx, id); err != nil || run.Added != 1 {
		t.Fatalf("re-run after a change: added %d, %v", run.Added, err)
	}
	p = proposal(t, a, id, "art7-1-lawful-sources/data_source_lawful_basis")
	if p.Decision != DecisionPending || p.Flagged != 2 {
		t.Errorf("new proposal after the change: %+v", p)
	}
	all, err := a.Proposals(ctx, id, true)
	if err != nil {
		t.Fatal(err)
	}
	superseded := 0
	for _, q := range all {
		if q.Superseded {
			superseded++
			if q.Decision != DecisionAccepted || q.Flagged != 1 {
				t.Errorf("superseded proposal lost its decision: %+v", q)
			}
		}
	}
	if superseded != 1 {
		t.Errorf("%d superseded proposals, want 1", superseded)
	}
	status, err := a.InspectionStatus(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range status.Items {
		if it.ID == "art10-users-minors" && it.Proposal != nil {
			t.Errorf("an item without checks shows a proposal: %+v", it.Proposal)
		}
		if it.ID == "art8-annotation-quality" && (it.Proposal == nil || it.Proposal.Decision != DecisionPending || it.Proposal.Result != "non_compliant") {
			t.Errorf("pending proposal not shown in status: %+v", it.Proposal)
		}
	}
}

func isField(err error, field string) bool {
	var fe *FieldError
	return errors.As(err, &fe) && fe.Field == field
}

func TestConcludeSignVerify(t *testing.T) {
	a, id := demoInspection(t)
	ctx := context.Background()
	if _, err := a.SignInspection(ctx, id); !errors.Is(err, workbench.ErrConflict) {
		t.Errorf("signing an open inspection: %v", err)
	}
	if _, err := a.VerifyInspection(ctx, id); !errors.Is(err, workbench.ErrConflict) {
		t.Errorf("verifying an unsigned inspection: %v", err)
	}
	if _, err := a.RunChecks(ctx, id); err != nil {
		t.Fatal(err)
	}
	err := a.ConcludeInspection(ctx, id)
	var ce *ConcludeError
	if !errors.As(err, &ce) || len(ce.Problems) < 32 || !strings.Contains(err.Error(), "art4-1-prohibited-content: not assessed") ||
		!strings.Contains(err.Error(), "proposal awaits") {
		t.Fatalf("concluding an unassessed inspection: %v", err)
	}

	// Settle everything: accept every proposal, assess the rest, and
	// give non-compliant items a finding where the proposal drafted none.
	st, err := a.InspectionStatus(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range st.Items {
		if it.Proposal != nil {
			if _, err := a.AcceptProposal(ctx, id, it.ID); err != nil {
				t.Fatal(err)
			}
			continue
		}
		note := "Looked at the submissions; nothing wanting. =SUM(A1)"
		if _, err := a.Assess(ctx, AssessInput{CaseID: id, ItemID: it.ID, Result: "compliant", Note: &note}); err != nil {
			t.Fatal(err)
		}
	}
	partial := "partially_compliant"
	if _, err := a.Assess(ctx, AssessInput{CaseID: id, ItemID: "art10-users-minors", Result: partial}); err != nil {
		t.Fatal(err)
	}
	if err := a.ConcludeInspection(ctx, id); !errors.As(err, &ce) || len(ce.Problems) != 1 || ce.Problems[0].Item != "art10-users-minors" {
		t.Fatalf("concluding with a partially compliant item without a finding: %v", err)
	}
	finding, deadline := "青少年模式未限制夜间使用。", "2026-12-31"
	if _, err := a.Assess(ctx, AssessInput{CaseID: id, ItemID: "art10-users-minors", Finding: &finding, Deadline: &deadline}); err != nil {
		t.Fatal(err)
	}
	if err := a.ConcludeInspection(ctx, id); err != nil {
		t.Fatal(err)
	}
	note := "late"
	if _, err := a.Assess(ctx, AssessInput{CaseID: id, ItemID: "art10-users-minors", Note: &note}); !errors.Is(err, workbench.ErrConflict) {
		t.Errorf("assessing a concluded inspection: %v", err)
	}
	if _, err := a.RunChecks(ctx, id); !errors.Is(err, workbench.ErrConflict) {
		t.Errorf("running checks on a concluded inspection: %v", err)
	}
	// Reopen and conclude again: allowed before signing.
	if err := a.ReopenInspection(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := a.ConcludeInspection(ctx, id); err != nil {
		t.Fatal(err)
	}

	sig, err := a.SignInspection(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(sig.SHA256) != 64 || len(sig.SignedBy) != 2 || sig.SignedAt.IsZero() {
		t.Errorf("signature %+v", sig)
	}
	if _, err := a.SignInspection(ctx, id); !errors.Is(err, workbench.ErrConflict) || !strings.Contains(err.Error(), "already signed") {
		t.Errorf("signing twice: %v", err)
	}
	if err := a.ReopenInspection(ctx, id); !errors.Is(err, workbench.ErrConflict) {
		t.Errorf("reopening a signed inspection: %v", err)
	}
	if _, err := a.Assess(ctx, AssessInput{CaseID: id, ItemID: "art10-users-minors", Note: &note}); !errors.Is(err, workbench.ErrConflict) ||
		!strings.Contains(err.Error(), "signed") {
		t.Errorf("assessing a signed inspection: %v", err)
	}
	v, err := a.VerifyInspection(ctx, id)
	if err != nil || !v.OK || v.Recomputed != sig.SHA256 || v.Signature != sig.SHA256 || len(v.Differences) != 0 {
		t.Fatalf("verify untouched: %+v, %v", v, err)
	}

	// Changes behind the workbench's back are found and named.
	db := a.store.DB()
	if _, err := db.ExecContext(ctx, `UPDATE inspection_items SET result = 'compliant' WHERE case_id = ? AND item_id = 'art10-users-minors'`, id); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `UPDATE evidence SET quote = 'nothing to see' WHERE id = (SELECT min(id) FROM evidence WHERE case_id = ?)`, id); err != nil {
		t.Fatal(err)
	}
	v, err = a.VerifyInspection(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if v.OK || v.Recomputed == sig.SHA256 {
		t.Fatalf("verify after tampering: %+v", v)
	}
	var fields []string
	for _, d := range v.Differences {
		fields = append(fields, d.Item+" "+d.Field)
		if d.Item == "art10-users-minors" && d.Field == "result" && (d.Signed != partial || d.Now != "compliant") {
			t.Errorf("result difference %+v", d)
		}
	}
	if len(fields) != 2 || fields[1] != "art10-users-minors result" || !strings.HasPrefix(fields[0], "art7-1-lawful-sources evidence rec-") {
		t.Errorf("differences %q", fields)
	}
	// So are a forged signing time and a changed proposal summary.
	if _, err := db.ExecContext(ctx, `UPDATE inspections SET signed_at = '2020-01-01T00:00:00Z' WHERE case_id = ?`, id); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `UPDATE proposals SET summary = '{"zh":"无","en":"nothing"}' WHERE case_id = ?`, id); err != nil {
		t.Fatal(err)
	}
	v, err = a.VerifyInspection(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	fields = nil
	for _, d := range v.Differences {
		fields = append(fields, d.Field)
	}
	if v.OK || !slices.Contains(fields, "signed_at") || !slices.Contains(fields, "proposals") || !v.SignedAt.Equal(sig.SignedAt) {
		t.Errorf("verify after forging the time and a summary: %q, signed at %v", fields, v.SignedAt)
	}
	// And a change of the items' order.
	if _, err := db.ExecContext(ctx, `UPDATE inspection_items SET position = CASE position WHEN 1 THEN 2 WHEN 2 THEN 1 ELSE position END
		WHERE case_id = ?`, id); err != nil {
		t.Fatal(err)
	}
	if v, err = a.VerifyInspection(ctx, id); err != nil || !slices.ContainsFunc(v.Differences, func(d Difference) bool { return d.Field == "item order" }) {
		t.Errorf("verify after reordering items: %+v, %v", v.Differences, err)
	}
	// Tampering with the signed content itself is found too.
	if _, err := db.ExecContext(ctx, `UPDATE inspections SET signed_content = replace(signed_content, '青少年', '儿童') WHERE case_id = ?`, id); err != nil {
		t.Fatal(err)
	}
	if v, err = a.VerifyInspection(ctx, id); err != nil || v.OK || !slices.ContainsFunc(v.Differences, func(d Difference) bool { return d.Field == "signed content" }) {
		t.Errorf("verify after the signed content changed: %+v, %v", v.Differences, err)
	}
}

// TestDecisionsCombine keeps an override when another rule of the item is
// accepted, and keeps decisions when a re-run only checked more records.
func TestDecisionsCombine(t *testing.T) {
	a, id := demoInspection(t)
	ctx := context.Background()
	if _, err := a.RunChecks(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := a.OverrideProposal(ctx, id, "art8-annotation-rules/annotation_rules_present", "partially_compliant", "规则不够具体"); err != nil {
		t.Fatal(err)
	}
	st, err := a.AcceptProposal(ctx, id, "art8-annotation-rules/safety_annotation")
	if err != nil || st.Result != "partially_compliant" {
		t.Errorf("accepting a compliant rule after overriding another to partially_compliant: %+v, %v", st, err)
	}

	if _, err := a.AcceptProposals(ctx, id, "art15-complaints"); err != nil {
		t.Fatal(err)
	}
	before := proposal(t, a, id, "art15-complaints/complaint_time_limit")
	// One more clean complaint: more records checked, the same ones flagged.
	if _, err := a.store.DB().ExecContext(ctx, `INSERT INTO records (submission_id, sheet, row_no, ref, fields, extra)
		SELECT submission_id, sheet, 99999, 'INC-9999', json_set(fields, '$.id', 'INC-9999'), extra FROM records
		WHERE json_extract(fields, '$.category') = 'complaint' AND ref NOT IN ('INC-0858', 'INC-1118', 'INC-1610', 'INC-2453') ORDER BY id LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	run, err := a.RunChecks(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	after := proposal(t, a, id, "art15-complaints/complaint_time_limit")
	if after.Decision != DecisionAccepted || after.ProposedAt != before.ProposedAt || after.Checked != before.Checked+1 ||
		after.Summary.En == before.Summary.En {
		t.Errorf("after a clean record was added: %+v (before %+v), run added %d", after, before, run.Added)
	}
}

func TestSignNeedsInspectors(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	id := newCase(t, a)
	if _, err := a.StartInspection(ctx, id, ""); err != nil {
		t.Fatal(err)
	}
	st, err := a.InspectionStatus(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range st.Items {
		if _, err := a.Assess(ctx, AssessInput{CaseID: id, ItemID: it.ID, Result: "not_applicable"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.ConcludeInspection(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SignInspection(ctx, id); !errors.Is(err, workbench.ErrConflict) || !strings.Contains(err.Error(), "names no inspector") {
		t.Errorf("signing without inspectors: %v", err)
	}
	// Content read before a reopen and a new conclusion is not signed.
	in, err := a.store.GetInspection(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.ReopenInspection(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := a.ConcludeInspection(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := a.store.SignInspection(ctx, id, in.ConcludedAt, time.Now(), "张明", "{}", "x"); !errors.Is(err, workbench.ErrConflict) {
		t.Errorf("signing stale content: %v", err)
	}
}

// TestPinnedAccept refuses to accept a proposal the inspector has not
// seen: one a later run replaced.
func TestPinnedAccept(t *testing.T) {
	a, id := demoInspection(t)
	ctx := context.Background()
	if _, err := a.RunChecks(ctx, id); err != nil {
		t.Fatal(err)
	}
	seen := proposal(t, a, id, "art7-1-lawful-sources/data_source_lawful_basis")
	if len(seen.Digest) != 64 {
		t.Fatalf("digest %q", seen.Digest)
	}
	if _, err := a.AcceptProposal(ctx, id, "art7-1-lawful-sources/data_source_lawful_basis@xyz"); !isField(err, FieldProposal) {
		t.Errorf("a malformed digest: %v", err)
	}
	if _, err := a.AcceptProposal(ctx, id, "art7-1-lawful-sources@"+seen.Digest); !isField(err, FieldProposal) {
		t.Errorf("a digest without a rule: %v", err)
	}
	// A later run finds one more source without a lawful basis.
	if _, err := a.store.DB().ExecContext(ctx, `UPDATE records SET fields = json_set(fields, '$.lawful_basis', '') WHERE ref = 'DS-01'`); err != nil {
		t.Fatal(err)
	}
	if _, err := a.RunChecks(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := a.AcceptProposal(ctx, id, seen.PinnedKey()); !errors.Is(err, workbench.ErrConflict) || !strings.Contains(err.Error(), "has changed since digest") {
		t.Errorf("accepting a superseded proposal by its pin: %v", err)
	}
	now := proposal(t, a, id, "art7-1-lawful-sources/data_source_lawful_basis")
	if st, err := a.AcceptProposal(ctx, id, now.Key()+"@"+now.Digest[:8]); err != nil || st.Result != "non_compliant" {
		t.Errorf("accepting the current proposal by a digest prefix: %+v, %v", st, err)
	}
}

// TestCheckRecordsSayWhenCancelled: cancelled half-way, the record reader
// ends with the cancellation, not as if it had read everything, and an
// early stop leaves no goroutine behind.
func TestCheckRecordsSayWhenCancelled(t *testing.T) {
	a, id := demoInspection(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	var last error
	for _, err := range a.checkRecords(ctx, id) {
		if err != nil {
			last = err
			break
		}
		if n++; n == 1 {
			cancel()
		}
	}
	if !errors.Is(last, context.Canceled) {
		t.Errorf("after %d records: %v, want the cancellation", n, last)
	}
	before := runtime.NumGoroutine()
	for range 5 {
		for _, err := range a.checkRecords(context.Background(), id) {
			if err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	time.Sleep(100 * time.Millisecond)
	if after := runtime.NumGoroutine(); after > before+1 {
		t.Errorf("%d goroutines before, %d after stopping early", before, after)
	}
}

// TestAcceptSetsDefaultSeverity: accepting a proposal that finds an item
// wanting gives the item the severity the template sets for the check,
// the most serious one of several, and leaves a severity the inspector
// chose alone.
func TestAcceptSetsDefaultSeverity(t *testing.T) {
	a, id := demoInspection(t)
	ctx := context.Background()
	if _, err := a.RunChecks(ctx, id); err != nil {
		t.Fatal(err)
	}
	st, err := a.AcceptProposal(ctx, id, "art7-3-personal-information")
	if err != nil || st.Result != "non_compliant" || st.Severity != "high" {
		t.Errorf("pi_legal_basis accepted: %+v, %v", st, err)
	}
	ps, err := a.Proposals(ctx, id, false)
	if err != nil {
		t.Fatal(err)
	}
	var wanting []string
	for _, p := range ps {
		if p.Item == "art14-1-illegal-content" && p.Result == "non_compliant" {
			wanting = append(wanting, p.Rule)
		}
	}
	if !slices.Contains(wanting, "illegal_content_action") {
		t.Fatalf("the demo's art14-1 proposals finding it wanting: %v", wanting)
	}
	if st, err = a.AcceptProposal(ctx, id, "art14-1-illegal-content"); err != nil || st.Severity != "critical" {
		t.Errorf("illegal_content_action and _report accepted: %+v, %v", st, err)
	}
	low := "low"
	if _, err := a.Assess(ctx, AssessInput{CaseID: id, ItemID: "art7-2-intellectual-property", Severity: &low}); err != nil {
		t.Fatal(err)
	}
	st, err = a.AcceptProposal(ctx, id, "art7-2-intellectual-property")
	if err != nil || st.Severity != "low" {
		t.Errorf("accepted over the inspector's severity: %+v, %v", st, err)
	}
	for _, p := range ps {
		if p.Result == "compliant" && p.Decision == DecisionPending {
			if st, err := a.AcceptProposal(ctx, id, p.Key()); err != nil || st.Result == "compliant" && st.Severity != "" {
				t.Errorf("compliant %s accepted: %+v, %v", p.Key(), st, err)
			}
			break
		}
	}
}
