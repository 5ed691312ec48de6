package importers

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/values"
)

// SearchTextVersion changes whenever [SearchText] would produce different
// text for the same record, so a search index built from older text is
// rebuilt.
const SearchTextVersion = "2"

// FoundField names, per kind, the date field a search can filter on with
// found:FROM..TO (when the incident was found).
var FoundField = map[workbench.Kind]string{workbench.Incident: "found_at"}

// SearchText returns the text a stored record is searched by, one value per
// line in field order: text as written, enum terms as their Chinese and
// English labels (so 违法内容 and "illegal content" both find
// illegal_content), dates as YYYY-MM-DD (China time; a month or a year as
// YYYY-MM or YYYY), numbers as written; yes/no flags are left out. A value
// that could not be read as its type is searched as the provider wrote it.
// Unmapped columns follow, values only. found is the day of the kind's
// [FoundField] (zero when absent, unreadable or coarser than a day), at
// midnight UTC.
func SearchText(kind workbench.Kind, fields, extra string) (text string, found time.Time, err error) {
	fv, err := DecodeFields(kind, []byte(fields))
	if err != nil {
		return "", time.Time{}, fmt.Errorf("search text: %w", err)
	}
	return fv.SearchText(extra)
}

// SearchText returns the text the record is searched by, given its
// unmapped columns (see the function [SearchText]).
func (f Fields) SearchText(extra string) (text string, found time.Time, err error) {
	if f.spec == nil {
		return "", time.Time{}, fmt.Errorf("search text: no kind")
	}
	labels := enumLabels(f.spec.Kind)
	var b strings.Builder
	line := func(s string) {
		if s == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(s)
	}
	foundName := FoundField[f.spec.Kind]
	for i := range f.spec.Fields {
		fd := &f.spec.Fields[i]
		v := f.vals[i]
		if !v.Set {
			continue
		}
		switch {
		case fd.Type == Bool && v.OK:
			continue
		case !v.OK && fd.Type != EnumList:
			line(v.Text)
		case fd.Type == Date || fd.Type == DateTime:
			if fd.Name == foundName && v.Time.Precision() >= values.Day {
				y, m, d := v.Time.Start().Date()
				found = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
			}
			if d := v.Time.Date(); d != "" {
				line(d)
			} else {
				line(v.Time.Display())
			}
		case fd.Type == Period:
			line(DisplayValue(fd, v, true))
		case fd.Type == Enum:
			s := enumText(labels, fd.Name, v.Text)
			if len(v.Written) > 0 {
				s = v.Written[0] + "；" + s
			}
			line(s)
		case fd.Type == EnumList:
			// The parts as written (known terms by their labels), then
			// the labels of terms read from prose.
			parts := make([]string, 0, len(v.Written)+1)
			for _, w := range v.Written {
				parts = append(parts, enumText(labels, fd.Name, w))
			}
			for _, t := range v.Terms {
				if !slices.Contains(v.Written, t) {
					if l := enumText(labels, fd.Name, t); l != t {
						parts = append(parts, l)
					}
				}
			}
			line(strings.Join(parts, "；"))
		case fd.Type == Scale || fd.Type == Duration:
			s := strconv.FormatFloat(v.Number, 'f', -1, 64)
			if v.Unit != "" {
				s += " " + v.Unit
			}
			line(s)
		case fd.Type == Percent || fd.Type == Count:
			line(strconv.FormatFloat(v.Number, 'f', -1, 64))
		default:
			line(v.Text)
		}
	}
	if extra != "" && extra != "{}" {
		var ev map[string]any
		if err := json.Unmarshal([]byte(extra), &ev); err != nil {
			return "", time.Time{}, fmt.Errorf("search text: read extra columns: %w", err)
		}
		keys := make([]string, 0, len(ev))
		for k := range ev {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			line(plainValue(ev[k]))
		}
	}
	return b.String(), found, nil
}

// plainValue writes a normalised value as text: strings as they are,
// numbers without exponent, {value, unit} objects as "value unit".
func plainValue(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return ""
	case map[string]any:
		s := plainValue(x["value"])
		if u, _ := x["unit"].(string); u != "" {
			s += " " + u
		}
		return s
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			parts = append(parts, plainValue(e))
		}
		return strings.Join(parts, "；")
	}
	return ""
}

func enumText(labels map[string]string, field, value string) string {
	if l, ok := labels[field+"\x00"+value]; ok {
		return l
	}
	return value
}

var enumLabelCache sync.Map // Kind → map[field\x00value]"ZH EN"

func enumLabels(kind workbench.Kind) map[string]string {
	if m, ok := enumLabelCache.Load(kind); ok {
		return m.(map[string]string)
	}
	m := map[string]string{}
	for _, f := range SpecFor(kind).Fields {
		for _, t := range f.Terms {
			m[f.Name+"\x00"+t.Value] = t.ZH + " " + t.EN
		}
	}
	enumLabelCache.Store(kind, m)
	return m
}
