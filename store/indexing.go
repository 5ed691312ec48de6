package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"github.com/inspection-workbench/workbench"
)

// IndexSource is a submission as the search index sees it: the submission
// and the provider of its case.
type IndexSource struct {
	workbench.Submission
	ProviderID int64
	// FirstRecord and LastRecord are the id range of its records (0, 0 when
	// it has none); FirstPassage and LastPassage likewise for passages.
	FirstRecord, LastRecord   int64
	FirstPassage, LastPassage int64
}

// IndexSources returns every submission of every case, in id order, with
// what the search index needs to know about it.
func (s *Store) IndexSources(ctx context.Context) ([]IndexSource, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+prefixed("sub.", submissionColumns)+`, sv.provider_id,
		coalesce((SELECT min(id) FROM records WHERE submission_id = sub.id), 0),
		coalesce((SELECT max(id) FROM records WHERE submission_id = sub.id), 0),
		coalesce((SELECT min(id) FROM passages WHERE submission_id = sub.id), 0),
		coalesce((SELECT max(id) FROM passages WHERE submission_id = sub.id), 0)
		FROM submissions sub JOIN cases c ON c.id = sub.case_id JOIN services sv ON sv.id = c.service_id
		ORDER BY sub.id`)
	if err != nil {
		return nil, fmt.Errorf("list submissions to index: %w", err)
	}
	defer rows.Close()
	var out []IndexSource
	for rows.Next() {
		var src IndexSource
		sub, err := scanSubmission(rows, &src.ProviderID, &src.FirstRecord, &src.LastRecord, &src.FirstPassage, &src.LastPassage)
		if err != nil {
			return nil, fmt.Errorf("list submissions to index: %w", err)
		}
		src.Submission = sub
		out = append(out, src)
	}
	return out, rows.Err()
}

func prefixed(prefix, columns string) string {
	var b []byte
	start := true
	for i := 0; i < len(columns); i++ {
		c := columns[i]
		if start && c != ' ' && c != '\n' && c != '\t' {
			b = append(b, prefix...)
			start = false
		}
		if c == ',' {
			start = true
		}
		b = append(b, c)
	}
	return string(b)
}

