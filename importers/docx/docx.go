// Package docx reads the text of a Word document (.docx, .docm, .dotx) into
// citable passages, straight from its XML: no Word and no LibreOffice are
// involved at run time.
//
// # What comes out
//
// The body of word/document.xml is read in order. Every non-empty
// paragraph is one passage; every non-empty table cell is one passage
// (its paragraphs joined with "\n") at the place the table stands, row by
// row. Passage.Paragraph is the 1-based index of the paragraph among the
// NON-EMPTY paragraphs of the body, table-cell and text-box paragraphs
// included, in reading order (empty paragraphs are not counted, so the
// number is stable when a provider adds blank lines); a table-cell passage
// carries the index of its first non-empty paragraph. Table counts the
// document's tables in document order (nested tables included, each
// counted where it starts), Row counts the table's rows and Cell the row's
// w:tc elements (a cell merged across columns with gridSpan counts once; a
// vertically merged continuation cell counts but yields no passage). When
// a nested table stands inside a cell, the cell text read before it is
// emitted first, then the nested table's cells, then the rest of the cell,
// each with the outer cell's location.
//
// Runs contribute their text, tabs and breaks; field results are kept and
// field instructions dropped; deleted text (tracked changes) is dropped and
// inserted text kept; hyperlinks, content controls, smart tags and custom
// XML are read through. Whitespace is tidied: runs of spaces and tabs
// collapse to one space, each line is trimmed, empty lines are dropped;
// full-width characters (including the ideographic space) are untouched.
//
// A paragraph is a heading when it has its own outline level, or when its
// style resolves (through w:basedOn) to a style with an outline level or
// named "heading N" / "Heading N" / "标题 N". Paragraphs inside tables and
// text boxes are never headings. Automatic numbering (numbering.xml) is
// rendered as a prefix for headings and list items — "3.2 ", "1. ",
// "（一）" — for the decimal, letter, roman and Chinese formats; bullets
// get no prefix. HeadingPath holds the texts (with numbers) of the headings
// a passage stands under; a heading's own path stops above it.
//
// Each referenced footnote and endnote becomes a passage right after the
// passage that references it. The reference adds "[n]" (footnotes, in
// order of reference) or "[i]" (endnotes, lower roman) to the referencing
// text, and the note passage's text starts with the same mark. Footnote is
// the note's w:id for footnotes and "endnote-" + w:id for endnotes, since
// the two number independently.
//
// Text boxes are read where they are anchored, with a warning; images,
// charts, diagrams and embedded objects are skipped with a warning.
//
// Headers, footers and comments follow the body's passages, which keep
// their numbers. Each header (word/header*.xml) and footer
// (word/footer*.xml) gives one passage, its paragraphs joined with "\n",
// with Part document.PartHeader or document.PartFooter and no other
// location; the same text in several sections' headers gives one passage,
// and a header or footer without a letter in it (a bare page number) gives
// none. Each comment (word/comments.xml) gives one passage with Part
// document.PartComment, Comment its 1-based place among the document's
// comments, Author its w:author, and the paragraph, table cell and heading
// path where its anchor (w:commentRangeStart or w:commentReference) stands
// in the body.
//
// # Hostile input
//
// Read checks the zip's central directory against Limits before inflating
// anything, reads every part through a guard that fails with ErrZipBomb
// if it inflates beyond what the directory declared, and streams
// word/document.xml token by token rather than unmarshalling it. Nesting
// depth, paragraph count and paragraph length are bounded. A panic is
// recovered and returned as an error. Styles, numbering and notes that
// cannot be parsed are ignored with a warning; a damaged document part is
// an error naming the part and the line.
package docx

import (
	"archive/zip"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/document"
	"github.com/inspection-workbench/workbench/importers/ooxml"
)

// Limits guard against hostile documents. A zero or negative field means
// its default (see DefaultLimits).
type Limits struct {
	// MaxUnpackedBytes bounds the sum of the uncompressed sizes the zip
	// declares; every part is also held to its declared size while it
	// inflates.
	MaxUnpackedBytes int64
	// MaxEntries bounds the number of zip entries.
	MaxEntries int
	// MaxRatio bounds uncompressed/compressed size for any single entry
	// larger than 1 MiB uncompressed.
	MaxRatio float64
	// MaxParagraphs bounds the number of paragraphs (w:p elements, empty
	// ones included) in the document body; more is ErrTooManyParagraphs.
	MaxParagraphs int
}

