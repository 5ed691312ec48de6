package importers

import (
	"github.com/inspection-workbench/workbench"

	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/inspection-workbench/workbench/importers/ooxml"
	"github.com/inspection-workbench/workbench/importers/tabular"
	"github.com/inspection-workbench/workbench/importers/xlsx"
)

// Version is recorded with every submission: the importer that read it.
const Version = "1"

// DefaultMaxBytes is the largest file imported unless Options say
// otherwise: 2 GiB.
const DefaultMaxBytes int64 = 2 << 30

// Format is a file format the importers read.
type Format string

// Structured formats.
const (
	CSV   Format = "csv"
	XLSX  Format = "xlsx"
	JSON  Format = "json"
	JSONL Format = "jsonl"
)

// Errors callers can test for with errors.Is.
var (
	ErrTooLarge    = errors.New("file too large")
	ErrUnsupported = errors.New("unsupported file format")
	ErrNoRecords   = errors.New("no records")
	ErrNoHeader    = errors.New("no header row")
	ErrKind        = errors.New("kind not clear")
)

// Options control ReadFile.
type Options struct {
	Kind     workbench.Kind // the kind, or "" to tell it from the headers
	MaxBytes int64          // size limit; 0 means DefaultMaxBytes
	// Progress, when set, is called every few thousand rows with how far
	// the read has got.
	Progress func(Progress)
	// Start, when set, is called once the kind is known, before the first
	// record reaches the sink; an error from it stops the import.
	Start func(Result) error
	// KeepNoteRows imports the rows below a header that read as notes,
	// totals or sign-offs (see noteFilter) as records instead of skipping
	// them.
	KeepNoteRows bool
	// among, when set, narrows the kinds a file's kind is told from
	// (tests compare what the kinds before the safety kinds made of a
	// file with what all of them make of it).
	among []workbench.Kind
}

// Result says what ReadFile found.
type Result struct {
	Kind         workbench.Kind
	Format       Format
	Encoding     string // for text formats
	Records      int
	Warnings     []workbench.Warning // the first maxWarnings
	WarningCount int                 // all of them
	// SkippedRows are the rows left out as notes, totals and sign-offs
	// (the first 1000), SkippedRowCount all of them.
	SkippedRows     []SkippedRow
	SkippedRowCount int
	// Unrecognised counts, per column, the values outside their field's
	// vocabulary (each also a warning), in order of first sight.
	Unrecognised []ColumnCount
}

// maxWarnings bounds the warnings kept in memory for one file.
const maxWarnings = 1000

// Progress is how far a read has got.
type Progress struct {
	Rows int // rows read so far
	// Read is how many bytes of the file have been read so far, and Size
	// the file's size; Read is 0 when the format does not read the file
	// front to back (XLSX is unpacked whole first).
	Read, Size int64
}

// progressEvery is how often Progress is called, in rows.
const progressEvery = 8192

// notesSheets are sheet names of instructions and drop-down lists that
// are never data (the templates' own notes and lists sheets among them);
// they are skipped silently.
var notesSheets = []string{"说明", "填写说明", "填表说明", "使用说明", "注意事项", "readme", "notes", "instructions", "说明notes",
	TemplateListsSheet, "可选值", "下拉选项", "下拉列表"}

