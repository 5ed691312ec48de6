package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/inspection-workbench/workbench"
)

// SetSubmissionLabel sets a submission's confidentiality label and returns
// the label it had. label must be one of workbench.Labels (the database
// refuses others). A missing submission is ErrNotFound.
func (s *Store) SetSubmissionLabel(ctx context.Context, id int64, label workbench.Label, why string) (old workbench.Label, err error) {
	err = s.WithTx(ctx, func(tx *sql.Tx) error {
		var cur, file, sum string
		var caseID int64
		if err := tx.QueryRowContext(ctx, `SELECT label, case_id, file_name, sha256 FROM submissions WHERE id = ?`, id).Scan(&cur, &caseID, &file, &sum); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return fmt.Errorf("read label of submission %d: %w", id, err)
		}
		old = workbench.Label(cur)
		if cur == string(label) {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE submissions SET label = ? WHERE id = ?`, string(label), id); err != nil {
			return fmt.Errorf("set label of submission %d: %w", id, err)
		}
		return s.Audit(ctx, tx, AuditRecord{Action: workbench.AuditLabelChanged, Object: SubmissionObject(id), CaseID: caseID,
			Details: map[string]any{"file": file, "sha256": sum, "from": cur, "to": string(label), "why": why}})
	})
	return old, err
}

// PIIScan is the last personal-information scan of one submission.
type PIIScan struct {
	SubmissionID int64
	ScannedAt    time.Time
	// Detector names the detector's version, so results of an older one
	// can be told apart.
	Detector string
	// Counts is a JSON object: how many of each PII type were found.
	Counts string
	// Found is a JSON array: where the first matches stand, values masked.
	Found string
	// Truncated is set when Found lists fewer matches than Counts counts.
	Truncated bool
}

// SavePIIScan records a submission's scan, replacing the one before.
func (s *Store) SavePIIScan(ctx context.Context, sc PIIScan) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO pii_scans (submission_id, scanned_at, detector, counts, found, truncated)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (submission_id) DO UPDATE SET scanned_at = excluded.scanned_at, detector = excluded.detector,
			counts = excluded.counts, found = excluded.found, truncated = excluded.truncated`,
		sc.SubmissionID, sc.ScannedAt.UTC().Format(time.RFC3339Nano), sc.Detector, sc.Counts, sc.Found, sc.Truncated)
	if err != nil {
		return fmt.Errorf("save personal-information scan of submission %d: %w", sc.SubmissionID, err)
	}
	return nil
}

// PIIScans returns the last scans of a case's submissions, by submission
// id; submissions never scanned have none.
func (s *Store) PIIScans(ctx context.Context, caseID int64) ([]PIIScan, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT p.submission_id, p.scanned_at, p.detector, p.counts, p.found, p.truncated
		FROM pii_scans p JOIN submissions sub ON sub.id = p.submission_id
		WHERE sub.case_id = ? ORDER BY p.submission_id`, caseID)
	if err != nil {
		return nil, fmt.Errorf("read personal-information scans of case %d: %w", caseID, err)
	}
	defer rows.Close()
	var out []PIIScan
	for rows.Next() {
		var sc PIIScan
		var at string
		if err := rows.Scan(&sc.SubmissionID, &at, &sc.Detector, &sc.Counts, &sc.Found, &sc.Truncated); err != nil {
			return nil, fmt.Errorf("read personal-information scans of case %d: %w", caseID, err)
		}
		sc.ScannedAt = parseTime(at)
		out = append(out, sc)
	}
	return out, rows.Err()
}