// DefaultLimits returns the limits used for zero fields: 512 MiB
// unpacked, 5,000 entries, a ratio of 200 and 200,000 paragraphs.
func DefaultLimits() Limits {
	return Limits{
		MaxUnpackedBytes: 512 << 20,
		MaxEntries:       5000,
		MaxRatio:         200,
		MaxParagraphs:    200_000,
	}
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxUnpackedBytes <= 0 {
		l.MaxUnpackedBytes = d.MaxUnpackedBytes
	}
	if l.MaxEntries <= 0 {
		l.MaxEntries = d.MaxEntries
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = d.MaxRatio
	}
	if l.MaxParagraphs <= 0 {
		l.MaxParagraphs = d.MaxParagraphs
	}
	return l
}

// ErrNotDOCX is wrapped when the bytes are not a zip, or a zip without a
// word/document.xml (a legacy .doc, an .xlsx, a renamed image...). The
// message says what the file looks like when that is cheap to tell.
var ErrNotDOCX = errors.New("not a DOCX document")

// ErrZipBomb is wrapped when the zip exceeds Limits, by its declared sizes
// or while it is being read.
var ErrZipBomb = errors.New("document is out of proportion (zip bomb?)")

// ErrEncrypted is wrapped when the file is a password-protected OOXML
// document (an OLE2 compound file holding an EncryptionInfo stream).
var ErrEncrypted = errors.New("document is encrypted")

// ErrTooManyParagraphs is wrapped when the body has more paragraphs than
// Limits.MaxParagraphs.
var ErrTooManyParagraphs = errors.New("document has too many paragraphs")

// Read parses the document and returns its passages in reading order,
// followed by those of its headers, footers and comments (see the package
// comment), plus warnings (e.g. an embedded object or a chart skipped, a paragraph inside
// a text box read out of order). r is read between offsets 0 and size.
func Read(r io.ReaderAt, size int64, lim Limits) (ps []document.Passage, ws []workbench.Warning, err error) {
	defer func() {
		if p := recover(); p != nil {
			ps, ws, err = nil, nil, fmt.Errorf("docx: reading the document failed: internal error: %v", p)
		}
	}()
	lim = lim.withDefaults()
	if r == nil {
		return nil, nil, errors.New("docx: nil reader")
	}
	if size < 0 {
		return nil, nil, fmt.Errorf("docx: negative size %d", size)
	}
	r = io.NewSectionReader(r, 0, size)
	head := make([]byte, 8)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	if !bytes.HasPrefix(head, []byte("PK")) {
		if ooxml.IsOLE(head) {
			what, encrypted := sniffOLE(r, size)
			if encrypted {
				return nil, nil, fmt.Errorf("docx: %w: %s", ErrEncrypted, what)
			}
			return nil, nil, fmt.Errorf("docx: %w: %s", ErrNotDOCX, what)
		}
		return nil, nil, fmt.Errorf("docx: %w: %s", ErrNotDOCX, sniff(r, head))
	}
	zl := ooxml.Limits{MaxUnpackedBytes: lim.MaxUnpackedBytes, MaxEntries: lim.MaxEntries, MaxRatio: lim.MaxRatio}
	if n, ok := ooxml.DeclaredEntries(r, size); ok {
		if err := ooxml.CheckEntries(n, zl, ErrZipBomb); err != nil {
			return nil, nil, fmt.Errorf("docx: %w", err)
		}
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, nil, fmt.Errorf("docx: %w: looks like a truncated or damaged zip archive (%v)", ErrNotDOCX, err)
	}
	if err := ooxml.CheckZip(zr, zl, ErrZipBomb); err != nil {
		return nil, nil, fmt.Errorf("docx: %w", err)
	}
	pk := &pkg{lim: lim, parts: ooxml.NewParts(zr.File)}
	return pk.read()
}

