package store

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Inspection is a case's checklist inspection: the template it was started
// with, frozen. Its lifecycle status is the case's Status.
type Inspection struct {
	CaseID          int64
	TemplateID      string
	TemplateVersion string
	Template        string // the template's YAML as it was loaded
	StartedAt       time.Time
	ConcludedAt     time.Time // zero unless concluded (or signed)
	SignedAt        time.Time // zero unless signed
	SignedBy        string    // who signed: the case's inspectors
	Signature       string    // hex SHA-256 of SignedContent; "" unless signed
	SignedContent   string    // the canonical JSON that was signed
	// Added are the templates added after the first, in order; their
	// items are named TEMPLATE:ITEM.
	Added []InspectionTemplate
}

// InspectionTemplate is a checklist template added to an inspection after
// its first, frozen as read.
type InspectionTemplate struct {
	TemplateID      string
	TemplateVersion string
	Template        string // the template's YAML as it was loaded
	AddedAt         time.Time
	// ItemIDs are the ids its items are recorded under, for
	// StartInspection and AddInspectionTemplate to create.
	ItemIDs []string
}

// InspectionItem is the recorded state of one checklist item.
type InspectionItem struct {
	ItemID    string
	Position  int
	Result    string
	Severity  string
	Note      string
	Finding   string
	Deadline  string // "" or YYYY-MM-DD
	UpdatedAt time.Time
	Evidence  int // how many evidence links it has
}

// ItemUpdate changes one item: nil fields stay as they are; Evidence links
// are added, and one the item already has for the same target is ignored.
type ItemUpdate struct {
	Result   *string
	Severity *string
	Note     *string
	Finding  *string
	Deadline *string
	Evidence []workbench.Evidence
	// RemoveEvidence lists the targets (rec-N, psg-N) of evidence links to
	// remove from the item; each must be there, or the update fails with
	// an error wrapping ErrNotFound.
	RemoveEvidence []string
}

// StartInspection records an inspection of a case with the given template
// and one not-assessed row per item, in order. A case that already has an
// inspection gives an error wrapping ErrConflict; an unknown case one
// wrapping ErrNotFound.
func (s *Store) StartInspection(ctx context.Context, in Inspection, itemIDs []string) error {
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM cases WHERE id = ?`, in.CaseID).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("case %d: %w", in.CaseID, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("read case %d: %w", in.CaseID, err)
		}
		var tid string
		err = tx.QueryRowContext(ctx, `SELECT template_id FROM inspections WHERE case_id = ?`, in.CaseID).Scan(&tid)
		if err == nil {
			return &stateError{msg: fmt.Sprintf("case %d already has an inspection (template %s)", in.CaseID, tid), base: workbench.ErrConflict}
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("read inspection of case %d: %w", in.CaseID, err)
		}
		now := s.timestamp()
		if _, err := tx.ExecContext(ctx, `INSERT INTO inspections (case_id, template_id, template_version, template, started_at)
			VALUES (?, ?, ?, ?, ?)`, in.CaseID, in.TemplateID, in.TemplateVersion, in.Template, now); err != nil {
			return fmt.Errorf("start inspection of case %d: %w", in.CaseID, err)
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO inspection_items (case_id, item_id, position, updated_at) VALUES (?, ?, ?, ?)`)
		if err != nil {
			return fmt.Errorf("start inspection of case %d: %w", in.CaseID, err)
		}
		defer stmt.Close()
		for i, id := range itemIDs {
			if _, err := stmt.ExecContext(ctx, in.CaseID, id, i+1, now); err != nil {
				return fmt.Errorf("start inspection of case %d: item %s: %w", in.CaseID, id, err)
			}
		}
		if _, err = tx.ExecContext(ctx, `UPDATE cases SET updated_at = ? WHERE id = ?`, now, in.CaseID); err != nil {
			return err
		}
		details := map[string]any{"template": in.TemplateID, "version": in.TemplateVersion, "items": len(itemIDs)}
		if len(in.Added) > 0 {
			var added []string
			for _, t := range in.Added {
				added = append(added, t.TemplateID)
			}
			details["added_templates"] = added
		}
		if err := s.Audit(ctx, tx, AuditRecord{Action: workbench.AuditInspectionStarted, Object: CaseObject(in.CaseID), CaseID: in.CaseID,
			Details: details}); err != nil {
			return err
		}
		for _, t := range in.Added {
			if err := s.addTemplate(ctx, tx, in.CaseID, t, now, false); err != nil {
				return err
			}
		}
		return nil
	})
}

