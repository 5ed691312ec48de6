package importers

import (
	"github.com/inspection-workbench/workbench"

	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/inspection-workbench/workbench/importers/document"
	"github.com/inspection-workbench/workbench/importers/tabular"
	"github.com/inspection-workbench/workbench/importers/textdoc"
)

// Document formats.
const (
	Markdown  Format = "markdown"
	PlainText Format = "text"
	DOCX      Format = "docx"
	PDF       Format = "pdf"
)

// DocumentResult is what ReadDocument found.
type DocumentResult struct {
	Kind     workbench.Kind
	Format   Format
	Encoding string
	Passages []document.Passage
	Warnings []workbench.Warning
}

// IsDocument decides whether a file is a document (its passages are
// imported) rather than structured rows, from its name and content. A .txt
// file is a document unless it reads as a table whose header names fields
// of a kind.
func IsDocument(path, name string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return Markdown, true
	case ".docx", ".docm":
		return DOCX, true
	case ".pdf":
		return PDF, true
	case ".txt", ".text":
		if looksTabular(path) {
			return "", false
		}
		return PlainText, true
	}
	f, err := os.Open(path)
	if err != nil {
		return "", false
	}
	defer f.Close()
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	if bytes.HasPrefix(head[:n], []byte("%PDF-")) {
		return PDF, true
	}
	return "", false
}

// looksTabular reports whether a text file opens as a CSV whose first rows
// hold a header row of some kind.
func looksTabular(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	t, _, err := tabular.OpenCSV(f, tabular.DefaultLimits())
	if err != nil {
		return false
	}
	rows, _ := head(t)
	return findHeader(cellsOf(rows), workbench.Kinds) >= 0
}

// ReadDocument reads a document's passages. Documents have no headers to
// tell their kind from, so opts.Kind is required.
func ReadDocument(ctx context.Context, path string, format Format, opts Options) (DocumentResult, error) {
	res := DocumentResult{Kind: opts.Kind, Format: format}
	if opts.Kind == "" {
		return res, fmt.Errorf("%w: %w", ErrKind, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonDocumentKind))
	}
	if opts.Kind == workbench.LabelSample {
		return res, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonSampleNotImage)
	}
	st, err := os.Stat(path)
	if err != nil {
		return res, err
	}
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if st.Size() > limit {
		return res, TooLarge(st.Size(), limit)
	}
	var passages []document.Passage
	var warnings []workbench.Warning
	switch format {
	case Markdown, PlainText:
		data, err := os.ReadFile(path)
		if err != nil {
			return res, err
		}
		passages, res.Encoding, err = textdoc.Read(data, format == Markdown)
		if err != nil {
			return res, err
		}
	default:
		passages, warnings, err = readBinaryDocument(path, format, st.Size())
		if err != nil {
			return res, err
		}
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	// A scanned PDF imports with a warning per page that has no text
	// layer: it is still evidence that the provider handed it over.
	if len(passages) == 0 && len(warnings) == 0 {
		return res, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonNoText)
	}
	res.Passages, res.Warnings = passages, warnings
	return res, nil
}