// pkg is an opened DOCX package.
type pkg struct {
	lim   Limits
	parts ooxml.Parts
	warns []workbench.Warning
}

func (pk *pkg) part(name string) *zip.File { return pk.parts.Get(name) }

// ignored warns that a part of the package could not be read and was
// left out: what (one of workbench.IgnoredWhat) names it for the
// interfaces, msg in English, err says why.
func (pk *pkg) ignored(part, what, msg string, err error) {
	pk.warns = append(pk.warns, workbench.Warning{Location: part, Message: msg + ": " + err.Error(),
		Reason: workbench.ReasonPartIgnored, Args: map[string]any{"What": what, "Part": part, "Detail": err.Error()}})
}

// openPart opens a part through the inflation guard.
func (pk *pkg) openPart(name string) (io.ReadCloser, error) {
	f := pk.part(name)
	if f == nil {
		return nil, fmt.Errorf("docx: part %s is missing", name)
	}
	rc, err := ooxml.OpenPart(f, name, pk.lim.MaxUnpackedBytes, ErrZipBomb)
	if err != nil {
		return nil, fmt.Errorf("docx: part %s cannot be opened: %w", name, err)
	}
	return rc, nil
}

// relationship is one entry of a .rels part.
type relationship struct {
	typ, target string
	external    bool
}

// readRels reads a relationships part.
func (pk *pkg) readRels(name string) ([]relationship, error) {
	var rels []relationship
	err := pk.scanPart(name, func(x *xmlReader) error {
		for {
			tok, err := x.next()
			if err != nil {
				return err
			}
			if tok.kind == tokEOF {
				return nil
			}
			if tok.kind != tokStart || tok.start.Name.Local != "Relationship" {
				continue
			}
			rels = append(rels, relationship{
				typ:      attr(tok.start, "Type"),
				target:   attr(tok.start, "Target"),
				external: strings.EqualFold(attr(tok.start, "TargetMode"), "External"),
			})
			if len(rels) > 100_000 {
				return errors.New("too many relationships")
			}
		}
	})
	return rels, err
}

