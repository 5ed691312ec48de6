// Package pdf extracts the text of PDF documents page by page, so that an
// inspector can search a provider's algorithm description (算法机制机理说明)
// and cite the page a passage comes from.
//
// Text is extracted with PDFium compiled to WebAssembly and run by wazero
// (through github.com/klippa-app/go-pdfium), so the package is pure Go: it
// builds with CGO_ENABLED=0, needs no PDFium shared library and no fonts, and
// opens no network connection. The PDFium module is embedded in the
// go-pdfium module and linked into the binary.
//
// The WebAssembly runtime is sandboxed: PDFium sees no host file system
// (documents are passed as bytes) and its standard output and error are
// discarded. Every Read runs in a fresh PDFium module instance, so a hostile
// document cannot leave state behind for the next one.
//
// Chinese set glyph by glyph, which PDFium extracts with a space between
// every character ("红 军 长 征"), is joined again; see joinSpacedCJK for
// when a line counts as set glyph by glyph.
//
// Forms and annotations: before a page's text is read, its annotations are
// flattened into its content (FPDFPage_Flatten), so the text of filled
// AcroForm fields and free-text notes stands in the page's text where it
// shows. A filled text or choice field whose appearance shows nothing
// PDFium can read (no appearance stream, a font PDFium lacks) has its value
// added to the page's text. The note of a markup annotation (a sticky
// note, the comment on a highlight, a free-text note whose text could not
// be drawn) becomes a passage of its own on that page, with Part
// document.PartComment and its author.
//
// XFA forms: PDFium is built without XFA. A dynamic XFA form's pages only
// hold the "Please wait..." placeholder for viewers without XFA; that
// placeholder is not imported, and a warning tells the inspector to have
// the form exported or printed to a normal PDF.
//
// Encryption: a document that needs a user password is refused with
// ErrEncrypted; no password is tried. A document encrypted with an owner
// password only (an empty user password, used to set permission flags such as
// "no copying") opens without any password and is read; its permission flags
// are not enforced, because an inspector's copy is made under regulatory
// authority, and Read reports a warning so the inspector knows.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/document"
	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
)

// Limits bounds the documents Read accepts. A zero field takes its default.
type Limits struct {
	MaxBytes int64 // default 512 MiB
	MaxPages int   // default 5000; more pages is an error with a clear message naming the count
}

const (
	defaultMaxBytes = 512 << 20
	defaultMaxPages = 5000
)

// DefaultLimits returns the limits used for fields of Limits left at zero:
// 512 MiB and 5000 pages.
func DefaultLimits() Limits {
	return Limits{MaxBytes: defaultMaxBytes, MaxPages: defaultMaxPages}
}

// ErrNotPDF is returned for data without a "%PDF-" header in its first 1024
// bytes. The wrapping error says what the data looks like when that is cheap
// to tell (PNG, JPEG, ZIP/OOXML, OLE2 .doc, empty file).
var ErrNotPDF = errors.New("not a PDF document")

// ErrEncrypted is returned for a password-protected PDF, one that cannot be
// opened without a user password. No password is tried.
var ErrEncrypted = errors.New("PDF is encrypted")

// ErrDamaged is matched (errors.Is) by the errors for a PDF that PDFium
// cannot open or whose pages it cannot count or read, none of them.
var ErrDamaged = errors.New("PDF is damaged")

// noTextMessage is the warning message for a page without a text layer.
const noTextMessage = "no text layer (scanned page?); not searchable — no OCR"

// Engine is the PDFium instance. Starting it (compiling the WebAssembly) is
// expensive, so a process starts one, lazily, with Shared and reuses it for
// every file. It is safe for concurrent use: up to a few Read calls run in
// parallel, each in its own PDFium module instance, and further calls wait.
type Engine struct {
	pool pdfium.Pool
}

var (
	sharedOnce   sync.Once
	sharedEngine *Engine
	sharedErr    error

	// engineStarts counts started engines, for tests.
	engineStarts atomic.Int64
)

