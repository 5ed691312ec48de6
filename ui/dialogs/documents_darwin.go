package dialogs

import (
	"os"
	"path/filepath"
)

// DocumentsDir is the user's documents folder, ~/Documents, or the home
// folder when it is missing; "" when there is no home.
func DocumentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	if dir := filepath.Join(home, "Documents"); isDir(dir) {
		return dir
	}
	return home
}

func isDir(dir string) bool {
	st, err := os.Stat(dir)
	return err == nil && st.IsDir()
}
