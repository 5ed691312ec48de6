package importers

import (
	"fmt"
	"os"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/document"
	"github.com/inspection-workbench/workbench/importers/docx"
	"github.com/inspection-workbench/workbench/importers/pdf"
)

// readBinaryDocument reads DOCX and PDF documents.
func readBinaryDocument(path string, format Format, size int64) ([]document.Passage, []workbench.Warning, error) {
	switch format {
	case DOCX:
		f, err := os.Open(path)
		if err != nil {
			return nil, nil, err
		}
		defer f.Close()
		return docx.Read(f, size, docx.DefaultLimits())
	case PDF:
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, nil, err
		}
		engine, err := pdf.Shared() // started once per process: compiling PDFium costs seconds
		if err != nil {
			return nil, nil, fmt.Errorf("start the PDF engine: %w", err)
		}
		return engine.Read(data, pdf.DefaultLimits())
	}
	return nil, nil, fmt.Errorf("%w: reading %s documents is not available yet", ErrUnsupported, format)
}
