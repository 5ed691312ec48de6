package importers

import (
	"github.com/inspection-workbench/workbench"

	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/inspection-workbench/workbench/importers/values"
)

// Record is one imported row: where it was, the provider's identifier, its
// canonical fields and its unmapped columns. Fields and Extra are JSON
// objects; their bytes are reused for the next record, so a sink that keeps
// them must copy.
type Record struct {
	Sheet  string
	Row    int
	Ref    string
	Fields []byte
	Extra  []byte
}

// ColumnCount counts the values of one column (or JSON key) that are
// outside its field's vocabulary, for the import report: "事件类别: 37
// values not recognised (e.g. "情感纠纷")". The values are kept as written.
type ColumnCount struct {
	Sheet    string   `json:"sheet,omitempty"` // XLSX only
	Column   string   `json:"column"`          // the header as written, "column D", or the JSON key
	Field    string   `json:"field"`           // the canonical field
	Count    int      `json:"count"`           // values not recognised (each item of a list)
	Examples []string `json:"examples"`        // the first few distinct ones
	First    string   `json:"first,omitempty"` // where the first of them stands, e.g. "line 2, column 7 (处置措施)"
	Valid    []string `json:"valid"`           // the field's terms, in Chinese, as a provider writes them
}

// maxExamples bounds ColumnCount.Examples.
const maxExamples = 3

// unrecKey identifies a column for ColumnCount.
type unrecKey struct{ sheet, column string }

// converter turns the cells of one table (or the keys of JSON records) into
// Records of one kind.
type converter struct {
	spec      *KindSpec
	terms     map[string]map[string]string
	fieldKeys [][]byte // `"name":` per field
	idField   int      // field whose value is the record's Ref, or -1
	// warn takes each warning, with its reason and English message.
	warn func(workbench.Warning)

	// Set per table by setHeader.
	sheet    string
	headers  []string // original header per column
	colField []int    // field per column, -1 for extra columns
	extraKey [][]byte // `"header":` per column
	colLoc   []string // how a column is named in locations
	header   []string // the header row's cells, to skip repeats
	xlsxCols bool     // name columns by letter
	locRow   func(row int) string
	keyCache map[string]keyMatch
	keyed    bool           // the current record is a JSON object
	fieldKey map[int]string // for a JSON record: the key each field came from
	byPrefix []int          // keys of the record matched by the first parts of their path
	prefixed map[int]bool   // fields given values by such keys only
	// For key facts read down a column: the row of each key, and how a
	// row is named.
	factRows map[string]int
	factLoc  func(row int) string

	// Spellings of vocabulary values read so far, per field.
	termCache map[int]map[string]termHit

	// Columns and spellings of "not applicable" answers warned about.
	naWarned map[unrecKey]bool

	// Values outside vocabularies, per column, in order of first sight.
	unrec    []ColumnCount
	unrecIdx map[unrecKey]int

	// fileName is the file's original name; implied holds, per field no
	// column names, the value the sheet's or the file's name gives it
	// (Field.FromName), set per table by setHeader.
	fileName string
	implied  map[int]string

	// totalField is the kind's Field.TotalLabel field, -1 when it has
	// none; totalLabel, while a total row is converted, its label.
	totalField int
	totalLabel string

	// Scratch space reused for every record.
	vals  [][]string
	fbuf  []byte
	ebuf  []byte
	parts []string
}

func newConverter(k workbench.Kind, warn func(workbench.Warning)) *converter {
	spec := SpecFor(k)
	c := &converter{spec: spec, terms: termIndex[k], idField: -1, totalField: -1, warn: warn}
	c.fieldKeys = make([][]byte, len(spec.Fields))
	for i, f := range spec.Fields {
		c.fieldKeys[i] = appendKey(nil, f.Name)
		if f.ID && c.idField < 0 {
			c.idField = i
		}
		if f.TotalLabel {
			c.totalField = i
		}
	}
	c.vals = make([][]string, len(spec.Fields))
	c.fieldKey = map[int]string{}
	c.prefixed = map[int]bool{}
	c.termCache = map[int]map[string]termHit{}
	return c
}

