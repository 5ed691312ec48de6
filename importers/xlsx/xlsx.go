// Package xlsx reads the worksheets of an Excel workbook (.xlsx, .xlsm) as
// streams of text rows for the tabular importers.
//
// Submitted workbooks are treated as hostile. Open checks the zip's
// central directory against Limits before anything is decompressed, and
// every part is then read through a guard that fails with ErrZipBomb should
// it inflate beyond what the directory declared. Worksheets are never
// loaded whole: a Table tokenizes the sheet's XML as it goes.
//
// Cells come out as text the way a person reading the sheet means them,
// not as displayed: numbers as plain decimals (no thousands separators,
// currency or display rounding), dates and times as ISO 8601, percentages
// as "3.5%", booleans as TRUE/FALSE, formulas as their cached result,
// error values as written (#N/A), text as written. Numbers other than
// integers are rounded to 15 significant digits, the precision Excel keeps,
// so a stored 0.30000000000000004 reads "0.3". Every cell of a merged range
// reads as the range's top-left cell.
//
// The package parses SpreadsheetML itself with a small tokenizer rather
// than through excelize: excelize's Rows iterator does not expose a cell's
// style (so dates and percentages cannot be told from numbers), it is
// several times slower, and excelize's OpenReader inflates every part up
// front outside the limits above. excelize writes the test workbooks.
//
// Memory: the shared strings are held in memory; a worksheet part of up to
// 8 MiB is inflated into memory once, a larger one is inflated twice (a
// first pass collects the merged ranges, which follow the cells) and never
// held whole.
package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/ooxml"
	"github.com/inspection-workbench/workbench/importers/tabular"
)

// Limits guard against hostile workbooks. A zero or negative field means
// its default (see DefaultLimits).
type Limits struct {
	// MaxUnpackedBytes bounds the sum of the uncompressed sizes of all zip
	// entries.
	MaxUnpackedBytes int64
	// MaxEntries bounds the number of zip entries.
	MaxEntries int
	// MaxRatio bounds uncompressed/compressed size for any single entry
	// larger than 1 MiB uncompressed.
	MaxRatio float64
	// MaxCells bounds the cells per row: a cell beyond this column is an
	// error.
	MaxCells int
}

