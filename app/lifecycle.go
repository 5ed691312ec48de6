package app

import (
	"github.com/inspection-workbench/workbench"

	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/inspection-workbench/workbench/store"
)

// SignatureFormat names the layout of the signed content; it changes only
// with a new layout, and Verify reads the layout it names.
const SignatureFormat = "wb-inspection-signature/1"

// ConcludeProblem is something that keeps an inspection from being
// concluded.
type ConcludeProblem struct {
	Item    string `json:"item"`
	Problem string `json:"problem"`
}

// ConcludeError lists everything that keeps an inspection from being
// concluded.
type ConcludeError struct {
	CaseID   int64
	Problems []ConcludeProblem
}

func (e *ConcludeError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "case %d's inspection cannot be concluded yet, %d things to settle", e.CaseID, len(e.Problems))
	for _, p := range e.Problems {
		fmt.Fprintf(&b, "\n  %s: %s", p.Item, p.Problem)
	}
	return b.String()
}

// Is makes a ConcludeError match workbench.ErrConflict.
func (e *ConcludeError) Is(target error) bool { return target == workbench.ErrConflict }

// ConcludeInspection closes an open inspection to changes once every item
// is assessed, every proposal decided and every non-compliant or partially
// compliant item has a finding; otherwise a *ConcludeError lists what is
// left.
func (a *App) ConcludeInspection(ctx context.Context, caseID int64) error {
	st, err := a.InspectionStatus(ctx, caseID)
	if err != nil {
		return err
	}
	if st.CaseStatus != store.StatusOpen {
		return store.NotOpenError(caseID, st.CaseStatus)
	}
	var problems []ConcludeProblem
	for _, it := range st.Items {
		switch {
		case it.Result == ResultNotAssessed:
			problems = append(problems, ConcludeProblem{it.ID, "not assessed"})
		case (it.Result == "non_compliant" || it.Result == "partially_compliant") && strings.TrimSpace(it.Finding) == "":
			problems = append(problems, ConcludeProblem{it.ID, it.Result + " but no finding is recorded"})
		}
		if it.Proposal != nil && it.Proposal.Decision == DecisionPending {
			problems = append(problems, ConcludeProblem{it.ID, "an automated-check proposal awaits acceptance or override"})
		}
	}
	if len(problems) > 0 {
		return &ConcludeError{CaseID: caseID, Problems: problems}
	}
	return a.store.ConcludeInspection(ctx, caseID)
}

// ReopenInspection opens a concluded inspection again for changes; a
// signed one stays signed.
func (a *App) ReopenInspection(ctx context.Context, caseID int64) error {
	if _, _, err := a.inspection(ctx, caseID); err != nil {
		return err
	}
	return a.store.ReopenInspection(ctx, caseID)
}

// Signature is a signed inspection's signature.
type Signature struct {
	CaseID   int64     `json:"case_id"`
	Format   string    `json:"format"`
	SHA256   string    `json:"sha256"`
	SignedAt time.Time `json:"signed_at"`
	SignedBy []string  `json:"signed_by"`
	// Signatures are the inspectors' key signatures of the SHA-256; none
	// when the inspection was signed without keys, and then the hash
	// proves integrity only, not who signed.
	Signatures []KeySignature `json:"signatures"`
}

// signedContent is what a signature covers: the case, the template, every
// item with its result, notes, finding, deadline and evidence, and every
// proposal with its decision.
type signedContent struct {
	Format   string         `json:"format"`
	Case     signedCase     `json:"case"`
	Template signedTemplate `json:"template"`
	// Templates are the templates added after the first, each with the
	// SHA-256 of its frozen YAML; left out when there are none, so that
	// the content of an inspection with one template is what it always was.
	Templates   []signedTemplate `json:"templates,omitempty"`
	StartedAt   string           `json:"started_at"`
	ConcludedAt string           `json:"concluded_at"`
	SignedAt    string           `json:"signed_at"`
	SignedBy    []string         `json:"signed_by"`
	Items       []signedItem     `json:"items"`
	Proposals   []signedProposal `json:"proposals"`
}

type signedCase struct {
	ID         int64    `json:"id"`
	Title      string   `json:"title"`
	Provider   string   `json:"provider"`
	CreditCode string   `json:"credit_code"`
	Service    string   `json:"service"`
	FilingNo   string   `json:"filing_no"`
	Inspectors []string `json:"inspectors"`
	OpenedOn   string   `json:"opened_on"`
}

