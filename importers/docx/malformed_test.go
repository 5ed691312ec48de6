package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench/importers/ooxml"
)

// oleFile builds a minimal OLE2 compound file whose directory (sector 0)
// holds the given stream names.
func oleFile(names ...string) []byte {
	const sec = 512
	buf := make([]byte, sec*3)
	copy(buf, ooxml.OLESignature)
	buf[0x1E] = 9 // sector shift
	le32 := func(off int, v uint32) {
		buf[off], buf[off+1], buf[off+2], buf[off+3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
	}
	le32(0x30, 0) // first directory sector
	for i := range 109 {
		le32(0x4C+4*i, 0xFFFFFFFF)
	}
	le32(0x4C, 1) // FAT in sector 1
	dir := buf[sec : 2*sec]
	for i, n := range append([]string{"Root Entry"}, names...) {
		e := dir[i*128:]
		u := []rune(n)
		for j, c := range u {
			e[2*j], e[2*j+1] = byte(c), byte(c>>8)
		}
		l := 2 * (len(u) + 1)
		e[0x40], e[0x41] = byte(l), byte(l>>8)
	}
	fat := buf[2*sec:]
	for i := 0; i < sec; i += 4 {
		fat[i], fat[i+1], fat[i+2], fat[i+3] = 0xFE, 0xFF, 0xFF, 0xFF // end of chain
	}
	return buf
}

// rawZip writes entries with declared sizes chosen by the caller.
func rawZip(t *testing.T, entries ...rawEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Store,
			CompressedSize64: uint64(len(e.data)), UncompressedSize64: e.declared, CRC32: 0})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type rawEntry struct {
	name     string
	data     []byte
	declared uint64
}

func TestReadErrors(t *testing.T) {
	valid := buildDOCX(t, map[string]string{"word/document.xml": docXML(p("正文") + p("第二段"))})
	fixture, err := os.ReadFile(filepath.Join("testdata", "rules-lo.docx"))
	if err != nil {
		t.Fatal(err)
	}
	many := strings.Repeat(`<w:p/>`, 11)
	bomb := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("word/document.xml")
		w.Write([]byte(docXML("")))
		w, _ = zw.Create("word/media/padding.bin")
		w.Write(make([]byte, 8<<20))
		zw.Close()
		return buf.Bytes()
	}()
	manyEntries := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i := range 30 {
			zw.Create(fmt.Sprintf("f%d", i))
		}
		zw.Close()
		return buf.Bytes()
	}()
	docBody := []byte(docXML(p("正文")))
	tests := []struct {
		name    string
		data    []byte
		lim     Limits
		is      error
		message string
	}{
		{"empty file", nil, Limits{}, ErrNotDOCX, "empty"},
		{"PNG renamed", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Limits{}, ErrNotDOCX, "PNG image"},
		{"PDF renamed", []byte("%PDF-1.7\n%âãÏÓ\n"), Limits{}, ErrNotDOCX, "PDF document"},
		{"plain text", []byte("标注规则\n第一条"), Limits{}, ErrNotDOCX, "text file"},
		{"legacy .doc", oleFile("WordDocument", "1Table"), Limits{}, ErrNotDOCX, "legacy Word .doc"},
		{"encrypted OOXML", oleFile("EncryptionInfo", "EncryptedPackage"), Limits{}, ErrEncrypted, "password-protected"},
		{"XLSX renamed", buildDOCX(t, map[string]string{"xl/workbook.xml": "<workbook/>"}), Limits{}, ErrNotDOCX, "Excel workbook"},
		{"zip without document", buildDOCX(t, map[string]string{"hello.txt": "hi"}), Limits{}, ErrNotDOCX, "without word/document.xml"},
		{"truncated zip", fixture[:len(fixture)/2], Limits{}, ErrNotDOCX, "truncated or damaged zip"},
		{"zip bomb by ratio", bomb, Limits{}, ErrZipBomb, "ratio above the limit"},
		{"too many entries", manyEntries, Limits{MaxEntries: 20}, ErrZipBomb, "30 zip entries"},
		{"unpacked size", valid, Limits{MaxUnpackedBytes: 100}, ErrZipBomb, "more than the limit of 100 bytes"},
		{"part larger than declared", rawZip(t, rawEntry{"word/document.xml", docBody, 50}), Limits{}, ErrZipBomb, "inflates beyond its declared 50 bytes"},
		{"too many paragraphs", buildDOCX(t, map[string]string{"word/document.xml": docXML(many)}), Limits{MaxParagraphs: 10}, ErrTooManyParagraphs, "more than the limit of 10 paragraphs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Read(bytes.NewReader(tt.data), int64(len(tt.data)), tt.lim)
			if !errors.Is(err, tt.is) {
				t.Fatalf("got %v, want %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.message) {
				t.Errorf("error %q does not say %q", err, tt.message)
			}
		})
	}
}