// DefaultLimits returns the limits used for zero fields: 4 GiB unpacked,
// 10,000 entries, a ratio of 200 and 16,384 cells per row (Excel's column
// limit).
func DefaultLimits() Limits {
	return Limits{
		MaxUnpackedBytes: 4 << 30,
		MaxEntries:       10_000,
		MaxRatio:         200,
		MaxCells:         16_384,
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
	if l.MaxCells <= 0 {
		l.MaxCells = d.MaxCells
	}
	return l
}

// zip64EndLen is the length of a zip64 end of central directory record.
const zip64EndLen = 56

// ErrNotXLSX is wrapped when the bytes are not a zip, or a zip without a
// workbook part (a legacy .xls, an .ods, an encrypted workbook, a renamed
// image...). The message says what the file looks like when that is cheap
// to tell.
var ErrNotXLSX = errors.New("not an XLSX workbook")

// ErrZipBomb is wrapped when the zip exceeds Limits, by its declared sizes
// or while it is being read.
var ErrZipBomb = errors.New("workbook is out of proportion (zip bomb?)")

// ErrEncrypted is wrapped, with ErrNotXLSX, when the file is a
// password-protected (encrypted) workbook: an OLE2 file holding an
// encrypted OOXML package.
var ErrEncrypted = errors.New("workbook is encrypted")

// Workbook is an open workbook. Its methods are safe for concurrent use,
// and each Table reads independently.
type Workbook struct {
	lim      Limits
	parts    ooxml.Parts
	sheets   []sheetInfo
	date1904 bool
	styles   string // part names, "" if absent
	strings  string

	once      sync.Once
	numStyles []numStyle
	sst       *sharedStrings
	loadErr   error

	mu     sync.Mutex
	merges map[string][]mergeRange // by sheet part, read-only once stored

	closed atomic.Bool

	// warn, when set, hears of oddities read past (see OnWarning).
	warn func(workbench.Warning)
}

type sheetInfo struct {
	name, part string
}

// Open checks the zip structure against the limits before any
// decompression, using the sizes its central directory declares, then
// reads the workbook part and its relationships. The declared sizes are
// not trusted: every part is read through a guard that fails with
// ErrZipBomb when it inflates beyond them. r must stay readable until the
// Workbook and its Tables are done.
func Open(r io.ReaderAt, size int64, lim Limits) (wb *Workbook, err error) {
	defer func() {
		if p := recover(); p != nil {
			wb, err = nil, fmt.Errorf("xlsx: reading the workbook failed: internal error: %v", p)
		}
	}()
	lim = lim.withDefaults()
	if size < 0 {
		return nil, fmt.Errorf("xlsx: negative size %d", size)
	}
	r = io.NewSectionReader(r, 0, size)
	head := make([]byte, 8)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	if !bytes.HasPrefix(head, []byte("PK")) {
		if ooxml.IsOLE(head) && ooxml.ReadOLEDirectory(r, size).Encrypted {
			return nil, fmt.Errorf("xlsx: %w: %w: %s", ErrNotXLSX, ErrEncrypted, sniff(r, size, head))
		}
		return nil, fmt.Errorf("xlsx: %w: %s", ErrNotXLSX, sniff(r, size, head))
	}
	zl := ooxml.Limits{MaxUnpackedBytes: lim.MaxUnpackedBytes, MaxEntries: lim.MaxEntries, MaxRatio: lim.MaxRatio}
	// A file shorter than a zip64 end record is left to archive/zip, as it
	// always has been here.
	if size >= zip64EndLen {
		if n, ok := ooxml.DeclaredEntries(r, size); ok {
			if err := ooxml.CheckEntries(n, zl, ErrZipBomb); err != nil {
				return nil, fmt.Errorf("xlsx: %w", err)
			}
		}
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fmt.Errorf("xlsx: %w: looks like a truncated or damaged zip archive (%v)", ErrNotXLSX, err)
	}
	if err := ooxml.CheckZip(zr, zl, ErrZipBomb); err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	wb = &Workbook{lim: lim, parts: ooxml.NewParts(zr.File)}
	if err := wb.readWorkbook(); err != nil {
		return nil, err
	}
	return wb, nil
}

func (w *Workbook) part(name string) *zip.File { return w.parts.Get(name) }

// openPart opens a part through the inflation guard.
func (w *Workbook) openPart(name string) (io.ReadCloser, error) {
	f := w.part(name)
	if f == nil {
		return nil, fmt.Errorf("part %s is missing", name)
	}
	rc, err := ooxml.OpenPart(f, name, w.lim.MaxUnpackedBytes, ErrZipBomb)
	if err != nil {
		return nil, fmt.Errorf("part %s: %w", name, err)
	}
	return rc, nil
}

// readWorkbook finds the workbook part and reads its sheets.
func (w *Workbook) readWorkbook() error {
	wbPath := ""
	if w.part("_rels/.rels") != nil {
		rels, err := w.readRels("_rels/.rels")
		if err != nil {
			return err
		}
		for _, r := range rels {
			if ooxml.RelType(r.typ, "officeDocument") && !r.external {
				if p := ooxml.ResolvePart("", r.target); w.part(p) != nil {
					wbPath = p
					break
				}
			}
		}
	}
	if wbPath == "" && w.part("xl/workbook.xml") != nil {
		wbPath = "xl/workbook.xml"
	}
	if wbPath == "" || strings.HasSuffix(strings.ToLower(wbPath), ".bin") {
		// An .xlsb names its binary workbook part as the office document.
		return fmt.Errorf("xlsx: %w: %s", ErrNotXLSX, w.zipLooksLike())
	}
	var entries []sheetEntry
	err := w.scanPart(wbPath, func(sc *scanner) error {
		var err error
		entries, w.date1904, err = parseWorkbook(sc)
		return err
	})
	if err != nil {
		return err
	}
	byID := map[string]relationship{}
	baseDir := path.Dir(wbPath)
	if rp := ooxml.RelsPath(wbPath); w.part(rp) != nil {
		rels, err := w.readRels(rp)
		if err != nil {
			return err
		}
		for _, r := range rels {
			if r.external {
				continue
			}
			if _, dup := byID[r.id]; !dup {
				byID[r.id] = r
			}
			switch {
			case ooxml.RelType(r.typ, "styles") && w.styles == "":
				w.styles = ooxml.ResolvePart(baseDir, r.target)
			case ooxml.RelType(r.typ, "sharedStrings") && w.strings == "":
				w.strings = ooxml.ResolvePart(baseDir, r.target)
			}
		}
	}
	if w.styles == "" && w.part(path.Join(baseDir, "styles.xml")) != nil {
		w.styles = path.Join(baseDir, "styles.xml")
	}
	if w.strings == "" && w.part(path.Join(baseDir, "sharedStrings.xml")) != nil {
		w.strings = path.Join(baseDir, "sharedStrings.xml")
	}
	for _, e := range entries {
		r, ok := byID[e.rid]
		if !ok || !ooxml.RelType(r.typ, "worksheet") {
			continue // chart, dialog and macro sheets, or a dangling sheet
		}
		w.sheets = append(w.sheets, sheetInfo{name: e.name, part: ooxml.ResolvePart(baseDir, r.target)})
	}
	return nil
}

func (w *Workbook) readRels(name string) ([]relationship, error) {
	var rels []relationship
	err := w.scanPart(name, func(sc *scanner) error {
		var err error
		rels, err = parseRels(sc)
		return err
	})
	return rels, err
}

// scanPart runs fn over a scanner on a whole part.
func (w *Workbook) scanPart(name string, fn func(*scanner) error) error {
	rc, err := w.openPart(name)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	defer rc.Close()
	sc, err := newScannerSize(rc, int64(w.part(name).UncompressedSize64))
	if err == nil {
		err = fn(sc)
	}
	if err != nil {
		return fmt.Errorf("xlsx: part %s: %w", name, err)
	}
	return nil
}

// zipLooksLike names what a zip without a workbook part seems to be.
func (w *Workbook) zipLooksLike() string {
	switch {
	case w.part("xl/workbook.bin") != nil:
		return "looks like an Excel binary workbook (.xlsb), which cannot be read; save it as .xlsx and import again"
	case w.part("mimetype") != nil && w.part("content.xml") != nil:
		return "looks like an OpenDocument file (.ods); save it as .xlsx and import again"
	case w.part("word/document.xml") != nil:
		return "looks like a Word document (.docx); import it under its own name, as a document"
	case w.part("ppt/presentation.xml") != nil:
		return "looks like a PowerPoint presentation (.pptx); export it as PDF and import that"
	}
	return "a zip archive without xl/workbook.xml"
}

// loadShared reads the styles and the shared strings, once.
func (w *Workbook) loadShared() error {
	w.once.Do(func() {
		if w.styles != "" && w.part(w.styles) != nil {
			w.loadErr = w.scanPart(w.styles, func(sc *scanner) error {
				var err error
				w.numStyles, err = parseStyles(sc)
				return err
			})
			if w.loadErr != nil {
				return
			}
		}
		w.sst = &sharedStrings{}
		if w.strings != "" && w.part(w.strings) != nil {
			w.loadErr = w.scanPart(w.strings, func(sc *scanner) error {
				var err error
				w.sst, err = parseSharedStrings(sc)
				return err
			})
		}
	})
	return w.loadErr
}

// Sheets returns the names of the worksheets, visible, hidden and very
// hidden, in workbook order. Chart sheets, which hold no cells, are left
// out.
func (w *Workbook) Sheets() []string {
	names := make([]string, len(w.sheets))
	for i, s := range w.sheets {
		names[i] = s.name
	}
	return names
}

// errClosed is returned after Close.
var errClosed = errors.New("xlsx: workbook is closed")

// Table returns a streaming reader over the named worksheet. Rows come in
// sheet order, numbered as in the sheet; rows with no value are skipped
// and trailing empty cells trimmed.
func (w *Workbook) Table(sheet string) (t tabular.Table, err error) {
	defer func() {
		if p := recover(); p != nil {
			t, err = nil, fmt.Errorf("xlsx: sheet %q: internal error: %v", sheet, p)
		}
	}()
	if w.closed.Load() {
		return nil, errClosed
	}
	var info *sheetInfo
	for i := range w.sheets {
		if w.sheets[i].name == sheet {
			info = &w.sheets[i]
			break
		}
	}
	if info == nil {
		return nil, fmt.Errorf("xlsx: no worksheet named %q", sheet)
	}
	if err := w.loadShared(); err != nil {
		return nil, err
	}
	return newSheetTable(w, info.name, info.part)
}

// OnWarning sets fn to hear of oddities a Table reads past rather than
// fails on — a cell whose shared-string index is empty (<c t="s"><v/></c>,
// as some exporters write blank cells) reads as blank, and fn is told
// where (`sheet "表", cell B7`) and the reason
// (workbench.ReasonBlankStringCell). Set it before the first Table; fn is
// called from the goroutine calling Next.
func (w *Workbook) OnWarning(fn func(workbench.Warning)) { w.warn = fn }

// Close releases the workbook; Tables still being read fail afterwards.
// It does not close r.
func (w *Workbook) Close() error {
	w.closed.Store(true)
	return nil
}
