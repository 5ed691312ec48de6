package importers

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/document"
)

// A DOCX whose only text is in its header and footer is imported, with
// the passages located in those parts; one with no text anywhere is still
// refused as empty.
func TestReadDocumentDOCXHeaderOnly(t *testing.T) {
	ctx := context.Background()
	res, err := ReadDocument(ctx, filepath.Join("docx", "testdata", "header-only-lo.docx"), DOCX, Options{Kind: workbench.Algorithm})
	if err != nil {
		t.Fatalf("ReadDocument: %v", err)
	}
	want := []document.Passage{
		{Seq: 1, Part: document.PartHeader, Text: "备案号：Beijing-XingheChat-20240315"},
		{Seq: 2, Part: document.PartFooter, Text: "星河智算科技有限公司"},
	}
	if len(res.Passages) != len(want) {
		t.Fatalf("passages = %+v, want %+v", res.Passages, want)
	}
	for i, p := range res.Passages {
		if p.Seq != want[i].Seq || p.Part != want[i].Part || p.Text != want[i].Text || p.Paragraph != 0 {
			t.Errorf("passage %d = %+v, want %+v", i+1, p, want[i])
		}
	}

	empty := filepath.Join(t.TempDir(), "empty.docx")
	writeZip(t, empty, map[string]string{
		"word/document.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>`,
		"word/footer1.xml":  `<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>1</w:t></w:r></w:p></w:ftr>`,
	})
	if _, err := ReadDocument(ctx, empty, DOCX, Options{Kind: workbench.Algorithm}); err == nil || !strings.Contains(err.Error(), "holds no text") {
		t.Errorf("a DOCX whose only text is a page number: err = %v, want one saying it holds no text", err)
	}
}

// An XFA form showing only its "Please wait..." placeholder imports with
// the warning saying how to get a readable copy, not as an empty file.
func TestReadDocumentXFAPlaceholder(t *testing.T) {
	res, err := ReadDocument(context.Background(), filepath.Join("pdf", "testdata", "xfa-placeholder.pdf"), PDF, Options{Kind: workbench.Algorithm})
	if err != nil {
		t.Fatalf("ReadDocument: %v", err)
	}
	if len(res.Passages) != 0 || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Message, "XFA form") ||
		!strings.Contains(res.Warnings[0].Message, "export or print it to a normal PDF") {
		t.Errorf("result = %+v, want no passage and the XFA warning", res)
	}
}

// writeZip writes a zip holding the given files.
func writeZip(t *testing.T, path string, files map[string]string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for name, content := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