// scanPart runs fn over an XML reader on a whole part.
func (pk *pkg) scanPart(name string, fn func(*xmlReader) error) error {
	rc, err := pk.openPart(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	x := newXMLReader(rc, name)
	if err := fn(x); err != nil {
		return x.wrap(err)
	}
	return nil
}

// docParts are the parts the main document refers to.
type docParts struct {
	main, styles, numbering, footnotes, endnotes, comments string
	// headers and footers in the order the document's relationships
	// list them, each once.
	headers, footers []string
}

// findParts locates the main document part and its companions.
func (pk *pkg) findParts() (docParts, error) {
	var dp docParts
	if pk.part("_rels/.rels") != nil {
		rels, err := pk.readRels("_rels/.rels")
		if err != nil {
			if errors.Is(err, ErrZipBomb) {
				return dp, err
			}
			pk.ignored("_rels/.rels", "relationships", "package relationships unreadable, using the default part names", err)
		}
		for _, r := range rels {
			if ooxml.RelType(r.typ, "officeDocument") && !r.external {
				if p := ooxml.ResolvePart("", r.target); pk.part(p) != nil {
					dp.main = p
					break
				}
			}
		}
	}
	if dp.main == "" && pk.part("word/document.xml") != nil {
		dp.main = "word/document.xml"
	}
	if dp.main == "" {
		return dp, fmt.Errorf("docx: %w: %s", ErrNotDOCX, pk.zipLooksLike())
	}
	baseDir := path.Dir(dp.main)
	if rp := ooxml.RelsPath(dp.main); pk.part(rp) != nil {
		rels, err := pk.readRels(rp)
		if err != nil {
			if errors.Is(err, ErrZipBomb) {
				return dp, err
			}
			pk.ignored(rp, "relationships", "document relationships unreadable, using the default part names", err)
		}
		for _, r := range rels {
			if r.external {
				continue
			}
			p := ooxml.ResolvePart(baseDir, r.target)
			switch {
			case ooxml.RelType(r.typ, "styles") && dp.styles == "":
				dp.styles = p
			case ooxml.RelType(r.typ, "numbering") && dp.numbering == "":
				dp.numbering = p
			case ooxml.RelType(r.typ, "footnotes") && dp.footnotes == "":
				dp.footnotes = p
			case ooxml.RelType(r.typ, "endnotes") && dp.endnotes == "":
				dp.endnotes = p
			case ooxml.RelType(r.typ, "comments") && dp.comments == "":
				dp.comments = p
			case ooxml.RelType(r.typ, "header") && pk.part(p) != nil && !slices.Contains(dp.headers, p):
				dp.headers = append(dp.headers, p)
			case ooxml.RelType(r.typ, "footer") && pk.part(p) != nil && !slices.Contains(dp.footers, p):
				dp.footers = append(dp.footers, p)
			}
		}
	}
	def := func(cur *string, file string) {
		if *cur == "" || pk.part(*cur) == nil {
			*cur = ""
			if p := path.Join(baseDir, file); pk.part(p) != nil {
				*cur = p
			}
		}
	}
	def(&dp.styles, "styles.xml")
	def(&dp.numbering, "numbering.xml")
	def(&dp.footnotes, "footnotes.xml")
	def(&dp.endnotes, "endnotes.xml")
	def(&dp.comments, "comments.xml")
	if len(dp.headers) == 0 && len(dp.footers) == 0 {
		dp.headers, dp.footers = pk.defaultHeaderParts(baseDir)
	}
	return dp, nil
}

// headerPartName matches the part names Word gives headers and footers.
var headerPartName = regexp.MustCompile(`^(header|footer)([0-9]*)\.xml$`)

// defaultHeaderParts finds the headers and footers beside the main part by
// their usual names (header1.xml, footer2.xml...), in number order, for a
// package whose relationships do not list them.
func (pk *pkg) defaultHeaderParts(baseDir string) (headers, footers []string) {
	type named struct {
		part string
		n    int
	}
	var hs, fs []named
	for key := range pk.parts {
		if path.Dir(key) != strings.ToLower(baseDir) {
			continue
		}
		m := headerPartName.FindStringSubmatch(path.Base(key))
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[2])
		if m[1] == "header" {
			hs = append(hs, named{key, n})
		} else {
			fs = append(fs, named{key, n})
		}
	}
	order := func(a, b named) int { return cmp.Or(cmp.Compare(a.n, b.n), cmp.Compare(a.part, b.part)) }
	slices.SortFunc(hs, order)
	slices.SortFunc(fs, order)
	for _, h := range hs {
		headers = append(headers, h.part)
	}
	for _, f := range fs {
		footers = append(footers, f.part)
	}
	return headers, footers
}

// zipLooksLike names what a zip without a document part seems to be.
func (pk *pkg) zipLooksLike() string {
	switch {
	case pk.part("xl/workbook.xml") != nil:
		return "looks like an Excel workbook (.xlsx) with a .docx name"
	case pk.part("xl/workbook.bin") != nil:
		return "looks like a binary Excel workbook (.xlsb)"
	case pk.part("ppt/presentation.xml") != nil:
		return "looks like a PowerPoint presentation (.pptx)"
	case pk.part("mimetype") != nil && pk.part("content.xml") != nil:
		return "looks like an OpenDocument file (.odt); save it as .docx"
	case pk.part("word/document2.xml") != nil:
		return "looks like a Word document whose main part is not where the package says"
	}
	return "a zip archive without word/document.xml"
}

