package importers

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/values"
)

// Value is one canonical field of a stored record, decoded into its type.
// Set is false when the record has no value for the field. OK is false when
// the provider's value could not be read as the field's type (a date column
// holding 不详, a category outside the vocabulary): the value is then kept as
// the provider wrote it, in Text, and a check that needs it cannot judge the
// record.
type Value struct {
	Type ValueType
	Set  bool
	OK   bool
	Bool bool // bool
	// Text is the value of a text field, the canonical term of an enum
	// field, or what the provider wrote for a value not read as its type.
	Text   string
	Number float64 // percent (a fraction), count, scale and duration
	Unit   string  // scale and duration: tokens, items, bytes, hours, parameters; hours, days, working_days
	// Time is a date or datetime value at the precision it was written.
	Time values.Time
	// Period is a period value (To is zero for an open end); nil for other
	// types.
	Period *values.Period
	// Terms are an enum list's terms: canonical where known — also those
	// read from a part written as prose ("已停止生成并消除相关内容") — and
	// the parts in which no term was found, as written. OK is false when
	// there is any of the latter. Written holds the parts as stored, and
	// for an enum field written as prose, that prose (Text holding the
	// term read from it).
	Terms   []string
	Written []string
}

// Fields are a stored record's canonical fields, decoded once into typed
// values. Checks, search text, evidence quotations, exports and the GUI all
// read records through Fields rather than the stored JSON.
type Fields struct {
	spec  *KindSpec
	index map[string]int // field name → position in vals
	vals  []Value
}

// Kind is the kind of the record.
func (f Fields) Kind() workbench.Kind {
	if f.spec == nil {
		return ""
	}
	return f.spec.Kind
}

// Value returns the named field's value; the zero Value when the record has
// none or the kind has no such field.
func (f Fields) Value(name string) Value {
	if i, ok := f.index[name]; ok {
		return f.vals[i]
	}
	return Value{}
}

// Text returns a text field's value, trimmed, or an enum field's canonical
// term; "" when absent. A value of another type that could not be read is
// returned as written.
func (f Fields) Text(name string) string {
	v := f.Value(name)
	if v.Type == Text || v.Type == Enum || !v.OK {
		return strings.TrimSpace(v.Text)
	}
	return ""
}

// Bool returns a yes/no field; ok is false when it is absent or unreadable.
func (f Fields) Bool(name string) (value, ok bool) {
	v := f.Value(name)
	return v.Bool, v.Set && v.OK && v.Type == Bool
}

// Number returns a percent, count, scale or duration field's number; ok is
// false when it is absent or unreadable.
func (f Fields) Number(name string) (float64, bool) {
	v := f.Value(name)
	switch v.Type {
	case Percent, Count, Scale, Duration:
		return v.Number, v.Set && v.OK
	}
	return 0, false
}

// Time returns a date or datetime field; ok is false when it is absent or
// unreadable.
func (f Fields) Time(name string) (values.Time, bool) {
	v := f.Value(name)
	return v.Time, v.Set && v.OK && !v.Time.IsZero()
}

// Term returns an enum field's value: the canonical term and known=true, or
// what the provider wrote and known=false (also "" and false when absent).
func (f Fields) Term(name string) (term string, known bool) {
	v := f.Value(name)
	return strings.TrimSpace(v.Text), v.Set && v.OK
}

// UnknownTerms returns the terms of an enum or enum-list field that are
// not in its vocabulary, as the provider wrote them.
func (f Fields) UnknownTerms(name string) []string {
	v := f.Value(name)
	if !v.Set || v.OK {
		return nil
	}
	switch v.Type {
	case Enum:
		return []string{v.Text}
	case EnumList:
		d, _ := decoderFor(f.spec.Kind)
		i := f.index[name]
		var out []string
		for _, t := range v.Terms {
			if !d.terms[i][t] {
				out = append(out, t)
			}
		}
		return out
	}
	return nil
}

