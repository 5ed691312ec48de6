package ooxml

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf16"
)

// cfb writes a minimal OLE2 compound file (512-byte sectors: header, FAT
// sector 0, directory sector 1) whose directory names the given streams.
func cfb(names ...string) []byte {
	const sec = 512
	out := make([]byte, 3*sec)
	h := out[:sec]
	copy(h, OLESignature)
	binary.LittleEndian.PutUint16(h[0x1E:], 9)
	binary.LittleEndian.PutUint32(h[0x30:], 1) // directory starts at sector 1
	for i := range 109 {
		binary.LittleEndian.PutUint32(h[0x4C+4*i:], 0xFFFFFFFF)
	}
	binary.LittleEndian.PutUint32(h[0x4C:], 0) // FAT in sector 0
	fat := out[sec : 2*sec]
	for i := range sec / 4 {
		binary.LittleEndian.PutUint32(fat[4*i:], 0xFFFFFFFF)
	}
	binary.LittleEndian.PutUint32(fat[0:], 0xFFFFFFFD) // FAT sector
	binary.LittleEndian.PutUint32(fat[4:], 0xFFFFFFFE) // end of the directory chain
	dir := out[2*sec:]
	for i, name := range append([]string{"Root Entry"}, names...) {
		e := dir[i*128 : (i+1)*128]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			binary.LittleEndian.PutUint16(e[2*j:], c)
		}
		binary.LittleEndian.PutUint16(e[0x40:], uint16(2*len(u)+2))
	}
	return out
}

func TestReadOLEDirectory(t *testing.T) {
	for _, c := range []struct {
		file []byte
		want OLEDirectory
	}{
		{cfb("Workbook", "\x05SummaryInformation"), OLEDirectory{Excel: true}},
		{cfb("Book"), OLEDirectory{Excel: true}},
		{cfb("WordDocument", "1Table"), OLEDirectory{Word: true}},
		{cfb("PowerPoint Document"), OLEDirectory{PowerPoint: true}},
		{cfb("EncryptionInfo", "EncryptedPackage"), OLEDirectory{Encrypted: true}},
		{cfb("EncryptedPackage"), OLEDirectory{Encrypted: true}},
		{cfb("Other"), OLEDirectory{}},
		{OLESignature, OLEDirectory{}}, // no room for a header
	} {
		if !IsOLE(c.file) {
			t.Fatal("IsOLE is false")
		}
		if got := ReadOLEDirectory(bytes.NewReader(c.file), int64(len(c.file))); got != c.want {
			t.Errorf("ReadOLEDirectory = %+v, want %+v", got, c.want)
		}
	}
	// An odd sector size, and a directory chain running off the file.
	odd := cfb("Workbook")
	binary.LittleEndian.PutUint16(odd[0x1E:], 7)
	if got := ReadOLEDirectory(bytes.NewReader(odd), int64(len(odd))); got != (OLEDirectory{}) {
		t.Errorf("odd sector size: %+v", got)
	}
	off := cfb("Workbook")
	binary.LittleEndian.PutUint32(off[0x30:], 1000)
	if got := ReadOLEDirectory(bytes.NewReader(off), int64(len(off))); got != (OLEDirectory{}) {
		t.Errorf("directory past the end: %+v", got)
	}
	if IsOLE([]byte("PK\x03\x04")) {
		t.Error("IsOLE of a zip")
	}
}

func TestDescribeHead(t *testing.T) {
	for head, want := range map[string]string{
		"":                     "the file is empty",
		"\x89PNG\r\n\x1a\n":    "PNG image",
		"\xFF\xD8\xFF\xE0":     "JPEG image",
		"GIF89a":               "GIF image",
		"%PDF-1.7":             "PDF document",
		"Rar!\x1a\x07":         "RAR archive",
		"7z\xBC\xAF\x27\x1C":   "7-Zip archive",
		"\x1F\x8B\x08\x00":     "gzip file",
		"a,b,c\n":              "",
		"{\\rtf1\\ansi":        "",
		"\xD0\xCF\x11\xE0\xA1": "",
	} {
		got := DescribeHead([]byte(head))
		if want == "" && got != "" || !strings.Contains(got, want) {
			t.Errorf("DescribeHead(%q) = %q, want %q", head, got, want)
		}
	}
}

func TestSniffText(t *testing.T) {
	for _, c := range []struct {
		file  string
		want  TextKind
		start string
	}{
		{"<!DOCTYPE html><html>", HTML, "<!DOCTYPE html>"},
		{"\xEF\xBB\xBF<HTML><body>", HTML, "<HTML>"},
		{`<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`, XML, "<?xml version"},
		{"\xEF\xBB\xBF<?xml version=\"1.0\"?>", XML, "<?xml"},
		{"名称,数量\r\n螺栓,3\n", PlainText, "名称"},
		{"\x00\x01\x02binary", NotText, ""},
		{"\xFF\xFEa\x00", NotText, ""},
	} {
		kind, start := SniffText(strings.NewReader(c.file))
		if kind != c.want || !bytes.HasPrefix(start, []byte(c.start)) {
			t.Errorf("SniffText(%q) = %v, %q; want %v starting %q", c.file, kind, start, c.want, c.start)
		}
	}
}

func TestLooksLikeText(t *testing.T) {
	// A cut at 512 bytes splitting a three-byte rune is still text.
	b := []byte(strings.Repeat("a", 510) + "表")[:512]
	if !LooksLikeText(b) {
		t.Error("a split rune at the cut is not text")
	}
	if LooksLikeText([]byte("ab\xFFcd")) {
		t.Error("invalid UTF-8 inside is text")
	}
	if LooksLikeText([]byte("a\x00b")) {
		t.Error("a NUL is text")
	}
	if !LooksLikeText([]byte("a\tb\r\nc")) || !LooksLikeText(nil) {
		t.Error("tabs and line ends are not text")
	}
}
