package app

import (
	"context"
	"testing"

	"github.com/inspection-workbench/workbench"
)

// A workspace written by a newer program does not open, and the error
// says so with its reason and the two versions, for the GUI to word in
// the user's language.
func TestOpenNewerWorkspace(t *testing.T) {
	dir := t.TempDir()
	a, err := Open(context.Background(), dir, true)
	if err != nil {
		t.Fatal(err)
	}
	known, err := a.SchemaVersion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Store().DB().Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', 'x')`, known+1); err != nil {
		t.Fatal(err)
	}
	a.Close()
	_, err = Open(context.Background(), dir, false)
	we := workbench.ErrorReason(err)
	if we == nil || we.Reason != workbench.ReasonWorkspaceNewer || ErrorCode(err) != workbench.CodeUnsupported ||
		we.Args["Version"] != known+1 || we.Args["Known"] != known || we.Args["Dir"] != dir {
		t.Fatalf("err = %v (%+v)", err, we)
	}
}
