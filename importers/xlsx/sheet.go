package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/tabular"
)

// inMemorySheet is the largest worksheet part read into memory once and
// scanned twice (merges, then cells). Larger parts are inflated twice
// instead, so memory stays flat however large the sheet.
const inMemorySheet = 8 << 20

// sheetTable streams the rows of one worksheet.
type sheetTable struct {
	wb   *Workbook
	name string
	part string

	sc    *scanner
	rc    io.Closer // the part reader; nil when in memory or done
	state int       // 0 before <sheetData>, 1 inside, 2 after
	err   error     // sticky

	cur      int // the last row number handed out or passed over
	lastOut  int // the last row number handed out
	lastXML  int // the number of the last <row> read
	pending  bool
	pendNum  int
	cells    []string // the pending XML row, by column
	synth    []string // a row made only of merged values
	maxCells int

	merges []mergeRange // sorted by first row
	mi     int          // merges[:mi] have been admitted
	active []activeMerge

	vbuf, tbuf, refBuf []byte
	testHook           func(row int)
}

// activeMerge is a merged range that covers the current row.
type activeMerge struct {
	mergeRange
	val string // the top-left cell's value; "" if it had none
}

func newSheetTable(w *Workbook, name, part string) (*sheetTable, error) {
	t := &sheetTable{wb: w, name: name, part: part, maxCells: w.lim.MaxCells}
	f := w.part(part)
	if f == nil {
		return nil, fmt.Errorf("xlsx: sheet %q: part %s is missing", name, part)
	}
	var err error
	merges, cached := w.cachedMerges(part)
	t.merges = merges
	if f.UncompressedSize64 <= inMemorySheet {
		var data []byte
		data, err = w.readAll(part)
		if err == nil && !cached {
			err = t.loadMerges(data)
		}
		if err == nil {
			t.sc, err = newBytesScanner(data)
		}
	} else {
		if !cached {
			err = t.loadMergesFromPart()
		}
		if err == nil {
			var rc io.ReadCloser
			if rc, err = w.openPart(part); err == nil {
				t.rc = rc
				if t.sc, err = newScanner(rc); err != nil {
					rc.Close()
				}
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("xlsx: sheet %q: %w", name, err)
	}
	return t, nil
}

func (w *Workbook) readAll(part string) ([]byte, error) {
	rc, err := w.openPart(part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	f := w.part(part)
	buf := bytes.NewBuffer(make([]byte, 0, int(f.UncompressedSize64)))
	if _, err := buf.ReadFrom(rc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (t *sheetTable) loadMergesFromPart() error {
	rc, err := t.wb.openPart(t.part)
	if err != nil {
		return err
	}
	defer rc.Close()
	sc, err := newScanner(rc)
	if err != nil {
		return err
	}
	return t.scanMerges(sc)
}

func (t *sheetTable) loadMerges(data []byte) error {
	sc, err := newBytesScanner(data)
	if err != nil {
		return err
	}
	return t.scanMerges(sc)
}

func (t *sheetTable) scanMerges(sc *scanner) error {
	m, err := scanMerges(sc, t.maxCells)
	if err != nil {
		return fmt.Errorf("reading merged cells: %w", err)
	}
	slices.SortStableFunc(m, func(a, b mergeRange) int { return a.r1 - b.r1 })
	t.merges = m
	t.wb.storeMerges(t.part, m)
	return nil
}

// cachedMerges returns the merged ranges of a sheet part found by an
// earlier Table, sparing a large sheet its second pre-pass when a caller
// reads the first rows of every sheet and then one sheet in full.
func (w *Workbook) cachedMerges(part string) ([]mergeRange, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	m, ok := w.merges[part]
	return m, ok
}

func (w *Workbook) storeMerges(part string, m []mergeRange) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.merges == nil {
		w.merges = map[string][]mergeRange{}
	}
	w.merges[part] = m
}

// Name returns the sheet name.
func (t *sheetTable) Name() string { return t.name }

// Next returns the next row that has a value, or io.EOF after the last.
func (t *sheetTable) Next() (row tabular.Row, err error) {
	if t.err != nil {
		return tabular.Row{}, t.err
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("xlsx: sheet %q %s: internal error: %v", t.name, t.where(), p)
		}
		if err != nil {
			t.err = err
			t.release()
		}
	}()
	if t.wb.closed.Load() {
		return tabular.Row{}, errClosed
	}
	for {
		if !t.pending && t.state < 2 {
			if err := t.readRow(); err != nil {
				return tabular.Row{}, fmt.Errorf("xlsx: sheet %q %s: %w", t.name, t.where(), err)
			}
		}
		var num int
		var cells []string
		if !t.pending {
			return tabular.Row{}, io.EOF
		}
		if t.cur+1 < t.pendNum && t.coversGap(t.cur+1) {
			num = t.cur + 1
			cells = t.applyMerges(num, t.synth[:0])
			t.synth = cells
		} else {
			num = t.pendNum
			t.pending = false
			cells = t.applyMerges(num, t.cells)
			t.cells = cells
		}
		t.cur = num
		for len(cells) > 0 && cells[len(cells)-1] == "" {
			cells = cells[:len(cells)-1]
		}
		if len(cells) == 0 {
			continue
		}
		if t.testHook != nil {
			t.testHook(num)
		}
		after := t.lastOut > 0 && num > t.lastOut+1
		t.lastOut = num
		return tabular.Row{Number: num, Cells: cells, AfterBlank: after}, nil
	}
}

func (t *sheetTable) where() string {
	if t.lastXML == 0 {
		return "before the first row"
	}
	return "row " + strconv.Itoa(t.lastXML)
}

// release drops the part reader once reading is over.
func (t *sheetTable) release() {
	if t.rc != nil {
		t.rc.Close()
		t.rc = nil
	}
	t.sc = nil
}

// coversGap reports whether row g, absent from the XML, lies inside a
// merged range whose top-left cell has a value.
func (t *sheetTable) coversGap(g int) bool {
	for _, a := range t.active {
		if a.r2 >= g && a.val != "" {
			return true
		}
	}
	return false
}

// applyMerges updates the merged ranges covering row num and fills their
// cells with the top-left values.
func (t *sheetTable) applyMerges(num int, cells []string) []string {
	if len(t.merges) == 0 {
		return cells
	}
	// Drop ranges that ended above this row.
	t.active = slices.DeleteFunc(t.active, func(a activeMerge) bool { return a.r2 < num })
	// Admit ranges starting at or above this row. A range whose top-left
	// row was absent has no value. Ranges overlapping an active one are
	// invalid (Excel refuses them) and ignored, which also bounds the work
	// per row by the number of columns.
	for t.mi < len(t.merges) && t.merges[t.mi].r1 <= num {
		m := t.merges[t.mi]
		t.mi++
		if m.r2 < num {
			continue
		}
		i, _ := slices.BinarySearchFunc(t.active, m.c1, func(a activeMerge, c int) int { return a.c1 - c })
		if i > 0 && t.active[i-1].c2 >= m.c1 || i < len(t.active) && t.active[i].c1 <= m.c2 {
			continue
		}
		a := activeMerge{mergeRange: m}
		if m.r1 == num && m.c1 <= len(cells) {
			a.val = cells[m.c1-1]
		}
		t.active = slices.Insert(t.active, i, a)
	}
	for _, a := range t.active {
		if a.val == "" {
			continue
		}
		for len(cells) < a.c2 {
			cells = append(cells, "")
		}
		for c := a.c1; c <= a.c2; c++ {
			cells[c-1] = a.val
		}
	}
	return cells
}

// readRow reads up to and including the next <row> into cells, or moves
// to state 2 at the end of <sheetData>.
func (t *sheetTable) readRow() error {
	sc := t.sc
	for {
		if err := sc.next(); err != nil {
			return err
		}
		switch sc.kind {
		case tokEOF:
			if t.state == 1 {
				return errors.New("the sheet XML ends inside <sheetData>")
			}
			t.state = 2
			t.release()
			return nil
		case tokEnd:
			if t.state == 1 && string(sc.name) == "sheetData" {
				t.state = 2
				t.release()
				return nil
			}
		case tokStart:
			if t.state == 0 {
				if string(sc.name) == "sheetData" {
					t.state = 1
					if sc.selfClose {
						t.state = 2
						t.release()
						return nil
					}
				}
				continue
			}
			if string(sc.name) != "row" {
				if err := sc.skip(); err != nil {
					return err
				}
				continue
			}
			return t.parseRow()
		}
	}
}

// parseRow reads the row whose start tag is the current token.
func (t *sheetTable) parseRow() error {
	sc := t.sc
	num := t.lastXML + 1
	a := sc.attrs
	for {
		name, val, rest, ok, err := nextAttr(a)
		if err != nil {
			return fmt.Errorf("after row %d: %w", t.lastXML, err)
		}
		if !ok {
			break
		}
		a = rest
		if string(name) == "r" {
			n, err := strconv.Atoi(string(trimSpace(val)))
			if err != nil || n < 1 || n > maxRow {
				return fmt.Errorf("after row %d: invalid row number %q", t.lastXML, truncate(val, 20))
			}
			num = n
		}
	}
	if num <= t.lastXML {
		return fmt.Errorf("row %d follows row %d: rows out of order", num, t.lastXML)
	}
	if num > maxRow {
		return fmt.Errorf("after row %d: more than %d rows", t.lastXML, maxRow)
	}
	t.lastXML = num
	t.cells = t.cells[:0]
	if !sc.selfClose {
		col := 0
		for {
			if err := sc.next(); err != nil {
				return err
			}
			switch sc.kind {
			case tokEOF:
				return errUnexpectedEOF
			case tokEnd:
				if string(sc.name) != "row" {
					return fmt.Errorf("malformed XML: unexpected </%s> in a row", truncate(sc.name, 20))
				}
				goto done
			case tokStart:
				if string(sc.name) != "c" {
					if err := sc.skip(); err != nil {
						return err
					}
					continue
				}
				var err error
				if col, err = t.parseCell(col); err != nil {
					return err
				}
			}
		}
	}
done:
	t.pending, t.pendNum = true, num
	return nil
}

// parseCell reads the <c> element that is the current token; prev is the
// column of the previous cell. It returns this cell's column.
func (t *sheetTable) parseCell(prev int) (int, error) {
	sc := t.sc
	col, style := prev+1, 0
	// The attribute slices point into the scanner's buffer, which the next
	// token may overwrite: keep copies.
	typ, ref := "", t.refBuf[:0]
	a := sc.attrs
	for {
		name, val, rest, ok, err := nextAttr(a)
		if err != nil {
			return 0, err
		}
		if !ok {
			break
		}
		a = rest
		switch string(name) {
		case "r":
			ref = append(ref, val...)
			t.refBuf = ref
			c, _, ok := parseRef(trimSpace(val))
			if !ok {
				return 0, fmt.Errorf("invalid cell reference %q", truncate(val, 20))
			}
			col = c
		case "s":
			style, _ = strconv.Atoi(string(trimSpace(val)))
		case "t":
			typ = cellType(val)
		}
	}
	if col > t.maxCells {
		if len(ref) == 0 {
			ref = []byte("#" + strconv.Itoa(col))
		}
		return 0, fmt.Errorf("cell %s lies beyond the limit of %d cells per row", truncate(ref, 20), t.maxCells)
	}
	if sc.selfClose {
		return col, nil
	}
	t.vbuf, t.tbuf = t.vbuf[:0], t.tbuf[:0]
	hasV, hasIS := false, false
	for {
		if err := sc.next(); err != nil {
			return 0, err
		}
		switch sc.kind {
		case tokEOF:
			return 0, errUnexpectedEOF
		case tokEnd:
			if string(sc.name) != "c" {
				return 0, fmt.Errorf("malformed XML: unexpected </%s> in a cell", truncate(sc.name, 20))
			}
			goto done
		case tokStart:
			var err error
			switch string(sc.name) {
			case "v":
				hasV = true
				t.vbuf, err = sc.collect(t.vbuf[:0])
			case "is":
				hasIS = true
				if !sc.selfClose {
					t.tbuf, err = collectRichText(sc, t.tbuf[:0])
				}
			default:
				err = sc.skip()
			}
			if err != nil {
				return 0, err
			}
		}
	}
done:
	if !hasV && !hasIS {
		return col, nil
	}
	if typ == "s" && len(trimSpace(t.vbuf)) == 0 {
		// <c t="s"><v/></c>: some exporters write blank cells so. There
		// is no string to look up; the cell is blank.
		if t.wb.warn != nil {
			t.wb.warn(workbench.Warning{Location: fmt.Sprintf("sheet %q, cell %s", t.name, cellName(col, t.lastXML)),
				Message: "the cell's shared-string index is empty (<v/>); read as a blank cell", Reason: workbench.ReasonBlankStringCell})
		}
		return col, nil
	}
	val, err := t.cellValue(typ, style, hasIS)
	if err != nil {
		if len(ref) == 0 {
			ref = []byte("#" + strconv.Itoa(col))
		}
		return 0, fmt.Errorf("cell %s: %w", truncate(ref, 20), err)
	}
	if val == "" {
		return col, nil
	}
	for len(t.cells) < col {
		t.cells = append(t.cells, "")
	}
	t.cells[col-1] = val
	return col, nil
}

// cellValue turns the collected <v> or <is> text into the cell's value.
func (t *sheetTable) cellValue(typ string, style int, hasIS bool) (string, error) {
	v := t.vbuf
	switch typ {
	case "s":
		i, err := strconv.Atoi(string(trimSpace(v)))
		if err != nil || i < 0 || i >= t.wb.sst.len() {
			return "", fmt.Errorf("invalid shared string index %q (the table has %d)", truncate(v, 20), t.wb.sst.len())
		}
		return t.wb.sst.get(i), nil
	case "inlineStr":
		if hasIS {
			return validString(unescapeOOXML(t.tbuf)), nil
		}
		return validString(unescapeOOXML(v)), nil
	case "str":
		return validString(unescapeOOXML(v)), nil
	case "b":
		switch string(trimSpace(v)) {
		case "1", "true":
			return "TRUE", nil
		case "0", "false":
			return "FALSE", nil
		}
		return validString(v), nil
	case "e":
		return validString(v), nil
	case "d":
		return formatISODate(v, t.style(style)), nil
	case "", "n":
		if len(v) == 0 && hasIS {
			return validString(unescapeOOXML(t.tbuf)), nil
		}
		return formatNumber(v, t.style(style), t.wb.date1904), nil
	}
	return validString(v), nil
}

func (t *sheetTable) style(i int) numStyle {
	if i >= 0 && i < len(t.wb.numStyles) {
		return t.wb.numStyles[i]
	}
	return numStyle{}
}

// cellName names a cell as Excel does: column 28, row 7 is AB7.
func cellName(col, row int) string {
	var b []byte
	for c := col; c > 0; c = (c - 1) / 26 {
		b = append(b, byte('A'+(c-1)%26))
	}
	slices.Reverse(b)
	return string(b) + strconv.Itoa(row)
}

// cellType returns the t attribute of a cell as a string, without
// allocating for the values SpreadsheetML defines.
func cellType(v []byte) string {
	for _, k := range [...]string{"s", "n", "str", "inlineStr", "b", "e", "d"} {
		if string(v) == k {
			return k
		}
	}
	return string(v)
}
