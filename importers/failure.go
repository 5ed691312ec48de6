package importers

import (
	"errors"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/docx"
	"github.com/inspection-workbench/workbench/importers/pdf"
	"github.com/inspection-workbench/workbench/importers/tabular"
	"github.com/inspection-workbench/workbench/importers/xlsx"
)

// Failure classifies an error ReadFile or ReadDocument returned for a
// user's file: a *workbench.Error with the reason and its arguments
// (where in the file, what the file looks like instead) for the
// interfaces to word in their own language, its Err the error itself.
// It returns nil for an error it does not know — a cancelled import, a
// full disk — and the error's own *workbench.Error when it has one.
func Failure(err error) *workbench.Error {
	if err == nil {
		return nil
	}
	if we := workbench.ErrorReason(err); we != nil {
		return we
	}
	msg := err.Error()
	fail := func(code workbench.Code, r workbench.Reason, args ...any) *workbench.Error {
		return workbench.Errorf(code, r, args...).Wrap(err)
	}
	invalid := func(r workbench.Reason, args ...any) *workbench.Error { return fail(workbench.CodeInvalid, r, args...) }
	format := formatOfError(err)
	switch {
	case errors.Is(err, os.ErrNotExist), errors.Is(err, os.ErrPermission):
		return invalid(workbench.ReasonFileUnreadable)
	case errors.Is(err, docx.ErrEncrypted), errors.Is(err, pdf.ErrEncrypted), errors.Is(err, xlsx.ErrEncrypted):
		return fail(workbench.CodeUnsupported, workbench.ReasonEncrypted, "Format", format)
	case errors.Is(err, xlsx.ErrZipBomb), errors.Is(err, docx.ErrZipBomb):
		return fail(workbench.CodeUnsupported, workbench.ReasonZipBomb, "Format", format)
	case errors.Is(err, xlsx.ErrNotXLSX), errors.Is(err, docx.ErrNotDOCX), errors.Is(err, pdf.ErrNotPDF):
		looks := looksLike(msg)
		if looks == "zip_damaged" {
			return fail(workbench.CodeUnsupported, workbench.ReasonDamaged, "Format", format)
		}
		return fail(workbench.CodeUnsupported, workbench.ReasonNotFormat, "Format", format, "Looks", looks)
	case format == "PDF" && pdfDamaged(err):
		return fail(workbench.CodeUnsupported, workbench.ReasonDamaged, "Format", format)
	case errors.Is(err, ErrUnsupported):
		return fail(workbench.CodeUnsupported, workbench.ReasonUnsupportedFormat, "Looks", looksLike(msg))
	case errors.Is(err, tabular.ErrNotText):
		return fail(workbench.CodeUnsupported, workbench.ReasonNotText)
	case errors.Is(err, tabular.ErrEmpty):
		return invalid(workbench.ReasonFileEmpty)
	case errors.Is(err, ErrNoRecords), errors.Is(err, tabular.ErrNoRecords):
		return invalid(workbench.ReasonNoRecords)
	case errors.Is(err, tabular.ErrTooDeep):
		return invalid(workbench.ReasonTooDeep, "Location", errorLocation(msg), "Max", tabular.TooDeepMax(err))
	case errors.Is(err, tabular.ErrRecordTooLarge):
		return invalid(workbench.ReasonRecordTooLarge, "Location", errorLocation(msg))
	case errors.Is(err, tabular.ErrTooManyFields):
		return invalid(workbench.ReasonTooManyFields, "Location", errorLocation(msg))
	case errors.Is(err, tabular.ErrNotRecords):
		return invalid(workbench.ReasonNotRecords, "Location", errorLocation(msg))
	case errors.Is(err, tabular.ErrSyntax):
		return invalid(workbench.ReasonSyntax, "Format", tabular.SyntaxFormat(err), "Location", errorLocation(msg))
	}
	return nil
}

// pdfDamaged reports whether a PDF error says the file is damaged: PDFium
// could not parse it, or none of its pages could be read.
func pdfDamaged(err error) bool {
	return errors.Is(err, pdf.ErrDamaged)
}

// formatOfError is the format an error is about, from the reader that
// made it: "XLSX", "DOCX", "PDF", "JSON", "CSV" or "".
func formatOfError(err error) string {
	msg := err.Error()
	switch {
	case errors.Is(err, xlsx.ErrNotXLSX), errors.Is(err, xlsx.ErrZipBomb), errors.Is(err, xlsx.ErrEncrypted), strings.HasPrefix(msg, "xlsx:"):
		return "XLSX"
	case errors.Is(err, docx.ErrNotDOCX), errors.Is(err, docx.ErrZipBomb), errors.Is(err, docx.ErrEncrypted), strings.HasPrefix(msg, "docx:"):
		return "DOCX"
	case errors.Is(err, pdf.ErrNotPDF), errors.Is(err, pdf.ErrEncrypted), errors.Is(err, pdf.ErrDamaged), strings.HasPrefix(msg, "pdf:"):
		return "PDF"
	}
	return tabular.SyntaxFormat(err)
}

// looks are what an importer's "looks like …" says a file is, by code.
var looks = []struct{ text, code string }{
	{"truncated or damaged zip", "zip_damaged"},
	{"presentations cannot be read", "pptx"}, {"encrypted Office file", "encrypted"},
	{"PNG image", "png"}, {"JPEG image", "jpeg"}, {"GIF image", "gif"},
	{"binary Excel workbook", "xlsb"}, {"Excel binary workbook", "xlsb"},
	{"legacy Excel", "xls"}, {".xls file", "xls"}, {"legacy Word", "doc"}, {".doc file", "doc"}, {"legacy PowerPoint", "ppt"},
	{"Excel workbook (.xlsx)", "xlsx"}, {"Word document", "docx"}, {"PowerPoint", "pptx"},
	{"OpenDocument file (.ods)", "ods"}, {"OpenDocument file (.odt)", "odt"},
	{"PDF document", "pdf"}, {"RAR archive", "rar"}, {"7-Zip archive", "7z"}, {"gzip", "gzip"}, {"ZIP archive", "zip"},
	{"HTML page", "html"}, {"RTF document", "rtf"}, {"XML", "xml"}, {"text file", "text"},
	{"OLE2", "ole2"}, {"beta of Excel 2007", "excel2007beta"},
}

// looksLike is the code of what an error message says the file looks
// like, "" when it says nothing the interfaces word.
func looksLike(msg string) string {
	for _, l := range looks {
		if strings.Contains(msg, l.text) {
			return l.code
		}
	}
	return ""
}

// errorLocation finds where in the file an error message says the problem
// is, in the English of locations: "record 2, line 3", "line 3, column 26".
func errorLocation(msg string) string {
	var parts []string
	if m := regexp.MustCompile(`record (\d+)`).FindStringSubmatch(msg); m != nil {
		parts = append(parts, "record "+m[1])
	}
	if m := regexp.MustCompile(`line (\d+)`).FindStringSubmatch(msg); m != nil {
		parts = append(parts, "line "+m[1])
	}
	if m := regexp.MustCompile(`column (\d+)`).FindStringSubmatch(msg); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil {
			parts = append(parts, "column "+strconv.Itoa(n))
		}
	}
	return strings.Join(parts, ", ")
}