// appendKey appends `"key":` to b.
func appendKey(b []byte, key string) []byte {
	b = appendJSONString(b, key)
	return append(b, ':')
}

// setHeader prepares the converter for a table with the given header row.
// sheet is "" for CSV; xlsxColumns names columns by letter.
func (c *converter) setHeader(sheet string, header []string, xlsxColumns bool) {
	c.sheet = sheet
	c.xlsxCols = xlsxColumns
	c.header = append([]string(nil), header...)
	c.headers = c.headers[:0]
	c.colField = c.colField[:0]
	c.extraKey = c.extraKey[:0]
	c.colLoc = c.colLoc[:0]
	for i, h := range header {
		c.addColumn(i, strings.TrimSpace(h), xlsxColumns)
	}
	// Two columns under one field: a merged header over a number and its
	// unit, or the same field written twice. Both are read; the values are
	// joined.
	if sheet != "" {
		c.locRow = func(row int) string { return fmt.Sprintf("sheet %q, row %d", sheet, row) }
	} else {
		c.locRow = func(row int) string { return fmt.Sprintf("line %d", row) }
	}
	c.impliedByName()
	c.warnUnmapped()
}

// impliedByName gives each Field.FromName field no column names the value
// the sheet's name holds, else the file's, and says so with a notice.
func (c *converter) impliedByName() {
	c.implied = nil
	named := make([]bool, len(c.spec.Fields))
	for _, f := range c.colField {
		if f >= 0 {
			named[f] = true
		}
	}
	base := strings.TrimSuffix(c.fileName, filepath.Ext(c.fileName))
	for fi := range c.spec.Fields {
		f := &c.spec.Fields[fi]
		if !f.FromName || named[fi] {
			continue
		}
		from, name, v := "sheet", c.sheet, termInName(f, c.sheet)
		if v == "" {
			from, name, v = "file", c.fileName, termInName(f, base)
		}
		if v == "" {
			continue
		}
		if c.implied == nil {
			c.implied = map[int]string{}
		}
		c.implied[fi] = v
		loc := "header row"
		if c.sheet != "" {
			loc = fmt.Sprintf("sheet %q, header row", c.sheet)
		}
		c.warn(workbench.Warning{Location: loc,
			Message: fmt.Sprintf("notice: no column names %s; the %s name %q says %s, which every record of the table takes", f.Name, from, name, v),
			Reason:  workbench.ReasonFieldFromName,
			Args:    map[string]any{"Kind": string(c.spec.Kind), "Field": f.Name, "From": from, "Name": name, "Value": v}})
	}
}

// termInName is the value of f's vocabulary whose spelling (value, Chinese,
// English or synonym) the name holds, the longest spelling winning; "" when
// none does, or when spellings of two values are equally long.
func termInName(f *Field, name string) string {
	n := normTerm(name)
	if n == "" {
		return ""
	}
	best, bestLen, tie := "", 0, false
	for _, t := range f.Terms {
		for _, sp := range append([]string{t.Value, t.ZH, t.EN}, t.Synonyms...) {
			m := normTerm(sp)
			l := utf8.RuneCountInString(m)
			if m == "" || l < bestLen || !strings.Contains(n, m) {
				continue
			}
			if l > bestLen {
				best, bestLen, tie = t.Value, l, false
			} else if t.Value != best {
				tie = true
			}
		}
	}
	if tie {
		return ""
	}
	return best
}

