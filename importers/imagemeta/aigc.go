package imagemeta

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// subFields are GB 45438's sub-fields of AIGC, by the key that names them
// (compared without regard to case).
var subFields = []string{"Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator", "PropagateID", "ReservedCode2"}

// set stores one sub-field's value by its key; false for another key.
func (l *Label) set(key, value string) bool {
	value = strings.TrimSpace(value)
	switch strings.ToLower(key) {
	case "label":
		l.Label = value
	case "contentproducer":
		l.ContentProducer = value
	case "produceid":
		l.ProduceID = value
	case "reservedcode1":
		l.ReservedCode1 = value
	case "contentpropagator":
		l.ContentPropagator = value
	case "propagateid":
		l.PropagateID = value
	case "reservedcode2":
		l.ReservedCode2 = value
	default:
		return false
	}
	return true
}

// clipRaw clips s to MaxRaw bytes at a character boundary, bytes that are
// not UTF-8 replaced.
func clipRaw(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if len(s) <= MaxRaw {
		return s
	}
	s = s[:MaxRaw]
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

// aigcValue makes the label of the value of an AIGC field as found at loc:
// usually a JSON object of the sub-fields, sometimes that object encoded
// once more as a JSON string. A value that is no JSON object is still a
// label, found, with no sub-field read: the check counts its sub-fields
// as missing.
func aigcValue(value string, loc Location) Label {
	l := Label{Found: true, Location: loc, Raw: clipRaw(strings.TrimSpace(value))}
	obj := jsonObject(value)
	for k, v := range obj {
		l.set(k, scalar(v))
	}
	return l
}

// jsonObject decodes s as a JSON object, unwrapping a JSON string that
// holds one; nil when s is neither.
func jsonObject(s string) map[string]json.RawMessage {
	s = strings.TrimSpace(strings.TrimPrefix(s, "\ufeff"))
	for range 2 {
		var obj map[string]json.RawMessage
		if json.Unmarshal([]byte(s), &obj) == nil {
			return obj
		}
		var inner string
		if json.Unmarshal([]byte(s), &inner) != nil {
			return nil
		}
		s = strings.TrimSpace(inner)
	}
	return nil
}

// scalar writes a JSON value as text: a string as it is, a number or a
// boolean as written, anything else as its JSON.
func scalar(v json.RawMessage) string {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	t := strings.TrimSpace(string(v))
	if t == "null" {
		return ""
	}
	if _, err := strconv.ParseFloat(t, 64); err == nil || t == "true" || t == "false" {
		return t
	}
	return t
}

// labelInText looks for the label in a free text field (an EXIF comment
// or description): JSON holding an "AIGC" member, JSON with the sub-fields
// themselves, or "AIGC" followed by = or : and the value.
func labelInText(text string, loc Location) (Label, bool) {
	text = strings.TrimSpace(strings.Trim(text, "\x00"))
	if text == "" {
		return Label{}, false
	}
	if obj := jsonObject(text); obj != nil {
		for k, v := range obj {
			if strings.EqualFold(k, "AIGC") {
				return aigcValue(string(v), loc), true
			}
		}
		if hasSubField(obj) {
			return aigcValue(text, loc), true
		}
		return Label{}, false
	}
	i := strings.Index(strings.ToUpper(text), "AIGC")
	if i < 0 {
		return Label{}, false
	}
	rest := strings.TrimSpace(text[i+4:])
	if rest == "" || (rest[0] != '=' && rest[0] != ':') {
		return Label{}, false
	}
	return aigcValue(strings.TrimSpace(rest[1:]), loc), true
}

// hasSubField reports whether a JSON object names at least two of GB
// 45438's sub-fields: one alone ("label") is too common a key to be taken
// for the AIGC field.
func hasSubField(obj map[string]json.RawMessage) bool {
	n := 0
	for k := range obj {
		for _, f := range subFields {
			if strings.EqualFold(k, f) {
				n++
			}
		}
	}
	return n >= 2
}
