package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/ooxml"
	"github.com/xuri/excelize/v2"
)

func openErr(b []byte, lim Limits) error {
	wb, err := Open(bytes.NewReader(b), int64(len(b)), lim)
	if err == nil {
		wb.Close()
	}
	return err
}

func TestTruncatedWorkbook(t *testing.T) {
	b := buildMessy(t)
	err := openErr(b[:len(b)/2], DefaultLimits())
	requireErr(t, err, ErrNotXLSX, "truncated or damaged")
}

func TestRenamedPNG(t *testing.T) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		t.Fatal(err)
	}
	requireErr(t, openErr(buf.Bytes(), DefaultLimits()), ErrNotXLSX, "PNG")
}

func TestNotAZip(t *testing.T) {
	for _, c := range []struct {
		name, data, says string
	}{
		{"empty", "", "empty"},
		{"csv", "名称,数量\n甲,1\n", "text file"},
		{"html", "<html><body><table></table></body></html>", "HTML"},
		{"pdf", "%PDF-1.7\n\x00\x01", "PDF"},
		{"xml2003", `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>`, "Excel 2003 XML"},
		{"binary", "\x00\x01\x02\x03\x04\x05\x06\x07\x08", "not a zip"},
	} {
		t.Run(c.name, func(t *testing.T) {
			requireErr(t, openErr([]byte(c.data), DefaultLimits()), ErrNotXLSX, c.says)
		})
	}
}

func TestZipWithoutWorkbook(t *testing.T) {
	for _, c := range []struct {
		name  string
		parts []zipPart
		says  string
	}{
		{"plain", []zipPart{{"hello.txt", "hi"}}, "without xl/workbook.xml"},
		{"ods", []zipPart{{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", "<x/>"}}, ".ods"},
		{"docx", []zipPart{{"word/document.xml", "<x/>"}}, "Word"},
		{"xlsb", []zipPart{{"xl/workbook.bin", "x"}}, ".xlsb"},
		{"empty zip", nil, "without xl/workbook.xml"},
	} {
		t.Run(c.name, func(t *testing.T) {
			requireErr(t, openErr(buildZip(t, c.parts...), DefaultLimits()), ErrNotXLSX, c.says)
		})
	}
}

// buildCFB writes a minimal OLE2 compound file whose directory names the
// given streams (with no content), enough for sniffOLE.
func buildCFB(names ...string) []byte {
	const sec = 512
	out := make([]byte, 3*sec) // header, FAT sector 0, directory sector 1
	h := out[:sec]
	copy(h, ooxml.OLESignature)
	binary.LittleEndian.PutUint16(h[0x18:], 0x3E)
	binary.LittleEndian.PutUint16(h[0x1A:], 3)
	binary.LittleEndian.PutUint16(h[0x1C:], 0xFFFE)
	binary.LittleEndian.PutUint16(h[0x1E:], 9)
	binary.LittleEndian.PutUint16(h[0x20:], 6)
	binary.LittleEndian.PutUint32(h[0x2C:], 1)          // one FAT sector
	binary.LittleEndian.PutUint32(h[0x30:], 1)          // directory starts at sector 1
	binary.LittleEndian.PutUint32(h[0x3C:], 0xFFFFFFFE) // no mini FAT
	binary.LittleEndian.PutUint32(h[0x44:], 0xFFFFFFFE) // no DIFAT sectors
	for i := range 109 {
		binary.LittleEndian.PutUint32(h[0x4C+4*i:], 0xFFFFFFFF)
	}
	binary.LittleEndian.PutUint32(h[0x4C:], 0) // FAT in sector 0
	fat := out[sec : 2*sec]
	for i := range sec / 4 {
		binary.LittleEndian.PutUint32(fat[4*i:], 0xFFFFFFFF)
	}
	binary.LittleEndian.PutUint32(fat[0:], 0xFFFFFFFD) // FAT sector
	binary.LittleEndian.PutUint32(fat[4:], 0xFFFFFFFE) // end of the directory chain
	dir := out[2*sec:]
	for i, name := range append([]string{"Root Entry"}, names...) {
		if i >= 4 {
			break
		}
		e := dir[i*128 : (i+1)*128]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			binary.LittleEndian.PutUint16(e[2*j:], c)
		}
		binary.LittleEndian.PutUint16(e[0x40:], uint16(2*len(u)+2))
		e[0x42] = 2
		if i == 0 {
			e[0x42] = 5
		}
	}
	return out
}

func TestOLE2Files(t *testing.T) {
	requireErr(t, openErr(buildCFB("Workbook", "\x05SummaryInformation"), DefaultLimits()), ErrNotXLSX, "legacy Excel 97–2003 workbook (.xls", "save it as .xlsx and import again")
	requireErr(t, openErr(buildCFB("EncryptionInfo", "EncryptedPackage"), DefaultLimits()), ErrNotXLSX, "encrypted")
	// The interfaces tell a password-protected workbook by ErrEncrypted.
	requireErr(t, openErr(buildCFB("EncryptionInfo", "EncryptedPackage"), DefaultLimits()), ErrEncrypted, "encrypted")
	if err := openErr(buildCFB("Workbook"), DefaultLimits()); errors.Is(err, ErrEncrypted) {
		t.Errorf("a legacy .xls reads as encrypted: %v", err)
	}
	requireErr(t, openErr(buildCFB("Other"), DefaultLimits()), ErrNotXLSX, "OLE2")
	requireErr(t, openErr(ooxml.OLESignature, DefaultLimits()), ErrNotXLSX, "OLE2")
}

// A workbook saved with a password by excelize is an OLE2 file holding the
// encrypted package.
func TestEncryptedWorkbook(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetCellValue("Sheet1", "A1", "secret")
	var buf bytes.Buffer
	if err := f.Write(&buf, excelize.Options{Password: "password"}); err != nil {
		t.Fatal(err)
	}
	requireErr(t, openErr(buf.Bytes(), DefaultLimits()), ErrNotXLSX, "encrypted")
}

// zeroDeflate returns a raw deflate stream that inflates to n MiB of
// zeros, built without compressing them all: one flushed block of 1 MiB of
// zeros only refers back to zeros, so it can be repeated.
func zeroDeflate(t testing.TB, mib int) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestSpeed)
	if err != nil {
		t.Fatal(err)
	}
	zero := make([]byte, 1<<20)
	w.Write(zero[:1])
	w.Flush()
	prefix := bytes.Clone(buf.Bytes())
	buf.Reset()
	w.Write(zero[:1<<20-1])
	w.Flush()
	first := bytes.Clone(buf.Bytes()) // completes the first MiB
	buf.Reset()
	w.Write(zero)
	w.Flush()
	block := bytes.Clone(buf.Bytes()) // one more MiB
	buf.Reset()
	w.Close()
	out := append(prefix, first...)
	for range mib - 1 {
		out = append(out, block...)
	}
	return append(out, buf.Bytes()...)
}

