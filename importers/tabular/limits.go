package tabular

import (
	"errors"
	"fmt"
)

// Limits bound what a reader accepts so hostile input cannot exhaust
// memory. A zero or negative field means "use the default".
type Limits struct {
	// MaxRecordBytes is the largest CSV record, JSONL line or JSON record
	// accepted, in bytes of UTF-8 text (default 64 MiB).
	MaxRecordBytes int64
	// MaxDepth is the deepest JSON nesting accepted, counting every object
	// and array from the top of the document (default 64).
	MaxDepth int
	// MaxFields is the largest number of cells in a CSV row or of keys in a
	// flattened JSON record (default 10000).
	MaxFields int
}

const (
	defaultMaxRecordBytes = 64 << 20
	defaultMaxDepth       = 64
	defaultMaxFields      = 10000
)

// DefaultLimits returns the limits used for fields left at zero:
// 64 MiB per record, nesting depth 64 and 10000 fields.
func DefaultLimits() Limits {
	return Limits{
		MaxRecordBytes: defaultMaxRecordBytes,
		MaxDepth:       defaultMaxDepth,
		MaxFields:      defaultMaxFields,
	}
}

// withDefaults replaces zero or negative fields by their defaults.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxRecordBytes <= 0 {
		l.MaxRecordBytes = d.MaxRecordBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = d.MaxDepth
	}
	if l.MaxFields <= 0 {
		l.MaxFields = d.MaxFields
	}
	return l
}

var (
	// ErrNotText is returned (wrapped) when the bytes are not text: the
	// sniffed start of the file holds NUL bytes (and is not UTF-16 with a
	// byte order mark), or it is valid neither as UTF-8 nor as GB18030.
	ErrNotText = errors.New("not a text file")
	// ErrEmpty is returned (wrapped) when a file holds nothing but perhaps
	// a byte order mark and white space.
	ErrEmpty = errors.New("file is empty")
	// ErrNoRecords is returned (wrapped) when a JSON or JSONL file is well
	// formed but holds no records: an empty array or object, or only blank
	// lines. An empty JSON or JSONL file matches both ErrEmpty and
	// ErrNoRecords.
	ErrNoRecords = errors.New("no records")
)

// Errors for exceeded limits, wrapped; the messages that wrap them name the
// place. Callers tell them apart with errors.Is.
var (
	// ErrRecordTooLarge: one record (a CSV row, a JSON value) over
	// MaxRecordBytes.
	ErrRecordTooLarge = errors.New("record too large")
	// ErrTooManyFields: one record with more than MaxFields cells or keys.
	ErrTooManyFields = errors.New("too many fields")
	// ErrTooDeep: JSON nested deeper than MaxDepth.
	ErrTooDeep = errors.New("nesting too deep")
)

// ErrNotRecords is matched (errors.Is) by the error for JSON whose values
// are not records (objects): a top-level scalar, an array of numbers.
var ErrNotRecords = errors.New("the values are not records")

// ErrSyntax is matched (errors.Is) by the errors for malformed JSON, JSONL
// and CSV, besides the *json.SyntaxError and *csv.ParseError they may wrap.
var ErrSyntax = errors.New("malformed")

// kindError keeps an error's message and makes it match a sentinel.
type kindError struct {
	msg    string
	kind   error
	err    error  // wrapped, or nil
	format string // for ErrSyntax: "CSV" or "JSON"
}

func (e *kindError) Error() string        { return e.msg }
func (e *kindError) Is(target error) bool { return target == e.kind }
func (e *kindError) Unwrap() error        { return e.err }

// notRecords is an error worded as fmt.Errorf would that matches
// ErrNotRecords.
func notRecords(format string, args ...any) error {
	return &kindError{msg: fmt.Sprintf(format, args...), kind: ErrNotRecords}
}

// syntaxErr is an error in JSON worded as fmt.Errorf would (%w included)
// that matches ErrSyntax.
func syntaxErr(format string, args ...any) error {
	err := fmt.Errorf(format, args...)
	return &kindError{msg: err.Error(), kind: ErrSyntax, err: errors.Unwrap(err), format: "JSON"}
}

// csvSyntaxErr is syntaxErr for CSV.
func csvSyntaxErr(format string, args ...any) error {
	err := fmt.Errorf(format, args...)
	return &kindError{msg: err.Error(), kind: ErrSyntax, err: errors.Unwrap(err), format: "CSV"}
}

// SyntaxFormat is the format of a syntax error (one matching ErrSyntax):
// "CSV" or "JSON", "" for other errors.
func SyntaxFormat(err error) string {
	var ke *kindError
	for e := err; errors.As(e, &ke); e = ke.err {
		if ke.kind == ErrSyntax {
			return ke.format
		}
	}
	return ""
}

// TooDeepMax is the depth limit a nesting error (one matching ErrTooDeep)
// names, 0 for other errors.
func TooDeepMax(err error) int {
	var de *depthError
	if errors.As(err, &de) {
		return de.max
	}
	return 0
}

// depthError is the error for JSON nested deeper than max.
type depthError struct{ max int }

func (e *depthError) Error() string { return fmt.Sprintf("%v: more than %d levels", ErrTooDeep, e.max) }
func (e *depthError) Unwrap() error { return ErrTooDeep }
