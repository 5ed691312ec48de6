package docx

import (
	"bytes"
	"io"

	"github.com/inspection-workbench/workbench/importers/ooxml"
)

// sniff says what a file that is neither a zip nor OLE2 looks like.
func sniff(r io.ReaderAt, head []byte) string {
	if bytes.HasPrefix(head, []byte("{\\rtf")) {
		return "looks like an RTF document; save it as .docx"
	}
	if what := ooxml.DescribeHead(head); what != "" {
		return what
	}
	switch kind, start := ooxml.SniffText(r); kind {
	case ooxml.HTML:
		return "looks like an HTML page (some systems export “Word” files as HTML)"
	case ooxml.XML:
		if bytes.Contains(start, []byte("schemas.microsoft.com/office/word/2003/wordml")) || bytes.Contains(start, []byte("w:wordDocument")) {
			return "looks like a Word 2003 XML document; save it as .docx"
		}
		if bytes.Contains(start, []byte("pkg:package")) {
			return "looks like a flat Word XML document; save it as .docx"
		}
		return "looks like an XML file"
	case ooxml.PlainText:
		return "looks like a text file"
	}
	return "it is not a zip archive"
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
	const encMsg = "the document is password-protected; save a copy without a password"
	first := make([]byte, min(size, 64<<10))
	n, _ := r.ReadAt(first, 0)
	if bytes.Contains(first[:n], encryptionInfoUTF16) {
		return encMsg, true
	}
	dir := ooxml.ReadOLEDirectory(r, size)
	switch {
	case dir.Encrypted:
		return encMsg, true
	case dir.Word:
		return "looks like a legacy Word .doc file; save it as .docx", false
	case dir.Excel:
		return "looks like a legacy Excel .xls file", false
	case dir.PowerPoint:
		return "looks like a legacy PowerPoint .ppt file", false
	}
	return "looks like an OLE2 compound file (a legacy .doc, or an encrypted document)", false
}