// RecordsFrom returns up to limit records of a submission with ids of at
// least fromID, in id order (the indexer's sequential scan).
func (s *Store) RecordsFrom(ctx context.Context, submissionID, fromID int64, limit int) ([]workbench.RecordRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, sheet, row_no, ref, fields, extra FROM records
		WHERE id >= ? AND submission_id = ? ORDER BY id LIMIT ?`, fromID, submissionID, limit)
	if err != nil {
		return nil, fmt.Errorf("read records: %w", err)
	}
	return scanRecords(rows, max(0, min(limit, 10000)))
}

// scanRecords reads the rows of a SELECT id, sheet, row_no, ref, fields,
// extra and closes them.
func scanRecords(rows *sql.Rows, capacity int) ([]workbench.RecordRow, error) {
	defer rows.Close()
	out := make([]workbench.RecordRow, 0, capacity)
	for rows.Next() {
		var r workbench.RecordRow
		if err := rows.Scan(&r.ID, &r.Sheet, &r.Row, &r.Ref, &r.Fields, &r.Extra); err != nil {
			return nil, fmt.Errorf("read records: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read records: %w", err)
	}
	return out, nil
}

// Record returns one record and the submission it belongs to, or an error
// wrapping ErrNotFound.
func (s *Store) Record(ctx context.Context, id int64) (workbench.RecordRow, workbench.Submission, error) {
	var r workbench.RecordRow
	var subID int64
	err := s.db.QueryRowContext(ctx, `SELECT id, submission_id, sheet, row_no, ref, fields, extra FROM records WHERE id = ?`, id).
		Scan(&r.ID, &subID, &r.Sheet, &r.Row, &r.Ref, &r.Fields, &r.Extra)
	if errors.Is(err, sql.ErrNoRows) {
		return r, workbench.Submission{}, fmt.Errorf("record %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return r, workbench.Submission{}, fmt.Errorf("read record %d: %w", id, err)
	}
	sub, err := s.GetSubmission(ctx, subID)
	return r, sub, err
}

// Passage returns one passage and the submission it belongs to, or an
// error wrapping ErrNotFound.
func (s *Store) Passage(ctx context.Context, id int64) (workbench.PassageRow, workbench.Submission, error) {
	var p workbench.PassageRow
	var subID int64
	err := s.db.QueryRowContext(ctx, `SELECT id, submission_id, seq, page, paragraph, line, heading_path, is_heading, tbl, tbl_row, tbl_cell, footnote, part, comment, author, text
		FROM passages WHERE id = ?`, id).
		Scan(&p.ID, &subID, &p.Seq, &p.Page, &p.Paragraph, &p.Line, &p.HeadingPath, &p.Heading, &p.Table, &p.Row, &p.Cell, &p.Footnote,
			&p.Part, &p.Comment, &p.Author, &p.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return p, workbench.Submission{}, fmt.Errorf("passage %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return p, workbench.Submission{}, fmt.Errorf("read passage %d: %w", id, err)
	}
	sub, err := s.GetSubmission(ctx, subID)
	return p, sub, err
}

// DeleteCase removes a case with everything imported into it (submissions,
// records, passages, warnings, inspection, evidence, proposals), records
// the deletion in the audit trail (whose entries about the case stay),
// removes the blobs no other case refers to, and then checkpoints the
// database and truncates its write-ahead log. Every connection runs with
// secure_delete on, so the pages the deletion frees are overwritten with
// zeros; with the log truncated, no file of the database keeps the
// case's content. It returns an error wrapping ErrNotFound when there is
// no such case.
func (s *Store) DeleteCase(ctx context.Context, id int64) error {
	var sums []string
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		var title string
		err := tx.QueryRowContext(ctx, `SELECT title FROM cases WHERE id = ?`, id).Scan(&title)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("case %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT id, file_name, sha256 FROM submissions WHERE case_id = ? ORDER BY id`, id)
		if err != nil {
			return err
		}
		var files []map[string]any
		seen := map[string]bool{}
		for rows.Next() {
			var sid int64
			var name, sum string
			if err := rows.Scan(&sid, &name, &sum); err != nil {
				rows.Close()
				return err
			}
			files = append(files, map[string]any{"submission": sid, "file": name, "sha256": sum})
			if !seen[sum] {
				seen[sum] = true
				sums = append(sums, sum)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM cases WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("case %d: %w", id, ErrNotFound)
		}
		return s.Audit(ctx, tx, AuditRecord{Action: workbench.AuditCaseDeleted, Object: CaseObject(id), CaseID: id,
			Details: map[string]any{"title": title, "files": files}})
	})
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return err
		}
		return fmt.Errorf("delete case %d: %w", id, err)
	}
	var errs []error
	for _, sum := range sums {
		used, err := s.BlobReferenced(ctx, sum)
		if err == nil && !used {
			err = s.blobs.Remove(sum)
		}
		if err != nil {
			errs = append(errs, err) // a leftover is swept on the next open
		}
	}
	if err := s.TruncateWAL(ctx); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("case %d deleted, but not yet every trace of it: %w", id, err)
	}
	return nil
}

// TruncateWAL copies the write-ahead log into the database and truncates
// it to nothing, so that page images it holds — content since deleted —
// do not stay on disk. It waits (up to the busy timeout) for readers.
func (s *Store) TruncateWAL(ctx context.Context) error {
	var busy, logFrames, done int
	if err := s.db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logFrames, &done); err != nil {
		return fmt.Errorf("truncate the database log: %w", err)
	}
	if busy != 0 {
		return fmt.Errorf("truncate the database log: a reader kept it busy (%d of %d pages copied)", done, logFrames)
	}
	return nil
}