type signedTemplate struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	SHA256  string `json:"sha256"` // of the frozen YAML
}

type signedItem struct {
	ID       string           `json:"id"`
	Result   string           `json:"result"`
	Severity string           `json:"severity"`
	Note     string           `json:"note"`
	Finding  string           `json:"finding"`
	Deadline string           `json:"deadline"`
	Evidence []signedEvidence `json:"evidence"`
}

type signedEvidence struct {
	Target   string `json:"target"`
	Ref      string `json:"ref"`
	SHA256   string `json:"sha256"`
	File     string `json:"file"`
	Kind     string `json:"kind"`
	Location string `json:"location"`
	Quote    string `json:"quote"`
}

type signedProposal struct {
	Item    string `json:"item"`
	Rule    string `json:"rule"`
	Article string `json:"article"`
	Result  string `json:"result"`
	Summary string `json:"summary"` // JSON {"zh","en"} as stored
	Checked int    `json:"checked"`
	Flagged int    `json:"flagged"`
	// Digest is the SHA-256 of the result and the records behind it.
	Digest        string `json:"digest"`
	Records       string `json:"records"` // JSON as stored
	Decision      string `json:"decision"`
	DecidedResult string `json:"decided_result"`
	Reason        string `json:"reason"`
}

// stamp writes a time the way signed content holds it.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// content gathers what a signature covers, as the workspace now holds it.
func (a *App) content(ctx context.Context, c workbench.Case, in store.Inspection, signedAt time.Time, signedBy []string) (signedContent, error) {
	sc := signedContent{
		Format: SignatureFormat,
		Case: signedCase{ID: c.ID, Title: c.Title, Provider: c.Provider.Name, CreditCode: c.Provider.CreditCode,
			Service: c.Service.Name, FilingNo: c.Service.FilingNo, Inspectors: append([]string{}, c.Inspectors...), OpenedOn: c.OpenedOn},
		StartedAt: stamp(in.StartedAt), ConcludedAt: stamp(in.ConcludedAt), SignedAt: stamp(signedAt),
		SignedBy: append([]string{}, signedBy...), Items: []signedItem{}, Proposals: []signedProposal{},
	}
	sum := sha256.Sum256([]byte(in.Template))
	sc.Template = signedTemplate{ID: in.TemplateID, Version: in.TemplateVersion, SHA256: hex.EncodeToString(sum[:])}
	for _, at := range in.Added {
		sum := sha256.Sum256([]byte(at.Template))
		sc.Templates = append(sc.Templates, signedTemplate{ID: at.TemplateID, Version: at.TemplateVersion, SHA256: hex.EncodeToString(sum[:])})
	}
	items, err := a.store.InspectionItems(ctx, c.ID)
	if err != nil {
		return sc, err
	}
	for _, it := range items {
		si := signedItem{ID: it.ItemID, Result: it.Result, Severity: it.Severity, Note: it.Note, Finding: it.Finding,
			Deadline: it.Deadline, Evidence: []signedEvidence{}}
		evs, err := a.store.ItemEvidence(ctx, c.ID, it.ItemID)
		if err != nil {
			return sc, err
		}
		for _, ev := range evs {
			si.Evidence = append(si.Evidence, signedEvidence{Target: ev.Target, Ref: ev.Ref, SHA256: ev.SHA256, File: ev.FileName,
				Kind: ev.Kind, Location: ev.Location, Quote: ev.Quote})
		}
		sc.Items = append(sc.Items, si)
	}
	ps, err := a.store.Proposals(ctx, c.ID, false)
	if err != nil {
		return sc, err
	}
	for _, p := range ps {
		sc.Proposals = append(sc.Proposals, signedProposal{Item: p.ItemID, Rule: p.Rule, Article: p.Article, Result: p.Result,
			Summary: p.Summary, Checked: p.Checked, Flagged: p.Flagged, Digest: p.Digest, Records: p.Records,
			Decision: p.Decision, DecidedResult: p.DecidedResult, Reason: p.Reason})
	}
	return sc, nil
}

