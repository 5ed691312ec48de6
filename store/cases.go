package store

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Case statuses.
const (
	StatusOpen      = string(workbench.StatusOpen)
	StatusConcluded = string(workbench.StatusConcluded)
	StatusSigned    = string(workbench.StatusSigned)
)

// NewCase is what CreateCase needs. Values are expected to be validated
// and normalised by the caller; the store enforces consistency with what is
// already recorded.
type NewCase struct {
	ProviderName      string
	CreditCode        string // "" when not given
	ServiceName       string
	FilingNo          string   // "" when not given
	Modalities        []string // nil when not given
	PublicOpinion     *bool    // nil when not given
	Title             string
	Inspectors        []string
	OpenedOn          string // YYYY-MM-DD
	ReceivedOn        string // YYYY-MM-DD, "" when not given
	ChecklistTemplate string
}

// CreateCase records a case, creating its provider and service when they
// are new. An existing provider (found by credit code, else by name) and
// service (by name under that provider) are reused; blanks in them are filled
// from nc, and a contradiction — the credit code of another provider, a
// different filing number — fails with ErrConflict and writes nothing.
// Filling a blank changes the other cases of that provider or service: each
// gets a case_edited audit entry, and a concluded or signed one refuses the
// change (workbench.ReasonCaseShared), as an edit would, so that no signed
// content moves under its signature.
func (s *Store) CreateCase(ctx context.Context, nc NewCase) (int64, error) {
	var id int64
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		now := s.timestamp()
		before, err := caseSnapshot(ctx, tx)
		if err != nil {
			return err
		}
		pid, err := s.resolveProvider(ctx, tx, nc.ProviderName, nc.CreditCode, now)
		if err != nil {
			return err
		}
		sid, err := s.resolveService(ctx, tx, pid, nc, now)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO cases (service_id, title, opened_on, received_on, status, checklist_template, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, sid, nc.Title, nc.OpenedOn, nc.ReceivedOn, StatusOpen, nc.ChecklistTemplate, now, now)
		if err != nil {
			return fmt.Errorf("insert case: %w", err)
		}
		if id, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("insert case: %w", err)
		}
		if err := insertInspectors(ctx, tx, id, nc.Inspectors); err != nil {
			return err
		}
		if err := s.Audit(ctx, tx, AuditRecord{Action: workbench.AuditCaseCreated, Object: CaseObject(id), CaseID: id,
			Details: map[string]any{"title": nc.Title, "provider": nc.ProviderName, "service": nc.ServiceName, "inspectors": append([]string{}, nc.Inspectors...)}}); err != nil {
			return err
		}
		_, err = s.auditCaseChanges(ctx, tx, before, id, "created_case", now)
		return err
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}

