// Package store keeps a workspace on disk: one folder holding the SQLite
// database (the source of truth), a content-addressed blob folder for the
// files providers submit, and a folder for the derived search index.
//
// Opening a workspace takes an exclusive lock, applies the embedded,
// numbered schema migrations and refuses a database written by a newer
// schema. The store knows nothing of the GUI or of the use cases in app.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// File and folder names inside a workspace.
const (
	DatabaseFile = "workbench.db"
	LockFile     = "workspace.lock"
	BlobDir      = "blobs"
	IndexDir     = "index"
)

// Errors callers can test for with errors.Is.
var (
	// ErrInUse: another process holds the workspace.
	ErrInUse = errors.New("workspace in use")
	// ErrNewerSchema: the database was written by a newer program.
	ErrNewerSchema = errors.New("workspace written by a newer version")
	// ErrNoWorkspace: the folder holds no workspace and Create was not set.
	ErrNoWorkspace = errors.New("no workspace")
	// ErrNotWorkspace: the folder holds other files and no workspace.
	ErrNotWorkspace = errors.New("not a workspace folder")
	// ErrNotFound: no row with that id.
	ErrNotFound = errors.New("not found")
)

// NewerSchemaError is ErrNewerSchema with the versions: the workspace's
// schema and the newest this program knows.
type NewerSchemaError struct{ Version, Known int }

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("%v: its schema is version %d and this program knows up to %d; use a newer Inspection Workbench", ErrNewerSchema, e.Version, e.Known)
}

// Is makes errors.Is(err, ErrNewerSchema) hold.
func (e *NewerSchemaError) Is(target error) bool { return target == ErrNewerSchema }

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one numbered schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in version order. File names
// are NNNN_name.sql; the numbers must run 1, 2, 3 … without gaps.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, fmt.Errorf("read embedded migrations: %w", err)
	}
	var ms []migration
	for _, e := range entries {
		num, rest, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(rest, ".sql") {
			return nil, fmt.Errorf("migration file %q is not named NNNN_name.sql", e.Name())
		}
		body, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		ms = append(ms, migration{version: v, name: strings.TrimSuffix(rest, ".sql"), sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migrations are not numbered 1..%d: found %d at place %d", len(ms), m.version, i+1)
		}
	}
	return ms, nil
}

// LatestSchemaVersion is the schema version this build writes.
func LatestSchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		return 0
	}
	return len(ms)
}

// Options control Open.
type Options struct {
	// Create makes the folder and a new workspace in it when there is none.
	Create bool
}

// Store is an open workspace. It is safe for concurrent use.
type Store struct {
	dir   string
	db    *sql.DB
	lock  *os.File
	blobs *BlobStore
	now   func() time.Time
}

// Open opens the workspace in dir, creating it when opts.Create is set and
// there is none. It fails with ErrInUse when another process has it open.
func Open(ctx context.Context, dir string, opts Options) (*Store, error) {
	if dir == "" {
		return nil, errors.New("open workspace: no folder given")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("open workspace %s: %w", dir, err)
	}
	dir = abs
	if strings.ContainsAny(dir, "?#") {
		return nil, fmt.Errorf("open workspace %s: the folder name must not contain '?' or '#'", dir)
	}
	if err := checkFolder(dir, opts.Create); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("cannot create workspace %s: %w", dir, bareErr(err))
	}
	lock, err := acquireLock(dir)
	if err != nil {
		return nil, err
	}
	s := &Store{dir: dir, lock: lock, now: time.Now}
	if err := s.open(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// checkFolder refuses to turn an unrelated folder into a workspace and, when
// create is false, a folder that holds none.
func checkFolder(dir string, create bool) error {
	if _, err := os.Stat(filepath.Join(dir, DatabaseFile)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if !create {
			return fmt.Errorf("%w at %s", ErrNoWorkspace, dir)
		}
		return nil
	case err != nil:
		return fmt.Errorf("cannot use %s as a workspace: %w", dir, bareErr(err))
	}
	for _, e := range entries {
		switch e.Name() {
		case LockFile, BlobDir, IndexDir, DatabaseFile + "-wal", DatabaseFile + "-shm", DatabaseFile + "-journal":
		default:
			return fmt.Errorf("%s: %w (it holds %q and no %s); choose an empty or new folder", dir, ErrNotWorkspace, e.Name(), DatabaseFile)
		}
	}
	if !create {
		return fmt.Errorf("%w at %s", ErrNoWorkspace, dir)
	}
	return nil
}

// bareErr drops the path from a *fs.PathError, for messages that name the
// folder themselves.
func bareErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// acquireLock creates and locks the workspace's lock file, writing this
// process id into it so a second opener can say who holds it.
func acquireLock(dir string) (*os.File, error) {
	path := filepath.Join(dir, LockFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("cannot write in workspace folder %s: %w", dir, bareErr(err))
	}
	ok, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock workspace %s: %w", dir, err)
	}
	if !ok {
		holder := ""
		if b, err := os.ReadFile(path); err == nil && len(strings.TrimSpace(string(b))) > 0 {
			holder = " (process " + strings.TrimSpace(string(b)) + ")"
		}
		f.Close()
		return nil, fmt.Errorf("%w: %s is open in another Inspection Workbench%s; close it there first", ErrInUse, dir, holder)
	}
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return f, nil
}

