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
// Headers, footers and comments are not read.
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
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/inspection-workbench/workbench/importers/document"
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

// ratioThreshold is the uncompressed size from which MaxRatio applies.
const ratioThreshold = 1 << 20

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

// Read parses the document and returns its passages in reading order, plus
// warnings (e.g. an embedded object or a chart skipped, a paragraph inside
// a text box read out of order). r is read between offsets 0 and size.
func Read(r io.ReaderAt, size int64, lim Limits) (ps []document.Passage, ws []document.Warning, err error) {
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
		if bytes.HasPrefix(head, oleSignature) {
			what, encrypted := sniffOLE(r, size)
			if encrypted {
				return nil, nil, fmt.Errorf("docx: %w: %s", ErrEncrypted, what)
			}
			return nil, nil, fmt.Errorf("docx: %w: %s", ErrNotDOCX, what)
		}
		return nil, nil, fmt.Errorf("docx: %w: %s", ErrNotDOCX, sniff(r, head))
	}
	if n, ok := declaredEntries(r, size); ok && n > uint64(lim.MaxEntries) {
		return nil, nil, fmt.Errorf("docx: %w: %d zip entries, more than the limit of %d", ErrZipBomb, n, lim.MaxEntries)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, nil, fmt.Errorf("docx: %w: looks like a truncated or damaged zip archive (%v)", ErrNotDOCX, err)
	}
	if err := checkZip(zr, lim); err != nil {
		return nil, nil, err
	}
	pk := &pkg{lim: lim, parts: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		key := normalizePart(f.Name)
		if _, dup := pk.parts[key]; !dup {
			pk.parts[key] = f
		}
	}
	return pk.read()
}

// checkZip enforces the limits on the central directory's declared sizes.
func checkZip(zr *zip.Reader, lim Limits) error {
	if len(zr.File) > lim.MaxEntries {
		return fmt.Errorf("docx: %w: %d zip entries, more than the limit of %d", ErrZipBomb, len(zr.File), lim.MaxEntries)
	}
	var total uint64
	for _, f := range zr.File {
		u := f.UncompressedSize64
		total += u
		if total > uint64(lim.MaxUnpackedBytes) || total < u {
			return fmt.Errorf("docx: %w: entries unpack to more than the limit of %d bytes", ErrZipBomb, lim.MaxUnpackedBytes)
		}
		if u > ratioThreshold {
			c := max(f.CompressedSize64, 1)
			if float64(u)/float64(c) > lim.MaxRatio {
				return fmt.Errorf("docx: %w: entry %q unpacks %d bytes from %d, a ratio above the limit of %g",
					ErrZipBomb, f.Name, u, f.CompressedSize64, lim.MaxRatio)
			}
		}
	}
	return nil
}

// declaredEntries reads the number of entries from the zip's end of
// central directory record (or its zip64 form), so that a zip claiming
// millions of entries is refused before archive/zip allocates for them.
// ok is false when the record is not where it should be; archive/zip then
// judges the file.
func declaredEntries(r io.ReaderAt, size int64) (n uint64, ok bool) {
	const eocdLen, locLen, eocd64Len = 22, 20, 56
	tail := min(size, eocdLen+65535)
	if tail < eocdLen {
		return 0, false
	}
	buf := make([]byte, tail)
	if _, err := r.ReadAt(buf, size-tail); err != nil && err != io.EOF {
		return 0, false
	}
	i := bytes.LastIndex(buf, []byte("PK\x05\x06"))
	if i < 0 || len(buf)-i < eocdLen {
		return 0, false
	}
	if n := binary.LittleEndian.Uint16(buf[i+10:]); n != 0xFFFF {
		return uint64(n), true
	}
	if i < locLen || !bytes.HasPrefix(buf[i-locLen:], []byte("PK\x06\x07")) {
		return 0, false
	}
	off := binary.LittleEndian.Uint64(buf[i-locLen+8:])
	if size < eocd64Len || off > uint64(size-eocd64Len) {
		return 0, false
	}
	rec := make([]byte, eocd64Len)
	if _, err := r.ReadAt(rec, int64(off)); err != nil || !bytes.HasPrefix(rec, []byte("PK\x06\x06")) {
		return 0, false
	}
	return binary.LittleEndian.Uint64(rec[32:]), true
}

// normalizePart is the lookup key of a part name: forward slashes, no
// leading slash, lower case (part names are case-insensitive).
func normalizePart(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	return strings.ToLower(strings.TrimPrefix(name, "/"))
}

