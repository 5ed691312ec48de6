package xlsx

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// relationship is one entry of a .rels part.
type relationship struct {
	id, typ, target string
	external        bool
}

// parseRels reads a relationships part.
func parseRels(sc *scanner) ([]relationship, error) {
	var rels []relationship
	for {
		if err := sc.next(); err != nil {
			return nil, err
		}
		switch sc.kind {
		case tokEOF:
			return rels, nil
		case tokStart:
			if string(sc.name) != "Relationship" {
				continue
			}
			m, err := attrMap(sc.attrs)
			if err != nil {
				return nil, err
			}
			rels = append(rels, relationship{
				id:       m["Id"],
				typ:      m["Type"],
				target:   m["Target"],
				external: strings.EqualFold(m["TargetMode"], "External"),
			})
		}
	}
}

// sheetEntry is a <sheet> of workbook.xml.
type sheetEntry struct {
	name, rid, state string
}

// parseWorkbook reads workbook.xml: the sheets in order and the date
// system.
func parseWorkbook(sc *scanner) (sheets []sheetEntry, date1904 bool, err error) {
	root := true
	for {
		if err := sc.next(); err != nil {
			return nil, false, err
		}
		switch sc.kind {
		case tokEOF:
			return sheets, date1904, nil
		case tokStart:
			if root {
				root = false
				m, err := attrMap(sc.attrs)
				if err != nil {
					return nil, false, err
				}
				if ns, beta := betaNamespace(m); beta {
					return nil, false, fmt.Errorf("%w: looks like a workbook saved by a beta of Excel 2007 (namespace %s), which cannot be read; save it as .xlsx with a current Excel, WPS or LibreOffice and import again", ErrNotXLSX, ns)
				}
			}
			switch string(sc.name) {
			case "workbookPr":
				m, err := attrMap(sc.attrs)
				if err != nil {
					return nil, false, err
				}
				v := strings.ToLower(strings.TrimSpace(m["date1904"]))
				date1904 = v == "1" || v == "true"
			case "sheet":
				m, err := attrMap(sc.attrs)
				if err != nil {
					return nil, false, err
				}
				e := sheetEntry{name: m["name"], state: m["state"]}
				for k, v := range m {
					// r:id, whatever the prefix is bound to.
					if strings.HasSuffix(k, ":id") {
						e.rid = v
					}
				}
				sheets = append(sheets, e)
			}
		}
	}
}

// betaNamespaces are the SpreadsheetML namespaces of the Office 2007
// betas and technical refreshes, before the format was standardised.
var betaNamespaces = []string{
	"http://schemas.microsoft.com/office/excel/2006/2",
	"http://schemas.microsoft.com/office/excel/2006/main",
	"http://schemas.openxmlformats.org/spreadsheetml/2006/5/main",
	"http://schemas.openxmlformats.org/spreadsheetml/2006/7/main",
}

// finalNamespaces are the namespaces of standard SpreadsheetML
// (transitional and strict).
var finalNamespaces = []string{
	"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
	"http://purl.oclc.org/ooxml/spreadsheetml/main",
}

// betaNamespace reports whether the namespace declarations of a
// workbook's root element are those of an Excel 2007 beta: a beta
// namespace declared and no standard one. (Current files may declare
// .../office/excel/2006/main for extensions, beside the standard one.)
func betaNamespace(attrs map[string]string) (string, bool) {
	beta := ""
	for k, v := range attrs {
		if k != "xmlns" && !strings.HasPrefix(k, "xmlns:") {
			continue
		}
		v = strings.TrimSpace(v)
		if slices.Contains(finalNamespaces, v) {
			return "", false
		}
		if slices.Contains(betaNamespaces, v) {
			beta = v
		}
	}
	return beta, beta != ""
}

