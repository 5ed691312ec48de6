package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench/importers/tabular"
)

// row is a row as the tests compare it.
type row struct {
	n     int
	cells []string
}

func (r row) String() string { return fmt.Sprintf("%d:%q", r.n, r.cells) }

// readSheet reads a whole sheet, copying the reused cell slices.
func readSheet(t testing.TB, wb *Workbook, sheet string) []row {
	t.Helper()
	rows, err := tryReadSheet(wb, sheet)
	if err != nil {
		t.Fatalf("reading sheet %q: %v", sheet, err)
	}
	return rows
}

func tryReadSheet(wb *Workbook, sheet string) ([]row, error) {
	tb, err := wb.Table(sheet)
	if err != nil {
		return nil, err
	}
	return drain(tb)
}

func drain(tb tabular.Table) ([]row, error) {
	var rows []row
	for {
		r, err := tb.Next()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return rows, err
		}
		rows = append(rows, row{r.Number, slices.Clone(r.Cells)})
	}
}

func openBytes(t testing.TB, b []byte) *Workbook {
	t.Helper()
	wb, err := Open(bytes.NewReader(b), int64(len(b)), DefaultLimits())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { wb.Close() })
	return wb
}

func openFile(t testing.TB, path string) *Workbook {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return openBytes(t, b)
}

// rowsByNumber indexes rows by their sheet row number.
func rowsByNumber(rows []row) map[int][]string {
	m := map[int][]string{}
	for _, r := range rows {
		m[r.n] = r.cells
	}
	return m
}

// wantCells compares one row's cells; "*" in want matches anything.
func wantCells(t testing.TB, label string, got []string, want ...string) {
	t.Helper()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(want); i++ {
		ok = want[i] == "*" || want[i] == got[i]
	}
	if !ok {
		t.Errorf("%s: got %q, want %q", label, got, want)
	}
}

// zipPart is one entry of a hand-made zip.
type zipPart struct {
	name string
	body string
}

// buildZip writes parts into a zip, deflated.
func buildZip(t testing.TB, parts ...zipPart) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, p.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// handSheet is a worksheet of a hand-made workbook.
type handSheet struct {
	name  string
	state string // "", "hidden", "veryHidden"
	xml   string // the content of <sheetData> and what follows it
	chart bool   // a chart sheet instead
}

// handBook describes a workbook written part by part, for what excelize
// cannot produce (cached formula values, errors, inline rich text, odd
// but valid XML).
type handBook struct {
	sheets   []handSheet
	sst      []string // <si> contents
	numFmts  map[int]string
	xfs      []int // numFmtId of each cellXfs entry
	date1904 bool
	prefix   string // namespace prefix for the worksheet elements, e.g. "x:"
}

const mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
const relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

func (h handBook) parts() []zipPart {
	var ct, wbSheets, wbRels strings.Builder
	ct.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`)
	var parts []zipPart
	for i, s := range h.sheets {
		n := i + 1
		state := ""
		if s.state != "" {
			state = fmt.Sprintf(` state="%s"`, s.state)
		}
		fmt.Fprintf(&wbSheets, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, xmlEscape(s.name), n, state, n)
		if s.chart {
			fmt.Fprintf(&wbRels, `<Relationship Id="rId%d" Type="%s/chartsheet" Target="chartsheets/sheet%d.xml"/>`, n, relNS, n)
			parts = append(parts, zipPart{fmt.Sprintf("xl/chartsheets/sheet%d.xml", n),
				`<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="` + mainNS + `"><sheetPr/></chartsheet>`})
			continue
		}
		fmt.Fprintf(&wbRels, `<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>`, n, relNS, n)
		p := h.prefix
		ns := `xmlns="` + mainNS + `"`
		if p != "" {
			ns = `xmlns:` + strings.TrimSuffix(p, ":") + `="` + mainNS + `"`
		}
		body := s.xml
		if p != "" {
			body = strings.NewReplacer("</", "</"+p, "<!", "<!", "<?", "<?", "<", "<"+p).Replace(body)
		}
		parts = append(parts, zipPart{fmt.Sprintf("xl/worksheets/sheet%d.xml", n),
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
				`<` + p + `worksheet ` + ns + ` xmlns:r="` + relNS + `"><` + p + `dimension ref="A1"/>` + body + `</` + p + `worksheet>`})
		fmt.Fprintf(&ct, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
	}
	n := len(h.sheets)
	fmt.Fprintf(&wbRels, `<Relationship Id="rId%d" Type="%s/styles" Target="styles.xml"/>`, n+1, relNS)
	if h.sst != nil {
		fmt.Fprintf(&wbRels, `<Relationship Id="rId%d" Type="%s/sharedStrings" Target="/xl/sharedStrings.xml"/>`, n+2, relNS)
		var sst strings.Builder
		fmt.Fprintf(&sst, `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s" count="%d" uniqueCount="%d">`, mainNS, len(h.sst), len(h.sst))
		for _, si := range h.sst {
			sst.WriteString("<si>" + si + "</si>")
		}
		sst.WriteString("</sst>")
		parts = append(parts, zipPart{"xl/sharedStrings.xml", sst.String()})
	}
	var styles strings.Builder
	styles.WriteString(`<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="` + mainNS + `">`)
	if len(h.numFmts) > 0 {
		ids := make([]int, 0, len(h.numFmts))
		for id := range h.numFmts {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		fmt.Fprintf(&styles, `<numFmts count="%d">`, len(ids))
		for _, id := range ids {
			fmt.Fprintf(&styles, `<numFmt numFmtId="%d" formatCode="%s"/>`, id, xmlEscape(h.numFmts[id]))
		}
		styles.WriteString(`</numFmts>`)
	}
	styles.WriteString(`<fonts count="1"><font><sz val="11"/></font></fonts><cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs>`)
	xfs := h.xfs
	if len(xfs) == 0 {
		xfs = []int{0}
	}
	fmt.Fprintf(&styles, `<cellXfs count="%d">`, len(xfs))
	for _, id := range xfs {
		fmt.Fprintf(&styles, `<xf numFmtId="%d" fontId="0" applyNumberFormat="1"><alignment wrapText="1"/></xf>`, id)
	}
	styles.WriteString(`</cellXfs><dxfs count="1"><dxf><numFmt numFmtId="14" formatCode="0.00%"/></dxf></dxfs></styleSheet>`)
	parts = append(parts, zipPart{"xl/styles.xml", styles.String()})
	pr := ""
	if h.date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	ct.WriteString(`</Types>`)
	return append([]zipPart{
		{"[Content_Types].xml", ct.String()},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + relNS + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="` + mainNS + `" xmlns:r="` + relNS + `">` + pr + `<sheets>` + wbSheets.String() + `</sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + wbRels.String() + `</Relationships>`},
	}, parts...)
}

func (h handBook) build(t testing.TB) []byte {
	t.Helper()
	return buildZip(t, h.parts()...)
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// requireErr checks err wraps target and mentions every fragment.
func requireErr(t testing.TB, err, target error, fragments ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want %v", target)
	}
	if target != nil && !errors.Is(err, target) {
		t.Fatalf("got error %q, want one wrapping %q", err, target)
	}
	for _, f := range fragments {
		if !strings.Contains(err.Error(), f) {
			t.Errorf("error %q does not mention %q", err, f)
		}
	}
}
