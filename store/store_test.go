package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"github.com/inspection-workbench/workbench"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func openTest(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dir, Options{Create: true})
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func count(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

func sampleCase() NewCase {
	yes := true
	return NewCase{
		ProviderName: "星河智算科技有限公司", CreditCode: "91110108MA7XH2TQ5E",
		ServiceName: "星河对话", FilingNo: "Beijing-XingheChat-20240315",
		Modalities: []string{"text", "image"}, PublicOpinion: &yes,
		Title: "检查", Inspectors: []string{"张明", "李华"}, OpenedOn: "2026-11-24",
		ChecklistTemplate: "art19-measures-2023",
	}
}

func TestMigrateFromEmpty(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "新 workspace") // spaces and Chinese in the path
	s := openTest(t, dir)
	ctx := context.Background()
	v, err := s.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := migrations()
	if v != len(ms) || v != LatestSchemaVersion() || v == 0 {
		t.Fatalf("schema version %d, want %d", v, len(ms))
	}
	if n := count(t, s, "schema_migrations"); n != len(ms) {
		t.Errorf("schema_migrations has %d rows, want one per migration (%d)", n, len(ms))
	}
	for _, name := range []string{DatabaseFile, LockFile, BlobDir, IndexDir} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("workspace lacks %s: %v", name, err)
		}
	}
	var mode string
	if err := s.DB().QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := s.DB().QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v; want 1", fk, err)
	}
}

func TestReopenKeepsData(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	s, err := Open(ctx, dir, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.CreateCase(ctx, sampleCase())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s2, err := Open(ctx, dir, Options{}) // no Create: it must find the workspace
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s2.Close()
	c, err := s2.GetCase(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if c.Provider.CreditCode != "91110108MA7XH2TQ5E" || c.Service.Name != "星河对话" ||
		strings.Join(c.Inspectors, ",") != "张明,李华" || strings.Join(c.Service.Modalities, ",") != "text,image" ||
		!c.Service.PublicOpinion || c.Status != StatusOpen {
		t.Errorf("case after reopen = %+v", c)
	}
	if n := count(t, s2, "schema_migrations"); n != LatestSchemaVersion() {
		t.Errorf("reopen re-applied migrations: %d rows", n)
	}
}

func TestSecondOpenerRefused(t *testing.T) {
	dir := t.TempDir()
	first := openTest(t, dir)
	_, err := Open(context.Background(), dir, Options{Create: true})
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second Open: err = %v, want ErrInUse", err)
	}
	if !strings.Contains(err.Error(), "in use") || !strings.Contains(err.Error(), dir) {
		t.Errorf("message %q should say the workspace is in use and name it", err)
	}
	// The first holder is unharmed and the lock is released on Close.
	if _, err := first.CreateCase(context.Background(), sampleCase()); err != nil {
		t.Fatalf("first holder after refused opener: %v", err)
	}
	first.Close()
	again, err := Open(context.Background(), dir, Options{})
	if err != nil {
		t.Fatalf("open after Close: %v", err)
	}
	again.Close()
}

func TestNewerSchemaRefused(t *testing.T) {
	dir := t.TempDir()
	s := openTest(t, dir)
	if _, err := s.DB().Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(filepath.Join(dir, DatabaseFile))

	_, err := Open(context.Background(), dir, Options{})
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("err = %v, want ErrNewerSchema", err)
	}
	if !strings.Contains(err.Error(), "999") {
		t.Errorf("message %q should name the schema version", err)
	}
	after, _ := os.ReadFile(filepath.Join(dir, DatabaseFile))
	if !bytes.Equal(before, after) {
		t.Error("refused open changed the database file")
	}
}

func TestMigrationIsAtomic(t *testing.T) {
	s := openTest(t, t.TempDir())
	ctx := context.Background()
	ms, _ := migrations()
	bad := append(ms, migration{version: len(ms) + 1, name: "broken",
		sql: `CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);`})
	if err := s.migrate(ctx, bad); err == nil || !strings.Contains(err.Error(), "broken") {
		t.Fatalf("migrate with a broken step: err = %v, want one naming it", err)
	}
	if v, _ := s.SchemaVersion(ctx); v != len(ms) {
		t.Errorf("schema version %d after failed migration, want %d", v, len(ms))
	}
	var n int
	s.DB().QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'half_done'`).Scan(&n)
	if n != 0 {
		t.Error("failed migration left its first statement behind")
	}
}

func TestForeignKeysEnforced(t *testing.T) {
	s := openTest(t, t.TempDir())
	db := s.DB()
	for name, q := range map[string]string{
		"service without provider": `INSERT INTO services (provider_id, name, created_at) VALUES (42, 's', 'now')`,
		"case without service":     `INSERT INTO cases (service_id, title, opened_on, checklist_template, created_at, updated_at) VALUES (42, 't', '2026-01-01', 'x', 'now', 'now')`,
		"inspector without case":   `INSERT INTO case_inspectors (case_id, position, name) VALUES (42, 1, 'n')`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := db.Exec(q)
			if err == nil || !strings.Contains(strings.ToLower(err.Error()), "foreign key") {
				t.Fatalf("err = %v, want a foreign key violation", err)
			}
		})
	}
	if _, err := s.CreateCase(context.Background(), sampleCase()); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DELETE FROM providers`); err == nil {
		t.Error("deleting a provider that has services was allowed")
	}
}

