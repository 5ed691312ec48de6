package pdf

import (
	"strings"
	"unicode"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// comment is the note of a markup annotation: a sticky note, the comment
// on a highlight, a free-text box.
type comment struct {
	text, author string
	// drawn is true for a free-text note, whose appearance shows its text
	// on the page: once flattened, it is read with the page's text.
	drawn bool
}

// markup lists the annotation subtypes that carry a reviewer's note in
// their /Contents (the markup annotations of ISO 32000-1, 12.5.6.2). Links,
// popups (which show their parent's note), widgets and the rest are not
// notes.
var markup = map[enums.FPDF_ANNOTATION_SUBTYPE]bool{
	enums.FPDF_ANNOT_SUBTYPE_TEXT:           true,
	enums.FPDF_ANNOT_SUBTYPE_FREETEXT:       true,
	enums.FPDF_ANNOT_SUBTYPE_LINE:           true,
	enums.FPDF_ANNOT_SUBTYPE_SQUARE:         true,
	enums.FPDF_ANNOT_SUBTYPE_CIRCLE:         true,
	enums.FPDF_ANNOT_SUBTYPE_POLYGON:        true,
	enums.FPDF_ANNOT_SUBTYPE_POLYLINE:       true,
	enums.FPDF_ANNOT_SUBTYPE_HIGHLIGHT:      true,
	enums.FPDF_ANNOT_SUBTYPE_UNDERLINE:      true,
	enums.FPDF_ANNOT_SUBTYPE_SQUIGGLY:       true,
	enums.FPDF_ANNOT_SUBTYPE_STRIKEOUT:      true,
	enums.FPDF_ANNOT_SUBTYPE_STAMP:          true,
	enums.FPDF_ANNOT_SUBTYPE_CARET:          true,
	enums.FPDF_ANNOT_SUBTYPE_INK:            true,
	enums.FPDF_ANNOT_SUBTYPE_FILEATTACHMENT: true,
	enums.FPDF_ANNOT_SUBTYPE_SOUND:          true,
	enums.FPDF_ANNOT_SUBTYPE_REDACT:         true,
}

// maxAnnotations bounds the annotations read on one page; a hostile file
// can list millions.
const maxAnnotations = 10_000

// readAnnotations reads the values of the page's filled text and choice
// form fields and the notes of its markup annotations, in the page's
// annotation order. flatten reports whether the page has annotations whose
// appearance may show text (fields, notes), so that flattening them into
// the page is worth it. An annotation that cannot be read is passed over:
// annotations are extras, never a reason to lose the page.
func readAnnotations(inst pdfium.Pdfium, page requests.Page) (fields []string, comments []comment, flatten bool) {
	n, err := inst.FPDFPage_GetAnnotCount(&requests.FPDFPage_GetAnnotCount{Page: page})
	if err != nil {
		return nil, nil, false
	}
	for i := range min(n.Count, maxAnnotations) {
		a, err := inst.FPDFPage_GetAnnot(&requests.FPDFPage_GetAnnot{Page: page, Index: i})
		if err != nil {
			continue
		}
		st, err := inst.FPDFAnnot_GetSubtype(&requests.FPDFAnnot_GetSubtype{Annotation: a.Annotation})
		switch {
		case err != nil:
		case st.Subtype == enums.FPDF_ANNOT_SUBTYPE_WIDGET:
			flatten = true
			if v := fieldValue(inst, a.Annotation); v != "" {
				fields = append(fields, v)
			}
		case markup[st.Subtype]:
			flatten = true
			if text := tidy(stringValue(inst, a.Annotation, "Contents")); text != "" {
				comments = append(comments, comment{
					text:   text,
					author: cleanAuthor(stringValue(inst, a.Annotation, "T")),
					drawn:  st.Subtype == enums.FPDF_ANNOT_SUBTYPE_FREETEXT,
				})
			}
		}
		inst.FPDFPage_CloseAnnot(&requests.FPDFPage_CloseAnnot{Annotation: a.Annotation})
	}
	return fields, comments, flatten
}

// stringValue returns a text or name entry of an annotation's dictionary,
// or "" when it is missing or unreadable.
func stringValue(inst pdfium.Pdfium, a references.FPDF_ANNOTATION, key string) string {
	v, err := inst.FPDFAnnot_GetStringValue(&requests.FPDFAnnot_GetStringValue{Annotation: a, Key: key})
	if err != nil {
		return ""
	}
	return v.Value
}

// maxFieldDepth bounds the walk up a form field's /Parent chain.
const maxFieldDepth = 8

// fieldValue returns the value of a widget's form field when the field is
// a text or choice field that is not hidden, tidied, or "". The field type
// (/FT) and value (/V) are inheritable, so they are looked up the /Parent
// chain too. Buttons are left out: a check box's value is a state name
// ("Yes", "Off"), not text.
func fieldValue(inst pdfium.Pdfium, widget references.FPDF_ANNOTATION) string {
	if f, err := inst.FPDFAnnot_GetFlags(&requests.FPDFAnnot_GetFlags{Annotation: widget}); err == nil &&
		f.Flags&(enums.FPDF_ANNOT_FLAG_HIDDEN|enums.FPDF_ANNOT_FLAG_INVISIBLE) != 0 {
		return ""
	}
	var typ, value string
	cur := widget
	var opened []references.FPDF_ANNOTATION
	defer func() {
		for _, a := range opened {
			inst.FPDFPage_CloseAnnot(&requests.FPDFPage_CloseAnnot{Annotation: a})
		}
	}()
	for range maxFieldDepth {
		if typ == "" {
			typ = stringValue(inst, cur, "FT")
		}
		if value == "" {
			value = stringValue(inst, cur, "V")
		}
		if typ != "" && value != "" {
			break
		}
		parent, err := inst.FPDFAnnot_GetLinkedAnnot(&requests.FPDFAnnot_GetLinkedAnnot{Annotation: cur, Key: "Parent"})
		if err != nil {
			break
		}
		opened = append(opened, parent.LinkedAnnotation)
		cur = parent.LinkedAnnotation
	}
	if typ != "Tx" && typ != "Ch" {
		return ""
	}
	return tidy(value)
}

// cleanAuthor tidies an annotation's /T. Some writers add to the name:
// LibreOffice writes "张三, 24年5月1日, " (name, date and a trailing
// separator), whose trailing separator is dropped.
func cleanAuthor(s string) string {
	return strings.TrimRightFunc(strings.Join(strings.Fields(s), " "), func(r rune) bool {
		return r == ',' || r == '，' || unicode.IsSpace(r)
	})
}

// addFieldValues appends to a page's text, one per line, the form field
// values that do not already stand in it. A filled field whose appearance
// PDFium could flatten is in the text where it shows; one without a usable
// appearance (NeedAppearances, a font PDFium lacks) would be lost.
func addFieldValues(text string, values []string) string {
	for _, v := range values {
		if containsLoosely(text, v) {
			continue
		}
		if text != "" {
			text += "\n"
		}
		text += v
	}
	return text
}

// containsLoosely reports whether sub stands in s, ignoring white space
// (line breaks and the spacing text extraction puts between glyphs).
func containsLoosely(s, sub string) bool {
	noSpace := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	return strings.Contains(noSpace(s), noSpace(sub))
}

// XFA forms (Adobe LiveCycle / AEM Forms Designer) hold their content in
// an XML packet that PDFium, built without XFA, cannot lay out. A dynamic
// one (FORMTYPE_XFA_FULL) gives viewers without XFA a page saying
// "Please wait... If this message is not eventually replaced by the proper
// contents of the document, your PDF viewer may not be able to display
// this type of document."
const (
	xfaUnreadableMessage = "This is an XFA form (made with Adobe LiveCycle or AEM Forms Designer): its content cannot be read, " +
		"only the \"Please wait...\" page shown by viewers without XFA support. " +
		"Open it in Adobe Acrobat or Reader and export or print it to a normal PDF, then import that."
	xfaPartialMessage = "This is a dynamic XFA form (made with Adobe LiveCycle or AEM Forms Designer): the text imported is what it shows " +
		"to viewers without XFA support, and the form's own content may be missing. " +
		"To be sure, open it in Adobe Acrobat or Reader, export or print it to a normal PDF and import that."
)

// xfaPlaceholderSignature is the sentence of the XFA placeholder page that
// the tools write in every version, lower-cased with single spaces.
const xfaPlaceholderSignature = "if this message is not eventually replaced by the proper contents of the document"

// maxPlaceholderRunes bounds the length of a page taken for the XFA
// placeholder: the real one, with its upgrade and trademark notes, runs to
// under a thousand characters, so a longer page that quotes the sentence
// is content.
const maxPlaceholderRunes = 2000

// isXFAPlaceholder reports whether a page's tidied text is the placeholder
// page of an XFA form.
func isXFAPlaceholder(text string) bool {
	if text == "" || len([]rune(text)) > maxPlaceholderRunes {
		return false
	}
	flat := strings.ToLower(strings.Join(strings.Fields(text), " "))
	return strings.Contains(flat, xfaPlaceholderSignature)
}
