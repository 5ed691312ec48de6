package docx

import (
	"bytes"
	"encoding/binary"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

var oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// sniff says what a file that is neither a zip nor OLE2 looks like.
func sniff(r io.ReaderAt, head []byte) string {
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
	case bytes.HasPrefix(head, []byte("{\\rtf")):
		return "looks like an RTF document; save it as .docx"
	case bytes.HasPrefix(head, []byte("Rar!")):
		return "looks like a RAR archive"
	case bytes.HasPrefix(head, []byte{'7', 'z', 0xBC, 0xAF}):
		return "looks like a 7-Zip archive"
	case bytes.HasPrefix(head, []byte{0x1F, 0x8B}):
		return "looks like a gzip file"
	}
	buf := make([]byte, 512)
	n, _ := r.ReadAt(buf, 0)
	buf = bytes.TrimPrefix(buf[:n], []byte{0xEF, 0xBB, 0xBF})
	lower := bytes.ToLower(buf)
	switch {
	case bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<!doctype html")):
		return "looks like an HTML page (some systems export “Word” files as HTML)"
	case bytes.HasPrefix(lower, []byte("<?xml")):
		if bytes.Contains(buf, []byte("schemas.microsoft.com/office/word/2003/wordml")) || bytes.Contains(buf, []byte("w:wordDocument")) {
			return "looks like a Word 2003 XML document; save it as .docx"
		}
		if bytes.Contains(buf, []byte("pkg:package")) {
			return "looks like a flat Word XML document; save it as .docx"
		}
		return "looks like an XML file"
	case looksLikeText(buf):
		return "looks like a text file"
	}
	return "it is not a zip archive"
}

func looksLikeText(b []byte) bool {
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

// encryptionInfoUTF16 is "EncryptionInfo" as a UTF-16LE directory name.
var encryptionInfoUTF16 = func() []byte {
	var b []byte
	for _, c := range "EncryptionInfo" {
		b = append(b, byte(c), 0)
	}
	return b
}()

// sniffOLE tells a password-protected OOXML document (an OLE2 compound
// file with EncryptionInfo and EncryptedPackage streams) from a legacy
// .doc or .xls. It looks for the UTF-16 name "EncryptionInfo" in the first
// 64 KiB, then walks at most 256 directory sectors; anything odd gives a
// generic answer.
func sniffOLE(r io.ReaderAt, size int64) (what string, encrypted bool) {
	const generic = "looks like an OLE2 compound file (a legacy .doc, or an encrypted document)"
	const encMsg = "the document is password-protected; save a copy without a password"
	first := make([]byte, min(size, 64<<10))
	n, _ := r.ReadAt(first, 0)
	if bytes.Contains(first[:n], encryptionInfoUTF16) {
		return encMsg, true
	}
	if n < 512 {
		return generic, false
	}
	hdr := first[:512]
	shift := binary.LittleEndian.Uint16(hdr[0x1E:])
	if shift != 9 && shift != 12 {
		return generic, false
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
	switch {
	case names["EncryptedPackage"] || names["EncryptionInfo"]:
		return encMsg, true
	case names["WordDocument"]:
		return "looks like a legacy Word .doc file; save it as .docx", false
	case names["Workbook"] || names["Book"]:
		return "looks like a legacy Excel .xls file", false
	case names["PowerPoint Document"]:
		return "looks like a legacy PowerPoint .ppt file", false
	}
	return generic, false
}