// ReadFile reads one structured submission — CSV, XLSX, JSON or JSONL,
// chosen by the name's extension and checked against the content — and
// hands each record to sink, in file order. name is the file's original
// name, for format detection. Any error means the file as a whole failed:
// callers discard what the sink received.
func ReadFile(ctx context.Context, path, name string, opts Options, sink func(Record) error) (Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return Result{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Result{}, err
	}
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if st.Size() > limit {
		return Result{}, TooLarge(st.Size(), limit)
	}
	if st.Size() == 0 {
		return Result{}, fmt.Errorf("%w: %w", ErrNoRecords, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonFileEmpty))
	}
	// An image is a label sample, read from its metadata alone.
	if img, named, err := imageFormat(f, name, opts.Kind); err != nil {
		return Result{}, err
	} else if img != "" {
		return readImage(ctx, f, st.Size(), name, img, named, opts, sink)
	} else if opts.Kind == workbench.LabelSample {
		return Result{}, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonSampleNotImage)
	}
	format, err := DetectFormat(name, f, st.Size())
	if err != nil {
		return Result{}, err
	}
	r := &reader{ctx: ctx, opts: opts, sink: sink, res: Result{Format: format, Kind: opts.Kind}, size: st.Size(), name: name}
	if format != XLSX {
		r.file = f
	}
	switch format {
	case CSV:
		err = r.readCSV(f)
	case XLSX:
		err = r.readXLSX(f, st.Size())
	case JSON, JSONL:
		err = r.readJSON(f, format)
	}
	if r.conv != nil {
		r.res.Unrecognised = r.conv.unrec
	}
	if err != nil {
		return r.res, err
	}
	if r.res.Records == 0 {
		return r.res, fmt.Errorf("%w: %w", ErrNoRecords, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonNoDataRows))
	}
	return r.res, nil
}

// DetectFormat decides a file's structured format from its name and its
// first bytes (size is the file's length). Formats that cannot be read —
// a legacy .xls or .doc, an .xlsb, WPS's .et and .wps, whether told by the
// name or by the content (an OLE2 compound file renamed .xlsx or .csv, a
// workbook renamed .csv) — and documents (DOCX, PDF …) are ErrUnsupported
// with a message saying what the file is and what to save it as.
func DetectFormat(name string, r io.ReaderAt, size int64) (Format, error) {
	head := make([]byte, 8)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	isZip := bytes.HasPrefix(head, []byte("PK\x03\x04"))
	ext := strings.ToLower(filepath.Ext(name))
	// An OLE2 compound file is never readable. The name says best what it
	// is when it names a legacy format (WPS's .et is an OLE2 file as .xls
	// is); else its directory does, unless it is encrypted.
	var ole ooxml.OLEDirectory
	isOLE := ooxml.IsOLE(head)
	if isOLE {
		ole = ooxml.ReadOLEDirectory(r, size)
	}
	if l, ok := legacyFormats[ext]; ok && !ole.Encrypted {
		return "", fmt.Errorf("%w: %w", ErrUnsupported, workbench.Errorf(workbench.CodeUnsupported, workbench.ReasonLegacyFormat,
			"Format", l.what, "Save", l.saveAs, "Document", l.saveAs == ".docx"))
	}
	if isOLE {
		return "", fmt.Errorf("%w: %s", ErrUnsupported, describeOLE(ole))
	}
	switch ext {
	case ".csv", ".tsv", ".txt":
		if isZip {
			return "", fmt.Errorf("%w: the file is named %s but is a zip archive: %s", ErrUnsupported, ext, describeZip(r, size))
		}
		return CSV, nil
	case ".xlsx", ".xlsm":
		return XLSX, nil // the XLSX reader says what the bytes are if they are not a workbook
	case ".json":
		return JSON, nil
	case ".jsonl", ".ndjson":
		return JSONL, nil
	case ".docx", ".pdf", ".md", ".markdown":
		return "", fmt.Errorf("%w: a %s file is a document, not structured rows", ErrUnsupported, ext)
	case ".pptx", ".ppt", ".dps":
		return "", fmt.Errorf("%w: %s presentations cannot be read; export them as PDF and import that", ErrUnsupported, ext)
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case isZip:
		return XLSX, nil
	case bytes.HasPrefix(trimmed, []byte("[")), bytes.HasPrefix(trimmed, []byte("{")):
		return JSON, nil
	}
	return CSV, nil
}

// legacy is a format providers hand over that cannot be read, and what to
// save it as instead.
type legacy struct{ what, saveAs string }