func TestReadDamagedXML(t *testing.T) {
	tests := []struct {
		name    string
		parts   map[string]string
		message string
	}{
		{"mismatched tags", map[string]string{"word/document.xml": "<?xml version=\"1.0\"?>\n<w:document " + nsDecl + ">\n<w:body>\n<w:p><w:r><w:t>x</w:r></w:p></w:body></w:document>"},
			"part word/document.xml is damaged: XML error at line 4"},
		{"cut off", map[string]string{"word/document.xml": docXML(p("正文"))[:200]},
			"part word/document.xml is damaged"},
		{"invalid UTF-8", map[string]string{"word/document.xml": docXML(p("\xff\xfe"))},
			"part word/document.xml is damaged"},
		{"nested too deep", map[string]string{"word/document.xml": docXML(strings.Repeat("<w:sdt>", 1000) + strings.Repeat("</w:sdt>", 1000))},
			"nested deeper than 512 levels"},
		{"tables nested too deep", map[string]string{"word/document.xml": docXML(strings.Repeat("<w:tbl><w:tr><w:tc>", 100) + strings.Repeat("</w:tc></w:tr></w:tbl>", 100))},
			"nested deeper than 64 levels"},
		{"unsupported encoding", map[string]string{"word/document.xml": `<?xml version="1.0" encoding="EBCDIC"?><w:document ` + nsDecl + `/>`},
			"unsupported XML encoding"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := readBytes(buildDOCX(t, tt.parts))
			if err == nil || !strings.Contains(err.Error(), tt.message) {
				t.Fatalf("got %v, want an error saying %q", err, tt.message)
			}
		})
	}
}

// Damaged styles, numbering or notes cost their features, not the text.
func TestReadDamagedAuxiliaryParts(t *testing.T) {
	data := buildDOCX(t, map[string]string{
		"word/document.xml":  docXML(ps("1", "标题") + pn(20, 0, "列表")),
		"word/styles.xml":    "<w:styles " + nsDecl + "><w:style>",
		"word/numbering.xml": "<not xml",
		"word/footnotes.xml": notesXML("footnote", "<w:footnote w:id='1'><w:p></w:footnote>"),
	})
	got, warns, err := readBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"¶1 | 标题", "¶2 | 列表"}; !equalStrings(summarize(t, got), want) {
		t.Errorf("got %q, want %q", summarize(t, got), want)
	}
	ws := strings.Join(summarizeWarnings(warns), "\n")
	for _, part := range []string{"word/styles.xml: styles ignored", "word/numbering.xml: list numbering ignored", "word/footnotes.xml: footnotes ignored"} {
		if !strings.Contains(ws, part) {
			t.Errorf("warnings %q lack %q", ws, part)
		}
	}
}

func equalStrings(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00") && len(a) == len(b)
}

// UTF-16 parts are allowed by OPC.
func TestReadUTF16Part(t *testing.T) {
	src := strings.Replace(docXML(p("十六位编码")), `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
	u := []byte{0xFF, 0xFE}
	for _, r := range src {
		if r > 0xFFFF {
			t.Fatal("test text must stay in the BMP")
		}
		u = append(u, byte(r), byte(r>>8))
	}
	got, _, err := readBytes(buildDOCX(t, map[string]string{"word/document.xml": string(u)}))
	if err != nil {
		t.Fatal(err)
	}
	if s := summarize(t, got); !equalStrings(s, []string{"¶1 | 十六位编码"}) {
		t.Errorf("got %q", s)
	}
}

func TestDefaultLimits(t *testing.T) {
	d := DefaultLimits()
	if d.MaxUnpackedBytes != 512<<20 || d.MaxEntries != 5000 || d.MaxRatio != 200 || d.MaxParagraphs != 200_000 {
		t.Errorf("DefaultLimits() = %+v", d)
	}
	if got := (Limits{MaxEntries: 7}).withDefaults(); got.MaxEntries != 7 || got.MaxParagraphs != 200_000 {
		t.Errorf("withDefaults kept %+v", got)
	}
}