// Shared returns the process's engine, starting it on the first call. The
// engine is started once per process; if starting fails, the error is kept
// and returned to every caller.
func Shared() (*Engine, error) {
	sharedOnce.Do(func() {
		sharedEngine, sharedErr = startEngine()
	})
	return sharedEngine, sharedErr
}

// startEngine compiles the embedded PDFium WebAssembly module and prepares a
// pool of module instances.
func startEngine() (e *Engine, err error) {
	engineStarts.Add(1)
	defer func() {
		if r := recover(); r != nil {
			e, err = nil, fmt.Errorf("pdf: start PDFium engine: internal error: %v", r)
		}
	}()
	workers := min(max(runtime.GOMAXPROCS(0), 1), 4)
	pool, err := webassembly.Init(webassembly.Config{
		MinIdle:  1,
		MaxIdle:  workers,
		MaxTotal: workers,
		// No host file system: documents are handed over as bytes.
		FSConfig: wazero.NewFSConfig(),
		Stdout:   io.Discard,
		Stderr:   io.Discard,
		// ReuseWorkers false: each Read gets a fresh module instance, so
		// nothing a hostile document did to PDFium's memory outlives it.
		ReuseWorkers: false,
	})
	if err != nil {
		return nil, fmt.Errorf("pdf: start PDFium engine (WebAssembly): %w", err)
	}
	return &Engine{pool: pool}, nil
}

// close releases the engine's runtime; used by benchmarks and tests that
// start their own engine.
func (e *Engine) close() error {
	return e.pool.Close()
}

// Read extracts the text of the PDF in data, one passage per page that has
// text, followed by one per comment of that page (see the package
// comment). A passage's Page is the 1-based page number and its Text is
// the page's text in reading order with whitespace tidied (trailing spaces
// of lines trimmed, runs of blank lines collapsed to one, line breaks
// kept); Seq numbers the passages in order. A page that has content but no text
// layer (a scanned page) gives no passage and a warning; a page with no
// content at all gives neither. A page that cannot be loaded (a damaged
// page object, a page tree pointing nowhere) is skipped with a warning
// naming it, and the other pages are read; only when no page can be read
// is that an error. Zero fields of lim take DefaultLimits.
//
// Errors wrap ErrNotPDF for data that is not a PDF and ErrEncrypted for a
// password-protected one; a damaged PDF gives an error wrapping PDFium's
// (pdfiumerrors.ErrFormat...). Messages, errors' and warnings' alike, put
// PDFium's numbered codes ("3: incorrect format") in words an inspector
// understands ("the file is not a PDF or is damaged").
// Read does not panic on hostile input.
func (e *Engine) Read(data []byte, lim Limits) (passages []document.Passage, warnings []workbench.Warning, err error) {
	defer func() {
		if r := recover(); r != nil {
			passages, warnings = nil, nil
			err = fmt.Errorf("pdf: internal error reading PDF: %v", r)
		}
	}()
	if e == nil || e.pool == nil {
		return nil, nil, errors.New("pdf: engine not started")
	}
	if lim.MaxBytes <= 0 {
		lim.MaxBytes = defaultMaxBytes
	}
	if lim.MaxPages <= 0 {
		lim.MaxPages = defaultMaxPages
	}
	if err := sniff(data); err != nil {
		return nil, nil, err
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, nil, fmt.Errorf("pdf: file is %d bytes, more than the limit of %d bytes", len(data), lim.MaxBytes)
	}

	inst, err := e.pool.GetInstanceWithContext(context.Background())
	if err != nil {
		return nil, nil, fmt.Errorf("pdf: get PDFium instance: %w", err)
	}
	defer inst.Close() // with ReuseWorkers false this discards the module instance

	return readDocument(inst, data, lim)
}

