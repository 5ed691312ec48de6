package store

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/user"
	"strconv"
	"strings"
	"sync"
	"time"
)

// auditMigration is the name of the migration that made the audit trail;
// when it was applied is when the trail begins.
const auditMigration = "audit"

// AuditRecord is a change to append to the audit trail. Details hold only
// ids, names, vocabulary codes and hashes — never the content of a file,
// a record, a note or a finding.
type AuditRecord struct {
	Action  workbench.AuditAction
	Object  string // see CaseObject, SubmissionObject, ItemObject
	CaseID  int64  // the case the change concerns, 0 when none
	Details map[string]any
}

// CaseObject names a case as an audit object: "case/3".
func CaseObject(id int64) string { return "case/" + strconv.FormatInt(id, 10) }

// SubmissionObject names a submission as an audit object: "submission/12".
func SubmissionObject(id int64) string { return "submission/" + strconv.FormatInt(id, 10) }

// ItemObject names a checklist item of a case as an audit object:
// "case/3/item/art7-3-personal-information".
func ItemObject(caseID int64, item string) string { return CaseObject(caseID) + "/item/" + item }

// OSUser is the operating-system user the audit trail names: the login
// name from os/user, else $USER, else $USERNAME, else "unknown".
var OSUser = sync.OnceValue(func() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, v := range []string{"USER", "USERNAME"} {
		if s := os.Getenv(v); s != "" {
			return s
		}
	}
	return "unknown"
})

