package store

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
)

// auditedStore is a store whose trail holds five entries, made by real
// changes: a case created, its inspection started, an item assessed, the
// inspection concluded and reopened.
func auditedStore(t *testing.T) *Store {
	t.Helper()
	ctx := context.Background()
	s := openTest(t, t.TempDir())
	id, err := s.CreateCase(ctx, sampleCase())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.StartInspection(ctx, Inspection{CaseID: id, TemplateID: "t", TemplateVersion: "1", Template: "x"}, []string{"a", "b"}); err != nil {
		t.Fatal(err)
	}
	r := "compliant"
	note := "机密备注 must not reach the trail"
	for _, it := range []string{"a", "b"} {
		if err := s.UpdateInspectionItem(ctx, id, it, ItemUpdate{Result: &r, Note: &note}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.ConcludeInspection(ctx, id); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "audit_log"); n != 5 {
		t.Fatalf("%d audit entries, want 5", n)
	}
	return s
}

func verify(t *testing.T, s *Store) workbench.AuditCheck {
	t.Helper()
	chk, err := s.VerifyAudit(context.Background())
	if err != nil {
		t.Fatalf("VerifyAudit: %v", err)
	}
	return chk
}

func exec(t *testing.T, s *Store, q string, args ...any) {
	t.Helper()
	if _, err := s.DB().Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func TestAuditTrailRecordsChangesInOrder(t *testing.T) {
	s := auditedStore(t)
	es, err := s.AuditEntries(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []workbench.AuditAction{workbench.AuditCaseCreated, workbench.AuditInspectionStarted,
		workbench.AuditItemAssessed, workbench.AuditItemAssessed, workbench.AuditInspectionConcluded}
	prev := ""
	for i, e := range es {
		if e.Seq != int64(i+1) || e.Action != want[i] || e.CaseID != 1 || e.User == "" || e.Time.IsZero() {
			t.Errorf("entry %d = %+v; want action %s of case 1", i+1, e, want[i])
		}
		if e.PrevHash != prev || len(e.Hash) != 64 {
			t.Errorf("entry %d: prev_hash %q, hash %q; want prev %q", i+1, e.PrevHash, e.Hash, prev)
		}
		prev = e.Hash
		var d map[string]any
		if err := json.Unmarshal([]byte(e.Details), &d); err != nil {
			t.Errorf("entry %d: details %q: %v", i+1, e.Details, err)
		}
		if strings.Contains(e.Details, "机密") {
			t.Errorf("entry %d records content: %s", i+1, e.Details)
		}
	}
	if es[0].Object != "case/1" || es[2].Object != "case/1/item/a" || !strings.Contains(es[2].Details, `"result":"compliant"`) ||
		!strings.Contains(es[2].Details, `"text_changed":["note"]`) {
		t.Errorf("entries: %+v", es)
	}
	chk := verify(t, s)
	if !chk.Intact || chk.Entries != 5 || chk.Head != es[4].Hash || chk.Since.IsZero() {
		t.Errorf("VerifyAudit = %+v; want intact with 5 entries", chk)
	}
}

// A failed change leaves no entry.
func TestAuditFailedChangeLeavesNoEntry(t *testing.T) {
	s := auditedStore(t)
	r := "compliant"
	if err := s.UpdateInspectionItem(context.Background(), 1, "a", ItemUpdate{Result: &r}); err == nil {
		t.Fatal("updating a concluded inspection succeeded")
	}
	if err := s.UpdateInspectionItem(context.Background(), 99, "a", ItemUpdate{Result: &r}); err == nil {
		t.Fatal("updating an unknown case succeeded")
	}
	if n := count(t, s, "audit_log"); n != 5 {
		t.Errorf("%d audit entries after failed changes, want 5", n)
	}
}

func TestAuditFindsEditedEntry(t *testing.T) {
	s := auditedStore(t)
	exec(t, s, `UPDATE audit_log SET details = '{"result":"non_compliant"}' WHERE seq = 3`)
	chk := verify(t, s)
	if chk.Intact || chk.Problem != workbench.AuditEdited || chk.BadSeq != 3 || !strings.Contains(chk.Message, "entry 3") {
		t.Errorf("after editing entry 3: %+v", chk)
	}
}

func TestAuditFindsDeletedEntry(t *testing.T) {
	s := auditedStore(t)
	exec(t, s, `DELETE FROM audit_log WHERE seq = 3`)
	chk := verify(t, s)
	if chk.Intact || chk.Problem != workbench.AuditDeleted || chk.BadSeq != 4 || !strings.Contains(chk.Message, "before entry 4") {
		t.Errorf("after deleting entry 3: %+v", chk)
	}
	// Deleted and the rest renumbered to hide the gap.
	s = auditedStore(t)
	exec(t, s, `DELETE FROM audit_log WHERE seq = 3`)
	exec(t, s, `UPDATE audit_log SET seq = seq - 1 WHERE seq > 3`)
	if chk := verify(t, s); chk.Problem != workbench.AuditDeleted || chk.BadSeq != 3 {
		t.Errorf("after deleting entry 3 and renumbering: %+v", chk)
	}
	// The last entry deleted: the head still names it.
	s = auditedStore(t)
	exec(t, s, `DELETE FROM audit_log WHERE seq = 5`)
	if chk := verify(t, s); chk.Problem != workbench.AuditDeleted || chk.BadSeq != 5 || !strings.Contains(chk.Message, "from the end") {
		t.Errorf("after deleting the last entry: %+v", chk)
	}
}

// forge writes an entry as the workbench would, with a correct hash.
func forge(t *testing.T, s *Store, seq int64, prev string) {
	t.Helper()
	e := workbench.AuditEntry{Seq: seq, User: "mallory", Action: workbench.AuditCaseDeleted, Object: "case/1", CaseID: 1, Details: "{}", PrevHash: prev}
	at := "2026-01-01T00:00:00Z"
	e.Hash = AuditHash(e, at)
	exec(t, s, `INSERT INTO audit_log (seq, at, os_user, action, object, case_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.Seq, at, e.User, string(e.Action), e.Object, e.CaseID, e.Details, e.PrevHash, e.Hash)
}

func hashOf(t *testing.T, s *Store, seq int64) string {
	t.Helper()
	var h string
	if err := s.DB().QueryRow(`SELECT hash FROM audit_log WHERE seq = ?`, seq).Scan(&h); err != nil {
		t.Fatal(err)
	}
	return h
}

func TestAuditFindsInsertedEntry(t *testing.T) {
	// A forged entry, correctly hashed and linked to entry 2, slipped in
	// as entry 3 with the later ones moved up.
	s := auditedStore(t)
	exec(t, s, `UPDATE audit_log SET seq = seq + 100 WHERE seq >= 3`)
	exec(t, s, `UPDATE audit_log SET seq = seq - 99 WHERE seq > 100`)
	forge(t, s, 3, hashOf(t, s, 2))
	chk := verify(t, s)
	if chk.Intact || chk.Problem != workbench.AuditInserted || chk.BadSeq != 3 {
		t.Errorf("after inserting entry 3: %+v", chk)
	}
	// A forged entry appended after the last.
	s = auditedStore(t)
	forge(t, s, 6, hashOf(t, s, 5))
	if chk := verify(t, s); chk.Problem != workbench.AuditInserted || chk.BadSeq != 6 {
		t.Errorf("after appending entry 6: %+v", chk)
	}
	// A copy of entry 2 appended.
	s = auditedStore(t)
	exec(t, s, `INSERT INTO audit_log (seq, at, os_user, action, object, case_id, details, prev_hash, hash)
		SELECT 6, at, os_user, action, object, case_id, details, prev_hash, hash FROM audit_log WHERE seq = 2`)
	if chk := verify(t, s); chk.Problem != workbench.AuditInserted || chk.BadSeq != 6 {
		t.Errorf("after appending a copy of entry 2: %+v", chk)
	}
}

func TestAuditFindsReorderedEntries(t *testing.T) {
	s := auditedStore(t)
	exec(t, s, `UPDATE audit_log SET seq = 100 WHERE seq = 2`)
	exec(t, s, `UPDATE audit_log SET seq = 2 WHERE seq = 4`)
	exec(t, s, `UPDATE audit_log SET seq = 4 WHERE seq = 100`)
	chk := verify(t, s)
	if chk.Intact || chk.Problem != workbench.AuditReordered || chk.BadSeq != 2 {
		t.Errorf("after swapping entries 2 and 4: %+v", chk)
	}
}

// Deleting a case keeps its entries and adds one naming what went.
func TestDeleteCaseKeepsAuditEntries(t *testing.T) {
	s := auditedStore(t)
	if err := s.DeleteCase(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	es, err := s.AuditEntries(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 6 || es[5].Action != workbench.AuditCaseDeleted || !strings.Contains(es[5].Details, `"title"`) {
		t.Errorf("entries of case 1 after deleting it: %+v", es)
	}
	if chk := verify(t, s); !chk.Intact {
		t.Errorf("VerifyAudit after deleting a case: %+v", chk)
	}
	if es, _ := s.AuditEntries(context.Background(), 2); len(es) != 0 {
		t.Errorf("entries of case 2: %+v", es)
	}
}

// A workspace from before the trail gets it on opening, empty and intact.
func TestAuditTrailMigratesOldWorkspace(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "workspaces", "schema-v1", DatabaseFile))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, DatabaseFile), src, 0o600); err != nil {
		t.Fatal(err)
	}
	s := openTest(t, dir)
	chk := verify(t, s)
	if !chk.Intact || chk.Entries != 0 || chk.Since.IsZero() {
		t.Errorf("VerifyAudit of a migrated workspace: %+v", chk)
	}
	if err := s.AppendAudit(context.Background(), AuditRecord{Action: workbench.AuditExportWritten, Object: CaseObject(1), CaseID: 1}); err != nil {
		t.Fatal(err)
	}
	if chk := verify(t, s); !chk.Intact || chk.Entries != 1 {
		t.Errorf("after the first entry: %+v", chk)
	}
	exec(t, s, `DELETE FROM audit_head`)
	if chk := verify(t, s); chk.Intact || chk.Problem != workbench.AuditDeleted {
		t.Errorf("without the head: %+v", chk)
	}
}