// legacyFormats are such formats by extension.
var legacyFormats = map[string]legacy{
	".xls":     {"a legacy Excel 97–2003 workbook (.xls)", ".xlsx"},
	".xlt":     {"a legacy Excel 97–2003 template (.xlt)", ".xlsx"},
	".xlsb":    {"an Excel binary workbook (.xlsb)", ".xlsx"},
	".et":      {"a WPS Spreadsheets workbook (.et)", ".xlsx"},
	".ett":     {"a WPS Spreadsheets template (.ett)", ".xlsx"},
	".ods":     {"an OpenDocument spreadsheet (.ods)", ".xlsx"},
	".numbers": {"an Apple Numbers spreadsheet (.numbers)", ".xlsx"},
	".doc":     {"a legacy Word 97–2003 document (.doc)", ".docx"},
	".dot":     {"a legacy Word 97–2003 template (.dot)", ".docx"},
	".wps":     {"a WPS Writer document (.wps)", ".docx"},
	".wpt":     {"a WPS Writer template (.wpt)", ".docx"},
	".odt":     {"an OpenDocument text (.odt)", ".docx"},
	".rtf":     {"an RTF document (.rtf)", ".docx"},
	".pages":   {"an Apple Pages document (.pages)", ".docx"},
}

// describeOLE says what an OLE2 compound file is — a legacy .xls, .doc or
// .ppt, or a password-protected Office file — whatever it is named.
func describeOLE(dir ooxml.OLEDirectory) string {
	switch {
	case dir.Encrypted:
		return "the file is password-protected (an encrypted Office file); save a copy without a password and import again"
	case dir.Excel:
		return "the file is a legacy Excel 97–2003 workbook (.xls, an OLE2 compound file), whatever its name says, which cannot be read; save it as .xlsx and import again"
	case dir.Word:
		return "the file is a legacy Word 97–2003 document (.doc, an OLE2 compound file), whatever its name says, which cannot be read; save it as .docx and import again as a document"
	case dir.PowerPoint:
		return "the file is a legacy PowerPoint presentation (.ppt); export it as PDF and import that"
	}
	return "the file is an OLE2 compound file (a legacy .xls or .doc, or an encrypted Office file), whatever its name says, which cannot be read; save it as .xlsx (or .docx) and import again"
}

// describeZip says what a zip archive named as a text file holds.
func describeZip(r io.ReaderAt, size int64) string {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return "a damaged one"
	}
	names := map[string]bool{}
	for _, f := range zr.File {
		names[ooxml.NormalizePart(f.Name)] = true
	}
	switch {
	case names["xl/workbook.bin"]:
		return "an Excel binary workbook (.xlsb), which cannot be read; save it as .xlsx and import again"
	case names["xl/workbook.xml"]:
		return "an XLSX workbook; rename it .xlsx and import again"
	case names["word/document.xml"]:
		return "a Word document; rename it .docx and import again as a document"
	}
	return "not a table"
}

// reader carries one ReadFile call.
type reader struct {
	ctx  context.Context
	opts Options
	sink func(Record) error
	res  Result
	conv *converter
	rows int
	// file, when set, is the file read front to back (CSV, JSON, JSONL),
	// whose offset says how far the read has got; size is its size.
	file *os.File
	size int64
	// quiet silences the XLSX reader's warnings while rows read before
	// are passed over again.
	quiet bool
	// name is the file's original name, which may tell a field no column
	// gives (Field.FromName).
	name string
}

// skip notes a row left out of the import.
func (r *reader) skip(location, text, reason string) {
	r.res.SkippedRowCount++
	if len(r.res.SkippedRows) < maxSkippedRows {
		r.res.SkippedRows = append(r.res.SkippedRows, SkippedRow{Location: location, Text: text, Reason: reason})
	}
}

