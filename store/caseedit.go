package store

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Case fields as UpdateCase reports them changed and the case_edited audit
// entry names them.
const (
	CaseFieldTitle         = "title"
	CaseFieldProvider      = "provider"
	CaseFieldCreditCode    = "credit_code"
	CaseFieldService       = "service"
	CaseFieldFilingNo      = "filing_no"
	CaseFieldModalities    = "modalities"
	CaseFieldPublicOpinion = "public_opinion"
	CaseFieldInspectors    = "inspectors"
	CaseFieldOpenedOn      = "opened_on"
	CaseFieldReceivedOn    = "received_on"
)

// errUnchanged rolls back an edit that changed nothing.
var errUnchanged = errors.New("nothing changed")

// UpdateCase sets the descriptive fields of an open case to nc (validated
// and normalised by the caller; nil Modalities or PublicOpinion leave the
// service's as they are) in one transaction, with a case_edited audit entry
// naming each field changed, from what to what. It returns the fields
// changed, none — and nothing written — when nc is what the case holds.
//
// The provider is identified by its credit code and the service by its
// filing number: a new name with the same credit code (filing number)
// corrects the record, and every case of that provider (service) shows the
// correction and gets its own audit entry. Otherwise the case's record is
// corrected in place when no other case uses it, and else the case moves to
// the provider (service) recorded under the new name or code, or to a new
// one, as CreateCase would find or make it — with the same ErrConflict on
// a contradiction. A change that would alter a concluded or signed case
// through a shared record is refused.
//
// A concluded case is refused with ReasonCaseConcluded, a signed one with
// ReasonCaseSigned; an unknown id gives ErrNotFound.
func (s *Store) UpdateCase(ctx context.Context, id int64, nc NewCase) ([]string, error) {
	var changed []string
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		before, err := caseSnapshot(ctx, tx)
		if err != nil {
			return err
		}
		cur, ok := before[id]
		if !ok {
			return fmt.Errorf("case %d: %w", id, ErrNotFound)
		}
		switch cur.Status {
		case StatusSigned:
			return refusal(workbench.ReasonCaseSigned, "Case", id)
		case StatusConcluded:
			return refusal(workbench.ReasonCaseConcluded, "Case", id)
		}
		now := s.timestamp()
		pid, err := s.editProvider(ctx, tx, id, cur, nc, now)
		if err != nil {
			return err
		}
		sid, err := s.editService(ctx, tx, id, cur, pid, nc, now)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE cases SET service_id = ?, title = ?, opened_on = ?, received_on = ? WHERE id = ?`,
			sid, nc.Title, nc.OpenedOn, nc.ReceivedOn, id); err != nil {
			return fmt.Errorf("update case %d: %w", id, err)
		}
		if !slices.Equal(cur.Inspectors, nc.Inspectors) {
			if _, err := tx.ExecContext(ctx, `DELETE FROM case_inspectors WHERE case_id = ?`, id); err != nil {
				return fmt.Errorf("update inspectors of case %d: %w", id, err)
			}
			if err := insertInspectors(ctx, tx, id, nc.Inspectors); err != nil {
				return err
			}
		}
		// A record the case no longer uses and no other case does goes.
		if sid != cur.Service.ID {
			if _, err := tx.ExecContext(ctx, `DELETE FROM services WHERE id = ? AND NOT EXISTS (SELECT 1 FROM cases WHERE service_id = ?)`,
				cur.Service.ID, cur.Service.ID); err != nil {
				return fmt.Errorf("remove unused service: %w", err)
			}
		}
		if pid != cur.Provider.ID {
			if _, err := tx.ExecContext(ctx, `DELETE FROM providers WHERE id = ? AND NOT EXISTS (SELECT 1 FROM services WHERE provider_id = ?)`,
				cur.Provider.ID, cur.Provider.ID); err != nil {
				return fmt.Errorf("remove unused provider: %w", err)
			}
		}
		changed, err = s.auditCaseChanges(ctx, tx, before, id, "edited_case", now)
		if err != nil {
			return err
		}
		if len(changed) == 0 {
			return errUnchanged
		}
		return nil
	})
	if errors.Is(err, errUnchanged) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return changed, nil
}

// auditCaseChanges compares every case before the change (before) with
// what tx now holds: each case whose details differ gets a new updated_at
// and a case_edited entry naming the fields, from what to what. The case
// self comes first; every other names self under the detail key via
// (edited_case, created_case), and one that is concluded or signed refuses
// the whole change (ReasonCaseShared). A case not in before — one just
// created — is not compared. It returns the fields of self changed.
func (s *Store) auditCaseChanges(ctx context.Context, tx *sql.Tx, before map[int64]workbench.Case, self int64, via, now string) ([]string, error) {
	after, err := caseSnapshot(ctx, tx)
	if err != nil {
		return nil, err
	}
	ids := slices.Sorted(maps.Keys(after))
	if i := slices.Index(ids, self); i > 0 {
		ids = append(append([]int64{self}, ids[:i]...), ids[i+1:]...)
	}
	var changed []string
	for _, cid := range ids {
		old, ok := before[cid]
		if !ok {
			continue
		}
		fields, changes := caseChanges(old, after[cid])
		if len(fields) == 0 {
			continue
		}
		if cid != self && old.Status != StatusOpen {
			return nil, refusal(workbench.ReasonCaseShared, "Case", self, "Other", cid, "Status", old.Status, "Fields", fields)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE cases SET updated_at = ? WHERE id = ?`, now, cid); err != nil {
			return nil, fmt.Errorf("update case %d: %w", cid, err)
		}
		details := map[string]any{"fields": fields, "changes": changes}
		if cid == self {
			changed = fields
		} else {
			details[via] = self
		}
		if err := s.Audit(ctx, tx, AuditRecord{Action: workbench.AuditCaseEdited, Object: CaseObject(cid), CaseID: cid, Details: details}); err != nil {
			return nil, err
		}
	}
	return changed, nil
}