func TestOpenRefusals(t *testing.T) {
	ctx := context.Background()
	t.Run("missing without create", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "nope")
		if _, err := Open(ctx, dir, Options{}); !errors.Is(err, ErrNoWorkspace) {
			t.Fatalf("err = %v, want ErrNoWorkspace", err)
		}
		if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
			t.Error("a refused open created the folder")
		}
	})
	t.Run("folder with other files", func(t *testing.T) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "thesis.docx"), []byte("x"), 0o600)
		if _, err := Open(ctx, dir, Options{Create: true}); !errors.Is(err, ErrNotWorkspace) {
			t.Fatalf("err = %v, want ErrNotWorkspace", err)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Errorf("refused open wrote into the folder: %d entries", len(entries))
		}
	})
	t.Run("unwritable location", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "a-file")
		os.WriteFile(file, []byte("x"), 0o600)
		_, err := Open(ctx, filepath.Join(file, "ws"), Options{Create: true})
		if err == nil || !strings.Contains(err.Error(), "cannot") || !strings.Contains(err.Error(), file) {
			t.Fatalf("err = %v, want a create error", err)
		}
	})
	t.Run("read-only folder", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root ignores folder permissions")
		}
		dir := t.TempDir()
		os.Chmod(dir, 0o500)
		defer os.Chmod(dir, 0o700)
		if _, err := Open(ctx, dir, Options{Create: true}); err == nil {
			t.Fatal("opened a workspace in a read-only folder")
		}
	})
	t.Run("not a database", func(t *testing.T) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, DatabaseFile), bytes.Repeat([]byte("garbage!"), 512), 0o600)
		_, err := Open(ctx, dir, Options{})
		if err == nil || !strings.Contains(err.Error(), DatabaseFile) {
			t.Fatalf("err = %v, want an error naming the database", err)
		}
	})
}

func TestCreateCaseReusesAndConflicts(t *testing.T) {
	s := openTest(t, t.TempDir())
	ctx := context.Background()
	first, err := s.CreateCase(ctx, sampleCase())
	if err != nil {
		t.Fatal(err)
	}
	// Same provider by name without a code, same service: both reused.
	nc := sampleCase()
	nc.CreditCode, nc.FilingNo, nc.Modalities, nc.PublicOpinion = "", "", nil, nil
	second, err := s.CreateCase(ctx, nc)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.GetCase(ctx, first)
	b, _ := s.GetCase(ctx, second)
	if a.Provider.ID != b.Provider.ID || a.Service.ID != b.Service.ID {
		t.Errorf("provider/service not reused: %+v vs %+v", a, b)
	}
	if b.Service.FilingNo != "Beijing-XingheChat-20240315" || len(b.Service.Modalities) != 2 || !b.Service.PublicOpinion {
		t.Errorf("reuse without values cleared the service: %+v", b.Service)
	}

	before := [3]int{count(t, s, "providers"), count(t, s, "services"), count(t, s, "cases")}
	for _, tt := range []struct {
		name   string
		mutate func(*NewCase)
		what   string
	}{
		{"code of another provider", func(nc *NewCase) { nc.ProviderName = "另一家公司" }, workbench.ConflictCodeTaken},
		{"provider has other code", func(nc *NewCase) { nc.CreditCode = "91310115MA1K4RJ73D" }, workbench.ConflictProviderCode},
		{"other filing number", func(nc *NewCase) { nc.FilingNo = "Shanghai-Other-20240101" }, workbench.ConflictFilingNo},
	} {
		t.Run(tt.name, func(t *testing.T) {
			nc := sampleCase()
			tt.mutate(&nc)
			_, err := s.CreateCase(ctx, nc)
			var ce *workbench.ConflictError
			if !errors.Is(err, workbench.ErrConflict) || !errors.As(err, &ce) || ce.What != tt.what {
				t.Fatalf("err = %v, want a %s conflict", err, tt.what)
			}
			after := [3]int{count(t, s, "providers"), count(t, s, "services"), count(t, s, "cases")}
			if after != before {
				t.Errorf("rows %v after a conflict, want %v", after, before)
			}
		})
	}
	if _, err := s.GetCase(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("GetCase(999): %v, want ErrNotFound", err)
	}
	cases, err := s.ListCases(ctx)
	if err != nil || len(cases) != 2 || cases[0].ID != first || len(cases[0].Inspectors) != 2 {
		t.Errorf("ListCases = %+v, %v", cases, err)
	}
}