// warn records a warning.
func (r *reader) warn(w workbench.Warning) {
	r.res.WarningCount++
	if len(r.res.Warnings) < maxWarnings {
		r.res.Warnings = append(r.res.Warnings, w)
	}
}

// emit passes a record on, checking for cancellation and reporting
// progress now and then.
func (r *reader) emit(rec Record) error {
	if err := r.sink(rec); err != nil {
		return err
	}
	r.res.Records++
	r.rows++
	if r.rows%progressEvery == 0 {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		if r.opts.Progress != nil {
			p := Progress{Rows: r.rows, Size: r.size}
			if r.file != nil {
				if off, err := r.file.Seek(0, io.SeekCurrent); err == nil {
					p.Read = min(off, r.size)
				}
			}
			r.opts.Progress(p)
		}
	}
	return nil
}

// kinds are the kinds a header may belong to.
func (r *reader) kinds() []workbench.Kind {
	if r.res.Kind != "" {
		return []workbench.Kind{r.res.Kind}
	}
	if r.opts.among != nil {
		return r.opts.among
	}
	return workbench.Kinds
}

// head reads up to headerScanRows rows of a table, copying the cells.
func head(t tabular.Table) ([]tabular.Row, error) {
	var rows []tabular.Row
	for len(rows) < headerScanRows {
		row, err := t.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return rows, err
		}
		rows = append(rows, tabular.Row{Number: row.Number, Cells: append([]string(nil), row.Cells...), AfterBlank: row.AfterBlank})
	}
	return rows, nil
}

func cellsOf(rows []tabular.Row) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = r.Cells
	}
	return out
}

// noHeader explains a table without a recognisable header row: what was
// looked for and what its first rows hold.
func (r *reader) noHeader(where string, rows []tabular.Row) error {
	return r.noHeaderErr(fmt.Sprintf("%sno row among the first %d names at least %d fields of %s; %s",
		where, headerScanRows, minHeaderFields, r.wanted(), describeRows(rows, r.kinds())))
}

// noHeaderErr is ErrNoHeader with its reason: the English detail, and
// what was looked for — how many rows, how many fields, of which kind
// ("" for any) — for the GUI to word on its own.
func (r *reader) noHeaderErr(detail string) error {
	return fmt.Errorf("%w: %w", ErrNoHeader, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonNoHeader,
		"Detail", detail, "Rows", headerScanRows, "Min", minHeaderFields, "Kind", string(r.res.Kind)))
}

// sheetRows are the first rows of a sheet, for noHeaderSheets.
type sheetRows struct {
	name  string
	rows  []tabular.Row
	notes bool // skipped as a sheet of instructions
}

// noHeaderSheets explains a workbook in which no sheet has a header row:
// what was looked for, then one line per sheet saying what it holds.
func (r *reader) noHeaderSheets(sheets []sheetRows) error {
	if len(sheets) == 1 && !sheets[0].notes {
		return r.noHeader(fmt.Sprintf("sheet %q: ", sheets[0].name), sheets[0].rows)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "no sheet has a row, among its first %d, that names at least %d fields of %s:", headerScanRows, minHeaderFields, r.wanted())
	for _, s := range sheets {
		fmt.Fprintf(&b, "\nsheet %q: ", s.name)
		if s.notes {
			b.WriteString("skipped, as a sheet of instructions (说明, Notes …)")
			continue
		}
		b.WriteString(describeRows(s.rows, r.kinds()))
	}
	return r.noHeaderErr(b.String())
}

// wanted says which fields a header row was expected to name, with a few
// headers of each kind as examples. (The CLI points to
// docs/submission-formats.md, which lists them all.)
func (r *reader) wanted() string {
	var ex []string
	for _, k := range r.kinds() {
		spec := SpecFor(k)
		var hs []string
		for _, f := range spec.Fields {
			if !f.Generic && len(hs) < 3 {
				hs = append(hs, f.ZH)
			}
		}
		ex = append(ex, fmt.Sprintf("%s (%s …)", k, strings.Join(hs, ", ")))
	}
	if r.res.Kind != "" {
		return "kind " + ex[0]
	}
	return "any kind — " + strings.Join(ex, ", ")
}

