package importers

import (
	"fmt"
	"io"
	"strings"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/document"
	"github.com/inspection-workbench/workbench/importers/tabular"
)

// KeyFacts pulls the key facts an algorithm description writes as
// "字段：值" lines (备案号：…, 基础模型：…) into one algorithm record. Only
// lines whose label names a field of the kind count; the first line naming
// a field wins. The record's Extra maps each field found to the passage it
// came from ("passage 12 (p. 3)"), so every fact can be cited. Generic
// fields (notes, identifiers) are not taken from prose. ok is false when no
// line names a field. warn, when not nil, takes the warnings about values
// that cannot be read, each located at its passage.
func KeyFacts(k workbench.Kind, passages []document.Passage, warn func(workbench.Warning)) (rec Record, ok bool) {
	var keys, vals []string
	sources := map[string]string{}
	spec := SpecFor(k)
	if spec == nil {
		return rec, false
	}
	seen := map[int]bool{}
	at := map[string]int{} // label → the passage it stands in, for warnings
	for pi, p := range passages {
		for _, line := range strings.Split(p.Text, "\n") {
			label, value, found := cutLabel(line)
			if !found {
				continue
			}
			f := matchHeader(k, label)
			if f < 0 || seen[f] || spec.Fields[f].Generic { // "说明：…" is prose, not the notes field
				continue
			}
			seen[f] = true
			keys, vals = append(keys, label), append(vals, value)
			sources[spec.Fields[f].Name] = passageLocation(p)
			at[label] = pi
		}
	}
	if len(keys) == 0 {
		return rec, false
	}
	if warn == nil {
		warn = func(workbench.Warning) {}
	}
	c := newConverter(k, warn)
	// A value that cannot be read is warned about at its passage.
	c.factRows, c.factLoc = at, func(i int) string { return passagePlace(passages[i]) }
	rec, ok = c.convertKeyed(0, keys, vals)
	if !ok {
		return rec, false
	}
	extra := []byte{'{'}
	for _, f := range spec.Fields {
		if src, ok := sources[f.Name]; ok {
			if len(extra) > 1 {
				extra = append(extra, ',')
			}
			extra = appendKey(extra, "source."+f.Name)
			extra = appendJSONString(extra, src)
		}
	}
	rec.Extra = append(extra, '}')
	rec.Ref = "key facts"
	return rec, true
}

// cutLabel splits "备案号：Beijing-…" into label and value. Labels are
// short; a colon deep inside a sentence is not a label.
func cutLabel(line string) (label, value string, ok bool) {
	line = strings.TrimSpace(line)
	i := strings.IndexAny(line, ":：")
	if i <= 0 {
		return "", "", false
	}
	label = strings.TrimSpace(strings.TrimLeft(line[:i], "-*•·0123456789.、（）() "))
	_, size := firstColon(line[i:])
	value = strings.TrimSpace(line[i+size:])
	if label == "" || value == "" || len([]rune(label)) > 20 {
		return "", "", false
	}
	return label, value, true
}

func firstColon(s string) (rune, int) {
	if strings.HasPrefix(s, "：") {
		return '：', len("：")
	}
	return ':', 1
}

// passageLocation names where a passage stands, for citations.
func passageLocation(p document.Passage) string {
	var where []string
	if len(p.HeadingPath) > 0 {
		where = append(where, strings.Join(p.HeadingPath, " > "))
	}
	if part := p.PartLocation(); part != "" {
		where = append(where, part)
	}
	switch {
	case p.Page > 0:
		where = append(where, fmt.Sprintf("p. %d", p.Page))
	case p.Paragraph > 0:
		where = append(where, fmt.Sprintf("paragraph %d", p.Paragraph))
	case p.Line > 0:
		where = append(where, fmt.Sprintf("line %d", p.Line))
	}
	loc := fmt.Sprintf("passage %d", p.Seq)
	if len(where) > 0 {
		loc += " (" + strings.Join(where, ", ") + ")"
	}
	return loc
}

