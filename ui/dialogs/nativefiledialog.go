// Package dialogs asks the user for files and folders: with the
// platform's own dialogs where it has them (type a path, type-ahead,
// several files at once), with Fyne's dialog otherwise. One type,
// FileDialogs, serves both; the platform glue is in build-tagged files.
//
// The package shows no text of its own: callers pass titles in the
// user's language.
package dialogs

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// Filter is the kind of file a dialog lists: a name and the extensions,
// each with its dot (".csv"). No extensions lists every file.
type Filter struct {
	Name       string
	Extensions []string
}

// Matches reports whether path has one of the filter's extensions, in any
// case; an empty filter matches every path.
func (f Filter) Matches(path string) bool {
	if len(f.Extensions) == 0 {
		return true
	}
	ext := filepath.Ext(path)
	for _, e := range f.Extensions {
		if strings.EqualFold(ext, e) {
			return true
		}
	}
	return false
}

// ErrCanceled is what a Platform returns when the user closes its dialog
// without choosing.
var ErrCanceled = errors.New("dialog canceled")

// Platform is a platform's own file dialogs. Its methods block until the
// user has chosen, so they run off the UI goroutine; dir is the folder to
// start in ("" for the platform's choice). Tests give FileDialogs one
// that answers as scripted.
type Platform interface {
	OpenFiles(title, dir string, f Filter) ([]string, error)
	OpenFolder(title, dir string) (string, error)
	SaveFile(title, dir, name string, f Filter) (string, error)
}

// prefKey is the preference under which the last folder of a purpose
// (import, export …) is remembered.
func prefKey(purpose string) string { return "dialogs.lastFolder." + purpose }

// FileDialogs asks for files and folders on behalf of one window, and
// remembers in the app's preferences the last folder used for each
// purpose the caller names.
type FileDialogs struct {
	win    fyne.Window
	prefs  fyne.Preferences
	native Platform // nil: Fyne's dialogs only

	// run runs a native dialog off the UI goroutine, do hands its result
	// back (fyne.Do); callers that count their goroutines replace them.
	run func(func())
	do  func(func())

	busy bool // a native dialog is open: another request is ignored
}

// New returns the file dialogs of win, remembering folders in prefs. It
// uses the platform's dialogs when they are there (on Linux when zenity,
// qarma or matedialog is installed), Fyne's otherwise, and always in a
// test binary. run starts a
// function on a goroutine and do hands one to the UI goroutine; nil means
// `go` and fyne.Do.
func New(win fyne.Window, prefs fyne.Preferences, run, do func(func())) *FileDialogs {
	if run == nil {
		run = func(f func()) { go f() }
	}
	if do == nil {
		do = fyne.Do
	}
	d := &FileDialogs{win: win, prefs: prefs, run: run, do: do}
	if !testing.Testing() {
		// In tests a native dialog would wait for a person; they script
		// one with UsePlatform.
		d.native = platformDialogs()
	}
	return d
}

// UseFyne makes the dialogs Fyne's own, as in tests, where a native
// dialog would wait for a person.
func (d *FileDialogs) UseFyne() { d.native = nil }

// UsePlatform makes p the native dialogs, as tests do with a scripted one.
func (d *FileDialogs) UsePlatform(p Platform) { d.native = p }

// Native reports whether the platform's own dialogs are used.
func (d *FileDialogs) Native() bool { return d.native != nil }

// LastFolder is the folder last used for purpose, "" when none was or it
// is gone.
func (d *FileDialogs) LastFolder(purpose string) string {
	dir := d.prefs.String(prefKey(purpose))
	if dir == "" {
		return ""
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return ""
	}
	return dir
}

// remember keeps dir as the last folder for purpose.
func (d *FileDialogs) remember(purpose, dir string) {
	if dir != "" {
		d.prefs.SetString(prefKey(purpose), dir)
	}
}

// OpenFiles asks for one or more files of filter's kind, starting in the
// last folder used for purpose, and calls chosen on the UI goroutine with
// their paths; it is not called when the user cancels. Fyne's dialog
// picks one file at a time.
func (d *FileDialogs) OpenFiles(title, purpose string, filter Filter, chosen func(paths []string)) {
	dir := d.LastFolder(purpose)
	done := func(paths []string) {
		if len(paths) == 0 {
			return
		}
		d.remember(purpose, filepath.Dir(paths[0]))
		chosen(paths)
	}
	if d.native != nil {
		d.runNative(func() ([]string, error) { return d.native.OpenFiles(title, dir, filter) }, done,
			func() { d.fyneOpen(title, dir, filter, done) })
		return
	}
	d.fyneOpen(title, dir, filter, done)
}

