package importers

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// SearchTextVersion changes whenever [SearchText] would produce different
// text for the same record, so a search index built from older text is
// rebuilt.
const SearchTextVersion = "1"

// FoundField names, per kind, the date field a search can filter on with
// found:FROM..TO (when the incident was found).
var FoundField = map[Kind]string{Incident: "found_at"}

// SearchText returns the text a stored record is searched by, one value per
// line in field order: text as written, enum terms as their Chinese and
// English labels (so 违法内容 and "illegal content" both find
// illegal_content), dates as YYYY-MM-DD, numbers as written; yes/no flags
// are left out. Unmapped columns follow, values only. found is the value of
// the kind's [FoundField] (zero when absent or unreadable), in UTC wall-clock
// terms.
func SearchText(kind Kind, fields, extra string) (text string, found time.Time, err error) {
	spec := SpecFor(kind)
	if spec == nil {
		return "", time.Time{}, fmt.Errorf("search text: unknown kind %q", kind)
	}
	var fv map[string]any
	if err := json.Unmarshal([]byte(fields), &fv); err != nil {
		return "", time.Time{}, fmt.Errorf("search text: read fields: %w", err)
	}
	labels := enumLabels(kind)
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
	foundName := FoundField[kind]
	for i := range spec.Fields {
		f := &spec.Fields[i]
		v, ok := fv[f.Name]
		if !ok || v == nil {
			continue
		}
		switch f.Type {
		case Bool:
			continue
		case Date, DateTime:
			s, _ := v.(string)
			if f.Name == foundName {
				found = parseFound(s)
			}
			if len(s) >= 10 {
				s = s[:10]
			}
			line(s)
		case Enum:
			s, _ := v.(string)
			line(enumText(labels, f.Name, s))
		case EnumList:
			list, _ := v.([]any)
			parts := make([]string, 0, len(list))
			for _, e := range list {
				s, _ := e.(string)
				parts = append(parts, enumText(labels, f.Name, s))
			}
			line(strings.Join(parts, "；"))
		default:
			line(plainValue(v))
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

func parseFound(s string) time.Time {
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
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

func enumLabels(kind Kind) map[string]string {
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