// NotApplicable reports whether a yes/no field holds an answer saying
// the question does not apply (不涉及, 不适用, N/A: see
// values.NotApplicable), kept as written: Bool is then not ok and
// Unreadable true, so that a check neither counts it as no nor passes
// it, and can word it apart with this.
func (f Fields) NotApplicable(name string) bool {
	v := f.Value(name)
	return v.Set && !v.OK && v.Type == Bool && values.NotApplicable(v.Text)
}

// Unreadable reports whether the record has a value for the field that
// could not be read as its type or vocabulary.
func (f Fields) Unreadable(name string) bool {
	v := f.Value(name)
	return v.Set && !v.OK
}

// Each calls fn with every field of the kind that the record has a value
// for, in the kind's field order.
func (f Fields) Each(fn func(field *Field, v Value)) {
	if f.spec == nil {
		return
	}
	for i := range f.vals {
		if f.vals[i].Set {
			fn(&f.spec.Fields[i], f.vals[i])
		}
	}
}

// Display writes a value for people: a text as it is, an enum term by its
// Chinese or English name, a yes/no as 是/否 or yes/no, a time at its own
// precision, a percentage as "1.20%", a quantity with its unit.
func (f Fields) Display(name string, zh bool) string {
	i, ok := f.index[name]
	if !ok {
		return ""
	}
	return DisplayValue(&f.spec.Fields[i], f.vals[i], zh)
}

// DisplayValue writes the value v of field fd for people (see
// [Fields.Display]).
func DisplayValue(fd *Field, v Value, zh bool) string {
	if !v.Set {
		return ""
	}
	if !v.OK && v.Type != EnumList {
		return v.Text
	}
	switch v.Type {
	case Bool:
		switch {
		case zh && v.Bool:
			return "是"
		case zh:
			return "否"
		case v.Bool:
			return "yes"
		}
		return "no"
	case Date, DateTime:
		return v.Time.Display()
	case Period:
		if v.Period == nil {
			return v.Text
		}
		return v.Period.Display()
	case Percent:
		// Rounded to a millionth of a percent: 0.931 is "93.1%", not
		// "93.10000000000001%".
		return strconv.FormatFloat(math.Round(v.Number*1e8)/1e6, 'f', -1, 64) + "%"
	case Count:
		return strconv.FormatFloat(v.Number, 'f', -1, 64)
	case Scale, Duration:
		return quantityText(v.Number, v.Unit, zh)
	case Enum:
		if len(v.Written) > 0 {
			return v.Written[0]
		}
		return termName(fd, v.Text, zh)
	case EnumList:
		parts := make([]string, len(v.Written))
		for i, t := range v.Written {
			parts[i] = termName(fd, t, zh)
		}
		if zh {
			return strings.Join(parts, "、")
		}
		return strings.Join(parts, ", ")
	}
	return v.Text
}

// termName names a term of fd's vocabulary in one language; a term outside
// it is returned as written.
func termName(fd *Field, term string, zh bool) string {
	for _, t := range fd.Terms {
		if t.Value == term {
			if zh {
				return t.ZH
			}
			return t.EN
		}
	}
	return term
}

// unitNames are the units of scales and durations, in Chinese and English.
var unitNames = map[string][2]string{
	"tokens": {"tokens", "tokens"}, "items": {"条", "items"}, "bytes": {"字节", "bytes"},
	"hours": {"小时", "hours"}, "parameters": {"参数", "parameters"},
	"days": {"日", "days"}, "working_days": {"个工作日", "working days"},
}

func quantityText(n float64, unit string, zh bool) string {
	s := strconv.FormatFloat(n, 'f', -1, 64)
	u, ok := unitNames[unit]
	switch {
	case unit == "":
		return s
	case !ok:
		return s + " " + unit
	case zh:
		return s + " " + u[0]
	}
	return s + " " + u[1]
}

