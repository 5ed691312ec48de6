//go:build !windows && !darwin

package dialogs

import (
	"os"
	"path/filepath"
	"testing"
)

func TestXDGDocuments(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "user-dirs.dirs")
	content := "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/桌面\"\nXDG_DOCUMENTS_DIR=\"$HOME/文档\"\n"
	if err := os.WriteFile(file, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := xdgDocuments(file, "/home/li"); got != "/home/li/文档" {
		t.Errorf("documents %q", got)
	}
	if err := os.WriteFile(file, []byte("XDG_DOCUMENTS_DIR=\"$HOME/\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := xdgDocuments(file, "/home/li"); got != "" {
		t.Errorf("a disabled documents folder gives %q", got)
	}
}
