package dialogs

import (
	"os"

	"golang.org/x/sys/windows"
)

// DocumentsDir is the user's documents folder as Windows knows it (which
// may be redirected, to OneDrive for one), else the profile folder.
func DocumentsDir() string {
	if dir, err := windows.KnownFolderPath(windows.FOLDERID_Documents, 0); err == nil && dir != "" {
		return dir
	}
	home, _ := os.UserHomeDir()
	return home
}
