package tabular

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// CSVInfo says how a CSV file was read.
type CSVInfo struct {
	// Encoding is "UTF-8", "UTF-8 BOM", "GB18030", "UTF-16LE" or
	// "UTF-16BE". A file whose sniffed start is pure ASCII is reported as
	// "UTF-8" even if non-ASCII bytes further on turn out to be GB18030
	// (they are then decoded as such).
	Encoding string
	// Delimiter is ',', '\t', ';' or '|'.
	Delimiter rune
}

// delimiters are the candidates for CSV delimiter sniffing, in order of
// preference when the evidence is equal.
var delimiters = [...]byte{',', '\t', ';', '|'}

// sniffLines is how many records of the sample delimiter sniffing looks at.
const sniffLines = 20

// csvBufSize is the size of the buffer that encoding/csv reads through.
const csvBufSize = 64 << 10

// OpenCSV sniffs the encoding and delimiter from the start of r (reading up
// to 64 KiB ahead, buffered, so nothing is lost) and returns a Table of its
// rows.
//
// The encoding is UTF-8 (with or without byte order mark), UTF-16 with a
// byte order mark, or else GB18030 (a superset of GBK and GB2312) when the
// start is not valid UTF-8. Binary input yields ErrNotText, an empty or
// blank file ErrEmpty. The delimiter is the one of ',', '\t', ';' and '|'
// whose count outside quoted fields is most consistent over the first 20
// records; a file with none of them is one column delimited by ','.
//
// Rows may have different lengths; quoted fields may hold delimiters,
// quotes and line breaks; stray quotes are taken literally. Rows whose cells
// are all blank are skipped. Row.Number is the line on which the record
// starts.
func OpenCSV(r io.Reader, lim Limits) (Table, CSVInfo, error) {
	lim = lim.withDefaults()
	ts, err := openText(r)
	if err != nil {
		return nil, CSVInfo{}, err
	}
	delim := sniffDelimiter(ts.sample, ts.complete)
	src := ts.r
	if crOnly(ts.sample) {
		src = crReader{src}
	}
	g := &csvGuard{
		r:         src,
		delim:     delim,
		maxBytes:  lim.MaxRecordBytes,
		maxFields: lim.MaxFields,
		line:      1,
		recLine:   1,
	}
	cr := csv.NewReader(bufio.NewReaderSize(g, csvBufSize))
	cr.Comma = rune(delim)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	t := &csvTable{cr: cr, guard: g, maxFields: lim.MaxFields}
	return t, CSVInfo{Encoding: ts.encoding, Delimiter: rune(delim)}, nil
}

// csvTable is the Table returned by OpenCSV.
type csvTable struct {
	cr        *csv.Reader
	guard     *csvGuard
	maxFields int
	err       error // sticky: once set, every Next returns it
	end       int   // the line the last row returned ended on; 0 before the first
	blank     bool  // a blank row was passed over since
}

// Name returns "": a CSV file holds a single table.
func (t *csvTable) Name() string { return "" }

// Next returns the next row that is not blank, or io.EOF after the last.
// The Cells slice is reused by the following call.
func (t *csvTable) Next() (Row, error) {
	if t.err != nil {
		return Row{}, t.err
	}
	for {
		rec, err := t.cr.Read()
		if err != nil {
			t.err = t.wrap(err)
			return Row{}, t.err
		}
		line, _ := t.cr.FieldPos(0)
		if len(rec) > t.maxFields {
			t.err = &lineError{line: line, err: fmt.Errorf("%w: %d cells, more than the limit of %d", ErrTooManyFields, len(rec), t.maxFields)}
			return Row{}, t.err
		}
		// A line ending "\r\r\n" would leave a CR on the last cell.
		if last := rec[len(rec)-1]; strings.HasSuffix(last, "\r") {
			rec[len(rec)-1] = strings.TrimRight(last, "\r")
		}
		if blankRow(rec) {
			t.blank = true
			continue
		}
		after := t.end > 0 && (t.blank || line > t.end+1)
		t.blank = false
		// The record ends on the line its last field starts on, plus the
		// line breaks inside that field (a quoted multi-line value).
		last, _ := t.cr.FieldPos(len(rec) - 1)
		t.end = last + strings.Count(rec[len(rec)-1], "\n")
		return Row{Number: line, Cells: rec, AfterBlank: after}, nil
	}
}

