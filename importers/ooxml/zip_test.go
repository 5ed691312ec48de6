package ooxml

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"strings"
	"testing"
)

var errBomb = errors.New("test bomb")

// entry is a zip entry written raw, declaring the sizes the test chooses.
type entry struct {
	name       string
	data       []byte
	compressed uint64 // 0: len(data)
	declared   uint64
}

func rawZip(t *testing.T, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		c := e.compressed
		if c == 0 {
			c = uint64(len(e.data))
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Store,
			CompressedSize64: c, UncompressedSize64: e.declared})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func openZip(t *testing.T, b []byte) *zip.Reader {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return zr
}

func requireBomb(t *testing.T, err error, says string) {
	t.Helper()
	if !errors.Is(err, errBomb) || !strings.Contains(err.Error(), says) {
		t.Fatalf("error %v, want %v saying %q", err, errBomb, says)
	}
}

// The entry count is read from the end of central directory record, in its
// zip64 form too, before archive/zip parses (and allocates for) the
// directory.
func TestDeclaredEntries(t *testing.T) {
	rec := make([]byte, 56)
	copy(rec, "PK\x06\x06")
	binary.LittleEndian.PutUint64(rec[32:], 5_000_000)
	loc := make([]byte, 20)
	copy(loc, "PK\x06\x07")
	binary.LittleEndian.PutUint64(loc[8:], 0)
	eocd := make([]byte, 22)
	copy(eocd, "PK\x05\x06")
	binary.LittleEndian.PutUint16(eocd[10:], 0xFFFF)
	b := append(append(rec, loc...), eocd...)
	if n, ok := DeclaredEntries(bytes.NewReader(b), int64(len(b))); !ok || n != 5_000_000 {
		t.Fatalf("DeclaredEntries = %d, %v", n, ok)
	}

	plain := rawZip(t, entry{name: "a", data: []byte("x"), declared: 1}, entry{name: "b", data: []byte("y"), declared: 1})
	if n, ok := DeclaredEntries(bytes.NewReader(plain), int64(len(plain))); !ok || n != 2 {
		t.Errorf("DeclaredEntries of a plain zip = %d, %v", n, ok)
	}

	// A bare end record, shorter than a zip64 one.
	small := make([]byte, 22)
	copy(small, "PK\x05\x06")
	binary.LittleEndian.PutUint16(small[10:], 7)
	if n, ok := DeclaredEntries(bytes.NewReader(small), int64(len(small))); !ok || n != 7 {
		t.Errorf("DeclaredEntries of a bare end record = %d, %v", n, ok)
	}
	binary.LittleEndian.PutUint16(small[10:], 0xFFFF) // zip64 marker with no room for it
	if _, ok := DeclaredEntries(bytes.NewReader(small), int64(len(small))); ok {
		t.Error("DeclaredEntries found a zip64 record in 22 bytes")
	}
	for _, b := range [][]byte{nil, []byte("PK\x05\x06"), bytes.Repeat([]byte("x"), 100)} {
		if _, ok := DeclaredEntries(bytes.NewReader(b), int64(len(b))); ok {
			t.Errorf("DeclaredEntries(%q) ok", b)
		}
	}
	// A zip64 locator pointing past the end.
	binary.LittleEndian.PutUint64(b[56+8:], 1<<40)
	if _, ok := DeclaredEntries(bytes.NewReader(b), int64(len(b))); ok {
		t.Error("DeclaredEntries followed a locator past the end")
	}
}

