package main

import (
	"bytes"
	"database/sql"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAuditCommands(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	ok(t, "case", "new", "--workspace", ws, "--provider", "星河智算", "--service", "星河对话", "--inspector", "张明")
	ok(t, "import", "--workspace", ws, "--case", "1", sampleFile("annotation-qa.csv"))
	ok(t, "case", "new", "--workspace", ws, "--provider", "星河智算", "--service", "星河绘图")

	out := ok(t, "audit", "list", "--workspace", ws)
	for _, want := range []string{"Audit trail kept since ", "changes before then were not recorded", "case_created", "file_imported", "submission/1", "case/2"} {
		if !strings.Contains(out, want) {
			t.Errorf("audit list lacks %q:\n%s", want, out)
		}
	}
	var list struct {
		Since   string `json:"since"`
		Entries []struct {
			Seq     int64          `json:"seq"`
			Action  string         `json:"action"`
			Object  string         `json:"object"`
			CaseID  int64          `json:"case_id"`
			Details map[string]any `json:"details"`
			Hash    string         `json:"hash"`
		} `json:"entries"`
	}
	decode(t, ok(t, "audit", "list", "--workspace", ws, "--case", "1", "--json"), &list)
	if list.Since == "" || len(list.Entries) != 2 || list.Entries[1].Action != "file_imported" || list.Entries[1].Details["file"] != "annotation-qa.csv" ||
		len(list.Entries[1].Details["sha256"].(string)) != 64 || list.Entries[0].CaseID != 1 {
		t.Errorf("audit list --case 1 --json: %+v", list)
	}
	if out := ok(t, "audit", "list", "--workspace", ws, "--case", "9"); !strings.Contains(out, "No entries yet.") {
		t.Errorf("audit list --case 9: %q", out)
	}
	assertFailure(t, wb(t, nil, "audit", "list", "--workspace", ws, "--case", "x"), 2)
	if out := ok(t, "audit", "verify", "--workspace", ws); !strings.HasPrefix(out, "Audit trail intact: 3 entries since ") {
		t.Errorf("audit verify: %q", out)
	}

	db, err := sql.Open("sqlite", filepath.Join(ws, "workbench.db"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`UPDATE audit_log SET os_user = 'someone else' WHERE seq = 2`)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	r := wb(t, nil, "audit", "verify", "--workspace", ws)
	if r.code != 1 || r.stderr != "wb audit verify: audit entry 2 was edited: its content no longer matches its hash\n" ||
		!strings.Contains(r.stdout, "first bad entry 2 (edited)") {
		t.Errorf("audit verify after tampering: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	var chk struct {
		Intact  bool   `json:"intact"`
		BadSeq  int64  `json:"bad_seq"`
		Problem string `json:"problem"`
	}
	r = wb(t, nil, "audit", "verify", "--workspace", ws, "--json")
	decode(t, r.stdout, &chk)
	if r.code != 1 || chk.Intact || chk.BadSeq != 2 || chk.Problem != "edited" {
		t.Errorf("audit verify --json after tampering: exit %d, %+v", r.code, chk)
	}
}

// TestCaseDeleteLeavesNoTrace: wb case delete --yes leaves none of the
// case's content in any file of the workspace, and its audit entries.
func TestCaseDeleteLeavesNoTrace(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	ok(t, "case", "new", "--workspace", ws, "--provider", "星河智算", "--service", "星河对话")
	ok(t, "import", "--workspace", ws, "--case", "1", filepath.Join("..", "..", "testdata", "securedelete", "incidents-unique.csv"))
	const secret = "qzxsecretmarker"
	if r := wb(t, nil, "search", "--workspace", ws, "--case", "1", secret); r.code != 0 || !strings.Contains(r.stdout, "2 hits") {
		t.Fatalf("search before deleting: %+v", r)
	}
	holding := func() []string {
		var found []string
		filepath.WalkDir(ws, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if b, err := os.ReadFile(p); err == nil && bytes.Contains(b, []byte(secret)) {
				rel, _ := filepath.Rel(ws, p)
				found = append(found, rel)
			}
			return nil
		})
		return found
	}
	if got := strings.Join(holding(), " "); !strings.Contains(got, "workbench.db") || !strings.Contains(got, "blobs") {
		t.Fatalf("before deleting, the string is in %q", got)
	}
	ok(t, "case", "delete", "--workspace", ws, "1", "--yes")
	if found := holding(); len(found) > 0 {
		t.Errorf("after wb case delete, %s is still in %v", secret, found)
	}
	out := ok(t, "audit", "list", "--workspace", ws, "--case", "1")
	if !strings.Contains(out, "case_deleted") || !strings.Contains(out, "file_imported") {
		t.Errorf("audit list of the deleted case:\n%s", out)
	}
	ok(t, "audit", "verify", "--workspace", ws)
}
