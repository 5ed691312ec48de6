// Package ooxml holds the code the OOXML importers (importers/xlsx and
// importers/docx) share for reading hostile Office Open XML packages: the
// zip checks made on the central directory before anything is inflated,
// the guard every part is read through, part names and relationship
// targets, and the sniffing that says what a file that is not an OOXML
// package looks like.
//
// Errors are returned without a package prefix and wrap the sentinel the
// caller passes in (its own ErrZipBomb, ErrNotXLSX...), so that each
// importer keeps its error values and messages.
package ooxml

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Limits bound the shape a zip's central directory declares.
type Limits struct {
	// MaxUnpackedBytes bounds the sum of the uncompressed sizes of all zip
	// entries, and what any one part may inflate to.
	MaxUnpackedBytes int64
	// MaxEntries bounds the number of zip entries.
	MaxEntries int
	// MaxRatio bounds uncompressed/compressed size for any single entry
	// larger than RatioThreshold uncompressed.
	MaxRatio float64
}

// RatioThreshold is the uncompressed size (1 MiB) from which
// Limits.MaxRatio applies.
const RatioThreshold = 1 << 20

// CheckEntries refuses, wrapping errBomb, a zip whose declared number of
// entries n exceeds lim.MaxEntries.
func CheckEntries(n uint64, lim Limits, errBomb error) error {
	if n > uint64(max(lim.MaxEntries, 0)) {
		return fmt.Errorf("%w: %d zip entries, more than the limit of %d", errBomb, n, lim.MaxEntries)
	}
	return nil
}

// CheckZip enforces lim on the sizes the central directory declares:
// the number of entries, their total uncompressed size and, for entries
// above RatioThreshold, their compression ratio. The error wraps errBomb.
func CheckZip(zr *zip.Reader, lim Limits, errBomb error) error {
	if err := CheckEntries(uint64(len(zr.File)), lim, errBomb); err != nil {
		return err
	}
	var total uint64
	for _, f := range zr.File {
		u := f.UncompressedSize64
		total += u
		if total > uint64(lim.MaxUnpackedBytes) || total < u {
			return fmt.Errorf("%w: entries unpack to more than the limit of %d bytes", errBomb, lim.MaxUnpackedBytes)
		}
		if u > RatioThreshold {
			c := max(f.CompressedSize64, 1)
			if float64(u)/float64(c) > lim.MaxRatio {
				return fmt.Errorf("%w: entry %q unpacks %d bytes from %d, a ratio above the limit of %g",
					errBomb, f.Name, u, f.CompressedSize64, lim.MaxRatio)
			}
		}
	}
	return nil
}

// DeclaredEntries reads the number of entries from the zip's end of
// central directory record (or its zip64 form), so that a zip claiming
// millions of entries can be refused before archive/zip allocates for
// them. ok is false when the record is not where it should be; archive/zip
// then judges the file.
func DeclaredEntries(r io.ReaderAt, size int64) (n uint64, ok bool) {
	const eocdLen, locLen, eocd64Len = 22, 20, 56
	tail := min(size, eocdLen+65535)
	if tail < eocdLen {
		return 0, false
	}
	buf := make([]byte, tail)
	if _, err := r.ReadAt(buf, size-tail); err != nil && err != io.EOF {
		return 0, false
	}
	i := bytes.LastIndex(buf, []byte("PK\x05\x06"))
	if i < 0 || len(buf)-i < eocdLen {
		return 0, false
	}
	if n := binary.LittleEndian.Uint16(buf[i+10:]); n != 0xFFFF {
		return uint64(n), true
	}
	if i < locLen || !bytes.HasPrefix(buf[i-locLen:], []byte("PK\x06\x07")) {
		return 0, false
	}
	off := binary.LittleEndian.Uint64(buf[i-locLen+8:])
	if size < eocd64Len || off > uint64(size-eocd64Len) {
		return 0, false
	}
	rec := make([]byte, eocd64Len)
	if _, err := r.ReadAt(rec, int64(off)); err != nil || !bytes.HasPrefix(rec, []byte("PK\x06\x06")) {
		return 0, false
	}
	return binary.LittleEndian.Uint64(rec[32:]), true
}

// NormalizePart is the lookup key of a part name: forward slashes, no
// leading slash, lower case (part names are case-insensitive).
func NormalizePart(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	return strings.ToLower(strings.TrimPrefix(name, "/"))
}

// Parts indexes a package's zip entries by NormalizePart of their names.
type Parts map[string]*zip.File

// NewParts indexes files; of entries whose names normalize alike, the
// first wins.
func NewParts(files []*zip.File) Parts {
	p := make(Parts, len(files))
	for _, f := range files {
		key := NormalizePart(f.Name)
		if _, dup := p[key]; !dup {
			p[key] = f
		}
	}
	return p
}

// Get returns the entry of the named part, or nil.
func (p Parts) Get(name string) *zip.File { return p[NormalizePart(name)] }

// OpenPart opens the entry f, read as the part name, through Guard. An
// error from f.Open is returned as it is.
func OpenPart(f *zip.File, name string, maxUnpacked int64, errBomb error) (io.ReadCloser, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return Guard(rc, name, f.UncompressedSize64, maxUnpacked, errBomb), nil
}

// Guard wraps the reader of a zip entry that declares it inflates to
// declared bytes, and counts what it actually inflates to. archive/zip
// itself stops an entry at its declared size with zip.ErrFormat; the guard
// turns that into an error wrapping errBomb, and enforces the budget
// (declared bytes, at most maxUnpacked) on its own as well, so that
// nothing inflates beyond what the limits allowed. name is the part name
// the error gives.
func Guard(rc io.ReadCloser, name string, declared uint64, maxUnpacked int64, errBomb error) io.ReadCloser {
	return &guardReader{rc: rc, name: name, declared: declared,
		limit: min(declared, uint64(maxUnpacked)), errBomb: errBomb}
}

type guardReader struct {
	rc       io.ReadCloser
	name     string
	n        uint64
	declared uint64
	limit    uint64
	errBomb  error
}

func (g *guardReader) Read(p []byte) (int, error) {
	if g.n >= g.limit && g.limit < g.declared {
		return 0, g.bomb()
	}
	if rest := g.limit - g.n + 1; uint64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := g.rc.Read(p)
	g.n += uint64(n)
	if g.n > g.limit {
		return 0, g.bomb()
	}
	if errors.Is(err, zip.ErrFormat) {
		// The only ErrFormat an entry reader returns: more data than the
		// central directory declared.
		return 0, g.bomb()
	}
	return n, err
}

func (g *guardReader) bomb() error {
	return fmt.Errorf("%w: part %s inflates beyond its declared %d bytes or the limit", g.errBomb, g.name, g.declared)
}

func (g *guardReader) Close() error { return g.rc.Close() }

// RelType reports whether a relationship type URI ends in name, for both
// the transitional and the strict OOXML namespaces.
func RelType(typ, name string) bool {
	return strings.HasSuffix(typ, "/"+name)
}

// ResolvePart turns a relationship target into a part name, relative to
// the directory of the part that holds the relationship.
func ResolvePart(baseDir, target string) string {
	t := strings.ReplaceAll(target, "\\", "/")
	if strings.HasPrefix(t, "/") {
		return strings.TrimPrefix(path.Clean(t), "/")
	}
	p := path.Clean(path.Join("/", baseDir, t))
	return strings.TrimPrefix(p, "/")
}

// RelsPath is where the relationships of a part live.
func RelsPath(part string) string {
	dir, file := path.Split(part)
	return dir + "_rels/" + file + ".rels"
}