// describeRows says in one line what the first rows of a table hold: the
// filled cells of the first three, and the row that came closest to a
// header.
func describeRows(rows []tabular.Row, kinds []workbench.Kind) string {
	if len(rows) == 0 {
		return "it is empty"
	}
	var parts []string
	for _, row := range rows[:min(3, len(rows))] {
		parts = append(parts, fmt.Sprintf("row %d: %s", row.Number, quoteList(distinctCells(row.Cells), 5)))
	}
	out := "its first rows hold " + strings.Join(parts, "; ")
	if len(rows) > 3 {
		out += fmt.Sprintf(" (%d rows read)", len(rows))
	}
	// The closest miss: a row naming one field.
	for _, row := range rows {
		for _, k := range kinds {
			for _, c := range row.Cells {
				if f := matchHeader(k, c); f >= 0 {
					return out + fmt.Sprintf("; the closest is row %d, naming only %q (%s %s)", row.Number, strings.TrimSpace(c), k, SpecFor(k).Fields[f].Name)
				}
			}
		}
	}
	return out
}

// distinctCells drops empty cells and the repeats a merged cell makes.
func distinctCells(cells []string) []string {
	var out []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" && (len(out) == 0 || out[len(out)-1] != c) {
			out = append(out, c)
		}
	}
	return out
}

// startTable settles the kind from a header row and prepares the converter.
func (r *reader) startTable(sheet string, header []string, xlsxCols bool) error {
	if r.res.Kind == "" {
		k, err := detectKindAmong(header, r.kinds())
		if err != nil {
			return fmt.Errorf("%w: %w", ErrKind, err)
		}
		r.res.Kind = k
	}
	if r.conv == nil {
		r.conv = newConverter(r.res.Kind, r.warn)
		r.conv.fileName = r.name
		if r.opts.Start != nil {
			if err := r.opts.Start(r.res); err != nil {
				return err
			}
		}
	}
	r.conv.setHeader(sheet, header, xlsxCols)
	return nil
}

// readTable imports the rows of one table after its header row, leaving
// out notes, totals and sign-offs unless Options.KeepNoteRows.
func (r *reader) readTable(t tabular.Table, buffered []tabular.Row, headerPos int) error {
	var notes *noteFilter
	if !r.opts.KeepNoteRows {
		notes = newNoteFilter(buffered[headerPos].Cells, r.conv.colField, r.conv.idField)
	}
	put := func(row tabular.Row) error {
		if notes != nil {
			if why := notes.classify(row); why != "" {
				if why == reasonTotal {
					// A kind that reads stated totals keeps them as records.
					if rec, ok := r.conv.convertTotal(row.Number, row.Cells); ok {
						return r.emit(rec)
					}
				}
				r.skip(r.conv.locRow(row.Number), rowText(row.Cells), why)
				return nil
			}
		}
		if rec, ok := r.conv.convertRow(row.Number, row.Cells); ok {
			return r.emit(rec)
		}
		return nil
	}
	for _, row := range buffered[headerPos+1:] {
		if err := put(row); err != nil {
			return err
		}
	}
	for {
		row, err := t.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := put(row); err != nil {
			return err
		}
	}
}

func (r *reader) readCSV(f io.Reader) error {
	t, info, err := tabular.OpenCSV(f, tabular.DefaultLimits())
	if err != nil {
		return err
	}
	r.res.Encoding = info.Encoding
	rows, err := head(t)
	if err != nil {
		return err
	}
	pos := findHeader(cellsOf(rows), r.kinds())
	if r.preferVertical(rows, pos) {
		if ok, err := r.readVertical("", t, rows); ok || err != nil {
			return err
		}
	}
	if pos < 0 {
		return r.noHeader("", rows)
	}
	if err := r.startTable("", rows[pos].Cells, false); err != nil {
		return err
	}
	return r.readTable(t, rows, pos)
}