func zerosCRC(mib int) uint32 {
	zero := make([]byte, 1<<20)
	var c uint32
	for range mib {
		c = crc32.Update(c, crc32.IEEETable, zero)
	}
	return c
}

// withRawPart returns the parts of a small valid workbook as a zip in which
// the part named name is replaced by a raw deflate stream with the given
// header sizes.
func withRawPart(t testing.TB, name string, raw []byte, declared uint64, crc uint32) []byte {
	t.Helper()
	h := handBook{
		sst:    []string{"<t>x</t>"},
		sheets: []handSheet{{name: "s", xml: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`}},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range h.parts() {
		if p.name == name {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
				CompressedSize64: uint64(len(raw)), UncompressedSize64: declared})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(raw)
			continue
		}
		w, _ := zw.Create(p.name)
		io.WriteString(w, p.body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestZipBomb(t *testing.T) {
	const mib = 300
	raw := zeroDeflate(t, mib)
	crc := zerosCRC(mib)
	if len(raw) > 2<<20 {
		t.Fatalf("bomb stream is %d bytes", len(raw))
	}
	b := withRawPart(t, "xl/worksheets/sheet1.xml", raw, mib<<20, crc)
	t.Logf("a %d MiB entry in a %d byte file", mib, len(b))

	// The stream really is 300 MiB of zeros: check its start.
	zr, _ := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			rc, _ := f.Open()
			head := make([]byte, 4<<20)
			if _, err := io.ReadFull(rc, head); err != nil || bytes.Count(head, []byte{0}) != len(head) {
				t.Fatalf("bomb does not inflate to zeros: %v", err)
			}
			rc.Close()
		}
	}

	start := time.Now()
	requireErr(t, openErr(b, DefaultLimits()), ErrZipBomb, "ratio", "sheet1.xml")
	lim := DefaultLimits()
	lim.MaxRatio = 1e9
	lim.MaxUnpackedBytes = 100 << 20
	requireErr(t, openErr(b, lim), ErrZipBomb, "more than the limit")
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("refusing the bomb took %v: it was inflated", d)
	}
}

// An entry whose central directory claims a small size but which inflates
// to 300 MiB must fail with ErrZipBomb as soon as it passes its declared
// size, whichever part it is.
func TestLyingEntrySize(t *testing.T) {
	raw := zeroDeflate(t, 300)
	start := time.Now()
	t.Run("sheet", func(t *testing.T) {
		b := withRawPart(t, "xl/worksheets/sheet1.xml", raw, 1000, 0)
		wb := openBytes(t, b)
		_, err := tryReadSheet(wb, "s")
		requireErr(t, err, ErrZipBomb, `sheet "s"`, "declared 1000 bytes")
	})
	t.Run("large sheet", func(t *testing.T) {
		// Above inMemorySheet the sheet is streamed, not read at once.
		b := withRawPart(t, "xl/worksheets/sheet1.xml", raw, inMemorySheet+1, 0)
		wb := openBytes(t, b)
		_, err := tryReadSheet(wb, "s")
		requireErr(t, err, ErrZipBomb, `sheet "s"`)
	})
	t.Run("shared strings", func(t *testing.T) {
		b := withRawPart(t, "xl/sharedStrings.xml", raw, 10, 0)
		wb := openBytes(t, b)
		_, err := wb.Table("s")
		requireErr(t, err, ErrZipBomb, "sharedStrings.xml")
	})
	t.Run("workbook", func(t *testing.T) {
		b := withRawPart(t, "xl/workbook.xml", raw, 100, 0)
		requireErr(t, openErr(b, DefaultLimits()), ErrZipBomb, "workbook.xml")
	})
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("lying entries took %v: they were inflated", d)
	}
}

func TestTooManyEntries(t *testing.T) {
	parts := handBook{sheets: []handSheet{{name: "s", xml: "<sheetData/>"}}}.parts()
	for i := range 10_001 {
		parts = append(parts, zipPart{name: "junk/" + itoa(i)})
	}
	b := storedZip(t, parts...)
	requireErr(t, openErr(b, DefaultLimits()), ErrZipBomb, "entries")
	lim := DefaultLimits()
	lim.MaxEntries = 20_000
	if err := openErr(b, lim); err != nil {
		t.Errorf("with a higher limit: %v", err)
	}
}

func TestTooManyCells(t *testing.T) {
	b := handBook{sheets: []handSheet{{name: "wide", xml: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="Z2"><v>2</v></c></row></sheetData>`}}}.build(t)
	lim := DefaultLimits()
	lim.MaxCells = 10
	wb, err := Open(bytes.NewReader(b), int64(len(b)), lim)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := tryReadSheet(wb, "wide")
	requireErr(t, err, nil, `sheet "wide" row 2`, "Z2", "limit of 10 cells")
	if len(rows) != 1 {
		t.Errorf("rows before the error: %v", rows)
	}
	// Cells without references count up too.
	b = handBook{sheets: []handSheet{{name: "wide", xml: `<sheetData><row>` + strings.Repeat(`<c><v>1</v></c>`, 11) + `</row></sheetData>`}}}.build(t)
	wb, _ = Open(bytes.NewReader(b), int64(len(b)), lim)
	_, err = tryReadSheet(wb, "wide")
	requireErr(t, err, nil, `sheet "wide" row 1`, "limit of 10")
}