// warnUnmapped warns when no column of the table names a field the
// automated checks read (Field.Checked), naming those fields and the
// columns that name no field: a file of another kind, or a team's own
// headers, would otherwise import without a word while the checks find
// nothing to judge.
func (c *converter) warnUnmapped() {
	missing, unknown := checkedMissing(c.spec, c.colField, c.headers)
	missing = slices.DeleteFunc(missing, func(name string) bool {
		for fi, f := range c.spec.Fields {
			if f.Name == name {
				_, ok := c.implied[fi]
				return ok
			}
		}
		return false
	})
	if len(missing) == 0 {
		return
	}
	loc := "header row"
	if c.sheet != "" {
		loc = fmt.Sprintf("sheet %q, header row", c.sheet)
	}
	cols := "none"
	if len(unknown) > 0 {
		cols = quoteList(unknown, len(unknown))
	}
	if unknown == nil {
		unknown = []string{}
	}
	c.warn(workbench.Warning{Location: loc,
		Message: fmt.Sprintf("no column names %s, which the automated checks read in a file of kind %s, so they cannot judge its records on them; columns not recognised: %s",
			strings.Join(missing, ", "), c.spec.Kind, cols),
		Reason: workbench.ReasonFieldsUnmapped, Args: map[string]any{"Kind": string(c.spec.Kind), "Fields": missing, "Columns": unknown}})
}

// checkedMissing returns the fields of spec the checks read that no
// column names (colField: the field of each column, -1 for none), and the
// non-empty headers that name no field. The batch fields (Field.Batch)
// are not missing from a table that names none of them: it is a table of
// statistics, not of batches.
func checkedMissing(spec *KindSpec, colField []int, headers []string) (missing, unknown []string) {
	named := make([]bool, len(spec.Fields))
	for i, f := range colField {
		if f >= 0 {
			named[f] = true
		} else if i < len(headers) && strings.TrimSpace(headers[i]) != "" {
			unknown = append(unknown, strings.TrimSpace(headers[i]))
		}
	}
	// A statistics table (no column names a batch field) lacks no batch
	// field: the checks of batches do not read its records.
	stats := false
	for i, f := range spec.Fields {
		if f.Batch {
			stats = true
			if named[i] {
				stats = false
				break
			}
		}
	}
	for i, f := range spec.Fields {
		if f.Checked && !named[i] && !(stats && f.Batch) && !derivable(spec, &f, named) {
			missing = append(missing, f.Name)
		}
	}
	return missing, unknown
}

// derivable reports whether the checks work f out from other named
// columns (Field.OrFrom).
func derivable(spec *KindSpec, f *Field, named []bool) bool {
	if len(f.OrFrom) == 0 {
		return false
	}
	for _, name := range f.OrFrom {
		i := slices.IndexFunc(spec.Fields, func(g Field) bool { return g.Name == name })
		if i < 0 || !named[i] {
			return false
		}
	}
	return true
}

// unmappedChecked is checkedMissing for a header row of kind k.
func unmappedChecked(k workbench.Kind, header []string) (missing, unknown []string) {
	cols := make([]int, len(header))
	for i, h := range header {
		cols[i] = matchHeader(k, h)
	}
	return checkedMissing(SpecFor(k), cols, header)
}

func (c *converter) addColumn(i int, h string, xlsxColumns bool) {
	loc := strconv.Itoa(i + 1)
	if xlsxColumns {
		loc = columnLetter(i)
	}
	key := h
	if key == "" {
		key = "column " + loc
	}
	c.headers = append(c.headers, h)
	c.colField = append(c.colField, matchHeader(c.spec.Kind, h))
	c.extraKey = append(c.extraKey, appendKey(nil, key))
	if h != "" {
		loc += " (" + h + ")"
	}
	c.colLoc = append(c.colLoc, loc)
}

