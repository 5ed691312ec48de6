package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
)

// The submissions of an existing workspace take the safety kinds after
// migration 0012 (issue #17), on every connection, while a kind outside
// the list is still refused and the database stays intact.
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
	defer s.Close()
	add := func(kind string) error {
		sum, _, err := s.Blobs().Put(strings.NewReader("file of kind " + kind))
		if err != nil {
			t.Fatal(err)
		}
		w, err := s.BeginSubmission(ctx, workbench.Submission{CaseID: 1, SHA256: sum, FileName: kind + ".csv", Kind: kind, Label: "internal", Format: "csv", ImporterVersion: "1"})
		if err != nil {
			return err
		}
		_, err = w.Commit(nil, 0)
		return err
	}
	// Several at once, so that more than the migrating connection is used.
	kinds := workbench.Strings(workbench.Kinds)
	errs := make(chan error, len(kinds))
	for _, k := range kinds {
		go func() { errs <- add(k) }()
	}
	for range kinds {
		if err := <-errs; err != nil {
			t.Errorf("submission refused after the migration: %v", err)
		}
	}
	if err := add("nonsense"); err == nil || !strings.Contains(err.Error(), "CHECK") {
		t.Errorf("an unknown kind: %v, want the CHECK constraint to refuse it", err)
	}
	var ok string
	if err := s.DB().QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check: %q, %v", ok, err)
	}
}
