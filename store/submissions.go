package store

import (
	"encoding/json"
	"github.com/inspection-workbench/workbench"

	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// maxStoredWarnings bounds the warnings kept per submission; the count is
// always exact.
const maxStoredWarnings = 10000

// recordBatch is how many records one INSERT statement carries.
const recordBatch = 100

// SubmissionBySHA finds the submission of the given content in a case.
func (s *Store) SubmissionBySHA(ctx context.Context, caseID int64, sum string) (workbench.Submission, bool, error) {
	sub, err := scanSubmission(s.db.QueryRowContext(ctx, `SELECT `+submissionColumns+` FROM submissions WHERE case_id = ? AND sha256 = ?`, caseID, sum))
	if errors.Is(err, sql.ErrNoRows) {
		return sub, false, nil
	}
	if err != nil {
		return sub, false, fmt.Errorf("look up submission: %w", err)
	}
	return sub, true, nil
}

// BlobReferenced reports whether any submission holds the blob.
func (s *Store) BlobReferenced(ctx context.Context, sum string) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM submissions WHERE sha256 = ? LIMIT 1`, sum).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// SubmissionWriter adds one submission and its records in a single
// transaction: all of it is stored by Commit, none of it after Rollback.
type SubmissionWriter struct {
	ctx   context.Context
	store *Store
	conn  *sql.Conn // the connection of tx, with the import's larger page cache
	tx    *sql.Tx
	sub   workbench.Submission
	batch *sql.Stmt
	buf   []workbench.RecordRow
	args  []any
	n     int
	// passages counts the passages written.
	passages int
}

// BeginSubmission starts writing sub (ID, record and warning counts are
// filled in by the writer). The case must exist.
func (s *Store) BeginSubmission(ctx context.Context, sub workbench.Submission) (*SubmissionWriter, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin import: %w", err)
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", importCacheSize)); err != nil {
		conn.Close()
		return nil, fmt.Errorf("begin import: %w", err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		releaseImportConn(conn)
		return nil, fmt.Errorf("begin import: %w", err)
	}
	w := &SubmissionWriter{ctx: ctx, store: s, conn: conn, tx: tx, sub: sub}
	sub.ImportedAt = s.now().UTC()
	res, err := tx.ExecContext(ctx, `INSERT INTO submissions (case_id, sha256, file_name, size, kind, label, format, encoding, importer_version, imported_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		sub.CaseID, sub.SHA256, sub.FileName, sub.Size, sub.Kind, sub.Label, sub.Format, sub.Encoding, sub.ImporterVersion,
		sub.ImportedAt.Format(time.RFC3339Nano))
	if err != nil {
		w.abandon()
		if strings.Contains(err.Error(), "FOREIGN KEY") {
			return nil, fmt.Errorf("case %d: %w", sub.CaseID, ErrNotFound)
		}
		return nil, fmt.Errorf("record submission %s: %w", sub.FileName, err)
	}
	if sub.ID, err = res.LastInsertId(); err != nil {
		w.abandon()
		return nil, fmt.Errorf("record submission %s: %w", sub.FileName, err)
	}
	w.sub = sub
	w.batch, err = tx.PrepareContext(ctx, insertRecords(recordBatch))
	if err != nil {
		w.abandon()
		return nil, fmt.Errorf("prepare record insert: %w", err)
	}
	w.buf = make([]workbench.RecordRow, 0, recordBatch)
	w.args = make([]any, 0, recordBatch*6)
	return w, nil
}