// columnLetter names a 0-based column as Excel does: A … Z, AA ….
func columnLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// convertRow turns one table row into a record. ok is false for rows that
// hold nothing or repeat the header.
func (c *converter) convertRow(row int, cells []string) (rec Record, ok bool) {
	if c.isHeaderRepeat(cells) {
		return rec, false
	}
	for i := range c.vals {
		c.vals[i] = c.vals[i][:0]
	}
	c.ebuf = append(c.ebuf[:0], '{')
	any := false
	beyond := 0 // cells with a value right of the header
	for i, v := range cells {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if i >= len(c.header) && c.xlsxCols && i > 0 && v == strings.TrimSpace(cells[i-1]) {
			// The same value as its left neighbour, right of the header:
			// a merged cell reaching past the table, nothing new.
			continue
		}
		any = true
		if i >= len(c.header) {
			// A ragged row, longer than its header (a stray delimiter, a
			// value typed right of the table, a merged cell reaching past
			// it): the cell is kept as an extra column named by position.
			// Blank cells before it leave gaps, so every column up to this
			// one is added.
			beyond++
			for j := len(c.colField); j <= i; j++ {
				c.addColumn(j, "", c.xlsxCols)
			}
		}
		if f := c.colField[i]; f >= 0 {
			c.vals[f] = append(c.vals[f], v)
			continue
		}
		if len(c.ebuf) > 1 {
			c.ebuf = append(c.ebuf, ',')
		}
		c.ebuf = append(c.ebuf, c.extraKey[i]...)
		c.ebuf = appendJSONString(c.ebuf, v)
	}
	if !any {
		return rec, false
	}
	if beyond > 0 {
		c.warnBeyond(row, cells)
	}
	c.ebuf = append(c.ebuf, '}')
	c.keyed = false
	c.fbuf = c.encodeFields(row)
	rec = Record{Sheet: c.sheet, Row: row, Fields: c.fbuf, Extra: c.ebuf}
	if c.idField >= 0 && len(c.vals[c.idField]) > 0 {
		rec.Ref = c.vals[c.idField][0]
	}
	return rec, true
}

// warnBeyond says which cells of a row stand right of the header, kept as
// extra columns.
func (c *converter) warnBeyond(row int, cells []string) {
	var names, kept []string
	for i := len(c.header); i < len(cells); i++ {
		if v := strings.TrimSpace(cells[i]); v != "" && !(c.xlsxCols && i > 0 && v == strings.TrimSpace(cells[i-1])) {
			names = append(names, strconv.Quote(c.extraName(i)))
			kept = append(kept, c.extraName(i))
		}
	}
	what := "a value"
	if len(names) > 1 {
		what = strconv.Itoa(len(names)) + " values"
	}
	c.warn(workbench.Warning{Location: c.locRow(row),
		Message: fmt.Sprintf("the row is longer than its header (%d columns): %s right of it kept as %s",
			len(c.header), what, strings.Join(names, ", ")),
		Reason: workbench.ReasonRowLonger, Args: map[string]any{"Columns": len(c.header), "Kept": kept}})
}

// extraName is the key an extra column is stored under.
func (c *converter) extraName(i int) string {
	if h := c.headers[i]; h != "" {
		return h
	}
	if c.xlsxCols {
		return "column " + columnLetter(i)
	}
	return "column " + strconv.Itoa(i+1)
}

// isHeaderRepeat reports a row equal to the header row (exports that
// repeat the header on every page).
func (c *converter) isHeaderRepeat(cells []string) bool {
	if len(cells) == 0 || len(c.header) == 0 {
		return false
	}
	n := 0
	for i, v := range cells {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if i >= len(c.header) || strings.TrimSpace(c.header[i]) != v {
			return false
		}
		n++
	}
	return n >= minHeaderFields
}