// AddInspectionTemplate adds a checklist template to the open inspection
// of a case: the template frozen as read and one not-assessed item per id
// of t.ItemIDs, after the items it has. A case that is not open gives an
// error wrapping ErrConflict, one without an inspection or unknown one
// wrapping ErrNotFound; a template the inspection already holds, or an
// item id it already has, one wrapping ErrConflict.
func (s *Store) AddInspectionTemplate(ctx context.Context, caseID int64, t InspectionTemplate) error {
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		if err := requireOpen(ctx, tx, caseID); err != nil {
			return err
		}
		var first string
		err := tx.QueryRowContext(ctx, `SELECT template_id FROM inspections WHERE case_id = ?`, caseID).Scan(&first)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("inspection of case %d: %w", caseID, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("read inspection of case %d: %w", caseID, err)
		}
		if first == t.TemplateID {
			return &stateError{msg: fmt.Sprintf("case %d's inspection already holds template %s", caseID, t.TemplateID), base: workbench.ErrConflict}
		}
		now := s.timestamp()
		if _, err := tx.ExecContext(ctx, `UPDATE cases SET updated_at = ? WHERE id = ?`, now, caseID); err != nil {
			return err
		}
		return s.addTemplate(ctx, tx, caseID, t, now, true)
	})
}

// addTemplate records an added template and its items inside tx, audited
// when audit is set (StartInspection audits its templates at once).
func (s *Store) addTemplate(ctx context.Context, tx *sql.Tx, caseID int64, t InspectionTemplate, now string, audit bool) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM inspection_templates WHERE case_id = ? AND template_id = ?`, caseID, t.TemplateID).Scan(&n); err != nil {
		return fmt.Errorf("read templates of case %d: %w", caseID, err)
	}
	if n > 0 {
		return &stateError{msg: fmt.Sprintf("case %d's inspection already holds template %s", caseID, t.TemplateID), base: workbench.ErrConflict}
	}
	var pos, items int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(position), 1) + 1 FROM inspection_templates WHERE case_id = ?`, caseID).Scan(&pos); err != nil {
		return fmt.Errorf("read templates of case %d: %w", caseID, err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(position), 0) FROM inspection_items WHERE case_id = ?`, caseID).Scan(&items); err != nil {
		return fmt.Errorf("read items of case %d: %w", caseID, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO inspection_templates (case_id, position, template_id, template_version, template, added_at)
		VALUES (?, ?, ?, ?, ?, ?)`, caseID, pos, t.TemplateID, t.TemplateVersion, t.Template, now); err != nil {
		return fmt.Errorf("add template %s to case %d: %w", t.TemplateID, caseID, err)
	}
	for i, id := range t.ItemIDs {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM inspection_items WHERE case_id = ? AND item_id = ?`, caseID, id).Scan(&one)
		if err == nil {
			return &stateError{msg: fmt.Sprintf("case %d's inspection already has an item %s", caseID, id), base: workbench.ErrConflict}
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("read items of case %d: %w", caseID, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO inspection_items (case_id, item_id, position, updated_at) VALUES (?, ?, ?, ?)`,
			caseID, id, items+i+1, now); err != nil {
			return fmt.Errorf("add template %s to case %d: item %s: %w", t.TemplateID, caseID, id, err)
		}
	}
	if !audit {
		return nil
	}
	return s.Audit(ctx, tx, AuditRecord{Action: workbench.AuditTemplateAdded, Object: CaseObject(caseID), CaseID: caseID,
		Details: map[string]any{"template": t.TemplateID, "version": t.TemplateVersion, "items": len(t.ItemIDs)}})
}