// AuditHash is the SHA-256, in hex, of an entry's canonical encoding: a
// version tag and the JSON array of its time (as stored), user, action,
// object, case id, details and the previous entry's hash. The sequence
// number is not part of it: the order of the chain is given by the
// links, so a renumbered, moved or missing entry breaks a link.
func AuditHash(e workbench.AuditEntry, at string) string {
	b, _ := json.Marshal([]any{at, e.User, string(e.Action), e.Object, e.CaseID, e.Details, e.PrevHash})
	h := sha256.New()
	h.Write([]byte("wb-audit-1\n"))
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// Audit appends r to the audit trail inside tx, the transaction of the
// change it records, so that the entry is written if and only if the
// change is. Every change to a workspace goes through it.
func (s *Store) Audit(ctx context.Context, tx *sql.Tx, r AuditRecord) error {
	details := "{}"
	if len(r.Details) > 0 {
		b, err := json.Marshal(r.Details)
		if err != nil {
			return fmt.Errorf("audit %s: %w", r.Action, err)
		}
		details = string(b)
	}
	var seq int64
	var prev string
	if err := tx.QueryRowContext(ctx, `SELECT seq, hash FROM audit_head WHERE one = 1`).Scan(&seq, &prev); err != nil {
		return fmt.Errorf("audit %s: read the trail's head: %w", r.Action, err)
	}
	at := s.timestamp()
	e := workbench.AuditEntry{Seq: seq + 1, User: OSUser(), Action: r.Action, Object: r.Object, CaseID: r.CaseID, Details: details, PrevHash: prev}
	e.Hash = AuditHash(e, at)
	if _, err := tx.ExecContext(ctx, `INSERT INTO audit_log (seq, at, os_user, action, object, case_id, details, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.Seq, at, e.User, string(e.Action), e.Object, e.CaseID, e.Details, e.PrevHash, e.Hash); err != nil {
		return fmt.Errorf("audit %s: %w", r.Action, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE audit_head SET seq = ?, hash = ? WHERE one = 1`, e.Seq, e.Hash); err != nil {
		return fmt.Errorf("audit %s: %w", r.Action, err)
	}
	return nil
}

// AppendAudit appends r in a transaction of its own, for a change that
// is not in the database (an export written, a key created).
func (s *Store) AppendAudit(ctx context.Context, r AuditRecord) error {
	return s.WithTx(ctx, func(tx *sql.Tx) error { return s.Audit(ctx, tx, r) })
}

// AuditEntries lists the audit trail in order; with caseID > 0 only the
// entries about that case (including its submissions and items).
func (s *Store) AuditEntries(ctx context.Context, caseID int64) ([]workbench.AuditEntry, error) {
	q := `SELECT seq, at, os_user, action, object, case_id, details, prev_hash, hash FROM audit_log`
	var args []any
	if caseID > 0 {
		q += ` WHERE case_id = ?`
		args = append(args, caseID)
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY seq`, args...)
	if err != nil {
		return nil, fmt.Errorf("read the audit trail: %w", err)
	}
	defer rows.Close()
	out := []workbench.AuditEntry{}
	for rows.Next() {
		e, _, err := scanAudit(rows)
		if err != nil {
			return nil, fmt.Errorf("read the audit trail: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func scanAudit(row interface{ Scan(...any) error }) (workbench.AuditEntry, string, error) {
	var e workbench.AuditEntry
	var at, action string
	err := row.Scan(&e.Seq, &at, &e.User, &action, &e.Object, &e.CaseID, &e.Details, &e.PrevHash, &e.Hash)
	e.Action = workbench.AuditAction(action)
	e.Time = parseTime(at)
	return e, at, err
}

// AuditSince is when the workspace began keeping its audit trail (the
// schema migration that added it); changes before it were not recorded.
func (s *Store) AuditSince(ctx context.Context) (time.Time, error) {
	var at string
	err := s.db.QueryRowContext(ctx, `SELECT applied_at FROM schema_migrations WHERE name = ?`, auditMigration).Scan(&at)
	if err != nil {
		return time.Time{}, fmt.Errorf("read when the audit trail began: %w", err)
	}
	return parseTime(at), nil
}

// VerifyAudit checks the audit trail's hash chain and names the first bad
// entry: one whose content no longer matches its hash (edited), one that
// follows a missing entry or a trail whose last entries are gone
// (deleted), one the workbench did not write in its place (inserted), or
// one that stands before an entry written earlier (reordered).
func (s *Store) VerifyAudit(ctx context.Context) (workbench.AuditCheck, error) {
	var chk workbench.AuditCheck
	var err error
	if chk.Since, err = s.AuditSince(ctx); err != nil {
		return chk, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT seq, at, os_user, action, object, case_id, details, prev_hash, hash FROM audit_log ORDER BY seq`)
	if err != nil {
		return chk, fmt.Errorf("verify the audit trail: %w", err)
	}
	var es []workbench.AuditEntry
	var ats []string
	for rows.Next() {
		e, at, err := scanAudit(rows)
		if err != nil {
			rows.Close()
			return chk, fmt.Errorf("verify the audit trail: %w", err)
		}
		es, ats = append(es, e), append(ats, at)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return chk, fmt.Errorf("verify the audit trail: %w", err)
	}
	var headSeq int64
	var headHash string
	err = s.db.QueryRowContext(ctx, `SELECT seq, hash FROM audit_head WHERE one = 1`).Scan(&headSeq, &headHash)
	headMissing := errors.Is(err, sql.ErrNoRows)
	if err != nil && !headMissing {
		return chk, fmt.Errorf("verify the audit trail: %w", err)
	}
	chk.Entries = len(es)
	if len(es) > 0 {
		chk.Head = es[len(es)-1].Hash
	}
	if p, seq, msg := checkChain(es, ats, headMissing, headSeq, headHash); p != "" {
		chk.Problem, chk.BadSeq, chk.Message = p, seq, msg
		return chk, nil
	}
	chk.Intact = true
	return chk, nil
}

// checkChain walks the entries in order and returns the first problem, the
// number of the entry it names and an English message ("" when intact).
func checkChain(es []workbench.AuditEntry, ats []string, headMissing bool, headSeq int64, headHash string) (workbench.AuditProblem, int64, string) {
	at := map[string]int{} // hash → first index holding it
	for i, e := range es {
		if _, dup := at[e.Hash]; !dup {
			at[e.Hash] = i
		}
	}
	want := ""
	var lastSeq int64
	for i, e := range es {
		if AuditHash(e, ats[i]) != e.Hash {
			return workbench.AuditEdited, e.Seq, fmt.Sprintf("audit entry %d was edited: its content no longer matches its hash", e.Seq)
		}
		if j := at[e.Hash]; j < i {
			return workbench.AuditInserted, e.Seq, fmt.Sprintf("audit entry %d was inserted: it repeats entry %d", e.Seq, es[j].Seq)
		}
		if e.PrevHash == want {
			if e.Seq != lastSeq+1 {
				return workbench.AuditEdited, e.Seq, fmt.Sprintf("audit entry %d was renumbered: it follows entry %d", e.Seq, lastSeq)
			}
			want, lastSeq = e.Hash, e.Seq
			continue
		}
		j, found := at[e.PrevHash]
		switch {
		case found && j > i:
			return workbench.AuditReordered, e.Seq, fmt.Sprintf("audit entries were reordered: entry %d was written after entry %d, which now follows it", e.Seq, es[j].Seq)
		case found:
			// e was written right after es[j]: what stands between was not.
			return workbench.AuditInserted, es[j+1].Seq, fmt.Sprintf("audit entry %d was inserted: entry %d was written right after entry %d", es[j+1].Seq, e.Seq, es[j].Seq)
		case i == 0:
			return workbench.AuditDeleted, e.Seq, fmt.Sprintf("audit entries before entry %d were deleted: it was written after an entry the trail no longer holds", e.Seq)
		}
		return workbench.AuditDeleted, e.Seq, fmt.Sprintf("an audit entry before entry %d was deleted: it was written after an entry the trail no longer holds, not after entry %d", e.Seq, lastSeq)
	}
	switch {
	case headMissing:
		return workbench.AuditDeleted, lastSeq + 1, "the audit trail's head (its last entry's number and hash) was deleted"
	case want == headHash:
		return "", 0, ""
	}
	if j, found := at[headHash]; found {
		return workbench.AuditInserted, es[j+1].Seq, fmt.Sprintf("audit entry %d was inserted: the trail ended at entry %d", es[j+1].Seq, es[j].Seq)
	}
	if headSeq > lastSeq {
		return workbench.AuditDeleted, lastSeq + 1, fmt.Sprintf("audit entries %s were deleted from the end of the trail", seqRange(lastSeq+1, headSeq))
	}
	return workbench.AuditEdited, lastSeq, fmt.Sprintf("the audit trail's last entry %d is not the one the workbench wrote last", lastSeq)
}

func seqRange(from, to int64) string {
	if from == to {
		return strconv.FormatInt(from, 10)
	}
	return strconv.FormatInt(from, 10) + "–" + strconv.FormatInt(to, 10)
}

// itemAuditDetails is what an item update changed, for the audit trail:
// the result and severity codes, the names of the text fields written
// (their text is content and stays out) and the evidence targets added
// and removed.
func itemAuditDetails(u ItemUpdate, into map[string]any) map[string]any {
	if into == nil {
		into = map[string]any{}
	}
	if u.Result != nil {
		into["result"] = *u.Result
	}
	if u.Severity != nil {
		into["severity"] = *u.Severity
	}
	if u.Deadline != nil {
		into["deadline"] = *u.Deadline
	}
	var texts []string
	if u.Note != nil {
		texts = append(texts, "note")
	}
	if u.Finding != nil {
		texts = append(texts, "finding")
	}
	if len(texts) > 0 {
		into["text_changed"] = texts
	}
	if len(u.Evidence) > 0 {
		var added []string
		for _, ev := range u.Evidence {
			added = append(added, ev.Target)
		}
		into["evidence_added"] = added
	}
	if len(u.RemoveEvidence) > 0 {
		into["evidence_removed"] = u.RemoveEvidence
	}
	return into
}

// auditItemUpdate records one item update inside tx.
func (s *Store) auditItemUpdate(ctx context.Context, tx *sql.Tx, caseID int64, itemID string, u ItemUpdate) error {
	return s.Audit(ctx, tx, AuditRecord{Action: workbench.AuditItemAssessed, Object: ItemObject(caseID, itemID), CaseID: caseID,
		Details: itemAuditDetails(u, nil)})
}

// splitLines splits a newline-joined list, dropping blanks.
func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