// convertKeyed turns one JSON record into a record.
func (c *converter) convertKeyed(number int, keys, vals []string) (Record, bool) {
	for i := range c.vals {
		c.vals[i] = c.vals[i][:0]
	}
	c.ebuf = append(c.ebuf[:0], '{')
	fieldKey := c.fieldKey
	clear(fieldKey)
	any := false
	c.byPrefix = c.byPrefix[:0]
	for i, k := range keys {
		v := strings.TrimSpace(vals[i])
		if v == "" {
			continue
		}
		any = true
		if f, rest := c.keyField(k); f >= 0 {
			if rest != "" { // matched by the first parts of its path: later
				c.byPrefix = append(c.byPrefix, i)
				continue
			}
			c.vals[f] = append(c.vals[f], v)
			if _, seen := fieldKey[f]; !seen {
				fieldKey[f] = k
			}
			continue
		}
		c.appendExtra(k, v)
	}
	if !any {
		return Record{}, false
	}
	// A key matched only by the first parts of its path ("安全机制.内容过滤")
	// adds to a text field that no key of the record names itself, labelled
	// with the rest of its path. Otherwise it is kept as it is: beside
	// annotators.count, annotators.team is no head count.
	for _, i := range c.byPrefix {
		k, v := keys[i], strings.TrimSpace(vals[i])
		f, rest := c.keyField(k)
		if _, named := fieldKey[f]; (named && !c.prefixed[f]) || c.spec.Fields[f].Type != Text {
			c.appendExtra(k, v)
			continue
		}
		c.vals[f] = append(c.vals[f], rest+": "+v)
		if _, seen := fieldKey[f]; !seen {
			fieldKey[f] = k
			c.prefixed[f] = true
		}
	}
	clear(c.prefixed)
	c.ebuf = append(c.ebuf, '}')
	c.locRow = func(row int) string { return fmt.Sprintf("record %d", row) }
	c.keyed = true
	c.fbuf = c.encodeFields(number)
	rec := Record{Row: number, Fields: c.fbuf, Extra: c.ebuf}
	if c.idField >= 0 && len(c.vals[c.idField]) > 0 {
		rec.Ref = c.vals[c.idField][0]
	}
	return rec, true
}

// appendExtra adds a key and its value to the record's extra attributes.
func (c *converter) appendExtra(k, v string) {
	if len(c.ebuf) > 1 {
		c.ebuf = append(c.ebuf, ',')
	}
	c.ebuf = appendKey(c.ebuf, k)
	c.ebuf = appendJSONString(c.ebuf, v)
}

// keyField maps a JSON key to a field (see matchKey), remembering the
// answer: the same keys come back in every record.
func (c *converter) keyField(k string) (int, string) {
	if m, ok := c.keyCache[k]; ok {
		return m.field, m.rest
	}
	if c.keyCache == nil {
		c.keyCache = map[string]keyMatch{}
	}
	f, rest := matchKey(c.spec.Kind, k)
	c.keyCache[k] = keyMatch{f, rest}
	return f, rest
}

// keyMatch is what matchKey said of a JSON key.
type keyMatch struct {
	field int
	rest  string
}

// column names the column (or key) field f of the current record came
// from.
func (c *converter) column(f int) string {
	if c.keyed {
		return c.fieldKey[f]
	}
	for i, cf := range c.colField {
		if cf == f {
			return c.extraName(i)
		}
	}
	return c.spec.Fields[f].Name
}

// unrecognised counts a value outside field f's vocabulary. The values
// are summed up per column, not warned about row by row: a provider who
// words its actions its own way does so on every row, and a warning per
// row would bury the few that matter (loc is called for the first only).
func (c *converter) unrecognised(f int, value string, loc func() string) {
	k := unrecKey{c.sheet, c.column(f)}
	if c.keyed {
		k.sheet = ""
	}
	i, ok := c.unrecIdx[k]
	if !ok {
		if c.unrecIdx == nil {
			c.unrecIdx = map[unrecKey]int{}
		}
		i = len(c.unrec)
		c.unrecIdx[k] = i
		c.unrec = append(c.unrec, ColumnCount{Sheet: k.sheet, Column: k.column, Field: c.spec.Fields[f].Name, Examples: []string{}, First: loc(), Valid: termNames(&c.spec.Fields[f])})
	}
	cc := &c.unrec[i]
	cc.Count++
	if len(cc.Examples) < maxExamples && !slices.Contains(cc.Examples, value) {
		cc.Examples = append(cc.Examples, clip(value, 60))
	}
}

