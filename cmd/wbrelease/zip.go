package main

import (
	"archive/zip"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"
)

// WriteZip writes the files under dir into w as a zip whose bytes depend
// only on their names and contents: entries in name order, each with the
// time mtime and no extra fields; executables (any x bit) keep mode 0755,
// other files 0644. The top folder of the archive is dir's own name.
func WriteZip(w io.Writer, dir string, mtime time.Time) error {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			paths = append(paths, p)
		} else if !d.IsDir() {
			return fmt.Errorf("%s: not a regular file", p)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("zip %s: %w", dir, err)
	}
	sort.Strings(paths)
	base := filepath.Dir(filepath.Clean(dir))
	zw := zip.NewWriter(w)
	for _, p := range paths {
		rel, err := filepath.Rel(base, p)
		if err != nil {
			return err
		}
		info, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("zip: %w", err)
		}
		mode := fs.FileMode(0o644)
		if info.Mode()&0o111 != 0 {
			mode = 0o755
		}
		h := &zip.FileHeader{Name: filepath.ToSlash(rel), Method: zip.Deflate, Modified: mtime.UTC()}
		h.SetMode(mode)
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return fmt.Errorf("zip %s: %w", rel, err)
		}
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("zip: %w", err)
		}
		_, err = io.Copy(fw, f)
		f.Close()
		if err != nil {
			return fmt.Errorf("zip %s: %w", rel, err)
		}
	}
	return zw.Close()
}

func zipCmd(args []string) error {
	fset := flag.NewFlagSet("zip", flag.ContinueOnError)
	out := fset.String("out", "", "the zip file to write")
	mtime := fset.String("mtime", "", "the entries' time, in seconds since 1970 (SOURCE_DATE_EPOCH)")
	if err := fset.Parse(args); err != nil {
		return err
	}
	if *out == "" || *mtime == "" || fset.NArg() != 1 {
		return fmt.Errorf("zip: want --out FILE --mtime UNIX DIR")
	}
	sec, err := strconv.ParseInt(*mtime, 10, 64)
	if err != nil {
		return fmt.Errorf("zip: --mtime: %w", err)
	}
	tmp := *out + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("zip: %w", err)
	}
	if err := WriteZip(f, fset.Arg(0), time.Unix(sec, 0)); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("zip: %w", err)
	}
	return os.Rename(tmp, *out)
}