// decoder decodes the stored fields of one kind. Its struct type mirrors
// the kind's fields (json tags from the canonical names), so that
// encoding/json fills concrete Go values instead of a map of interfaces —
// several times faster on million-row logs.
type decoder struct {
	spec  *KindSpec
	typ   reflect.Type
	index map[string]int    // field name → position
	terms []map[string]bool // canonical terms per enum field
	// resolved remembers the term of a provider's spelling, per field
	// (resolveKey → string, "" for none), up to maxResolved spellings.
	resolved  sync.Map
	nResolved atomic.Int64
}

type resolveKey struct {
	field   int
	written string
}

// maxResolved bounds the spellings a decoder remembers.
const maxResolved = 1 << 14

// resolve returns the term a value of enum field i stored as the
// provider wrote it spells (违法不良信息 → illegal_content), ok false when
// it spells none (it may still name terms in prose).
func (d *decoder) resolve(i int, written string) (string, bool) {
	k := resolveKey{i, written}
	if t, ok := d.resolved.Load(k); ok {
		return t.(string), t.(string) != ""
	}
	t, _ := lookupTerm(d.spec.Kind, d.spec.Fields[i].Name, written)
	if d.nResolved.Add(1) <= maxResolved {
		d.resolved.Store(k, t)
	}
	return t, t != ""
}

var decoders sync.Map // Kind → *decoder

func decoderFor(k workbench.Kind) (*decoder, error) {
	if d, ok := decoders.Load(k); ok {
		return d.(*decoder), nil
	}
	spec := SpecFor(k)
	if spec == nil {
		return nil, fmt.Errorf("unknown kind %q", k)
	}
	d := &decoder{spec: spec, index: make(map[string]int, len(spec.Fields)), terms: make([]map[string]bool, len(spec.Fields))}
	var fields []reflect.StructField
	for i, f := range spec.Fields {
		d.index[f.Name] = i
		var t reflect.Type
		switch f.Type {
		case Text, Enum, Date, DateTime, Period:
			t = reflect.TypeFor[string]()
		case EnumList:
			t = reflect.TypeFor[[]string]()
		default:
			t = reflect.TypeFor[any]()
		}
		fields = append(fields, reflect.StructField{
			Name: "F" + strconv.Itoa(i), Type: t,
			Tag: reflect.StructTag(`json:"` + f.Name + `"`),
		})
		if len(f.Terms) > 0 {
			d.terms[i] = map[string]bool{}
			for _, t := range f.Terms {
				d.terms[i][t.Value] = true
			}
		}
	}
	d.typ = reflect.StructOf(fields)
	decoders.Store(k, d)
	return d, nil
}

// DecodeFields decodes a record's stored canonical fields (the JSON object
// the importers write) into typed values.
func DecodeFields(kind workbench.Kind, data []byte) (Fields, error) {
	d, err := NewFieldsDecoder(kind)
	if err != nil {
		return Fields{}, err
	}
	d.chunk = make([]Value, len(d.d.spec.Fields)) // one record: no block
	return d.Decode(data)
}

// FieldsDecoder decodes the stored fields of many records of one kind,
// reusing its scratch space: use one per goroutine for long runs. The
// Fields it returns stay valid after later calls.
type FieldsDecoder struct {
	d     *decoder
	p     reflect.Value // a *struct of the kind's decoding type
	chunk []Value       // values handed out, a block at a time
}

// valueBlock is how many records' values a FieldsDecoder allocates at once.
const valueBlock = 64

// NewFieldsDecoder returns a decoder for records of a kind.
func NewFieldsDecoder(kind workbench.Kind) (*FieldsDecoder, error) {
	d, err := decoderFor(kind)
	if err != nil {
		return nil, fmt.Errorf("decode fields: %w", err)
	}
	return &FieldsDecoder{d: d, p: reflect.New(d.typ)}, nil
}

