// Package app holds the use cases of Inspection Workbench — opening a
// workspace, recording cases and, in time, importing, searching, inspecting
// and exporting — so that the GUI (package ui) and the CLI (cmd/wb) call the
// same code. It imports store and importers and never Fyne.
package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers"
	"github.com/inspection-workbench/workbench/internal/version"
	"github.com/inspection-workbench/workbench/store"
	"github.com/inspection-workbench/workbench/store/fulltext"
)

// Version is the program version, as package internal/version gives it
// (release builds set it there with -ldflags -X; see that package).
var Version = version.String()

// WorkspaceEnv names the environment variable that chooses the workspace
// when no --workspace flag is given.
const WorkspaceEnv = "WB_WORKSPACE"

// App is an open workspace and the operations on it. It is safe for
// concurrent use.
type App struct {
	store *store.Store
	now   func() time.Time

	indexMu sync.Mutex // guards index
	index   *fulltext.Index
}

// Open opens the workspace in dir. With create set, a missing workspace is
// made; otherwise a missing one is an error telling the user to run wb init.
func Open(ctx context.Context, dir string, create bool) (*App, error) {
	s, err := store.Open(ctx, dir, store.Options{Create: create})
	var newer *store.NewerSchemaError
	if errors.As(err, &newer) {
		return nil, workbench.Errorf(workbench.CodeUnsupported, workbench.ReasonWorkspaceNewer, "Dir", dir, "Version", newer.Version, "Known", newer.Known)
	}
	if err != nil {
		return nil, err
	}
	return &App{store: s, now: time.Now}, nil
}

// Close releases the search index and the workspace.
func (a *App) Close() error {
	a.indexMu.Lock()
	x := a.index
	a.index = nil
	a.indexMu.Unlock()
	var ierr error
	if x != nil {
		ierr = x.Close()
	}
	return errors.Join(ierr, a.store.Close())
}

// Dir is the absolute path of the workspace folder.
func (a *App) Dir() string { return a.store.Dir() }

// SchemaVersion is the database schema version of the open workspace.
func (a *App) SchemaVersion(ctx context.Context) (int, error) { return a.store.SchemaVersion(ctx) }

// Store gives the workspace's store to code that needs it directly
// (tests and benchmarks).
func (a *App) Store() *store.Store { return a.store }

// ResolveWorkspaceDir picks the workspace folder: the flag value when set,
// else $WB_WORKSPACE, else the default folder in the user's data directory.
func ResolveWorkspaceDir(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if env := os.Getenv(WorkspaceEnv); env != "" {
		return env, nil
	}
	return DefaultWorkspaceDir()
}

// DefaultWorkspaceDir is the workspace used when none is named.
func DefaultWorkspaceDir() (string, error) {
	base, err := userDataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "InspectionWorkbench", "workspace"), nil
}

// DemoWorkspaceDir is where the demo workspace lives when none is named.
func DemoWorkspaceDir() (string, error) {
	base, err := userDataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "InspectionWorkbench", "demo"), nil
}

// userDataDir is the platform's folder for per-user application data:
// $XDG_DATA_HOME or ~/.local/share on Unix, ~/Library/Application Support on
// macOS, %LOCALAPPDATA% on Windows.
func userDataDir() (string, error) {
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LOCALAPPDATA"); d != "" {
			return d, nil
		}
		return os.UserConfigDir()
	case "darwin", "ios":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find the data directory: %w", err)
		}
		return filepath.Join(home, "Library", "Application Support"), nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find the data directory (set --workspace or %s): %w", WorkspaceEnv, err)
	}
	return filepath.Join(home, ".local", "share"), nil
}

// ErrorCode classifies err: by the *workbench.Error in its chain when there
// is one, else by the errors of app and store it matches.
func ErrorCode(err error) workbench.Code {
	var fe *FieldError
	var ce *CreditCodeError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &fe), errors.As(err, &ce), errors.As(err, new(*workbench.SyntaxError)), errors.As(err, new(*KeyError)):
		return workbench.CodeInvalid
	case errors.Is(err, store.ErrInUse):
		return workbench.CodeInUse
	case errors.Is(err, store.ErrNoWorkspace):
		return workbench.CodeNotFound
	case workbench.ErrorReason(err) != nil:
		return workbench.ErrorCode(err)
	case errors.Is(err, importers.ErrUnsupported):
		return workbench.CodeUnsupported
	case errors.Is(err, importers.ErrKind), errors.Is(err, importers.ErrNoHeader), errors.Is(err, importers.ErrNoRecords), errors.Is(err, importers.ErrTooLarge):
		return workbench.CodeInvalid
	case errors.Is(err, store.ErrNotFound):
		return workbench.CodeNotFound
	case errors.Is(err, workbench.ErrConflict):
		return workbench.CodeConflict
	}
	return workbench.CodeInternal
}