// wrap gives an error from encoding/csv the line where it happened.
func (t *csvTable) wrap(err error) error {
	if errors.Is(err, io.EOF) {
		return io.EOF
	}
	var le *lineError
	if errors.As(err, &le) {
		return err
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if pe.Line != pe.StartLine {
			return &lineError{line: pe.StartLine, err: csvSyntaxErr("line %d, column %d: %w", pe.Line, pe.Column, pe.Err)}
		}
		return &lineError{line: pe.Line, err: csvSyntaxErr("column %d: %w", pe.Column, pe.Err)}
	}
	return &lineError{line: t.guard.recLine, err: err}
}

// blankRow reports whether every cell is empty after trimming white space.
func blankRow(rec []string) bool {
	for _, c := range rec {
		if c != "" && strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// lineError is an error located on a line of the file.
type lineError struct {
	line int
	err  error
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %v", e.line, e.err) }
func (e *lineError) Unwrap() error { return e.err }

// States of the CSV syntax followed by csvGuard; they mirror how
// encoding/csv with LazyQuotes splits records.
const (
	stFieldStart = iota // at the start of a field
	stUnquoted          // inside an unquoted field
	stQuoted            // inside a quoted field
	stQuote             // after a '"' inside a quoted field
	stQuoteCR           // after '"' and '\r' inside a quoted field
)

// csvGuard sits between the text and encoding/csv. It follows the CSV
// syntax as encoding/csv will parse it and fails as soon as the record being
// read grows beyond the byte or field limit, so that a runaway quoted field
// or a line of a million delimiters is refused before encoding/csv buffers
// it. It also wraps read errors with the line of the record being read.
type csvGuard struct {
	r         io.Reader
	delim     byte
	maxBytes  int64
	maxFields int

	state   int
	fields  int   // delimiters seen in the current record
	size    int64 // bytes of the current record so far
	line    int   // line of the next byte
	recLine int   // line on which the current record started
	err     error
}

func (g *csvGuard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	if n > 0 {
		if k, gerr := g.scan(p[:n]); gerr != nil {
			// Pass on the bytes before the offending one: the records
			// before are complete and are returned first.
			g.err = gerr
			return k, gerr
		}
	}
	if err != nil && !errors.Is(err, io.EOF) {
		var le *lineError
		if !errors.As(err, &le) {
			err = &lineError{line: g.recLine, err: err}
		}
		g.err = err
	}
	return n, err
}

// endRecord notes a line feed that ends a record (or a blank line).
func (g *csvGuard) endRecord() {
	g.line++
	g.recLine = g.line
	g.fields = 0
	g.size = 0
	g.state = stFieldStart
}

func (g *csvGuard) tooLarge() error {
	return &lineError{line: g.recLine, err: fmt.Errorf("%w: the record is longer than the limit of %d bytes", ErrRecordTooLarge, g.maxBytes)}
}

func (g *csvGuard) tooManyFields() error {
	return &lineError{line: g.recLine, err: fmt.Errorf("%w: the record has more than the limit of %d cells", ErrTooManyFields, g.maxFields)}
}

// scan follows b through the CSV syntax. On error it returns how many bytes
// of b come before the point where the limit was exceeded.
func (g *csvGuard) scan(data []byte) (int, error) {
	b := data
	for len(b) > 0 {
		at := len(data) - len(b)
		switch g.state {
		case stQuoted:
			j := bytes.IndexByte(b, '"')
			seg := b
			if j >= 0 {
				seg = b[:j+1]
			}
			g.line += bytes.Count(seg, []byte{'\n'})
			g.size += int64(len(seg))
			if g.size > g.maxBytes {
				return at, g.tooLarge()
			}
			b = b[len(seg):]
			if j >= 0 {
				g.state = stQuote
			}
		case stQuote:
			switch c := b[0]; c {
			case '"': // escaped quote
				g.state = stQuoted
			case g.delim:
				g.state = stFieldStart
				if g.fields++; g.fields >= g.maxFields {
					return at, g.tooManyFields()
				}
			case '\n':
				g.endRecord()
				b = b[1:]
				continue
			case '\r':
				g.state = stQuoteCR
			default: // a stray quote, taken literally; c is part of the field
				g.state = stQuoted
				continue
			}
			b = b[1:]
			if g.size++; g.size > g.maxBytes {
				return at, g.tooLarge()
			}
		case stQuoteCR:
			if b[0] == '\n' {
				g.endRecord()
				b = b[1:]
				continue
			}
			g.state = stQuoted
		default: // stFieldStart, stUnquoted
			if g.state == stFieldStart && b[0] == '"' {
				g.state = stQuoted
				b = b[1:]
				if g.size++; g.size > g.maxBytes {
					return at, g.tooLarge()
				}
				continue
			}
			// Unquoted text runs to the next quote that opens a field.
			end := len(b)
			for from := 0; from < len(b); {
				j := bytes.IndexByte(b[from:], '"')
				if j < 0 {
					break
				}
				j += from
				if j > 0 && (b[j-1] == g.delim || b[j-1] == '\n') {
					end = j
					break
				}
				from = j + 1
			}
			if k, err := g.plain(b[:end]); err != nil {
				return at + k, err
			}
			b = b[end:]
		}
	}
	return len(data), nil
}

// plain follows unquoted text seg, which starts in stFieldStart or
// stUnquoted and holds no quote that opens a field. On error it returns
// the offset in seg where the limit was exceeded.
func (g *csvGuard) plain(seg []byte) (int, error) {
	if len(seg) == 0 {
		return 0, nil
	}
	nd := bytes.Count(seg, []byte{g.delim})
	if g.fields+nd < g.maxFields && g.size+int64(len(seg)) <= g.maxBytes {
		// No record in seg can exceed a limit: just count.
		if nl := bytes.Count(seg, []byte{'\n'}); nl == 0 {
			g.fields += nd
			g.size += int64(len(seg))
		} else {
			tail := seg[bytes.LastIndexByte(seg, '\n')+1:]
			g.line += nl
			g.recLine = g.line
			g.fields = bytes.Count(tail, []byte{g.delim})
			g.size = int64(len(tail))
		}
	} else {
		for i, c := range seg {
			switch c {
			case '\n':
				g.endRecord()
				continue
			case g.delim:
				if g.fields++; g.fields >= g.maxFields {
					return i, g.tooManyFields()
				}
			}
			if g.size++; g.size > g.maxBytes {
				return i, g.tooLarge()
			}
		}
	}
	if c := seg[len(seg)-1]; c == '\n' || c == g.delim {
		g.state = stFieldStart
	} else {
		g.state = stUnquoted
	}
	return len(seg), nil
}

// sniffDelimiter chooses the delimiter of a CSV file from the start of its
// text: the candidate whose count outside quoted fields is the same on the
// most records among the first sniffLines, that count being non-zero.
// Among equally consistent candidates the larger count wins, then the
// earlier candidate. Without any candidate the file is one column and ','
// is returned.
func sniffDelimiter(sample []byte, complete bool) byte {
	best, bestScore, bestMode := byte(','), -1.0, 0
	for _, d := range delimiters {
		counts := recordDelims(sample, d, complete)
		if len(counts) == 0 {
			continue
		}
		freq := map[int]int{}
		for _, c := range counts {
			freq[c]++
		}
		mode, n := 0, 0
		for c, f := range freq {
			if f > n || (f == n && c > mode) {
				mode, n = c, f
			}
		}
		if mode == 0 {
			continue
		}
		score := float64(n) / float64(len(counts))
		if score > bestScore || (score == bestScore && mode > bestMode) {
			best, bestScore, bestMode = d, score, mode
		}
	}
	return best
}

// recordDelims returns how many times d occurs outside quoted fields in
// each of the first sniffLines non-blank records of sample, parsed with d
// as the delimiter. Unless complete, the last record, which may be cut
// short, is left out (if there is another).
func recordDelims(sample []byte, d byte, complete bool) []int {
	var counts []int
	state, n, blank := stFieldStart, 0, true
	end := func() {
		if !blank {
			counts = append(counts, n)
		}
		state, n, blank = stFieldStart, 0, true
	}
	for i := 0; i < len(sample) && len(counts) < sniffLines; i++ {
		c := sample[i]
		if c != '\n' && c != '\r' && c != ' ' && c != '\t' {
			blank = false
		}
		switch state {
		case stFieldStart, stUnquoted:
			switch {
			case c == '\n':
				end()
			case c == d:
				n++
				state = stFieldStart
			case c == '"' && state == stFieldStart:
				state = stQuoted
			default:
				state = stUnquoted
			}
		case stQuoted:
			if c == '"' {
				state = stQuote
			}
		case stQuote:
			switch c {
			case '"':
				state = stQuoted
			case d:
				n++
				state = stFieldStart
			case '\n':
				end()
			case '\r':
				state = stQuoteCR
			default:
				state = stQuoted
			}
		case stQuoteCR:
			if c == '\n' {
				end()
			} else {
				state = stQuoted
				i-- // look at c again inside the field
			}
		}
	}
	if len(counts) < sniffLines && !blank && (complete || len(counts) == 0) {
		counts = append(counts, n)
	}
	return counts
}