// parseStyles reads the number formats of styles.xml and returns, for each
// cell format (cellXfs/xf, the index a cell's s attribute refers to), what
// its number format means.
func parseStyles(sc *scanner) ([]numStyle, error) {
	custom := map[int]string{}
	var xfFmt []int
	inNumFmts, inCellXfs := false, false
	for {
		if err := sc.next(); err != nil {
			return nil, err
		}
		switch sc.kind {
		case tokEOF:
			cache := map[int]numStyle{}
			styles := make([]numStyle, len(xfFmt))
			for i, id := range xfFmt {
				st, ok := cache[id]
				if !ok {
					code, isCustom := custom[id]
					if !isCustom {
						code = builtinFormats[id]
					}
					st = classifyFormat(code)
					cache[id] = st
				}
				styles[i] = st
			}
			return styles, nil
		case tokEnd:
			switch string(sc.name) {
			case "numFmts":
				inNumFmts = false
			case "cellXfs":
				inCellXfs = false
			}
		case tokStart:
			switch string(sc.name) {
			case "numFmts":
				inNumFmts = !sc.selfClose
			case "cellXfs":
				inCellXfs = !sc.selfClose
			case "numFmt":
				if !inNumFmts {
					continue
				}
				m, err := attrMap(sc.attrs)
				if err != nil {
					return nil, err
				}
				id, err := strconv.Atoi(strings.TrimSpace(m["numFmtId"]))
				if err != nil {
					continue
				}
				if _, dup := custom[id]; !dup {
					custom[id] = m["formatCode"]
				}
			case "xf":
				if !inCellXfs {
					continue
				}
				id := 0
				a := sc.attrs
				for {
					name, val, rest, ok, err := nextAttr(a)
					if err != nil {
						return nil, err
					}
					if !ok {
						break
					}
					if string(name) == "numFmtId" {
						id, _ = strconv.Atoi(string(trimSpace(val)))
					}
					a = rest
				}
				xfFmt = append(xfFmt, id)
				if !sc.selfClose {
					if err := sc.skip(); err != nil {
						return nil, err
					}
				}
			}
		}
	}
}

// sharedStrings holds the shared string table as one string and offsets,
// so that a million entries cost two allocations rather than a million.
type sharedStrings struct {
	blob string
	ends []uint32 // ends[i] is where entry i ends; it starts at ends[i-1]
}

func (t *sharedStrings) len() int { return len(t.ends) }

func (t *sharedStrings) get(i int) string {
	start := uint32(0)
	if i > 0 {
		start = t.ends[i-1]
	}
	return t.blob[start:t.ends[i]]
}

// maxSharedStringsBytes keeps offsets within uint32.
const maxSharedStringsBytes = 1<<32 - 1

// parseSharedStrings reads sharedStrings.xml. Each <si> is either one <t>
// or rich text runs <r><t>; phonetic guides (<rPh>) are not part of the
// text.
func parseSharedStrings(sc *scanner) (*sharedStrings, error) {
	var blob []byte
	var ends []uint32
	var item []byte
	for {
		if err := sc.next(); err != nil {
			return nil, fmt.Errorf("string %d: %w", len(ends), err)
		}
		switch sc.kind {
		case tokEOF:
			return &sharedStrings{blob: string(blob), ends: ends}, nil
		case tokStart:
			if string(sc.name) != "si" {
				continue
			}
			item = item[:0]
			if !sc.selfClose {
				var err error
				if item, err = collectRichText(sc, item); err != nil {
					return nil, fmt.Errorf("string %d: %w", len(ends), err)
				}
			}
			text := unescapeOOXML(item)
			if !utf8.Valid(text) {
				text = bytes.ToValidUTF8(text, []byte("\uFFFD"))
			}
			blob = append(blob, text...)
			if len(blob) > maxSharedStringsBytes {
				return nil, fmt.Errorf("shared strings exceed %d bytes", maxSharedStringsBytes)
			}
			ends = append(ends, uint32(len(blob)))
		}
	}
}