func (r *reader) readXLSX(f io.ReaderAt, size int64) error {
	wb, err := xlsx.Open(f, size, xlsx.DefaultLimits())
	if err != nil {
		return err
	}
	defer wb.Close()
	wb.OnWarning(func(w workbench.Warning) {
		if !r.quiet {
			r.warn(w)
		}
	})
	type sheetHead struct {
		name     string
		rows     []tabular.Row
		pos      int  // the header row, or -1
		vertical bool // fields named down a column: key facts
	}
	// First pass: the first rows of every sheet, to find each header and
	// decide the kind from the sheet that names the most fields.
	var heads []sheetHead
	var notes []string
	bestSheet, bestScore := -1, 0
	for _, name := range wb.Sheets() {
		if isNotesSheet(name) {
			notes = append(notes, name)
			continue
		}
		t, err := wb.Table(name)
		if err != nil {
			return err
		}
		rows, err := head(t)
		if err != nil {
			return err
		}
		pos := findHeader(cellsOf(rows), r.kinds())
		h := sheetHead{name, rows, pos, r.preferVertical(rows, pos)}
		heads = append(heads, h)
		if pos >= 0 && !h.vertical {
			if score := r.keyScore(rows[pos].Cells); score > bestScore {
				bestSheet, bestScore = len(heads)-1, score
			}
		}
	}
	if bestSheet < 0 {
		// No sheet has a header row: perhaps key facts written down a column.
		for _, h := range heads {
			t, err := r.resume(wb, h.name, len(h.rows))
			if err != nil {
				return err
			}
			if ok, err := r.readVertical(h.name, t, h.rows); ok || err != nil {
				return err
			}
		}
		sheets := make([]sheetRows, 0, len(heads)+len(notes))
		for _, h := range heads {
			sheets = append(sheets, sheetRows{name: h.name, rows: h.rows})
		}
		for _, n := range notes {
			sheets = append(sheets, sheetRows{name: n, notes: true})
		}
		return r.noHeaderSheets(sheets)
	}
	if r.res.Kind == "" {
		k, err := detectKindAmong(heads[bestSheet].rows[heads[bestSheet].pos].Cells, r.kinds())
		if err != nil {
			return fmt.Errorf("%w: sheet %q: %w", ErrKind, heads[bestSheet].name, err)
		}
		r.res.Kind = k
	}
	// Second pass: every sheet whose header fits the kind.
	for _, h := range heads {
		pos := findHeader(cellsOf(h.rows), []workbench.Kind{r.res.Kind})
		if h.vertical {
			r.warn(workbench.Warning{Location: fmt.Sprintf("sheet %q", h.name),
				Message: "lists fields and their values down a column (key facts), not rows of records; sheet skipped",
				Reason:  workbench.ReasonSheetKeyFacts, Args: map[string]any{"Sheet": h.name}})
			continue
		}
		if pos < 0 {
			if len(h.rows) > 0 {
				r.warn(workbench.Warning{Location: fmt.Sprintf("sheet %q", h.name),
					Message: fmt.Sprintf("no header row of kind %s found; sheet skipped", r.res.Kind),
					Reason:  workbench.ReasonSheetNoHeader, Args: map[string]any{"Sheet": h.name, "Kind": string(r.res.Kind)}})
			}
			continue
		}
		if err := r.startTable(h.name, h.rows[pos].Cells, true); err != nil {
			return err
		}
		t, err := r.resume(wb, h.name, len(h.rows))
		if err != nil {
			return err
		}
		if err := r.readTable(t, h.rows, pos); err != nil {
			return err
		}
	}
	return nil
}