// pkg is an opened DOCX package.
type pkg struct {
	lim   Limits
	parts map[string]*zip.File // by normalized part name
	warns []document.Warning
}

func (pk *pkg) part(name string) *zip.File { return pk.parts[normalizePart(name)] }

func (pk *pkg) warn(loc, msg string) {
	pk.warns = append(pk.warns, document.Warning{Location: loc, Message: msg})
}

// openPart opens a part through the inflation guard.
func (pk *pkg) openPart(name string) (io.ReadCloser, error) {
	f := pk.part(name)
	if f == nil {
		return nil, fmt.Errorf("docx: part %s is missing", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("docx: part %s cannot be opened: %w", name, err)
	}
	return &guardReader{rc: rc, name: name, declared: f.UncompressedSize64,
		limit: min(f.UncompressedSize64, uint64(pk.lim.MaxUnpackedBytes))}, nil
}

// guardReader counts what a zip entry inflates to. archive/zip itself
// stops an entry at its declared size with zip.ErrFormat; the guard turns
// that into ErrZipBomb and enforces the budget on its own as well.
type guardReader struct {
	rc       io.ReadCloser
	name     string
	n        uint64
	declared uint64
	limit    uint64
}

func (g *guardReader) Read(p []byte) (int, error) {
	if g.n >= g.limit && g.limit < g.declared {
		return 0, g.bomb()
	}
	if rest := g.limit - g.n + 1; uint64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := g.rc.Read(p)
	g.n += uint64(n)
	if g.n > g.limit {
		return 0, g.bomb()
	}
	if errors.Is(err, zip.ErrFormat) {
		// The only ErrFormat an entry reader returns: more data than the
		// central directory declared.
		return 0, g.bomb()
	}
	return n, err
}

func (g *guardReader) bomb() error {
	return fmt.Errorf("%w: part %s inflates beyond its declared %d bytes or the limit", ErrZipBomb, g.name, g.declared)
}

func (g *guardReader) Close() error { return g.rc.Close() }

// relationship is one entry of a .rels part.
type relationship struct {
	typ, target string
	external    bool
}

// relType reports whether a relationship type URI ends in name, for both
// the transitional and the strict OOXML namespaces.
func relType(typ, name string) bool {
	return strings.HasSuffix(typ, "/"+name)
}

// resolvePart turns a relationship target into a part name, relative to
// the directory of the part that holds the relationship.
func resolvePart(baseDir, target string) string {
	t := strings.ReplaceAll(target, "\\", "/")
	if strings.HasPrefix(t, "/") {
		return strings.TrimPrefix(path.Clean(t), "/")
	}
	p := path.Clean(path.Join("/", baseDir, t))
	return strings.TrimPrefix(p, "/")
}

// relsPath is where the relationships of a part live.
func relsPath(part string) string {
	dir, file := path.Split(part)
	return dir + "_rels/" + file + ".rels"
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
	main, styles, numbering, footnotes, endnotes string
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
			pk.warn("_rels/.rels", "package relationships unreadable, using the default part names: "+err.Error())
		}
		for _, r := range rels {
			if relType(r.typ, "officeDocument") && !r.external {
				if p := resolvePart("", r.target); pk.part(p) != nil {
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
	if rp := relsPath(dp.main); pk.part(rp) != nil {
		rels, err := pk.readRels(rp)
		if err != nil {
			if errors.Is(err, ErrZipBomb) {
				return dp, err
			}
			pk.warn(rp, "document relationships unreadable, using the default part names: "+err.Error())
		}
		for _, r := range rels {
			if r.external {
				continue
			}
			p := resolvePart(baseDir, r.target)
			switch {
			case relType(r.typ, "styles") && dp.styles == "":
				dp.styles = p
			case relType(r.typ, "numbering") && dp.numbering == "":
				dp.numbering = p
			case relType(r.typ, "footnotes") && dp.footnotes == "":
				dp.footnotes = p
			case relType(r.typ, "endnotes") && dp.endnotes == "":
				dp.endnotes = p
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
	return dp, nil
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
func (pk *pkg) read() ([]document.Passage, []document.Warning, error) {
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
			pk.warn(dp.styles, "styles ignored, headings may be missed: "+err.Error())
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
			pk.warn(dp.numbering, "list numbering ignored: "+err.Error())
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
			pk.warn(np.part, np.elem+"s ignored: "+err.Error())
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
	return p.out, append(pk.warns, p.warns...), nil
}
