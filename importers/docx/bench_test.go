package docx

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// benchDocument is about 500 pages: 20,000 paragraphs under numbered
// headings, with a table every 200 paragraphs.
func benchDocument(b *testing.B) ([]byte, int) {
	var body strings.Builder
	n := 0
	for i := 0; n < 20_000; i++ {
		if i%50 == 0 {
			body.WriteString(ps("NumH1", fmt.Sprintf("第%d章 标注规则", i/50+1)))
			n++
		}
		if i%10 == 0 {
			body.WriteString(ps("NumH2", "安全性标注要求"))
			n++
		}
		fmt.Fprintf(&body, `<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>第%d段：标注人员应当依据本规则对训练数据进行安全性标注，</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">识别违法不良信息并记录标注结果。 </w:t></w:r></w:p>`, i)
		n++
		if i%200 == 199 {
			body.WriteString(`<w:tbl><w:tblPr/>`)
			for r := range 5 {
				body.WriteString(`<w:tr>`)
				for c := range 3 {
					body.WriteString(`<w:tc>` + p(fmt.Sprintf("行%d列%d", r+1, c+1)) + `</w:tc>`)
					n++
				}
				body.WriteString(`</w:tr>`)
			}
			body.WriteString(`</w:tbl>`)
		}
	}
	return buildDOCX(b, map[string]string{"word/styles.xml": testStyles, "word/numbering.xml": testNumbering,
		"word/document.xml": docXML(body.String())}), n
}

func BenchmarkRead(b *testing.B) {
	data, paras := benchDocument(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		ps, _, err := Read(bytes.NewReader(data), int64(len(data)), Limits{})
		if err != nil {
			b.Fatal(err)
		}
		if len(ps) < 20_000 {
			b.Fatalf("%d passages", len(ps))
		}
	}
	b.ReportMetric(float64(paras)*float64(b.N)/b.Elapsed().Seconds(), "paragraphs/s")
}