func insertRecords(n int) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO records (submission_id, sheet, row_no, ref, fields, extra) VALUES `)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("(?, ?, ?, ?, ?, ?)")
	}
	return b.String()
}

// Add queues one record; records are written in batches.
func (w *SubmissionWriter) Add(r workbench.RecordRow) error {
	w.buf = append(w.buf, r)
	if len(w.buf) == recordBatch {
		return w.flush()
	}
	return nil
}

func (w *SubmissionWriter) flush() error {
	if len(w.buf) == 0 {
		return nil
	}
	w.args = w.args[:0]
	for _, r := range w.buf {
		extra := r.Extra
		if extra == "" {
			extra = "{}"
		}
		w.args = append(w.args, w.sub.ID, r.Sheet, r.Row, r.Ref, r.Fields, extra)
	}
	var err error
	if len(w.buf) == recordBatch {
		_, err = w.batch.ExecContext(w.ctx, w.args...)
	} else {
		_, err = w.tx.ExecContext(w.ctx, insertRecords(len(w.buf)), w.args...)
	}
	if err != nil {
		return fmt.Errorf("store records: %w", err)
	}
	w.n += len(w.buf)
	w.buf = w.buf[:0]
	return nil
}

// AddPassage writes one passage of a document submission.
func (w *SubmissionWriter) AddPassage(p workbench.PassageRow) error {
	if p.HeadingPath == "" {
		p.HeadingPath = "[]"
	}
	if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO passages (submission_id, seq, page, paragraph, line, heading_path, is_heading, tbl, tbl_row, tbl_cell, footnote, part, comment, author, text)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, w.sub.ID, p.Seq, p.Page, p.Paragraph, p.Line, p.HeadingPath, p.Heading,
		p.Table, p.Row, p.Cell, p.Footnote, p.Part, p.Comment, p.Author, p.Text); err != nil {
		return fmt.Errorf("store passage %d: %w", p.Seq, err)
	}
	w.passages++
	return nil
}

// Commit writes what is queued, the warnings (up to a bound; total is the
// full count) and the counts, and commits. The writer is done afterwards.
func (w *SubmissionWriter) Commit(warnings []workbench.Warning, total int) (workbench.Submission, error) {
	defer w.batch.Close()
	if err := w.flush(); err != nil {
		w.abandon()
		return workbench.Submission{}, err
	}
	for i, wa := range warnings {
		if i >= maxStoredWarnings {
			break
		}
		var args []byte
		if len(wa.Args) > 0 {
			var err error
			if args, err = json.Marshal(wa.Args); err != nil {
				w.abandon()
				return workbench.Submission{}, fmt.Errorf("store warnings: %w", err)
			}
		}
		if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO submission_warnings (submission_id, seq, location, message, reason, args) VALUES (?, ?, ?, ?, ?, ?)`,
			w.sub.ID, i+1, wa.Location, wa.Message, string(wa.Reason), string(args)); err != nil {
			w.abandon()
			return workbench.Submission{}, fmt.Errorf("store warnings: %w", err)
		}
	}
	w.sub.Records, w.sub.Passages, w.sub.Warnings = w.n, w.passages, max(total, len(warnings))
	if _, err := w.tx.ExecContext(w.ctx, `UPDATE submissions SET record_count = ?, passage_count = ?, warning_count = ? WHERE id = ?`,
		w.sub.Records, w.sub.Passages, w.sub.Warnings, w.sub.ID); err != nil {
		w.abandon()
		return workbench.Submission{}, fmt.Errorf("store counts: %w", err)
	}
	if err := w.store.Audit(w.ctx, w.tx, AuditRecord{Action: workbench.AuditFileImported, Object: SubmissionObject(w.sub.ID), CaseID: w.sub.CaseID,
		Details: map[string]any{"file": w.sub.FileName, "sha256": w.sub.SHA256, "size": w.sub.Size, "kind": w.sub.Kind, "label": w.sub.Label,
			"records": w.sub.Records, "passages": w.sub.Passages}}); err != nil {
		w.abandon()
		return workbench.Submission{}, err
	}
	err := w.tx.Commit()
	releaseImportConn(w.conn)
	if err != nil {
		return workbench.Submission{}, fmt.Errorf("commit import: %w", err)
	}
	return w.sub, nil
}

// Rollback abandons the submission; nothing of it is stored.
func (w *SubmissionWriter) Rollback() {
	w.batch.Close()
	w.abandon()
}

// abandon rolls the transaction back and gives the connection back.
func (w *SubmissionWriter) abandon() {
	w.tx.Rollback()
	releaseImportConn(w.conn)
}

// Page cache sizes, in SQLite's negative-KiB form. An import writes with a
// large cache (13% faster on a 1M-row log); every other connection keeps a
// small one, which bounds the memory of reading a large case (an export of
// 100k evidence links) and of the pool as a whole.
const (
	importCacheSize  = -65536 // 64 MiB
	defaultCacheSize = -16384 // 16 MiB
)

// releaseImportConn sets an import connection's cache back to the default,
// which frees the pages above it, and returns it to the pool.
func releaseImportConn(conn *sql.Conn) {
	_, _ = conn.ExecContext(context.Background(), fmt.Sprintf("PRAGMA cache_size = %d", defaultCacheSize))
	conn.Close()
}

const submissionColumns = `id, case_id, sha256, file_name, size, kind, label, format, encoding, importer_version, imported_at, record_count, passage_count, warning_count`