// GetInspection returns a case's inspection, or an error wrapping
// ErrNotFound when it has none.
func (s *Store) GetInspection(ctx context.Context, caseID int64) (Inspection, error) {
	in := Inspection{CaseID: caseID}
	var at, concluded, signed string
	err := s.db.QueryRowContext(ctx, `SELECT template_id, template_version, template, started_at, concluded_at, signed_at, signed_by, signature, signed_content
		FROM inspections WHERE case_id = ?`, caseID).
		Scan(&in.TemplateID, &in.TemplateVersion, &in.Template, &at, &concluded, &signed, &in.SignedBy, &in.Signature, &in.SignedContent)
	if errors.Is(err, sql.ErrNoRows) {
		return in, fmt.Errorf("inspection of case %d: %w", caseID, ErrNotFound)
	}
	if err != nil {
		return in, fmt.Errorf("read inspection of case %d: %w", caseID, err)
	}
	in.StartedAt, in.ConcludedAt, in.SignedAt = parseTime(at), parseTime(concluded), parseTime(signed)
	rows, err := s.db.QueryContext(ctx, `SELECT template_id, template_version, template, added_at FROM inspection_templates
		WHERE case_id = ? ORDER BY position`, caseID)
	if err != nil {
		return in, fmt.Errorf("read templates of case %d: %w", caseID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var t InspectionTemplate
		var added string
		if err := rows.Scan(&t.TemplateID, &t.TemplateVersion, &t.Template, &added); err != nil {
			return in, fmt.Errorf("read templates of case %d: %w", caseID, err)
		}
		t.AddedAt = parseTime(added)
		in.Added = append(in.Added, t)
	}
	if err := rows.Err(); err != nil {
		return in, fmt.Errorf("read templates of case %d: %w", caseID, err)
	}
	return in, nil
}

const itemColumns = `i.item_id, i.position, i.result, i.severity, i.note, i.finding, i.deadline, i.updated_at,
	(SELECT count(*) FROM evidence e WHERE e.case_id = i.case_id AND e.item_id = i.item_id)
	FROM inspection_items i`

func scanItem(row interface{ Scan(...any) error }) (InspectionItem, error) {
	var it InspectionItem
	var at string
	err := row.Scan(&it.ItemID, &it.Position, &it.Result, &it.Severity, &it.Note, &it.Finding, &it.Deadline, &at, &it.Evidence)
	it.UpdatedAt = parseTime(at)
	return it, err
}

// InspectionItems returns the items of a case's inspection in template
// order, with their evidence counts.
func (s *Store) InspectionItems(ctx context.Context, caseID int64) ([]InspectionItem, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+itemColumns+` WHERE i.case_id = ? ORDER BY i.position`, caseID)
	if err != nil {
		return nil, fmt.Errorf("read inspection items of case %d: %w", caseID, err)
	}
	defer rows.Close()
	out := []InspectionItem{}
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			return nil, fmt.Errorf("read inspection items of case %d: %w", caseID, err)
		}
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read inspection items of case %d: %w", caseID, err)
	}
	return out, nil
}

// InspectionItem returns one item of a case's inspection, or an error
// wrapping ErrNotFound.
func (s *Store) InspectionItem(ctx context.Context, caseID int64, itemID string) (InspectionItem, error) {
	it, err := scanItem(s.db.QueryRowContext(ctx, `SELECT `+itemColumns+` WHERE i.case_id = ? AND i.item_id = ?`, caseID, itemID))
	if errors.Is(err, sql.ErrNoRows) {
		return it, fmt.Errorf("item %s of case %d: %w", itemID, caseID, ErrNotFound)
	}
	if err != nil {
		return it, fmt.Errorf("read item %s of case %d: %w", itemID, caseID, err)
	}
	return it, nil
}

// UpdateInspectionItem applies u to one item in a single transaction. The
// case must be open: a concluded or signed one gives an error wrapping
// ErrConflict. An unknown item gives an error wrapping ErrNotFound.
func (s *Store) UpdateInspectionItem(ctx context.Context, caseID int64, itemID string, u ItemUpdate) error {
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		if err := requireOpen(ctx, tx, caseID); err != nil {
			return err
		}
		if err := s.updateItem(ctx, tx, caseID, itemID, u); err != nil {
			return err
		}
		return s.auditItemUpdate(ctx, tx, caseID, itemID, u)
	})
}

// requireOpen refuses, inside tx, a case that is unknown (ErrNotFound) or
// not open (ErrConflict).
func requireOpen(ctx context.Context, tx *sql.Tx, caseID int64) error {
	status, err := caseStatus(ctx, tx, caseID)
	if err != nil {
		return err
	}
	if status != StatusOpen {
		return NotOpenError(caseID, status)
	}
	return nil
}

// caseStatus reads a case's lifecycle status inside tx.
func caseStatus(ctx context.Context, tx *sql.Tx, caseID int64) (string, error) {
	var status string
	err := tx.QueryRowContext(ctx, `SELECT status FROM cases WHERE id = ?`, caseID).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("case %d: %w", caseID, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("read case %d: %w", caseID, err)
	}
	return status, nil
}