// read parses the auxiliary parts, then streams the body.
func (pk *pkg) read() ([]document.Passage, []workbench.Warning, error) {
	dp, err := pk.findParts()
	if err != nil {
		return nil, nil, err
	}
	st := &styles{byID: map[string]*style{}}
	if dp.styles != "" {
		err := pk.scanPart(dp.styles, func(x *xmlReader) error { return parseStyles(x, st) })
		if err != nil {
			if errors.Is(err, ErrZipBomb) {
				return nil, nil, err
			}
			st = &styles{byID: map[string]*style{}}
			pk.ignored(dp.styles, "styles", "styles ignored, headings may be missed", err)
		}
	}
	nd := &numDefs{abstract: map[string]*abstractNum{}, nums: map[string]*numInst{}}
	if dp.numbering != "" {
		err := pk.scanPart(dp.numbering, func(x *xmlReader) error { return parseNumbering(x, nd) })
		if err != nil {
			if errors.Is(err, ErrZipBomb) {
				return nil, nil, err
			}
			nd = &numDefs{abstract: map[string]*abstractNum{}, nums: map[string]*numInst{}}
			pk.ignored(dp.numbering, "numbering", "list numbering ignored", err)
		}
	}
	notes := map[string]string{}
	for _, np := range []struct{ part, elem, prefix string }{
		{dp.footnotes, "footnote", ""},
		{dp.endnotes, "endnote", endnotePrefix},
	} {
		if np.part == "" {
			continue
		}
		err := pk.scanPart(np.part, func(x *xmlReader) error {
			p := newParser(x, pk.lim, st, nd)
			return p.notes(np.elem, np.prefix, notes)
		})
		if err != nil {
			if errors.Is(err, ErrZipBomb) || errors.Is(err, ErrTooManyParagraphs) {
				return nil, nil, err
			}
			pk.ignored(np.part, np.elem+"s", np.elem+"s ignored", err)
		}
	}
	var p *parser
	err = pk.scanPart(dp.main, func(x *xmlReader) error {
		p = newParser(x, pk.lim, st, nd)
		p.noteText = notes
		return p.body()
	})
	if err != nil {
		return nil, nil, err
	}
	p.finish()
	out := p.out
	extra, err := pk.margins(dp, st, nd, p.anchors)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range extra {
		e.Seq = len(out) + 1
		out = append(out, e)
	}
	return out, append(pk.warns, p.warns...), nil
}

// margins reads the text that stands outside the body: one passage per
// distinct header text, then per distinct footer text, then one per
// comment, in that order, after the body's passages (whose Seq numbers do
// not move). A header or footer without a letter in it (a bare page
// number) gives none. A comment passage carries the location of its
// anchor in the body, from anchors. A header, footer or comments part that
// cannot be read costs its text, with a warning; the body is kept.
func (pk *pkg) margins(dp docParts, st *styles, nd *numDefs, anchors map[string]anchor) ([]document.Passage, error) {
	var out []document.Passage
	seen := map[string]bool{}
	for _, group := range []struct {
		parts []string
		part  string
	}{{dp.headers, document.PartHeader}, {dp.footers, document.PartFooter}} {
		for _, name := range group.parts {
			var lines []string
			err := pk.scanPart(name, func(x *xmlReader) error {
				return newParser(x, pk.lim, st, nd).margin(&lines)
			})
			if err != nil {
				if errors.Is(err, ErrZipBomb) || errors.Is(err, ErrTooManyParagraphs) {
					return nil, err
				}
				pk.ignored(name, group.part+"s", group.part+" ignored", err)
				continue
			}
			text := strings.Join(lines, "\n")
			key := group.part + "\x00" + text
			if seen[key] || !strings.ContainsFunc(text, unicode.IsLetter) {
				continue
			}
			seen[key] = true
			out = append(out, document.Passage{Part: group.part, Text: text})
		}
	}
	if dp.comments == "" {
		return out, nil
	}
	var comments []document.Passage
	err := pk.scanPart(dp.comments, func(x *xmlReader) error {
		return newParser(x, pk.lim, st, nd).comments(func(n int, id, author, text string) {
			a := anchors[id]
			comments = append(comments, document.Passage{
				Paragraph: a.paragraph, HeadingPath: a.headPath, Table: a.table, Row: a.row, Cell: a.cell,
				Part: document.PartComment, Comment: n, Author: author, Text: text,
			})
		})
	})
	if err != nil {
		if errors.Is(err, ErrZipBomb) || errors.Is(err, ErrTooManyParagraphs) {
			return nil, err
		}
		pk.ignored(dp.comments, "comments", "comments ignored", err)
		return out, nil
	}
	return append(out, comments...), nil
}