// passagePlace names where a passage stands for a warning, in the words
// of workbench.LocationText so that the GUI words it in Chinese: "passage
// 12, page 3", "passage 4, paragraph 7", "passage 2, line 5".
func passagePlace(p document.Passage) string {
	loc := fmt.Sprintf("passage %d", p.Seq)
	switch {
	case p.Page > 0:
		loc += fmt.Sprintf(", page %d", p.Page)
	case p.Paragraph > 0:
		loc += fmt.Sprintf(", paragraph %d", p.Paragraph)
	case p.Line > 0:
		loc += fmt.Sprintf(", line %d", p.Line)
	}
	return loc
}

// maxVerticalRows bounds a key-value table: key facts, not a log.
const maxVerticalRows = 500

// minVerticalFields is how many fields the keys of a key-value table must
// name, so that two columns of anything are not taken for key facts.
const minVerticalFields = 3

// Header words of a key-value table ("项目 | 内容 | 备注", "Item | Value"):
// the key column's, the value column's and a remarks column's.
var (
	keyHeads    = wordSet("项目", "字段", "字段名", "字段名称", "名称", "项", "事项", "指标", "指标项", "要素", "类别", "属性", "信息项", "参数", "参数名", "item", "items", "field", "fields", "name", "key", "attribute", "property", "parameter")
	valueHeads  = wordSet("内容", "值", "取值", "字段值", "说明", "情况", "填写内容", "具体内容", "信息", "详情", "描述", "数值", "结果", "参数值", "答复", "value", "values", "content", "description", "details", "detail", "info", "answer")
	remarkHeads = wordSet("备注", "说明", "附注", "备注说明", "其他说明", "依据", "证明材料", "佐证材料", "notes", "note", "remarks", "remark", "comment", "comments", "evidence", "source")
)

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[normHeader(w)] = true
	}
	return m
}

// cell returns cell i of a row, trimmed, or "".
func cell(cells []string, i int) string {
	if i < 0 || i >= len(cells) {
		return ""
	}
	return strings.TrimSpace(cells[i])
}

// verticalKeys finds the key column of a key-value table among the first
// three columns: the one whose cells name the most distinct fields of one
// kind. score is that number.
func verticalKeys(rows []tabular.Row, kinds []workbench.Kind) (col, score int) {
	col = -1
	keys := make([]string, 0, len(rows))
	for c := 0; c < 3; c++ {
		keys = keys[:0]
		for _, row := range rows {
			if k := cell(row.Cells, c); k != "" && cell(row.Cells, c+1) != "" {
				keys = append(keys, k)
			}
		}
		for _, k := range kinds {
			if all, _ := headerScore(k, keys); all > score {
				col, score = c, all
			}
		}
	}
	return col, score
}

// preferVertical reports whether the first rows of a table read better as
// field names down a column, values beside them, than as a table under
// the header row at pos (-1 if none): their keys name at least three
// fields, and more than that row does ("名称 | 说明" names two fields of
// data_source; the names below it many of algorithm).
func (r *reader) preferVertical(rows []tabular.Row, pos int) bool {
	_, vs := verticalKeys(rows, r.kinds())
	if vs < minVerticalFields {
		return false
	}
	if pos < 0 {
		return true
	}
	hs := 0
	for _, k := range r.kinds() {
		all, _ := headerScore(k, rows[pos].Cells)
		hs = max(hs, all)
	}
	return vs > hs
}