// location names where field f of a row stood, for warnings. It is only
// computed when there is something to warn about.
func (c *converter) location(row, f int) string {
	if c.keyed && c.factRows != nil {
		k := c.fieldKey[f]
		return c.factLoc(c.factRows[k]) + " (" + k + ")"
	}
	if c.keyed {
		return c.locRow(row) + ", field " + strconv.Quote(c.fieldKey[f])
	}
	for i, cf := range c.colField {
		if cf == f {
			return c.locRow(row) + ", column " + c.colLoc[i]
		}
	}
	return c.locRow(row)
}

// convertTotal converts a total row of a kind with a Field.TotalLabel
// field: its first filled cell, the label, goes to that field instead of
// its column; the numbers beside it are read under their columns.
func (c *converter) convertTotal(row int, cells []string) (rec Record, ok bool) {
	if c.totalField < 0 {
		return rec, false
	}
	cells = slices.Clone(cells)
	for i, v := range cells {
		if v = strings.TrimSpace(v); v != "" {
			c.totalLabel, cells[i] = v, ""
			break
		}
	}
	defer func() { c.totalLabel = "" }()
	return c.convertRow(row, cells)
}

// encodeFields writes the collected values as a JSON object in field
// order, normalising each.
func (c *converter) encodeFields(row int) []byte {
	if c.totalLabel != "" {
		c.vals[c.totalField] = append(c.vals[c.totalField][:0], c.totalLabel)
	}
	b := append(c.fbuf[:0], '{')
	for f, vs := range c.vals {
		if len(vs) == 0 {
			if v, ok := c.implied[f]; ok {
				if len(b) > 1 {
					b = append(b, ',')
				}
				b = append(b, c.fieldKeys[f]...)
				b = appendJSONString(b, v)
			}
			continue
		}
		field := &c.spec.Fields[f]
		v := vs[0]
		if len(vs) > 1 {
			sep := "; "
			switch field.Type {
			case Scale, Count, Duration, Percent:
				sep = " " // a merged header over a number and its unit
			}
			v = strings.Join(vs, sep)
		}
		if len(b) > 1 {
			b = append(b, ',')
		}
		b = append(b, c.fieldKeys[f]...)
		b = c.appendValue(b, field, v, row, f)
	}
	return append(b, '}')
}

