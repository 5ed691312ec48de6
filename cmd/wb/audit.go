package main

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strconv"
	"time"

	"github.com/inspection-workbench/workbench/app"
)

// auditEntryJSON is an audit entry as wb audit list --json prints it: the
// details as a JSON object, not a string.
type auditEntryJSON struct {
	Seq      int64           `json:"seq"`
	Time     string          `json:"time"`
	User     string          `json:"user"`
	Action   string          `json:"action"`
	Object   string          `json:"object"`
	CaseID   int64           `json:"case_id,omitempty"`
	Details  json.RawMessage `json:"details"`
	PrevHash string          `json:"prev_hash"`
	Hash     string          `json:"hash"`
}

// auditListJSON is what wb audit list --json prints.
type auditListJSON struct {
	// Since is when the workspace began keeping its trail (RFC 3339, UTC):
	// changes before it were not recorded.
	Since   string           `json:"since"`
	CaseID  int64            `json:"case_id,omitempty"`
	Entries []auditEntryJSON `json:"entries"`
}

func toAuditJSON(e workbench.AuditEntry) auditEntryJSON {
	d := json.RawMessage(e.Details)
	if !json.Valid(d) {
		d, _ = json.Marshal(e.Details) // a tampered entry: show what is there
	}
	return auditEntryJSON{Seq: e.Seq, Time: e.Time.UTC().Format(time.RFC3339), User: e.User, Action: string(e.Action),
		Object: e.Object, CaseID: e.CaseID, Details: d, PrevHash: e.PrevHash, Hash: e.Hash}
}

var auditListCommand = command{
	name:    "audit list",
	summary: "list the audit trail: every change to the workspace, oldest first (--case ID for one case's, deleted cases included)",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		caseID := fs.Int64("case", 0, "only the entries about case `ID` (its files and items too); a deleted case's entries stay")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			if *caseID < 0 {
				return usagef("--case %d is not a case number", *caseID)
			}
			a, err := openWorkspace(ctx, e, false)
			if err != nil {
				return err
			}
			defer a.Close()
			since, err := a.AuditSince(ctx)
			if err != nil {
				return err
			}
			es, err := a.AuditTrail(ctx, *caseID)
			if err != nil {
				return err
			}
			if e.json {
				out := auditListJSON{Since: since.UTC().Format(time.RFC3339), CaseID: *caseID, Entries: make([]auditEntryJSON, len(es))}
				for i, en := range es {
					out.Entries[i] = toAuditJSON(en)
				}
				return writeJSON(e.stdout, out)
			}
			if _, err := fmt.Fprintf(e.stdout, "Audit trail kept since %s; changes before then were not recorded.\n",
				since.UTC().Format(time.RFC3339)); err != nil {
				return err
			}
			if len(es) == 0 {
				_, err := fmt.Fprintln(e.stdout, "No entries yet.")
				return err
			}
			rows := [][]string{{"SEQ", "TIME (UTC)", "USER", "ACTION", "OBJECT", "DETAILS"}}
			for _, en := range es {
				rows = append(rows, []string{strconv.FormatInt(en.Seq, 10), en.Time.UTC().Format(time.RFC3339), en.User,
					string(en.Action), en.Object, app.Clip(en.Details, 160)})
			}
			return writeTable(e.stdout, rows)
		}
	},
}

// errAuditTampered is wb audit verify's verdict on a broken chain (exit
// 1, after the report); the message names the first bad entry.
type errAuditTampered struct{ msg string }

func (e *errAuditTampered) Error() string { return e.msg }

var auditVerifyCommand = command{
	name:    "audit verify",
	summary: "check the audit trail's hash chain: exit 0 when intact, 1 naming the first edited, deleted, inserted or reordered entry",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			a, err := openWorkspace(ctx, e, false)
			if err != nil {
				return err
			}
			defer a.Close()
			chk, err := a.VerifyAudit(ctx)
			if err != nil {
				return err
			}
			if e.json {
				err = writeJSON(e.stdout, chk)
			} else if chk.Intact {
				_, err = fmt.Fprintf(e.stdout, "Audit trail intact: %d entries since %s\nLast hash: %s\n", chk.Entries,
					chk.Since.UTC().Format(time.RFC3339), orDash(chk.Head))
			} else {
				_, err = fmt.Fprintf(e.stdout, "Audit trail NOT intact (%d entries): first bad entry %d (%s)\n", chk.Entries, chk.BadSeq, chk.Problem)
			}
			if err != nil {
				return err
			}
			if !chk.Intact {
				return &errAuditTampered{msg: chk.Message}
			}
			return nil
		}
	},
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
