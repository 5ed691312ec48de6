package tabular

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// gb18030 encodes s as GB18030, as Chinese Excel saves it.
func gb18030(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding GB18030: %v", err)
	}
	return b
}

// utf16BOM encodes s as UTF-16 with a byte order mark.
func utf16BOM(t testing.TB, s string, big bool) []byte {
	t.Helper()
	order := xunicode.LittleEndian
	if big {
		order = xunicode.BigEndian
	}
	b, err := xunicode.UTF16(order, xunicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding UTF-16: %v", err)
	}
	return b
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// gotRow is a row copied out of a Table.
type gotRow struct {
	N     int
	Cells []string
}

func (r gotRow) String() string { return fmt.Sprintf("%d:%q", r.N, r.Cells) }

// readCSV reads all rows of data, copying them, until io.EOF or an error.
func readCSV(t testing.TB, data []byte, lim Limits) ([]gotRow, CSVInfo, error) {
	t.Helper()
	tab, info, err := OpenCSV(bytes.NewReader(data), lim)
	if err != nil {
		return nil, info, err
	}
	if tab.Name() != "" {
		t.Errorf("Name() = %q, want empty", tab.Name())
	}
	var rows []gotRow
	for {
		row, err := tab.Next()
		if errors.Is(err, io.EOF) {
			return rows, info, nil
		}
		if err != nil {
			// Errors are sticky.
			if _, err2 := tab.Next(); err2 == nil || err2.Error() != err.Error() {
				t.Errorf("Next after error %q returned %v", err, err2)
			}
			return rows, info, err
		}
		rows = append(rows, gotRow{row.Number, slices.Clone(row.Cells)})
	}
}

// readRecords reads all records of rr until io.EOF or an error.
func readRecords(rr RecordReader) ([]Record, error) {
	var recs []Record
	for {
		rec, err := rr.Next()
		if errors.Is(err, io.EOF) {
			return recs, nil
		}
		if err != nil {
			return recs, err
		}
		recs = append(recs, rec)
	}
}

// pngBytes is the start of a PNG image.
var pngBytes = append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"),
	bytes.Repeat([]byte{0x5c, 0x72, 0xa8, 0x66, 0x00, 0xff}, 100)...)
