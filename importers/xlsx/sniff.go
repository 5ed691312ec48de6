package xlsx

import (
	"bytes"
	"io"

	"github.com/inspection-workbench/workbench/importers/ooxml"
)

// sniff says what a file that is not a zip looks like, from its first
// bytes (and, for an OLE2 compound file, its directory).
func sniff(r io.ReaderAt, size int64, head []byte) string {
	if size == 0 {
		return "the file is empty"
	}
	if ooxml.IsOLE(head) {
		return sniffOLE(r, size)
	}
	if what := ooxml.DescribeHead(head); what != "" {
		return what
	}
	switch kind, start := ooxml.SniffText(r); kind {
	case ooxml.HTML:
		return "looks like an HTML page (some systems export “Excel” files as HTML)"
	case ooxml.XML:
		if bytes.Contains(start, []byte("urn:schemas-microsoft-com:office:spreadsheet")) {
			return "looks like an Excel 2003 XML spreadsheet"
		}
		return "looks like an XML file"
	case ooxml.PlainText:
		return "looks like a text file (CSV?)"
	}
	return "it is not a zip archive"
}

// sniffOLE reads the directory of an OLE2 compound file to tell a legacy
// .xls from a password-protected (encrypted) workbook, giving a generic
// answer when anything is odd.
func sniffOLE(r io.ReaderAt, size int64) string {
	dir := ooxml.ReadOLEDirectory(r, size)
	switch {
	case dir.Encrypted:
		return "the workbook is encrypted (password-protected); save a copy without a password and import again"
	case dir.Excel:
		return "looks like a legacy Excel 97–2003 workbook (.xls, OLE2), which cannot be read; save it as .xlsx and import again"
	case dir.Word:
		return "looks like a legacy Word 97–2003 document (.doc, OLE2), which cannot be read; save it as .docx and import again as a document"
	case dir.PowerPoint:
		return "looks like a legacy PowerPoint presentation (.ppt); export it as PDF and import that"
	}
	return "looks like an OLE2 compound file (a legacy .xls or .doc, or an encrypted workbook); save it as .xlsx (or .docx) and import again"
}