func TestCheckZip(t *testing.T) {
	lim := Limits{MaxUnpackedBytes: 10 << 20, MaxEntries: 3, MaxRatio: 100}
	ok := rawZip(t, entry{name: "a", data: []byte("x"), declared: 1})
	if err := CheckZip(openZip(t, ok), lim, errBomb); err != nil {
		t.Fatal(err)
	}

	many := rawZip(t, entry{name: "a", declared: 0}, entry{name: "b"}, entry{name: "c"}, entry{name: "d"})
	requireBomb(t, CheckZip(openZip(t, many), lim, errBomb), "4 zip entries, more than the limit of 3")
	requireBomb(t, CheckEntries(4, lim, errBomb), "4 zip entries, more than the limit of 3")
	if err := CheckEntries(3, lim, errBomb); err != nil {
		t.Error(err)
	}

	big := rawZip(t, entry{name: "a", data: make([]byte, 100<<10), declared: 6 << 20},
		entry{name: "b", data: make([]byte, 100<<10), declared: 6 << 20})
	requireBomb(t, CheckZip(openZip(t, big), lim, errBomb), "more than the limit of 10485760 bytes")

	// 2 MiB from 10 KiB is a ratio of about 205.
	ratio := rawZip(t, entry{name: "dense", data: make([]byte, 10<<10), declared: 2 << 20})
	requireBomb(t, CheckZip(openZip(t, ratio), lim, errBomb), `entry "dense" unpacks 2097152 bytes from 10240`)
	// Below RatioThreshold the ratio is not checked.
	small := rawZip(t, entry{name: "s", data: []byte("x"), declared: RatioThreshold})
	if err := CheckZip(openZip(t, small), lim, errBomb); err != nil {
		t.Error(err)
	}
}

func TestGuard(t *testing.T) {
	read := func(data []byte, declared uint64, maxUnpacked int64) ([]byte, error) {
		b := rawZip(t, entry{name: "p.xml", data: data, declared: declared})
		f := openZip(t, b).File[0]
		rc, err := OpenPart(f, "p.xml", maxUnpacked, errBomb)
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		return io.ReadAll(rc)
	}
	data := bytes.Repeat([]byte("<a/>"), 1000)
	if got, err := read(data, uint64(len(data)), 1<<20); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("honest part: %d bytes, %v", len(got), err)
	}
	// More data than the directory declared.
	_, err := read(data, 100, 1<<20)
	requireBomb(t, err, "part p.xml inflates beyond its declared 100 bytes")
	// Declared honestly, but above the budget.
	_, err = read(data, uint64(len(data)), 1000)
	requireBomb(t, err, "part p.xml inflates beyond its declared 4000 bytes or the limit")

	// The guard enforces the budget on its own, whatever the reader does.
	g := Guard(io.NopCloser(bytes.NewReader(data)), "x", 10, 1<<20, errBomb)
	_, err = io.ReadAll(g)
	requireBomb(t, err, "part x inflates")
}

func TestParts(t *testing.T) {
	b := rawZip(t, entry{name: "/Word/Document.xml", data: []byte("1"), declared: 1},
		entry{name: `word\document.xml`, data: []byte("2"), declared: 1})
	p := NewParts(openZip(t, b).File)
	if len(p) != 1 {
		t.Fatalf("parts %v", p)
	}
	f := p.Get("word/DOCUMENT.xml")
	if f == nil || f.Name != "/Word/Document.xml" {
		t.Fatalf("Get = %v, want the first entry", f)
	}
	if p.Get("word/styles.xml") != nil {
		t.Error("Get found a missing part")
	}
	if got := NormalizePart(`\XL\Workbook.xml`); got != "xl/workbook.xml" {
		t.Errorf("NormalizePart = %q", got)
	}
}

func TestRelationships(t *testing.T) {
	for _, c := range []struct{ base, target, want string }{
		{"xl", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"},
		{"xl", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"},
		{"word", `..\media\a.png`, "media/a.png"},
		{"", "word/document.xml", "word/document.xml"},
		{"word", "../../../etc/passwd", "etc/passwd"},
	} {
		if got := ResolvePart(c.base, c.target); got != c.want {
			t.Errorf("ResolvePart(%q, %q) = %q, want %q", c.base, c.target, got, c.want)
		}
	}
	if got := RelsPath("word/document.xml"); got != "word/_rels/document.xml.rels" {
		t.Errorf("RelsPath = %q", got)
	}
	if got := RelsPath(""); got != "_rels/.rels" {
		t.Errorf("RelsPath of the package = %q", got)
	}
	for _, typ := range []string{
		"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
		"http://purl.oclc.org/ooxml/officeDocument/relationships/styles",
	} {
		if !RelType(typ, "styles") {
			t.Errorf("RelType(%q, styles) is false", typ)
		}
	}
	if RelType("http://example.com/stylesWithEffects", "styles") {
		t.Error("RelType matched a longer name")
	}
}
