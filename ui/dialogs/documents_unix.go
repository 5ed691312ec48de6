//go:build !windows && !darwin

package dialogs

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// DocumentsDir is the user's documents folder: XDG_DOCUMENTS_DIR from
// user-dirs.dirs (a Chinese desktop names it ~/文档), else ~/Documents
// when it exists, else the home folder; "" when there is no home.
func DocumentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	config := os.Getenv("XDG_CONFIG_HOME")
	if config == "" {
		config = filepath.Join(home, ".config")
	}
	if dir := xdgDocuments(filepath.Join(config, "user-dirs.dirs"), home); dir != "" && isDir(dir) {
		return dir
	}
	if dir := filepath.Join(home, "Documents"); isDir(dir) {
		return dir
	}
	return home
}

// xdgDocuments reads XDG_DOCUMENTS_DIR from an xdg-user-dirs file, whose
// lines are XDG_DOCUMENTS_DIR="$HOME/文档"; "" when it has none.
func xdgDocuments(file, home string) string {
	f, err := os.Open(file)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		v, ok := strings.CutPrefix(line, "XDG_DOCUMENTS_DIR=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"`)
		if rest, ok := strings.CutPrefix(v, "$HOME"); ok {
			v = home + rest
		}
		if !filepath.IsAbs(v) || filepath.Clean(v) == filepath.Clean(home) {
			return "" // xdg-user-dirs sets a disabled folder to $HOME/
		}
		return v
	}
	return ""
}

func isDir(dir string) bool {
	st, err := os.Stat(dir)
	return err == nil && st.IsDir()
}
