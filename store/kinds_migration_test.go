package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// TestSafetyKindsMigration opens the schema-v1 workspace, whose
// submissions table accepts the four kinds only, and checks that after
// the migrations a label_sample submission is accepted — on this
// connection and on a new one — that an unknown kind is still refused,
// and that the database passes SQLite's integrity check.
func TestSafetyKindsMigration(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "workspaces", "schema-v1", DatabaseFile))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, DatabaseFile), src, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	insert := func(db interface {
		ExecContext(context.Context, string, ...any) (sql.Result, error)
	}, sha, kind string) error {
		_, err := db.ExecContext(ctx, `INSERT INTO submissions (case_id, sha256, file_name, size, kind, label, format, importer_version, imported_at)
			VALUES (1, ?, 'a.png', 1, ?, 'internal', 'png', '1', '2026-12-07T00:00:00Z')`, sha, kind)
		return err
	}
	if err := insert(s.db, strings.Repeat("a", 64), "label_sample"); err != nil {
		t.Fatalf("label_sample refused after the migration: %v", err)
	}
	if err := insert(s.db, strings.Repeat("b", 64), "photo"); err == nil || !strings.Contains(err.Error(), "CHECK") {
		t.Errorf("an unknown kind: %v, want the CHECK constraint to refuse it", err)
	}
	var ok string
	if err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check = %q, %v", ok, err)
	}
	s.Close()
	s, err = Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i, k := range []string{"keyword_library", "test_question", "test_result", "corpus_check"} {
		if err := insert(s.db, strings.Repeat(string(rune('c'+i)), 64), k); err != nil {
			t.Errorf("%s refused after reopening: %v", k, err)
		}
	}
}