// readVertical reads a table laid out as field names down a column and
// values beside them, common for an algorithm's key facts, as one record.
// A header row over it ("项目 | 内容", "字段 | 值", "Item | Value",
// "名称 | 说明") is not a fact. Cells right of the value are remarks
// ("备注"): kept as extra attributes named after the fact ("参数量.备注"),
// not joined to the value. Notes, totals and sign-offs are left out as
// below a table. ok is false when the table is not such a list.
func (r *reader) readVertical(sheet string, t tabular.Table, rows []tabular.Row) (ok bool, err error) {
	for len(rows) < maxVerticalRows {
		row, err := t.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return false, err
		}
		rows = append(rows, tabular.Row{Number: row.Number, Cells: append([]string(nil), row.Cells...), AfterBlank: row.AfterBlank})
	}
	if len(rows) >= maxVerticalRows {
		return false, nil
	}
	kc, score := verticalKeys(rows, r.kinds())
	if score < minVerticalFields {
		return false, nil
	}
	// The header row, if any: before the first fact.
	remarkName := map[int]string{}
	start := 0
	for i, row := range rows {
		isHeader := keyHeads[normHeader(cell(row.Cells, kc))] && valueHeads[normHeader(cell(row.Cells, kc+1))]
		if !isHeader && r.namesField(cell(row.Cells, kc)) {
			break // the first fact: no header row
		}
		if isHeader {
			for c := kc + 2; c < len(row.Cells); c++ {
				if h := cell(row.Cells, c); h != "" {
					remarkName[c] = h
				}
			}
			start = i + 1
			break
		}
	}
	var keys, vals, extraKeys, extraVals []string
	factRows := map[string]int{}
	var notes *noteFilter
	if !r.opts.KeepNoteRows {
		notes = &noteFilter{first: kc, width: 2}
	}
	loc := func(n int) string { return fmt.Sprintf("line %d", n) }
	if sheet != "" {
		loc = func(n int) string { return fmt.Sprintf("sheet %q, row %d", sheet, n) }
	}
	for _, row := range rows[start:] {
		key, val := cell(row.Cells, kc), cell(row.Cells, kc+1)
		if notes != nil && (key != "" || val != "") {
			if why := notes.classify(row); why != "" && !r.namesField(key) {
				r.skip(loc(row.Number), rowText(row.Cells), why)
				continue
			}
		}
		if key == "" || val == "" {
			continue
		}
		keys, vals = append(keys, key), append(vals, val)
		if _, seen := factRows[key]; !seen {
			factRows[key] = row.Number
		}
		// Right of the value: remarks, or (form layout) another key and
		// its value.
		prev := val
		for c := kc + 2; c < len(row.Cells); c++ {
			v := cell(row.Cells, c)
			if v == "" || v == prev { // a merged value repeats across
				continue
			}
			prev = v
			if _, named := remarkName[c]; !named && r.namesField(v) && cell(row.Cells, c+1) != "" {
				keys, vals = append(keys, v), append(vals, cell(row.Cells, c+1))
				if _, seen := factRows[v]; !seen {
					factRows[v] = row.Number
				}
				prev = cell(row.Cells, c+1)
				c++
				continue
			}
			name := remarkName[c]
			if name == "" {
				name = "备注"
			}
			extraKeys, extraVals = append(extraKeys, key+"."+name), append(extraVals, v)
		}
	}
	if len(keys) == 0 {
		return false, nil
	}
	if err := r.startTable(sheet, keys, false); err != nil {
		return true, err
	}
	r.conv.factRows, r.conv.factLoc = factRows, loc
	rec, ok := r.conv.convertKeyed(rows[start].Number, keys, vals)
	r.conv.factRows = nil
	if !ok {
		return true, nil
	}
	for i, k := range extraKeys {
		rec.Extra = appendExtra(rec.Extra, k, extraVals[i])
	}
	rec.Sheet = sheet
	rec.Row = rows[start].Number
	return true, r.emit(rec)
}

// namesField reports whether a cell names a field of a kind the import
// may be of.
func (r *reader) namesField(s string) bool {
	if s == "" {
		return false
	}
	for _, k := range r.kinds() {
		if matchHeader(k, s) >= 0 {
			return true
		}
	}
	return false
}

// appendExtra adds "key": "value" to a JSON object of extra attributes.
func appendExtra(extra []byte, key, val string) []byte {
	out := append([]byte(nil), extra[:len(extra)-1]...)
	if len(out) > 1 {
		out = append(out, ',')
	}
	out = appendKey(out, key)
	out = appendJSONString(out, val)
	return append(out, '}')
}
