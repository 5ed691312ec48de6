//go:build !fynedialogs && (linux || freebsd || netbsd || openbsd || windows || darwin)

package dialogs

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/ncruces/zenity"
)

// zenityDialogs are the platform's dialogs through github.com/ncruces/zenity:
// the Win32 common dialogs on Windows, NSOpenPanel/NSSavePanel (through
// osascript) on macOS, and zenity, qarma or matedialog elsewhere. None
// needs cgo. Build with the tag fynedialogs to use Fyne's dialogs only.
type zenityDialogs struct{}

// platformDialogs returns the native dialogs, nil when the helper program
// they need (on Linux and the BSDs) is not installed.
func platformDialogs() Platform {
	if !zenity.IsAvailable() {
		return nil
	}
	return zenityDialogs{}
}

// start is the Filename option that opens a dialog in dir: a path ending
// in a separator names a folder.
func start(dir string) []zenity.Option {
	if dir == "" {
		return nil
	}
	return []zenity.Option{zenity.Filename(strings.TrimSuffix(dir, string(filepath.Separator)) + string(filepath.Separator))}
}

// filters turns f into zenity's patterns ("*.csv"), matched in any case.
func filters(f Filter) []zenity.Option {
	if len(f.Extensions) == 0 {
		return nil
	}
	patterns := make([]string, len(f.Extensions))
	for i, e := range f.Extensions {
		patterns[i] = "*" + e
	}
	return []zenity.Option{zenity.FileFilter{Name: f.Name, Patterns: patterns, CaseFold: true}}
}

// canceled maps zenity's cancel to errCanceled.
func canceled(err error) error {
	if errors.Is(err, zenity.ErrCanceled) {
		return ErrCanceled
	}
	return err
}

// OpenFiles asks for one or more files.
func (zenityDialogs) OpenFiles(title, dir string, f Filter) ([]string, error) {
	opts := append([]zenity.Option{zenity.Title(title)}, start(dir)...)
	paths, err := zenity.SelectFileMultiple(append(opts, filters(f)...)...)
	return paths, canceled(err)
}

// OpenFolder asks for a folder. It opens beside dir, the last folder
// chosen, with dir selected: opened inside it, the dialog's OK would
// choose whichever subfolder happens to be highlighted, and dir itself
// could only be chosen by going up first.
func (zenityDialogs) OpenFolder(title, dir string) (string, error) {
	opts := []zenity.Option{zenity.Title(title), zenity.Directory()}
	if dir = strings.TrimSuffix(dir, string(filepath.Separator)); dir != "" {
		opts = append(opts, zenity.Filename(dir))
	}
	path, err := zenity.SelectFile(opts...)
	return path, canceled(err)
}

// SaveFile asks where to save a file, proposing dir/name.
func (zenityDialogs) SaveFile(title, dir, name string, f Filter) (string, error) {
	opts := []zenity.Option{zenity.Title(title), zenity.ConfirmOverwrite(), zenity.Filename(filepath.Join(dir, name))}
	path, err := zenity.SelectFileSave(append(opts, filters(f)...)...)
	return path, canceled(err)
}