// scanSubmission reads the submissionColumns of a row, then into extra
// whatever columns the query selects after them.
func scanSubmission(row interface{ Scan(...any) error }, extra ...any) (workbench.Submission, error) {
	var sub workbench.Submission
	var at string
	err := row.Scan(append([]any{&sub.ID, &sub.CaseID, &sub.SHA256, &sub.FileName, &sub.Size, &sub.Kind, &sub.Label, &sub.Format,
		&sub.Encoding, &sub.ImporterVersion, &at, &sub.Records, &sub.Passages, &sub.Warnings}, extra...)...)
	sub.ImportedAt = parseTime(at)
	return sub, err
}

// ListSubmissions returns a case's submissions in import order.
func (s *Store) ListSubmissions(ctx context.Context, caseID int64) ([]workbench.Submission, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+submissionColumns+` FROM submissions WHERE case_id = ? ORDER BY id`, caseID)
	if err != nil {
		return nil, fmt.Errorf("list submissions: %w", err)
	}
	defer rows.Close()
	out := []workbench.Submission{}
	for rows.Next() {
		sub, err := scanSubmission(rows)
		if err != nil {
			return nil, fmt.Errorf("list submissions: %w", err)
		}
		out = append(out, sub)
	}
	return out, rows.Err()
}

// GetSubmission returns one submission, or an error wrapping ErrNotFound.
func (s *Store) GetSubmission(ctx context.Context, id int64) (workbench.Submission, error) {
	sub, err := scanSubmission(s.db.QueryRowContext(ctx, `SELECT `+submissionColumns+` FROM submissions WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return sub, fmt.Errorf("submission %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return sub, fmt.Errorf("read submission %d: %w", id, err)
	}
	return sub, nil
}

// SubmissionWarnings returns the stored warnings of a submission.
func (s *Store) SubmissionWarnings(ctx context.Context, id int64) ([]workbench.Warning, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT location, message, reason, args FROM submission_warnings WHERE submission_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, fmt.Errorf("read warnings: %w", err)
	}
	defer rows.Close()
	out := []workbench.Warning{}
	for rows.Next() {
		var w workbench.Warning
		var reason, args string
		if err := rows.Scan(&w.Location, &w.Message, &reason, &args); err != nil {
			return nil, fmt.Errorf("read warnings: %w", err)
		}
		w.Reason = workbench.Reason(reason)
		if args != "" {
			// Damaged arguments leave the English message, which is kept.
			if json.Unmarshal([]byte(args), &w.Args) != nil {
				w.Reason, w.Args = "", nil
			}
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

// Records returns one page of a submission's records in file order:
// limit rows after skipping offset. Pages come straight from SQLite, so a
// browser never holds more than one page in memory. A submission's records
// are written in one transaction by the single writer SQLite allows, so
// their ids are consecutive and a page at any offset is an index seek.
func (s *Store) Records(ctx context.Context, submissionID int64, offset, limit int) ([]workbench.RecordRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, sheet, row_no, ref, fields, extra FROM records
		WHERE submission_id = ?1 AND id >= (SELECT min(id) FROM records WHERE submission_id = ?1) + ?2
		ORDER BY id LIMIT ?3`, submissionID, offset, limit)
	if err != nil {
		return nil, fmt.Errorf("read records: %w", err)
	}
	return scanRecords(rows, max(0, min(limit, 1000)))
}

// Passages returns one page of a document's passages in reading order.
func (s *Store) Passages(ctx context.Context, submissionID int64, offset, limit int) ([]workbench.PassageRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, seq, page, paragraph, line, heading_path, is_heading, tbl, tbl_row, tbl_cell, footnote, part, comment, author, text
		FROM passages WHERE submission_id = ? AND seq > ? ORDER BY seq LIMIT ?`, submissionID, offset, limit)
	if err != nil {
		return nil, fmt.Errorf("read passages: %w", err)
	}
	defer rows.Close()
	out := []workbench.PassageRow{}
	for rows.Next() {
		var p workbench.PassageRow
		if err := rows.Scan(&p.ID, &p.Seq, &p.Page, &p.Paragraph, &p.Line, &p.HeadingPath, &p.Heading, &p.Table, &p.Row, &p.Cell, &p.Footnote,
			&p.Part, &p.Comment, &p.Author, &p.Text); err != nil {
			return nil, fmt.Errorf("read passages: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