// readDocument does Read's work on one PDFium instance.
func readDocument(inst pdfium.Pdfium, data []byte, lim Limits) ([]document.Passage, []workbench.Warning, error) {
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return nil, nil, openError(err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})

	var warnings []workbench.Warning
	if rev, err := inst.FPDF_GetSecurityHandlerRevision(&requests.FPDF_GetSecurityHandlerRevision{Document: doc.Document}); err == nil && rev.SecurityHandlerRevision != -1 {
		warnings = append(warnings, workbench.Warning{
			Location: "document",
			Message:  "encrypted with an owner password only (permission restrictions); read without a password, restrictions not applied",
			Reason:   workbench.ReasonOwnerPasswordOnly,
		})
	}

	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, nil, &readError{msg: "pdf: the pages of the PDF could not be counted: " + describe(err), errs: []error{ErrDamaged, err}}
	}
	if count.PageCount > lim.MaxPages {
		return nil, nil, fmt.Errorf("pdf: document has %d pages, more than the limit of %d pages", count.PageCount, lim.MaxPages)
	}

	form, err := inst.FPDF_GetFormType(&requests.FPDF_GetFormType{Document: doc.Document})
	xfaFull := err == nil && form.FormType == enums.FPDF_FORMTYPE_XFA_FULL
	placeholder := false

	var passages []document.Passage
	add := func(p document.Passage) {
		p.Seq = len(passages) + 1
		passages = append(passages, p)
	}
	var firstErr error
	failed := 0
	for i := 0; i < count.PageCount; i++ {
		pc, err := readPage(inst, doc.Document, i)
		if err != nil {
			// One damaged page costs that page, not the document: the
			// inspector still gets the rest, and the warning names the
			// page to ask the provider about.
			failed++
			if firstErr == nil {
				firstErr = &readError{msg: fmt.Sprintf("page %d: %s", i+1, describe(err)), errs: []error{err}}
			}
			warnings = append(warnings, workbench.Warning{
				Location: fmt.Sprintf("page %d", i+1),
				Message:  fmt.Sprintf("This page could not be read (%s) and was skipped; the other pages were imported.", describe(err)),
				Reason:   workbench.ReasonPageUnreadable,
				Args:     map[string]any{"Detail": describe(err)},
			})
			continue
		}
		text := tidy(pc.text)
		if isXFAPlaceholder(text) {
			// Not the provider's content: what the file shows viewers
			// that cannot run its XFA form. A document warning says so.
			placeholder = true
			text, pc.objects = "", 0
		}
		text = addFieldValues(joinSpacedCJK(text), pc.fields)
		if text != "" {
			add(document.Passage{Page: i + 1, Text: text})
		} else if pc.objects > 0 {
			warnings = append(warnings, workbench.Warning{
				Location: fmt.Sprintf("page %d", i+1),
				Message:  noTextMessage,
				Reason:   workbench.ReasonPageNoText,
			})
		}
		n := 0
		for _, c := range pc.comments {
			if c.drawn && containsLoosely(text, c.text) {
				continue // a free-text note drawn on the page, read with it
			}
			n++
			add(document.Passage{Page: i + 1, Part: document.PartComment, Comment: n, Author: c.author, Text: c.text})
		}
	}
	if count.PageCount > 0 && failed == count.PageCount {
		return nil, nil, &readError{msg: fmt.Sprintf("pdf: none of the %d pages could be read (%v)", count.PageCount, firstErr), errs: []error{ErrDamaged, firstErr}}
	}
	switch {
	case placeholder || xfaFull && len(passages) == 0:
		warnings = append(warnings, workbench.Warning{Location: "document", Message: xfaUnreadableMessage,
			Reason: workbench.ReasonXFAForm, Args: map[string]any{"What": "unreadable"}})
	case xfaFull:
		warnings = append(warnings, workbench.Warning{Location: "document", Message: xfaPartialMessage,
			Reason: workbench.ReasonXFAForm, Args: map[string]any{"What": "partial"}})
	}
	return passages, warnings, nil
}

// pageContent is what readPage finds on a page.
type pageContent struct {
	text     string    // the page's raw text, form fields and notes drawn on it included
	objects  int       // page objects before flattening, counted when there is no text: a scanned page
	fields   []string  // values of filled text and choice fields
	comments []comment // notes of markup annotations
}