func TestMalformedSheetXML(t *testing.T) {
	for _, c := range []struct {
		name, xml string
		says      []string
	}{
		{"unclosed cell", `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></row></sheetData>`, []string{"row 2", "unexpected </row>"}},
		{"bad entity", `<sheetData><row r="1"><c r="A1" t="str"><v>a</v></c></row><row r="5"><c r="A5" t="str"><v>&bogus;</v></c></row></sheetData>`, []string{"row 5", "unknown entity"}},
		{"bad sst index", `<sheetData><row r="3"><c r="B3" t="s"><v>7</v></c></row></sheetData>`, []string{"row 3", "cell B3", "shared string index"}},
		{"bad ref", `<sheetData><row r="3"><c r="3B"><v>7</v></c></row></sheetData>`, []string{"row 3", "invalid cell reference"}},
		{"bad row", `<sheetData><row r="1"><c><v>1</v></c></row><row r="x"/></sheetData>`, []string{"after row 1", "invalid row number"}},
		{"out of order", `<sheetData><row r="5"><c><v>1</v></c></row><row r="4"/></sheetData>`, []string{"row 4 follows row 5"}},
		{"too many rows", `<sheetData><row r="1048577"/></sheetData>`, []string{"invalid row number"}},
		{"truncated", `<sheetData><row r="1"><c><v>1</v></c></row><row r="2"><c><v>1`, []string{"row 2"}},
		{"doctype", `<!DOCTYPE x [<!ENTITY a "b">]><sheetData/>`, []string{"DOCTYPE"}},
		{"bad attr", `<sheetData><row r="1"><c r=A1><v>1</v></c></row></sheetData>`, []string{"row 1", "malformed attribute"}},
		{"no end of sheetData", `<sheetData><row r="1"><c><v>1</v></c></row>`, []string{"ends inside <sheetData>"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			parts := handBook{sst: []string{"<t>a</t>"}, sheets: []handSheet{{name: "坏", xml: "<sheetData/>"}}}.parts()
			for i := range parts {
				if parts[i].name == "xl/worksheets/sheet1.xml" {
					parts[i].body = `<?xml version="1.0"?>` + `<worksheet xmlns="` + mainNS + `">` + c.xml
					if !strings.Contains(c.name, "truncated") && !strings.Contains(c.name, "sheetData") {
						parts[i].body += `</worksheet>`
					}
				}
			}
			wb := openBytes(t, buildZip(t, parts...))
			_, err := tryReadSheet(wb, "坏")
			requireErr(t, err, nil, append([]string{`sheet "坏"`}, c.says...)...)
		})
	}
}