// open connects to the database, migrates it and makes the folders.
func (s *Store) open(ctx context.Context) error {
	path := filepath.Join(s.dir, DatabaseFile)
	dsn := path + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)" +
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=secure_delete(1)&_pragma=cache_size(" + strconv.Itoa(defaultCacheSize) + ")&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return fmt.Errorf("open workspace database %s: %w", path, err)
	}
	s.db = db
	if err := db.PingContext(ctx); err != nil {
		return fmt.Errorf("open workspace database %s: %w", path, err)
	}
	ms, err := migrations()
	if err != nil {
		return err
	}
	if err := s.migrate(ctx, ms); err != nil {
		return fmt.Errorf("workspace %s: %w", s.dir, err)
	}
	blobs, err := newBlobStore(filepath.Join(s.dir, BlobDir))
	if err != nil {
		return err
	}
	s.blobs = blobs
	if err := s.sweepBlobs(ctx); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(s.dir, IndexDir), 0o700); err != nil {
		return fmt.Errorf("create index folder: %w", err)
	}
	return nil
}

// migrate applies the migrations the database has not seen, each in its own
// transaction, and refuses a database from a newer schema.
func (s *Store) migrate(ctx context.Context, ms []migration) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	current, err := s.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if current > len(ms) {
		return &NewerSchemaError{Version: current, Known: len(ms)}
	}
	for _, m := range ms[current:] {
		err := s.WithTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				m.version, m.name, s.timestamp())
			return err
		})
		if err != nil {
			return fmt.Errorf("apply migration %04d_%s: %w", m.version, m.name, err)
		}
	}
	return nil
}

// SchemaVersion is the highest migration applied to the database.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// Close closes the database and releases the workspace lock.
func (s *Store) Close() error {
	var err error
	if s.db != nil {
		err = s.db.Close()
		s.db = nil
	}
	if s.lock != nil {
		// Closing the descriptor releases the lock; the file stays, empty
		// of meaning, for the next opener.
		if cerr := s.lock.Close(); err == nil {
			err = cerr
		}
		s.lock = nil
	}
	return err
}

// Dir is the workspace folder (absolute).
func (s *Store) Dir() string { return s.dir }

// IndexDir is the folder reserved for the search index.
func (s *Store) IndexDir() string { return filepath.Join(s.dir, IndexDir) }

// DB gives direct access to the database, for code in this module that
// needs queries the store does not offer yet and for tests.
func (s *Store) DB() *sql.DB { return s.db }

// Blobs is the workspace's content-addressed file store.
func (s *Store) Blobs() *BlobStore { return s.blobs }

// WithTx runs fn in a transaction, committing when it returns nil and
// rolling back otherwise.
func (s *Store) WithTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// timestamp is the current time as stored: RFC 3339, UTC.
func (s *Store) timestamp() string {
	return s.now().UTC().Format(time.RFC3339Nano)
}

// parseTime reads a timestamp as timestamp writes it (zero if unreadable).
func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