// readPage reads the page at index: its annotations first, then its text
// once its annotations have been flattened into its content, so that the
// text of filled form fields and free-text notes stands in the page's text
// where it shows.
func readPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, index int) (pageContent, error) {
	var pc pageContent
	page, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return pc, fmt.Errorf("load page: %w", err)
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: page.Page})
	pageRef := requests.Page{ByReference: &page.Page}

	// The page objects are counted only for a page without text (is it
	// scanned?), as counting costs about as much as reading the text; but
	// before flattening, which turns annotations into page objects.
	countObjects := func() error {
		objs, err := inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: pageRef})
		if err != nil {
			return fmt.Errorf("count page objects: %w", err)
		}
		pc.objects = objs.Count
		return nil
	}
	var flatten bool
	pc.fields, pc.comments, flatten = readAnnotations(inst, pageRef)
	if flatten {
		if err := countObjects(); err != nil {
			return pc, err
		}
		// On success go-pdfium reloads the page behind the same
		// reference. A failure leaves the page as it was: the field
		// values and notes read above are then added from the
		// annotations instead.
		inst.FPDFPage_Flatten(&requests.FPDFPage_Flatten{Page: pageRef, Usage: requests.FPDFPage_FlattenUsageNormalDisplay})
	}

	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: pageRef})
	if err != nil {
		return pc, fmt.Errorf("load text layer: %w", err)
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})

	chars, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return pc, fmt.Errorf("count characters: %w", err)
	}
	if chars.Count <= 0 {
		if !flatten {
			return pc, countObjects()
		}
		return pc, nil
	}
	text, err := inst.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp.TextPage, StartIndex: 0, Count: chars.Count})
	if err != nil {
		return pc, fmt.Errorf("get text: %w", err)
	}
	pc.text = text.Text
	return pc, nil
}

// tidy normalises a page's text: line breaks become "\n", control and
// non-characters are dropped, trailing spaces of lines are trimmed, runs of
// three or more newlines collapse to two, and leading and trailing blank
// space is removed. Line breaks are kept.
func tidy(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == 0xFFFE || r == 0xFEFF:
			return -1
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	lines := strings.Split(s, "\n")
	var b strings.Builder
	b.Grow(len(s))
	newlines := 0
	for i, line := range lines {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if i > 0 {
			newlines++
		}
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(strings.Repeat("\n", min(newlines, 2)))
		}
		newlines = 0
		b.WriteString(line)
	}
	return strings.TrimSpace(b.String())
}

// sniff checks for a "%PDF-" header in the first 1024 bytes and, when there
// is none, says what the data looks like.
func sniff(data []byte) error {
	head := data[:min(len(data), 1024)]
	if strings.Contains(string(head), "%PDF-") {
		return nil
	}
	looks := ""
	switch h := string(head); {
	case len(data) == 0:
		looks = "the file is empty"
	case strings.HasPrefix(h, "\x89PNG\r\n\x1a\n"):
		looks = "it looks like a PNG image"
	case strings.HasPrefix(h, "\xff\xd8\xff"):
		looks = "it looks like a JPEG image"
	case strings.HasPrefix(h, "PK\x03\x04"):
		switch {
		case strings.Contains(h, "word/"):
			looks = "it looks like a Word document (.docx)"
		case strings.Contains(h, "xl/"):
			looks = "it looks like an Excel workbook (.xlsx)"
		case strings.Contains(h, "ppt/"):
			looks = "it looks like a PowerPoint presentation (.pptx)"
		case strings.Contains(h, "[Content_Types].xml"):
			looks = "it looks like an Office Open XML document (.docx/.xlsx/.pptx)"
		default:
			looks = "it looks like a ZIP archive"
		}
	case strings.HasPrefix(h, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
		looks = "it looks like an old Office (OLE2) file such as a .doc"
	default:
		return fmt.Errorf("pdf: %w: no %%PDF- header in the first %d bytes", ErrNotPDF, len(head))
	}
	return fmt.Errorf("pdf: %w: %s", ErrNotPDF, looks)
}