// resume opens a sheet again past the rows the first pass buffered. The
// rows passed over were warned about in the first pass.
func (r *reader) resume(wb *xlsx.Workbook, sheet string, buffered int) (tabular.Table, error) {
	t, err := wb.Table(sheet)
	if err != nil {
		return nil, err
	}
	r.quiet = true
	defer func() { r.quiet = false }()
	for i := 0; i < buffered; i++ {
		if _, err := t.Next(); err != nil {
			return nil, fmt.Errorf("sheet %q: %w", sheet, err)
		}
	}
	return t, nil
}

func isNotesSheet(name string) bool {
	n := normHeader(name)
	for _, s := range notesSheets {
		if n == normHeader(s) {
			return true
		}
	}
	return false
}

func (r *reader) readJSON(f io.Reader, format Format) error {
	var rr tabular.RecordReader
	var err error
	if format == JSONL {
		rr, err = tabular.OpenJSONL(f, tabular.DefaultLimits())
	} else {
		rr, err = tabular.OpenJSONChoosing(f, tabular.DefaultLimits(), r.chooseRecords)
	}
	if err != nil {
		return err
	}
	r.res.Encoding = "UTF-8"
	var buffered []tabular.Record
	for len(buffered) < headerScanRows {
		rec, err := rr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		buffered = append(buffered, rec)
	}
	// The keys of the first records stand for a header row.
	var keys []string
	seen := map[string]bool{}
	for _, rec := range buffered {
		for _, k := range rec.Keys {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	if findHeader([][]string{keys}, r.kinds()) < 0 {
		return r.noHeaderErr(fmt.Sprintf("the keys of the first records (%s) do not name at least %d fields of %s",
			quoteList(keys, 8), minHeaderFields, r.wanted()))
	}
	if err := r.startTable("", keys, false); err != nil {
		return err
	}
	noteKeys := map[string]string{}
	put := func(rec tabular.Record) error {
		if !r.opts.KeepNoteRows {
			if why := jsonNote(rec.Keys, rec.Values, noteKeys); why != "" {
				r.skip(fmt.Sprintf("record %d", rec.Number), keyedText(rec.Keys, rec.Values), why)
				return nil
			}
		}
		if out, ok := r.conv.convertKeyed(rec.Number, rec.Keys, rec.Values); ok {
			return r.emit(out)
		}
		return nil
	}
	for _, rec := range buffered {
		if err := put(rec); err != nil {
			return err
		}
	}
	for {
		rec, err := rr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := put(rec); err != nil {
			return err
		}
	}
}

// chooseRecords decides which array of objects in a JSON export holds the
// records: the one whose keys name the most fields of a kind (at least
// minHeaderFields), provided they name more than the object's own keys do
// — an object of key facts may hold a list of objects of its own. The
// object's other members (provider, export date, counts) are metadata,
// not records. -1 reads the object as one record.
func (r *reader) chooseRecords(meta []string, arrays []tabular.JSONArray) int {
	best, bestScore := -1, 0
	for i, a := range arrays {
		if s := r.keyScore(a.Keys); s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 || bestScore < minHeaderFields*100 || r.keyScore(meta) >= bestScore {
		return -1
	}
	return best
}

// keyScore scores keys as findHeader scores a header row: distinct fields
// named, times 100, plus those that are not generic, for the kind that
// fits best.
func (r *reader) keyScore(keys []string) int {
	best := 0
	for _, k := range r.kinds() {
		all, d := headerScore(k, keys)
		best = max(best, all*100+d)
	}
	return best
}

// byteSize writes a size for people: 3.1 GiB.
// TooLarge is the error for a file of size bytes over the limit: it
// matches ErrTooLarge and carries workbench.ReasonFileTooLarge with the
// sizes ("3.0 GiB").
func TooLarge(size, limit int64) error {
	return fmt.Errorf("%w: %w", ErrTooLarge, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonFileTooLarge,
		"Size", byteSize(size), "Limit", byteSize(limit)))
}

func byteSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