func (s *Store) resolveProvider(ctx context.Context, tx *sql.Tx, name, code, now string) (int64, error) {
	var id int64
	var gotName string
	var gotCode sql.NullString
	if code != "" {
		err := tx.QueryRowContext(ctx, `SELECT id, name FROM providers WHERE credit_code = ?`, code).Scan(&id, &gotName)
		switch {
		case err == nil && gotName != name:
			return 0, &workbench.ConflictError{What: workbench.ConflictCodeTaken, Name: gotName, Recorded: code, Given: code}
		case err == nil:
			return id, nil
		case !errors.Is(err, sql.ErrNoRows):
			return 0, fmt.Errorf("look up provider: %w", err)
		}
	}
	err := tx.QueryRowContext(ctx, `SELECT id, credit_code FROM providers WHERE name = ?`, name).Scan(&id, &gotCode)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		res, err := tx.ExecContext(ctx, `INSERT INTO providers (name, credit_code, created_at) VALUES (?, ?, ?)`,
			name, sql.NullString{String: code, Valid: code != ""}, now)
		if err != nil {
			return 0, fmt.Errorf("insert provider: %w", err)
		}
		return res.LastInsertId()
	case err != nil:
		return 0, fmt.Errorf("look up provider: %w", err)
	case code == "" || gotCode.String == code:
		return id, nil
	case gotCode.Valid:
		return 0, &workbench.ConflictError{What: workbench.ConflictProviderCode, Name: name, Recorded: gotCode.String, Given: code}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE providers SET credit_code = ? WHERE id = ?`, code, id); err != nil {
		return 0, fmt.Errorf("record credit code: %w", err)
	}
	return id, nil
}

func (s *Store) resolveService(ctx context.Context, tx *sql.Tx, pid int64, nc NewCase, now string) (int64, error) {
	var id int64
	var filing, modalities string
	var publicOpinion bool
	err := tx.QueryRowContext(ctx, `SELECT id, filing_no, modalities, public_opinion FROM services WHERE provider_id = ? AND name = ?`,
		pid, nc.ServiceName).Scan(&id, &filing, &modalities, &publicOpinion)
	if errors.Is(err, sql.ErrNoRows) {
		po := nc.PublicOpinion != nil && *nc.PublicOpinion
		res, err := tx.ExecContext(ctx, `INSERT INTO services (provider_id, name, filing_no, modalities, public_opinion, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`, pid, nc.ServiceName, nc.FilingNo, strings.Join(nc.Modalities, ","), po, now)
		if err != nil {
			return 0, fmt.Errorf("insert service: %w", err)
		}
		return res.LastInsertId()
	}
	if err != nil {
		return 0, fmt.Errorf("look up service: %w", err)
	}
	if nc.FilingNo != "" && filing != "" && nc.FilingNo != filing {
		return 0, &workbench.ConflictError{What: workbench.ConflictFilingNo, Name: nc.ServiceName, Recorded: filing, Given: nc.FilingNo}
	}
	if nc.FilingNo != "" {
		filing = nc.FilingNo
	}
	if nc.Modalities != nil {
		modalities = strings.Join(nc.Modalities, ",")
	}
	if nc.PublicOpinion != nil {
		publicOpinion = *nc.PublicOpinion
	}
	if _, err := tx.ExecContext(ctx, `UPDATE services SET filing_no = ?, modalities = ?, public_opinion = ? WHERE id = ?`,
		filing, modalities, publicOpinion, id); err != nil {
		return 0, fmt.Errorf("update service: %w", err)
	}
	return id, nil
}

const caseColumns = `c.id, c.title, c.opened_on, c.received_on, c.status, c.checklist_template, c.created_at, c.updated_at,
	p.id, p.name, coalesce(p.credit_code, ''),
	s.id, s.name, s.filing_no, s.modalities, s.public_opinion
	FROM cases c JOIN services s ON s.id = c.service_id JOIN providers p ON p.id = s.provider_id`

func scanCase(row interface{ Scan(...any) error }) (workbench.Case, error) {
	var c workbench.Case
	var created, updated, modalities string
	err := row.Scan(&c.ID, &c.Title, &c.OpenedOn, &c.ReceivedOn, &c.Status, &c.ChecklistTemplate, &created, &updated,
		&c.Provider.ID, &c.Provider.Name, &c.Provider.CreditCode,
		&c.Service.ID, &c.Service.Name, &c.Service.FilingNo, &modalities, &c.Service.PublicOpinion)
	if err != nil {
		return c, err
	}
	c.Service.ProviderID = c.Provider.ID
	c.Service.Modalities = []string{}
	if modalities != "" {
		c.Service.Modalities = strings.Split(modalities, ",")
	}
	c.Inspectors = []string{}
	c.CreatedAt = parseTime(created)
	c.UpdatedAt = parseTime(updated)
	return c, nil
}

// GetCase returns one case, or an error wrapping ErrNotFound.
func (s *Store) GetCase(ctx context.Context, id int64) (workbench.Case, error) {
	c, err := scanCase(s.db.QueryRowContext(ctx, `SELECT `+caseColumns+` WHERE c.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("case %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return c, fmt.Errorf("read case %d: %w", id, err)
	}
	cases := []*workbench.Case{&c}
	if err := s.loadInspectors(ctx, cases, `WHERE case_id = ?`, id); err != nil {
		return c, err
	}
	return c, nil
}

// ListCases returns every case, oldest first.
func (s *Store) ListCases(ctx context.Context) ([]workbench.Case, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+caseColumns+` ORDER BY c.id`)
	if err != nil {
		return nil, fmt.Errorf("list cases: %w", err)
	}
	defer rows.Close()
	out := []workbench.Case{}
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, fmt.Errorf("list cases: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list cases: %w", err)
	}
	ptrs := make([]*workbench.Case, len(out))
	for i := range out {
		ptrs[i] = &out[i]
	}
	if err := s.loadInspectors(ctx, ptrs, ""); err != nil {
		return nil, err
	}
	return out, nil
}

// loadInspectors fills in the inspectors of the given cases from the rows
// that the where clause selects.
func (s *Store) loadInspectors(ctx context.Context, cases []*workbench.Case, where string, args ...any) error {
	byID := make(map[int64]*workbench.Case, len(cases))
	for _, c := range cases {
		byID[c.ID] = c
	}
	rows, err := s.db.QueryContext(ctx, `SELECT case_id, name FROM case_inspectors `+where+` ORDER BY case_id, position`, args...)
	if err != nil {
		return fmt.Errorf("read inspectors: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return fmt.Errorf("read inspectors: %w", err)
		}
		if c := byID[id]; c != nil {
			c.Inspectors = append(c.Inspectors, name)
		}
	}
	return rows.Err()
}