// collectRichText appends the text of an <si> or <is> element (the current
// start tag): the content of its <t> elements, at any depth, except those
// inside phonetic runs.
func collectRichText(sc *scanner, dst []byte) ([]byte, error) {
	depth := 1
	for {
		if err := sc.next(); err != nil {
			return dst, err
		}
		switch sc.kind {
		case tokStart:
			if sc.selfClose {
				continue
			}
			switch string(sc.name) {
			case "t":
				var err error
				if dst, err = sc.collect(dst); err != nil {
					return dst, err
				}
				if len(dst) > maxText {
					return dst, errTextTooLong
				}
			case "rPh", "rPr", "phoneticPr", "extLst":
				if err := sc.skip(); err != nil {
					return dst, err
				}
			default:
				depth++
			}
		case tokEnd:
			if depth--; depth == 0 {
				return dst, nil
			}
		case tokEOF:
			return dst, errUnexpectedEOF
		}
	}
}

var errUnexpectedEOF = fmt.Errorf("unexpected end of XML")

// mergeRange is a merged area, 1-based and inclusive.
type mergeRange struct {
	r1, c1, r2, c2 int
}

// maxMerges bounds the merged ranges of one sheet; real sheets have a few
// hundred at most.
const maxMerges = 1_000_000

// scanMerges reads the <mergeCell ref="A1:B2"/> elements of a worksheet.
// They follow <sheetData>, so this reads the whole part, tokenizing but
// not decoding the cells.
func scanMerges(sc *scanner, maxCol int) ([]mergeRange, error) {
	var out []mergeRange
	for {
		if err := sc.skipToMarkup(); err != nil {
			return nil, err
		}
		if err := sc.next(); err != nil {
			return nil, err
		}
		switch sc.kind {
		case tokEOF:
			return out, nil
		case tokEnd:
			if string(sc.name) == "mergeCells" {
				return out, nil
			}
		case tokStart:
			if string(sc.name) != "mergeCell" {
				continue
			}
			a := sc.attrs
			for {
				name, val, rest, ok, err := nextAttr(a)
				if err != nil {
					return nil, err
				}
				if !ok {
					break
				}
				a = rest
				if string(name) != "ref" {
					continue
				}
				m, ok := parseRange(trimSpace(val), maxCol)
				if !ok || (m.r1 == m.r2 && m.c1 == m.c2) {
					break
				}
				if len(out) >= maxMerges {
					return nil, fmt.Errorf("more than %d merged ranges", maxMerges)
				}
				out = append(out, m)
				break
			}
		}
	}
}

// parseRange parses "B2:C3" (also "$B$2:$C$3"); columns beyond maxCol are
// cut off.
func parseRange(b []byte, maxCol int) (mergeRange, bool) {
	first, second, ok := bytes.Cut(b, []byte{':'})
	if !ok {
		return mergeRange{}, false
	}
	c1, r1, ok1 := parseRef(bytes.ReplaceAll(first, []byte{'$'}, nil))
	c2, r2, ok2 := parseRef(bytes.ReplaceAll(second, []byte{'$'}, nil))
	if !ok1 || !ok2 || r1 == 0 || r2 == 0 {
		return mergeRange{}, false
	}
	if r1 > r2 {
		r1, r2 = r2, r1
	}
	if c1 > c2 {
		c1, c2 = c2, c1
	}
	if c1 > maxCol {
		return mergeRange{}, false
	}
	return mergeRange{r1: r1, c1: c1, r2: r2, c2: min(c2, maxCol)}, true
}

// maxRow is Excel's last row.
const maxRow = 1 << 20

// parseRef parses a cell reference "AB12" into column 28 and row 12. The
// row may be absent (row 0). Columns are capped far beyond any limit so
// nothing overflows.
func parseRef(b []byte) (col, row int, ok bool) {
	i := 0
	for i < len(b) {
		c := b[i]
		switch {
		case c >= 'A' && c <= 'Z':
			col = col*26 + int(c-'A') + 1
		case c >= 'a' && c <= 'z':
			col = col*26 + int(c-'a') + 1
		default:
			goto digits
		}
		if col > 1<<24 {
			return 0, 0, false
		}
		i++
	}
digits:
	if col == 0 {
		return 0, 0, false
	}
	for ; i < len(b); i++ {
		c := b[i]
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		row = row*10 + int(c-'0')
		if row > maxRow {
			return 0, 0, false
		}
	}
	return col, row, true
}
