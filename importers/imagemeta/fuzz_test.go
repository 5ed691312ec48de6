package imagemeta

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzRead feeds the reader arbitrary bytes, starting from every fixture
// of testdata/labels (labelled, unlabelled and malformed PNG, JPEG and
// WebP) and the corpus under testdata/fuzz/FuzzRead. Whatever the bytes,
// Read must return — no panic, no hang, no unbounded allocation — with
// either an image or an *Error or ErrNotImage, and a label within bounds.
//
//	go test -fuzz FuzzRead -fuzztime 10m ./importers/imagemeta
func FuzzRead(f *testing.F) {
	files, err := filepath.Glob(filepath.Join(labels, "*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		if ext := filepath.Ext(name); ext == ".sh" || ext == ".config" {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := Read(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) && !errors.Is(err, ErrNotImage) {
				t.Fatalf("error %v (%T) is neither an *Error nor ErrNotImage", err, err)
			}
			if e != nil && (e.Detail == "" || e.Format == "") {
				t.Fatalf("error without a format or detail: %#v", e)
			}
			return
		}
		if info.Format == "" || info.Width < 0 || info.Height < 0 {
			t.Fatalf("info %+v", info)
		}
		l := info.Label
		if len(l.Raw) > MaxRaw || !utf8.ValidString(l.Raw) {
			t.Fatalf("raw of %d bytes", len(l.Raw))
		}
		if l.Found != (l.Location != "") {
			t.Fatalf("label found %v at %q", l.Found, l.Location)
		}
	})
}
