package docx

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzDOCX feeds arbitrary bytes to Read: it must neither panic (Read
// recovers, so a recovered panic is reported as a failure here) nor hang.
func FuzzDOCX(f *testing.F) {
	f.Add(buildDOCX(f, map[string]string{"word/document.xml": docXML(p("正文"))}))
	f.Add(buildDOCX(f, map[string]string{
		"word/styles.xml": testStyles, "word/numbering.xml": testNumbering,
		"word/footnotes.xml": notesXML("footnote", `<w:footnote w:id="1"><w:p><w:r><w:t>注</w:t></w:r></w:p></w:footnote>`),
		"word/document.xml": docXML(ps("NumH1", "标注规则") + ps("NumH2", "安全性标注") + pn(22, 0, "条目") +
			`<w:p><w:r><w:t>引用</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>` +
			`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>` + p("格") + `</w:tc></w:tr></w:tbl>`),
	}))
	f.Add(buildDOCX(f, map[string]string{
		"word/document.xml": docXML(`<w:p><w:commentRangeStart w:id="1"/><w:r><w:t>正文</w:t></w:r><w:r><w:commentReference w:id="1"/></w:r></w:p>` +
			`<w:tbl><w:tr><w:tc><w:p><w:r><w:commentReference w:id="2"/></w:r></w:p></w:tc></w:tr></w:tbl>`),
		"word/header1.xml":  partXML("hdr", p("页眉")+`<w:tbl><w:tr><w:tc>`+p("格")+`</w:tc></w:tr></w:tbl>`),
		"word/header2.xml":  partXML("hdr", p("页眉")),
		"word/footer1.xml":  partXML("ftr", p("页脚")),
		"word/comments.xml": commentsXML(cmt("1", "张三", "批注", "第二段") + cmt("2", "李四", "格中批注")),
	}))
	for _, name := range []string{"rules-lo.docx", "algo-lo.docx", "headers-lo.docx", "header-only-lo.docx"} {
		if data, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Add(oleFile("EncryptionInfo"))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		ps, _, err := Read(bytes.NewReader(data), int64(len(data)), Limits{MaxUnpackedBytes: 16 << 20})
		if err != nil && bytes.Contains([]byte(err.Error()), []byte("internal error")) {
			t.Fatalf("panic inside Read: %v", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("Read took %v on %d bytes", d, len(data))
		}
		for i, p := range ps {
			if p.Seq != i+1 {
				t.Fatalf("passage %d has Seq %d", i+1, p.Seq)
			}
		}
	})
}