// insertInspectors records the inspectors of case id, in order.
func insertInspectors(ctx context.Context, tx *sql.Tx, id int64, names []string) error {
	for i, name := range names {
		if _, err := tx.ExecContext(ctx, `INSERT INTO case_inspectors (case_id, position, name) VALUES (?, ?, ?)`, id, i+1, name); err != nil {
			return fmt.Errorf("insert inspector %q: %w", name, err)
		}
	}
	return nil
}

// refusalError is a refusal the case's state or a shared record calls
// for: a conflict with a reason each interface words.
type refusalError struct{ reason *workbench.Error }

func refusal(r workbench.Reason, args ...any) error {
	return &refusalError{reason: workbench.Errorf(workbench.CodeConflict, r, args...)}
}

func (e *refusalError) Error() string { return e.reason.Error() }

// Unwrap gives the reason.
func (e *refusalError) Unwrap() error { return e.reason }

// Is makes the refusal match workbench.ErrConflict.
func (e *refusalError) Is(target error) bool { return target == workbench.ErrConflict }

// editProvider finds or corrects the provider the edited case names and
// returns its id; see UpdateCase.
func (s *Store) editProvider(ctx context.Context, tx *sql.Tx, caseID int64, cur workbench.Case, nc NewCase, now string) (int64, error) {
	old := cur.Provider
	if nc.ProviderName == old.Name && nc.CreditCode == old.CreditCode {
		return old.ID, nil
	}
	var other int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM providers WHERE id <> ? AND (name = ? OR credit_code = ?) LIMIT 1`,
		old.ID, nc.ProviderName, nc.CreditCode).Scan(&other)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return 0, fmt.Errorf("look up provider: %w", err)
	}
	shared, err := providerShared(ctx, tx, old.ID, caseID)
	if err != nil {
		return 0, err
	}
	sameCode := old.CreditCode != "" && nc.CreditCode == old.CreditCode
	if other == 0 && (!shared || sameCode) {
		if _, err := tx.ExecContext(ctx, `UPDATE providers SET name = ?, credit_code = ? WHERE id = ?`,
			nc.ProviderName, sql.NullString{String: nc.CreditCode, Valid: nc.CreditCode != ""}, old.ID); err != nil {
			return 0, fmt.Errorf("correct provider: %w", err)
		}
		return old.ID, nil
	}
	return s.resolveProvider(ctx, tx, nc.ProviderName, nc.CreditCode, now)
}

// editService finds or corrects the service the edited case names under
// provider pid and returns its id; see UpdateCase.
func (s *Store) editService(ctx context.Context, tx *sql.Tx, caseID int64, cur workbench.Case, pid int64, nc NewCase, now string) (int64, error) {
	old := cur.Service
	modalities := strings.Join(old.Modalities, ",")
	if nc.Modalities != nil {
		modalities = strings.Join(nc.Modalities, ",")
	}
	publicOpinion := old.PublicOpinion
	if nc.PublicOpinion != nil {
		publicOpinion = *nc.PublicOpinion
	}
	correct := func() (int64, error) {
		if _, err := tx.ExecContext(ctx, `UPDATE services SET provider_id = ?, name = ?, filing_no = ?, modalities = ?, public_opinion = ? WHERE id = ?`,
			pid, nc.ServiceName, nc.FilingNo, modalities, publicOpinion, old.ID); err != nil {
			return 0, fmt.Errorf("correct service: %w", err)
		}
		return old.ID, nil
	}
	if pid == cur.Provider.ID && nc.ServiceName == old.Name {
		return correct()
	}
	var other int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM services WHERE provider_id = ? AND name = ?`, pid, nc.ServiceName).Scan(&other)
	switch {
	case err == nil:
		return s.resolveService(ctx, tx, pid, nc, now)
	case !errors.Is(err, sql.ErrNoRows):
		return 0, fmt.Errorf("look up service: %w", err)
	}
	var users int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE service_id = ? AND id <> ?`, old.ID, caseID).Scan(&users); err != nil {
		return 0, fmt.Errorf("look up service: %w", err)
	}
	sameFiling := old.FilingNo != "" && nc.FilingNo == old.FilingNo && pid == cur.Provider.ID
	if users == 0 || sameFiling {
		return correct()
	}
	return s.resolveService(ctx, tx, pid, nc, now)
}

// providerShared reports whether a case other than caseID has a service of
// provider pid.
func providerShared(ctx context.Context, tx *sql.Tx, pid, caseID int64) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM cases c JOIN services s ON s.id = c.service_id WHERE s.provider_id = ? AND c.id <> ?`,
		pid, caseID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look up provider's cases: %w", err)
	}
	return n > 0, nil
}

