// Package tabular reads the tables and records inside submitted files —
// CSV, JSON, JSONL — as text cells, each row or record with its location in
// the file. It knows nothing of submission kinds or field names.
package tabular

// Row is one row of a table with where it came from.
type Row struct {
	// Number locates the row for people: the 1-based line on which a CSV
	// record starts, or the 1-based row number of an XLSX sheet.
	Number int
	// Cells are the row's values as text. A reader may reuse the slice on
	// the next call; copy what you keep.
	Cells []string
	// AfterBlank says that blank rows (lines) stand between this row and
	// the one before: what follows a gap below a table is often a note.
	AfterBlank bool
}

// Table is a sequence of rows read from one sheet or file.
type Table interface {
	// Name is the sheet name, or "" for single-table formats such as CSV.
	Name() string
	// Next returns the next row, or io.EOF after the last one. Any other
	// error names the row (line) where reading failed.
	Next() (Row, error)
}

// Record is one object of a JSON or JSONL file, flattened to text values
// under dotted keys ("safety.filter") in document order.
type Record struct {
	// Number locates the record: its 1-based position in the JSON array,
	// or the 1-based line number in a JSONL file.
	Number int
	Keys   []string
	Values []string
}

// RecordReader is a sequence of records.
type RecordReader interface {
	// Next returns the next record, or io.EOF after the last one.
	Next() (Record, error)
}