// A panic below the API (a bug here, or in code this package calls) comes
// back as an error naming the sheet, and the table stays failed.
func TestPanicBecomesError(t *testing.T) {
	wb := openBytes(t, handBook{sheets: []handSheet{{name: "p", xml: `<sheetData><row r="1"><c><v>1</v></c></row><row r="2"><c><v>2</v></c></row></sheetData>`}}}.build(t))
	tb, err := wb.Table("p")
	if err != nil {
		t.Fatal(err)
	}
	st := tb.(*sheetTable)
	st.testHook = func(row int) {
		if row == 2 {
			panic("boom")
		}
	}
	if _, err := tb.Next(); err != nil {
		t.Fatal(err)
	}
	_, err = tb.Next()
	requireErr(t, err, nil, `sheet "p"`, "row 2", "internal error", "boom")
	_, err2 := tb.Next()
	if !errors.Is(err2, err) && err2.Error() != err.Error() {
		t.Errorf("after the panic: %v", err2)
	}
}

func TestBadWorkbookPart(t *testing.T) {
	parts := handBook{sheets: []handSheet{{name: "s", xml: "<sheetData/>"}}}.parts()
	for i := range parts {
		if parts[i].name == "xl/workbook.xml" {
			parts[i].body = `<workbook><sheets><sheet name="s" r:id="rId1"</sheets></workbook>`
		}
	}
	requireErr(t, openErr(buildZip(t, parts...), DefaultLimits()), nil, "workbook.xml", "malformed")
}

func TestMissingSheetPart(t *testing.T) {
	parts := handBook{sheets: []handSheet{{name: "s", xml: "<sheetData/>"}}}.parts()
	var kept []zipPart
	for _, p := range parts {
		if p.name != "xl/worksheets/sheet1.xml" {
			kept = append(kept, p)
		}
	}
	wb := openBytes(t, buildZip(t, kept...))
	_, err := wb.Table("s")
	requireErr(t, err, nil, `sheet "s"`, "missing")
}

// The entry count is read from the end of central directory record, in its
// zip64 form too, before archive/zip parses (and allocates for) the
// directory.
func TestDeclaredEntryCount(t *testing.T) {
	rec := make([]byte, 56)
	copy(rec, "PK\x06\x06")
	binary.LittleEndian.PutUint64(rec[32:], 5_000_000)
	loc := make([]byte, 20)
	copy(loc, "PK\x06\x07")
	binary.LittleEndian.PutUint64(loc[8:], 0)
	eocd := make([]byte, 22)
	copy(eocd, "PK\x05\x06")
	binary.LittleEndian.PutUint16(eocd[10:], 0xFFFF)
	b := append(append(rec, loc...), eocd...)
	// ooxml.TestDeclaredEntries checks the count read from b itself.
	requireErr(t, openErr(b, DefaultLimits()), ErrZipBomb, "5000000 zip entries")
}