// caseSnapshot reads every case with its inspectors inside tx.
func caseSnapshot(ctx context.Context, tx *sql.Tx) (map[int64]workbench.Case, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+caseColumns)
	if err != nil {
		return nil, fmt.Errorf("read cases: %w", err)
	}
	defer rows.Close()
	out := map[int64]workbench.Case{}
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, fmt.Errorf("read cases: %w", err)
		}
		out[c.ID] = c
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read cases: %w", err)
	}
	irows, err := tx.QueryContext(ctx, `SELECT case_id, name FROM case_inspectors ORDER BY case_id, position`)
	if err != nil {
		return nil, fmt.Errorf("read inspectors: %w", err)
	}
	defer irows.Close()
	for irows.Next() {
		var id int64
		var name string
		if err := irows.Scan(&id, &name); err != nil {
			return nil, fmt.Errorf("read inspectors: %w", err)
		}
		if c, ok := out[id]; ok {
			c.Inspectors = append(c.Inspectors, name)
			out[id] = c
		}
	}
	return out, irows.Err()
}

// caseChanges lists the descriptive fields that differ between a and b,
// in the order of the New-case form, with each one's old and new value.
func caseChanges(a, b workbench.Case) ([]string, map[string]any) {
	fields := []string{}
	changes := map[string]any{}
	add := func(field string, from, to any, differ bool) {
		if differ {
			fields = append(fields, field)
			changes[field] = map[string]any{"from": from, "to": to}
		}
	}
	str := func(field, from, to string) { add(field, from, to, from != to) }
	str(CaseFieldProvider, a.Provider.Name, b.Provider.Name)
	str(CaseFieldCreditCode, a.Provider.CreditCode, b.Provider.CreditCode)
	str(CaseFieldService, a.Service.Name, b.Service.Name)
	str(CaseFieldFilingNo, a.Service.FilingNo, b.Service.FilingNo)
	add(CaseFieldModalities, a.Service.Modalities, b.Service.Modalities, !slices.Equal(a.Service.Modalities, b.Service.Modalities))
	add(CaseFieldPublicOpinion, a.Service.PublicOpinion, b.Service.PublicOpinion, a.Service.PublicOpinion != b.Service.PublicOpinion)
	str(CaseFieldTitle, a.Title, b.Title)
	add(CaseFieldInspectors, a.Inspectors, b.Inspectors, !slices.Equal(a.Inspectors, b.Inspectors))
	str(CaseFieldOpenedOn, a.OpenedOn, b.OpenedOn)
	str(CaseFieldReceivedOn, a.ReceivedOn, b.ReceivedOn)
	return fields, changes
}