// updateItem applies u to one item inside tx.
func (s *Store) updateItem(ctx context.Context, tx *sql.Tx, caseID int64, itemID string, u ItemUpdate) error {
	now := s.timestamp()
	set := []string{"updated_at = ?"}
	args := []any{now}
	for _, f := range []struct {
		col string
		v   *string
	}{{"result", u.Result}, {"severity", u.Severity}, {"note", u.Note}, {"finding", u.Finding}, {"deadline", u.Deadline}} {
		if f.v != nil {
			set = append(set, f.col+" = ?")
			args = append(args, *f.v)
		}
	}
	args = append(args, caseID, itemID)
	res, err := tx.ExecContext(ctx, `UPDATE inspection_items SET `+strings.Join(set, ", ")+` WHERE case_id = ? AND item_id = ?`, args...)
	if err != nil {
		return fmt.Errorf("update item %s of case %d: %w", itemID, caseID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("item %s of case %d: %w", itemID, caseID, ErrNotFound)
	}
	for _, target := range u.RemoveEvidence {
		res, err := tx.ExecContext(ctx, `DELETE FROM evidence WHERE case_id = ? AND item_id = ? AND target = ?`, caseID, itemID, target)
		if err != nil {
			return fmt.Errorf("remove evidence %s from item %s of case %d: %w", target, itemID, caseID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("item %s of case %d cites no %s: %w", itemID, caseID, target, ErrNotFound)
		}
	}
	for _, ev := range u.Evidence {
		sub := sql.NullInt64{Int64: ev.SubmissionID, Valid: ev.SubmissionID != 0}
		if _, err := tx.ExecContext(ctx, `INSERT INTO evidence (case_id, item_id, ref, target, submission_id, sha256, file_name, kind, location, quote, added_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, item_id, target) DO NOTHING`,
			caseID, itemID, ev.Ref, ev.Target, sub, ev.SHA256, ev.FileName, ev.Kind, ev.Location, ev.Quote, now); err != nil {
			return fmt.Errorf("add evidence %s to item %s of case %d: %w", ev.Ref, itemID, caseID, err)
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE cases SET updated_at = ? WHERE id = ?`, now, caseID)
	return err
}

// ItemEvidence lists the evidence of one item, oldest first.
func (s *Store) ItemEvidence(ctx context.Context, caseID int64, itemID string) ([]workbench.Evidence, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, item_id, ref, target, coalesce(submission_id, 0), sha256, file_name, kind, location, quote, added_at,
		`+evidenceLabel+` FROM evidence WHERE case_id = ? AND item_id = ? ORDER BY id`, caseID, itemID)
	if err != nil {
		return nil, fmt.Errorf("read evidence of item %s: %w", itemID, err)
	}
	defer rows.Close()
	out := []workbench.Evidence{}
	for rows.Next() {
		var ev workbench.Evidence
		var at string
		if err := rows.Scan(&ev.ID, &ev.ItemID, &ev.Ref, &ev.Target, &ev.SubmissionID, &ev.SHA256, &ev.FileName, &ev.Kind,
			&ev.Location, &ev.Quote, &at, &ev.Label); err != nil {
			return nil, fmt.Errorf("read evidence of item %s: %w", itemID, err)
		}
		ev.AddedAt = parseTime(at)
		out = append(out, ev)
	}
	return out, rows.Err()
}

// RecordMatch is a record found by the provider's own identifier.
type RecordMatch struct {
	Record     workbench.RecordRow
	Submission workbench.Submission
}

// RecordsByRef returns the records of a case whose provider identifier is
// ref, in id order.
func (s *Store) RecordsByRef(ctx context.Context, caseID int64, ref string) ([]RecordMatch, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.id, r.sheet, r.row_no, r.ref, r.fields, r.extra, r.submission_id
		FROM records r JOIN submissions sub ON sub.id = r.submission_id
		WHERE sub.case_id = ? AND r.ref = ? ORDER BY r.id LIMIT 100`, caseID, ref)
	if err != nil {
		return nil, fmt.Errorf("look up record %s: %w", ref, err)
	}
	var out []RecordMatch
	var subIDs []int64
	for rows.Next() {
		var m RecordMatch
		var subID int64
		if err := rows.Scan(&m.Record.ID, &m.Record.Sheet, &m.Record.Row, &m.Record.Ref, &m.Record.Fields, &m.Record.Extra, &subID); err != nil {
			rows.Close()
			return nil, fmt.Errorf("look up record %s: %w", ref, err)
		}
		out = append(out, m)
		subIDs = append(subIDs, subID)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("look up record %s: %w", ref, err)
	}
	for i, id := range subIDs {
		sub, err := s.GetSubmission(ctx, id)
		if err != nil {
			return nil, err
		}
		out[i].Submission = sub
	}
	return out, nil
}

// stateError is a refusal because of what the workspace records; it
// matches its base error (ErrConflict, ErrNotFound) with errors.Is.
type stateError struct {
	msg  string
	base error
}

func (e *stateError) Error() string        { return e.msg }
func (e *stateError) Is(target error) bool { return target == e.base }

// NotOpenError is the refusal to change the inspection of a case that is
// concluded or signed; it matches ErrConflict.
func NotOpenError(caseID int64, status string) error {
	return &stateError{msg: fmt.Sprintf("case %d's inspection is %s; it can no longer be changed", caseID, status), base: workbench.ErrConflict}
}

// ItemChange is an update of one item, for UpdateInspectionItems.
type ItemChange struct {
	ItemID string
	Update ItemUpdate
}

// UpdateInspectionItems applies several item updates to an open case in a
// single transaction: all of them or, on any error, none. Each update is
// audited, and so is each of also (what brought the updates: an edited
// checklist imported), in the same transaction.
func (s *Store) UpdateInspectionItems(ctx context.Context, caseID int64, changes []ItemChange, also ...AuditRecord) error {
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		if err := requireOpen(ctx, tx, caseID); err != nil {
			return err
		}
		for _, c := range changes {
			if err := s.updateItem(ctx, tx, caseID, c.ItemID, c.Update); err != nil {
				return err
			}
			if err := s.auditItemUpdate(ctx, tx, caseID, c.ItemID, c.Update); err != nil {
				return err
			}
		}
		for _, r := range also {
			if err := s.Audit(ctx, tx, r); err != nil {
				return err
			}
		}
		return nil
	})
}

// CaseEvidence calls fn with every evidence link of a case, in checklist
// order and then in the order they were added. Links are read in batches
// by id, so a case with hundreds of thousands of them is never held in
// memory, nor sorted whole by SQLite.
func (s *Store) CaseEvidence(ctx context.Context, caseID int64, fn func(workbench.Evidence) error) error {
	var ids []int64
	rows, err := s.db.QueryContext(ctx, `SELECT e.id FROM evidence e
		JOIN inspection_items i ON i.case_id = e.case_id AND i.item_id = e.item_id
		WHERE e.case_id = ? ORDER BY i.position, e.id`, caseID)
	if err != nil {
		return fmt.Errorf("read evidence of case %d: %w", caseID, err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("read evidence of case %d: %w", caseID, err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read evidence of case %d: %w", caseID, err)
	}
	const batch = 500
	for len(ids) > 0 {
		chunk := ids[:min(batch, len(ids))]
		ids = ids[len(chunk):]
		evs, err := s.evidenceByID(ctx, chunk)
		if err != nil {
			return fmt.Errorf("read evidence of case %d: %w", caseID, err)
		}
		for _, id := range chunk {
			if ev, ok := evs[id]; ok {
				if err := fn(ev); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// evidenceLabel selects the label of an evidence link's submission (empty
// once it is gone).
const evidenceLabel = `coalesce((SELECT label FROM submissions WHERE id = evidence.submission_id), '')`

// evidenceByID reads evidence links by id.
func (s *Store) evidenceByID(ctx context.Context, ids []int64) (map[int64]workbench.Evidence, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, item_id, ref, target, coalesce(submission_id, 0), sha256, file_name, kind,
		location, quote, added_at, `+evidenceLabel+` FROM evidence WHERE id IN (?`+strings.Repeat(", ?", len(ids)-1)+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int64]workbench.Evidence, len(ids))
	for rows.Next() {
		var ev workbench.Evidence
		var at string
		if err := rows.Scan(&ev.ID, &ev.ItemID, &ev.Ref, &ev.Target, &ev.SubmissionID, &ev.SHA256, &ev.FileName, &ev.Kind,
			&ev.Location, &ev.Quote, &at, &ev.Label); err != nil {
			return nil, err
		}
		ev.AddedAt = parseTime(at)
		out[ev.ID] = ev
	}
	return out, rows.Err()
}

// EvidenceLabels counts a case's evidence links by the confidentiality
// label of the submission quoted; "unknown" for links whose submission is
// gone.
func (s *Store) EvidenceLabels(ctx context.Context, caseID int64) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT coalesce(s.label, 'unknown'), count(*) FROM evidence e
		LEFT JOIN submissions s ON s.id = e.submission_id WHERE e.case_id = ? GROUP BY 1`, caseID)
	if err != nil {
		return nil, fmt.Errorf("count evidence of case %d: %w", caseID, err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var label string
		var n int
		if err := rows.Scan(&label, &n); err != nil {
			return nil, fmt.Errorf("count evidence of case %d: %w", caseID, err)
		}
		out[label] = n
	}
	return out, rows.Err()
}