func TestEmptySharedStringIndexIsBlank(t *testing.T) {
	b := handBook{sst: []string{"<t>甲</t>", "<t>乙</t>"}, sheets: []handSheet{{name: "表", xml: `<sheetData>` +
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v/></c><c r="C1" t="s"><v>1</v></c></row>` +
		`<row r="2"><c t="s"><v> </v></c><c t="s"><v></v></c><c t="s"><v>1</v></c></row>` +
		`<row r="3"><c r="A3" t="s"><v>9</v></c></row></sheetData>`}}}.build(t)
	wb := openBytes(t, b)
	var warned []string
	wb.OnWarning(func(w workbench.Warning) {
		if w.Reason != workbench.ReasonBlankStringCell {
			t.Errorf("%+v: want the reason %s", w, workbench.ReasonBlankStringCell)
		}
		warned = append(warned, w.Location+": "+w.Message)
	})
	rows, err := tryReadSheet(wb, "表")
	wantCells(t, "row 1", rows[0].cells, "甲", "", "乙")
	wantCells(t, "row 2", rows[1].cells, "", "", "乙")
	if len(warned) != 3 || !strings.HasPrefix(warned[0], `sheet "表", cell B1: `) || !strings.HasPrefix(warned[1], `sheet "表", cell A2: `) ||
		!strings.HasPrefix(warned[2], `sheet "表", cell B2: `) || !strings.Contains(warned[0], "shared-string index is empty") {
		t.Errorf("warnings: %q", warned)
	}
	// An index that is there but points nowhere is still refused.
	requireErr(t, err, nil, "cell A3", "invalid shared string index")
}

func TestExcel2007BetaAndXLSB(t *testing.T) {
	h := handBook{sst: []string{"<t>a</t>"}, sheets: []handSheet{{name: "s", xml: "<sheetData/>"}}}
	beta := h.parts()
	for i := range beta {
		if beta[i].name == "xl/workbook.xml" {
			beta[i].body = strings.Replace(beta[i].body, mainNS, "http://schemas.microsoft.com/office/excel/2006/main", 1)
		}
	}
	requireErr(t, openErr(buildZip(t, beta...), DefaultLimits()), ErrNotXLSX, "beta of Excel 2007", "save it as .xlsx", "import again")

	// A current workbook may declare the 2006 Excel namespace for its
	// extensions beside the standard one: not a beta.
	current := h.parts()
	for i := range current {
		if current[i].name == "xl/workbook.xml" {
			current[i].body = strings.Replace(current[i].body, "<workbook ", `<workbook xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" `, 1)
		}
	}
	if err := openErr(buildZip(t, current...), DefaultLimits()); err != nil {
		t.Errorf("current workbook with the xm namespace: %v", err)
	}

	xlsb := buildZip(t,
		zipPart{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + relNS + `/officeDocument" Target="xl/workbook.bin"/></Relationships>`},
		zipPart{"xl/workbook.bin", "\x83\x01\x00"})
	requireErr(t, openErr(xlsb, DefaultLimits()), ErrNotXLSX, "Excel binary workbook (.xlsb)", "save it as .xlsx and import again")
}

func TestRowsAfterBlank(t *testing.T) {
	b := handBook{sheets: []handSheet{{name: "s", xml: `<sheetData>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c></row>` +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>b</t></is></c></row>` +
		`<row r="4"><c r="A4" t="inlineStr"><is><t></t></is></c></row>` +
		`<row r="6"><c r="A6" t="inlineStr"><is><t>c</t></is></c></row>` +
		`<row r="7"><c r="A7" t="inlineStr"><is><t>d</t></is></c></row></sheetData>`}}}.build(t)
	tb, err := openBytes(t, b).Table("s")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		r, err := tb.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d:%v", r.Number, r.AfterBlank))
	}
	if want := []string{"2:false", "3:false", "6:true", "7:false"}; !slices.Equal(got, want) {
		t.Errorf("rows %v, want %v", got, want)
	}
}