func TestBlobStore(t *testing.T) {
	s := openTest(t, t.TempDir())
	b := s.Blobs()
	content := []byte("训练数据来源说明\n")
	want := sha256.Sum256(content)
	sum, size, err := b.Put(bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	if sum != hex.EncodeToString(want[:]) || size != int64(len(content)) {
		t.Fatalf("Put = %s, %d", sum, size)
	}
	if again, _, err := b.Put(bytes.NewReader(content)); err != nil || again != sum {
		t.Fatalf("second Put = %s, %v", again, err)
	}
	if ok, err := b.Has(sum); !ok || err != nil {
		t.Errorf("Has = %v, %v", ok, err)
	}
	f, err := b.Open(sum)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(f)
	f.Close()
	if !bytes.Equal(got, content) {
		t.Errorf("read back %q", got)
	}
	tmp, _ := os.ReadDir(filepath.Join(s.Dir(), BlobDir, "tmp"))
	if len(tmp) != 0 {
		t.Errorf("temporary files left behind: %d", len(tmp))
	}
	missing := strings.Repeat("0", 64)
	if _, err := b.Open(missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("Open(missing) = %v, want ErrNotFound", err)
	}
	if _, err := b.Open("../../etc/passwd"); err == nil {
		t.Error("Open accepted a path instead of a digest")
	}
}

func TestMigrationsNumbered(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range ms {
		if m.version != i+1 || m.name == "" || strings.TrimSpace(m.sql) == "" {
			t.Errorf("migration %d = %+v", i, m)
		}
	}
}

// TestOpensSchemaV1Workspace opens a workspace written by the first schema
// (testdata/workspaces/schema-v1, made with wb case new) and checks that
// later migrations apply to it and keep its case.
func TestOpensSchemaV1Workspace(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "workspaces", "schema-v1", DatabaseFile))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, DatabaseFile), src, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), dir, Options{})
	if err != nil {
		t.Fatalf("open schema-v1 workspace: %v", err)
	}
	defer s.Close()
	if v, _ := s.SchemaVersion(context.Background()); v != LatestSchemaVersion() {
		t.Errorf("schema version %d after opening, want %d", v, LatestSchemaVersion())
	}
	c, err := s.GetCase(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "schema v1 fixture" || c.Provider.CreditCode != "91110108MA7XH2TQ5E" ||
		strings.Join(c.Inspectors, ",") != "张明,李华" || !c.Service.PublicOpinion {
		t.Errorf("case from the schema-v1 workspace = %+v", c)
	}
}

// TestOpenSweepsOrphanBlobs: a process stopped between storing a file and
// committing its records leaves a blob no submission names; the next open
// removes it, and keeps the blobs that are referred to.
func TestOpenSweepsOrphanBlobs(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	s, err := Open(ctx, dir, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	caseID, _ := s.CreateCase(ctx, sampleCase())
	kept, _, _ := s.Blobs().Put(strings.NewReader("kept"))
	w, err := s.BeginSubmission(ctx, workbench.Submission{CaseID: caseID, SHA256: kept, FileName: "k.csv", Kind: "incident", Label: "internal", Format: "csv", ImporterVersion: "1"})
	if err != nil {
		t.Fatal(err)
	}
	w.Add(workbench.RecordRow{Row: 2, Fields: `{"id":"A"}`})
	if _, err := w.Commit(nil, 0); err != nil {
		t.Fatal(err)
	}
	orphan, _, _ := s.Blobs().Put(strings.NewReader("orphan"))
	os.WriteFile(filepath.Join(dir, BlobDir, "tmp", "put-123"), []byte("half"), 0o600)
	s.Close()

	s, err = Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if ok, _ := s.Blobs().Has(kept); !ok {
		t.Error("a referenced blob was swept")
	}
	if ok, _ := s.Blobs().Has(orphan); ok {
		t.Error("an orphan blob survived reopening")
	}
	if tmp, _ := os.ReadDir(filepath.Join(dir, BlobDir, "tmp")); len(tmp) != 0 {
		t.Errorf("%d partial copies left in blobs/tmp", len(tmp))
	}
}