// appendValue appends the normalised JSON value of raw; a value that cannot
// be read is appended as text and a warning is given.
func (c *converter) appendValue(b []byte, f *Field, raw string, row, fi int) []byte {
	loc := func() string { return c.location(row, fi) }
	bad := func(what string) []byte {
		w := workbench.Warning{Location: loc(), Message: fmt.Sprintf("%q is not %s; kept as text", raw, what),
			Reason: workbench.ReasonValueUnreadable, Args: map[string]any{"Value": raw, "Expected": what, "Type": string(f.Type)}}
		if f.Type == Date || f.Type == DateTime {
			if _, err := workbench.ParseDate(raw); workbench.ErrorReason(err) != nil && workbench.ErrorReason(err).Reason == workbench.ReasonDateNonexistent {
				w.Message = fmt.Sprintf("%q is not a date: that day does not exist; kept as text", raw)
				w.Reason, w.Args = workbench.ReasonDateNotInCalendar, map[string]any{"Value": raw}
			}
		}
		c.warn(w)
		return appendJSONString(b, raw)
	}
	switch f.Type {
	case Bool:
		if !f.Presence && values.NotApplicable(raw) {
			c.notApplicable(fi, raw, loc)
			return appendJSONString(b, raw)
		}
		v, ok := values.ParseBool(raw)
		if !ok {
			return bad("yes or no")
		}
		return strconv.AppendBool(b, v)
	case Date:
		v, ok := values.ParseDate(raw)
		if !ok {
			return bad("a date")
		}
		return appendJSONString(b, v)
	case DateTime:
		v, ok := values.ParseDateTime(raw)
		if !ok {
			return bad("a date or time")
		}
		return appendJSONString(b, v)
	case Percent:
		v, ok := values.ParsePercent(raw)
		if !ok {
			return bad("a percentage")
		}
		if v.Assumed {
			pct := strconv.FormatFloat(v.Fraction*100, 'f', -1, 64)
			c.warn(workbench.Warning{Location: loc(), Message: fmt.Sprintf("read %q as %s%%", raw, pct),
				Reason: workbench.ReasonPercentAssumed, Args: map[string]any{"Value": raw, "Percent": pct}})
		}
		return appendNumber(b, v.Fraction)
	case Scale:
		v, ok := values.ParseScale(raw)
		if !ok {
			return bad("a quantity such as 1.2TB, 3亿 tokens or 50万条")
		}
		b = append(b, `{"value":`...)
		b = appendNumber(b, v.Value)
		b = append(b, `,"unit":`...)
		b = appendJSONString(b, v.Unit)
		return append(b, '}')
	case Count:
		v, ok := values.ParseCount(raw)
		if !ok {
			return bad("a whole number")
		}
		return strconv.AppendInt(b, v, 10)
	case Duration:
		v, ok := values.ParseDuration(raw)
		if !ok {
			return bad("a time limit such as 15个工作日 or 48小时")
		}
		b = append(b, `{"value":`...)
		b = appendNumber(b, v.Value)
		b = append(b, `,"unit":`...)
		b = appendJSONString(b, v.Unit)
		return append(b, '}')
	case Period:
		v, ok := values.ParsePeriod(raw)
		if !ok {
			return bad("a period such as 2023年1月至2023年6月")
		}
		return appendJSONString(b, v)
	case Enum:
		if v, ok := c.term(fi, raw); ok {
			return appendJSONString(b, v)
		}
		c.unrecognised(fi, raw, loc)
		return appendJSONString(b, raw)
	case EnumList:
		c.parts = splitList(c.parts[:0], raw)
		b = append(b, '[')
		for i, p := range c.parts {
			if i > 0 {
				b = append(b, ',')
			}
			if v, ok := c.term(fi, p); ok {
				b = appendJSONString(b, v)
			} else {
				b = appendJSONString(b, p)
				c.unrecognised(fi, p, loc)
			}
		}
		return append(b, ']')
	}
	return appendJSONString(b, raw)
}

// notApplicable warns, once per column and spelling, that a yes/no answer
// saying "not applicable" is kept as written: neither yes nor no.
func (c *converter) notApplicable(fi int, raw string, loc func() string) {
	f := &c.spec.Fields[fi]
	k := unrecKey{c.sheet, c.column(fi) + "\x00" + raw}
	if c.naWarned[k] {
		return
	}
	if c.naWarned == nil {
		c.naWarned = map[unrecKey]bool{}
	}
	c.naWarned[k] = true
	c.warn(workbench.Warning{Location: loc(),
		Message: fmt.Sprintf("%q says not applicable: kept as written, neither yes nor no, and a check that needs %s lists the record as unclear (the column's other %q are not warned about again)", raw, f.Name, raw),
		Reason:  workbench.ReasonNotApplicable, Args: map[string]any{"Value": raw, "Field": f.Name, "Kind": string(c.spec.Kind)}})
}

// maxTermCache bounds the spellings remembered per field.
const maxTermCache = 4096

// termHit is what a spelling of a vocabulary value reads as.
type termHit struct {
	value string
	ok    bool
}