// OpenFolder asks for a folder, starting in the last folder used for
// purpose, and calls chosen on the UI goroutine with its path.
func (d *FileDialogs) OpenFolder(title, purpose string, chosen func(dir string)) {
	dir := d.LastFolder(purpose)
	done := func(paths []string) {
		if len(paths) == 0 {
			return
		}
		d.remember(purpose, paths[0])
		chosen(paths[0])
	}
	if d.native != nil {
		d.runNative(func() ([]string, error) {
			p, err := d.native.OpenFolder(title, dir)
			return []string{p}, err
		}, done, func() { d.fyneFolder(title, dir, done) })
		return
	}
	d.fyneFolder(title, dir, done)
}

// SaveFile asks where to save a file of filter's kind, proposing name in
// the last folder used for purpose or, the first time, in defaultDir. It
// calls chosen on the UI goroutine with the path, given the filter's
// first extension when the user typed none.
func (d *FileDialogs) SaveFile(title, purpose, defaultDir, name string, filter Filter, chosen func(path string)) {
	dir := d.LastFolder(purpose)
	if dir == "" {
		dir = defaultDir
	}
	done := func(paths []string) {
		if len(paths) == 0 || paths[0] == "" {
			return
		}
		p := paths[0]
		if len(filter.Extensions) > 0 && !filter.Matches(p) {
			p += filter.Extensions[0]
		}
		d.remember(purpose, filepath.Dir(p))
		chosen(p)
	}
	if d.native != nil {
		d.runNative(func() ([]string, error) {
			p, err := d.native.SaveFile(title, dir, name, filter)
			return []string{p}, err
		}, done, func() { d.fyneSave(title, dir, name, filter, done) })
		return
	}
	d.fyneSave(title, dir, name, filter, done)
}

// runNative runs a blocking native dialog off the UI goroutine and hands
// what it returns to done on the UI goroutine; when the dialog fails (no
// display, the helper program crashed) Fyne's dialog, fallback, is shown
// instead.
func (d *FileDialogs) runNative(ask func() ([]string, error), done func([]string), fallback func()) {
	if d.busy {
		return // one dialog at a time; the open one has the user's attention
	}
	d.busy = true
	d.run(func() {
		paths, err := ask()
		d.do(func() {
			d.busy = false
			switch {
			case errors.Is(err, ErrCanceled):
			case err != nil:
				fyne.LogError("native file dialog failed; using Fyne's", err)
				fallback()
			default:
				done(paths)
			}
		})
	})
}

// fyneSize is the size of Fyne's file dialog: large, but inside the
// window.
func (d *FileDialogs) fyneSize() fyne.Size {
	s := d.win.Canvas().Size()
	w, h := float32(900), float32(600)
	if s.Width > 0 && s.Width*0.95 < w {
		w = s.Width * 0.95
	}
	if s.Height > 0 && s.Height*0.95 < h {
		h = s.Height * 0.95
	}
	return fyne.NewSize(w, h)
}

// location is dir as a Fyne location, nil when it cannot be listed.
func location(dir string) fyne.ListableURI {
	if dir == "" {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return l
}

func (d *FileDialogs) fyneOpen(title, dir string, filter Filter, done func([]string)) {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, d.win)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		done([]string{path})
	}, d.win)
	d.setup(fd, title, dir, filter)
	fd.Show()
}

func (d *FileDialogs) fyneFolder(title, dir string, done func([]string)) {
	fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			dialog.ShowError(err, d.win)
			return
		}
		if u != nil {
			done([]string{u.Path()})
		}
	}, d.win)
	d.setup(fd, title, dir, Filter{})
	fd.Show()
}

func (d *FileDialogs) fyneSave(title, dir, name string, filter Filter, done func([]string)) {
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, d.win)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close() // the caller writes the file itself
		done([]string{path})
	}, d.win)
	d.setup(fd, title, dir, filter)
	fd.SetFileName(name)
	fd.Show()
}

// setup gives Fyne's dialog its title, start folder, filter and size, and
// makes Escape cancel it wherever the focus is (Enter stays with the
// dialog's own fields).
func (d *FileDialogs) setup(fd *dialog.FileDialog, title, dir string, filter Filter) {
	BindKeys(d.win, fd, nil, fd.Dismiss)
	if title != "" {
		fd.SetTitleText(title)
	}
	if l := location(dir); l != nil {
		fd.SetLocation(l)
	}
	if len(filter.Extensions) > 0 {
		fd.SetFilter(storage.NewExtensionFileFilter(filter.Extensions))
	}
	fd.Resize(d.fyneSize())
}
