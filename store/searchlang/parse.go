package searchlang

import (
	"github.com/inspection-workbench/workbench"

	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// FieldKind says how a field filter's value is interpreted.
type FieldKind int

const (
	// FieldKeyword fields are matched on their exact, unanalysed value
	// (name:value or name:"quoted value").
	FieldKeyword FieldKind = iota + 1
	// FieldDate fields take YYYY-MM-DD day ranges (name:from..to, either end
	// open) and must be indexed as keyword fields holding the day as
	// YYYY-MM-DD (see [DayTerm]): a range is then a term range over at most
	// a few thousand distinct days, far cheaper to index than a bleve
	// datetime field.
	FieldDate
)

// String returns "keyword" or "date".
func (k FieldKind) String() string {
	switch k {
	case FieldKeyword:
		return "keyword"
	case FieldDate:
		return "date"
	}
	return "FieldKind(" + strconv.Itoa(int(k)) + ")"
}

// Options configures [Parse].
type Options struct {
	// Fields lists the fields usable in name:value filters and their kind,
	// e.g. {"kind": FieldKeyword, "file": FieldKeyword, "label":
	// FieldKeyword, "found": FieldDate}. Names are matched case-insensitively
	// and should be lowercase.
	Fields map[string]FieldKind
	// Location is the time zone in which date ranges' days begin and end;
	// nil means UTC.
	Location *time.Location
	// Values, when it has an entry for a keyword field, checks and
	// normalises that field's values: it returns the value to search for,
	// or ok false and the values that are valid, which the error lists.
	Values map[string]func(value string) (canonical string, valid []string, ok bool)
}

// syntaxError makes a *workbench.SyntaxError at 1-based position pos from a reason
// and its arguments, given as name, value pairs.
func syntaxError(pos int, reason workbench.Reason, args ...any) *workbench.SyntaxError {
	we := workbench.Errorf(workbench.CodeInvalid, reason, args...)
	if we.Args == nil {
		we.Args = map[string]any{}
	}
	we.Args["Pos"] = pos
	return &workbench.SyntaxError{Pos: pos, Msg: workbench.Format(workbench.EnglishOf(reason), we.Args), Reason: reason, Args: we.Args}
}

// TermKind identifies what a [Term] searches for.
type TermKind int

const (
	// TermWord is a bare word searched in the default field.
	TermWord TermKind = iota + 1
	// TermPhrase is a quoted phrase searched in the default field.
	TermPhrase
	// TermKeyword is an exact-value filter on a keyword field.
	TermKeyword
	// TermDate is a day range on a date field.
	TermDate
)

// Term is one searchable unit of a parsed query.
type Term struct {
	Kind TermKind
	// Field is the filtered field (TermKeyword, TermDate).
	Field string
	// Text is the word, the phrase or the keyword value.
	Text string
	// From is the inclusive start of a TermDate range (midnight of the first
	// day); zero when the start is open.
	From time.Time
	// To is the exclusive end of a TermDate range (midnight after the last
	// day); zero when the end is open.
	To time.Time
	// Pos is the 1-based character position of the term in the query.
	Pos int
}

// Clause is a set of alternatives joined by OR (usually just one term). A
// document satisfies it when any alternative matches; an Exclude clause
// removes the documents it matches instead.
type Clause struct {
	Exclude bool
	Any     []Term
}

// Query is a parsed query: every non-excluded clause must match and no
// excluded clause may match.
type Query struct {
	Clauses []Clause
}

// Parse parses q according to the syntax described in the package
// documentation. Errors are *[workbench.SyntaxError] values carrying the position.
func Parse(q string, opts Options) (Query, error) {
	p := parser{r: normalize(q), opts: opts}
	if p.opts.Location == nil {
		p.opts.Location = time.UTC
	}
	toks, err := p.lex()
	if err != nil {
		return Query{}, err
	}
	return group(toks)
}

// normalize maps the full-width forms accepted by the syntax to ASCII, one
// rune for one rune so positions stay valid.
func normalize(s string) []rune {
	r := []rune(s)
	for i, c := range r {
		switch c {
		case '\u3000':
			r[i] = ' '
		case '“', '”', '「', '」', '＂':
			r[i] = '"'
		case '：':
			r[i] = ':'
		case '－':
			r[i] = '-'
		}
	}
	return r
}

type token struct {
	or   bool
	neg  bool
	term Term
}

type parser struct {
	r    []rune
	opts Options
}

func (p *parser) errAt(i int, reason workbench.Reason, args ...any) error {
	return syntaxError(i+1, reason, args...)
}

func (p *parser) lex() ([]token, error) {
	var toks []token
	r := p.r
	n := len(r)
	for i := 0; i < n; {
		if unicode.IsSpace(r[i]) {
			i++
			continue
		}
		start := i
		neg := false
		if r[i] == '-' {
			if i+1 >= n || unicode.IsSpace(r[i+1]) {
				return nil, p.errAt(i, workbench.ReasonQueryDanglingMinus)
			}
			neg = true
			i++
		}
		if r[i] == '"' {
			text, next, err := p.quoted(i)
			if err != nil {
				return nil, err
			}
			if strings.TrimSpace(text) == "" {
				return nil, p.errAt(i, workbench.ReasonQueryEmptyPhrase)
			}
			toks = append(toks, token{neg: neg, term: Term{Kind: TermPhrase, Text: text, Pos: start + 1}})
			i = next
			continue
		}
		// Scan a name candidate up to ':'; fall back to a plain word.
		j := i
		for j < n && !unicode.IsSpace(r[j]) && r[j] != '"' && r[j] != ':' {
			j++
		}
		if j < n && r[j] == ':' && isFieldName(r[i:j]) {
			t, next, err := p.field(start, i, j)
			if err != nil {
				return nil, err
			}
			toks = append(toks, token{neg: neg, term: t})
			i = next
			continue
		}
		for j < n && !unicode.IsSpace(r[j]) && r[j] != '"' {
			j++
		}
		word := string(r[i:j])
		i = j
		if word == "OR" && !neg {
			toks = append(toks, token{or: true, term: Term{Pos: start + 1}})
			continue
		}
		toks = append(toks, token{neg: neg, term: Term{Kind: TermWord, Text: word, Pos: start + 1}})
	}
	return toks, nil
}

// quoted reads a quoted string whose opening quote is at r[i]; it returns
// the text and the index after the closing quote.
func (p *parser) quoted(i int) (string, int, error) {
	for j := i + 1; j < len(p.r); j++ {
		if p.r[j] == '"' {
			return string(p.r[i+1 : j]), j + 1, nil
		}
	}
	return "", 0, p.errAt(i, workbench.ReasonQueryUnterminated)
}

// field parses name:value where the term starts at start (including any
// "-"), the name at nameStart and the colon at colon.
func (p *parser) field(start, nameStart, colon int) (Term, int, error) {
	name := strings.ToLower(string(p.r[nameStart:colon]))
	kind, ok := p.opts.Fields[name]
	if !ok && len(p.opts.Fields) == 0 {
		return Term{}, 0, p.errAt(nameStart, workbench.ReasonQueryNoFields, "Field", name)
	}
	if !ok {
		return Term{}, 0, p.errAt(nameStart, workbench.ReasonQueryUnknownField, "Field", name, "Known", p.knownFields())
	}
	vi := colon + 1
	var value string
	next := vi
	if vi < len(p.r) && p.r[vi] == '"' {
		v, nx, err := p.quoted(vi)
		if err != nil {
			return Term{}, 0, err
		}
		value, next = v, nx
	} else {
		for next < len(p.r) && !unicode.IsSpace(p.r[next]) && p.r[next] != '"' {
			next++
		}
		value = string(p.r[vi:next])
	}
	if strings.TrimSpace(value) == "" {
		return Term{}, 0, p.errAt(nameStart, workbench.ReasonQueryEmptyValue, "Field", name)
	}
	switch kind {
	case FieldKeyword:
		if check := p.opts.Values[name]; check != nil {
			v, valid, ok := check(value)
			if !ok {
				return Term{}, 0, p.errAt(vi, workbench.ReasonQueryUnknownValue, "Field", name, "Value", value, "Valid", valid)
			}
			value = v
		}
		return Term{Kind: TermKeyword, Field: name, Text: value, Pos: start + 1}, next, nil
	case FieldDate:
		if p.r[vi] == '"' {
			vi++ // positions inside a quoted date point past the quote
		}
		from, to, err := p.dateRange(name, value, vi)
		if err != nil {
			return Term{}, 0, err
		}
		return Term{Kind: TermDate, Field: name, Text: value, From: from, To: to, Pos: start + 1}, next, nil
	}
	return Term{}, 0, p.errAt(nameStart, workbench.ReasonQueryUnsupportedFld, "Field", name)
}

func (p *parser) knownFields() []string {
	names := make([]string, 0, len(p.opts.Fields))
	for n := range p.opts.Fields {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

const dateLayout = "2006-01-02"

// dateRange parses "from..to", "from..", "..to" or "day"; vi is the index
// of the value's first character.
func (p *parser) dateRange(name, value string, vi int) (time.Time, time.Time, error) {
	loc := p.opts.Location
	parse := func(s string, at int) (time.Time, error) {
		t, err := time.ParseInLocation(dateLayout, s, loc)
		if err != nil {
			if _, derr := workbench.ParseDate(s); workbench.ErrorReason(derr) != nil && workbench.ErrorReason(derr).Reason == workbench.ReasonDateNonexistent {
				return time.Time{}, p.errAt(at, workbench.ReasonQueryNoSuchDate, "Field", name, "Value", s)
			}
			return time.Time{}, p.errAt(at, workbench.ReasonQueryBadDate, "Field", name, "Value", s)
		}
		return t, nil
	}
	fromS, toS, isRange := strings.Cut(value, "..")
	if !isRange {
		toS = fromS
	}
	if fromS == "" && toS == "" {
		return time.Time{}, time.Time{}, p.errAt(vi, workbench.ReasonQueryRangeEmpty, "Field", name)
	}
	var from, to time.Time
	var err error
	if fromS != "" {
		if from, err = parse(fromS, vi); err != nil {
			return time.Time{}, time.Time{}, err
		}
	}
	if toS != "" {
		at := vi
		if isRange {
			at = vi + utf8.RuneCountInString(fromS) + 2
		}
		if to, err = parse(toS, at); err != nil {
			return time.Time{}, time.Time{}, err
		}
		to = to.AddDate(0, 0, 1)
	}
	if !from.IsZero() && !to.IsZero() && !from.Before(to) {
		return time.Time{}, time.Time{}, p.errAt(vi, workbench.ReasonQueryRangeReversed, "Field", name, "Value", value)
	}
	return from, to, nil
}

func isFieldName(r []rune) bool {
	if len(r) == 0 {
		return false
	}
	for i, c := range r {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case i > 0 && c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return true
}

// group joins OR-linked tokens into clauses and checks the whole query.
func group(toks []token) (Query, error) {
	var q Query
	pendingOR := 0 // position of an OR waiting for its right side
	for _, t := range toks {
		if t.or {
			if len(q.Clauses) == 0 || pendingOR != 0 {
				return Query{}, syntaxError(t.term.Pos, workbench.ReasonQueryOrLeft)
			}
			if q.Clauses[len(q.Clauses)-1].Exclude {
				return Query{}, syntaxError(t.term.Pos, workbench.ReasonQueryOrExclusion)
			}
			pendingOR = t.term.Pos
			continue
		}
		if pendingOR != 0 {
			if t.neg {
				return Query{}, syntaxError(t.term.Pos, workbench.ReasonQueryOrExclusion)
			}
			last := &q.Clauses[len(q.Clauses)-1]
			last.Any = append(last.Any, t.term)
			pendingOR = 0
			continue
		}
		q.Clauses = append(q.Clauses, Clause{Exclude: t.neg, Any: []Term{t.term}})
	}
	if pendingOR != 0 {
		return Query{}, syntaxError(pendingOR, workbench.ReasonQueryOrRight)
	}
	if len(q.Clauses) == 0 {
		return Query{}, syntaxError(1, workbench.ReasonQueryEmpty)
	}
	if !q.hasPositive() {
		return Query{}, syntaxError(q.Clauses[0].Any[0].Pos, workbench.ReasonQueryOnlyExcludes)
	}
	return q, nil
}

func (q Query) hasPositive() bool {
	for _, c := range q.Clauses {
		if !c.Exclude {
			return true
		}
	}
	return false
}

// String renders q in a normalised form of the query syntax, with OR
// groups in parentheses (for tests and logs; it is not re-parsable when
// parentheses appear).
func (q Query) String() string {
	parts := make([]string, 0, len(q.Clauses))
	for _, c := range q.Clauses {
		alts := make([]string, len(c.Any))
		for i, t := range c.Any {
			alts[i] = t.String()
		}
		s := strings.Join(alts, " OR ")
		if len(alts) > 1 {
			s = "(" + s + ")"
		}
		if c.Exclude {
			s = "-" + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// String renders t in query syntax.
func (t Term) String() string {
	switch t.Kind {
	case TermWord:
		return t.Text
	case TermPhrase:
		return `"` + t.Text + `"`
	case TermKeyword:
		return t.Field + `:"` + t.Text + `"`
	case TermDate:
		var from, to string
		if !t.From.IsZero() {
			from = t.From.Format(dateLayout)
		}
		if !t.To.IsZero() {
			to = t.To.AddDate(0, 0, -1).Format(dateLayout)
		}
		return t.Field + ":" + from + ".." + to
	}
	return fmt.Sprintf("Term(kind=%d)", int(t.Kind))
}
