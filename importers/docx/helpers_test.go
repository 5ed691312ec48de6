package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/document"
)

const nsDecl = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ` +
	`xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"`

// docXML wraps body content in a w:document.
func docXML(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document ` + nsDecl + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`
}

// stylesXML wraps w:style elements.
func stylesXML(styles string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + nsDecl + `>` + styles + `</w:styles>`
}

// numberingXML wraps abstractNum and num elements.
func numberingXML(defs string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + nsDecl + `>` + defs + `</w:numbering>`
}

// notesXML wraps footnotes (elem "footnote") or endnotes, with the usual
// separators.
func notesXML(elem, notes string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:` + elem + `s ` + nsDecl + `>` +
		`<w:` + elem + ` w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:` + elem + `>` +
		`<w:` + elem + ` w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:` + elem + `>` +
		notes + `</w:` + elem + `s>`
}

// partXML wraps block content in a header (root "hdr") or footer ("ftr").
func partXML(root, body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:` + root + ` ` + nsDecl + `>` + body + `</w:` + root + `>`
}

// commentsXML wraps w:comment elements.
func commentsXML(comments string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:comments ` + nsDecl + `>` + comments + `</w:comments>`
}

// cmt is a comment with one paragraph per text.
func cmt(id, author string, texts ...string) string {
	var b strings.Builder
	for _, t := range texts {
		b.WriteString(`<w:p><w:r><w:annotationRef/></w:r>` + `<w:r><w:t>` + t + `</w:t></w:r></w:p>`)
	}
	return `<w:comment w:id="` + id + `" w:author="` + author + `" w:date="2024-05-01T10:00:00Z">` + b.String() + `</w:comment>`
}

// p is a paragraph of one run of text.
func p(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

// ps is a paragraph with a style.
func ps(style, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

// pn is a paragraph with direct numbering.
func pn(numID, ilvl int, text string) string {
	return fmt.Sprintf(`<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>`, ilvl, numID, text)
}

// buildDOCX zips parts into a .docx, adding the content types and the
// relationships for the parts present.
func buildDOCX(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, content string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok := parts["[Content_Types].xml"]; !ok {
		add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`+
			`<Default Extension="xml" ContentType="application/xml"/>`+
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)
	}
	if _, ok := parts["_rels/.rels"]; !ok {
		if _, doc := parts["word/document.xml"]; doc {
			add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
				`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`)
		}
	}
	if _, ok := parts["word/_rels/document.xml.rels"]; !ok {
		if _, doc := parts["word/document.xml"]; doc {
			var rels strings.Builder
			for i, name := range []string{"styles", "numbering", "footnotes", "endnotes"} {
				if _, ok := parts["word/"+name+".xml"]; ok {
					fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s.xml"/>`, i+1, name, name)
				}
			}
			add("word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+`</Relationships>`)
		}
	}
	for _, name := range []string{"word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "word/endnotes.xml"} {
		if c, ok := parts[name]; ok {
			add(name, c)
		}
	}
	for name, c := range parts {
		switch name {
		case "word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "word/endnotes.xml":
			continue
		}
		add(name, c)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// readBytes runs Read on data with default limits.
func readBytes(data []byte) ([]document.Passage, []workbench.Warning, error) {
	return Read(bytes.NewReader(data), int64(len(data)), Limits{})
}

// summarize renders passages compactly for comparison:
// "¶3 H T1 R2 C3 fn 2 comment 1 by 张三 [a / b] | text".
func summarize(t testing.TB, got []document.Passage) []string {
	t.Helper()
	out := make([]string, 0, len(got))
	for i, p := range got {
		if p.Seq != i+1 {
			t.Errorf("passage %d has Seq %d", i+1, p.Seq)
		}
		var loc []string
		if p.Paragraph > 0 {
			loc = append(loc, fmt.Sprintf("¶%d", p.Paragraph))
		}
		if p.Heading {
			loc = append(loc, "H")
		}
		if p.Table > 0 {
			loc = append(loc, fmt.Sprintf("T%d R%d C%d", p.Table, p.Row, p.Cell))
		}
		if p.Footnote != "" {
			loc = append(loc, "fn "+p.Footnote)
		}
		if pl := p.PartLocation(); pl != "" {
			loc = append(loc, pl)
		}
		if len(p.HeadingPath) > 0 {
			loc = append(loc, "["+strings.Join(p.HeadingPath, " / ")+"]")
		}
		out = append(out, strings.Join(loc, " ")+" | "+p.Text)
	}
	return out
}

// summarizeWarnings renders warnings as "location: message", marking one
// without a reason the interfaces can word so that it matches nothing.
func summarizeWarnings(ws []workbench.Warning) []string {
	var out []string
	for _, w := range ws {
		if err := workbench.CheckWarning(w); err != nil {
			// A warning the interfaces cannot word matches no expectation.
			out = append(out, w.Location+": ["+err.Error()+"] "+w.Message)
			continue
		}
		out = append(out, w.Location+": "+w.Message)
	}
	return out
}
