package tabular

import "errors"

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

// Errors for exceeded limits; the messages that wrap them name the place.
var (
	errRecordTooLarge = errors.New("record too large")
	errTooManyFields  = errors.New("too many fields")
	errTooDeep        = errors.New("nesting too deep")
)
