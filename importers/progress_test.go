package importers

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestProgressBytes checks that a CSV read reports how far through the
// file it has got, rising to the file's size, and that XLSX, which is
// unpacked whole, reports rows without bytes.
func TestProgressBytes(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("事件编号,发现日期,事件类别,情况描述\n")
	const rows = 40000
	for i := range rows {
		fmt.Fprintf(&b, "INC-%06d,2024-03-%02d,违法内容,用户输入诱导模型生成违法内容，已拦截并处置，第%d条\n", i, i%28+1, i)
	}
	csvPath := filepath.Join(dir, "incidents.csv")
	if err := os.WriteFile(csvPath, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []Progress
	opts := Options{Progress: func(p Progress) { got = append(got, p) }}
	if _, err := ReadFile(context.Background(), csvPath, "incidents.csv", opts, func(Record) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) < 3 {
		t.Fatalf("%d progress reports for %d rows, want one every %d rows", len(got), rows, progressEvery)
	}
	size := int64(b.Len())
	for i, p := range got {
		if p.Size != size {
			t.Fatalf("report %d: size %d, want %d", i, p.Size, size)
		}
		if p.Read <= 0 || p.Read > size {
			t.Fatalf("report %d: read %d of %d", i, p.Read, size)
		}
		if i > 0 && (p.Read < got[i-1].Read || p.Rows <= got[i-1].Rows) {
			t.Fatalf("report %d went backwards: %+v after %+v", i, p, got[i-1])
		}
	}
	// The first report comes after progressEvery rows, a fifth of the
	// file; a reader that reported the whole file at once would say 100 %.
	if first := got[0]; float64(first.Read)/float64(size) > 0.5 {
		t.Errorf("first report at %d rows says %d of %d bytes read", first.Rows, first.Read, size)
	}

	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	_ = sw.SetRow("A1", []any{"事件编号", "发现日期", "事件类别", "情况描述"})
	for i := range 10000 {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		_ = sw.SetRow(cell, []any{fmt.Sprintf("INC-%06d", i), "2024-03-01", "违法内容", "已处置"})
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	xlsxPath := filepath.Join(dir, "incidents.xlsx")
	if err := f.SaveAs(xlsxPath); err != nil {
		t.Fatal(err)
	}
	got = nil
	if _, err := ReadFile(context.Background(), xlsxPath, "incidents.xlsx", opts, func(Record) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Fatal("no progress reports for a 10,000-row workbook")
	}
	for _, p := range got {
		if p.Read != 0 || p.Size == 0 {
			t.Fatalf("XLSX progress %+v: want rows and size without bytes read", p)
		}
	}
}
