package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzLimits keep each fuzz input cheap.
var fuzzLimits = Limits{MaxUnpackedBytes: 32 << 20, MaxEntries: 200, MaxRatio: 200, MaxCells: 1000}

// storedZip writes parts uncompressed and without CRCs (archive/zip skips
// the check when the CRC is 0), so a fuzzer's byte flips inside the XML
// reach the parser instead of failing the checksum.
func storedZip(t testing.TB, parts ...zipPart) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Store,
			CompressedSize64: uint64(len(p.body)), UncompressedSize64: uint64(len(p.body))})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p.body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const seedSheet = `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45356.5</v></c><c r="C1" s="2"><v>0.035</v></c></row>
<row r="3"><c t="inlineStr"><is><r><t>富</t></r><rPh><t>x</t></rPh></is></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="d"><v>2024-03-05</v></c><c t="str"><f>1</f><v>a&amp;b</v></c></row>
</sheetData><mergeCells count="2"><mergeCell ref="A1:A4"/><mergeCell ref="B3:C3"/></mergeCells>`

func seedBook() handBook {
	return handBook{
		sst:     []string{`<t>表头</t>`, `<r><t>a</t></r><r><t>b</t></r>`},
		numFmts: map[int]string{164: `yyyy"年"m"月"d"日"`},
		xfs:     []int{0, 164, 10},
		sheets:  []handSheet{{name: "数据", xml: seedSheet}, {name: "图", chart: true}},
	}
}

// fuzzSeeds are valid and broken workbooks to start from.
func fuzzSeeds(t testing.TB) map[string][]byte {
	valid := seedBook().build(t)
	stored := storedZip(t, seedBook().parts()...)
	seeds := map[string][]byte{
		"hand-deflated": valid,
		"hand-stored":   stored,
		"truncated":     stored[:len(stored)/2],
		"ole":           buildCFB("Workbook"),
		"png":           []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
	}
	return seeds
}

// writeFuzzSeeds commits the seeds as the FuzzXLSX corpus (go test fuzz v1).
func writeFuzzSeeds(t *testing.T) {
	dir := filepath.Join("testdata", "fuzz", "FuzzXLSX")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, b := range fuzzSeeds(t) {
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
		if err := os.WriteFile(filepath.Join(dir, "seed-"+name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readEverything opens data and reads every sheet to the end. Errors are
// expected; panics (recovered into "internal error") and endless reading
// are not.
func readEverything(t *testing.T, data []byte) {
	wb, err := Open(bytes.NewReader(data), int64(len(data)), fuzzLimits)
	if err != nil {
		if strings.Contains(err.Error(), "internal error") {
			t.Fatalf("Open: %v", err)
		}
		return
	}
	defer wb.Close()
	for _, s := range wb.Sheets() {
		tb, err := wb.Table(s)
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("Table: %v", err)
			}
			continue
		}
		for i := 0; ; i++ {
			if i > maxRow {
				t.Fatalf("sheet %q: more rows than a sheet can have", s)
			}
			r, err := tb.Next()
			if err != nil {
				if strings.Contains(err.Error(), "internal error") {
					t.Fatalf("Next: %v", err)
				}
				break
			}
			if r.Number < 1 || r.Number > maxRow || len(r.Cells) > fuzzLimits.MaxCells {
				t.Fatalf("sheet %q: impossible row %d with %d cells", s, r.Number, len(r.Cells))
			}
		}
	}
}

// FuzzXLSX feeds arbitrary bytes to Open and reads every sheet to the end:
// no panic, no hang.
func FuzzXLSX(f *testing.F) {
	for _, b := range fuzzSeeds(f) {
		f.Add(b)
	}
	f.Add(buildMessy(f))
	for _, name := range []string{"messy-libreoffice.xlsx", "csv-libreoffice.xlsx"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(readEverything)
}

// FuzzSheetXML puts arbitrary worksheet and shared-string XML into an
// otherwise valid workbook, so the fuzzer works on the parsers rather than
// on zip checksums.
func FuzzSheetXML(f *testing.F) {
	h := seedBook()
	var sst string
	for _, p := range h.parts() {
		if p.name == "xl/sharedStrings.xml" {
			sst = p.body
		}
	}
	f.Add([]byte(`<worksheet>`+seedSheet+`</worksheet>`), []byte(sst))
	f.Add([]byte(`<x:worksheet xmlns:x="`+mainNS+`"><x:sheetData><x:row><x:c><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`), []byte(`<sst><si><t>&#x4E2D;_x000D_</t></si></sst>`))
	f.Add([]byte(`<worksheet><sheetData><row r="2"><c r="B2" s="1"><v><![CDATA[45356]]></v></c></row><!-- c --><?pi x?></sheetData></worksheet>`), []byte(`<sst/>`))
	f.Fuzz(func(t *testing.T, sheet, sst []byte) {
		parts := h.parts()
		for i := range parts {
			switch parts[i].name {
			case "xl/worksheets/sheet1.xml":
				parts[i].body = string(sheet)
			case "xl/sharedStrings.xml":
				parts[i].body = string(sst)
			}
		}
		readEverything(t, storedZip(t, parts...))
	})
}
