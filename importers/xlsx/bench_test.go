package xlsx

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// writeBigWorkbook writes a one-sheet workbook of rows × 12 columns with
// excelize's StreamWriter: integers, text, fractions, dates and
// percentages.
func writeBigWorkbook(tb testing.TB, path string, rows int) {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		tb.Fatal(err)
	}
	pctStyle, err := f.NewStyle(&excelize.Style{NumFmt: 10})
	if err != nil {
		tb.Fatal(err)
	}
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	header := make([]any, 12)
	for c := range header {
		header[c] = fmt.Sprintf("列%d", c+1)
	}
	if err := sw.SetRow("A1", header); err != nil {
		tb.Fatal(err)
	}
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	row := make([]any, 12)
	for r := 2; r <= rows+1; r++ {
		for c := range row {
			switch c % 6 {
			case 0:
				row[c] = r*13 + c
			case 1:
				row[c] = fmt.Sprintf("样本文本%d", r%5000)
			case 2:
				row[c] = float64(r) / 8
			case 3:
				row[c] = excelize.Cell{StyleID: dateStyle, Value: day.AddDate(0, 0, r%1000)}
			case 4:
				row[c] = excelize.Cell{StyleID: pctStyle, Value: float64(r%1000) / 1000}
			case 5:
				row[c] = "91110108MA7XH2TQ5E"
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, row); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkTable streams a 50,000 × 12 workbook (about 28 MB of sheet XML,
// so the merge pre-pass inflates it twice) and reports rows per second.
func BenchmarkTable(b *testing.B) {
	const rows = 50_000
	path := filepath.Join(b.TempDir(), "big.xlsx")
	writeBigWorkbook(b, path, rows)
	fh, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer fh.Close()
	st, _ := fh.Stat()
	b.SetBytes(st.Size())
	b.ResetTimer()
	total := 0
	for b.Loop() {
		wb, err := Open(fh, st.Size(), DefaultLimits())
		if err != nil {
			b.Fatal(err)
		}
		t, err := wb.Table("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := t.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != rows+1 {
			b.Fatalf("read %d rows, want %d", n, rows+1)
		}
		total += n
		wb.Close()
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "rows/s")
}
