package importers

import (
	"fmt"

	"github.com/inspection-workbench/workbench/importers/document"
)

// readBinaryDocument reads DOCX and PDF documents.
func readBinaryDocument(path string, format Format, size int64) ([]document.Passage, []document.Warning, error) {
	return nil, nil, fmt.Errorf("%w: reading %s documents is not available yet", ErrUnsupported, format)
}
