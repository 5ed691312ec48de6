package ooxml

import (
	"bytes"
	"encoding/binary"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// OLESignature starts an OLE2 compound file: a legacy .doc, .xls or .ppt,
// or a password-protected (encrypted) OOXML document.
var OLESignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// IsOLE reports whether head, the first bytes of a file, starts an OLE2
// compound file.
func IsOLE(head []byte) bool { return bytes.HasPrefix(head, OLESignature) }

// DescribeHead says what a file that is not a zip looks like from its
// first bytes, for an empty file and the common binary formats (images,
// PDF, other archives), or returns "".
func DescribeHead(head []byte) string {
	switch {
	case len(head) == 0:
		return "the file is empty"
	case bytes.HasPrefix(head, []byte("\x89PNG")):
		return "looks like a PNG image"
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}):
		return "looks like a JPEG image"
	case bytes.HasPrefix(head, []byte("GIF8")):
		return "looks like a GIF image"
	case bytes.HasPrefix(head, []byte("%PDF")):
		return "looks like a PDF document"
	case bytes.HasPrefix(head, []byte("Rar!")):
		return "looks like a RAR archive"
	case bytes.HasPrefix(head, []byte{'7', 'z', 0xBC, 0xAF}):
		return "looks like a 7-Zip archive"
	case bytes.HasPrefix(head, []byte{0x1F, 0x8B}):
		return "looks like a gzip file"
	}
	return ""
}

// TextKind is what the start of a file looks like as text.
type TextKind int

// The kinds SniffText tells apart.
const (
	NotText   TextKind = iota // binary, or nothing recognizable
	HTML                      // an HTML page
	XML                       // an XML document (not HTML)
	PlainText                 // other text: valid UTF-8 without control characters
)

// SniffText reads the first 512 bytes of r and says whether they look like
// HTML, XML or plain text. start is what was read, without a UTF-8 byte
// order mark, for the caller to tell XML dialects apart.
func SniffText(r io.ReaderAt) (kind TextKind, start []byte) {
	buf := make([]byte, 512)
	n, _ := r.ReadAt(buf, 0)
	buf = bytes.TrimPrefix(buf[:n], []byte{0xEF, 0xBB, 0xBF})
	lower := bytes.ToLower(buf)
	switch {
	case bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<!doctype html")):
		return HTML, buf
	case bytes.HasPrefix(lower, []byte("<?xml")):
		return XML, buf
	case LooksLikeText(buf):
		return PlainText, buf
	}
	return NotText, buf
}

// LooksLikeText reports whether b, the start of a file cut at up to 512
// bytes, is valid UTF-8 (a rune split by the cut aside) without control
// characters other than tab, line feed and carriage return.
func LooksLikeText(b []byte) bool {
	// A cut at 512 bytes may split a rune at the end.
	for len(b) > 508 && !utf8.Valid(b) {
		b = b[:len(b)-1]
	}
	if !utf8.Valid(b) {
		return false
	}
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// OLEDirectory says which streams that tell Office files apart the
// directory of an OLE2 compound file names.
type OLEDirectory struct {
	// Encrypted: an EncryptionInfo or EncryptedPackage stream, i.e. a
	// password-protected OOXML document.
	Encrypted bool
	// Excel: a Workbook or Book stream, a legacy .xls.
	Excel bool
	// Word: a WordDocument stream, a legacy .doc.
	Word bool
	// PowerPoint: a "PowerPoint Document" stream, a legacy .ppt.
	PowerPoint bool
}

// ReadOLEDirectory reads the directory of the OLE2 compound file in r
// (size bytes). It follows at most 256 directory sectors and stops at
// anything odd; a header it cannot use gives the zero OLEDirectory.
func ReadOLEDirectory(r io.ReaderAt, size int64) OLEDirectory {
	names := oleStreamNames(r, size)
	return OLEDirectory{
		Encrypted:  names["EncryptedPackage"] || names["EncryptionInfo"],
		Excel:      names["Workbook"] || names["Book"],
		Word:       names["WordDocument"],
		PowerPoint: names["PowerPoint Document"],
	}
}

// oleStreamNames returns the names in the directory of an OLE2 compound
// file, nil when its header is unusable.
func oleStreamNames(r io.ReaderAt, size int64) map[string]bool {
	hdr := make([]byte, 512)
	if n, _ := r.ReadAt(hdr, 0); n < 512 {
		return nil
	}
	shift := binary.LittleEndian.Uint16(hdr[0x1E:])
	if shift != 9 && shift != 12 {
		return nil
	}
	secSize := int64(1) << shift
	perFAT := uint32(secSize / 4)
	var difat [109]uint32
	for i := range difat {
		difat[i] = binary.LittleEndian.Uint32(hdr[0x4C+4*i:])
	}
	u32 := make([]byte, 4)
	next := func(s uint32) (uint32, bool) {
		idx := s / perFAT
		if idx >= uint32(len(difat)) {
			return 0, false
		}
		off := (int64(difat[idx])+1)*secSize + int64(s%perFAT)*4
		if off < 0 || off+4 > size {
			return 0, false
		}
		if n, _ := r.ReadAt(u32, off); n < 4 {
			return 0, false
		}
		return binary.LittleEndian.Uint32(u32), true
	}
	names := map[string]bool{}
	sec := make([]byte, secSize)
	s := binary.LittleEndian.Uint32(hdr[0x30:])
	for range 256 {
		if s >= 0xFFFFFFFA {
			break
		}
		off := (int64(s) + 1) * secSize
		if off+secSize > size {
			break
		}
		if n, _ := r.ReadAt(sec, off); int64(n) < secSize {
			break
		}
		for e := int64(0); e+128 <= secSize; e += 128 {
			ent := sec[e : e+128]
			l := int(binary.LittleEndian.Uint16(ent[0x40:]))
			if l < 2 || l > 64 {
				continue
			}
			u := make([]uint16, l/2-1)
			for i := range u {
				u[i] = binary.LittleEndian.Uint16(ent[2*i:])
			}
			names[string(utf16.Decode(u))] = true
		}
		var ok bool
		if s, ok = next(s); !ok {
			break
		}
	}
	return names
}