// encode writes signed content canonically: JSON with fields in their
// declared order, no HTML escaping, no indentation.
func (sc signedContent) encode() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(sc); err != nil {
		return nil, fmt.Errorf("encode signed content: %w", err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func digest(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// SignInspection signs a concluded inspection in the names of the case's
// inspectors: it stores a SHA-256 over the case, the template, every item
// with its result, severity, note, finding, deadline and evidence, and
// every proposal with its decision, and each key's Ed25519 signature of
// that hash with the key's public key. Each key must belong to one of the
// case's inspectors. Without keys only the hash is stored, which proves
// integrity but not who signed. A signed inspection refuses every change.
func (a *App) SignInspection(ctx context.Context, caseID int64, keys ...*SigningKey) (Signature, error) {
	c, in, err := a.inspection(ctx, caseID)
	if err != nil {
		return Signature{}, err
	}
	if c.Status != store.StatusConcluded {
		if c.Status == store.StatusSigned {
			return Signature{}, newStateErr(workbench.ErrConflict, workbench.CodeConflict, workbench.ReasonAlreadySigned, "Case", caseID, "Signature", in.Signature)
		}
		return Signature{}, newStateErr(workbench.ErrConflict, workbench.CodeConflict, workbench.ReasonNotConcluded, "Case", caseID, "Status", c.Status)
	}
	if len(c.Inspectors) == 0 {
		return Signature{}, &stateErr{msg: fmt.Sprintf("case %d names no inspector; an inspection is signed in its inspectors' names, so record them first", caseID),
			base: workbench.ErrConflict}
	}
	at := a.now().UTC()
	sc, err := a.content(ctx, c, in, at, c.Inspectors)
	if err != nil {
		return Signature{}, err
	}
	b, err := sc.encode()
	if err != nil {
		return Signature{}, err
	}
	sig := digest(b)
	keySigs, err := a.signWith(c.Inspectors, sig, at, keys)
	if err != nil {
		return Signature{}, err
	}
	if err := a.store.SignInspection(ctx, caseID, in.ConcludedAt, at, strings.Join(c.Inspectors, "\n"), string(b), sig, keySigs...); err != nil {
		return Signature{}, err
	}
	return Signature{CaseID: caseID, Format: SignatureFormat, SHA256: sig, SignedAt: at, SignedBy: c.Inspectors,
		Signatures: toKeySignatures(keySigs)}, nil
}

// Difference is something that no longer matches what was signed.
type Difference struct {
	Item   string `json:"item,omitempty"` // the checklist item, "" for the case as a whole
	Field  string `json:"field"`
	Signed string `json:"signed"`
	Now    string `json:"now"`
}

// Verification is the outcome of checking a signed inspection.
type Verification struct {
	CaseID int64 `json:"case_id"`
	OK     bool  `json:"ok"`
	// Signature is the signature stored at signing; Recomputed the SHA-256
	// of the inspection as the workspace holds it now.
	Signature   string       `json:"signature"`
	Recomputed  string       `json:"recomputed"`
	SignedAt    time.Time    `json:"signed_at"`
	SignedBy    []string     `json:"signed_by"`
	Differences []Difference `json:"differences"`
	// Signatures is the check of each inspector's key signature against
	// the public key recorded with it; none when the inspection was signed
	// without keys.
	Signatures []SignatureCheck `json:"signatures"`
}

// VerifyInspection recomputes a signed inspection's SHA-256 from what the
// workspace holds now and compares it with the signature, listing every
// difference from the signed content, and checks every key signature over
// the recomputed hash with the public key recorded beside it. trusted are
// public keys the person verifying holds (from public key files): a
// signature in the name of an inspector among them must be made with one
// of that inspector's keys.
func (a *App) VerifyInspection(ctx context.Context, caseID int64, trusted ...Key) (Verification, error) {
	c, in, err := a.inspection(ctx, caseID)
	if err != nil {
		return Verification{}, err
	}
	if in.Signature == "" {
		return Verification{}, &stateErr{msg: fmt.Sprintf("case %d's inspection is %s and has not been signed; there is nothing to verify", caseID, c.Status),
			base: workbench.ErrConflict}
	}
	var signedBy []string
	if in.SignedBy != "" {
		signedBy = strings.Split(in.SignedBy, "\n")
	}
	v := Verification{CaseID: caseID, Signature: in.Signature, SignedAt: in.SignedAt, SignedBy: signedBy, Differences: []Difference{}}
	var signed signedContent
	if err := json.Unmarshal([]byte(in.SignedContent), &signed); err != nil || signed.Format != SignatureFormat {
		v.Differences = append(v.Differences, Difference{Field: "signed content", Signed: "readable " + SignatureFormat, Now: "unreadable"})
	}
	if got := digest([]byte(in.SignedContent)); got != in.Signature {
		v.Differences = append(v.Differences, Difference{Field: "signed content", Signed: in.Signature, Now: got})
	}
	// The time and names that count are those inside the signed content;
	// the columns beside it must agree.
	signedAt := in.SignedAt
	if t, err := time.Parse(time.RFC3339Nano, signed.SignedAt); err == nil {
		signedAt = t
		v.SignedAt = t
		if !t.Equal(in.SignedAt) {
			v.Differences = append(v.Differences, Difference{Field: "signed_at", Signed: stamp(t), Now: stamp(in.SignedAt)})
		}
	}
	if signed.SignedBy != nil {
		v.SignedBy = signed.SignedBy
	}
	now, err := a.content(ctx, c, in, signedAt, signedBy)
	if err != nil {
		return v, err
	}
	b, err := now.encode()
	if err != nil {
		return v, err
	}
	v.Recomputed = digest(b)
	if c.Status != store.StatusSigned {
		v.Differences = append(v.Differences, Difference{Field: "case status", Signed: store.StatusSigned, Now: c.Status})
	}
	v.Differences = append(v.Differences, compareContent(signed, now)...)
	v.OK = v.Recomputed == in.Signature && len(v.Differences) == 0
	rows, err := a.store.KeySignatures(ctx, caseID)
	if err != nil {
		return v, err
	}
	v.Signatures = []SignatureCheck{}
	for _, ks := range toKeySignatures(rows) {
		v.Signatures = append(v.Signatures, CheckKeySignature(ks, v.Recomputed, in.Signature, v.SignedBy, trusted))
	}
	v.Signatures = append(v.Signatures, missingSignatures(v.Signatures, trusted)...)
	for _, ch := range v.Signatures {
		v.OK = v.OK && ch.OK
	}
	return v, nil
}

// compareContent lists the differences between signed and current content.
func compareContent(signed, now signedContent) []Difference {
	var out []Difference
	add := func(item, field, s, n string) {
		if s != n {
			out = append(out, Difference{Item: item, Field: field, Signed: s, Now: n})
		}
	}
	js := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	add("", "case", js(signed.Case), js(now.Case))
	add("", "template", js(signed.Template), js(now.Template))
	if len(signed.Templates) > 0 || len(now.Templates) > 0 {
		add("", "templates", js(signed.Templates), js(now.Templates))
	}
	add("", "started_at", signed.StartedAt, now.StartedAt)
	add("", "concluded_at", signed.ConcludedAt, now.ConcludedAt)
	add("", "signed_by", js(signed.SignedBy), js(now.SignedBy))
	nowItems := map[string]signedItem{}
	for _, it := range now.Items {
		nowItems[it.ID] = it
	}
	seen := map[string]bool{}
	for _, s := range signed.Items {
		seen[s.ID] = true
		n, ok := nowItems[s.ID]
		if !ok {
			add(s.ID, "item", "present", "missing")
			continue
		}
		add(s.ID, "result", s.Result, n.Result)
		add(s.ID, "severity", s.Severity, n.Severity)
		add(s.ID, "note", s.Note, n.Note)
		add(s.ID, "finding", s.Finding, n.Finding)
		add(s.ID, "deadline", s.Deadline, n.Deadline)
		nowEv := map[string]signedEvidence{}
		for _, e := range n.Evidence {
			nowEv[e.Target] = e
		}
		for _, e := range s.Evidence {
			ne, ok := nowEv[e.Target]
			if !ok {
				add(s.ID, "evidence "+e.Target, "present", "missing")
				continue
			}
			add(s.ID, "evidence "+e.Target, js(e), js(ne))
			delete(nowEv, e.Target)
		}
		for _, e := range n.Evidence {
			if _, extra := nowEv[e.Target]; extra {
				add(s.ID, "evidence "+e.Target, "absent", "added")
			}
		}
	}
	for _, n := range now.Items {
		if !seen[n.ID] {
			add(n.ID, "item", "absent", "added")
		}
	}
	order := func(items []signedItem) string {
		ids := make([]string, len(items))
		for i, it := range items {
			ids[i] = it.ID
		}
		return strings.Join(ids, ", ")
	}
	if len(signed.Items) == len(now.Items) {
		add("", "item order", order(signed.Items), order(now.Items))
	}
	add("", "proposals", js(signed.Proposals), js(now.Proposals))
	return out
}
