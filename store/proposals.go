package store

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Decisions on a proposal.
const (
	DecisionPending    = ""
	DecisionAccepted   = string(workbench.Accepted)
	DecisionOverridden = string(workbench.Overridden)
)

// Proposal is an automated check's proposed result for one checklist item,
// and the inspector's decision on it.
type Proposal struct {
	ID      int64
	ItemID  string
	Rule    string
	Article string // JSON of the article reference
	Result  string
	Summary string // JSON {"zh","en"}
	Records string // JSON array of the records behind it
	Checked int
	Flagged int // records flagged: problems and unclear ones
	Unclear int // of them, records that say too little to judge
	// Digest identifies what was found (result and the records behind
	// it): a re-run with the same digest keeps the proposal and its
	// decision, updating only its summary and count of records checked.
	Digest        string
	ProposedAt    time.Time
	SupersededAt  time.Time // zero while current
	Decision      string    // DecisionPending, DecisionAccepted, DecisionOverridden
	DecidedResult string
	Reason        string
	DecidedAt     time.Time
}

// SaveResult says what SaveProposals did with each proposal given.
type SaveResult struct {
	Added int // new proposals, pending
	Kept  int // found the same as the current proposal, whose decision stands
}

// SaveProposals records the proposals of a run of the automated checks on
// an open case, in one transaction: a proposal whose item and rule have a
// current proposal with the same digest is kept as it is; otherwise the
// current one is superseded and the new one added. Each given proposal's
// ID is set to the current proposal's.
func (s *Store) SaveProposals(ctx context.Context, caseID int64, ps []Proposal) (SaveResult, error) {
	var res SaveResult
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		res = SaveResult{}
		if err := requireOpen(ctx, tx, caseID); err != nil {
			return err
		}
		now := s.timestamp()
		for i := range ps {
			p := &ps[i]
			var id int64
			var digest string
			err := tx.QueryRowContext(ctx, `SELECT id, digest FROM proposals
				WHERE case_id = ? AND item_id = ? AND rule = ? AND superseded_at = ''`, caseID, p.ItemID, p.Rule).Scan(&id, &digest)
			switch {
			case err == nil && digest == p.Digest:
				if _, err := tx.ExecContext(ctx, `UPDATE proposals SET summary = ?, checked = ?, unclear = ? WHERE id = ?`, p.Summary, p.Checked, p.Unclear, id); err != nil {
					return fmt.Errorf("update proposal %d: %w", id, err)
				}
				p.ID = id
				res.Kept++
				continue
			case err == nil:
				if _, err := tx.ExecContext(ctx, `UPDATE proposals SET superseded_at = ? WHERE id = ?`, now, id); err != nil {
					return fmt.Errorf("supersede proposal %d: %w", id, err)
				}
			case !errors.Is(err, sql.ErrNoRows):
				return fmt.Errorf("read proposal of %s/%s: %w", p.ItemID, p.Rule, err)
			}
			r, err := tx.ExecContext(ctx, `INSERT INTO proposals (case_id, item_id, rule, article, result, summary, records, checked, flagged, unclear, digest, proposed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				caseID, p.ItemID, p.Rule, p.Article, p.Result, p.Summary, p.Records, p.Checked, p.Flagged, p.Unclear, p.Digest, now)
			if err != nil {
				return fmt.Errorf("save proposal of %s/%s: %w", p.ItemID, p.Rule, err)
			}
			p.ID, _ = r.LastInsertId()
			res.Added++
		}
		return s.Audit(ctx, tx, AuditRecord{Action: workbench.AuditChecksRun, Object: CaseObject(caseID), CaseID: caseID,
			Details: map[string]any{"added": res.Added, "kept": res.Kept}})
	})
	return res, err
}

const proposalColumns = `id, item_id, rule, article, result, summary, records, checked, flagged, unclear, digest, proposed_at, superseded_at,
	decision, decided_result, reason, decided_at FROM proposals`

func scanProposal(row interface{ Scan(...any) error }) (Proposal, error) {
	var p Proposal
	var proposed, superseded, decided string
	err := row.Scan(&p.ID, &p.ItemID, &p.Rule, &p.Article, &p.Result, &p.Summary, &p.Records, &p.Checked, &p.Flagged, &p.Unclear, &p.Digest,
		&proposed, &superseded, &p.Decision, &p.DecidedResult, &p.Reason, &decided)
	p.ProposedAt, p.SupersededAt, p.DecidedAt = parseTime(proposed), parseTime(superseded), parseTime(decided)
	return p, err
}

// Proposals returns a case's proposals in item order, then rule, then age:
// only the current ones, or with history every one ever made.
func (s *Store) Proposals(ctx context.Context, caseID int64, history bool) ([]Proposal, error) {
	q := `SELECT p.` + strings.ReplaceAll(proposalColumns, ", ", ", p.") + ` p
		JOIN inspection_items i ON i.case_id = p.case_id AND i.item_id = p.item_id
		WHERE p.case_id = ?`
	if !history {
		q += ` AND p.superseded_at = ''`
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY i.position, p.id`, caseID)
	if err != nil {
		return nil, fmt.Errorf("read proposals of case %d: %w", caseID, err)
	}
	defer rows.Close()
	out := []Proposal{}
	for rows.Next() {
		p, err := scanProposal(rows)
		if err != nil {
			return nil, fmt.Errorf("read proposals of case %d: %w", caseID, err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Decision is the inspector's decision on current proposals of one item,
// applied together with the change to the item it brings.
type Decision struct {
	ItemID      string
	ProposalIDs []int64
	Decision    string // DecisionAccepted or DecisionOverridden
	Result      string // the result the inspector decided on
	Reason      string
	Item        ItemUpdate
}

// DecideProposals records decisions on current proposals of an open case
// and applies the item updates they bring, all in one transaction: either
// every decision is recorded or none. A proposal that is superseded, of
// another item or already decided gives an error wrapping ErrConflict.
func (s *Store) DecideProposals(ctx context.Context, caseID int64, ds ...Decision) error {
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		if err := requireOpen(ctx, tx, caseID); err != nil {
			return err
		}
		for _, d := range ds {
			if err := s.decide(ctx, tx, caseID, d); err != nil {
				return err
			}
		}
		return nil
	})
}

func (s *Store) decide(ctx context.Context, tx *sql.Tx, caseID int64, d Decision) error {
	if d.Decision != DecisionAccepted && d.Decision != DecisionOverridden {
		return fmt.Errorf("decision %q is neither accepted nor overridden", d.Decision)
	}
	now := s.timestamp()
	for _, id := range d.ProposalIDs {
		p, err := scanProposal(tx.QueryRowContext(ctx, `SELECT `+proposalColumns+` WHERE id = ? AND case_id = ?`, id, caseID))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("proposal %d of case %d: %w", id, caseID, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("read proposal %d: %w", id, err)
		}
		switch {
		case p.ItemID != d.ItemID:
			return &stateError{msg: fmt.Sprintf("proposal %d is for item %s, not %s", id, p.ItemID, d.ItemID), base: workbench.ErrConflict}
		case !p.SupersededAt.IsZero():
			return &stateError{msg: fmt.Sprintf("proposal %d of %s/%s has been superseded by a later run of the checks", id, p.ItemID, p.Rule), base: workbench.ErrConflict}
		case p.Decision != DecisionPending:
			return &stateError{msg: fmt.Sprintf("proposal %s/%s was already %s", p.ItemID, p.Rule, p.Decision), base: workbench.ErrConflict}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE proposals SET decision = ?, decided_result = ?, reason = ?, decided_at = ? WHERE id = ?`,
			d.Decision, d.Result, d.Reason, now, id); err != nil {
			return fmt.Errorf("decide proposal %d: %w", id, err)
		}
	}
	if err := s.updateItem(ctx, tx, caseID, d.ItemID, d.Item); err != nil {
		return err
	}
	return s.Audit(ctx, tx, AuditRecord{Action: workbench.AuditProposalDecided, Object: ItemObject(caseID, d.ItemID), CaseID: caseID,
		Details: itemAuditDetails(d.Item, map[string]any{"proposals": d.ProposalIDs, "decision": d.Decision, "decided_result": d.Result})})
}

// ConcludeInspection moves an open case's inspection to concluded. As a
// last guard, inside the same transaction, an item still not assessed or a
// proposal still pending gives an error wrapping ErrConflict.
func (s *Store) ConcludeInspection(ctx context.Context, caseID int64) error {
	return s.moveInspection(ctx, caseID, StatusOpen, StatusConcluded, inspectionUpdate{
		set: `concluded_at = ?`, args: []any{s.timestamp()}, action: workbench.AuditInspectionConcluded,
		guard: func(tx *sql.Tx) error {
			var unassessed, pending int
			if err := tx.QueryRowContext(ctx, `SELECT
				(SELECT count(*) FROM inspection_items WHERE case_id = ?1 AND result = 'not_assessed'),
				(SELECT count(*) FROM proposals WHERE case_id = ?1 AND superseded_at = '' AND decision = '')`, caseID).Scan(&unassessed, &pending); err != nil {
				return fmt.Errorf("read inspection of case %d: %w", caseID, err)
			}
			if unassessed+pending > 0 {
				return &stateError{msg: fmt.Sprintf("case %d's inspection has %d items not assessed and %d proposals pending; it cannot be concluded",
					caseID, unassessed, pending), base: workbench.ErrConflict}
			}
			return nil
		}})
}

// ReopenInspection moves a concluded (not signed) case back to open.
func (s *Store) ReopenInspection(ctx context.Context, caseID int64) error {
	return s.moveInspection(ctx, caseID, StatusConcluded, StatusOpen, inspectionUpdate{set: `concluded_at = ''`, action: workbench.AuditInspectionReopened})
}

// SignInspection moves a concluded case to signed, storing when and by
// whom, the signed content and its signature. concludedAt is when the
// inspection was concluded as the content was read: an inspection that
// was reopened and concluded again meanwhile gives an error wrapping
// ErrConflict, so stale content is never signed. keySigs, the inspectors'
// key signatures, are stored in the same transaction.
func (s *Store) SignInspection(ctx context.Context, caseID int64, concludedAt, signedAt time.Time, signedBy, content, signature string, keySigs ...KeySignature) error {
	details := map[string]any{"signed_by": splitLines(signedBy), "signature": signature}
	if len(keySigs) > 0 {
		// Who signed with which key: the fingerprints, not the keys.
		keys := make([]map[string]string, len(keySigs))
		for i, k := range keySigs {
			keys[i] = map[string]string{"inspector": k.Inspector, "fingerprint": k.Fingerprint}
		}
		details["keys"] = keys
	}
	return s.moveInspection(ctx, caseID, StatusConcluded, StatusSigned, inspectionUpdate{
		set:    `signed_at = ?, signed_by = ?, signed_content = ?, signature = ?`,
		args:   []any{signedAt.UTC().Format(time.RFC3339Nano), signedBy, content, signature},
		action: workbench.AuditInspectionSigned, details: details,
		guard: func(tx *sql.Tx) error {
			var at string
			if err := tx.QueryRowContext(ctx, `SELECT concluded_at FROM inspections WHERE case_id = ?`, caseID).Scan(&at); err != nil {
				return fmt.Errorf("read inspection of case %d: %w", caseID, err)
			}
			if !parseTime(at).Equal(concludedAt) {
				return &stateError{msg: fmt.Sprintf("case %d's inspection was reopened and concluded again while it was being signed; sign it again", caseID),
					base: workbench.ErrConflict}
			}
			return insertKeySignatures(ctx, tx, caseID, keySigs)
		}})
}

// inspectionUpdate is what moveInspection sets: columns of the inspection
// with their arguments, after guard, if any, agrees inside the
// transaction.
type inspectionUpdate struct {
	set   string
	args  []any
	guard func(*sql.Tx) error
	// action and details are what the audit trail records of the move.
	action  workbench.AuditAction
	details map[string]any
}

// moveInspection changes a case's status from one state to the next and
// sets the inspection's columns, in one transaction. A case in another
// state gives an error wrapping ErrConflict.
func (s *Store) moveInspection(ctx context.Context, caseID int64, from, to string, u inspectionUpdate) error {
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		status, err := caseStatus(ctx, tx, caseID)
		if err != nil {
			return err
		}
		if status != from {
			return &stateError{msg: fmt.Sprintf("case %d's inspection is %s, not %s", caseID, status, from), base: workbench.ErrConflict}
		}
		if u.guard != nil {
			if err := u.guard(tx); err != nil {
				return err
			}
		}
		now := s.timestamp()
		res, err := tx.ExecContext(ctx, `UPDATE inspections SET `+u.set+` WHERE case_id = ?`, append(u.args, caseID)...)
		if err != nil {
			return fmt.Errorf("update inspection of case %d: %w", caseID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("inspection of case %d: %w", caseID, ErrNotFound)
		}
		if _, err = tx.ExecContext(ctx, `UPDATE cases SET status = ?, updated_at = ? WHERE id = ?`, to, now, caseID); err != nil {
			return err
		}
		return s.Audit(ctx, tx, AuditRecord{Action: u.action, Object: CaseObject(caseID), CaseID: caseID, Details: u.details})
	})
}

// CaseRecordPages calls fn with every record of a case, a page of up to
// pageSize records at a time, the submissions whose kind is among first
// coming before the others (import order otherwise). Only what the
// automated checks read is filled in: id, sheet, row, reference and the
// canonical fields, not the extra columns. fn may keep the page.
func (s *Store) CaseRecordPages(ctx context.Context, caseID int64, first []string, pageSize int, fn func(workbench.Submission, []workbench.RecordRow) error) error {
	subs, err := s.ListSubmissions(ctx, caseID)
	if err != nil {
		return err
	}
	slices.SortStableFunc(subs, func(a, b workbench.Submission) int {
		ai, bi := !slices.Contains(first, a.Kind), !slices.Contains(first, b.Kind)
		switch {
		case ai == bi:
			return 0
		case !ai:
			return -1
		}
		return 1
	})
	for _, sub := range subs {
		if sub.Records == 0 {
			continue
		}
		for from := int64(0); ; {
			if err := ctx.Err(); err != nil {
				return err
			}
			rows, err := s.db.QueryContext(ctx, `SELECT id, sheet, row_no, ref, fields FROM records
				WHERE id >= ? AND submission_id = ? ORDER BY id LIMIT ?`, from, sub.ID, pageSize)
			if err != nil {
				return fmt.Errorf("read records: %w", err)
			}
			page := make([]workbench.RecordRow, 0, pageSize)
			for rows.Next() {
				var r workbench.RecordRow
				if err := rows.Scan(&r.ID, &r.Sheet, &r.Row, &r.Ref, &r.Fields); err != nil {
					rows.Close()
					return fmt.Errorf("read records: %w", err)
				}
				page = append(page, r)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return fmt.Errorf("read records: %w", err)
			}
			if len(page) > 0 {
				if err := fn(sub, page); err != nil {
					return err
				}
			}
			if len(page) < pageSize {
				break
			}
			from = page[len(page)-1].ID + 1
		}
	}
	return nil
}

// CasePassages calls fn with every passage of a case's document
// submissions of the given kinds, in import order.
func (s *Store) CasePassages(ctx context.Context, caseID int64, kinds []string, fn func(workbench.PassageRow, workbench.Submission) error) error {
	subs, err := s.ListSubmissions(ctx, caseID)
	if err != nil {
		return err
	}
	for _, sub := range subs {
		if sub.Passages == 0 || !slices.Contains(kinds, sub.Kind) {
			continue
		}
		for after := 0; ; {
			ps, err := s.Passages(ctx, sub.ID, after, 2000)
			if err != nil {
				return err
			}
			for _, p := range ps {
				if err := fn(p, sub); err != nil {
					return err
				}
			}
			if len(ps) < 2000 {
				break
			}
			after = ps[len(ps)-1].Seq
		}
	}
	return nil
}