// term returns the canonical value of raw in field fi's vocabulary. The
// same few spellings fill a column, and normalising each costs more than
// the rest of the row: the answers are remembered.
func (c *converter) term(fi int, raw string) (string, bool) {
	m := c.termCache[fi]
	if h, ok := m[raw]; ok {
		return h.value, h.ok
	}
	f := &c.spec.Fields[fi]
	v, ok := lookupTerm(c.spec.Kind, f.Name, raw)
	if ok && f.Parse == nil && !standardSpelling(c.spec.Kind, f.Name, raw) {
		// The provider's own word for the term (违法不良信息, 删除,
		// 违法不良信息（模型输出）) is stored as written, so that it can be
		// searched for; importers.Fields reads the term from it.
		v = raw
	}
	if !ok && f.Parse == nil {
		// Prose that names terms ("已停止生成并消除相关内容") is understood:
		// it is kept as written, and importers.Fields reads the terms
		// from it (one, for a single-valued field).
		if found := termsInProse(c.spec.Kind, f.Name, raw); len(found) > 0 && (f.Type == EnumList || len(found) == 1) {
			v, ok = raw, true
		}
	}
	if m == nil {
		m = map[string]termHit{}
		c.termCache[fi] = m
	}
	if len(m) < maxTermCache {
		m[strings.Clone(raw)] = termHit{v, ok}
	}
	return v, ok
}

// lookupTerm returns the canonical term of a spelling of field's
// vocabulary: the spelling as a whole, or without a bracketed note beside
// it (优化训练（SFT）). A field with its own Parse is read by it alone.
func lookupTerm(k workbench.Kind, field, raw string) (string, bool) {
	if parse := parserOf(k, field); parse != nil {
		if v, ok := parse(raw); ok {
			return v, true
		}
		if bare := stripBrackets(raw); bare != "" && bare != raw {
			return parse(bare)
		}
		return "", false
	}
	terms := termIndex[k][field]
	v, ok := terms[normTerm(raw)]
	if !ok {
		if bare := stripBrackets(raw); bare != "" && bare != raw {
			v, ok = terms[normTerm(bare)]
		}
	}
	return v, ok
}

// parserOf returns the Parse function of a field of kind k, or nil.
func parserOf(k workbench.Kind, field string) func(string) (string, bool) {
	if spec := SpecFor(k); spec != nil {
		if f := spec.Field(field); f != nil {
			return f.Parse
		}
	}
	return nil
}

// standardSpelling reports whether raw spells a term as the workbench
// does — its value, Chinese or English name — rather than in the
// provider's words.
func standardSpelling(k workbench.Kind, field, raw string) bool {
	return standardIndex[k][field][normTerm(raw)]
}

// standardIndex holds, per kind and field, the normalised value, Chinese
// and English name of every term.
var standardIndex = func() map[workbench.Kind]map[string]map[string]bool {
	idx := map[workbench.Kind]map[string]map[string]bool{}
	for _, spec := range Specs {
		idx[spec.Kind] = map[string]map[string]bool{}
		for _, f := range spec.Fields {
			m := map[string]bool{}
			for _, t := range f.Terms {
				m[normTerm(t.Value)], m[normTerm(t.ZH)], m[normTerm(t.EN)] = true, true, true
			}
			idx[spec.Kind][f.Name] = m
		}
	}
	return idx
}()

// splitList splits an enumeration written on one line: 、 , ， ; ； / and
// line breaks separate items.
func splitList(dst []string, s string) []string {
	for _, p := range strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("、,，;；/|\n", r)
	}) {
		if p = strings.TrimSpace(p); p != "" {
			dst = append(dst, p)
		}
	}
	return dst
}

// termNames are the Chinese names of a field's terms, as a provider
// writes them.
func termNames(f *Field) []string {
	ts := make([]string, 0, len(f.Terms))
	for _, t := range f.Terms {
		ts = append(ts, t.ZH)
	}
	return ts
}

// appendNumber appends a finite float as JSON.
func appendNumber(b []byte, v float64) []byte {
	return strconv.AppendFloat(b, v, 'g', -1, 64)
}

// appendJSONString appends s as a JSON string. Invalid UTF-8 becomes
// U+FFFD; control characters are escaped. HTML characters are left alone.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, `\u00`...)
				b = append(b, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, "\ufffd"...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, `\u202`...)
			b = append(b, "0123456789abcdef"[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