// Decode decodes one record's stored fields.
func (fd *FieldsDecoder) Decode(data []byte) (Fields, error) {
	d := fd.d
	n := len(d.spec.Fields)
	if len(fd.chunk) < n {
		fd.chunk = make([]Value, n*valueBlock)
	}
	f := Fields{spec: d.spec, index: d.index, vals: fd.chunk[:n:n]}
	fd.chunk = fd.chunk[n:]
	s := fd.p.Elem()
	s.SetZero()
	if err := json.Unmarshal(data, fd.p.Interface()); err != nil {
		// A value of an unexpected JSON type (written by an older version,
		// say): decode generically.
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			return Fields{}, fmt.Errorf("decode fields: %w", err)
		}
		for i := range d.spec.Fields {
			if v, ok := m[d.spec.Fields[i].Name]; ok && v != nil {
				f.vals[i] = d.value(i, v)
			}
		}
		return f, nil
	}
	for i := range n {
		fv := s.Field(i)
		switch fv.Kind() {
		case reflect.String:
			if str := fv.String(); str != "" {
				f.vals[i] = d.value(i, str)
			}
		case reflect.Slice:
			if !fv.IsNil() {
				f.vals[i] = d.list(i, fv.Interface().([]string))
			}
		default:
			if !fv.IsNil() {
				f.vals[i] = d.value(i, fv.Interface())
			}
		}
	}
	return f, nil
}

// value types one decoded JSON value of field i.
func (d *decoder) value(i int, raw any) Value {
	fd := &d.spec.Fields[i]
	v := Value{Type: fd.Type, Set: true}
	if s, ok := raw.(string); ok {
		v.Text = s
	}
	switch fd.Type {
	case Text:
		v.OK = true
		if _, isString := raw.(string); !isString {
			v.Text = plainValue(raw)
		}
	case Enum:
		v.OK = d.terms[i][v.Text]
		if !v.OK {
			// The provider's word for a term (违法不良信息), or prose naming
			// one term: 个人信息删除请求（注销账号）.
			if t, ok := d.resolve(i, v.Text); ok {
				v.Written = []string{v.Text}
				v.Text, v.OK = t, true
			} else if found := termsInProse(d.spec.Kind, fd.Name, v.Text); len(found) == 1 {
				v.Written = []string{v.Text}
				v.Text, v.OK = found[0], true
			}
		}
	case Date, DateTime:
		v.Time, v.OK = values.ParseTime(v.Text)
	case Period:
		if p, ok := values.ParseStoredPeriod(v.Text); ok {
			v.Period, v.OK = &p, true
		}
	case Bool:
		v.Bool, v.OK = raw.(bool)
	case Percent, Count:
		v.Number, v.OK = raw.(float64)
		v.OK = v.OK && !math.IsNaN(v.Number)
	case Scale, Duration:
		if m, ok := raw.(map[string]any); ok {
			v.Number, v.OK = m["value"].(float64)
			v.Unit, _ = m["unit"].(string)
		}
	case EnumList:
		switch x := raw.(type) {
		case []any:
			list := make([]string, 0, len(x))
			for _, e := range x {
				if s, ok := e.(string); ok {
					list = append(list, s)
				}
			}
			return d.list(i, list)
		case string:
			return d.list(i, []string{x})
		}
	}
	return v
}

// list types the terms of enum-list field i: a part outside the
// vocabulary is read for the terms it names.
func (d *decoder) list(i int, written []string) Value {
	v := Value{Type: EnumList, Set: true, Terms: written, Written: written, OK: true}
	for j, t := range written {
		if d.terms[i][t] {
			continue
		}
		// Build a separate list from here on: written is kept as stored.
		v.Terms = append([]string(nil), written[:j]...)
		for _, t := range written[j:] {
			term, known := d.resolve(i, t)
			switch {
			case d.terms[i][t]:
				v.Terms = append(v.Terms, t)
			case known:
				if !slices.Contains(v.Terms, term) {
					v.Terms = append(v.Terms, term)
				}
			default:
				found := termsInProse(d.spec.Kind, d.spec.Fields[i].Name, t)
				if len(found) == 0 {
					v.Terms, v.OK = append(v.Terms, t), false
				}
				for _, f := range found {
					if !slices.Contains(v.Terms, f) {
						v.Terms = append(v.Terms, f)
					}
				}
			}
		}
		break
	}
	return v
}
