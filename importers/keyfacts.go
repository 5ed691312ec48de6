package importers

import (
	"fmt"
	"strings"

	"github.com/inspection-workbench/workbench/importers/document"
)

// KeyFacts pulls the key facts an algorithm description writes as
// "字段：值" lines (备案号：…, 基础模型：…) into one algorithm record. Only
// lines whose label names a field of the kind count; the first line naming
// a field wins. The record's Extra maps each field found to the passage it
// came from ("passage 12 (p. 3)"), so every fact can be cited. Generic
// fields (notes, identifiers) are not taken from prose. ok is false when no
// line names a field.
func KeyFacts(k Kind, passages []document.Passage, warn func(location, message string)) (rec Record, ok bool) {
	var keys, vals []string
	sources := map[string]string{}
	spec := SpecFor(k)
	if spec == nil {
		return rec, false
	}
	seen := map[int]bool{}
	for _, p := range passages {
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
		}
	}
	if len(keys) == 0 {
		return rec, false
	}
	c := newConverter(k, warn)
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
